import Foundation
import PostgresNIO
import PostgresServer

/// One connection to one database of one node, over PostgresNIO.
///
/// A session runs one statement at a time and returns every value in PostgreSQL's text form
/// (see ``QueryResult``). Open one per node for each query run, with ``withSession(to:statementTimeout:_:)``
/// or ``connect(to:statementTimeout:)`` and ``close()``.
///
/// ```swift
/// let count = try await NodeSession.withSession(to: endpoint) { session in
///     try await session.query("SELECT count(*) FROM orders").scalar
/// }
/// ```
public final class NodeSession: Sendable {
    /// The database this session is connected to.
    public let endpoint: ServerEndpoint
    let connection: PostgresNIO.PostgresConnection
    private let logger: Logger
    private let arrayTypeCache = Locked<[UInt32: UInt32]>([:])
    /// How long the client waits for any statement before it closes the connection: the
    /// statement timeout plus a grace period. The server enforces the statement timeout itself;
    /// this covers a server that stopped answering (killed, frozen, cut off).
    let clientDeadline: Duration?

    /// The client's grace period beyond the statement timeout.
    public static let deadlineGrace: Duration = .seconds(5)

    private init(endpoint: ServerEndpoint, connection: PostgresNIO.PostgresConnection, logger: Logger, statementTimeout: Duration?) {
        self.endpoint = endpoint
        self.connection = connection
        self.logger = logger
        self.clientDeadline = statementTimeout.map { $0 + Self.deadlineGrace }
    }

