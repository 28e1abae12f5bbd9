/// PostgreSQL's core 32-bit hash functions (`hash_bytes`, `hash_uint32` and the `int8`
/// fold used by `hashint8`), bit for bit as a little-endian PostgreSQL 15 server computes them.
///
/// These are Bob Jenkins' "lookup3" functions as adapted in PostgreSQL's `hashfn.c`.
/// All functions are allocation-free and return the hash reinterpreted as a signed
/// 32-bit integer, which is how Citus compares hashes with shard ranges.
public enum PostgresHash {
    @usableFromInline static let initialValue: UInt32 = 0x9e37_79b9 &+ 3_923_095

    @inlinable @inline(__always)
    static func rotl(_ x: UInt32, _ k: UInt32) -> UInt32 {
        (x << k) | (x >> (32 - k))
    }

    @inlinable @inline(__always)
    static func mix(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32) {
        a &-= c; a ^= rotl(c, 4); c &+= b
        b &-= a; b ^= rotl(a, 6); a &+= c
        c &-= b; c ^= rotl(b, 8); b &+= a
        a &-= c; a ^= rotl(c, 16); c &+= b
        b &-= a; b ^= rotl(a, 19); a &+= c
        c &-= b; c ^= rotl(b, 4); b &+= a
    }

    @inlinable @inline(__always)
    static func final(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32) {
        c ^= b; c &-= rotl(b, 14)
        a ^= c; a &-= rotl(c, 11)
        b ^= a; b &-= rotl(a, 25)
        c ^= b; c &-= rotl(b, 16)
        a ^= c; a &-= rotl(c, 4)
        b ^= a; b &-= rotl(a, 14)
        c ^= b; c &-= rotl(b, 24)
    }

    /// `hash_bytes` (also reached as `hash_any`) over raw bytes.
    ///
    /// - Parameter bytes: the bytes to hash; the hash does not depend on their alignment.
    /// - Returns: the hash as PostgreSQL returns it, reinterpreted as `Int32`.
    @inlinable
    public static func hashBytes(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let length = bytes.count
        var a = initialValue &+ UInt32(truncatingIfNeeded: length)
        var b = a
        var c = a
        guard let base = bytes.baseAddress else {
            final(&a, &b, &c)
            return Int32(bitPattern: c)
        }
        var offset = 0
        var remaining = length
        // Unaligned little-endian loads give the same words as PostgreSQL's aligned path on
        // little-endian hosts, so one loop serves both cases.
        while remaining >= 12 {
            a &+= UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            b &+= UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            c &+= UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self))
            mix(&a, &b, &c)
            offset += 12
            remaining -= 12
        }
        // The tail: bytes 8...10 go into c shifted by 8 because PostgreSQL reserves c's low
        // byte for the length in the original lookup3 design.
        @inline(__always) func byte(_ i: Int) -> UInt32 {
            UInt32(base.load(fromByteOffset: offset + i, as: UInt8.self))
        }
        if remaining >= 9 {
            if remaining >= 11 { c &+= byte(10) << 24 }
            if remaining >= 10 { c &+= byte(9) << 16 }
            c &+= byte(8) << 8
        }
        if remaining >= 5 {
            b &+= remaining >= 8 ? byte(7) << 24 : 0
            b &+= remaining >= 7 ? byte(6) << 16 : 0
            b &+= remaining >= 6 ? byte(5) << 8 : 0
            b &+= byte(4)
            a &+= UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        } else if remaining >= 1 {
            a &+= remaining >= 4 ? byte(3) << 24 : 0
            a &+= remaining >= 3 ? byte(2) << 16 : 0
            a &+= remaining >= 2 ? byte(1) << 8 : 0
            a &+= byte(0)
        }
        final(&a, &b, &c)
        return Int32(bitPattern: c)
    }

    /// `hash_bytes` over a byte collection (for example `[UInt8]` or `String.UTF8View`).
    ///
    /// Contiguous collections are hashed in place; others are copied once.
    @inlinable
    public static func hashBytes<Bytes: Sequence>(_ bytes: Bytes) -> Int32 where Bytes.Element == UInt8 {
        if let hash = bytes.withContiguousStorageIfAvailable({ hashBytes(UnsafeRawBufferPointer($0)) }) {
            return hash
        }
        return Array(bytes).withUnsafeBytes { hashBytes($0) }
    }

    /// `hash_bytes` over the UTF-8 bytes of a string, as `hashtext` does for a deterministic
    /// collation.
    @inlinable
    public static func hashText(_ text: String) -> Int32 {
        var text = text
        // A native string is contiguous UTF-8; bridged or lazily built ones are made so once.
        return text.withUTF8 { hashBytes(UnsafeRawBufferPointer($0)) }
    }

    /// `hash_uint32`: the hash of one 32-bit word (used by `hashint4`, `hashoid`, `hashchar`...).
    @inlinable
    public static func hashUInt32(_ value: UInt32) -> Int32 {
        var a = initialValue &+ 4 &+ value
        var b = initialValue &+ 4
        var c = b
        final(&a, &b, &c)
        return Int32(bitPattern: c)
    }

    /// `hashint4`: the hash of an `integer`.
    @inlinable
    public static func hashInt32(_ value: Int32) -> Int32 {
        hashUInt32(UInt32(bitPattern: value))
    }

    /// `hashint8`: folds the 64-bit value to 32 bits so that every `bigint` inside the `int4`
    /// range hashes like the same `integer`, then applies `hash_uint32`.
    @inlinable
    public static func hashInt64(_ value: Int64) -> Int32 {
        let bits = UInt64(bitPattern: value)
        var low = UInt32(truncatingIfNeeded: bits)
        let high = UInt32(truncatingIfNeeded: bits >> 32)
        low ^= value >= 0 ? high : ~high
        return hashUInt32(low)
    }

    /// `hashfloat8`: both zeros hash to 0, every NaN hashes like the canonical quiet NaN, and
    /// other values hash their 8 IEEE bytes.
    @inlinable
    public static func hashDouble(_ value: Double) -> Int32 {
        if value == 0 { return 0 }
        var bits = value.isNaN ? Double.nan.bitPattern.littleEndian : value.bitPattern.littleEndian
        return withUnsafeBytes(of: &bits) { hashBytes($0) }
    }
}
