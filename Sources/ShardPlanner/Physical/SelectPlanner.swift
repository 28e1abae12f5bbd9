import SQLSyntax
import ShardCatalog

/// Plans a SELECT: local, fast-path router, router (one shard group or reference tables only),
/// or multi-shard pushdown with a coordinator merge.
struct SelectPlanner {
    let catalog: Catalog
    let options: PlanOptions
    let directory: ShardDirectory
    /// The statement's text, when planned from text.
    var source: StatementSource? = nil

    /// The note of a plan whose conditions leave no shard.
    static let contradictionNote = "the conditions contradict each other (or compare with NULL): no shard can hold a matching row; the task reads empty relations on the coordinator"
    /// How the note of a plan that splits a reference table kept by an outer join among its tasks begins.
    static let recurringOuterJoinNote = "outer join with a reference table kept:"

    /// Set once the statement's CTEs have been inlined.
    var ctesInlined = false

    func plan(_ select: SelectStmt) throws(PlannerError) -> DistributedPlan {
        if !ctesInlined, let with = select.withClause, !with.ctes.isEmpty { return try planInliningCTEs(select) }
        if options.useFastPath, let plan = FastPathSelect(catalog: catalog, directory: directory).plan(select, options: options, source: source) {
            return plan
        }
        if options.useFastPath, let plan = FastPathAggregate(directory: directory).plan(select, options: options) {
            return plan
        }
        var binder = Binder(directory: directory)
        let top = binder.newScope(parent: nil)
        let outputs: [OutputColumn]
        do {
            outputs = try binder.bindSelect(select, scope: top)
        } catch {
            // A WITH inside a subquery: inline it too.
            if binder.bound.hasCTEs && !ctesInlined { return try planInliningCTEs(select) }
            throw error
        }
        let bound = binder.bound
        let tableEntries = bound.tableEntries
        func kind(_ entry: RangeEntry) -> Distribution { entry.table!.distribution }
        let hashEntries = tableEntries.filter { if case .hash = kind($0) { return true } else { return false } }
        let singleShardEntries = tableEntries.filter { kind($0) == .singleShard }
        let referenceEntries = tableEntries.filter { kind($0) == .reference }
        let localEntries = tableEntries.filter { kind($0) == .local && $0.table!.shards.isEmpty }
        let citusLocalEntries = tableEntries.filter { kind($0) == .local && !$0.table!.shards.isEmpty }
        let distributedEntries = hashEntries + singleShardEntries

        // Nothing distributed: the statement runs on the coordinator as written.
        if distributedEntries.isEmpty && referenceEntries.isEmpty && citusLocalEntries.isEmpty {
            return try singleTask(select, binder: binder, outputs: outputs, planClass: .local, node: catalog.localNode,
                                  shardIndex: nil, relation: { table, _ in table.plainRelation }, notes: [
                                      tableEntries.isEmpty ? "no tables: the statement runs on the coordinator"
                                          : "only local tables: the statement runs on the coordinator as written",
                                  ])
        }

        if distributedEntries.isEmpty {
            // Reference tables (and local tables on the coordinator): one task.
            let node: String
            if !localEntries.isEmpty || !citusLocalEntries.isEmpty {
                guard let coordinator = catalog.coordinator else {
                    throw PlannerError.unsupported("local tables can only be joined with reference tables when the coordinator is in the metadata",
                                                   hint: "Register the coordinator with citus_set_coordinator_host.")
                }
                node = coordinator.address
            } else {
                let shard = referenceEntries[0].table!.shards[0]
                node = shard.placements.first.map { catalog.address(ofGroup: $0.groupId) } ?? catalog.localNode
            }
            let fastPath = tableEntries.count == 1 && bound.sublinkCount == 0 && bound.subqueries.isEmpty && !bound.hasSetOperations
            return try singleTask(select, binder: binder, outputs: outputs, planClass: fastPath ? .fastPathRouter : .router, node: node,
                                  shardIndex: nil, relation: { table, _ in
                                      table.shards.first.map { table.shardRelation($0.id) } ?? table.plainRelation
                                  }, notes: fastPath ? ["reference table: the first placement in (host, port) order answers"]
                                      : ["only reference tables\(localEntries.isEmpty ? "" : " and local tables"): one task"])
        }

        if !localEntries.isEmpty || !citusLocalEntries.isEmpty {
            throw PlannerError.notYet("joining a local table with a distributed table",
                                      hint: "Citus plans the local table as a subplan whose rows are sent to the workers (recursive planning); shardplan will do the same in a later version. Distribute the table or make it a reference table.")
        }

        // Pruning.
        let pruning = ShardPruning(binder: binder)
        var indexSets: [Int: [Int]?] = [:]
        for entry in hashEntries {
            let table = entry.table!
            var set = pruning.shardIndexes(try pruning.values(for: entry.index), table: table)
            if set == nil && table.shards.count == 1 { set = [0] }
            indexSets[entry.index] = set
        }
        for entry in singleShardEntries { indexSets[entry.index] = [0] }
        let groups = Set(distributedEntries.compactMap { $0.table?.colocationId })

        // Fast path with a parameter for the distribution column: the shard is chosen when the
        // statement is bound (Citus's deferred pruning).
        if hashEntries.count == 1, tableEntries.count == 1, bound.sublinkCount == 0, bound.subqueries.isEmpty,
           !bound.hasSetOperations, indexSets[hashEntries[0].index] ?? nil == nil, let whereClause = select.whereClause,
           let table = hashEntries[0].table, case .hash(let column) = table.distribution,
           Self.isFastPath(whereClause, column: column, binder: binder, scope: 0),
           let parameter = Self.fastPathParameter(whereClause, column: column) {
            var marker = RelationMarker(directory: directory, expressionsMayHoldSubqueries: binder.bound.mayHoldSublinks)
            let template = SQLTemplate(sql: try Self.deparse(.selectStmt(try marker.mark(select))))
            let type = table.column(named: column)!.type
            let deferred = DeferredPruning(parameter: parameter, type: type.name, table: table.name.description,
                                           template: template.pieces, shards: table.deferredShards(catalog))
            let task = Task(index: 0, node: "(chosen by $\(parameter))", placements: [], shards: [], shardIndex: nil,
                            sql: template.fill { _ in "\(table.plainRelation)_<shard of $\(parameter)>" })
            return DistributedPlan(planClass: .fastPathRouter, statement: .select, stages: [Stage(id: 0, tasks: [task])],
                                   merge: concatenateMerge(outputs: outputs, directory: directory), deferredPruning: deferred,
                                   notes: ["deferred pruning: the shard is chosen from $\(parameter) when the statement is bound"])
        }

        // Router: every distributed table in one shard group.
        if groups.count == 1, distributedEntries.allSatisfy({ (indexSets[$0.index] ?? nil).map { $0.count <= 1 } ?? false }) {
            let chosen = Set(distributedEntries.compactMap { (indexSets[$0.index] ?? nil)?.first })
            if chosen.count <= 1 {
                return try routerPlan(select, binder: binder, outputs: outputs, index: chosen.first, indexSets: indexSets,
                                      pruning: pruning, distributedEntries: distributedEntries)
            }
        }
        return try multiShardPlan(select, binder: binder, outputs: outputs, indexSets: indexSets, pruning: pruning,
                                  distributedEntries: distributedEntries, referenceEntries: referenceEntries)
    }

