import Testing
import ShardCatalog
@testable import ShardPlanner

/// CTEs are inlined as subqueries in FROM by PostgreSQL's rule, with PostgreSQL's scoping; the
/// ones that must stay CTEs (subplans, later work) are refused with the reason.
struct CTEInliningTests {
    static let planner = ReferenceExampleTests.planner

    static func taskSQL(_ sql: String) throws -> String {
        let plan = try planner.plan(sql)
        return String(try #require(plan.stages.last?.tasks.first).sql)
    }

    static func refusal(_ sql: String) -> PlannerError? { SubqueryRefusalTests.refusal(sql) }

    @Test func referencedOnceIsASubqueryInFrom() throws {
        let plan = try Self.planner.plan("WITH big AS (SELECT customer_id, amount FROM orders WHERE amount > 50) SELECT count(*) FROM big")
        #expect(plan.planClass == .multiShard)
        #expect(plan.stages.last?.tasks.count == 32)
        #expect(plan.stages.last?.tasks.first?.sql
            == "SELECT count(*) AS count FROM (SELECT customer_id, amount FROM public.orders_102040 AS orders WHERE amount > 50) AS big")
        #expect(plan.notes.contains("CTE big inlined as a subquery in FROM, as PostgreSQL and Citus do"))
    }

    @Test func columnAliasesOfTheCTEAndOfTheReference() throws {
        // The reference's aliases rename the first columns, the CTE's the rest.
        let plan = try Self.planner.plan("WITH t(a, b) AS (SELECT customer_id, amount FROM orders) SELECT * FROM t AS x(k) WHERE k = 5 ORDER BY b")
        #expect(plan.merge.columns.map(\.name) == ["k", "b"])
        #expect(plan.stages.last?.tasks.first?.sql.contains("AS x(k, b)") == true)
    }

    @Test func scoping() throws {
        // A CTE shadows a table of its name; a schema-qualified name is the table.
        let shadowed = try Self.taskSQL("WITH orders AS (SELECT 1 AS id) SELECT o.id FROM orders, public.orders o WHERE o.customer_id = 1")
        #expect(shadowed.contains("(SELECT 1 AS id) AS orders"), "\(shadowed)")
        #expect(shadowed.contains("public.orders_102041 AS o"), "\(shadowed)")
        // A later CTE sees an earlier one; a CTE inside a subquery is inlined there.
        let chained = try Self.taskSQL("WITH a AS (SELECT customer_id FROM orders), b AS (SELECT * FROM a) SELECT count(*) FROM b")
        #expect(chained.contains("FROM (SELECT * FROM (SELECT customer_id FROM public.orders_102040 AS orders) AS a) AS b"), "\(chained)")
        let nested = try Self.taskSQL("SELECT c.id FROM customers c WHERE EXISTS (WITH o AS (SELECT * FROM orders) SELECT 1 FROM o WHERE o.customer_id = c.id)")
        #expect(nested.contains("EXISTS (SELECT 1 FROM (SELECT * FROM public.orders_102040 AS orders) AS o WHERE o.customer_id = c.id)"), "\(nested)")
        // An earlier CTE does not see a later one: `b` here is the table-less name PostgreSQL rejects.
        #expect(Self.refusal("WITH a AS (SELECT * FROM b), b AS (SELECT 1 AS x) SELECT * FROM a")?.kind == .invalid)
    }

    @Test func anUnusedCTEIsDroppedButChecked() throws {
        let plan = try Self.planner.plan("WITH unused AS (SELECT customer_id FROM orders) SELECT count(*) FROM customers")
        #expect(!(plan.stages.last?.tasks.first?.sql.contains("orders") ?? true))
        let error = try #require(Self.refusal("WITH unused AS (SELECT nope FROM orders) SELECT count(*) FROM customers"))
        #expect(error.kind == .invalid && error.message == "column \"nope\" does not exist")
    }

    @Test(arguments: [
        ("WITH big AS (SELECT customer_id FROM orders) SELECT (SELECT count(*) FROM big), (SELECT count(*) FROM big)",
         "a CTE referenced more than once (big, 2 times) is not supported yet"),
        ("WITH big AS MATERIALIZED (SELECT * FROM orders) SELECT count(*) FROM big", "a MATERIALIZED CTE (big) is not supported yet"),
        ("WITH r AS (SELECT random() AS v FROM orders) SELECT * FROM r", "a CTE with volatile functions (r) is not supported yet"),
        ("WITH r AS NOT MATERIALIZED (SELECT random() AS v FROM orders) SELECT * FROM r", "a CTE with volatile functions (r) is not supported yet"),
        ("WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r", "WITH RECURSIVE is not supported yet"),
        ("WITH d AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM d",
         "a data-modifying CTE (WITH d AS (INSERT/UPDATE/DELETE ...)) is not supported yet"),
        ("WITH c AS (SELECT flags FROM orders) SELECT count(*) FROM customers x WHERE EXISTS (SELECT 1 FROM c WHERE c.flags = x.score)",
         "a CTE that cannot be distributed once inlined as a subquery is not supported yet"),
    ])
    func refusals(sql: String, message: String) throws {
        let error = try #require(Self.refusal(sql))
        #expect(error.kind == .notYetSupported)
        #expect(error.message == message)
        #expect(error.hint != nil)
    }

    @Test func notMaterializedInlinesEveryUse() throws {
        let plan = try Self.planner.plan("WITH o AS NOT MATERIALIZED (SELECT customer_id, amount FROM orders) SELECT a.customer_id, count(*) FROM o a JOIN o b ON a.customer_id = b.customer_id GROUP BY 1")
        #expect(plan.planClass == .multiShard && plan.stages.last?.tasks.count == 32)
    }
}
