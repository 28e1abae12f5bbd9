import SQLSyntax

extension VerificationStatement {
    /// The statements of a queries file, each named `FILE:LINE`.
    ///
    /// A comment line `-- params: $1 = 42, $2 = 'shipped', $3 = NULL` before a statement gives
    /// the values of its parameters (as in the corpus files); values are SQL literals: a quoted
    /// string, NULL, or a bare word or number.
    ///
    /// - Throws: ``ShardRunnerError`` with the parse error's position, or for a malformed
    ///   `-- params:` line.
    public static func read(_ text: String, fileName: String) throws(ShardRunnerError) -> [VerificationStatement] {
        let statements: [ScriptStatement]
        do {
            statements = try SQLScript.parse(text)
        } catch {
            throw ShardRunnerError("\(fileName):\(error.line):\(error.column): \(error.message)")
        }
        let bytes = Array(text.utf8)
        var result: [VerificationStatement] = []
        var previousEnd = 0
        // The line the next region starts on, kept as regions are passed rather than counted
        // from the start of the file for every statement.
        var regionStartLine = 1
        for statement in statements {
            let regionBytes = bytes[previousEnd..<statement.range.upperBound]
            let region = String(decoding: regionBytes, as: UTF8.self)
            previousEnd = statement.range.upperBound
            defer { regionStartLine += regionBytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            var parameters: [String?] = []
            var firstCodeLine: Int? = nil
            for (offset, line) in region.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix("-- params:") {
                    parameters = try parseParameters(trimmed.dropFirst("-- params:".count), at: "\(fileName):\(regionStartLine + offset)")
                } else if firstCodeLine == nil, !trimmed.isEmpty, !trimmed.hasPrefix("--"), trimmed != ";" {
                    firstCodeLine = regionStartLine + offset
                }
            }
            let sql = statement.text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.drop { $0 == " " }.hasPrefix("--") }.joined(separator: "\n")
            result.append(VerificationStatement(name: "\(fileName):\(firstCodeLine ?? regionStartLine)", sql: sql, parameters: parameters))
        }
        return result
    }

    /// `$1 = 42, $2 = 'it''s'` → ["42", "it's"].
    static func parseParameters(_ text: Substring, at place: String) throws(ShardRunnerError) -> [String?] {
        var values: [Int: String?] = [:]
        var rest = text[...]
        func skipSpaces() { rest = rest.drop { $0 == " " || $0 == "\t" } }
        while true {
            skipSpaces()
            if rest.isEmpty { break }
            guard rest.first == "$" else { throw ShardRunnerError("\(place): expected $N = value in -- params:, found \(rest)") }
            rest = rest.dropFirst()
            let digits = rest.prefix { $0.isNumber }
            guard let number = Int(digits), number >= 1 else { throw ShardRunnerError("\(place): expected a parameter number after $") }
            rest = rest.dropFirst(digits.count)
            skipSpaces()
            guard rest.first == "=" else { throw ShardRunnerError("\(place): expected = after $\(number)") }
            rest = rest.dropFirst()
            skipSpaces()
            if rest.first == "'" {
                var value = ""
                var index = rest.index(after: rest.startIndex)
                var closed = false
                while index < rest.endIndex {
                    let character = rest[index]
                    index = rest.index(after: index)
                    if character == "'" {
                        if index < rest.endIndex, rest[index] == "'" {
                            value.append("'")
                            index = rest.index(after: index)
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard closed else { throw ShardRunnerError("\(place): unterminated quoted value for $\(number)") }
                values[number] = value
                rest = rest[index...]
            } else {
                let word = rest.prefix { $0 != "," }.trimmingSuffixSpaces()
                guard !word.isEmpty else { throw ShardRunnerError("\(place): missing value for $\(number)") }
                values[number] = word.uppercased() == "NULL" ? nil : String(word)
                rest = rest.dropFirst(rest.prefix { $0 != "," }.count)
            }
            skipSpaces()
            if rest.first == "," { rest = rest.dropFirst() } else if !rest.isEmpty {
                throw ShardRunnerError("\(place): expected , between parameters, found \(rest)")
            }
        }
        let count = values.keys.max() ?? 0
        var result: [String?] = []
        for number in stride(from: 1, through: count, by: 1) {
            guard let value = values[number] else { throw ShardRunnerError("\(place): no value for $\(number)") }
            result.append(value)
        }
        return result
    }
}

extension Substring {
    fileprivate func trimmingSuffixSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
        return self[startIndex..<end]
    }
}
