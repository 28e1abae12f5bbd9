-- INSERT with a volatile function in the distribution column: evaluated on the coordinator before routing (reference 3.7; result is volatile by design)
-- expect: fast-path router (INSERT), 1 task whose shard depends on the random value
INSERT INTO customers (id, name) VALUES ((random() * 1000)::bigint + 100000, 'x');
