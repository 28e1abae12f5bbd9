-- INSERT ... SELECT into a reference table from a distributed table (reference 3.8)
-- expect: unsupported (INSERT ... SELECT); Citus: pull to coordinator
INSERT INTO tiers (id, label) SELECT id, name FROM customers WHERE id > 490;
