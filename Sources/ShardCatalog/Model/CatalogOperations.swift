/// Which colocation group a new distributed table joins (`colocate_with`).
public enum ColocateWith: Sendable, Hashable {
    /// `'default'`: the existing group with the same shard count, replication factor,
    /// distribution column type and collation (the smallest id when several match), else a new one.
    case `default`
    /// `'none'`: always a new group.
    case none
    /// `'table'`: the group of that distributed table.
    case table(QualifiedName)
}

extension Catalog {
    // MARK: Nodes

    /// `citus_set_coordinator_host(host, port)`: registers the coordinator as group 0 (without
    /// shards of distributed tables), or moves it. Reference tables get a placement on it.
    public mutating func setCoordinator(host: String, port: Int) {
        if let index = nodes.firstIndex(where: \.isCoordinator) {
            var node = nodes[index]
            node.host = host
            node.port = port
            updateNode(at: index, node)
            return
        }
        let node = ClusterNode(id: sequences.nextNodeId, groupId: 0, host: host, port: port, shouldHaveShards: false)
        sequences.nextNodeId += 1
        appendNode(node)
        addReferencePlacements(on: node)
    }

    /// `citus_add_node(host, port)`: adds a worker (a new group) that receives shards, and gives
    /// every reference table a placement on it. Adding a node that exists returns it unchanged.
    /// `groupId: 0` adds the coordinator itself as a node that holds shards.
    @discardableResult
    public mutating func addNode(host: String, port: Int, groupId: Int32? = nil) -> ClusterNode {
        if let existing = nodes.first(where: { $0.host == host && $0.port == port }) { return existing }
        let group: Int32
        if groupId == 0 {
            if let index = nodes.firstIndex(where: \.isCoordinator) {
                var node = nodes[index]
                node.shouldHaveShards = true
                updateNode(at: index, node)
                return node
            }
            group = 0
        } else {
            group = sequences.nextGroupId
            sequences.nextGroupId += 1
        }
        let node = ClusterNode(id: sequences.nextNodeId, groupId: group, host: host, port: port, shouldHaveShards: true)
        sequences.nextNodeId += 1
        appendNode(node)
        addReferencePlacements(on: node)
        return node
    }

    /// `citus_set_node_property(host, port, 'shouldhaveshards', value)`.
    public mutating func setShouldHaveShards(host: String, port: Int, _ value: Bool) throws(CatalogError) {
        guard let index = nodes.firstIndex(where: { $0.host == host && $0.port == port }) else {
            throw CatalogError("node at \"\(host):\(port)\" does not exist")
        }
        var node = nodes[index]
        node.shouldHaveShards = value
        updateNode(at: index, node)
    }

    private mutating func addReferencePlacements(on node: ClusterNode) {
        for table in tables where table.distribution == .reference {
            var updated = table
            for index in updated.shards.indices {
                updated.shards[index].placements.append(Placement(id: takePlacementId(), groupId: node.groupId))
                updated.shards[index].placements.sort { lhs, rhs in
                    guard let l = self.node(inGroup: lhs.groupId), let r = self.node(inGroup: rhs.groupId) else { return false }
                    return ClusterNode.placementOrder(l, r)
                }
            }
            replaceTable(updated)
        }
    }

    // MARK: Schemas and tables

    /// `CREATE SCHEMA name`.
    public mutating func createSchema(_ name: String, ifNotExists: Bool = false) throws(CatalogError) {
        if schemas.contains(name) {
            if ifNotExists { return }
            throw CatalogError("schema \"\(name)\" already exists")
        }
        appendSchema(name)
    }

    /// `CREATE TABLE`: adds a local table. A foreign key to a reference table makes it a local
    /// table in Citus's metadata, with a shard of its own, as Citus does.
    public mutating func createTable(_ table: CatalogTable, ifNotExists: Bool = false) throws(CatalogError) {
        guard schemas.contains(table.name.schema) else {
            throw CatalogError("schema \"\(table.name.schema)\" does not exist")
        }
        if self.table(table.name) != nil {
            if ifNotExists { return }
            throw CatalogError("relation \"\(table.name.name)\" already exists")
        }
        var table = table
        table.distribution = .local
        table.colocationId = nil
        table.shards = []
        appendTable(table)
        if let parent = table.partitionOf, let parentTable = self.table(parent) {
            // A partition created under a distributed parent is distributed with it.
            switch parentTable.distribution {
            case .hash(let column):
                try distributeTable(table.name, column: column, colocateWith: .table(parent), partitionOfParent: true)
            case .singleShard:
                try distributeTable(table.name, column: nil, colocateWith: .table(parent), partitionOfParent: true)
            default: break
            }
        }
        try addToMetadataIfReferencingReferenceTable(table.name)
    }

