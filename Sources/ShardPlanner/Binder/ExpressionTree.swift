import SQLSyntax
import Synchronization

/// Walking and rewriting expression trees. Only expression forms the planner understands are
/// entered; any other node met in an expression is reported, so nothing it holds (a column
/// reference, a subquery) can be overlooked.
enum ExpressionTree {
    /// Calls `visit` on `node` and, when it returns true, on every child expression, top-down.
    /// Subqueries (SubLink.subselect) are not entered: they are their own scope.
    static func visit(_ node: Node, _ visit: (Node) throws(PlannerError) -> Bool) throws(PlannerError) {
        guard try visit(node) else { return }
        try forEachChild(of: node) { (child: Node) throws(PlannerError) in try ExpressionTree.visit(child, visit) }
    }

    /// Whether `node` holds a subquery (a SubLink) anywhere.
    static func containsSubLink(_ node: Node) throws(PlannerError) -> Bool {
        var found = false
        try visit(node) { (child: Node) throws(PlannerError) -> Bool in
            if case .subLink = child { found = true }
            return !found
        }
        return found
    }

    /// Rebuilds `node` top-down: where `transform` returns a replacement it is used as is, else
    /// the node's children are rewritten.
    static func rewrite(_ node: Node, _ transform: (Node) throws(PlannerError) -> Node?) throws(PlannerError) -> Node {
        if let replaced = try transform(node) { return replaced }
        func each(_ nodes: [Node]) throws(PlannerError) -> [Node] {
            var out: [Node] = []
            out.reserveCapacity(nodes.count)
            for child in nodes { out.append(try rewrite(child, transform)) }
            return out
        }
        func one(_ child: Node?) throws(PlannerError) -> Node? {
            guard let child else { return nil }
            return try rewrite(child, transform)
        }
        switch node {
        case .columnRef, .paramRef, .aConst, .aStar, .sqlvalueFunction, .string, .integer, .float, .boolean, .bitString, .absent,
             .setToDefault:
            return node
        case .aExpr(var e):
            e.lexpr = try one(e.lexpr); e.rexpr = try one(e.rexpr); return .aExpr(e)
        case .boolExpr(var e):
            e.args = try each(e.args); return .boolExpr(e)
        case .funcCall(var f):
            f.args = try each(f.args)
            f.aggOrder = try each(f.aggOrder)
            f.aggFilter = try one(f.aggFilter)
            if var over = f.over {
                over.partitionClause = try each(over.partitionClause)
                over.orderClause = try each(over.orderClause)
                f.over = over
            }
            return .funcCall(f)
        case .typeCast(var c):
            c.arg = try one(c.arg); return .typeCast(c)
        case .collateClause(var c):
            c.arg = try one(c.arg); return .collateClause(c)
        case .namedArgExpr(var n):
            n.arg = try one(n.arg); return .namedArgExpr(n)
        case .nullTest(var t):
            t.arg = try one(t.arg); return .nullTest(t)
        case .booleanTest(var t):
            t.arg = try one(t.arg); return .booleanTest(t)
        case .caseExpr(var c):
            c.arg = try one(c.arg); c.args = try each(c.args); c.defresult = try one(c.defresult); return .caseExpr(c)
        case .caseWhen(var w):
            w.expr = try one(w.expr); w.result = try one(w.result); return .caseWhen(w)
        case .coalesceExpr(var c):
            c.args = try each(c.args); return .coalesceExpr(c)
        case .minMaxExpr(var m):
            m.args = try each(m.args); return .minMaxExpr(m)
        case .aArrayExpr(var a):
            a.elements = try each(a.elements); return .aArrayExpr(a)
        case .rowExpr(var r):
            r.args = try each(r.args); return .rowExpr(r)
        case .aIndirection(var i):
            i.arg = try one(i.arg); i.indirection = try each(i.indirection); return .aIndirection(i)
        case .aIndices(var i):
            i.lidx = try one(i.lidx); i.uidx = try one(i.uidx); return .aIndices(i)
        case .sortBy(var s):
            s.node = try one(s.node); return .sortBy(s)
        case .subLink(var s):
            s.testexpr = try one(s.testexpr); return .subLink(s)
        case .list(var l):
            l.items = try each(l.items); return .list(l)
        case .groupingSet(var g):
            g.content = try each(g.content); return .groupingSet(g)
        case .groupingFunc(var g):
            g.args = try each(g.args); return .groupingFunc(g)
        case .resTarget(var r):
            r.val = try one(r.val); return .resTarget(r)
        default:
            throw PlannerError.notYet("the expression form \(node.typeName)")
        }
    }

