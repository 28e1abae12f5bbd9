extension SQLPrinter {
    /// `node` is `.funcCall(f)`, passed along rather than rebuilt (which would allocate a box).
    mutating func funcCall(_ f: FuncCall, _ node: Node) throws(DeparseError) {
        if f.funcformat == .coerceSqlSyntax {
            try sqlSyntaxCall(f, node)
            return
        }
        guard f.funcformat == .coerceExplicitCall else { throw unsupported(node, "function call format \(f.funcformat)") }
        try qualifiedName(f.funcname)
        out += "("
        if f.aggDistinct { out += "DISTINCT " }
        if f.aggStar {
            out += "*"
        } else {
            for (i, arg) in f.args.enumerated() {
                if i > 0 { out += ", " }
                if f.funcVariadic && i == f.args.count - 1 { out += "VARIADIC " }
                try expr(arg)
            }
        }
        if !f.aggOrder.isEmpty && !f.aggWithinGroup {
            out += " ORDER BY "
            try sortList(f.aggOrder)
        }
        out += ")"
        if f.aggWithinGroup {
            out += " WITHIN GROUP (ORDER BY "
            try sortList(f.aggOrder)
            out += ")"
        }
        if let filter = f.aggFilter {
            out += " FILTER (WHERE "
            try expr(filter)
            out += ")"
        }
        if let w = f.over {
            out += " OVER "
            if !w.name.isEmpty && w.refname.isEmpty && w.partitionClause.isEmpty && w.orderClause.isEmpty
                && w.frameOptions & FrameOptions.nonDefault == 0 {
                ident(w.name)
            } else {
                try windowSpecification(w)
            }
        }
    }

    /// Functions the grammar builds from SQL-standard syntax (COERCE_SQL_SYNTAX): they must be printed in
    /// that syntax, since the call form parses to a different tree.
    private mutating func sqlSyntaxCall(_ f: FuncCall, _ node: Node) throws(DeparseError) {
        guard let name = Self.strings(f.funcname), name.count == 2, name[0] == "pg_catalog",
              f.over == nil, !f.aggStar, !f.aggDistinct, f.aggOrder.isEmpty, f.aggFilter == nil, !f.funcVariadic
        else { throw unsupported(node, "SQL-syntax function call") }
        let a = f.args
        switch (name[1], a.count) {
        case ("extract", 2):
            guard case .aConst(let c) = a[0], case .sval(let field)? = c.val else { throw unsupported(node, "EXTRACT field") }
            out += "EXTRACT("
            if Self.extractFields.contains(field.sval) { out.append(field.sval) } else { stringLiteral(field.sval) }
            out += " FROM "
            try expr(a[1])
            out += ")"
        case ("overlay", 3), ("overlay", 4):
            out += "OVERLAY("
            try expr(a[0])
            out += " PLACING "
            try expr(a[1])
            out += " FROM "
            try expr(a[2])
            if a.count == 4 {
                out += " FOR "
                try expr(a[3])
            }
            out += ")"
        case ("position", 2):
            // POSITION(b IN a) is position(a, b); the operands are b_expr, so keep them simple.
            out += "POSITION("
            try expr(a[1], Precedence.op + 1)
            out += " IN "
            try expr(a[0], Precedence.op + 1)
            out += ")"
        case ("substring", 2), ("substring", 3):
            out += "SUBSTRING("
            try expr(a[0])
            out += " FROM "
            try expr(a[1])
            if a.count == 3 {
                out += " FOR "
                try expr(a[2])
            }
            out += ")"
        case ("btrim", _), ("ltrim", _), ("rtrim", _):
            guard !a.isEmpty else { throw unsupported(node, "TRIM without arguments") }
            out += name[1] == "btrim" ? "TRIM(BOTH " : name[1] == "ltrim" ? "TRIM(LEADING " : "TRIM(TRAILING "
            if a.count == 2 {
                try expr(a[1])
                out += " FROM "
                try expr(a[0])
            } else {
                out += "FROM "
                try exprList(a)
            }
            out += ")"
        case ("timezone", 2):
            try expr(a[1], Precedence.at)
            out += " AT TIME ZONE "
            try expr(a[0], Precedence.at + 1)
        case ("overlaps", 4):
            out += "("
            try expr(a[0])
            out += ", "
            try expr(a[1])
            out += ") OVERLAPS ("
            try expr(a[2])
            out += ", "
            try expr(a[3])
            out += ")"
        case ("pg_collation_for", 1):
            out += "COLLATION FOR ("
            try expr(a[0])
            out += ")"
        case ("normalize", 1), ("normalize", 2):
            out += "NORMALIZE("
            try expr(a[0])
            if a.count == 2 {
                guard case .aConst(let c) = a[1], case .sval(let form)? = c.val,
                      ["NFC", "NFD", "NFKC", "NFKD"].contains(form.sval) else { throw unsupported(node, "NORMALIZE form") }
                out += ", "
                out.append(form.sval)
            }
            out += ")"
        case ("is_normalized", 1), ("is_normalized", 2):
            try expr(a[0], Precedence.is + 1)
            out += " IS "
            if a.count == 2 {
                guard case .aConst(let c) = a[1], case .sval(let form)? = c.val,
                      ["NFC", "NFD", "NFKC", "NFKD"].contains(form.sval) else { throw unsupported(node, "IS NORMALIZED form") }
                out.append(form.sval)
                out += " "
            }
            out += "NORMALIZED"
        case ("xmlexists", 2):
            out += "XMLEXISTS("
            try expr(a[0], Precedence.atom)
            out += " PASSING "
            try expr(a[1], Precedence.atom)
            out += ")"
        default:
            throw unsupported(node, "SQL-syntax function \(name[1]) with \(a.count) arguments")
        }
    }

    /// EXTRACT fields printed bare; anything else is printed as a string constant (same tree).
    static let extractFields: Set<String> = [
        "year", "month", "day", "hour", "minute", "second", "epoch", "century", "decade", "dow", "doy",
        "isodow", "isoyear", "julian", "microseconds", "milliseconds", "millennium", "quarter", "timezone",
        "timezone_hour", "timezone_minute", "week",
    ]

    // MARK: windows

    enum FrameOptions {
        static let nonDefault: Int32 = 0x00001
        static let range: Int32 = 0x00002
        static let rows: Int32 = 0x00004
        static let groups: Int32 = 0x00008
        static let between: Int32 = 0x00010
        static let startUnboundedPreceding: Int32 = 0x00020
        static let endUnboundedPreceding: Int32 = 0x00040
        static let startUnboundedFollowing: Int32 = 0x00080
        static let endUnboundedFollowing: Int32 = 0x00100
        static let startCurrentRow: Int32 = 0x00200
        static let endCurrentRow: Int32 = 0x00400
        static let startOffsetPreceding: Int32 = 0x00800
        static let endOffsetPreceding: Int32 = 0x01000
        static let startOffsetFollowing: Int32 = 0x02000
        static let endOffsetFollowing: Int32 = 0x04000
        static let excludeCurrentRow: Int32 = 0x08000
        static let excludeGroup: Int32 = 0x10000
        static let excludeTies: Int32 = 0x20000
        static let defaults: Int32 = range | startUnboundedPreceding | endCurrentRow
    }

    /// `( [existing] [PARTITION BY ...] [ORDER BY ...] [frame] )`
    mutating func windowSpecification(_ w: WindowDef) throws(DeparseError) {
        out += "("
        var needSpace = false
        if !w.refname.isEmpty {
            ident(w.refname)
            needSpace = true
        }
        if !w.partitionClause.isEmpty {
            if needSpace { out += " " }
            out += "PARTITION BY "
            try exprList(w.partitionClause)
            needSpace = true
        }
        if !w.orderClause.isEmpty {
            if needSpace { out += " " }
            out += "ORDER BY "
            try sortList(w.orderClause)
            needSpace = true
        }
        let o = w.frameOptions
        if o & FrameOptions.nonDefault != 0 {
            if needSpace { out += " " }
            try frame(w)
        } else if o != FrameOptions.defaults && o != 0 {
            throw unsupported("WindowDef", "frame options \(o) without the non-default flag", location: w.location)
        }
        out += ")"
    }

    private mutating func frame(_ w: WindowDef) throws(DeparseError) {
        let o = w.frameOptions
        if o & FrameOptions.range != 0 {
            out += "RANGE "
        } else if o & FrameOptions.rows != 0 {
            out += "ROWS "
        } else if o & FrameOptions.groups != 0 {
            out += "GROUPS "
        } else {
            throw unsupported("WindowDef", "frame without RANGE, ROWS or GROUPS", location: w.location)
        }
        if o & FrameOptions.between != 0 {
            out += "BETWEEN "
        }
        if o & FrameOptions.startUnboundedPreceding != 0 {
            out += "UNBOUNDED PRECEDING"
        } else if o & FrameOptions.startUnboundedFollowing != 0 {
            out += "UNBOUNDED FOLLOWING"
        } else if o & FrameOptions.startCurrentRow != 0 {
            out += "CURRENT ROW"
        } else if o & (FrameOptions.startOffsetPreceding | FrameOptions.startOffsetFollowing) != 0 {
            guard let s = w.startOffset else { throw unsupported("WindowDef", "frame start without offset", location: w.location) }
            try expr(s, Precedence.atom)
            out += o & FrameOptions.startOffsetPreceding != 0 ? " PRECEDING" : " FOLLOWING"
        } else {
            throw unsupported("WindowDef", "frame without a start", location: w.location)
        }
        if o & FrameOptions.between != 0 {
            out += " AND "
            if o & FrameOptions.endUnboundedPreceding != 0 {
                out += "UNBOUNDED PRECEDING"
            } else if o & FrameOptions.endUnboundedFollowing != 0 {
                out += "UNBOUNDED FOLLOWING"
            } else if o & FrameOptions.endCurrentRow != 0 {
                out += "CURRENT ROW"
            } else if o & (FrameOptions.endOffsetPreceding | FrameOptions.endOffsetFollowing) != 0 {
                guard let e = w.endOffset else { throw unsupported("WindowDef", "frame end without offset", location: w.location) }
                try expr(e, Precedence.atom)
                out += o & FrameOptions.endOffsetPreceding != 0 ? " PRECEDING" : " FOLLOWING"
            } else {
                throw unsupported("WindowDef", "frame without an end", location: w.location)
            }
        } else if o & FrameOptions.endCurrentRow == 0 {
            // Without BETWEEN the grammar always adds END_CURRENT_ROW; anything else cannot be spelled.
            throw unsupported("WindowDef", "frame end without BETWEEN", location: w.location)
        }
        if o & FrameOptions.excludeCurrentRow != 0 {
            out += " EXCLUDE CURRENT ROW"
        } else if o & FrameOptions.excludeGroup != 0 {
            out += " EXCLUDE GROUP"
        } else if o & FrameOptions.excludeTies != 0 {
            out += " EXCLUDE TIES"
        }
    }

    // MARK: sorting

    mutating func sortList(_ items: [Node]) throws(DeparseError) {
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            guard case .sortBy(let s) = item else { throw unsupported(item, "sort item") }
            try sortBy(s)
        }
    }

    mutating func sortBy(_ s: SortBy) throws(DeparseError) {
        guard let n = s.node else { throw unsupported("SortBy", "sort without an expression", location: s.location) }
        try expr(n)
        switch s.sortbyDir {
        case .sortbyAsc: out += " ASC"
        case .sortbyDesc: out += " DESC"
        case .sortbyUsing:
            out += " USING "
            try operatorName(s.useOp, node: .sortBy(s))
        default: break
        }
        switch s.sortbyNulls {
        case .sortbyNullsFirst: out += " NULLS FIRST"
        case .sortbyNullsLast: out += " NULLS LAST"
        default: break
        }
    }

    // MARK: XML

    mutating func xmlExpr(_ x: XmlExpr, _ node: Node) throws(DeparseError) {
        switch x.op {
        case .isXmlconcat:
            out += "XMLCONCAT("
            try exprList(x.args)
            out += ")"
        case .isXmlelement:
            out += "XMLELEMENT(NAME "
            ident(x.name)
            if !x.namedArgs.isEmpty {
                out += ", XMLATTRIBUTES("
                try xmlAttributes(x.namedArgs)
                out += ")"
            }
            for arg in x.args {
                out += ", "
                try expr(arg)
            }
            out += ")"
        case .isXmlforest:
            out += "XMLFOREST("
            try xmlAttributes(x.namedArgs)
            out += ")"
        case .isXmlparse:
            guard x.args.count >= 1 else { throw unsupported(node, "XMLPARSE without argument") }
            out += x.xmloption == .xmloptionDocument ? "XMLPARSE(DOCUMENT " : "XMLPARSE(CONTENT "
            try expr(x.args[0])
            // The grammar always adds the whitespace option as a boolean constant (false: STRIP, the default).
            guard x.args.count == 2, case .aConst(let c) = x.args[1], case .boolval(let preserve)? = c.val else {
                throw unsupported(node, "XMLPARSE options")
            }
            if preserve.boolval { out += " PRESERVE WHITESPACE" }
            out += ")"
        case .isXmlpi:
            out += "XMLPI(NAME "
            ident(x.name)
            if let arg = x.args.first {
                out += ", "
                try expr(arg)
            }
            out += ")"
        case .isXmlroot:
            guard x.args.count == 3 else { throw unsupported(node, "XMLROOT arguments") }
            out += "XMLROOT("
            try expr(x.args[0])
            out += ", VERSION "
            if case .aConst(let c) = x.args[1], c.isnull {
                out += "NO VALUE"
            } else {
                try expr(x.args[1])
            }
            // The standalone option is an integer constant: XML_STANDALONE_YES 0, NO 1, NO_VALUE 2, OMITTED 3.
            guard case .aConst(let s) = x.args[2], case .ival(let v)? = s.val else { throw unsupported(node, "XMLROOT standalone") }
            switch v.ival {
            case 0: out += ", STANDALONE YES"
            case 1: out += ", STANDALONE NO"
            case 2: out += ", STANDALONE NO VALUE"
            case 3: break
            default: throw unsupported(node, "XMLROOT standalone value")
            }
            out += ")"
        case .isDocument:
            guard let arg = x.args.first else { throw unsupported(node, "IS DOCUMENT without argument") }
            try expr(arg, Precedence.is + 1)
            out += " IS DOCUMENT"
        default:
            throw unsupported(node, "XML expression \(x.op)")
        }
    }

    private mutating func xmlAttributes(_ args: [Node]) throws(DeparseError) {
        for (i, a) in args.enumerated() {
            if i > 0 { out += ", " }
            guard case .resTarget(let r) = a, let v = r.val else { throw unsupported(a, "XML attribute") }
            try expr(v)
            if !r.name.isEmpty {
                out += " AS "
                ident(r.name)
            }
        }
    }

    mutating func xmlSerialize(_ x: XmlSerialize) throws(DeparseError) {
        guard let e = x.expr, let t = x.typeName else { throw unsupported(.xmlSerialize(x), "XMLSERIALIZE") }
        out += x.xmloption == .xmloptionDocument ? "XMLSERIALIZE(DOCUMENT " : "XMLSERIALIZE(CONTENT "
        try expr(e)
        out += " AS "
        try typeName(t)
        out += ")"
    }
}
