import SQLSyntax

/// CREATE TABLE, ALTER TABLE, ALTER TABLE ... RENAME and DROP TABLE.
extension Loader {
    /// The qualified name a RangeVar names, for a table that exists.
    func existingTable(_ relation: RangeVar?, line: Int? = nil) throws(CatalogError) -> CatalogTable {
        guard let relation else { throw CatalogError("statement names no table") }
        let parts = relation.schemaname.isEmpty ? [relation.relname] : [relation.schemaname, relation.relname]
        guard let table = catalog.table(named: parts) else { throw missingRelation(relation.relname, schema: relation.schemaname) }
        return table
    }

    func missingRelation(_ name: String, schema: String = "") -> CatalogError {
        let shown = schema.isEmpty ? name : "\(schema).\(name)"
        if let later = createdAt[name] {
            return CatalogError("relation \"\(shown)\" does not exist",
                                hint: "The script creates \(name) later, at line \(later); create a table before using it.")
        }
        return CatalogError("relation \"\(shown)\" does not exist")
    }

    /// The name a new relation gets: its schema, or the first existing schema of the search path.
    func newName(_ relation: RangeVar?) throws(CatalogError) -> QualifiedName {
        guard let relation else { throw CatalogError("statement names no table") }
        if !relation.schemaname.isEmpty { return QualifiedName(schema: relation.schemaname, name: relation.relname) }
        guard let schema = catalog.creationSchema else {
            throw CatalogError("no schema has been selected to create in", hint: "Set search_path to an existing schema.")
        }
        return QualifiedName(schema: schema, name: relation.relname)
    }

    mutating func createTable(_ create: CreateStmt) throws(CatalogError) {
        let name = try newName(create.relation)
        if create.relation?.relpersistence == "t" {
            throw CatalogError("temporary table \"\(name.name)\" in a schema script", hint: "Temporary tables cannot be distributed; create a regular table.")
        }
        if create.ofTypename != nil {
            throw CatalogError("CREATE TABLE \(name.name) OF type is not supported in a schema script", hint: "List the columns in CREATE TABLE.")
        }
        var table = CatalogTable(name: name, columns: [])
        // Parents first: INHERITS and PARTITION OF take the parent's columns.
        for parent in create.inhRelations {
            guard case .rangeVar(let relation) = parent else { continue }
            let parentTable = try existingTable(relation)
            if create.partbound != nil {
                table.partitionOf = parentTable.name
                table.columns = parentTable.columns
                // PostgreSQL names a partition's inherited primary key `<partition>_pkey`.
                table.primaryKey = parentTable.primaryKey.map { KeyConstraint(name: constraintName(name.name, [], "pkey"), columns: $0.columns) }
                table.uniqueConstraints = parentTable.uniqueConstraints.map {
                    KeyConstraint(name: constraintName(name.name, $0.columns, "key"), columns: $0.columns)
                }
            } else {
                for column in parentTable.columns where table.column(named: column.name) == nil {
                    var inherited = column
                    inherited.identity = nil
                    table.columns.append(inherited)
                }
            }
        }
        for element in create.tableElts {
            switch element {
            case .columnDef(let definition):
                if create.partbound != nil, let index = table.columnIndex(named: definition.colname) {
                    // `PARTITION OF parent (col WITH OPTIONS NOT NULL ...)`: constraints on an inherited column.
                    try applyColumnConstraints(definition, to: &table, columnIndex: index)
                    continue
                }
                try addColumn(definition, to: &table)
            case .constraint(let constraint):
                try addConstraint(constraint, to: &table)
            case .tableLikeClause(let like):
                try copyLike(like, into: &table)
            default:
                break
            }
        }
        for constraint in create.constraints {
            if case .constraint(let constraint) = constraint { try addConstraint(constraint, to: &table) }
        }
        if let spec = create.partspec {
            let strategy = spec.strategy == "range" ? "RANGE" : spec.strategy == "list" ? "LIST" : "HASH"
            var keys: [String] = []
            for parameter in spec.partParams {
                guard case .partitionElem(let element) = parameter else { continue }
                if !element.name.isEmpty {
                    keys.append(SQLDeparser.quoteIdentifier(element.name))
                } else if let expr = element.expr, let text = try? SQLDeparser.deparseExpression(expr) {
                    keys.append("(\(text))")
                }
            }
            table.partitionKey = "\(strategy) (\(keys.joined(separator: ", ")))"
        }
        try catalog.createTable(table, ifNotExists: create.ifNotExists)
    }

