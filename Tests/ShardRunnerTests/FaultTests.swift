import Foundation
import PostgresServer
import ShardCatalog
import ShardPlanner
import Testing
@testable import ShardRunner

/// What goes wrong around a run: a node dies or freezes mid-statement, a server cannot be
/// reached or started, a schema cannot be loaded. Each gives a clear error in bounded time, and
/// the servers this process started are always stopped and their folders removed.
@Suite(.serialized) struct FaultTests {
    static let schema = """
        CREATE TABLE events (device_id bigint, seq int, kind text);
        SELECT create_distributed_table('events', 'device_id', shard_count => 4);
        INSERT INTO events SELECT g % 50, g, 'k' || (g % 3) FROM generate_series(1, 2000) g;
        """

    /// A plan of `SELECT count(*) FROM events` whose tasks each sleep first, so that a node can
    /// be harmed while they run.
    static func sleepingPlan(_ loaded: LoadedCluster, seconds: Int) throws -> DistributedPlan {
        var plan = try DistributedPlanner(catalog: loaded.catalog).plan("SELECT count(*) FROM events")
        for stage in plan.stages.indices {
            for task in plan.stages[stage].tasks.indices {
                let sql = plan.stages[stage].tasks[task].sql
                let from = try #require(sql.range(of: " FROM "))
                plan.stages[stage].tasks[task].sql = sql[..<from.upperBound] + "pg_catalog.pg_sleep(\(seconds)) AS pause, " + sql[from.upperBound...]
            }
        }
        return plan
    }

    /// The server processes of a data folder: the postmaster and its children.
    static func serverProcesses(_ server: PostgresServer) throws -> [Int32] {
        let postmaster = try #require(server.dataDirectory.flatMap(postmasterPID))
        let children = (try? String(contentsOfFile: "/proc/\(postmaster)/task/\(postmaster)/children", encoding: .utf8)) ?? ""
        return [postmaster] + children.split(separator: " ").compactMap { Int32($0) }
    }

    static func withOwnCluster(_ body: (ShardCluster, LoadedCluster) async throws -> Void) async throws {
        _ = try await ShardCluster.shared()  // not competing with the shared cluster's start
        let cluster = try await ShardCluster.start(workers: 2)
        let folders = cluster.servers.compactMap(\.rootDirectory)
        do {
            let loaded = try await ShardLoader.load(try SchemaLoader.load(schema), into: cluster)
            try await body(cluster, loaded)
        } catch {
            await runBlocking { cluster.stop() }
            throw error
        }
        await runBlocking { cluster.stop() }
        #expect(folders.allSatisfy { !FileManager.default.fileExists(atPath: $0) }, "a server folder survived stop()")
    }

    /// Runs `plan` and, `delay` after every session is connected, calls `harm` on the side. (It
    /// starts only then: a loaded machine can take longer than the delay to connect, and the
    /// harm would then hit the login instead of the tasks.) Returns the run's error (nil when it
    /// succeeded), what `harm` returned, and the time from connected to the end of the run.
    static func runWhileHarming<Harmed: Sendable>(_ loaded: LoadedCluster, _ plan: DistributedPlan, statementTimeout: Duration,
                                                  after delay: Duration, harm: @escaping @Sendable () throws -> Harmed)
        async throws -> (error: ShardRunnerError?, harmed: Harmed?, elapsed: Duration) {
        let clock = ContinuousClock()
        let started = Locked(clock.now)
        let harming = Locked<_Concurrency.Task<Harmed, any Error>?>(nil)
        // The run's error, or nil when it succeeded.
        func runPlan() async -> ShardRunnerError? {
            do {
                _ = try await loaded.withNodeSessions(statementTimeout: statementTimeout) { sessions in
                    started.withLock { $0 = clock.now }
                    harming.withLock {
                        $0 = _Concurrency.Task {
                            try await _Concurrency.Task.sleep(for: delay)
                            return try harm()
                        }
                    }
                    return try await PlanExecutor(loaded: loaded).run(plan, sessions: sessions)
                }
                return nil
            } catch {
                return error
            }
        }
        let failure = await runPlan()
        let elapsed = clock.now - started.withLock { $0 }
        let harmed = try await harming.withLock { $0 }?.value
        return (failure, harmed, elapsed)
    }

    /// A worker killed (SIGKILL to its postmaster and every backend) while its tasks run: the
    /// run fails at once with an error naming the task and the node.
    @Test func workerKilledDuringARun() async throws {
        try await Self.withOwnCluster { cluster, loaded in
            let plan = try Self.sleepingPlan(loaded, seconds: 3)
            let victim = cluster.workers[0]
            let run = try await Self.runWhileHarming(loaded, plan, statementTimeout: .seconds(10), after: .milliseconds(1200)) {
                // Read while the tasks run: the backends serving them exist only now.
                for pid in try Self.serverProcesses(victim).reversed() { kill(pid, SIGKILL) }
            }
            if let error = run.error {
                let port = victim.connection.port
                #expect(error.message.contains("failed on node 127.0.0.1:\(port)"), "\(error.message)")
                #expect(error.message.contains("task "), "\(error.message)")
                print("killed worker: \(error.message) (after \(run.elapsed))")
            } else {
                Issue.record("the run succeeded although a worker was killed")
            }
            #expect(run.elapsed < .seconds(10), "the error should come within the statement timeout, came after \(run.elapsed)")
        }
    }

