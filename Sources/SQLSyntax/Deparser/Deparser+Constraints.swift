// Column and table constraints (ColConstraint, TableConstraint), shared by CREATE TABLE and
// ALTER TABLE ... ADD.

/// Where a constraint stands; the grammar allows different clauses in each.
enum ConstraintLevel {
    /// After a column's type (`ColConstraint`): no column lists, attributes are separate nodes.
    case column
    /// In the element list or after ALTER TABLE ADD (`TableConstraint`).
    case table
}

extension SQLPrinter {
    /// One constraint, `[CONSTRAINT name] ...`, exactly as the grammar of `level` builds it.
    mutating func constraint(_ c: Constraint, level: ConstraintLevel) throws(DeparseError) {
        // What every constraint rule leaves alone; each case below resets what it prints.
        var rest = c
        rest.conname = ""
        rest.location = 0
        var grammar = Constraint()
        grammar.contype = c.contype
        let form = level == .column ? "a column constraint" : "a table constraint"

        switch c.contype {
        case .constrAttrDeferrable, .constrAttrNotDeferrable, .constrAttrDeferred, .constrAttrImmediate:
            // Column-level attributes follow the constraint they modify as nodes of their own.
            guard level == .column, c.conname.isEmpty else { throw unsupported("Constraint", "constraint attribute outside a column's constraints") }
            try requirePrinted(rest, grammar, "Constraint", form)
            switch c.contype {
            case .constrAttrDeferrable: out += "DEFERRABLE"
            case .constrAttrNotDeferrable: out += "NOT DEFERRABLE"
            case .constrAttrDeferred: out += "INITIALLY DEFERRED"
            default: out += "INITIALLY IMMEDIATE"
            }
            return
        default:
            break
        }

        if !c.conname.isEmpty {
            out += "CONSTRAINT "
            ident(c.conname)
            out += " "
        }

        switch (c.contype, level) {
        case (.constrNotnull, .column):
            try requirePrinted(rest, grammar, "Constraint", form)
            out += "NOT NULL"
        case (.constrNull, .column):
            try requirePrinted(rest, grammar, "Constraint", form)
            out += "NULL"
        case (.constrDefault, .column):
            guard let value = c.rawExpr else { throw unsupported("Constraint", "DEFAULT without an expression") }
            rest.rawExpr = nil
            try requirePrinted(rest, grammar, "Constraint", form)
            out += "DEFAULT "
            try defaultExpression(value)

        case (.constrCheck, _):
            guard let condition = c.rawExpr else { throw unsupported("Constraint", "CHECK without a condition") }
            rest.rawExpr = nil
            rest.isNoInherit = false
            rest.skipValidation = false
            // Column CHECK has no NOT VALID; a table CHECK is initially valid unless NOT VALID.
            if level == .table { rest.deferrable = false; rest.initdeferred = false }
            grammar.initiallyValid = !c.skipValidation
            try requirePrinted(rest, grammar, "Constraint", form)
            guard level == .table || !c.skipValidation else { throw unsupported("Constraint", "NOT VALID on a column CHECK constraint") }
            out += "CHECK ("
            try expr(condition)
            out += ")"
            // processCASbits rejects DEFERRABLE on CHECK, so the tree cannot carry it.
            if c.deferrable || c.initdeferred { throw unsupported("Constraint", "deferrable CHECK constraint") }
            if c.isNoInherit { out += " NO INHERIT" }
            if c.skipValidation { out += " NOT VALID" }

        case (.constrPrimary, _), (.constrUnique, _):
            let primary = c.contype == .constrPrimary
            rest.keys = []
            rest.including = []
            rest.options = []
            rest.indexspace = ""
            rest.indexname = ""
            rest.nullsNotDistinct = false
            if level == .table { rest.deferrable = false; rest.initdeferred = false }
            try requirePrinted(rest, grammar, "Constraint", form)
            out += primary ? "PRIMARY KEY" : "UNIQUE"
            if c.nullsNotDistinct {
                guard !primary, c.indexname.isEmpty else { throw unsupported("Constraint", "NULLS NOT DISTINCT on a primary key or an existing index") }
                out += " NULLS NOT DISTINCT"
            }
            if !c.indexname.isEmpty {
                // USING INDEX name: the index brings its columns and storage.
                guard level == .table, c.keys.isEmpty, c.including.isEmpty, c.options.isEmpty, c.indexspace.isEmpty else {
                    throw unsupported("Constraint", "USING INDEX together with columns or index options")
                }
                out += " USING INDEX "
                ident(c.indexname)
            } else {
                if level == .table {
                    guard !c.keys.isEmpty else { throw unsupported("Constraint", "table PRIMARY KEY or UNIQUE without columns") }
                    out += " ("
                    try identList(c.keys)
                    out += ")"
                    if !c.including.isEmpty {
                        out += " INCLUDE ("
                        try identList(c.including)
                        out += ")"
                    }
                } else if !c.keys.isEmpty || !c.including.isEmpty {
                    throw unsupported("Constraint", "column PRIMARY KEY or UNIQUE with a column list")
                }
                try constraintIndexOptions(c.options, tablespace: c.indexspace)
            }
            try constraintAttributes(c, level: level)

        case (.constrExclusion, .table):
            rest.accessMethod = ""
            rest.exclusions = []
            rest.including = []
            rest.options = []
            rest.indexspace = ""
            rest.whereClause = nil
            rest.deferrable = false
            rest.initdeferred = false
            try requirePrinted(rest, grammar, "Constraint", form)
            guard !c.exclusions.isEmpty else { throw unsupported("Constraint", "EXCLUDE without elements") }
            out += "EXCLUDE"
            if !c.accessMethod.isEmpty {
                out += " USING "
                ident(c.accessMethod)
            }
            out += " ("
            for (i, item) in c.exclusions.enumerated() {
                if i > 0 { out += ", " }
                // Each item is the list (index element, operator name).
                guard case .list(let pair) = item, pair.items.count == 2, case .indexElem(let element) = pair.items[0],
                      case .list(let op) = pair.items[1] else {
                    throw unsupported(item, "EXCLUDE element that is not an index element and an operator")
                }
                try indexParameter(element)
                out += " WITH "
                guard let parts = Self.strings(op.items), let symbol = parts.last, Self.isOperatorSymbol(symbol) else {
                    throw unsupported(item, "EXCLUDE operator name")
                }
                try operatorName(op.items, node: item)
            }
            out += ")"
            if !c.including.isEmpty {
                out += " INCLUDE ("
                try identList(c.including)
                out += ")"
            }
            try constraintIndexOptions(c.options, tablespace: c.indexspace)
            if let predicate = c.whereClause {
                out += " WHERE ("
                try expr(predicate)
                out += ")"
            }
            try constraintAttributes(c, level: level)

        case (.constrForeign, _):
            guard let referenced = c.pktable else { throw unsupported("Constraint", "REFERENCES without a table") }
            rest.pktable = nil
            rest.fkAttrs = []
            rest.pkAttrs = []
            rest.fkMatchtype = ""
            rest.fkUpdAction = ""
            rest.fkDelAction = ""
            rest.fkDelSetCols = []
            rest.skipValidation = false
            if level == .table { rest.deferrable = false; rest.initdeferred = false }
            grammar.initiallyValid = !c.skipValidation
            try requirePrinted(rest, grammar, "Constraint", form)
            if level == .table {
                guard !c.fkAttrs.isEmpty else { throw unsupported("Constraint", "FOREIGN KEY without columns") }
                out += "FOREIGN KEY ("
                try identList(c.fkAttrs)
                out += ") "
            } else if !c.fkAttrs.isEmpty || c.skipValidation {
                throw unsupported("Constraint", "column REFERENCES with referencing columns or NOT VALID")
            }
            out += "REFERENCES "
            try relationName(referenced)
            if !c.pkAttrs.isEmpty {
                out += " ("
                try identList(c.pkAttrs)
                out += ")"
            }
            switch c.fkMatchtype {
            case "s": break
            case "f": out += " MATCH FULL"
            // MATCH PARTIAL is a syntax-time error in PostgreSQL 15.
            default: throw unsupported("Constraint", "MATCH type '\(c.fkMatchtype)'")
            }
            try referentialAction(c.fkUpdAction, columns: [], event: "UPDATE")
            try referentialAction(c.fkDelAction, columns: c.fkDelSetCols, event: "DELETE")
            try constraintAttributes(c, level: level)
            if c.skipValidation { out += " NOT VALID" }

        case (.constrGenerated, .column):
            guard let value = c.rawExpr, c.generatedWhen == "a" else {
                throw unsupported("Constraint", "generated column that is not GENERATED ALWAYS AS (expression)")
            }
            rest.rawExpr = nil
            rest.generatedWhen = ""
            try requirePrinted(rest, grammar, "Constraint", form)
            out += "GENERATED ALWAYS AS ("
            try expr(value)
            out += ") STORED"

        case (.constrIdentity, .column):
            rest.generatedWhen = ""
            rest.options = []
            try requirePrinted(rest, grammar, "Constraint", form)
            try identitySpec(c)

        default:
            throw unsupported("Constraint", "\(c.contype.protoName) as \(form)")
        }
    }

