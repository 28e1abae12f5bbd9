-- ordered-set aggregates: row gather
-- expect: multi-shard, 32 tasks; worker sends raw values
SELECT type_id, percentile_disc(0.9) WITHIN GROUP (ORDER BY value) AS p90, mode() WITHIN GROUP (ORDER BY type_id) AS m FROM events GROUP BY type_id ORDER BY type_id;
