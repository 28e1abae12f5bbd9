import Foundation

/// An error from starting, stopping or querying a PostgreSQL server.
public struct PostgresServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, including PostgreSQL's own message where there is one.
    public let message: String
    /// PostgreSQL's error message (the text after `ERROR:  `) when the server rejected SQL.
    public let serverMessage: String?
    /// PostgreSQL's `DETAIL` line, if any.
    public let detail: String?

    /// Creates an error with a message.
    public init(_ message: String, serverMessage: String? = nil, detail: String? = nil) {
        self.message = message
        self.serverMessage = serverMessage
        self.detail = detail
    }

    /// The message.
    public var description: String { message }
}

/// Where to reach one database of a PostgreSQL server, and how to run SQL there with `psql`.
///
/// A connection is a plain value: every call starts a `psql -X -A -t` process, so it is safe
/// to use from any number of concurrent tasks.
public struct PostgresConnection: Sendable, Hashable {
    /// Host name or address (`127.0.0.1`).
    public let host: String
    /// TCP port.
    public let port: Int
    /// Role to connect as.
    public let user: String
    /// Database name.
    public let database: String
    /// Password, for external servers that need one.
    public let password: String?
    /// The `psql` executable.
    public let psqlPath: String

    /// Creates a connection description.
    public init(host: String, port: Int, user: String, database: String, password: String? = nil,
                psqlPath: String = PostgresServer.defaultBinDirectory + "/psql") {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.password = password
        self.psqlPath = psqlPath
    }

    /// The connection as a `postgres://user@host:port/database` URL.
    public var url: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The same server, another database.
    public func database(_ name: String) -> PostgresConnection {
        PostgresConnection(host: host, port: port, user: user, database: name, password: password, psqlPath: psqlPath)
    }

    /// Runs SQL (any number of statements and psql meta-commands) and returns what `psql -A -t`
    /// prints: one line per row, fields joined by `fieldSeparator`.
    ///
    /// - Throws: ``PostgresServerError`` whose ``PostgresServerError/serverMessage`` is
    ///   PostgreSQL's message when a statement fails (execution stops at the first error).
    @discardableResult
    public func execute(_ sql: String, fieldSeparator: String = "|") throws(PostgresServerError) -> String {
        try runPSQL(input: sql, extraArguments: ["-F", fieldSeparator])
    }

    /// Runs SQL read from a file, as ``execute(_:fieldSeparator:)`` does.
    @discardableResult
    public func executeFile(atPath path: String, fieldSeparator: String = "|") throws(PostgresServerError) -> String {
        try runPSQL(input: nil, file: path, extraArguments: ["-F", fieldSeparator])
    }

    /// Runs SQL and returns the rows of its results, with `nil` for SQL NULL. Fields may hold
    /// any text, including separators and newlines.
    public func query(_ sql: String) throws(PostgresServerError) -> [[String?]] {
        let output = try runPSQL(input: sql, extraArguments: [
            "-F", Self.fieldSeparator, "-R", Self.recordSeparator, "-P", "null=\(Self.nullMarker)",
        ])
        var rows: [[String?]] = []
        for record in output.split(separator: Character(Self.recordSeparator), omittingEmptySubsequences: false) {
            var line = Substring(record)
            // psql ends the last record with a newline instead of the record separator.
            if line.hasSuffix("\n") { line = line.dropLast() }
            if line.isEmpty { continue }
            rows.append(line.split(separator: Character(Self.fieldSeparator), omittingEmptySubsequences: false).map {
                $0 == Self.nullMarker ? nil : String($0)
            })
        }
        return rows
    }

    /// Loads rows into a table with one client-side `\copy ... FROM` (text format).
    ///
    /// - Parameters:
    ///   - table: the (possibly qualified, already quoted if needed) table name.
    ///   - columns: the columns to fill, or empty for all columns in order.
    ///   - rows: the values as text, `nil` for NULL.
    public func copy(into table: String, columns: [String] = [], rows: [[String?]]) throws(PostgresServerError) {
        var data = ""
        for row in rows {
            data += row.map { $0.map(Self.escapeCopyText) ?? "\\N" }.joined(separator: "\t")
            data += "\n"
        }
        try copy(into: table, columns: columns, copyText: data)
    }

    /// Loads data already in COPY text format (tab-separated, `\N` for NULL) into a table.
    public func copy(into table: String, columns: [String] = [], copyText: String) throws(PostgresServerError) {
        let scratch = TemporaryFiles.makeDirectory(prefix: "shardplan-copy")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let path = scratch + "/data.tsv"
        guard FileManager.default.createFile(atPath: path, contents: Data(copyText.utf8)) else {
            throw PostgresServerError("could not write COPY data to \(path)")
        }
        let columnList = columns.isEmpty ? "" : "(" + columns.joined(separator: ", ") + ")"
        let quotedPath = "'" + path.replacingOccurrences(of: "'", with: "''") + "'"
        try runPSQL(input: "\\copy \(table)\(columnList) from \(quotedPath)\n", extraArguments: [])
    }

    static let fieldSeparator = "\u{1F}"
    static let recordSeparator = "\u{1E}"
    static let nullMarker = "\u{1D}"

    /// Escapes a value for COPY's text format (backslash, tab, line feed, carriage return).
    public static func escapeCopyText(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    @discardableResult
    private func runPSQL(input: String?, file: String? = nil, extraArguments: [String]) throws(PostgresServerError) -> String {
        guard FileManager.default.isExecutableFile(atPath: psqlPath) else {
            throw PostgresServerError("postgresql-15 is not installed: \(psqlPath) not found (apt-get install -y postgresql-15)")
        }
        var scratch: String? = nil
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        var path = file
        if let input {
            let directory = TemporaryFiles.makeDirectory(prefix: "shardplan-sql")
            scratch = directory
            path = directory + "/input.sql"
            guard FileManager.default.createFile(atPath: path!, contents: Data(input.utf8)) else {
                throw PostgresServerError("could not write SQL to \(path!)")
            }
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PGCLIENTENCODING"] = "UTF8"
        environment["PGCONNECT_TIMEOUT"] = "10"
        environment.removeValue(forKey: "PGOPTIONS")
        if let password { environment["PGPASSWORD"] = password }
        let arguments = [
            "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-P", "pager=off",
            "-h", host, "-p", String(port), "-U", user, "-d", database, "-f", path!,
        ] + extraArguments
        let output = try ProcessRunner.run(psqlPath, arguments, environment: environment)
        guard output.status == 0 else {
            throw Self.error(from: output.standardError, status: output.status, target: url)
        }
        return output.standardOutput
    }

    /// Extracts PostgreSQL's `ERROR:` and `DETAIL:` lines from psql's messages.
    static func error(from standardError: String, status: Int32, target: String) -> PostgresServerError {
        var message: String? = nil
        var detail: String? = nil
        for line in standardError.split(separator: "\n") {
            if message == nil, let range = line.range(of: "ERROR:  ") {
                message = String(line[range.upperBound...])
            } else if message != nil, detail == nil, let range = line.range(of: "DETAIL:  ") {
                detail = String(line[range.upperBound...])
            } else if message == nil, let range = line.range(of: "FATAL:  ") {
                message = String(line[range.upperBound...])
            }
        }
        let text = standardError.trimmingCharacters(in: .whitespacesAndNewlines)
        if let message {
            return PostgresServerError("PostgreSQL error on \(target): \(message)" + (detail.map { " (\($0))" } ?? ""),
                                       serverMessage: message, detail: detail)
        }
        return PostgresServerError("psql failed on \(target) with status \(status): \(text)")
    }
}
