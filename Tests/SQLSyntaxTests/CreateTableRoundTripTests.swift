import Testing
@testable import SQLSyntax

/// Parses `sql`, prints it, and checks the round trip: the printed SQL parses back to the same tree
/// (locations ignored). Returns the printed SQL so each test can state it next to the input.
private func format(_ sql: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
    let options = ParseOptions(keepLocations: false)
    let tree = try SQLParser.parseOne(sql, options: options)
    let printed = try SQLDeparser.deparse(tree)
    let again = try SQLParser.parseOne(printed, options: options)
    #expect(again == tree, "printed SQL parses to a different tree: \(printed)", sourceLocation: sourceLocation)
    return printed
}

/// The statement's tree, for tests that build trees the parser never produces.
private func parsed(_ sql: String) throws -> Node {
    try SQLParser.parseOne(sql, options: ParseOptions(keepLocations: false))
}

@Suite("CREATE TABLE round trip")
struct CreateTableRoundTripTests {
    @Test func tableKinds() throws {
        #expect(try format("create table t (a int primary key)") == "CREATE TABLE t (a integer PRIMARY KEY)")
        #expect(try format("create temp table t (a int)") == "CREATE TEMPORARY TABLE t (a integer)")
        #expect(try format("create local temporary table t (a int)") == "CREATE TEMPORARY TABLE t (a integer)")
        #expect(try format("create unlogged table t (a int)") == "CREATE UNLOGGED TABLE t (a integer)")
        #expect(try format("create table if not exists s.t ()") == "CREATE TABLE IF NOT EXISTS s.t ()")
        #expect(try format("create table db.s.\"T\" (\"A b\" int)") == "CREATE TABLE db.s.\"T\" (\"A b\" integer)")
        #expect(try format("create table \"select\" (\"from\" int, user_id int)") == "CREATE TABLE \"select\" (\"from\" integer, user_id integer)")
    }

