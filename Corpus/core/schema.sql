-- The reference document's example cluster: six tables, two colocation groups of bigint and int
-- distribution columns, a reference table, a text-distributed table and a local table.
CREATE TABLE customers (id bigint PRIMARY KEY, name text, country text, score int);
CREATE TABLE orders (id bigint, customer_id bigint, amount numeric, status text,
                     created_at timestamptz, flags int, PRIMARY KEY (customer_id, id));
CREATE TABLE countries (code text PRIMARY KEY, name text);
CREATE TABLE events (event_id bigint, device_id int, kind text, payload jsonb);
CREATE TABLE local_t (k bigint, v text);
SELECT create_distributed_table('customers', 'id');
SELECT create_distributed_table('orders', 'customer_id', colocate_with => 'customers');
SELECT create_reference_table('countries');
SELECT create_distributed_table('events', 'device_id');

CREATE TABLE tiers (id bigint PRIMARY KEY, label text);
SELECT create_reference_table('tiers');
CREATE TABLE order_stats (customer_id bigint PRIMARY KEY, n bigint, total numeric);
SELECT create_distributed_table('order_stats', 'customer_id', colocate_with => 'customers');
CREATE TABLE status_stats (status text PRIMARY KEY, n bigint);
SELECT create_distributed_table('status_stats', 'status');

CREATE INDEX orders_status_idx ON orders (status);
INSERT INTO countries VALUES ('DE', 'Germany'), ('FR', 'France'), ('NL', 'Netherlands');

-- ---------------------------------------------------------------------------
-- Deterministic data for the query corpus (appended; the statements above are
-- the reference document's schema and are unchanged).
-- customers 1..500 (481..500 have no orders), orders 1..2000 with unique amounts,
-- flags chosen so that each flags value belongs to exactly one status.
-- order_stats holds customers 1..250 only, so INSERT ... SELECT queries that
-- target customers above 250 do not conflict.
-- ---------------------------------------------------------------------------
INSERT INTO countries VALUES ('US', 'United States'), ('JP', 'Japan'), ('CI', 'Côte d''Ivoire');

INSERT INTO customers (id, name, country, score)
SELECT i,
       CASE WHEN i % 50 = 0 THEN 'O''Brien & Sons ' || i
            WHEN i % 37 = 0 THEN 'Zoë Ünïcödé ' || i
            ELSE 'c' || i END,
       CASE WHEN i % 11 = 0 THEN NULL
            ELSE (ARRAY['DE', 'FR', 'NL', 'US', 'JP', 'BR', 'CI'])[1 + i % 7] END,
       CASE WHEN i % 17 = 0 THEN NULL
            WHEN i % 2 = 0 THEN (i / 2) % 16
            ELSE (i + 1) % 100 END
FROM generate_series(1, 500) i;

INSERT INTO orders (id, customer_id, amount, status, created_at, flags)
SELECT i,
       ((i - 1) % 480) + 1,
       round(((i * 7919) % 20011) / 100.0, 2),
       (ARRAY['new', 'paid', 'shipped', 'cancelled'])[1 + i % 4],
       CASE WHEN i % 13 = 0 THEN NULL
            ELSE timestamptz '2024-01-01 00:00:00+00' + i * interval '97 minutes' END,
       (i % 4) + 4 * ((i / 4) % 4)
FROM generate_series(1, 2000) i;

INSERT INTO events (event_id, device_id, kind, payload)
SELECT i,
       (i % 200) + 1,
       CASE WHEN i % 10 = 0 THEN NULL
            ELSE (ARRAY['click', 'view', 'purchase', 'scroll'])[1 + i % 4] END,
       CASE WHEN i % 23 = 0 THEN NULL
            ELSE jsonb_build_object('n', i, 'tag', 'tag ' || (i % 5), 'ok', i % 3 = 0) END
FROM generate_series(1, 3000) i;

INSERT INTO local_t (k, v)
SELECT i, CASE WHEN i % 9 = 0 THEN NULL
               ELSE (ARRAY['DE', 'FR', 'NL', 'local "quoted"', 'Ärger'])[1 + i % 5] END
FROM generate_series(1, 100) i;

INSERT INTO tiers (id, label)
SELECT i, (ARRAY['none', 'bronze', 'silver', 'gold', 'platinum'])[1 + i % 5] || ' ' || i
FROM generate_series(0, 10) i;
INSERT INTO tiers VALUES (9999, 'orphan tier');

INSERT INTO order_stats (customer_id, n, total)
SELECT i, 1 + i % 5, i * 1.25 FROM generate_series(1, 250) i;

INSERT INTO status_stats VALUES ('archived', 3), ('on hold', 1), ('Überprüfung', 2);

-- A reference table whose join keys are NULL in some rows, repeated in others, and outside the
-- distributed tables' keys in others (reference-kept outer joins split its rows by hash range).
CREATE TABLE customer_notes (note_id int PRIMARY KEY, customer_id int, device bigint, note text);
SELECT create_reference_table('customer_notes');
INSERT INTO customer_notes VALUES
    (1, 1, 1, 'first'), (2, 3, 3, 'three'), (3, 3, NULL, 'three again'), (4, NULL, NULL, 'no key'),
    (5, NULL, 200, 'no customer'), (6, 499, 5000000000, 'device out of int range'), (7, 500, 201, 'no orders'),
    (8, 501, -7, 'no such customer'), (9, -5, 150, 'negative'), (10, 2147483647, 2, 'int max'),
    (11, NULL, NULL, 'no key either'), (12, 250, 199, 'middle');

-- An operator named = outside pg_catalog that is not equality: `a OPERATOR(public.=) b` when a and b
-- end in the same digit. Pruning must not take it for the distribution column's equality.
CREATE FUNCTION public.same_last_digit(bigint, integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS 'SELECT $1 % 10 = $2 % 10';
CREATE OPERATOR public.= (LEFTARG = bigint, RIGHTARG = integer, FUNCTION = public.same_last_digit);
