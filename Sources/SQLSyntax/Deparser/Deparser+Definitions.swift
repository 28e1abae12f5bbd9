// Pieces shared by the DDL printers: relation names, option lists (`WITH (...)`), sequence
// options and the check that a node holds nothing the printed syntax would lose.

extension SQLPrinter {
    /// Throws unless `rest` equals `grammar`.
    ///
    /// `rest` is the node with every field the printer wrote reset; `grammar` is what PostgreSQL's
    /// grammar builds for that form. Any difference is a field the printed SQL would not carry, so
    /// printing it would give different SQL.
    func requirePrinted<T: Equatable>(_ rest: T, _ grammar: T, _ type: String, _ form: String) throws(DeparseError) {
        if rest != grammar {
            throw unsupported(type, "\(type) with settings that \(form) syntax cannot express")
        }
    }

    /// A relation as DDL names it: `[ONLY] [[catalog.]schema.]name`.
    ///
    /// - Parameters:
    ///   - persistence: the `relpersistence` the grammar gives this position (`p` except for the
    ///     table a CREATE TABLE creates).
    ///   - allowOnly: whether the position takes `relation_expr` (`ONLY name`) rather than
    ///     `qualified_name`.
    mutating func relationName(_ r: RangeVar, persistence: String = "p", allowOnly: Bool = false) throws(DeparseError) {
        guard !r.relname.isEmpty, r.catalogname.isEmpty || !r.schemaname.isEmpty else {
            throw unsupported("RangeVar", "relation without a name", location: r.location)
        }
        var rest = r
        rest.catalogname = ""
        rest.schemaname = ""
        rest.relname = ""
        rest.location = 0
        var grammar = RangeVar()
        grammar.inh = allowOnly ? r.inh : true
        grammar.relpersistence = persistence
        try requirePrinted(rest, grammar, "RangeVar", "a relation name in DDL")
        try rangeVar(r, alias: false)
    }

    /// A list of relations: `INHERITS (a, b)`, the parent of `PARTITION OF`.
    mutating func relationNames(_ nodes: [Node]) throws(DeparseError) {
        for (i, n) in nodes.enumerated() {
            if i > 0 { out += ", " }
            guard case .rangeVar(let r) = n else { throw unsupported(n, "\(n.typeName) where a table name belongs") }
            try relationName(r)
        }
    }

    /// A type named by `any_name` only (`OF type`, `ALTER TABLE ... OF type`), as
    /// `makeTypeNameFromNameList` builds it.
    mutating func plainTypeName(_ t: TypeName) throws(DeparseError) {
        guard !t.names.isEmpty else { throw unsupported("TypeName", "type without a name", location: t.location) }
        var rest = t
        rest.names = []
        rest.location = 0
        var grammar = TypeName()
        grammar.typemod = -1
        try requirePrinted(rest, grammar, "TypeName", "a plain type name (OF type_name)")
        try qualifiedName(t.names)
    }

    /// `'(' name = value, ... ')'`: storage parameters (`reloptions`, which take `namespace.name`)
    /// and index or constraint definitions (`definition`, which do not).
    mutating func optionList(_ nodes: [Node], namespaces: Bool) throws(DeparseError) {
        out += "("
        for (i, n) in nodes.enumerated() {
            if i > 0 { out += ", " }
            guard case .defElem(let d) = n else { throw unsupported(n, "\(n.typeName) in an option list") }
            guard !d.defname.isEmpty, namespaces || d.defnamespace.isEmpty else {
                throw unsupported("DefElem", "option \(d.defnamespace).\(d.defname) in a list that takes no namespace")
            }
            try requireUnspecifiedAction(d)
            if !d.defnamespace.isEmpty {
                ident(d.defnamespace)
                out += "."
            }
            ident(d.defname)
            if let arg = d.arg {
                out += " = "
                try definitionArgument(arg)
            }
        }
        out += ")"
    }

    /// `OPTIONS (name 'value', ...)` of a column (foreign-data wrapper options).
    mutating func genericOptions(_ nodes: [Node]) throws(DeparseError) {
        out += "OPTIONS ("
        for (i, n) in nodes.enumerated() {
            if i > 0 { out += ", " }
            guard case .defElem(let d) = n, d.defnamespace.isEmpty, !d.defname.isEmpty,
                  case .string(let value)? = d.arg else {
                throw unsupported(n, "generic option that is not name 'value'")
            }
            try requireUnspecifiedAction(d)
            ident(d.defname)
            out += " "
            stringLiteral(value.sval)
        }
        out += ")"
    }

    /// Every grammar rule for plain options builds DefElems with `makeDefElem`: no action, and only
    /// the name, namespace and argument vary.
    func requireUnspecifiedAction(_ d: DefElem) throws(DeparseError) {
        if d.defaction != .defelemUnspec {
            throw unsupported("DefElem", "option \(d.defname) with an ADD/SET/DROP action")
        }
    }

    /// `def_arg`: a number, a string, a type or keyword-like word, or an operator.
    mutating func definitionArgument(_ arg: Node) throws(DeparseError) {
        switch arg {
        case .integer, .float:
            try numericOnly(arg)
        case .string(let s):
            // Reserved words and NONE arrive as strings too; a literal reads back as the same string.
            stringLiteral(s.sval)
        case .typeName(let t):
            try typeName(t)
        case .list(let l):
            // qual_all_Op
            guard let parts = Self.strings(l.items), let op = parts.last, Self.isOperatorSymbol(op) else {
                throw unsupported(arg, "option value list that is not an operator name")
            }
            qualifiedOperator(parts)
        default:
            throw unsupported(arg, "\(arg.typeName) as an option value")
        }
    }