    /// Opens a connection (no TLS) and sets `statement_timeout`.
    ///
    /// - Parameters:
    ///   - endpoint: the database to connect to.
    ///   - statementTimeout: the longest a statement may run (`SET statement_timeout`); `nil`
    ///     leaves the server's setting (no limit by default).
    /// - Throws: ``ShardRunnerError`` when the server cannot be reached or refuses the login.
    public static func connect(to endpoint: ServerEndpoint, statementTimeout: Duration? = .seconds(120)) async throws(ShardRunnerError) -> NodeSession {
        var logger = Logger(label: "shardrunner.session")
        logger.logLevel = .critical
        let configuration = PostgresNIO.PostgresConnection.Configuration(
            host: endpoint.host, port: endpoint.port, username: endpoint.user, password: endpoint.password,
            database: endpoint.database, tls: .disable)
        let deadline = (statementTimeout ?? .seconds(25)) + deadlineGrace
        let outcome = await firstOf(deadline: deadline) { [logger] in
            try await PostgresNIO.PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                id: NodeSession.nextConnectionId(), logger: logger)
        } late: { connection in
            try? await connection.close()
        }
        let connection: PostgresNIO.PostgresConnection
        switch outcome {
        case .success(let value): connection = value
        case .failure(let error): throw ShardRunnerError.from(error, context: "cannot connect to \(endpoint)")
        case nil: throw ShardRunnerError("cannot connect to \(endpoint): no answer within \(deadline)")
        }
        let session = NodeSession(endpoint: endpoint, connection: connection, logger: logger, statementTimeout: statementTimeout)
        if let statementTimeout {
            let milliseconds = statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
            do {
                try await session.execute("SET statement_timeout = \(max(milliseconds, 1))")
            } catch {
                await session.close()
                throw error
            }
        }
        return session
    }

    /// Opens a session, runs `body` and closes the session, also when `body` throws.
    ///
    /// - Throws: ``ShardRunnerError``; an error of another type thrown by `body` is wrapped in
    ///   one.
    public static func withSession<Result>(
        to endpoint: ServerEndpoint, statementTimeout: Duration? = .seconds(120),
        _ body: (NodeSession) async throws -> Result
    ) async throws(ShardRunnerError) -> Result {
        let session = try await connect(to: endpoint, statementTimeout: statementTimeout)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw ShardRunnerError.from(error, context: "failed on \(endpoint)")
        }
    }

    /// How long ``close()`` waits for the connection to close before it gives up on it.
    public static let closeDeadline: Duration = .seconds(5)

    /// Closes the connection. Errors while closing are ignored, and so is a close that does not
    /// finish within ``closeDeadline`` (the channel is abandoned then): closing never hangs, also
    /// when the peer was killed or frozen in any state of the connection.
    public func close() async {
        _ = await Self.firstOf(deadline: Self.closeDeadline, { [connection] in try await connection.close() }, late: { _ in })
    }

    // MARK: Running SQL

    /// Runs one statement and returns its rows as text.
    ///
    /// - Parameter sql: a single SQL statement (the extended protocol takes one at a time), with
    ///   no parameters.
    /// - Throws: ``ShardRunnerError`` with PostgreSQL's message, SQLSTATE and the statement.
    public func query(_ sql: String) async throws(ShardRunnerError) -> QueryResult {
        let sequence: PostgresRowSequence
        let rows: [PostgresRow]
        (sequence, rows) = try await guarded(sql) { [connection, logger] in
            let sequence = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            return (sequence, try await sequence.collect())
        }
        let columns = sequence.columns.map { ResultColumn(name: $0.name, typeOID: $0.dataType.rawValue) }
        return try await textResult(columns: columns, rows: rows)
    }

    /// Runs one statement that changes rows (INSERT, UPDATE, DELETE, with or without
    /// RETURNING) and returns the affected row count from the command tag, with any RETURNING
    /// rows as text.
    ///
    /// The column descriptions come from the rows, so a statement that returns no rows has no
    /// columns.
    public func modify(_ sql: String) async throws(ShardRunnerError) -> QueryResult {
        let result = try await guarded(sql) { [connection, logger] in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).get()
        }
        let rows = Array(result.rows)
        let columns = rows.first.map { row in row.map { ResultColumn(name: $0.columnName, typeOID: $0.dataType.rawValue) } } ?? []
        var text = try await textResult(columns: columns, rows: rows)
        text.affectedRows = result.metadata.rows
        return text
    }

    private func textResult(columns: [ResultColumn], rows: [PostgresRow]) async throws(ShardRunnerError) -> QueryResult {
        guard !rows.isEmpty else { return QueryResult(columns: columns, rows: []) }
        var cells: [TextFormatter.Cell] = []
        var positions: [(row: Int, column: Int)] = []
        var values = [[String?]](repeating: [String?](repeating: nil, count: columns.count), count: rows.count)
        for (rowIndex, row) in rows.enumerated() {
            for (columnIndex, cell) in row.enumerated() {
                guard let bytes = cell.bytes else { continue }
                cells.append(TextFormatter.Cell(typeOID: cell.dataType.rawValue, bytes: bytes))
                positions.append((rowIndex, columnIndex))
            }
        }
        let texts = try await TextFormatter(session: self).format(cells)
        for (position, text) in zip(positions, texts) { values[position.row][position.column] = text }
        return QueryResult(columns: columns, rows: values)
    }

    /// Runs one statement and ignores any rows it returns.
    public func execute(_ sql: String) async throws(ShardRunnerError) {
        _ = try await guarded(sql) { [connection, logger] in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
        }
    }

    /// Runs statements one after another and returns the result of each; stops at the first
    /// failure.
    @discardableResult
    public func query(statements: [String]) async throws(ShardRunnerError) -> [QueryResult] {
        var results: [QueryResult] = []
        for statement in statements { results.append(try await query(statement)) }
        return results
    }

    /// Runs statements one after another, ignoring their rows; stops at the first failure.
    public func execute(statements: [String]) async throws(ShardRunnerError) {
        for statement in statements { try await execute(statement) }
    }

    /// The outcome of `body`, or nil when `deadline` passes first; a result that comes too late
    /// goes to `late` (to close a connection nobody will use). Unlike a task group, this does not
    /// wait for `body` to notice cancellation: a server that accepted the TCP connection and then
    /// stopped answering would never let it finish.
    static func firstOf<Output: Sendable>(deadline: Duration, _ body: @escaping @Sendable () async throws -> Output,
                                          late: @escaping @Sendable (Output) async -> Void) async -> Result<Output, any Error>? {
        let waiting = Locked<CheckedContinuation<Result<Output, any Error>?, Never>?>(nil)
        func finish(_ value: Result<Output, any Error>?) -> Bool {
            guard let continuation = waiting.withLock({ slot -> CheckedContinuation<Result<Output, any Error>?, Never>? in
                defer { slot = nil }
                return slot
            }) else { return false }
            continuation.resume(returning: value)
            return true
        }
        return await withCheckedContinuation { continuation in
            waiting.withLock { $0 = continuation }
            let timer = Task {
                do { try await Task.sleep(for: deadline) } catch { return }
                _ = finish(nil)
            }
            Task {
                let result: Result<Output, any Error>
                do { result = .success(try await body()) } catch { result = .failure(error) }
                timer.cancel()
                if !finish(result), case .success(let value) = result { await late(value) }
            }
        }
    }

    /// Runs `body`; when it takes longer than ``clientDeadline`` the connection is closed (which
    /// ends the statement still waiting on it), so a server that stopped answering gives an error
    /// instead of a hang.
    ///
    /// - Parameter failure: what an error from `body` is reported as (default: the statement failed).
    private func guarded<Output: Sendable>(_ sql: String, failure: String? = nil,
                                           _ body: @escaping @Sendable () async throws -> Output) async throws(ShardRunnerError) -> Output {
        let outcome: Result<Output, any Error>?
        if let deadline = clientDeadline {
            outcome = await Self.firstOf(deadline: deadline, body, late: { _ in })
        } else {
            do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
        }
        switch outcome {
        case .success(let value):
            return value
        case .failure(let error):
            throw ShardRunnerError.from(error, context: failure ?? "statement failed on \(endpoint)", statement: sql)
        case nil:
            await close()
            throw ShardRunnerError("\(endpoint.host):\(endpoint.port) did not answer within \(clientDeadline ?? .zero) (the statement timeout and \(Self.deadlineGrace) of grace); the connection was closed",
                                   statement: sql)
        }
    }

    /// Runs `body` inside `BEGIN` ... `COMMIT`; on an error, or always when `rollback` is true,
    /// ends with `ROLLBACK` instead, so nothing `body` changed remains.
    ///
    /// - Parameters:
    ///   - rollback: roll back even when `body` succeeds (to try modifications without keeping
    ///     them).
    ///   - body: the work, given this session.
    public func transaction<Result>(rollback: Bool = false, _ body: (NodeSession) async throws -> Result) async throws(ShardRunnerError) -> Result {
        try await execute("BEGIN")
        let result: Result
        do {
            result = try await body(self)
        } catch {
            try? await execute("ROLLBACK")
            throw ShardRunnerError.from(error, context: "transaction failed on \(endpoint)")
        }
        try await execute(rollback ? "ROLLBACK" : "COMMIT")
        return result
    }

    // MARK: COPY

    /// Sends rows with `COPY table (columns) FROM STDIN` in PostgreSQL's text format.
    ///
    /// - Parameters:
    ///   - schema: the table's schema, or nil to resolve the name through the search path.
    ///   - table: the table's name (unquoted, as stored in the catalog).
    ///   - columns: the columns to fill (unquoted names), or empty for all.
    ///   - lines: the rows in COPY text format (tab-separated, `\N` for NULL, backslash escapes),
    ///     each ending with a line break.
    public func copyIn<Lines: Sequence & Sendable>(schema: String?, table: String, columns: [String] = [], lines: Lines) async throws(ShardRunnerError)
        where Lines.Element == Substring {
        // PostgresNIO writes `COPY "<table>"` and `("<column>", ...)` without escaping quotes;
        // doubling them inside each part, and closing and reopening the quotes around the dot,
        // gives correctly quoted identifiers.
        let escapedTable = (schema.map { Self.escapeQuotes($0) + "\".\"" } ?? "") + Self.escapeQuotes(table)
        let escapedColumns = columns.map(Self.escapeQuotes)
        let target = (schema.map { $0 + "." } ?? "") + table
        let statement = "COPY \(target) FROM STDIN"
        let copy: @Sendable () async throws -> Void = { [connection, logger] in
            try await connection.copyFrom(table: escapedTable, columns: escapedColumns, logger: logger) { writer in
                var buffer = ByteBuffer()
                buffer.reserveCapacity(1 << 20)
                for line in lines {
                    buffer.writeSubstring(line)
                    if buffer.readableBytes >= 1 << 20 {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                }
                if buffer.readableBytes > 0 { try await writer.write(buffer) }
            }
        }
        try await guarded(statement, failure: "COPY into \(target) failed on \(endpoint)", copy)
    }

    // MARK: Internals

    /// Runs a query with binary parameters and returns the raw rows.
    func rawQuery(_ query: PostgresQuery) async throws(ShardRunnerError) -> [PostgresRow] {
        try await guarded(query.sql) { [connection, logger] in
            try await connection.query(query, logger: logger).collect()
        }
    }

    /// The array type (`pg_type.typarray`) of each type, cached per session.
    func arrayTypes(of types: [UInt32]) async throws(ShardRunnerError) -> [UInt32: UInt32] {
        var known = arrayTypeCache.withLock { $0 }
        let missing = types.filter { known[$0] == nil }
        if !missing.isEmpty {
            let sql = "SELECT oid::int8, typarray::int8 FROM pg_catalog.pg_type WHERE oid IN (\(missing.map(String.init).joined(separator: ",")))"
            for row in try await rawQuery(PostgresQuery(unsafeSQL: sql)) {
                do {
                    let (oid, array) = try row.decode((Int64, Int64).self)
                    known[UInt32(oid)] = UInt32(array)
                } catch {
                    throw ShardRunnerError("could not read pg_type on \(endpoint): \(error)")
                }
            }
            arrayTypeCache.withLock { cache in cache.merge(known) { $1 } }
        }
        return known
    }

    private static let connectionCounter = Locked(0)

    private static func nextConnectionId() -> Int {
        connectionCounter.withLock { value in
            value += 1
            return value
        }
    }

    static func escapeQuotes(_ identifier: String) -> String {
        identifier.replacingOccurrences(of: "\"", with: "\"\"")
    }
}

extension ShardRunnerError {
    /// Wraps an error from PostgresNIO, keeping PostgreSQL's message, detail and SQLSTATE.
    static func from(_ error: any Error, context: String, statement: String? = nil) -> ShardRunnerError {
        if let error = error as? ShardRunnerError { return error }
        if let error = error as? PSQLError {
            let message = error.serverInfo?[.message]
            let detail = error.serverInfo?[.detail]
            let sqlState = error.serverInfo?[.sqlState]
            var text = context + ": "
            if let message {
                text += message
                if let detail { text += " (\(detail))" }
            } else {
                text += "\(error.code)"
                if let underlying = error.underlying { text += " (\(underlying))" }
            }
            if let statement { text += "\nstatement: " + Self.excerpt(statement) }
            return ShardRunnerError(text, serverMessage: message, detail: detail, sqlState: sqlState, statement: statement)
        }
        return ShardRunnerError("\(context): \(error)", statement: statement)
    }

    static func excerpt(_ sql: String) -> String {
        sql.count > 300 ? String(sql.prefix(297)) + "..." : sql
    }
}
