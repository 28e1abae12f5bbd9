import Foundation
import ShardCatalog
import Testing
@testable import ShardRunner

/// A schema with a distribution column of every common type, a 7-shard table, reference,
/// single-shard, local and Citus-managed local tables, an enum, indexes, COPY rows (text and
/// CSV) and generate_series data.
let generatedSchema = #"""
CREATE SCHEMA app;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE regions (code char(2) PRIMARY KEY, name text);
CREATE TABLE region_notes (id int PRIMARY KEY, region char(2) REFERENCES regions (code), note text);
CREATE TABLE app.accounts (id bigint PRIMARY KEY, name text NOT NULL, balance numeric(12,2), feeling mood,
                           created timestamptz, UNIQUE (id, name));
CREATE TABLE items (sku int PRIMARY KEY, label varchar(40), price numeric);
CREATE TABLE tags (code text PRIMARY KEY, weight int);
CREATE TABLE readings (val numeric, reading_id bigint, note text);
CREATE TABLE devices (device uuid PRIMARY KEY, kind text);
CREATE TABLE daily (day date PRIMARY KEY, total bigint);
CREATE TABLE ticks (at timestamptz NOT NULL, v double precision);
CREATE TABLE "user names" (name varchar(30), n int);
CREATE TABLE seven (k bigint, payload text);
CREATE TABLE solo (a int, b text);
CREATE TABLE audit_log (id bigserial PRIMARY KEY, msg text);
CREATE TABLE flags (f boolean, n int);
CREATE TABLE smalls (s smallint, n int);
CREATE TABLE padded (p char(5), n int);
CREATE TABLE floats (x double precision, n int);
CREATE TABLE stamps (t timestamp, n int);
CREATE TABLE blobs (b bytea, n int);
CREATE TABLE measurements (device_id int, at date NOT NULL, value numeric, PRIMARY KEY (device_id, at)) PARTITION BY RANGE (at);
CREATE TABLE measurements_2023 PARTITION OF measurements FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
SELECT create_reference_table('regions');
SELECT create_distributed_table('app.accounts', 'id');
SELECT create_distributed_table('items', 'sku');
SELECT create_distributed_table('tags', 'code');
SELECT create_distributed_table('readings', 'val');
SELECT create_distributed_table('devices', 'device');
SELECT create_distributed_table('daily', 'day');
SELECT create_distributed_table('ticks', 'at');
SELECT create_distributed_table('"user names"', 'name');
SELECT create_distributed_table('seven', 'k', shard_count => 7);
SELECT create_distributed_table('solo', NULL);
SELECT create_distributed_table('flags', 'f', shard_count => 4);
SELECT create_distributed_table('smalls', 's');
SELECT create_distributed_table('padded', 'p');
SELECT create_distributed_table('floats', 'x');
SELECT create_distributed_table('stamps', 't');
SELECT create_distributed_table('blobs', 'b');
SELECT create_distributed_table('measurements', 'device_id');
CREATE INDEX ON items (label);
CREATE INDEX accounts_name_idx ON app.accounts (name) WHERE balance > 0;
CREATE INDEX tags_lower_idx ON tags (lower(code));
INSERT INTO app.accounts SELECT g, 'acct-' || g, (g * 1.25)::numeric(12,2), (ARRAY['sad','ok','happy'])[1 + g % 3]::mood,
    timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour' FROM generate_series(1, 5000) g;
INSERT INTO items SELECT g, 'item ' || g, g / 7.0 FROM generate_series(-2000, 2000) g;
INSERT INTO tags SELECT md5(g::text), g FROM generate_series(1, 3000) g;
INSERT INTO tags VALUES ('', 0), ('Ünïcödé', 1), (E'tab\there', 2), (E'new\nline', 3), (E'back\\slash', 4), ('0123456789abc', 5);
INSERT INTO readings SELECT (g * 0.37)::numeric, g, NULL FROM generate_series(-100, 3000) g;
INSERT INTO readings VALUES (1e20, 1, 'big'), (-0.5, 2, 'neg'), (42.000, 3, 'scale'), ('NaN', 4, 'nan');
INSERT INTO devices SELECT md5(g::text)::uuid, 'k' || (g % 5) FROM generate_series(1, 2000) g;
INSERT INTO daily SELECT date '1999-06-01' + g, g FROM generate_series(0, 2000) g;
INSERT INTO ticks SELECT timestamptz '1999-12-31 23:00:00+00' + g * interval '37 minutes 13.5 seconds', g * 0.5
    FROM generate_series(0, 3000) g;
