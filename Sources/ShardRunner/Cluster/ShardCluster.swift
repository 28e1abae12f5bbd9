import Foundation
import PostgresServer
import ShardCatalog

/// A coordinator and workers: real PostgreSQL 15 servers that play the nodes of a Citus
/// cluster.
///
/// ``start(workers:configuration:)`` starts throwaway servers on 127.0.0.1 (each with its own
/// data folder and port, started in parallel); ``connect(coordinator:workers:)`` uses existing
/// servers named by `postgres://user@host:port/db` URLs. Started servers are stopped and their
/// folders removed by ``stop()``, at normal process exit, and on SIGINT, SIGTERM and SIGHUP.
///
/// Tests share one cluster per process through ``shared()``.
public final class ShardCluster: Sendable {
    /// The environment variable naming existing servers to use instead of starting them:
    /// comma-separated URLs, the coordinator first.
    public static let environmentVariable = "SHARDPLAN_TEST_CLUSTER"

    /// The coordinator's server.
    public let coordinator: PostgresServer
    /// The workers' servers, in order: the first serves the catalog's first worker in
    /// `(host, port)` order, and so on.
    public let workers: [PostgresServer]
    /// How long starting (or reaching) the servers took.
    public let startupDuration: Duration

    private init(coordinator: PostgresServer, workers: [PostgresServer], startupDuration: Duration) {
        self.coordinator = coordinator
        self.workers = workers
        self.startupDuration = startupDuration
        ClusterRegistry.register(self)
    }

    /// Every server, the coordinator first.
    public var servers: [PostgresServer] { [coordinator] + workers }

    /// Whether this process started the servers (and so stops them).
    public var isManaged: Bool { coordinator.isManaged }

    // MARK: Starting

