import Testing
import PostgresServer
import ShardCatalog

/// Literals PostgreSQL rejects are rejected with PostgreSQL's message, and non-string constants
/// are coerced as PostgreSQL's casts do.
struct CoercionTests {
    static let rejected: [(type: String, literal: String)] = [
        ("bigint", "abc"), ("bigint", "9223372036854775808"), ("bigint", " 12 3"), ("bigint", ""), ("bigint", "1.5"),
        ("integer", "2147483648"), ("integer", "-2147483649"), ("integer", "0x1F"), ("smallint", "32768"),
        ("smallint", "--5"), ("oid", "4294967296"), ("oid", "-2147483649"), ("oid", "x"), ("boolean", "maybe"),
        ("boolean", "o"), ("boolean", "tru e"), ("uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1"),
        ("uuid", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), ("uuid", "a0eebc99x9c0b-4ef8-bb6d-6bb9bd380a11"),
        ("bytea", "\\xabc"), ("bytea", "\\xzz"), ("bytea", "\\400"), ("bytea", "a\\b"), ("date", "2023-02-29"),
        ("date", "2024-13-01"), ("date", "5874898-01-01"), ("date", "4714-11-23 BC"), ("date", "not a date"),
        ("date", "0000-01-01"), ("time", "24:00:01"), ("time", "12:60"), ("time", "infinity"), ("time", "13:00 pm"),
        ("timestamp", "294277-01-01"), ("timestamp", "2024-02-29 25:00"), ("timestamp", "2024-02-29 12:00 +16"),
        ("timestamp", "2024-02-29 12:00 Mars/Olympus"), ("timestamp", "2024-02-29 12:00 nowhere"),
        ("timestamptz", "2024-02-30 00:00+00"), ("timestamptz", "12:00 2024-01-01"), ("interval", "1 fortnight"),
        ("interval", "1 day 2 days"), ("interval", "2147483648 days"), ("interval", "1-12"), ("interval", "infinity"),
        ("numeric", "1e"), ("numeric", "1.2.3"), ("numeric", "infinityx"), ("numeric", "1_000"),
        ("numeric(5,2)", "1000"), ("numeric(5,2)", "999.995"), ("numeric(5,2)", "Infinity"), ("numeric(2,2)", "0.995"),
        ("real", "1e39"), ("real", "1e-50 "), ("real", "1.5x"), ("double precision", "1e400"), ("double precision", "  1e-400x"),
        ("double precision", "abc"), ("money", "1.2.3"), ("money", "92233720368547758.08"), ("money", "$1e5"),
        ("inet", "1.2.3.4/33"), ("inet", "10.1"), ("inet", "::1/129"), ("inet", "1::2::3"), ("cidr", "10.1.2.3/8"),
        ("cidr", "::1/64"), ("cidr", "256/8"),
    ]

    @Test func rejectedLiteralsUseThePostgresMessage() async throws {
        var byType: [String: [String]] = [:]
        for (type, literal) in Self.rejected { byType[type, default: []].append(literal) }
        for (spelling, literals) in byType.sorted(by: { $0.key < $1.key }) {
            let serverErrors = try await LiveHashOracle.shared.castError(type: spelling, values: literals)
            let type = try PostgresType(parsing: spelling)
            for (index, literal) in literals.enumerated() {
                let serverMessage = try #require(serverErrors[index], "PostgreSQL accepts \(spelling) '\(literal)'")
                #expect(throws: PostgresValueError.self) { try type.coerce(.string(literal)) }
                do {
                    _ = try type.coerce(.string(literal))
                } catch {
                    #expect(error.message == serverMessage, "\(spelling) '\(literal)'")
                    #expect(error.code != .featureNotSupported)
                }
            }
        }
    }