    @Test func columnTypes() throws {
        #expect(try format("create table t (a int[], b int[3], c varchar(20), d timestamp(3) with time zone, e interval day to second, f \"char\")")
            == "CREATE TABLE t (a integer[], b integer[3], c character varying(20), d timestamp(3) with time zone, e interval day to second, f \"char\")")
        #expect(try format("create table t (a s.mytype, b numeric(10, 2), c text)") == "CREATE TABLE t (a s.mytype, b numeric(10, 2), c text)")
    }

    @Test func columnOptions() throws {
        #expect(try format("create table t (a text compression pglz, b text compression default)")
            == "CREATE TABLE t (a text COMPRESSION pglz, b text COMPRESSION DEFAULT)")
        #expect(try format("create table t (a text not null collate \"C\")") == "CREATE TABLE t (a text COLLATE \"C\" NOT NULL)")
        #expect(try format("create table t (a text options (x 'y'))") == "CREATE TABLE t (a text OPTIONS (x 'y'))")
    }

    @Test func simpleColumnConstraints() throws {
        #expect(try format("create table t (a int not null, b int null, c int constraint c_nn not null)")
            == "CREATE TABLE t (a integer NOT NULL, b integer NULL, c integer CONSTRAINT c_nn NOT NULL)")
        #expect(try format("create table t (a int check (a > 0) no inherit)") == "CREATE TABLE t (a integer CHECK (a > 0) NO INHERIT)")
        #expect(try format("create table t (a int unique nulls not distinct with (fillfactor = 70) using index tablespace ts)")
            == "CREATE TABLE t (a integer UNIQUE NULLS NOT DISTINCT WITH (fillfactor = 70) USING INDEX TABLESPACE ts)")
        #expect(try format("create table t (a int primary key deferrable initially deferred)")
            == "CREATE TABLE t (a integer PRIMARY KEY DEFERRABLE INITIALLY DEFERRED)")
    }

    @Test func defaults() throws {
        // DEFAULT takes a b_expr: anything but an atom or a cast is parenthesized.
        #expect(try format("create table t (a int default 1, b int default -1, c timestamptz default now())")
            == "CREATE TABLE t (a integer DEFAULT 1, b integer DEFAULT -1, c timestamptz DEFAULT now())")
        #expect(try format("create table t (a text default 'x' || 'y', b int default (1 + 2) * 3)")
            == "CREATE TABLE t (a text DEFAULT ('x' || 'y'), b integer DEFAULT ((1 + 2) * 3))")
        #expect(try format("create table t (a int default 1::int not null)") == "CREATE TABLE t (a integer DEFAULT 1::integer NOT NULL)")
        #expect(try format("create table t (a boolean default (a is null))") == "CREATE TABLE t (a boolean DEFAULT (a IS NULL))")
    }

    @Test func references() throws {
        #expect(try format("create table t (a int references p)") == "CREATE TABLE t (a integer REFERENCES p)")
        #expect(try format("create table t (a int references s.p (b) match full on delete cascade on update restrict)")
            == "CREATE TABLE t (a integer REFERENCES s.p (b) MATCH FULL ON UPDATE RESTRICT ON DELETE CASCADE)")
        #expect(try format("create table t (a int references p match simple on delete set null (a) on update set default)")
            == "CREATE TABLE t (a integer REFERENCES p ON UPDATE SET DEFAULT ON DELETE SET NULL (a))")
        #expect(try format("create table t (a int constraint fk references p deferrable initially deferred)")
            == "CREATE TABLE t (a integer CONSTRAINT fk REFERENCES p DEFERRABLE INITIALLY DEFERRED)")
        #expect(try format("create table t (a int references p not deferrable initially immediate)")
            == "CREATE TABLE t (a integer REFERENCES p NOT DEFERRABLE INITIALLY IMMEDIATE)")
    }

    @Test func generatedColumns() throws {
        #expect(try format("create table t (a int, b int generated always as (a * 2) stored)")
            == "CREATE TABLE t (a integer, b integer GENERATED ALWAYS AS (a * 2) STORED)")
        #expect(try format("create table t (a int generated always as identity)") == "CREATE TABLE t (a integer GENERATED ALWAYS AS IDENTITY)")
        #expect(try format("create table t (a bigint generated by default as identity (start with 10 increment 5 minvalue 1 no maxvalue cache 20 cycle))")
            == "CREATE TABLE t (a bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 5 MINVALUE 1 NO MAXVALUE CACHE 20 CYCLE))")
        #expect(try format("create table t (a int generated always as identity (as smallint sequence name s.q no cycle restart 3))")
            == "CREATE TABLE t (a integer GENERATED ALWAYS AS IDENTITY (AS smallint SEQUENCE NAME s.q NO CYCLE RESTART WITH 3))")
    }

    @Test func tableConstraints() throws {
        #expect(try format("create table t (a int, b int, primary key (a, b) include (c) with (fillfactor = 10) using index tablespace ts)")
            == "CREATE TABLE t (a integer, b integer, PRIMARY KEY (a, b) INCLUDE (c) WITH (fillfactor = 10) USING INDEX TABLESPACE ts)")
        #expect(try format("create table t (a int, constraint u unique nulls not distinct (a) deferrable)")
            == "CREATE TABLE t (a integer, CONSTRAINT u UNIQUE NULLS NOT DISTINCT (a) DEFERRABLE)")
        #expect(try format("create table t (a int, constraint c check (a > 0) no inherit not valid)")
            == "CREATE TABLE t (a integer, CONSTRAINT c CHECK (a > 0) NO INHERIT NOT VALID)")
        #expect(try format("create table t (a int, foreign key (a, b) references p (x, y) match full on delete set null (a) initially deferred)")
            == "CREATE TABLE t (a integer, FOREIGN KEY (a, b) REFERENCES p (x, y) MATCH FULL ON DELETE SET NULL (a) DEFERRABLE INITIALLY DEFERRED)")
        #expect(try format("create table t (r tsrange, exclude using gist (r with &&, (lower(r)) with operator(pg_catalog.=)) include (x) where (r is not null))")
            == "CREATE TABLE t (r tsrange, EXCLUDE USING gist (r WITH &&, (lower(r)) WITH OPERATOR(pg_catalog.=)) INCLUDE (x) WHERE (r IS NOT NULL))")
        // Without USING the grammar fills in btree.
        #expect(try format("create table t (a int, exclude (a with =))") == "CREATE TABLE t (a integer, EXCLUDE USING btree (a WITH =))")
    }

    @Test func likeAndInherits() throws {
        #expect(try format("create table t (like s)") == "CREATE TABLE t (LIKE s)")
        #expect(try format("create table t (like s including all excluding indexes excluding comments)")
            == "CREATE TABLE t (LIKE s INCLUDING ALL EXCLUDING COMMENTS EXCLUDING INDEXES)")
        #expect(try format("create table t (like s including defaults including constraints, a int)")
            == "CREATE TABLE t (LIKE s INCLUDING CONSTRAINTS INCLUDING DEFAULTS, a integer)")
        // EXCLUDING after nothing clears nothing: the same tree as plain LIKE.
        #expect(try format("create table t (like s excluding all)") == "CREATE TABLE t (LIKE s)")
        #expect(try format("create table t (a int) inherits (p, s.q)") == "CREATE TABLE t (a integer) INHERITS (p, s.q)")
    }

    @Test func partitioning() throws {
        #expect(try format("create table t (a int, b text) partition by range (a, (b || 'x') collate \"C\" text_pattern_ops)")
            == "CREATE TABLE t (a integer, b text) PARTITION BY RANGE (a, (b || 'x') COLLATE \"C\" text_pattern_ops)")
        #expect(try format("create table t (a text) partition by list (lower(a))") == "CREATE TABLE t (a text) PARTITION BY LIST ((lower(a)))")
        #expect(try format("create table t (a int) partition by hash (a int4_ops)") == "CREATE TABLE t (a integer) PARTITION BY HASH (a int4_ops)")
    }

    @Test func partitions() throws {
        #expect(try format("create table p partition of t for values in (1, 2, null)") == "CREATE TABLE p PARTITION OF t FOR VALUES IN (1, 2, NULL)")
        #expect(try format("create table p partition of t for values from (minvalue, 1) to (maxvalue, 10)")
            == "CREATE TABLE p PARTITION OF t FOR VALUES FROM (minvalue, 1) TO (maxvalue, 10)")
        #expect(try format("create table p partition of t for values with (modulus 4, remainder 0)")
            == "CREATE TABLE p PARTITION OF t FOR VALUES WITH (MODULUS 4, REMAINDER 0)")
        #expect(try format("create table p partition of t default") == "CREATE TABLE p PARTITION OF t DEFAULT")
        #expect(try format("create table p partition of t (a not null, constraint c check (a > 0)) for values in ('x') partition by range (b)")
            == "CREATE TABLE p PARTITION OF t (a WITH OPTIONS NOT NULL, CONSTRAINT c CHECK (a > 0)) FOR VALUES IN ('x') PARTITION BY RANGE (b)")
    }

    @Test func analysedRangeBounds() throws {
        // Parse analysis turns MINVALUE/MAXVALUE into PartitionRangeDatum; those print as the keywords.
        guard case .createStmt(var s) = try parsed("create table p partition of t for values from (0) to (1)") else {
            Issue.record("not a CREATE TABLE")
            return
        }
        var minimum = PartitionRangeDatum()
        minimum.kind = .partitionRangeDatumMinvalue
        var value = PartitionRangeDatum()
        value.kind = .partitionRangeDatumValue
        value.value = s.partbound?.upperdatums.first
        s.partbound?.lowerdatums = [.partitionRangeDatum(minimum)]
        s.partbound?.upperdatums = [.partitionRangeDatum(value)]
        #expect(try SQLDeparser.deparse(.createStmt(s)) == "CREATE TABLE p PARTITION OF t FOR VALUES FROM (MINVALUE) TO (1)")
    }

    @Test func typedTables() throws {
        #expect(try format("create table t of ty") == "CREATE TABLE t OF ty")
        #expect(try format("create table t of s.ty (a with options default 1, primary key (a))")
            == "CREATE TABLE t OF s.ty (a WITH OPTIONS DEFAULT 1, PRIMARY KEY (a))")
    }

    @Test func storageAndCommit() throws {
        #expect(try format("create table t (a int) using heap with (fillfactor = 10, toast.autovacuum_enabled = off, parallel_workers) tablespace ts")
            == "CREATE TABLE t (a integer) USING heap WITH (fillfactor = 10, toast.autovacuum_enabled = off, parallel_workers) TABLESPACE ts")
        // Reserved words arrive as strings and print as literals, which read back as the same strings.
        #expect(try format("create table t (a int) with (autovacuum_enabled = false, x = 1.5, y = 'z')")
            == "CREATE TABLE t (a integer) WITH (autovacuum_enabled = 'false', x = 1.5, y = 'z')")
        #expect(try format("create table t (a int) without oids") == "CREATE TABLE t (a integer)")
        #expect(try format("create temp table t (a int) on commit drop") == "CREATE TEMPORARY TABLE t (a integer) ON COMMIT DROP")
        #expect(try format("create temp table t (a int) on commit delete rows") == "CREATE TEMPORARY TABLE t (a integer) ON COMMIT DELETE ROWS")
        #expect(try format("create temp table t (a int) on commit preserve rows") == "CREATE TEMPORARY TABLE t (a integer) ON COMMIT PRESERVE ROWS")
    }

    @Test func unprintable() throws {
        // libpg_query drops the value of a zero or negative Integer outside constants.
        #expect(throws: DeparseError.self) { try format("create table t (a int) with (fillfactor = 0)") }
        #expect(throws: DeparseError.self) { try format("create table t (a int generated always as identity (start -5))") }
        // Fields only parse analysis sets.
        guard case .createStmt(var s) = try parsed("create table t (a int)"), case .columnDef(var column) = s.tableElts[0] else {
            Issue.record("not a CREATE TABLE with a column")
            return
        }
        column.isNotNull = true
        s.tableElts = [.columnDef(column)]
        #expect(throws: DeparseError.self) { try SQLDeparser.deparse(.createStmt(s)) }
        // A deferrable CHECK cannot be written.
        guard case .createStmt(var c) = try parsed("create table t (a int, check (a > 0))"), case .constraint(var check) = c.tableElts[1] else {
            Issue.record("not a CREATE TABLE with a constraint")
            return
        }
        check.deferrable = true
        c.tableElts[1] = .constraint(check)
        #expect(throws: DeparseError.self) { try SQLDeparser.deparse(.createStmt(c)) }
    }
}

