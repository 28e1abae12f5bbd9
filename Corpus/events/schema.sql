-- Real-time event analytics. devices, events and the rollup tables are distributed by
-- device_id (int) in one colocation group; sessions is distributed by session_id (uuid, a
-- different type, so its own group); alerts is distributed by device_id but with
-- colocate_with => 'none' (same type, separate group, so joins with events need
-- repartitioning); ingest_batches is distributed by a timestamptz with 4 shards;
-- event_types and regions are reference tables.
-- The time zone is fixed so that timestamptz constants without an offset, and date_trunc on
-- timestamptz values, mean the same thing everywhere.
SET TimeZone = 'UTC';

CREATE TABLE event_types (
    type_id     int PRIMARY KEY,
    name        text NOT NULL,
    category    text NOT NULL,
    is_billable boolean NOT NULL
);

CREATE TABLE regions (
    code       text PRIMARY KEY,
    name       text NOT NULL,
    utc_offset interval
);

CREATE TABLE devices (
    device_id     int PRIMARY KEY,
    model         text NOT NULL,
    firmware      text,
    region        text,
    registered_at timestamptz NOT NULL,
    owner_email   text,
    tags          jsonb,
    is_active     boolean NOT NULL
);

CREATE TABLE events (
    device_id   int NOT NULL,
    event_id    bigint NOT NULL,
    type_id     smallint NOT NULL,
    occurred_at timestamptz NOT NULL,
    session_id  uuid,
    value       double precision,
    amount      numeric(10,3),
    payload     jsonb,
    PRIMARY KEY (device_id, event_id)
);

CREATE TABLE hourly_rollup (
    device_id int NOT NULL,
    hour      timestamptz NOT NULL,
    type_id   smallint NOT NULL,
    n         bigint NOT NULL,
    total     numeric,
    PRIMARY KEY (device_id, hour, type_id)
);

CREATE TABLE daily_rollup (
    device_id      int NOT NULL,
    day            date NOT NULL,
    events         bigint NOT NULL,
    distinct_types int,
    PRIMARY KEY (device_id, day)
);

CREATE TABLE sessions (
    session_id uuid PRIMARY KEY,
    device_id  int NOT NULL,
    started_at timestamptz NOT NULL,
    ended_at   timestamptz,
    user_agent text,
    bytes      bigint
);

CREATE TABLE alerts (
    device_id    int NOT NULL,
    alert_id     bigint NOT NULL,
    severity     smallint NOT NULL,
    message      text,
    raised_at    timestamptz NOT NULL,
    acknowledged boolean NOT NULL DEFAULT false,
    PRIMARY KEY (device_id, alert_id)
);

CREATE TABLE ingest_batches (
    batch_ts    timestamptz PRIMARY KEY,
    source      text NOT NULL,
    rows_loaded int,
    ok          boolean
);

SELECT create_reference_table('event_types');
SELECT create_reference_table('regions');
SELECT create_distributed_table('devices', 'device_id');
SELECT create_distributed_table('events', 'device_id', colocate_with => 'devices');
SELECT create_distributed_table('hourly_rollup', 'device_id', colocate_with => 'devices');
SELECT create_distributed_table('daily_rollup', 'device_id');
SELECT create_distributed_table('sessions', 'session_id');
SELECT create_distributed_table('alerts', 'device_id', colocate_with => 'none');
SELECT create_distributed_table('ingest_batches', 'batch_ts', shard_count => 4);

-- ---------------------------------------------------------------------------
-- Deterministic data. Devices 1..320; events only for devices 1..300. Session s belongs to
-- device (s % 300) + 1 and its id is md5('s' || s)::uuid. Event values are multiples of
-- 1/8, so float sums over them are exact whatever the summation order.
-- ---------------------------------------------------------------------------
INSERT INTO event_types VALUES
    (1, 'page_view', 'engagement', false),
    (2, 'click', 'engagement', false),
    (3, 'purchase', 'commerce', true),
    (4, 'error', 'health', false),
    (5, 'heartbeat', 'health', false),
    (6, 'login', 'security', false),
    (7, 'logout', 'security', false),
    (8, 'crash "fatal"', 'health', true);

INSERT INTO regions VALUES
    ('eu-west', 'Europe (Dublin)', interval '0 hours'),
    ('eu-central', 'Europe (Zürich)', interval '1 hour'),
    ('us-east', 'US East', interval '-5 hours'),
    ('ap-south', 'Asia Pacific (Mumbai)', interval '5 hours 30 minutes'),
    ('sa-east', 'South America (São Paulo)', NULL);

