import Foundation

/// An error while reading libpg_query's JSON; never seen by users except as a ``ParseError``.
struct JSONReadError: Error {
    var message: String
    var offset: Int
}

/// A byte-level scanner over the JSON that `pg_query_parse` prints, building typed nodes directly.
///
/// Keys and enum names are never turned into Swift strings: the scanner hashes their bytes a word at a
/// time (see ``hashKey()``) and the generated readers switch on the hash. Only string values are decoded.
///
/// The JSON must be followed by a NUL byte (libpg_query's C string): the fast paths read the byte at
/// `end` instead of comparing the position with it first, and a NUL ends every number, key and string.
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
    /// The depth from which `enterObject` checks the limit and the stack (kept out of the fast path).
    private let checkDepthFrom: Int
    /// Whether ``readString()`` may build short ASCII strings from their bytes (see `smallStringLayoutVerified`).
    private let buildsSmallStrings: Bool

    init(json: UnsafeBufferPointer<UInt8>, source: UnsafeBufferPointer<UInt8>, keepLocations: Bool, maxDepth: Int) {
        start = json.baseAddress!
        p = start
        end = start + json.count
        self.source = source
        self.keepLocations = keepLocations
        self.maxDepth = maxDepth
        checkDepthFrom = min(24, maxDepth + 1)
        buildsSmallStrings = Self.smallStringLayoutVerified
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
        if p < end, p.pointee == UInt8(ascii: "{") {
            p += 1
        } else {
            try expect(UInt8(ascii: "{"))
        }
        depth += 1
        // The stack is measured every 8 levels (a level's frames take far less than an eighth of the
        // guard's reserve); `maxDepth` is exact.
        if depth >= checkDepthFrom, depth > maxDepth || depth & 7 == 0 { try checkDepth() }
    }

    /// Below 24 levels neither limit can be near: `maxDepth` is checked from its own value on.
    @inline(never)
    private mutating func checkDepth() throws(JSONReadError) {
        if depth > maxDepth || (depth >= 24 && stack.isLow()) {
            depth = maxDepth + 1
            throw error("nested too deeply")
        }
    }

    /// The hash of the next key of the current object, or nil at its end (which is consumed).
    @inline(__always)
    mutating func nextKey() throws(JSONReadError) -> UInt64? {
        // libpg_query prints no whitespace; the byte at `end` is the terminating NUL.
        var c = p.pointee
        if c == UInt8(ascii: ",") {
            p += 1
            c = p.pointee
        } else if c == UInt8(ascii: "}") {
            p += 1
            depth -= 1
            return nil
        }
        if c == UInt8(ascii: "\""), p < end {
            p += 1
            let h = hashKey()
            if p < end, p.pointee == UInt8(ascii: ":") {
                p += 1
                return h
            }
            try expect(UInt8(ascii: ":"))
            return h
        }
        return try nextKeySlow()
    }

    /// ``nextKey()`` for JSON with whitespace, and its errors.
    @inline(never)
    private mutating func nextKeySlow() throws(JSONReadError) -> UInt64? {
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
        let h = hashKey()
        try expect(UInt8(ascii: ":"))
        return h
    }

    /// Consumes the `}` that closes a node's one-key object.
    @inline(__always)
    mutating func endNodeObject() throws(JSONReadError) {
        if p < end, p.pointee == UInt8(ascii: "}") {
            p += 1
            depth -= 1
            return
        }
        guard try nextKey() == nil else { throw error("node object with more than one key") }
    }

    private static let k0: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let k1: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let k2: UInt64 = 0x1656_67B1_9E37_79F9

    /// The high bit of each byte of `w` that equals `"`, and possibly of bytes above the first such
    /// byte (borrows), so the lowest set bit is exact.
    @inline(__always)
    private static func quoteBits(_ w: UInt64) -> UInt64 {
        let x = w ^ 0x2222_2222_2222_2222
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Hashes the bytes up to the closing quote and consumes them with the quote (keys and enum names
    /// contain no escapes). With n the length, a and b the little-endian words of bytes 0..<8 and 8..<16
    /// (zero-padded) and c a fold of the rest (n > 16 only): `a*k0 ^ b*k1 ^ c ^ n`. The generator's
    /// `key_hash` computes the same; names of up to 16 bytes take two loads and no loop.
    @inline(__always)
    private mutating func hashKey() -> UInt64 {
        if end - p >= 16 {
            let w0 = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            let m0 = Self.quoteBits(w0)
            if m0 != 0 {
                let n = m0.trailingZeroBitCount &>> 3
                p += n &+ 1
                let a = w0 & ((1 &<< UInt64(truncatingIfNeeded: n &<< 3)) &- 1)
                return (a &* Self.k0) ^ UInt64(truncatingIfNeeded: n)
            }
            let w1 = UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self)
            let m1 = Self.quoteBits(w1)
            if m1 != 0 {
                let n1 = m1.trailingZeroBitCount &>> 3
                p += n1 &+ 9
                let b = w1 & ((1 &<< UInt64(truncatingIfNeeded: n1 &<< 3)) &- 1)
                return (w0 &* Self.k0) ^ (b &* Self.k1) ^ UInt64(truncatingIfNeeded: n1 &+ 8)
            }
        }
        return hashKeySlow()
    }

    /// ``hashKey()`` for names longer than 16 bytes (common: enum values like `COERCE_EXPLICIT_CALL`,
    /// `SORTBY_NULLS_DEFAULT`) and the last bytes of the JSON. Whole words are loaded where they can be.
    @inline(never)
    private mutating func hashKeySlow() -> UInt64 {
        let s = p
        while end - p >= 8 {
            let m = Self.quoteBits(UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
            if m != 0 {
                p += m.trailingZeroBitCount &>> 3
                break
            }
            p += 8
        }
        while p < end, p.pointee != UInt8(ascii: "\"") { p += 1 }
        let n = p - s
        if p < end { p += 1 }
        func word(_ from: Int, _ count: Int) -> UInt64 {
            if count == 8 { return UnsafeRawPointer(s + from).loadUnaligned(as: UInt64.self) }
            var w: UInt64 = 0
            for i in 0..<count { w |= UInt64(s[from + i]) << UInt64(8 * i) }
            return w
        }
        let a = word(0, min(n, 8))
        let b = n > 8 ? word(8, min(n - 8, 8)) : 0
        var c: UInt64 = 0
        if n > 16 {
            var offset = 16
            while offset + 8 < n {
                c = (c ^ word(offset, 8)) &* Self.k2
                offset += 8
            }
            c = (c ^ word(n - 8, 8)) &* Self.k2
        }
        return (a &* Self.k0) ^ (b &* Self.k1) ^ c ^ UInt64(n)
    }

    /// The value of `{"sval":"…"}`, the most common object of a tree (a `String` node: every part of a
    /// name), read without hashing its key; nil (nothing consumed) when the next object has another shape.
    @inline(__always)
    mutating func readSvalObject() throws(JSONReadError) -> String? {
        // `{"sval":` as a little-endian word.
        guard end - p >= 16, depth + 1 < checkDepthFrom,
              UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) == 0x3A22_6C61_7673_227B,
              p[8] == UInt8(ascii: "\"") else { return nil }
        p += 8
        depth += 1
        let value = try readString()
        if p < end, p.pointee == UInt8(ascii: "}") {
            p += 1
            depth -= 1
        } else {
            while try nextKey() != nil { try skipValue() }
        }
        return value
    }

    mutating func readEnumName() throws(JSONReadError) -> UInt64 {
        if p < end, p.pointee == UInt8(ascii: "\"") {
            p += 1
        } else {
            try expect(UInt8(ascii: "\""))
        }
        return hashKey()
    }

    /// Reads a list of nodes into an array allocated once at its final size when it has at most four
    /// elements (most lists: names, fields, arguments), instead of reserving and growing.
    mutating func readNodeArray() throws(JSONReadError) -> [Node] {
        guard p < end, p.pointee == UInt8(ascii: "[") else {
            return try readArray { (r: inout JSONReader) throws(JSONReadError) in try Node.read(&r) }
        }
        p += 1
        if p.pointee == UInt8(ascii: "]") {
            p += 1
            return []
        }
        let e0 = try Node.read(&self)
        if try endOfArray() { return [e0] }
        let e1 = try Node.read(&self)
        if try endOfArray() { return [e0, e1] }
        let e2 = try Node.read(&self)
        if try endOfArray() { return [e0, e1, e2] }
        let e3 = try Node.read(&self)
        if try endOfArray() { return [e0, e1, e2, e3] }
        var result: [Node] = []
        result.reserveCapacity(16)
        result.append(e0)
        result.append(e1)
        result.append(e2)
        result.append(e3)
        repeat {
            result.append(try Node.read(&self))
        } while try !endOfArray()
        return result
    }

    /// After an element: true (and consumed) at `]`, false (and the comma consumed) before another one.
    @inline(__always)
    private mutating func endOfArray() throws(JSONReadError) -> Bool {
        skipWhitespace()
        guard p < end else { throw error("unexpected end of JSON") }
        let c = p.pointee
        p += 1
        if c == UInt8(ascii: "]") { return true }
        if c == UInt8(ascii: ",") { return false }
        p -= 1
        throw error("expected ',' or ']'")
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

    @inline(__always)
    mutating func readInt32() throws(JSONReadError) -> Int32 {
        // Fast path: an optional minus and at most 9 digits, which always fit (the NUL at `end` stops it).
        var q = p
        let negative = q.pointee == UInt8(ascii: "-")
        if negative { q += 1 }
        var digit = q.pointee &- UInt8(ascii: "0")
        if digit < 10 {
            var value = Int32(digit)
            var count = 1
            q += 1
            digit = q.pointee &- UInt8(ascii: "0")
            while digit < 10, count < 9 {
                value = value &* 10 &+ Int32(digit)
                count &+= 1
                q += 1
                digit = q.pointee &- UInt8(ascii: "0")
            }
            if digit >= 10, q <= end {
                p = q
                return negative ? 0 &- value : value
            }
        }
        return try readInt32Slow()
    }

    @inline(never)
    private mutating func readInt32Slow() throws(JSONReadError) -> Int32 {
        let (negative, magnitude) = try readInteger()
        let v = negative ? -Int64(magnitude) : Int64(magnitude)
        guard let r = Int32(exactly: v) else { throw error("integer out of range") }
        return r
    }

    @inline(__always)
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
        if p < end, p.pointee == UInt8(ascii: "\"") {
            p += 1
        } else {
            try expect(UInt8(ascii: "\""))
        }
        let s = p
        while p < end {
            let c = p.pointee
            if c == UInt8(ascii: "\"") {
                let count = p - s
                p += 1
                if count <= 15, buildsSmallStrings, end - s >= 16, let small = Self.smallASCIIString(s, count: count) {
                    return small
                }
                return String(decoding: UnsafeBufferPointer(start: s, count: count), as: UTF8.self)
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

    /// Whether a String built by ``smallASCIIString(_:count:)`` is bit for bit the one the standard library
    /// builds: checked once per process on probes of every length class, else strings are always decoded.
    ///
    /// Most strings of a parse tree are short ASCII names (`id`, `t0`, `=`), which Swift stores inline in
    /// the String value ("small strings": the bytes, then a discriminator byte `0xE0 | count` for ASCII on
    /// 64-bit little-endian platforms). Decoding validates and dispatches through several runtime calls.
    static let smallStringLayoutVerified: Bool = {
        #if _endian(little) && _pointerBitWidth(_64)
        let probes = ["", "a", "id", "sval", "abcdefg", "abcdefgh", "abcdefghi", "l_extendedprice"]
        for probe in probes {
            let bytes = Array(probe.utf8) + Array(repeating: 0x7F, count: 16)
            let made: String? = bytes.withUnsafeBufferPointer { smallASCIIString($0.baseAddress!, count: probe.utf8.count) }
            let decoded = bytes.withUnsafeBufferPointer { String(decoding: $0.prefix(probe.utf8.count), as: UTF8.self) }
            guard let made, decoded == probe else { return false }
            let a = unsafeBitCast(made, to: (UInt64, UInt64).self)
            let b = unsafeBitCast(decoded, to: (UInt64, UInt64).self)
            guard a == b, made == probe, made.utf8.count == probe.utf8.count, made.hashValue == probe.hashValue else { return false }
        }
        return true
        #else
        return false
        #endif
    }()

    /// The small-string form of `count` (at most 15) ASCII bytes at `s`, of which 16 must be readable;
    /// nil when they are not all ASCII. Only used once ``smallStringLayoutVerified`` holds.
    @inline(__always)
    private static func smallASCIIString(_ s: UnsafePointer<UInt8>, count: Int) -> String? {
        #if _endian(little) && _pointerBitWidth(_64)
        var w0 = UnsafeRawPointer(s).loadUnaligned(as: UInt64.self)
        var w1 = UnsafeRawPointer(s + 8).loadUnaligned(as: UInt64.self)
        if count < 8 {
            w0 &= (1 &<< UInt64(truncatingIfNeeded: count &<< 3)) &- 1
            w1 = 0
        } else {
            w1 &= (1 &<< UInt64(truncatingIfNeeded: (count &- 8) &<< 3)) &- 1
        }
        guard (w0 | w1) & 0x8080_8080_8080_8080 == 0 else { return nil }
        w1 |= (0xE0 | UInt64(truncatingIfNeeded: count)) &<< 56
        return unsafeBitCast((w0, w1), to: String.self)
        #else
        return nil
        #endif
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