    // MARK: One task

    /// The whole statement as one task, tables replaced by `relation(table, slot)`.
    private func singleTask(_ select: SelectStmt, binder: Binder, outputs: [OutputColumn], planClass: PlannerClass, node: String,
                            shardIndex: Int?, relation: (CatalogTable, Int) -> String, notes: [String]) throws(PlannerError) -> DistributedPlan {
        var marker = RelationMarker(directory: directory, expressionsMayHoldSubqueries: binder.bound.mayHoldSublinks)
        // From text, the marked statement is printed only when the text cannot be edited: until
        // then the tables are only collected (without subqueries in expressions, which only
        // the marking walk enters).
        var marked: SelectStmt? = nil
        if source != nil && !binder.bound.mayHoldSublinks { try marker.collect(select) } else { marked = try marker.mark(select) }
        let tables = marker.tables
        let sql: String
        // From text: the statement as written with its tables replaced (no printing), when the
        // text is simple enough to edit.
        if let source, let edited = source.replacingRelations(marker.occurrences.map { occurrence in
            RelationEdit(location: occurrence.location, name: occurrence.name, relation: relation(tables[occurrence.slot], occurrence.slot),
                         alias: occurrence.aliased ? nil : marker.infos[occurrence.slot].quotedTableName)
        }) {
            sql = edited
        } else {
            // Marked afresh if only collected: the same walk gives the same slots.
            let statement: SelectStmt
            if let marked {
                statement = marked
            } else {
                var fresh = RelationMarker(directory: directory, expressionsMayHoldSubqueries: binder.bound.mayHoldSublinks)
                statement = try fresh.mark(select)
            }
            sql = SQLTemplate(sql: try Self.deparse(.selectStmt(statement))).fill { slot in relation(tables[slot], slot) }
        }
        // Hash tables read the chosen shard (none when pruned away); others their one shard.
        let shards: [Int64] = tables.compactMap { table in
            if case .hash = table.distribution { return shardIndex.map { table.shards[$0].id } }
            return table.shards.first?.id
        }
        let task = Task(index: 0, node: node, placements: [node], shards: shards, shardIndex: shardIndex, sql: sql)
        var plan = DistributedPlan(planClass: planClass, statement: .select, stages: [Stage(id: 0, tasks: [task])],
                                   merge: concatenateMerge(outputs: outputs, directory: directory), notes: notes)
        if options.includeAlgebra {
            let tree = try AlgebraBuilder(binder: binder, select: select).logicalTree()
            plan.algebra = AlgebraTrees(logical: tree.render(), optimized: "Collect (one task)\n" + indent(tree.render()))
        }
        return plan
    }

