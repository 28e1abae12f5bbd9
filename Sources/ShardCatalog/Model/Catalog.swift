/// Everything the planner knows about a cluster: its nodes, its tables and where every shard
/// lives, assigned exactly as a fresh Citus 13 cluster assigns them.
///
/// Build one from a schema script with ``SchemaLoader``, from its JSON form with
/// ``Catalog/init(json:)``, or step by step with the operations below, which mirror Citus's
/// functions (`citus_add_node`, `create_distributed_table`, `create_reference_table`...).
public struct Catalog: Sendable, Hashable {
    /// Nodes in the order they were added.
    public private(set) var nodes: [ClusterNode]
    /// Tables in the order they were created.
    public private(set) var tables: [CatalogTable]
    public private(set) var colocationGroups: [ColocationGroup]
    /// Schemas that exist (`public` and those created).
    public private(set) var schemas: [String]
    public var settings: CatalogSettings
    public var sequences: CatalogSequences

    private var tableIndex: [QualifiedName: Int]

    /// An empty catalog: no nodes, no tables.
    public init(settings: CatalogSettings = CatalogSettings(), sequences: CatalogSequences = CatalogSequences()) {
        nodes = []
        tables = []
        colocationGroups = []
        schemas = ["public"]
        self.settings = settings
        self.sequences = sequences
        tableIndex = [:]
    }

    /// The coordinator registered at 127.0.0.1:9700 and two workers at 127.0.0.1:9701 and
    /// 127.0.0.1:9702: a typical local Citus cluster.
    public static var defaultTopology: Catalog { defaultTopology(workers: 2) }

    /// The coordinator registered at 127.0.0.1:9700 and `workers` workers at 127.0.0.1:9701,
    /// 127.0.0.1:9702, ...
    public static func defaultTopology(workers: Int) -> Catalog {
        var catalog = Catalog()
        catalog.setCoordinator(host: "127.0.0.1", port: 9700)
        for index in 0..<max(workers, 0) { _ = catalog.addNode(host: "127.0.0.1", port: 9701 + index) }
        return catalog
    }

    /// Rebuilds a catalog from its parts, checking that they agree (used by the JSON reader).
    public init(nodes: [ClusterNode], tables: [CatalogTable], colocationGroups: [ColocationGroup], schemas: [String],
                settings: CatalogSettings, sequences: CatalogSequences) throws(CatalogError) {
        self.nodes = nodes
        self.tables = tables
        self.colocationGroups = colocationGroups
        self.schemas = schemas
        self.settings = settings
        self.sequences = sequences
        tableIndex = [:]
        for (index, table) in tables.enumerated() {
            guard tableIndex.updateValue(index, forKey: table.name) == nil else {
                throw CatalogError("table \(table.name) appears twice in the catalog")
            }
        }
        try validate()
    }

    // MARK: Lookup

    /// The coordinator, when it is registered.
    public var coordinator: ClusterNode? { nodes.first { $0.isCoordinator } }

    /// Nodes that receive new shards of distributed tables, in Citus's placement order.
    public var shardNodes: [ClusterNode] {
        nodes.filter(\.shouldHaveShards).sorted(by: ClusterNode.placementOrder)
    }

    /// The node of a group.
    @inlinable
    public func node(inGroup groupId: Int32) -> ClusterNode? {
        for node in nodes where node.groupId == groupId { return node }
        return nil
    }

    /// The table with this exact qualified name.
    public func table(_ name: QualifiedName) -> CatalogTable? {
        tableIndex[name].map { tables[$0] }
    }

    /// Resolves a name as PostgreSQL would: `schema.table` directly, a bare name through the
    /// search path.
    public func table(named parts: [String]) -> CatalogTable? {
        resolve(parts).flatMap(table)
    }

    /// The qualified name a possibly unqualified name refers to, if such a table exists.
    public func resolve(_ parts: [String]) -> QualifiedName? {
        switch parts.count {
        case 1:
            for schema in settings.searchPath {
                let name = QualifiedName(schema: schema, name: parts[0])
                if tableIndex[name] != nil { return name }
            }
            return nil
        case 2, 3:
            let name = QualifiedName(schema: parts[parts.count - 2], name: parts[parts.count - 1])
            return tableIndex[name] != nil ? name : nil
        default:
            return nil
        }
    }

    /// The colocation group with this id.
    public func colocationGroup(_ id: Int32) -> ColocationGroup? {
        colocationGroups.first { $0.id == id }
    }

