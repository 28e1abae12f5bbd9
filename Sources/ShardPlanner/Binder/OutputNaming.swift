import SQLSyntax

/// The name PostgreSQL gives an output column without an alias (`FigureColname`).
enum OutputNaming {
    static func name(of node: Node) -> String {
        figure(node) ?? "?column?"
    }

    /// The name PostgreSQL figures for the expression, or nil where it would print `?column?`.
    static func figuredName(of node: Node) -> String? {
        figure(node).flatMap { $0 == "?column?" ? nil : $0 }
    }

    private static func figure(_ node: Node) -> String? {
        switch node {
        case .columnRef(let ref):
            if case .string(let s)? = ref.fields.last { return s.sval }
            return nil
        case .aIndirection(let indirection):
            for item in indirection.indirection.reversed() {
                if case .string(let s) = item { return s.sval }
            }
            return indirection.arg.flatMap(figure)
        case .funcCall(let call):
            if case .string(let s)? = call.funcname.last { return s.sval }
            return nil
        case .aExpr(let expr):
            if expr.kind == .aexprNullif { return "nullif" }
            return nil
        case .typeCast(let cast):
            if let arg = cast.arg, let name = figure(arg) { return name }
            guard let type = cast.typeName else { return nil }
            if case .string(let s)? = type.names.last { return typeDisplayName(s.sval) }
            return nil
        case .collateClause(let collate):
            return collate.arg.flatMap(figure)
        case .subLink(let link):
            switch link.subLinkType {
            case .existsSublink: return "exists"
            case .arraySublink: return "array"
            case .exprSublink:
                if case .selectStmt(let select)? = link.subselect, case .resTarget(let target)? = select.targetList.first {
                    if !target.name.isEmpty { return target.name }
                    return target.val.flatMap(figure)
                }
                return nil
            default: return nil
            }
        case .caseExpr(let c):
            if let result = c.defresult, let name = figure(result) { return name }
            return "case"
        case .aArrayExpr: return "array"
        case .rowExpr: return "row"
        case .coalesceExpr: return "coalesce"
        case .minMaxExpr(let m): return m.op == .isGreatest ? "greatest" : "least"
        case .sqlvalueFunction(let f): return sqlValueFunctionName(f.op)
        case .groupingFunc: return "grouping"
        default: return nil
        }
    }

    /// PostgreSQL names a cast column after the type's internal name (`int4`, `text`, `numeric`).
    private static func typeDisplayName(_ name: String) -> String {
        name
    }

    private static func sqlValueFunctionName(_ op: SQLValueFunctionOp) -> String {
        switch op {
        case .svfopCurrentDate: return "current_date"
        case .svfopCurrentTime, .svfopCurrentTimeN: return "current_time"
        case .svfopCurrentTimestamp, .svfopCurrentTimestampN: return "current_timestamp"
        case .svfopLocaltime, .svfopLocaltimeN: return "localtime"
        case .svfopLocaltimestamp, .svfopLocaltimestampN: return "localtimestamp"
        case .svfopCurrentRole: return "current_role"
        case .svfopCurrentUser: return "current_user"
        case .svfopUser: return "user"
        case .svfopSessionUser: return "session_user"
        case .svfopCurrentCatalog: return "current_catalog"
        case .svfopCurrentSchema: return "current_schema"
        default: return "?column?"
        }
    }
}
