/// One statement of a SQL script, with the rows that follow it when it is `COPY ... FROM STDIN`.
public struct ScriptStatement: Sendable, Hashable {
    /// The statement's syntax tree.
    public var node: Node
    /// Where the statement stands in the script, in UTF-8 bytes, without the terminating `;`.
    public var range: Range<Int>
    /// The statement's text (the script's bytes in ``range``).
    public var text: String
    /// For `COPY ... FROM STDIN`: the data lines that follow the statement in the script, each
    /// ending with a line break, without the terminating `\.` line. Nil for other statements.
    public var copyData: String?

    public init(node: Node, range: Range<Int>, text: String, copyData: String? = nil) {
        self.node = node
        self.range = range
        self.text = text
        self.copyData = copyData
    }
}

/// Reads SQL scripts as psql runs them: statements separated by `;`, and the inline data of
/// `COPY ... FROM STDIN` up to its `\.` line, which PostgreSQL's grammar cannot read.
public enum SQLScript {
    /// Splits and parses a script.
    ///
    /// - Throws: ``ParseError`` with the position in the whole script.
    public static func parse(_ script: String, options: ParseOptions = .default) throws(ParseError) -> [ScriptStatement] {
        let bytes = Array(script.utf8)
        var statements: [ScriptStatement] = []
        var start = 0
        while start < bytes.count {
            var end = statementEnd(in: bytes, from: start)
            var parsed: [ParsedStatement]
            while true {
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                do {
                    parsed = try SQLParser.parse(text, options: options)
                    break
                } catch {
                    // A `;` inside a statement (a BEGIN ATOMIC function body) ends the piece early:
                    // the grammar then fails at the end of the piece. Take the next piece too.
                    if error.kind == .syntax, error.offset >= text.utf8.count, end < bytes.count {
                        end = statementEnd(in: bytes, from: end + 1)
                        continue
                    }
                    throw ParseError(message: error.message, sql: script, offset: start + error.offset, kind: error.kind, hint: error.hint)
                }
            }
            var next = min(end + 1, bytes.count)
            for statement in parsed {
                let range = (start + statement.range.lowerBound)..<(start + statement.range.upperBound)
                var item = ScriptStatement(node: statement.node, range: range,
                                           text: String(decoding: bytes[range], as: UTF8.self))
                if case .copyStmt(let copy) = statement.node, copy.isFrom, !copy.isProgram, copy.filename.isEmpty {
                    let (data, after) = copyData(in: bytes, afterStatementEnd: end)
                    item.copyData = data
                    next = after
                }
                statements.append(item)
            }
            start = next
        }
        return statements
    }

    /// The rows after a `COPY ... FROM STDIN;`: from the next line up to a line holding only `\.`.
    private static func copyData(in bytes: [UInt8], afterStatementEnd end: Int) -> (String, Int) {
        var lineStart = end
        while lineStart < bytes.count, bytes[lineStart] != 0x0A { lineStart += 1 }
        lineStart += 1
        let dataStart = min(lineStart, bytes.count)
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var content = lineEnd
            if content > lineStart, bytes[content - 1] == 0x0D { content -= 1 }
            if content - lineStart == 2, bytes[lineStart] == UInt8(ascii: "\\"), bytes[lineStart + 1] == UInt8(ascii: ".") {
                return (String(decoding: bytes[dataStart..<lineStart], as: UTF8.self), min(lineEnd + 1, bytes.count))
            }
            lineStart = lineEnd + 1
        }
        return (String(decoding: bytes[dataStart..<bytes.count], as: UTF8.self), bytes.count)
    }

    /// The offset of the `;` that ends the statement starting at `start` (or the end of the text),
    /// skipping quoted strings, quoted identifiers, dollar quotes and comments.
    static func statementEnd(in b: [UInt8], from start: Int) -> Int {
        let n = b.count
        var i = start
        func isIdentifier(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x24 || c >= 0x80
        }
        while i < n {
            let c = b[i]
            switch c {
            case UInt8(ascii: "-") where i + 1 < n && b[i + 1] == UInt8(ascii: "-"):
                while i < n, b[i] != 0x0A { i += 1 }
                continue
            case UInt8(ascii: "/") where i + 1 < n && b[i + 1] == UInt8(ascii: "*"):
                var depth = 0
                while i < n {
                    if b[i] == UInt8(ascii: "/"), i + 1 < n, b[i + 1] == UInt8(ascii: "*") { depth += 1; i += 2; continue }
                    if b[i] == UInt8(ascii: "*"), i + 1 < n, b[i + 1] == UInt8(ascii: "/") {
                        depth -= 1; i += 2
                        if depth == 0 { break }
                        continue
                    }
                    i += 1
                }
                continue
            case UInt8(ascii: "'"):
                // E'...' strings take backslash escapes; standard strings do not.
                let escapes = i > start && (b[i - 1] == UInt8(ascii: "E") || b[i - 1] == UInt8(ascii: "e"))
                    && (i - 1 == start || !isIdentifier(b[i - 2]))
                i += 1
                while i < n {
                    if escapes, b[i] == UInt8(ascii: "\\") { i += 2; continue }
                    if b[i] == UInt8(ascii: "'") {
                        if i + 1 < n, b[i + 1] == UInt8(ascii: "'") { i += 2; continue }
                        break
                    }
                    i += 1
                }
            case UInt8(ascii: "\""):
                i += 1
                while i < n {
                    if b[i] == UInt8(ascii: "\"") {
                        if i + 1 < n, b[i + 1] == UInt8(ascii: "\"") { i += 2; continue }
                        break
                    }
                    i += 1
                }
            case UInt8(ascii: "$") where i == start || !isIdentifier(b[i - 1]):
                var j = i + 1
                if j < n, b[j] >= 0x30, b[j] <= 0x39 { break }  // $1: a parameter
                while j < n, isIdentifier(b[j]), b[j] != UInt8(ascii: "$") { j += 1 }
                guard j < n, b[j] == UInt8(ascii: "$") else { break }
                let tag = b[i...j]
                var k = j + 1
                var closed = false
                while k + tag.count <= n {
                    if b[k] == UInt8(ascii: "$"), b[k..<(k + tag.count)].elementsEqual(tag) {
                        i = k + tag.count - 1
                        closed = true
                        break
                    }
                    k += 1
                }
                if !closed { return n }
            case UInt8(ascii: ";"):
                return i
            default:
                break
            }
            i += 1
        }
        return n
    }
}
