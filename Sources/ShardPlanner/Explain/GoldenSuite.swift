import Foundation
import ShardCatalog

/// Golden-file regression: every query of every corpus suite is planned and its explain text
/// compared with the reviewed file under the golden folder.
///
/// Layout: `CORPUS/<suite>/schema.sql` and `CORPUS/<suite>/queries/<name>.sql` (one statement);
/// `GOLDEN/<suite>/<name>.txt` holds the query and its plan (or its error).
public struct GoldenSuite: Sendable {
    public struct Report: Sendable {
        public var passed = 0
        public var failed = 0
        /// Golden files written by `update`.
        public var written = 0
        /// `(suite/name, unified diff)` for each difference.
        public var differences: [(name: String, diff: String)] = []
        /// Queries per planner class (or `error: <kind>`).
        public var classes: [String: Int] = [:]
        /// Corpus queries without a golden file (when not updating).
        public var missing: [String] = []
    }

    public let corpus: URL
    public let golden: URL

    public init(corpus: URL, golden: URL) {
        self.corpus = corpus
        self.golden = golden
    }

    /// The suites: folders of the corpus holding a schema.sql.
    public func suites() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { name in
            FileManager.default.fileExists(atPath: corpus.appendingPathComponent(name).appendingPathComponent("schema.sql").path)
        }.sorted()
    }

    /// Plans every query and compares (or, with `update`, rewrites the golden files).
    public func run(update: Bool = false, suites only: [String]? = nil) throws -> Report {
        var report = Report()
        for suite in try suites() where only.map({ $0.contains(suite) }) ?? true {
            let suiteURL = corpus.appendingPathComponent(suite)
            let schema = try String(contentsOf: suiteURL.appendingPathComponent("schema.sql"), encoding: .utf8)
            let catalog = try SchemaLoader.load(schema, fileName: "\(suite)/schema.sql").catalog
            let planner = DistributedPlanner(catalog: catalog)
            let queriesURL = suiteURL.appendingPathComponent("queries")
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: queriesURL.path)) ?? []).filter { $0.hasSuffix(".sql") }.sorted()
            for file in files {
                let name = String(file.dropLast(4))
                let sql = try String(contentsOf: queriesURL.appendingPathComponent(file), encoding: .utf8)
                let (text, label) = Self.render(sql: sql, planner: planner)
                report.classes[label, default: 0] += 1
                let goldenURL = golden.appendingPathComponent(suite).appendingPathComponent(name + ".txt")
                let expected = try? String(contentsOf: goldenURL, encoding: .utf8)
                if expected == text {
                    report.passed += 1
                    continue
                }
                if update {
                    try FileManager.default.createDirectory(at: goldenURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try text.write(to: goldenURL, atomically: true, encoding: .utf8)
                    report.written += 1
                    if expected != nil { report.differences.append(("\(suite)/\(name)", UnifiedDiff.diff(expected ?? "", text, name: "\(suite)/\(name).txt"))) }
                    continue
                }
                report.failed += 1
                if expected == nil { report.missing.append("\(suite)/\(name)") }
                report.differences.append(("\(suite)/\(name)", UnifiedDiff.diff(expected ?? "", text, name: "\(suite)/\(name).txt")))
            }
        }
        return report
    }

    /// The golden text of one query: the statement, then its plan or its error.
    public static func render(sql: String, planner: DistributedPlanner) -> (text: String, label: String) {
        let statement = sql.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("--") }.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        var text = sql.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        do {
            let plan = try planner.plan(statement)
            text += plan.explainText(allTasks: false, taskList: true)
            return (text, plan.planClass.rawValue)
        } catch {
            text += "ERROR (\(error.kind.rawValue)): \(error.message)\n"
            if let detail = error.detail { text += "DETAIL: \(detail)\n" }
            if let hint = error.hint { text += "HINT: \(hint)\n" }
            return (text, "error: \(error.kind.rawValue)")
        }
    }
}

/// A unified diff of two texts, line by line (longest common subsequence).
public enum UnifiedDiff {
    public static func diff(_ old: String, _ new: String, name: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let n = a.count, m = b.count
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] { ops.append((" ", a[i])); i += 1; j += 1 }
            else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] { ops.append(("+", b[j])); j += 1 }
            else { ops.append(("-", a[i])); i += 1 }
        }
        var out = "--- \(name) (golden)\n+++ \(name) (actual)\n"
        var index = 0
        while index < ops.count {
            guard ops[index].0 != " " else { index += 1; continue }
            let start = max(0, index - context)
            var end = index
            var lastChange = index
            while end < ops.count && end - lastChange <= context * 2 {
                if ops[end].0 != " " { lastChange = end }
                end += 1
            }
            end = min(ops.count, lastChange + context + 1)
            out += "@@\n"
            for op in ops[start..<end] { out += "\(op.0)\(op.1)\n" }
            index = end
        }
        return out
    }
}
