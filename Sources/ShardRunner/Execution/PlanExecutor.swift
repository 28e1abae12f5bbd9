import PostgresServer
import SQLSyntax
import ShardCatalog
import ShardPlanner

/// Runs a ``DistributedPlan`` on a loaded cluster, the way a coordinator would:
///
/// 1. the stages in order; the tasks of a stage in parallel across nodes (one session per node,
///    so the tasks of one node run one after another on it); a read runs on the task's `node`,
///    a write on every placement;
/// 2. the rows of the last stage go into a temporary table `remote_scan` on the coordinator,
///    with the plan's worker columns and types; then the plan's merge SQL runs over it;
/// 3. a modification runs inside a transaction on every node it touches: all commit, or all roll
///    back (on an error, or when asked to, to try a statement without keeping its effect). The
///    commit is one node after another, not a two-phase commit.
///
/// Parameters (`$1`...) are bound with `PREPARE` / `EXECUTE`, given as untyped literals, as a
/// client sending text parameters would.
public struct PlanExecutor: Sendable {
    /// What the executor runs on.
    public let loaded: LoadedCluster
    private let groupOfAddress: [String: Int32]

    /// Creates an executor for a loaded cluster.
    public init(loaded: LoadedCluster) {
        self.loaded = loaded
        var groups: [String: Int32] = [:]
        for node in loaded.catalog.nodes { groups[node.address] = node.groupId }
        self.groupOfAddress = groups
    }

    /// How a modification ends.
    public enum Ending: Sendable {
        case commit
        case rollback
    }

    /// Runs a plan with sessions opened by ``LoadedCluster/withNodeSessions(statementTimeout:_:)``.
    ///
    /// - Parameters:
    ///   - plan: the plan; a plan with deferred pruning is bound to `parameters` first.
    ///   - parameters: values of `$1`, `$2`... in text form (nil for NULL).
    ///   - sessions: one session per node group.
    ///   - ending: for modifications, whether to commit or roll back.
    ///   - beforeEnd: for modifications, runs inside the transaction after the tasks (to read the
    ///     tables' contents before a rollback).
    /// - Returns: the result's rows; for a modification, ``QueryResult/affectedRows`` is the sum
    ///   over its tasks.
    /// - Throws: ``ShardRunnerError`` naming the task (stage, index, node, shards) that failed.
    public func run(_ plan: DistributedPlan, parameters: [String?] = [], sessions: [Int32: NodeSession],
                    ending: Ending = .commit,
                    beforeEnd: (@Sendable ([Int32: NodeSession]) async throws(ShardRunnerError) -> Void)? = nil)
        async throws(ShardRunnerError) -> QueryResult {
        let plan = try bound(plan, parameters)
        let isWrite = plan.statement != .select
        guard let coordinator = sessions[0] else { throw ShardRunnerError("no session on the coordinator (node group 0)") }

        // The nodes a modification touches: every placement of every task.
        var touched: [Int32] = []
        if isWrite {
            var seen = Set<Int32>()
            for stage in plan.stages {
                for task in stage.tasks {
                    for placement in task.placements {
                        let group = try self.group(of: placement, task: task, stage: stage)
                        if seen.insert(group).inserted { touched.append(group) }
                    }
                }
            }
            touched.sort()
            for group in touched { try await sessions[group]!.execute("BEGIN") }
        }
        do {
            var stageRows: [TaskOutput] = []
            for (position, stage) in plan.stages.enumerated() {
                let outputs = try await runStage(stage, isWrite: isWrite, parameters: parameters, sessions: sessions)
                if position == plan.stages.count - 1 {
                    stageRows = outputs
                } else {
                    switch stage.output {
                    case .coordinator:
                        stageRows += outputs
                    case .broadcast(let name):
                        try await broadcast(outputs, as: name, stage: stage, sessions: sessions, coordinator: coordinator)
                    case .partitioned(let name, let column, let buckets):
                        try await partition(outputs, as: name, column: column, buckets: buckets, stage: stage,
                                            next: plan.stages[position + 1], sessions: sessions, coordinator: coordinator)
                    }
                }
            }
            var result = try await merge(plan, outputs: stageRows, coordinator: coordinator, parameters: parameters)
            if isWrite {
                result.affectedRows = stageRows.reduce(0) { $0 + ($1.result.affectedRows ?? 0) }
                if let beforeEnd { try await beforeEnd(sessions) }
                let end = ending == .commit ? "COMMIT" : "ROLLBACK"
                for group in touched { try await sessions[group]!.execute(end) }
            }
            return result
        } catch {
            if isWrite {
                for group in touched { try? await sessions[group]!.execute("ROLLBACK") }
            }
            throw ShardRunnerError.from(error, context: "the plan failed")
        }
    }

