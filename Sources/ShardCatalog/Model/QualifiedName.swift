/// A schema-qualified relation name, as PostgreSQL stores it (case already folded).
public struct QualifiedName: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var schema: String
    public var name: String

    public init(schema: String, name: String) {
        self.schema = schema
        self.name = name
    }

    /// `public.orders`, with each part quoted only when PostgreSQL needs it.
    public var description: String { quotedSchema + "." + quotedName }

    /// The schema, quoted when PostgreSQL needs it.
    public var quotedSchema: String { PostgresType.quoteIdentifier(schema) }
    /// The relation name, quoted when PostgreSQL needs it.
    public var quotedName: String { PostgresType.quoteIdentifier(name) }

    /// How Citus prints a relation in its messages: the bare name when the schema is on the
    /// default search path (`public`), else `schema.name`.
    public var displayName: String { schema == "public" ? name : "\(schema).\(name)" }

    public static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
        (lhs.schema, lhs.name) < (rhs.schema, rhs.name)
    }
}
