import Testing
import ShardCatalog

/// Shard hash ranges (behaviour reference, section 1.3) and hash-to-shard mapping (2.4).
struct ShardRangeTests {
    @Test func sevenShardRanges() throws {
        let ranges = try ShardHashRanges(shardCount: 7)
        let expected: [ClosedRange<Int32>] = [
            -2147483648 ... -1533916893,
            -1533916892 ... -920350137,
            -920350136 ... -306783381,
            -306783380 ... 306783375,
            306783376 ... 920350131,
            920350132 ... 1533916887,
            1533916888 ... 2147483647,
        ]
        #expect((0..<7).map(ranges.range(ofShard:)) == expected)
    }

    @Test func thirtyTwoShardRanges() throws {
        let ranges = try ShardHashRanges(shardCount: 32)
        #expect(ranges.range(ofShard: 0) == -2147483648 ... -2013265921)
        #expect(ranges.range(ofShard: 1) == -2013265920 ... -1879048193)
        #expect(ranges.range(ofShard: 2) == -1879048192 ... -1744830465)
        #expect(ranges.range(ofShard: 15) == -134217728 ... -1)
        #expect(ranges.range(ofShard: 16) == 0...134217727)
        #expect(ranges.range(ofShard: 31) == 2013265920...2147483647)
        for index in 0..<31 {
            #expect(Int64(ranges.maximumHash(ofShard: index)) + 1 == Int64(ranges.minimumHash(ofShard: index + 1)))
        }
    }

    @Test(arguments: [1, 2, 3, 7, 32, 64, 100, 1000, 64000])
    func everyHashMapsIntoItsShardRange(shardCount: Int) throws {
        let ranges = try ShardHashRanges(shardCount: shardCount)
        var probes: [Int32] = [Int32.min, Int32.max, 0, -1, 1]
        for index in 0..<min(shardCount, 200) {
            probes += [ranges.minimumHash(ofShard: index), ranges.maximumHash(ofShard: index)]
        }
        var generator = SplitMix64(seed: UInt64(shardCount))
        for _ in 0..<2000 { probes.append(Int32(truncatingIfNeeded: generator.next())) }
        for hash in probes {
            let index = ranges.shardIndex(forHash: hash)
            #expect(ranges.range(ofShard: index).contains(hash), "hash \(hash) mapped to shard \(index)")
        }
        #expect(ranges.minimumHash(ofShard: 0) == Int32.min)
        #expect(ranges.maximumHash(ofShard: shardCount - 1) == Int32.max)
    }

    @Test func lastShardTakesTheRemainder() throws {
        let ranges = try ShardHashRanges(shardCount: 7)
        #expect(ranges.shardIndex(forHash: Int32.max) == 6)
        #expect(ranges.shardIndex(forHash: 2147483644) == 6)
        #expect(ranges.range(ofShard: 6).count == ranges.range(ofShard: 5).count + 4)
    }

    @Test func invalidShardCounts() {
        #expect(throws: ShardHashRangesError.self) { try ShardHashRanges(shardCount: 0) }
        #expect(throws: ShardHashRangesError.self) { try ShardHashRanges(shardCount: 64001) }
    }
}

/// A small deterministic generator (SplitMix64), so generated test values are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
