import Foundation

/// Runs blocking work (a child process, a synchronous `psql`, a long computation) on a thread of
/// its own and awaits its result.
///
/// Swift's cooperative pool has as many threads as cores: work that blocks one of them for
/// seconds delays every task of the process, including the timers that bound how long a query
/// may take. Code that must block therefore does it here.
///
/// - Parameter body: the blocking work; it runs on a newly detached thread.
/// - Returns: what `body` returned.
/// - Throws: what `body` threw.
@discardableResult
public func runBlocking<Output: Sendable, Failure: Error>(
    _ body: @escaping @Sendable () throws(Failure) -> Output
) async throws(Failure) -> Output {
    let result: Result<Output, Failure> = await withCheckedContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(returning: Result { () throws(Failure) -> Output in try body() })
        }
    }
    return try result.get()
}
