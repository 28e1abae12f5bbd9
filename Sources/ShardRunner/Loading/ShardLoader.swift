import Foundation
import PostgresServer
import ShardCatalog

/// Where a schema script was loaded: the single-node reference database and the distributed
/// database on every node.
public struct LoadedCluster: Sendable {
    /// The cluster.
    public let cluster: ShardCluster
    /// The catalog the script built.
    public let catalog: Catalog
    /// Which server plays each node group.
    public let mapping: NodeMapping
    /// The single-node oracle's database, on the coordinator's server.
    public let referenceDatabase: String
    /// The database holding shards (and local tables on the coordinator) on every server.
    public let distributedDatabase: String
    /// Figures of the load.
    public let report: LoadReport

    /// The reference database.
    public var referenceEndpoint: ServerEndpoint { mapping.coordinator.database(referenceDatabase) }

    /// The distributed database on the server of a node group.
    public func endpoint(forGroup groupId: Int32) throws(ShardRunnerError) -> ServerEndpoint {
        try mapping.endpoint(forGroup: groupId, database: distributedDatabase)
    }
}

/// Creates the shards of a schema script on a cluster and fills them with the script's data.
///
/// 1. The whole script (minus Citus calls) runs as plain PostgreSQL in the reference database:
///    the single-node oracle, with the script's own INSERT and COPY rows.
/// 2. Every server gets the distributed database with the shards of each table on its
///    placements, and local tables on the coordinator (see ``ShardSchema``).
/// 3. Each table's rows are read back from the reference database (COPY text), each row's
///    shard is computed in Swift with the catalog's hashing, and the rows are copied to every
///    placement of that shard.
/// 4. The cross-check asks each placement, with PostgreSQL's own hash function, for rows
///    outside the shard's hash range, and compares row counts with the reference database and
///    with the routing of step 3. Any mismatch is an error naming the table, the shard and the
///    counts.
public enum ShardLoader {
    /// How to load.
    public struct Options: Sendable {
        /// The reference database's name (recreated).
        public var referenceDatabase: String
        /// The distributed database's name (recreated on every server).
        public var distributedDatabase: String
        /// `statement_timeout` of every session.
        public var statementTimeout: Duration
        /// Whether to run the cross-check.
        public var verify: Bool

        /// Creates options.
        public init(referenceDatabase: String = "shardplan_reference", distributedDatabase: String = "shardplan_shards",
                    statementTimeout: Duration = .seconds(600), verify: Bool = true) {
            self.referenceDatabase = referenceDatabase
            self.distributedDatabase = distributedDatabase
            self.statementTimeout = statementTimeout
            self.verify = verify
        }
    }