    /// Starts a coordinator and `workers` workers as new PostgreSQL servers, in parallel.
    ///
    /// - Throws: ``ShardRunnerError`` when a server does not start; the servers that did start
    ///   are stopped first.
    public static func start(workers: Int = 2, configuration: PostgresServer.Configuration = PostgresServer.Configuration())
        async throws(ShardRunnerError) -> ShardCluster {
        ClusterRegistry.installSignalHandlers()
        let clock = ContinuousClock()
        let started = clock.now
        let count = max(workers, 0) + 1
        let results = await withTaskGroup(of: (Int, Result<PostgresServer, PostgresServerError>).self) { group in
            for index in 0..<count {
                group.addTask {
                    do throws(PostgresServerError) {
                        let server = try await runBlocking { () throws(PostgresServerError) in
                            let server = try PostgresServer.start(configuration)
                            ClusterRegistry.registerPending(server)
                            return server
                        }
                        return (index, .success(server))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var collected = [Result<PostgresServer, PostgresServerError>?](repeating: nil, count: count)
            for await (index, result) in group { collected[index] = result }
            return collected.compactMap { $0 }
        }
        var servers: [PostgresServer] = []
        var failure: PostgresServerError? = nil
        for result in results {
            switch result {
            case .success(let server): servers.append(server)
            case .failure(let error): failure = failure ?? error
            }
        }
        defer { servers.forEach(ClusterRegistry.unregisterPending) }
        if let failure {
            stopServers(servers)
            throw ShardRunnerError("could not start the cluster: \(failure.message)")
        }
        return ShardCluster(coordinator: servers[0], workers: Array(servers.dropFirst()), startupDuration: clock.now - started)
    }

    /// Uses existing servers, which are checked with `SELECT 1` and never stopped.
    ///
    /// - Parameters:
    ///   - coordinator: `postgres://user[:password]@host:port/database` of the coordinator.
    ///   - workers: the workers' URLs, in the order of the catalog's workers.
    public static func connect(coordinator: String, workers: [String]) throws(ShardRunnerError) -> ShardCluster {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let coordinatorServer = try PostgresServer.connect(url: coordinator)
            var workerServers: [PostgresServer] = []
            for url in workers { workerServers.append(try PostgresServer.connect(url: url)) }
            return ShardCluster(coordinator: coordinatorServer, workers: workerServers, startupDuration: clock.now - started)
        } catch {
            throw ShardRunnerError(error.message)
        }
    }

    /// Uses the servers named by `SHARDPLAN_TEST_CLUSTER` when it is set, otherwise starts a
    /// cluster with `workers` workers.
    public static func startOrConnect(workers: Int = 2) async throws(ShardRunnerError) -> ShardCluster {
        if let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty {
            return try connect(urlList: value)
        }
        return try await start(workers: workers)
    }

    /// Uses existing servers named by comma-separated URLs, the coordinator first (the form of
    /// `SHARDPLAN_TEST_CLUSTER` and `verify --connect`).
    public static func connect(urlList: String) throws(ShardRunnerError) -> ShardCluster {
        let urls = urlList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let coordinator = urls.first else { throw ShardRunnerError("no server URL given") }
        return try connect(coordinator: coordinator, workers: Array(urls.dropFirst()))
    }

    /// The cluster shared by every test of this process: started (or connected) on first use
    /// with two workers, stopped when the process exits. Concurrent callers wait for the same
    /// start; a failed start is reported to every caller.
    public static func shared() async throws -> ShardCluster {
        try await SharedCluster.holder.cluster()
    }

    // MARK: Using

    /// The endpoint of a server of this cluster, in a given database.
    public func endpoint(of server: PostgresServer, database: String? = nil) -> ServerEndpoint {
        let connection = server.connection
        return ServerEndpoint(host: connection.host, port: connection.port, user: connection.user,
                              password: connection.password, database: database ?? connection.database)
    }

    /// The coordinator's endpoint in a given database (its default database when nil).
    public func coordinatorEndpoint(database: String? = nil) -> ServerEndpoint {
        endpoint(of: coordinator, database: database)
    }

    /// Which server plays each node of a catalog: group 0 (the coordinator) is the coordinator
    /// server, the worker groups in `(host, port)` order are the worker servers in order.
    ///
    /// - Throws: ``ShardRunnerError`` when the catalog has more workers than the cluster.
    public func nodeMapping(for catalog: Catalog) throws(ShardRunnerError) -> NodeMapping {
        // Group 0 is the coordinator even when the catalog does not register it: local tables
        // live there.
        var endpoints: [Int32: ServerEndpoint] = [0: coordinatorEndpoint()]
        let catalogWorkers = catalog.nodes.filter { !$0.isCoordinator }.sorted(by: ClusterNode.placementOrder)
        guard catalogWorkers.count <= workers.count else {
            throw ShardRunnerError("the catalog has \(catalogWorkers.count) workers (\(catalogWorkers.map(\.address).joined(separator: ", "))) but the cluster only \(workers.count)")
        }
        for (node, server) in zip(catalogWorkers, workers) {
            endpoints[node.groupId] = endpoint(of: server)
        }
        return NodeMapping(endpoints: endpoints, coordinator: coordinatorEndpoint())
    }

    /// Creates a database on every server (dropping it first when it exists).
    public func recreateDatabase(_ name: String) async throws(ShardRunnerError) {
        try await withThrowingTaskGroupMapping(servers.map { endpoint(of: $0) }) { endpoint in
            try await Self.recreateDatabase(name, at: endpoint)
        }
    }

    /// Creates a database (UTF8, C collation) on the server of `endpoint`, dropping it first
    /// when it exists. `endpoint` names a database to connect to, not the one to create.
    public static func recreateDatabase(_ name: String, at endpoint: ServerEndpoint) async throws(ShardRunnerError) {
        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let maintenance = endpoint.database == name ? endpoint.database("postgres") : endpoint
        try await NodeSession.withSession(to: maintenance, statementTimeout: .seconds(120)) { session in
            try await session.execute("DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)")
            try await session.execute("CREATE DATABASE \(quoted) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
        }
    }

    // MARK: Stopping

    /// Leaves the servers running when this process ends (`verify --keep`); see
    /// ``PostgresServer/keepRunning()``.
    public func keepRunning() {
        ClusterRegistry.unregister(self)
        servers.forEach { $0.keepRunning() }
    }


    /// Stops the servers this process started (in parallel) and removes their folders. Does
    /// nothing for servers that were connected to, or a second time.
    public func stop() {
        ClusterRegistry.unregister(self)
        Self.stopServers(servers)
    }

    static func stopServers(_ servers: [PostgresServer]) {
        let group = DispatchGroup()
        for server in servers where server.isManaged && !server.isStopped {
            group.enter()
            Thread.detachNewThread {
                try? server.stop()
                group.leave()
            }
        }
        group.wait()
    }
}

/// Which server plays each node group of a catalog.
public struct NodeMapping: Sendable, Hashable {
    /// The server of each node group, in its default database.
    public var endpoints: [Int32: ServerEndpoint]
    /// The coordinator's server, in its default database.
    public var coordinator: ServerEndpoint

    /// Creates a mapping.
    public init(endpoints: [Int32: ServerEndpoint], coordinator: ServerEndpoint) {
        self.endpoints = endpoints
        self.coordinator = coordinator
    }

    /// The server of a node group, in a given database.
    public func endpoint(forGroup groupId: Int32, database: String) throws(ShardRunnerError) -> ServerEndpoint {
        guard let endpoint = endpoints[groupId] else {
            throw ShardRunnerError("no server plays node group \(groupId)")
        }
        return endpoint.database(database)
    }

    /// The distinct servers of the mapping (the coordinator first), in a given database.
    public func allEndpoints(database: String) -> [ServerEndpoint] {
        var seen: Set<ServerEndpoint> = [coordinator]
        var result = [coordinator.database(database)]
        for groupId in endpoints.keys.sorted() {
            let endpoint = endpoints[groupId]!
            if seen.insert(endpoint).inserted { result.append(endpoint.database(database)) }
        }
        return result
    }
}

/// Runs `body` for every element concurrently; throws the first error after all finished.
@discardableResult
func withThrowingTaskGroupMapping<Element: Sendable, Output: Sendable>(
    _ elements: [Element], _ body: @escaping @Sendable (Element) async throws -> Output
) async throws(ShardRunnerError) -> [Output] {
    let results = await withTaskGroup(of: (Int, Result<Output, any Error>).self) { group in
        for (index, element) in elements.enumerated() {
            group.addTask {
                do { return (index, .success(try await body(element))) } catch { return (index, .failure(error)) }
            }
        }
        var collected = [Result<Output, any Error>?](repeating: nil, count: elements.count)
        for await (index, result) in group { collected[index] = result }
        return collected.compactMap { $0 }
    }
    var outputs: [Output] = []
    for result in results {
        switch result {
        case .success(let output): outputs.append(output)
        case .failure(let error): throw ShardRunnerError.from(error, context: "failed")
        }
    }
    return outputs
}

private enum SharedCluster {
    actor Holder {
        var task: Task<ShardCluster, any Error>?

        func cluster() async throws -> ShardCluster {
            if let task { return try await task.value }
            let task = Task.detached { () throws -> ShardCluster in try await ShardCluster.startOrConnect(workers: 2) }
            self.task = task
            return try await task.value
        }
    }

    static let holder = Holder()
}