    @Test func messagesAsPostgresWordsThem() throws {
        let cases: [(String, String, String)] = [
            ("bigint", "abc", "invalid input syntax for type bigint: \"abc\""),
            ("bigint", "99999999999999999999", "value \"99999999999999999999\" is out of range for type bigint"),
            ("varchar(3)", "abcd", "value too long for type character varying(3)"),
            ("char(2)", "abc", "value too long for type character(2)"),
            ("date", "2023-02-29", "date/time field value out of range: \"2023-02-29\""),
            ("numeric(4,2)", "123.4", "numeric field overflow"),
        ]
        for (spelling, literal, message) in cases {
            #expect(throws: PostgresValueError.self) { try PostgresType(parsing: spelling).coerce(.string(literal)) }
            do {
                _ = try PostgresType(parsing: spelling).coerce(.string(literal))
            } catch {
                #expect(error.message == message)
            }
        }
    }

    @Test func stringLiteralsFollowTheInputFunctions() throws {
        let bigint = try PostgresType(parsing: "bigint")
        #expect(try bigint.coerce(.string("042")) == .int8(42))
        #expect(try bigint.coerce(.string(" 42 ")) == .int8(42))
        #expect(try PostgresType(parsing: "date").coerce(.string("2024-02-29")) == .date(8825))
        let padded = try PostgresType(parsing: "char(5)").coerce(.string("ab  "))
        #expect(padded == .bpchar("ab   "))
        #expect(padded.postgresHash == (try PostgresType(parsing: "text").coerce(.string("ab"))).postgresHash)
        #expect(try PostgresType(parsing: "varchar(3)").coerce(.string("abc   ")) == .text("abc"))
        #expect(try PostgresType(parsing: "double precision").coerce(.string("-0")).postgresHash == 0)
        #expect(try PostgresType(parsing: "timestamptz").coerce(.string("2024-02-29 13:34:56+01")).postgresHash == -466139433)
        #expect(try PostgresType(parsing: "timestamptz").coerce(.string("2024-02-29 07:34:56"), timeZone: "America/New_York").postgresHash == -466139433)
        #expect(try PostgresType(parsing: "timestamp").coerce(.string("epoch")) == .timestamp(-946_684_800_000_000))
    }

    /// Non-string constants: implicit casts for comparisons, assignment casts for INSERT.
    @Test func numericAndIntegerConstants() async throws {
        let cases: [(type: String, literal: SQLLiteral, context: CoercionContext, sql: String)] = [
            ("numeric", .integer(42), .comparison, "hash_numeric(42::numeric)"),
            ("numeric(10,2)", .numeric("1.005"), .assignment, "hash_numeric(1.005::numeric(10,2))"),
            ("numeric", .numeric("123456789012345678901234567890"), .comparison, "hash_numeric(123456789012345678901234567890)"),
            ("double precision", .numeric("0.1"), .comparison, "hashfloat8(0.1::float8)"),
            ("double precision", .integer(-7), .comparison, "hashfloat8((-7)::float8)"),
            ("real", .numeric("3.4028235e38"), .comparison, "hashfloat4(3.4028235e38::float4)"),
            ("bigint", .numeric("2.5"), .assignment, "hashint8(2.5::int8)"),
            ("bigint", .numeric("-2.5"), .assignment, "hashint8((-2.5)::int8)"),
            ("bigint", .numeric("9223372036854775807"), .comparison, "hashint8(9223372036854775807)"),
            ("integer", .numeric("1e3"), .assignment, "hashint4(1e3::int4)"),
            ("smallint", .integer(-7), .assignment, "hashint2((-7)::int2)"),
            ("oid", .integer(-1), .comparison, "hashoid((-1)::oid)"),
            ("text", .integer(42), .assignment, "hashtext(42::text)"),
            ("text", .numeric("1.50"), .assignment, "hashtext(1.50::text)"),
            ("boolean", .boolean(true), .comparison, "hashchar(true::int::\"char\")"),
        ]
        for testCase in cases {
            let rows = try await LiveHashOracle.shared.query("SELECT \(testCase.sql)")
            let expected = try #require(rows.first?.first ?? nil)
            let value = try PostgresType(parsing: testCase.type).coerce(testCase.literal, context: testCase.context)
            #expect(String(value.postgresHash) == expected, "\(testCase.type) \(testCase.literal)")
        }
    }

