import ShardCatalog

/// Shard relation names and node addresses of every table, computed once per planner so that
/// building a task costs a string concatenation.
final class ShardDirectory: Sendable {
    struct Routes: Sendable {
        /// `schema.shard_name` per shard index.
        let relations: [String]
        /// `host:port` of each shard's placements, first the one reads use.
        let placements: [[String]]
    }

    let routes: [QualifiedName: Routes]
    let localNode: String

    init(catalog: Catalog) {
        var routes: [QualifiedName: Routes] = [:]
        for table in catalog.tables where !table.shards.isEmpty {
            routes[table.name] = Routes(relations: table.shards.map { table.shardRelation($0.id) },
                                        placements: table.shards.map { $0.placements.map { catalog.address(ofGroup: $0.groupId) } })
        }
        self.routes = routes
        localNode = catalog.localNode
    }

    func relation(_ table: CatalogTable, _ index: Int) -> String {
        routes[table.name]?.relations[index] ?? table.shardRelation(table.shards[index].id)
    }

    func node(_ table: CatalogTable, _ index: Int) -> String {
        routes[table.name]?.placements[index].first ?? localNode
    }

    func placements(_ table: CatalogTable, _ index: Int) -> [String] {
        routes[table.name]?.placements[index] ?? [localNode]
    }
}
