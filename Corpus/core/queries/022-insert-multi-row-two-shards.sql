-- INSERT ... VALUES multi-row: rows grouped by target shard (reference 3.7 uses ids 20, 4, 8, 7; those exist in this data set, so 2020, 2004, 2008, 2007 are used)
-- expect: multi-row INSERT, one task per distinct target shard, alias citus_table_alias, typed literals
INSERT INTO customers (id, name) VALUES (2020, 'a'), (2004, 'b'), (2008, 'c'), (2007, 'd');
