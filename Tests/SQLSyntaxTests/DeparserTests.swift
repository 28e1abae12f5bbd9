import Testing
@testable import SQLSyntax

/// Input and the expected printed form side by side; each case also checks the round trip.
@Suite struct DeparserTests {
    static let cases: [(String, String)] = [
        // select clauses
        ("select a, b as \"B\", t.* from s.t where x = 1 group by a having count(*) > 1 order by 1 desc nulls last limit 3 offset 2",
         "SELECT a, b AS \"B\", t.* FROM s.t WHERE x = 1 GROUP BY a HAVING count(*) > 1 ORDER BY 1 DESC NULLS LAST LIMIT 3 OFFSET 2"),
        ("select distinct on (a) a, b from t", "SELECT DISTINCT ON (a) a, b FROM t"),
        ("select distinct a from only t", "SELECT DISTINCT a FROM ONLY t"),
        ("select * from t limit all", "SELECT * FROM t LIMIT ALL"),
        ("select * from t order by a offset 5 rows fetch first 3 rows with ties", "SELECT * FROM t ORDER BY a OFFSET 5 ROWS FETCH FIRST 3 ROWS WITH TIES"),
        ("select * from t fetch first row only", "SELECT * FROM t LIMIT 1"),
        ("select * from t for update of t skip locked", "SELECT * FROM t FOR UPDATE OF t SKIP LOCKED"),
        ("select * from t for no key update nowait", "SELECT * FROM t FOR NO KEY UPDATE NOWAIT"),
        ("values (1, 'a'), (2, 'b') order by 1", "VALUES (1, 'a'), (2, 'b') ORDER BY 1"),
        ("select 1 union select 2 intersect select 3", "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3"),
        ("(select 1 union select 2) intersect select 3", "(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3"),
        ("select 1 except all (select 2 except select 3)", "SELECT 1 EXCEPT ALL (SELECT 2 EXCEPT SELECT 3)"),
        ("(select a from t order by a limit 1) union all select 2", "(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL SELECT 2"),
        ("with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select * from r",
         "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r"),
        ("with x as materialized (select 1), y as not materialized (select 2) select * from x, y",
         "WITH x AS MATERIALIZED (SELECT 1), y AS NOT MATERIALIZED (SELECT 2) SELECT * FROM x, y"),
        ("select a into temp t2 from t", "SELECT a INTO TEMPORARY t2 FROM t"),
        ("select * from t tablesample system (10) repeatable (42)", "SELECT * FROM t TABLESAMPLE system (10) REPEATABLE (42)"),
        ("select * from t, lateral (select * from u where u.a = t.a) s", "SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.a = t.a) AS s"),
        ("select * from generate_series(1, 3) with ordinality as g(i, n)", "SELECT * FROM generate_series(1, 3) WITH ORDINALITY AS g(i, n)"),
        ("select * from rows from (f(1) as (a int), g(2)) as x", "SELECT * FROM ROWS FROM (f(1) AS (a integer), g(2)) AS x"),
        ("select * from f() as x(a int, b text)", "SELECT * FROM f() AS x(a integer, b text)"),
        // joins
        ("select * from a join b on a.id = b.id left join c using (id) cross join d natural full join e",
         "SELECT * FROM a JOIN b ON a.id = b.id LEFT JOIN c USING (id) CROSS JOIN d NATURAL FULL JOIN e"),
        ("select * from a join (b join c on b.x = c.x) on a.id = b.id", "SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.id = b.id"),
        ("select * from (a join b using (id) as j) as k", "SELECT * FROM (a JOIN b USING (id) AS j) AS k"),
        // windows and aggregates
        ("select sum(x) over (partition by a order by b rows between 1 preceding and current row exclude ties) from t",
         "SELECT sum(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE TIES) FROM t"),
        ("select rank() over w, count(*) over (w range unbounded preceding) from t window w as (order by a)",
         "SELECT rank() OVER w, count(*) OVER (w RANGE UNBOUNDED PRECEDING) FROM t WINDOW w AS (ORDER BY a)"),
        ("select count(distinct a) filter (where b > 0), string_agg(c, ',' order by c) from t",
         "SELECT count(DISTINCT a) FILTER (WHERE b > 0), string_agg(c, ',' ORDER BY c) FROM t"),
        ("select percentile_cont(0.5) within group (order by x) from t", "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM t"),
        ("select a, b from t group by rollup (a, b), cube (a), grouping sets ((a, b), ())",
         "SELECT a, b FROM t GROUP BY ROLLUP (a, b), CUBE (a), GROUPING SETS ((a, b), ())"),
        ("select grouping(a) from t group by distinct a", "SELECT GROUPING(a) FROM t GROUP BY DISTINCT a"),
        // expressions
        ("select (a + b) * c, a + b * c, -x, - 5, 2 ^ -3, not a = b, a is not null, (a = b) is true",
         "SELECT (a + b) * c, a + b * c, -x, -5, 2 ^ -3, NOT a = b, a IS NOT NULL, a = b IS TRUE"),
        ("select a - (b - c), (a - b) - c, a || b || c", "SELECT a - (b - c), a - b - c, a || b || c"),
        ("select a operator(pg_catalog.+) b, x <> y, x != y", "SELECT a OPERATOR(pg_catalog.+) b, x <> y, x <> y"),
        ("select a and (b or c) and not (d or e)", "SELECT a AND (b OR c) AND NOT (d OR e)"),
        ("select x between 1 and 10, x not between symmetric 1 and 2", "SELECT x BETWEEN 1 AND 10, x NOT BETWEEN SYMMETRIC 1 AND 2"),
        ("select x in (1, 2), x not in (select y from u), x = any (array[1, 2]), x > all (select 1)",
         "SELECT x IN (1, 2), x NOT IN (SELECT y FROM u), x = ANY (ARRAY[1, 2]), x > ALL (SELECT 1)"),
        ("select a like 'x%' escape '!', a not ilike 'y', a similar to 'z' escape '#', a not similar to 'w'",
         "SELECT a LIKE 'x%' ESCAPE '!', a NOT ILIKE 'y', a SIMILAR TO 'z' ESCAPE '#', a NOT SIMILAR TO 'w'"),
        ("select a is distinct from b, a is not distinct from b, nullif(a, b), coalesce(a, b), greatest(1, 2), least(3, 4)",
         "SELECT a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b, NULLIF(a, b), COALESCE(a, b), GREATEST(1, 2), LEAST(3, 4)"),
        ("select case when a then 1 when b then 2 else 3 end, case x when 1 then 'a' end",
         "SELECT CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END, CASE x WHEN 1 THEN 'a' END"),
        ("select cast(a as int), b::text, (-1)::int, - 1::int, '1 day'::interval", "SELECT a::integer, b::text, (-1)::integer, -1::integer, '1 day'::interval"),
        ("select 'it''s', E'a\\\\b', 'x\\y', B'101', X'1F', 1.5e10, 123456789012345678901234567890, true, null",
         "SELECT 'it''s', E'a\\\\b', E'x\\\\y', B'101', X'1F', 1.5e10, 123456789012345678901234567890, true, NULL"),
        ("select a[1], a[1:2], a[:3], (b).c, (b).*, (f(x)).y, $1[2], $2.f",
         "SELECT a[1], a[1:2], a[:3], (b).c, (b).*, (f(x)).y, $1[2], $2.f"),
        ("select row(1, 2), (1, 2), row(1), array[[1, 2], [3, 4]], array(select 1)",
         "SELECT ROW(1, 2), (1, 2), ROW(1), ARRAY[[1, 2], [3, 4]], ARRAY(SELECT 1)"),
        ("select exists (select 1), (select 2)", "SELECT EXISTS (SELECT 1), (SELECT 2)"),
        ("select a collate \"C\", ts at time zone 'UTC', (a || b) collate \"de_DE\"",
         "SELECT a COLLATE \"C\", ts AT TIME ZONE 'UTC', (a || b) COLLATE \"de_DE\""),
        ("select extract(year from d), extract('foo bar' from d), position('b' in s), substring(s from 2 for 3), substring(s, 2)",
         "SELECT EXTRACT(year FROM d), EXTRACT('foo bar' FROM d), POSITION('b' IN s), SUBSTRING(s FROM 2 FOR 3), \"substring\"(s, 2)"),
        ("select trim(both 'x' from s), trim(leading from s), trim(s), overlay(s placing 'ab' from 2 for 1)",
         "SELECT TRIM(BOTH 'x' FROM s), TRIM(LEADING FROM s), TRIM(BOTH FROM s), OVERLAY(s PLACING 'ab' FROM 2 FOR 1)"),
        ("select current_date, current_timestamp(3), localtime, current_user, session_user, user, current_schema",
         "SELECT CURRENT_DATE, CURRENT_TIMESTAMP(3), LOCALTIME, CURRENT_USER, SESSION_USER, USER, CURRENT_SCHEMA"),
        ("select f(a => 1, b => 2), g(variadic array[1, 2]), count(*)", "SELECT f(a => 1, b => 2), g(VARIADIC ARRAY[1, 2]), count(*)"),
        ("select data->>'a', data #> '{a,b}', data @> '{}'::jsonb, data ? 'k'",
         "SELECT data ->> 'a', data #> '{a,b}', data @> '{}'::jsonb, data ? 'k'"),
        // identifiers and types
        ("select \"Select\", \"a\"\"b\", \"user\", \"left\"(x, 2), _x$1 from \"My Table\"",
         "SELECT \"Select\", \"a\"\"b\", \"user\", \"left\"(x, 2), _x$1 FROM \"My Table\""),
        ("select x::varchar(10), x::character varying, x::char(3), x::\"char\", x::bit varying(4), x::numeric(10, 2), x::decimal",
         "SELECT x::character varying(10), x::character varying, x::character(3), x::\"char\", x::bit varying(4), x::numeric(10, 2), x::numeric"),
        ("select x::timestamptz, x::timestamp(3), x::time with time zone, x::int[], x::text[3][], x::double precision, x::float4",
         "SELECT x::timestamptz, x::timestamp(3) without time zone, x::time with time zone, x::integer[], x::text[3][], x::double precision, x::float4"),
        ("select interval '1' day, interval '1:2' hour to minute, x::interval second(3), x::interval(2), char 'c', bit '1'",
         "SELECT '1'::interval day, '1:2'::interval hour to minute, x::interval second(3), x::interval(2), 'c'::pg_catalog.bpchar, '1'::pg_catalog.\"bit\""),
        // modifications
        ("insert into t (a, b) values (1, default), (2, 3) returning *", "INSERT INTO t (a, b) VALUES (1, DEFAULT), (2, 3) RETURNING *"),
        ("insert into t default values", "INSERT INTO t DEFAULT VALUES"),
        ("insert into s.t as x (a) overriding system value select 1 on conflict (a) where a > 0 do update set b = excluded.b where x.b < 3",
         "INSERT INTO s.t AS x (a) OVERRIDING SYSTEM VALUE SELECT 1 ON CONFLICT (a) WHERE a > 0 DO UPDATE SET b = excluded.b WHERE x.b < 3"),
        ("insert into t values (1) on conflict on constraint t_pkey do nothing", "INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING"),
        ("insert into t (a[1], b.c) values (1, 2)", "INSERT INTO t (a[1], b.c) VALUES (1, 2)"),
        ("with x as (select 1) update only t as u set a = 1, (b, c) = (select 1, 2), (d) = row(3) from x where u.id = x.id returning u.a",
         "WITH x AS (SELECT 1) UPDATE ONLY t AS u SET a = 1, (b, c) = (SELECT 1, 2), (d) = ROW(3) FROM x WHERE u.id = x.id RETURNING u.a"),
        ("update t set (a, b) = (1, 2) where current of c", "UPDATE t SET (a, b) = (1, 2) WHERE CURRENT OF c"),
        ("delete from t using u where t.id = u.id returning t.id as deleted", "DELETE FROM t USING u WHERE t.id = u.id RETURNING t.id AS deleted"),
    ]

