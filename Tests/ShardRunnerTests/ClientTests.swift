import Foundation
import PostgresServer
import Testing
@testable import ShardRunner

/// The PostgresNIO client against the shared cluster's coordinator.
@Suite struct ClientTests {
    /// Every value comes back exactly as psql prints it, for types whose binary and text forms
    /// differ (and for anonymous records and arrays of them, assembled in Swift).
    @Test func valuesComeBackInPsqlTextForm() async throws {
        let cluster = try await ShardCluster.shared()
        let sql = """
            SELECT true AS t, false, 1.50::numeric(10,2) AS n, 42::bigint, (-7)::smallint, 2147483647,
                   '2024-02-29 12:34:56+00'::timestamptz AS ts, '1999-12-31 23:59:59.5'::timestamp, '2024-02-29'::date,
                   '12:34:56.789'::time, 'ab'::char(5) AS padded, 'x'::"char", 'abc'::varchar(10), 'plain text',
                   NULL::int AS nothing, ARRAY[1, NULL, 3] AS arr, ARRAY['a b', '', 'NULL', 'q"x'] AS texts,
                   '\\x0102ff'::bytea, 1.5::float8, 0.1::float4, 1e100::float8, 'NaN'::float8, '-Infinity'::float8,
                   interval '1 day 02:03:04.5', '{"b": 1, "a": [1, 2.50]}'::jsonb, '{"b": 1}'::json,
                   'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '10.0.0.1/32'::inet, '10.0.0.0/8'::cidr,
                   ROW(1, 'a b', NULL, '', 'x,y') AS rec, ARRAY[ROW(1, 'x'), ROW(2, NULL)] AS recs,
                   '[1,5)'::int4range, 123456789012345678901234567890.123::numeric, 'NaN'::numeric,
                   12.5::money, B'1011'::bit(4), 'Ünïcödé', E'tab\\there\\nnewline', '{{1,2},{3,4}}'::int[],
                   '[0:1]={7,8}'::int[], 'fat & rat'::tsquery, point(1.5, 2), pg_sleep(0)
            """
        let mine = try await NodeSession.withSession(to: cluster.coordinatorEndpoint()) { session in
            try await session.query(sql)
        }
        let psql = try cluster.coordinator.connection.query(sql)
        #expect(mine.rows.count == 1)
        #expect(mine.rows == psql)
        #expect(mine.rows[0][0] == "t")
        #expect(mine.rows[0][2] == "1.50")
        #expect(mine.rows[0][6] == "2024-02-29 12:34:56+00")
        #expect(mine.rows[0][10] == "ab   ")
        #expect(mine.rows[0][14] == nil)
        #expect(mine.rows[0][29] == "(1,\"a b\",,\"\",\"x,y\")")
        #expect(mine.columns[0] == ResultColumn(name: "t", typeOID: 16))
        #expect(mine.columns[2] == ResultColumn(name: "n", typeOID: 1700))
        #expect(mine.columns[14].name == "nothing")
    }

    /// Many rows and NULLs in every position keep their order and places.
    @Test func manyRowsKeepOrderAndNulls() async throws {
        let cluster = try await ShardCluster.shared()
        let sql = """
            SELECT g, CASE WHEN g % 3 = 0 THEN NULL ELSE g * 1.5 END, CASE WHEN g % 5 = 0 THEN NULL ELSE 'r' || g END,
                   CASE WHEN g % 2 = 0 THEN NULL ELSE date '2000-01-01' + g END
            FROM generate_series(1, 3000) g ORDER BY g DESC
            """
        let mine = try await NodeSession.withSession(to: cluster.coordinatorEndpoint()) { try await $0.query(sql) }
        let psql = try cluster.coordinator.connection.query(sql)
        #expect(mine.rows.count == 3000)
        #expect(mine.rows == psql)
        #expect(mine.columnNames == ["g", "case", "case", "case"])
    }

