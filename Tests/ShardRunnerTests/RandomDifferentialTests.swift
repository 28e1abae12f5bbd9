import Foundation
import ShardCatalog
import ShardPlanner
import Testing
@testable import ShardRunner

/// Random statements (``RandomQueries``) run distributed on the shared cluster and on a single
/// node: the corpus's differential suite checks queries someone thought of, this one the
/// combinations nobody wrote down. Any difference fails with the statement, the seed and the
/// plan class; statements the planner refuses are counted.
///
/// `SHARDPLAN_RANDOM_QUERIES` (default 400) and `SHARDPLAN_RANDOM_SEED` (default 20261122)
/// choose how many statements and which; a failure names the seed that reproduces it.
@Suite struct RandomDifferentialTests {
    @Test func randomStatementsReturnTheSingleNodeAnswer() async throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["SHARDPLAN_RANDOM_QUERIES"].flatMap { Int($0) } ?? 400
        let seed = environment["SHARDPLAN_RANDOM_SEED"].flatMap { UInt64($0) } ?? 20_261_122
        let clock = ContinuousClock()
        let started = clock.now
        let cluster = try await ShardCluster.shared()
        let loaded = try await ShardLoader.load(try SchemaLoader.load(RandomQueries.schema, fileName: "random-schema.sql"), into: cluster,
                                                options: .init(referenceDatabase: "random_single", distributedDatabase: "random_shards"))
        let verifier = Verifier(loaded: loaded, statementTimeout: .seconds(60))
        var generator = RandomQueries(seed: seed)
        var wrong: [String] = []
        var okByClass: [String: Int] = [:]
        var refusals: [String: Int] = [:]
        var ok = 0, noted = 0
        for number in 1...count {
            let statement = generator.next()
            let outcome = try await verifier.verify(VerificationStatement(name: "random \(number)", sql: statement.sql,
                                                                          parameters: statement.parameters))
            switch outcome.verdict {
            case .ok:
                ok += 1
                okByClass[outcome.planClass?.rawValue ?? "?", default: 0] += 1
                if !outcome.notes.isEmpty { noted += 1 }
            case .unsupported:
                refusals[outcome.message ?? "?", default: 0] += 1
            case .wrong:
                wrong.append("statement \(number) of seed \(seed) (\(outcome.planClass?.rawValue ?? "?")): \(statement.sql)"
                             + (statement.parameters.isEmpty ? "" : " with \(statement.parameters.map { $0 ?? "NULL" })")
                             + "\n\(outcome.message ?? "")")
            }
        }
        try await DifferentialTests.dropDatabases(of: loaded)
        for problem in wrong.prefix(20) { Issue.record(Comment(rawValue: problem)) }
        #expect(wrong.isEmpty, "\(wrong.count) of \(count) random statements returned a different answer distributed")
        // The generator must keep exercising the planner: most statements plan, in every class.
        #expect(ok * 100 >= count * 75, "only \(ok) of \(count) random statements planned and agreed")
        for (planClass, share) in [(PlannerClass.fastPathRouter, 20), (.router, 20), (.multiShard, 20), (.modify, 50)] where count >= 200 {
            #expect((okByClass[planClass.rawValue] ?? 0) >= count / share, "too few \(planClass.rawValue) plans: \(okByClass)")
        }
        let classes = okByClass.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let reasons = refusals.sorted { $0.value > $1.value }.prefix(8).map { "\($0.value)× \($0.key)" }.joined(separator: "\n    ")
        print("random differential (seed \(seed), \(clock.now - started)): \(count) statements, \(ok) ok (\(classes)), "
              + "\(wrong.count) WRONG, \(refusals.values.reduce(0, +)) refused, \(noted) partly compared\n  refusals:\n    \(reasons)")
    }
}