INSERT INTO devices (device_id, model, firmware, region, registered_at, owner_email, tags, is_active)
SELECT i,
       (ARRAY['Sensor X1', 'Sensor X2', 'Gateway "G"', 'Thermo Ω'])[1 + i % 4],
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'v1.' || (i % 5) END,
       CASE WHEN i % 23 = 0 THEN NULL ELSE (ARRAY['eu-west', 'eu-central', 'us-east', 'ap-south', 'sa-east'])[1 + i % 5] END,
       timestamptz '2023-01-01 00:00:00+00' + i * interval '1 day 3 hours',
       CASE WHEN i % 7 = 0 THEN NULL ELSE 'owner' || (i % 50) || '@example.com' END,
       CASE WHEN i % 3 = 0 THEN NULL ELSE jsonb_build_object('floor', i % 12, 'zone', 'Zone ' || chr(65 + i % 6)) END,
       i % 11 <> 0
FROM generate_series(1, 320) i;

INSERT INTO sessions (session_id, device_id, started_at, ended_at, user_agent, bytes)
SELECT md5('s' || i)::uuid,
       (i % 300) + 1,
       timestamptz '2024-05-01 00:00:00+00' + i * interval '17 minutes',
       CASE WHEN i % 9 = 0 THEN NULL
            ELSE timestamptz '2024-05-01 00:00:00+00' + i * interval '17 minutes' + (i % 90) * interval '1 minute' END,
       CASE WHEN i % 13 = 0 THEN NULL
            WHEN i % 5 = 0 THEN 'Mozilla/5.0 (X11; "Linux")'
            ELSE 'agent/' || (i % 4) || ' ünïcode' END,
       (i * 7919) % 100000 + 1
FROM generate_series(1, 1200) i;

INSERT INTO events (device_id, event_id, type_id, occurred_at, session_id, value, amount, payload)
SELECT (i % 300) + 1,
       i,
       (1 + (i / 300) % 8)::smallint,
       timestamptz '2024-05-01 00:00:00+00' + i * interval '187 seconds',
       CASE WHEN i % 17 = 0 THEN NULL ELSE md5('s' || ((i % 300) + 300 * (1 + (i / 300) % 3)))::uuid END,
       CASE WHEN i % 19 = 0 THEN NULL ELSE (i % 1000) / 8.0 END,
       CASE WHEN (i / 300) % 8 = 2 THEN round(((i * 7919) % 100000) / 1000.0, 3) END,
       CASE WHEN i % 14 = 0 THEN NULL
            ELSE jsonb_build_object('path', '/p/' || (i % 50), 'ms', i % 500, 'ok', i % 6 <> 0) END
FROM generate_series(1, 6000) i;

INSERT INTO hourly_rollup (device_id, hour, type_id, n, total)
SELECT d,
       timestamptz '2024-05-01 00:00:00+00' + h * interval '1 hour',
       (1 + (d + h) % 8)::smallint,
       1 + (d * h) % 20,
       round(((d * 31 + h * 17) % 1000) / 10.0, 1)
FROM generate_series(1, 300) d, generate_series(0, 11) h;

INSERT INTO daily_rollup (device_id, day, events, distinct_types)
SELECT d,
       date '2024-05-01' + k,
       (d * 13 + k * 7) % 60,
       CASE WHEN (d + k) % 9 = 0 THEN NULL ELSE 1 + (d + k) % 8 END
FROM generate_series(1, 300) d, generate_series(0, 6) k;

INSERT INTO alerts (device_id, alert_id, severity, message, raised_at, acknowledged)
SELECT (i * 7) % 300 + 1,
       i,
       (1 + i % 5)::smallint,
       CASE WHEN i % 8 = 0 THEN NULL ELSE 'Temperature > ' || (40 + i % 30) || '°C on "probe ' || (i % 4) || '"' END,
       timestamptz '2024-05-01 00:00:00+00' + i * interval '23 minutes',
       i % 3 = 0
FROM generate_series(1, 800) i;

INSERT INTO ingest_batches (batch_ts, source, rows_loaded, ok)
SELECT timestamptz '2024-05-01 00:00:00+00' + i * interval '1 hour',
       (ARRAY['kafka', 'http', 'mqtt'])[1 + i % 3],
       CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 37) % 5000 END,
       i % 7 <> 0
FROM generate_series(1, 200) i;