    func addColumn(_ definition: ColumnDef, to table: inout CatalogTable) throws(CatalogError) {
        guard table.column(named: definition.colname) == nil else {
            throw CatalogError("column \"\(definition.colname)\" specified more than once")
        }
        guard let typeName = definition.typeName else {
            throw CatalogError("column \"\(definition.colname)\" has no type")
        }
        let (type, isSerial) = try columnType(typeName)
        var column = TableColumn(name: definition.colname, type: type, isNullable: !definition.isNotNull)
        if let clause = definition.collClause, !clause.collname.isEmpty {
            column.collation = stringParts(clause.collname).joined(separator: ".")
        }
        if let raw = definition.rawDefault { column.defaultExpression = try expressionText(raw) }
        if isSerial {
            column.isNullable = false
            let sequence = constraintName(table.name.name, [definition.colname], "seq")
            let qualified = table.name.schema == "public" ? sequence : "\(table.name.schema).\(sequence)"
            column.defaultExpression = "nextval(\(SQLDeparser.quoteLiteral(qualified))::regclass)"
        }
        table.columns.append(column)
        try applyColumnConstraints(definition, to: &table, columnIndex: table.columns.count - 1)
    }

    /// NOT NULL, DEFAULT, PRIMARY KEY, UNIQUE, REFERENCES, identity and generated columns.
    func applyColumnConstraints(_ definition: ColumnDef, to table: inout CatalogTable, columnIndex: Int) throws(CatalogError) {
        let columnName = table.columns[columnIndex].name
        if definition.isNotNull { table.columns[columnIndex].isNullable = false }
        for node in definition.constraints {
            guard case .constraint(let constraint) = node else { continue }
            switch constraint.contype {
            case .constrNotnull: table.columns[columnIndex].isNullable = false
            case .constrNull: table.columns[columnIndex].isNullable = true
            case .constrDefault:
                if let raw = constraint.rawExpr { table.columns[columnIndex].defaultExpression = try expressionText(raw) }
            case .constrIdentity:
                table.columns[columnIndex].identity = constraint.generatedWhen == "a" ? "always" : "by default"
                table.columns[columnIndex].isNullable = false
            case .constrGenerated:
                if let raw = constraint.rawExpr { table.columns[columnIndex].generatedExpression = try expressionText(raw) }
            case .constrPrimary, .constrUnique, .constrForeign:
                var tableLevel = constraint
                if constraint.contype == .constrForeign {
                    tableLevel.fkAttrs = [stringNode(columnName)]
                } else {
                    tableLevel.keys = [stringNode(columnName)]
                }
                try addConstraint(tableLevel, to: &table)
            default:
                break
            }
        }
    }

    /// PRIMARY KEY, UNIQUE and FOREIGN KEY; CHECK and EXCLUDE do not matter to the catalog.
    func addConstraint(_ constraint: Constraint, to table: inout CatalogTable) throws(CatalogError) {
        switch constraint.contype {
        case .constrPrimary, .constrUnique:
            let columns = stringParts(constraint.keys)
            for column in columns where table.column(named: column) == nil {
                throw CatalogError("column \"\(column)\" named in key does not exist")
            }
            if constraint.contype == .constrPrimary {
                if table.primaryKey != nil {
                    throw CatalogError("multiple primary keys for table \"\(table.name.name)\" are not allowed")
                }
                let name = constraint.conname.isEmpty ? constraintName(table.name.name, [], "pkey") : constraint.conname
                table.primaryKey = KeyConstraint(name: name, columns: columns)
                for index in table.columns.indices where columns.contains(table.columns[index].name) {
                    table.columns[index].isNullable = false
                }
            } else {
                let name = constraint.conname.isEmpty ? constraintName(table.name.name, columns, "key") : constraint.conname
                table.uniqueConstraints.append(KeyConstraint(name: name, columns: columns))
            }
        case .constrForeign:
            let columns = stringParts(constraint.fkAttrs)
            for column in columns where table.column(named: column) == nil {
                throw CatalogError("column \"\(column)\" referenced in foreign key constraint does not exist")
            }
            guard let relation = constraint.pktable else { return }
            let referenced: CatalogTable
            let selfReference = relation.relname == table.name.name
                && (relation.schemaname.isEmpty || relation.schemaname == table.name.schema)
            if selfReference {
                referenced = table
            } else {
                referenced = try existingTable(relation)
            }
            var referencedColumns = stringParts(constraint.pkAttrs)
            if referencedColumns.isEmpty {
                guard let key = referenced.primaryKey else {
                    throw CatalogError("there is no primary key for referenced table \"\(referenced.name.name)\"")
                }
                referencedColumns = key.columns
            }
            let name = constraint.conname.isEmpty ? constraintName(table.name.name, columns, "fkey") : constraint.conname
            table.foreignKeys.append(ForeignKeyConstraint(name: name, columns: columns, referencedTable: referenced.name,
                                                          referencedColumns: referencedColumns))
        default:
            break
        }
    }

