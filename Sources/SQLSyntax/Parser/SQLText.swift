/// Turning bytes from a file or a socket into SQL text, with the same error style as parse errors.
public enum SQLText {
    /// Decodes UTF-8 bytes, refusing invalid sequences and NUL bytes with the position of the first one.
    public static func decode(_ bytes: [UInt8]) throws(ParseError) -> String {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0 {
                throw ParseError(message: "the SQL text contains a NUL byte", sql: prefix(bytes, i), offset: i, kind: .invalidInput,
                                 hint: "PostgreSQL does not accept NUL characters in statements")
            }
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: throw invalid(bytes, i)
            }
            guard i + length <= n else { throw invalid(bytes, i) }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { throw invalid(bytes, i) }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { throw invalid(bytes, i) }
            i += length
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func invalid(_ bytes: [UInt8], _ offset: Int) -> ParseError {
        ParseError(message: "invalid UTF-8 byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) in the SQL text",
                   sql: prefix(bytes, offset), offset: offset, kind: .invalidInput,
                   hint: "PostgreSQL expects UTF-8 here; convert the file (e.g. with iconv)")
    }

    /// The valid text before the bad byte, plus the rest of its line, so the caret can point at it.
    private static func prefix(_ bytes: [UInt8], _ offset: Int) -> String {
        var end = offset
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        var line = Array(bytes[..<offset])
        line.append(contentsOf: bytes[offset..<end].map { $0 < 0x80 && $0 != 0 ? $0 : UInt8(ascii: "?") })
        return String(decoding: line, as: UTF8.self)
    }
}