    /// Calls `body` on each child expression of a node, in order. Walks fields in place rather
    /// than collecting them into an array: every binder check and rewrite search goes through here.
    static func forEachChild(of node: Node, _ body: (Node) throws(PlannerError) -> Void) throws(PlannerError) {
        func each(_ nodes: [Node]) throws(PlannerError) { for child in nodes { try body(child) } }
        func one(_ child: Node?) throws(PlannerError) { if let child { try body(child) } }
        switch node {
        case .columnRef, .paramRef, .aConst, .aStar, .sqlvalueFunction, .string, .integer, .float, .boolean, .bitString, .absent,
             .setToDefault:
            return
        case .aExpr(let e): try one(e.lexpr); try one(e.rexpr)
        case .boolExpr(let e): try each(e.args)
        case .funcCall(let f):
            try each(f.args); try each(f.aggOrder); try one(f.aggFilter)
            if let over = f.over { try each(over.partitionClause); try each(over.orderClause) }
        case .typeCast(let c): try one(c.arg)
        case .collateClause(let c): try one(c.arg)
        case .namedArgExpr(let n): try one(n.arg)
        case .nullTest(let t): try one(t.arg)
        case .booleanTest(let t): try one(t.arg)
        case .caseExpr(let c): try one(c.arg); try each(c.args); try one(c.defresult)
        case .caseWhen(let w): try one(w.expr); try one(w.result)
        case .coalesceExpr(let c): try each(c.args)
        case .minMaxExpr(let m): try each(m.args)
        case .aArrayExpr(let a): try each(a.elements)
        case .rowExpr(let r): try each(r.args)
        case .aIndirection(let i): try one(i.arg); try each(i.indirection)
        case .aIndices(let i): try one(i.lidx); try one(i.uidx)
        case .sortBy(let s): try one(s.node)
        case .subLink(let s): try one(s.testexpr)
        case .list(let l): try each(l.items)
        case .groupingSet(let g): try each(g.content)
        case .groupingFunc(let g): try each(g.args)
        case .resTarget(let r): try one(r.val)
        default:
            throw PlannerError.notYet("the expression form \(node.typeName)")
        }
    }
}

extension SelectStmt {
    /// An empty simple SELECT, as the grammar builds one.
    static var blank: SelectStmt {
        var select = SelectStmt()
        select.op = .setopNone
        select.limitOption = .limitOptionDefault
        return select
    }
}

/// Small constructors for the nodes the planner writes into queries.
enum Build {
    static func string(_ value: String) -> Node {
        var s = PGString()
        s.sval = value
        return .string(s)
    }

    static func column(_ parts: String...) -> Node { column(parts) }

    static func column(_ parts: [String]) -> Node {
        var ref = ColumnRef()
        ref.fields = parts.map(string)
        return .columnRef(ref)
    }

    static func function(_ name: [String], _ args: [Node], star: Bool = false, distinct: Bool = false) -> Node {
        var call = FuncCall()
        call.funcname = name.map(string)
        call.args = args
        call.aggStar = star
        call.aggDistinct = distinct
        call.funcformat = .coerceExplicitCall
        return .funcCall(call)
    }

    static func integer(_ value: Int64) -> Node {
        var constant = A_Const()
        if let small = Int32(exactly: value) {
            var integer = PGInteger()
            integer.ival = small
            constant.val = .ival(integer)
        } else {
            var float = PGFloat()
            float.fval = String(value)
            constant.val = .fval(float)
        }
        return .aConst(constant)
    }