    /// `SET statement_timeout` is applied: a long statement is cancelled with SQLSTATE 57014.
    @Test func statementTimeoutCancelsLongStatements() async throws {
        let cluster = try await ShardCluster.shared()
        let started = ContinuousClock.now
        let error = await #expect(throws: ShardRunnerError.self) {
            try await NodeSession.withSession(to: cluster.coordinatorEndpoint(), statementTimeout: .milliseconds(300)) { session in
                #expect(try await session.query("SHOW statement_timeout").scalar == "300ms")
                _ = try await session.query("SELECT pg_sleep(30)")
            }
        }
        #expect(error?.sqlState == "57014")
        #expect(error?.serverMessage == "canceling statement due to statement timeout")
        // Far below the 30 s sleep (with room for a machine busy with other suites).
        #expect(ContinuousClock.now - started < .seconds(15))
    }

    /// A transaction commits, or rolls back on request and on error; several statements run in
    /// order; server errors keep PostgreSQL's message.
    @Test func transactionsAndErrors() async throws {
        let cluster = try await ShardCluster.shared()
        try await ShardCluster.recreateDatabase("client_tx", at: cluster.coordinatorEndpoint())
        try await NodeSession.withSession(to: cluster.coordinatorEndpoint(database: "client_tx")) { session in
            try await session.execute(statements: ["CREATE TABLE t (k int PRIMARY KEY)", "INSERT INTO t VALUES (1)"])
            try await session.transaction(rollback: true) { tx in
                try await tx.execute("INSERT INTO t VALUES (2)")
                #expect(try await tx.query("SELECT count(*) FROM t").scalar == "2")
            }
            #expect(try await session.query("SELECT count(*) FROM t").scalar == "1")
            await #expect(throws: ShardRunnerError.self) {
                try await session.transaction { tx in
                    try await tx.execute("INSERT INTO t VALUES (3)")
                    try await tx.execute("INSERT INTO t VALUES (1)")
                }
            }
            #expect(try await session.query("SELECT count(*) FROM t").scalar == "1")
            try await session.transaction { tx in try await tx.execute("INSERT INTO t VALUES (4)") }
            let results = try await session.query(statements: ["SELECT k FROM t ORDER BY k", "SELECT 'x' AS y"])
            #expect(results.map(\.rows) == [[["1"], ["4"]], [["x"]]])
            let error = await #expect(throws: ShardRunnerError.self) { try await session.query("SELECT * FROM missing_table") }
            #expect(error?.serverMessage == "relation \"missing_table\" does not exist")
            #expect(error?.sqlState == "42P01")
            #expect(error?.statement == "SELECT * FROM missing_table")
            // The session is still usable after an error.
            #expect(try await session.query("SELECT 1").scalar == "1")
        }
    }

    /// COPY FROM STDIN through PostgresNIO, into a schema-qualified table with awkward names.
    @Test func copyInWithQuotedNames() async throws {
        let cluster = try await ShardCluster.shared()
        try await ShardCluster.recreateDatabase("client_copy", at: cluster.coordinatorEndpoint())
        try await NodeSession.withSession(to: cluster.coordinatorEndpoint(database: "client_copy")) { session in
            try await session.execute(statements: ["CREATE SCHEMA \"My Schema\"", "CREATE TABLE \"My Schema\".\"we\"\"ird\" (\"Key\" int, v text)"])
            let lines: [Substring] = ["1\ta\\tb\n", "2\t\\N\n", "3\tÜ\n"]
            try await session.copyIn(schema: "My Schema", table: "we\"ird", columns: ["Key", "v"], lines: lines)
            let rows = try await session.query("SELECT \"Key\", v FROM \"My Schema\".\"we\"\"ird\" ORDER BY 1").rows
            #expect(rows == [["1", "a\tb"], ["2", nil], ["3", "Ü"]])
        }
    }

    /// URLs parse into endpoints.
    @Test func endpointURLs() throws {
        let endpoint = try ServerEndpoint(url: "postgres://alice:s%40cret@db.example:6432/app")
        #expect(endpoint == ServerEndpoint(host: "db.example", port: 6432, user: "alice", password: "s@cret", database: "app"))
        #expect(endpoint.url == "postgres://alice@db.example:6432/app")
        #expect(try ServerEndpoint(url: "postgresql://127.0.0.1").port == 5432)
        #expect(throws: ShardRunnerError.self) { try ServerEndpoint(url: "mysql://x") }
    }

    /// record_out and array_out quoting, as PostgreSQL prints them.
    @Test func compositeQuoting() {
        #expect(TextFormatter.recordText(["1", nil, "", "a b", "q\"x", "b\\s"]) == "(1,,\"\",\"a b\",\"q\"\"x\",\"b\\\\s\")")
        #expect(TextFormatter.arrayText(["1", nil, "NULL", "a,b", "q\"x"], dimensions: [(5, 1)]) == "{1,NULL,\"NULL\",\"a,b\",\"q\\\"x\"}")
        #expect(TextFormatter.arrayText(["1", "2", "3", "4"], dimensions: [(2, 1), (2, 1)]) == "{{1,2},{3,4}}")
        #expect(TextFormatter.arrayText(["7"], dimensions: [(1, 0)]) == "[0:0]={7}")
    }
}
