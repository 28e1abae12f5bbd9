#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension PostgresType {
    /// Runs this type's input function on text, with the type modifier: what PostgreSQL does
    /// with a string constant compared with or assigned to a column of this type.
    ///
    /// - Parameters:
    ///   - text: the text of the constant, without quotes.
    ///   - timeZone: the session `TimeZone` for `timestamptz` and `timetz` input.
    /// - Throws: ``PostgresValueError`` with PostgreSQL's message.
    public func input(_ text: String, timeZone: String = "UTC") throws(PostgresValueError) -> PostgresValue {
        guard !isArray else {
            throw .unsupported("array values are not supported for type \(name)")
        }
        if text.utf8.contains(0) {
            throw PostgresValueError(.characterNotInRepertoire, "invalid byte sequence for encoding \"UTF8\": 0x00")
        }
        switch base {
        case .int2: return .int2(Int16(try IntegerInput.parse(text, typeName: "smallint", min: Int64(Int16.min), max: Int64(Int16.max))))
        case .int4: return .int4(Int32(try IntegerInput.parse(text, typeName: "integer", min: Int64(Int32.min), max: Int64(Int32.max))))
        case .int8: return .int8(try IntegerInput.parse(text, typeName: "bigint", min: Int64.min, max: Int64.max))
        case .oid: return .oid(try IntegerInput.parseOID(text))
        case .bool: return .bool(try BooleanInput.parse(text))
        case .char: return .char(CharInput.parse(text))
        case .text: return .text(text)
        case .varchar: return .text(try CharacterInput.varchar(text, length: length))
        case .bpchar: return .bpchar(try CharacterInput.bpchar(text, length: length))
        case .name: return .name(CharacterInput.name(text))
        case .bytea: return .bytea(try ByteaInput.parse(text))
        case .uuid: return .uuid(try UUIDInput.parse(text))
        case .numeric:
            return .numeric(try PostgresNumeric.parse(text).applyingTypmod(precision: numericPrecision, scale: numericScale))
        case .float4: return .float4(try FloatInput.parseFloat(text))
        case .float8: return .float8(try FloatInput.parseDouble(text))
        case .money: return .money(try MoneyInput.parse(text))
        case .inet: return .inet(try InetInput.parse(text, isCIDR: false))
        case .cidr: return .cidr(try InetInput.parse(text, isCIDR: true))
        case .date: return .date(try DateTimeInput.date(text))
        case .time: return .time(try DateTimeInput.time(text, precision: secondsPrecision))
        case .timetz:
            let (time, zone) = try DateTimeInput.timetz(text, precision: secondsPrecision, timeZone: timeZone)
            return .timetz(microseconds: time, zoneSecondsWest: zone)
        case .timestamp: return .timestamp(try DateTimeInput.timestamp(text, precision: secondsPrecision))
        case .timestamptz: return .timestamptz(try DateTimeInput.timestamptz(text, precision: secondsPrecision, timeZone: timeZone))
        case .interval:
            if intervalFields != nil {
                throw .unsupported("interval input with a field restriction (\(name)) is not supported")
            }
            return .interval(try IntervalInput.parse(text, precision: secondsPrecision))
        case .json, .jsonb:
            throw .unsupported("values of type \(name) are not supported")
        case .other:
            throw .unsupported("values of type \(name) are not supported")
        }
    }
}

