import Foundation

/// An error while reading libpg_query's JSON; never seen by users except as a ``ParseError``.
struct JSONReadError: Error {
    var message: String
    var offset: Int
}

/// A byte-level scanner over the JSON that `pg_query_parse` prints, building typed nodes directly.
///
/// Keys and enum names are never turned into Swift strings: the scanner hashes their bytes
/// (64-bit FNV-1a) and the generated readers switch on the hash. Only string values are decoded.
struct JSONReader {
    private var p: UnsafePointer<UInt8>
    private let start: UnsafePointer<UInt8>
    private let end: UnsafePointer<UInt8>
    /// The SQL the JSON was printed for: integer constants are repaired from it (see below).
    private let source: UnsafeBufferPointer<UInt8>
    private let keepLocations: Bool
    private let maxDepth: Int
    private var depth = 0
    /// The last `location` read, kept even when locations are dropped.
    private var lastLocation: Int32 = -1
    private var stack = StackGuard()

    init(json: UnsafeBufferPointer<UInt8>, source: UnsafeBufferPointer<UInt8>, keepLocations: Bool, maxDepth: Int) {
        start = json.baseAddress!
        p = start
        end = start + json.count
        self.source = source
        self.keepLocations = keepLocations
        self.maxDepth = maxDepth
    }

    func error(_ message: String) -> JSONReadError {
        JSONReadError(message: message, offset: p - start)
    }

    var isNestingError: Bool { depth > maxDepth }

    @inline(__always)
    private mutating func skipWhitespace() {
        while p < end {
            let c = p.pointee
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { p += 1 } else { return }
        }
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8) throws(JSONReadError) {
        skipWhitespace()
        guard p < end, p.pointee == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        p += 1
    }

    @inline(__always)
    mutating func enterObject() throws(JSONReadError) {
        try expect(UInt8(ascii: "{"))
        depth += 1
        if depth > maxDepth || (depth >= 24 && stack.isLow()) {
            depth = maxDepth + 1
            throw error("nested too deeply")
        }
    }

    /// The hash of the next key of the current object, or nil at its end (which is consumed).
    @inline(__always)
    mutating func nextKey() throws(JSONReadError) -> UInt64? {
        skipWhitespace()
        guard p < end else { throw error("unexpected end of JSON") }
        if p.pointee == UInt8(ascii: "}") {
            p += 1
            depth -= 1
            return nil
        }
        if p.pointee == UInt8(ascii: ",") {
            p += 1
            skipWhitespace()
        }
        guard p < end, p.pointee == UInt8(ascii: "\"") else { throw error("expected a key") }
        p += 1
        let h = hashUntilQuote()
        try expect(UInt8(ascii: ":"))
        return h
    }

