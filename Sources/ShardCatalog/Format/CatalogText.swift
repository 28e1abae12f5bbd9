/// The catalog as text for people: nodes, colocation groups, then each table.
extension Catalog {
    /// - Parameter shards: also list every shard with its hash range and placements.
    public func textDescription(shards listShards: Bool = false) -> String {
        var out = "nodes\n"
        for node in nodes {
            let role = node.isCoordinator ? (node.shouldHaveShards ? "coordinator, holds shards" : "coordinator") : "worker"
            out += "  \(node.address)  node \(node.id), group \(node.groupId), \(role)\n"
        }
        if nodes.isEmpty { out += "  (none)\n" }
        out += "\ncolocation groups\n"
        for group in colocationGroups {
            let kind: String
            if group.replicationFactor == -1 {
                kind = "reference"
            } else if let type = group.distributionColumnType {
                kind = "hash \(type.name), \(group.shardCount) shards"
            } else {
                kind = "single shard"
            }
            out += "  \(group.id): \(kind): \(group.tables.map(\.description).joined(separator: ", "))\n"
        }
        if colocationGroups.isEmpty { out += "  (none)\n" }
        for table in tables {
            out += "\ntable \(table.name)\n"
            switch table.distribution {
            case .hash(let column):
                let type = table.column(named: column)?.type.name ?? "?"
                out += "  distribution  hash on \(PostgresType.quoteIdentifier(column)) (\(type)), colocation group \(table.colocationId ?? 0)\n"
            case .reference:
                out += "  distribution  reference, colocation group \(table.colocationId ?? 0)\n"
            case .singleShard:
                out += "  distribution  single shard, colocation group \(table.colocationId ?? 0)\n"
            case .local:
                out += table.shards.isEmpty ? "  distribution  local (coordinator only)\n"
                    : "  distribution  local, in Citus metadata (references a reference table)\n"
            }
            if let parent = table.partitionOf { out += "  partition of  \(parent)\n" }
            if let key = table.partitionKey { out += "  partitioned   \(key)\n" }
            if let first = table.shards.first, let last = table.shards.last {
                let count = table.shards.count
                out += "  shards        \(count): \(count == 1 ? "\(first.id)" : "\(first.id) .. \(last.id)")\n"
                var perNode: [Int32: Int] = [:]
                for shard in table.shards { for placement in shard.placements { perNode[placement.groupId, default: 0] += 1 } }
                let placed = nodes.sorted(by: ClusterNode.placementOrder).compactMap { node -> String? in
                    perNode[node.groupId].map { "\(node.address) \($0)" }
                }
                out += "  per node      \(placed.joined(separator: ", "))\n"
            }
            let columns = table.columns.map { column -> String in
                var text = "\(PostgresType.quoteIdentifier(column.name)) \(column.type.name)"
                if let collation = column.collation { text += " collate \(collation)" }
                if !column.isNullable { text += " not null" }
                if let identity = column.identity { text += " generated \(identity) as identity" }
                if let generated = column.generatedExpression { text += " generated always as (\(generated)) stored" }
                if let value = column.defaultExpression { text += " default \(value)" }
                return text
            }
            out += "  columns       \(columns.joined(separator: ", "))\n"
            if let key = table.primaryKey { out += "  primary key   \(key.name) (\(key.columns.joined(separator: ", ")))\n" }
            for key in table.uniqueConstraints { out += "  unique        \(key.name) (\(key.columns.joined(separator: ", ")))\n" }
            for key in table.foreignKeys {
                out += "  foreign key   \(key.name) (\(key.columns.joined(separator: ", "))) references \(key.referencedTable) (\(key.referencedColumns.joined(separator: ", ")))\n"
            }
            if listShards {
                for shard in table.shards {
                    let range = shard.hashRange.map { "[\($0.lowerBound), \($0.upperBound)]" } ?? "(no hash range)"
                    let places = shard.placements.map { node(inGroup: $0.groupId)?.address ?? "group \($0.groupId)" }
                    out += "    \(shard.id)  \(Shard.relationName(table: table.name.name, shardId: shard.id))  \(range)  \(places.joined(separator: ", "))\n"
                }
            }
        }
        return out
    }
}
