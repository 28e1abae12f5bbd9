import PostgresServer
import SQLSyntax
import ShardCatalog
import ShardPlanner

/// A statement to verify, with the values of its parameters.
public struct VerificationStatement: Sendable {
    /// Where the statement comes from (`file.sql:12`), for the report.
    public var name: String
    /// One SQL statement.
    public var sql: String
    /// `$1`, `$2`... in text form (nil for NULL).
    public var parameters: [String?]

    public init(name: String, sql: String, parameters: [String?] = []) {
        self.name = name
        self.sql = sql
        self.parameters = parameters
    }
}

/// The outcome of verifying one statement.
public struct VerificationOutcome: Sendable {
    public enum Verdict: String, Sendable {
        /// The distributed plan returned what the single node returned.
        case ok
        /// It did not (or failed where the single node did not): a planner bug.
        case wrong = "WRONG"
        /// The planner refused the statement with an error.
        case unsupported
    }

    public var verdict: Verdict
    /// The planner class, when the statement planned.
    public var planClass: PlannerClass?
    /// The difference (WRONG), the planner's message (unsupported), or nil.
    public var message: String?
    /// What was not compared and why (volatile values, ties under LIMIT), or that both failed.
    public var notes: [String]
    /// Rows returned (or affected) on the single node.
    public var rowCount: Int
}

/// Checks that distributed plans return the single node's answer: each statement is planned,
/// run on the shards with ``PlanExecutor``, run as written on the reference database, and the
/// outcomes compared with ``ResultComparison``'s rules. Modifications run inside transactions
/// that are rolled back on both sides, after comparing the affected row count, the RETURNING
/// rows and the contents of the tables they touched; so statements can be verified in any order.
public struct Verifier: Sendable {
    public let loaded: LoadedCluster
    public let planner: DistributedPlanner
    private let executor: PlanExecutor
    private let tableOfShard: [Int64: QualifiedName]
    public let statementTimeout: Duration

    public init(loaded: LoadedCluster, statementTimeout: Duration = .seconds(60)) {
        self.loaded = loaded
        self.planner = DistributedPlanner(catalog: loaded.catalog)
        self.executor = PlanExecutor(loaded: loaded)
        var tables: [Int64: QualifiedName] = [:]
        for table in loaded.catalog.tables { for shard in table.shards { tables[shard.id] = table.name } }
        self.tableOfShard = tables
        self.statementTimeout = statementTimeout
    }

    /// Verifies one statement. Errors of the cluster itself (a node that cannot be reached)
    /// are thrown; everything about the statement is in the outcome.
    public func verify(_ statement: VerificationStatement) async throws(ShardRunnerError) -> VerificationOutcome {
        let node: Node
        let plan: DistributedPlan
        do {
            // Planned as `shardplan explain` and library users plan text: with the statement's text.
            let parsed = try SQLParser.parseOneStatement(statement.sql)
            node = parsed.node
            plan = try planner.plan(parsed, in: statement.sql)
        } catch let error as PlannerError {
            return VerificationOutcome(verdict: .unsupported, planClass: nil, message: error.message, notes: [], rowCount: 0)
        } catch {
            return VerificationOutcome(verdict: .unsupported, planClass: nil, message: "\(error)", notes: [], rowCount: 0)
        }
        let analysis = StatementAnalysis(node)
        let tables = touchedTables(plan)
        let isWrite = plan.statement != .select

        // The single node.
        let expected: Outcome
        do {
            expected = .success(try await NodeSession.withSession(to: loaded.referenceEndpoint, statementTimeout: statementTimeout) { session in
                try await runReference(statement, isWrite: isWrite, tables: tables, session: session)
            })
        } catch {
            if error.sqlState == nil { throw error }
            expected = .failure(error)
        }
        // The shards.
        let actual: Outcome
        do {
            actual = .success(try await loaded.withNodeSessions(statementTimeout: statementTimeout) { sessions in
                let contents = Locked<[QualifiedName: [[String?]]]>([:])
                let result = try await executor.run(plan, parameters: statement.parameters, sessions: sessions,
                                                    ending: .rollback) { (sessions: [Int32: NodeSession]) async throws(ShardRunnerError) in
                    let read = try await readShards(of: tables, sessions: sessions)
                    contents.withLock { $0 = read }
                }
                return Snapshot(result: result, tables: contents.withLock { $0 })
            })
        } catch {
            actual = .failure(error)
        }
        return compare(expected, actual, plan: plan, analysis: analysis)
    }

    private enum Outcome {
        case success(Snapshot)
        case failure(ShardRunnerError)
    }

    private struct Snapshot: Sendable {
        var result: QueryResult
        /// Contents of the touched tables after a modification.
        var tables: [QualifiedName: [[String?]]]
    }

