import Testing
@testable import SQLSyntax

@Suite struct ParserTests {
    @Test func emptyInputHasNoStatements() throws {
        #expect(try SQLParser.parse("").isEmpty)
        #expect(try SQLParser.parse("   \n\t ").isEmpty)
    }

    @Test func onlyCommentsHaveNoStatements() throws {
        #expect(try SQLParser.parse("-- nothing here\n/* nor /* nested */ here */").isEmpty)
    }

    @Test func statementsAreSplitWithTheirRanges() throws {
        let sql = "SELECT 1;\n-- second\nSELECT 2 ;  UPDATE t SET a = 1"
        let statements = try SQLParser.parse(sql)
        #expect(statements.count == 3)
        let texts = statements.map { String(decoding: Array(sql.utf8)[$0.range], as: UTF8.self) }
        #expect(texts == ["SELECT 1", "SELECT 2", "UPDATE t SET a = 1"])
    }

    /// String constants whose JSON has escapes (quotes, backslashes, control characters, `\\u`) or
    /// none, short and long, come back as the SQL wrote them; so do repeated names (shared lists).
    @Test func stringConstantsAndRepeatedNamesReadBack() throws {
        let values = ["{\"n\": 1}", "a\\b", "line\nnext\ttab", "bell\u{07}", "été ünï", "😀 and \"quoted\" text that is long",
                      "plain", "", "a longer plain string without escapes"]
        let literals = values.map { SQLDeparser.quoteLiteral($0) }.joined(separator: ", ")
        let options = ParseOptions(keepLocations: false)
        let node = try SQLParser.parseOne("SELECT \(literals), t.a, t.a, t.b FROM t WHERE t.a = 1 AND t.b = 2 AND t.a = 3", options: options)
        guard case .selectStmt(let select) = node else { Issue.record("not a SELECT"); return }
        var read: [String] = []
        var names: [[String]] = []
        for target in select.targetList {
            guard case .resTarget(let r) = target else { continue }
            switch r.val {
            case .aConst(let c)?:
                if case .sval(let s)? = c.val { read.append(s.sval) }
            case .columnRef(let ref)?:
                names.append(ref.fields.compactMap { if case .string(let s) = $0 { s.sval } else { nil } })
            default: break
            }
        }
        #expect(read == values)
        #expect(names == [["t", "a"], ["t", "a"], ["t", "b"]])
        #expect(try SQLParser.parseOne(SQLDeparser.deparse(node), options: options) == node)
    }

    /// Constants are stored inline in `Node` (no box each) only while that keeps `Node` at 24 bytes;
    /// the generator's WIDE_INLINE_NODES relies on it.
    @Test func nodeLayout() {
        #expect(MemoryLayout<A_Const>.size <= 24)
        #expect(MemoryLayout<Node>.size <= 24)
        #expect(MemoryLayout<Node>.stride == 24)
        // Node types with several refcounted fields keep them in one copy-on-write storage.
        #expect(MemoryLayout<SelectStmt>.size == 8)
        #expect(MemoryLayout<FuncCall>.size == 8)
    }

