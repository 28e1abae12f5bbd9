-- Multi-tenant SaaS: every tenant-owned table is distributed by tenant_id (bigint, 16 shards)
-- and colocated with tenants; plans and currencies are reference tables; admin_notes stays a
-- plain local table on the coordinator.
SET citus.shard_count = 16;

CREATE TABLE plans (
    plan_id       bigint PRIMARY KEY,
    name          text NOT NULL,
    monthly_price numeric(10,2) NOT NULL,
    max_users     int,
    features      jsonb
);

CREATE TABLE currencies (
    code     char(3) PRIMARY KEY,
    name     text NOT NULL,
    symbol   text,
    usd_rate numeric(12,6) NOT NULL
);

CREATE TABLE tenants (
    tenant_id   bigint PRIMARY KEY,
    name        text NOT NULL,
    plan_id     bigint NOT NULL,
    currency    char(3) NOT NULL,
    country     text,
    signup_date date NOT NULL,
    is_active   boolean NOT NULL DEFAULT true,
    settings    jsonb
);

CREATE TABLE users (
    tenant_id    bigint NOT NULL,
    user_id      bigint NOT NULL,
    email        text NOT NULL,
    display_name text,
    role         text NOT NULL,
    permissions  int NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL,
    last_login   timestamptz,
    PRIMARY KEY (tenant_id, user_id),
    UNIQUE (tenant_id, email)
);

CREATE TABLE projects (
    tenant_id  bigint NOT NULL,
    project_id bigint NOT NULL,
    name       text NOT NULL,
    owner_id   bigint,
    status     text NOT NULL,
    budget     numeric(12,2),
    started_on date,
    PRIMARY KEY (tenant_id, project_id)
);

CREATE TABLE tasks (
    tenant_id      bigint NOT NULL,
    task_id        bigint NOT NULL,
    project_id     bigint NOT NULL,
    assignee_id    bigint,
    title          text NOT NULL,
    priority       smallint NOT NULL,
    state          text NOT NULL,
    estimate_hours numeric(6,2),
    due_date       date,
    tags           text[],
    billable       boolean NOT NULL,
    PRIMARY KEY (tenant_id, task_id)
);

CREATE TABLE invoices (
    tenant_id  bigint NOT NULL,
    invoice_id bigint NOT NULL,
    issued_on  date NOT NULL,
    amount     numeric(12,2) NOT NULL,
    currency   char(3) NOT NULL,
    paid_on    date,
    PRIMARY KEY (tenant_id, invoice_id)
);

CREATE TABLE audit_log (
    tenant_id bigint NOT NULL,
    log_id    bigint NOT NULL,
    user_id   bigint,
    action    text NOT NULL,
    details   jsonb,
    at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, log_id)
);

-- local table: never distributed
CREATE TABLE admin_notes (
    note_id    int PRIMARY KEY,
    tenant_id  bigint,
    note       text,
    created_on date
);

