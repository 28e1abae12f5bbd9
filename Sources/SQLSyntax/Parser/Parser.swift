import CPgQuery
#if canImport(Glibc)
import Glibc
#endif

/// One statement of a parsed SQL text.
public struct ParsedStatement: Sendable, Hashable {
    /// The statement's syntax tree (e.g. `.selectStmt`).
    public var node: Node
    /// Where the statement stands in the input, in UTF-8 bytes, without the terminating `;`.
    public var range: Range<Int>

    public init(node: Node, range: Range<Int>) {
        self.node = node
        self.range = range
    }
}

/// How ``SQLParser`` builds trees.
public struct ParseOptions: Sendable, Hashable {
    /// Keep the byte offset of every node (`location` fields). When false they are all 0, which makes
    /// trees of the same SQL printed differently compare equal.
    public var keepLocations: Bool
    /// The deepest nesting of tree nodes accepted; deeper input gets a ``ParseError`` rather than
    /// risking the stack of a small thread.
    public var maxDepth: Int

    public init(keepLocations: Bool = true, maxDepth: Int = 1_000) {
        self.keepLocations = keepLocations
        self.maxDepth = maxDepth
    }

    public static let `default` = ParseOptions()
}

/// Parses SQL with PostgreSQL 15's own grammar (libpg_query) into ``Node`` trees.
///
/// Thread-safe: libpg_query keeps its memory per thread and every result is freed before return.
public enum SQLParser {
    /// Parses one or more `;`-separated statements.
    ///
    /// - Returns: the statements in order; empty input (or only comments) gives an empty array.
    /// - Throws: ``ParseError`` with PostgreSQL's message and the position of the error.
    public static func parse(_ sql: String, options: ParseOptions = .default) throws(ParseError) -> [ParsedStatement] {
        try parse(sql, options: options, reader: .tree)
    }

    /// The tree reader's result alone: nil when it would fall back to the JSON reader (for tests).
    static func parseWithTreeReaderOnly(_ sql: String, options: ParseOptions = .default) throws(ParseError) -> [ParsedStatement]? {
        try withSQLText(sql) { (cString, bytes) throws(ParseError) in try parseTree(cString: cString, utf8: bytes, sql: sql, options: options) }
    }

    /// Parses with a given reader of libpg_query's result (tests compare the two).
    static func parse(_ sql: String, options: ParseOptions = .default, reader: Reader) throws(ParseError) -> [ParsedStatement] {
        try withSQLText(sql) { (cString, bytes) throws(ParseError) in
            if reader == .tree, let statements = try parseTree(cString: cString, utf8: bytes, sql: sql, options: options) {
                return statements
            }
            return try parseJSON(cString: cString, utf8: bytes, sql: sql, options: options)
        }
    }