    @Test(arguments: cases)
    func printsAndRoundTrips(_ input: String, _ expected: String) throws {
        let options = ParseOptions(keepLocations: false)
        let tree = try SQLParser.parseOne(input, options: options)
        let printed = try SQLDeparser.deparse(tree)
        #expect(printed == expected)
        #expect(try SQLParser.parseOne(printed, options: options) == tree)
    }

    @Test func unsupportedNodesThrowWithTheirName() throws {
        let tree = try SQLParser.parseOne("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE")
        #expect {
            try SQLDeparser.deparse(tree)
        } throws: { error in
            (error as? DeparseError)?.nodeType == "MergeStmt"
        }
        let xmlTable = try SQLParser.parseOne("SELECT * FROM XMLTABLE('/r' PASSING '<r/>' COLUMNS a int)")
        #expect {
            try SQLDeparser.deparse(xmlTable)
        } throws: { error in
            guard let e = error as? DeparseError else { return false }
            return e.nodeType == "RangeTableFunc" && e.location == 14
        }
    }

    @Test func quotingFollowsPostgreSQL() {
        #expect(SQLDeparser.quoteIdentifier("orders") == "orders")
        #expect(SQLDeparser.quoteIdentifier("Orders") == "\"Orders\"")
        #expect(SQLDeparser.quoteIdentifier("select") == "\"select\"")
        #expect(SQLDeparser.quoteIdentifier("name") == "name")  // unreserved keyword
        #expect(SQLDeparser.quoteIdentifier("between") == "\"between\"")  // column-name keyword
        #expect(SQLDeparser.quoteIdentifier("a b") == "\"a b\"")
        #expect(SQLDeparser.quoteIdentifier("ünï") == "\"ünï\"")
        #expect(SQLDeparser.quoteLiteral("it's") == "'it''s'")
        #expect(SQLDeparser.quoteLiteral("a\\b") == "E'a\\\\b'")
    }
}
