// CREATE TABLE: the three forms of PostgreSQL 15's CreateStmt rule (column list, OF type,
// PARTITION OF parent), column definitions, LIKE, and partitioning.

extension SQLPrinter {
    /// `CREATE [TEMPORARY | UNLOGGED] TABLE [IF NOT EXISTS] name ...`
    mutating func createStmt(_ s: CreateStmt) throws(DeparseError) {
        guard let relation = s.relation else { throw unsupported("CreateStmt", "CREATE TABLE without a table name") }
        // Filled in by parse analysis, never by the grammar.
        guard s.constraints.isEmpty else { throw unsupported("CreateStmt", "CREATE TABLE with pre-analysed constraints") }

        out += "CREATE "
        switch relation.relpersistence {
        case "p": break
        case "t": out += "TEMPORARY "
        case "u": out += "UNLOGGED "
        default: throw unsupported("CreateStmt", "table persistence '\(relation.relpersistence)'")
        }
        out += "TABLE "
        if s.ifNotExists { out += "IF NOT EXISTS " }
        try relationName(relation, persistence: relation.relpersistence)

        if let bound = s.partbound {
            // PARTITION OF parent [(columns)] FOR VALUES ...
            guard s.inhRelations.count == 1, case .rangeVar(let parent) = s.inhRelations[0], s.ofTypename == nil else {
                throw unsupported("CreateStmt", "partition bound without exactly one parent table")
            }
            out += " PARTITION OF "
            try relationName(parent)
            try typedTableElements(s.tableElts)
            out += " "
            try partitionBound(bound)
        } else if let type = s.ofTypename {
            guard s.inhRelations.isEmpty else { throw unsupported("CreateStmt", "typed table (OF type) with INHERITS") }
            out += " OF "
            try plainTypeName(type)
            try typedTableElements(s.tableElts)
        } else {
            out += " ("
            for (i, element) in s.tableElts.enumerated() {
                if i > 0 { out += ", " }
                try tableElement(element)
            }
            out += ")"
            if !s.inhRelations.isEmpty {
                out += " INHERITS ("
                try relationNames(s.inhRelations)
                out += ")"
            }
        }

        if let spec = s.partspec { try partitionSpec(spec) }
        if !s.accessMethod.isEmpty {
            out += " USING "
            ident(s.accessMethod)
        }
        if !s.options.isEmpty {
            out += " WITH "
            try optionList(s.options, namespaces: true)
        }
        switch s.oncommit {
        case .oncommitNoop, .onCommitActionUndefined: break
        case .oncommitPreserveRows: out += " ON COMMIT PRESERVE ROWS"
        case .oncommitDeleteRows: out += " ON COMMIT DELETE ROWS"
        case .oncommitDrop: out += " ON COMMIT DROP"
        }
        if !s.tablespacename.isEmpty {
            out += " TABLESPACE "
            ident(s.tablespacename)
        }
    }

    /// `TableElement` of the column-list form: a column, a table constraint or LIKE.
    private mutating func tableElement(_ element: Node) throws(DeparseError) {
        switch element {
        case .columnDef(let c):
            guard c.typeName != nil else {
                throw unsupported("ColumnDef", "column \(c.colname) without a type outside a typed or partition table")
            }
            try columnDef(c)
        case .constraint(let c): try constraint(c, level: .table)
        case .tableLikeClause(let l): try tableLike(l)
        default: throw unsupported(element, "\(element.typeName) in a table's element list")
        }
    }

    /// `OptTypedTableElementList` of `OF type` and `PARTITION OF`: columns without types (only their
    /// options) and table constraints, in parentheses when there are any.
    private mutating func typedTableElements(_ elements: [Node]) throws(DeparseError) {
        guard !elements.isEmpty else { return }
        out += " ("
        for (i, element) in elements.enumerated() {
            if i > 0 { out += ", " }
            switch element {
            case .columnDef(let c):
                guard c.typeName == nil else {
                    throw unsupported("ColumnDef", "column \(c.colname) with a type in a typed or partition table")
                }
                try columnDef(c)
            case .constraint(let c): try constraint(c, level: .table)
            default: throw unsupported(element, "\(element.typeName) in a typed table's element list")
            }
        }
        out += ")"
    }

