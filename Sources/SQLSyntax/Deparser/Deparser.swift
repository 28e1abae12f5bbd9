/// A node the deparser cannot print. The deparser never prints partial or different SQL instead.
public struct DeparseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The PostgreSQL node type, e.g. `XmlSerialize`.
    public var nodeType: String
    /// What is not supported about it.
    public var message: String
    /// Byte offset of the node in the statement's SQL, when the tree has locations.
    public var location: Int?

    public init(nodeType: String, message: String, location: Int? = nil) {
        self.nodeType = nodeType
        self.message = message
        self.location = location.flatMap { $0 >= 0 ? $0 : nil }
    }

    public var description: String {
        var s = "unsupported syntax: \(message) (\(nodeType))"
        if let location { s += " at byte \(location)" }
        return s
    }
}

/// Prints syntax trees back as SQL that PostgreSQL parses to the same tree.
public enum SQLDeparser {
    /// The deepest expression nesting printed (guards the stack; the parser bounds its trees too).
    public static let maxDepth = 1_000

    /// Prints one statement, without a terminating semicolon.
    public static func deparse(_ node: Node) throws(DeparseError) -> String {
        var p = SQLPrinter()
        try p.statement(node)
        return p.out.text
    }

    /// Prints one expression (a target, a WHERE clause, a constant...).
    public static func deparseExpression(_ node: Node) throws(DeparseError) -> String {
        var p = SQLPrinter()
        try p.expr(node)
        return p.out.text
    }

    /// Prints a type name as PostgreSQL accepts it, e.g. `timestamp(3) with time zone`, `"char"`, `integer[]`.
    public static func deparse(_ typeName: TypeName) throws(DeparseError) -> String {
        var p = SQLPrinter()
        try p.typeName(typeName)
        return p.out.text
    }

    /// Quotes an identifier exactly when PostgreSQL needs it.
    public static func quoteIdentifier(_ name: String) -> String {
        var p = SQLPrinter()
        p.ident(name)
        return p.out.text
    }

    /// A string literal for any text (`'it''s'`, or `E'a\\b'` when it holds a backslash).
    public static func quoteLiteral(_ value: String) -> String {
        var p = SQLPrinter()
        p.stringLiteral(value)
        return p.out.text
    }
}

/// The printing state. Each `mutating func` appends one construct to `out`.
struct SQLPrinter {
    var out = SQLOutput()
    var depth = 0
    var stack = StackGuard()

    func unsupported(_ node: Node, _ message: String, location: Int32? = nil) -> DeparseError {
        DeparseError(nodeType: String(describing: node.typeName), message: message, location: (location ?? node.location).map(Int.init))
    }

    func unsupported(_ type: String, _ message: String, location: Int32? = nil) -> DeparseError {
        DeparseError(nodeType: type, message: message, location: location.map(Int.init))
    }

    mutating func enter(_ node: Node) throws(DeparseError) {
        depth += 1
        if depth > SQLDeparser.maxDepth || (depth >= 12 && stack.isLow()) {
            throw unsupported(node, "expression nested too deeply to print (\(depth) levels)")
        }
    }

    // MARK: identifiers and literals

    /// PostgreSQL's quote_identifier: plain only for lower-case, non-keyword, identifier-shaped names.
    mutating func ident(_ name: String) {
        var name = name
        // Native strings give their bytes without a copy (small ones from a stack copy).
        name.withUTF8 { bytes in
            if Self.isPlainIdentifier(bytes) {
                out.append(bytes)
                return
            }
            // `"` is never part of a multi-byte UTF-8 sequence, so doubling it byte by byte is exact.
            out.append(byte: UInt8(ascii: "\""))
            for b in bytes {
                if b == UInt8(ascii: "\"") { out.append(byte: b) }
                out.append(byte: b)
            }
            out.append(byte: UInt8(ascii: "\""))
        }
    }

