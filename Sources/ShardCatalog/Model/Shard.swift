/// One shard of a table (`pg_dist_shard`) and where it lives (`pg_dist_placement`).
public struct Shard: Sendable, Hashable, Codable {
    /// `pg_dist_shard.shardid`.
    public var id: Int64
    /// The hash values this shard holds, for a hash-distributed table; nil for reference,
    /// single-shard and Citus-managed local tables (Citus stores NULL min and max).
    public var hashRange: ClosedRange<Int32>?
    /// Where the shard is stored, in Citus's order.
    public var placements: [Placement]

    public init(id: Int64, hashRange: ClosedRange<Int32>?, placements: [Placement]) {
        self.id = id
        self.hashRange = hashRange
        self.placements = placements
    }

    /// The shard relation's name, `<table>_<shardid>`, shortened the way Citus shortens names that
    /// would not fit PostgreSQL's 63-byte identifiers.
    public static func relationName(table: String, shardId: Int64) -> String {
        let suffix = "_\(shardId)"
        let bytes = Array(table.utf8)
        guard bytes.count + suffix.utf8.count >= 64 else { return table + suffix }
        var keep = 64 - suffix.utf8.count - 10
        // Never cut inside a multibyte character: back up to the start of one.
        while keep > 0, keep < bytes.count, bytes[keep] & 0xC0 == 0x80 { keep -= 1 }
        let hash = UInt32(bitPattern: PostgresHash.hashBytes(bytes))
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 8 - hex.count) + hex
        return String(decoding: bytes[..<keep], as: UTF8.self) + "_" + padded + suffix
    }
}

/// A copy of a shard on a node group.
public struct Placement: Sendable, Hashable, Codable {
    /// `pg_dist_placement.placementid`.
    public var id: Int64
    /// The node group holding the copy (`pg_dist_placement.groupid`).
    public var groupId: Int32

    public init(id: Int64, groupId: Int32) {
        self.id = id
        self.groupId = groupId
    }
}

/// A colocation group (`pg_dist_colocation`): tables whose shard `i` always lives together.
public struct ColocationGroup: Sendable, Hashable, Codable {
    public var id: Int32
    public var shardCount: Int
    /// `-1` for the reference-table group, as in Citus.
    public var replicationFactor: Int
    /// The distribution column type; nil for the reference group and single-shard groups.
    public var distributionColumnType: PostgresType?
    /// The distribution column's collation (`default` for collatable types, nil otherwise).
    public var distributionColumnCollation: String?
    /// Member tables in the order they joined.
    public var tables: [QualifiedName]

    public init(id: Int32, shardCount: Int, replicationFactor: Int, distributionColumnType: PostgresType?,
                distributionColumnCollation: String?, tables: [QualifiedName] = []) {
        self.id = id
        self.shardCount = shardCount
        self.replicationFactor = replicationFactor
        self.distributionColumnType = distributionColumnType
        self.distributionColumnCollation = distributionColumnCollation
        self.tables = tables
    }
}