    /// `name type [COMPRESSION m] [OPTIONS (...)] [COLLATE c] [constraint ...]`, or
    /// `name WITH OPTIONS [COLLATE c] [constraint ...]` in typed and partition tables.
    mutating func columnDef(_ c: ColumnDef) throws(DeparseError) {
        guard !c.colname.isEmpty else { throw unsupported("ColumnDef", "column without a name", location: c.location) }
        var rest = c
        rest.colname = ""
        rest.typeName = nil
        rest.compression = ""
        rest.fdwoptions = []
        rest.collClause = nil
        rest.constraints = []
        rest.location = 0
        var grammar = ColumnDef()
        grammar.isLocal = true
        try requirePrinted(rest, grammar, "ColumnDef", "a column definition")

        ident(c.colname)
        if let type = c.typeName {
            out += " "
            try typeName(type)
            if !c.compression.isEmpty {
                out += " "
                columnCompression(c.compression)
            }
            if !c.fdwoptions.isEmpty {
                out += " "
                try genericOptions(c.fdwoptions)
            }
        } else {
            // columnOptions: the type comes from the parent or the composite type.
            guard c.compression.isEmpty, c.fdwoptions.isEmpty else {
                throw unsupported("ColumnDef", "COMPRESSION or OPTIONS on column \(c.colname) without a type")
            }
            out += " WITH OPTIONS"
        }
        if let collation = c.collClause {
            out += " "
            try collateClause(collation)
        }
        for constraintNode in c.constraints {
            guard case .constraint(let k) = constraintNode else {
                throw unsupported(constraintNode, "\(constraintNode.typeName) among column constraints")
            }
            out += " "
            try constraint(k, level: .column)
        }
    }

    /// `COMPRESSION method`; the grammar stores `COMPRESSION DEFAULT` as the name "default".
    mutating func columnCompression(_ method: String) {
        out += "COMPRESSION "
        if method == "default" { out += "DEFAULT" } else { ident(method) }
    }

    /// `COLLATE name` of a column (`opt_collate_clause`, with no argument).
    mutating func collateClause(_ c: CollateClause) throws(DeparseError) {
        guard c.arg == nil, !c.collname.isEmpty else { throw unsupported("CollateClause", "collation with an argument in a column") }
        out += "COLLATE "
        try qualifiedName(c.collname)
    }

    /// `LIKE source [INCLUDING x | EXCLUDING x ...]`
    private mutating func tableLike(_ l: TableLikeClause) throws(DeparseError) {
        guard let relation = l.relation, l.relationOid == 0 else { throw unsupported("TableLikeClause", "LIKE without a table name") }
        out += "LIKE "
        try relationName(relation)
        // The grammar folds the options into a bit mask, left to right; ALL sets every bit up to 2^31-1.
        let named: [(UInt32, String)] = [
            (1 << 0, "COMMENTS"), (1 << 1, "COMPRESSION"), (1 << 2, "CONSTRAINTS"), (1 << 3, "DEFAULTS"),
            (1 << 4, "GENERATED"), (1 << 5, "IDENTITY"), (1 << 6, "INDEXES"), (1 << 7, "STATISTICS"),
            (1 << 8, "STORAGE"),
        ]
        let all: UInt32 = 0x7FFF_FFFF
        let namedBits: UInt32 = (1 << 9) - 1
        if l.options & ~namedBits == 0 {
            for (bit, word) in named where l.options & bit != 0 { out.append(" INCLUDING " + word) }
        } else if l.options & ~namedBits == all & ~namedBits {
            out += " INCLUDING ALL"
            for (bit, word) in named where l.options & bit == 0 { out.append(" EXCLUDING " + word) }
        } else {
            throw unsupported("TableLikeClause", "LIKE option bits \(l.options)")
        }
    }

    // MARK: partitioning