    private func routerPlan(_ select: SelectStmt, binder: Binder, outputs: [OutputColumn], index: Int?, indexSets: [Int: [Int]?],
                            pruning: ShardPruning, distributedEntries: [RangeEntry], prunedNote: String? = nil) throws(PlannerError) -> DistributedPlan {
        let bound = binder.bound
        let emptyTables = Set(distributedEntries.filter { (indexSets[$0.index] ?? nil)?.isEmpty ?? false }.compactMap { $0.table?.name })
        let node: String
        var notes: [String] = []
        if let index {
            // A table pruned to the index (all are colocated: any of them names the node).
            let table = (distributedEntries.first { (indexSets[$0.index] ?? nil)?.contains(index) ?? false } ?? distributedEntries[0]).table!
            node = directory.node(table, index)
        } else {
            node = catalog.localNode
            notes.append(Self.contradictionNote)
        }
        // Fast path: one table, `distcol = constant` among the top-level AND conditions.
        var planClass = PlannerClass.router
        if bound.tableEntries.count == 1, bound.sublinkCount == 0, bound.subqueries.isEmpty, !bound.hasSetOperations,
           let entry = distributedEntries.first, let table = entry.table, case .hash(let column) = table.distribution,
           let whereClause = select.whereClause, Self.isFastPath(whereClause, column: column, binder: binder, scope: entry.scope) {
            planClass = .fastPathRouter
        }
        if let prunedNote { notes.append(prunedNote) } else if let index { notes.append(contentsOf: directory.prunedNotes[index]) }
        return try singleTask(select, binder: binder, outputs: outputs, planClass: planClass, node: node, shardIndex: index,
                              relation: { table, _ in
                                  if emptyTables.contains(table.name) || (index == nil && table.distribution != .reference) {
                                      return table.emptyRelation
                                  }
                                  switch table.distribution {
                                  case .hash: return directory.relation(table, index ?? 0)
                                  default: return table.shards.first.map { table.shardRelation($0.id) } ?? table.plainRelation
                                  }
                              }, notes: notes)
    }

