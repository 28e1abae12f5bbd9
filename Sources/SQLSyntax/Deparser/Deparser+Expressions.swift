/// Operator precedence levels of PostgreSQL 15's grammar (gram.y), lowest first.
enum Precedence {
    static let none = 0
    static let or = 1
    static let and = 2
    static let not = 3
    static let `is` = 4          // IS NULL, IS TRUE, IS DISTINCT FROM, ISNULL, NOTNULL
    static let comparison = 5    // < > = <= >= <>
    static let like = 6          // BETWEEN IN LIKE ILIKE SIMILAR
    static let escape = 7
    static let op = 8            // any other operator, OPERATOR(...)
    static let additive = 9      // + -
    static let multiplicative = 10  // * / %
    static let exponent = 11     // ^
    static let at = 12           // AT TIME ZONE
    static let collate = 13
    static let unary = 14        // prefix - and +
    static let subscripted = 15
    static let typecast = 17
    static let atom = 100
}

extension SQLPrinter {
    /// Prints `node`, in parentheses when it binds less tightly than `minimum`.
    mutating func expr(_ node: Node, _ minimum: Int = Precedence.none) throws(DeparseError) {
        let own = precedence(of: node)
        if own < minimum {
            out += "("
            try exprBody(node)
            out += ")"
        } else {
            try exprBody(node)
        }
    }

    func precedence(of node: Node) -> Int {
        switch node {
        case .aExpr(let e):
            switch e.kind {
            case .aexprOp:
                guard let name = Self.singleName(e.name) else { return Precedence.op }
                if e.lexpr == nil {
                    return name == "-" || name == "+" ? Precedence.unary : Precedence.op
                }
                return Self.binaryPrecedence(name)
            case .aexprOpAny, .aexprOpAll: return Precedence.op
            case .aexprDistinct, .aexprNotDistinct: return Precedence.is
            case .aexprNullif: return Precedence.atom
            case .aexprIn, .aexprLike, .aexprIlike, .aexprSimilar, .aexprBetween, .aexprNotBetween,
                 .aexprBetweenSym, .aexprNotBetweenSym:
                return Precedence.like
            default: return Precedence.op
            }
        case .boolExpr(let b):
            switch b.boolop {
            case .andExpr: return Precedence.and
            case .orExpr: return Precedence.or
            default:
                if case .subLink(let s)? = b.args.first, s.subLinkType == .anySublink, s.operName.isEmpty { return Precedence.like }
                return Precedence.not
            }
        case .nullTest, .booleanTest: return Precedence.is
        case .xmlExpr(let x) where x.op == .isDocument: return Precedence.is
        case .typeCast: return Precedence.typecast
        case .collateClause: return Precedence.collate
        case .aIndirection: return Precedence.subscripted
        case .aConst(let c):
            switch c.val {
            case .ival(let i)? where i.ival < 0: return Precedence.unary
            case .fval(let f)? where f.fval.hasPrefix("-"): return Precedence.unary
            default: return Precedence.atom
            }
        case .subLink(let s):
            switch s.subLinkType {
            case .anySublink:
                return s.operName.isEmpty ? Precedence.like : Precedence.op
            case .allSublink: return Precedence.op
            default: return Precedence.atom
            }
        case .funcCall(let f) where f.funcformat == .coerceSqlSyntax:
            if Self.isName(f.funcname, "pg_catalog", "timezone"), f.args.count == 2 { return Precedence.at }
            if Self.isName(f.funcname, "pg_catalog", "overlaps") { return Precedence.op }
            if Self.isName(f.funcname, "pg_catalog", "is_normalized") { return Precedence.is }
            return Precedence.atom
        case .namedArgExpr: return Precedence.none
        default: return Precedence.atom
        }
    }

    static func binaryPrecedence(_ op: String) -> Int {
        switch op {
        case "+", "-": return Precedence.additive
        case "*", "/", "%": return Precedence.multiplicative
        case "^": return Precedence.exponent
        case "<", ">", "=", "<=", ">=", "<>": return Precedence.comparison
        default: return Precedence.op
        }
    }

