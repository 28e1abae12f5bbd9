import Foundation
import Testing
import ShardCatalog
import SQLSyntax
@testable import ShardPlanner

/// The dedicated fast path must give exactly the general pipeline's plan: every corpus query and
/// statements near its shape are planned both ways and compared whole. Planned from text, the
/// fast path edits the statement's text where the general pipeline prints the tree, so task SQL
/// is compared as the tree it parses to.
struct FastPathTests {
    static let corpus = GoldenPlanTests.root.appendingPathComponent("Corpus")

    static let nearShape = [
        "SELECT id, name, score FROM customers WHERE id = 42", "SELECT name FROM customers WHERE 42 = id",
        "SELECT name FROM customers WHERE id = -7", "SELECT name FROM customers WHERE id = 9223372036854775808",
        "SELECT name FROM customers WHERE id = 1.5", "SELECT name FROM customers WHERE id = '42'",
        "SELECT name FROM customers WHERE id = 'x'", "SELECT name FROM customers WHERE id = NULL",
        "SELECT name FROM customers WHERE id = true", "SELECT name FROM customers WHERE id = $1",
        "SELECT c.name FROM customers c WHERE c.id = 42", "SELECT customers.name FROM customers WHERE customers.id = 42",
        "SELECT customers.name FROM customers c WHERE c.id = 42", "SELECT c.name FROM customers WHERE id = 42",
        "SELECT name AS n, name, score AS name FROM customers WHERE id = 42", "SELECT nosuch FROM customers WHERE id = 42",
        "SELECT name FROM customers AS c(a, b) WHERE a = 42", "SELECT name FROM ONLY customers WHERE id = 42",
        "SELECT name FROM public.customers WHERE id = 42", "SELECT \"select\", name FROM customers WHERE id = 42",
        "SELECT kind FROM events WHERE device_id = 3000000000", "SELECT status FROM status_stats WHERE status = 'open'",
        "SELECT status FROM status_stats WHERE status = 42", "SELECT code FROM countries WHERE code = 'DE'",
        "SELECT id FROM orders o WHERE o.customer_id = 5", "SELECT id FROM orders o WHERE orders.customer_id = 5",
        "select name from CUSTOMERS where ID=42", "SELECT name FROM public . customers WHERE id = 42",
        "SELECT name FROM \"customers\" WHERE id = 42", "SELECT name FROM customers* WHERE id = 42",
        "SELECT name FROM customers /* c */ WHERE id = 42", "SELECT name FROM U&\"customers\" WHERE id = 42", "SELECT name FROM customers WHERE id = 42 -- trailing",
        "SELECT name FROM customers\n\tWHERE id = 42 ;", "  SELECT name FROM customers AS \"Cé\" WHERE \"Cé\".id = 42",
    ]

    /// The plan with each task's SQL printed from its parse tree.
    static func normalized(_ result: Result<DistributedPlan, PlannerError>) -> Result<DistributedPlan, PlannerError> {
        result.map { plan in
            var plan = plan
            for stage in plan.stages.indices {
                for task in plan.stages[stage].tasks.indices {
                    let sql = String(plan.stages[stage].tasks[task].sql)
                    plan.stages[stage].tasks[task].sql = Substring((try? SQLParser.parseOne(sql)).flatMap { try? SQLDeparser.deparse($0) } ?? "unparsable: \(sql)")
                }
            }
            return plan
        }
    }