    /// `LIKE other [INCLUDING ...]`: columns, NOT NULL, and with INCLUDING DEFAULTS / INDEXES the
    /// defaults and keys.
    func copyLike(_ like: TableLikeClause, into table: inout CatalogTable) throws(CatalogError) {
        let source = try existingTable(like.relation)
        let includingDefaults = like.options & (1 << 3) != 0
        let includingIdentity = like.options & (1 << 5) != 0
        let includingIndexes = like.options & (1 << 6) != 0
        for var column in source.columns {
            guard table.column(named: column.name) == nil else {
                throw CatalogError("column \"\(column.name)\" specified more than once")
            }
            if !includingDefaults { column.defaultExpression = nil }
            if !includingIdentity { column.identity = nil }
            table.columns.append(column)
        }
        if includingIndexes {
            if let key = source.primaryKey, table.primaryKey == nil {
                table.primaryKey = KeyConstraint(name: constraintName(table.name.name, [], "pkey"), columns: key.columns)
            }
            for key in source.uniqueConstraints {
                table.uniqueConstraints.append(KeyConstraint(name: constraintName(table.name.name, key.columns, "key"), columns: key.columns))
            }
        }
    }

    mutating func alterTable(_ alter: AlterTableStmt) throws(CatalogError) -> SchemaStatement.Role {
        guard let relation = alter.relation else { return .other }
        guard let name = try resolveTarget(relation, missingOk: alter.missingOk) else { return .ddl }
        var modelled = false
        // Resolve referenced tables before entering the mutation closure.
        let loader = self
        try catalog.alterTable(name) { (table: inout CatalogTable) throws(CatalogError) in
            for node in alter.cmds {
                guard case .alterTableCmd(let command) = node else { continue }
                switch command.subtype {
                case .atAddColumn:
                    guard case .columnDef(let definition)? = command.def else { continue }
                    if command.missingOk, table.column(named: definition.colname) != nil { continue }
                    try loader.addColumn(definition, to: &table)
                    modelled = true
                case .atDropColumn:
                    guard let index = table.columnIndex(named: command.name) else {
                        if command.missingOk { continue }
                        throw CatalogError("column \"\(command.name)\" of relation \"\(table.name.name)\" does not exist")
                    }
                    if case .hash(let column) = table.distribution, column == command.name {
                        throw CatalogError("cannot execute ALTER TABLE command involving partition column")
                    }
                    table.columns.remove(at: index)
                    if table.primaryKey?.columns.contains(command.name) == true { table.primaryKey = nil }
                    table.uniqueConstraints.removeAll { $0.columns.contains(command.name) }
                    table.foreignKeys.removeAll { $0.columns.contains(command.name) }
                    modelled = true
                case .atAddConstraint:
                    guard case .constraint(let constraint)? = command.def else { continue }
                    try loader.addConstraint(constraint, to: &table)
                    modelled = true
                case .atDropConstraint:
                    if table.primaryKey?.name == command.name { table.primaryKey = nil }
                    table.uniqueConstraints.removeAll { $0.name == command.name }
                    table.foreignKeys.removeAll { $0.name == command.name }
                    modelled = true
                case .atColumnDefault, .atSetNotNull, .atDropNotNull, .atAlterColumnType:
                    guard let index = table.columnIndex(named: command.name) else {
                        throw CatalogError("column \"\(command.name)\" of relation \"\(table.name.name)\" does not exist")
                    }
                    switch command.subtype {
                    case .atColumnDefault:
                        table.columns[index].defaultExpression = try command.def.map { (raw: Node) throws(CatalogError) in try loader.expressionText(raw) }
                    case .atSetNotNull: table.columns[index].isNullable = false
                    case .atDropNotNull: table.columns[index].isNullable = true
                    default:
                        guard case .columnDef(let definition)? = command.def, let typeName = definition.typeName else { continue }
                        table.columns[index].type = try loader.columnType(typeName).0
                    }
                    modelled = true
                default:
                    continue
                }
            }
        }
        return modelled ? .ddl : .other
    }

