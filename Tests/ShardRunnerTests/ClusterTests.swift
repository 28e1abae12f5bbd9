import Foundation
import PostgresServer
import ShardCatalog
import Testing
@testable import ShardRunner

#if canImport(Glibc)
import Glibc
#endif

@Suite struct ClusterTests {
    /// The shared cluster is three real PostgreSQL 15 servers on 127.0.0.1, each with its own
    /// port and data folder, answering on their own.
    @Test func sharedClusterHasThreeIndependentServers() async throws {
        let cluster = try await ShardCluster.shared()
        #expect(cluster.servers.count == 3)
        #expect(Set(cluster.servers.map(\.connection.port)).count == 3)
        if cluster.isManaged {
            #expect(Set(cluster.servers.compactMap(\.dataDirectory)).count == 3)
            print("cluster start-up (coordinator + 2 workers, parallel): \(cluster.startupDuration)")
        }
        for server in cluster.servers {
            let rows = try await NodeSession.withSession(to: cluster.endpoint(of: server)) { session in
                try await session.query("SELECT current_setting('port'), current_setting('server_version_num')::int / 10000").rows
            }
            #expect(rows == [[String(server.connection.port), "15"]])
        }
    }

    /// Catalog nodes map to servers: group 0 to the coordinator, workers in (host, port) order
    /// to the worker servers in order, whatever order they were added in.
    @Test func catalogNodesMapToServers() async throws {
        let cluster = try await ShardCluster.shared()
        var catalog = Catalog()
        catalog.setCoordinator(host: "coord", port: 1)
        let late = catalog.addNode(host: "worker-b", port: 5432)
        let early = catalog.addNode(host: "worker-a", port: 9999)
        let mapping = try cluster.nodeMapping(for: catalog)
        #expect(mapping.endpoints[0] == cluster.coordinatorEndpoint())
        #expect(mapping.endpoints[early.groupId] == cluster.endpoint(of: cluster.workers[0]))
        #expect(mapping.endpoints[late.groupId] == cluster.endpoint(of: cluster.workers[1]))
        _ = catalog.addNode(host: "worker-c", port: 1)
        #expect(throws: ShardRunnerError.self) { try cluster.nodeMapping(for: catalog) }
    }

    /// A cluster started and stopped explicitly leaves no server process and no folder.
    @Test func stopRemovesProcessesAndFolders() async throws {
        _ = try await ShardCluster.shared()  // not competing with the shared cluster's start
        let cluster = try await ShardCluster.start(workers: 1)
        let folders = cluster.servers.compactMap(\.rootDirectory)
        let pids = cluster.servers.compactMap { $0.dataDirectory.flatMap(postmasterPID) }
        #expect(folders.count == 2 && pids.count == 2)
        #expect(pids.allSatisfy(isRunning))
        await runBlocking { cluster.stop() }
        #expect(folders.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        #expect(!pids.contains(where: isRunning))
    }

    /// SIGTERM to a process running a cluster stops its servers and removes their folders: this
    /// test runs itself again as a child process (see `signalChild`), waits until the child's
    /// cluster is up, sends SIGTERM and checks that nothing survives.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SHARDRUNNER_SIGNAL_CHILD"] == nil))
    func sigtermStopsTheCluster() async throws {
        _ = try await ShardCluster.shared()  // not competing with the shared cluster's start
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("shardrunner-signal-\(getpid()).txt").path
        try? FileManager.default.removeItem(atPath: report)
        defer { try? FileManager.default.removeItem(atPath: report) }
        let executable = try #require(Bundle.main.executablePath ?? CommandLine.arguments.first)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = ["--testing-library", "swift-testing", "--filter", "signalChild"]
        var environment = ProcessInfo.processInfo.environment
        environment["SHARDRUNNER_SIGNAL_CHILD"] = report
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        var lines: [String] = []
        for _ in 0..<600 where lines.count < 2 {
            try await Task.sleep(for: .milliseconds(100))
            lines = ((try? String(contentsOfFile: report, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        try #require(lines.count == 2, "the child did not start its cluster")
        let folders = lines.map { $0.split(separator: " ")[0] }.map(String.init)
        let pids = lines.compactMap { Int32($0.split(separator: " ")[1]) }
        #expect(pids.allSatisfy(isRunning))
        kill(child.processIdentifier, SIGTERM)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(child.terminationStatus == SIGTERM)
        // A detached cleanup process stops the servers once the child is gone.
        for _ in 0..<200 where folders.contains(where: { FileManager.default.fileExists(atPath: $0) }) || pids.contains(where: isRunning) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(folders.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        #expect(!pids.contains(where: isRunning))
    }

    /// The child half of `sigtermStopsTheCluster`: only runs when that test starts it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SHARDRUNNER_SIGNAL_CHILD"] != nil))
    func signalChild() async throws {
        let report = try #require(ProcessInfo.processInfo.environment["SHARDRUNNER_SIGNAL_CHILD"])
        let parent = getppid()
        let cluster = try await ShardCluster.start(workers: 1)
        let text = cluster.servers.map { server in
            "\(server.rootDirectory ?? "") \(server.dataDirectory.flatMap(postmasterPID) ?? 0)\n"
        }.joined()
        try text.write(toFile: report, atomically: true, encoding: .utf8)
        // Wait for the signal, but not beyond a minute or the parent's end.
        for _ in 0..<600 where getppid() == parent {
            try await Task.sleep(for: .milliseconds(100))
        }
        await runBlocking { cluster.stop() }
    }
}

func postmasterPID(_ dataDirectory: String) -> Int32? {
    guard let text = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8) else { return nil }
    return text.split(separator: "\n").first.flatMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
}

func isRunning(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return true }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state != "Z" && state != "X"
}
