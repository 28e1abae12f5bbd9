-- non-colocated join: orders JOIN couriers on courier_id
-- expect: error: the query contains a join that requires repartitioning
SELECT c.vehicle, count(*) FROM orders o JOIN couriers c ON c.courier_id = o.courier_id GROUP BY c.vehicle;