    /// `DROP TABLE`: removes the table; its shard ids are not reused.
    public mutating func dropTable(_ name: QualifiedName) {
        for partition in tables where partition.partitionOf == name { removeTable(partition.name) }
        removeTable(name)
    }

    /// Applies a change to a table's columns or constraints (ALTER TABLE).
    public mutating func alterTable(_ name: QualifiedName, _ change: (inout CatalogTable) throws(CatalogError) -> Void) throws(CatalogError) {
        guard var table = table(name) else { throw CatalogError("relation \"\(name.name)\" does not exist") }
        let before = table
        try change(&table)
        if case .hash = before.distribution {
            guard let after = table.distributionColumn, after.type == before.distributionColumn?.type else {
                throw CatalogError("cannot execute ALTER TABLE command involving partition column")
            }
        }
        replaceTable(table)
        if table.foreignKeys != before.foreignKeys { try addToMetadataIfReferencingReferenceTable(name) }
    }

    // MARK: Distribution

    /// `create_distributed_table(table, column, shard_count => n, colocate_with => ...)`; a nil
    /// column is `create_distributed_table(table, NULL)`: a single-shard table.
    public mutating func distributeTable(_ name: QualifiedName, column: String?, shardCount requestedShardCount: Int? = nil,
                                         colocateWith: ColocateWith = .default) throws(CatalogError) {
        try distributeTable(name, column: column, shardCount: requestedShardCount, colocateWith: colocateWith, partitionOfParent: false)
    }

