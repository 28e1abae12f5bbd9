import PostgresServer
import ShardCatalog

/// Compares our input-and-hash path with PostgreSQL's own: each literal goes through the type's
/// input function (with the column's type modifier) and the hash support function on the live
/// server, in one COPY and one query per batch.
actor LiveHashOracle {
    static let shared = LiveHashOracle()

    private var database: Task<PostgresConnection, any Error>?
    private var preparedTypes: [String: Task<Void, any Error>] = [:]
    private var batchCounter = 0

    /// A dedicated database, so the casts and functions made here touch nothing else. Created
    /// once: callers arriving while it is being made (the actor is reentrant at each await) wait
    /// for the same task.
    private func connection() async throws -> PostgresConnection {
        if let database { return try await database.value }
        let making = Task { () throws -> PostgresConnection in
            let server = try await SharedPostgresServer.server()
            let name = "shardplan_hashcheck"
            try await runBlocking { try server.connection.execute("DROP DATABASE IF EXISTS \(name); CREATE DATABASE \(name);") }
            let connection = server.connection(database: name)
            try await runBlocking { try connection.execute("""
                CREATE FUNCTION input_error(v text, t text) RETURNS text LANGUAGE plpgsql AS $$
                BEGIN EXECUTE format('SELECT %L::%s', v, t); RETURN NULL;
                EXCEPTION WHEN others THEN RETURN SQLERRM; END $$;
                """) }
            return connection
        }
        database = making
        return try await making.value
    }

    static func key(_ type: PostgresType) -> String {
        String(type.name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Creates `hx_<key>(type) RETURNS int4` bound to the type's hash support function and
    /// `try_<key>(text) RETURNS text` giving the hash or `ERROR: message`, once per type.
    private func prepare(_ type: PostgresType) async throws -> PostgresConnection {
        let connection = try await connection()
        let key = Self.key(type)
        if let preparing = preparedTypes[key] {
            try await preparing.value
            return connection
        }
        let preparing = Task { try await runBlocking { try Self.createFunctions(for: type, key: key, on: connection) } }
        preparedTypes[key] = preparing
        try await preparing.value
        return connection
    }

    private static func createFunctions(for type: PostgresType, key: String, on connection: PostgresConnection) throws {
        let sqlType = type.name
        let hashTypeName: String
        switch type.base {
        case .varchar: hashTypeName = "text"
        case .cidr: hashTypeName = "inet"
        default: hashTypeName = type.elementType.base == .bpchar ? "bpchar" : PostgresType(base: type.base).name
        }
        let support: String
        if type.base == .money {
            support = "hashint8"  // money has no hash opclass; compare with int8 hashing of its cents
        } else {
            let rows = try connection.query("""
                SELECT p.prosrc FROM pg_opclass c
                JOIN pg_am a ON a.oid = c.opcmethod AND a.amname = 'hash'
                JOIN pg_amproc ap ON ap.amprocfamily = c.opcfamily AND ap.amproclefttype = c.opcintype
                  AND ap.amprocrighttype = c.opcintype AND ap.amprocnum = 1
                JOIN pg_proc p ON p.oid = ap.amproc
                WHERE c.opcdefault AND c.opcintype = '\(hashTypeName)'::regtype
                """)
            guard let found = rows.first?.first ?? nil else { throw OracleError("no hash opclass for \(hashTypeName)") }
            support = found
        }
        let inputRows = try connection.query("""
            SELECT t.typinput::text, p.pronargs, t.oid FROM pg_type t JOIN pg_proc p ON p.oid = t.typinput
            WHERE t.oid = '\(PostgresType(base: type.base).name)'::regtype
            """)
        guard let input = inputRows.first, let function = input[0], let arguments = input[1], let oid = input[2] else {
            throw OracleError("no input function for \(sqlType)")
        }
        let call = arguments == "1" ? "\(function)(v::cstring)" : "\(function)(v::cstring, \(oid), \(type.typmod))"
        try connection.execute("""
            CREATE FUNCTION hx_\(key)(\(sqlType)) RETURNS int4 LANGUAGE internal IMMUTABLE STRICT AS '\(support)';
            CREATE FUNCTION try_\(key)(v text) RETURNS text LANGUAGE plpgsql AS $$
            BEGIN RETURN hx_\(key)(\(call))::text;
            EXCEPTION WHEN others THEN RETURN 'ERROR: ' || SQLERRM; END $$;
            """)
    }

    /// PostgreSQL's result for each literal: the hash as text, or `ERROR: message`.
    func serverResults(type: PostgresType, values: [String], timeZone: String) async throws -> [String] {
        let connection = try await prepare(type)
        batchCounter += 1
        let table = "batch_\(batchCounter)"
        try await runBlocking { try connection.execute("CREATE UNLOGGED TABLE \(table) (i int PRIMARY KEY, v text NOT NULL)") }
        try await runBlocking { try connection.copy(into: table, rows: values.enumerated().map { [String($0.offset), $0.element] }) }
        let rows = try await runBlocking { try connection.query("""
            SET TimeZone = '\(timeZone)';
            SELECT i, try_\(Self.key(type))(v) FROM \(table) ORDER BY i;
            """) }
        try await runBlocking { try connection.execute("DROP TABLE \(table)") }
        guard rows.count == values.count else { throw OracleError("expected \(values.count) rows, got \(rows.count)") }
        return rows.map { $0[1] ?? "NULL" }
    }

    /// PostgreSQL's error message for `'literal'::type`, or nil when it accepts the literal.
    func castError(type: String, values: [String]) async throws -> [String?] {
        let connection = try await connection()
        batchCounter += 1
        let table = "errors_\(batchCounter)"
        try await runBlocking { try connection.execute("CREATE UNLOGGED TABLE \(table) (i int PRIMARY KEY, v text NOT NULL)") }
        try await runBlocking { try connection.copy(into: table, rows: values.enumerated().map { [String($0.offset), $0.element] }) }
        let rows = try await runBlocking { try connection.query("SELECT i, input_error(v, '\(type)') FROM \(table) ORDER BY i") }
        try await runBlocking { try connection.execute("DROP TABLE \(table)") }
        return rows.map { $0[1] }
    }

    /// Runs SQL on the check database.
    func query(_ sql: String) async throws -> [[String?]] {
        let connection = try await connection()
        return try await runBlocking { try connection.query(sql) }
    }
}

struct OracleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Our result for a literal in the oracle's notation.
func localResult(_ type: PostgresType, _ literal: String, timeZone: String) -> String {
    do {
        return String(try type.input(literal, timeZone: timeZone).postgresHash)
    } catch {
        if error.code == .featureNotSupported { return "UNSUPPORTED: \(error.message)" }
        return "ERROR: \(error.message)"
    }
}

/// Compares every literal and returns readable mismatch lines.
func compareWithServer(type spelling: String, values: [String], timeZone: String = "UTC") async throws -> (mismatches: [String], accepted: Int) {
    let type = try PostgresType(parsing: spelling)
    let server = try await LiveHashOracle.shared.serverResults(type: type, values: values, timeZone: timeZone)
    // Thousands of literals through our input and hash functions: off the cooperative pool.
    return await runBlocking {
        var mismatches: [String] = []
        var accepted = 0
        for (index, literal) in values.enumerated() {
            let ours = localResult(type, literal, timeZone: timeZone)
            if !server[index].hasPrefix("ERROR") { accepted += 1 }
            if ours != server[index] {
                mismatches.append("\(spelling) '\(literal)' (TimeZone \(timeZone)): ours \(ours), PostgreSQL \(server[index])")
            }
        }
        return (mismatches, accepted)
    }
}
