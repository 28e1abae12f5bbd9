import SQLSyntax
import Testing
@testable import ShardRunner

/// The comparison rules of `verify`, on hand-made results (no servers).
@Suite struct ComparisonTests {
    static func analysis(_ sql: String) throws -> StatementAnalysis {
        StatementAnalysis(try SQLParser.parseOne(sql))
    }

    static func result(_ names: [String], _ rows: [[String?]], types: [UInt32]? = nil) -> QueryResult {
        QueryResult(columns: zip(names, types ?? Array(repeating: 25, count: names.count)).map { ResultColumn(name: $0.0, typeOID: $0.1) },
                    rows: rows)
    }

    @Test func multisetIgnoresOrderButNotMultiplicity() throws {
        let a = try Self.analysis("SELECT k FROM t")
        let expected = Self.result(["k"], [["1"], ["2"], ["2"]])
        #expect(ResultComparison(expected: expected, actual: Self.result(["k"], [["2"], ["1"], ["2"]]), analysis: a).difference == nil)
        let difference = ResultComparison(expected: expected, actual: Self.result(["k"], [["2"], ["1"], ["1"]]), analysis: a).difference
        #expect(difference?.contains("- (2)") == true && difference?.contains("+ (1)") == true)
    }

    @Test func orderByComparesRunsInOrder() throws {
        let a = try Self.analysis("SELECT k, v FROM t ORDER BY k")
        #expect(a.orderColumns == [0])
        let expected = Self.result(["k", "v"], [["1", "a"], ["1", "b"], ["2", "c"]])
        // Ties within a run may come in any order.
        #expect(ResultComparison(expected: expected, actual: Self.result(["k", "v"], [["1", "b"], ["1", "a"], ["2", "c"]]), analysis: a).difference == nil)
        // Runs out of order are wrong.
        #expect(ResultComparison(expected: expected, actual: Self.result(["k", "v"], [["2", "c"], ["1", "a"], ["1", "b"]]), analysis: a).difference != nil)
    }

    @Test func numericKeysThatPrintDifferentlyAreOneRun() throws {
        // `coalesce(amount, 0)`: NULL amounts give 0, zero amounts 0.00; ORDER BY holds them
        // equal, so they come in any order (found by the random differential test).
        let a = try Self.analysis("SELECT k, d FROM t ORDER BY 1, 2")
        let numeric = [ResultComparison.numericOID, 1082]
        let expected = Self.result(["k", "d"], [["0", "2024-01-01"], ["0.00", "2024-01-01"], ["1.50", "2024-01-01"]], types: numeric)
        let actual = Self.result(["k", "d"], [["0.00", "2024-01-01"], ["0", "2024-01-01"], ["1.50", "2024-01-01"]], types: numeric)
        #expect(ResultComparison(expected: expected, actual: actual, analysis: a).difference == nil)
        // Still one value each: 0 returned where 0.00 was expected is a difference.
        let changed = Self.result(["k", "d"], [["0", "2024-01-01"], ["0", "2024-01-01"], ["1.50", "2024-01-01"]], types: numeric)
        #expect(ResultComparison(expected: expected, actual: changed, analysis: a).difference != nil)
        // And a run out of order is wrong as before.
        let reordered = Self.result(["k", "d"], [["1.5", "2024-01-01"], ["0", "2024-01-01"], ["0.00", "2024-01-01"]], types: numeric)
        #expect(ResultComparison(expected: expected, actual: reordered, analysis: a).difference != nil)
        #expect(ResultComparison.orderKey("-0.000", type: ResultComparison.numericOID) == "0")
        #expect(ResultComparison.orderKey("10.500", type: ResultComparison.numericOID) == "10.5")
        #expect(ResultComparison.orderKey("100", type: ResultComparison.numericOID) == "100")
        #expect(ResultComparison.orderKey("0.00", type: 25) == "0.00")
    }

    @Test func orderKeysByPositionNameAndExpression() throws {
        #expect(try Self.analysis("SELECT a, b AS total FROM t ORDER BY 2, a").orderColumns == [1, 0])
        #expect(try Self.analysis("SELECT c.name, count(*) FROM c GROUP BY 1 ORDER BY count(*) DESC, c.name").orderColumns == [1, 0])
        // A key that is not an output column ends the usable prefix.
        #expect(try Self.analysis("SELECT a FROM t ORDER BY b, a").orderColumns == [])
        #expect(try Self.analysis("SELECT a, b FROM t ORDER BY a, c, b").orderColumns == [0])
    }