    /// Copy-on-write node types keep value semantics: a mutated copy (set, in-place modify, or a
    /// change to a nested field) never changes the original or the tree it came from.
    @Test func copyOnWriteNodesAreValues() throws {
        let node = try SQLParser.parseOne("SELECT count(a), b FROM t WHERE b > 1 ORDER BY b LIMIT 5")
        guard case .selectStmt(let original) = node else { Issue.record("not a SELECT"); return }
        var copy = original
        #expect(copy == original)
        copy.targetList.removeLast()
        copy.whereClause = nil
        copy.limitCount = nil
        #expect(copy != original)
        #expect(original.targetList.count == 2 && original.whereClause != nil && original.limitCount != nil)
        #expect(try SQLDeparser.deparse(node) == "SELECT count(a), b FROM t WHERE b > 1 ORDER BY b LIMIT 5")

        guard case .resTarget(var target) = original.targetList[0], case .funcCall(var call)? = target.val else {
            Issue.record("not a function call"); return
        }
        call.aggStar = true
        call.args = []
        target.val = .funcCall(call)
        var rewritten = original
        rewritten.targetList[0] = .resTarget(target)
        #expect(try SQLDeparser.deparse(.selectStmt(rewritten)) == "SELECT count(*), b FROM t WHERE b > 1 ORDER BY b LIMIT 5")
        #expect(try SQLDeparser.deparse(node) == "SELECT count(a), b FROM t WHERE b > 1 ORDER BY b LIMIT 5")

        // Equal trees in different storage compare (and hash) equal; a fresh value equals the default.
        let again = try SQLParser.parseOne("SELECT count(a), b FROM t WHERE b > 1 ORDER BY b LIMIT 5")
        #expect(again == node && again.hashValue == node.hashValue)
        #expect(SelectStmt() == SelectStmt())
        // Reflection sees the fields, as it did the stored properties of a plain struct.
        #expect(Mirror(reflecting: original).children.contains { $0.label == "targetList" })
    }

