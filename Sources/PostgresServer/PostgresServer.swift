import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A PostgreSQL 15 server for tests: either a throwaway one this process started (`initdb` in a
/// fresh temporary folder, loopback only, trust authentication, no fsync), or an existing one
/// named by a URL, which is used as is and never stopped.
///
/// Several servers can run at once (a coordinator and workers). Every started server is stopped
/// and its folder removed by ``stop()``, and, if still running, when the process exits.
public final class PostgresServer: Sendable {
    /// Where Debian's postgresql-15 package installs the server programs.
    public static let defaultBinDirectory = "/usr/lib/postgresql/15/bin"

    /// The environment variable naming an existing server to use instead of starting one
    /// (`postgres://user@127.0.0.1:5432/db`).
    public static let environmentVariable = "SHARDPLAN_TEST_PG"

    /// How to start a server.
    public struct Configuration: Sendable {
        /// Folder holding `initdb`, `pg_ctl`, `postgres` and `psql`.
        public var binDirectory: String
        /// The TCP port on 127.0.0.1; `nil` picks a free one.
        public var port: Int?
        /// Extra `postgresql.conf` settings (name to value, written as `name = 'value'`).
        public var settings: [String: String]
        /// Seconds to wait for start-up.
        public var startTimeout: Int

        /// Creates a configuration.
        public init(binDirectory: String = PostgresServer.defaultBinDirectory, port: Int? = nil,
                    settings: [String: String] = [:], startTimeout: Int = 60) {
            self.binDirectory = binDirectory
            self.port = port
            self.settings = settings
            self.startTimeout = startTimeout
        }
    }

    /// The default database of the server (`postgres`, or the one in the URL).
    public let connection: PostgresConnection
    /// The temporary folder holding the data directory, socket and log; `nil` for an external
    /// server.
    public let rootDirectory: String?
    /// Whether this process started the server (and so will stop it).
    public var isManaged: Bool { rootDirectory != nil }

    private let binDirectory: String
    private let systemUser: String?
    private let state = Locked(State())

    private struct State {
        var stopped = false
    }

    private init(connection: PostgresConnection, rootDirectory: String?, binDirectory: String, systemUser: String?) {
        self.connection = connection
        self.rootDirectory = rootDirectory
        self.binDirectory = binDirectory
        self.systemUser = systemUser
    }

    /// The data directory of a managed server.
    public var dataDirectory: String? { rootDirectory.map { $0 + "/data" } }

    /// The server log of a managed server.
    public var logFile: String? { rootDirectory.map { $0 + "/server.log" } }

    // MARK: Starting

    /// Uses the server named by `SHARDPLAN_TEST_PG` if that is set, otherwise starts one.
    public static func startOrConnect(_ configuration: Configuration = Configuration()) throws(PostgresServerError) -> PostgresServer {
        if let url = ProcessInfo.processInfo.environment[environmentVariable], !url.isEmpty {
            return try connect(url: url, binDirectory: configuration.binDirectory)
        }
        return try start(configuration)
    }

    /// Uses an existing server. It is checked with `SELECT 1` and never stopped.
    ///
    /// - Parameter url: `postgres://user[:password]@host[:port][/database]`.
    public static func connect(url: String, binDirectory: String = defaultBinDirectory) throws(PostgresServerError) -> PostgresServer {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty else {
            throw PostgresServerError("not a postgres://user@host:port/database URL: \(url)")
        }
        let database = components.path.count > 1 ? String(components.path.dropFirst()) : "postgres"
        let connection = PostgresConnection(
            host: host, port: components.port ?? 5432, user: components.user ?? currentUserName(),
            database: database, password: components.password, psqlPath: binDirectory + "/psql")
        do {
            try connection.execute("SELECT 1")
        } catch {
            throw PostgresServerError("cannot reach the PostgreSQL server at \(url): \(error.message)")
        }
        return PostgresServer(connection: connection, rootDirectory: nil, binDirectory: binDirectory, systemUser: nil)
    }

    /// Starts a new server: `initdb` into a fresh temporary folder, then `pg_ctl start` on
    /// 127.0.0.1 and a unix socket in that folder. As root, the server programs run as the
    /// `postgres` system user, since PostgreSQL refuses to run as root.
    ///
    /// - Throws: ``PostgresServerError`` when PostgreSQL is not installed, the port is taken,
    ///   or `initdb`/start-up fails (with the tail of the log).
    public static func start(_ configuration: Configuration = Configuration()) throws(PostgresServerError) -> PostgresServer {
        let initdb = configuration.binDirectory + "/initdb"
        guard FileManager.default.isExecutableFile(atPath: initdb) else {
            throw PostgresServerError("postgresql-15 is not installed: \(initdb) not found (apt-get install -y postgresql-15)")
        }
        ServerRegistry.removeStaleFolders(binDirectory: configuration.binDirectory)
        let isRoot = geteuid() == 0
        let systemUser: String? = isRoot ? "postgres" : nil
        let superuser = isRoot ? "postgres" : currentUserName()
        if let requested = configuration.port, !PortAllocator.isFree(requested) {
            throw PostgresServerError("port \(requested) on 127.0.0.1 is already in use")
        }

        // A port picked here can be taken by someone else before the server binds it; then
        // the attempt is thrown away and repeated with another port.
        var lastError: PostgresServerError? = nil
        for _ in 0..<(configuration.port == nil ? 4 : 1) {
            let port = configuration.port ?? PortAllocator.freePort()
            do {
                return try startOnce(configuration, port: port, systemUser: systemUser, superuser: superuser)
            } catch let error where error.message.contains("already in use") && configuration.port == nil {
                lastError = error
            }
        }
        throw lastError ?? PostgresServerError("could not start PostgreSQL")
    }

    private static func startOnce(_ configuration: Configuration, port: Int, systemUser: String?, superuser: String) throws(PostgresServerError) -> PostgresServer {
        let root = TemporaryFiles.makeDirectory(prefix: ServerRegistry.folderPrefix)
        try? String(getpid()).write(toFile: root + "/owner.pid", atomically: true, encoding: .utf8)
        if let systemUser {
            guard let account = getpwnam(systemUser) else {
                try? FileManager.default.removeItem(atPath: root)
                throw PostgresServerError("running as root needs the '\(systemUser)' system user, which does not exist")
            }
            _ = chown(root, account.pointee.pw_uid, account.pointee.pw_gid)
        }
        let server = PostgresServer(
            connection: PostgresConnection(host: "127.0.0.1", port: port, user: superuser, database: "postgres",
                                           psqlPath: configuration.binDirectory + "/psql"),
            rootDirectory: root, binDirectory: configuration.binDirectory, systemUser: systemUser)
        // Registered before anything can fail, so the folder is removed on every path.
        ServerRegistry.register(server)
        do {
            try server.initialize(superuser: superuser, settings: configuration.settings)
            try server.launch(port: port, timeout: configuration.startTimeout)
            return server
        } catch {
            try? server.stop()
            throw error
        }
    }

    private func initialize(superuser: String, settings: [String: String]) throws(PostgresServerError) {
        guard let root = rootDirectory, let data = dataDirectory else { return }
        let output = try runServerProgram("initdb", [
            "-D", data, "-U", superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions",
        ])
        guard output.status == 0 else {
            throw PostgresServerError("initdb failed (status \(output.status)): \(output.standardError.suffixLines(20))")
        }
        var conf: [(String, String)] = [
            ("listen_addresses", "127.0.0.1"), ("unix_socket_directories", root),
            ("fsync", "off"), ("synchronous_commit", "off"), ("full_page_writes", "off"),
            ("wal_level", "minimal"), ("max_wal_senders", "0"), ("shared_buffers", "64MB"),
            ("max_connections", "60"), ("autovacuum", "off"), ("timezone", "UTC"), ("log_timezone", "UTC"),
            ("datestyle", "iso, mdy"), ("intervalstyle", "postgres"), ("lc_messages", "C"), ("lc_monetary", "C"),
            ("logging_collector", "off"), ("log_min_messages", "warning"),
        ]
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) { conf.append((name, value)) }
        let text = "\n# shardplan test settings\n" + conf.map { "\($0.0) = '\($0.1.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: "\n") + "\n"
        guard let handle = FileHandle(forWritingAtPath: data + "/postgresql.conf") else {
            throw PostgresServerError("cannot open \(data)/postgresql.conf")
        }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try? handle.close()
    }

    private func launch(port: Int, timeout: Int) throws(PostgresServerError) {
        guard let data = dataDirectory, let log = logFile else { return }
        guard PortAllocator.isFree(port) else { throw PostgresServerError("port \(port) on 127.0.0.1 is already in use") }
        let output = try runServerProgram("pg_ctl", ["start", "-D", data, "-l", log, "-w", "-t", String(timeout), "-o", "-p \(port)"])
        if output.status != 0 {
            let logText = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if logText.contains("Address already in use") || logText.contains("could not bind") {
                throw PostgresServerError("port \(port) on 127.0.0.1 is already in use")
            }
            throw PostgresServerError("PostgreSQL did not start (pg_ctl status \(output.status)): \(output.standardError.suffixLines(5))\n\(logText.suffixLines(20))")
        }
    }

    /// Runs a server program, as the `postgres` system user when we are root.
    private func runServerProgram(_ name: String, _ arguments: [String]) throws(PostgresServerError) -> ProcessOutput {
        let program = binDirectory + "/" + name
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment.removeValue(forKey: "PGDATA")
        if let systemUser {
            guard let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first(where: FileManager.default.isExecutableFile) else {
                throw PostgresServerError("running PostgreSQL as root needs runuser (util-linux), which was not found")
            }
            return try ProcessRunner.run(runuser, ["-u", systemUser, "--", program] + arguments, environment: environment)
        }
        return try ProcessRunner.run(program, arguments, environment: environment)
    }

    // MARK: Using

    /// A connection to another database of this server.
    public func connection(database: String) -> PostgresConnection {
        connection.database(database)
    }

    /// Creates a database and returns a connection to it.
    public func createDatabase(_ name: String) throws(PostgresServerError) -> PostgresConnection {
        try connection.execute("CREATE DATABASE \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"")
        return connection(database: name)
    }

    // MARK: Stopping

    /// Leaves a managed server running after this process ends: it is no longer stopped at
    /// exit, and later runs do not treat its folder as stale. Stop it with
    /// `pg_ctl stop -D <dataDirectory>` and remove ``rootDirectory``.
    public func keepRunning() {
        guard let root = rootDirectory else { return }
        ServerRegistry.unregister(self)
        try? FileManager.default.removeItem(atPath: root + "/owner.pid")
    }


    /// Whether ``stop()`` has run.
    public var isStopped: Bool { state.withLock { $0.stopped } }

    /// Stops a managed server (`pg_ctl stop -m fast`, then `-m immediate`, then `SIGKILL`) and
    /// removes its folder. Does nothing for an external server or a second time.
    public func stop() throws(PostgresServerError) {
        let alreadyStopped = state.withLock { state -> Bool in
            defer { state.stopped = true }
            return state.stopped
        }
        guard !alreadyStopped, let root = rootDirectory, let data = dataDirectory else { return }
        defer { ServerRegistry.unregister(self) }
        var failure: PostgresServerError? = nil
        let postmaster = ServerRegistry.postmasterPID(dataDirectory: data)
        if FileManager.default.fileExists(atPath: data + "/postmaster.pid") {
            let fast = try? runServerProgram("pg_ctl", ["stop", "-D", data, "-m", "fast", "-w", "-t", "30"])
            if fast?.status != 0 {
                let immediate = try? runServerProgram("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w", "-t", "10"])
                if immediate?.status != 0 { ServerRegistry.killPostmaster(dataDirectory: data) }
            }
        }
        // pg_ctl returns once the pid file is gone, a moment before the process itself.
        if let postmaster { ServerRegistry.waitForExit(postmaster, seconds: 10) }
        do {
            try FileManager.default.removeItem(atPath: root)
        } catch {
            failure = PostgresServerError("could not remove \(root): \(error.localizedDescription)")
        }
        if let failure { throw failure }
    }

    static func currentUserName() -> String {
        if let account = getpwuid(geteuid()), let name = account.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }
}

extension String {
    func suffixLines(_ count: Int) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }
}

/// A value behind a lock, for state shared between threads.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
