/// A catalog operation that failed, with Citus's or PostgreSQL's message where they have one.
///
/// The schema loader adds where in the script the failing statement stands.
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var detail: String?
    public var hint: String?
    /// The statement that failed, when the error comes from a schema script.
    public var statement: StatementPosition?

    public init(_ message: String, detail: String? = nil, hint: String? = nil, statement: StatementPosition? = nil) {
        self.message = message
        self.detail = detail
        self.hint = hint
        self.statement = statement
    }

    /// `schema.sql:12:1: error: ...`, the statement, then detail and hint lines.
    public var description: String {
        var out = ""
        if let statement {
            out += "\(statement.fileName ?? "<schema>"):\(statement.line):\(statement.column): "
        }
        out += "error: \(message)"
        if let statement { out += "\n  in statement \(statement.index + 1): \(statement.excerpt)" }
        if let detail { out += "\ndetail: \(detail)" }
        if let hint { out += "\nhint: \(hint)" }
        return out
    }
}

/// Where a statement stands in a schema script.
public struct StatementPosition: Sendable, Hashable, Codable {
    public var fileName: String?
    /// 0-based index of the statement in the script.
    public var index: Int
    /// Byte offset of the statement's first character.
    public var offset: Int
    /// 1-based line and column of the statement's first character.
    public var line: Int
    public var column: Int
    /// The statement's first line, shortened to 100 characters.
    public var excerpt: String

    public init(fileName: String?, index: Int, offset: Int, line: Int, column: Int, excerpt: String) {
        self.fileName = fileName
        self.index = index
        self.offset = offset
        self.line = line
        self.column = column
        self.excerpt = excerpt
    }
}