    /// `NumericOnly`: an integer or a (possibly signed) decimal number.
    mutating func numericOnly(_ n: Node) throws(DeparseError) {
        switch n {
        case .integer(let i):
            // libpg_query 15-4.0.0 writes an Integer only when it is positive: 0 and every negative
            // value arrive as 0 here, so the true value is unknown.
            guard i.ival > 0 else {
                throw unsupported(n, "integer option value that is zero or negative (libpg_query does not keep its value)")
            }
            out.append(i.ival)
        case .float(let f):
            guard Self.isNumericLiteral(f.fval) else { throw unsupported(n, "number \(f.fval)") }
            out.append(f.fval)
        default:
            throw unsupported(n, "\(n.typeName) where a number belongs")
        }
    }

    /// `[-]digits[.digits][e[+-]digits]`, as the lexer reads a number (a leading `-` is the grammar's).
    static func isNumericLiteral(_ s: String) -> Bool {
        var bytes = Substring(s).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let mantissaEnd = bytes.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? bytes.endIndex
        let mantissa = bytes[..<mantissaEnd]
        let digits = mantissa.filter(isDigit).count
        let dots = mantissa.filter { $0 == UInt8(ascii: ".") }.count
        guard digits > 0, dots <= 1, digits + dots == mantissa.count else { return false }
        if mantissaEnd == bytes.endIndex { return true }
        var exponent = bytes[bytes.index(after: mantissaEnd)...]
        if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(isDigit)
    }

    /// Characters the lexer reads as one operator token.
    static func isOperatorSymbol(_ s: String) -> Bool {
        !s.isEmpty && !s.contains("--") && !s.contains("/*") && s.utf8.allSatisfy { "+-*/<>=~!@#%^&|`?".utf8.contains($0) }
    }

    /// `GENERATED ... AS IDENTITY (options)` and other sequence options (`SeqOptElem`), space-separated.
    mutating func sequenceOptions(_ nodes: [Node]) throws(DeparseError) {
        for (i, n) in nodes.enumerated() {
            if i > 0 { out += " " }
            guard case .defElem(let d) = n else { throw unsupported(n, "\(n.typeName) as a sequence option") }
            try sequenceOption(d)
        }
    }

    mutating func sequenceOption(_ d: DefElem) throws(DeparseError) {
        guard d.defnamespace.isEmpty else { throw unsupported("DefElem", "sequence option with a namespace") }
        try requireUnspecifiedAction(d)
        switch (d.defname, d.arg) {
        case ("as", .typeName(let t)?):
            guard t.arrayBounds.isEmpty, !t.setof, !t.pctType else {
                throw unsupported("DefElem", "sequence type that is not a simple type name")
            }
            out += "AS "
            try typeName(t)
        case ("cache", let arg?):
            out += "CACHE "
            try numericOnly(arg)
        case ("cycle", .boolean(let b)?):
            out += b.boolval ? "CYCLE" : "NO CYCLE"
        case ("increment", let arg?):
            out += "INCREMENT BY "
            try numericOnly(arg)
        case ("maxvalue", nil): out += "NO MAXVALUE"
        case ("maxvalue", let arg?):
            out += "MAXVALUE "
            try numericOnly(arg)
        case ("minvalue", nil): out += "NO MINVALUE"
        case ("minvalue", let arg?):
            out += "MINVALUE "
            try numericOnly(arg)
        case ("owned_by", .list(let l)?) where !l.items.isEmpty:
            out += "OWNED BY "
            try qualifiedName(l.items)
        case ("sequence_name", .list(let l)?) where !l.items.isEmpty:
            out += "SEQUENCE NAME "
            try qualifiedName(l.items)
        case ("start", let arg?):
            out += "START WITH "
            try numericOnly(arg)
        case ("restart", nil): out += "RESTART"
        case ("restart", let arg?):
            out += "RESTART WITH "
            try numericOnly(arg)
        default:
            throw unsupported("DefElem", "sequence option \(d.defname)")
        }
    }

    /// A role as `RoleSpec` spells it: a name, CURRENT_ROLE, CURRENT_USER, SESSION_USER or PUBLIC.
    mutating func roleSpec(_ r: RoleSpec) throws(DeparseError) {
        // Only the kind and the name can be spelled; anything else set would be lost.
        var rest = r
        rest.location = 0
        rest.rolename = ""
        var grammar = RoleSpec()
        grammar.roletype = r.roletype
        try requirePrinted(rest, grammar, "RoleSpec", "a role")
        switch r.roletype {
        case .rolespecCstring:
            // The grammar turns these two names into PUBLIC or an error whatever the quoting.
            guard !r.rolename.isEmpty, r.rolename != "public", r.rolename != "none" else {
                throw unsupported("RoleSpec", "role named \(r.rolename.isEmpty ? "with an empty name" : r.rolename)")
            }
            ident(r.rolename)
        case .rolespecCurrentRole: out += "CURRENT_ROLE"
        case .rolespecCurrentUser: out += "CURRENT_USER"
        case .rolespecSessionUser: out += "SESSION_USER"
        case .rolespecPublic: out += "PUBLIC"
        case .roleSpecTypeUndefined: throw unsupported("RoleSpec", "role of no kind")
        }
    }

    /// ` CASCADE` when asked; RESTRICT is the default and needs no word.
    mutating func dropBehavior(_ b: DropBehavior) {
        if b == .dropCascade { out += " CASCADE" }
    }
}
