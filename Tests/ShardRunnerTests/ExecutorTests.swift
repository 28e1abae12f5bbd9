import Foundation
import ShardCatalog
import ShardPlanner
import SQLSyntax
import Testing
@testable import ShardRunner

/// The executor on plans with more than one stage, written by hand the way the repartition-join
/// planner will produce them: rows broadcast to every node, or hash-partitioned into buckets
/// that meet the shards of the next stage. Checked against the single node.
@Suite struct ExecutorTests {
    static let schema = """
        SET citus.shard_count = 6;
        CREATE TABLE customers (id bigint PRIMARY KEY, name text);
        CREATE TABLE orders (order_id bigint PRIMARY KEY, customer_id bigint, amount numeric);
        SELECT create_distributed_table('customers', 'id');
        SELECT create_distributed_table('orders', 'order_id');
        INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 300) g;
        INSERT INTO orders SELECT g, 1 + (g * 7) % 300, g % 97 FROM generate_series(1, 3000) g;
        """

    /// A join of orders (distributed by order_id) with customers on customer_id: orders' rows
    /// move, the customers' shards stay.
    static func joinPlan(_ catalog: Catalog, output: StageOutput, rowsTable: (Int) -> String) throws -> DistributedPlan {
        let customers = try #require(catalog.table(named: ["customers"]))
        let orders = try #require(catalog.table(named: ["orders"]))
        func address(_ shard: Shard) -> String { catalog.nodes.first { $0.groupId == shard.placements[0].groupId }!.address }
        let first = orders.shards.enumerated().map { index, shard in
            Task(index: index, node: address(shard), placements: [address(shard)], shards: [shard.id], shardIndex: index,
                 sql: "SELECT customer_id, amount FROM public.\(Shard.relationName(table: "orders", shardId: shard.id)) orders")
        }
        let second = customers.shards.enumerated().map { index, shard in
            Task(index: index, node: address(shard), placements: [address(shard)], shards: [shard.id], shardIndex: index,
                 sql: "SELECT c.name, sum(o.amount) AS total, count(*) AS n FROM public.\(Shard.relationName(table: "customers", shardId: shard.id)) c JOIN \(rowsTable(index)) o ON o.customer_id = c.id GROUP BY c.name")
        }
        let columns = [OutputColumn(name: "name", type: "text"), OutputColumn(name: "total", type: "numeric"), OutputColumn(name: "n", type: "bigint")]
        return DistributedPlan(planClass: .multiShard, statement: .select,
                               stages: [Stage(id: 0, tasks: first, output: output), Stage(id: 1, tasks: second)],
                               merge: MergePlan(steps: [.concatenate], workerColumns: columns,
                                                sql: "SELECT name, total, n FROM remote_scan", columns: columns))
    }

    static let singleNode = "SELECT c.name, sum(o.amount) AS total, count(*) AS n FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name"

    func check(_ plan: DistributedPlan, _ loaded: LoadedCluster) async throws {
        let distributed = try await loaded.withNodeSessions { sessions in
            try await PlanExecutor(loaded: loaded).run(plan, sessions: sessions)
        }
        let expected = try await NodeSession.withSession(to: loaded.referenceEndpoint) { try await $0.query(Self.singleNode) }
        #expect(expected.rows.count == 300)
        let comparison = ResultComparison(expected: expected, actual: distributed, analysis: StatementAnalysis(try SQLParser.parseOne(Self.singleNode)))
        #expect(comparison.difference == nil, "\(comparison.difference ?? "")")
    }

    @Test func broadcastStage() async throws {
        let cluster = try await ShardCluster.shared()
        let loaded = try await ShardLoader.load(try SchemaLoader.load(Self.schema), into: cluster,
                                                options: .init(referenceDatabase: "executor_b_single", distributedDatabase: "executor_b_shards"))
        try await check(try Self.joinPlan(loaded.catalog, output: .broadcast(name: "moved_orders"), rowsTable: { _ in "moved_orders" }), loaded)
        try await DifferentialTests.dropDatabases(of: loaded)
    }

    @Test func hashPartitionedStage() async throws {
        let cluster = try await ShardCluster.shared()
        let loaded = try await ShardLoader.load(try SchemaLoader.load(Self.schema), into: cluster,
                                                options: .init(referenceDatabase: "executor_p_single", distributedDatabase: "executor_p_shards"))
        // Six buckets over bigint hashes are cut exactly as the six customers shards are.
        let plan = try Self.joinPlan(loaded.catalog, output: .partitioned(name: "orders_by_customer", column: "customer_id", buckets: 6),
                                     rowsTable: { "orders_by_customer_\($0)" })
        try await check(plan, loaded)
        // Partitioned on the wrong column, rows miss their customers: the result must differ.
        let skewed = try Self.joinPlan(loaded.catalog, output: .partitioned(name: "orders_by_customer", column: "amount", buckets: 6),
                                       rowsTable: { "orders_by_customer_\($0)" })
        let wrong = try await loaded.withNodeSessions { sessions in
            try await PlanExecutor(loaded: loaded).run(skewed, sessions: sessions)
        }
        #expect(wrong.rows.count < 300)
        try await DifferentialTests.dropDatabases(of: loaded)
    }
}