    /// ` PARTITION BY strategy (column | (expression) [COLLATE c] [opclass], ...)`
    private mutating func partitionSpec(_ p: PartitionSpec) throws(DeparseError) {
        guard !p.strategy.isEmpty, !p.partParams.isEmpty else { throw unsupported("PartitionSpec", "partitioning without strategy or key") }
        out += " PARTITION BY "
        // The grammar takes any identifier here and leaves the check to analysis.
        switch p.strategy {
        case "range", "list", "hash": out.append(p.strategy.uppercased())
        default: ident(p.strategy)
        }
        out += " ("
        for (i, param) in p.partParams.enumerated() {
            if i > 0 { out += ", " }
            guard case .partitionElem(let e) = param else { throw unsupported(param, "\(param.typeName) in a partition key") }
            try partitionElem(e)
        }
        out += ")"
    }

    private mutating func partitionElem(_ e: PartitionElem) throws(DeparseError) {
        try keyColumn(name: e.name, expression: e.expr, collation: e.collation, nodeType: "PartitionElem")
        if !e.opclass.isEmpty {
            out += " "
            try qualifiedName(e.opclass)
        }
    }

    /// `FOR VALUES IN (...)`, `FOR VALUES FROM (...) TO (...)`, `FOR VALUES WITH (MODULUS m, REMAINDER r)`
    /// or `DEFAULT`.
    mutating func partitionBound(_ b: PartitionBoundSpec) throws(DeparseError) {
        var rest = b
        rest.location = 0
        var grammar = PartitionBoundSpec()
        if b.isDefault {
            grammar.isDefault = true
            try requirePrinted(rest, grammar, "PartitionBoundSpec", "DEFAULT partition bound")
            out += "DEFAULT"
            return
        }
        switch b.strategy {
        case "h":
            // MODULUS 0 parses (analysis rejects it); a negative number cannot be written.
            guard b.modulus >= 0, b.remainder >= 0 else {
                throw unsupported("PartitionBoundSpec", "hash bound with modulus \(b.modulus) and remainder \(b.remainder)")
            }
            (grammar.strategy, grammar.modulus, grammar.remainder) = ("h", b.modulus, b.remainder)
            try requirePrinted(rest, grammar, "PartitionBoundSpec", "a hash partition bound")
            out.append("FOR VALUES WITH (MODULUS \(b.modulus), REMAINDER \(b.remainder))")
        case "l":
            guard !b.listdatums.isEmpty else { throw unsupported("PartitionBoundSpec", "list bound without values") }
            (grammar.strategy, grammar.listdatums) = ("l", b.listdatums)
            try requirePrinted(rest, grammar, "PartitionBoundSpec", "a list partition bound")
            out += "FOR VALUES IN ("
            try boundValues(b.listdatums)
            out += ")"
        case "r":
            guard !b.lowerdatums.isEmpty, !b.upperdatums.isEmpty else {
                throw unsupported("PartitionBoundSpec", "range bound without lower or upper values")
            }
            (grammar.strategy, grammar.lowerdatums, grammar.upperdatums) = ("r", b.lowerdatums, b.upperdatums)
            try requirePrinted(rest, grammar, "PartitionBoundSpec", "a range partition bound")
            out += "FOR VALUES FROM ("
            try boundValues(b.lowerdatums)
            out += ") TO ("
            try boundValues(b.upperdatums)
            out += ")"
        default:
            throw unsupported("PartitionBoundSpec", "partition bound of strategy '\(b.strategy)'")
        }
    }

    /// Bound values are plain expressions in the raw tree (MINVALUE is a column reference named
    /// `minvalue`); trees built by analysis carry PartitionRangeDatum instead.
    private mutating func boundValues(_ values: [Node]) throws(DeparseError) {
        for (i, v) in values.enumerated() {
            if i > 0 { out += ", " }
            guard case .partitionRangeDatum(let d) = v else {
                try expr(v)
                continue
            }
            switch d.kind {
            case .partitionRangeDatumMinvalue where d.value == nil: out += "MINVALUE"
            case .partitionRangeDatumMaxvalue where d.value == nil: out += "MAXVALUE"
            case .partitionRangeDatumValue:
                guard let value = d.value else { throw unsupported(v, "range bound datum without a value") }
                try expr(value)
            default: throw unsupported(v, "range bound datum of no kind")
            }
        }
    }
}
