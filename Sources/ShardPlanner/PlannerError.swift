import SQLSyntax

/// A statement shardplan cannot plan, with PostgreSQL's or Citus's message where they have one.
public struct PlannerError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The SQL is wrong for this catalog (unknown column, ambiguous reference...): PostgreSQL
        /// itself would reject it.
        case invalid
        /// Citus (and shardplan) cannot distribute this statement; the message says why.
        case unsupported
        /// A construct shardplan does not plan yet (later work), never planned wrongly.
        case notYetSupported
        /// The statement does not parse.
        case syntax
    }

    public var kind: Kind
    public var message: String
    public var detail: String?
    public var hint: String?
    /// Byte offset into the SQL, when the error has a position.
    public var position: Int?

    public init(_ kind: Kind, _ message: String, detail: String? = nil, hint: String? = nil, position: Int? = nil) {
        self.kind = kind
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
    }

    static func invalid(_ message: String, at location: Int32? = nil, hint: String? = nil) -> PlannerError {
        PlannerError(.invalid, message, hint: hint, position: location.flatMap { $0 > 0 ? Int($0) : nil })
    }

    static func unsupported(_ message: String, detail: String? = nil, hint: String? = nil) -> PlannerError {
        PlannerError(.unsupported, message, detail: detail, hint: hint)
    }

    static func notYet(_ construct: String, hint: String? = nil) -> PlannerError {
        PlannerError(.notYetSupported, "\(construct) is not supported yet", hint: hint)
    }

    public var description: String {
        var out = "error: \(message)"
        if let detail { out += "\ndetail: \(detail)" }
        if let hint { out += "\nhint: \(hint)" }
        return out
    }

    /// The message with the SQL line and a caret under the position, when there is one.
    public func rendered(sql: String) -> String {
        guard let position else { return description }
        var error = ParseError(message: message, sql: sql, offset: position, kind: .syntax, hint: hint).rendered
        if let detail { error += "\ndetail: \(detail)" }
        return error
    }
}