    /// Calls `body` with the SQL as the NUL-terminated text libpg_query wants (without a copy for
    /// native strings) and as UTF-8 bytes; a NUL byte inside the SQL is an error, since C would
    /// silently take it as the end.
    private static func withSQLText<Output>(
        _ sql: String, _ body: (UnsafePointer<CChar>, UnsafeBufferPointer<UInt8>) throws(ParseError) -> Output
    ) throws(ParseError) -> Output {
        let outcome = sql.withCString { (cString: UnsafePointer<CChar>) -> Result<Output, ParseError> in
            let length = strlen(cString)
            if length != sql.utf8.count {
                return .failure(ParseError(message: "the SQL text contains a NUL byte", sql: sql, offset: length, kind: .invalidInput,
                                           hint: "PostgreSQL does not accept NUL characters in statements"))
            }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: length)
            do throws(ParseError) {
                return .success(try body(cString, bytes))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Parses exactly one statement.
    public static func parseOne(_ sql: String, options: ParseOptions = .default) throws(ParseError) -> Node {
        try parseOneStatement(sql, options: options).node
    }

    /// Parses exactly one statement, with its range in the input.
    public static func parseOneStatement(_ sql: String, options: ParseOptions = .default) throws(ParseError) -> ParsedStatement {
        let statements = try parse(sql, options: options)
        guard statements.count == 1 else {
            throw ParseError(
                message: statements.isEmpty ? "no statement found" : "expected one statement, found \(statements.count)",
                sql: sql, offset: statements.count > 1 ? statements[1].range.lowerBound : 0, kind: .statementCount)
        }
        return statements[0]
    }

    /// Which reader turns libpg_query's result into nodes.
    enum Reader {
        /// PostgreSQL's C structs (`pg_query_raw_parse`), falling back to JSON for a node the
        /// tree reader does not cover.
        case tree
        /// `pg_query_parse`'s JSON (the reference the tree reader is tested against).
        case json
    }

    /// A RawStmt as a statement with its range in the SQL (stmt_len 0: to the end); nil when empty.
    private static func statement(_ raw: RawStmt, in bytes: UnsafeBufferPointer<UInt8>) -> ParsedStatement? {
        guard let node = raw.stmt else { return nil }
        let lower = Int(raw.stmtLocation)
        let upper = raw.stmtLen == 0 ? bytes.count : lower + Int(raw.stmtLen)
        return ParsedStatement(node: node, range: trimmed(lower..<upper, in: bytes))
    }

    /// The error libpg_query reported, as a ``ParseError``.
    private static func parseError(_ err: UnsafeMutablePointer<PgQueryError>, utf8 bytes: UnsafeBufferPointer<UInt8>, sql: String) -> ParseError {
        let message = err.pointee.message.map { String(cString: $0) } ?? "syntax error"
        let offset = byteOffset(ofCharacterPosition: Int(err.pointee.cursorpos), in: bytes)
        let kind: ParseError.Kind = message.contains("memory exhausted") || message.contains("stack depth") ? .tooDeep : .syntax
        return ParseError(message: message, sql: sql, offset: offset, kind: kind,
                          hint: kind == .tooDeep ? "the statement is nested too deeply for PostgreSQL's parser" : nil)
    }

    private static func nestingError(sql: String, options: ParseOptions) -> ParseError {
        ParseError(message: "statement is nested too deeply (more than \(options.maxDepth) levels, or more than this thread's stack holds)",
                   sql: sql, offset: 0, kind: .tooDeep, hint: "simplify the expression or split the statement")
    }

    /// Parses with `pg_query_raw_parse` and reads PostgreSQL's structs; nil when the tree holds
    /// something the tree reader does not read (the caller then reads the JSON).
    private static func parseTree(cString: UnsafePointer<CChar>, utf8 bytes: UnsafeBufferPointer<UInt8>, sql: String,
                                  options: ParseOptions) throws(ParseError) -> [ParsedStatement]? {
        let context = pg_query_enter_memory_context()
        let result = pg_query_raw_parse(cString)
        // The tree lives in the memory context; the buffer and the error were malloc'ed.
        defer {
            pg_query_exit_memory_context(context)
            free(result.stderr_buffer)
            if let error = result.error { pg_query_free_error(error) }
        }
        if let err = result.error { throw parseError(err, utf8: bytes, sql: sql) }
        guard let tree = result.tree else { return [] }
        var reader = TreeReader(keepLocations: options.keepLocations, maxDepth: options.maxDepth)
        let (count, cells) = TreeReader.cells(of: UnsafeRawPointer(tree))
        var statements: [ParsedStatement] = []
        statements.reserveCapacity(count)
        do {
            for i in 0..<count {
                guard let rawStatement = cells.load(fromByteOffset: i &* 8, as: UnsafeRawPointer?.self) else { continue }
                if let statement = statement(try RawStmt.readTree(&reader, rawStatement), in: bytes) { statements.append(statement) }
            }
        } catch {
            if error.isNesting { throw nestingError(sql: sql, options: options) }
            return nil
        }
        return statements
    }

    private static func parseJSON(cString: UnsafePointer<CChar>, utf8 bytes: UnsafeBufferPointer<UInt8>, sql: String,
                                  options: ParseOptions) throws(ParseError) -> [ParsedStatement] {
        let result = pg_query_parse(cString)
        defer { pg_query_free_parse_result(result) }
        if let err = result.error { throw parseError(err, utf8: bytes, sql: sql) }
        guard let tree = result.parse_tree else { return [] }
        let json = UnsafeBufferPointer(start: UnsafeRawPointer(tree).assumingMemoryBound(to: UInt8.self), count: strlen(tree))
        // The reader's cache of name lists lives on this call's stack: nothing is shared between parses.
        let outcome = withUnsafeTemporaryAllocation(of: JSONReader.CachedList.self, capacity: JSONReader.listCacheCapacity) { cache in
            var reader = JSONReader(json: json, source: bytes, keepLocations: options.keepLocations, maxDepth: options.maxDepth,
                                    listCache: cache.baseAddress!)
            defer { reader.releaseListCache() }
            do throws(ParseError) {
                return Result<[ParsedStatement], ParseError>.success(try readStatements(&reader, utf8: bytes, sql: sql, options: options))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    private static func readStatements(_ reader: inout JSONReader, utf8 bytes: UnsafeBufferPointer<UInt8>, sql: String, options: ParseOptions) throws(ParseError) -> [ParsedStatement] {
        var statements: [ParsedStatement] = []
        do {
            // ParseResult's fields read here rather than by `ParseResult.read`: each RawStmt becomes a
            // ParsedStatement as it is read, without an intermediate array of RawStmt.
            try reader.enterObject()
            while let key = try reader.nextKey() {
                switch key {
                case versionKey:
                    _ = try reader.readInt32()
                case stmtsKey:
                    try reader.readEachElement { (r: inout JSONReader) throws(JSONReadError) in
                        if let statement = statement(try RawStmt.read(&r), in: bytes) { statements.append(statement) }
                    }
                default:
                    try reader.skipValue()
                }
            }
        } catch {
            if reader.isNestingError { throw nestingError(sql: sql, options: options) }
            throw ParseError(message: "internal error reading the parse tree: \(error.message) at JSON offset \(error.offset)",
                             sql: sql, offset: 0, kind: .internal)
        }
        return statements
    }

    private static let versionKey = JSONReader.keyHash("version")
    private static let stmtsKey = JSONReader.keyHash("stmts")

    /// PostgreSQL reports a 1-based character position; convert to a 0-based UTF-8 byte offset.
    private static func byteOffset(ofCharacterPosition position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard position > 0 else { return 0 }
        var characters = 0
        var i = 0
        while i < bytes.count {
            if characters == position - 1 { return i }
            // Count only lead bytes, as PostgreSQL counts characters.
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            characters += 1
        }
        return bytes.count
    }

    /// libpg_query's statement ranges include the whitespace and comments before the statement.
    private static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = min(range.upperBound, bytes.count)
        while lower < upper {
            let b = bytes[lower]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                lower += 1
            } else if b == UInt8(ascii: "-"), lower + 1 < upper, bytes[lower + 1] == UInt8(ascii: "-") {
                while lower < upper, bytes[lower] != 0x0A { lower += 1 }
            } else if b == UInt8(ascii: "/"), lower + 1 < upper, bytes[lower + 1] == UInt8(ascii: "*") {
                var level = 0
                repeat {
                    if bytes[lower] == UInt8(ascii: "/"), lower + 1 < upper, bytes[lower + 1] == UInt8(ascii: "*") {
                        level += 1; lower += 2
                    } else if bytes[lower] == UInt8(ascii: "*"), lower + 1 < upper, bytes[lower + 1] == UInt8(ascii: "/") {
                        level -= 1; lower += 2
                    } else { lower += 1 }
                } while level > 0 && lower < upper
            } else {
                break
            }
        }
        while upper > lower {
            let b = bytes[upper - 1]
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == UInt8(ascii: ";") else { break }
            upper -= 1
        }
        return lower..<upper
    }
}
