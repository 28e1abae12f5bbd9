import PostgresServer
/// PostgreSQL's COPY text format: one row a line, fields separated by tabs, `\N` for NULL,
/// backslash escapes inside fields.
enum CopyText {
    /// The rows of COPY text output, each with its line break, as slices of the text (rows
    /// are moved as they are, never decoded).
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = start
        let utf8 = text.utf8
        while index < text.endIndex {
            if utf8[index] == 0x0A {
                let next = utf8.index(after: index)
                lines.append(text[start..<next])
                start = next
            }
            index = utf8.index(after: index)
        }
        if start < text.endIndex { lines.append(Substring(text[start...] + "\n")) }
        return lines
    }

    /// Field `index` of a row (0-based), still escaped; nil when the row is shorter.
    static func rawField(_ line: Substring, at index: Int) -> Substring? {
        var field = 0
        var start = line.startIndex
        var position = line.startIndex
        let utf8 = line.utf8
        while position < line.endIndex {
            let byte = utf8[position]
            if byte == 0x09 || byte == 0x0A {
                if field == index { return line[start..<position] }
                field += 1
                start = utf8.index(after: position)
                if byte == 0x0A { return nil }
            }
            position = utf8.index(after: position)
        }
        return field == index ? line[start...] : nil
    }

    /// Decodes a field: nil for `\N`, otherwise the text with escapes (`\\`, `\t`, `\n`, `\r`,
    /// `\b`, `\f`, `\v`, octal `\ooo`, hex `\xhh`) resolved.
    static func decode(_ field: Substring) -> String? {
        if field == "\\N" { return nil }
        guard field.utf8.contains(0x5C) else { return String(field) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.utf8.count)
        let input = Array(field.utf8)
        var index = 0
        func isOctal(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x37 }
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: return byte - 0x30
            case 0x61...0x66: return byte - 0x61 + 10
            case 0x41...0x46: return byte - 0x41 + 10
            default: return nil
            }
        }
        while index < input.count {
            let byte = input[index]
            guard byte == 0x5C, index + 1 < input.count else {
                bytes.append(byte)
                index += 1
                continue
            }
            let next = input[index + 1]
            index += 2
            switch next {
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "x"):
                var value: UInt8 = 0
                var digits = 0
                while digits < 2, index < input.count, let digit = hexValue(input[index]) {
                    value = value * 16 + digit
                    index += 1
                    digits += 1
                }
                if digits == 0 { bytes.append(UInt8(ascii: "x")) } else { bytes.append(value) }
            case _ where isOctal(next):
                var value = Int(next - 0x30)
                var digits = 1
                while digits < 3, index < input.count, isOctal(input[index]) {
                    value = value * 8 + Int(input[index] - 0x30)
                    index += 1
                    digits += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            default:
                bytes.append(next)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes a value for COPY text format (`\N` for NULL).
    static func escape(_ value: String?) -> String {
        value.map(PostgresConnection.escapeCopyText) ?? "\\N"
    }
}
