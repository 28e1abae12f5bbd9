-- UPDATE of the distribution column
-- expect: error: modifying the partition value of rows is not allowed
UPDATE orders SET o_orderkey = 9999 WHERE o_orderkey = 1500;
