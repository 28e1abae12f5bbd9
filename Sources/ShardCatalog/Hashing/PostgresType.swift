import SQLSyntax
/// A column type as PostgreSQL names it: a base type, its type modifiers and array
/// dimensions.
///
/// Create one from a DDL spelling with ``init(parsing:)`` (`"varchar(20)"`,
/// `"timestamp with time zone"`, `"bigserial"`), or from the name parts and modifiers a parser
/// produces with ``init(nameParts:modifiers:isArray:)``. ``name`` is the canonical
/// spelling that `format_type` prints, and is also the `Codable` form.
public struct PostgresType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The base (element) type.
    public var base: Base
    /// The type modifiers as written, normalised: `[n]` for `character(n)` and
    /// `character varying(n)`, `[precision, scale]` for `numeric`, `[precision]` for the time
    /// types and `interval`; empty when there are none.
    public var modifiers: [Int32]
    /// The field restriction of an `interval` (`interval day to second`), if any.
    public var intervalFields: IntervalFields?
    /// Whether this is an array of the base type (`int[]`, `text[][]`: PostgreSQL does not
    /// distinguish the number of dimensions in a type).
    public var isArray: Bool

    /// The base types this package knows; any other type is ``other(schema:name:)``.
    public enum Base: Sendable, Hashable {
        case int2, int4, int8, oid, bool
        /// The single-byte `"char"` type (not `character(n)`).
        case char
        /// `character(n)`, blank-padded.
        case bpchar
        case varchar, text, name, bytea, uuid, date, time, timetz, timestamp, timestamptz
        case interval, numeric, float4, float8, money, inet, cidr, json, jsonb
        /// A type this package does not model (an enum, a domain, an extension type...).
        case other(schema: String?, name: String)
    }

    /// The field restriction of an `interval` column.
    public enum IntervalFields: String, Sendable, Hashable, CaseIterable {
        case year, month, day, hour, minute, second
        case yearToMonth = "year to month"
        case dayToHour = "day to hour"
        case dayToMinute = "day to minute"
        case dayToSecond = "day to second"
        case hourToMinute = "hour to minute"
        case hourToSecond = "hour to second"
        case minuteToSecond = "minute to second"
    }

    /// Creates a type from its parts without validation; prefer the parsing initialisers.
    public init(base: Base, modifiers: [Int32] = [], intervalFields: IntervalFields? = nil, isArray: Bool = false) {
        self.base = base
        self.modifiers = modifiers
        self.intervalFields = intervalFields
        self.isArray = isArray
    }

    /// The element type of an array type (the type itself for a scalar).
    public var elementType: PostgresType {
        var element = self
        element.isArray = false
        return element
    }

    /// The declared length of `character(n)` or `character varying(n)`.
    public var length: Int? {
        switch base {
        case .bpchar, .varchar: modifiers.first.map(Int.init)
        default: nil
        }
    }

    /// The declared precision of `numeric(p,s)`.
    public var numericPrecision: Int? { base == .numeric ? modifiers.first.map(Int.init) : nil }

    /// The declared scale of `numeric(p,s)` (0 when only a precision was given).
    public var numericScale: Int? { base == .numeric && modifiers.count > 1 ? Int(modifiers[1]) : nil }

    /// The fractional-seconds precision of `time(p)`, `timetz(p)`, `timestamp(p)`,
    /// `timestamptz(p)` or `interval(p)`.
    public var secondsPrecision: Int? {
        switch base {
        case .time, .timetz, .timestamp, .timestamptz, .interval: modifiers.first.map(Int.init)
        default: nil
        }
    }

    /// The type modifier as PostgreSQL stores it in `pg_attribute.atttypmod` (-1 for none).
    public var typmod: Int32 {
        switch base {
        case .bpchar, .varchar:
            return modifiers.first.map { $0 + 4 } ?? -1
        case .numeric:
            guard let precision = modifiers.first else { return -1 }
            let scale = modifiers.count > 1 ? modifiers[1] : 0
            return ((precision << 16) | (scale & 0x7ff)) + 4
        case .time, .timetz, .timestamp, .timestamptz:
            return modifiers.first ?? -1
        case .interval:
            if modifiers.isEmpty && intervalFields == nil { return -1 }
            let range = intervalFields?.rangeMask ?? 0x7fff
            return (range << 16) | (modifiers.first ?? 0xffff)
        default:
            return -1
        }
    }

    /// The canonical name, exactly as PostgreSQL's `format_type(oid, typmod)` prints it:
    /// `bigint`, `character varying(20)`, `numeric(10,2)`, `timestamp(3) with time zone`,
    /// `"char"`, `integer[]`.
    public var name: String {
        let element = elementName
        return isArray ? element + "[]" : element
    }

    /// Same as ``name``.
    public var description: String { name }

    private var elementName: String {
        let precision = modifiers.first.map { "(\($0))" } ?? ""
        switch base {
        case .int2: return "smallint"
        case .int4: return "integer"
        case .int8: return "bigint"
        case .oid: return "oid"
        case .bool: return "boolean"
        case .char: return "\"char\""
        case .bpchar: return modifiers.isEmpty ? "bpchar" : "character\(precision)"
        case .varchar: return "character varying\(precision)"
        case .text: return "text"
        case .name: return "name"
        case .bytea: return "bytea"
        case .uuid: return "uuid"
        case .date: return "date"
        case .time: return "time\(precision) without time zone"
        case .timetz: return "time\(precision) with time zone"
        case .timestamp: return "timestamp\(precision) without time zone"
        case .timestamptz: return "timestamp\(precision) with time zone"
        case .interval:
            let fields = intervalFields.map { " " + $0.rawValue } ?? ""
            return "interval\(fields)\(precision)"
        case .numeric:
            return modifiers.isEmpty ? "numeric" : "numeric(\(modifiers.map(String.init).joined(separator: ",")))"
        case .float4: return "real"
        case .float8: return "double precision"
        case .money: return "money"
        case .inet: return "inet"
        case .cidr: return "cidr"
        case .json: return "json"
        case .jsonb: return "jsonb"
        case .other(let schema, let name):
            let qualified = (schema.map { PostgresType.quoteIdentifier($0) + "." } ?? "") + PostgresType.quoteIdentifier(name)
            return modifiers.isEmpty ? qualified : "\(qualified)(\(modifiers.map(String.init).joined(separator: ",")))"
        }
    }

    /// The type's OID in every PostgreSQL 15 database (`pg_type.oid`), for the built-in types;
    /// `nil` for ``Base/other(schema:name:)``, whose OID depends on the database.
    public var oid: UInt32? {
        guard let oids = base.oids else { return nil }
        return isArray ? oids.array : oids.scalar
    }

    /// Quotes an identifier the way PostgreSQL's `quote_identifier` does (keywords included).
    static func quoteIdentifier(_ identifier: String) -> String {
        SQLDeparser.quoteIdentifier(identifier)
    }

    // MARK: Codable as the canonical name

    /// Decodes a type from its name (any spelling ``init(parsing:)`` accepts).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try PostgresType(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the type as its canonical ``name``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