    /// `GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(sequence options)]`
    mutating func identitySpec(_ c: Constraint) throws(DeparseError) {
        switch c.generatedWhen {
        case "a": out += "GENERATED ALWAYS AS IDENTITY"
        case "d": out += "GENERATED BY DEFAULT AS IDENTITY"
        default: throw unsupported("Constraint", "identity column generated '\(c.generatedWhen)'")
        }
        if !c.options.isEmpty {
            out += " ("
            try sequenceOptions(c.options)
            out += ")"
        }
    }

    /// A column DEFAULT is a `b_expr`: anything but an atom goes in parentheses, which the grammar
    /// drops again.
    private mutating func defaultExpression(_ value: Node) throws(DeparseError) {
        if case .aConst = value {
            try expr(value)
        } else if precedence(of: value) >= Precedence.typecast {
            try expr(value)
        } else {
            out += "("
            try expr(value)
            out += ")"
        }
    }

    /// ` WITH (options) USING INDEX TABLESPACE name` of PRIMARY KEY, UNIQUE and EXCLUDE.
    private mutating func constraintIndexOptions(_ options: [Node], tablespace: String) throws(DeparseError) {
        if !options.isEmpty {
            out += " WITH "
            try optionList(options, namespaces: false)
        }
        if !tablespace.isEmpty {
            out += " USING INDEX TABLESPACE "
            ident(tablespace)
        }
    }