    /// The tables of a hash-distributed table's colocation group (itself included).
    public func colocatedTables(with name: QualifiedName) -> [QualifiedName] {
        guard let id = table(name)?.colocationId, let group = colocationGroup(id) else { return [name] }
        return group.tables
    }

    /// The schema a CREATE of an unqualified name goes to: the first existing schema of the
    /// search path.
    public var creationSchema: String? {
        settings.searchPath.first { schemas.contains($0) }
    }

    // MARK: Routing

    /// Where the row with this distribution column value lives.
    ///
    /// - Parameters:
    ///   - value: the value, already of the distribution column's type (see
    ///     ``PostgresType/coerce(_:context:timeZone:)``).
    ///   - table: a table of this catalog. For reference and single-shard tables every value
    ///     maps to their one shard.
    /// - Returns: the hash, the shard and the node of its first placement.
    @inlinable
    public func shardPlacement(for value: PostgresValue, in table: CatalogTable) -> ShardLocation? {
        let shards = table.shards
        guard !shards.isEmpty else { return nil }
        var hash: Int32 = 0
        var index = 0
        if case .hash = table.distribution {
            hash = value.postgresHash
            index = Catalog.shardIndex(forHash: hash, in: shards)
        }
        let shard = shards[index]
        guard let placement = shard.placements.first, let node = node(inGroup: placement.groupId) else { return nil }
        return ShardLocation(hash: hash, shardIndex: index, shardId: shard.id, hashRange: shard.hashRange, node: node)
    }

    /// Coerces a constant into the distribution column's type, then locates it.
    ///
    /// - Throws: ``PostgresValueError`` when PostgreSQL would reject the constant for the column's
    ///   type, or ``CatalogError`` when the table is not hash-distributed.
    public func shardPlacement(forLiteral literal: SQLLiteral, in table: CatalogTable,
                               context: CoercionContext = .comparison) throws -> ShardLocation {
        guard let column = table.distributionColumn else {
            throw CatalogError("table \(table.name.displayName) is not hash-distributed; it has no distribution column")
        }
        let value = try column.type.coerce(literal, context: context, timeZone: settings.timeZone)
        guard let location = shardPlacement(for: value, in: table) else {
            throw CatalogError("table \(table.name.displayName) has no shard placements")
        }
        return location
    }

    /// The index of the shard holding `hash`: arithmetic for Citus's uniform ranges, a binary
    /// search when the ranges are not uniform (after shard splits, or from a live cluster).
    @inlinable
    public static func shardIndex(forHash hash: Int32, in shards: [Shard]) -> Int {
        let count = Int64(shards.count)
        let increment = (Int64(1) << 32) / count
        var index = Int((Int64(hash) - Int64(Int32.min)) / increment)
        if index >= shards.count { index = shards.count - 1 }
        if let range = shards[index].hashRange, range.contains(hash) { return index }
        var low = 0
        var high = shards.count - 1
        while low <= high {
            let middle = (low + high) / 2
            guard let range = shards[middle].hashRange else { return index }
            if hash < range.lowerBound { high = middle - 1 } else if hash > range.upperBound { low = middle + 1 } else { return middle }
        }
        return index
    }
}

/// The answer of ``Catalog/shardPlacement(for:in:)``.
public struct ShardLocation: Sendable, Hashable {
    /// The distribution column value's hash (0 for tables that are not hash-distributed).
    public var hash: Int32
    /// The shard's index in the table (0-based, in hash-range order).
    public var shardIndex: Int
    public var shardId: Int64
    public var hashRange: ClosedRange<Int32>?
    /// The node of the shard's first placement.
    public var node: ClusterNode

    @inlinable
    public init(hash: Int32, shardIndex: Int, shardId: Int64, hashRange: ClosedRange<Int32>?, node: ClusterNode) {
        self.hash = hash
        self.shardIndex = shardIndex
        self.shardId = shardId
        self.hashRange = hashRange
        self.node = node
    }
}

/// The settings that shape new tables, as Citus's GUCs do.
public struct CatalogSettings: Sendable, Hashable, Codable {
    /// `citus.shard_count`.
    public var shardCount: Int
    /// `citus.shard_replication_factor`.
    public var replicationFactor: Int
    /// `search_path`, schema names in order.
    public var searchPath: [String]
    /// `TimeZone`, for timestamptz and timetz constants.
    public var timeZone: String

    public init(shardCount: Int = 32, replicationFactor: Int = 1, searchPath: [String] = ["public"], timeZone: String = "UTC") {
        self.shardCount = shardCount
        self.replicationFactor = replicationFactor
        self.searchPath = searchPath
        self.timeZone = timeZone
    }
}

