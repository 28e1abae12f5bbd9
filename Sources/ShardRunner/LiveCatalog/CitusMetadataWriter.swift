import Foundation
import ShardCatalog
import SQLSyntax

/// Writes a catalog as Citus's metadata tables (`pg_dist_node`, `pg_dist_partition`,
/// `pg_dist_shard`, `pg_dist_placement`, `pg_dist_colocation`, with Citus 13's column names and
/// types) into a schema of a plain PostgreSQL database, together with the catalog's tables.
///
/// This stands in for a Citus coordinator where there is none: ``LiveCatalogReader`` reads such
/// a database as it reads a real coordinator (given the schema's name).
public enum CitusMetadataWriter {
    /// Creates the catalog's schemas and tables (with their own names, columns and keys) and the
    /// metadata tables in `metadataSchema`, filled from the catalog.
    ///
    /// - Parameters:
    ///   - catalog: what to write.
    ///   - session: a session on an empty database.
    ///   - metadataSchema: the schema for the `pg_dist_*` tables (created).
    ///
    /// Partitions are created as plain tables: a catalog does not hold partition bounds (see
    /// ``write(_:session:metadataSchema:)-(SchemaScript,_,_)`` for that).
    public static func write(_ catalog: Catalog, session: NodeSession, metadataSchema: String) async throws(ShardRunnerError) {
        try await write(catalog, creates: [:], session: session, metadataSchema: metadataSchema)
    }

    /// Like ``write(_:session:metadataSchema:)-(Catalog,_,_)`` for a script's catalog, with
    /// partitions attached to their parents with the script's bounds.
    public static func write(_ script: SchemaScript, session: NodeSession, metadataSchema: String) async throws(ShardRunnerError) {
        try await write(script.catalog, creates: ShardSchema.createStatements(in: script), session: session, metadataSchema: metadataSchema)
    }

    private static func write(_ catalog: Catalog, creates: [QualifiedName: CreateStmt], session: NodeSession,
                              metadataSchema: String) async throws(ShardRunnerError) {
        let m = ShardSchema.quote(metadataSchema)
        var statements: [String] = []
        for schema in catalog.schemas { statements.append("CREATE SCHEMA IF NOT EXISTS \(ShardSchema.quote(schema))") }
        for table in catalog.tables {
            statements.append(try ShardSchema.createTable(table, as: table.name.name, suffix: nil,
                                                          parent: table.partitionOf.map { ($0, $0.name) }, create: creates[table.name]))
        }
        statements += [
            "CREATE SCHEMA \(m)",
            "CREATE TYPE \(m).noderole AS ENUM ('primary', 'secondary', 'unavailable')",
            """
            CREATE TABLE \(m).pg_dist_node (nodeid integer NOT NULL, groupid integer NOT NULL, nodename text NOT NULL,
                nodeport integer NOT NULL DEFAULT 5432, noderack text NOT NULL DEFAULT 'default', hasmetadata boolean NOT NULL DEFAULT false,
                isactive boolean NOT NULL DEFAULT true, noderole \(m).noderole NOT NULL DEFAULT 'primary',
                nodecluster name NOT NULL DEFAULT 'default', metadatasynced boolean NOT NULL DEFAULT false,
                shouldhaveshards boolean NOT NULL DEFAULT true)
            """,
            """
            CREATE TABLE \(m).pg_dist_partition (logicalrelid regclass NOT NULL, partmethod "char" NOT NULL, partkey text,
                colocationid integer NOT NULL DEFAULT 0, repmodel "char" NOT NULL DEFAULT 'c', autoconverted boolean DEFAULT false)
            """,
            """
            CREATE TABLE \(m).pg_dist_shard (logicalrelid regclass NOT NULL, shardid bigint NOT NULL, shardstorage "char" NOT NULL,
                shardalias text, shardminvalue text, shardmaxvalue text)
            """,
            """
            CREATE TABLE \(m).pg_dist_placement (placementid bigint NOT NULL, shardid bigint NOT NULL, shardstate integer NOT NULL,
                shardlength bigint NOT NULL, groupid integer NOT NULL)
            """,
            """
            CREATE TABLE \(m).pg_dist_colocation (colocationid integer NOT NULL, shardcount integer NOT NULL,
                replicationfactor integer NOT NULL, distributioncolumntype oid NOT NULL, distributioncolumncollation oid NOT NULL DEFAULT 0)
            """,
            "CREATE SEQUENCE \(m).pg_dist_shardid_seq MINVALUE 102008 START \(catalog.sequences.nextShardId)",
        ]
        for node in catalog.nodes {
            statements.append("""
                INSERT INTO \(m).pg_dist_node (nodeid, groupid, nodename, nodeport, hasmetadata, isactive, metadatasynced, shouldhaveshards)
                VALUES (\(node.id), \(node.groupId), \(literal(node.host)), \(node.port), true, true, true, \(node.shouldHaveShards))
                """)
        }
        for group in catalog.colocationGroups {
            let type = group.distributionColumnType.map { "pg_catalog.to_regtype(\(literal($0.name)))::oid" } ?? "0"
            let collation = group.distributionColumnCollation.map {
                "(SELECT oid FROM pg_catalog.pg_collation WHERE collname = \(literal($0)) ORDER BY oid LIMIT 1)"
            } ?? "0"
            statements.append("""
                INSERT INTO \(m).pg_dist_colocation VALUES (\(group.id), \(group.shardCount), \(group.replicationFactor), \(type), \(collation))
                """)
        }
        for table in catalog.tables where table.isCitusTable {
            let relation = literal(ShardSchema.quote(table.name.schema) + "." + ShardSchema.quote(table.name.name)) + "::regclass"
            var partkey = "NULL"
            if let column = table.distributionColumn {
                partkey = """
                    (SELECT format('{VAR :varno 1 :varattno %s :vartype %s :vartypmod %s :varcollid %s :varlevelsup 0 :varnosyn 1 :varattnosyn %s :location -1}',
                                   attnum, atttypid, atttypmod, attcollation, attnum)
                     FROM pg_catalog.pg_attribute WHERE attrelid = \(relation) AND attname = \(literal(column.name)))
                    """
            }
            let method = table.distribution.partitionMethod
            let replication = table.distribution == .reference ? "t" : "s"
            statements.append("""
                INSERT INTO \(m).pg_dist_partition VALUES (\(relation), '\(method)', \(partkey), \(table.colocationId ?? 0), '\(replication)', false)
                """)
            for shard in table.shards {
                let low = shard.hashRange.map { literal(String($0.lowerBound)) } ?? "NULL"
                let high = shard.hashRange.map { literal(String($0.upperBound)) } ?? "NULL"
                statements.append("INSERT INTO \(m).pg_dist_shard VALUES (\(relation), \(shard.id), 't', NULL, \(low), \(high))")
                for placement in shard.placements {
                    statements.append("INSERT INTO \(m).pg_dist_placement VALUES (\(placement.id), \(shard.id), 1, 0, \(placement.groupId))")
                }
            }
        }
        try await session.execute(statements: statements)
    }

    static func literal(_ text: String) -> String {
        SQLDeparser.quoteLiteral(text)
    }
}
