import ArgumentParser
import Foundation
import ShardCatalog
import ShardRunner
import SQLSyntax

/// Where a command's catalog comes from: a schema script or a catalog JSON file.
struct CatalogSource: ParsableArguments {
    @Option(name: .long, help: "A schema script: CREATE TABLE ..., SELECT create_distributed_table(...), ...")
    var schema: String?

    @Option(name: .long, help: "A catalog in shardplan's JSON form (from `shardplan catalog --format json`).")
    var catalog: String?

    @Option(name: .long, help: "Read the metadata of a live Citus cluster: postgres://user@host:port/database of its coordinator.")
    var catalogFrom: String?

    @Option(name: .long, help: "citus.shard_count at the start of the schema script (default 32).")
    var shardCount: Int?

    func validate() throws {
        if [schema, catalog, catalogFrom].compactMap({ $0 }).count != 1 {
            throw ValidationError("give exactly one of --schema FILE, --catalog FILE and --catalog-from postgres://...")
        }
        if let shardCount, !(1...64000).contains(shardCount) {
            throw ValidationError("--shard-count must be between 1 and 64000")
        }
    }

    /// Loads the catalog, printing a positioned error and exiting with status 1 on failure.
    func load() async throws -> Catalog {
        if let url = catalogFrom {
            do {
                return try await LiveCatalogReader.read(url: url)
            } catch {
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
        }
        if let path = catalog {
            let text = try readText(path)
            do {
                return try Catalog(json: text)
            } catch {
                printError("\(path): \(error)")
                throw ExitCode(1)
            }
        }
        let path = schema ?? ""
        let text = try readText(path)
        var settings = CatalogSettings()
        if let shardCount { settings.shardCount = shardCount }
        do {
            let script = try SchemaLoader.load(text, fileName: path, settings: settings)
            for warning in script.warnings { printError("\(path): warning: \(warning)") }
            return script.catalog
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }
}

func readText(_ path: String) throws -> String {
    let bytes = try readInput(path)
    do {
        return try SQLText.decode(bytes)
    } catch {
        printError("\(path): \(error.rendered)")
        throw ExitCode(1)
    }
}

struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Print the catalog a schema script builds: nodes, colocation groups, tables, shards.",
        discussion: """
            Shards, placements and colocation are assigned as a fresh Citus 13 cluster assigns them. \
            Without citus_add_node calls the cluster is a coordinator at 127.0.0.1:9700 and workers \
            at 127.0.0.1:9701 and 127.0.0.1:9702. `--format json` prints the catalog's JSON form, \
            which `--catalog` reads back.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var source: CatalogSource

    @Option(name: .long, help: "text (default) or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "In text, also list every shard: id, relation name, hash range, nodes.")
    var shards = false

    func run() async throws {
        let catalog = try await source.load()
        switch format {
        case .text: print(catalog.textDescription(shards: shards), terminator: "")
        case .json: print(catalog.jsonString(), terminator: "")
        }
    }
}

struct ShardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shard",
        abstract: "Print the shard and node of distribution column values: VALUE<TAB>SHARD_ID<TAB>HOST:PORT.",
        discussion: """
            Each VALUE is read the way PostgreSQL reads a quoted constant compared with the \
            distribution column ('042' into bigint is 42). A value PostgreSQL would reject is \
            reported on standard error and the exit status is 1. With --verbose, two more columns: \
            the hash and the shard's hash range.
            """)

    @OptionGroup var source: CatalogSource

    @Flag(name: .long, help: "Add the value's hash and the shard's hash range.")
    var verbose = false

    @Argument(help: "The table (schema-qualified or found through the search path).")
    var table: String

    @Argument(help: "Distribution column values.")
    var values: [String] = []

    func run() async throws {
        let catalog = try await source.load()
        let parts = table.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let definition = catalog.table(named: parts) ?? catalog.table(named: parts.map { $0.lowercased() }) else {
            printError("error: relation \"\(table)\" does not exist in the catalog")
            throw ExitCode(1)
        }
        var failed = false
        var output = ""
        for value in values {
            do {
                let location: ShardLocation
                if definition.distributionColumn != nil {
                    location = try catalog.shardPlacement(forLiteral: .string(value), in: definition)
                } else if let found = catalog.shardPlacement(for: .text(value), in: definition) {
                    location = found
                } else {
                    throw CatalogError("table \(definition.name.displayName) has no shards (it is a local table)")
                }
                output += "\(value)\t\(location.shardId)\t\(location.node.address)"
                if verbose {
                    let range = location.hashRange.map { "\($0.lowerBound)..\($0.upperBound)" } ?? "-"
                    output += "\t\(definition.distributionColumn == nil ? "-" : String(location.hash))\t\(range)"
                }
                output += "\n"
            } catch {
                failed = true
                printError("error: \(value): \(error)")
            }
        }
        print(output, terminator: "")
        if failed { throw ExitCode(1) }
    }
}
