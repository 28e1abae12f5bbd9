// CREATE INDEX and the index elements it shares with EXCLUDE constraints.

extension SQLPrinter {
    /// `CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table USING method (...)
    /// [INCLUDE (...)] [NULLS NOT DISTINCT] [WITH (...)] [TABLESPACE t] [WHERE predicate]`
    mutating func indexStmt(_ s: IndexStmt) throws(DeparseError) {
        guard let relation = s.relation, !s.indexParams.isEmpty else {
            throw unsupported("IndexStmt", "CREATE INDEX without a table or columns")
        }
        guard !s.ifNotExists || !s.idxname.isEmpty else { throw unsupported("IndexStmt", "IF NOT EXISTS without an index name") }
        var rest = s
        rest.idxname = ""
        rest.relation = nil
        rest.accessMethod = ""
        rest.tableSpace = ""
        rest.indexParams = []
        rest.indexIncludingParams = []
        rest.options = []
        rest.whereClause = nil
        rest.unique = false
        rest.nullsNotDistinct = false
        rest.concurrent = false
        rest.ifNotExists = false
        try requirePrinted(rest, IndexStmt(), "IndexStmt", "CREATE INDEX")

        out += s.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX "
        if s.concurrent { out += "CONCURRENTLY " }
        if s.ifNotExists { out += "IF NOT EXISTS " }
        if !s.idxname.isEmpty {
            ident(s.idxname)
            out += " "
        }
        out += "ON "
        try relationName(relation, allowOnly: true)
        // The grammar fills in btree when USING is left out.
        if !s.accessMethod.isEmpty {
            out += " USING "
            ident(s.accessMethod)
        }
        out += " ("
        try indexParameters(s.indexParams)
        out += ")"
        if !s.indexIncludingParams.isEmpty {
            out += " INCLUDE ("
            try indexParameters(s.indexIncludingParams)
            out += ")"
        }
        if s.nullsNotDistinct { out += " NULLS NOT DISTINCT" }
        if !s.options.isEmpty {
            out += " WITH "
            try optionList(s.options, namespaces: true)
        }
        if !s.tableSpace.isEmpty {
            out += " TABLESPACE "
            ident(s.tableSpace)
        }
        if let predicate = s.whereClause {
            out += " WHERE "
            try expr(predicate)
        }
    }

    private mutating func indexParameters(_ nodes: [Node]) throws(DeparseError) {
        for (i, n) in nodes.enumerated() {
            if i > 0 { out += ", " }
            guard case .indexElem(let e) = n else { throw unsupported(n, "\(n.typeName) as an index column") }
            try indexParameter(e)
        }
    }

    /// `column | (expression) [COLLATE c]`: the start of an index element and of a partition key.
    mutating func keyColumn(name: String, expression: Node?, collation: [Node], nodeType: String) throws(DeparseError) {
        if let x = expression {
            guard name.isEmpty else { throw unsupported(nodeType, "key with both a column and an expression") }
            // A bare column name would read back as a column, so expressions always get parentheses.
            out += "("
            try expr(x)
            out += ")"
        } else {
            guard !name.isEmpty else { throw unsupported(nodeType, "empty key") }
            ident(name)
        }
        if !collation.isEmpty {
            out += " COLLATE "
            try qualifiedName(collation)
        }
    }

    /// `column | (expression) [COLLATE c] [opclass [(options)]] [ASC | DESC] [NULLS FIRST | LAST]`
    mutating func indexParameter(_ e: IndexElem) throws(DeparseError) {
        // indexcolname is set by analysis only.
        guard e.indexcolname.isEmpty else { throw unsupported("IndexElem", "index element with a result column name") }
        try keyColumn(name: e.name, expression: e.expr, collation: e.collation, nodeType: "IndexElem")
        if !e.opclass.isEmpty {
            out += " "
            try qualifiedName(e.opclass)
            if !e.opclassopts.isEmpty {
                out += " "
                try optionList(e.opclassopts, namespaces: true)
            }
        } else if !e.opclassopts.isEmpty {
            throw unsupported("IndexElem", "operator class options without an operator class")
        }
        switch e.ordering {
        case .sortByDirUndefined, .sortbyDefault: break
        case .sortbyAsc: out += " ASC"
        case .sortbyDesc: out += " DESC"
        case .sortbyUsing: throw unsupported("IndexElem", "USING ordering in an index element")
        }
        switch e.nullsOrdering {
        case .sortByNullsUndefined, .sortbyNullsDefault: break
        case .sortbyNullsFirst: out += " NULLS FIRST"
        case .sortbyNullsLast: out += " NULLS LAST"
        }
    }
}