    @Test func fastPathPlansEqualTheGeneralPipelines() throws {
        var fast = PlanOptions()
        var general = PlanOptions()
        general.useFastPath = false
        fast.useFastPath = true
        var compared = 0, aggregates = 0
        for suite in try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted() {
            let folder = Self.corpus.appendingPathComponent(suite)
            guard let schema = try? String(contentsOf: folder.appendingPathComponent("schema.sql"), encoding: .utf8) else { continue }
            let planner = DistributedPlanner(catalog: try SchemaLoader.load(schema).catalog)
            let queries = folder.appendingPathComponent("queries")
            var statements = try FileManager.default.contentsOfDirectory(atPath: queries.path).sorted().filter { $0.hasSuffix(".sql") }
                .map { try String(contentsOf: queries.appendingPathComponent($0), encoding: .utf8) }
            if suite == "core" { statements += Self.nearShape }
            for sql in statements {
                let expected = Result { () throws(PlannerError) in try planner.plan(sql, options: general) }
                let actual = Result { () throws(PlannerError) in try planner.plan(sql, options: fast) }
                #expect(Self.normalized(actual) == Self.normalized(expected), "\(suite): \(sql)")
                compared += 1
                if case .selectStmt(let select)? = (try? SQLParser.parseOneStatement(sql))?.node,
                   FastPathAggregate(directory: planner.directory).plan(select, options: fast) != nil {
                    aggregates += 1
                }
            }
        }
        #expect(compared > 500)
        // The comparison covers the aggregate fast path too: these statements take it.
        print("fast-path comparison: \(compared) statements, \(aggregates) by the aggregate fast path")
        #expect(aggregates >= 10)
    }

    /// Statements at and near the aggregate fast path's shape, over a table with a column of
    /// every type whose aggregates it combines differently.
    static let aggregateSchema = """
        SET citus.shard_count = 4;
        CREATE TABLE t (k bigint, a smallint, b int, c bigint, d numeric, e real, f double precision, g interval, h money,
                        s text, "Weird Col" int, "user" int, ok boolean, ts timestamptz, v varchar(20), j jsonb);
        SELECT create_distributed_table('t', 'k');
        CREATE TABLE one (k int, s text);
        SELECT create_distributed_table('one', 'k', shard_count => 1);
        CREATE TABLE r (k int, s text);
        SELECT create_reference_table('r');
        """

