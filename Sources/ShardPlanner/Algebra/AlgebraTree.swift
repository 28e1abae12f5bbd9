import SQLSyntax
import ShardCatalog

/// The multi-relational algebra tree (Citus's model): the logical plan of a distributed SELECT,
/// which the optimizer passes rewrite and the physical planner turns into tasks and a merge.
indirect enum AlgebraNode: Sendable {
    /// A table occurrence; after pruning, the shard indexes that can hold its rows (nil = all).
    case table(TableOperand)
    /// Filters (AND-ed).
    case select([Node], AlgebraNode)
    /// The columns computed at this point.
    case project([TargetItem], AlgebraNode)
    /// A join with the rule that makes it distributable.
    case join(JoinOperator, AlgebraNode, AlgebraNode)
    /// Rows gathered from every task to the coordinator.
    case collect(AlgebraNode)
    /// Rows re-partitioned by a column into buckets (repartition joins: later work).
    case partition(String, AlgebraNode)
    /// Grouping, aggregates, HAVING, windows, DISTINCT, ORDER BY, LIMIT.
    case extendedOp(ExtendedOperator, AlgebraNode)
    /// A query level without FROM, or a relation the tree does not model.
    case noRelation
}

struct TableOperand: Sendable {
    var entry: Int
    var table: CatalogTable
    var referenceName: String
    var shardIndexes: [Int]?
}

struct TargetItem: Sendable {
    var expr: Node
    var name: String
}

struct JoinOperator: Sendable {
    enum Rule: String, Sendable {
        /// Colocated tables joined on their distribution columns: shard i with shard i.
        case localJoin = "local join"
        /// One side is a reference table: every shard joins the whole reference table.
        case referenceJoin = "reference join"
        /// Tables from the same task joined by a condition that is not on the distribution columns.
        case sameShardJoin = "same-shard join"
    }

    var type: JoinType
    var rule: Rule
    var condition: Node?
}

struct ExtendedOperator: Sendable {
    enum Role: String, Sendable { case logical, worker, coordinator }

    var role: Role
    var targets: [TargetItem]
    var groupBy: [Node] = []
    var having: Node?
    var sort: [Node] = []
    var limit: Node?
    var offset: Node?
    var distinct: [Node] = []
    var notes: [String] = []
}

extension AlgebraNode {
    /// The tree as indented text, one operator a line.
    func render() -> String {
        var lines: [String] = []
        render(into: &lines, depth: 0)
        return lines.joined(separator: "\n")
    }

    private func render(into lines: inout [String], depth: Int) {
        let pad = String(repeating: "  ", count: depth)
        switch self {
        case .table(let operand):
            let shards = operand.shardIndexes.map { "shard indexes \($0.map(String.init).joined(separator: ","))" } ?? "all shards"
            let kind = operand.table.distribution.kindName
            lines.append("\(pad)Table \(operand.table.name) \(operand.referenceName) [\(kind), \(operand.table.distribution == .reference ? "1 shard" : shards)]")
        case .select(let predicates, let child):
            lines.append("\(pad)Select \(predicates.map(expressionText).joined(separator: " AND "))")
            child.render(into: &lines, depth: depth + 1)
        case .project(let targets, let child):
            lines.append("\(pad)Project \(targets.map { expressionText($0.expr) + " AS " + $0.name }.joined(separator: ", "))")
            child.render(into: &lines, depth: depth + 1)
        case .join(let op, let left, let right):
            let condition = op.condition.map { " ON " + expressionText($0) } ?? ""
            lines.append("\(pad)Join \(op.type.sqlName) (\(op.rule.rawValue))\(condition)")
            left.render(into: &lines, depth: depth + 1)
            right.render(into: &lines, depth: depth + 1)
        case .collect(let child):
            lines.append("\(pad)Collect")
            child.render(into: &lines, depth: depth + 1)
        case .partition(let column, let child):
            lines.append("\(pad)Partition by \(column)")
            child.render(into: &lines, depth: depth + 1)
        case .noRelation:
            lines.append("\(pad)Result")
        case .extendedOp(let op, let child):
            var parts: [String] = []
            if !op.targets.isEmpty { parts.append("targets: " + op.targets.map { expressionText($0.expr) + " AS " + $0.name }.joined(separator: ", ")) }
            if !op.groupBy.isEmpty { parts.append("group by: " + op.groupBy.map(expressionText).joined(separator: ", ")) }
            if let having = op.having { parts.append("having: " + expressionText(having)) }
            if !op.distinct.isEmpty { parts.append("distinct") }
            if !op.sort.isEmpty { parts.append("order by: " + op.sort.map(expressionText).joined(separator: ", ")) }
            if let limit = op.limit { parts.append("limit: " + expressionText(limit)) }
            if let offset = op.offset { parts.append("offset: " + expressionText(offset)) }
            lines.append("\(pad)ExtendedOp[\(op.role.rawValue)] \(parts.joined(separator: "; "))")
            child.render(into: &lines, depth: depth + 1)
        }
    }
}

extension JoinType {
    var sqlName: String {
        switch self {
        case .joinLeft: "LEFT"
        case .joinRight: "RIGHT"
        case .joinFull: "FULL"
        default: "INNER"
        }
    }
}