    // MARK: the expression forms

    private mutating func exprBody(_ node: Node) throws(DeparseError) {
        try enter(node)
        defer { depth -= 1 }
        switch node {
        case .columnRef(let c): try columnRef(c)
        case .paramRef(let p):
            out += "$"
            out.append(p.number)
        case .aConst(let c): try aConst(c)
        case .aExpr(let e): try aExpr(e, node)
        case .boolExpr(let b): try boolExpr(b)
        case .typeCast(let t):
            if let arg = t.arg { try expr(arg, Precedence.typecast) }
            out += "::"
            guard let tn = t.typeName else { throw unsupported(node, "cast without a type") }
            try typeName(tn)
        case .funcCall(let f): try funcCall(f, node)
        case .nullTest(let n):
            guard let arg = n.arg else { throw unsupported(node, "IS NULL without an argument") }
            try expr(arg, Precedence.is + 1)
            out += n.nulltesttype == .isNotNull ? " IS NOT NULL" : " IS NULL"
        case .booleanTest(let b):
            guard let arg = b.arg else { throw unsupported(node, "boolean test without an argument") }
            try expr(arg, Precedence.is + 1)
            switch b.booltesttype {
            case .isTrue: out += " IS TRUE"
            case .isNotTrue: out += " IS NOT TRUE"
            case .isFalse: out += " IS FALSE"
            case .isNotFalse: out += " IS NOT FALSE"
            case .isUnknown: out += " IS UNKNOWN"
            case .isNotUnknown: out += " IS NOT UNKNOWN"
            default: throw unsupported(node, "unknown boolean test")
            }
        case .caseExpr(let c):
            out += "CASE"
            if let arg = c.arg {
                out += " "
                try expr(arg)
            }
            for w in c.args {
                guard case .caseWhen(let when) = w, let cond = when.expr, let result = when.result else {
                    throw unsupported(w, "malformed CASE branch")
                }
                out += " WHEN "
                try expr(cond)
                out += " THEN "
                try expr(result)
            }
            if let d = c.defresult {
                out += " ELSE "
                try expr(d)
            }
            out += " END"
        case .coalesceExpr(let c):
            out += "COALESCE("
            try exprList(c.args)
            out += ")"
        case .minMaxExpr(let m):
            out += m.op == .isGreatest ? "GREATEST(" : "LEAST("
            try exprList(m.args)
            out += ")"
        case .rowExpr(let r):
            if r.rowFormat == .coerceImplicitCast && r.args.count >= 2 {
                out += "("
            } else {
                out += "ROW("
            }
            try exprList(r.args)
            out += ")"
        case .aArrayExpr(let a):
            out += "ARRAY"
            try arrayElements(a)
        case .subLink(let s): try subLink(s, node)
        case .aIndirection(let i): try indirection(i, node)
        case .collateClause(let c):
            guard let arg = c.arg else { throw unsupported(node, "COLLATE without an argument") }
            try expr(arg, Precedence.collate)
            out += " COLLATE "
            try qualifiedName(c.collname)
        case .sqlvalueFunction(let f): try sqlValueFunction(f)
        case .setToDefault: out += "DEFAULT"
        case .currentOfExpr(let c):
            out += "CURRENT OF "
            ident(c.cursorName)
        case .groupingFunc(let g):
            out += "GROUPING("
            try exprList(g.args)
            out += ")"
        case .namedArgExpr(let n):
            ident(n.name)
            out += " => "
            guard let arg = n.arg else { throw unsupported(node, "named argument without a value") }
            try expr(arg)
        case .aStar: out += "*"
        case .xmlExpr(let x): try xmlExpr(x, node)
        case .xmlSerialize(let x): try xmlSerialize(x)
        case .multiAssignRef:
            throw unsupported(node, "multiple-column assignment outside UPDATE SET")
        default:
            throw unsupported(node, "\(node.typeName) is not an expression this deparser prints")
        }
    }