enum IntegerInput {
    /// `pg_strtoint16/32/64`: optional spaces, sign, digits, optional spaces.
    static func parse(_ text: String, typeName: String, min: Int64, max: Int64) throws(PostgresValueError) -> Int64 {
        var iterator = text.utf8.makeIterator()
        var byte = iterator.next()
        while let current = byte, current.isCSpace { byte = iterator.next() }
        var negative = false
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            negative = byte == UInt8(ascii: "-")
            byte = iterator.next()
        }
        guard let first = byte, first.isASCIIDigit else { throw .invalidSyntax(typeName, text) }
        // Accumulate negatively so that the most negative value fits.
        var value: Int64 = 0
        while let current = byte, current.isASCIIDigit {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times.subtractingReportingOverflow(Int64(current - 0x30))
            if overflow1 || overflow2 || next < min { throw .outOfRange(typeName, text) }
            value = next
            byte = iterator.next()
        }
        while let current = byte, current.isCSpace { byte = iterator.next() }
        guard byte == nil else { throw .invalidSyntax(typeName, text) }
        if !negative {
            if value == Int64.min || -value > max { throw .outOfRange(typeName, text) }
            return -value
        }
        return value
    }

    /// `oidin`: `strtoul` semantics, accepting values in the `int4` range too (negative values
    /// wrap, as PostgreSQL allows for backwards compatibility).
    static func parseOID(_ text: String) throws(PostgresValueError) -> UInt32 {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .invalidSyntax("oid", text) }
        var index = 0
        while index < bytes.count, bytes[index].isCSpace { index += 1 }
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < bytes.count, bytes[index].isASCIIDigit else { throw .invalidSyntax("oid", text) }
        var value: UInt64 = 0
        var overflow = false
        while index < bytes.count, bytes[index].isASCIIDigit {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times.addingReportingOverflow(UInt64(bytes[index] - 0x30))
            if o1 || o2 { overflow = true }
            value = next
            index += 1
        }
        if overflow { throw .outOfRange("oid", text) }
        while index < bytes.count, bytes[index].isCSpace { index += 1 }
        guard index == bytes.count else { throw .invalidSyntax("oid", text) }
        let converted = negative ? 0 &- value : value
        let result = UInt32(truncatingIfNeeded: converted)
        let asSigned = UInt64(bitPattern: Int64(Int32(bitPattern: result)))
        guard converted == UInt64(result) || converted == asSigned else { throw .outOfRange("oid", text) }
        return result
    }
}

enum BooleanInput {
    /// `boolin`: trimmed, case-insensitive prefixes of true/false/yes/no, on/off, 1/0.
    static func parse(_ text: String) throws(PostgresValueError) -> Bool {
        let value = String(text.trimmingASCIIWhitespace).lowercased()
        let length = value.utf8.count
        func isPrefix(of word: String, minimum: Int = 1) -> Bool {
            length >= minimum && length <= word.utf8.count && word.hasPrefix(value)
        }
        switch value.utf8.first {
        case UInt8(ascii: "t") where isPrefix(of: "true"): return true
        case UInt8(ascii: "f") where isPrefix(of: "false"): return false
        case UInt8(ascii: "y") where isPrefix(of: "yes"): return true
        case UInt8(ascii: "n") where isPrefix(of: "no"): return false
        case UInt8(ascii: "o") where value == "on": return true
        case UInt8(ascii: "o") where isPrefix(of: "off", minimum: 2): return false
        case UInt8(ascii: "1") where length == 1: return true
        case UInt8(ascii: "0") where length == 1: return false
        default: throw .invalidSyntax("boolean", text)
        }
    }
}

enum CharInput {
    /// `charin`: the first byte, or a `\ooo` octal escape.
    static func parse(_ text: String) -> UInt8 {
        let bytes = Array(text.utf8)
        func isOctal(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x37 }
        if bytes.count == 4, bytes[0] == UInt8(ascii: "\\"), isOctal(bytes[1]), isOctal(bytes[2]), isOctal(bytes[3]) {
            return (bytes[1] - 0x30) << 6 &+ (bytes[2] - 0x30) << 3 &+ (bytes[3] - 0x30)
        }
        return bytes.first ?? 0
    }
}

enum CharacterInput {
    /// `varcharin` with a length: longer input is an error unless the excess is spaces.
    static func varchar(_ text: String, length: Int?) throws(PostgresValueError) -> String {
        guard let length else { return text }
        return try truncateSpaces(text, length: length, typeName: "character varying")
    }

    /// `bpcharin`: like varchar, then padded with spaces to the length.
    static func bpchar(_ text: String, length: Int?) throws(PostgresValueError) -> String {
        guard let length else { return text }
        let cut = try truncateSpaces(text, length: length, typeName: "character")
        let count = cut.unicodeScalars.count
        return count < length ? cut + String(repeating: " ", count: length - count) : cut
    }

    private static func truncateSpaces(_ text: String, length: Int, typeName: String) throws(PostgresValueError) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > length else { return text }
        let cut = scalars.index(scalars.startIndex, offsetBy: length)
        guard scalars[cut...].allSatisfy({ $0 == " " }) else {
            throw PostgresValueError(.stringDataRightTruncation, "value too long for type \(typeName)(\(length))")
        }
        return String(scalars[..<cut])
    }

    /// `namein`: cut to 63 bytes at a character boundary.
    static func name(_ text: String) -> String {
        guard text.utf8.count > 63 else { return text }
        var result = ""
        var bytes = 0
        for scalar in text.unicodeScalars {
            let size = String(scalar).utf8.count
            if bytes + size > 63 { break }
            result.unicodeScalars.append(scalar)
            bytes += size
        }
        return result
    }
}

