import Foundation
import ShardCatalog
import ShardPlanner
import Testing
@testable import ShardRunner

/// The differential suite: every query of every corpus suite runs distributed on the shared
/// three-node cluster (a coordinator and two workers) and on a single node; any difference is a
/// failure. Queries the planner refuses are counted, not failed (their errors are golden-tested).
@Suite struct DifferentialTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus")

    static func suites() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter {
            FileManager.default.fileExists(atPath: corpus.appendingPathComponent($0).appendingPathComponent("schema.sql").path)
        }.sorted()
    }

    @Test func everyCorpusQueryReturnsTheSingleNodeAnswer() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let cluster = try await ShardCluster.shared()
        var wrong: [String] = []
        var lines: [String] = []
        var totals: [String: [VerificationOutcome.Verdict: Int]] = [:]
        var noted = 0
        for suite in try Self.suites() {
            let suiteStarted = clock.now
            let folder = Self.corpus.appendingPathComponent(suite)
            let schema = try String(contentsOf: folder.appendingPathComponent("schema.sql"), encoding: .utf8)
            let script = try SchemaLoader.load(schema, fileName: "\(suite)/schema.sql")
            let loaded = try await ShardLoader.load(script, into: cluster, options: .init(
                referenceDatabase: "differential_\(suite)_single", distributedDatabase: "differential_\(suite)_shards"))
            let verifier = Verifier(loaded: loaded, statementTimeout: .seconds(60))
            let queries = folder.appendingPathComponent("queries")
            let files = try FileManager.default.contentsOfDirectory(atPath: queries.path).filter { $0.hasSuffix(".sql") }.sorted()
            var perClass: [String: Int] = [:]
            var verdicts: [VerificationOutcome.Verdict: Int] = [:]
            for file in files {
                let text = try String(contentsOf: queries.appendingPathComponent(file), encoding: .utf8)
                for statement in try VerificationStatement.read(text, fileName: "\(suite)/\(file)") {
                    let outcome = try await verifier.verify(statement)
                    verdicts[outcome.verdict, default: 0] += 1
                    totals[outcome.planClass?.rawValue ?? "unsupported", default: [:]][outcome.verdict, default: 0] += 1
                    if outcome.verdict == .ok { perClass[outcome.planClass?.rawValue ?? "?", default: 0] += 1 }
                    if !outcome.notes.isEmpty { noted += 1 }
                    if outcome.verdict == .wrong {
                        wrong.append("\(statement.name): WRONG (\(outcome.planClass?.rawValue ?? "?"))\n\(outcome.message ?? "")\n"
                                     + outcome.notes.map { "note: \($0)" }.joined(separator: "\n"))
                    }
                }
            }
            let classes = perClass.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("\(suite): \(verdicts[.ok] ?? 0) ok (\(classes)), \(verdicts[.wrong] ?? 0) WRONG, \(verdicts[.unsupported] ?? 0) unsupported; load \(loaded.report.totalDuration), suite \(clock.now - suiteStarted)")
            try await Self.dropDatabases(of: loaded)
        }
        for problem in wrong.prefix(30) { Issue.record(Comment(rawValue: problem)) }
        #expect(wrong.isEmpty, "\(wrong.count) corpus statements returned a different answer distributed")
        let byClass = totals.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value[.ok] ?? 0) ok, \($0.value[.wrong] ?? 0) WRONG" }
        print("differential suite (\(clock.now - started)):\n  " + lines.joined(separator: "\n  ") + "\n  by class: "
              + byClass.joined(separator: "; ") + "\n  statements with notes (partly compared): \(noted)")
    }

    static func dropDatabases(of loaded: LoadedCluster) async throws {
        for endpoint in loaded.mapping.allEndpoints(database: "postgres") {
            try await NodeSession.withSession(to: endpoint) { session in
                try await session.execute("DROP DATABASE IF EXISTS \(ShardSchema.quote(loaded.distributedDatabase)) WITH (FORCE)")
                if endpoint.host == loaded.referenceEndpoint.host && endpoint.port == loaded.referenceEndpoint.port {
                    try await session.execute("DROP DATABASE IF EXISTS \(ShardSchema.quote(loaded.referenceDatabase)) WITH (FORCE)")
                }
            }
        }
    }
}
