-- UPDATE that changes the distribution column (reference 3.9, 8)
-- expect: error: modifying the partition value of rows is not allowed
UPDATE orders SET customer_id = 5 WHERE id = 1;
