import SQLSyntax

/// A SELECT level with `*` expanded, output names given, and GROUP BY / ORDER BY positions and
/// output-name references replaced by the expressions they stand for.
struct NormalizedSelect: Sendable {
    var targets: [TargetItem] = []
    var groupBy: [Node] = []
    var having: Node?
    var sort: [SortBy] = []
    /// Non-empty for DISTINCT (`[.absent]`) and DISTINCT ON (the expressions).
    var distinct: [Node] = []
    var distinctOn: [Node] = []
    var limit: Node?
    var offset: Node?
    var limitOption: LimitOption = .limitOptionDefault
    var windowClause: [Node] = []

    var sortNodes: [Node] { sort.map { .sortBy($0) } }

    init(_ select: SelectStmt, binder: Binder, scope: Int, outputs: [OutputColumn]) throws(PlannerError) {
        for target in select.targetList {
            guard case .resTarget(let result) = target, let value = result.val else { continue }
            if let expanded = try binder.expandStar(value, scope: scope) {
                for column in expanded {
                    let entry = binder.bound.entries[column.entry]
                    let qualifier = entry.referenceName
                    let ref = qualifier.isEmpty ? Build.column(column.name) : Build.column(qualifier, column.name)
                    targets.append(TargetItem(expr: ref, name: column.name))
                }
                continue
            }
            targets.append(TargetItem(expr: value, name: result.name.isEmpty ? OutputNaming.name(of: value) : result.name))
        }
        func resolveReference(_ node: Node, preferOutput: Bool) -> Node {
            if case .aConst(let constant) = node, case .ival(let position)? = constant.val,
               position.ival >= 1, Int(position.ival) <= targets.count {
                return targets[Int(position.ival) - 1].expr
            }
            if case .columnRef(let ref) = node, ref.fields.count == 1, case .string(let name) = ref.fields[0] {
                let isInput = (try? binder.resolve(ref, scope: scope)) != nil
                if preferOutput || !isInput, let match = targets.first(where: { $0.name == name.sval }) { return match.expr }
            }
            return node
        }
        groupBy = select.groupClause.map { resolveReference($0, preferOutput: false) }
        having = select.havingClause
        for item in select.sortClause {
            guard case .sortBy(var sort) = item, let node = sort.node else { continue }
            sort.node = resolveReference(node, preferOutput: true)
            self.sort.append(sort)
        }
        distinct = select.distinctClause
        if !(select.distinctClause.count == 1 && select.distinctClause[0] == .absent) {
            distinctOn = select.distinctClause.map { resolveReference($0, preferOutput: true) }
        }
        limit = select.limitCount
        offset = select.limitOffset
        limitOption = select.limitOption
        windowClause = select.windowClause
        if case .aConst(let constant)? = limit, constant.isnull { limit = nil }
    }
}