    /// A task's rows (from its first placement).
    struct TaskOutput: Sendable {
        var stage: Int
        var task: Int
        var result: QueryResult
    }

    private func bound(_ plan: DistributedPlan, _ parameters: [String?]) throws(ShardRunnerError) -> DistributedPlan {
        guard plan.deferredPruning != nil else { return plan }
        do {
            return try plan.bind(parameters)
        } catch {
            throw ShardRunnerError("cannot bind the plan's parameters: \(error.message)")
        }
    }

    private func group(of address: String, task: Task, stage: Stage) throws(ShardRunnerError) -> Int32 {
        guard let group = groupOfAddress[address] else {
            throw ShardRunnerError("task \(task.index) of stage \(stage.id) names node \(address), which is not in the catalog")
        }
        return group
    }

    /// Runs the tasks of a stage: nodes in parallel, each node's tasks in task order.
    private func runStage(_ stage: Stage, isWrite: Bool, parameters: [String?], sessions: [Int32: NodeSession])
        async throws(ShardRunnerError) -> [TaskOutput] {
        // (task position, placement rank, group): rank 0 is the placement whose rows count.
        var work: [Int32: [(task: Int, rank: Int)]] = [:]
        for (position, task) in stage.tasks.enumerated() {
            let addresses = isWrite ? (task.placements.isEmpty ? [task.node] : task.placements) : [task.node]
            for (rank, address) in addresses.enumerated() {
                let group = try self.group(of: address, task: task, stage: stage)
                guard sessions[group] != nil else {
                    throw ShardRunnerError("task \(task.index) of stage \(stage.id) runs on \(address), but there is no session to it")
                }
                work[group, default: []].append((position, rank))
            }
        }
        let tasks = stage.tasks
        let jobs = work.sorted { $0.key < $1.key }
        // The first task to fail decides the error; the other nodes' sessions are closed then,
        // so their statements stop at once instead of running to the end of a dead run.
        let firstFailure = Locked<ShardRunnerError?>(nil)
        let results = await withTaskGroup(of: [(Int, Int, QueryResult)].self) { taskGroup in
            for (group, items) in jobs {
                taskGroup.addTask {
                    let session = sessions[group]!
                    var outputs: [(Int, Int, QueryResult)] = []
                    for (position, rank) in items {
                        let task = tasks[position]
                        let sql = String(task.sql)
                        do throws(ShardRunnerError) {
                            outputs.append((position, rank, try await Self.runSQL(sql, isWrite: isWrite, parameters: parameters, on: session)))
                        } catch {
                            let failure = ShardRunnerError(
                                "task \(task.index) of stage \(stage.id) (shards \(task.shards.map(String.init).joined(separator: ", "))) failed on node \(session.endpoint.host):\(session.endpoint.port): \(error.serverMessage ?? error.message)",
                                serverMessage: error.serverMessage, detail: error.detail, sqlState: error.sqlState, statement: sql)
                            let isFirst = firstFailure.withLock { first -> Bool in
                                guard first == nil else { return false }
                                first = failure
                                return true
                            }
                            if isFirst {
                                for (other, otherSession) in sessions where other != group { await otherSession.close() }
                            }
                            return []
                        }
                    }
                    return outputs
                }
            }
            var collected: [(Int, Int, QueryResult)] = []
            for await outputs in taskGroup { collected += outputs }
            return collected
        }
        if let failure = firstFailure.withLock({ $0 }) { throw failure }
        var byTask = [QueryResult?](repeating: nil, count: tasks.count)
        for (position, rank, result) in results where rank == 0 { byTask[position] = result }
        return byTask.enumerated().map { TaskOutput(stage: stage.id, task: $0.offset, result: $0.element ?? QueryResult(columns: [], rows: [])) }
    }

    /// Runs one statement, through `PREPARE` / `EXECUTE` when it refers to parameters.
    static func runSQL(_ sql: String, isWrite: Bool, parameters: [String?], on session: NodeSession) async throws(ShardRunnerError) -> QueryResult {
        // A task or merge may use only some of the statement's parameters (`LIMIT $2` stays on
        // the coordinator while the tasks use `$1`), or none.
        let used = parameters.isEmpty ? [] : Self.parameterNumbers(in: sql)
        guard !used.isEmpty else {
            return isWrite ? try await session.modify(sql) : try await session.query(sql)
        }
        let name = "shardplan_statement"
        // PostgreSQL infers the type of a parameter declared `unknown` from where it is used,
        // and cannot infer one that is not used: those are declared `text` (as Citus sends
        // them), so every statement takes all the values.
        let types = (1...parameters.count).map { used.contains($0) ? "unknown" : "text" }.joined(separator: ", ")
        try await session.execute("PREPARE \(name)(\(types)) AS \(sql)")
        do {
            let values = parameters.map { $0.map(SQLDeparser.quoteLiteral) ?? "NULL" }.joined(separator: ", ")
            let execute = "EXECUTE \(name)(\(values))"
            let result = isWrite ? try await session.modify(execute) : try await session.query(execute)
            try await session.execute("DEALLOCATE \(name)")
            return result
        } catch {
            try? await session.execute("DEALLOCATE \(name)")
            throw error
        }
    }

