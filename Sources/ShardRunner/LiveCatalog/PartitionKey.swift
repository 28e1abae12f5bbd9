/// Reads Citus's `pg_dist_partition.partkey`: the text form of a PostgreSQL `Var` node,
/// `{VAR :varno 1 :varattno 2 :vartype 20 :vartypmod -1 ...}`.
public enum PartitionKey {
    /// The attribute number (`:varattno`) of the distribution column, or nil when the text is
    /// not a `Var` node.
    public static func attributeNumber(in partkey: String) -> Int? {
        guard partkey.hasPrefix("{VAR") else { return nil }
        let tokens = partkey.split(whereSeparator: { $0 == " " || $0 == "{" || $0 == "}" })
        guard let index = tokens.firstIndex(of: ":varattno"), index + 1 < tokens.count else { return nil }
        return Int(tokens[index + 1])
    }

    /// A `Var` node text for a column, as Citus 13 on PostgreSQL 15 stores it.
    public static func varNode(attributeNumber: Int, typeOID: UInt32, typmod: Int32, collationOID: UInt32) -> String {
        "{VAR :varno 1 :varattno \(attributeNumber) :vartype \(typeOID) :vartypmod \(typmod) :varcollid \(collationOID) "
            + ":varlevelsup 0 :varnosyn 1 :varattnosyn \(attributeNumber) :location -1}"
    }
}