    /// Loads a script onto the cluster.
    ///
    /// - Throws: ``ShardRunnerError`` when a statement fails, a distribution value cannot be
    ///   routed (NULL, or not a valid value of the column's type) or the cross-check finds a
    ///   mismatch.
    public static func load(_ script: SchemaScript, into cluster: ShardCluster, options: Options = Options())
        async throws(ShardRunnerError) -> LoadedCluster {
        let clock = ContinuousClock()
        let started = clock.now
        let catalog = script.catalog
        let mapping = try cluster.nodeMapping(for: catalog)
        let timeout = options.statementTimeout

        // 1. Databases and the reference database.
        try await ShardCluster.recreateDatabase(options.referenceDatabase, at: mapping.coordinator)
        try await withThrowingTaskGroupMapping(mapping.allEndpoints(database: "postgres")) { endpoint in
            try await ShardCluster.recreateDatabase(options.distributedDatabase, at: endpoint)
        }
        let referenceEndpoint = mapping.coordinator.database(options.referenceDatabase)
        let psql = cluster.coordinator.connection(database: options.referenceDatabase)
        try await NodeSession.withSession(to: referenceEndpoint, statementTimeout: timeout) { session in
            try await ReferenceDatabase.run(script, session: session) { (sql: String) async throws(ShardRunnerError) in
                do throws(PostgresServerError) {
                    try await runBlocking { () throws(PostgresServerError) in try psql.execute(sql) }
                } catch {
                    throw ShardRunnerError(error.message, serverMessage: error.serverMessage, detail: error.detail)
                }
            }
        }
        let referenceDone = clock.now

        // 2. Shards and local tables.
        let schema = try ShardSchema(script: script)
        let groups = schema.statements.keys.sorted()
        var groupEndpoints: [Int32: ServerEndpoint] = [:]
        for group in groups { groupEndpoints[group] = try mapping.endpoint(forGroup: group, database: options.distributedDatabase) }
        let endpoints = groupEndpoints
        try await withThrowingTaskGroupMapping(groups) { group in
            try await NodeSession.withSession(to: endpoints[group]!, statementTimeout: timeout) { session in
                try await session.execute(statements: schema.statements[group] ?? [])
            }
        }
        let schemaDone = clock.now

        // 3. Data.
        var jobs: [Int32: [CopyJob]] = [:]
        var tables: [TableLoad] = []
        var referenceCounts: [QualifiedName: Int] = [:]
        for table in catalog.tables {
            let selectList = table.columns.map { ShardSchema.quote($0.name) }.joined(separator: ", ")
            let columns = table.columns.map(\.name)
            if table.partitionKey != nil {
                // Rows of a partitioned table live in its partitions.
                tables.append(TableLoad(name: table.name, kind: table.distribution.kindName, rows: 0, shardCount: table.shards.count,
                                        rowsCopied: 0, rowsPerShard: [:]))
                continue
            }
            let sql = "COPY (SELECT \(selectList) FROM \(quoted(table.name))) TO STDOUT"
            let text: String
            do throws(PostgresServerError) {
                text = try await runBlocking { () throws(PostgresServerError) in try psql.execute(sql) }
            } catch {
                throw ShardRunnerError("cannot read \(table.name.displayName) from the reference database: \(error.message)",
                                       serverMessage: error.serverMessage, statement: sql)
            }
            // Splitting and hashing a large table is seconds of work: off the cooperative pool,
            // in one go. Reference and local tables copy every row to each shard placement (a
            // plain local table has no shards).
            let (lines, routed) = try await runBlocking { () throws(ShardRunnerError) -> ([Substring], [[Substring]]) in
                let lines = CopyText.lines(text)
                guard case .hash(let columnName) = table.distribution else {
                    return (lines, Array(repeating: lines, count: table.shards.count))
                }
                return (lines, try route(lines, of: table, column: columnName, catalog: catalog))
            }
            referenceCounts[table.name] = lines.count
            var load = TableLoad(name: table.name, kind: table.distribution.kindName, rows: lines.count, shardCount: table.shards.count,
                                 rowsCopied: 0, rowsPerShard: [:])
            if table.distribution == .local {
                jobs[0, default: []].append(CopyJob(schema: table.name.schema, relation: table.name.name, columns: columns, lines: lines))
                load.rowsCopied = lines.count
            }
            for (shard, shardLines) in zip(table.shards, routed) {
                load.rowsPerShard[shard.id] = shardLines.count
                guard !shardLines.isEmpty else { continue }
                for placement in shard.placements {
                    jobs[placement.groupId, default: []].append(
                        CopyJob(schema: table.name.schema, relation: Shard.relationName(table: table.name.name, shardId: shard.id),
                                columns: columns, lines: shardLines))
                    load.rowsCopied += shardLines.count
                }
            }
            tables.append(load)
        }
        let allJobs = jobs
        try await withThrowingTaskGroupMapping(allJobs.keys.sorted()) { group in
            try await NodeSession.withSession(to: endpoints[group]!, statementTimeout: timeout) { session in
                for job in allJobs[group] ?? [] {
                    try await session.copyIn(schema: job.schema, table: job.relation, columns: job.columns, lines: job.lines)
                }
            }
        }
        let dataDone = clock.now

        // 4. Cross-check.
        var checkDone = dataDone
        if options.verify {
            try await verify(catalog: catalog, tables: tables, referenceEndpoint: referenceEndpoint, endpoints: endpoints, timeout: timeout)
            checkDone = clock.now
        }
        // Partitioned tables report their partitions' rows.
        for index in tables.indices where catalog.table(tables[index].name)?.partitionKey != nil {
            tables[index].rows = leafRows(of: tables[index].name, catalog: catalog, counts: referenceCounts)
        }
        let report = LoadReport(tables: tables, referenceDuration: referenceDone - started, schemaDuration: schemaDone - referenceDone,
                                dataDuration: dataDone - schemaDone, checkDuration: checkDone - dataDone, totalDuration: clock.now - started)
        return LoadedCluster(cluster: cluster, catalog: catalog, mapping: mapping, referenceDatabase: options.referenceDatabase,
                             distributedDatabase: options.distributedDatabase, report: report)
    }

