import Testing
@testable import ShardRunner

/// Which statement parameters the coordinator's merge SQL needs: PREPARE refuses parameters a
/// statement does not use, and `$` is also a character of strings and identifiers.
@Suite struct MergeParameterTests {
    @Test(arguments: [
        ("SELECT remote_scan.a FROM remote_scan", 0),
        ("SELECT remote_scan.a FROM remote_scan LIMIT $1", 1),
        ("SELECT a FROM remote_scan GROUP BY a HAVING sum(b) > $3 LIMIT $1", 3),
        ("SELECT a FROM remote_scan WHERE a = 'costs $1' ", 0),
        ("SELECT a FROM remote_scan WHERE a = 'it''s $2' OR a = $1", 1),
        ("SELECT a FROM remote_scan WHERE a = E'a\\\\' AND b = $2", 2),
        ("SELECT \"price $1\" FROM remote_scan", 0),
        ("SELECT \"a\"\"$1\" FROM remote_scan", 0),
        ("SELECT total$1 FROM remote_scan", 0),
        ("SELECT a FROM remote_scan WHERE a>$12", 12),
        ("SELECT a FROM remote_scan WHERE a = ($2)", 2),
    ])
    func highestParameter(sql: String, expected: Int) {
        #expect(PlanExecutor.highestParameter(in: sql) == expected)
    }
}
