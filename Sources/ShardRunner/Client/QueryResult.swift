/// A column of a query result, as PostgreSQL described it.
public struct ResultColumn: Sendable, Hashable {
    /// The column's name (`?column?` for an unnamed expression).
    public var name: String
    /// The column's type OID (`pg_type.oid`: 20 for bigint, 25 for text...).
    public var typeOID: UInt32

    /// Creates a column description.
    public init(name: String, typeOID: UInt32) {
        self.name = name
        self.typeOID = typeOID
    }
}

/// The rows of one statement, every value in PostgreSQL's text form: exactly what `psql` prints
/// (`t` for true, `1.50` for `numeric(10,2)`, `2024-02-29 12:34:56+00` for a timestamptz in
/// UTC), with `nil` for SQL NULL.
public struct QueryResult: Sendable, Hashable {
    /// The result's columns, in order; empty for a statement that returns no rows.
    public var columns: [ResultColumn]
    /// The rows, each with one value per column.
    public var rows: [[String?]]
    /// For INSERT, UPDATE and DELETE run with ``NodeSession/modify(_:)``: the affected row
    /// count of the command tag.
    public var affectedRows: Int?

    /// Creates a result.
    public init(columns: [ResultColumn], rows: [[String?]], affectedRows: Int? = nil) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The first value of the first row (for `SELECT count(*) ...`), if any.
    public var scalar: String? { rows.first?.first ?? nil }
}
