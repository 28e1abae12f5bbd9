import Foundation
import ShardCatalog
import SQLSyntax

/// Builds a ``Catalog`` from a live Citus coordinator: its metadata tables (`pg_dist_node`,
/// `pg_dist_partition`, `pg_dist_shard`, `pg_dist_placement`, `pg_dist_colocation`) and
/// PostgreSQL's own catalogs for columns, types, keys and partitions.
///
/// ```swift
/// let catalog = try await LiveCatalogReader.read(url: "postgres://postgres@127.0.0.1:9700/app")
/// ```
///
/// The metadata schema can be changed for tests: a plain database can hold tables with
/// Citus's names and columns in a schema of its own, since `pg_catalog` is not writable.
public enum LiveCatalogReader {
    /// Reads the catalog of the database at `url`.
    public static func read(url: String, metadataSchema: String = "pg_catalog") async throws(ShardRunnerError) -> Catalog {
        try await read(from: ServerEndpoint(url: url), metadataSchema: metadataSchema)
    }

    /// Reads the catalog of a database.
    ///
    /// - Parameters:
    ///   - endpoint: the coordinator's database.
    ///   - metadataSchema: where the `pg_dist_*` tables are (`pg_catalog` in Citus).
    /// - Throws: ``ShardRunnerError`` when a query fails or the metadata does not form a valid
    ///   catalog (append- or range-distributed tables, gaps in hash ranges...).
    public static func read(from endpoint: ServerEndpoint, metadataSchema: String = "pg_catalog") async throws(ShardRunnerError) -> Catalog {
        try await NodeSession.withSession(to: endpoint, statementTimeout: .seconds(60)) { session in
            try await read(session: session, metadataSchema: metadataSchema)
        }
    }

