import SQLSyntax
import ShardCatalog

/// UPDATE and DELETE: routed to the shards their conditions leave, one task per shard; joins
/// (FROM / USING) with reference tables and colocated tables on the distribution column.
struct ModifyPlanner {
    let catalog: Catalog
    let directory: ShardDirectory

    func plan(_ statement: Node) throws(PlannerError) -> DistributedPlan {
        let relation: RangeVar?
        let from: [Node]
        let whereClause: Node?
        let returning: [Node]
        var setTargets: [ResTarget] = []
        let kind: StatementKind
        switch statement {
        case .updateStmt(let update):
            if let with = update.withClause, !with.ctes.isEmpty { throw PlannerError.notYet("WITH (common table expressions) on UPDATE") }
            relation = update.relation; from = update.fromClause; whereClause = update.whereClause; returning = update.returningList
            setTargets = update.targetList.compactMap { if case .resTarget(let t) = $0 { return t } else { return nil } }
            kind = .update
        case .deleteStmt(let delete):
            if let with = delete.withClause, !with.ctes.isEmpty { throw PlannerError.notYet("WITH (common table expressions) on DELETE") }
            relation = delete.relation; from = delete.usingClause; whereClause = delete.whereClause; returning = delete.returningList
            kind = .delete
        default:
            throw PlannerError.notYet("\(statement.typeName)")
        }
        guard let relation else { throw PlannerError.invalid("statement names no table") }
        var binder = Binder(directory: directory)
        let scope = binder.newScope(parent: nil)
        let targetEntry = try binder.addTable(relation, scope: scope, nullable: false)
        try binder.bindFrom(from, scope: scope)
        if let whereClause {
            try binder.checkExpression(whereClause, scope: scope)
            binder.bound.scopes[scope].conjuncts.append(whereClause)
        }
        let table = binder.bound.entries[targetEntry].table!
        for target in setTargets {
            guard table.column(named: target.name) != nil else {
                throw PlannerError.invalid("column \"\(target.name)\" of relation \"\(table.name.name)\" does not exist", at: target.location)
            }
            if let value = target.val {
                if case .multiAssignRef(let multi) = value, let source = multi.source {
                    try binder.checkExpression(source, scope: scope)
                } else {
                    try binder.checkExpression(value, scope: scope)
                }
            }
        }
        let outputs = try binder.bindTargets(returning, scope: scope)
        let bound = binder.bound
        // Subqueries: pushed down when the SELECT of the rows to change could be (see
        // `pushdownIndexes`), on that SELECT's shards.
        var subqueryIndexes: [Int]? = nil
        if bound.sublinkCount > 0 || !bound.subqueries.isEmpty {
            guard case .hash = table.distribution else {
                throw PlannerError.notYet("a subquery in \(kind.rawValue) of a \(table.distribution.kindName) table",
                                          hint: "Citus plans the subquery as a subplan; shardplan does not yet.")
            }
            var values: [Node] = []
            for target in setTargets {
                guard let value = target.val else { continue }
                if case .multiAssignRef = value {
                    throw PlannerError.notYet("SET (columns) = (subquery) in an UPDATE with subqueries",
                                              hint: "Set each column from its own subquery.")
                }
                values.append(value)
            }
            for case .resTarget(let target) in returning { if let value = target.val { values.append(value) } }
            subqueryIndexes = try pushdownIndexes(relation: relation, from: from, whereClause: whereClause, values: values, kind: kind)
        }
        let merge = modificationMerge(outputs: outputs, directory: directory)

        let entries = bound.tableEntries
        // Local target: as written on the coordinator.
        if table.distribution == .local && table.shards.isEmpty {
            guard entries.allSatisfy({ $0.table!.distribution == .local && $0.table!.shards.isEmpty }) else {
                throw PlannerError.notYet("modifying a local table with distributed tables in FROM/USING")
            }
            let task = Task(index: 0, node: catalog.localNode, placements: [catalog.localNode], shards: [], shardIndex: nil,
                            sql: try SelectPlanner.deparse(statement))
            return DistributedPlan(planClass: .local, statement: kind, stages: [Stage(id: 0, tasks: [task])], merge: merge,
                                   notes: ["local table: the statement runs on the coordinator as written"])
        }

        // Checks Citus makes for every distributed modification.
        if case .hash(let column) = table.distribution {
            for target in setTargets where target.name == column {
                if case .columnRef(let ref)? = target.val, case .string(let name)? = ref.fields.last, name.sval == column { continue }
                throw PlannerError.unsupported("modifying the partition value of rows is not allowed")
            }
        }
        if kind == .update {
            for target in setTargets where target.val.map(Aggregates.hasVolatile) ?? false {
                throw PlannerError.unsupported("functions used in UPDATE queries on distributed tables must not be VOLATILE")
            }
        }
        if let whereClause, Aggregates.hasVolatile(whereClause) {
            throw PlannerError.unsupported("functions used in the WHERE/ON/WHEN clause of modification queries on distributed tables must not be VOLATILE")
        }
        if entries.contains(where: { $0.table!.distribution == .local }) {
            throw PlannerError.notYet("a local table in FROM/USING of a distributed \(kind.rawValue)",
                                      hint: "Citus plans the local table as a subplan; shardplan does not yet.")
        }
        let others = entries.filter { $0.index != targetEntry }
        var marker = RelationMarker(directory: directory)
        let marked = try markStatement(statement, marker: &marker)
        let template = SQLTemplate(sql: try SelectPlanner.deparse(marked))
        let tables = marker.tables

        switch table.distribution {
        case .hash:
            var indexes: Set<Int>
            if let subqueryIndexes {
                // The SELECT of the rows has checked the joins and pruned.
                indexes = Set(subqueryIndexes)
            } else {
                let distributedOthers = others.filter { $0.table!.distribution != .reference }
                let pruning = ShardPruning(binder: binder)
                for other in distributedOthers {
                    let otherTable = other.table!
                    guard otherTable.colocationId == table.colocationId,
                          case .hash(let otherColumn) = otherTable.distribution, case .hash(let column) = table.distribution,
                          let a = otherTable.columnIndex(named: otherColumn), let b = table.columnIndex(named: column),
                          pruning.equivalent(ColumnBinding(entry: other.index, column: a), ColumnBinding(entry: targetEntry, column: b)) else {
                        throw PlannerError.unsupported("complex joins are only supported when all distributed tables are co-located and joined on their distribution columns")
                    }
                }
                indexes = Set(0..<table.shards.count)
                for entry in [targetEntry] + distributedOthers.map(\.index) {
                    if let set = pruning.shardIndexes(try pruning.values(for: entry), table: bound.entries[entry].table!) {
                        indexes.formIntersection(set)
                    }
                }
            }
            var tasks: [Task] = []
            for index in indexes.sorted() {
                var shards: [Int64] = []
                let sql = template.fill { slot in
                    let t = tables[slot]
                    let shard = t.distribution == .reference ? t.shards[0] : t.shards[index]
                    shards.append(shard.id)
                    return t.shardRelation(shard.id)
                }
                let placements = table.shards[index].placements.map { catalog.address(ofGroup: $0.groupId) }
                var seen = Set<Int64>()
                tasks.append(Task(index: tasks.count, node: placements.first ?? catalog.localNode, placements: placements,
                                  shards: shards.filter { seen.insert($0).inserted }, shardIndex: index, sql: sql))
            }
            var notes: [String] = []
            if tasks.isEmpty {
                notes.append("the conditions contradict each other: no shard can hold a row to \(kind.rawValue.lowercased())")
            } else if tasks.count == 1 {
                notes.append("router: one shard")
            } else {
                notes.append("one task per shard: \(tasks.count) of \(table.shards.count)")
            }
            let isFastPath = tasks.count == 1 && others.isEmpty && whereClause.map {
                if case .hash(let column) = table.distribution { return SelectPlanner.isFastPath($0, column: column, binder: binder, scope: scope) }
                return false
            } ?? false
            return DistributedPlan(planClass: isFastPath ? .fastPathRouter : .modify, statement: kind,
                                   stages: [Stage(id: 0, tasks: tasks)], merge: merge, notes: notes)
        default:
            // Reference (and single-shard, Citus-managed local) targets: one task on every placement.
            if table.distribution == .reference, others.contains(where: { $0.table!.distribution != .reference }) {
                throw PlannerError.unsupported("only reference tables may be queried when targeting a reference table with multi shard UPDATE/DELETE queries with multiple tables ")
            }
            if table.distribution != .reference, !others.isEmpty {
                throw PlannerError.notYet("\(kind.rawValue) of a \(table.distribution.kindName) table joined with other tables")
            }
            var shards: [Int64] = []
            let sql = template.fill { slot in
                let shard = tables[slot].shards[0]
                shards.append(shard.id)
                return tables[slot].shardRelation(shard.id)
            }
            let placements = table.shards[0].placements.map { catalog.address(ofGroup: $0.groupId) }
            let task = Task(index: 0, node: placements.first ?? catalog.localNode, placements: placements,
                            shards: Array(Set(shards)).sorted(), shardIndex: nil, sql: sql)
            return DistributedPlan(planClass: others.isEmpty ? .fastPathRouter : .modify, statement: kind, stages: [Stage(id: 0, tasks: [task])],
                                   merge: merge, notes: ["\(table.distribution.kindName) table: the statement runs on every placement (\(placements.count))"])
        }
    }