    @Test func limitCutsTheLastRunAnywhereAmongTies() throws {
        let a = try Self.analysis("SELECT k, v FROM t ORDER BY k LIMIT 3")
        let expected = Self.result(["k", "v"], [["1", "a"], ["2", "b"], ["2", "c"]])
        #expect(ResultComparison(expected: expected, actual: Self.result(["k", "v"], [["1", "a"], ["2", "d"], ["2", "b"]]), analysis: a).difference == nil)
        // ...but not in the runs before it.
        #expect(ResultComparison(expected: expected, actual: Self.result(["k", "v"], [["1", "z"], ["2", "b"], ["2", "c"]]), analysis: a).difference != nil)
        // LIMIT without ORDER BY: the count only, and said so.
        let unordered = ResultComparison(expected: expected, actual: Self.result(["k", "v"], [["9", "x"], ["8", "y"], ["7", "z"]]),
                                         analysis: try Self.analysis("SELECT k, v FROM t LIMIT 3"))
        #expect(unordered.difference == nil && unordered.notes.count == 1)
    }

    @Test func volatileValuesAreReportedNotCompared() throws {
        let columns = try Self.analysis("SELECT id, random() AS r, now() FROM t")
        #expect(columns.volatileColumns == [1, 2] && !columns.volatileRows)
        let compared = ResultComparison(expected: Self.result(["id", "r", "now"], [["1", "0.5", "x"]]),
                                        actual: Self.result(["id", "r", "now"], [["1", "0.7", "y"]]), analysis: columns)
        #expect(compared.difference == nil && compared.notes.first?.contains("not compared") == true)
        let wrongId = ResultComparison(expected: Self.result(["id", "r", "now"], [["1", "0.5", "x"]]),
                                       actual: Self.result(["id", "r", "now"], [["2", "0.5", "x"]]), analysis: columns)
        #expect(wrongId.difference != nil)
        let rows = try Self.analysis("SELECT id FROM t WHERE created_at > now() - interval '1 day'")
        #expect(rows.volatileRows)
        #expect(try Self.analysis("SELECT ctid, id FROM t").volatileColumns == [0])
        #expect(try Self.analysis("SELECT id FROM t WHERE d < CURRENT_DATE").volatileRows)
        #expect(!(try Self.analysis("SELECT id, 'random()' FROM t WHERE name = 'now'").isVolatile))
        let update = try Self.analysis("UPDATE t SET seen = now() WHERE id = 1 RETURNING id")
        #expect(update.volatileWrite && !update.volatileRows && update.volatileColumns.isEmpty)
    }

    @Test func floatsAreComparedAtTwelveDigits() throws {
        let a = try Self.analysis("SELECT avg(x) FROM t")
        let expected = Self.result(["avg"], [["0.30000000000000004"]], types: [701])
        #expect(ResultComparison(expected: expected, actual: Self.result(["avg"], [["0.3"]], types: [701]), analysis: a).difference == nil)
        #expect(ResultComparison(expected: expected, actual: Self.result(["avg"], [["0.3001"]], types: [701]), analysis: a).difference != nil)
        // numeric is compared exactly.
        #expect(ResultComparison(expected: Self.result(["n"], [["1.50"]], types: [1700]), actual: Self.result(["n"], [["1.5"]], types: [1700]),
                                 analysis: a).difference != nil)
    }

    @Test func columnNamesAndTypesMustMatch() throws {
        let a = try Self.analysis("SELECT count(*) FROM t")
        #expect(ResultComparison(expected: Self.result(["count"], [["1"]], types: [20]), actual: Self.result(["sum"], [["1"]], types: [20]),
                                 analysis: a).difference?.contains("columns differ") == true)
        #expect(ResultComparison(expected: Self.result(["count"], [["1"]], types: [20]), actual: Self.result(["count"], [["1"]], types: [1700]),
                                 analysis: a).difference?.contains("type oid") == true)
    }

    @Test func distinctOnTiesAreComparedOnKeys() throws {
        let a = try Self.analysis("SELECT DISTINCT ON (k) k, v FROM t ORDER BY k")
        #expect(a.hasDistinctOn)
        let compared = ResultComparison(expected: Self.result(["k", "v"], [["1", "a"], ["2", "b"]]),
                                        actual: Self.result(["k", "v"], [["1", "x"], ["2", "b"]]), analysis: a)
        #expect(compared.difference == nil && compared.notes.count == 1)
    }

    @Test func parametersAndNamesFromAQueriesFile() throws {
        let statements = try VerificationStatement.read("""
            -- first
            SELECT 1;

            -- params: $1 = 42, $2 = 'it''s, here', $3 = NULL
            SELECT * FROM t WHERE id = $1 AND name = $2 OR $3 IS NULL;
            """, fileName: "q.sql")
        #expect(statements.count == 2)
        #expect(statements[0].name == "q.sql:2" && statements[0].parameters.isEmpty)
        #expect(statements[1].name == "q.sql:5")
        #expect(statements[1].parameters == ["42", "it's, here", nil])
        #expect(throws: ShardRunnerError.self) { try VerificationStatement.read("-- params: $2 = 1\nSELECT $2;", fileName: "x.sql") }
        #expect(throws: ShardRunnerError.self) { try VerificationStatement.read("SELECT FROM FROM;", fileName: "x.sql") }
    }
}