SELECT create_reference_table('plans');
SELECT create_reference_table('currencies');
SELECT create_distributed_table('tenants', 'tenant_id');
SELECT create_distributed_table('users', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('projects', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('tasks', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('invoices', 'tenant_id', colocate_with => 'tenants');
SELECT create_distributed_table('audit_log', 'tenant_id', colocate_with => 'tenants');

ALTER TABLE tenants ADD CONSTRAINT tenants_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (plan_id);
ALTER TABLE tenants ADD CONSTRAINT tenants_currency_fk FOREIGN KEY (currency) REFERENCES currencies (code);
ALTER TABLE projects ADD CONSTRAINT projects_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id);
ALTER TABLE tasks ADD CONSTRAINT tasks_project_fk FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, project_id);

-- ---------------------------------------------------------------------------
-- Deterministic data. Tenants 1..200; projects and tasks belong to tenants 1..190 only
-- (tenants 191..200 have none); user u belongs to tenant (u % 200) + 1.
-- ---------------------------------------------------------------------------
INSERT INTO plans VALUES
    (1, 'Free', 0.00, 3, '{"sso": false, "api": false}'),
    (2, 'Starter', 19.00, 10, '{"sso": false, "api": true}'),
    (3, 'Pro', 49.50, 50, '{"sso": true, "api": true}'),
    (4, 'Enterprise "Plus"', 299.99, NULL, NULL);

INSERT INTO currencies VALUES
    ('USD', 'US dollar', '$', 1.000000),
    ('EUR', 'Euro', '€', 1.085000),
    ('GBP', 'Pound sterling', '£', 1.270500),
    ('JPY', 'Japanese yen', '¥', 0.006650),
    ('CHF', 'Swiss franc', NULL, 1.120000);

INSERT INTO tenants (tenant_id, name, plan_id, currency, country, signup_date, is_active, settings)
SELECT i,
       CASE WHEN i % 40 = 0 THEN 'Müller & Söhne GmbH ' || i
            WHEN i % 33 = 0 THEN 'O''Reilly Media ' || i
            ELSE 'Tenant ' || i END,
       1 + i % 4,
       (ARRAY['USD', 'EUR', 'GBP', 'JPY', 'CHF'])[1 + i % 5],
       CASE WHEN i % 13 = 0 THEN NULL ELSE (ARRAY['US', 'DE', 'GB', 'JP', 'CH', 'FR'])[1 + i % 6] END,
       date '2022-01-01' + (i * 3) % 700,
       i % 9 <> 0,
       CASE WHEN i % 4 = 0 THEN NULL
            ELSE jsonb_build_object('theme', (ARRAY['dark', 'light'])[1 + i % 2], 'seats', i % 20) END
FROM generate_series(1, 200) i;

INSERT INTO users (tenant_id, user_id, email, display_name, role, permissions, created_at, last_login)
SELECT (i % 200) + 1,
       i,
       'user' || i || '@tenant' || ((i % 200) + 1) || '.example',
       CASE WHEN i % 15 = 0 THEN NULL
            WHEN i % 29 = 0 THEN 'José "Pepe" Núñez ' || i
            ELSE 'User ' || i END,
       (ARRAY['owner', 'admin', 'member', 'member', 'viewer'])[1 + (i / 200) % 5],
       (i * 37) % 256,
       timestamptz '2023-01-01 00:00:00+00' + i * interval '7 hours',
       CASE WHEN i % 6 = 0 THEN NULL
            ELSE timestamptz '2024-01-01 00:00:00+00' + i * interval '53 minutes' END
FROM generate_series(1, 2000) i;

INSERT INTO projects (tenant_id, project_id, name, owner_id, status, budget, started_on)
SELECT (i % 190) + 1,
       i,
       CASE WHEN i % 25 = 0 THEN 'Relaunch ''' || i || ''' — phase 2' ELSE 'Project ' || i END,
       CASE WHEN i % 17 = 0 THEN NULL ELSE (i % 190) + 200 * (1 + i % 9) END,
       (ARRAY['active', 'active', 'planning', 'archived'])[1 + i % 4],
       CASE WHEN i % 8 = 0 THEN NULL ELSE round((i * 7919 % 50000) * 1.5 + 0.25, 2) END,
       date '2023-01-01' + (i * 5) % 500
FROM generate_series(1, 600) i;

INSERT INTO tasks (tenant_id, task_id, project_id, assignee_id, title, priority, state, estimate_hours, due_date, tags, billable)
SELECT ((i % 600 + 1) % 190) + 1,
       i,
       (i % 600) + 1,
       CASE WHEN i % 11 = 0 THEN NULL ELSE ((i % 600 + 1) % 190) + 200 * (1 + i % 9) END,
       CASE WHEN i % 31 = 0 THEN 'Fix "quoted" bug #' || i
            WHEN i % 47 = 0 THEN 'Überarbeiten: Straße ' || i
            ELSE 'Task ' || i END,
       (1 + (i / 3) % 5)::smallint,
       (ARRAY['todo', 'doing', 'done', 'done', 'blocked'])[1 + (i / 7) % 5],
       CASE WHEN i % 13 = 0 THEN NULL ELSE round((i % 37) * 0.75 + 0.5, 2) END,
       CASE WHEN i % 10 = 0 THEN NULL ELSE date '2024-01-01' + (i * 7) % 400 END,
       CASE WHEN i % 6 = 0 THEN NULL
            ELSE ARRAY[(ARRAY['backend', 'frontend', 'ops', 'design'])[1 + (i / 5) % 4], 'p' || (1 + (i / 3) % 5)] END,
       (i / 2) % 3 <> 0
FROM generate_series(1, 4000) i;

INSERT INTO invoices (tenant_id, invoice_id, issued_on, amount, currency, paid_on)
SELECT (i % 200) + 1,
       i,
       date '2023-01-01' + i % 540,
       round((i * 7907 % 100000) / 100.0 + 10, 2),
       (ARRAY['USD', 'EUR', 'GBP', 'JPY', 'CHF'])[1 + ((i % 200) + 1) % 5],
       CASE WHEN i % 7 = 0 THEN NULL ELSE date '2023-01-01' + i % 540 + i % 30 END
FROM generate_series(1, 2400) i;

INSERT INTO audit_log (tenant_id, log_id, user_id, action, details, at)
SELECT (i % 200) + 1,
       i,
       CASE WHEN i % 19 = 0 THEN NULL ELSE (i % 200) + 200 * ((i / 200) % 10) END,
       (ARRAY['login', 'logout', 'create_task', 'delete_project', 'export'])[1 + (i / 200) % 5],
       CASE WHEN i % 12 = 0 THEN NULL
            ELSE jsonb_build_object('ip', '10.0.' || (i % 256) || '.1', 'ok', i % 4 <> 0) END,
       timestamptz '2024-03-01 00:00:00+00' + i * interval '17 minutes'
FROM generate_series(1, 3000) i;

INSERT INTO admin_notes (note_id, tenant_id, note, created_on)
SELECT i,
       (i * 7) % 200 + 1,
       CASE WHEN i % 5 = 0 THEN NULL ELSE 'Called customer; said "it''s fine" #' || i END,
       date '2024-01-01' + i * 3
FROM generate_series(1, 60) i;