    /// Runs the cross-check again on a loaded cluster (for example after a test changed shards):
    /// no row outside its shard's hash range, every placement of a shard with the same rows,
    /// each shard with as many rows as were routed to it, and totals equal to the reference
    /// database's.
    ///
    /// - Throws: ``ShardRunnerError`` listing every mismatch with table, shard, node group and
    ///   counts.
    public static func verify(_ loaded: LoadedCluster, statementTimeout: Duration = .seconds(600)) async throws(ShardRunnerError) {
        var endpoints: [Int32: ServerEndpoint] = [:]
        for group in loaded.mapping.endpoints.keys { endpoints[group] = try loaded.endpoint(forGroup: group) }
        try await verify(catalog: loaded.catalog, tables: loaded.report.tables, referenceEndpoint: loaded.referenceEndpoint,
                         endpoints: endpoints, timeout: statementTimeout)
    }

    // MARK: Routing

    /// Splits COPY rows by shard index, hashing each row's distribution value in Swift.
    static func route(_ lines: [Substring], of table: CatalogTable, column columnName: String, catalog: Catalog) throws(ShardRunnerError) -> [[Substring]] {
        guard let columnIndex = table.columnIndex(named: columnName), let column = table.distributionColumn else {
            throw ShardRunnerError("table \(table.name.displayName) has no distribution column \"\(columnName)\"")
        }
        var routed = [[Substring]](repeating: [], count: table.shards.count)
        var cache: [Substring: Int] = [:]
        for line in lines {
            guard let raw = CopyText.rawField(line, at: columnIndex) else {
                throw ShardRunnerError("a row of \(table.name.displayName) has fewer columns than the table: \(line.prefix(200))")
            }
            if let index = cache[raw] {
                routed[index].append(line)
                continue
            }
            guard let text = CopyText.decode(raw) else {
                throw ShardRunnerError("cannot perform an INSERT with NULL in the partition column: a row of \(table.name.displayName) has NULL in \"\(columnName)\"")
            }
            let value: PostgresValue
            do {
                value = try column.type.coerce(.string(text), context: .assignment, timeZone: catalog.settings.timeZone)
            } catch {
                throw ShardRunnerError("cannot hash \(column.type.name) value '\(text)' of \(table.name.displayName).\(columnName): \(error)")
            }
            guard let location = catalog.shardPlacement(for: value, in: table) else {
                throw ShardRunnerError("table \(table.name.displayName) has no shard placements")
            }
            if cache.count < 1_000_000 { cache[raw] = location.shardIndex }
            routed[location.shardIndex].append(line)
        }
        return routed
    }

    // MARK: Cross-check