    // MARK: Intermediate results

    static let recordOID: UInt32 = 2249

    /// `format_type` of each type OID, in one query.
    static func typeNames(_ oids: [UInt32], on session: NodeSession) async throws(ShardRunnerError) -> [String] {
        guard !oids.isEmpty else { return [] }
        let list = oids.map(String.init).joined(separator: ",")
        let names = try await session.query(
            "SELECT pg_catalog.format_type(t.oid, NULL) FROM unnest(ARRAY[\(list)]::oid[]) WITH ORDINALITY AS t(oid, n) ORDER BY t.n").rows
        return names.map { ($0.first ?? nil) ?? "text" }
    }

    /// Column definitions for a stage's rows, from the types PostgreSQL reported for them.
    private func columnDefinitions(_ outputs: [TaskOutput], stage: Stage, coordinator: NodeSession) async throws(ShardRunnerError) -> [(name: String, type: String)] {
        guard let columns = outputs.first(where: { !$0.result.columns.isEmpty })?.result.columns else {
            throw ShardRunnerError("stage \(stage.id) returned no column description, so its rows cannot be sent on")
        }
        let types = try await Self.typeNames(columns.map(\.typeOID), on: coordinator)
        return zip(columns, types).map { (name: $0.name, type: $1) }
    }

    /// Creates a temporary table on a node (dropping an older one of the name) and copies rows in.
    private static func store(_ rows: [[String?]], as name: String, columns: [(name: String, type: String)], on session: NodeSession)
        async throws(ShardRunnerError) {
        let quoted = SQLDeparser.quoteIdentifier(name)
        try await session.execute("DROP TABLE IF EXISTS pg_temp.\(quoted)")
        let definitions = columns.map { SQLDeparser.quoteIdentifier($0.name) + " " + $0.type }.joined(separator: ", ")
        try await session.execute("CREATE TEMPORARY TABLE \(quoted) (\(definitions))")
        guard !rows.isEmpty else { return }
        let lines = rows.map { Substring($0.map(CopyText.escape).joined(separator: "\t") + "\n") }
        try await session.copyIn(schema: nil, table: name, columns: columns.map(\.name), lines: lines)
    }

    /// `broadcast(name)`: every node (the coordinator included) gets all of the stage's rows as
    /// the temporary table `name`, which the next stage's tasks read.
    private func broadcast(_ outputs: [TaskOutput], as name: String, stage: Stage, sessions: [Int32: NodeSession],
                           coordinator: NodeSession) async throws(ShardRunnerError) {
        let columns = try await columnDefinitions(outputs, stage: stage, coordinator: coordinator)
        let rows = outputs.flatMap(\.result.rows)
        try await withThrowingTaskGroupMapping(Array(sessions.values)) { session in
            try await Self.store(rows, as: name, columns: columns, on: session)
        }
    }

    /// `partitioned(name, column, buckets)`: the rows are split into `buckets` by PostgreSQL's
    /// hash of `column`, over hash ranges cut as shard ranges are (bucket `b` holds the hashes of
    /// shard index `b` of a `buckets`-shard table). Bucket `b` goes, as the temporary table
    /// `<name>_<b>`, to the node of the next stage's task `b` (task `b % tasks` when there are
    /// fewer tasks), which reads it.
    private func partition(_ outputs: [TaskOutput], as name: String, column: String, buckets: Int, stage: Stage, next: Stage,
                           sessions: [Int32: NodeSession], coordinator: NodeSession) async throws(ShardRunnerError) {
        let columns = try await columnDefinitions(outputs, stage: stage, coordinator: coordinator)
        guard let columnType = columns.first(where: { $0.name == column })?.type else {
            throw ShardRunnerError("stage \(stage.id) partitions on \"\(column)\", which its rows do not have (\(columns.map(\.name).joined(separator: ", ")))")
        }
        let type: PostgresType
        let ranges: ShardHashRanges
        do {
            type = try PostgresType(parsing: columnType)
            ranges = try ShardHashRanges(shardCount: buckets)
        } catch {
            throw ShardRunnerError("stage \(stage.id) cannot be partitioned on \"\(column)\" (\(columnType)) into \(buckets) buckets: \(error)")
        }
        guard let hash = HashCheck.expression(column: SQLDeparser.quoteIdentifier(column), type: type), !next.tasks.isEmpty else {
            throw ShardRunnerError("stage \(stage.id) cannot be partitioned on \"\(column)\": type \(columnType) has no hash function")
        }
        // The coordinator holds every row once and cuts the buckets with PostgreSQL's hash.
        let staging = "shardrunner_partition_input"
        try await Self.store(outputs.flatMap(\.result.rows), as: staging, columns: columns, on: coordinator)
        try await coordinator.execute(statements: HashCheck.setupStatements(for: [type]))
        let select = columns.map { SQLDeparser.quoteIdentifier($0.name) }.joined(separator: ", ")
        for bucket in 0..<buckets {
            let range = ranges.range(ofShard: bucket)
            let rows = try await coordinator.query(
                "SELECT \(select) FROM pg_temp.\(staging) WHERE \(hash) BETWEEN \(range.lowerBound) AND \(range.upperBound)").rows
            let task = next.tasks[bucket % next.tasks.count]
            let group = try self.group(of: task.node, task: task, stage: next)
            guard let session = sessions[group] else { throw ShardRunnerError("no session on node \(task.node)") }
            try await Self.store(rows, as: "\(name)_\(bucket)", columns: columns, on: session)
        }
        try await coordinator.execute("DROP TABLE pg_temp.\(staging)")
    }