    @Test func castsPostgresDoesNotApplyImplicitly() throws {
        #expect(throws: PostgresValueError.self) { try PostgresType(parsing: "text").coerce(.integer(42)) }
        #expect(throws: PostgresValueError.self) { try PostgresType(parsing: "bigint").coerce(.numeric("1.5")) }
        #expect(throws: PostgresValueError.self) { try PostgresType(parsing: "boolean").coerce(.integer(1), context: .assignment) }
        #expect(throws: PostgresValueError.self) { try PostgresType(parsing: "smallint").coerce(.integer(40000)) }
        do {
            _ = try PostgresType(parsing: "text").coerce(.integer(42))
        } catch {
            #expect(error.message == "operator does not exist: text = integer")
        }
    }

    @Test func unsupportedInputIsMarkedAsSuch() throws {
        for (type, literal) in [("date", "today"), ("timestamptz", "now"), ("jsonb", "{}")] {
            do {
                _ = try PostgresType(parsing: type).coerce(.string(literal))
                Issue.record("\(type) '\(literal)' was accepted")
            } catch {
                #expect(error.code == .featureNotSupported)
            }
        }
    }

    @Test func typeSpellings() throws {
        let cases: [(String, String, UInt32?)] = [
            ("bigint", "bigint", 20), ("int8", "bigint", 20), ("int", "integer", 23), ("serial", "integer", 23),
            ("bigserial", "bigint", 20), ("\"char\"", "\"char\"", 18), ("char", "character(1)", 1042),
            ("character varying(20)", "character varying(20)", 1043), ("timestamp(3) with time zone", "timestamp(3) with time zone", 1184),
            ("TIMESTAMP WITHOUT TIME ZONE", "timestamp without time zone", 1114), ("numeric(10,2)", "numeric(10,2)", 1700),
            ("decimal", "numeric", 1700), ("float", "double precision", 701), ("float(10)", "real", 700),
            ("double precision", "double precision", 701), ("int[]", "integer[]", 1007), ("public.mood", "mood", nil),
            ("pg_catalog.int8", "bigint", 20), ("interval day to second(3)", "interval day to second(3)", 1186),
        ]
        for (spelling, name, oid) in cases {
            let type = try PostgresType(parsing: spelling)
            if spelling == "public.mood" {
                #expect(type.base == .other(schema: "public", name: "mood"))
                #expect(type.name == "public.mood")
            } else {
                #expect(type.name == name, "\(spelling)")
            }
            #expect(type.oid == oid, "\(spelling)")
        }
        #expect(try PostgresType(nameParts: ["pg_catalog", "int8"]) == PostgresType(parsing: "bigint"))
        #expect(try PostgresType(nameParts: ["pg_catalog", "varchar"], modifiers: [20]).name == "character varying(20)")
        #expect(try PostgresType(nameParts: ["char"]).name == "\"char\"")
        #expect(try PostgresType(nameParts: ["pg_catalog", "interval"], modifiers: [0x7fff, 3]).name == "interval(3)")
        #expect(throws: PostgresValueError.self) { try PostgresType(parsing: "varchar(0)") }
        #expect(throws: PostgresValueError.self) { try PostgresType(parsing: "numeric(1001)") }
    }

    @Test func codableUsesTheCanonicalName() throws {
        let type = try PostgresType(parsing: "character varying(20)")
        #expect(type.typmod == 24)
        #expect(try PostgresType(parsing: "numeric(10,2)").typmod == 655366)
        #expect(try PostgresType(parsing: type.name) == type)
    }
}