    static func verify(catalog: Catalog, tables: [TableLoad], referenceEndpoint: ServerEndpoint, endpoints: [Int32: ServerEndpoint],
                       timeout: Duration) async throws(ShardRunnerError) {
        // Every count to take, by node group.
        struct Probe: Sendable {
            var table: QualifiedName
            var shardId: Int64?
            var sql: String
        }
        var probes: [Int32: [Probe]] = [:]
        for table in catalog.tables {
            if table.distribution == .local {
                probes[0, default: []].append(Probe(table: table.name, shardId: nil, sql: "SELECT count(*)::text, '0' FROM \(quoted(table.name))"))
                if table.shards.isEmpty { continue }
            }
            let hashExpression = table.distributionColumn.flatMap { HashCheck.expression(column: ShardSchema.quote($0.name), type: $0.type) }
            if case .hash = table.distribution, hashExpression == nil {
                throw ShardRunnerError("no hash function to check \(table.name.displayName): type \(table.distributionColumn?.type.name ?? "?")")
            }
            for shard in table.shards {
                let relation = "\(ShardSchema.quote(table.name.schema)).\(ShardSchema.quote(Shard.relationName(table: table.name.name, shardId: shard.id)))"
                var outside = "'0'"
                if let hashExpression, let range = shard.hashRange {
                    outside = "(count(*) FILTER (WHERE NOT (\(hashExpression) BETWEEN \(range.lowerBound) AND \(range.upperBound))))::text"
                }
                for placement in shard.placements {
                    probes[placement.groupId, default: []].append(
                        Probe(table: table.name, shardId: shard.id, sql: "SELECT count(*)::text, \(outside) FROM \(relation)"))
                }
            }
        }
        let allProbes = probes
        let setup = HashCheck.setupStatements(for: catalog.tables.compactMap { $0.distributionColumn?.type })
        let groups = allProbes.keys.sorted()
        let answers = try await withThrowingTaskGroupMapping(groups) { group -> [(Int32, Probe, Int, Int)] in
            try await NodeSession.withSession(to: endpoints[group]!, statementTimeout: timeout) { session in
                try await session.execute(statements: setup)
                var results: [(Int32, Probe, Int, Int)] = []
                for probe in allProbes[group] ?? [] {
                    let row = try await session.query(probe.sql).rows.first
                    results.append((group, probe, Int(row?[0] ?? "") ?? -1, Int(row?[1] ?? "") ?? -1))
                }
                return results
            }
        }.flatMap { $0 }
        let referenceCounts = try await NodeSession.withSession(to: referenceEndpoint, statementTimeout: timeout) { session in
            var counts: [QualifiedName: Int] = [:]
            for table in catalog.tables {
                counts[table.name] = Int(try await session.query("SELECT count(*)::text FROM \(quoted(table.name))").scalar ?? "") ?? -1
            }
            return counts
        }

        var problems: [String] = []
        let loads = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        // Answers grouped once by table, then by shard (grouping keeps their order), rather than
        // filtered again for every table and every shard.
        let answersByTable = Dictionary(grouping: answers) { $0.1.table }
        for table in catalog.tables {
            let expected = referenceCounts[table.name] ?? -1
            let mine = answersByTable[table.name] ?? []
            let mineByShard = Dictionary(grouping: mine) { $0.1.shardId }
            for (group, probe, _, outside) in mine where outside != 0 {
                problems.append("\(table.name.displayName) shard \(probe.shardId ?? 0) on group \(group): \(outside) rows outside the shard's hash range")
            }
            switch table.distribution {
            case .hash:
                var total = 0
                for shard in table.shards {
                    let counts = (mineByShard[shard.id] ?? []).map { ($0.0, $0.2) }
                    if let first = counts.first { total += first.1 }
                    if Set(counts.map(\.1)).count > 1 {
                        problems.append("\(table.name.displayName) shard \(shard.id): placements disagree: "
                                        + counts.map { "group \($0.0) has \($0.1)" }.joined(separator: ", "))
                    }
                    if table.partitionKey == nil, let routed = loads[table.name]?.rowsPerShard[shard.id], let first = counts.first, first.1 != routed {
                        problems.append("\(table.name.displayName) shard \(shard.id) on group \(first.0): \(first.1) rows, but \(routed) were routed to it")
                    }
                }
                if total != expected {
                    problems.append("\(table.name.displayName): \(total) rows over its shards, \(expected) in the reference database")
                }
            default:
                for (group, probe, count, _) in mine where count != expected {
                    let place = probe.shardId.map { "shard \($0) on group \(group)" } ?? "coordinator"
                    problems.append("\(table.name.displayName) \(place): \(count) rows, \(expected) in the reference database")
                }
            }
        }
        if !problems.isEmpty {
            throw ShardRunnerError("the loaded shards do not match the reference database:\n" + problems.joined(separator: "\n"))
        }
    }

    static func leafRows(of name: QualifiedName, catalog: Catalog, counts: [QualifiedName: Int]) -> Int {
        catalog.tables.filter { $0.partitionOf == name }.reduce(0) { total, partition in
            total + (partition.partitionKey == nil ? counts[partition.name] ?? 0 : leafRows(of: partition.name, catalog: catalog, counts: counts))
        }
    }

    static func quoted(_ name: QualifiedName) -> String {
        ShardSchema.quote(name.schema) + "." + ShardSchema.quote(name.name)
    }

    struct CopyJob: Sendable {
        var schema: String
        var relation: String
        var columns: [String]
        var lines: [Substring]
    }
}
