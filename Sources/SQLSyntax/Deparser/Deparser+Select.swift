extension SQLPrinter {
    mutating func selectStmt(_ s: SelectStmt) throws(DeparseError) {
        if let with = s.withClause {
            try withClause(with)
            out += " "
        }
        if s.op != .setopNone {
            try setOperation(s)
        } else if !s.valuesLists.isEmpty {
            try valuesClause(s)
        } else {
            try simpleSelect(s)
        }
        try selectTail(s)
    }

    /// `VALUES (...), (...)`
    private mutating func valuesClause(_ s: SelectStmt) throws(DeparseError) {
        guard s.targetList.isEmpty, s.fromClause.isEmpty, s.whereClause == nil, s.groupClause.isEmpty,
              s.havingClause == nil, s.windowClause.isEmpty, s.distinctClause.isEmpty, s.intoClause == nil
        else { throw unsupported(.selectStmt(s), "VALUES combined with SELECT clauses") }
        out += "VALUES "
        for (i, row) in s.valuesLists.enumerated() {
            if i > 0 { out += ", " }
            guard case .list(let items) = row else { throw unsupported(row, "VALUES row") }
            out += "("
            try exprList(items.items)
            out += ")"
        }
    }

    private mutating func setOperation(_ s: SelectStmt) throws(DeparseError) {
        guard let l = s.larg, let r = s.rarg else { throw unsupported(.selectStmt(s), "set operation without operands") }
        let prec = Self.setPrecedence(s.op)
        // INTERSECT binds tighter than UNION and EXCEPT; all associate to the left.
        try setOperand(l, parentPrecedence: prec, isRight: false)
        switch s.op {
        case .setopUnion: out += " UNION "
        case .setopIntersect: out += " INTERSECT "
        case .setopExcept: out += " EXCEPT "
        default: throw unsupported(.selectStmt(s), "set operation \(s.op)")
        }
        if s.all { out += "ALL " }
        try setOperand(r, parentPrecedence: prec, isRight: true)
    }

    private static func setPrecedence(_ op: SetOperation) -> Int { op == .setopIntersect ? 2 : 1 }

    private mutating func setOperand(_ s: SelectStmt, parentPrecedence: Int, isRight: Bool) throws(DeparseError) {
        var parens = s.withClause != nil || !s.sortClause.isEmpty || s.limitCount != nil || s.limitOffset != nil
            || !s.lockingClause.isEmpty || s.intoClause != nil
        if s.op != .setopNone {
            let own = Self.setPrecedence(s.op)
            if own < parentPrecedence || (isRight && own <= parentPrecedence) { parens = true }
        }
        if parens { out += "(" }
        try selectStmt(s)
        if parens { out += ")" }
    }

    private mutating func simpleSelect(_ s: SelectStmt) throws(DeparseError) {
        out += "SELECT"
        if !s.distinctClause.isEmpty {
            if s.distinctClause == [.absent] {
                out += " DISTINCT"
            } else {
                out += " DISTINCT ON ("
                try exprList(s.distinctClause)
                out += ")"
            }
        }
        if !s.targetList.isEmpty {
            out += " "
            try targetList(s.targetList)
        }
        if let into = s.intoClause {
            out += " INTO "
            try intoTarget(into)
        }
        if !s.fromClause.isEmpty {
            out += " FROM "
            try fromList(s.fromClause)
        }
        if let w = s.whereClause {
            out += " WHERE "
            try expr(w)
        }
        if !s.groupClause.isEmpty {
            out += s.groupDistinct ? " GROUP BY DISTINCT " : " GROUP BY "
            for (i, g) in s.groupClause.enumerated() {
                if i > 0 { out += ", " }
                try groupingItem(g)
            }
        }
        if let h = s.havingClause {
            out += " HAVING "
            try expr(h)
        }
        if !s.windowClause.isEmpty {
            out += " WINDOW "
            for (i, w) in s.windowClause.enumerated() {
                if i > 0 { out += ", " }
                guard case .windowDef(let def) = w, !def.name.isEmpty else { throw unsupported(w, "WINDOW clause entry") }
                ident(def.name)
                out += " AS "
                try windowSpecification(def)
            }
        }
    }

    private mutating func intoTarget(_ into: IntoClause) throws(DeparseError) {
        guard let rel = into.rel else { throw unsupported("IntoClause", "INTO without a table") }
        guard into.colNames.isEmpty, into.options.isEmpty, into.accessMethod.isEmpty, into.tableSpaceName.isEmpty,
              into.onCommit == .oncommitNoop || into.onCommit == .onCommitActionUndefined, !into.skipData
        else { throw unsupported("IntoClause", "SELECT INTO options") }
        switch rel.relpersistence {
        case "t": out += "TEMPORARY "
        case "u": out += "UNLOGGED "
        default: break
        }
        try rangeVar(rel, alias: false)
    }

    /// ORDER BY, LIMIT/OFFSET/FETCH and locking, shared by every SELECT form.
    private mutating func selectTail(_ s: SelectStmt) throws(DeparseError) {
        if !s.sortClause.isEmpty {
            out += " ORDER BY "
            try sortList(s.sortClause)
        }
        switch s.limitOption {
        case .limitOptionWithTies:
            if let off = s.limitOffset {
                out += " OFFSET "
                try expr(off, Precedence.atom)
                out += " ROWS"
            }
            guard let count = s.limitCount else { throw unsupported(.selectStmt(s), "WITH TIES without a count") }
            out += " FETCH FIRST "
            try expr(count, Precedence.atom)
            out += " ROWS WITH TIES"
        default:
            if let count = s.limitCount {
                out += " LIMIT "
                if case .aConst(let c) = count, c.isnull {
                    out += "ALL"
                } else {
                    try expr(count)
                }
            }
            if let off = s.limitOffset {
                out += " OFFSET "
                try expr(off)
            }
        }
        for l in s.lockingClause {
            guard case .lockingClause(let lock) = l else { throw unsupported(l, "locking clause") }
            switch lock.strength {
            case .lcsForupdate: out += " FOR UPDATE"
            case .lcsFornokeyupdate: out += " FOR NO KEY UPDATE"
            case .lcsForshare: out += " FOR SHARE"
            case .lcsForkeyshare: out += " FOR KEY SHARE"
            default: throw unsupported(l, "lock strength \(lock.strength)")
            }
            if !lock.lockedRels.isEmpty {
                out += " OF "
                for (i, r) in lock.lockedRels.enumerated() {
                    if i > 0 { out += ", " }
                    guard case .rangeVar(let rv) = r else { throw unsupported(r, "locked relation") }
                    try rangeVar(rv, alias: false)
                }
            }
            switch lock.waitPolicy {
            case .lockWaitSkip: out += " SKIP LOCKED"
            case .lockWaitError: out += " NOWAIT"
            default: break
            }
        }
    }

    mutating func targetList(_ targets: [Node]) throws(DeparseError) {
        for (i, t) in targets.enumerated() {
            if i > 0 { out += ", " }
            guard case .resTarget(let r) = t, let v = r.val else { throw unsupported(t, "select-list entry") }
            try expr(v)
            if !r.name.isEmpty {
                out += " AS "
                ident(r.name)
            }
        }
    }

    private mutating func groupingItem(_ g: Node) throws(DeparseError) {
        guard case .groupingSet(let gs) = g else {
            try expr(g)
            return
        }
        switch gs.kind {
        case .groupingSetEmpty: out += "()"
        case .groupingSetSimple:
            out += "("
            try exprList(gs.content)
            out += ")"
        case .groupingSetRollup, .groupingSetCube:
            out += gs.kind == .groupingSetRollup ? "ROLLUP (" : "CUBE ("
            try exprList(gs.content)
            out += ")"
        case .groupingSetSets:
            out += "GROUPING SETS ("
            for (i, c) in gs.content.enumerated() {
                if i > 0 { out += ", " }
                try groupingItem(c)
            }
            out += ")"
        default:
            throw unsupported(g, "grouping set kind \(gs.kind)")
        }
    }

    // MARK: WITH

    mutating func withClause(_ w: WithClause) throws(DeparseError) {
        out += w.recursive ? "WITH RECURSIVE " : "WITH "
        for (i, c) in w.ctes.enumerated() {
            if i > 0 { out += ", " }
            guard case .commonTableExpr(let cte) = c, let q = cte.ctequery else { throw unsupported(c, "WITH entry") }
            ident(cte.ctename)
            if !cte.aliascolnames.isEmpty {
                out += "("
                try identList(cte.aliascolnames)
                out += ")"
            }
            out += " AS "
            switch cte.ctematerialized {
            case .cteMaterializeAlways: out += "MATERIALIZED "
            case .cteMaterializeNever: out += "NOT MATERIALIZED "
            default: break
            }
            out += "("
            try statement(q)
            out += ")"
            if let search = cte.searchClause {
                out += search.searchBreadthFirst ? " SEARCH BREADTH FIRST BY " : " SEARCH DEPTH FIRST BY "
                try identList(search.searchColList)
                out += " SET "
                ident(search.searchSeqColumn)
            }
            if let cycle = cte.cycleClause {
                out += " CYCLE "
                try identList(cycle.cycleColList)
                out += " SET "
                ident(cycle.cycleMarkColumn)
                if let value = cycle.cycleMarkValue, let def = cycle.cycleMarkDefault {
                    // The default TRUE/FALSE pair is implied when absent; print it only when given differently.
                    // Both are AexprConst in the grammar: `type 'literal'` rather than a cast.
                    out += " TO "
                    try constantLiteral(value)
                    out += " DEFAULT "
                    try constantLiteral(def)
                }
                out += " USING "
                ident(cycle.cyclePathColumn)
            }
        }
    }

    /// A constant where the grammar wants AexprConst: a plain constant, or a typed string `type 'text'`.
    private mutating func constantLiteral(_ node: Node) throws(DeparseError) {
        switch node {
        case .aConst(let c):
            if precedence(of: node) < Precedence.atom { throw unsupported(node, "negative constant where only a constant fits") }
            try aConst(c)
        case .typeCast(let t):
            guard case .aConst(let c)? = t.arg, case .sval(let s)? = c.val, let tn = t.typeName, tn.arrayBounds.isEmpty,
                  !tn.setof, !tn.pctType else { throw unsupported(node, "expression where only a constant fits") }
            if Self.strings(tn.names) == ["pg_catalog", "interval"] && !tn.typmods.isEmpty {
                throw unsupported(node, "interval literal with fields where only a constant fits")
            }
            try typeName(tn)
            out += " "
            stringLiteral(s.sval)
        default:
            throw unsupported(node, "expression where only a constant fits")
        }
    }

    // MARK: FROM

    mutating func fromList(_ items: [Node]) throws(DeparseError) {
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            try fromItem(item)
        }
    }

    mutating func fromItem(_ item: Node) throws(DeparseError) {
        switch item {
        case .rangeVar(let r): try rangeVar(r, alias: true)
        case .joinExpr(let j): try joinExpr(j, item)
        case .rangeSubselect(let s):
            if s.lateral { out += "LATERAL " }
            guard let q = s.subquery else { throw unsupported(item, "subquery without a query") }
            out += "("
            try statement(q)
            out += ")"
            if let a = s.alias { try alias(a) }
        case .rangeFunction(let f): try rangeFunction(f, item)
        case .rangeTableSample(let t):
            guard let rel = t.relation else { throw unsupported(item, "TABLESAMPLE without a table") }
            try fromItem(rel)
            out += " TABLESAMPLE "
            try qualifiedName(t.method)
            out += " ("
            try exprList(t.args)
            out += ")"
            if let r = t.repeatable {
                out += " REPEATABLE ("
                try expr(r)
                out += ")"
            }
        default:
            throw unsupported(item, "\(item.typeName) in FROM")
        }
    }

    /// `[ONLY] [schema.]name [AS alias(cols)]`
    mutating func rangeVar(_ r: RangeVar, alias printAlias: Bool) throws(DeparseError) {
        if !r.inh { out += "ONLY " }
        if !r.catalogname.isEmpty {
            ident(r.catalogname)
            out += "."
        }
        if !r.schemaname.isEmpty {
            ident(r.schemaname)
            out += "."
        }
        ident(r.relname)
        if printAlias, let a = r.alias { try alias(a) }
    }

    mutating func alias(_ a: Alias) throws(DeparseError) {
        out += " AS "
        ident(a.aliasname)
        if !a.colnames.isEmpty {
            out += "("
            try identList(a.colnames)
            out += ")"
        }
    }

    /// `node` is `.joinExpr(j)`, passed along rather than rebuilt (which would allocate a box).
    private mutating func joinExpr(_ j: JoinExpr, _ node: Node) throws(DeparseError) {
        guard let l = j.larg, let r = j.rarg else { throw unsupported(node, "join without two sides") }
        if j.alias != nil { out += "(" }
        try fromItem(l)
        let hasCondition = j.quals != nil || !j.usingClause.isEmpty
        if j.isNatural { out += " NATURAL" }
        switch j.jointype {
        case .joinInner: out += (hasCondition || j.isNatural) ? " JOIN " : " CROSS JOIN "
        case .joinLeft: out += " LEFT JOIN "
        case .joinRight: out += " RIGHT JOIN "
        case .joinFull: out += " FULL JOIN "
        default: throw unsupported(node, "join type \(j.jointype)")
        }
        // A join on the right must be parenthesized, or it would take over the condition.
        if case .joinExpr(let rj) = r, rj.alias == nil {
            out += "("
            try fromItem(r)
            out += ")"
        } else {
            try fromItem(r)
        }
        if !j.usingClause.isEmpty {
            out += " USING ("
            try identList(j.usingClause)
            out += ")"
            if let ua = j.joinUsingAlias {
                out += " AS "
                ident(ua.aliasname)
            }
        } else if let q = j.quals {
            out += " ON "
            try expr(q)
        }
        if let a = j.alias {
            out += ")"
            try alias(a)
        }
    }

    private mutating func rangeFunction(_ f: RangeFunction, _ node: Node) throws(DeparseError) {
        if f.lateral { out += "LATERAL " }
        if f.isRowsfrom { out += "ROWS FROM (" }
        for (i, item) in f.functions.enumerated() {
            if i > 0 { out += ", " }
            // Each entry is a two-element list: the call and its column definitions (or NULL).
            guard case .list(let pair) = item, let call = pair.items.first else { throw unsupported(node, "function in FROM") }
            try expr(call)
            if pair.items.count > 1, case .list(let defs) = pair.items[1] {
                out += " AS ("
                try columnDefinitions(defs.items)
                out += ")"
            }
        }
        if f.isRowsfrom { out += ")" }
        if f.ordinality { out += " WITH ORDINALITY" }
        if let a = f.alias {
            try alias(a)
            if !f.coldeflist.isEmpty {
                guard a.colnames.isEmpty else { throw unsupported(node, "alias columns with a column definition list") }
                out += "("
                try columnDefinitions(f.coldeflist)
                out += ")"
            }
        } else if !f.coldeflist.isEmpty {
            out += " AS ("
            try columnDefinitions(f.coldeflist)
            out += ")"
        }
    }

    /// `name type [COLLATE c]` entries of a function's column definition list.
    private mutating func columnDefinitions(_ defs: [Node]) throws(DeparseError) {
        for (i, d) in defs.enumerated() {
            if i > 0 { out += ", " }
            guard case .columnDef(let c) = d, let t = c.typeName, c.constraints.isEmpty, c.rawDefault == nil
            else { throw unsupported(d, "column definition in FROM") }
            ident(c.colname)
            out += " "
            try typeName(t)
            if let coll = c.collClause {
                out += " COLLATE "
                try qualifiedName(coll.collname)
            }
        }
    }
}
