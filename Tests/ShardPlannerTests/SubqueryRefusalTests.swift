import Foundation
import Testing
import ShardCatalog
@testable import ShardPlanner

/// A subquery that cannot be pushed down is refused with the reason: the construct and why its
/// rows would be wrong computed shard by shard, Citus's own error where Citus refuses the query
/// for good, and a rewrite where one exists.
struct SubqueryRefusalTests {
    static let planner = ReferenceExampleTests.planner

    static func refusal(_ sql: String) -> PlannerError? {
        do {
            _ = try planner.plan(sql)
            return nil
        } catch {
            return error
        }
    }

    // How each hint ends: what a later version plans the query with, true for the case.
    static let subplans = "shardplan will plan it with subplans (recursive planning) in a later version."
    static let decorrelation = "shardplan will decorrelate correlated subqueries into joins in a later version (a subplan is computed once, for all outer rows, so it cannot stand for a correlated subquery)."
    static let repartition = "shardplan will repartition joins between non-colocated tables in a later version."
    static let repartitionAndDecorrelation = "shardplan will repartition joins between non-colocated tables and decorrelate correlated subqueries into joins in a later version (a subplan is computed once, for all outer rows, so it cannot stand for a correlated subquery)."
    static let route = "Filtering every table on its distribution column to one value routes the query to one shard, where it runs as written"

    @Test(arguments: [
        ("SELECT count(*) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders ORDER BY amount DESC LIMIT 5)",
         PushdownRefusal.limit, "\(route); \(subplans)"),
        ("SELECT count(*) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders ORDER BY amount OFFSET 5)",
         PushdownRefusal.offset, "\(route); \(subplans)"),
        ("SELECT count(*) FROM customers c WHERE c.id NOT IN (SELECT customer_id FROM orders WHERE amount > 100)",
         PushdownRefusal.notIn, " Otherwise \(subplans)"),
        ("SELECT count(*), sum(n) FROM (SELECT o.customer_id, count(*) AS n FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY o.customer_id) t",
         PushdownRefusal.groupedByNullable, "\(route); \(subplans)"),
        ("SELECT count(*) FROM (SELECT o.customer_id, count(*) AS n FROM customers c FULL JOIN orders o ON o.customer_id = c.id GROUP BY o.customer_id) s",
         PushdownRefusal.groupedByNullable, "\(route); \(subplans)"),
        ("SELECT * FROM (SELECT status, sum(amount) total FROM orders GROUP BY status) t", PushdownRefusal.groupedByOther, "\(route); \(subplans)"),
        ("SELECT count(*) FROM (SELECT DISTINCT status FROM orders) s", PushdownRefusal.distinctOnOther, "\(route); \(subplans)"),
        ("SELECT count(*) FROM customers WHERE score > (SELECT avg(score) FROM customers)", PushdownRefusal.aggregateWithoutGroups, "\(route); \(subplans)"),
        ("SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id OR o.amount > 199.5)",
         PushdownRefusal.correlatedThroughOr, "\(route); \(decorrelation)"),
        ("SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o LEFT JOIN order_stats s ON s.customer_id = o.customer_id AND o.customer_id = c.id)",
         PushdownRefusal.tiedOnKeptSide, " Otherwise \(decorrelation)"),
        ("SELECT c.country, count(*) FROM customers c GROUP BY c.country HAVING count(*) > (SELECT count(*) FROM orders o WHERE o.customer_id = 1)",
         PushdownRefusal.having(correlated: false), "\(route); \(subplans)"),
        ("SELECT status FROM orders o GROUP BY status HAVING count(*) > (SELECT count(*) FROM customers c WHERE c.country = o.status)",
         PushdownRefusal.having(correlated: true), "\(route); \(decorrelation)"),
        ("SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.flags = c.score)",
         PushdownRefusal.correlatedOn("o.flags = c.score"), " Otherwise \(decorrelation)"),
        ("SELECT x.id, t.id FROM customers x JOIN LATERAL (SELECT o.id FROM orders o WHERE o.flags = x.score ORDER BY o.id LIMIT 2) t ON true",
         PushdownRefusal.correlatedOn("o.flags = x.score"), " Otherwise \(decorrelation)"),
        ("SELECT count(*) FROM countries k WHERE EXISTS (SELECT 1 FROM customers c WHERE c.country = k.code)",
         PushdownRefusal.onlyReferenceRows(correlated: true), "\(route); \(decorrelation)"),
        ("SELECT count(*) FROM customers c WHERE c.score IN (SELECT flags FROM orders)", PushdownRefusal.inOnOther, " Otherwise \(subplans)"),
        ("SELECT count(*) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders) OR c.score > 5", PushdownRefusal.inOutsideConditions,
         "\(route); \(subplans)"),
        ("SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.amount > 100)", PushdownRefusal.uncorrelated(.existsSublink),
         "\(route); \(subplans)"),
        ("SELECT count(*) FROM customers c JOIN (SELECT customer_id + 0 AS cid FROM orders) t ON t.cid = c.id",
         PushdownRefusal.noKeyOutput("the subquery t"), " Otherwise \(subplans)"),
    ])
    func refusedWithTheReason(sql: String, expected: PushdownRefusal, ending: String) {
        guard let error = Self.refusal(sql) else {
            Issue.record("planned: \(sql)")
            return
        }
        #expect(error.kind == .notYetSupported)
        #expect(error.message == "a subquery in a multi-shard query is not supported yet: \(expected.reason)")
        #expect(error.detail == expected.citus.map { "Citus refuses this query: \($0)" })
        #expect(error.hint == (expected.hint ?? "") + ending)
    }

