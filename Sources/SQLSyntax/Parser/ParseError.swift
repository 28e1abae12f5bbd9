/// A statement that could not be parsed, with where it went wrong.
public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// PostgreSQL's grammar rejected the text.
        case syntax
        /// The text cannot be SQL at all (a NUL byte, invalid UTF-8).
        case invalidInput
        /// Nested deeper than the parser accepts.
        case tooDeep
        /// One statement was expected and there were none or several.
        case statementCount
        /// libpg_query printed something this reader does not understand (a bug).
        case `internal`
    }

    public var message: String
    public var kind: Kind
    /// Byte offset (UTF-8) into the input.
    public var offset: Int
    /// 1-based line of the offset.
    public var line: Int
    /// 1-based column of the offset, in characters.
    public var column: Int
    /// The input line holding the offset, without its line break.
    public var sourceLine: String
    public var hint: String?

    public init(message: String, sql: String, offset: Int, kind: Kind, hint: String? = nil) {
        self.message = message
        self.kind = kind
        self.hint = hint
        let location = SourceLocation(offset: offset, in: sql)
        self.offset = location.offset
        self.line = location.line
        self.column = location.column
        self.sourceLine = location.lineText
    }

    /// The message, the line and column, the offending line and a caret under the position.
    public var rendered: String {
        var out = "error: \(message)\n  --> line \(line), column \(column)\n"
        let visible = sourceLine.replacingTabs()
        out += "   | \(visible)\n"
        let prefix = String(sourceLine.prefix(max(0, column - 1))).replacingTabs()
        out += "   | \(String(repeating: " ", count: prefix.count))^"
        if let hint { out += "\nhint: \(hint)" }
        return out
    }

    public var description: String { rendered }
}

/// Line and column of a byte offset.
public struct SourceLocation: Sendable, Hashable {
    public var offset: Int
    public var line: Int
    public var column: Int
    public var lineText: String

    public init(offset requested: Int, in sql: String) {
        let utf8 = Array(sql.utf8)
        let offset = max(0, min(requested, utf8.count))
        var lineStart = 0
        var line = 1
        for i in 0..<offset where utf8[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var lineEnd = offset
        while lineEnd < utf8.count, utf8[lineEnd] != 0x0A { lineEnd += 1 }
        var text = String(decoding: utf8[lineStart..<lineEnd], as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        self.offset = offset
        self.line = line
        self.column = String(decoding: utf8[lineStart..<offset], as: UTF8.self).count + 1
        self.lineText = text
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
