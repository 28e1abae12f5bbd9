// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "shardplan",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SQLSyntax", targets: ["SQLSyntax"]),
        .library(name: "ShardCatalog", targets: ["ShardCatalog"]),
        .library(name: "ShardPlanner", targets: ["ShardPlanner"]),
        .library(name: "PostgresServer", targets: ["PostgresServer"]),
        .library(name: "ShardRunner", targets: ["ShardRunner"]),
        .executable(name: "shardplan", targets: ["shardplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // libpg_query from Debian's libpg-query-dev (15-4.0.0).
        .systemLibrary(name: "CPgQuery", path: "Sources/CPgQuery"),
        .target(name: "SQLSyntax", dependencies: ["CPgQuery"]),
        .target(name: "ShardCatalog", dependencies: ["SQLSyntax"]),
        // Binder, classifier, algebra tree, optimizer passes, physical plans, explain.
        .target(name: "ShardPlanner", dependencies: ["SQLSyntax", "ShardCatalog"]),
        // A real PostgreSQL 15 server on loopback for tests and `verify`.
        .target(name: "PostgresServer"),
        // Runs distributed plans on real PostgreSQL servers and compares with a single node.
        .target(name: "ShardRunner", dependencies: [
            "SQLSyntax", "ShardCatalog", "ShardPlanner", "PostgresServer",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .executableTarget(
            name: "shardplan",
            dependencies: [
                "SQLSyntax", "ShardCatalog", "ShardPlanner", "ShardRunner", "PostgresServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Planning benchmarks; run with `swift run -c release shardplan-bench`.
        .executableTarget(
            name: "shardplan-bench",
            dependencies: ["SQLSyntax", "ShardCatalog", "ShardPlanner", "CPgQuery"],
            path: "Benchmarks/ShardplanBench"),
        .testTarget(name: "SQLSyntaxTests", dependencies: ["SQLSyntax", "CPgQuery"]),
        .testTarget(name: "ShardCatalogTests", dependencies: ["ShardCatalog", "PostgresServer"]),
        .testTarget(name: "ShardPlannerTests", dependencies: ["ShardPlanner", "ShardCatalog", "SQLSyntax"]),
        .testTarget(name: "ShardRunnerTests", dependencies: ["ShardRunner", "ShardPlanner", "ShardCatalog", "PostgresServer"]),
    ]
)
