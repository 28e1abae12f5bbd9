-- stddev/variance with samp and pop forms over numeric: row gather (internal transition type)
-- expect: multi-shard, 16 tasks; worker sends raw amount
SELECT currency, stddev_samp(amount), stddev_pop(amount), var_samp(amount), var_pop(amount), variance(amount), stddev(amount)
FROM invoices GROUP BY currency ORDER BY currency;
