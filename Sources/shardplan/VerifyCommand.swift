import ArgumentParser
import Foundation
import ShardCatalog
import ShardPlanner
import ShardRunner
import PostgresServer

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run statements distributed on real PostgreSQL servers and compare with a single node.",
        discussion: """
            Starts a coordinator and N workers as PostgreSQL 15 servers on 127.0.0.1 (or uses \
            --connect), creates the schema's shards on them and loads the script's rows, each row \
            on the shard the catalog's hash gives it (checked against PostgreSQL's own hash \
            functions). Then, for each statement of each QUERIES_FILE: plans it, runs the plan \
            (tasks on the workers, the merge on the coordinator), runs the statement on a single \
            node, and prints `ok`, `WRONG` with a short diff, or `unsupported` with the planner's \
            message. Modifications are compared on the affected row count, the RETURNING rows and \
            the tables afterwards, and rolled back on both sides. The last line is \
            `N passed, N failed, N unsupported`; exit status 1 when anything is WRONG.
            """)

    @Option(name: .long, help: "The schema script (CREATE TABLE, create_distributed_table, INSERT/COPY rows).")
    var schema: String

    @Option(name: .long, help: "Workers to start (default 2), besides the coordinator.")
    var workers: Int = 2

    @Option(name: .long, help: "citus.shard_count at the start of the schema script (default 32).")
    var shardCount: Int?

    @Option(name: .long, help: "Use running servers instead of starting them: comma-separated postgres:// URLs, the coordinator first.")
    var connect: String?

    @Flag(name: .long, help: "Leave the cluster running afterwards and print how to connect.")
    var keep = false

    @Option(name: .long, help: "statement_timeout of every statement, in seconds (default 60).")
    var timeout: Int = 60

    @Argument(help: "Files of SQL statements (a `-- params: $1 = ...` comment line gives parameter values).")
    var queries: [String]

    func validate() throws {
        if !(1...32).contains(workers) { throw ValidationError("--workers must be between 1 and 32") }
        if let shardCount, !(1...64000).contains(shardCount) { throw ValidationError("--shard-count must be between 1 and 64000") }
        if queries.isEmpty { throw ValidationError("give at least one QUERIES_FILE") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
    }

    func run() async throws {
        // Read everything first: a typo should not cost a cluster start.
        let schemaText = try readText(schema)
        var settings = CatalogSettings()
        if let shardCount { settings.shardCount = shardCount }
        let script: SchemaScript
        do {
            script = try SchemaLoader.load(schemaText, fileName: schema, settings: settings)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        for warning in script.warnings { printError("\(schema): warning: \(warning)") }
        var statements: [VerificationStatement] = []
        for file in queries {
            do {
                statements += try VerificationStatement.read(try readText(file), fileName: file)
            } catch let error as ShardRunnerError {
                printError("error: \(error.message)")
                throw ExitCode(2)
            }
        }

        let cluster: ShardCluster
        do {
            if let connect {
                cluster = try ShardCluster.connect(urlList: connect)
            } else {
                printError("starting a coordinator and \(workers) worker\(workers == 1 ? "" : "s") (PostgreSQL 15 on 127.0.0.1)...")
                cluster = try await ShardCluster.start(workers: workers)
            }
        } catch {
            printError("error: \(error.message)")
            throw ExitCode(2)
        }
        defer { if keep { cluster.keepRunning() } else { cluster.stop() } }

        let loaded: LoadedCluster
        do {
            loaded = try await ShardLoader.load(script, into: cluster)
        } catch {
            printError("error: loading \(schema): \(error.message)")
            throw ExitCode(2)
        }
        let report = loaded.report
        printError("loaded \(report.totalRows) rows into \(report.tables.count) tables in \(Self.seconds(report.totalDuration)) (hash cross-check passed)")

        let verifier = Verifier(loaded: loaded, statementTimeout: .seconds(timeout))
        var passed = 0, failed = 0, unsupported = 0
        for statement in statements {
            let outcome: VerificationOutcome
            do {
                outcome = try await verifier.verify(statement)
            } catch {
                failed += 1
                print("\(statement.name): ERROR \(error.message)")
                continue
            }
            let label = outcome.planClass.map { " (\($0.rawValue))" } ?? ""
            switch outcome.verdict {
            case .ok:
                passed += 1
                print("\(statement.name): ok\(label)")
            case .wrong:
                failed += 1
                print("\(statement.name): WRONG\(label)")
                print(Self.indent(outcome.message ?? ""))
            case .unsupported:
                unsupported += 1
                print("\(statement.name): unsupported: \(outcome.message ?? "")")
            }
            // What was not compared (volatile values, ties cut by LIMIT), or that both sides
            // failed: never a silent pass.
            for note in outcome.notes { print("    note: \(note)") }
        }
        print("\(passed) passed, \(failed) failed, \(unsupported) unsupported")
        if keep {
            print("the cluster keeps running; connect with:")
            let names = ["coordinator"] + cluster.workers.indices.map { "worker \($0 + 1)" }
            for (name, server) in zip(names, cluster.servers) {
                let connection = server.connection
                let database = server === cluster.coordinator ? "\(loaded.referenceDatabase) (single node) or \(loaded.distributedDatabase)" : loaded.distributedDatabase
                print("  \(name): psql -h \(connection.host) -p \(connection.port) -U \(connection.user) -d \(database)")
                if let data = server.dataDirectory, let root = server.rootDirectory {
                    print("    stop: runuser -u postgres -- \(PostgresServer.defaultBinDirectory)/pg_ctl stop -D \(data) && rm -rf \(root)")
                }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.1f s", value)
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