    private mutating func arrayElements(_ a: A_ArrayExpr) throws(DeparseError) {
        out += "["
        for (i, e) in a.elements.enumerated() {
            if i > 0 { out += ", " }
            if case .aArrayExpr(let inner) = e {
                try arrayElements(inner)
            } else {
                try expr(e)
            }
        }
        out += "]"
    }

    mutating func columnRef(_ c: ColumnRef) throws(DeparseError) {
        for (i, f) in c.fields.enumerated() {
            if i > 0 { out += "." }
            switch f {
            case .string(let s): ident(s.sval)
            case .aStar: out += "*"
            default: throw unsupported(f, "column reference part")
            }
        }
    }

    mutating func aConst(_ c: A_Const) throws(DeparseError) {
        if c.isnull {
            out += "NULL"
            return
        }
        switch c.val {
        case .ival(let i)?: out.append(i.ival)
        case .fval(let f)?: out.append(f.fval)
        case .boolval(let b)?: out += b.boolval ? "true" : "false"
        case .sval(let s)?: stringLiteral(s.sval)
        case .bsval(let b)?:
            // libpg_query keeps the radix letter: "b101" or "x1F".
            guard let kind = b.bsval.first, kind == "b" || kind == "x" else {
                throw unsupported("A_Const", "bit string constant \(b.bsval)")
            }
            out += kind == "b" ? "B'" : "X'"
            out.append(b.bsval.dropFirst())
            out += "'"
        case nil:
            throw unsupported("A_Const", "constant without a value", location: c.location)
        }
    }

    /// The operator of an A_Expr or sublink: `+`, or `OPERATOR(schema.+)` when qualified.
    mutating func operatorName(_ name: [Node], node: Node) throws(DeparseError) {
        if let single = Self.singleName(name) {
            out.append(single)
            return
        }
        guard let parts = Self.strings(name), !parts.isEmpty else { throw unsupported(node, "operator name") }
        qualifiedOperator(parts)
    }

    /// `OPERATOR(schema.op)`: the schema parts quoted as identifiers, the symbol as it is.
    mutating func qualifiedOperator(_ parts: [String]) {
        out += "OPERATOR("
        for part in parts.dropLast() {
            ident(part)
            out += "."
        }
        out.append(parts[parts.count - 1])
        out += ")"
    }

