import SQLSyntax

/// The text a statement was parsed from: the whole input and the statement's byte range in it
/// (node locations count from the start of the input).
struct StatementSource {
    let sql: String
    let range: Range<Int>

    /// The statement with each edit's relation name replaced by its `relation`, followed by
    /// ` AS alias` when the edit has one (as the deparser writes it). Nil when the text is not
    /// simple enough to edit safely: it has a comment (`--` or `/*`, even inside a string: the
    /// check is conservative), or the text at an edit's location does not spell its name (each
    /// identifier plain and folded to lower case, or quoted), or a name is not followed by
    /// whitespace and an alias or keyword.
    func replacingRelations(_ edits: [RelationEdit]) -> String? {
        var text = sql
        return text.withUTF8 { bytes -> String? in
            let lower = range.lowerBound, upper = min(range.upperBound, bytes.count)
            let dash = UInt8(ascii: "-"), slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), dot = UInt8(ascii: "."), quote = UInt8(ascii: "\"")
            var position = lower
            while position + 1 < upper {
                let byte = bytes[position], next = bytes[position + 1]
                if (byte == dash && next == dash) || (byte == slash && next == star) { return nil }
                position += 1
            }
            func skipSpace(_ start: Int) -> Int {
                var at = start
                while at < upper, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x0C { at += 1 }
                return at
            }
            // Letters, `_` and bytes of multibyte characters start a plain identifier, as in
            // PostgreSQL's scanner; digits and `$` may follow.
            func isStart(_ b: UInt8) -> Bool { (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || b == UInt8(ascii: "_") || b >= 0x80 }
            // The end of the identifier at `start` if it spells `expected`: "quoted" (with "" for
            // a quote) and equal, or plain and equal once ASCII letters are lower-cased.
            func identifierEnd(_ start: Int, spelling expected: String) -> Int? {
                guard start < upper else { return nil }
                // Compared byte by byte as read, without collecting the spelling.
                var expectedBytes = expected.utf8.makeIterator()
                var at = start
                if bytes[start] == quote {
                    at += 1
                    while true {
                        guard at < upper else { return nil }
                        if bytes[at] == quote {
                            guard at + 1 < upper, bytes[at + 1] == quote else { at += 1; break }
                            at += 1
                        }
                        guard expectedBytes.next() == bytes[at] else { return nil }
                        at += 1
                    }
                } else {
                    guard isStart(bytes[start]) else { return nil }
                    while at < upper, isStart(bytes[at]) || (bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")) || bytes[at] == UInt8(ascii: "$") {
                        let b = bytes[at]
                        guard expectedBytes.next() == (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b) else { return nil }
                        at += 1
                    }
                }
                return expectedBytes.next() == nil ? at : nil
            }
            // Each edit's name spans `location..<end`; edits in text order, not overlapping.
            var spans: [(start: Int, end: Int, edit: RelationEdit)] = []
            spans.reserveCapacity(edits.count)
            // The marker meets tables in clause order, not text order (a subquery in the target
            // list comes before FROM): sorted when needed.
            let ordered = zip(edits, edits.dropFirst()).allSatisfy { $0.location < $1.location } ? edits : edits.sorted { $0.location < $1.location }
            for edit in ordered {
                guard edit.location >= (spans.last?.end ?? lower), edit.location < upper else { return nil }
                var end = edit.location
                for (index, part) in edit.name.enumerated() {
                    if index > 0 {
                        end = skipSpace(end)
                        guard end < upper, bytes[end] == dot else { return nil }
                        end = skipSpace(end + 1)
                    }
                    guard let after = identifierEnd(end, spelling: part) else { return nil }
                    end = after
                }
                // What follows stays in place: after whitespace an alias or a keyword (WHERE, JOIN,
                // ON...), or a comma, a closing parenthesis or the end of the statement.
                let following = skipSpace(end)
                if following < upper, bytes[following] != UInt8(ascii: ","), bytes[following] != UInt8(ascii: ")") {
                    guard following > end, isStart(bytes[following]) || bytes[following] == quote else { return nil }
                }
                spans.append((edit.location, end, edit))
            }
            var capacity = upper - lower
            for span in spans { capacity += span.edit.relation.utf8.count + (span.edit.alias.map { $0.utf8.count + 4 } ?? 0) }
            return String(capacity: capacity) { out in
                var copied = lower
                for span in spans {
                    out.write(UnsafeBufferPointer(rebasing: bytes[copied..<span.start]))
                    out.write(span.edit.relation)
                    if let alias = span.edit.alias {
                        out.write(" AS ")
                        out.write(alias)
                    }
                    copied = span.end
                }
                out.write(UnsafeBufferPointer(rebasing: bytes[copied..<upper]))
            }
        }
    }
}

/// One relation of a statement's text to replace: where its name starts, the name's identifiers,
/// the text to put instead, and an alias to add when the statement gave none.
struct RelationEdit {
    let location: Int
    let name: [String]
    let relation: String
    let alias: String?

    init(location: Int, name: [String], relation: String, alias: String?) {
        self.location = location
        self.name = name
        self.relation = relation
        self.alias = alias
    }

    init(_ range: RangeVar, relation: String, alias: String?) {
        self.init(location: Int(range.location), name: range.schemaname.isEmpty ? [range.relname] : [range.schemaname, range.relname],
                  relation: relation, alias: alias)
    }
}