    /// The shard indexes a modification with subqueries runs on: those of the SELECT of the rows
    /// it changes (`SELECT 1, set values, returning FROM target, FROM/USING... WHERE ...`) when that SELECT is a
    /// pushdown or router plan. Its pushdown proves that each shard index's tables hold every row
    /// the WHERE clause (subqueries included) needs for that index's target rows, so each task
    /// changes exactly the rows the statement changes in its shard. Refused as that SELECT is.
    private func pushdownIndexes(relation: RangeVar, from: [Node], whereClause: Node?, values: [Node], kind: StatementKind) throws(PlannerError) -> [Int] {
        var select = SelectStmt.blank
        // The SET values and RETURNING expressions are selected too: their subqueries must push down as well.
        select.targetList = [Build.target(Build.integer(1), name: "one")] + values.map { Build.target($0) }
        select.fromClause = [.rangeVar(relation)] + from
        select.whereClause = whereClause
        let plan: DistributedPlan
        do {
            plan = try SelectPlanner(catalog: catalog, options: PlanOptions(), directory: directory).plan(select)
        } catch {
            guard error.kind == .notYetSupported else { throw error }
            throw PlannerError(.notYetSupported, "a subquery in \(kind.rawValue) that cannot be pushed down is not supported yet",
                               detail: "Selected alone, the rows to \(kind.rawValue.lowercased())\(kind == .update ? " and their new values" : "") fail: \(error.message)",
                               hint: "Citus plans such a subquery as a subplan; shardplan does not yet.")
        }
        // Conditions that contradict each other: no row to change anywhere.
        if plan.notes.contains(SelectPlanner.contradictionNote) { return [] }
        let tasks = plan.stages.last?.tasks ?? []
        guard plan.stages.count == 1, plan.planClass == .multiShard || plan.planClass == .router,
              !plan.notes.contains(where: { $0.hasPrefix(SelectPlanner.recurringOuterJoinNote) }),
              tasks.allSatisfy({ $0.shardIndex != nil }) else {
            throw PlannerError.notYet("a subquery in \(kind.rawValue) whose rows are not found shard by shard",
                                      hint: "Citus plans such a subquery as a subplan; shardplan does not yet.")
        }
        return tasks.compactMap(\.shardIndex)
    }

    private func markStatement(_ statement: Node, marker: inout RelationMarker) throws(PlannerError) -> Node {
        switch statement {
        case .updateStmt(var update):
            if let relation = update.relation { update.relation = marker.mark(relation) }
            var from: [Node] = []
            for item in update.fromClause { from.append(try marker.markFromItem(item)) }
            update.fromClause = from
            update.targetList = try marker.markExpressions(update.targetList)
            update.whereClause = try update.whereClause.map { (node: Node) throws(PlannerError) in try marker.markExpression(node) }
            update.returningList = try marker.markExpressions(update.returningList)
            return .updateStmt(update)
        case .deleteStmt(var delete):
            if let relation = delete.relation { delete.relation = marker.mark(relation) }
            var using: [Node] = []
            for item in delete.usingClause { using.append(try marker.markFromItem(item)) }
            delete.usingClause = using
            delete.whereClause = try delete.whereClause.map { (node: Node) throws(PlannerError) in try marker.markExpression(node) }
            delete.returningList = try marker.markExpressions(delete.returningList)
            return .deleteStmt(delete)
        default:
            return statement
        }
    }
}
