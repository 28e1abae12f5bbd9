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

/// A statement's time against the raw parse of the same statement, measured in alternation: each
/// sample times a batch of `raw`, then a batch of `body`, so that both see the same machine (clock
/// speed, other load) and the ratio is taken within the sample. Returns the medians of each and
/// the median of the per-sample ratios.
struct PairedMeasurement {
    var raw: Measurement
    var measured: Measurement
    var medianRatio: Double
}

func measurePaired(samples: Int = 301, raw: () throws -> Void, _ body: () throws -> Void) rethrows -> PairedMeasurement {
    for _ in 0..<200 { try raw(); try body() }
    func batchSize(_ run: () throws -> Void) rethrows -> Int {
        var batch = 1
        while true {
            let start = now()
            for _ in 0..<batch { try run() }
            if now() - start > 1_000_000 || batch >= 1 << 20 { return batch }
            batch *= 2
        }
    }
    let rawBatch = try batchSize(raw), bodyBatch = try batchSize(body)
    var raws: [Double] = [], bodies: [Double] = [], ratios: [Double] = []
    for _ in 0..<samples {
        var start = now()
        for _ in 0..<rawBatch { try raw() }
        let rawTime = Double(now() - start) / Double(rawBatch)
        start = now()
        for _ in 0..<bodyBatch { try body() }
        let bodyTime = Double(now() - start) / Double(bodyBatch)
        raws.append(rawTime)
        bodies.append(bodyTime)
        ratios.append(bodyTime / rawTime)
    }
    func summary(_ name: String, _ values: [Double]) -> Measurement {
        let sorted = values.sorted()
        return Measurement(name: name, medianNanoseconds: sorted[sorted.count / 2], p10: sorted[sorted.count / 10], p90: sorted[sorted.count * 9 / 10])
    }
    return PairedMeasurement(raw: summary("raw", raws), measured: summary("measured", bodies), medianRatio: ratios.sorted()[ratios.count / 2])
}

func format(_ ns: Double) -> String {
    if ns >= 1_000_000 { return String(format: "%.2f ms", ns / 1_000_000) }
    if ns >= 1_000 { return String(format: "%.2f µs", ns / 1_000) }
    return String(format: "%.0f ns", ns)
}

import Foundation
