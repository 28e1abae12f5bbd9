-- UPDATE whose SET reads a subquery correlated on a column that is not the distribution column:
-- the matching rows can be in any shard, so it is not pushed down
-- expect: unsupported (subplan / decorrelation)
UPDATE orders o SET amount = (SELECT max(p.amount) FROM orders p WHERE p.status = o.status) WHERE o.customer_id IN (1, 2);
