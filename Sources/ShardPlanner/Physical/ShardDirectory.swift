import SQLSyntax
import ShardCatalog

/// Shard relation names, node addresses and quoted names of every table, computed once per
/// planner so that building a task costs a string concatenation. Immutable after init, so
/// planners on many threads share it.
final class ShardDirectory: Sendable {
    struct Routes: Sendable {
        /// `schema.shard_name` per shard index.
        let relations: [String]
        /// The same as bytes, for writing many tasks' SQL.
        let packedRelations: PackedStrings
        /// The shard's own name (`table_102008`, unquoted) per shard index.
        let shardNames: [String]
        /// `host:port` of each shard's placements, first the one reads use.
        let placements: [[String]]
        /// Per shard index: the one placement reads use, as a task's `placements` (shared by
        /// every task of the shard rather than allocated per task).
        let readPlacements: [[String]]
        /// Per shard index: `[shard id]`, a one-table task's `shards`, shared the same way.
        let shardIds: [[Int64]]
    }

    /// A table as the directory finds it by name, with what the fast path reads in one lookup:
    /// its routes (tables with shards), and per column its name, its type's name and its quoted
    /// name (`PostgresType.name` builds a string).
    final class TableInfo: Sendable {
        let table: CatalogTable
        let routes: Routes?
        let typeNames: [String]
        let columnTypes: [PostgresType?]
        let quotedNames: [String]
        let columnNames: [String]
        /// The distribution column's position, for a hash-distributed table.
        let distributionIndex: Int?
        /// The table's own name, quoted: a task's alias for a shard read without one.
        let quotedTableName: String

        init(table: CatalogTable, routes: Routes?, quoted: [String: String]) {
            self.table = table
            self.routes = routes
            columnNames = table.columns.map(\.name)
            if case .hash(let column) = table.distribution { distributionIndex = table.columnIndex(named: column) } else { distributionIndex = nil }
            typeNames = table.columns.map(\.type.name)
            columnTypes = table.columns.map(\.type)
            quotedNames = table.columns.map { quoted[$0.name] ?? SQLDeparser.quoteIdentifier($0.name) }
            quotedTableName = quoted[table.name.name] ?? SQLDeparser.quoteIdentifier(table.name.name)
        }
    }

    let routes: [QualifiedName: Routes]
    let localNode: String
    /// The catalog's settings (the time zone constants are read in).
    let settings: CatalogSettings
    /// Tables by qualified name, and by bare name as the search path resolves it.
    private let tablesByName: [QualifiedName: TableInfo]
    private let tablesOnSearchPath: [String: TableInfo]
    /// A router plan's note, per shard index, made once rather than per plan.
    let prunedNotes: [[String]]
    /// Identifiers of the catalog (column, table and schema names) as SQL quotes them.
    private let quoted: [String: String]

    init(catalog: Catalog) {
        var routes: [QualifiedName: Routes] = [:]
        var quoted: [String: String] = [:]
        let localNode = catalog.localNode
        for table in catalog.tables {
            for name in [table.name.schema, table.name.name] + table.columns.map(\.name) where quoted[name] == nil {
                quoted[name] = SQLDeparser.quoteIdentifier(name)
            }
            guard !table.shards.isEmpty else { continue }
            let placements = table.shards.map { $0.placements.map { catalog.address(ofGroup: $0.groupId) } }
            let relations = table.shards.map { table.shardRelation($0.id) }
            routes[table.name] = Routes(relations: relations, packedRelations: PackedStrings(relations),
                                        shardNames: table.shards.map { Shard.relationName(table: table.name.name, shardId: $0.id) },
                                        placements: placements,
                                        readPlacements: placements.map { [$0.first ?? localNode] },
                                        shardIds: table.shards.map { [$0.id] })
        }
        var tablesByName: [QualifiedName: TableInfo] = [:]
        for table in catalog.tables {
            tablesByName[table.name] = TableInfo(table: table, routes: routes[table.name], quoted: quoted)
        }
        var tablesOnSearchPath: [String: TableInfo] = [:]
        for table in catalog.tables where tablesOnSearchPath[table.name.name] == nil {
            if let found = catalog.table(named: [table.name.name]) { tablesOnSearchPath[table.name.name] = tablesByName[found.name] }
        }
        let shardCounts = catalog.tables.map(\.shards.count)
        self.prunedNotes = (0..<(shardCounts.max() ?? 0)).map { ["all distributed tables pruned to shard index \($0)"] }
        self.routes = routes
        self.quoted = quoted
        self.tablesByName = tablesByName
        self.tablesOnSearchPath = tablesOnSearchPath
        self.localNode = localNode
        self.settings = catalog.settings
    }

    /// `catalog.table(named:)` for a name as a statement writes it (schema empty: the search
    /// path decides), without building the name parts.
    func table(schema: String, name: String) -> CatalogTable? {
        tableInfo(schema: schema, name: name)?.table
    }

    /// ``table(schema:name:)`` with its routes and column names.
    func tableInfo(schema: String, name: String) -> TableInfo? {
        schema.isEmpty ? tablesOnSearchPath[name] : tablesByName[QualifiedName(schema: schema, name: name)]
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

    /// `SQLDeparser.quoteIdentifier(name)`, from the table for names of the catalog.
    func quoteIdentifier(_ name: String) -> String {
        quoted[name] ?? SQLDeparser.quoteIdentifier(name)
    }
}
