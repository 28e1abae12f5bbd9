import SQLSyntax
import ShardCatalog

/// The pass that splits a query's extended operator (grouping, aggregates, HAVING, windows,
/// DISTINCT, ORDER BY, LIMIT) into the part each worker runs on its shards and the part the
/// coordinator runs over `remote_scan`.
///
/// Three shapes, chosen per query:
/// - **final**: each worker's rows are final (no aggregation, or GROUP BY a distribution
///   column): workers compute everything, the coordinator concatenates, re-sorts and limits.
/// - **split**: aggregates with a known split: workers group and compute partial aggregates,
///   the coordinator combines them (sum of counts, sum/count for avg, min of mins...).
/// - **pull-up**: an aggregate with no split on plain PostgreSQL: workers send the rows' columns
///   and the coordinator evaluates the whole level (correct, and said so in the plan).
final class ExtendedOpSplit {
    enum Shape: String { case final, split, pullUp = "pull-up" }

    struct Output {
        var shape: Shape
        /// The worker's target list (expression, unique alias).
        var workerTargets: [TargetItem]
        var workerGroupBy: [Node]
        var workerHaving: Node?
        var workerDistinct: [Node]
        var workerSort: [Node]
        var workerLimit: Node?
        var workerWindows: [Node]
        /// The coordinator query over remote_scan.
        var coordinator: SelectStmt
        var steps: [PendingMergeStep]
        var notes: [String]
        var workerTypes: [String?]
    }

    let binder: Binder
    let scope: Int
    /// Distribution columns of tables whose rows cannot be null-extended: grouping by one of them
    /// keeps every group inside one shard.
    let distributionColumns: Set<ColumnBinding>
    let select: NormalizedSelect

    // Worker columns, deduplicated by a canonical key. A statement has few of them: arrays
    // searched linearly cost less than hashing every key and allocating the tables.
    private var workerTargets: [TargetItem] = []
    /// The key of each worker target, by position.
    private var workerKeys: [ExpressionKey] = []
    private var usedNames: [String] = []
    private var workerGroupBy: [Node] = []
    private var workerGroupKeys: [ExpressionKey] = []
    private var notes: [String] = []
    /// Whether the workers also group by the argument of a count(DISTINCT) on another column (and
    /// then by every count(DISTINCT)'s): a distribution column value can sit in several worker
    /// groups, so per-group distinct counts of it no longer add up; and a coordinator group
    /// arrives as several worker rows, so a LIMIT on the workers' rows would cut groups short.
    private var groupsByDistinctArguments = false

    init(binder: Binder, scope: Int, distributionColumns: Set<ColumnBinding>, select: NormalizedSelect) {
        self.binder = binder
        self.scope = scope
        self.distributionColumns = distributionColumns
        self.select = select
        // Sized once for the usual few worker columns (each target gives one or two) rather
        // than grown one element at a time.
        let expected = 2 * select.targets.count + select.groupBy.count
        workerTargets.reserveCapacity(expected)
        workerKeys.reserveCapacity(expected)
        usedNames.reserveCapacity(expected)
    }

    // MARK: Keys

    /// A key for an expression that ignores how columns are spelled (`o.status` = `status`) and
    /// where they stand in the text. UTF-8 bytes rather than a String: the key is built from many
    /// short pieces, and appending bytes costs a fraction of `String +=`.
    typealias ExpressionKey = [UInt8]

    func key(_ node: Node) -> ExpressionKey {
        var out: ExpressionKey = []
        out.reserveCapacity(32)
        appendKey(node, to: &out)
        return out
    }

