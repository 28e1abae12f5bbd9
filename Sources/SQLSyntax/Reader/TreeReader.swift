import CPgQuery

/// Why the tree reader stopped: a node it cannot read (the parse then goes through libpg_query's
/// JSON, see ``SQLParser``) or a tree nested deeper than allowed.
struct TreeReadError: Error {
    var message: String
    var isNesting: Bool
}

/// Reads libpg_query's raw parse tree — PostgreSQL's own C structs, laid out as
/// Scripts/pg15-layout.tsv records — into ``Node`` values, the same ones the JSON reader builds.
///
/// `pg_query_parse` spends two thirds of its time printing the tree as JSON; reading the structs
/// skips that and the JSON scan. The generated readers (generated/TreeReaders.swift) load each
/// field at its offset. A node type or field the layout does not cover throws, and the parse
/// falls back to the JSON reader: never a wrong tree.
struct TreeReader {
    let keepLocations: Bool
    let maxDepth: Int
    var depth = 0
    private var stack = StackGuard()
    /// The depth from which `enter` checks the thread's stack.
    private let checkStackFrom: Int

    init(keepLocations: Bool, maxDepth: Int) {
        self.keepLocations = keepLocations
        self.maxDepth = maxDepth
        checkStackFrom = min(24, maxDepth + 1)
    }

    func unsupported(_ what: String) -> TreeReadError {
        TreeReadError(message: "the tree reader does not read \(what)", isNesting: false)
    }

    /// One level deeper; callers decrement `depth` when done.
    @inline(__always)
    mutating func enter() throws(TreeReadError) {
        depth &+= 1
        if depth >= checkStackFrom {
            if depth > maxDepth || stack.isLow() {
                throw TreeReadError(message: "nested too deeply", isNesting: true)
            }
        }
    }

    // MARK: Fields

    @inline(__always)
    func load<T>(_ p: UnsafeRawPointer, _ offset: Int, as type: T.Type) -> T {
        p.load(fromByteOffset: offset, as: type)
    }

    @inline(__always)
    func pointer(_ p: UnsafeRawPointer, _ offset: Int) -> UnsafeRawPointer? {
        p.load(fromByteOffset: offset, as: UnsafeRawPointer?.self)
    }

    @inline(__always) func bool(_ p: UnsafeRawPointer, _ offset: Int) -> Bool { p.load(fromByteOffset: offset, as: UInt8.self) != 0 }
    @inline(__always) func int32(_ p: UnsafeRawPointer, _ offset: Int) -> Int32 { p.load(fromByteOffset: offset, as: Int32.self) }
    @inline(__always) func int16(_ p: UnsafeRawPointer, _ offset: Int) -> Int32 { Int32(p.load(fromByteOffset: offset, as: Int16.self)) }
    @inline(__always) func uint32(_ p: UnsafeRawPointer, _ offset: Int) -> UInt32 { p.load(fromByteOffset: offset, as: UInt32.self) }

    /// A `location` field (0 when locations are not kept).
    @inline(__always)
    func location(_ p: UnsafeRawPointer, _ offset: Int) -> Int32 {
        keepLocations ? p.load(fromByteOffset: offset, as: Int32.self) : 0
    }

    /// A `char *` field; NULL reads as "" (as the JSON, which omits it).
    @inline(__always)
    func string(_ p: UnsafeRawPointer, _ offset: Int) -> String {
        guard let s = pointer(p, offset) else { return "" }
        return String(cString: s.assumingMemoryBound(to: CChar.self))
    }

    /// A `char` field as a one-character string; `\0` reads as "".
    func char(_ p: UnsafeRawPointer, _ offset: Int) -> String {
        let c = p.load(fromByteOffset: offset, as: UInt8.self)
        return c == 0 ? "" : String(decoding: CollectionOfOne(c), as: UTF8.self)
    }

    /// An enum field stored in `size` bytes.
    @inline(__always)
    func enumValue<E>(_ p: UnsafeRawPointer, _ offset: Int, size: Int, _ convert: (Int32) -> E?) throws(TreeReadError) -> E {
        let raw = size == 1 ? Int32(p.load(fromByteOffset: offset, as: UInt8.self)) : p.load(fromByteOffset: offset, as: Int32.self)
        guard let value = convert(raw) else { throw unsupported("\(E.self) value \(raw)") }
        return value
    }

    /// A `Node *` field: nil when NULL.
    @inline(__always)
    mutating func nodeField(_ p: UnsafeRawPointer, _ offset: Int) throws(TreeReadError) -> Node? {
        guard let q = pointer(p, offset) else { return nil }
        return try node(q)
    }

    /// A `List *` field of nodes: [] when NULL.
    @inline(__always)
    mutating func list(_ p: UnsafeRawPointer, _ offset: Int) throws(TreeReadError) -> [Node] {
        guard let l = pointer(p, offset) else { return [] }
        return try listItems(l)
    }

    /// A field pointing to a node of one known type.
    @inline(__always)
    mutating func message<T>(_ p: UnsafeRawPointer, _ offset: Int,
                             _ read: (inout TreeReader, UnsafeRawPointer) throws(TreeReadError) -> T) throws(TreeReadError) -> T? {
        guard let q = pointer(p, offset) else { return nil }
        try enter()
        defer { depth &-= 1 }
        return try read(&self, q)
    }

    /// A `List *` field whose elements are nodes of one known type.
    mutating func messageList<T>(_ p: UnsafeRawPointer, _ offset: Int,
                                 _ read: (inout TreeReader, UnsafeRawPointer) throws(TreeReadError) -> T) throws(TreeReadError) -> [T] {
        guard let l = pointer(p, offset) else { return [] }
        let (count, cells) = Self.cells(of: l)
        var items: [T] = []
        items.reserveCapacity(count)
        try enter()
        defer { depth &-= 1 }
        for i in 0..<count {
            guard let q = cells.load(fromByteOffset: i &* 8, as: UnsafeRawPointer?.self) else {
                throw unsupported("a NULL element in a list of \(T.self)")
            }
            items.append(try read(&self, q))
        }
        return items
    }

    // MARK: Lists

    /// PostgreSQL 15's List: `NodeTag type; int length; int max_length; ListCell *elements;`, each
    /// cell 8 bytes (a pointer, an int or an Oid).
    @inline(__always)
    static func cells(of list: UnsafeRawPointer) -> (count: Int, cells: UnsafeRawPointer) {
        let count = Int(list.load(fromByteOffset: 4, as: Int32.self))
        return (count, list.load(fromByteOffset: 16, as: UnsafeRawPointer.self))
    }

    /// The nodes of a `List` (NULL elements read as ``Node/absent``).
    mutating func listItems(_ list: UnsafeRawPointer) throws(TreeReadError) -> [Node] {
        let (count, cells) = Self.cells(of: list)
        var items: [Node] = []
        items.reserveCapacity(count)
        for i in 0..<count {
            items.append(try node(cells.load(fromByteOffset: i &* 8, as: UnsafeRawPointer?.self)))
        }
        return items
    }

    /// The values of an IntList or OidList, as Integer nodes.
    func integerItems(_ list: UnsafeRawPointer, oids: Bool) -> [Node] {
        let (count, cells) = Self.cells(of: list)
        return (0..<count).map { i in
            let value = oids ? Int32(bitPattern: cells.load(fromByteOffset: i &* 8, as: UInt32.self))
                             : cells.load(fromByteOffset: i &* 8, as: Int32.self)
            return .integer(PGInteger(ival: value))
        }
    }
}
