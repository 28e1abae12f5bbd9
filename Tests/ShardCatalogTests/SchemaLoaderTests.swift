import Testing
import ShardCatalog

/// Reading schema scripts: every statement form the catalog models, the statements it keeps for
/// data loading, and bad catalogs with their messages and positions.
struct SchemaLoaderTests {
    struct BadCatalog: Sendable, CustomTestStringConvertible {
        let name: String
        let script: String
        let message: String
        let detail: String?
        let line: Int
        var testDescription: String { name }
    }

    static let prelude = """
        CREATE TABLE customers (id bigint PRIMARY KEY, name text);
        SELECT create_distributed_table('customers', 'id');
        CREATE TABLE countries (code text PRIMARY KEY);
        SELECT create_reference_table('countries');
        CREATE TABLE local_t (k bigint);

        """

    static let badCatalogs: [BadCatalog] = [
        BadCatalog(name: "unknown table", script: prelude + "SELECT create_distributed_table('nosuch', 'id');",
                   message: "relation \"nosuch\" does not exist", detail: nil, line: 6),
        BadCatalog(name: "unknown column", script: prelude + "CREATE TABLE o (id bigint);\nSELECT create_distributed_table('o', 'cid');",
                   message: "column \"cid\" of relation \"o\" does not exist", detail: nil, line: 7),
        BadCatalog(name: "colocate with another type",
                   script: prelude + "CREATE TABLE x_int (k int);\nSELECT create_distributed_table('x_int', 'k', colocate_with => 'customers');",
                   message: "cannot colocate tables customers and x_int", detail: "Distribution column types don't match for customers and x_int.",
                   line: 7),
        BadCatalog(name: "colocate with a table and a shard count",
                   script: prelude + "CREATE TABLE x (k bigint);\nSELECT create_distributed_table('x', 'k', colocate_with => 'customers', shard_count => 8);",
                   message: "Cannot use colocate_with with a table and shard_count at the same time", detail: nil, line: 7),
        BadCatalog(name: "colocate with a reference table",
                   script: prelude + "CREATE TABLE x (k text);\nSELECT create_distributed_table('x', 'k', colocate_with => 'countries');",
                   message: "cannot colocate tables countries and x", detail: "Replication models don't match for countries and x.", line: 7),
        BadCatalog(name: "colocate with a local table",
                   script: prelude + "CREATE TABLE x (k bigint);\nSELECT create_distributed_table('x', 'k', colocate_with => 'local_t');",
                   message: "relation local_t is not distributed", detail: nil, line: 7),
        BadCatalog(name: "distributed twice", script: prelude + "SELECT create_distributed_table('customers', 'name');",
                   message: "table \"customers\" is already distributed", detail: nil, line: 6),
        BadCatalog(name: "reference table distributed again", script: prelude + "SELECT create_reference_table('customers');",
                   message: "table \"customers\" is already distributed", detail: nil, line: 6),
        BadCatalog(name: "table created later",
                   script: "SELECT create_distributed_table('orders', 'id');\nCREATE TABLE orders (id bigint);",
                   message: "relation \"orders\" does not exist", detail: nil, line: 1),
        BadCatalog(name: "column type without a hash function",
                   script: prelude + "CREATE TABLE m (k money);\nSELECT create_distributed_table('m', 'k');",
                   message: "could not identify a hash function for type money",
                   detail: "Partition column types must have a hash function defined to use hash partitioning.", line: 7),
        BadCatalog(name: "json column", script: "CREATE TABLE j (k json);\nSELECT create_distributed_table('j', 'k');",
                   message: "could not identify a hash function for type json",
                   detail: "Partition column types must have a hash function defined to use hash partitioning.", line: 2),
        BadCatalog(name: "shard_count 0", script: "CREATE TABLE t (k int);\nSELECT create_distributed_table('t', 'k', shard_count => 0);",
                   message: "0 is outside the valid range for parameter \"shard_count\" (1 .. 64000)", detail: nil, line: 2),
        BadCatalog(name: "negative shard_count", script: "CREATE TABLE t (k int);\n\n  SELECT create_distributed_table('t', 'k', shard_count := -4);",
                   message: "-4 is outside the valid range for parameter \"shard_count\" (1 .. 64000)", detail: nil, line: 3),
        BadCatalog(name: "citus.shard_count 0", script: "SET citus.shard_count = 0;",
                   message: "0 is outside the valid range for parameter \"citus.shard_count\" (1 .. 64000)", detail: nil, line: 1),
        BadCatalog(name: "shard_count that is not an integer",
                   script: "CREATE TABLE t (k int);\nSELECT create_distributed_table('t', 'k', shard_count => 'many');",
                   message: "invalid input syntax for type integer: \"many\"", detail: nil, line: 2),
        BadCatalog(name: "port that is not an integer", script: "SELECT citus_add_node('10.0.0.1', '54x');",
                   message: "invalid input syntax for type integer: \"54x\"", detail: nil, line: 1),
        BadCatalog(name: "unknown type modifier", script: "CREATE TABLE t (k varchar(0));",
                   message: "length for type varchar must be at least 1", detail: nil, line: 1),
        BadCatalog(name: "distributing a partition",
                   script: "CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);\nCREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\nSELECT create_distributed_table('m1', 'id');",
                   message: "cannot distribute relation \"m1\" which is partition of \"m\"",
                   detail: "Citus does not support distributing partitions if their parent is not distributed table.", line: 3),
        BadCatalog(name: "dropping the distribution column",
                   script: prelude + "ALTER TABLE customers DROP COLUMN id;",
                   message: "cannot execute ALTER TABLE command involving partition column", detail: nil, line: 6),
        BadCatalog(name: "no workers", script: "SELECT citus_set_coordinator_host('127.0.0.1', 9700);\nCREATE TABLE t (k int);\nSELECT create_distributed_table('t', 'k');",
                   message: "replication_factor (1) exceeds number of worker nodes (0)", detail: nil, line: 3),
        BadCatalog(name: "append distribution", script: "CREATE TABLE t (k int);\nSELECT create_distributed_table('t', 'k', 'append');",
                   message: "append-distributed tables are not supported", detail: nil, line: 2),
        BadCatalog(name: "unknown named argument", script: "CREATE TABLE t (k int);\nSELECT create_distributed_table('t', 'k', shards => 4);",
                   message: "function create_distributed_table has no parameter named \"shards\"", detail: nil, line: 2),
        BadCatalog(name: "duplicate table", script: "CREATE TABLE t (k int);\nCREATE TABLE t (k int);",
                   message: "relation \"t\" already exists", detail: nil, line: 2),
        BadCatalog(name: "syntax error", script: "CREATE TABLE t (k int);\nCREATE TABEL u (k int);",
                   message: "syntax error at or near \"TABEL\"", detail: nil, line: 2),
    ]