    // MARK: Merge

    /// Loads the task rows into `remote_scan` on the coordinator and runs the merge SQL.
    private func merge(_ plan: DistributedPlan, outputs: [TaskOutput], coordinator: NodeSession, parameters: [String?])
        async throws(ShardRunnerError) -> QueryResult {
        let merge = plan.merge
        guard !merge.sql.isEmpty, !merge.workerColumns.isEmpty else {
            return QueryResult(columns: [], rows: [])
        }
        let columns = merge.workerColumns
        for output in outputs {
            if let row = output.result.rows.first, row.count != columns.count {
                throw ShardRunnerError("task \(output.task) of stage \(output.stage) returned \(row.count) columns; the plan's merge expects \(columns.count) (\(columns.map(\.name).joined(separator: ", ")))")
            }
        }
        // A column whose type the planner could not name takes the type PostgreSQL reported
        // (text when there is none, or it is an anonymous record, which a table cannot hold).
        let observed = outputs.first { !$0.result.columns.isEmpty }?.result.columns ?? []
        let unnamed = columns.indices.filter { columns[$0].type.map { $0.contains("unknown") || $0 == "record" } ?? true }
        let lookups = unnamed.filter { observed[safe: $0].map { $0.typeOID != Self.recordOID } ?? false }
        let found = Dictionary(uniqueKeysWithValues: zip(lookups, try await Self.typeNames(lookups.map { observed[$0].typeOID }, on: coordinator)))
        let definitions = columns.enumerated().map { index, column in
            (name: column.name, type: unnamed.contains(index) ? found[index] ?? "text" : column.type ?? "text")
        }
        try await Self.store(outputs.flatMap(\.result.rows), as: "remote_scan", columns: definitions, on: coordinator)
        let result: QueryResult
        do {
            result = try await Self.runSQL(merge.sql, isWrite: false, parameters: parameters, on: coordinator)
        } catch {
            try? await coordinator.execute("DROP TABLE IF EXISTS pg_temp.remote_scan")
            throw ShardRunnerError("the merge failed on the coordinator: \(error.serverMessage ?? error.message)",
                                   serverMessage: error.serverMessage, detail: error.detail, sqlState: error.sqlState, statement: merge.sql)
        }
        try await coordinator.execute("DROP TABLE pg_temp.remote_scan")
        return result
    }
}

extension PlanExecutor {
    /// The `$n` the SQL refers to. Reads SQL as shardplan's deparser prints it: `$` inside a
    /// string literal ('...' or E'...', quotes doubled) or a quoted identifier is text, and `$`
    /// after an identifier's first character (`total$1`) belongs to the identifier.
    static func parameterNumbers(in sql: String) -> Set<Int> {
        var numbers: Set<Int> = []
        var quote: UInt8? = nil
        var previous: UInt8 = 0
        let bytes = Array(sql.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                // A doubled quote stays inside; a single one closes.
                if byte == open {
                    if index + 1 < bytes.count, bytes[index + 1] == open { index += 2; continue }
                    quote = nil
                }
                previous = byte
                index += 1
                continue
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: "$"), !Self.isIdentifierByte(previous) {
                var number = 0
                var end = index + 1
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") {
                    number = min(number * 10 + Int(bytes[end] - UInt8(ascii: "0")), 65_535)
                    end += 1
                }
                if number > 0 { numbers.insert(number) }
                previous = end > index + 1 ? bytes[end - 1] : byte
                index = end
                continue
            }
            previous = byte
            index += 1
        }
        return numbers
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
