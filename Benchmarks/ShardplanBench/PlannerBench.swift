import CPgQuery
import Foundation
import SQLSyntax
import ShardCatalog
import ShardPlanner

/// The benchmark's schema: customers and orders, colocated, hash-distributed into `shards` shards.
func benchCatalog(shards: Int) throws -> Catalog {
    try SchemaLoader.load("""
        SET citus.shard_count = \(shards);
        CREATE TABLE customers (id bigint PRIMARY KEY, name text, country text, score int);
        CREATE TABLE orders (id bigint, customer_id bigint, amount numeric, status text, created_at timestamptz, flags int,
                             PRIMARY KEY (customer_id, id));
        SELECT create_distributed_table('customers', 'id');
        SELECT create_distributed_table('orders', 'customer_id', colocate_with => 'customers');
        """).catalog
}

/// Planning time against the raw libpg_query parse of the same statement, same run: end to end
/// (parse, bind, plan, SQL for every task) and planning alone (parse excluded: the planner gets
/// the parsed statement and its text, as a coordinator that parsed it would pass them).
func runPlannerBenchmarks() throws {
    let planner32 = DistributedPlanner(catalog: try benchCatalog(shards: 32))
    let planner1024 = DistributedPlanner(catalog: try benchCatalog(shards: 1024))
    let aggregate = "SELECT status, avg(amount), count(DISTINCT flags) FROM orders GROUP BY status"
    var general = PlanOptions()
    general.useFastPath = false
    let cases: [(String, String, DistributedPlanner, PlanOptions)] = [
        ("fast-path lookup", "SELECT id, name, score FROM customers WHERE id = 42", planner32, PlanOptions()),
        ("router join", "SELECT c.name, o.amount FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = 42", planner32, PlanOptions()),
        ("agg 32 shards", aggregate, planner32, PlanOptions()),
        ("colocated join", "SELECT c.name, sum(o.amount) FROM customers c JOIN orders o ON c.id = o.customer_id GROUP BY c.name", planner32, PlanOptions()),
        ("agg 1024 shards", aggregate, planner1024, PlanOptions()),
        // The same aggregates through the general pipeline (binder, split pass, deparser).
        ("agg 32, general", aggregate, planner32, general),
        ("agg 1024, general", aggregate, planner1024, general),
    ]
    print("planner (medians; ratio = median over samples of end-to-end / raw pg_query_parse, measured alternately)")
    print("statement            raw parse    end-to-end  ratio    plan only   tasks")
    for (name, sql, planner, options) in cases {
        let statement = try SQLParser.parseOneStatement(sql)
        let paired = try measurePaired(raw: { rawParse(sql) }) { blackHole(try planner.plan(sql, options: options)) }
        let raw = paired.raw, full = paired.measured
        let only = try measure("plan only") { blackHole(try planner.plan(statement, in: sql, options: options)) }
        let tasks = try planner.plan(statement, in: sql, options: options).taskCount
        print(name.padding(toLength: 20, withPad: " ", startingAt: 0)
              + " " + format(raw.medianNanoseconds).padding(toLength: 12, withPad: " ", startingAt: 0)
              + " " + format(full.medianNanoseconds).padding(toLength: 11, withPad: " ", startingAt: 0)
              + " " + String(format: "%.2f×", paired.medianRatio).padding(toLength: 8, withPad: " ", startingAt: 0)
              + " " + format(only.medianNanoseconds).padding(toLength: 11, withPad: " ", startingAt: 0)
              + " " + String(tasks))
    }
}

func profilePlanning() throws {
    // The benchmark's schema; SHARDS=1024 in the environment profiles the large case, PLANS=0
    // measures the start-up alone (subtract it).
    let shards = ProcessInfo.processInfo.environment["SHARDS"].flatMap { Int($0) } ?? 32
    let planner = DistributedPlanner(catalog: try benchCatalog(shards: shards))
    let sql = CommandLine.arguments.count > 2 ? CommandLine.arguments[2]
        : "SELECT status, avg(amount), count(DISTINCT flags) FROM orders GROUP BY status"
    let statement = try SQLParser.parseOneStatement(sql)
    let count = ProcessInfo.processInfo.environment["PLANS"].flatMap { Int($0) } ?? 2000
    // GENERAL=1: the general pipeline alone (no fast path).
    var options = PlanOptions()
    options.useFastPath = ProcessInfo.processInfo.environment["GENERAL"] == nil
    for _ in 0..<count { blackHole(try planner.plan(statement, in: sql, options: options)) }
}