extension PostgresType.Base {
    /// Scalar and array OIDs from PostgreSQL 15's `pg_type.dat`.
    var oids: (scalar: UInt32, array: UInt32)? {
        switch self {
        case .bool: (16, 1000)
        case .bytea: (17, 1001)
        case .char: (18, 1002)
        case .name: (19, 1003)
        case .int8: (20, 1016)
        case .int2: (21, 1005)
        case .int4: (23, 1007)
        case .text: (25, 1009)
        case .oid: (26, 1028)
        case .json: (114, 199)
        case .cidr: (650, 651)
        case .float4: (700, 1021)
        case .float8: (701, 1022)
        case .money: (790, 791)
        case .inet: (869, 1041)
        case .bpchar: (1042, 1014)
        case .varchar: (1043, 1015)
        case .date: (1082, 1182)
        case .time: (1083, 1183)
        case .timestamp: (1114, 1115)
        case .timestamptz: (1184, 1185)
        case .interval: (1186, 1187)
        case .timetz: (1266, 1270)
        case .numeric: (1700, 1231)
        case .uuid: (2950, 2951)
        case .jsonb: (3802, 3807)
        case .other: nil
        }
    }
}

extension PostgresType.IntervalFields {
    /// The `INTERVAL_MASK` bits PostgreSQL stores in the typmod's upper half.
    var rangeMask: Int32 {
        let month: Int32 = 1 << 1, year: Int32 = 1 << 2, day: Int32 = 1 << 3
        let hour: Int32 = 1 << 10, minute: Int32 = 1 << 11, second: Int32 = 1 << 12
        switch self {
        case .year: return year
        case .month: return month
        case .day: return day
        case .hour: return hour
        case .minute: return minute
        case .second: return second
        case .yearToMonth: return year | month
        case .dayToHour: return day | hour
        case .dayToMinute: return day | hour | minute
        case .dayToSecond: return day | hour | minute | second
        case .hourToMinute: return hour | minute
        case .hourToSecond: return hour | minute | second
        case .minuteToSecond: return minute | second
        }
    }

    init?(rangeMask: Int32) {
        guard let fields = Self.allCases.first(where: { $0.rangeMask == rangeMask }) else { return nil }
        self = fields
    }
}

extension String {
    /// Replaces every occurrence of a character (kept free of Foundation on purpose).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

extension PostgresType {
    /// The name of the function PostgreSQL 15 uses to hash this type for hash distribution:
    /// support function 1 of the type's default hash operator class (`hashint8`, `hashtext`,
    /// `timestamp_hash`...). `nil` when the type has none, as for `money`, `json`, arrays of
    /// unsupported elements and types this package does not model; Citus then refuses the type
    /// as a distribution column (`could not identify a hash function for type ...`).
    public var hashSupportFunction: String? {
        if isArray { return elementType.hashSupportFunction == nil ? nil : "hash_array" }
        switch base {
        case .int2: return "hashint2"
        case .int4, .date: return "hashint4"
        case .int8: return "hashint8"
        case .oid: return "hashoid"
        case .bool, .char: return "hashchar"
        case .bpchar: return "hashbpchar"
        case .varchar, .text: return "hashtext"
        case .name: return "hashname"
        case .bytea: return "hashvarlena"
        case .uuid: return "uuid_hash"
        case .time: return "time_hash"
        case .timetz: return "timetz_hash"
        case .timestamp, .timestamptz: return "timestamp_hash"
        case .interval: return "interval_hash"
        case .numeric: return "hash_numeric"
        case .float4: return "hashfloat4"
        case .float8: return "hashfloat8"
        case .inet, .cidr: return "hashinet"
        case .jsonb: return "jsonb_hash"
        case .money, .json, .other: return nil
        }
    }
}
