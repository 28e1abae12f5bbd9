extension SQLPrinter {
    /// Interval field masks (PostgreSQL's INTERVAL_MASK), as the grammar stores them in typmods.
    private static let intervalFields: [Int32: String] = {
        let year: Int32 = 1 << 2, month: Int32 = 1 << 1, day: Int32 = 1 << 3
        let hour: Int32 = 1 << 10, minute: Int32 = 1 << 11, second: Int32 = 1 << 12
        return [
            year: "year", month: "month", day: "day", hour: "hour", minute: "minute", second: "second",
            year | month: "year to month", day | hour: "day to hour", day | hour | minute: "day to minute",
            day | hour | minute | second: "day to second", hour | minute: "hour to minute",
            hour | minute | second: "hour to second", minute | second: "minute to second",
        ]
    }()
    private static let intervalFullRange: Int32 = 0x7FFF

    /// Prints a type name the way PostgreSQL's grammar accepts it, so that it parses back to the same tree.
    mutating func typeName(_ t: TypeName) throws(DeparseError) {
        if t.setof { out += "SETOF " }
        guard !t.names.isEmpty else {
            throw unsupported("TypeName", "type given by OID only", location: t.location)
        }
        var printed = false
        if t.names.count == 2, !t.pctType, case .string(let schema) = t.names[0], schema.sval == "pg_catalog",
           case .string(let name) = t.names[1] {
            printed = try builtinType(name.sval, t)
        }
        if !printed {
            try qualifiedName(t.names)
            if t.pctType { out += "%TYPE" }
            if !t.typmods.isEmpty {
                out += "("
                try exprList(t.typmods)
                out += ")"
            }
        }
        for bound in t.arrayBounds {
            guard case .integer(let i) = bound else { throw unsupported(bound, "array bound") }
            // -1 (and 0, which libpg_query prints the same way) mean an unspecified bound.
            out.append(i.ival > 0 ? "[\(i.ival)]" : "[]")
        }
    }

    /// The SQL-standard spellings of types the grammar maps into pg_catalog. Returns false when the
    /// generic `pg_catalog.name(typmods)` form must be used instead.
    private mutating func builtinType(_ name: String, _ t: TypeName) throws(DeparseError) -> Bool {
        func constInts() -> [Int32]? {
            var result: [Int32] = []
            for m in t.typmods {
                guard case .aConst(let c) = m, case .ival(let i)? = c.val else { return nil }
                result.append(i.ival)
            }
            return result
        }
        guard let mods = constInts() else { return false }
        let plain: String?
        switch name {
        case "int2": plain = "smallint"
        case "int4": plain = "integer"
        case "int8": plain = "bigint"
        case "float4": plain = "real"
        case "float8": plain = "double precision"
        case "bool": plain = "boolean"
        default: plain = nil
        }
        if let plain {
            guard mods.isEmpty else { return false }
            out.append(plain)
            return true
        }
        switch name {
        case "numeric":
            out += "numeric"
            if !mods.isEmpty { out.append("(" + mods.map(String.init).joined(separator: ", ") + ")") }
        case "bpchar", "varchar", "bit", "varbit":
            // `character` and `bit` alone mean length 1; a length-less bpchar/bit (from `char 'x'`) has no SQL spelling.
            guard mods.count == 1 || (mods.isEmpty && (name == "varchar" || name == "varbit")) else { return false }
            out += ["bpchar": "character", "varchar": "character varying", "bit": "bit", "varbit": "bit varying"][name]!
            if let m = mods.first { out.append("(\(m))") }
        case "timestamp", "timestamptz", "time", "timetz":
            guard mods.count <= 1 else { return false }
            out += name.hasPrefix("timestamp") ? "timestamp" : "time"
            if let m = mods.first { out.append("(\(m))") }
            out += name.hasSuffix("tz") ? " with time zone" : " without time zone"
        case "interval":
            out += "interval"
            switch mods.count {
            case 0: break
            case 1:
                guard mods[0] != Self.intervalFullRange else { return false }
                guard let fields = Self.intervalFields[mods[0]] else { return false }
                out.append(" " + fields)
            case 2:
                if mods[0] == Self.intervalFullRange {
                    out.append("(\(mods[1]))")
                } else {
                    // Only fields ending in SECOND take a precision.
                    guard let fields = Self.intervalFields[mods[0]], fields.hasSuffix("second") else { return false }
                    out.append(" " + fields + "(\(mods[1]))")
                }
            default: return false
            }
        default:
            return false
        }
        return true
    }
}
