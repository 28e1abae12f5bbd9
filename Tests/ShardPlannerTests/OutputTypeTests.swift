import ShardCatalog
import ShardPlanner
import Testing

/// Output column types as PostgreSQL 15 gives them (each expected type was read from
/// `pg_attribute` after `CREATE TABLE ... AS SELECT` on a PostgreSQL 15 server). The types
/// matter beyond display: the coordinator keeps the tasks' rows in a table of these types, so
/// a modifier PostgreSQL does not give (`numeric(12,2)` for `round(a)`) would rewrite every
/// value (`134` as `134.00`). Found by the random differential test.
@Suite struct OutputTypeTests {
    static let catalog: Catalog = {
        try! SchemaLoader.load("""
            SET citus.shard_count = 4;
            CREATE TABLE t (id bigint, a numeric(12,2), b numeric(12,2), c numeric(10,2), v varchar(5), w varchar(5),
                            i int, s smallint, r real, d date, ts timestamp, tz timestamptz);
            SELECT create_distributed_table('t', 'id');
            """).catalog
    }()

    static let cases: [(String, String)] = [
        ("a", "numeric(12,2)"),
        ("round(a)", "numeric"),
        ("round(a, 1)", "numeric"),
        ("round(i)", "double precision"),
        ("ceil(a)", "numeric"),
        ("floor(i)", "double precision"),
        ("trunc(i)", "double precision"),
        ("round(r)", "double precision"),
        ("abs(a)", "numeric"),
        ("abs(s)", "smallint"),
        ("abs(r)", "real"),
        ("sign(a)", "numeric"),
        ("coalesce(a, b)", "numeric(12,2)"),
        ("coalesce(a, c)", "numeric"),
        ("coalesce(a, 0)", "numeric"),
        ("coalesce(a, NULL)", "numeric(12,2)"),
        ("coalesce(i, 1.5)", "numeric"),
        ("coalesce(s, 2)", "integer"),
        ("coalesce(v, w)", "character varying(5)"),
        ("coalesce(v, 'x')", "character varying"),
        ("coalesce(d, '2024-01-01')", "date"),
        ("coalesce(d, ts)", "timestamp without time zone"),
        ("greatest(a, b)", "numeric(12,2)"),
        ("least(a, c)", "numeric"),
        ("greatest(a, NULL)", "numeric"),
        ("CASE WHEN i > 0 THEN a ELSE b END", "numeric(12,2)"),
        ("CASE WHEN i > 0 THEN a END", "numeric"),
        ("CASE WHEN i > 0 THEN 1 ELSE 2.5 END", "numeric"),
        ("CASE WHEN i > 0 THEN 'y' ELSE 'n' END", "text"),
        ("CASE i WHEN 1 THEN a ELSE b END", "numeric(12,2)"),
        ("nullif(a, 0)", "numeric(12,2)"),
        ("nullif(i, 2)", "integer"),
        ("nullif(i, 2.5)", "numeric"),
        ("date_trunc('month', d)", "timestamp with time zone"),
        ("date_trunc('day', ts)", "timestamp without time zone"),
        ("date_trunc('day', tz)", "timestamp with time zone"),
        ("a + 0", "numeric"),
        ("max(a)", "numeric"),
    ]

    @Test(arguments: cases)
    func outputTypeIsPostgresqls(expression: String, expected: String) throws {
        let planner = DistributedPlanner(catalog: Self.catalog)
        // Routed (one task) and multi-shard (the worker column and the merge's output).
        let routed = try planner.plan("SELECT \(expression) AS x FROM t WHERE id = 1")
        #expect(routed.merge.columns.first?.type == expected)
        let spread = try planner.plan("SELECT \(expression) AS x FROM t")
        #expect(spread.merge.columns.first?.type == expected)
        if !expression.hasPrefix("max") {
            #expect(spread.merge.workerColumns.first?.type == expected)
        }
    }
}