    /// How much later than its deadline an error may come on a loaded machine.
    static let slack: Duration = .seconds(6)

    /// A worker that stops answering (SIGSTOP) while its tasks run: the server cannot enforce its
    /// statement timeout, so the client closes the connection at the timeout plus the grace
    /// period, and the error names the node. Never a hang.
    @Test func frozenWorkerGivesAnErrorNotAHang() async throws {
        try await Self.withOwnCluster { cluster, loaded in
            let plan = try Self.sleepingPlan(loaded, seconds: 2)
            let victim = cluster.workers[1]
            let run = try await Self.runWhileHarming(loaded, plan, statementTimeout: .seconds(3), after: .milliseconds(800)) {
                let processes = try Self.serverProcesses(victim)
                for pid in processes { kill(pid, SIGSTOP) }
                return processes
            }
            if let error = run.error {
                #expect(error.message.contains("127.0.0.1:\(victim.connection.port)"), "\(error.message)")
                #expect(error.message.contains("did not answer within"), "\(error.message)")
                print("frozen worker: \(error.message) (after \(run.elapsed))")
            } else {
                Issue.record("the run succeeded although a worker was frozen")
            }
            // Connecting to the frozen node: the TCP handshake succeeds (the kernel answers),
            // the login never does; the client gives up at its deadline.
            let clock = ContinuousClock()
            let connecting = clock.now
            await #expect(throws: ShardRunnerError.self) {
                try await loaded.withNodeSessions(statementTimeout: .seconds(1)) { _ in }
            }
            let connectElapsed = clock.now - connecting
            print("frozen worker: connecting gave up after \(connectElapsed)")
            // The slack covers a loaded machine (the suites run in parallel on two cores); it
            // stays well below the 30 s a connection without statement timeout would wait.
            #expect(connectElapsed < .seconds(1) + NodeSession.deadlineGrace + Self.slack, "took \(connectElapsed)")
            for pid in run.harmed ?? [] { kill(pid, SIGCONT) }
            #expect(run.elapsed < .seconds(3) + NodeSession.deadlineGrace + Self.slack, "took \(run.elapsed)")
        }
    }

    /// Connection strings that lead nowhere, or are not connection strings.
    @Test func wrongConnectionStrings() async throws {
        let shared = try await ShardCluster.shared()
        do {
            _ = try ShardCluster.connect(coordinator: "postgres://postgres@127.0.0.1:1/postgres", workers: [])
            Issue.record("connected to port 1")
        } catch {
            #expect(error.message.contains("127.0.0.1") && error.message.contains("1"), "\(error.message)")
            print("wrong port: \(error.message)")
        }
        do {
            _ = try ShardCluster.connect(coordinator: "mysql://root@localhost/db", workers: [])
            Issue.record("accepted a mysql:// URL")
        } catch {
            #expect(error.message.contains("postgres://"), "\(error.message)")
            print("not a postgres URL: \(error.message)")
        }
        let coordinator = shared.coordinatorEndpoint()
        do {
            _ = try await NodeSession.connect(to: coordinator.database("no_such_database"))
            Issue.record("connected to a database that does not exist")
        } catch {
            #expect(error.message.contains("no_such_database"), "\(error.message)")
            print("missing database: \(error.message)")
        }
    }

    /// A cluster that cannot start (no initdb; a port in use): a clear message, and nothing left
    /// behind.
    @Test func clusterThatCannotStart() async throws {
        let shared = try await ShardCluster.shared()
        let before = Self.serverFolders()
        do {
            _ = try await ShardCluster.start(workers: 1, configuration: .init(binDirectory: "/nonexistent/postgresql/15/bin"))
            Issue.record("started without initdb")
        } catch {
            #expect(error.message.contains("postgresql-15 is not installed"), "\(error.message)")
            #expect(error.message.contains("apt-get install"), "\(error.message)")
        }
        do {
            _ = try await ShardCluster.start(workers: 0, configuration: .init(port: shared.coordinator.connection.port))
            Issue.record("started on a port in use")
        } catch {
            #expect(error.message.contains("port \(shared.coordinator.connection.port) on 127.0.0.1 is already in use"), "\(error.message)")
        }
        #expect(Self.serverFolders().subtracting(before).isEmpty, "a failed start left a folder behind")
    }

    /// A schema script whose data cannot load on PostgreSQL: the loader reports PostgreSQL's
    /// message and the statement.
    @Test func schemaThatDoesNotLoad() async throws {
        let cluster = try await ShardCluster.shared()
        let script = try SchemaLoader.load("""
            CREATE TABLE t (id int, v int);
            SELECT create_distributed_table('t', 'id');
            INSERT INTO t VALUES (1, 'not a number');
            """)
        do {
            _ = try await ShardLoader.load(script, into: cluster, options: .init(referenceDatabase: "fault_reference", distributedDatabase: "fault_shards"))
            Issue.record("loaded a script whose INSERT fails")
        } catch {
            #expect(error.message.contains("invalid input syntax for type integer"), "\(error.message)")
            print("bad data: \(error.message)")
        }
        // An error in the script itself is found before any server is touched.
        #expect(throws: CatalogError.self) {
            try SchemaLoader.load("CREATE TABLE t (id int);\nSELECT create_distributed_table('t', 'nope');")
        }
    }

    static func serverFolders() -> Set<String> {
        let root = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return Set(entries.filter { $0.hasPrefix("shardplan-pg-") })
    }
}
