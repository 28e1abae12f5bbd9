import SQLSyntax

/// The pass that decides whether workers can apply the LIMIT: as `limit + offset`, only when both
/// are constants and WITH TIES is not asked for (section 5.4 of the behaviour reference).
enum LimitPushdown {
    static func pushedLimit(_ select: NormalizedSelect) -> Node? {
        guard let limit = select.limit, select.limitOption != .limitOptionWithTies else { return nil }
        guard let count = constant(limit) else { return nil }
        var offset: Int64 = 0
        if let node = select.offset {
            guard let value = constant(node) else { return nil }
            offset = value
        }
        return Build.integer(count + max(offset, 0))
    }

    private static func constant(_ node: Node) -> Int64? {
        switch node {
        case .aConst(let constant):
            if case .ival(let v)? = constant.val { return Int64(v.ival) }
            if case .fval(let v)? = constant.val { return Int64(v.fval) }
            return nil
        case .typeCast(let cast):
            return cast.arg.flatMap(constant)
        default:
            return nil
        }
    }
}
