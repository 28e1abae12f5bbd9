-- multi-shard UPDATE without a key filter
-- expect: multi-shard modify, 32 tasks
UPDATE lineitem SET l_returnflag = 'A' WHERE l_returnflag = 'R' AND l_receiptdate < date '1992-06-01';