    private func appendKey(_ node: Node, to out: inout ExpressionKey) {
        func text(_ string: String) {
            var string = string
            string.withUTF8 { out.append(contentsOf: $0) }
        }
        func number(_ value: Int) {
            // Digits written in place: String(value) costs more than the rest of a column's key.
            if value < 0 { out.append(UInt8(ascii: "-")) }
            let start = out.count
            var rest = value.magnitude
            repeat {
                out.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            out[start...].reverse()
        }
        switch node {
        case .columnRef(let ref):
            if let binding = try? binder.resolve(ref, scope: scope) {
                text("$")
                number(binding.entry)
                text(".")
                number(binding.column)
            } else {
                text("?col")
            }
        case .aConst(let constant):
            switch constant.val {
            case .ival(let v)?: text("i"); number(Int(v.ival))
            case .fval(let v)?: text("f"); text(v.fval)
            case .sval(let v)?: text("s'"); text(v.sval.replacingOccurrences(of: "'", with: "''")); text("'")
            case .boolval(let v)?: text(v.boolval ? "true" : "false")
            case .bsval(let v)?: text("b"); text(v.bsval)
            case nil: text("null")
            }
        case .funcCall(let call) where call.over == nil && call.aggOrder.isEmpty && call.aggFilter == nil && !call.aggWithinGroup:
            for (index, part) in call.funcname.enumerated() {
                if index > 0 { text(".") }
                if case .string(let s) = part { text(s.sval) }
            }
            text(call.aggDistinct ? "(D " : "(")
            if call.aggStar { text("*") }
            for (index, arg) in call.args.enumerated() {
                if index > 0 { text(",") }
                appendKey(arg, to: &out)
            }
            text(")")
        case .aExpr(let expr) where expr.kind == .aexprOp:
            text("(")
            if let left = expr.lexpr { appendKey(left, to: &out) }
            text(" ")
            text(ShardPruning.operatorName(expr) ?? "?")
            text(" ")
            if let right = expr.rexpr { appendKey(right, to: &out) }
            text(")")
        default:
            let canonical = (try? ExpressionTree.rewrite(node) { (child: Node) throws(PlannerError) -> Node? in
                guard case .columnRef(let ref) = child, let binding = try? binder.resolve(ref, scope: scope) else { return nil }
                return Build.column(["\u{2}\(binding.entry)", "\(binding.column)"])
            }) ?? node
            text("{")
            text((try? SQLDeparser.deparseExpression(canonical)) ?? "\(canonical)")
            text("}")
        }
    }

    /// Adds a worker column (or finds the same expression) and returns `remote_scan.<name>`.
    /// `exprKey` is the expression's key when the caller has it already.
    private func workerColumn(_ expr: Node, name: String, key knownKey: ExpressionKey? = nil) -> Node {
        let exprKey = knownKey ?? key(expr)
        if let index = workerKeys.firstIndex(of: exprKey) { return Build.column("remote_scan", workerTargets[index].name) }
        let unique = String.unique(name.isEmpty ? "worker_column_\(workerTargets.count + 1)" : name) { usedNames.contains($0) }
        usedNames.append(unique)
        workerKeys.append(exprKey)
        workerTargets.append(TargetItem(expr: expr, name: unique))
        return Build.column("remote_scan", unique)
    }

    /// Groups the workers by `expr` (once) and returns its key.
    @discardableResult
    private func addGroupKey(_ expr: Node) -> ExpressionKey {
        let k = key(expr)
        guard !workerGroupKeys.contains(k) else { return k }
        workerGroupKeys.append(k)
        workerGroupBy.append(expr)
        return k
    }

    // MARK: The pass

    func run() throws(PlannerError) -> Output {
        let aggregates = (select.targets.map(\.expr) + [select.having].compactMap { $0 } + select.sort.compactMap(\.node))
            .flatMap(Aggregates.calls(in:))
        let hasAggregation = !select.groupBy.isEmpty || !aggregates.isEmpty
        let groupedByDistribution = select.groupBy.contains { group in
            guard case .columnRef(let ref) = group, let binding = try? binder.resolve(ref, scope: scope) else { return false }
            return distributionColumns.contains(binding)
        }
        let windows = (select.targets.map(\.expr) + select.sort.compactMap(\.node)).flatMap(Aggregates.windows(in:))
        let windowsPushable = windows.allSatisfy { call in
            guard let over = call.over else { return true }
            return over.partitionClause.contains { part in
                guard case .columnRef(let ref) = part, let binding = try? binder.resolve(ref, scope: scope) else { return false }
                return distributionColumns.contains(binding)
            }
        }
        let needsRows = aggregates.contains { call in
            if Aggregates.canSplit(call) {
                // count(DISTINCT x): workers group by x; DISTINCT inside min/max changes nothing.
                return call.aggDistinct && Aggregates.name(call) == "count" && call.args.count != 1
            }
            return true
        }
        groupsByDistinctArguments = aggregates.contains { call in
            guard call.aggDistinct, Aggregates.name(call) == "count", let argument = call.args.first else { return false }
            return !isDistributionColumn(argument)
        }
        let shape: Shape
        if !hasAggregation || groupedByDistribution {
            shape = windowsPushable ? .final : (hasAggregation ? .final : .pullUp)
        } else {
            shape = needsRows ? .pullUp : .split
        }
        switch shape {
        case .final: return try finalShape(windowsPushable: windowsPushable, hasAggregation: hasAggregation)
        case .split: return try splitShape()
        case .pullUp:
            if hasAggregation {
                let names = Set(aggregates.filter { !Aggregates.canSplit($0) }.map { Aggregates.name($0) + "(" + ($0.aggDistinct ? "DISTINCT" : "") + ")" })
                notes.append("aggregates without a split on plain PostgreSQL (\(names.sorted().joined(separator: ", "))): the workers send the rows' columns and the coordinator aggregates them")
            } else {
                notes.append("window functions not partitioned by the distribution column: the workers send the rows' columns and the coordinator computes the windows")
            }
            return try pullUpShape()
        }
    }

    /// Workers compute the final rows; the coordinator concatenates, then applies what needs every
    /// row: DISTINCT again, windows not partitioned by the distribution column, ORDER BY, LIMIT.
    private func finalShape(windowsPushable: Bool, hasAggregation: Bool) throws(PlannerError) -> Output {
        var coordinatorTargets: [Node] = []
        for target in select.targets {
            let hasWindow = !Aggregates.windows(in: target.expr).isEmpty
            if hasWindow && !windowsPushable {
                let rewritten = try rewriteForCoordinator(target.expr, mode: .finalRows)
                coordinatorTargets.append(Build.target(rewritten, name: target.name))
            } else {
                coordinatorTargets.append(Build.target(workerColumn(target.expr, name: target.name), name: target.name))
            }
        }
        var coordinator = SelectStmt.blank
        coordinator.targetList = coordinatorTargets
        coordinator.fromClause = [.rangeVar(Build.rangeVar(schema: "", name: "remote_scan", alias: nil))]
        var steps: [PendingMergeStep] = [.ready(.concatenate)]
        var workerDistinct: [Node] = []
        if !select.distinct.isEmpty {
            if select.distinctOn.isEmpty {
                workerDistinct = [.absent]
                coordinator.distinctClause = [.absent]
                steps.append(.ready(.distinct(on: [])))
            } else {
                workerDistinct = select.distinctOn
                coordinator.distinctClause = try select.distinctOn.map { (node: Node) throws(PlannerError) in
                    try rewriteForCoordinator(node, mode: .finalRows)
                }
                steps.append(.trees(.distinct(on: coordinator.distinctClause)))
            }
        }
        if !windowsPushable { steps.append(.trees(.window(coordinatorTargets))) }
        coordinator.sortClause = try coordinatorSort(mode: .finalRows)
        if !coordinator.sortClause.isEmpty { steps.append(.trees(.sort(coordinator.sortClause))) }
        coordinator.limitCount = select.limit
        coordinator.limitOffset = select.offset
        coordinator.limitOption = select.limitOption
        if select.limit != nil || select.offset != nil {
            steps.append(.trees(.limit(count: select.limit, offset: select.offset)))
        }
        // Worker ORDER BY / LIMIT: DISTINCT ON needs its ORDER BY on the worker; LIMIT goes down
        // as limit + offset when windows are not left to the coordinator.
        var workerSort: [Node] = []
        var workerLimit: Node? = nil
        if windowsPushable, let pushed = LimitPushdown.pushedLimit(select) {
            workerSort = select.sortNodes
            workerLimit = pushed
            notes.append("LIMIT pushed to the workers as \(expressionText(pushed))")
        } else if !select.distinctOn.isEmpty {
            workerSort = select.sortNodes
        }
        var output = Output(shape: .final, workerTargets: workerTargets, workerGroupBy: select.groupBy, workerHaving: select.having,
                            workerDistinct: workerDistinct, workerSort: workerSort, workerLimit: workerLimit,
                            workerWindows: windowsPushable ? select.windowClause : [], coordinator: coordinator,
                            steps: steps, notes: notes, workerTypes: [])
        if !windowsPushable { output.notes.append("window functions computed on the coordinator over the workers' rows") }
        if hasAggregation { output.notes.insert("grouped by the distribution column: every group is complete on one shard", at: 0) }
        output.workerTypes = workerTypes(output.workerTargets)
        return output
    }

    /// Partial aggregates on the workers, combined on the coordinator.
    private func splitShape() throws(PlannerError) -> Output {
        let groupKeys = select.groupBy.map { addGroupKey($0) }
        var coordinatorTargets: [Node] = []
        for target in select.targets {
            coordinatorTargets.append(Build.target(try rewriteForCoordinator(target.expr, mode: .combine, name: target.name), name: target.name))
        }
        var coordinator = SelectStmt.blank
        coordinator.targetList = coordinatorTargets
        coordinator.fromClause = [.rangeVar(Build.rangeVar(schema: "", name: "remote_scan", alias: nil))]
        var groupColumns: [Node] = []
        for (group, groupKey) in zip(select.groupBy, groupKeys) {
            groupColumns.append(workerColumn(group, name: OutputNaming.figuredName(of: group) ?? "", key: groupKey))
        }
        coordinator.groupClause = groupColumns
        if let having = select.having { coordinator.havingClause = try rewriteForCoordinator(having, mode: .combine) }
        if !select.distinct.isEmpty {
            coordinator.distinctClause = select.distinctOn.isEmpty ? [.absent]
                : try select.distinctOn.map { (node: Node) throws(PlannerError) in try rewriteForCoordinator(node, mode: .combine) }
        }
        coordinator.sortClause = try coordinatorSort(mode: .combine)
        coordinator.limitCount = select.limit
        coordinator.limitOffset = select.offset
        coordinator.limitOption = select.limitOption
        var steps: [PendingMergeStep] = [.ready(.concatenate)]
        let aggregates = coordinatorTargets.flatMap(Aggregates.calls(in:)) + [coordinator.havingClause].compactMap { $0 }.flatMap(Aggregates.calls(in:))
        steps.append(.trees(.combineAggregates(groupBy: groupColumns, aggregates: aggregates.map { .funcCall($0) })))
        if let having = coordinator.havingClause { steps.append(.trees(.filter(having))) }
        let windows = coordinatorTargets.flatMap(Aggregates.windows(in:))
        if !windows.isEmpty { steps.append(.trees(.window(windows.map { .funcCall($0) }))) }
        if !coordinator.distinctClause.isEmpty { steps.append(.trees(.distinct(on: coordinator.distinctClause.filter { $0 != .absent }))) }
        if !coordinator.sortClause.isEmpty { steps.append(.trees(.sort(coordinator.sortClause))) }
        if select.limit != nil || select.offset != nil {
            steps.append(.trees(.limit(count: select.limit, offset: select.offset)))
        }
        // LIMIT on the workers: only when ORDER BY has no aggregate, no window runs on the
        // coordinator and no HAVING filters the merged groups (a worker's first groups by key may
        // all fail it, and the groups after them that pass would be cut); the worker orders by
        // the user's keys, then every group key.
        var workerSort: [Node] = []
        var workerLimit: Node? = nil
        let sortHasAggregate = select.sort.contains { $0.node.map { !Aggregates.calls(in: $0).isEmpty } ?? false }
        if windows.isEmpty, !sortHasAggregate, !groupsByDistinctArguments, !select.sort.isEmpty, select.distinct.isEmpty, select.having == nil,
           let pushed = LimitPushdown.pushedLimit(select) {
            workerSort = select.sortNodes + workerGroupBy.map { Build.sortBy($0, SortBy()) }
            workerLimit = pushed
            notes.append("LIMIT pushed to the workers as \(expressionText(pushed)), ordered by the ORDER BY keys then every group key")
        }
        var output = Output(shape: .split, workerTargets: workerTargets, workerGroupBy: workerGroupBy, workerHaving: nil,
                            workerDistinct: [], workerSort: workerSort, workerLimit: workerLimit, workerWindows: [],
                            coordinator: coordinator, steps: steps, notes: notes, workerTypes: [])
        output.workerTypes = workerTypes(output.workerTargets)
        return output
    }

    /// The workers send columns; the coordinator evaluates the level.
    private func pullUpShape() throws(PlannerError) -> Output {
        var coordinator = SelectStmt.blank
        coordinator.targetList = try select.targets.map { (target: TargetItem) throws(PlannerError) in
            Build.target(try rewriteForCoordinator(target.expr, mode: .rows), name: target.name)
        }
        coordinator.fromClause = [.rangeVar(Build.rangeVar(schema: "", name: "remote_scan", alias: nil))]
        coordinator.groupClause = try select.groupBy.map { (node: Node) throws(PlannerError) in try rewriteForCoordinator(node, mode: .rows) }
        coordinator.havingClause = try select.having.map { (node: Node) throws(PlannerError) in try rewriteForCoordinator(node, mode: .rows) }
        if !select.distinct.isEmpty {
            coordinator.distinctClause = select.distinctOn.isEmpty ? [.absent]
                : try select.distinctOn.map { (node: Node) throws(PlannerError) in try rewriteForCoordinator(node, mode: .rows) }
        }
        coordinator.sortClause = try coordinatorSort(mode: .rows)
        coordinator.limitCount = select.limit
        coordinator.limitOffset = select.offset
        coordinator.limitOption = select.limitOption
        var steps: [PendingMergeStep] = [.ready(.concatenate)]
        let aggregates = coordinator.targetList.flatMap(Aggregates.calls(in:))
        if !aggregates.isEmpty || !coordinator.groupClause.isEmpty {
            steps.append(.trees(.aggregateRows(groupBy: coordinator.groupClause, aggregates: aggregates.map { .funcCall($0) })))
        }
        if let having = coordinator.havingClause { steps.append(.trees(.filter(having))) }
        let windows = coordinator.targetList.flatMap(Aggregates.windows(in:))
        if !windows.isEmpty { steps.append(.trees(.window(windows.map { .funcCall($0) }))) }
        if !coordinator.distinctClause.isEmpty { steps.append(.trees(.distinct(on: coordinator.distinctClause.filter { $0 != .absent }))) }
        if !coordinator.sortClause.isEmpty { steps.append(.trees(.sort(coordinator.sortClause))) }
        if select.limit != nil || select.offset != nil {
            steps.append(.trees(.limit(count: select.limit, offset: select.offset)))
        }
        var output = Output(shape: .pullUp, workerTargets: workerTargets, workerGroupBy: [], workerHaving: nil, workerDistinct: [],
                            workerSort: [], workerLimit: nil, workerWindows: [], coordinator: coordinator, steps: steps,
                            notes: notes, workerTypes: [])
        output.workerTypes = workerTypes(output.workerTargets)
        return output
    }

    private func coordinatorSort(mode: RewriteMode) throws(PlannerError) -> [Node] {
        var out: [Node] = []
        for sort in select.sort {
            guard let node = sort.node else { continue }
            out.append(Build.sortBy(try rewriteForCoordinator(node, mode: mode), sort))
        }
        return out
    }

    // MARK: Coordinator expressions

    enum RewriteMode {
        /// Rows are final: whole expressions map to worker columns.
        case finalRows
        /// Aggregates combine partial results; group keys map to worker columns.
        case combine
        /// Workers send raw columns.
        case rows
    }

    /// An expression of the original query, rewritten over `remote_scan`.
    private func rewriteForCoordinator(_ node: Node, mode: RewriteMode, name: String = "") throws(PlannerError) -> Node {
        try ExpressionTree.rewrite(node) { (child: Node) throws(PlannerError) -> Node? in
            if case .sortBy = child { return nil }
            switch mode {
            case .finalRows:
                if case .funcCall(let call) = child, call.over != nil { return nil }
                if Aggregates.windows(in: child).isEmpty, Self.hasColumns(child) {
                    return self.workerColumn(child, name: "")
                }
                return nil
            case .combine:
                // An aggregate is never a group key (PostgreSQL refuses aggregates in GROUP BY), so
                // it is combined without computing its key first.
                if case .funcCall(let call) = child, Aggregates.isAggregate(call) {
                    return try self.combine(call, name: name)
                }
                let childKey = self.key(child)
                if self.workerGroupKeys.contains(childKey) {
                    return self.workerColumn(child, name: OutputNaming.figuredName(of: child) ?? "", key: childKey)
                }
                if case .columnRef = child {
                    // A column outside an aggregate that is not a group key: functionally dependent
                    // on the key (PostgreSQL allows it for primary keys): group by it as well.
                    self.addGroupKey(child)
                    return self.workerColumn(child, name: OutputNaming.name(of: child), key: childKey)
                }
                return nil
            case .rows:
                if case .columnRef = child { return self.workerColumn(child, name: OutputNaming.name(of: child)) }
                return nil
            }
        }
    }

    private func isDistributionColumn(_ node: Node) -> Bool {
        guard case .columnRef(let ref) = node, let binding = try? binder.resolve(ref, scope: scope) else { return false }
        return distributionColumns.contains(binding)
    }

    private static func hasColumns(_ node: Node) -> Bool {
        var found = false
        try? ExpressionTree.visit(node) { (child: Node) throws(PlannerError) -> Bool in
            if case .columnRef = child { found = true }
            if case .funcCall(let call) = child, Aggregates.isAggregate(call) { found = true }
            return !found
        }
        return found
    }

    /// The coordinator's combination of one aggregate's partial results.
    private func combine(_ call: FuncCall, name: String) throws(PlannerError) -> Node {
        let aggregate = Aggregates.name(call)
        let label = name.isEmpty ? aggregate : name
        var partial = call
        partial.location = 0
        let argumentType = call.args.first.flatMap { TypeInference(binder: binder, scope: scope).type(of: $0) }
        switch aggregate {
        case "count":
            if call.aggDistinct {
                guard let argument = call.args.first else { break }
                if isDistributionColumn(argument) && !groupsByDistinctArguments {
                    // Values of the distribution column never repeat across shards.
                    let column = workerColumn(.funcCall(partial), name: label)
                    return Build.function(["COALESCE"], [Build.cast(Build.function(["pg_catalog", "sum"], [column]), to: "bigint"), Build.integer(0)])
                        .asCoalesce
                }
                // A row value cannot travel as a column: its fields do, and the coordinator
                // rebuilds the row (`count(DISTINCT ROW(...))`).
                let fields: [Node]
                if case .rowExpr(let row) = argument { fields = row.args } else { fields = [argument] }
                let columns = fields.map { workerColumn($0, name: label, key: addGroupKey($0)) }
                var column = columns[0]
                if case .rowExpr(var row) = argument {
                    row.args = columns
                    row.location = 0
                    column = .rowExpr(row)
                }
                var filter: Node? = nil
                if let condition = call.aggFilter {
                    filter = workerColumn(condition, name: "", key: addGroupKey(condition))
                }
                var combined = FuncCall()
                combined.funcname = [Build.string("count")]
                combined.args = [column]
                combined.aggDistinct = true
                combined.aggFilter = filter
                combined.funcformat = .coerceExplicitCall
                return .funcCall(combined)
            }
            let column = workerColumn(.funcCall(partial), name: label)
            return Build.function(["COALESCE"], [Build.cast(Build.function(["pg_catalog", "sum"], [column]), to: "bigint"), Build.integer(0)]).asCoalesce
        case "sum":
            let column = workerColumn(.funcCall(partial), name: label)
            let sum = Build.function(["sum"], [column])
            return Aggregates.sumCast(argument: argumentType).map { Build.cast(sum, to: $0) } ?? sum
        case "avg":
            var sumPart = partial
            sumPart.funcname = [Build.string("sum")]
            var countPart = partial
            countPart.funcname = [Build.string("count")]
            let sum = workerColumn(.funcCall(sumPart), name: label)
            let count = workerColumn(.funcCall(countPart), name: label)
            let casts = Aggregates.avgCasts(argument: argumentType)
            let total = Build.function(["sum"], [sum]), rows = Build.function(["pg_catalog", "sum"], [count])
            return Build.op("/", casts.total.map { Build.cast(total, to: $0) } ?? total, casts.rows.map { Build.cast(rows, to: $0) } ?? rows)
        case "min", "max", "bool_and", "bool_or", "every", "bit_and", "bit_or", "bit_xor":
            let column = workerColumn(.funcCall(partial), name: label)
            return Build.function([aggregate], [column])
        default:
            break
        }
        throw PlannerError(.unsupported, "aggregate \(aggregate) cannot be combined")
    }

    private func workerTypes(_ targets: [TargetItem]) -> [String?] {
        let inference = TypeInference(binder: binder, scope: scope)
        return targets.map { inference.type(of: $0.expr)?.name }
    }
}

extension Node {
    /// Turns a FuncCall named COALESCE into the CoalesceExpr PostgreSQL's grammar produces.
    var asCoalesce: Node {
        guard case .funcCall(let call) = self else { return self }
        var coalesce = CoalesceExpr()
        coalesce.args = call.args
        return .coalesceExpr(coalesce)
    }
}