    /// The table an ALTER names; nil when it does not exist and IF EXISTS was written.
    func resolveTarget(_ relation: RangeVar, missingOk: Bool) throws(CatalogError) -> QualifiedName? {
        let parts = relation.schemaname.isEmpty ? [relation.relname] : [relation.schemaname, relation.relname]
        if let name = catalog.resolve(parts) { return name }
        if missingOk { return nil }
        throw missingRelation(relation.relname, schema: relation.schemaname)
    }

    mutating func renameTable(_ rename: RenameStmt) throws(CatalogError) -> SchemaStatement.Role {
        guard let relation = rename.relation else { return .other }
        guard let name = try resolveTarget(relation, missingOk: rename.missingOk) else { return .ddl }
        switch rename.renameType {
        case .objectColumn:
            try catalog.renameColumn(of: name, from: rename.subname, to: rename.newname)
        case .objectTable:
            try catalog.renameTable(name, to: rename.newname)
        default:
            return .other
        }
        return .ddl
    }

    mutating func dropTables(_ drop: DropStmt) throws(CatalogError) {
        for object in drop.objects {
            guard case .list(let list) = object else { continue }
            let parts = stringParts(list.items)
            guard let name = catalog.resolve(parts) else {
                if drop.missingOk { continue }
                throw CatalogError("table \"\(parts.last ?? "")\" does not exist")
            }
            catalog.dropTable(name)
        }
    }

    // MARK: Helpers

    /// The column type a TypeName gives, and whether it was a serial pseudo-type.
    func columnType(_ typeName: TypeName) throws(CatalogError) -> (PostgresType, Bool) {
        if typeName.pctType { throw CatalogError("%TYPE references are not supported in a schema script") }
        let parts = stringParts(typeName.names)
        var modifiers: [Int32] = []
        for modifier in typeName.typmods {
            guard case .aConst(let constant) = modifier, case .ival(let value)? = constant.val else {
                throw CatalogError("type modifiers must be simple constants or identifiers")
            }
            modifiers.append(value.ival)
        }
        do {
            let type = try PostgresType(nameParts: parts, modifiers: modifiers, isArray: !typeName.arrayBounds.isEmpty)
            let serials: Set<String> = ["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]
            return (type, parts.count == 1 && serials.contains(parts[0]) && typeName.arrayBounds.isEmpty)
        } catch {
            throw CatalogError(error.message, detail: error.detail)
        }
    }

    func expressionText(_ node: Node) throws(CatalogError) -> String {
        do {
            return try SQLDeparser.deparseExpression(node)
        } catch {
            throw CatalogError("cannot print expression: \(error.message)")
        }
    }

    /// PostgreSQL's generated constraint names (`orders_pkey`, `t_a_b_key`, `t_c_fkey`),
    /// shortened as `makeObjectName` does to fit 63 bytes.
    func constraintName(_ table: String, _ columns: [String], _ label: String) -> String {
        var addition = columns.joined(separator: "_")
        if addition.utf8.count > 63 { addition = clip(addition, to: 63) }
        let overhead = label.utf8.count + 1 + (addition.isEmpty ? 0 : 1)
        let available = 63 - overhead
        var first = table.utf8.count
        var second = addition.utf8.count
        while first + second > available {
            if first > second { first -= 1 } else { second -= 1 }
        }
        let head = clip(table, to: first)
        let tail = clip(addition, to: second)
        return addition.isEmpty ? "\(head)_\(label)" : "\(head)_\(tail)_\(label)"
    }

    private func clip(_ text: String, to bytes: Int) -> String {
        let utf8 = Array(text.utf8)
        guard utf8.count > bytes else { return text }
        var end = bytes
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }
}

/// The strings of a list of String nodes (names, column lists).
func stringParts(_ nodes: [Node]) -> [String] {
    nodes.compactMap { node in
        if case .string(let string) = node { return string.sval }
        return nil
    }
}

/// A String node.
func stringNode(_ value: String) -> Node {
    var string = PGString()
    string.sval = value
    return .string(string)
}