    /// `distcol = constant` (or `$n`) is one arm of the top-level AND and the column appears once.
    static func isFastPath(_ whereClause: Node, column: String, binder: Binder, scope: Int) -> Bool {
        var references = 0
        try? ExpressionTree.visit(whereClause) { (child: Node) throws(PlannerError) -> Bool in
            if case .columnRef(let ref) = child, case .string(let name)? = ref.fields.last, name.sval == column { references += 1 }
            return true
        }
        guard references == 1 else { return false }
        return ShardPruning.conjuncts(of: whereClause).contains { conjunct in
            guard case .aExpr(let expr) = conjunct, expr.kind == .aexprOp, ShardPruning.operatorName(expr) == "=" else { return false }
            let sides = [expr.lexpr, expr.rexpr].compactMap { $0 }
            let hasColumn = sides.contains { if case .columnRef(let ref) = $0, case .string(let n)? = ref.fields.last { return n.sval == column } else { return false } }
            let hasConstant = sides.contains { node in
                switch node {
                case .aConst, .paramRef: return true
                case .typeCast(let cast): if case .aConst? = cast.arg { return true } else if case .paramRef? = cast.arg { return true } else { return false }
                default: return false
                }
            }
            return hasColumn && hasConstant
        }
    }

    /// The parameter in `distcol = $n` among the top-level AND conditions.
    static func fastPathParameter(_ whereClause: Node, column: String) -> Int? {
        for conjunct in ShardPruning.conjuncts(of: whereClause) {
            guard case .aExpr(let expr) = conjunct, expr.kind == .aexprOp, ShardPruning.operatorName(expr) == "=" else { continue }
            for side in [expr.lexpr, expr.rexpr].compactMap({ $0 }) {
                if case .paramRef(let param) = side { return Int(param.number) }
                if case .typeCast(let cast) = side, case .paramRef(let param)? = cast.arg { return Int(param.number) }
            }
        }
        return nil
    }

    // MARK: Multi-shard

