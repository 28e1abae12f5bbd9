import Testing
import PostgresServer
import ShardCatalog

/// Our literal-to-hash path against PostgreSQL's input functions and hash support functions on a
/// live server, for every type a distribution column can reasonably have.
@Suite(.serialized)
struct LiveHashAgreementTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let type: String
        let timeZone: String
        let seed: UInt64
        /// How many distinct literals to compare.
        var count = LiveHashAgreementTests.count
        /// The share of generated values PostgreSQL must accept, in percent.
        var minimumValidPercent = 50
        let generate: @Sendable (inout LiteralGenerator) -> [String]
        var testDescription: String { timeZone == "UTC" ? type : "\(type) in \(timeZone)" }
    }

    static let count = 10_000
    /// Generators draw this many candidates, so that enough distinct ones remain.
    static let draws = 40_000

    static let cases: [Case] = [
        Case(type: "bigint", timeZone: "UTC", seed: 1) { $0.integers(bits: 64, count: draws) },
        Case(type: "integer", timeZone: "UTC", seed: 2) { $0.integers(bits: 32, count: draws) },
        Case(type: "smallint", timeZone: "UTC", seed: 3) { $0.integers(bits: 16, count: draws) },
        Case(type: "oid", timeZone: "UTC", seed: 4) { $0.oids(count: draws) },
        // boolin accepts few spellings: every case and whitespace variant adds up to ~1,150.
        Case(type: "boolean", timeZone: "UTC", seed: 5, count: 1100) { $0.booleans(count: draws) },
        Case(type: "\"char\"", timeZone: "UTC", seed: 6) { $0.chars(count: draws) },
        Case(type: "char(5)", timeZone: "UTC", seed: 7) { $0.texts(count: draws, maxLength: 8) },
        Case(type: "bpchar", timeZone: "UTC", seed: 8) { $0.texts(count: draws, maxLength: 12) },
        Case(type: "varchar(10)", timeZone: "UTC", seed: 9) { $0.texts(count: draws, maxLength: 13) },
        Case(type: "text", timeZone: "UTC", seed: 10) { $0.texts(count: draws, maxLength: 40) },
        Case(type: "name", timeZone: "UTC", seed: 11) { $0.texts(count: draws, maxLength: 70) },
        Case(type: "bytea", timeZone: "UTC", seed: 12) { $0.byteas(count: draws) },
        Case(type: "uuid", timeZone: "UTC", seed: 13) { $0.uuids(count: draws) },
        Case(type: "date", timeZone: "UTC", seed: 14) { $0.dates(count: draws) },
        Case(type: "time", timeZone: "UTC", seed: 15) { $0.times(count: draws, zoned: false) },
        Case(type: "time(2)", timeZone: "UTC", seed: 16, count: 2000) { $0.times(count: draws, zoned: false) },
        Case(type: "timetz", timeZone: "UTC", seed: 17) { $0.times(count: draws, zoned: true) },
        Case(type: "timestamp", timeZone: "UTC", seed: 18) { $0.timestamps(count: draws, zones: false) },
        Case(type: "timestamp(3)", timeZone: "UTC", seed: 19, count: 3000) { $0.timestamps(count: draws, zones: false) },
        Case(type: "timestamptz", timeZone: "UTC", seed: 20) { $0.timestamps(count: draws, zones: true) },
        Case(type: "timestamptz", timeZone: "America/New_York", seed: 21, count: 4000) { $0.timestamps(count: draws, zones: true) },
        Case(type: "timestamptz(0)", timeZone: "Europe/Berlin", seed: 22, count: 4000) { $0.timestamps(count: draws, zones: true) },
        Case(type: "interval", timeZone: "UTC", seed: 23) { $0.intervals(count: draws) },
        Case(type: "interval(1)", timeZone: "UTC", seed: 24, count: 2000) { $0.intervals(count: draws) },
        Case(type: "numeric", timeZone: "UTC", seed: 25) { $0.numerics(count: draws, typmod: false) },
        Case(type: "numeric(10,2)", timeZone: "UTC", seed: 26) { $0.numerics(count: draws, typmod: true) },
        Case(type: "numeric(5,-2)", timeZone: "UTC", seed: 27, count: 3000) { $0.numerics(count: draws, typmod: true) },
        // Only values below 0.01 fit numeric(3,5): most generated values overflow on purpose.
        Case(type: "numeric(3,5)", timeZone: "UTC", seed: 28, count: 3000, minimumValidPercent: 3) { $0.numerics(count: draws, typmod: true) },
        Case(type: "real", timeZone: "UTC", seed: 29) { $0.floats(count: draws, single: true) },
        Case(type: "double precision", timeZone: "UTC", seed: 30) { $0.floats(count: draws, single: false) },
        Case(type: "money", timeZone: "UTC", seed: 31) { $0.money(count: draws) },
        Case(type: "inet", timeZone: "UTC", seed: 32) { $0.inets(count: draws, cidr: false) },
        Case(type: "cidr", timeZone: "UTC", seed: 33) { $0.inets(count: draws, cidr: true) },
    ]

    @Test(arguments: cases)
    func hashesAgreeWithPostgres(_ testCase: Case) async throws {
        let values = await runBlocking {
            var generator = LiteralGenerator(seed: testCase.seed)
            // Duplicates add nothing; NUL cannot be sent through COPY text.
            var seen = Set<String>()
            return Array(testCase.generate(&generator).filter { !$0.contains("\0") && seen.insert($0).inserted }.prefix(testCase.count))
        }
        #expect(values.count == testCase.count, "only \(values.count) distinct literals generated")
        let (mismatches, accepted) = try await compareWithServer(type: testCase.type, values: values, timeZone: testCase.timeZone)
        if !mismatches.isEmpty {
            Issue.record("\(mismatches.count) of \(values.count) values differ:\n\(mismatches.prefix(40).joined(separator: "\n"))")
        }
        // The generators must mostly produce valid values, or the hash comparison proves little.
        #expect(accepted * 100 >= values.count * testCase.minimumValidPercent, "only \(accepted) of \(values.count) values were valid")
    }

    @Test func hashSupportFunctionsMatchTheDefaultOperatorClasses() async throws {
        let rows = try await LiveHashOracle.shared.query("""
            SELECT c.opcintype::int::text, p.proname FROM pg_opclass c
            JOIN pg_am a ON a.oid = c.opcmethod AND a.amname = 'hash'
            JOIN pg_amproc ap ON ap.amprocfamily = c.opcfamily AND ap.amproclefttype = c.opcintype
              AND ap.amprocrighttype = c.opcintype AND ap.amprocnum = 1
            JOIN pg_proc p ON p.oid = ap.amproc WHERE c.opcdefault
            """)
        let server = Dictionary(rows.compactMap { row in row[0].flatMap { type in row[1].map { (type, $0) } } }, uniquingKeysWith: { first, _ in first })
        for spelling in ["smallint", "integer", "bigint", "oid", "boolean", "\"char\"", "bpchar", "text", "name", "bytea",
                         "uuid", "date", "time", "timetz", "timestamp", "timestamptz", "interval", "numeric", "real",
                         "double precision", "inet", "jsonb"] {
            let type = try PostgresType(parsing: spelling)
            #expect(type.hashSupportFunction == server[String(type.oid ?? 0)], "\(type.name)")
        }
        #expect(server["790"] == nil)  // money
        #expect(try PostgresType(parsing: "money").hashSupportFunction == nil)
    }

    @Test func typeNamesAndOidsMatchPostgres() async throws {
        let spellings = ["bigint", "int8", "int", "integer", "int4", "smallint", "serial", "bigserial", "smallserial", "boolean",
                         "\"char\"", "char", "char(5)", "character(5)", "bpchar", "varchar", "varchar(20)", "character varying(20)",
                         "text", "name", "bytea", "uuid", "date", "time", "time(3)", "time without time zone", "timetz",
                         "time with time zone", "timestamp", "timestamp(3)", "timestamp without time zone", "timestamptz",
                         "timestamp(3) with time zone", "timestamp with time zone", "interval", "interval(3)",
                         "interval day to second", "interval year to month", "interval minute to second(2)", "numeric",
                         "numeric(10,2)", "numeric(10)", "decimal(12,4)", "decimal", "real", "float4", "float(24)", "float(25)",
                         "float", "double precision", "float8", "money", "inet", "cidr", "oid", "jsonb", "json", "int[]",
                         "text[][]", "integer array", "numeric(10,2)[]", "pg_catalog.int8", "timestamp(7)"]
        // A column of each type shows format_type's output with the type modifier.
        var create = "CREATE TEMP TABLE shapes ("
        create += spellings.enumerated().map { index, spelling in
            let sqlSpelling = spelling == "serial" ? "int4" : spelling == "bigserial" ? "int8" : spelling == "smallserial" ? "int2" : spelling
            return "c\(index) \(sqlSpelling)"
        }.joined(separator: ", ") + ");"
        let rows = try await LiveHashOracle.shared.query(create + """
            SELECT format_type(atttypid, atttypmod), atttypid::int FROM pg_attribute
            WHERE attrelid = 'shapes'::regclass AND attnum > 0 ORDER BY attnum;
            """)
        #expect(rows.count == spellings.count)
        for (index, spelling) in spellings.enumerated() where index < rows.count {
            let type = try PostgresType(parsing: spelling)
            #expect(type.name == rows[index][0], "name of \(spelling)")
            #expect(type.oid.map { Int($0) } == rows[index][1].flatMap { Int($0) }, "oid of \(spelling)")
            // The canonical name parses back to the same type.
            #expect(try PostgresType(parsing: type.name) == type, "round trip of \(spelling)")
        }
    }
}