    @Test func syntaxErrorOnLineThreeHasTheCaretUnderTheToken() {
        let sql = "SELECT a,\n       b\nFROM t WHERE x = = 1"
        #expect {
            try SQLParser.parse(sql)
        } throws: { error in
            guard let e = error as? ParseError else { return false }
            return e.message == "syntax error at or near \"=\"" && e.line == 3 && e.column == 18 && e.kind == .syntax
                && e.rendered.contains("   | FROM t WHERE x = = 1\n   |                  ^")
        }
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect {
            try SQLParser.parse("SELECT 'ünï' FROM FROM")
        } throws: { error in
            (error as? ParseError)?.column == 19
        }
    }

    @Test func nulByteIsRefused() {
        #expect {
            try SQLParser.parse("SELECT 1\u{0}; DROP TABLE t")
        } throws: { error in
            guard let e = error as? ParseError else { return false }
            return e.kind == .invalidInput && e.offset == 8
        }
        #expect {
            try SQLText.decode(Array("SELECT\n 'a\u{0}'".utf8))
        } throws: { error in
            guard let e = error as? ParseError else { return false }
            return e.kind == .invalidInput && e.line == 2 && e.column == 4
        }
    }

    @Test func invalidUTF8IsRefusedWithItsPosition() throws {
        let bytes: [UInt8] = Array("SELECT '".utf8) + [0xC3, 0x28] + Array("'".utf8)
        #expect {
            try SQLText.decode(bytes)
        } throws: { error in
            guard let e = error as? ParseError else { return false }
            return e.kind == .invalidInput && e.offset == 8 && e.message.contains("0xC3")
        }
        // Overlong encodings and surrogates are not UTF-8 either.
        #expect(throws: ParseError.self) { try SQLText.decode([0xC0, 0x80]) }
        #expect(throws: ParseError.self) { try SQLText.decode([0xED, 0xA0, 0x80]) }
        #expect(try SQLText.decode(Array("ünïcödé 😀".utf8)) == "ünïcödé 😀")
    }

    @Test func oneMegabyteStatementParses() throws {
        let literal = String(repeating: "x", count: 1 << 20)
        let tree = try SQLParser.parseOne("SELECT '\(literal)' AS big")
        guard case .selectStmt(let s) = tree, case .resTarget(let r) = s.targetList[0], case .aConst(let c)? = r.val,
              case .sval(let v)? = c.val else {
            Issue.record("unexpected tree")
            return
        }
        #expect(v.sval.utf8.count == 1 << 20)
        #expect(try SQLDeparser.deparse(tree).utf8.count == (1 << 20) + 16)
    }

    @Test func tenThousandNestedParenthesesGiveAClearError() {
        let sql = "SELECT " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect {
            try SQLParser.parse(sql)
        } throws: { error in
            (error as? ParseError)?.kind == .tooDeep
        }
    }

    @Test func deepExpressionsBeyondTheLimitGiveAClearError() throws {
        let deep = "SELECT " + String(repeating: "1+(", count: 2_000) + "1" + String(repeating: ")", count: 2_000)
        #expect {
            try SQLParser.parse(deep)
        } throws: { error in
            guard let e = error as? ParseError else { return false }
            return e.kind == .tooDeep && e.message.contains("nested too deeply")
        }
        // Within the limit the tree is built and prints back. (Kept moderate: the synthesized `==` of a
        // 238-case enum has a very large frame in debug builds, and it recurses once per level.)
        let fine = "SELECT " + String(repeating: "1+(", count: 60) + "1" + String(repeating: ")", count: 60)
        let tree = try SQLParser.parseOne(fine, options: ParseOptions(keepLocations: false))
        #expect(try SQLParser.parseOne(SQLDeparser.deparse(tree), options: ParseOptions(keepLocations: false)) == tree)
    }

    @Test func unterminatedStringsAndDollarQuotesAreSyntaxErrors() {
        for sql in ["SELECT 'abc", "SELECT $$abc", "SELECT $tag$abc$ta$", "SELECT \"abc", "SELECT E'\\", "/* open comment"] {
            #expect(throws: ParseError.self, "\(sql)") { try SQLParser.parse(sql) }
        }
    }

    @Test func negativeIntegerConstantsSurviveTheJSON() throws {
        // libpg_query 15-4.0.0 prints non-positive Integer values as empty objects.
        let cases: [(String, Int32)] = [
            ("SELECT -5", -5), ("SELECT 0", 0), ("SELECT - 7", -7), ("SELECT -/* c */ 9", -9), ("SELECT -(12)", -12),
            ("SELECT -2147483647", -2_147_483_647), ("SELECT - -3", 3), ("SELECT -\n-- c\n4", -4),
        ]
        for (sql, value) in cases {
            let tree = try SQLParser.parseOne(sql)
            guard case .selectStmt(let s) = tree, case .resTarget(let r) = s.targetList[0], case .aConst(let c)? = r.val,
                  case .ival(let i)? = c.val else {
                Issue.record("no integer constant in \(sql)")
                continue
            }
            #expect(i.ival == value, "\(sql)")
        }
        #expect(try format("SELECT * FROM t WHERE id = -42 AND k IN (-1, 0, 1)") == "SELECT * FROM t WHERE id = -42 AND k IN (-1, 0, 1)")
    }

    @Test func locationsAreKeptOrDropped() throws {
        let sql = "SELECT a FROM t"
        guard case .selectStmt(let with) = try SQLParser.parseOne(sql),
              case .selectStmt(let without) = try SQLParser.parseOne(sql, options: ParseOptions(keepLocations: false)),
              case .rangeVar(let r1) = with.fromClause[0], case .rangeVar(let r2) = without.fromClause[0] else {
            Issue.record("unexpected tree")
            return
        }
        #expect(r1.location == 14)
        #expect(r2.location == 0)
    }

    @Test func concurrentParsingGivesTheSameTrees() async throws {
        let statements = try CorpusRoundTripTests.corpus("dml.jsonl").prefix(3_000).map { $0 }
        let options = ParseOptions(keepLocations: true)
        let sequential = statements.map { try? SQLParser.parse($0, options: options) }
        let results = await withTaskGroup(of: (Int, [[ParsedStatement]?]).self) { group in
            for task in 0..<8 {
                group.addTask {
                    (task, statements.map { try? SQLParser.parse($0, options: options) })
                }
            }
            var all: [(Int, [[ParsedStatement]?])] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 8)
        for (task, trees) in results {
            #expect(trees == sequential, "task \(task) parsed differently")
        }
    }
}

/// Parse one statement and print it back.
func format(_ sql: String) throws -> String {
    try SQLDeparser.deparse(SQLParser.parseOne(sql))
}