    /// ` DEFERRABLE INITIALLY DEFERRED NO INHERIT` of a table constraint (column constraints carry
    /// these as separate attribute nodes, so theirs must be unset).
    private mutating func constraintAttributes(_ c: Constraint, level: ConstraintLevel) throws(DeparseError) {
        guard level == .table else {
            if c.deferrable || c.initdeferred { throw unsupported("Constraint", "deferrable flags inside a column constraint") }
            return
        }
        // INITIALLY DEFERRED implies DEFERRABLE in processCASbits.
        if c.initdeferred && !c.deferrable { throw unsupported("Constraint", "INITIALLY DEFERRED constraint that is not DEFERRABLE") }
        if c.deferrable { out += " DEFERRABLE" }
        if c.initdeferred { out += " INITIALLY DEFERRED" }
    }

    /// ` ON UPDATE|DELETE action`; NO ACTION is the default and is left out.
    private mutating func referentialAction(_ action: String, columns: [Node], event: String) throws(DeparseError) {
        guard columns.isEmpty || action == "n" || action == "d" else {
            throw unsupported("Constraint", "column list on ON \(event) \(action)")
        }
        switch action {
        case "a": return
        case "r": out.append(" ON \(event) RESTRICT")
        case "c": out.append(" ON \(event) CASCADE")
        case "n": out.append(" ON \(event) SET NULL")
        case "d": out.append(" ON \(event) SET DEFAULT")
        default: throw unsupported("Constraint", "referential action '\(action)'")
        }
        if !columns.isEmpty {
            out += " ("
            try identList(columns)
            out += ")"
        }
    }
}