    private mutating func distributeTable(_ name: QualifiedName, column: String?, shardCount requestedShardCount: Int? = nil,
                                          colocateWith: ColocateWith, partitionOfParent: Bool) throws(CatalogError) {
        guard var table = table(name) else { throw CatalogError("relation \"\(name.name)\" does not exist") }
        if table.distribution != .local {
            throw CatalogError("table \"\(name.name)\" is already distributed")
        }
        if let parent = table.partitionOf, !partitionOfParent {
            throw CatalogError("cannot distribute relation \"\(name.name)\" which is partition of \"\(parent.name)\"",
                               detail: "Citus does not support distributing partitions if their parent is not distributed table.",
                               hint: "Distribute the partitioned table \"\(parent.name)\" instead.")
        }
        if let requestedShardCount {
            if case .table = colocateWith {
                throw CatalogError("Cannot use colocate_with with a table and shard_count at the same time")
            }
            guard (1...64000).contains(requestedShardCount) else {
                throw CatalogError("\(requestedShardCount) is outside the valid range for parameter \"shard_count\" (1 .. 64000)")
            }
        }
        let replicationFactor = settings.replicationFactor
        var columnType: PostgresType? = nil
        var collation: String? = nil
        if let column {
            guard let definition = table.column(named: column) else {
                throw CatalogError("column \"\(column)\" of relation \"\(name.name)\" does not exist")
            }
            guard definition.type.hashSupportFunction != nil else {
                throw CatalogError("could not identify a hash function for type \(definition.type.name)",
                                   detail: "Partition column types must have a hash function defined to use hash partitioning.")
            }
            columnType = definition.type
            collation = definition.type.isCollatable ? (definition.collation ?? "default") : nil
        }
        let shardCount = column == nil ? 1 : (requestedShardCount ?? settings.shardCount)
        if column != nil, !(1...64000).contains(shardCount) {
            throw CatalogError("\(shardCount) is outside the valid range for parameter \"shard_count\" (1 .. 64000)")
        }

        // Find or create the colocation group.
        var existingGroup: ColocationGroup? = nil
        switch colocateWith {
        case .default:
            existingGroup = colocationGroups
                .filter { $0.shardCount == shardCount && $0.replicationFactor == replicationFactor
                    && $0.distributionColumnType == columnType && $0.distributionColumnCollation == collation }
                .min { $0.id < $1.id }
        case .none:
            break
        case .table(let otherName):
            guard let other = self.table(otherName) else { throw CatalogError("relation \"\(otherName.name)\" does not exist") }
            let pair = "\(other.name.displayName) and \(name.displayName)"
            switch other.distribution {
            case .local:
                throw CatalogError("relation \(other.name.displayName) is not distributed")
            case .reference:
                throw CatalogError("cannot colocate tables \(pair)", detail: "Replication models don't match for \(pair).")
            case .hash(let otherColumn):
                guard column != nil else {
                    throw CatalogError("cannot colocate tables \(pair)", detail: "Distribution column types don't match for \(pair).")
                }
                let otherType = other.column(named: otherColumn)?.type
                guard otherType == columnType else {
                    throw CatalogError("cannot colocate tables \(pair)", detail: "Distribution column types don't match for \(pair).")
                }
                let otherCollation = otherType?.isCollatable == true ? (other.column(named: otherColumn)?.collation ?? "default") : nil
                guard otherCollation == collation else {
                    throw CatalogError("cannot colocate tables \(pair)", detail: "Distribution column collations don't match for \(pair).")
                }
            case .singleShard:
                guard column == nil else {
                    throw CatalogError("cannot colocate tables \(pair)", detail: "Distribution column types don't match for \(pair).")
                }
            }
            existingGroup = other.colocationId.flatMap(colocationGroup)
        }

        let candidates = shardNodes
        guard candidates.count >= replicationFactor, !candidates.isEmpty else {
            throw CatalogError("replication_factor (\(replicationFactor)) exceeds number of worker nodes (\(candidates.count))",
                               hint: "Add more worker nodes or try again with a lower replication factor.")
        }

        let group: ColocationGroup
        var template: CatalogTable? = nil
        if let existingGroup, let first = existingGroup.tables.first, let firstTable = self.table(first) {
            group = existingGroup
            template = firstTable
        } else if let existingGroup {
            group = existingGroup
        } else {
            group = ColocationGroup(id: sequences.nextColocationId, shardCount: shardCount, replicationFactor: replicationFactor,
                                    distributionColumnType: columnType, distributionColumnCollation: collation)
            sequences.nextColocationId += 1
            appendGroup(group)
        }

        var shards: [Shard] = []
        let ranges = try? ShardHashRanges(shardCount: group.shardCount)
        for index in 0..<group.shardCount {
            let id = takeShardId()
            let groups: [Int32]
            if let template, index < template.shards.count {
                groups = template.shards[index].placements.map(\.groupId)
            } else if column == nil {
                // A single-shard table opening a group goes to the worker the group's id picks.
                let first = Int(group.id) % candidates.count
                groups = (0..<replicationFactor).map { candidates[(first + $0) % candidates.count].groupId }
            } else {
                groups = (0..<replicationFactor).map { candidates[(index + $0) % candidates.count].groupId }
            }
            let placements = groups.map { Placement(id: takePlacementId(), groupId: $0) }
            shards.append(Shard(id: id, hashRange: column == nil ? nil : ranges?.range(ofShard: index), placements: placements))
        }
        table.distribution = column.map { .hash(column: $0) } ?? .singleShard
        table.colocationId = group.id
        table.shards = shards
        replaceTable(table)
        addToGroup(group.id, name)

        // Partitions follow their parent, in the order they were created.
        for partition in tables where partition.partitionOf == name && partition.distribution == .local {
            try distributeTable(partition.name, column: column, colocateWith: .table(name), partitionOfParent: true)
        }
    }

    /// `create_reference_table(table)`: one shard with a placement on every node.
    public mutating func createReferenceTable(_ name: QualifiedName) throws(CatalogError) {
        guard var table = table(name) else { throw CatalogError("relation \"\(name.name)\" does not exist") }
        if table.distribution != .local {
            throw CatalogError("table \"\(name.name)\" is already distributed")
        }
        if table.partitionOf != nil || table.partitionKey != nil {
            throw CatalogError("distributing partitioned tables in only supported for hash-distributed tables")
        }
        guard !nodes.isEmpty else {
            throw CatalogError("cannot create reference table \"\(name.name)\" without nodes",
                               hint: "Add nodes with citus_add_node (or leave the script without nodes to use the default cluster).")
        }
        let group: ColocationGroup
        if let existing = colocationGroups.first(where: { $0.replicationFactor == -1 }) {
            group = existing
        } else {
            group = ColocationGroup(id: sequences.nextColocationId, shardCount: 1, replicationFactor: -1,
                                    distributionColumnType: nil, distributionColumnCollation: nil)
            sequences.nextColocationId += 1
            appendGroup(group)
        }
        let id = takeShardId()
        let placements = nodes.sorted(by: ClusterNode.placementOrder).map { Placement(id: takePlacementId(), groupId: $0.groupId) }
        table.distribution = .reference
        table.colocationId = group.id
        table.shards = [Shard(id: id, hashRange: nil, placements: placements)]
        replaceTable(table)
        addToGroup(group.id, name)

        // Plain local tables that already reference this table by foreign key join Citus's
        // metadata now, each taking one shard id (observed on Citus 13: ids are skipped this way).
        for other in tables where other.distribution == .local && other.shards.isEmpty
            && other.foreignKeys.contains(where: { $0.referencedTable == name }) {
            try addLocalTableToMetadata(other.name, referencing: name)
        }
    }

