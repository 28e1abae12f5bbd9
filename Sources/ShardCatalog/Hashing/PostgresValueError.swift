/// An error that PostgreSQL would raise for a type name or a value, with its SQLSTATE and its
/// message worded exactly as PostgreSQL 15 words it (`invalid input syntax for type bigint:
/// "abc"`).
///
/// ``Code/featureNotSupported`` marks input PostgreSQL accepts but this package does not model
/// (for example `'now'`, whose value depends on the clock); its message says why.
public struct PostgresValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The SQLSTATE class of the error.
    public enum Code: String, Sendable, Hashable, Codable {
        case invalidTextRepresentation = "22P02"
        case numericValueOutOfRange = "22003"
        case stringDataRightTruncation = "22001"
        case datetimeFieldOverflow = "22008"
        case invalidDatetimeFormat = "22007"
        case invalidParameterValue = "22023"
        case characterNotInRepertoire = "22021"
        case untranslatableCharacter = "22P05"
        case datatypeMismatch = "42804"
        case undefinedFunction = "42883"
        case syntaxError = "42601"
        case featureNotSupported = "0A000"
    }

    /// The SQLSTATE class.
    public let code: Code
    /// The primary message, as PostgreSQL prints it after `ERROR:  `.
    public let message: String
    /// PostgreSQL's `DETAIL` line, when it prints one.
    public let detail: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, detail: String? = nil) {
        self.code = code
        self.message = message
        self.detail = detail
    }

    /// The message, followed by the detail when there is one.
    public var description: String {
        detail.map { "\(message) (\($0))" } ?? message
    }

    static func invalidSyntax(_ typeName: String, _ input: String) -> PostgresValueError {
        PostgresValueError(.invalidTextRepresentation, "invalid input syntax for type \(typeName): \"\(input)\"")
    }

    static func outOfRange(_ typeName: String, _ input: String) -> PostgresValueError {
        PostgresValueError(.numericValueOutOfRange, "value \"\(input)\" is out of range for type \(typeName)")
    }

    static func unsupported(_ message: String) -> PostgresValueError {
        PostgresValueError(.featureNotSupported, message)
    }
}
