// ALTER TABLE: the subcommands schemas and migrations use. Anything else throws.

extension SQLPrinter {
    /// `ALTER TABLE [IF EXISTS] [ONLY] name command, command ...`
    mutating func alterTableStmt(_ s: AlterTableStmt) throws(DeparseError) {
        guard s.objtype == .objectTable else {
            throw unsupported("AlterTableStmt", "ALTER \(s.objtype.protoName) (only ALTER TABLE is printed)")
        }
        guard let relation = s.relation, !s.cmds.isEmpty else { throw unsupported("AlterTableStmt", "ALTER TABLE without a table or commands") }
        out += "ALTER TABLE "
        if s.missingOk { out += "IF EXISTS " }
        try relationName(relation, allowOnly: true)
        for (i, node) in s.cmds.enumerated() {
            guard case .alterTableCmd(let c) = node else { throw unsupported(node, "\(node.typeName) as an ALTER TABLE command") }
            // ATTACH and DETACH PARTITION are whole statements in the grammar, not list items.
            if s.cmds.count > 1, [.atAttachPartition, .atDetachPartition, .atDetachPartitionFinalize].contains(c.subtype) {
                throw unsupported("AlterTableCmd", "ATTACH or DETACH PARTITION combined with other commands")
            }
            out += i == 0 ? " " : ", "
            try alterTableCmd(c)
        }
    }

    /// Which fields of an AlterTableCmd a subcommand's syntax carries; the others must be unset.
    private struct CommandFields: OptionSet {
        let rawValue: Int
        static let name = CommandFields(rawValue: 1 << 0)
        static let def = CommandFields(rawValue: 1 << 1)
        static let missingOk = CommandFields(rawValue: 1 << 2)
        static let behavior = CommandFields(rawValue: 1 << 3)
        static let newowner = CommandFields(rawValue: 1 << 4)
        static let num = CommandFields(rawValue: 1 << 5)
    }

    private func requireFields(_ c: AlterTableCmd, _ fields: CommandFields) throws(DeparseError) {
        var rest = c
        if fields.contains(.name) { rest.name = "" }
        if fields.contains(.def) { rest.def = nil }
        if fields.contains(.missingOk) { rest.missingOk = false }
        // Every command carries a behaviour (C's zero is RESTRICT); only DROP takes CASCADE.
        if c.behavior == .dropRestrict { rest.behavior = .dropBehaviorUndefined }
        if fields.contains(.behavior), c.behavior == .dropCascade { rest.behavior = .dropBehaviorUndefined }
        if fields.contains(.newowner) { rest.newowner = nil }
        if fields.contains(.num) { rest.num = 0 }
        var grammar = AlterTableCmd()
        grammar.subtype = c.subtype
        try requirePrinted(rest, grammar, "AlterTableCmd", "ALTER TABLE \(c.subtype.protoName)")
        if fields.contains(.name), !fields.contains(.num), c.name.isEmpty {
            throw unsupported("AlterTableCmd", "\(c.subtype.protoName) without a name")
        }
    }

    /// `ALTER COLUMN name `
    private mutating func alterColumn(_ c: AlterTableCmd) {
        out += "ALTER COLUMN "
        ident(c.name)
        out += " "
    }