    private func multiShardPlan(_ select: SelectStmt, binder: Binder, outputs: [OutputColumn], indexSets: [Int: [Int]?],
                                pruning: ShardPruning, distributedEntries: [RangeEntry],
                                referenceEntries: [RangeEntry]) throws(PlannerError) -> DistributedPlan {
        let bound = binder.bound
        let hint = "Consider using an equality filter on the distributed table's partition column."
        if !select.lockingClause.isEmpty {
            throw PlannerError.unsupported("could not run distributed query with FOR UPDATE/SHARE commands", hint: hint)
        }
        if select.groupClause.contains(where: { if case .groupingSet(let g) = $0 { return g.kind != .groupingSetEmpty } else { return false } }) {
            throw PlannerError.unsupported("could not run distributed query with GROUPING SETS, CUBE, or ROLLUP", hint: hint)
        }
        if case .subLink? = select.limitCount {
            throw PlannerError.unsupported("subquery in LIMIT is not supported in multi-shard queries")
        }
        if bound.hasSetOperations {
            throw PlannerError.notYet("a set operation (UNION, INTERSECT, EXCEPT) over distributed tables across shards",
                                      hint: "Citus pushes it down only inside a FROM subquery of colocated tables, else plans each branch as a subplan; shardplan does neither yet. Filter each branch on the distribution column to route it to one shard.")
        }
        let hasSubqueries = !bound.subqueries.isEmpty || bound.sublinkCount > 0
        if hasSubqueries {
            // Pushed down only when every task provably computes its share of the rows (see
            // SubqueryPushdown); the rest needs subplans.
            if let refusal = SubqueryPushdown.refusal(binder: binder, statement: select, entries: distributedEntries) {
                throw Self.subqueryNotYet(refusal)
            }
        }
        if bound.hasFunctionsInFrom {
            throw PlannerError.notYet("a function or VALUES list in FROM in a multi-shard query")
        }
        if !select.windowClause.isEmpty || Aggregates.windows(in: .list(PGList(select.targetList))).contains(where: { !($0.over?.refname.isEmpty ?? true) || !($0.over?.name.isEmpty ?? true) }) {
            throw PlannerError.notYet("a named window (WINDOW clause) in a multi-shard query", hint: "Write the window definition inside OVER (...).")
        }
        let scope = 0
        let recurring = RecurringOuterJoin(binder: binder, directory: directory)
        // With subqueries, SubqueryPushdown has already checked every join.
        if !hasSubqueries {
            try checkJoins(binder: binder, pruning: pruning, distributedEntries: distributedEntries, referenceEntries: referenceEntries,
                           recurringOuterJoin: recurring != nil)
        }

        // Tasks: the shard indexes every table whose rows are kept can have rows in. (Only the
        // tables every row of the answer comes from: at the top level or in FROM subqueries that
        // keep their rows apart; a subquery in an expression restricts its own rows, which a NOT
        // EXISTS or a scalar subquery may need none of.)
        let shardCount = distributedEntries[0].table!.shards.count
        var keep = [Bool](repeating: true, count: shardCount)
        for entry in distributedEntries where entry.scope == 0 ? !entry.nullable : pruning.rowsComeFrom(entry) {
            guard let set = indexSets[entry.index] ?? nil else { continue }
            var inSet = [Bool](repeating: false, count: shardCount)
            for index in set where index < shardCount { inSet[index] = true }
            for index in 0..<shardCount where !inSet[index] { keep[index] = false }
        }
        let taskIndexes = keep.indices.filter { keep[$0] }
        if taskIndexes.isEmpty {
            return try routerPlan(select, binder: binder, outputs: outputs, index: nil, indexSets: indexSets, pruning: pruning,
                                  distributedEntries: distributedEntries)
        }
        // One shard group left (a table tied to the pruned ones only through a correlation or a
        // subquery, which the router test above does not follow): every check of a multi-shard
        // pushdown has passed, so the one task's rows are the whole answer, and the statement runs
        // there as written, as Citus's router planner would run it. Not with a reference table
        // kept by an outer join: its rows are split among the shards' tasks by hash range.
        if taskIndexes.count == 1, recurring == nil {
            return try routerPlan(select, binder: binder, outputs: outputs, index: taskIndexes[0], indexSets: indexSets,
                                  pruning: pruning, distributedEntries: distributedEntries,
                                  prunedNote: "pruned to shard index \(taskIndexes[0]), 1 of \(shardCount) shard groups: the statement runs there as written")
        }
        // Distribution columns of tables whose rows are never null-extended.
        var distributionColumns = Set<ColumnBinding>()
        for entry in distributedEntries where !entry.nullable {
            if let column = entry.distributionColumn { distributionColumns.insert(column) }
        }
        let normalized = try NormalizedSelect(select, binder: binder, scope: scope, outputs: outputs)
        let split = ExtendedOpSplit(binder: binder, scope: scope, distributionColumns: distributionColumns, select: normalized)
        let output = try split.run()
        if hasSubqueries {
            // The merge runs on the coordinator over the tasks' rows: a subquery left there
            // would read the tables themselves.
            // (An expression the search cannot enter counts as holding one.)
            let merge = output.coordinator
            let clauses = merge.targetList + merge.groupClause + merge.sortClause + merge.distinctClause
                + [merge.whereClause, merge.havingClause, merge.limitCount, merge.limitOffset].compactMap { $0 }
            if clauses.contains(where: { (try? ExpressionTree.containsSubLink($0)) ?? true }) { throw Self.subqueryNotYet(.mergeSublink) }
        }

        // With subqueries Citus wraps FROM/WHERE in a derived table `worker_subquery` whose columns
        // are `worker_column_N`. The task here keeps the statement's own FROM and WHERE (subqueries,
        // sublinks and LATERAL included, each table read as the same shard index) under the
        // split's target list: the same FROM/WHERE rows under the same per-row expressions, so the
        // same rows as Citus's shape, one level less.
        var worker = SelectStmt.blank
        worker.targetList = output.workerTargets.map { Build.target($0.expr, name: $0.name) }
        worker.fromClause = select.fromClause
        worker.whereClause = select.whereClause
        if recurring != nil {
            // Each task keeps its share of the reference rows (the filter is filled per task).
            if let condition = select.whereClause {
                var and = BoolExpr()
                and.boolop = .andExpr
                and.args = [condition, RecurringOuterJoin.placeholder]
                worker.whereClause = .boolExpr(and)
            } else {
                worker.whereClause = RecurringOuterJoin.placeholder
            }
        }
        worker.groupClause = output.workerGroupBy
        worker.havingClause = output.workerHaving
        worker.distinctClause = output.workerDistinct
        worker.sortClause = output.workerSort
        worker.limitCount = output.workerLimit
        worker.windowClause = output.workerWindows
        var marker = RelationMarker(directory: directory, expressionsMayHoldSubqueries: binder.bound.mayHoldSublinks)
        let marked = try marker.mark(worker)
        let template = SQLTemplate(sql: try Self.deparse(.selectStmt(marked)))
        let tables = marker.tables
        let anchor = distributedEntries[0].table!
        var tasks: [Task] = []
        if tables.count == 1, template.slots.count == 1, recurring == nil, case .hash = tables[0].distribution,
           let routes = directory.routes[tables[0].name] {
            // One table named once, no per-task filter: the directory's arrays serve every task as they are.
            tasks = routes.tasks(template: template, indexes: taskIndexes)
        } else {
            // Per table slot: whether it is hash-distributed, its shard ids and relation names.
            let slots = tables.map { table -> (hash: Bool, ids: [Int64], relations: [String]) in
                let isHash: Bool
                if case .hash = table.distribution { isHash = true } else { isHash = false }
                return (isHash, table.shards.map(\.id), directory.routes[table.name]?.relations ?? table.shards.map { table.shardRelation($0.id) })
            }
            // The anchor's per-shard arrays, taken out of the directory once (not per task).
            let anchorReadPlacements = directory.routes[anchor.name]?.readPlacements
            let anchorNodes = anchorReadPlacements?.map { $0[0] } ?? anchor.shards.indices.map { directory.node(anchor, $0) }
            func placements(_ index: Int) -> [String] { anchorReadPlacements?[index] ?? [anchorNodes[index]] }
            tasks.reserveCapacity(taskIndexes.count)
            var texts = TaskTexts(tasks: taskIndexes.count, template: template)
            for index in taskIndexes {
                var shards: [Int64] = []
                shards.reserveCapacity(slots.count)
                texts.append(template) { slot in
                    if slot == RecurringOuterJoin.slot, let recurring {
                        return recurring.filter(shard: index, first: index == taskIndexes[0])
                    }
                    let info = slots[slot]
                    let position = info.hash ? index : 0
                    shards.append(info.ids[position])
                    return info.relations[position]
                }
                if shards.count > 1 {
                    // A few ids: a linear check is cheaper than a set per task.
                    var unique: [Int64] = []
                    unique.reserveCapacity(shards.count)
                    for id in shards where !unique.contains(id) { unique.append(id) }
                    shards = unique
                }
                tasks.append(Task(index: tasks.count, node: anchorNodes[index], placements: placements(index), shards: shards,
                                  shardIndex: index, text: "", range: 0..<0))
            }
            let text = texts.text()
            for position in tasks.indices { tasks[position].useText(text, range: texts.starts[position]..<texts.starts[position + 1]) }
        }
        let workerColumns = zip(output.workerTargets, output.workerTypes).map { OutputColumn(name: $0.name, type: $1) }
        let mergeSQL = try Self.deparse(.selectStmt(output.coordinator))
        let merge = MergePlan(pendingSteps: output.steps, workerColumns: workerColumns, sql: mergeSQL, columns: outputs)
        var notes = output.notes
        if let recurring {
            notes.append(Self.recurringOuterJoinNote + " each task keeps the reference rows whose \(recurring.column) hashes into its shard's range (NULL keys in the first task)")
        }
        if taskIndexes.count < shardCount {
            notes.insert("pruned to \(taskIndexes.count) of \(shardCount) shard groups", at: 0)
        }
        var plan = DistributedPlan(planClass: .multiShard, statement: .select, stages: [Stage(id: 0, tasks: tasks)], merge: merge, notes: notes)
        if options.includeAlgebra {
            let builder = AlgebraBuilder(binder: binder, select: select)
            let logical = try builder.logicalTree()
            let optimized = try builder.optimizedTree(output: output, indexSets: indexSets)
            plan.algebra = AlgebraTrees(logical: logical.render(), optimized: optimized.render())
        }
        return plan
    }