INSERT INTO "user names" SELECT 'name-' || g, g FROM generate_series(1, 2000) g;
INSERT INTO seven SELECT g * 7919, repeat('x', (g % 20) + 20) FROM generate_series(-1500, 1500) g;
INSERT INTO solo SELECT g, 'b' || g FROM generate_series(1, 50) g;
COPY regions (code, name) FROM STDIN;
DE	Germany
FR	France
NL	\N
\.
COPY region_notes FROM STDIN WITH (FORMAT csv, HEADER true);
id,region,note
1,DE,"quoted, with comma"
2,NL,
\.
COPY "user names" FROM STDIN;
with\ttab	1
with\\backslash	2
\.
INSERT INTO flags SELECT g % 3 = 0, g FROM generate_series(1, 300) g;
INSERT INTO smalls SELECT g, g FROM generate_series(-1000, 1000) g;
INSERT INTO padded SELECT 'p' || g, g FROM generate_series(1, 999) g;
INSERT INTO padded VALUES ('ab', 0), ('', -1);
INSERT INTO floats SELECT g / 3.0, g FROM generate_series(-500, 500) g;
INSERT INTO floats VALUES ('-0', 1), ('NaN', 2), ('Infinity', 3), (1e300, 4);
INSERT INTO stamps SELECT timestamp '1999-12-31 23:59:59.5' + g * interval '1 day 1 second', g FROM generate_series(0, 999) g;
INSERT INTO blobs SELECT decode(md5(g::text), 'hex'), g FROM generate_series(1, 500) g;
INSERT INTO measurements SELECT g % 50, date '2023-01-01' + (g % 700), g * 0.5 FROM generate_series(1, 2000) g
    ON CONFLICT DO NOTHING;
