/// A value of a column type, as PostgreSQL stores it after its input function (or an implicit
/// or assignment cast) has run. This is what the hash of a distribution column is computed from.
public enum PostgresValue: Sendable, Hashable {
    case int2(Int16)
    case int4(Int32)
    case int8(Int64)
    case oid(UInt32)
    case bool(Bool)
    /// The one-byte `"char"` type, as the byte PostgreSQL stores.
    case char(UInt8)
    /// `text` or `character varying`.
    case text(String)
    /// `character(n)` (padded to n) or `bpchar`.
    case bpchar(String)
    /// `name`, already cut to 63 bytes.
    case name(String)
    case bytea([UInt8])
    case uuid(PostgresUUID)
    /// Days since 2000-01-01; `Int32.min`/`Int32.max` are `-infinity`/`infinity`.
    case date(Int32)
    /// Microseconds since midnight.
    case time(Int64)
    /// Microseconds since midnight and the zone in seconds **west** of UTC, as stored.
    case timetz(microseconds: Int64, zoneSecondsWest: Int32)
    /// Microseconds since 2000-01-01 00:00; `Int64.min`/`Int64.max` are the infinities.
    case timestamp(Int64)
    /// Microseconds since 2000-01-01 00:00 UTC; `Int64.min`/`Int64.max` are the infinities.
    case timestamptz(Int64)
    case interval(PostgresInterval)
    case numeric(PostgresNumeric)
    case float4(Float)
    case float8(Double)
    /// Cents (the money type's integer amount).
    case money(Int64)
    case inet(PostgresInet)
    case cidr(PostgresInet)

    /// The value's hash under its type's default hash operator class, support function 1 —
    /// the 32-bit hash Citus places rows by (`hashint8`, `hashtext`, `hash_numeric`...).
    ///
    /// `varchar` hashes as `text`; `character(n)` ignores trailing spaces; `date` uses
    /// `hashint4`, `boolean` uses `hashchar`, `money` uses `hashint8` on its cents (money has no
    /// hash operator class in PostgreSQL 15, so Citus cannot distribute by it).
    @inlinable
    public var postgresHash: Int32 {
        switch self {
        case .int2(let value): return PostgresHash.hashInt32(Int32(value))
        case .int4(let value): return PostgresHash.hashInt32(value)
        case .int8(let value): return PostgresHash.hashInt64(value)
        case .oid(let value): return PostgresHash.hashUInt32(value)
        case .bool(let value): return PostgresHash.hashUInt32(value ? 1 : 0)
        // `hashchar` widens a signed char, so bytes >= 0x80 become negative int32 values.
        case .char(let value): return PostgresHash.hashInt32(Int32(Int8(bitPattern: value)))
        case .text(let value), .name(let value): return PostgresHash.hashText(value)
        case .bpchar(let value): return PostgresHash.hashBytes(value.withoutTrailingSpaces.utf8)
        case .bytea(let value): return PostgresHash.hashBytes(value)
        case .uuid(let value): return value.postgresHash
        case .date(let value): return PostgresHash.hashInt32(value)
        case .time(let value), .timestamp(let value), .timestamptz(let value), .money(let value):
            return PostgresHash.hashInt64(value)
        case .timetz(let time, let zone):
            return Int32(bitPattern: UInt32(bitPattern: PostgresHash.hashInt64(time)) ^ UInt32(bitPattern: PostgresHash.hashInt32(zone)))
        case .interval(let value): return value.postgresHash
        case .numeric(let value): return value.postgresHash
        case .float4(let value): return PostgresHash.hashDouble(Double(value))
        case .float8(let value): return PostgresHash.hashDouble(value)
        case .inet(let value), .cidr(let value): return value.postgresHash
        }
    }
}

extension String {
    /// The text without trailing ASCII spaces, as `hashbpchar` hashes it.
    @usableFromInline
    var withoutTrailingSpaces: Substring {
        let utf8 = self.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let previous = utf8.index(before: end)
            if utf8[previous] != 0x20 { break }
            end = previous
        }
        return self[..<end]
    }
}

/// A `uuid`: 16 bytes in their textual order.
public struct PostgresUUID: Sendable, Hashable, CustomStringConvertible {
    /// The first 8 bytes, big-endian (the first byte is the most significant).
    public let high: UInt64
    /// The last 8 bytes, big-endian.
    public let low: UInt64

    /// Creates a UUID from its two big-endian halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// `uuid_hash`: `hash_bytes` over the 16 bytes.
    public var postgresHash: Int32 {
        var bytes = (high.bigEndian, low.bigEndian)
        return withUnsafeBytes(of: &bytes) { PostgresHash.hashBytes($0) }
    }

    /// The canonical lowercase text form (`a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11`).
    public var description: String {
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: digits - text.count) + text
        }
        return "\(hex(high >> 32, 8))-\(hex((high >> 16) & 0xffff, 4))-\(hex(high & 0xffff, 4))-\(hex(low >> 48, 4))-\(hex(low & 0xffff_ffff_ffff, 12))"
    }
}

/// An `interval` as stored: months, days and microseconds, kept apart.
public struct PostgresInterval: Sendable, Hashable {
    /// Months (years are folded in as 12 months each).
    public let months: Int32
    /// Days.
    public let days: Int32
    /// Microseconds.
    public let microseconds: Int64

    /// Creates an interval from its three stored fields.
    public init(months: Int32, days: Int32, microseconds: Int64) {
        self.months = months
        self.days = days
        self.microseconds = microseconds
    }

    /// `interval_hash`: `hashint8` of the low 64 bits of the span that interval comparison
    /// uses (a month counts 30 days, a day 24 hours), so `'1 mon'` and `'30 days'` hash alike.
    public var postgresHash: Int32 {
        let totalDays = Int64(months) * 30 + Int64(days)
        // Wrapping arithmetic gives exactly the low 64 bits of PostgreSQL's 128-bit span.
        let span = microseconds &+ totalDays &* 86_400_000_000
        return PostgresHash.hashInt64(span)
    }
}

/// An `inet` or `cidr` value: address family, netmask length and address bytes.
public struct PostgresInet: Sendable, Hashable {
    /// Whether this is an IPv6 address.
    public let isIPv6: Bool
    /// The netmask length in bits.
    public let bits: UInt8
    /// The address: 4 bytes for IPv4, 16 for IPv6.
    public let address: [UInt8]

    /// Creates a value from its parts.
    public init(isIPv6: Bool, bits: UInt8, address: [UInt8]) {
        self.isIPv6 = isIPv6
        self.bits = bits
        self.address = address
    }

    /// `hashinet`: `hash_bytes` over the family byte (2 for IPv4, 3 for IPv6 as PostgreSQL
    /// numbers them), the bits byte and the address bytes.
    public var postgresHash: Int32 {
        var bytes: [UInt8] = [isIPv6 ? 3 : 2, bits]
        bytes += address
        return PostgresHash.hashBytes(bytes)
    }
}
