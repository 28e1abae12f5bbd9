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
        var compared = 0
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
            }
        }
        #expect(compared > 500)
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