    static let aggregateNearShape = [
        "SELECT s, count(*), count(b), sum(a), sum(b), sum(c), sum(d), sum(e), sum(f), sum(g), sum(h) FROM t GROUP BY s",
        "SELECT s, avg(a), avg(b), avg(c), avg(d), avg(e), avg(f), avg(g) FROM t GROUP BY s",
        "SELECT min(s), max(ts), min(d) AS \"Min D\", count(DISTINCT b), count(DISTINCT s) AS x FROM t x",
        "SELECT x.s AS \"user\", \"Weird Col\", count(*) AS cnt FROM t AS x GROUP BY \"Weird Col\", x.s",
        "SELECT count(*) AS s FROM t GROUP BY s", "SELECT count(*), count(*), avg(d), sum(d) FROM public.t",
        "SELECT \"user\", max(v), min(v) FROM t GROUP BY \"user\"", "SELECT s FROM t GROUP BY s", "SELECT s, b FROM t GROUP BY b, s",
        "SELECT count(DISTINCT b), b FROM t GROUP BY b", "SELECT b, count(DISTINCT b) FROM t GROUP BY b",
        "SELECT count(DISTINCT s), count(DISTINCT s), count(s) AS s FROM t", "SELECT sum(d) AS avg, avg(d), count(d) AS avg_1 FROM t",
        "SELECT COUNT(*), Sum(B) FROM T", "SELECT t.s, count(t.b) FROM t GROUP BY t.s", "SELECT count(*) FROM t*",
        "SELECT min(ok) FROM t", "SELECT max(j) FROM t", "SELECT sum(k) FROM t",
        "SELECT s, count(*) FROM t WHERE b = 1 GROUP BY s", "SELECT s, count(*) FROM t WHERE b > 1 AND s <> 'x' GROUP BY s",
        "SELECT count(*), avg(f) FROM t WHERE ts >= '2024-01-01'::timestamptz AND ts < timestamptz '2024-02-01'",
        "SELECT s, sum(d) FROM t WHERE s IN ('a', 'b') OR s IS NULL GROUP BY s", "SELECT count(*) FROM t x WHERE NOT (x.b BETWEEN 1 AND 5) AND s LIKE 'a%'",
        "SELECT count(*) FROM t WHERE 3 < b AND ok = true AND s NOT ILIKE '%z' AND g IS NOT NULL", "SELECT count(*) FROM t WHERE s = 5",
        // Not the fast path's: the general pipeline plans (or refuses) them, and both ways agree.
        "SELECT count(*) FROM ONLY t", "SELECT sum(s) FROM t", "SELECT avg(h) FROM t", "SELECT avg(ts) FROM t",
        "SELECT k, count(*) FROM t GROUP BY k", "SELECT count(DISTINCT k) FROM t", "SELECT s, count(*) FROM t GROUP BY s, s",
        "SELECT s, count(*) FROM t GROUP BY 1", "SELECT b AS s, count(*) FROM t GROUP BY s",
        "SELECT s, count(*) FROM t GROUP BY s HAVING count(*) > 1", "SELECT s, count(*) FROM t GROUP BY s ORDER BY 2",
        "SELECT s, count(*) FROM t GROUP BY s LIMIT 3", "SELECT DISTINCT s, count(*) FROM t GROUP BY s", "SELECT count(1) FROM t",
        "SELECT count(b + 1) FROM t", "SELECT sum(DISTINCT b) FROM t", "SELECT min(DISTINCT b) FROM t", "SELECT count(*) FILTER (WHERE b > 1) FROM t",
        "SELECT pg_catalog.count(*) FROM t", "SELECT string_agg(s, ',') FROM t", "SELECT count(b ORDER BY b) FROM t", "SELECT count(nosuch) FROM t",
        "SELECT nosuch, count(*) FROM t GROUP BY nosuch", "SELECT s, count(*) FROM t GROUP BY b", "SELECT count(*) FROM t GROUP BY ()",
        "SELECT t.s, count(*) FROM t x GROUP BY x.s", "SELECT x.s, count(*) FROM t x(a, b) GROUP BY x.s", "SELECT count(*) FROM one",
        "SELECT s, count(*) FROM one GROUP BY s", "SELECT count(*) FROM r", "SELECT s, count(*) FROM r GROUP BY s", "SELECT count(*), b FROM t",
        "SELECT *, count(*) FROM t GROUP BY s", "SELECT t.*, count(*) FROM t GROUP BY s", "SELECT count(*) OVER () FROM t",
        "SELECT s, count(*) FROM t GROUP BY GROUPING SETS ((s), ())", "SELECT s, count(*) FROM t GROUP BY DISTINCT s",
        "WITH x AS (SELECT 1) SELECT count(*) FROM t", "SELECT count(*) FROM t, r", "SELECT count(*) FROM t FOR UPDATE",
        "SELECT count(*) INTO x FROM t", "SELECT ctid, count(*) FROM t GROUP BY ctid",
        "SELECT count(*) FROM t WHERE k = 5", "SELECT count(*) FROM t WHERE k > 5", "SELECT count(*) FROM t WHERE b = c",
        "SELECT count(*) FROM t WHERE false", "SELECT count(*) FROM t WHERE NULL", "SELECT count(*) FROM t WHERE b = NULL",
        "SELECT count(*) FROM t WHERE 1 = 2", "SELECT count(*) FROM t WHERE b = $1", "SELECT count(*) FROM t WHERE b IN (SELECT 1)",
        "SELECT count(*) FROM t WHERE nosuch = 1", "SELECT count(*) FROM t WHERE b = 1 OR k = 2", "SELECT count(*) FROM t WHERE x.b = 1",
        "SELECT count(*) FROM t WHERE lower(s) = 'a'", "SELECT count(*) FROM t WHERE b = c AND c = 5", "SELECT count(*) FROM t WHERE ok",
        "SELECT count(*) FROM t WHERE b = ANY(ARRAY[1, 2])", "SELECT count(*) FROM t WHERE b IN (1, NULL)", "SELECT count(*) FROM t WHERE count(*) > 1",
        "SELECT count(*) FROM t WHERE b OPERATOR(pg_catalog.=) 1", "SELECT count(*) FROM t WHERE k IS NULL",
    ]

    @Test func aggregateFastPathPlansEqualTheGeneralPipelines() throws {
        var general = PlanOptions()
        general.useFastPath = false
        let planner = DistributedPlanner(catalog: try SchemaLoader.load(Self.aggregateSchema).catalog)
        var fastPathPlans = 0
        for sql in Self.aggregateNearShape {
            let expected = Result { () throws(PlannerError) in try planner.plan(sql, options: general) }
            let actual = Result { () throws(PlannerError) in try planner.plan(sql) }
            #expect(actual == expected, "\(sql)")
            let statement = try SQLParser.parseOneStatement(sql)
            if case .selectStmt(let select) = statement.node,
               FastPathAggregate(directory: planner.directory).plan(select, options: PlanOptions()) != nil {
                fastPathPlans += 1
            }
        }
        // The statements above the comment take the fast path; those after it do not.
        #expect(fastPathPlans == 26)
    }

