import ShardCatalog

/// What loading put where, and how long it took.
public struct LoadReport: Sendable, Hashable, CustomStringConvertible {
    /// Every table of the catalog, in catalog order.
    public var tables: [TableLoad]
    /// Running the script on the single-node reference database.
    public var referenceDuration: Duration
    /// Creating schemas, types, shards, local tables and indexes on the nodes.
    public var schemaDuration: Duration
    /// Reading rows from the reference database, routing them and copying them to the shards.
    public var dataDuration: Duration
    /// The cross-check of hash ranges and row counts (zero when it was not run).
    public var checkDuration: Duration
    /// Everything, from creating the databases to the end of the check.
    public var totalDuration: Duration

    /// Creates a report.
    public init(tables: [TableLoad], referenceDuration: Duration, schemaDuration: Duration, dataDuration: Duration,
                checkDuration: Duration, totalDuration: Duration) {
        self.tables = tables
        self.referenceDuration = referenceDuration
        self.schemaDuration = schemaDuration
        self.dataDuration = dataDuration
        self.checkDuration = checkDuration
        self.totalDuration = totalDuration
    }

    /// The rows of every table in the reference database.
    public var totalRows: Int { tables.reduce(0) { $0 + $1.rows } }

    /// The report of one table.
    public func table(_ name: QualifiedName) -> TableLoad? { tables.first { $0.name == name } }

    /// A short table: one line per table, then the timings.
    public var description: String {
        var lines = tables.map { table in
            "\(table.name.displayName) (\(table.kind), \(table.shardCount) shards): \(table.rows) rows, \(table.rowsCopied) copied to placements"
        }
        func ms(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            return String(Int(value.rounded())) + " ms"
        }
        lines.append("reference \(ms(referenceDuration)), schema \(ms(schemaDuration)), data \(ms(dataDuration)), check \(ms(checkDuration)), total \(ms(totalDuration))")
        return lines.joined(separator: "\n")
    }
}

/// How one table was loaded.
public struct TableLoad: Sendable, Hashable {
    /// The table.
    public var name: QualifiedName
    /// `hash`, `reference`, `single-shard` or `local`.
    public var kind: String
    /// Its rows in the reference database (with its partitions' rows for a partitioned table).
    public var rows: Int
    /// Its shards (0 for a plain local table).
    public var shardCount: Int
    /// Rows written over all placements (a reference table's rows count once per placement);
    /// 0 for a partitioned table, whose rows are written through its partitions.
    public var rowsCopied: Int
    /// Rows routed to each shard, by shard id (empty for local tables).
    public var rowsPerShard: [Int64: Int]

    /// Creates a table report.
    public init(name: QualifiedName, kind: String, rows: Int, shardCount: Int, rowsCopied: Int, rowsPerShard: [Int64: Int]) {
        self.name = name
        self.kind = kind
        self.rows = rows
        self.shardCount = shardCount
        self.rowsCopied = rowsCopied
        self.rowsPerShard = rowsPerShard
    }
}
