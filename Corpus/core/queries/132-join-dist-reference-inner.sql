-- distributed JOIN reference table: reference shard in every task (reference 6.2)
-- expect: multi-shard, 32 tasks with countries_102072
SELECT k.name, count(*) FROM customers c JOIN countries k ON k.code = c.country GROUP BY k.name;
