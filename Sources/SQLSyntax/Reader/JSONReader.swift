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
    /// Lists of String nodes read so far in this parse (see ``readStringList(_:)``), or nil for none.
    private let listCache: UnsafeMutablePointer<CachedList>?
    /// Which entries of `listCache` are initialized, and which way of each set is replaced next.
    private var listCacheOccupied: UInt32 = 0
    private var listCacheVictims: UInt16 = 0

    /// A list of String nodes (a qualified name, an operator, a function name) and the JSON it was
    /// read from: the same bytes later in the statement give the same array, shared instead of rebuilt.
    struct CachedList {
        var json: UnsafePointer<UInt8>
        var length: Int
        var firstWord: UInt64
        var nodes: [Node]
    }

    /// The entries ``init(json:source:keepLocations:maxDepth:listCache:)`` needs: 16 sets of 2 ways.
    static let listCacheCapacity = 32

    /// `listCache`, when given, must hold ``listCacheCapacity`` uninitialized entries and be released
    /// with ``releaseListCache()`` before the JSON is freed.
    init(json: UnsafeBufferPointer<UInt8>, source: UnsafeBufferPointer<UInt8>, keepLocations: Bool, maxDepth: Int,
         listCache: UnsafeMutablePointer<CachedList>? = nil) {
        self.listCache = listCache
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

    /// Whether entering `levels` more objects from here passes none of ``enterObject()``'s checks, so
    /// a fast path may skip them (a deep tree, like a long chain of joins, is read the fast way too,
    /// except at the levels where the stack is measured: no multiple of 8 in depth+1...deepest).
    @inline(__always)
    private func entersUnchecked(_ levels: Int) -> Bool {
        let deepest = depth &+ levels
        if deepest < checkDepthFrom { return true }
        return deepest <= maxDepth && deepest &>> 3 == depth &>> 3
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

    /// A mask of a little-endian word's low `count` bytes (the whole word from 8 on: a shift by 64
    /// would wrap to 0).
    @inline(__always)
    static func lowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: count &<< 3)) &- 1
    }

    /// Consumes `"key":` (and the `,` before it, after an earlier value) when it comes next, without
    /// hashing it: `a` and `b` are its `count` bytes (at most 16) as little-endian words, zero beyond
    /// `count`. The generated readers of common nodes try their keys in the order libpg_query prints
    /// them this way before looking up the rest (see ORDERED_KEY_NODES in the generator).
    @inline(__always)
    mutating func takeKey(_ a: UInt64, _ b: UInt64, _ count: Int) -> Bool {
        let q = p.pointee == UInt8(ascii: ",") ? p + 1 : p
        guard end - q >= 16 else { return false }
        let w0 = UnsafeRawPointer(q).loadUnaligned(as: UInt64.self)
        if count < 8 {
            guard w0 & Self.lowBytes(count) == a else { return false }
        } else {
            guard w0 == a else { return false }
            if count > 8 {
                let w1 = UnsafeRawPointer(q + 8).loadUnaligned(as: UInt64.self)
                let mask = Self.lowBytes(count &- 8)
                guard w1 & mask == b else { return false }
            }
        }
        p = q + count
        return true
    }

    /// ``takeKey(_:_:_:)`` for a `"key":` of 17 to 24 bytes (e.g. RangeVar's `relpersistence`): `a`,
    /// `b` and `c` its words, zero beyond `count`.
    @inline(__always)
    mutating func takeLongKey(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ count: Int) -> Bool {
        let q = p.pointee == UInt8(ascii: ",") ? p + 1 : p
        guard end - q >= 24, UnsafeRawPointer(q).loadUnaligned(as: UInt64.self) == a,
              UnsafeRawPointer(q + 8).loadUnaligned(as: UInt64.self) == b else { return false }
        let mask = Self.lowBytes(count &- 16)
        guard UnsafeRawPointer(q + 16).loadUnaligned(as: UInt64.self) & mask == c else { return false }
        p = q + count
        return true
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

    /// Like ``quoteBits(_:)`` for `\\`.
    @inline(__always)
    private static func backslashBits(_ w: UInt64) -> UInt64 {
        let x = w ^ 0x5C5C_5C5C_5C5C_5C5C
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Hashes the bytes up to the closing quote and consumes them with the quote (keys and enum names
    /// contain no escapes). With n the length, a and b the little-endian words of bytes 0..<8 and 8..<16
    /// (zero-padded) and c a fold of the rest (n > 16 only): `a*k0 ^ b*k1 ^ c ^ n`. The generator's
    /// `key_hash` computes the same; names of up to 16 bytes take two loads and no loop.
    /// With `threeWords` (enum names: `COERCE_EXPLICIT_CALL`, `LIMIT_OPTION_DEFAULT`, `SORTBY_NULLS_DEFAULT`),
    /// names of up to 24 bytes are hashed from a third load as well (c is then the last 8 bytes times k2).
    @inline(__always)
    private mutating func hashKey(threeWords: Bool = false) -> UInt64 {
        if end - p >= 16 {
            let w0 = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            let m0 = Self.quoteBits(w0)
            if m0 != 0 {
                let n = m0.trailingZeroBitCount &>> 3
                p += n &+ 1
                let a = w0 & Self.lowBytes(n)
                return (a &* Self.k0) ^ UInt64(truncatingIfNeeded: n)
            }
            let w1 = UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self)
            let m1 = Self.quoteBits(w1)
            if m1 != 0 {
                let n1 = m1.trailingZeroBitCount &>> 3
                p += n1 &+ 9
                let b = w1 & Self.lowBytes(n1)
                return (w0 &* Self.k0) ^ (b &* Self.k1) ^ UInt64(truncatingIfNeeded: n1 &+ 8)
            }
            if threeWords, end - p >= 24 {
                let m2 = Self.quoteBits(UnsafeRawPointer(p + 16).loadUnaligned(as: UInt64.self))
                if m2 != 0 {
                    let n = 16 &+ (m2.trailingZeroBitCount &>> 3)
                    let c = n == 16 ? 0 : UnsafeRawPointer(p + (n &- 8)).loadUnaligned(as: UInt64.self) &* Self.k2
                    p += n &+ 1
                    return (w0 &* Self.k0) ^ (w1 &* Self.k1) ^ c ^ UInt64(truncatingIfNeeded: n)
                }
            }
        }
        return hashKeySlow()
    }

    /// ``hashKey()`` for names longer than the words it loads (longer than 24 bytes when it may
    /// load three, else 16) and the last bytes of the JSON. Whole words are loaded where they can be.
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
        return Self.hashBytes(s, count: n)
    }

    /// The key hash of `n` bytes at `s` (see ``hashKey()``).
    private static func hashBytes(_ s: UnsafePointer<UInt8>, count n: Int) -> UInt64 {
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
                c = (c ^ word(offset, 8)) &* k2
                offset += 8
            }
            c = (c ^ word(n - 8, 8)) &* k2
        }
        return (a &* k0) ^ (b &* k1) ^ c ^ UInt64(n)
    }

    /// The value of `{"sval":"…"}`, the most common object of a tree (a `String` node: every part of a
    /// name), read without hashing its key; nil (nothing consumed) when the next object has another shape.
    @inline(__always)
    mutating func readSvalObject() throws(JSONReadError) -> String? {
        // `{"sval":` as a little-endian word.
        guard end - p >= 16, p[8] == UInt8(ascii: "\""), enterObject(startingWith: 0x3A22_6C61_7673_227B) else { return nil }
        let value = try readString()
        try leaveObject()
        return value
    }

    /// The value of `{"ival":…}` (an `Integer` node: every integer constant), read like ``readSvalObject()``.
    @inline(__always)
    mutating func readIvalObject() throws(JSONReadError) -> Int32? {
        // `{"ival":` as a little-endian word.
        guard enterObject(startingWith: 0x3A22_6C61_7669_227B) else { return nil }
        let value = try readInt32()
        try leaveObject()
        return value
    }

    /// The most common nodes in their usual shapes, `{"String":{"sval":"…"}}`,
    /// `{"ColumnRef":{"fields":[…],"location":N}}`, `{"List":{"items":[…]}}` and `{"A_Const":…}` (and
    /// other common node types, see below), matched with word
    /// loads instead of hashing every key and dispatching on the node type; nil (nothing consumed) for
    /// any other node or shape, or at a depth where ``enterObject()`` would check the limits.
    @inline(__always)
    mutating func readCommonNode() throws(JSONReadError) -> Node? {
        guard end - p >= 32 else { return nil }
        switch UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) {
        case 0x676E_6972_7453_227B: return try readStringNode()  // {"String
        case 0x6E6D_756C_6F43_227B: return try readColumnRefNode()  // {"Column
        case 0x3A22_7473_694C_227B: return try readListNode()  // {"List":
        case 0x736E_6F43_5F41_227B: return try readConstantNode()  // {"A_Const":
        // The payloads of these are read by the generated out-of-line readers (keeping their stack
        // space out of Node.read's frame, which every level of a deep tree takes).
        case 0x7261_5473_6552_227B: return try readNode(keyLength: 13, tail: 0x3A_2274_6567, Node.readResTarget)  // {"ResTarget":
        case 0x7270_7845_5F41_227B: return try readNode(keyLength: 10, tail: 0x3A22, Node.readAExpr)  // {"A_Expr":
        case 0x6143_636E_7546_227B: return try readNode(keyLength: 12, tail: 0x3A22_6C6C, Node.readFuncCall)  // {"FuncCall":
        case 0x6143_6570_7954_227B: return try readNode(keyLength: 12, tail: 0x3A22_7473, Node.readTypeCast)  // {"TypeCast":
        case 0x7845_6C6F_6F42_227B: return try readNode(keyLength: 12, tail: 0x3A22_7270, Node.readBoolExpr)  // {"BoolExpr":
        case 0x5665_676E_6152_227B: return try readNode(keyLength: 12, tail: 0x3A22_7261, Node.readRangeVar)  // {"RangeVar":
        case 0x7845_6E69_6F4A_227B: return try readNode(keyLength: 12, tail: 0x3A22_7270, Node.readJoinExpr)  // {"JoinExpr":
        case 0x7942_7472_6F53_227B: return try readNode(keyLength: 10, tail: 0x3A22, Node.readSortBy)  // {"SortBy":
        case 0x7463_656C_6553_227B: return try readNode(keyLength: 14, tail: 0x3A22_746D_7453, Node.readSelectStmt)  // {"SelectStmt":
        default: return nil
        }
    }

    /// `{"A_Const":…}`, the most common node of an INSERT, with its usual shapes read here before
    /// A_Const's generated reader (A_Const is stored inside Node, unboxed).
    @inline(never)
    private mutating func readConstantNode() throws(JSONReadError) -> Node? {
        if let node = try readPlainConstantNode() { return node }
        return try readNode(keyLength: 11, tail: 0x3A_2274) { (r: inout JSONReader) throws(JSONReadError) in .aConst(try A_Const.read(&r)) }
    }

    /// The two usual constants whole, `{"A_Const":{"ival":{"ival":N},"location":L}}` (N not 0, which
    /// would need ``repairIntegerConstant(_:)``) and `{"A_Const":{"sval":{"sval":"…"},"location":L}}`,
    /// their three keys matched with three word loads; nil (the position restored) for any other shape.
    /// ``readCommonNode()`` matched the first word and leaves 32 bytes readable.
    @inline(__always)
    private mutating func readPlainConstantNode() throws(JSONReadError) -> Node? {
        guard entersUnchecked(3) else { return nil }
        let start = p
        // `t":{"iva` or `t":{"sva`, then `l":{"iva` or `l":{"sva`, then `l":`.
        let w1 = UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self)
        let w2 = UnsafeRawPointer(p + 16).loadUnaligned(as: UInt64.self)
        let integer = w1 == 0x6176_6922_7B3A_2274
        guard integer || w1 == 0x6176_7322_7B3A_2274, w2 == w1 ^ 0x18,
              UnsafeRawPointer(p + 24).loadUnaligned(as: UInt32.self) & 0xFF_FFFF == 0x3A_226C else { return nil }
        p += 27
        var c = A_Const()
        if integer {
            let value = try readInt32()
            guard value != 0 else {
                p = start
                return nil
            }
            c.val = .ival(PGInteger(ival: value))
        } else {
            c.val = .sval(PGString(sval: try readString()))
        }
        guard p.pointee == UInt8(ascii: "}") else {
            p = start
            return nil
        }
        p += 1
        guard let location = try readLocationField(), end - p >= 2, p[0] == UInt8(ascii: "}"), p[1] == UInt8(ascii: "}") else {
            p = start
            return nil
        }
        p += 2
        c.location = location
        return .aConst(c)
    }

    /// A node `{"Type":{…}}` whose key (`keyLength` bytes with its `{`, quotes and colon) starts with
    /// the word ``readCommonNode()`` matched and ends with the bytes `tail`: its payload read by `read`
    /// without looking the type up; nil (nothing consumed) when the key differs.
    @inline(__always)
    private mutating func readNode(keyLength: Int, tail: UInt64, _ read: (inout JSONReader) throws(JSONReadError) -> Node) throws(JSONReadError) -> Node? {
        let mask = Self.lowBytes(keyLength &- 8)
        guard UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self) & mask == tail, entersUnchecked(1) else { return nil }
        p += keyLength
        depth += 1
        let node = try read(&self)
        if p < end, p.pointee == UInt8(ascii: "}") {
            p += 1
            depth -= 1
        } else {
            // Not the usual end: the general path's check, without reading the node again.
            try endNodeObjectSlowly()
        }
        return node
    }

    @inline(never)
    private mutating func endNodeObjectSlowly() throws(JSONReadError) {
        try endNodeObject()
    }

    @inline(never)
    private mutating func readStringNode() throws(JSONReadError) -> Node? {
        // `":{"sval` as a little-endian word, then `":"`.
        guard UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self) == 0x6C61_7673_227B_3A22,
              p[16] == UInt8(ascii: "\""), p[17] == UInt8(ascii: ":"), p[18] == UInt8(ascii: "\""), entersUnchecked(2) else { return nil }
        let start = p
        p += 18
        depth += 2
        // Inlined here for the usual short name: most strings of a tree are these nodes.
        let value: String
        if let short = readShortString() {
            value = short
        } else {
            value = try readScannedString()
        }
        return endCommonNode(from: start) ? .string(PGString(sval: value)) : nil
    }

    @inline(never)
    private mutating func readColumnRefNode() throws(JSONReadError) -> Node? {
        // `Ref":{"f` and `fields":` as little-endian words.
        guard UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self) == 0x6622_7B3A_2266_6552,
              UnsafeRawPointer(p + 15).loadUnaligned(as: UInt64.self) == 0x3A22_7364_6C65_6966, entersUnchecked(2) else { return nil }
        let start = p
        p += 23
        depth += 2
        var c = ColumnRef()
        c.fields = try readNodeArray()
        guard let location = try readLocationField() else {
            p = start
            depth -= 2
            return nil
        }
        c.location = location
        return endCommonNode(from: start) ? .columnRef(c) : nil
    }

    @inline(never)
    private mutating func readListNode() throws(JSONReadError) -> Node? {
        // `{"items"` as a little-endian word, then `:`.
        guard UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self) == 0x2273_6D65_7469_227B,
              p[16] == UInt8(ascii: ":"), entersUnchecked(2) else { return nil }
        let start = p
        p += 17
        depth += 2
        var l = PGList()
        l.items = try readNodeArray()
        return endCommonNode(from: start) ? .list(l) : nil
    }

    /// Consumes the `}}` that ends a node read by ``readCommonNode()``; false (the node's start
    /// restored) when something else follows.
    @inline(__always)
    private mutating func endCommonNode(from start: UnsafePointer<UInt8>) -> Bool {
        depth -= 2
        guard end - p >= 2, p[0] == UInt8(ascii: "}"), p[1] == UInt8(ascii: "}") else {
            p = start
            return false
        }
        p += 2
        return true
    }

    /// `,"location":N`: N (as ``readLocation()`` reads it), or nil (nothing consumed) for anything else.
    @inline(__always)
    private mutating func readLocationField() throws(JSONReadError) -> Int32? {
        // `,"locati` as a little-endian word, then `on":`.
        guard end - p >= 16, UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) == 0x6974_6163_6F6C_222C,
              UnsafeRawPointer(p + 8).loadUnaligned(as: UInt32.self) == 0x3A22_6E6F else { return nil }
        p += 12
        return try readLocation()
    }

    /// Enters an object whose first 8 bytes are `head` (its `{` and first key), when no depth check
    /// is due there; false (nothing consumed) otherwise.
    @inline(__always)
    private mutating func enterObject(startingWith head: UInt64) -> Bool {
        guard end - p >= 16, entersUnchecked(1), UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) == head else { return false }
        p += 8
        depth += 1
        return true
    }

    /// Ends an object entered by ``enterObject(startingWith:)`` after its first value (skipping any other keys).
    @inline(__always)
    private mutating func leaveObject() throws(JSONReadError) {
        if p < end, p.pointee == UInt8(ascii: "}") {
            p += 1
            depth -= 1
        } else {
            while try nextKey() != nil { try skipValue() }
        }
    }

    /// Reads the two common shapes of an `A_Const`, `{"ival":{…},"location":N}` and
    /// `{"sval":{…},"location":N}`, matching their keys with word loads instead of hashing them; false
    /// (nothing consumed) for any other shape, which the generated reader then takes.
    @inline(__always)
    mutating func readCommonConstant(_ c: inout A_Const) throws(JSONReadError) -> Bool {
        guard end - p >= 32, entersUnchecked(1) else { return false }
        // `{"ival":` and `{"sval":` as little-endian words.
        let head = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
        guard head == 0x3A22_6C61_7669_227B || head == 0x3A22_6C61_7673_227B else { return false }
        return try readCommonConstantValue(&c, integer: head == 0x3A22_6C61_7669_227B)
    }

    private mutating func readCommonConstantValue(_ c: inout A_Const, integer: Bool) throws(JSONReadError) -> Bool {
        let start = p
        let startDepth = depth
        p += 8
        depth += 1
        let value: A_Const.Val = integer ? .ival(try PGInteger.read(&self)) : .sval(try PGString.read(&self))
        guard let location = try readLocationField(), p < end, p.pointee == UInt8(ascii: "}") else {
            p = start
            depth = startDepth
            return false
        }
        p += 1
        depth -= 1
        c.val = value
        c.location = location
        return true
    }

    mutating func readEnumName() throws(JSONReadError) -> UInt64 {
        if p < end, p.pointee == UInt8(ascii: "\"") {
            p += 1
        } else {
            try expect(UInt8(ascii: "\""))
        }
        return hashKey(threeWords: true)
    }

    /// Reads a list of nodes into an array allocated once at its final size when it has at most four
    /// elements (most lists: names, fields, arguments), instead of reserving and growing.
    mutating func readNodeArray() throws(JSONReadError) -> [Node] {
        guard p < end, p.pointee == UInt8(ascii: "[") else {
            return try readArray { (r: inout JSONReader) throws(JSONReadError) in try Node.read(&r) }
        }
        // `[{"String":{"sva`: a list that starts with a String node.
        if let cache = listCache, end - p >= 32,
           UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) == 0x6E69_7274_5322_7B5B,
           UnsafeRawPointer(p + 8).loadUnaligned(as: UInt64.self) == 0x6176_7322_7B3A_2267 {
            return try readStringList(cache)
        }
        p += 1
        return try readNodeArrayElements()
    }

    /// A list that starts with a String node, from the cache when the same JSON was read before in
    /// this parse (most names recur: `=`, `t1.id`, `sum`), saving the array's allocation and release.
    /// The nodes of equal JSON are equal: String nodes carry no location and reading them has no effect
    /// on the reader but its position (the depth limits are kept by reading a list again near them).
    @inline(never)
    private mutating func readStringList(_ cache: UnsafeMutablePointer<CachedList>) throws(JSONReadError) -> [Node] {
        let start = p
        // The first bytes of the first name (and what follows it).
        let firstWord = UnsafeRawPointer(p + 20).loadUnaligned(as: UInt64.self)
        let set = Int(truncatingIfNeeded: (firstWord &* 0x9E37_79B9_7F4A_7C15) &>> 60)
        if entersUnchecked(2) {
            for i in (set &* 2)..<(set &* 2 &+ 2) where listCacheOccupied & (1 &<< UInt32(i)) != 0 {
                let entry = cache + i
                if entry.pointee.firstWord == firstWord, end - p >= entry.pointee.length,
                   memcmp(p, entry.pointee.json, entry.pointee.length) == 0 {
                    p += entry.pointee.length
                    return entry.pointee.nodes
                }
            }
        }
        p += 1
        let nodes = try readNodeArrayElements()
        for node in nodes {
            guard case .string = node else { return nodes }
        }
        let way = Int(truncatingIfNeeded: listCacheVictims &>> UInt16(truncatingIfNeeded: set)) & 1
        listCacheVictims ^= 1 &<< UInt16(truncatingIfNeeded: set)
        let i = set &* 2 &+ way
        let entry = CachedList(json: start, length: p - start, firstWord: firstWord, nodes: nodes)
        if listCacheOccupied & (1 &<< UInt32(i)) != 0 {
            cache[i] = entry
        } else {
            (cache + i).initialize(to: entry)
            listCacheOccupied |= 1 &<< UInt32(i)
        }
        return nodes
    }

    /// Releases the lists kept by ``readStringList(_:)``.
    mutating func releaseListCache() {
        guard let cache = listCache else { return }
        while listCacheOccupied != 0 {
            let i = listCacheOccupied.trailingZeroBitCount
            (cache + i).deinitialize(count: 1)
            listCacheOccupied &= listCacheOccupied &- 1
        }
    }

    /// The elements of a node list after its `[`.
    @inline(__always)
    private mutating func readNodeArrayElements() throws(JSONReadError) -> [Node] {
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
        var result: [T] = []
        // One allocation for the usual short lists instead of growing 1, 2, 4.
        result.reserveCapacity(4)
        try readEachElement { (reader: inout JSONReader) throws(JSONReadError) in result.append(try element(&reader)) }
        return result
    }

    /// Calls `element` for each element of an array, building no array of its own.
    @inline(__always)
    mutating func readEachElement(_ element: (inout JSONReader) throws(JSONReadError) -> Void) throws(JSONReadError) {
        try expect(UInt8(ascii: "["))
        while true {
            skipWhitespace()
            guard p < end else { throw error("unexpected end of JSON") }
            if p.pointee == UInt8(ascii: "]") {
                p += 1
                return
            }
            if p.pointee == UInt8(ascii: ",") { p += 1 }
            try element(&self)
        }
    }

    /// The hash ``nextKey()`` returns for the key `name` (ASCII, no escapes); see ``hashKeySlow()``.
    static func keyHash(_ name: StaticString) -> UInt64 {
        hashBytes(name.utf8Start, count: name.utf8CodeUnitCount)
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
        if let short = readShortString() { return short }
        return try readScannedString()
    }

    /// ``readString()`` without its short-string attempt (for callers that made it already).
    private mutating func readScannedString() throws(JSONReadError) -> String {
        if p < end, p.pointee == UInt8(ascii: "\"") {
            p += 1
        } else {
            try expect(UInt8(ascii: "\""))
        }
        let s = p
        // The closing quote or the first backslash, eight bytes at a time (the position is kept in a
        // local: storing `p` at every byte cost more than the comparisons).
        var q = s
        while true {
            if end - q >= 8 {
                let w = UnsafeRawPointer(q).loadUnaligned(as: UInt64.self)
                let m = Self.quoteBits(w) | Self.backslashBits(w)
                if m == 0 {
                    q += 8
                    continue
                }
                q += m.trailingZeroBitCount &>> 3
            } else {
                while q < end, q.pointee != UInt8(ascii: "\""), q.pointee != UInt8(ascii: "\\") { q += 1 }
                if q == end {
                    p = end
                    throw error("unterminated string")
                }
            }
            break
        }
        if q.pointee == UInt8(ascii: "\"") {
            let count = q - s
            p = q + 1
            if count <= 15, buildsSmallStrings, end - s >= 16, let small = Self.smallASCIIString(s, count: count) {
                return small
            }
            return String(decoding: UnsafeBufferPointer(start: s, count: count), as: UTF8.self)
        }
        return try readEscapedString(from: s, firstEscape: q)
    }

    /// The usual string, at most 15 ASCII bytes without escapes, at `p` (its opening quote): found with
    /// one or two word loads and built in place (see ``smallASCIIString(_:count:)``); nil (nothing
    /// consumed) for any other string, which ``readString()`` then scans.
    @inline(__always)
    private mutating func readShortString() -> String? {
        guard buildsSmallStrings, end - p >= 17, p.pointee == UInt8(ascii: "\"") else { return nil }
        let s = p + 1
        let w0 = UnsafeRawPointer(s).loadUnaligned(as: UInt64.self)
        var stops = Self.quoteBits(w0) | Self.backslashBits(w0)
        var count = 0
        if stops == 0 {
            let w1 = UnsafeRawPointer(s + 8).loadUnaligned(as: UInt64.self)
            stops = Self.quoteBits(w1) | Self.backslashBits(w1)
            guard stops != 0 else { return nil }
            count = 8
        }
        count &+= stops.trailingZeroBitCount &>> 3
        guard s[count] == UInt8(ascii: "\""), let small = Self.smallASCIIString(s, count: count) else { return nil }
        p = s + count + 1
        return small
    }

    /// ``readString()`` for a string with escapes (from `s`, the first backslash at `escape`): decoded
    /// straight into the String's storage, which needs no allocation when it is short (the escaped text
    /// is never shorter than the decoded bytes).
    @inline(never)
    private mutating func readEscapedString(from s: UnsafePointer<UInt8>, firstEscape escape: UnsafePointer<UInt8>) throws(JSONReadError) -> String {
        // The closing quote: every backslash escapes the byte after it.
        var close = escape
        while close < end, close.pointee != UInt8(ascii: "\"") {
            close += close.pointee == UInt8(ascii: "\\") ? 2 : 1
        }
        guard close < end else {
            p = end
            throw error("unterminated string")
        }
        if close - s <= 15, buildsSmallStrings {
            // Short (the usual case): decoded into two words, which are the small String when ASCII.
            var words: (UInt64, UInt64) = (0, 0)
            let (count, failure) = withUnsafeMutableBytes(of: &words) { raw in
                Self.decodeEscapes(from: s, firstEscape: escape, to: close, into: raw.baseAddress!)
            }
            if failure == nil, let small = withUnsafeBytes(of: &words, { raw in
                Self.smallASCIIString(raw.baseAddress!, count: count)
            }) {
                p = close + 1
                return small
            }
        }
        var failedAt: UnsafePointer<UInt8>? = nil
        let decoded = String(unsafeUninitializedCapacity: close - s) { buffer -> Int in
            let (count, failure) = Self.decodeEscapes(from: s, firstEscape: escape, to: close, into: UnsafeMutableRawPointer(buffer.baseAddress!))
            failedAt = failure
            return count
        }
        if let failedAt {
            p = failedAt
            throw error("bad \\u escape")
        }
        p = close + 1
        return decoded
    }

    /// Decodes the JSON string bytes `s..<close` (the first backslash at `escape`) into `out`, which
    /// holds `close - s` bytes: the decoded length, or where a bad `\\u` escape ends.
    private static func decodeEscapes(from s: UnsafePointer<UInt8>, firstEscape escape: UnsafePointer<UInt8>, to close: UnsafePointer<UInt8>,
                                      into out: UnsafeMutableRawPointer) -> (count: Int, failedAt: UnsafePointer<UInt8>?) {
        var n = escape - s
        if n > 0 { out.copyMemory(from: s, byteCount: n) }
        var q = escape
        while q < close {
            let c = q.pointee
            q += 1
            if c != UInt8(ascii: "\\") {
                out.storeBytes(of: c, toByteOffset: n, as: UInt8.self)
                n += 1
                continue
            }
            let e = q.pointee
            q += 1
            let byte: UInt8
            switch e {
            case UInt8(ascii: "n"): byte = 0x0A
            case UInt8(ascii: "t"): byte = 0x09
            case UInt8(ascii: "r"): byte = 0x0D
            case UInt8(ascii: "b"): byte = 0x08
            case UInt8(ascii: "f"): byte = 0x0C
            case UInt8(ascii: "u"):
                guard var scalar = hex4(&q, close) else { return (0, q) }
                if (0xD800..<0xDC00).contains(scalar), close - q >= 6, q[0] == UInt8(ascii: "\\"), q[1] == UInt8(ascii: "u") {
                    q += 2
                    guard let low = hex4(&q, close) else { return (0, q) }
                    scalar = 0x10000 &+ ((scalar &- 0xD800) << 10) &+ (low &- 0xDC00)
                }
                for b in (Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8 {
                    out.storeBytes(of: b, toByteOffset: n, as: UInt8.self)
                    n += 1
                }
                continue
            default: byte = e
            }
            out.storeBytes(of: byte, toByteOffset: n, as: UInt8.self)
            n += 1
        }
        return (n, nil)
    }

    /// The four hex digits at `q` (consumed), or nil.
    private static func hex4(_ q: inout UnsafePointer<UInt8>, _ close: UnsafePointer<UInt8>) -> UInt32? {
        guard close - q >= 4 else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = q.pointee
            q += 1
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
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
    private static func smallASCIIString(_ s: UnsafeRawPointer, count: Int) -> String? {
        #if _endian(little) && _pointerBitWidth(_64)
        var w0 = s.loadUnaligned(as: UInt64.self)
        var w1 = s.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        if count < 8 {
            w0 &= lowBytes(count)
            w1 = 0
        } else {
            w1 &= lowBytes(count &- 8)
        }
        guard (w0 | w1) & 0x8080_8080_8080_8080 == 0 else { return nil }
        w1 |= (0xE0 | UInt64(truncatingIfNeeded: count)) &<< 56
        // Moved out of the words rather than bit-cast: a cast copies the String, and the copy calls
        // swift_bridgeObjectRetain (a no-op for a small string, but a call for every name).
        var words = (w0, w1)
        return withUnsafeMutableBytes(of: &words) { raw in
            raw.baseAddress!.withMemoryRebound(to: String.self, capacity: 1) { $0.move() }
        }
        #else
        return nil
        #endif
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
    @inline(__always)
    mutating func repairIntegerConstant(_ c: inout A_Const) {
        // Checked here, inline: nearly every constant needs no repair.
        guard case .ival(let i)? = c.val, i.ival == 0 else { return }
        repairZeroIntegerConstant(&c)
    }

    @inline(never)
    private mutating func repairZeroIntegerConstant(_ c: inout A_Const) {
        guard lastLocation >= 0, Int(lastLocation) < source.count else { return }
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

extension PGString {
    init(sval: String) {
        self.init()
        self.sval = sval
    }
}

/// A reference box that gives a value type a field of its own type (e.g. `SelectStmt.larg`).
public final class Box<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
    public static func == (a: Box, b: Box) -> Bool { a === b || a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