    /// `node` is `.aExpr(e)`, passed along rather than rebuilt (which would allocate a box).
    private mutating func aExpr(_ e: A_Expr, _ node: Node) throws(DeparseError) {
        let op = Self.singleName(e.name) ?? ""
        switch e.kind {
        case .aexprOp:
            let prec = precedence(of: node)
            guard let r = e.rexpr else { throw unsupported(node, "operator without a right operand") }
            if let l = e.lexpr {
                // Comparisons are non-associative; the others associate to the left.
                let leftMin = prec == Precedence.comparison ? prec + 1 : prec
                try expr(l, leftMin)
                out += " "
                try operatorName(e.name, node: node)
                out += " "
                try expr(r, prec + 1)
            } else {
                try operatorName(e.name, node: node)
                if op == "-" || op == "+" {
                    // The operand never starts with a sign here, so no `--` comment can form.
                    try expr(r, Precedence.unary + 1)
                } else {
                    out += " "
                    try expr(r, Precedence.op + 1)
                }
            }
        case .aexprOpAny, .aexprOpAll:
            guard let l = e.lexpr, let r = e.rexpr else { throw unsupported(node, "ANY/ALL without operands") }
            try expr(l, Precedence.op + 1)
            out += " "
            try operatorName(e.name, node: node)
            out += e.kind == .aexprOpAny ? " ANY (" : " ALL ("
            try expr(r)
            out += ")"
        case .aexprDistinct, .aexprNotDistinct:
            guard let l = e.lexpr, let r = e.rexpr else { throw unsupported(node, "IS DISTINCT FROM without operands") }
            try expr(l, Precedence.comparison + 1)
            out += e.kind == .aexprDistinct ? " IS DISTINCT FROM " : " IS NOT DISTINCT FROM "
            try expr(r, Precedence.comparison + 1)
        case .aexprNullif:
            guard let l = e.lexpr, let r = e.rexpr else { throw unsupported(node, "NULLIF without operands") }
            out += "NULLIF("
            try expr(l)
            out += ", "
            try expr(r)
            out += ")"
        case .aexprIn:
            guard let l = e.lexpr, case .list(let items)? = e.rexpr else { throw unsupported(node, "IN without a list") }
            try expr(l, Precedence.like + 1)
            switch op {
            case "=": out += " IN ("
            case "<>": out += " NOT IN ("
            default: throw unsupported(node, "IN with operator \(op)")
            }
            try exprList(items.items)
            out += ")"
        case .aexprLike, .aexprIlike, .aexprSimilar:
            guard let l = e.lexpr, let r = e.rexpr else { throw unsupported(node, "LIKE without operands") }
            let keyword: StaticString
            switch (e.kind, op) {
            case (.aexprLike, "~~"): keyword = " LIKE "
            case (.aexprLike, "!~~"): keyword = " NOT LIKE "
            case (.aexprIlike, "~~*"): keyword = " ILIKE "
            case (.aexprIlike, "!~~*"): keyword = " NOT ILIKE "
            case (.aexprSimilar, "~"): keyword = " SIMILAR TO "
            case (.aexprSimilar, "!~"): keyword = " NOT SIMILAR TO "
            default: throw unsupported(node, "pattern match with operator \(op)")
            }
            try expr(l, Precedence.like + 1)
            out += keyword
            // The grammar wraps the pattern in like_escape()/similar_to_escape(); print the SQL form.
            let escapeFunction = e.kind == .aexprSimilar ? "similar_to_escape" : "like_escape"
            if case .funcCall(let f) = r, Self.isName(f.funcname, "pg_catalog", escapeFunction),
               f.funcformat == .coerceExplicitCall, f.over == nil, !f.aggStar, !f.aggDistinct, f.aggOrder.isEmpty,
               f.aggFilter == nil, !f.funcVariadic, (1...2).contains(f.args.count) {
                try expr(f.args[0], Precedence.like + 1)
                if f.args.count == 2 {
                    out += " ESCAPE "
                    try expr(f.args[1], Precedence.escape + 1)
                }
            } else if e.kind == .aexprSimilar {
                // Without the wrapper there is no SQL spelling that parses back to this tree.
                throw unsupported(node, "SIMILAR TO without similar_to_escape()")
            } else {
                try expr(r, Precedence.like + 1)
            }
        case .aexprBetween, .aexprNotBetween, .aexprBetweenSym, .aexprNotBetweenSym:
            guard let l = e.lexpr, case .list(let bounds)? = e.rexpr, bounds.items.count == 2 else {
                throw unsupported(node, "BETWEEN without two bounds")
            }
            try expr(l, Precedence.like + 1)
            switch e.kind {
            case .aexprBetween: out += " BETWEEN "
            case .aexprNotBetween: out += " NOT BETWEEN "
            case .aexprBetweenSym: out += " BETWEEN SYMMETRIC "
            default: out += " NOT BETWEEN SYMMETRIC "
            }
            try expr(bounds.items[0], Precedence.op)
            out += " AND "
            try expr(bounds.items[1], Precedence.op)
        default:
            throw unsupported(node, "operator expression kind \(e.kind)")
        }
    }

    private mutating func boolExpr(_ b: BoolExpr) throws(DeparseError) {
        switch b.boolop {
        case .andExpr, .orExpr:
            let prec = b.boolop == .andExpr ? Precedence.and : Precedence.or
            for (i, arg) in b.args.enumerated() {
                if i > 0 { out += b.boolop == .andExpr ? " AND " : " OR " }
                try expr(arg, prec + 1)
            }
        case .notExpr:
            guard b.args.count == 1 else { throw unsupported(.boolExpr(b), "NOT with \(b.args.count) arguments") }
            // `x NOT IN (subquery)` is how the grammar builds NOT around an IN sublink.
            if case .subLink(let s) = b.args[0], s.subLinkType == .anySublink, s.operName.isEmpty,
               let test = s.testexpr, let sub = s.subselect {
                try expr(test, Precedence.like + 1)
                out += " NOT IN ("
                try statement(sub)
                out += ")"
                return
            }
            out += "NOT "
            try expr(b.args[0], Precedence.not)
        default:
            throw unsupported(.boolExpr(b), "boolean operator")
        }
    }

