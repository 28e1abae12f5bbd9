-- INSERT ... SELECT via the coordinator with ON CONFLICT and RETURNING (reference 3.8, 9)
-- expect: unsupported (INSERT ... SELECT); Citus: pull to coordinator, Output: remote_scan.status, remote_scan.n under the INSERT ... SELECT node
INSERT INTO status_stats (status, n) SELECT status, count(*) FROM orders WHERE flags > 8 GROUP BY status
ON CONFLICT (status) DO UPDATE SET n = status_stats.n + excluded.n
RETURNING status, n;
