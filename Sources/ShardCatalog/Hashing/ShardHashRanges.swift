/// The uniform hash ranges that `create_distributed_table` gives the shards of a
/// hash-distributed table, and the mapping from a hash value to a shard index.
///
/// Shard `i` of `N` covers `[-2^31 + i * (2^32 / N), min + 2^32 / N - 1]`; the last shard also
/// takes the remainder of the integer division, up to `Int32.max`.
public struct ShardHashRanges: Sendable, Hashable, Codable {
    /// The number of shards (1 or more).
    public let shardCount: Int

    /// The width of every shard's range but the last (`2^32 / shardCount`, integer division).
    @usableFromInline let increment: Int64

    /// Creates the ranges for a shard count.
    ///
    /// - Throws: ``ShardHashRangesError`` when `shardCount` is not between 1 and 64000, the
    ///   limit Citus accepts for `shard_count`.
    public init(shardCount: Int) throws(ShardHashRangesError) {
        guard (1...64000).contains(shardCount) else {
            throw ShardHashRangesError(shardCount: shardCount)
        }
        self.shardCount = shardCount
        self.increment = (Int64(1) << 32) / Int64(shardCount)
    }

    /// The smallest hash value of shard `index` (`shardminvalue`).
    ///
    /// - Precondition: `0 <= index < shardCount`.
    public func minimumHash(ofShard index: Int) -> Int32 {
        precondition((0..<shardCount).contains(index), "shard index \(index) out of 0..<\(shardCount)")
        return Int32(Int64(Int32.min) + Int64(index) * increment)
    }

    /// The largest hash value of shard `index` (`shardmaxvalue`); the last shard ends at
    /// `Int32.max`.
    ///
    /// - Precondition: `0 <= index < shardCount`.
    public func maximumHash(ofShard index: Int) -> Int32 {
        precondition((0..<shardCount).contains(index), "shard index \(index) out of 0..<\(shardCount)")
        if index == shardCount - 1 { return Int32.max }
        return Int32(Int64(Int32.min) + Int64(index + 1) * increment - 1)
    }

    /// The closed range of hash values of shard `index`.
    ///
    /// - Precondition: `0 <= index < shardCount`.
    public func range(ofShard index: Int) -> ClosedRange<Int32> {
        minimumHash(ofShard: index)...maximumHash(ofShard: index)
    }

    /// The index of the shard whose range holds `hash`, as Citus computes it for uniform ranges.
    @inlinable
    public func shardIndex(forHash hash: Int32) -> Int {
        let index = Int((Int64(hash) - Int64(Int32.min)) / increment)
        // Hashes in the remainder area past the last full increment belong to the last shard.
        return index >= shardCount ? shardCount - 1 : index
    }
}

/// A shard count outside the range Citus accepts.
public struct ShardHashRangesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rejected shard count.
    public let shardCount: Int

    /// The message, as Citus words it.
    public var description: String {
        "\(shardCount) is outside the valid range for parameter \"shard_count\" (1 .. 64000)"
    }
}