enum ByteaInput {
    /// `byteain`: `\x` hex format, or the escape format (`\\`, `\ooo`, other bytes as is).
    static func parse(_ text: String) throws(PostgresValueError) -> [UInt8] {
        let bytes = Array(text.utf8)
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x") {
            var result: [UInt8] = []
            var index = 2
            func hexValue(_ byte: UInt8) -> UInt8? {
                switch byte {
                case 0x30...0x39: byte - 0x30
                case 0x41...0x46: byte - 0x41 + 10
                case 0x61...0x66: byte - 0x61 + 10
                default: nil
                }
            }
            func character(at position: Int) -> String {
                // The error shows one whole (possibly multibyte) character.
                var end = position + 1
                while end < bytes.count, bytes[end] & 0xc0 == 0x80 { end += 1 }
                return String(decoding: bytes[position..<end], as: UTF8.self)
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d {
                    index += 1
                    continue
                }
                guard let high = hexValue(byte) else {
                    throw PostgresValueError(.invalidParameterValue, "invalid hexadecimal digit: \"\(character(at: index))\"")
                }
                guard index + 1 < bytes.count else {
                    throw PostgresValueError(.invalidParameterValue, "invalid hexadecimal data: odd number of digits")
                }
                guard let low = hexValue(bytes[index + 1]) else {
                    throw PostgresValueError(.invalidParameterValue, "invalid hexadecimal digit: \"\(character(at: index + 1))\"")
                }
                result.append(high << 4 | low)
                index += 2
            }
            return result
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte != UInt8(ascii: "\\") {
                result.append(byte)
                index += 1
            } else if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\") {
                result.append(byte)
                index += 2
            } else if index + 3 < bytes.count,
                      (0x30...0x33).contains(bytes[index + 1]),
                      (0x30...0x37).contains(bytes[index + 2]),
                      (0x30...0x37).contains(bytes[index + 3]) {
                result.append((bytes[index + 1] - 0x30) << 6 | (bytes[index + 2] - 0x30) << 3 | (bytes[index + 3] - 0x30))
                index += 4
            } else {
                throw PostgresValueError(.invalidTextRepresentation, "invalid input syntax for type bytea")
            }
        }
        return result
    }
}

enum UUIDInput {
    /// `uuid_in`: 32 hex digits, optionally in braces, with a hyphen allowed after any group
    /// of four digits.
    static func parse(_ text: String) throws(PostgresValueError) -> PostgresUUID {
        let bytes = Array(text.utf8)
        var index = 0
        var braces = false
        if bytes.first == UInt8(ascii: "{") { braces = true; index = 1 }
        var high: UInt64 = 0
        var low: UInt64 = 0
        func hexValue(_ byte: UInt8) -> UInt64? {
            switch byte {
            case 0x30...0x39: UInt64(byte - 0x30)
            case 0x41...0x46: UInt64(byte - 0x41 + 10)
            case 0x61...0x66: UInt64(byte - 0x61 + 10)
            default: nil
            }
        }
        for position in 0..<16 {
            guard index + 1 < bytes.count, let a = hexValue(bytes[index]), let b = hexValue(bytes[index + 1]) else {
                throw .invalidSyntax("uuid", text)
            }
            let value = a << 4 | b
            if position < 8 { high = high << 8 | value } else { low = low << 8 | value }
            index += 2
            if index < bytes.count, bytes[index] == UInt8(ascii: "-"), position % 2 == 1, position < 15 { index += 1 }
        }
        if braces {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else { throw .invalidSyntax("uuid", text) }
            index += 1
        }
        guard index == bytes.count else { throw .invalidSyntax("uuid", text) }
        return PostgresUUID(high: high, low: low)
    }
}

enum FloatInput {
    /// `float8in`: `strtod` plus PostgreSQL's spellings of NaN and the infinities.
    static func parseDouble(_ text: String) throws(PostgresValueError) -> Double {
        try parse(text, typeName: "double precision") { pointer, end in strtod(pointer, end) }
    }