    /// Reads the catalog through an open session.
    public static func read(session: NodeSession, metadataSchema: String = "pg_catalog") async throws(ShardRunnerError) -> Catalog {
        let m = ShardSchema.quote(metadataSchema)

        // Nodes (primaries only: a group is a node).
        var nodes: [ClusterNode] = []
        for row in try await session.query("""
            SELECT nodeid, groupid, nodename, nodeport, shouldhaveshards FROM \(m).pg_dist_node
            WHERE noderole::text = 'primary' ORDER BY nodeid
            """).rows {
            nodes.append(ClusterNode(id: try int32(row[0]), groupId: try int32(row[1]), host: row[2] ?? "", port: try int(row[3]),
                                     shouldHaveShards: row[4] == "t"))
        }

        // Citus tables.
        struct PartitionRow {
            var oid: UInt32
            var method: String
            var partkey: String?
            var colocationId: Int32
            var replicationModel: String
        }
        let hasColumnNameFunction = try await session.query(
            "SELECT to_regprocedure('pg_catalog.column_to_column_name(regclass,text)') IS NOT NULL").scalar == "t"
        var partitions: [UInt32: PartitionRow] = [:]
        var partitionColumnNames: [UInt32: String] = [:]
        let columnNameExpression = hasColumnNameFunction
            ? "CASE WHEN partkey IS NULL THEN NULL ELSE pg_catalog.column_to_column_name(logicalrelid, partkey) END"
            : "NULL::text"
        for row in try await session.query("""
            SELECT logicalrelid::oid, partmethod, partkey, colocationid, repmodel, \(columnNameExpression)
            FROM \(m).pg_dist_partition
            """).rows {
            let oid = try uint32(row[0])
            partitions[oid] = PartitionRow(oid: oid, method: row[1] ?? "", partkey: row[2], colocationId: try int32(row[3]),
                                           replicationModel: row[4] ?? "")
            if let name = row[5] { partitionColumnNames[oid] = name }
        }

        // Shards and placements.
        struct ShardRow {
            var id: Int64
            var min: String?
            var max: String?
        }
        var shardsByTable: [UInt32: [ShardRow]] = [:]
        var shardIds: [Int64] = []
        for row in try await session.query("""
            SELECT logicalrelid::oid, shardid, shardminvalue, shardmaxvalue FROM \(m).pg_dist_shard ORDER BY logicalrelid, shardid
            """).rows {
            let id = try int64(row[1])
            let relation = try uint32(row[0])
            shardsByTable[relation, default: []].append(ShardRow(id: id, min: row[2], max: row[3]))
            shardIds.append(id)
        }
        var placementsByShard: [Int64: [Placement]] = [:]
        var maxPlacementId: Int64 = 0
        for row in try await session.query("SELECT shardid, placementid, groupid FROM \(m).pg_dist_placement ORDER BY placementid").rows {
            let placement = Placement(id: try int64(row[1]), groupId: try int32(row[2]))
            let shardId = try int64(row[0])
            placementsByShard[shardId, default: []].append(placement)
            maxPlacementId = max(maxPlacementId, placement.id)
        }

        // User tables: Citus tables and plain local tables, in creation (OID) order, without
        // shard relations that live on the coordinator.
        let excludedSchemas = ["pg_catalog", "information_schema", "citus", "citus_internal", "columnar", "columnar_internal", metadataSchema]
        let schemaFilter = excludedSchemas.map(SQLDeparser.quoteLiteral).joined(separator: ", ")
        struct RelationRow {
            var oid: UInt32
            var name: QualifiedName
            var partitionKey: String?
            var parent: UInt32?
        }
        var relations: [RelationRow] = []
        for row in try await session.query("""
            SELECT c.oid, n.nspname, c.relname,
                   CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
                   (SELECT i.inhparent FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid AND c.relispartition LIMIT 1)
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN (\(schemaFilter))
              AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
            ORDER BY c.oid
            """).rows {
            var parent: UInt32? = nil
            if let text = row[4] { parent = try uint32(text) }
            relations.append(RelationRow(oid: try uint32(row[0]), name: QualifiedName(schema: row[1] ?? "", name: row[2] ?? ""),
                                         partitionKey: row[3], parent: parent))
        }
        let nameByOID = Dictionary(uniqueKeysWithValues: relations.map { ($0.oid, $0.name) })
        var shardRelationNames = Set<QualifiedName>()
        for (oid, shards) in shardsByTable {
            guard let name = nameByOID[oid] else { continue }
            for shard in shards {
                shardRelationNames.insert(QualifiedName(schema: name.schema, name: Shard.relationName(table: name.name, shardId: shard.id)))
            }
        }
        relations.removeAll { shardRelationNames.contains($0.name) && partitions[$0.oid] == nil }
        let oidList = relations.map { String($0.oid) }.joined(separator: ",")

        // Columns.
        var columnsByTable: [UInt32: [(attnum: Int, column: TableColumn)]] = [:]
        if !relations.isEmpty {
            for row in try await session.query("""
                SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
                       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END,
                       a.attidentity, CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
                LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
                LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid IN (\(oidList)) AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attrelid, a.attnum
                """).rows {
                let typeName = row[3] ?? ""
                let type: PostgresType
                do {
                    type = try PostgresType(parsing: typeName)
                } catch {
                    throw ShardRunnerError("cannot read the type \(typeName) of column \(row[2] ?? "?"): \(error)")
                }
                let identity: String? = switch row[7] {
                case "a"?: "always"
                case "d"?: "by default"
                default: nil
                }
                let column = TableColumn(name: row[2] ?? "", type: type, collation: row[5], isNullable: row[4] != "t",
                                         defaultExpression: row[6], identity: identity, generatedExpression: row[8])
                let relation = try uint32(row[0])
                let attnum = try int(row[1])
                columnsByTable[relation, default: []].append((attnum, column))
            }
        }

        // Keys.
        var primaryKeys: [UInt32: KeyConstraint] = [:]
        var uniqueKeys: [UInt32: [KeyConstraint]] = [:]
        var foreignKeys: [UInt32: [ForeignKeyConstraint]] = [:]
        if !relations.isEmpty {
            for row in try await session.query("""
                SELECT conrelid, conname, contype, conkey, confrelid, confkey FROM pg_catalog.pg_constraint
                WHERE contype IN ('p', 'u', 'f') AND conrelid IN (\(oidList)) ORDER BY conrelid, oid
                """).rows {
                let table = try uint32(row[0])
                let columns = columnNames(row[3], of: columnsByTable[table] ?? [])
                switch row[2] {
                case "p":
                    primaryKeys[table] = KeyConstraint(name: row[1] ?? "", columns: columns)
                case "u":
                    uniqueKeys[table, default: []].append(KeyConstraint(name: row[1] ?? "", columns: columns))
                default:
                    let referenced = try uint32(row[4])
                    guard let referencedName = nameByOID[referenced] else { continue }
                    foreignKeys[table, default: []].append(ForeignKeyConstraint(
                        name: row[1] ?? "", columns: columns, referencedTable: referencedName,
                        referencedColumns: columnNames(row[5], of: columnsByTable[referenced] ?? [])))
                }
            }
        }

        // Tables.
        var tables: [CatalogTable] = []
        for relation in relations {
            let columns = (columnsByTable[relation.oid] ?? []).map(\.column)
            var table = CatalogTable(name: relation.name, columns: columns, primaryKey: primaryKeys[relation.oid],
                                     uniqueConstraints: uniqueKeys[relation.oid] ?? [], foreignKeys: foreignKeys[relation.oid] ?? [],
                                     partitionOf: relation.parent.flatMap { nameByOID[$0] }, partitionKey: relation.partitionKey)
            if let partition = partitions[relation.oid] {
                let shardRows = shardsByTable[relation.oid] ?? []
                switch partition.method {
                case "h":
                    var column = partitionColumnNames[relation.oid]
                    if column == nil, let partkey = partition.partkey, let attnum = PartitionKey.attributeNumber(in: partkey) {
                        column = columnsByTable[relation.oid]?.first { $0.attnum == attnum }?.column.name
                    }
                    guard let column else {
                        throw ShardRunnerError("cannot find the distribution column of \(relation.name.displayName) (partkey \(partition.partkey ?? "NULL"))")
                    }
                    table.distribution = .hash(column: column)
                    table.colocationId = partition.colocationId
                case "n":
                    if partition.replicationModel == "t" {
                        table.distribution = .reference
                        table.colocationId = partition.colocationId
                    } else if partition.colocationId != 0 {
                        table.distribution = .singleShard
                        table.colocationId = partition.colocationId
                    } else {
                        table.distribution = .local
                    }
                default:
                    throw ShardRunnerError("table \(relation.name.displayName) is \(partition.method == "a" ? "append" : "range")-distributed (partmethod '\(partition.method)'), which the catalog does not model")
                }
                var shards: [Shard] = []
                for row in shardRows {
                    var range: ClosedRange<Int32>? = nil
                    if let min = row.min, let max = row.max {
                        guard let low = Int32(min), let high = Int32(max), low <= high else {
                            throw ShardRunnerError("shard \(row.id) of \(relation.name.displayName) has the hash range [\(min), \(max)], which is not one")
                        }
                        range = low...high
                    }
                    shards.append(Shard(id: row.id, hashRange: range, placements: placementsByShard[row.id] ?? []))
                }
                if case .hash = table.distribution {
                    shards.sort { ($0.hashRange?.lowerBound ?? .min, $0.id) < ($1.hashRange?.lowerBound ?? .min, $1.id) }
                }
                table.shards = shards
            }
            tables.append(table)
        }

        // Colocation groups, members in the order they joined (their first shard id).
        var groups: [ColocationGroup] = []
        for row in try await session.query("""
            SELECT g.colocationid, g.shardcount, g.replicationfactor,
                   CASE WHEN g.distributioncolumntype <> 0 THEN pg_catalog.format_type(g.distributioncolumntype, NULL) END,
                   co.collname
            FROM \(m).pg_dist_colocation g LEFT JOIN pg_catalog.pg_collation co ON co.oid = g.distributioncolumncollation
            ORDER BY g.colocationid
            """).rows {
            let id = try int32(row[0])
            let members = tables.filter { $0.colocationId == id && $0.distribution != .local }
                .sorted { ($0.shards.first?.id ?? .max) < ($1.shards.first?.id ?? .max) }
            var type: PostgresType? = nil
            if let first = members.first(where: { $0.distributionColumn != nil }) {
                type = first.distributionColumn?.type
            } else if let name = row[3] {
                type = try? PostgresType(parsing: name)
            }
            groups.append(ColocationGroup(id: id, shardCount: try int(row[1]), replicationFactor: try int(row[2]),
                                          distributionColumnType: type, distributionColumnCollation: row[4], tables: members.map(\.name)))
        }

        // Schemas, settings and sequences.
        var schemas = ["public"]
        for row in try await session.query("""
            SELECT nspname FROM pg_catalog.pg_namespace
            WHERE nspname NOT IN (\(schemaFilter), 'public') AND nspname NOT LIKE 'pg\\_%' ORDER BY oid
            """).rows {
            if let name = row[0] { schemas.append(name) }
        }
        var settings = CatalogSettings()
        let gucs = try await session.query("""
            SELECT current_setting('citus.shard_count', true), current_setting('citus.shard_replication_factor', true)
            """).rows.first
        if let value = gucs?[0].flatMap({ Int($0) }) { settings.shardCount = value }
        if let value = gucs?[1].flatMap({ Int($0) }) { settings.replicationFactor = value }
        var sequences = CatalogSequences()
        sequences.nextShardId = try await nextValue(session, sequence: "\(metadataSchema).pg_dist_shardid_seq",
                                                    fallback: (shardIds.max() ?? 102007) + 1)
        sequences.nextPlacementId = try await nextValue(session, sequence: "\(metadataSchema).pg_dist_placement_placementid_seq",
                                                        fallback: maxPlacementId + 1)
        sequences.nextColocationId = Int32(try await nextValue(session, sequence: "\(metadataSchema).pg_dist_colocationid_seq",
                                                               fallback: Int64((groups.map(\.id).max() ?? 0) + 1)))
        sequences.nextGroupId = Int32(try await nextValue(session, sequence: "\(metadataSchema).pg_dist_groupid_seq",
                                                          fallback: Int64((nodes.map(\.groupId).max() ?? 0) + 1)))
        sequences.nextNodeId = Int32(try await nextValue(session, sequence: "\(metadataSchema).pg_dist_node_nodeid_seq",
                                                         fallback: Int64((nodes.map(\.id).max() ?? 0) + 1)))
        do {
            return try Catalog(nodes: nodes, tables: tables, colocationGroups: groups, schemas: schemas, settings: settings, sequences: sequences)
        } catch {
            throw ShardRunnerError("the metadata at \(session.endpoint) does not form a valid catalog: \(error)")
        }
    }