INSERT INTO audit_log (msg) SELECT 'event ' || g FROM generate_series(1, 100) g;
"""#

/// `Corpus/core/schema.sql` of the repository (this package's, or /work/main's when the tests
/// run in the development package).
func coreSchemaText() throws -> String {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Corpus/core/schema.sql").standardized.path
    return try String(contentsOfFile: FileManager.default.fileExists(atPath: path) ? path : "/work/main/Corpus/core/schema.sql", encoding: .utf8)
}

@Suite struct LoadingTests {
    /// The core corpus schema loads: shards on the right nodes, the reference table on every
    /// node, and the cross-check passes.
    @Test func loadsCoreSchema() async throws {
        let cluster = try await ShardCluster.shared()
        let text = try coreSchemaText()
        let script = try SchemaLoader.load(text, fileName: "schema.sql")
        let loaded = try await ShardLoader.load(script, into: cluster,
                                                options: .init(referenceDatabase: "core_reference", distributedDatabase: "core_shards"))
        print("core schema load:\n\(loaded.report)")
        let report = loaded.report
        let referenceCounts = try await NodeSession.withSession(to: loaded.referenceEndpoint) { session in
            try await session.query("SELECT (SELECT count(*) FROM countries)::int, (SELECT count(*) FROM customers)::int").rows[0]
        }
        let countryCount = try #require(Int(referenceCounts[0] ?? ""))
        #expect(countryCount >= 3)
        #expect(report.table(QualifiedName(schema: "public", name: "countries"))?.rows == countryCount)
        #expect(report.table(QualifiedName(schema: "public", name: "countries"))?.rowsCopied == 3 * countryCount)
        #expect(report.table(QualifiedName(schema: "public", name: "customers"))?.rows == Int(referenceCounts[1] ?? ""))
        #expect(report.table(QualifiedName(schema: "public", name: "customers"))?.shardCount == 32)

        // Each node holds exactly the shards the catalog places there.
        for (group, endpoint) in loaded.mapping.endpoints {
            let expected = script.catalog.tables.flatMap { table in
                table.shards.filter { $0.placements.contains { $0.groupId == group } }
                    .map { Shard.relationName(table: table.name.name, shardId: $0.id) }
            } + (group == 0 ? script.catalog.tables.filter { $0.distribution == .local }.map(\.name.name) : [])
            let actual = try await NodeSession.withSession(to: endpoint.database(loaded.distributedDatabase)) { session in
                try await session.query("SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace").rows
            }.compactMap { $0[0] }
            #expect(Set(actual) == Set(expected), "group \(group)")
        }
        // Every placement of countries (the coordinator's too) holds the reference rows; the
        // index exists on each shard.
        let expectedCountries = try await NodeSession.withSession(to: loaded.referenceEndpoint) { session in
            try await session.query("SELECT code, name FROM countries ORDER BY code").rows
        }
        #expect(expectedCountries.contains(["DE", "Germany"]))
        for group in loaded.mapping.endpoints.keys {
            let countries = try await NodeSession.withSession(to: try loaded.endpoint(forGroup: group)) { session in
                try await session.query("SELECT code, name FROM countries_102072 ORDER BY code").rows
            }
            #expect(countries == expectedCountries, "group \(group)")
        }
        // One session per node for a query run: the shards of customers add up to its rows.
        let customers = try #require(script.catalog.table(QualifiedName(schema: "public", name: "customers")))
        let total = try await loaded.withNodeSessions { sessions in
            var total = 0
            for shard in customers.shards {
                let session = try #require(sessions[shard.placements[0].groupId])
                total += Int(try await session.query("SELECT count(*) FROM customers_\(shard.id)").scalar ?? "") ?? 0
            }
            return total
        }
        #expect(total == report.table(customers.name)?.rows)
        let worker = try loaded.endpoint(forGroup: 1)
        let index = try await NodeSession.withSession(to: worker) { session in
            try await session.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'orders_status_idx_102040'").scalar
        }
        #expect(index == "CREATE INDEX orders_status_idx_102040 ON public.orders_102040 USING btree (status)")
    }

    /// A larger generated schema: every row reaches the shard PostgreSQL's own hash function
    /// assigns, row counts match the reference database, and values come back unchanged.
    @Test func loadsGeneratedSchemaWithManyTypes() async throws {
        let cluster = try await ShardCluster.shared()
        let script = try SchemaLoader.load(generatedSchema, fileName: "generated.sql", settings: CatalogSettings(shardCount: 8))
        let loaded = try await ShardLoader.load(script, into: cluster,
                                                options: .init(referenceDatabase: "gen_reference", distributedDatabase: "gen_shards"))
        print("generated schema load:\n\(loaded.report)")
        let report = loaded.report
        func rows(_ name: String, schema: String = "public") -> Int? { report.table(QualifiedName(schema: schema, name: name))?.rows }
        #expect(rows("accounts", schema: "app") == 5000)
        #expect(rows("items") == 4001)
        #expect(rows("tags") == 3006)
        #expect(rows("readings") == 3105)
        #expect(rows("daily") == 2001)
        #expect(rows("user names") == 2002)
        #expect(rows("seven") == 3001)
        #expect(rows("regions") == 3)
        #expect(rows("region_notes") == 2)
        #expect(rows("audit_log") == 100)
        #expect(rows("solo") == 50)
        #expect(rows("flags") == 300)
        #expect(rows("floats") == 1005)
        #expect(rows("padded") == 1001)
        let measurements = try await NodeSession.withSession(to: loaded.referenceEndpoint) { session in
            try await session.query("SELECT count(*) FROM measurements").scalar
        }
        #expect(rows("measurements").map(String.init) == measurements)
        #expect(rows("measurements_2023")! + rows("measurements_2024")! == rows("measurements")!)
        // A partitioned shard returns its partitions' rows.
        let parent = try #require(script.catalog.table(QualifiedName(schema: "public", name: "measurements")))
        let partition = try #require(script.catalog.table(QualifiedName(schema: "public", name: "measurements_2024")))
        let (parentRows, partitionRows) = try await NodeSession.withSession(to: loaded.endpoint(forGroup: parent.shards[0].placements[0].groupId)) { session in
            (try await session.query("SELECT count(*) FROM measurements_\(parent.shards[0].id) WHERE at >= '2024-01-01'").scalar,
             try await session.query("SELECT count(*) FROM measurements_2024_\(partition.shards[0].id)").scalar)
        }
        #expect(parentRows == partitionRows)
        #expect(parentRows != "0")
        let seven = try #require(report.table(QualifiedName(schema: "public", name: "seven")))
        #expect(seven.shardCount == 7)
        #expect(seven.rowsPerShard.values.reduce(0, +) == 3001)
        #expect(seven.rowsPerShard.values.allSatisfy { $0 > 300 })
        #expect(report.table(QualifiedName(schema: "public", name: "regions"))?.rowsCopied == 9)
        #expect(report.table(QualifiedName(schema: "public", name: "region_notes"))?.kind == "local")

        // The distributed rows, gathered from every shard, equal the reference rows.
        let accounts = try #require(script.catalog.table(QualifiedName(schema: "app", name: "accounts")))
        var gathered: [[String?]] = []
        for shard in accounts.shards {
            let endpoint = try loaded.endpoint(forGroup: shard.placements[0].groupId)
            gathered += try await NodeSession.withSession(to: endpoint) { session in
                try await session.query("SELECT * FROM app.accounts_\(shard.id)").rows
            }
        }
        let reference = try await NodeSession.withSession(to: loaded.referenceEndpoint) { session in
            try await session.query("SELECT * FROM app.accounts").rows
        }
        #expect(gathered.count == 5000)
        #expect(Set(gathered.map { $0.map { $0 ?? "∅" } }) == Set(reference.map { $0.map { $0 ?? "∅" } }))

        // Text values with tabs, newlines and backslashes survive COPY both ways.
        let tags = try #require(script.catalog.table(QualifiedName(schema: "public", name: "tags")))
        var odd: [String] = []
        for shard in tags.shards {
            let endpoint = try loaded.endpoint(forGroup: shard.placements[0].groupId)
            odd += try await NodeSession.withSession(to: endpoint) { session in
                try await session.query("SELECT code FROM tags_\(shard.id) WHERE weight BETWEEN 0 AND 5 AND length(code) < 20").rows
            }.compactMap { $0[0] }
        }
        #expect(Set(odd) == ["", "Ünïcödé", "tab\there", "new\nline", "back\\slash", "0123456789abc"])
    }

    /// The cross-check notices a row in the wrong shard and names table, shard and counts.
    @Test func crossCheckReportsMisplacedRows() async throws {
        let cluster = try await ShardCluster.shared()
        let script = try SchemaLoader.load("""
            CREATE TABLE t (id bigint PRIMARY KEY, v text);
            SELECT create_distributed_table('t', 'id', shard_count => 4);
            INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g;
            """)
        let loaded = try await ShardLoader.load(script, into: cluster,
                                                options: .init(referenceDatabase: "bad_reference", distributedDatabase: "bad_shards"))
        try await ShardLoader.verify(loaded)
        let table = try #require(script.catalog.table(QualifiedName(schema: "public", name: "t")))
        // 1 hashes into shard index 0 of 4 (hashint8(1) = -1905060026); put it into shard 3 too.
        let wrong = table.shards[3]
        try await NodeSession.withSession(to: loaded.endpoint(forGroup: wrong.placements[0].groupId)) { session in
            try await session.execute("INSERT INTO t_\(wrong.id) VALUES (1, 'misplaced')")
        }
        let error = await #expect(throws: ShardRunnerError.self) { try await ShardLoader.verify(loaded) }
        let message = error?.message ?? ""
        #expect(message.contains("t shard \(wrong.id) on group \(wrong.placements[0].groupId): 1 rows outside the shard's hash range"))
        #expect(message.contains("t: 101 rows over its shards, 100 in the reference database"))
    }
}