    /// Distributed tables must be colocated and joined on their distribution columns; otherwise
    /// Citus's error for the kind of join.
    private func checkJoins(binder: Binder, pruning: ShardPruning, distributedEntries: [RangeEntry],
                            referenceEntries: [RangeEntry], recurringOuterJoin: Bool) throws(PlannerError) {
        let scope = binder.bound.scopes[0]
        // An outer join whose kept side has no distributed table would need every shard's rows
        // for each kept row (unless the reference rows are split across tasks by hash range).
        for join in scope.outerJoins where !recurringOuterJoin {
            let nullableDistributed = join.nullable.contains { index in distributedEntries.contains { $0.index == index } }
            let preservedDistributed = join.preserved.contains { index in distributedEntries.contains { $0.index == index } }
            if nullableDistributed && !preservedDistributed {
                throw PlannerError.notYet("an outer join that keeps a reference table's rows and null-extends a distributed table",
                                          hint: RecurringOuterJoin.refusalHint)
            }
        }
        guard distributedEntries.count > 1 else { return }
        let groups = Set(distributedEntries.compactMap { $0.table?.colocationId })
        let columns = distributedEntries.compactMap(\.distributionColumn)
        let joinedOnDistribution = columns.count == distributedEntries.count
            && columns.dropFirst().allSatisfy { pruning.equivalent($0, columns[0]) }
        if groups.count == 1 && joinedOnDistribution { return }
        if scope.hasOuterJoin {
            throw PlannerError.unsupported("complex joins are only supported when all distributed tables are co-located and joined on their distribution columns")
        }
        // Are the tables tied by some equality at all?
        var connected = Set([distributedEntries[0].index])
        var changed = true
        let pairs = (scope.conjuncts + scope.joinConditions).flatMap { pruning.equalities(in: $0, scope: 0) }
        while changed {
            changed = false
            for (a, b) in pairs {
                if connected.contains(a.entry) && !connected.contains(b.entry) { connected.insert(b.entry); changed = true }
                if connected.contains(b.entry) && !connected.contains(a.entry) { connected.insert(a.entry); changed = true }
            }
        }
        let allConnected = distributedEntries.allSatisfy { connected.contains($0.index) }
        if allConnected {
            let types = Set(columns.compactMap { binder.bound.entries[$0.entry].columnTypes[$0.column] })
            if joinedOnDistribution && types.count > 1 || (groups.count == 1 && !joinedOnDistribution && types.count > 1) {
                throw PlannerError.unsupported("complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator")
            }
            throw PlannerError.unsupported("the query contains a join that requires repartitioning",
                                           hint: groups.count > 1 && joinedOnDistribution
                                               ? "The tables are joined on their distribution columns but are not colocated (create them with colocate_with). Repartition joins come in a later version of shardplan."
                                               : "Join on the distribution columns of colocated tables, or add the distribution column to the join condition. Repartition joins come in a later version of shardplan.")
        }
        let hasAnyCondition = !scope.joinConditions.isEmpty || scope.conjuncts.contains { conjunct in
            var entriesSeen = Set<Int>()
            try? ExpressionTree.visit(conjunct) { (child: Node) throws(PlannerError) -> Bool in
                if case .columnRef(let ref) = child, let binding = try? binder.resolve(ref, scope: 0) { entriesSeen.insert(binding.entry) }
                return true
            }
            return entriesSeen.filter { index in distributedEntries.contains { $0.index == index } }.count > 1
        }
        if hasAnyCondition {
            throw PlannerError.unsupported("complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator")
        }
        throw PlannerError.unsupported("cannot perform distributed planning on this query", detail: "Cartesian products are currently unsupported")
    }

