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
