#if canImport(Glibc)
import Glibc
#endif

/// A small timing harness: median over samples, each sample the mean of a batch of calls.
struct Measurement {
    var name: String
    var medianNanoseconds: Double
    var p10: Double
    var p90: Double
}

@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Runs `body` in batches sized to take about 2 ms each, `samples` times, after a warm-up.
func measure(_ name: String, samples: Int = 201, _ body: () throws -> Void) rethrows -> Measurement {
    for _ in 0..<200 { try body() }
    var batch = 1
    while true {
        let start = now()
        for _ in 0..<batch { try body() }
        if now() - start > 2_000_000 || batch >= 1 << 20 { break }
        batch *= 2
    }
    var results: [Double] = []
    results.reserveCapacity(samples)
    for _ in 0..<samples {
        let start = now()
        for _ in 0..<batch { try body() }
        results.append(Double(now() - start) / Double(batch))
    }
    results.sort()
    return Measurement(name: name, medianNanoseconds: results[results.count / 2],
                       p10: results[results.count / 10], p90: results[results.count * 9 / 10])
}

func format(_ ns: Double) -> String {
    if ns >= 1_000_000 { return String(format: "%.2f ms", ns / 1_000_000) }
    if ns >= 1_000 { return String(format: "%.2f µs", ns / 1_000) }
    return String(format: "%.0f ns", ns)
}

import Foundation