/// The next values of Citus's id sequences.
public struct CatalogSequences: Sendable, Hashable, Codable {
    /// `pg_dist_shardid_seq` (or `citus.next_shard_id`): 102008 after `CREATE EXTENSION citus`.
    public var nextShardId: Int64
    /// `pg_dist_placement_placementid_seq`.
    public var nextPlacementId: Int64
    /// `pg_dist_colocationid_seq`.
    public var nextColocationId: Int32
    /// `pg_dist_groupid_seq`.
    public var nextGroupId: Int32
    /// `pg_dist_node_nodeid_seq`.
    public var nextNodeId: Int32

    public init(nextShardId: Int64 = 102008, nextPlacementId: Int64 = 1, nextColocationId: Int32 = 1,
                nextGroupId: Int32 = 1, nextNodeId: Int32 = 1) {
        self.nextShardId = nextShardId
        self.nextPlacementId = nextPlacementId
        self.nextColocationId = nextColocationId
        self.nextGroupId = nextGroupId
        self.nextNodeId = nextNodeId
    }
}

// MARK: Internal mutation helpers shared by the operations

extension Catalog {
    mutating func replaceTable(_ table: CatalogTable) {
        if let index = tableIndex[table.name] { tables[index] = table }
    }

    mutating func appendTable(_ table: CatalogTable) {
        tableIndex[table.name] = tables.count
        tables.append(table)
    }

    mutating func removeTable(_ name: QualifiedName) {
        guard let index = tableIndex[name] else { return }
        tables.remove(at: index)
        tableIndex = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1.name, $0) })
        for groupIndex in colocationGroups.indices {
            colocationGroups[groupIndex].tables.removeAll { $0 == name }
        }
    }

    mutating func appendNode(_ node: ClusterNode) { nodes.append(node) }
    mutating func updateNode(at index: Int, _ node: ClusterNode) { nodes[index] = node }
    mutating func appendGroup(_ group: ColocationGroup) { colocationGroups.append(group) }
    mutating func addToGroup(_ id: Int32, _ table: QualifiedName) {
        if let index = colocationGroups.firstIndex(where: { $0.id == id }) { colocationGroups[index].tables.append(table) }
    }
    mutating func appendSchema(_ schema: String) { schemas.append(schema) }

    mutating func takeShardId() -> Int64 {
        defer { sequences.nextShardId += 1 }
        return sequences.nextShardId
    }

    mutating func takePlacementId() -> Int64 {
        defer { sequences.nextPlacementId += 1 }
        return sequences.nextPlacementId
    }

    /// Checks that tables, groups, shards and nodes refer to each other consistently.
    func validate() throws(CatalogError) {
        var groupIds = Set<Int32>()
        for node in nodes where !groupIds.insert(node.groupId).inserted {
            throw CatalogError("node group \(node.groupId) appears twice in the catalog")
        }
        for table in tables {
            var names = Set<String>()
            for column in table.columns where !names.insert(column.name).inserted {
                throw CatalogError("column \"\(column.name)\" specified more than once in table \(table.name)")
            }
            if case .hash(let column) = table.distribution, table.column(named: column) == nil {
                throw CatalogError("distribution column \"\(column)\" of table \(table.name) is not one of its columns")
            }
            if table.isCitusTable, table.distribution != .local {
                guard let id = table.colocationId, colocationGroup(id) != nil else {
                    throw CatalogError("table \(table.name) refers to a colocation group that is not in the catalog")
                }
            }
            var previous: Int32? = nil
            for shard in table.shards {
                if case .hash = table.distribution {
                    guard let range = shard.hashRange else {
                        throw CatalogError("shard \(shard.id) of hash-distributed table \(table.name) has no hash range")
                    }
                    if let previous, Int64(range.lowerBound) != Int64(previous) + 1 {
                        throw CatalogError("the shards of table \(table.name) are not in ascending hash order without gaps or overlaps")
                    }
                    previous = range.upperBound
                }
                for placement in shard.placements where !groupIds.contains(placement.groupId) {
                    throw CatalogError("shard \(shard.id) of table \(table.name) is placed on node group \(placement.groupId), which is not in the catalog")
                }
            }
            if case .hash = table.distribution {
                guard let first = table.shards.first?.hashRange?.lowerBound, first == Int32.min,
                      table.shards.last?.hashRange?.upperBound == Int32.max else {
                    throw CatalogError("the shards of table \(table.name) do not cover every hash value")
                }
            }
        }
    }
}
