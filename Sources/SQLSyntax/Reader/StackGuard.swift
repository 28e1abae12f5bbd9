import CPgQuery

/// Recursive readers and printers stop before the thread's stack runs out.
///
/// Trees are recursive and threads differ: the main thread has 8 MiB, Swift concurrency's pool threads
/// far less. Rather than a depth that suits one of them, the recursion asks how much stack is left.
struct StackGuard {
    /// Stack that must stay free for the caller, destructors and the runtime.
    static let reserve: UInt = 192 * 1024

    /// The address below which the recursion must stop; found on first use (0 = unknown, never stop).
    private var limit: UInt? = nil

    /// True when less than `reserve` bytes of this thread's stack are left.
    @inline(__always)
    mutating func isLow() -> Bool {
        if limit == nil { limit = Self.lowestAddress().map { $0 + Self.reserve } ?? 0 }
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } < limit!
    }

    /// The lowest usable address of the current thread's stack.
    private static func lowestAddress() -> UInt? {
        var address: UnsafeMutableRawPointer?
        var size = 0
        // For the main thread glibc reads /proc/self/maps here; that only happens on deep trees.
        guard shardplan_current_stack(&address, &size) == 0, let address else { return nil }
        return UInt(bitPattern: address)
    }
}
