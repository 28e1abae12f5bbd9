import ArgumentParser

@main
struct Shardplan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shardplan",
        abstract: "Plans and rewrites SQL for sharded PostgreSQL (the Citus model).",
        subcommands: [Format.self, CatalogCommand.self, ShardCommand.self, ExplainCommand.self, GoldenCommand.self, VerifyCommand.self])
}
