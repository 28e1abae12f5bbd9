import ShardCatalog

/// SQL for the live cross-check of the catalog's hashing: PostgreSQL's own hash support
/// function of the distribution column's type, applied to the column.
public enum HashCheck {
    /// An expression giving the hash PostgreSQL (and Citus) compute for `column`, using
    /// ``PostgresType/hashSupportFunction``; nil when the type has none.
    ///
    /// Most types call the function directly (`hashint8(id)`, `hashtext(code)`,
    /// `hash_numeric(amount)`, `uuid_hash(u)`). A few have no SQL-callable signature for their
    /// own type, so the argument is converted to the type the function takes without changing
    /// the bits it hashes: `date` is its day number since 2000-01-01 (`hashint4`), `boolean` its
    /// byte (`hashchar`), `timestamptz` the same microseconds as a `timestamp` in UTC
    /// (`timestamp_hash`). `bytea`'s `hashvarlena` takes `internal`, so it is called through a
    /// session-local wrapper of the same C function, created by ``setupStatements(for:)``.
    public static func expression(column quotedColumn: String, type: PostgresType) -> String? {
        guard let function = type.hashSupportFunction else { return nil }
        if type.isArray { return "\(function)(\(quotedColumn))" }
        switch type.base {
        case .bytea:
            return "pg_temp.shardrunner_hashvarlena(\(quotedColumn))"
        case .date:
            return "\(function)((\(quotedColumn) - DATE '2000-01-01'))"
        case .bool:
            return "\(function)((\(quotedColumn))::integer::\"char\")"
        case .timestamptz:
            return "\(function)((\(quotedColumn) AT TIME ZONE 'UTC'))"
        default:
            return "\(function)(\(quotedColumn))"
        }
    }

    /// Statements a session must run before using ``expression(column:type:)`` for these types:
    /// for `bytea`, a temporary `LANGUAGE internal` function over `hashvarlena` (needs a
    /// superuser).
    public static func setupStatements(for types: [PostgresType]) -> [String] {
        guard types.contains(where: { !$0.isArray && $0.base == .bytea }) else { return [] }
        return ["CREATE FUNCTION pg_temp.shardrunner_hashvarlena(bytea) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'hashvarlena'"]
    }
}
