import Testing
import ShardCatalog

/// The verification table of the behaviour reference (section 2.5): hashes from a live Citus
/// cluster and the shard each value lands in at 32 and 7 shards.
struct HashVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let type: String
        let literal: String
        let hash: Int32
        let index32: Int
        let shard32: Int
        let index7: Int
        let shard7: Int
        var testDescription: String { "\(type) '\(literal)'" }
    }

    static let vectors: [Vector] = [
        Vector(type: "bigint", literal: "0", hash: -272711505, index32: 13, shard32: 102196, index7: 3, shard7: 102218),
        Vector(type: "bigint", literal: "1", hash: -1905060026, index32: 1, shard32: 102184, index7: 0, shard7: 102215),
        Vector(type: "bigint", literal: "2", hash: 1134484726, index32: 24, shard32: 102207, index7: 5, shard7: 102220),
        Vector(type: "bigint", literal: "42", hash: 1509752520, index32: 27, shard32: 102210, index7: 5, shard7: 102220),
        Vector(type: "bigint", literal: "-1", hash: 385747274, index32: 18, shard32: 102201, index7: 4, shard7: 102219),
        Vector(type: "bigint", literal: "1000000", hash: -723906379, index32: 10, shard32: 102193, index7: 2, shard7: 102217),
        Vector(type: "bigint", literal: "2147483648", hash: -1524351049, index32: 4, shard32: 102187, index7: 1, shard7: 102216),
        Vector(type: "bigint", literal: "9223372036854775807", hash: -1524351049, index32: 4, shard32: 102187, index7: 1, shard7: 102216),
        Vector(type: "bigint", literal: "-9223372036854775808", hash: -96758253, index32: 15, shard32: 102198, index7: 3, shard7: 102218),
        Vector(type: "integer", literal: "0", hash: -272711505, index32: 13, shard32: 102157, index7: 3, shard7: 102179),
        Vector(type: "integer", literal: "42", hash: 1509752520, index32: 27, shard32: 102171, index7: 5, shard7: 102181),
        Vector(type: "integer", literal: "-1", hash: 385747274, index32: 18, shard32: 102162, index7: 4, shard7: 102180),
        Vector(type: "integer", literal: "2147483647", hash: -96758253, index32: 15, shard32: 102159, index7: 3, shard7: 102179),
        Vector(type: "smallint", literal: "42", hash: 1509752520, index32: 27, shard32: 102132, index7: 5, shard7: 102142),
        Vector(type: "smallint", literal: "-7", hash: -82204417, index32: 15, shard32: 102120, index7: 3, shard7: 102140),
        Vector(type: "text", literal: "", hash: -1477818771, index32: 4, shard32: 102226, index7: 1, shard7: 102255),
        Vector(type: "text", literal: "a", hash: 1075015857, index32: 24, shard32: 102246, index7: 5, shard7: 102259),
        Vector(type: "text", literal: "abc", hash: -785388649, index32: 10, shard32: 102232, index7: 2, shard7: 102256),
        Vector(type: "text", literal: "hello world", hash: 1021725223, index32: 23, shard32: 102245, index7: 5, shard7: 102259),
        Vector(type: "text", literal: "customer-000123", hash: 1433665459, index32: 26, shard32: 102248, index7: 5, shard7: 102259),
        Vector(type: "text", literal: "Ünïcödé", hash: 1924335333, index32: 30, shard32: 102252, index7: 6, shard7: 102260),
        Vector(type: "varchar(20)", literal: "abc", hash: -785388649, index32: 10, shard32: 102271, index7: 2, shard7: 102295),
        Vector(type: "char(5)", literal: "ab", hash: 1718550461, index32: 28, shard32: 102601, index7: 6, shard7: 102611),
        Vector(type: "uuid", literal: "00000000-0000-0000-0000-000000000000", hash: 1353656403, index32: 26, shard32: 102326, index7: 5, shard7: 102337),
        Vector(type: "uuid", literal: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", hash: 1154666245, index32: 24, shard32: 102324, index7: 5, shard7: 102337),
        Vector(type: "date", literal: "2000-01-01", hash: -272711505, index32: 13, shard32: 102352, index7: 3, shard7: 102374),
        Vector(type: "date", literal: "2024-02-29", hash: 1456914585, index32: 26, shard32: 102365, index7: 5, shard7: 102376),
        Vector(type: "timestamp", literal: "2024-02-29 12:34:56", hash: -466139433, index32: 12, shard32: 102390, index7: 2, shard7: 102412),
        Vector(type: "timestamp", literal: "1999-12-31 23:59:59.5", hash: -1824611851, index32: 2, shard32: 102380, index7: 0, shard7: 102410),
        Vector(type: "timestamptz", literal: "2024-02-29 12:34:56+00", hash: -466139433, index32: 12, shard32: 102429, index7: 2, shard7: 102451),
        Vector(type: "numeric", literal: "42", hash: -711370757, index32: 10, shard32: 102466, index7: 2, shard7: 102490),
        Vector(type: "numeric", literal: "42.000", hash: -711370757, index32: 10, shard32: 102466, index7: 2, shard7: 102490),
        Vector(type: "numeric", literal: "-42", hash: -711370757, index32: 10, shard32: 102466, index7: 2, shard7: 102490),
        Vector(type: "numeric", literal: "3.14159", hash: -1199781476, index32: 7, shard32: 102463, index7: 1, shard7: 102489),
        Vector(type: "numeric", literal: "0", hash: -1, index32: 15, shard32: 102471, index7: 3, shard7: 102491),
        Vector(type: "numeric", literal: "123456789012.5", hash: 2072590556, index32: 31, shard32: 102487, index7: 6, shard7: 102494),
        Vector(type: "boolean", literal: "true", hash: -1905060026, index32: 1, shard32: 102496, index7: 0, shard7: 102527),
        Vector(type: "boolean", literal: "false", hash: -272711505, index32: 13, shard32: 102508, index7: 3, shard7: 102530),
        Vector(type: "double precision", literal: "1.5", hash: 630860146, index32: 20, shard32: 102554, index7: 4, shard7: 102570),
        Vector(type: "double precision", literal: "0", hash: 0, index32: 16, shard32: 102550, index7: 3, shard7: 102569),
    ]

    /// The first shard id of each verification table (`hx.<type>_32`, `hx.<type>_7`).
    static let firstShardIds: [String: (shards32: Int, shards7: Int)] = [
        "bigint": (102183, 102215), "integer": (102144, 102176), "smallint": (102105, 102137),
        "text": (102222, 102254), "varchar(20)": (102261, 102293), "char(5)": (102573, 102605),
        "uuid": (102300, 102332), "date": (102339, 102371), "timestamp": (102378, 102410),
        "timestamptz": (102417, 102449), "numeric": (102456, 102488), "boolean": (102495, 102527),
        "double precision": (102534, 102566),
    ]

    @Test(arguments: vectors)
    func verificationTableRow(_ vector: Vector) throws {
        let type = try PostgresType(parsing: vector.type)
        let value = try type.coerce(.string(vector.literal))
        #expect(value.postgresHash == vector.hash)
        let ranges32 = try ShardHashRanges(shardCount: 32)
        let ranges7 = try ShardHashRanges(shardCount: 7)
        #expect(ranges32.shardIndex(forHash: vector.hash) == vector.index32)
        #expect(ranges7.shardIndex(forHash: vector.hash) == vector.index7)
        let first = try #require(Self.firstShardIds[vector.type])
        #expect(first.shards32 + vector.index32 == vector.shard32)
        #expect(first.shards7 + vector.index7 == vector.shard7)
    }

    @Test func extraTextVectors() {
        #expect(PostgresHash.hashText("x") == 1074944137)
        #expect(PostgresHash.hashText("0123456789ab") == -1437215093)
        #expect(PostgresHash.hashText("0123456789abc") == -1125236995)
        #expect(PostgresHash.hashText("the quick brown fox jumps over") == 30823235)
    }

    @Test(arguments: [
        ("0.001", Int32(1143929985)), ("10000", 1324868425), ("1e20", 1324868429),
        ("12345.6789", -2041232919), ("-0.5", -1968164085), ("NaN", 0),
    ])
    func extraNumericVectors(literal: String, hash: Int32) throws {
        let value = try PostgresType(parsing: "numeric").coerce(.string(literal))
        #expect(value.postgresHash == hash)
    }

    @Test func customerShardsForIds1To12() throws {
        let expected = [102009, 102032, 102023, 102016, 102014, 102028, 102016, 102008, 102036, 102012, 102038, 102038]
        let ranges = try ShardHashRanges(shardCount: 32)
        let shards = (1...12).map { 102008 + ranges.shardIndex(forHash: PostgresHash.hashInt64(Int64($0))) }
        #expect(shards == expected)
    }

    @Test func workerHashOfBigint42() {
        #expect(PostgresValue.int8(42).postgresHash == 1509752520)
        #expect(PostgresValue.int4(42).postgresHash == 1509752520)
    }
}
