import Foundation
import Testing
import PostgresServer

#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL test fixture: start, query, load, stop, and its errors.
struct PostgresServerTests {
    // Starting and stopping a server blocks for seconds: on a thread of its own, not the
    // cooperative pool the other tests share (see `runBlocking`).
    @Test func startAndStopLeaveNothingBehind() async throws {
        let server = try await runBlocking { () throws(PostgresServerError) in try PostgresServer.start() }
        let root = try #require(server.rootDirectory)
        let rows = try await runBlocking { () throws(PostgresServerError) in
            try server.connection.query("SELECT current_setting('fsync'), current_setting('listen_addresses'), 1 + 1")
        }
        #expect(rows == [["off", "127.0.0.1", "2"]])
        let pidText = try String(contentsOfFile: root + "/data/postmaster.pid", encoding: .utf8)
        let pid = try #require(Int32(pidText.split(separator: "\n").first ?? ""))
        #expect(processIsRunning(pid))
        try await runBlocking { () throws(PostgresServerError) in try server.stop() }
        #expect(!FileManager.default.fileExists(atPath: root))
        #expect(!processIsRunning(pid), "postmaster \(pid) still running")
        try server.stop()  // a second stop does nothing
    }

    @Test func severalServersAtOnce() async throws {
        async let first = runBlocking { () throws(PostgresServerError) in try PostgresServer.start() }
        async let second = runBlocking { () throws(PostgresServerError) in try PostgresServer.start() }
        let servers = try await [first, second]
        defer { for server in servers { try? server.stop() } }
        #expect(servers[0].connection.port != servers[1].connection.port)
        for server in servers {
            #expect(try server.connection.query("SELECT 40 + 2") == [["42"]])
        }
    }

    @Test func missingInstallationIsReportedClearly() {
        do {
            _ = try PostgresServer.start(.init(binDirectory: "/nonexistent/postgresql/15/bin"))
            Issue.record("start succeeded without PostgreSQL")
        } catch {
            #expect(error.message.hasPrefix("postgresql-15 is not installed: /nonexistent/postgresql/15/bin/initdb"))
        }
    }

    @Test func takenPortIsReportedClearly() async throws {
        let shared = try await SharedPostgresServer.server()
        do {
            let server = try await runBlocking { () throws(PostgresServerError) in try PostgresServer.start(.init(port: shared.connection.port)) }
            try server.stop()
            Issue.record("a second server started on port \(shared.connection.port)")
        } catch {
            #expect(error.message == "port \(shared.connection.port) on 127.0.0.1 is already in use")
        }
    }

    @Test func sqlErrorsCarryThePostgresMessage() async throws {
        let connection = try await SharedPostgresServer.connection()
        do {
            try connection.execute("SELECT 'abc'::bigint")
            Issue.record("no error")
        } catch {
            #expect(error.serverMessage == "invalid input syntax for type bigint: \"abc\"")
            #expect(error.message.contains("invalid input syntax for type bigint"))
        }
    }

    @Test func queryCopyAndSeparators() async throws {
        let server = try await SharedPostgresServer.server()
        let connection = try server.createDatabase("fixture_\(UInt32.random(in: 0...UInt32.max))")
        try connection.execute("CREATE TABLE t (k int, v text)")
        let rows: [[String?]] = [["1", "plain"], ["2", "tab\tnew\nline|pipe\\back"], ["3", nil], ["4", ""]]
        try connection.copy(into: "t", columns: ["k", "v"], rows: rows)
        #expect(try connection.query("SELECT k, v FROM t ORDER BY k") == rows)
        #expect(try connection.execute("SELECT k, k * 2 FROM t WHERE k < 3 ORDER BY k", fieldSeparator: ",") == "1,2\n2,4\n")
    }

    @Test func connectingToAnExistingServerNeverStopsIt() async throws {
        let shared = try await SharedPostgresServer.server()
        let external = try PostgresServer.connect(url: shared.connection.url)
        #expect(!external.isManaged)
        try external.stop()
        #expect(try shared.connection.query("SELECT 1") == [["1"]])
        #expect(throws: PostgresServerError.self) { try PostgresServer.connect(url: "mysql://nowhere") }
    }
}

/// Whether a process exists and is not a zombie waiting to be reaped by init.
func processIsRunning(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return true }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state != "Z" && state != "X"
}