    mutating func alterTableCmd(_ c: AlterTableCmd) throws(DeparseError) {
        switch c.subtype {
        case .atAddColumn:
            try requireFields(c, [.def, .missingOk])
            guard case .columnDef(let column)? = c.def, column.typeName != nil else {
                throw unsupported("AlterTableCmd", "ADD COLUMN without a typed column definition")
            }
            out += c.missingOk ? "ADD COLUMN IF NOT EXISTS " : "ADD COLUMN "
            try columnDef(column)

        case .atColumnDefault:
            try requireFields(c, [.name, .def])
            alterColumn(c)
            if let value = c.def {
                // SET DEFAULT takes a full a_expr.
                out += "SET DEFAULT "
                try expr(value)
            } else {
                out += "DROP DEFAULT"
            }
        case .atDropNotNull:
            try requireFields(c, [.name])
            alterColumn(c)
            out += "DROP NOT NULL"
        case .atSetNotNull:
            try requireFields(c, [.name])
            alterColumn(c)
            out += "SET NOT NULL"
        case .atDropExpression:
            try requireFields(c, [.name, .missingOk])
            alterColumn(c)
            out += c.missingOk ? "DROP EXPRESSION IF EXISTS" : "DROP EXPRESSION"
        case .atSetStatistics:
            try requireFields(c, [.name, .num, .def])
            guard case .integer? = c.def, c.name.isEmpty != (c.num == 0) else {
                throw unsupported("AlterTableCmd", "SET STATISTICS without a column or a number")
            }
            out += "ALTER COLUMN "
            if c.name.isEmpty { out.append(String(c.num)) } else { ident(c.name) }
            out += " SET STATISTICS "
            try numericOnly(c.def ?? .absent)
        case .atSetOptions, .atResetOptions:
            try requireFields(c, [.name, .def])
            guard case .list(let options)? = c.def, !options.items.isEmpty else {
                throw unsupported("AlterTableCmd", "column SET/RESET without options")
            }
            alterColumn(c)
            out += c.subtype == .atSetOptions ? "SET " : "RESET "
            try optionList(options.items, namespaces: true)
        case .atSetStorage:
            try requireFields(c, [.name, .def])
            guard case .string(let storage)? = c.def, !storage.sval.isEmpty else { throw unsupported("AlterTableCmd", "SET STORAGE without a mode") }
            alterColumn(c)
            out += "SET STORAGE "
            ident(storage.sval)
        case .atSetCompression:
            try requireFields(c, [.name, .def])
            guard case .string(let method)? = c.def, !method.sval.isEmpty else { throw unsupported("AlterTableCmd", "SET COMPRESSION without a method") }
            alterColumn(c)
            out += "SET "
            columnCompression(method.sval)
        case .atAlterColumnType:
            try requireFields(c, [.name, .def])
            guard case .columnDef(let column)? = c.def, let type = column.typeName else {
                throw unsupported("AlterTableCmd", "ALTER COLUMN TYPE without a type")
            }
            // The grammar uses only these ColumnDef fields here.
            var rest = column
            rest.typeName = nil
            rest.collClause = nil
            rest.rawDefault = nil
            rest.location = 0
            try requirePrinted(rest, ColumnDef(), "ColumnDef", "ALTER COLUMN TYPE")
            alterColumn(c)
            out += "TYPE "
            try typeName(type)
            if let collation = column.collClause {
                out += " "
                try collateClause(collation)
            }
            if let using = column.rawDefault {
                out += " USING "
                try expr(using)
            }
        case .atAddIdentity:
            try requireFields(c, [.name, .def])
            guard case .constraint(let identity)? = c.def else { throw unsupported("AlterTableCmd", "ADD IDENTITY without a specification") }
            var rest = identity
            rest.generatedWhen = ""
            rest.options = []
            rest.location = 0
            var grammar = Constraint()
            grammar.contype = .constrIdentity
            try requirePrinted(rest, grammar, "Constraint", "ADD GENERATED AS IDENTITY")
            alterColumn(c)
            out += "ADD "
            try identitySpec(identity)
        case .atSetIdentity:
            try requireFields(c, [.name, .def])
            guard case .list(let options)? = c.def, !options.items.isEmpty else { throw unsupported("AlterTableCmd", "identity change without options") }
            alterColumn(c)
            try identityChanges(options.items)
        case .atDropIdentity:
            try requireFields(c, [.name, .missingOk])
            alterColumn(c)
            out += c.missingOk ? "DROP IDENTITY IF EXISTS" : "DROP IDENTITY"
        case .atDropColumn:
            try requireFields(c, [.name, .missingOk, .behavior])
            out += c.missingOk ? "DROP COLUMN IF EXISTS " : "DROP COLUMN "
            ident(c.name)
            dropBehavior(c.behavior)

        case .atAddConstraint:
            try requireFields(c, [.def])
            guard case .constraint(let k)? = c.def else { throw unsupported("AlterTableCmd", "ADD without a constraint") }
            out += "ADD "
            try constraint(k, level: .table)
        case .atAlterConstraint:
            try requireFields(c, [.def])
            guard case .constraint(let k)? = c.def, !k.conname.isEmpty else { throw unsupported("AlterTableCmd", "ALTER CONSTRAINT without a name") }
            var grammar = Constraint()
            (grammar.contype, grammar.conname, grammar.deferrable, grammar.initdeferred) = (.constrForeign, k.conname, k.deferrable, k.initdeferred)
            var rest = k
            rest.location = 0
            try requirePrinted(rest, grammar, "Constraint", "ALTER CONSTRAINT")
            if k.initdeferred && !k.deferrable { throw unsupported("Constraint", "INITIALLY DEFERRED constraint that is not DEFERRABLE") }
            out += "ALTER CONSTRAINT "
            ident(k.conname)
            out += k.deferrable ? " DEFERRABLE" : " NOT DEFERRABLE"
            out += k.initdeferred ? " INITIALLY DEFERRED" : " INITIALLY IMMEDIATE"
        case .atValidateConstraint:
            try requireFields(c, [.name])
            out += "VALIDATE CONSTRAINT "
            ident(c.name)
        case .atDropConstraint:
            try requireFields(c, [.name, .missingOk, .behavior])
            out += c.missingOk ? "DROP CONSTRAINT IF EXISTS " : "DROP CONSTRAINT "
            ident(c.name)
            dropBehavior(c.behavior)

        case .atChangeOwner:
            try requireFields(c, [.newowner])
            guard let owner = c.newowner else { throw unsupported("AlterTableCmd", "OWNER TO without a role") }
            out += "OWNER TO "
            try roleSpec(owner)
        case .atClusterOn:
            try requireFields(c, [.name])
            out += "CLUSTER ON "
            ident(c.name)
        case .atSetAccessMethod:
            try requireFields(c, [.name])
            out += "SET ACCESS METHOD "
            ident(c.name)
        case .atSetTableSpace:
            try requireFields(c, [.name])
            out += "SET TABLESPACE "
            ident(c.name)
        case .atSetRelOptions, .atResetRelOptions:
            try requireFields(c, [.def])
            guard case .list(let options)? = c.def, !options.items.isEmpty else { throw unsupported("AlterTableCmd", "SET/RESET without options") }
            out += c.subtype == .atSetRelOptions ? "SET " : "RESET "
            try optionList(options.items, namespaces: true)
        case .atAddInherit, .atDropInherit:
            try requireFields(c, [.def])
            guard case .rangeVar(let parent)? = c.def else { throw unsupported("AlterTableCmd", "INHERIT without a table") }
            out += c.subtype == .atAddInherit ? "INHERIT " : "NO INHERIT "
            try relationName(parent)
        case .atAddOf:
            try requireFields(c, [.def])
            guard case .typeName(let type)? = c.def else { throw unsupported("AlterTableCmd", "OF without a type") }
            out += "OF "
            try plainTypeName(type)
        case .atReplicaIdentity:
            try requireFields(c, [.def])
            guard case .replicaIdentityStmt(let r)? = c.def else { throw unsupported("AlterTableCmd", "REPLICA IDENTITY without a kind") }
            switch (r.identityType, r.name.isEmpty) {
            case ("d", true): out += "REPLICA IDENTITY DEFAULT"
            case ("f", true): out += "REPLICA IDENTITY FULL"
            case ("n", true): out += "REPLICA IDENTITY NOTHING"
            case ("i", false):
                out += "REPLICA IDENTITY USING INDEX "
                ident(r.name)
            default: throw unsupported("ReplicaIdentityStmt", "replica identity '\(r.identityType)'")
            }
        case .atEnableTrig, .atEnableAlwaysTrig, .atEnableReplicaTrig, .atDisableTrig,
             .atEnableRule, .atEnableAlwaysRule, .atEnableReplicaRule, .atDisableRule:
            try requireFields(c, [.name])
            let words: String
            switch c.subtype {
            case .atEnableTrig: words = "ENABLE TRIGGER "
            case .atEnableAlwaysTrig: words = "ENABLE ALWAYS TRIGGER "
            case .atEnableReplicaTrig: words = "ENABLE REPLICA TRIGGER "
            case .atDisableTrig: words = "DISABLE TRIGGER "
            case .atEnableRule: words = "ENABLE RULE "
            case .atEnableAlwaysRule: words = "ENABLE ALWAYS RULE "
            case .atEnableReplicaRule: words = "ENABLE REPLICA RULE "
            default: words = "DISABLE RULE "
            }
            out.append(words)
            ident(c.name)

        case .atAttachPartition:
            try requireFields(c, [.def])
            guard case .partitionCmd(let p)? = c.def, let name = p.name, let bound = p.bound, !p.concurrent else {
                throw unsupported("AlterTableCmd", "ATTACH PARTITION without a partition and its bound")
            }
            out += "ATTACH PARTITION "
            try relationName(name)
            out += " "
            try partitionBound(bound)
        case .atDetachPartition, .atDetachPartitionFinalize:
            try requireFields(c, [.def])
            guard case .partitionCmd(let p)? = c.def, let name = p.name, p.bound == nil else {
                throw unsupported("AlterTableCmd", "DETACH PARTITION without a partition")
            }
            let finalize = c.subtype == .atDetachPartitionFinalize
            if finalize && p.concurrent { throw unsupported("PartitionCmd", "DETACH PARTITION CONCURRENTLY FINALIZE") }
            out += "DETACH PARTITION "
            try relationName(name)
            if p.concurrent { out += " CONCURRENTLY" }
            if finalize { out += " FINALIZE" }

        default:
            // The commands that take no arguments at all.
            let words: String
            switch c.subtype {
            case .atDropCluster: words = "SET WITHOUT CLUSTER"
            case .atSetLogged: words = "SET LOGGED"
            case .atSetUnLogged: words = "SET UNLOGGED"
            case .atDropOids: words = "SET WITHOUT OIDS"
            case .atDropOf: words = "NOT OF"
            case .atEnableTrigAll: words = "ENABLE TRIGGER ALL"
            case .atDisableTrigAll: words = "DISABLE TRIGGER ALL"
            case .atEnableTrigUser: words = "ENABLE TRIGGER USER"
            case .atDisableTrigUser: words = "DISABLE TRIGGER USER"
            case .atEnableRowSecurity: words = "ENABLE ROW LEVEL SECURITY"
            case .atDisableRowSecurity: words = "DISABLE ROW LEVEL SECURITY"
            case .atForceRowSecurity: words = "FORCE ROW LEVEL SECURITY"
            case .atNoForceRowSecurity: words = "NO FORCE ROW LEVEL SECURITY"
            default: throw unsupported("AlterTableCmd", "ALTER TABLE subcommand \(c.subtype.protoName)")
            }
            try requireFields(c, [])
            out.append(words)
        }
    }

    /// `RESTART [WITH n]`, `SET GENERATED {ALWAYS | BY DEFAULT}`, `SET sequence_option`, space-separated.
    private mutating func identityChanges(_ items: [Node]) throws(DeparseError) {
        for (i, item) in items.enumerated() {
            if i > 0 { out += " " }
            guard case .defElem(let d) = item else { throw unsupported(item, "\(item.typeName) as an identity option") }
            switch d.defname {
            case "restart":
                try sequenceOption(d)
            case "generated":
                try requireUnspecifiedAction(d)
                // The grammar stores the generated_when character as an integer.
                guard d.defnamespace.isEmpty, case .integer(let when)? = d.arg else { throw unsupported("DefElem", "SET GENERATED without a kind") }
                switch when.ival {
                case Int32(UInt8(ascii: "a")): out += "SET GENERATED ALWAYS"
                case Int32(UInt8(ascii: "d")): out += "SET GENERATED BY DEFAULT"
                default: throw unsupported("DefElem", "SET GENERATED \(when.ival)")
                }
            case "as", "owned_by":
                // The grammar rejects these after SET.
                throw unsupported("DefElem", "identity option \(d.defname)")
            default:
                out += "SET "
                try sequenceOption(d)
            }
        }
    }
}
