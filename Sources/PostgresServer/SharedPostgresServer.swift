/// One server per test process, started on first use and stopped when the process exits.
///
/// Concurrent tests may call ``server()`` at the same time: the first call starts the server
/// (or connects to `SHARDPLAN_TEST_PG`) and the others wait for it. A failed start is
/// remembered, so every test reports the same clear error instead of retrying.
public enum SharedPostgresServer {
    private actor Holder {
        var task: Task<PostgresServer, any Error>?

        func server() async throws -> PostgresServer {
            if let task { return try await task.value }
            let task = Task { () throws -> PostgresServer in try await runBlocking { () throws(PostgresServerError) in try PostgresServer.startOrConnect() } }
            self.task = task
            return try await task.value
        }
    }

    private static let holder = Holder()

    /// The shared server of this process.
    public static func server() async throws -> PostgresServer {
        try await holder.server()
    }

    /// The shared server's default database.
    public static func connection() async throws -> PostgresConnection {
        try await server().connection
    }
}
