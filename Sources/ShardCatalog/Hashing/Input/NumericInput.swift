extension PostgresNumeric {
    /// `numeric_in` without a type modifier.
    static func parse(_ text: String) throws(PostgresValueError) -> PostgresNumeric {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, bytes[index].isCSpace { index += 1 }
        // NaN and the infinities, accepted in the spellings float8in accepts.
        let rest = bytes[index...]
        let specials: [(String, Kind)] = [
            ("nan", .nan), ("infinity", .infinity), ("+infinity", .infinity), ("-infinity", .negativeInfinity),
            ("inf", .infinity), ("+inf", .infinity), ("-inf", .negativeInfinity),
        ]
        for (spelling, kind) in specials where rest.hasCaseInsensitivePrefix(spelling) {
            let after = rest.dropFirst(spelling.utf8.count)
            if after.allSatisfy(\.isCSpace) { return PostgresNumeric(kind: kind) }
        }
        var isNegative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        var seenDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte.isASCIIDigit {
                digits.append(byte - 0x30)
                if seenPoint { fractionDigits += 1 }
                seenDigit = true
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard seenDigit else { throw .invalidSyntax("numeric", text) }
        var exponent = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < bytes.count, bytes[index].isASCIIDigit else { throw .invalidSyntax("numeric", text) }
            var value = 0
            while index < bytes.count, bytes[index].isASCIIDigit {
                value = value * 10 + Int(bytes[index] - 0x30)
                // PostgreSQL bounds the exponent so that the weight cannot overflow.
                if value > Int(Int32.max) / 2 { throw PostgresValueError(.numericValueOutOfRange, "value overflows numeric format") }
                index += 1
            }
            exponent = exponentNegative ? -value : value
        }
        while index < bytes.count, bytes[index].isCSpace { index += 1 }
        guard index == bytes.count else { throw .invalidSyntax("numeric", text) }
        let displayScale = max(0, fractionDigits - exponent)
        let number = PostgresNumeric(isNegative: isNegative, decimalDigits: digits[...], exponent: exponent - fractionDigits, displayScale: displayScale)
        try number.checkStorable()
        return number
    }

    /// `make_result`'s limits: weight within int16 and display scale within 0x3FFF.
    func checkStorable() throws(PostgresValueError) {
        guard kind == .finite else { return }
        if displayScale > 0x3fff || (!digits.isEmpty && (weight > Int(Int16.max) || weight < Int(Int16.min))) {
            throw PostgresValueError(.numericValueOutOfRange, "value overflows numeric format")
        }
    }

    /// `apply_typmod`: rounds to the declared scale (half away from zero) and checks the
    /// precision, with PostgreSQL's `numeric field overflow` error.
    func applyingTypmod(precision: Int?, scale: Int?) throws(PostgresValueError) -> PostgresNumeric {
        guard let precision else { return self }
        let scale = scale ?? 0
        if kind == .nan { return self }
        if kind != .finite {
            throw PostgresValueError(.numericValueOutOfRange, "numeric field overflow",
                                     detail: "A field with precision \(precision), scale \(scale) cannot hold an infinite value.")
        }
        let rounded = self.rounded(toScale: scale)
        let maxDigits = precision - scale
        if let first = rounded.digits.first {
            // Decimal digits before the point, counted from the most significant non-zero
            // digit (negative for values below 0.1), as apply_typmod counts them.
            let integerDigits = rounded.weight * 4 + String(first).count
            if integerDigits > maxDigits {
                let limit = maxDigits > 0 ? "10^\(maxDigits)" : "1"
                throw PostgresValueError(.numericValueOutOfRange, "numeric field overflow",
                                         detail: "A field with precision \(precision), scale \(scale) must round to an absolute value less than \(limit).")
            }
        }
        return rounded
    }

    /// Rounds to `scale` decimal places (negative: to tens, hundreds...), half away from zero.
    func rounded(toScale scale: Int) -> PostgresNumeric {
        guard kind == .finite, !digits.isEmpty else {
            return kind == .finite ? PostgresNumeric(isNegative: false, decimalDigits: [], exponent: 0, displayScale: max(scale, 0)) : self
        }
        var (decimal, exponent) = decimalDigitsAndExponent
        if exponent < -scale {
            let drop = -scale - exponent
            if drop > decimal.count {
                decimal = [0]
            } else {
                let roundUp = decimal[decimal.count - drop] >= 5
                decimal.removeLast(drop)
                if roundUp {
                    var position = decimal.count - 1
                    while position >= 0 {
                        if decimal[position] == 9 { decimal[position] = 0; position -= 1 } else { decimal[position] += 1; break }
                    }
                    if position < 0 { decimal.insert(1, at: 0) }
                }
            }
            exponent = -scale
        }
        return PostgresNumeric(isNegative: isNegative, decimalDigits: decimal[...], exponent: exponent, displayScale: max(scale, 0))
    }

    /// `numeric_int8` and friends: rounds half away from zero to an integer.
    func roundedToInteger(typeName: String) throws(PostgresValueError) -> Int64 {
        switch kind {
        case .nan: throw PostgresValueError(.featureNotSupported, "cannot convert NaN to \(typeName)")
        case .infinity, .negativeInfinity: throw PostgresValueError(.featureNotSupported, "cannot convert infinity to \(typeName)")
        case .finite: break
        }
        let rounded = self.rounded(toScale: 0)
        var magnitude: Int64 = 0
        for digit in rounded.integerDigits {
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
            // Int64.min's magnitude does not fit, so it is handled by the negative path below.
            if overflow1 || overflow2 {
                if rounded.isNegative, rounded.description == "-9223372036854775808" { return Int64.min }
                throw PostgresValueError(.numericValueOutOfRange, "\(typeName) out of range")
            }
            magnitude = sum
        }
        return rounded.isNegative ? -magnitude : magnitude
    }

    /// `numeric_cash`: the amount in cents, rounded half away from zero.
    func multipliedByHundredRounded() throws(PostgresValueError) -> Int64 {
        guard kind == .finite else {
            throw PostgresValueError(.featureNotSupported, kind == .nan ? "cannot convert NaN to bigint" : "cannot convert infinity to bigint")
        }
        let (decimal, exponent) = decimalDigitsAndExponent
        let cents = PostgresNumeric(isNegative: isNegative, decimalDigits: decimal[...], exponent: exponent + 2, displayScale: 0)
        return try cents.roundedToInteger(typeName: "bigint")
    }

    /// All decimal digits and the decimal exponent of the last one.
    var decimalDigitsAndExponent: (digits: [UInt8], exponent: Int) {
        var decimal: [UInt8] = []
        for value in digits {
            decimal += [UInt8(value / 1000), UInt8(value / 100 % 10), UInt8(value / 10 % 10), UInt8(value % 10)]
        }
        return (decimal, (weight - digits.count + 1) * 4)
    }
}

extension ArraySlice where Element == UInt8 {
    func hasCaseInsensitivePrefix(_ prefix: String) -> Bool {
        let utf8 = prefix.utf8
        guard count >= utf8.count else { return false }
        return zip(self, utf8).allSatisfy { $0.asciiLowercased == $1 }
    }
}
