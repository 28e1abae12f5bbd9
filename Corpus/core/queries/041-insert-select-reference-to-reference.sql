-- INSERT ... SELECT from a reference table into a reference table (reference 3.8)
-- expect: unsupported (INSERT ... SELECT); Citus: one router task on all placements
INSERT INTO tiers (id, label) SELECT id + 100, upper(label) FROM tiers;
