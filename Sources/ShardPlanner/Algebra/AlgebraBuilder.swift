import SQLSyntax
import ShardCatalog

/// Builds the algebra tree of a SELECT level, before and after the optimizer's passes.
struct AlgebraBuilder {
    let binder: Binder
    let select: SelectStmt

    /// ExtendedOp → Project → Select → joins of Collect(Table): Citus's logical plan.
    func logicalTree() throws(PlannerError) -> AlgebraNode {
        var cursor = 0
        var from = try fromTree(collect: true, indexSets: [:], cursor: &cursor)
        if let whereClause = select.whereClause { from = .select(ShardPruning.conjuncts(of: whereClause), from) }
        let targets = select.targetList.compactMap { node -> TargetItem? in
            guard case .resTarget(let target) = node, let value = target.val else { return nil }
            return TargetItem(expr: value, name: target.name.isEmpty ? OutputNaming.name(of: value) : target.name)
        }
        var node = AlgebraNode.project(targets, from)
        let hasExtended = !select.groupClause.isEmpty || select.havingClause != nil || !select.sortClause.isEmpty
            || select.limitCount != nil || select.limitOffset != nil || !select.distinctClause.isEmpty
            || targets.contains { !Aggregates.calls(in: $0.expr).isEmpty || !Aggregates.windows(in: $0.expr).isEmpty }
        if hasExtended {
            node = .extendedOp(ExtendedOperator(role: .logical, targets: targets, groupBy: select.groupClause, having: select.havingClause,
                                                sort: select.sortClause, limit: select.limitCount, offset: select.limitOffset,
                                                distinct: select.distinctClause), node)
        }
        return node
    }

    /// After the passes: selections and projections pushed below Collect, the extended operator
    /// split into a worker part and a coordinator part, tables annotated with their shards.
    func optimizedTree(output: ExtendedOpSplit.Output, indexSets: [Int: [Int]?]) throws(PlannerError) -> AlgebraNode {
        var cursor = 0
        var below = try fromTree(collect: false, indexSets: indexSets, cursor: &cursor)
        if let whereClause = select.whereClause { below = .select(ShardPruning.conjuncts(of: whereClause), below) }
        let worker = ExtendedOperator(role: .worker, targets: output.workerTargets, groupBy: output.workerGroupBy, having: output.workerHaving,
                                      sort: output.workerSort, limit: output.workerLimit, distinct: output.workerDistinct)
        let coordinatorTargets = output.coordinator.targetList.compactMap { node -> TargetItem? in
            guard case .resTarget(let target) = node, let value = target.val else { return nil }
            return TargetItem(expr: value, name: target.name)
        }
        let coordinator = ExtendedOperator(role: .coordinator, targets: coordinatorTargets, groupBy: output.coordinator.groupClause,
                                           having: output.coordinator.havingClause, sort: output.coordinator.sortClause,
                                           limit: output.coordinator.limitCount, offset: output.coordinator.limitOffset,
                                           distinct: output.coordinator.distinctClause)
        return .extendedOp(coordinator, .collect(.extendedOp(worker, below)))
    }

    private func fromTree(collect: Bool, indexSets: [Int: [Int]?], cursor: inout Int) throws(PlannerError) -> AlgebraNode {
        var items: [AlgebraNode] = []
        for item in select.fromClause { items.append(try fromItem(item, collect: collect, indexSets: indexSets, cursor: &cursor)) }
        if items.isEmpty { return .noRelation }
        var tree = items[0]
        for item in items.dropFirst() {
            tree = .join(JoinOperator(type: .joinInner, rule: .sameShardJoin, condition: nil), tree, item)
        }
        return tree
    }

    private func fromItem(_ item: Node, collect: Bool, indexSets: [Int: [Int]?], cursor: inout Int) throws(PlannerError) -> AlgebraNode {
        switch item {
        case .rangeVar:
            // The FROM items of the top level, in order (subqueries keep their entries in their
            // own scopes).
            let scopeEntries = binder.bound.scopes[0].entries
            guard cursor < scopeEntries.count else { return .noRelation }
            let entry = binder.bound.entries[scopeEntries[cursor]]
            cursor += 1
            guard let table = entry.table else { return .noRelation }
            let operand = TableOperand(entry: entry.index, table: table, referenceName: entry.referenceName,
                                       shardIndexes: indexSets[entry.index] ?? nil)
            return collect ? .collect(.table(operand)) : .table(operand)
        case .joinExpr(let join):
            guard let left = join.larg, let right = join.rarg else { return .noRelation }
            let leftTree = try fromItem(left, collect: collect, indexSets: indexSets, cursor: &cursor)
            let rightTree = try fromItem(right, collect: collect, indexSets: indexSets, cursor: &cursor)
            let rule: JoinOperator.Rule = Self.hasReference(leftTree) || Self.hasReference(rightTree) ? .referenceJoin : .localJoin
            return .join(JoinOperator(type: join.jointype, rule: rule, condition: join.quals), leftTree, rightTree)
        default:
            cursor += 1
            return .noRelation
        }
    }

    private static func hasReference(_ node: AlgebraNode) -> Bool {
        switch node {
        case .table(let operand): return operand.table.distribution == .reference
        case .collect(let child), .select(_, let child), .project(_, let child), .partition(_, let child), .extendedOp(_, let child):
            return hasReference(child)
        case .join(_, let left, let right): return hasReference(left) || hasReference(right)
        case .noRelation: return false
        }
    }
}