    // MARK: Helpers

    /// The next value a sequence will hand out, or `fallback` when it does not exist.
    private static func nextValue(_ session: NodeSession, sequence: String, fallback: Int64) async throws(ShardRunnerError) -> Int64 {
        let literal = SQLDeparser.quoteLiteral(sequence)
        guard try await session.query("SELECT to_regclass(\(literal)) IS NOT NULL").scalar == "t" else { return fallback }
        let row = try await session.query("SELECT last_value, is_called FROM \(sequence)").rows.first
        guard let last = row?[0].flatMap({ Int64($0) }) else { return fallback }
        return row?[1] == "t" ? last + 1 : last
    }

    /// Column names of an `int2[]` of attribute numbers (`{1,3}`).
    private static func columnNames(_ text: String?, of columns: [(attnum: Int, column: TableColumn)]) -> [String] {
        guard let text else { return [] }
        return text.trimmingCharacters(in: ["{", "}"]).split(separator: ",").compactMap { part in
            columns.first { $0.attnum == Int(part) }?.column.name
        }
    }

    private static func int(_ text: String?) throws(ShardRunnerError) -> Int { try number(text, "an integer") }
    private static func int32(_ text: String?) throws(ShardRunnerError) -> Int32 { try number(text, "an integer") }
    private static func int64(_ text: String?) throws(ShardRunnerError) -> Int64 { try number(text, "a bigint") }
    private static func uint32(_ text: String?) throws(ShardRunnerError) -> UInt32 { try number(text, "an OID") }

    private static func number<Value: FixedWidthInteger>(_ text: String?, _ what: String) throws(ShardRunnerError) -> Value {
        guard let text, let value = Value(text) else { throw ShardRunnerError("expected \(what) in the metadata, got \(text ?? "NULL")") }
        return value
    }
}