    /// Starts with a lower-case letter or `_`, continues with those, digits and `$`, and is no keyword
    /// that needs quoting (hashed in the same pass, see Keywords.swift).
    static func isPlainIdentifier(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = name.first, first == UInt8(ascii: "_") || (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) else {
            return false
        }
        var hash = keywordHashSeed
        for b in name {
            let ok = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "$")
            if !ok { return false }
            hash = keywordHash(hash, b)
        }
        return name.count > longestQuotedKeyword || !isQuotedKeyword(name, hash: hash)
    }

    /// A dotted name (schema.table, schema.function), each part quoted as needed.
    mutating func qualifiedName(_ parts: [Node]) throws(DeparseError) {
        for (i, part) in parts.enumerated() {
            if i > 0 { out += "." }
            guard case .string(let s) = part else { throw unsupported(part, "name part that is not a string") }
            ident(s.sval)
        }
    }

    mutating func stringLiteral(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            var quotes = false
            var backslash = false
            for b in bytes {
                if b == UInt8(ascii: "'") { quotes = true } else if b == UInt8(ascii: "\\") { backslash = true }
            }
            if !quotes && !backslash {
                out.append(byte: UInt8(ascii: "'"))
                out.append(bytes)
                out.append(byte: UInt8(ascii: "'"))
                return
            }
            // E'' with doubled backslashes reads the same whatever standard_conforming_strings says.
            // Both characters are ASCII, so doubling them byte by byte leaves multi-byte characters intact.
            out += backslash ? "E'" : "'"
            for b in bytes {
                if b == UInt8(ascii: "'") || b == UInt8(ascii: "\\") { out.append(byte: b) }
                out.append(byte: b)
            }
            out.append(byte: UInt8(ascii: "'"))
        }
    }

    /// The name of a one-part name list (an operator like `=`), without allocating.
    @inline(__always)
    static func singleName(_ nodes: [Node]) -> String? {
        guard nodes.count == 1, case .string(let s) = nodes[0] else { return nil }
        return s.sval
    }

    /// Whether a two-part name list is `schema.name`, without allocating.
    @inline(__always)
    static func isName(_ nodes: [Node], _ schema: String, _ name: String) -> Bool {
        guard nodes.count == 2, case .string(let a) = nodes[0], case .string(let b) = nodes[1] else { return false }
        return a.sval == schema && b.sval == name
    }

    static func strings(_ nodes: [Node]) -> [String]? {
        var result: [String] = []
        result.reserveCapacity(nodes.count)
        for n in nodes {
            guard case .string(let s) = n else { return nil }
            result.append(s.sval)
        }
        return result
    }

    mutating func identList(_ nodes: [Node]) throws(DeparseError) {
        for (i, n) in nodes.enumerated() {
            if i > 0 { out += ", " }
            guard case .string(let s) = n else { throw unsupported(n, "name that is not a string") }
            ident(s.sval)
        }
    }

    mutating func exprList(_ nodes: [Node]) throws(DeparseError) {
        for (i, n) in nodes.enumerated() {
            if i > 0 { out += ", " }
            try expr(n)
        }
    }

    // MARK: statements

    mutating func statement(_ node: Node) throws(DeparseError) {
        switch node {
        case .selectStmt(let s): try selectStmt(s)
        case .insertStmt(let s): try insertStmt(s, node)
        case .updateStmt(let s): try updateStmt(s)
        case .deleteStmt(let s): try deleteStmt(s)
        case .createStmt(let s): try createStmt(s)
        case .indexStmt(let s): try indexStmt(s)
        case .alterTableStmt(let s): try alterTableStmt(s)
        case .createSchemaStmt(let s): try createSchemaStmt(s)
        case .dropStmt(let s): try dropStmt(s)
        case .rawStmt(let s):
            guard let inner = s.stmt else { throw unsupported(node, "empty statement") }
            try statement(inner)
        default:
            throw unsupported(node, "statement type \(node.typeName) cannot be printed")
        }
    }
}