    static func literal(_ text: String) -> Node {
        var constant = A_Const()
        var string = PGString()
        string.sval = text
        constant.val = .sval(string)
        return .aConst(constant)
    }

    static func null() -> Node {
        var constant = A_Const()
        constant.isnull = true
        return .aConst(constant)
    }

    static func bool(_ value: Bool) -> Node {
        var constant = A_Const()
        var boolean = PGBoolean()
        boolean.boolval = value
        constant.val = .boolval(boolean)
        return .aConst(constant)
    }

    static func typeName(_ name: String) -> TypeName {
        // Parsed once per distinct name through PostgreSQL's grammar, so every spelling is right.
        if let parsed = TypeNameCache.shared.typeName(name) { return parsed }
        var type = TypeName()
        type.names = [string(name)]
        return type
    }

    static func cast(_ node: Node, to type: String) -> Node {
        var cast = TypeCast()
        cast.arg = node
        cast.typeName = typeName(type)
        return .typeCast(cast)
    }

    static func op(_ name: String, _ left: Node?, _ right: Node?) -> Node {
        var expr = A_Expr()
        expr.kind = .aexprOp
        expr.name = [string(name)]
        expr.lexpr = left
        expr.rexpr = right
        return .aExpr(expr)
    }

    static func and(_ args: [Node]) -> Node {
        if args.count == 1 { return args[0] }
        var expr = BoolExpr()
        expr.boolop = .andExpr
        expr.args = args
        return .boolExpr(expr)
    }

    static func or(_ args: [Node]) -> Node {
        if args.count == 1 { return args[0] }
        var expr = BoolExpr()
        expr.boolop = .orExpr
        expr.args = args
        return .boolExpr(expr)
    }

    static func target(_ value: Node, name: String = "") -> Node {
        var target = ResTarget()
        target.val = value
        target.name = name
        return .resTarget(target)
    }

    static func rangeVar(schema: String, name: String, alias: String?) -> RangeVar {
        var range = RangeVar()
        range.schemaname = schema
        range.relname = name
        range.inh = true
        range.relpersistence = "p"
        if let alias {
            var a = Alias()
            a.aliasname = alias
            range.alias = a
        }
        return range
    }

    static func sortBy(_ node: Node, _ template: SortBy) -> Node {
        var sort = template
        if sort.sortbyDir == .sortByDirUndefined { sort.sortbyDir = .sortbyDefault }
        if sort.sortbyNulls == .sortByNullsUndefined { sort.sortbyNulls = .sortbyNullsDefault }
        sort.node = node
        sort.location = 0
        return .sortBy(sort)
    }
}

/// Type names parsed by PostgreSQL's grammar (`numeric(12,2)`, `timestamp with time zone`),
/// cached per spelling.
final class TypeNameCache: Sendable {
    static let shared = TypeNameCache()
    private let cache = Mutex<[String: TypeName]>([:])

    func typeName(_ name: String) -> TypeName? {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        guard case .selectStmt(let select)? = try? SQLParser.parseOne("SELECT NULL::\(name)", options: ParseOptions(keepLocations: false)),
              case .resTarget(let target)? = select.targetList.first, case .typeCast(let cast)? = target.val,
              let type = cast.typeName else { return nil }
        cache.withLock { $0[name] = type }
        return type
    }
}

/// An expression as SQL, for plan descriptions (steps, notes, the algebra tree); a sort key
/// with its direction.
func expressionText(_ node: Node) -> String {
    if case .sortBy(let sort) = node, let inner = sort.node {
        var out = expressionText(inner)
        if sort.sortbyDir == .sortbyDesc { out += " DESC" }
        if sort.sortbyNulls == .sortbyNullsFirst { out += " NULLS FIRST" }
        if sort.sortbyNulls == .sortbyNullsLast { out += " NULLS LAST" }
        return out
    }
    return (try? SQLDeparser.deparseExpression(node)) ?? "\(node.typeName)"
}
