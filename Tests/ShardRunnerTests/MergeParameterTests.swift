import Testing
@testable import ShardRunner

/// Which statement parameters a task's or the merge's SQL uses: PostgreSQL cannot infer the type
/// of a prepared statement's parameter that is not used, so the executor declares those `text`;
/// and `$` is also a character of strings and identifiers.
@Suite struct MergeParameterTests {
    @Test(arguments: [
        ("SELECT remote_scan.a FROM remote_scan", []),
        ("SELECT remote_scan.a FROM remote_scan LIMIT $1", [1]),
        ("SELECT a FROM remote_scan GROUP BY a HAVING sum(b) > $3 LIMIT $1", [1, 3]),
        ("SELECT a FROM remote_scan WHERE a = 'costs $1' ", []),
        ("SELECT a FROM remote_scan WHERE a = 'it''s $2' OR a = $1", [1]),
        ("SELECT a FROM remote_scan WHERE a = E'a\\\\' AND b = $2", [2]),
        ("SELECT \"price $1\" FROM remote_scan", []),
        ("SELECT \"a\"\"$1\" FROM remote_scan", []),
        ("SELECT total$1 FROM remote_scan", []),
        ("SELECT a FROM remote_scan WHERE a>$12", [12]),
        ("SELECT a FROM remote_scan WHERE a = ($2)", [2]),
        ("SELECT a FROM t WHERE b > $2 AND c = $2 ORDER BY a LIMIT $4", [2, 4]),
    ] as [(String, Set<Int>)])
    func parameterNumbers(sql: String, expected: Set<Int>) {
        #expect(PlanExecutor.parameterNumbers(in: sql) == expected)
    }
}