    /// Plans the statement with its CTEs inlined as subqueries in FROM, as Citus tries first (and
    /// PostgreSQL does). The tasks are printed from the inlined tree. When the inlined statement
    /// cannot be distributed, Citus plans the CTEs as subplans instead: not done yet, so refused
    /// with the reason the inlined form failed.
    private func planInliningCTEs(_ select: SelectStmt) throws(PlannerError) -> DistributedPlan {
        let (inlined, names, unused) = try CTEInlining.inline(select)
        // A CTE nobody references never runs, but PostgreSQL still rejects one that is wrong.
        for query in unused {
            var binder = Binder(directory: directory)
            _ = try binder.bindSelect(query, scope: binder.newScope(parent: nil))
        }
        var planner = self
        planner.source = nil
        planner.ctesInlined = true
        do {
            var plan = try planner.plan(inlined)
            let quoted = names.map { SQLDeparser.quoteIdentifier($0) }.joined(separator: ", ")
            if !names.isEmpty {
                plan.notes.append(names.count == 1 ? "CTE \(quoted) inlined as a subquery in FROM, as PostgreSQL and Citus do"
                                                   : "CTEs \(quoted) inlined as subqueries in FROM, as PostgreSQL and Citus do")
            }
            return plan
        } catch {
            guard error.kind == .unsupported || error.kind == .notYetSupported else { throw error }
            throw PlannerError(.notYetSupported, "a CTE that cannot be distributed once inlined as a subquery is not supported yet",
                               detail: "Inlined as a subquery, the statement fails: \(error.message)" + (error.detail.map { " (\($0))" } ?? ""),
                               hint: "Citus then plans each CTE as a subplan whose rows the statement reads; shardplan plans subplans in later work.")
        }
    }