    static let colocate = "Colocate the tables (create_distributed_table(..., colocate_with => ...)) when their distribution columns hold the same values."
    static let equateKeys = "Colocating the tables alone would not help: equate their distribution columns too (`a.distribution_column = b.distribution_column`), if the rows that match share that value."

    /// Tables of several colocation groups: colocating them is advised only where a condition
    /// equates their distribution columns; the later work is a subplan for an uncorrelated
    /// subquery, a repartition join for tables joined in one FROM clause (none for an outer
    /// join, which Citus refuses), and decorrelation for a correlated subquery.
    @Test(arguments: [
        // events.device_id = customers.id: both distribution columns.
        ("SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM events e WHERE e.device_id = c.id)",
         "events is not colocated with customers, though a condition equates their distribution columns",
         true, "\(colocate) Otherwise \(repartitionAndDecorrelation)"),
        ("SELECT count(*) FROM customers c WHERE c.id IN (SELECT device_id FROM events)",
         "events is not colocated with customers, though a condition equates their distribution columns",
         false, "\(colocate) Otherwise \(subplans)"),
        // orders.id is not orders' distribution column (customer_id).
        ("SELECT count(*) FROM events e WHERE e.device_id IN (SELECT id FROM orders)",
         "orders is not colocated with events, and no condition equates their distribution columns",
         false, "\(equateKeys) Otherwise \(subplans)"),
        ("SELECT count(*) FROM events e WHERE EXISTS (SELECT 1 FROM orders o WHERE o.id = e.device_id)",
         "orders is not colocated with events, and no condition equates their distribution columns",
         true, "\(equateKeys) Otherwise \(repartitionAndDecorrelation)"),
        ("SELECT count(*) FROM (SELECT e.device_id FROM events e JOIN orders o ON o.id = e.device_id) t",
         "orders is not colocated with events, and no condition equates their distribution columns",
         false, "\(equateKeys) Otherwise \(repartition)"),
        ("SELECT count(*) FROM (SELECT e.device_id FROM events e LEFT JOIN orders o ON o.id = e.device_id) t",
         "orders is not colocated with events, and no condition equates their distribution columns",
         true, equateKeys),
    ])
    func notColocatedSaysWhetherColocatingHelps(sql: String, reason: String, citusRefuses: Bool, hint: String) {
        guard let error = Self.refusal(sql) else {
            Issue.record("planned: \(sql)")
            return
        }
        #expect(error.message.hasPrefix("a subquery in a multi-shard query is not supported yet: \(reason): "), "\(error.message)")
        #expect(error.detail == (citusRefuses ? "Citus refuses this query: \(PushdownRefusal.citusComplexJoins)" : nil))
        #expect(error.hint == hint)
    }

    /// Citus's permanent errors are named where Citus refuses the query; queries Citus plans with
    /// a subplan get no detail.
    @Test func citusErrorOnlyWhereCitusRefuses() {
        #expect(Self.refusal("SELECT k.code, (SELECT count(*) FROM customers c WHERE c.country = k.code) AS n FROM countries k")?.detail
            == "Citus refuses this query: correlated subqueries are not supported when the FROM clause contains a reference table")
        #expect(Self.refusal("SELECT count(*) FROM customers c WHERE c.id = (SELECT customer_id FROM orders o WHERE o.id = c.score)")?.detail
            == "Citus refuses this query: \(PushdownRefusal.citusComplexJoins)")
        #expect(Self.refusal("SELECT count(*) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders ORDER BY amount DESC LIMIT 5)")?.detail == nil)
        #expect(Self.refusal("SELECT count(*) FROM customers c WHERE c.id IN (SELECT device_id FROM events)")?.detail == nil)
    }

    /// The reasons change messages only: the pushed-down shapes next to the refused ones still plan.
    @Test func pushableNeighboursStillPlan() throws {
        for sql in [
            "SELECT count(*) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders WHERE amount > 60)",
            "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)",
            "SELECT x.id, t.id FROM customers x JOIN LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = x.id ORDER BY o.id LIMIT 2) t ON true",
            "SELECT count(*) FROM (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) t",
        ] {
            _ = try Self.planner.plan(sql)
        }
    }
}
