// CREATE SCHEMA, and DROP for the relation kinds and schemas.

extension SQLPrinter {
    /// `CREATE SCHEMA [IF NOT EXISTS] [name] [AUTHORIZATION role] [element ...]`
    mutating func createSchemaStmt(_ s: CreateSchemaStmt) throws(DeparseError) {
        guard !s.schemaname.isEmpty || s.authrole != nil else {
            throw unsupported("CreateSchemaStmt", "CREATE SCHEMA without a name or an owner")
        }
        // The grammar refuses IF NOT EXISTS together with schema elements.
        guard !s.ifNotExists || s.schemaElts.isEmpty else {
            throw unsupported("CreateSchemaStmt", "CREATE SCHEMA IF NOT EXISTS with schema elements")
        }
        out += s.ifNotExists ? "CREATE SCHEMA IF NOT EXISTS" : "CREATE SCHEMA"
        if !s.schemaname.isEmpty {
            out += " "
            ident(s.schemaname)
        }
        if let role = s.authrole {
            out += " AUTHORIZATION "
            try roleSpec(role)
        }
        for element in s.schemaElts {
            // schema_stmt: only these statements may stand inside CREATE SCHEMA.
            switch element {
            case .createStmt, .indexStmt, .createSeqStmt, .createTrigStmt, .grantStmt, .viewStmt: break
            default: throw unsupported(element, "\(element.typeName) inside CREATE SCHEMA")
            }
            out += " "
            try statement(element)
        }
    }

    /// `DROP {TABLE | INDEX [CONCURRENTLY] | SEQUENCE | VIEW | MATERIALIZED VIEW | FOREIGN TABLE | SCHEMA}
    /// [IF EXISTS] name, ... [CASCADE]`
    mutating func dropStmt(_ s: DropStmt) throws(DeparseError) {
        let kind: String
        // Relation kinds take qualified names (any_name); a schema is a single name.
        var qualified = true
        switch s.removeType {
        case .objectTable: kind = "TABLE"
        case .objectIndex: kind = "INDEX"
        case .objectSequence: kind = "SEQUENCE"
        case .objectView: kind = "VIEW"
        case .objectMatview: kind = "MATERIALIZED VIEW"
        case .objectForeignTable: kind = "FOREIGN TABLE"
        case .objectSchema:
            kind = "SCHEMA"
            qualified = false
        default:
            throw unsupported("DropStmt", "DROP \(s.removeType.protoName) (only relations and schemas are printed)")
        }
        guard !s.objects.isEmpty else { throw unsupported("DropStmt", "DROP without objects") }
        guard !s.concurrent || s.removeType == .objectIndex else { throw unsupported("DropStmt", "CONCURRENTLY on DROP \(kind)") }
        out.append("DROP " + kind)
        if s.concurrent { out += " CONCURRENTLY" }
        if s.missingOk { out += " IF EXISTS" }
        for (i, object) in s.objects.enumerated() {
            out += i == 0 ? " " : ", "
            switch (object, qualified) {
            case (.list(let name), true) where !name.items.isEmpty:
                try qualifiedName(name.items)
            case (.string(let name), false):
                ident(name.sval)
            default:
                throw unsupported(object, "\(object.typeName) as the name of a \(kind.lowercased())")
            }
        }
        dropBehavior(s.behavior)
    }
}