@Suite("CREATE INDEX, ALTER TABLE, CREATE SCHEMA and DROP round trip")
struct SchemaDDLRoundTripTests {
    @Test func createIndex() throws {
        #expect(try format("create index on t (a)") == "CREATE INDEX ON t USING btree (a)")
        #expect(try format("create unique index concurrently if not exists i on only s.t using gist (a collate \"C\" text_ops desc nulls last, (lower(b)), c int4_ops (siglen = 8)) include (d) nulls not distinct with (fillfactor = 70) tablespace ts where a > 1")
            == "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY s.t USING gist (a COLLATE \"C\" text_ops DESC NULLS LAST, (lower(b)), c int4_ops (siglen = 8)) INCLUDE (d) NULLS NOT DISTINCT WITH (fillfactor = 70) TABLESPACE ts WHERE a > 1")
        #expect(try format("create index i on t ((a + b) asc nulls first)") == "CREATE INDEX i ON t USING btree ((a + b) ASC NULLS FIRST)")
    }

    @Test func alterColumns() throws {
        #expect(try format("alter table t add a int not null default 3") == "ALTER TABLE t ADD COLUMN a integer NOT NULL DEFAULT 3")
        #expect(try format("alter table if exists only t add column if not exists a text collate \"C\"")
            == "ALTER TABLE IF EXISTS ONLY t ADD COLUMN IF NOT EXISTS a text COLLATE \"C\"")
        #expect(try format("alter table t drop a, drop column if exists b cascade") == "ALTER TABLE t DROP COLUMN a, DROP COLUMN IF EXISTS b CASCADE")
        #expect(try format("alter table t alter a set default 1 + 2, alter b drop default")
            == "ALTER TABLE t ALTER COLUMN a SET DEFAULT 1 + 2, ALTER COLUMN b DROP DEFAULT")
        #expect(try format("alter table t alter a set not null, alter b drop not null")
            == "ALTER TABLE t ALTER COLUMN a SET NOT NULL, ALTER COLUMN b DROP NOT NULL")
        #expect(try format("alter table t alter a set data type varchar(10) collate \"C\" using a::varchar")
            == "ALTER TABLE t ALTER COLUMN a TYPE character varying(10) COLLATE \"C\" USING a::character varying")
        #expect(try format("alter table t alter a set statistics 100, alter a set storage external, alter a set compression default")
            == "ALTER TABLE t ALTER COLUMN a SET STATISTICS 100, ALTER COLUMN a SET STORAGE external, ALTER COLUMN a SET COMPRESSION DEFAULT")
        #expect(try format("alter table t alter a add generated by default as identity (start 10), alter b set generated always restart")
            == "ALTER TABLE t ALTER COLUMN a ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 10), ALTER COLUMN b SET GENERATED ALWAYS RESTART")
        #expect(try format("alter table t alter a drop identity if exists, alter b drop expression")
            == "ALTER TABLE t ALTER COLUMN a DROP IDENTITY IF EXISTS, ALTER COLUMN b DROP EXPRESSION")
        #expect(throws: DeparseError.self) { try format("alter table t alter a set statistics -1") }
    }

    @Test func alterConstraints() throws {
        #expect(try format("alter table t add constraint c check (a > 0) not valid") == "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID")
        #expect(try format("alter table t add foreign key (a) references p on delete cascade not valid")
            == "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p ON DELETE CASCADE NOT VALID")
        #expect(try format("alter table t add constraint u unique using index i deferrable")
            == "ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i DEFERRABLE")
        #expect(try format("alter table t add exclude using gist (r with &&)") == "ALTER TABLE t ADD EXCLUDE USING gist (r WITH &&)")
        #expect(try format("alter table t drop constraint if exists c cascade, validate constraint d")
            == "ALTER TABLE t DROP CONSTRAINT IF EXISTS c CASCADE, VALIDATE CONSTRAINT d")
        #expect(try format("alter table t alter constraint c deferrable initially deferred")
            == "ALTER TABLE t ALTER CONSTRAINT c DEFERRABLE INITIALLY DEFERRED")
    }

    @Test func alterTableSettings() throws {
        #expect(try format("alter table t owner to bob") == "ALTER TABLE t OWNER TO bob")
        #expect(try format("alter table t owner to current_user") == "ALTER TABLE t OWNER TO CURRENT_USER")
        #expect(try format("alter table t set (fillfactor = 10), reset (toast.autovacuum_enabled)")
            == "ALTER TABLE t SET (fillfactor = 10), RESET (toast.autovacuum_enabled)")
        #expect(try format("alter table t set tablespace ts, set logged, cluster on i") == "ALTER TABLE t SET TABLESPACE ts, SET LOGGED, CLUSTER ON i")
        #expect(try format("alter table t inherit p, no inherit q, replica identity full")
            == "ALTER TABLE t INHERIT p, NO INHERIT q, REPLICA IDENTITY FULL")
        #expect(try format("alter table t enable row level security, disable trigger all")
            == "ALTER TABLE t ENABLE ROW LEVEL SECURITY, DISABLE TRIGGER ALL")
        #expect(try format("alter table t attach partition p for values from (1) to (10)")
            == "ALTER TABLE t ATTACH PARTITION p FOR VALUES FROM (1) TO (10)")
        #expect(try format("alter table t detach partition p concurrently") == "ALTER TABLE t DETACH PARTITION p CONCURRENTLY")
        #expect(throws: DeparseError.self) { try format("alter table t alter a options (add x 'y')") }
    }

    @Test func createSchema() throws {
        #expect(try format("create schema s") == "CREATE SCHEMA s")
        #expect(try format("create schema if not exists s authorization bob") == "CREATE SCHEMA IF NOT EXISTS s AUTHORIZATION bob")
        #expect(try format("create schema authorization current_user") == "CREATE SCHEMA AUTHORIZATION CURRENT_USER")
        #expect(try format("create schema s create table t (a int) create index on t (a)")
            == "CREATE SCHEMA s CREATE TABLE t (a integer) CREATE INDEX ON t USING btree (a)")
    }

    @Test func drop() throws {
        #expect(try format("drop table t") == "DROP TABLE t")
        #expect(try format("drop table if exists a, s.b cascade") == "DROP TABLE IF EXISTS a, s.b CASCADE")
        #expect(try format("drop index concurrently if exists i restrict") == "DROP INDEX CONCURRENTLY IF EXISTS i")
        #expect(try format("drop schema if exists a, \"B\" cascade") == "DROP SCHEMA IF EXISTS a, \"B\" CASCADE")
        #expect(try format("drop materialized view m") == "DROP MATERIALIZED VIEW m")
        #expect(throws: DeparseError.self) { try format("drop type ty") }
    }
}