    @Test(arguments: badCatalogs)
    func badCatalog(_ bad: BadCatalog) {
        do {
            _ = try SchemaLoader.load(bad.script, fileName: "schema.sql")
            Issue.record("expected an error: \(bad.message)")
        } catch {
            #expect(error.message == bad.message)
            #expect(error.detail == bad.detail)
            #expect(error.statement?.line == bad.line)
            #expect(error.statement?.fileName == "schema.sql")
            #expect(error.description.hasPrefix("schema.sql:\(bad.line):"))
        }
    }

    @Test func tableCreatedLaterGetsAHint() {
        do {
            _ = try SchemaLoader.load("SELECT create_reference_table('r');\n\nCREATE TABLE r (id int);")
            Issue.record("expected an error")
        } catch {
            #expect(error.hint == "The script creates r later, at line 3; create a table before using it.")
            #expect(error.description.contains("in statement 1: SELECT create_reference_table('r')"))
        }
    }

    @Test func columnsConstraintsAndTypes() throws {
        let catalog = try SchemaLoader.load("""
            CREATE SCHEMA app;
            SET search_path = app, public;
            CREATE TABLE accounts (
                id bigserial PRIMARY KEY,
                email varchar(200) NOT NULL UNIQUE,
                "Region" char(2) COLLATE "C" DEFAULT 'eu',
                balance numeric(12, 2) DEFAULT 0 CHECK (balance >= 0),
                seen timestamp(3) with time zone,
                tags text[],
                code int GENERATED ALWAYS AS IDENTITY,
                doubled numeric GENERATED ALWAYS AS (balance * 2) STORED
            );
            CREATE TABLE payments (id bigint, account_id bigint, amount numeric,
                                   PRIMARY KEY (account_id, id),
                                   FOREIGN KEY (account_id) REFERENCES accounts);
            ALTER TABLE payments ADD COLUMN note text DEFAULT 'n/a', ADD CONSTRAINT payments_note_key UNIQUE (account_id, note);
            ALTER TABLE payments ALTER COLUMN amount SET NOT NULL;
            CREATE TABLE archived (LIKE payments INCLUDING ALL);
            """).catalog
        let accounts = try #require(catalog.table(named: ["accounts"]))
        #expect(accounts.name == QualifiedName(schema: "app", name: "accounts"))
        #expect(accounts.columns.map(\.name) == ["id", "email", "Region", "balance", "seen", "tags", "code", "doubled"])
        #expect(accounts.columns.map(\.type.name) == ["bigint", "character varying(200)", "character(2)", "numeric(12,2)",
                                                      "timestamp(3) with time zone", "text[]", "integer", "numeric"])
        #expect(accounts.columns[0].defaultExpression == "nextval('app.accounts_id_seq'::regclass)")
        #expect(accounts.columns[0].isNullable == false)
        #expect(accounts.columns[1].isNullable == false)
        #expect(accounts.columns[2].collation == "C")
        #expect(accounts.columns[2].defaultExpression == "'eu'")
        #expect(accounts.columns[6].identity == "always")
        #expect(accounts.columns[7].generatedExpression == "balance * 2")
        #expect(accounts.primaryKey == KeyConstraint(name: "accounts_pkey", columns: ["id"]))
        #expect(accounts.uniqueConstraints == [KeyConstraint(name: "accounts_email_key", columns: ["email"])])
        let payments = try #require(catalog.table(named: ["app", "payments"]))
        #expect(payments.foreignKeys == [ForeignKeyConstraint(name: "payments_account_id_fkey", columns: ["account_id"],
                                                               referencedTable: accounts.name, referencedColumns: ["id"])])
        #expect(payments.column(named: "note")?.defaultExpression == "'n/a'")
        #expect(payments.column(named: "amount")?.isNullable == false)
        #expect(payments.uniqueConstraints.map(\.name) == ["payments_note_key"])
        let archived = try #require(catalog.table(named: ["archived"]))
        #expect(archived.columns.map(\.name) == payments.columns.map(\.name))
        #expect(archived.primaryKey?.columns == ["account_id", "id"])
    }

    @Test func namesAreResolvedLikePostgreSQL() throws {
        let catalog = try SchemaLoader.load("""
            CREATE SCHEMA "Sales";
            CREATE TABLE "Sales"."Order Items" ("Key" bigint, qty int);
            SELECT create_distributed_table('"Sales"."Order Items"', 'Key');
            CREATE TABLE Mixed (ID bigint);
            SELECT create_distributed_table('MIXED', 'id');
            CREATE TABLE quoted (k bigint);
            SELECT create_distributed_table('public.quoted', '"k"');
            """).catalog
        #expect(catalog.table(named: ["Sales", "Order Items"])?.distribution == .hash(column: "Key"))
        #expect(catalog.table(named: ["mixed"])?.distribution == .hash(column: "id"))
        #expect(catalog.table(named: ["quoted"])?.distribution == .hash(column: "k"))
    }

    @Test func otherStatementsAreKeptInOrderWithCopyData() throws {
        let script = try SchemaLoader.load("""
            CREATE EXTENSION IF NOT EXISTS citus;
            CREATE TABLE t (k int PRIMARY KEY, v text);
            SELECT create_distributed_table('t', 'k');
            CREATE INDEX t_v_idx ON t (v);
            INSERT INTO t SELECT i, 'v' || i FROM generate_series(1, 10) i;
            COPY t (k, v) FROM STDIN;
            11\televen; with a semicolon
            12\t'quoted'
            \\.
            COMMENT ON TABLE t IS 'a; table';
            GRANT SELECT ON t TO PUBLIC;
            SELECT citus_remove_node('x', 1);
            """)
        let other = script.otherStatements
        #expect(other.map(\.text) == [
            "CREATE EXTENSION IF NOT EXISTS citus", "CREATE INDEX t_v_idx ON t (v)",
            "INSERT INTO t SELECT i, 'v' || i FROM generate_series(1, 10) i", "COPY t (k, v) FROM STDIN",
            "COMMENT ON TABLE t IS 'a; table'", "GRANT SELECT ON t TO PUBLIC", "SELECT citus_remove_node('x', 1)",
        ])
        #expect(other[3].copyData == "11\televen; with a semicolon\n12\t'quoted'\n")
        #expect(other[3].position.line == 6)
        #expect(other[4].position.line == 10)
        #expect(script.statements.map(\.role) == [.other, .ddl, .citus, .other, .other, .other, .other, .other, .other])
        #expect(script.warnings.count == 1)
    }

    @Test func declaredNodesReplaceTheDefaultTopology() throws {
        let bare = try SchemaLoader.load("CREATE TABLE t (k int);").catalog
        #expect(bare.nodes.map(\.address) == ["127.0.0.1:9700", "127.0.0.1:9701", "127.0.0.1:9702"])
        #expect(bare.coordinator?.shouldHaveShards == false)
        let declared = try SchemaLoader.load("SELECT citus_add_node('w1', 5432);\nSELECT citus_add_node('w2', 5432);").catalog
        #expect(declared.nodes.map(\.address) == ["w1:5432", "w2:5432"])
        #expect(declared.coordinator == nil)
    }

    @Test func dropAndRename() throws {
        let catalog = try SchemaLoader.load("""
            CREATE TABLE a (k int, v text);
            SELECT create_distributed_table('a', 'k');
            ALTER TABLE a RENAME COLUMN k TO key;
            ALTER TABLE a RENAME TO b;
            CREATE TABLE gone (k int);
            DROP TABLE gone;
            DROP TABLE IF EXISTS never;
            """).catalog
        #expect(catalog.table(named: ["b"])?.distribution == .hash(column: "key"))
        #expect(catalog.table(named: ["a"]) == nil && catalog.table(named: ["gone"]) == nil)
    }
}
