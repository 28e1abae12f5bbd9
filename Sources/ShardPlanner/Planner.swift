import SQLSyntax
import ShardCatalog

/// How to plan.
public struct PlanOptions: Sendable, Hashable {
    /// Keep the algebra tree before and after optimization in the plan (`--tree`).
    public var includeAlgebra: Bool

    /// Plan the statements of the fast paths' shapes (`SELECT ... WHERE distcol = constant`; a
    /// grouped aggregate over one distributed table) by their dedicated planners. Their plans
    /// are the general pipeline's; switched off, the general pipeline plans every statement
    /// (tests compare the two, the benchmark times both).
    public var useFastPath = true

    public init(includeAlgebra: Bool = false) {
        self.includeAlgebra = includeAlgebra
    }
}

/// Plans SQL statements against a catalog, the way Citus's distributed planner would, and better
/// where Citus gives up. Thread-safe: planning reads the catalog and keeps no state.
///
/// ```swift
/// let planner = DistributedPlanner(catalog: catalog)
/// let plan = try planner.plan("SELECT count(*) FROM orders WHERE customer_id = 42")
/// plan.stages[0].tasks[0].sql   // SELECT count(*) FROM public.orders_102067 orders WHERE ...
/// ```
public struct DistributedPlanner: Sendable {
    public let catalog: Catalog
    let directory: ShardDirectory

    public init(catalog: Catalog) {
        self.catalog = catalog
        self.directory = ShardDirectory(catalog: catalog)
    }

    /// Plans one statement.
    ///
    /// - Throws: ``PlannerError``: a syntax error, SQL that is wrong for the catalog (PostgreSQL's
    ///   message and position), a statement Citus cannot distribute (Citus's message), or a
    ///   construct shardplan does not plan yet. Never a plan that could return wrong rows.
    public func plan(_ sql: String, options: PlanOptions = PlanOptions()) throws(PlannerError) -> DistributedPlan {
        let statement: ParsedStatement
        do {
            statement = try SQLParser.parseOneStatement(sql)
        } catch {
            throw PlannerError(.syntax, error.message, hint: error.hint, position: error.offset)
        }
        return try plan(statement, in: sql, options: options)
    }

    /// Plans a statement already parsed.
    public func plan(_ statement: Node, options: PlanOptions = PlanOptions()) throws(PlannerError) -> DistributedPlan {
        try plan(statement, options: options, source: nil)
    }

    /// Plans a statement already parsed, with the text it was parsed from (one statement of
    /// ``SQLParser/parse(_:options:)``'s result and the same `sql`). The text lets plans that keep
    /// the statement as written (fast path, router: one task) edit it instead of printing the tree.
    public func plan(_ statement: ParsedStatement, in sql: String, options: PlanOptions = PlanOptions()) throws(PlannerError) -> DistributedPlan {
        try plan(statement.node, options: options, source: StatementSource(sql: sql, range: statement.range))
    }

    /// Plans a statement; with its source text, plans that keep the statement as written (one
    /// task) edit that text rather than print the tree again.
    func plan(_ statement: Node, options: PlanOptions, source: StatementSource?) throws(PlannerError) -> DistributedPlan {
        switch statement {
        case .selectStmt(let select):
            return try SelectPlanner(catalog: catalog, options: options, directory: directory, source: source).plan(select)
        case .insertStmt(let insert):
            return try InsertPlanner(catalog: catalog, directory: directory).plan(insert)
        case .updateStmt, .deleteStmt:
            return try ModifyPlanner(catalog: catalog, directory: directory).plan(statement)
        case .explainStmt:
            throw PlannerError.unsupported("EXPLAIN cannot be planned", hint: "Plan the statement itself; `shardplan explain` shows its plan.")
        default:
            throw PlannerError(.notYetSupported, "\(statement.typeName) is not a query shardplan plans",
                               hint: "shardplan plans SELECT, INSERT, UPDATE and DELETE.")
        }
    }
}

extension Catalog {
    /// The coordinator's address, or the first node when no coordinator is registered.
    var localNode: String {
        (coordinator ?? nodes.first).map(\.address) ?? "localhost:9700"
    }

    func address(ofGroup group: Int32) -> String {
        node(inGroup: group)?.address ?? "group \(group)"
    }
}

extension String {
    /// `name`, or the first of `name_1`, `name_2`, ... not taken: how Citus names worker columns.
    static func unique(_ name: String, isTaken: (String) -> Bool) -> String {
        guard isTaken(name) else { return name }
        var suffix = 1
        while isTaken("\(name)_\(suffix)") { suffix += 1 }
        return "\(name)_\(suffix)"
    }

    /// Names made unique the way Citus reads worker columns: `count`, `count_1`, `count_2`.
    static func uniqueNames(_ names: [String]) -> [String] {
        // Target lists are short: comparing with the names so far is cheaper than hashing each.
        guard names.count > 32 else {
            var unique: [String] = []
            unique.reserveCapacity(names.count)
            for name in names { unique.append(String.unique(name) { unique.contains($0) }) }
            return unique
        }
        var used = Set<String>()
        return names.map { name in
            let unique = String.unique(name) { used.contains($0) }
            used.insert(unique)
            return unique
        }
    }
}

/// The merge of a plan whose tasks return final rows: concatenate them. `quotedNames`, when the
/// caller has them, are the outputs' names already quoted.
func concatenateMerge(outputs: [OutputColumn], quotedNames: [String]? = nil, directory: ShardDirectory) -> MergePlan {
    // Worker columns need unique names. Usually the outputs' names already are (checked without
    // building arrays), and the worker columns are then the outputs themselves.
    var unique: [String]? = nil
    if outputs.count > 32 || outputs.indices.contains(where: { i in outputs[..<i].contains { $0.name == outputs[i].name } }) {
        unique = String.uniqueNames(outputs.map(\.name))
    }
    let workerColumns = unique.map { zip($0, outputs).map { OutputColumn(name: $0, type: $1.type) } } ?? outputs
    // `SELECT remote_scan.<name> AS <name>, ... FROM remote_scan`, written once at its size.
    let quoted = quotedNames ?? outputs.map { directory.quoteIdentifier($0.name) }
    let quotedWorker = unique.map { names in names.indices.map { names[$0] == outputs[$0].name ? quoted[$0] : directory.quoteIdentifier(names[$0]) } }
    var capacity = 24
    for index in quoted.indices {
        capacity += 18 + quoted[index].utf8.count + (quotedWorker?[index] ?? quoted[index]).utf8.count
    }
    let sql = String(capacity: capacity) { out in
        out.write("SELECT ")
        for index in quoted.indices {
            if index > 0 { out.write(", ") }
            out.write("remote_scan.")
            out.write(quotedWorker?[index] ?? quoted[index])
            out.write(" AS ")
            out.write(quoted[index])
        }
        out.write(quoted.isEmpty ? "FROM remote_scan" : " FROM remote_scan")
    }
    return MergePlan(steps: concatenateOnly, workerColumns: workerColumns, sql: sql, columns: outputs)
}

/// The steps of a merge that concatenates, shared by every plan rather than allocated per plan.
private let concatenateOnly: [MergeStep] = [.concatenate]

/// The merge of INSERT / UPDATE / DELETE: the tasks' row counts add up; RETURNING rows are
/// concatenated.
func modificationMerge(outputs: [OutputColumn], directory: ShardDirectory) -> MergePlan {
    var merge = concatenateMerge(outputs: outputs, directory: directory)
    merge.steps = outputs.isEmpty ? [.sumRowCounts] : [.sumRowCounts, .concatenate]
    if outputs.isEmpty { merge.sql = "" }
    return merge
}
