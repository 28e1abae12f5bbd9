-- array_agg on its own is pushed down and merged with array_cat_agg (reference 5.2); cardinality keeps the result order-independent
-- expect: multi-shard, 32 tasks; coordinator array_cat_agg(remote_scan.array_agg)
SELECT cardinality(array_agg(amount)) FROM orders;
