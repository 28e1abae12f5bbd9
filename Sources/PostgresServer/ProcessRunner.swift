import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The outcome of a finished child process.
struct ProcessOutput: Sendable {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs programs to completion with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process` is not used: it notices a child's exit through a descriptor the
/// child inherits, so a program that leaves a daemon behind (`pg_ctl start`) would never be seen
/// to finish. Here every descriptor above stderr is closed in the child, output goes to files
/// (a chatty child never blocks on a full pipe), and the exit is observed with `waitpid`.
enum ProcessRunner {
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        standardInput: String? = nil
    ) throws(PostgresServerError) -> ProcessOutput {
        let scratch = TemporaryFiles.makeDirectory(prefix: "shardplan-run")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outPath = scratch + "/stdout"
        let errPath = scratch + "/stderr"
        var inPath = "/dev/null"
        if let standardInput {
            inPath = scratch + "/stdin"
            guard FileManager.default.createFile(atPath: inPath, contents: Data(standardInput.utf8)) else {
                throw PostgresServerError("could not write \(inPath)")
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeInheritedDescriptors(&actions)

        let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environmentList.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw PostgresServerError("could not run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return ProcessOutput(status: exitStatus, standardOutput: stdout, standardError: stderr)
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// glibc 2.34+ has `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module
    /// does not export; it is looked up at run time. Otherwise the descriptors open now (as
    /// listed in /proc/self/fd) are closed one by one.
    private static let closeFrom: CloseFrom? = {
        // A nil handle is RTLD_DEFAULT on glibc: search every loaded object.
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom, closeFrom(&actions, 3) == 0 { return }
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) } ?? []
        for descriptor in descriptors where descriptor > 2 && fcntl(descriptor, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }
}

/// Temporary folders with unique names.
enum TemporaryFiles {
    static var root: String {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        return directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    /// Creates a new empty folder `<tmp>/<prefix>-XXXXXX` (mode 0700) and returns its path.
    static func makeDirectory(prefix: String) -> String {
        var template = Array("\(root)/\(prefix)-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        if created != nil {
            return String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        // mkdtemp only fails when /tmp is unusable; fall back to a UUID name so the error
        // surfaces where the folder is first used.
        let path = "\(root)/\(prefix)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
