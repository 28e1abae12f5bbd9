/// An error from running SQL on the cluster, starting servers or loading shards.
///
/// When PostgreSQL rejected a statement, ``serverMessage`` holds its message (the text after
/// `ERROR:`), ``sqlState`` its SQLSTATE code and ``statement`` the SQL that failed.
public struct ShardRunnerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, with the node and PostgreSQL's own message where there is one.
    public var message: String
    /// PostgreSQL's error message, when the server rejected SQL.
    public var serverMessage: String?
    /// PostgreSQL's `DETAIL` field, if any.
    public var detail: String?
    /// PostgreSQL's SQLSTATE code (`42P01`, `57014` for a statement timeout...), if any.
    public var sqlState: String?
    /// The SQL that failed, if the error came from a statement.
    public var statement: String?

    /// Creates an error.
    public init(_ message: String, serverMessage: String? = nil, detail: String? = nil, sqlState: String? = nil,
                statement: String? = nil) {
        self.message = message
        self.serverMessage = serverMessage
        self.detail = detail
        self.sqlState = sqlState
        self.statement = statement
    }

    /// The message.
    public var description: String { message }
}
