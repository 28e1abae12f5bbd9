-- router: reference tables only (nations per region)
-- expect: router (reference tables only), 1 task on the first placement
SELECT r_name, count(*) AS nations, string_agg(trim(n_name), ', ' ORDER BY n_name) AS names
FROM nation JOIN region ON r_regionkey = n_regionkey
GROUP BY r_name ORDER BY r_name;
