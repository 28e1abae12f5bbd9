/// A table of the catalog with its columns, keys and distribution.
public struct CatalogTable: Sendable, Hashable, Codable {
    public var name: QualifiedName
    public var columns: [TableColumn]
    /// The primary key, if any.
    public var primaryKey: KeyConstraint?
    /// UNIQUE constraints (not the primary key).
    public var uniqueConstraints: [KeyConstraint]
    public var foreignKeys: [ForeignKeyConstraint]
    public var distribution: Distribution
    /// The colocation group (`pg_dist_partition.colocationid`); nil for local tables.
    public var colocationId: Int32?
    /// Shards in shard-index order (= ascending shard id = ascending hash range). Empty for a
    /// plain local table; one shard for reference, single-shard and Citus-managed local tables.
    public var shards: [Shard]
    /// The parent of a partition (`CREATE TABLE ... PARTITION OF parent`).
    public var partitionOf: QualifiedName?
    /// The partition key of a partitioned table as written (`RANGE (created_at)`), if any.
    public var partitionKey: String?

    public init(name: QualifiedName, columns: [TableColumn], primaryKey: KeyConstraint? = nil,
                uniqueConstraints: [KeyConstraint] = [], foreignKeys: [ForeignKeyConstraint] = [],
                distribution: Distribution = .local, colocationId: Int32? = nil, shards: [Shard] = [],
                partitionOf: QualifiedName? = nil, partitionKey: String? = nil) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueConstraints = uniqueConstraints
        self.foreignKeys = foreignKeys
        self.distribution = distribution
        self.colocationId = colocationId
        self.shards = shards
        self.partitionOf = partitionOf
        self.partitionKey = partitionKey
    }

    /// The column called `name`, if any.
    public func column(named name: String) -> TableColumn? {
        columns.first { $0.name == name }
    }

    /// The index of the column called `name`, if any.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The distribution column of a hash-distributed table.
    public var distributionColumn: TableColumn? {
        guard case .hash(let column) = distribution else { return nil }
        return self.column(named: column)
    }

    /// Whether Citus knows this table (it is in `pg_dist_partition`).
    public var isCitusTable: Bool {
        switch distribution {
        case .hash, .reference, .singleShard: return true
        case .local: return !shards.isEmpty
        }
    }
}

/// How a table's rows are spread over the cluster.
public enum Distribution: Sendable, Hashable, Codable {
    /// Hash-distributed on a column (`create_distributed_table('t', 'col')`).
    case hash(column: String)
    /// One shard, a placement on every node (`create_reference_table`).
    case reference
    /// Distributed without a distribution column: one shard on one worker
    /// (`create_distributed_table('t', NULL)`, schema-based sharding).
    case singleShard
    /// Not distributed: the table lives on the coordinator only. A local table that Citus added
    /// to its metadata (one referencing a reference table by foreign key) has one shard.
    case local

    /// Citus's `pg_dist_partition.partmethod`: `h` for hash, `n` for reference and single-shard
    /// tables and Citus-managed local tables; nil for tables Citus does not know.
    public var partitionMethod: String {
        switch self {
        case .hash: "h"
        case .reference, .singleShard, .local: "n"
        }
    }

    /// A short name: `hash`, `reference`, `single-shard`, `local`.
    public var kindName: String {
        switch self {
        case .hash: "hash"
        case .reference: "reference"
        case .singleShard: "single-shard"
        case .local: "local"
        }
    }
}

/// A column of a table.
public struct TableColumn: Sendable, Hashable, Codable {
    public var name: String
    public var type: PostgresType
    /// The collation named in a COLLATE clause, if any (else the type's default collation).
    public var collation: String?
    public var isNullable: Bool
    /// The DEFAULT expression as SQL text, if any.
    public var defaultExpression: String?
    /// `GENERATED ... AS IDENTITY` (`always` or `by default`), if any.
    public var identity: String?
    /// The expression of a stored generated column (`GENERATED ALWAYS AS (...) STORED`), if any.
    public var generatedExpression: String?

    public init(name: String, type: PostgresType, collation: String? = nil, isNullable: Bool = true,
                defaultExpression: String? = nil, identity: String? = nil, generatedExpression: String? = nil) {
        self.name = name
        self.type = type
        self.collation = collation
        self.isNullable = isNullable
        self.defaultExpression = defaultExpression
        self.identity = identity
        self.generatedExpression = generatedExpression
    }
}

/// A PRIMARY KEY or UNIQUE constraint.
public struct KeyConstraint: Sendable, Hashable, Codable {
    /// The constraint name (PostgreSQL's generated name when none was given: `orders_pkey`).
    public var name: String
    public var columns: [String]

    public init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}

/// A FOREIGN KEY constraint.
public struct ForeignKeyConstraint: Sendable, Hashable, Codable {
    public var name: String
    public var columns: [String]
    public var referencedTable: QualifiedName
    /// The referenced columns (the referenced table's primary key when none were written).
    public var referencedColumns: [String]

    public init(name: String, columns: [String], referencedTable: QualifiedName, referencedColumns: [String]) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
    }
}
