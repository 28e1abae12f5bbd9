import ArgumentParser
import Foundation
import ShardCatalog
import ShardPlanner

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the distributed plan of a statement: its class, tasks (node, shards, SQL) and the coordinator's merge.",
        discussion: """
            The statement is given as an argument or read with -f FILE (standard input with -f -). \
            Text follows Citus's EXPLAIN layout; --format json prints the whole plan (see the README). \
            Exit status 1 when the statement cannot be planned (the error says why, with a hint).
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var source: CatalogSource

    @Option(name: .long, help: "text (default) or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Show every task, not only the first.")
    var allTasks = false

    @Flag(name: .long, help: "Show the algebra tree before and after optimization.")
    var tree = false

    @Option(name: [.customShort("f"), .long], help: "Read the statement from this file (- for standard input).")
    var file: String?

    @Option(name: .customLong("param"), help: "A value for $1, $2, ... in order (text form); binds deferred plans.")
    var parameters: [String] = []

    @Argument(help: "The SQL statement.")
    var sql: String?

    func validate() throws {
        if (sql == nil) == (file == nil) { throw ValidationError("give the statement as an argument or with -f FILE") }
    }

    func run() async throws {
        let catalog = try await source.load()
        var statement = sql ?? ""
        if let file {
            statement = try readText(file == "-" ? "/dev/stdin" : file)
        }
        let planner = DistributedPlanner(catalog: catalog)
        let outcome = Self.plan(planner, statement, tree: tree, parameters: parameters)
        switch outcome {
        case .success(let plan):
            switch format {
            case .text: print(plan.explainText(allTasks: allTasks, includeTree: tree), terminator: "")
            case .json: print(plan.jsonString(), terminator: "")
            }
        case .failure(let error):
            printError(error.rendered(sql: statement))
            throw ExitCode(1)
        }
    }

    static func plan(_ planner: DistributedPlanner, _ statement: String, tree: Bool, parameters: [String]) -> Result<DistributedPlan, PlannerError> {
        do throws(PlannerError) {
            var plan = try planner.plan(statement, options: PlanOptions(includeAlgebra: tree))
            if !parameters.isEmpty { plan = try plan.bind(parameters) }
            return .success(plan)
        } catch {
            return .failure(error)
        }
    }
}

struct GoldenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golden",
        abstract: "Plan every corpus query and compare with the reviewed golden files.",
        discussion: """
            CORPUS_DIR holds suites (<suite>/schema.sql, <suite>/queries/*.sql); GOLDEN_DIR holds \
            <suite>/<query>.txt. Prints a unified diff for every changed plan, then `N passed, N failed`. \
            Exit status 1 on any difference. --update rewrites the golden files (read the diffs first).
            """)

    @Argument(help: "The corpus folder (for example Corpus).")
    var corpus: String

    @Argument(help: "The golden folder (for example Golden).")
    var golden: String

    @Flag(name: .long, help: "Write the current plans as the golden files.")
    var update = false

    @Option(name: .long, help: "Only these suites (comma-separated).")
    var suites: String?

    func run() throws {
        let suite = GoldenSuite(corpus: URL(fileURLWithPath: corpus), golden: URL(fileURLWithPath: golden))
        let report = try suite.run(update: update, suites: suites.map { $0.split(separator: ",").map(String.init) })
        for difference in report.differences { print(difference.diff) }
        if update {
            print("\(report.passed) unchanged, \(report.written) written")
        } else {
            print("\(report.passed) passed, \(report.failed) failed")
        }
        if !update && report.failed > 0 { throw ExitCode(1) }
    }
}
