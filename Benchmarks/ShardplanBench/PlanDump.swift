import Foundation
import SQLSyntax
import ShardCatalog
import ShardPlanner

/// `shardplan-bench dump-plans CORPUS`: every corpus query's whole plan (JSON, with and without
/// the algebra tree) or its error, plus edge cases of the fast path, for comparing complete
/// plans before and after a performance change (golden files show only the explain text).
func dumpPlans(corpus: String) throws {
    let root = URL(fileURLWithPath: corpus)
    let suites = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
    func dump(_ sql: String, _ planner: DistributedPlanner) {
        for options in [PlanOptions(), PlanOptions(includeAlgebra: true)] {
            do {
                print(try planner.plan(sql, options: options).jsonString())
            } catch {
                print("error: \(error.kind) \(error) detail \(error.detail ?? "-") hint \(error.hint ?? "-") position \(String(describing: error.position))")
            }
        }
    }
    for suite in suites {
        let schemaURL = root.appendingPathComponent(suite).appendingPathComponent("schema.sql")
        guard let schema = try? String(contentsOf: schemaURL, encoding: .utf8) else { continue }
        let planner = DistributedPlanner(catalog: try SchemaLoader.load(schema).catalog)
        let queries = root.appendingPathComponent(suite).appendingPathComponent("queries")
        for file in try FileManager.default.contentsOfDirectory(atPath: queries.path).sorted() where file.hasSuffix(".sql") {
            print("== \(suite)/\(file)")
            dump(try String(contentsOf: queries.appendingPathComponent(file), encoding: .utf8), planner)
        }
        guard suite == "core" else { continue }
        for sql in fastPathEdgeCases {
            print("== core: \(sql)")
            dump(sql, planner)
        }
    }
}

/// Statements near the fast path's shape: aliases, qualifiers, casts, constants out of range,
/// NULL, wrong names, parameters, other clauses.
let fastPathEdgeCases = [
    "SELECT id, name, score FROM customers WHERE id = 42",
    "SELECT id, name, score FROM customers WHERE 42 = id",
    "SELECT name FROM customers WHERE id = -7",
    "SELECT name FROM customers WHERE id = 9223372036854775807",
    "SELECT name FROM customers WHERE id = 9223372036854775808",
    "SELECT name FROM customers WHERE id = 1.5",
    "SELECT name FROM customers WHERE id = '42'",
    "SELECT name FROM customers WHERE id = 'x'",
    "SELECT name FROM customers WHERE id = NULL",
    "SELECT name FROM customers WHERE id = 42::int",
    "SELECT name FROM customers WHERE id = $1",
    "SELECT name FROM customers WHERE id = true",
    "SELECT c.name FROM customers c WHERE c.id = 42",
    "SELECT customers.name FROM customers WHERE customers.id = 42",
    "SELECT customers.name FROM customers c WHERE c.id = 42",
    "SELECT c.name FROM customers WHERE id = 42",
    "SELECT public.customers.name FROM customers WHERE id = 42",
    "SELECT name FROM public.customers WHERE public.customers.id = 42",
    "SELECT name AS n, name, score AS name FROM customers WHERE id = 42",
    "SELECT name, name, name FROM customers WHERE id = 42",
    "SELECT nosuch FROM customers WHERE id = 42",
    "SELECT name FROM customers WHERE nosuch = 42",
    "SELECT name FROM nosuch WHERE id = 42",
    "SELECT name FROM customers AS c(a, b) WHERE a = 42",
    "SELECT * FROM customers WHERE id = 42",
    "SELECT c.* FROM customers c WHERE id = 42",
    "SELECT name FROM ONLY customers WHERE id = 42",
    "SELECT name FROM customers WHERE id = 42 AND score > 1",
    "SELECT name FROM customers WHERE id = 42 OR id = 43",
    "SELECT name FROM customers WHERE id = 42 ORDER BY name LIMIT 1",
    "SELECT DISTINCT name FROM customers WHERE id = 42",
    "SELECT count(*) FROM customers WHERE id = 42",
    "SELECT name FROM customers WHERE id = 42 FOR UPDATE",
    "SELECT name FROM customers WHERE name = 'x'",
    "SELECT name FROM customers WHERE score = 42",
    "SELECT \"select\", name FROM customers WHERE id = 42",
    "SELECT \"Name\" FROM customers WHERE id = 42",
    "SELECT code, name FROM countries WHERE code = 'DE'",
    "SELECT k, v FROM local_t WHERE k = 1",
    "SELECT kind FROM events WHERE device_id = 3000000000",
    "SELECT kind FROM events WHERE device_id = 7",
    "SELECT status FROM status_stats WHERE status = 'open'",
    "SELECT status FROM status_stats WHERE status = 42",
    "SELECT n FROM status_stats WHERE status = E'a\\\\b'",
    "SELECT id, amount FROM orders WHERE customer_id = 5",
    "SELECT id FROM orders WHERE customer_id = 5 AND id = 6",
    "SELECT o.id FROM orders o WHERE o.customer_id = 5",
    "SELECT id FROM orders o WHERE orders.customer_id = 5",
    "SELECT c.name, o.amount FROM customers c JOIN orders o ON c.id = o.customer_id WHERE c.id = 42",
    "SELECT status, avg(amount), count(DISTINCT flags) FROM orders GROUP BY status",
    "SELECT c.name, sum(o.amount) FROM customers c JOIN orders o ON c.id = o.customer_id GROUP BY c.name",
]
