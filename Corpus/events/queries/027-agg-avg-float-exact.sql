-- avg and sum over double precision; all values are multiples of 1/8, so the float sums are exact regardless of order
-- expect: multi-shard, 32 tasks; avg split into sum and count
SELECT type_id, avg(value), sum(value), min(value), max(value) FROM events GROUP BY type_id ORDER BY type_id;
