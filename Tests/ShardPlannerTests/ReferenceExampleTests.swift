import Foundation
import Testing
import ShardCatalog
import ShardPlanner

/// The behaviour reference's examples (sections 3, 4, 6 and 8): same class, same shard ids for
/// routed queries, same task counts, Citus's error messages.
struct ReferenceExampleTests {
    /// The core corpus schema: the reference document's example tables (then more tables and data).
    static let catalog: Catalog = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schema = try! String(contentsOf: root.appendingPathComponent("Corpus/core/schema.sql"), encoding: .utf8)
        return try! SchemaLoader.load(schema).catalog
    }()
    static let planner = DistributedPlanner(catalog: catalog)

    static func plan(_ sql: String) throws -> DistributedPlan { try planner.plan(sql) }

    struct Routed: Sendable, CustomTestStringConvertible {
        let sql: String
        let planClass: PlannerClass
        let shards: [Int64]
        let node: String
        var testDescription: String { sql }
    }

    static let routed: [Routed] = [
        Routed(sql: "SELECT * FROM customers WHERE id = 42", planClass: .fastPathRouter, shards: [102035], node: "127.0.0.1:9702"),
        Routed(sql: "UPDATE customers SET score = score + 1 WHERE id = 3 AND name = 'c3'", planClass: .fastPathRouter, shards: [102023], node: "127.0.0.1:9702"),
        Routed(sql: "SELECT c.name, o.amount FROM customers c JOIN orders o ON c.score = o.flags WHERE c.id = 8 AND o.customer_id = 20",
               planClass: .router, shards: [102008, 102040], node: "127.0.0.1:9701"),
        Routed(sql: "SELECT count(*) FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = 42",
               planClass: .router, shards: [102035, 102067], node: "127.0.0.1:9702"),
        Routed(sql: "SELECT * FROM customers WHERE id = 1 AND score = 2", planClass: .fastPathRouter, shards: [102009], node: "127.0.0.1:9702"),
        Routed(sql: "SELECT * FROM customers WHERE id = '5'", planClass: .fastPathRouter, shards: [102014], node: "127.0.0.1:9701"),
        Routed(sql: "SELECT * FROM customers WHERE id = 5::int", planClass: .fastPathRouter, shards: [102014], node: "127.0.0.1:9701"),
        Routed(sql: "SELECT * FROM customers WHERE id = 5.0", planClass: .fastPathRouter, shards: [102014], node: "127.0.0.1:9701"),
        Routed(sql: "SELECT * FROM customers WHERE id = 1 AND (score = 2 OR id = 3)", planClass: .router, shards: [102009], node: "127.0.0.1:9702"),
        Routed(sql: "SELECT * FROM customers WHERE id IN (1, NULL)", planClass: .router, shards: [102009], node: "127.0.0.1:9702"),
        Routed(sql: "SELECT * FROM countries", planClass: .fastPathRouter, shards: [102072], node: "127.0.0.1:9700"),
        Routed(sql: "INSERT INTO customers (id, name, country, score) VALUES (1001, 'x', 'DE', 1)", planClass: .fastPathRouter,
               shards: [102031], node: "127.0.0.1:9702"),
    ]

    @Test(arguments: routed)
    func routedQuery(_ example: Routed) throws {
        let plan = try Self.plan(example.sql)
        #expect(plan.planClass == example.planClass)
        #expect(plan.taskCount == 1)
        let task = try #require(plan.stages.first?.tasks.first)
        #expect(task.shards == example.shards)
        #expect(task.node == example.node)
    }

    @Test(arguments: [
        ("SELECT * FROM customers WHERE id IN (1,2,3)", 3),
        ("SELECT * FROM customers WHERE id = ANY(ARRAY[1,2,3,4,5])", 5),
        ("SELECT * FROM customers WHERE id = ANY('{1,2,3,4,5}'::bigint[])", 5),
        ("SELECT * FROM customers WHERE id = 1 OR id = 2", 2),
        ("SELECT * FROM customers WHERE (id = 1 AND score > 2) OR id = 3", 2),
        ("SELECT * FROM customers WHERE id = 1 OR score > 2", 32),
        ("SELECT * FROM customers WHERE id IS NULL", 32),
        ("SELECT * FROM customers WHERE id = 1 OR id IS NULL", 32),
        ("SELECT * FROM customers WHERE id BETWEEN 1 AND 3", 32),
        ("SELECT * FROM customers WHERE id > 5", 32),
        ("SELECT * FROM customers WHERE id <> 5", 32),
        ("SELECT * FROM customers WHERE id NOT IN (1,2)", 32),
        ("SELECT * FROM customers WHERE id::text = '5'", 32),
        ("SELECT * FROM customers WHERE id + 0 = 5", 32),
        ("SELECT count(*) FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id IN (8, 2)", 2),
        ("SELECT count(*) FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id IN (8, 2) AND o.customer_id IN (2, 3)", 1),
        // Citus scans all 32 shards here; the join equality ties both arms to one column, so only
        // the shards of 8 and 2 can hold matching rows.
        ("SELECT count(*) FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = 8 OR o.customer_id = 2", 2),
        ("DELETE FROM orders WHERE customer_id IN (7, 8)", 2),
        ("INSERT INTO customers (id, name) VALUES (20, 'a'), (8, 'c'), (4, 'd'), (7, 'e')", 2),
    ])
    func taskCount(sql: String, tasks: Int) throws {
        #expect(try Self.plan(sql).taskCount == tasks)
    }

    @Test func multiRowInsertGroupsRowsByShardInShardOrder() throws {
        let plan = try Self.plan("INSERT INTO customers (id, name) VALUES (20, 'a'), (8, 'c'), (4, 'd'), (7, 'e')")
        let tasks = plan.stages[0].tasks
        #expect(tasks.map(\.shards) == [[102008], [102016]])
        #expect(tasks[0].sql == "INSERT INTO public.customers_102008 AS customers (id, name) VALUES (20, 'a'), (8, 'c')")
        #expect(tasks[1].sql == "INSERT INTO public.customers_102016 AS customers (id, name) VALUES (4, 'd'), (7, 'e')")
    }

    @Test(arguments: ["SELECT count(*) FROM customers WHERE id = 1 AND id = 2", "SELECT count(*) FROM customers WHERE id = NULL",
                      "SELECT count(*) FROM customers WHERE false",
                      "SELECT count(*) FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = 8 AND o.customer_id = 2"])
    func zeroShardQueriesRunOnTheCoordinatorOverEmptyRelations(sql: String) throws {
        let plan = try Self.plan(sql)
        #expect(plan.taskCount == 1)
        let task = plan.stages[0].tasks[0]
        #expect(task.node == "127.0.0.1:9700")
        #expect(task.shards.isEmpty)
        #expect(task.sql.contains("(SELECT NULL::bigint AS id, NULL::text AS name, NULL::text AS country, NULL::integer AS score WHERE false)"))
    }

    @Test func outOfRangeConstantMatchesNoRowInsteadOfFailing() throws {
        let catalog = try SchemaLoader.load("CREATE TABLE t (k int, v text);\nSELECT create_distributed_table('t', 'k');").catalog
        let plan = try DistributedPlanner(catalog: catalog).plan("SELECT * FROM t WHERE k = 5000000000")
        #expect(plan.taskCount == 1)
        #expect(plan.stages[0].tasks[0].shards.isEmpty)
    }

    @Test(arguments: [
        ("SELECT count(*) FROM customers c JOIN orders o ON c.id = o.id", "the query contains a join that requires repartitioning"),
        ("SELECT count(*) FROM customers c JOIN orders o ON c.id > o.customer_id",
         "complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator"),
        ("SELECT count(*) FROM customers c JOIN orders o ON c.id = o.customer_id OR c.score = o.flags",
         "complex joins are only supported when all distributed tables are joined on their distribution columns with equal operator"),
        ("SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON c.id = o.id",
         "complex joins are only supported when all distributed tables are co-located and joined on their distribution columns"),
        ("SELECT count(*) FROM customers c, orders o", "cannot perform distributed planning on this query"),
        ("SELECT status, count(*) FROM orders GROUP BY ROLLUP (status)", "could not run distributed query with GROUPING SETS, CUBE, or ROLLUP"),
        ("SELECT * FROM customers FOR UPDATE", "could not run distributed query with FOR UPDATE/SHARE commands"),
        ("SELECT id FROM orders ORDER BY id LIMIT (SELECT 3)", "subquery in LIMIT is not supported in multi-shard queries"),
        ("INSERT INTO customers (name) VALUES ('x')", "cannot perform an INSERT without a partition column value"),
        ("INSERT INTO customers VALUES (NULL, 'x')", "cannot perform an INSERT with NULL in the partition column"),
        ("UPDATE orders SET customer_id = 5 WHERE id = 1", "modifying the partition value of rows is not allowed"),
        ("UPDATE customers SET score = (random()*10)::int WHERE id = 1", "functions used in UPDATE queries on distributed tables must not be VOLATILE"),
        ("UPDATE countries k SET name = c.name FROM customers c WHERE c.country = k.code",
         "only reference tables may be queried when targeting a reference table with multi shard UPDATE/DELETE queries with multiple tables "),
        ("UPDATE orders o SET status = 'y' FROM customers c WHERE c.id = o.id",
         "complex joins are only supported when all distributed tables are co-located and joined on their distribution columns"),
        ("SELECT nosuch FROM customers", "column \"nosuch\" does not exist"),
        ("SELECT id FROM customers c JOIN orders o ON c.id = o.customer_id", "column reference \"id\" is ambiguous"),
        ("SELECT * FROM nosuch", "relation \"nosuch\" does not exist"),
    ])
    func error(sql: String, message: String) {
        do {
            _ = try Self.planner.plan(sql)
            Issue.record("expected: \(message)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func unknownColumnHasPostgreSQLsPosition() {
        do {
            _ = try Self.planner.plan("SELECT id, nosuch FROM customers")
            Issue.record("expected an error")
        } catch {
            #expect(error.position == 11)
            #expect(error.kind == .invalid)
        }
    }

    @Test func deferredPruningBindsWithoutPlanningAgain() throws {
        let plan = try Self.plan("SELECT name FROM customers WHERE id = $1")
        #expect(plan.deferredPruning?.parameter == 1)
        let bound = try plan.bind(["42"])
        #expect(bound.stages[0].tasks[0].shards == [102035])
        #expect(bound.stages[0].tasks[0].sql == "SELECT name FROM public.customers_102035 AS customers WHERE id = $1")
        #expect(try plan.bind(["7"]).stages[0].tasks[0].shards == [102016])
    }

    @Test func aggregatesSplitAsCitusDoes() throws {
        let plan = try Self.plan("SELECT status, count(*), avg(amount) FROM orders GROUP BY status")
        #expect(plan.planClass == .multiShard)
        #expect(plan.taskCount == 32)
        #expect(plan.stages[0].tasks[0].sql
                == "SELECT status AS status, count(*) AS count, sum(amount) AS avg, count(amount) AS avg_1 FROM public.orders_102040 AS orders GROUP BY status")
        #expect(plan.merge.sql.contains("COALESCE(pg_catalog.sum(remote_scan.count)::bigint, 0) AS count"))
        #expect(plan.merge.sql.contains("sum(remote_scan.avg) / pg_catalog.sum(remote_scan.avg_1) AS avg"))
        #expect(plan.merge.columns == [OutputColumn(name: "status", type: "text"), OutputColumn(name: "count", type: "bigint"),
                                       OutputColumn(name: "avg", type: "numeric")])
    }

    @Test func groupByTheDistributionColumnPushesEverythingDown() throws {
        let plan = try Self.plan("SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id HAVING sum(amount) > 100")
        #expect(plan.stages[0].tasks[0].sql.contains("GROUP BY customer_id HAVING sum(amount) > 100"))
        #expect(!plan.merge.sql.contains("GROUP BY"))
    }

    @Test func limitPushdownFollowsTheReferenceTable() throws {
        let ordered = try Self.plan("SELECT * FROM orders ORDER BY amount DESC LIMIT 5 OFFSET 10")
        #expect(ordered.stages[0].tasks[0].sql.hasSuffix("ORDER BY orders.amount DESC LIMIT 15"))
        let grouped = try Self.plan("SELECT status, flags, count(*) FROM orders GROUP BY status, flags ORDER BY flags LIMIT 2")
        #expect(grouped.stages[0].tasks[0].sql.hasSuffix("ORDER BY flags, status, flags LIMIT 2"))
        let aggregateOrder = try Self.plan("SELECT status, sum(amount) FROM orders GROUP BY status ORDER BY 2 DESC LIMIT 2")
        #expect(!aggregateOrder.stages[0].tasks[0].sql.contains("LIMIT"))
        let window = try Self.plan("SELECT id, rank() OVER (PARTITION BY status ORDER BY amount) FROM orders ORDER BY id LIMIT 3")
        #expect(!window.stages[0].tasks[0].sql.contains("LIMIT"))
    }

    @Test func planningIsThreadSafe() async throws {
        let queries = Self.routed.map(\.sql) + ["SELECT status, count(*), avg(amount) FROM orders GROUP BY status",
                                                "SELECT * FROM orders ORDER BY amount DESC LIMIT 5 OFFSET 10"]
        let sequential = try queries.map { try Self.plan($0).jsonString() }
        let concurrent = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { try queries.map { try Self.plan($0).jsonString() } } }
            var all: [[String]] = []
            for try await result in group { all.append(result) }
            return all
        }
        for result in concurrent { #expect(result == sequential) }
    }
}