    /// From text, a fast-path or router task is the statement as written with its tables replaced
    /// by their shards; text the edit cannot handle safely (comments, `table*`) is printed from
    /// the tree instead.
    @Test func taskSQLKeepsTheStatementsText() throws {
        let planner = DistributedPlanner(catalog: try SchemaLoader.load(String(contentsOf: Self.corpus.appendingPathComponent("core/schema.sql"), encoding: .utf8)).catalog)
        func taskSQL(_ sql: String) throws -> String { String(try planner.plan(sql).stages[0].tasks[0].sql) }
        #expect(try taskSQL("select name from CUSTOMERS where ID=42") == "select name from public.customers_102035 AS customers where ID=42")
        #expect(try taskSQL("SELECT c.name FROM customers c WHERE c.id = 42") == "SELECT c.name FROM public.customers_102035 c WHERE c.id = 42")
        #expect(try taskSQL("SELECT name FROM public . customers WHERE id = 42") == "SELECT name FROM public.customers_102035 AS customers WHERE id = 42")
        #expect(try taskSQL("\n  SELECT name FROM customers\n\tWHERE id = 42 ;\n") == "SELECT name FROM public.customers_102035 AS customers\n\tWHERE id = 42")
        // A statement of a script: its range, and locations counted from the start of the script.
        let script = "SELECT 1;\nSELECT c.name FROM customers c WHERE c.id = 42; SELECT 2"
        let statements = try SQLParser.parse(script)
        #expect(String(try planner.plan(statements[1], in: script).stages[0].tasks[0].sql) == "SELECT c.name FROM public.customers_102035 c WHERE c.id = 42")
        // Router plans edit every table of the text: aliases kept, `AS table` added where none,
        // before a comma or a parenthesis too.
        #expect(try taskSQL("SELECT count(*) FROM customers, orders WHERE customers.id = orders.customer_id AND customers.id = 42")
                == "SELECT count(*) FROM public.customers_102035 AS customers, public.orders_102067 AS orders WHERE customers.id = orders.customer_id AND customers.id = 42")
        #expect(try taskSQL("SELECT c.name FROM (customers c JOIN orders o ON c.id = o.customer_id)\nWHERE c.id = 42")
                == "SELECT c.name FROM (public.customers_102035 c JOIN public.orders_102067 o ON c.id = o.customer_id)\nWHERE c.id = 42")
        #expect(try taskSQL("SELECT count(*) FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = 42 AND o.customer_id IN (SELECT customer_id FROM orders WHERE customer_id = 42)")
                == "SELECT count(*) FROM public.customers_102035 c JOIN public.orders_102067 o ON c.id = o.customer_id WHERE c.id = 42 AND o.customer_id IN (SELECT customer_id FROM public.orders_102067 AS orders WHERE customer_id = 42)")
        // Printed from the tree: a comment, and a relation followed by `*`.
        #expect(try taskSQL("SELECT name FROM customers /* c */ WHERE id = 42") == "SELECT name FROM public.customers_102035 AS customers WHERE id = 42")
        #expect(try taskSQL("SELECT name FROM customers WHERE id = 42 -- x") == "SELECT name FROM public.customers_102035 AS customers WHERE id = 42")
        #expect(try taskSQL("SELECT name FROM customers * WHERE id = 42") == "SELECT name FROM public.customers_102035 AS customers WHERE id = 42")
        // Text that does not spell the name plainly (a Unicode-escaped identifier) is printed too.
        #expect(try taskSQL("SELECT name FROM U&\"customers\" WHERE id = 42") == "SELECT name FROM public.customers_102035 AS customers WHERE id = 42")
        #expect(try taskSQL("SELECT name FROM \"customers\"\tc WHERE c.id = 42") == "SELECT name FROM public.customers_102035\tc WHERE c.id = 42")
    }
}
