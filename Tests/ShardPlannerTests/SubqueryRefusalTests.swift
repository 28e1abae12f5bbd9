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

    @Test(arguments: [
        ("SELECT count(*) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders ORDER BY amount DESC LIMIT 5)",
         PushdownRefusal.limit),
        ("SELECT count(*) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders ORDER BY amount OFFSET 5)",
         PushdownRefusal.offset),
        ("SELECT count(*) FROM customers c WHERE c.id NOT IN (SELECT customer_id FROM orders WHERE amount > 100)",
         PushdownRefusal.notIn),
        ("SELECT count(*), sum(n) FROM (SELECT o.customer_id, count(*) AS n FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY o.customer_id) t",
         PushdownRefusal.groupedByNullable),
        ("SELECT count(*) FROM (SELECT o.customer_id, count(*) AS n FROM customers c FULL JOIN orders o ON o.customer_id = c.id GROUP BY o.customer_id) s",
         PushdownRefusal.groupedByNullable),
        ("SELECT * FROM (SELECT status, sum(amount) total FROM orders GROUP BY status) t", PushdownRefusal.groupedByOther),
        ("SELECT count(*) FROM (SELECT DISTINCT status FROM orders) s", PushdownRefusal.distinctOnOther),
        ("SELECT count(*) FROM customers WHERE score > (SELECT avg(score) FROM customers)", PushdownRefusal.aggregateWithoutGroups),
        ("SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id OR o.amount > 199.5)",
         PushdownRefusal.correlatedThroughOr),
        ("SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o LEFT JOIN order_stats s ON s.customer_id = o.customer_id AND o.customer_id = c.id)",
         PushdownRefusal.tiedOnKeptSide),
        ("SELECT c.country, count(*) FROM customers c GROUP BY c.country HAVING count(*) > (SELECT count(*) FROM orders o WHERE o.customer_id = 1)",
         PushdownRefusal.having(correlated: false)),
        ("SELECT status FROM orders o GROUP BY status HAVING count(*) > (SELECT count(*) FROM customers c WHERE c.country = o.status)",
         PushdownRefusal.having(correlated: true)),
        ("SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.flags = c.score)",
         PushdownRefusal.correlatedOn("o.flags = c.score")),
        ("SELECT x.id, t.id FROM customers x JOIN LATERAL (SELECT o.id FROM orders o WHERE o.flags = x.score ORDER BY o.id LIMIT 2) t ON true",
         PushdownRefusal.correlatedOn("o.flags = x.score")),
        ("SELECT count(*) FROM countries k WHERE EXISTS (SELECT 1 FROM customers c WHERE c.country = k.code)",
         PushdownRefusal.onlyReferenceRows(correlated: true)),
        ("SELECT count(*) FROM customers c WHERE c.score IN (SELECT flags FROM orders)", PushdownRefusal.inOnOther),
        ("SELECT count(*) FROM customers c WHERE c.id IN (SELECT customer_id FROM orders) OR c.score > 5", PushdownRefusal.inOutsideConditions),
        ("SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.amount > 100)", PushdownRefusal.uncorrelated(.existsSublink)),
        ("SELECT count(*) FROM customers c JOIN (SELECT customer_id + 0 AS cid FROM orders) t ON t.cid = c.id",
         PushdownRefusal.noKeyOutput("the subquery t")),
        ("SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM events e WHERE e.device_id = c.id)",
         PushdownRefusal.notColocated("events", with: "customers", permanent: true)),
    ])
    func refusedWithTheReason(sql: String, expected: PushdownRefusal) {
        guard let error = Self.refusal(sql) else {
            Issue.record("planned: \(sql)")
            return
        }
        #expect(error.kind == .notYetSupported)
        #expect(error.message == "a subquery in a multi-shard query is not supported yet: \(expected.reason)")
        #expect(error.detail == expected.citus.map { "Citus refuses this query: \($0)" })
        #expect(error.hint?.hasSuffix("shardplan will plan it with subplans (recursive planning) in a later version.") == true)
        if let hint = expected.hint { #expect(error.hint?.hasPrefix(hint) == true) }
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