    /// A plain local table with a foreign key to a reference table becomes a Citus-managed local
    /// table: one shard on the coordinator.
    private mutating func addToMetadataIfReferencingReferenceTable(_ name: QualifiedName) throws(CatalogError) {
        guard let table = table(name), table.distribution == .local, table.shards.isEmpty else { return }
        for key in table.foreignKeys {
            if let referenced = self.table(key.referencedTable), referenced.distribution == .reference {
                try addLocalTableToMetadata(name, referencing: referenced.name)
                return
            }
        }
    }

    private mutating func addLocalTableToMetadata(_ name: QualifiedName, referencing reference: QualifiedName) throws(CatalogError) {
        guard var table = table(name) else { return }
        guard let coordinator else {
            throw CatalogError("local table \"\(name.name)\" references reference table \"\(reference.name)\", which needs the coordinator in the metadata",
                               hint: "Register the coordinator first: SELECT citus_set_coordinator_host('<host>', <port>);")
        }
        table.shards = [Shard(id: takeShardId(), hashRange: nil, placements: [Placement(id: takePlacementId(), groupId: coordinator.groupId)])]
        replaceTable(table)
    }
}

extension PostgresType {
    /// Whether values of the type carry a collation (text-like types).
    public var isCollatable: Bool {
        switch base {
        case .text, .varchar, .bpchar, .name: return true
        case .other: return false
        default: return false
        }
    }
}

extension Catalog {
    /// `ALTER TABLE ... RENAME TO`: the table keeps its shards (Citus renames the shard relations).
    public mutating func renameTable(_ name: QualifiedName, to newName: String) throws(CatalogError) {
        guard var table = table(name) else { throw CatalogError("relation \"\(name.name)\" does not exist") }
        let renamed = QualifiedName(schema: name.schema, name: newName)
        guard self.table(renamed) == nil else { throw CatalogError("relation \"\(newName)\" already exists") }
        removeTable(name)
        table.name = renamed
        appendTable(table)
        for index in tables.indices {
            var other = tables[index]
            var changed = false
            for key in other.foreignKeys.indices where other.foreignKeys[key].referencedTable == name {
                other.foreignKeys[key].referencedTable = renamed
                changed = true
            }
            if other.partitionOf == name { other.partitionOf = renamed; changed = true }
            if changed { replaceTable(other) }
        }
        if let id = table.colocationId { addToGroup(id, renamed) }
    }

    /// `ALTER TABLE ... RENAME COLUMN`: follows the distribution column and keys.
    public mutating func renameColumn(of name: QualifiedName, from old: String, to new: String) throws(CatalogError) {
        try alterTable(name) { (table: inout CatalogTable) throws(CatalogError) in
            guard let index = table.columnIndex(named: old) else {
                throw CatalogError("column \"\(old)\" does not exist")
            }
            guard table.column(named: new) == nil else {
                throw CatalogError("column \"\(new)\" of relation \"\(name.name)\" already exists")
            }
            table.columns[index].name = new
            func rename(_ columns: inout [String]) { columns = columns.map { $0 == old ? new : $0 } }
            if var key = table.primaryKey { rename(&key.columns); table.primaryKey = key }
            for key in table.uniqueConstraints.indices { rename(&table.uniqueConstraints[key].columns) }
            for key in table.foreignKeys.indices { rename(&table.foreignKeys[key].columns) }
            if case .hash(let column) = table.distribution, column == old { table.distribution = .hash(column: new) }
        }
    }
}
