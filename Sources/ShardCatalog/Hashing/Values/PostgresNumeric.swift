/// A `numeric` value stored as PostgreSQL stores it: base-10000 digits with a weight, a sign
/// and a display scale, or one of the special values NaN, Infinity and -Infinity.
public struct PostgresNumeric: Sendable, Hashable, CustomStringConvertible {
    /// Which kind of numeric this is.
    public enum Kind: Sendable, Hashable {
        case finite, nan, infinity, negativeInfinity
    }

    /// Finite, NaN or an infinity.
    public let kind: Kind
    /// Whether a finite value is negative (never true for zero).
    public let isNegative: Bool
    /// Base-10000 digits, most significant first, without leading or trailing zero digits
    /// (empty for zero).
    public let digits: [Int16]
    /// The base-10000 exponent of the first digit: `value = Σ digits[i] * 10000^(weight - i)`.
    public let weight: Int
    /// The number of decimal digits shown after the point (`1.50` has 2).
    public let displayScale: Int

    init(kind: Kind) {
        self.kind = kind
        self.isNegative = false
        self.digits = []
        self.weight = 0
        self.displayScale = 0
    }

    /// Builds a finite numeric from decimal digits: `value = ±decimalDigits × 10^exponent`.
    ///
    /// `decimalDigits` holds the values 0...9, most significant first.
    init(isNegative: Bool, decimalDigits: ArraySlice<UInt8>, exponent: Int, displayScale: Int) {
        var decimal = decimalDigits
        var exponent = exponent
        while decimal.first == 0 { decimal.removeFirst() }
        while decimal.last == 0 { decimal.removeLast(); exponent += 1 }
        self.kind = .finite
        self.displayScale = displayScale
        guard !decimal.isEmpty else {
            self.isNegative = false
            self.digits = []
            self.weight = 0
            return
        }
        // Decimal position p (10^p) belongs to base-10000 digit floor(p / 4).
        let lowestPosition = exponent
        let highestPosition = exponent + decimal.count - 1
        let lowestGroup = lowestPosition.floorDivided(by: 4)
        let highestGroup = highestPosition.floorDivided(by: 4)
        var groups = [Int16](repeating: 0, count: highestGroup - lowestGroup + 1)
        var position = highestPosition
        for digit in decimal {
            let group = position.floorDivided(by: 4)
            let power = position - group * 4
            groups[highestGroup - group] += Int16(digit) * Self.powersOfTen[power]
            position -= 1
        }
        self.isNegative = isNegative
        self.digits = groups
        self.weight = highestGroup
    }

    static let powersOfTen: [Int16] = [1, 10, 100, 1000]

    /// Whether the value is zero (of any scale).
    public var isZero: Bool { kind == .finite && digits.isEmpty }

    /// The hash PostgreSQL's `hash_numeric` gives this value: 0 for NaN and the infinities, -1
    /// for zero, otherwise the hash of the base-10000 digits XOR the weight. Sign and display
    /// scale do not take part.
    public var postgresHash: Int32 {
        guard kind == .finite else { return 0 }
        guard !digits.isEmpty else { return -1 }
        let hash = digits.withUnsafeBufferPointer { buffer in
            // Digits are int16 in host order; PostgreSQL hashes those bytes (little-endian here).
            if Int16(1).littleEndian == 1 {
                return PostgresHash.hashBytes(UnsafeRawBufferPointer(buffer))
            }
            return buffer.map(\.littleEndian).withUnsafeBytes { PostgresHash.hashBytes($0) }
        }
        return hash ^ Int32(truncatingIfNeeded: weight)
    }

    /// The value as `numeric_out` prints it (`1.50`, `-0.001`, `NaN`, `Infinity`).
    public var description: String {
        switch kind {
        case .nan: return "NaN"
        case .infinity: return "Infinity"
        case .negativeInfinity: return "-Infinity"
        case .finite: break
        }
        var text = isNegative ? "-" : ""
        let integer = integerDigits
        text += integer.isEmpty ? "0" : String(decoding: integer.map { $0 + 48 }, as: UTF8.self)
        if displayScale > 0 {
            text += "." + String(decoding: fractionDigits(count: displayScale).map { $0 + 48 }, as: UTF8.self)
        }
        return text
    }

    /// The base-10000 digit with exponent `exponent` (zero outside the stored digits).
    func digit(atExponent exponent: Int) -> Int {
        let index = weight - exponent
        return index >= 0 && index < digits.count ? Int(digits[index]) : 0
    }

    /// The decimal digits of the integer part, without leading zeros (empty for |value| < 1).
    var integerDigits: [UInt8] {
        guard weight >= 0, !digits.isEmpty else { return [] }
        var result: [UInt8] = []
        for exponent in stride(from: weight, through: 0, by: -1) {
            let value = digit(atExponent: exponent)
            result += [UInt8(value / 1000), UInt8(value / 100 % 10), UInt8(value / 10 % 10), UInt8(value % 10)]
        }
        return Array(result.drop(while: { $0 == 0 }))
    }

    /// The first `count` decimal digits after the point.
    func fractionDigits(count: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count + 3)
        var exponent = -1
        while result.count < count {
            let value = digit(atExponent: exponent)
            result += [UInt8(value / 1000), UInt8(value / 100 % 10), UInt8(value / 10 % 10), UInt8(value % 10)]
            exponent -= 1
        }
        return Array(result.prefix(count))
    }
}

extension BinaryInteger {
    /// Division rounding toward negative infinity (Swift's `/` truncates toward zero).
    @inline(__always)
    func floorDivided(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
