import Foundation
import Testing
import ShardPlanner

/// Every corpus query's plan against its reviewed golden file (`Golden/<suite>/<query>.txt`).
/// Regenerate with `SHARDPLAN_UPDATE_GOLDEN=1 swift test --filter GoldenPlanTests` (or
/// `shardplan golden Corpus Golden --update`) and read every diff before committing.
struct GoldenPlanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyCorpusQueryMatchesItsGoldenPlan() throws {
        let suite = GoldenSuite(corpus: Self.root.appendingPathComponent("Corpus"), golden: Self.root.appendingPathComponent("Golden"))
        let update = ProcessInfo.processInfo.environment["SHARDPLAN_UPDATE_GOLDEN"] == "1"
        let report = try suite.run(update: update)
        for difference in report.differences.prefix(20) {
            Issue.record("\(difference.name) differs from its golden file:\n\(difference.diff)")
        }
        #expect(report.failed == 0)
        #expect(report.missing.isEmpty, "queries without a golden file: \(report.missing.prefix(10))")
        #expect(report.passed + report.written >= 250, "the corpus should hold at least 250 queries")
        let summary = report.classes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        print("golden plans: \(report.passed) passed, \(report.failed) failed; \(summary)")
    }
}
