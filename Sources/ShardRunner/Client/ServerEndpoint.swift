import Foundation

/// Where to reach one database of a PostgreSQL server: host, port, role, optional password and
/// database name.
public struct ServerEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Host name or address (`127.0.0.1`).
    public var host: String
    /// TCP port.
    public var port: Int
    /// Role to connect as.
    public var user: String
    /// Password, when the server asks for one.
    public var password: String?
    /// Database name.
    public var database: String

    /// Creates an endpoint.
    public init(host: String, port: Int, user: String, password: String? = nil, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// Parses `postgres://user[:password]@host[:port][/database]` (also `postgresql://`).
    /// The port defaults to 5432, the database to `postgres`, the user to `postgres`.
    ///
    /// - Throws: ``ShardRunnerError`` when the text is not such a URL.
    public init(url: String) throws(ShardRunnerError) {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty else {
            throw ShardRunnerError("not a postgres://user@host:port/database URL: \(url)")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding ?? $0 } ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding ?? $0 }
        database = components.path.count > 1 ? String(components.path.dropFirst()) : "postgres"
    }

    /// The same server, another database.
    public func database(_ name: String) -> ServerEndpoint {
        var copy = self
        copy.database = name
        return copy
    }

    /// `postgres://user@host:port/database` (the password is never printed).
    public var url: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// Same as ``url``.
    public var description: String { url }
}