    private func compare(_ expected: Outcome, _ actual: Outcome, plan: DistributedPlan, analysis: StatementAnalysis) -> VerificationOutcome {
        var outcome = VerificationOutcome(verdict: .ok, planClass: plan.planClass, message: nil, notes: [], rowCount: 0)
        switch (expected, actual) {
        case (.failure(let left), .failure(let right)):
            outcome.notes.append("both failed: \(left.serverMessage ?? left.message)")
            if left.sqlState != right.sqlState {
                outcome.verdict = .wrong
                outcome.message = "the single node failed with \(left.sqlState ?? "?") (\(left.serverMessage ?? left.message)); the distributed plan with \(right.sqlState ?? "?"): \(right.message)"
            }
        case (.failure(let left), .success):
            outcome.verdict = .wrong
            outcome.message = "the single node failed (\(left.serverMessage ?? left.message)), the distributed plan did not"
        case (.success(let left), .failure(let right)):
            outcome.verdict = .wrong
            outcome.rowCount = left.result.affectedRows ?? left.result.rows.count
            outcome.message = "the distributed plan failed: \(right.message)"
        case (.success(let left), .success(let right)):
            outcome.rowCount = left.result.affectedRows ?? left.result.rows.count
            var problems: [String] = []
            if plan.statement != .select {
                if !analysis.volatileRows, left.result.affectedRows != right.result.affectedRows {
                    problems.append("affected rows: expected \(left.result.affectedRows.map(String.init) ?? "?"), got \(right.result.affectedRows.map(String.init) ?? "?")")
                }
            }
            let rows = ResultComparison(expected: left.result, actual: right.result, analysis: analysis,
                                        what: plan.statement == .select ? "rows" : "RETURNING rows")
            outcome.notes += rows.notes
            if let difference = rows.difference { problems.append(plan.statement == .select ? difference : "RETURNING: " + difference) }
            for (table, expectedRows) in left.tables.sorted(by: { $0.key.displayName < $1.key.displayName }) {
                let actualRows = right.tables[table] ?? []
                if analysis.volatileWrite || analysis.volatileRows {
                    if expectedRows.count != actualRows.count {
                        problems.append("\(table.displayName) afterwards: \(expectedRows.count) rows expected, \(actualRows.count) on the shards")
                    } else {
                        outcome.notes.append("volatile values written: \(table.displayName) afterwards compared by row count only")
                    }
                } else if let difference = ResultComparison.multisetDifference(expectedRows, actualRows, columns: []) {
                    problems.append("\(table.displayName) afterwards: " + difference)
                }
            }
            if !problems.isEmpty {
                outcome.verdict = .wrong
                outcome.message = problems.joined(separator: "\n")
            }
        }
        return outcome
    }

    /// The tables whose shards a modification's tasks name.
    private func touchedTables(_ plan: DistributedPlan) -> [QualifiedName] {
        guard plan.statement != .select else { return [] }
        var seen = Set<QualifiedName>()
        var result: [QualifiedName] = []
        let shards = plan.stages.flatMap { $0.tasks.flatMap(\.shards) } + (plan.deferredPruning?.shards.map(\.id) ?? [])
        for shard in shards {
            if let table = tableOfShard[shard], seen.insert(table).inserted { result.append(table) }
        }
        // A plan that touches no shard (a contradiction) still names its table through the
        // statement; nothing changes, so there is nothing to compare.
        return result
    }

    private func runReference(_ statement: VerificationStatement, isWrite: Bool, tables: [QualifiedName], session: NodeSession)
        async throws(ShardRunnerError) -> Snapshot {
        guard isWrite else {
            return Snapshot(result: try await PlanExecutor.runSQL(statement.sql, isWrite: false, parameters: statement.parameters, on: session),
                            tables: [:])
        }
        return try await session.transaction(rollback: true) { session in
            let result = try await PlanExecutor.runSQL(statement.sql, isWrite: true, parameters: statement.parameters, on: session)
            var contents: [QualifiedName: [[String?]]] = [:]
            for table in tables {
                contents[table] = try await session.query("SELECT * FROM \(ShardLoader.quoted(table))").rows
            }
            return Snapshot(result: result, tables: contents)
        }
    }

    /// Every row of each table, read from the first placement of each of its shards.
    private func readShards(of tables: [QualifiedName], sessions: [Int32: NodeSession]) async throws(ShardRunnerError) -> [QualifiedName: [[String?]]] {
        var contents: [QualifiedName: [[String?]]] = [:]
        for name in tables {
            guard let table = loaded.catalog.table(name) else { continue }
            var rows: [[String?]] = []
            if table.distribution == .local && table.shards.isEmpty {
                guard let session = sessions[0] else { throw ShardRunnerError("no session on the coordinator") }
                contents[name] = try await session.query("SELECT * FROM \(ShardLoader.quoted(name))").rows
                continue
            }
            for shard in table.shards {
                let group = shard.placements.first?.groupId ?? 0
                guard let session = sessions[group] else { throw ShardRunnerError("no session on node group \(group)") }
                let relation = Shard.relationName(table: name.name, shardId: shard.id)
                rows += try await session.query("SELECT * FROM \(ShardSchema.quote(name.schema)).\(ShardSchema.quote(relation))").rows
            }
            contents[name] = rows
        }
        return contents
    }
}
