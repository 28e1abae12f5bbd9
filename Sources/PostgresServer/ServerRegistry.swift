import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Every server this process started and has not stopped yet, so that an `atexit` hook can
/// stop them; also cleans up folders left behind by processes that died without exiting.
enum ServerRegistry {
    static let folderPrefix = "shardplan-pg"

    private static let servers = Locked<[ObjectIdentifier: PostgresServer]>([:])
    private static let hookInstalled = Locked(false)

    static func register(_ server: PostgresServer) {
        servers.withLock { $0[ObjectIdentifier(server)] = server }
        let install = hookInstalled.withLock { installed -> Bool in
            defer { installed = true }
            return !installed
        }
        if install { atexit { ServerRegistry.stopAll() } }
    }

    static func unregister(_ server: PostgresServer) {
        servers.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(server)) }
    }

    static func stopAll() {
        let running = servers.withLock { Array($0.values) }
        for server in running { try? server.stop() }
    }

    /// The postmaster's process id recorded in a data directory.
    static func postmasterPID(dataDirectory: String) -> pid_t? {
        guard let text = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
              let line = text.split(separator: "\n").first, let pid = Int32(line.trimmingCharacters(in: .whitespaces)),
              pid > 1 else { return nil }
        return pid
    }

    /// Sends SIGKILL to the postmaster recorded in a data directory.
    static func killPostmaster(dataDirectory: String) {
        guard let pid = postmasterPID(dataDirectory: dataDirectory) else { return }
        kill(pid, SIGKILL)
        waitForExit(pid, seconds: 2)
    }

    /// Waits until a process has exited (a zombie awaiting its parent counts as exited).
    static func waitForExit(_ pid: pid_t, seconds: Int) {
        for _ in 0..<(seconds * 50) {
            if !isRunning(pid) { return }
            usleep(20_000)
        }
    }

    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        // The state is the field after the parenthesised command name in /proc/<pid>/stat.
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            return state != "Z" && state != "X"
        }
        return true
    }

    /// Stops and removes servers whose owning process no longer exists (a test run killed with
    /// SIGKILL never reaches `atexit`).
    static func removeStaleFolders(binDirectory: String) {
        let root = TemporaryFiles.root
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root) else { return }
        for entry in entries where entry.hasPrefix(folderPrefix + "-") {
            let folder = root + "/" + entry
            guard let owner = try? String(contentsOfFile: folder + "/owner.pid", encoding: .utf8),
                  let pid = Int32(owner.trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            killPostmaster(dataDirectory: folder + "/data")
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}

/// Finds free TCP ports on the loopback interface.
enum PortAllocator {
    /// Whether nothing listens on (and nothing has bound) `port` on 127.0.0.1.
    static func isFree(_ port: Int) -> Bool {
        bind(port: port) != nil
    }

    /// A port the kernel reports free right now.
    static func freePort() -> Int {
        bind(port: 0) ?? 54_329
    }

    /// Binds a socket to 127.0.0.1:port and returns the bound port, or nil when that fails.
    private static func bind(port: Int) -> Int? {
        #if canImport(Glibc) || canImport(Musl)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
