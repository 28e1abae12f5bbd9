import Foundation
import PostgresServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The clusters this process started, so that SIGINT, SIGTERM and SIGHUP stop their servers
/// and remove their folders although the process dies. (Normal exit is covered by
/// `PostgresServer`'s own `atexit` hook.)
///
/// The signal handler itself only writes the signal number to a pipe (the one thing a handler
/// may safely do). A thread of its own reads the pipe, starts a detached cleanup process, then
/// restores the default action and sends the signal again, so the process ends at once, as it
/// would have. The cleanup process waits until this process is gone, then stops every server
/// (`pg_ctl stop -m immediate`, or SIGKILL) and removes its folder.
///
/// Stopping the servers from inside the dying process is not safe: sessions still running
/// (a COPY in progress) see their connections closed, and PostgresNIO 1.33 can hit a
/// `preconditionFailure` ("Copy mode is only supported for extended queries") that crashes the
/// process before the folders are removed. A `DispatchSource` signal source does not work
/// either: on Linux it only sees signals that every thread blocks.
enum ClusterRegistry {
    private static let clusters = Locked<[ObjectIdentifier: ShardCluster]>([:])
    /// Servers of a cluster still starting (not yet a ``ShardCluster``).
    private static let pending = Locked<[ObjectIdentifier: PostgresServer]>([:])
    private static let installed = Locked(false)
    static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func register(_ cluster: ShardCluster) {
        guard cluster.isManaged else { return }
        installSignalHandlers()
        clusters.withLock { $0[ObjectIdentifier(cluster)] = cluster }
    }

    /// Remembers a server whose cluster is still starting.
    static func registerPending(_ server: PostgresServer) {
        installSignalHandlers()
        pending.withLock { $0[ObjectIdentifier(server)] = server }
    }

    /// Forgets a server registered with ``registerPending(_:)``.
    static func unregisterPending(_ server: PostgresServer) {
        pending.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(server)) }
    }

    static func unregister(_ cluster: ShardCluster) {
        clusters.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(cluster)) }
    }

    /// Installs the handlers once.
    static func installSignalHandlers() {
        let first = installed.withLock { value -> Bool in
            defer { value = true }
            return !value
        }
        guard first else { return }
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return }
        _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
        signalPipeWriteEnd = descriptors[1]
        let readEnd = descriptors[0]
        let thread = Thread {
            while true {
                var number: Int32 = 0
                let count = withUnsafeMutableBytes(of: &number) { read(readEnd, $0.baseAddress, $0.count) }
                if count == MemoryLayout<Int32>.size {
                    stopAllAndReraise(number)
                } else if count < 0 && errno == EINTR {
                    continue
                } else if count <= 0 {
                    return
                }
            }
        }
        thread.name = "shardrunner-signals"
        thread.start()
        for signalNumber in handledSignals {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = forwardSignal
            #else
            action.__sigaction_handler.sa_handler = forwardSignal
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signalNumber, &action, nil)
        }
    }

    private static func stopAllAndReraise(_ signalNumber: Int32) {
        let running = clusters.withLock { Array($0.values) }
        let starting = pending.withLock { Array($0.values) }
        let servers = (running.flatMap(\.servers) + starting).filter { $0.isManaged && !$0.isStopped }
        spawnCleanup(for: servers)
        signal(signalNumber, SIG_DFL)
        // Process-directed: this thread may block the signal (threads started from the
        // cooperative pool inherit its mask), so `raise` would leave it pending here.
        kill(getpid(), signalNumber)
    }

    /// The shell script of the cleanup process: wait until `owner` has exited (a zombie counts
    /// as exited), stop each server and remove its folder, then remove any other folder
    /// `PostgresServer` made for `owner` (a server still in `initdb` when the signal came).
    static func cleanupScript(for servers: [PostgresServer], owner: pid_t, asRoot: Bool) -> String {
        func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        func isGone(_ pid: String) -> String {
            "! kill -0 \(pid) 2>/dev/null || grep -q '^[^)]*) [ZX]' /proc/\(pid)/stat 2>/dev/null"
        }
        var script = "until \(isGone(String(owner))); do sleep 0.05; done\n"
        for server in servers {
            guard let root = server.rootDirectory, let data = server.dataDirectory else { continue }
            let binDirectory = (server.connection.psqlPath as NSString).deletingLastPathComponent
            let pgCtl = quote(binDirectory + "/pg_ctl") + " stop -D " + quote(data) + " -m immediate -w -t 10"
            let stop = (asRoot ? "runuser -u postgres -- " : "") + pgCtl
            script += "if [ -f \(quote(data + "/postmaster.pid")) ]; then PID=$(head -n 1 \(quote(data + "/postmaster.pid"))); "
            script += "\(stop) >/dev/null 2>&1 || kill -9 \"$PID\" 2>/dev/null; "
            script += "until \(isGone("\"$PID\"")); do sleep 0.05; done; fi\n"
            script += "rm -rf \(quote(root))\n"
        }
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "/tmp"
        script += "for f in \(quote(temporary))/shardplan-pg-*/owner.pid; do [ \"$(cat \"$f\" 2>/dev/null)\" = \"\(owner)\" ] || continue; "
        script += "d=$(dirname \"$f\"); [ -f \"$d/data/postmaster.pid\" ] && kill -9 \"$(head -n 1 \"$d/data/postmaster.pid\")\" 2>/dev/null; "
        script += "rm -rf \"$d\"; done\n"
        return script
    }

    /// Starts the cleanup process in a session of its own (a second Ctrl-C does not reach it).
    private static func spawnCleanup(for servers: [PostgresServer]) {
        let script = cleanupScript(for: servers, owner: getpid(), asRoot: geteuid() == 0)
        let setsid = ["/usr/bin/setsid", "/bin/setsid"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let arguments = (setsid.map { [$0] } ?? []) + ["/bin/sh", "-c", script]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        // No other descriptor may leak into the helper: a parent watching this process through
        // an inherited pipe (Foundation's `Process`) would otherwise wait for the helper too.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) } ?? []
        for descriptor in open where descriptor > 2 && fcntl(descriptor, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        _ = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
    }
}

/// The write end of the pipe the signal handler writes to; set once before any handler is
/// installed, then only read.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// The signal handler: async-signal-safe, it only writes the signal number to the pipe.
private func forwardSignal(_ signalNumber: Int32) {
    var number = signalNumber
    let saved = errno
    _ = withUnsafeBytes(of: &number) { write(signalPipeWriteEnd, $0.baseAddress, $0.count) }
    errno = saved
}
