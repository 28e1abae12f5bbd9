extension SQLPrinter {
    mutating func insertStmt(_ s: InsertStmt, _ node: Node) throws(DeparseError) {
        if let w = s.withClause {
            try withClause(w)
            out += " "
        }
        guard let rel = s.relation else { throw unsupported(node, "INSERT without a table") }
        out += "INSERT INTO "
        try rangeVar(rel, alias: true)
        if !s.cols.isEmpty {
            out += " ("
            for (i, c) in s.cols.enumerated() {
                if i > 0 { out += ", " }
                guard case .resTarget(let r) = c else { throw unsupported(c, "INSERT column") }
                ident(r.name)
                try indirectionList(r.indirection)
            }
            out += ")"
        }
        switch s.override {
        case .overridingSystemValue: out += " OVERRIDING SYSTEM VALUE"
        case .overridingUserValue: out += " OVERRIDING USER VALUE"
        default: break
        }
        if let sel = s.selectStmt {
            out += " "
            try statement(sel)
        } else {
            out += " DEFAULT VALUES"
        }
        if let oc = s.onConflictClause {
            out += " ON CONFLICT"
            if let infer = oc.infer {
                if !infer.conname.isEmpty {
                    out += " ON CONSTRAINT "
                    ident(infer.conname)
                } else {
                    out += " ("
                    for (i, e) in infer.indexElems.enumerated() {
                        if i > 0 { out += ", " }
                        guard case .indexElem(let elem) = e else { throw unsupported(e, "conflict target") }
                        try indexParameter(elem)
                    }
                    out += ")"
                    if let w = infer.whereClause {
                        out += " WHERE "
                        try expr(w)
                    }
                }
            }
            switch oc.action {
            case .onconflictNothing: out += " DO NOTHING"
            case .onconflictUpdate:
                out += " DO UPDATE SET "
                try setClauses(oc.targetList)
                if let w = oc.whereClause {
                    out += " WHERE "
                    try expr(w)
                }
            default: throw unsupported(node, "ON CONFLICT action \(oc.action)")
            }
        }
        try returning(s.returningList)
    }

    mutating func updateStmt(_ s: UpdateStmt) throws(DeparseError) {
        if let w = s.withClause {
            try withClause(w)
            out += " "
        }
        guard let rel = s.relation else { throw unsupported(.updateStmt(s), "UPDATE without a table") }
        out += "UPDATE "
        try rangeVar(rel, alias: true)
        out += " SET "
        try setClauses(s.targetList)
        if !s.fromClause.isEmpty {
            out += " FROM "
            try fromList(s.fromClause)
        }
        if let w = s.whereClause {
            out += " WHERE "
            try expr(w)
        }
        try returning(s.returningList)
    }

    mutating func deleteStmt(_ s: DeleteStmt) throws(DeparseError) {
        if let w = s.withClause {
            try withClause(w)
            out += " "
        }
        guard let rel = s.relation else { throw unsupported(.deleteStmt(s), "DELETE without a table") }
        out += "DELETE FROM "
        try rangeVar(rel, alias: true)
        if !s.usingClause.isEmpty {
            out += " USING "
            try fromList(s.usingClause)
        }
        if let w = s.whereClause {
            out += " WHERE "
            try expr(w)
        }
        try returning(s.returningList)
    }

    private mutating func returning(_ list: [Node]) throws(DeparseError) {
        guard !list.isEmpty else { return }
        out += " RETURNING "
        try targetList(list)
    }

    /// `col = value, (a, b) = (1, 2), c[1].f = DEFAULT`. A multi-column assignment arrives as one
    /// ResTarget per column, each holding a MultiAssignRef to the same source.
    private mutating func setClauses(_ targets: [Node]) throws(DeparseError) {
        var i = 0
        var first = true
        while i < targets.count {
            if !first { out += ", " }
            first = false
            guard case .resTarget(let r) = targets[i], let v = r.val else { throw unsupported(targets[i], "SET entry") }
            if case .multiAssignRef(let m) = v {
                let n = Int(m.ncolumns)
                guard m.colno == 1, n >= 1, i + n <= targets.count, let source = m.source else {
                    throw unsupported(v, "malformed multiple-column assignment")
                }
                out += "("
                for k in 0..<n {
                    guard case .resTarget(let rk) = targets[i + k], case .multiAssignRef(let mk)? = rk.val,
                          mk.colno == Int32(k + 1), mk.ncolumns == m.ncolumns else {
                        throw unsupported(v, "malformed multiple-column assignment")
                    }
                    if k > 0 { out += ", " }
                    ident(rk.name)
                    try indirectionList(rk.indirection)
                }
                out += ") = "
                // The source is a row constructor or a sub-SELECT; ROW() keeps a one-column row a row.
                if case .rowExpr(let row) = source, row.rowFormat == .coerceImplicitCast, row.args.count < 2 {
                    throw unsupported(v, "single-column implicit row")
                }
                try expr(source)
                i += n
            } else {
                ident(r.name)
                try indirectionList(r.indirection)
                out += " = "
                try expr(v)
                i += 1
            }
        }
    }
}