    /// A subquery SubqueryPushdown refused: why, what Citus says when it refuses the query for
    /// good, and a rewrite where one exists (else routing to one shard).
    static func subqueryNotYet(_ refusal: PushdownRefusal) -> PlannerError {
        let route = "Filtering every table on its distribution column to one value routes the query to one shard, where it runs as written"
        let hint: String
        switch (refusal.hint, refusal.later.map(laterSentence)) {
        case (let rewrite?, let later?): hint = "\(rewrite) Otherwise \(later)"
        case (let rewrite?, nil): hint = rewrite
        case (nil, let later?): hint = "\(route); \(later)"
        case (nil, nil): hint = "\(route)."
        }
        return PlannerError(.notYetSupported, "a subquery in a multi-shard query is not supported yet: \(refusal.reason)",
                            detail: refusal.citus.map { "Citus refuses this query: \($0)" }, hint: hint)
    }

    /// What a later version of shardplan plans a refused query with, as a sentence.
    static func laterSentence(_ remedy: PushdownRefusal.Remedy) -> String {
        let decorrelate = "decorrelate correlated subqueries into joins"
        let why = "(a subplan is computed once, for all outer rows, so it cannot stand for a correlated subquery)"
        let repartition = "repartition joins between non-colocated tables"
        switch remedy {
        case .subplans: return "shardplan will plan it with subplans (recursive planning) in a later version."
        case .decorrelation: return "shardplan will \(decorrelate) in a later version \(why)."
        case .repartition: return "shardplan will \(repartition) in a later version."
        case .repartitionAndDecorrelation: return "shardplan will \(repartition) and \(decorrelate) in a later version \(why)."
        }
    }

    static func deparse(_ node: Node) throws(PlannerError) -> String {
        do {
            return try SQLDeparser.deparse(node)
        } catch {
            throw PlannerError.notYet("printing \(error.nodeType) in task SQL")
        }
    }
}

func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
}

extension PGList {
    init(_ items: [Node]) {
        self.init()
        self.items = items
    }
}