    /// `float4in`: `strtof`, so the decimal is rounded to single precision once.
    static func parseFloat(_ text: String) throws(PostgresValueError) -> Float {
        let value = try parse(text, typeName: "real") { pointer, end in Double(strtof(pointer, end)) }
        return Float(value)
    }

    private static func parse(
        _ text: String, typeName: String,
        convert: (UnsafePointer<CChar>, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Double
    ) throws(PostgresValueError) -> Double {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count, bytes[start].isCSpace { start += 1 }
        guard start < bytes.count else { throw .invalidSyntax(typeName, text) }
        let body = Array(bytes[start...]) + [0]
        let outcome: (value: Double, consumed: Int, rangeError: Bool) = body.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                var end: UnsafeMutablePointer<CChar>? = nil
                errno = 0
                let value = convert(pointer, &end)
                let consumed = end.map { pointer.distance(to: UnsafePointer($0)) } ?? 0
                return (value, consumed, errno == ERANGE)
            }
        }
        var value = outcome.value
        var consumed = outcome.consumed
        if consumed == 0 || outcome.rangeError {
            let rest = bytes[start...]
            let specials: [(String, Double)] = [
                ("nan", .nan), ("infinity", .infinity), ("+infinity", .infinity), ("-infinity", -.infinity),
                ("inf", .infinity), ("+inf", .infinity), ("-inf", -.infinity),
            ]
            if let match = specials.first(where: { rest.hasCaseInsensitivePrefix($0.0) }) {
                value = match.1
                consumed = match.0.utf8.count
            } else if outcome.rangeError {
                // Denormals also report ERANGE; only zero or infinite results are errors.
                if value == 0 || value.isInfinite || (typeName == "real" && Float(value).isInfinite) {
                    // float8in quotes the number it read; float4in quotes the whole input.
                    let number = typeName == "real" ? text : String(decoding: bytes[start..<(start + consumed)], as: UTF8.self)
                    throw PostgresValueError(.numericValueOutOfRange, "\"\(number)\" is out of range for type \(typeName)")
                }
            } else {
                throw .invalidSyntax(typeName, text)
            }
        }
        var index = start + consumed
        while index < bytes.count, bytes[index].isCSpace { index += 1 }
        guard index == bytes.count else { throw .invalidSyntax(typeName, text) }
        return value
    }
}

enum MoneyInput {
    /// `cash_in` in the C locale (`$`, `,` thousands, `.` decimal point, 2 fraction digits).
    static func parse(_ text: String) throws(PostgresValueError) -> Int64 {
        let bytes = Array(text.utf8)
        var index = 0
        func skipSpaces() { while index < bytes.count, bytes[index].isCSpace { index += 1 } }
        func accept(_ character: Character) -> Bool {
            if index < bytes.count, bytes[index] == character.asciiValue! { index += 1; return true }
            return false
        }
        skipSpaces()
        _ = accept("$")
        skipSpaces()
        var negative = false
        if accept("-") { negative = true } else if accept("(") { negative = true } else { _ = accept("+") }
        skipSpaces()
        _ = accept("$")
        skipSpaces()
        // Built negatively, so that the most negative amount fits.
        var value: Int64 = 0
        var seenPoint = false
        var decimals = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte.isASCIIDigit && (!seenPoint || decimals < 2) {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = times.subtractingReportingOverflow(Int64(byte - 0x30))
                if o1 || o2 { throw .outOfRange("money", text) }
                value = next
                if seenPoint { decimals += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if byte == UInt8(ascii: ",") {
                // thousands separator: ignored
            } else {
                break
            }
            index += 1
        }
        if index < bytes.count, bytes[index].isASCIIDigit, bytes[index] >= UInt8(ascii: "5") {
            let (next, overflow) = value.subtractingReportingOverflow(1)
            if overflow { throw .outOfRange("money", text) }
            value = next
        }
        while decimals < 2 {
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { throw .outOfRange("money", text) }
            value = next
            decimals += 1
        }
        while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte.isCSpace || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "$") {
                index += 1
            } else if byte == UInt8(ascii: "-") {
                negative = true
                index += 1
            } else {
                throw .invalidSyntax("money", text)
            }
        }
        if !negative {
            if value == Int64.min { throw .outOfRange("money", text) }
            return -value
        }
        return value
    }
}