    private mutating func subLink(_ s: SubLink, _ node: Node) throws(DeparseError) {
        guard let sub = s.subselect else { throw unsupported(node, "sublink without a subquery") }
        switch s.subLinkType {
        case .existsSublink:
            out += "EXISTS ("
            try statement(sub)
            out += ")"
        case .exprSublink:
            out += "("
            try statement(sub)
            out += ")"
        case .arraySublink:
            out += "ARRAY("
            try statement(sub)
            out += ")"
        case .anySublink, .allSublink:
            guard let test = s.testexpr else { throw unsupported(node, "ANY/ALL sublink without a left operand") }
            if s.subLinkType == .anySublink && s.operName.isEmpty {
                try expr(test, Precedence.like + 1)
                out += " IN ("
            } else {
                try expr(test, Precedence.op + 1)
                out += " "
                try operatorName(s.operName, node: node)
                out += s.subLinkType == .anySublink ? " ANY (" : " ALL ("
            }
            try statement(sub)
            out += ")"
        default:
            throw unsupported(node, "sublink type \(s.subLinkType)")
        }
    }

    private mutating func indirection(_ i: A_Indirection, _ node: Node) throws(DeparseError) {
        guard let arg = i.arg, let first = i.indirection.first else { throw unsupported(node, "empty indirection") }
        // `a.b` would re-parse as a two-part column reference, `f(x)[1]` not at all: parenthesize
        // everything but a column reference followed by a subscript, and parameters.
        var bare = false
        switch arg {
        case .paramRef: bare = true
        case .columnRef:
            if case .aIndices = first { bare = true }
        default: break
        }
        if bare {
            try expr(arg)
        } else {
            out += "("
            try expr(arg)
            out += ")"
        }
        try indirectionList(i.indirection)
    }

    /// Subscripts and field selections: `[1]`, `[1:2]`, `.field`, `.*`.
    mutating func indirectionList(_ items: [Node]) throws(DeparseError) {
        for item in items {
            switch item {
            case .aIndices(let x):
                out += "["
                if let l = x.lidx { try expr(l) }
                if x.isSlice { out += ":" }
                if let u = x.uidx { try expr(u) }
                out += "]"
            case .string(let s):
                out += "."
                ident(s.sval)
            case .aStar:
                out += ".*"
            default:
                throw unsupported(item, "indirection element")
            }
        }
    }

    private mutating func sqlValueFunction(_ f: SQLValueFunction) throws(DeparseError) {
        switch f.op {
        case .svfopCurrentDate: out += "CURRENT_DATE"
        case .svfopCurrentTime: out += "CURRENT_TIME"
        case .svfopCurrentTimeN: out.append("CURRENT_TIME(\(f.typmod))")
        case .svfopCurrentTimestamp: out += "CURRENT_TIMESTAMP"
        case .svfopCurrentTimestampN: out.append("CURRENT_TIMESTAMP(\(f.typmod))")
        case .svfopLocaltime: out += "LOCALTIME"
        case .svfopLocaltimeN: out.append("LOCALTIME(\(f.typmod))")
        case .svfopLocaltimestamp: out += "LOCALTIMESTAMP"
        case .svfopLocaltimestampN: out.append("LOCALTIMESTAMP(\(f.typmod))")
        case .svfopCurrentRole: out += "CURRENT_ROLE"
        case .svfopCurrentUser: out += "CURRENT_USER"
        case .svfopUser: out += "USER"
        case .svfopSessionUser: out += "SESSION_USER"
        case .svfopCurrentCatalog: out += "CURRENT_CATALOG"
        case .svfopCurrentSchema: out += "CURRENT_SCHEMA"
        default: throw unsupported(.sqlvalueFunction(f), "SQL value function \(f.op)")
        }
    }
}
