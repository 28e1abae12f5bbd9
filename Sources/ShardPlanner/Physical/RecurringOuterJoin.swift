import SQLSyntax
import ShardCatalog

/// `reference LEFT JOIN distributed ON ref.x = dist.distcol` (or the mirrored `distributed RIGHT
/// JOIN reference`; other ON conditions may be ANDed to the equality): every
/// task would keep every reference row, so each task keeps only the reference rows whose join key
/// hashes into its own shard's range (the rows of the distributed shard they can match), and the
/// first task also keeps the rows whose key is NULL (they match nothing). Each reference row is
/// then kept by exactly one task, with all of its matches. Citus does the same (its
/// recurring-outer-join pushdown); unlike Citus the lower bound is inclusive, so a key whose hash
/// equals a shard's minimum is kept too.
struct RecurringOuterJoin {
    /// The reference column as the worker query writes it (`t.id`), and the hash of it that
    /// equals the distribution hash of the distributed rows it can equal (`hashint8(t.id)`).
    let column: String
    let hash: String
    /// The distributed table whose shard ranges split the reference rows.
    let table: CatalogTable
    /// A slot number no table uses: the worker query holds it where the filter goes.
    static let slot = 999_999

    /// What the pushdown accepts, for the error of an outer join it refuses.
    static let refusalHint = "shardplan splits the reference rows across tasks by hash range only for one reference table kept and one distributed table null-extended (reference LEFT JOIN distributed, or distributed RIGHT JOIN reference) with `reference.column = distributed.distribution_column` among the AND conditions of ON (types hashing alike; other conditions may follow); Citus plans other forms with a subplan, which shardplan does not do yet. In a LEFT or RIGHT JOIN, a distributed table on the kept side is pushed down: turn the join around when the query allows it."

    /// The pushdown when it is provably correct: one reference table kept, one hash-distributed
    /// table null-extended (LEFT or RIGHT JOIN), joined by `ref.x = dist.distcol` among the AND
    /// conditions of ON (others may follow), the types hashing alike. Nil otherwise.
    init?(binder: Binder, directory: ShardDirectory) {
        let bound = binder.bound
        guard bound.scopes.count == 1, bound.sublinkCount == 0, bound.subqueries.isEmpty, !bound.hasSetOperations,
              !bound.hasFunctionsInFrom else { return nil }
        let scope = bound.scopes[0]
        guard scope.entries.count == 2, scope.outerJoins.count == 1, scope.localConditions.count == 1,
              let join = scope.outerJoins.first, join.preserved.count == 1, join.nullable.count == 1 else { return nil }
        let reference = bound.entries[join.preserved[0]]
        let distributed = bound.entries[join.nullable[0]]
        guard let referenceTable = reference.table, referenceTable.distribution == .reference,
              let table = distributed.table, case .hash(let distributionName) = table.distribution,
              let distributionIndex = table.columnIndex(named: distributionName),
              !table.shards.isEmpty, table.shards.allSatisfy({ $0.hashRange != nil }) else { return nil }
        let condition = scope.localConditions[0]
        guard condition.entries == [distributed.index] else { return nil }
        let distributionColumn = ColumnBinding(entry: distributed.index, column: distributionIndex)
        // A top-level `ref.x = dist.distcol` of ON: a reference row can then only match rows of
        // the shard its x hashes to.
        var referenceColumn: Int? = nil
        for (left, right) in ShardPruning.columnEqualities(in: condition.node, scope: 0, binder: binder) {
            if left == distributionColumn && right.entry == reference.index { referenceColumn = right.column; break }
            if right == distributionColumn && left.entry == reference.index { referenceColumn = left.column; break }
        }
        guard let referenceColumn,
              let referenceType = reference.columnTypes[referenceColumn],
              let distributionType = table.column(named: distributionName)?.type else { return nil }
        let qualified = directory.quoteIdentifier(reference.referenceName) + "." + directory.quoteIdentifier(reference.columnNames[referenceColumn])
        guard !referenceType.isArray, !distributionType.isArray else { return nil }
        if referenceType.base == distributionType.base, let function = distributionType.hashSupportFunction {
            hash = "\(function)(\(qualified))"
        } else if referenceType.isInteger && distributionType.isInteger {
            // Integer `=` compares values across int2/int4/int8, and hashint8 of a value in the
            // int4 range equals hashint4 (and hashint2) of it: one hash for every integer type.
            hash = "hashint8(\(qualified)::bigint)"
        } else {
            return nil
        }
        column = qualified
        self.table = table
    }

    /// The marker the worker query holds in its WHERE clause, filled per task with `filter`.
    static var placeholder: Node { Build.column(SQLTemplate.marker(slot)) }

    /// The filter of the task for shard `index`; `first` adds the NULL keys.
    func filter(shard index: Int, first: Bool) -> String {
        let range = table.shards[index].hashRange!
        let inRange = "(\(hash) >= \(range.lowerBound) AND \(hash) <= \(range.upperBound))"
        return first ? "(\(column) IS NULL OR \(inRange))" : inRange
    }
}