    /// FNV-1a over the bytes up to the closing quote (keys and enum names contain no escapes).
    @inline(__always)
    private mutating func hashUntilQuote() -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        while p < end, p.pointee != UInt8(ascii: "\"") {
            h = (h ^ UInt64(p.pointee)) &* 0x0000_0100_0000_01b3
            p += 1
        }
        p += 1
        return h
    }

    mutating func readEnumName() throws(JSONReadError) -> UInt64 {
        try expect(UInt8(ascii: "\""))
        return hashUntilQuote()
    }

    mutating func readNodeArray() throws(JSONReadError) -> [Node] {
        try readArray { (r: inout JSONReader) throws(JSONReadError) in try Node.read(&r) }
    }

    @inline(__always)
    mutating func readArray<T>(_ element: (inout JSONReader) throws(JSONReadError) -> T) throws(JSONReadError) -> [T] {
        try expect(UInt8(ascii: "["))
        var result: [T] = []
        // One allocation for the usual short lists instead of growing 1, 2, 4.
        result.reserveCapacity(4)
        while true {
            skipWhitespace()
            guard p < end else { throw error("unexpected end of JSON") }
            if p.pointee == UInt8(ascii: "]") {
                p += 1
                return result
            }
            if p.pointee == UInt8(ascii: ",") { p += 1 }
            result.append(try element(&self))
        }
    }

    mutating func readBool() throws(JSONReadError) -> Bool {
        skipWhitespace()
        if end - p >= 4, p[0] == UInt8(ascii: "t"), p[1] == UInt8(ascii: "r"), p[2] == UInt8(ascii: "u"), p[3] == UInt8(ascii: "e") {
            p += 4
            return true
        }
        if end - p >= 5, p[0] == UInt8(ascii: "f"), p[1] == UInt8(ascii: "a") {
            p += 5
            return false
        }
        throw error("expected a boolean")
    }

    @inline(__always)
    private mutating func readInteger() throws(JSONReadError) -> (negative: Bool, magnitude: UInt64) {
        skipWhitespace()
        var negative = false
        if p < end, p.pointee == UInt8(ascii: "-") {
            negative = true
            p += 1
        }
        var value: UInt64 = 0
        let digitsStart = p
        while p < end, p.pointee &- UInt8(ascii: "0") < 10 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(p.pointee &- UInt8(ascii: "0")))
            if o1 || o2 { throw error("integer out of range") }
            value = s
            p += 1
        }
        if p == digitsStart { throw error("expected a number") }
        return (negative, value)
    }

    mutating func readInt32() throws(JSONReadError) -> Int32 {
        let (negative, magnitude) = try readInteger()
        let v = negative ? -Int64(magnitude) : Int64(magnitude)
        guard let r = Int32(exactly: v) else { throw error("integer out of range") }
        return r
    }

    mutating func readLocation() throws(JSONReadError) -> Int32 {
        let v = try readInt32()
        lastLocation = v
        return keepLocations ? v : 0
    }

    mutating func readUInt32() throws(JSONReadError) -> UInt32 {
        let (negative, magnitude) = try readInteger()
        guard !negative, let r = UInt32(exactly: magnitude) else { throw error("integer out of range") }
        return r
    }

    mutating func readInt64() throws(JSONReadError) -> Int64 {
        let (negative, magnitude) = try readInteger()
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw error("integer out of range") }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard let r = Int64(exactly: magnitude) else { throw error("integer out of range") }
        return r
    }

    mutating func readUInt64() throws(JSONReadError) -> UInt64 {
        let (negative, magnitude) = try readInteger()
        guard !negative else { throw error("integer out of range") }
        return magnitude
    }

    mutating func readDouble() throws(JSONReadError) -> Double {
        skipWhitespace()
        var endPtr: UnsafeMutablePointer<CChar>?
        let v = p.withMemoryRebound(to: CChar.self, capacity: end - p) { strtod($0, &endPtr) }
        guard let e = endPtr else { throw error("expected a number") }
        let consumed = UnsafeRawPointer(e) - UnsafeRawPointer(p)
        guard consumed > 0 else { throw error("expected a number") }
        p += consumed
        return v
    }

    mutating func readString() throws(JSONReadError) -> String {
        try expect(UInt8(ascii: "\""))
        let s = p
        while p < end {
            let c = p.pointee
            if c == UInt8(ascii: "\"") {
                let result = String(decoding: UnsafeBufferPointer(start: s, count: p - s), as: UTF8.self)
                p += 1
                return result
            }
            if c == UInt8(ascii: "\\") { break }
            p += 1
        }
        // Slow path: the string has escapes.
        var bytes = [UInt8](UnsafeBufferPointer(start: s, count: p - s))
        while p < end {
            let c = p.pointee
            p += 1
            if c == UInt8(ascii: "\"") { return String(decoding: bytes, as: UTF8.self) }
            if c != UInt8(ascii: "\\") {
                bytes.append(c)
                continue
            }
            guard p < end else { break }
            let e = p.pointee
            p += 1
            switch e {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = try readHex4()
                if (0xD800..<0xDC00).contains(scalar), end - p >= 6, p[0] == UInt8(ascii: "\\"), p[1] == UInt8(ascii: "u") {
                    p += 2
                    let low = try readHex4()
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
                }
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                bytes.append(contentsOf: Array(String(Character(u)).utf8))
            default: bytes.append(e)
            }
        }
        throw error("unterminated string")
    }

    private mutating func readHex4() throws(JSONReadError) -> UInt32 {
        guard end - p >= 4 else { throw error("bad \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = p.pointee
            p += 1
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("bad \\u escape")
            }
            v = v << 4 | d
        }
        return v
    }

    /// Skips any JSON value (used for keys a newer libpg_query might add).
    mutating func skipValue() throws(JSONReadError) {
        skipWhitespace()
        guard p < end else { throw error("unexpected end of JSON") }
        switch p.pointee {
        case UInt8(ascii: "{"):
            try enterObject()
            while try nextKey() != nil { try skipValue() }
        case UInt8(ascii: "["):
            _ = try readArray { (r: inout JSONReader) throws(JSONReadError) in try r.skipValue() }
        case UInt8(ascii: "\""):
            _ = try readString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try readBool()
        case UInt8(ascii: "n"):
            p += 4
        default:
            _ = try readDouble()
        }
    }

    /// libpg_query 15-4.0.0 prints an `Integer` only when its value is positive, so `-5` and `0`
    /// both arrive as `{"ival":{}}`. The constant's location points at its first token (the minus
    /// sign of a negated literal), so the value is read back from the SQL text.
    mutating func repairIntegerConstant(_ c: inout A_Const) {
        guard case .ival(let i)? = c.val, i.ival == 0, lastLocation >= 0, Int(lastLocation) < source.count else { return }
        var q = Int(lastLocation)
        var negative = false
        while q < source.count {
            let b = source[q]
            if b == UInt8(ascii: "-") {
                // `--` starts a comment, not a double negation.
                if q + 1 < source.count, source[q + 1] == UInt8(ascii: "-") { q = skipLineComment(q) ; continue }
                negative.toggle()
                q += 1
            } else if b == UInt8(ascii: "+") {
                q += 1
            } else if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                q += 1
            } else if b == UInt8(ascii: "/"), q + 1 < source.count, source[q + 1] == UInt8(ascii: "*") {
                q = skipBlockComment(q)
            } else if b == UInt8(ascii: "(") {
                q += 1
            } else {
                break
            }
        }
        var magnitude: Int64 = 0
        var sawDigit = false
        while q < source.count, source[q] &- UInt8(ascii: "0") < 10 {
            magnitude = magnitude * 10 + Int64(source[q] &- UInt8(ascii: "0"))
            sawDigit = true
            q += 1
            if magnitude > Int64(Int32.max) + 1 { return }
        }
        guard sawDigit else { return }
        let value = negative ? -magnitude : magnitude
        if let v = Int32(exactly: value) {
            c.val = .ival(PGInteger(ival: v))
        }
    }

    private func skipLineComment(_ at: Int) -> Int {
        var q = at
        while q < source.count, source[q] != 0x0A { q += 1 }
        return q
    }

    private func skipBlockComment(_ at: Int) -> Int {
        // PostgreSQL block comments nest.
        var q = at + 2
        var level = 1
        while q < source.count, level > 0 {
            if source[q] == UInt8(ascii: "/"), q + 1 < source.count, source[q + 1] == UInt8(ascii: "*") {
                level += 1
                q += 2
            } else if source[q] == UInt8(ascii: "*"), q + 1 < source.count, source[q + 1] == UInt8(ascii: "/") {
                level -= 1
                q += 2
            } else {
                q += 1
            }
        }
        return q
    }
}

extension PGInteger {
    init(ival: Int32) {
        self.init()
        self.ival = ival
    }
}

/// A reference box that gives a value type a field of its own type (e.g. `SelectStmt.larg`).
public final class Box<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
    public static func == (a: Box, b: Box) -> Bool { a === b || a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
