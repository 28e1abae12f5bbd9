import SQLSyntax
/// A constant as it appears in SQL, before PostgreSQL has given it a type.
public enum SQLLiteral: Sendable, Hashable {
    /// A string constant (`'042'`), of type `unknown` until coerced: the column type's input
    /// function reads its text.
    case string(String)
    /// An integer constant, after folding a unary minus (`42`, `-7`).
    case integer(Int64)
    /// A numeric constant as written: `1.5`, `.5`, `1e10`, or an integer too large for `bigint`.
    /// Integral text that fits `bigint` behaves like ``integer(_:)``, as in PostgreSQL.
    case numeric(String)
    /// `true` or `false`.
    case boolean(Bool)
}

extension SQLLiteral {
    /// The literal of a parsed constant (`42`, `1.5`, `'text'`, `true`); nil for NULL and bit
    /// strings.
    public init?(_ constant: A_Const) {
        switch constant.val {
        case .ival(let value)?: self = .integer(Int64(value.ival))
        case .fval(let value)?: self = .numeric(value.fval)
        case .sval(let value)?: self = .string(value.sval)
        case .boolval(let value)?: self = .boolean(value.boolval)
        default: return nil
        }
    }
}

/// Where a constant meets a column, which decides the casts PostgreSQL allows.
public enum CoercionContext: Sendable, Hashable {
    /// `column = constant` and other comparisons: only implicit casts apply.
    case comparison
    /// `INSERT ... VALUES` and `UPDATE ... SET`: assignment casts apply too (`42` into a
    /// `text` column, `1.5` into a `bigint` column).
    case assignment
}

extension PostgresType {
    /// Coerces a constant into a value of this (scalar) column type, the way PostgreSQL's
    /// input functions and casts would, including the type modifier (`varchar(n)` length
    /// checks, `numeric(p,s)` rounding, `timestamp(p)` rounding).
    ///
    /// - Parameters:
    ///   - literal: the constant.
    ///   - context: comparison (implicit casts) or assignment (assignment casts too).
    ///   - timeZone: the session `TimeZone` (an IANA name such as `"Europe/Berlin"`, or
    ///     `"UTC"`), used for `timestamptz` and `timetz` input without an explicit zone.
    /// - Throws: ``PostgresValueError`` with PostgreSQL's message for a constant PostgreSQL
    ///   rejects, and ``PostgresValueError/Code/featureNotSupported`` for input this package does
    ///   not model.
    public func coerce(_ literal: SQLLiteral, context: CoercionContext = .comparison, timeZone: String = "UTC") throws(PostgresValueError) -> PostgresValue {
        guard !isArray else {
            throw .unsupported("array values are not supported for type \(name)")
        }
        switch literal {
        case .string(let text):
            return try input(text, timeZone: timeZone)
        case .boolean(let value):
            switch base {
            case .bool: return .bool(value)
            case .text, .varchar, .bpchar, .name:
                guard context == .assignment else { throw mismatch(literalType: "boolean", context: context) }
                return try input(value ? "true" : "false", timeZone: timeZone)
            default: throw mismatch(literalType: "boolean", context: context)
            }
        case .integer(let value):
            return try coerceInteger(value, literalType: Int32(exactly: value) != nil ? "integer" : "bigint", context: context, timeZone: timeZone)
        case .numeric(let text):
            let trimmed = text.trimmingASCIIWhitespace
            if let value = Int64(trimmed), !trimmed.hasPrefix("+") {
                return try coerceInteger(value, literalType: "bigint", context: context, timeZone: timeZone)
            }
            let number = try PostgresNumeric.parse(text)
            return try coerceNumeric(number, context: context, timeZone: timeZone)
        }
    }

    private func mismatch(literalType: String, context: CoercionContext) -> PostgresValueError {
        switch context {
        case .comparison:
            PostgresValueError(.undefinedFunction, "operator does not exist: \(name) = \(literalType)")
        case .assignment:
            PostgresValueError(.datatypeMismatch, "column is of type \(name) but expression is of type \(literalType)")
        }
    }

    private func coerceInteger(_ value: Int64, literalType: String, context: CoercionContext, timeZone: String) throws(PostgresValueError) -> PostgresValue {
        switch base {
        case .int2:
            guard let small = Int16(exactly: value) else { throw PostgresValueError(.numericValueOutOfRange, "smallint out of range") }
            return .int2(small)
        case .int4:
            guard let integer = Int32(exactly: value) else { throw PostgresValueError(.numericValueOutOfRange, "integer out of range") }
            return .int4(integer)
        case .int8:
            return .int8(value)
        case .oid:
            // int4 -> oid is binary (negative values wrap); int8 -> oid checks the range.
            if literalType == "integer" { return .oid(UInt32(bitPattern: Int32(value))) }
            guard let oid = UInt32(exactly: value) else { throw PostgresValueError(.numericValueOutOfRange, "OID out of range") }
            return .oid(oid)
        case .numeric:
            return try input(String(value), timeZone: timeZone)
        case .float4:
            return .float4(Float(value))
        case .float8:
            return .float8(Double(value))
        case .money where context == .assignment:
            let (cents, overflow) = value.multipliedReportingOverflow(by: 100)
            guard !overflow else { throw PostgresValueError(.numericValueOutOfRange, "money out of range") }
            return .money(cents)
        case .text, .varchar, .bpchar, .name:
            guard context == .assignment else { throw mismatch(literalType: literalType, context: context) }
            return try input(String(value), timeZone: timeZone)
        default:
            throw mismatch(literalType: literalType, context: context)
        }
    }

    private func coerceNumeric(_ number: PostgresNumeric, context: CoercionContext, timeZone: String) throws(PostgresValueError) -> PostgresValue {
        switch base {
        case .numeric:
            return .numeric(try number.applyingTypmod(precision: numericPrecision, scale: numericScale))
        case .float4, .float8:
            // numeric -> float goes through numeric_out and the float input function.
            return try input(number.description, timeZone: timeZone)
        case .int2, .int4, .int8:
            guard context == .assignment else { throw mismatch(literalType: "numeric", context: context) }
            let typeName = base == .int2 ? "smallint" : base == .int4 ? "integer" : "bigint"
            let rounded = try number.roundedToInteger(typeName: typeName)
            return try coerceInteger(rounded, literalType: "bigint", context: context, timeZone: timeZone)
        case .money where context == .assignment:
            let cents = try number.multipliedByHundredRounded()
            return .money(cents)
        case .text, .varchar, .bpchar, .name:
            guard context == .assignment else { throw mismatch(literalType: "numeric", context: context) }
            return try input(number.description, timeZone: timeZone)
        default:
            throw mismatch(literalType: "numeric", context: context)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing C `isspace` characters.
    var trimmingASCIIWhitespace: Substring {
        let utf8 = Substring(self).utf8
        guard let first = utf8.firstIndex(where: { !$0.isCSpace }) else { return "" }
        let last = utf8.lastIndex(where: { !$0.isCSpace })!
        return Substring(Substring(self).utf8[first...last])
    }
}

extension UInt8 {
    /// C's `isspace` in the C locale.
    @inline(__always)
    var isCSpace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0d) }

    @inline(__always)
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }

    @inline(__always)
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7a }

    @inline(__always)
    var asciiLowercased: UInt8 { isASCIILetter ? self | 0x20 : self }
}
