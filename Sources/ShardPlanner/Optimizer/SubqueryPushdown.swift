import SQLSyntax
import ShardCatalog

/// Decides whether a multi-shard SELECT with subqueries (in FROM, or sublinks in expressions)
/// can run as one task per shard index with every table replaced by its shard of that index,
/// and proves it from the statement alone; anything it cannot prove is refused (nil).
///
/// The invariant, per query level: every row the level produces belongs to one shard index,
/// and a set K of its columns (the "key" columns) holds, whenever not NULL, exactly the value
/// whose hash places the row there. A level is
/// - *recurring* when it reads no distributed table: every task computes all of it;
/// - *anchored* when the key columns of all its distributed relations are tied by equalities
///   that filter its rows to a key column of an enclosing level (a correlated `o.customer_id =
///   c.id`): for each outer row, all rows the level can use come from the outer row's shard, so
///   anything (aggregates, LIMIT, windows) computes the same in that task as on all data;
/// - *partitioned* when its distributed relations are tied to each other by such equalities and
///   every operation that combines rows (GROUP BY, DISTINCT, windows) keeps the key, and it has
///   no LIMIT/OFFSET: the level's rows are then split across tasks without loss.
/// Sublinks must be anchored, or partitioned and used as `key IN (SELECT key ...)` among the
/// top-level AND conditions of WHERE (a row's key can only be found in its own shard's part).
///
/// Equalities count only where they filter rows: top-level AND conditions of WHERE and of inner
/// joins tie both sides; the ON condition of an outer join ties a null-extended column to the
/// other side, never the kept side to anything; a FULL JOIN's ON ties only two relations' keys.
/// Both columns must be of one type (or both integers), so that `=` is the equality the hash
/// respects.
struct SubqueryPushdown {
    let binder: Binder
    let statement: SelectStmt
    /// The colocation group every hash-distributed table must belong to.
    let colocationId: Int32?

    enum Mode { case recurring, anchored, partitioned }

    struct Level {
        var mode: Mode
        /// The key columns (bindings of this level's entries, and of outer levels it is tied to).
        var keys: Set<ColumnBinding>
        /// The key columns that are never NULL (a hash table's distribution column of a
        /// relation no outer join null-extends, a column of a filtering equality, a FROM
        /// subquery's never-NULL key output): GROUP BY, DISTINCT and PARTITION BY need one.
        var strictKeys: Set<ColumnBinding> = []
        /// Output positions holding a key column, and those holding a never-NULL key column.
        var keyOutputs: [Int]
        var strictOutputs: [Int] = []
    }

    private var bound: BoundStatement { binder.bound }

    /// The key columns of the top level, or nil when pushdown is not provably correct.
    func check() -> Set<ColumnBinding>? {
        guard !bound.hasSetOperations, !bound.hasFunctionsInFrom, !bound.hasCTEs else { return nil }
        guard let level = analyze(0, anchors: []), level.mode == .partitioned else { return nil }
        return level.keys
    }

    // MARK: Levels

    private func select(of scope: Int) -> SelectStmt? {
        if scope == 0 { return statement }
        if let index = bound.subqueryScopes.firstIndex(of: scope) { return bound.subqueries[index] }
        if let sublink = bound.sublinks.first(where: { $0.inner == scope }), case .selectStmt(let select)? = sublink.link.subselect {
            return select
        }
        return nil
    }

    private func subqueryScope(_ entry: RangeEntry) -> Int? {
        if case .subquery(let index) = entry.source, index < bound.subqueryScopes.count { return bound.subqueryScopes[index] }
        return nil
    }

    /// Whether a level reads a distributed table, itself or in any subquery.
    private func readsDistributed(_ scope: Int) -> Bool {
        for index in bound.scopes[scope].entries {
            let entry = bound.entries[index]
            if let table = entry.table, table.distribution != .reference { return true }
            if let inner = subqueryScope(entry), readsDistributed(inner) { return true }
        }
        return bound.sublinks.contains { $0.outer == scope && readsDistributed($0.inner) }
    }

    /// Analyzes a level: anchored to `anchors` when possible, else partitioned; nil when neither.
    private func analyze(_ scope: Int, anchors: Set<ColumnBinding>) -> Level? {
        guard readsDistributed(scope) else { return Level(mode: .recurring, keys: [], keyOutputs: []) }
        guard let select = select(of: scope), select.op == .setopNone || select.op == .setOperationUndefined,
              select.valuesLists.isEmpty else { return nil }
        let info = bound.scopes[scope]
        // An outer join whose kept side reads no distributed table repeats its rows in every task.
        for join in info.outerJoins {
            let nullableReads = join.nullable.contains { entryReadsDistributed($0) }
            let keptReads = join.preserved.contains { entryReadsDistributed($0) }
            if nullableReads && !keptReads { return nil }
        }
        if !anchors.isEmpty, var level = analyze(scope, select: select, seeds: anchors, anchors: anchors, mode: .anchored) {
            level.keyOutputs = outputPositions(select, scope: scope, in: level.keys)
            return level
        }
        // Partitioned: seeded by the key of the first distributed relation whose rows are kept.
        guard var level = analyze(scope, select: select, seeds: nil, anchors: [], mode: .partitioned) else { return nil }
        if scope != 0 {
            guard keepsPartitions(select, scope: scope, keys: level.strictKeys) else { return nil }
        }
        level.keyOutputs = outputPositions(select, scope: scope, in: level.keys)
        level.strictOutputs = outputPositions(select, scope: scope, in: level.strictKeys)
        return level
    }

    private func entryReadsDistributed(_ index: Int) -> Bool {
        let entry = bound.entries[index]
        if let table = entry.table { return table.distribution != .reference }
        if let inner = subqueryScope(entry) { return readsDistributed(inner) }
        return false
    }

    private func analyze(_ scope: Int, select: SelectStmt, seeds: Set<ColumnBinding>?, anchors: Set<ColumnBinding>,
                         mode: Mode) -> Level? {
        let info = bound.scopes[scope]
        var edges = equalityEdges(scope)
        // Per distributed relation: the key columns one of which must be in K (empty: satisfied).
        var required: [[ColumnBinding]] = []
        // Columns never NULL in this level's rows.
        var strict = Set<ColumnBinding>()
        for condition in info.conjuncts {
            for (a, b) in equalities(condition, scope: scope) { strict.insert(a); strict.insert(b) }
        }
        var lateral: [(entry: RangeEntry, scope: Int)] = []
        var seed: ColumnBinding? = nil
        for index in info.entries {
            let entry = bound.entries[index]
            if let table = entry.table {
                switch table.distribution {
                case .reference:
                    continue
                case .hash(let column):
                    guard table.colocationId == colocationId, let position = table.columnIndex(named: column) else { return nil }
                    let key = ColumnBinding(entry: index, column: position)
                    required.append([key])
                    if !entry.nullable { strict.insert(key) }
                    if seed == nil && !entry.nullable { seed = key }
                default:
                    return nil
                }
            } else if let inner = subqueryScope(entry) {
                guard readsDistributed(inner) else { continue }
                if bound.scopes[inner].parent == scope {
                    lateral.append((entry, inner))
                    continue
                }
                // A FROM subquery sees the enclosing levels' columns, not this level's.
                guard let level = analyze(inner, anchors: mode == .anchored ? anchors : []) else { return nil }
                if level.mode == .anchored && mode == .anchored { continue }
                guard level.mode == .partitioned else { return nil }
                let keys = level.keyOutputs.filter { $0 < entry.columnNames.count }.map { ColumnBinding(entry: index, column: $0) }
                guard let first = keys.first else { return nil }
                for key in keys.dropFirst() { edges.append((first, key, true)) }
                required.append(keys)
                if !entry.nullable {
                    for position in level.strictOutputs { strict.insert(ColumnBinding(entry: index, column: position)) }
                }
                if seed == nil && !entry.nullable { seed = first }
            } else {
                return nil
            }
        }
        // FULL JOIN ON a.key = b.key: a matched row has both keys equal, an unmatched row only its
        // own side's key. Only equalities between two relations' keys tie (any other column of a
        // kept-unmatched row is unrelated to its shard).
        let relationKeys = Set(required.joined())
        for condition in Self.fullJoinConditions(select.fromClause) {
            for (a, b) in equalities(condition, scope: scope) where relationKeys.contains(a) && relationKeys.contains(b) {
                edges.append((a, b, true))
            }
        }
        var keys: Set<ColumnBinding>
        // (A FULL JOIN null-extends both sides: any relation's key then starts the class.)
        if let seeds { keys = seeds } else if let seed = seed ?? required.first?.first { keys = [seed] } else { return nil }
        keys = Self.closure(keys, edges)
        // LATERAL subqueries see this level's columns: anchored to its keys, or partitioned.
        for (entry, inner) in lateral {
            guard let level = analyze(inner, anchors: keys.union(anchors)) else { return nil }
            let outputs = level.keyOutputs.filter { $0 < entry.columnNames.count }.map { ColumnBinding(entry: entry.index, column: $0) }
            if level.mode == .anchored {
                keys.formUnion(outputs)
            } else {
                if !entry.nullable {
                    for position in level.strictOutputs { strict.insert(ColumnBinding(entry: entry.index, column: position)) }
                }
                guard let first = outputs.first else { return nil }
                for key in outputs.dropFirst() { edges.append((first, key, true)) }
                required.append(outputs)
            }
            keys = Self.closure(keys, edges)
        }
        for options in required where !options.isEmpty {
            guard options.contains(where: { keys.contains($0) }) else { return nil }
        }
        // Sublinks of this level.
        let whereConjuncts = select.whereClause.map(ShardPruning.conjuncts(of:)) ?? []
        for sublink in bound.sublinks where sublink.outer == scope {
            guard readsDistributed(sublink.inner) else { continue }
            guard let level = analyze(sublink.inner, anchors: keys.union(anchors)) else { return nil }
            if level.mode == .anchored { continue }
            guard level.mode == .partitioned, isKeyMembership(sublink.link, conjuncts: whereConjuncts, scope: scope,
                                                              keys: keys, innerKeyOutputs: level.keyOutputs) else { return nil }
        }
        return Level(mode: mode, keys: keys, strictKeys: keys.intersection(strict), keyOutputs: [])
    }

    // MARK: Sublinks

    /// `key IN (SELECT key ...)` (or `= ANY`), a top-level AND condition of WHERE, with a key
    /// column of this level compared to a key output of the partitioned subquery.
    private func isKeyMembership(_ link: SubLink, conjuncts: [Node], scope: Int, keys: Set<ColumnBinding>,
                                 innerKeyOutputs: [Int]) -> Bool {
        guard link.subLinkType == .anySublink else { return false }
        if !link.operName.isEmpty {
            guard link.operName.count == 1, case .string(let name) = link.operName[0], name.sval == "=" else { return false }
        }
        guard conjuncts.contains(where: { if case .subLink(let other) = $0 { return other.location == link.location } else { return false } }),
              let test = link.testexpr else { return false }
        let tested: [Node]
        if case .rowExpr(let row) = test { tested = row.args } else { tested = [test] }
        for position in innerKeyOutputs where position < tested.count {
            guard case .columnRef(let ref) = tested[position], let binding = try? binder.resolve(ref, scope: scope) else { continue }
            if keys.contains(binding) { return true }
        }
        return false
    }

    // MARK: Equalities

    /// (a, b, symmetric): a key value in a makes b a key column; symmetric edges work both ways.
    private func equalityEdges(_ scope: Int) -> [(ColumnBinding, ColumnBinding, Bool)] {
        let info = bound.scopes[scope]
        var edges: [(ColumnBinding, ColumnBinding, Bool)] = []
        for condition in info.conjuncts {
            for (a, b) in equalities(condition, scope: scope) { edges.append((a, b, true)) }
        }
        // ON of an outer join (or of an inner join inside its null-extended side) filters only
        // the rows of `entries`.
        for (condition, entries) in info.localConditions {
            for (a, b) in equalities(condition, scope: scope) {
                let aInside = entries.contains(a.entry), bInside = entries.contains(b.entry)
                if aInside && bInside { edges.append((a, b, true)) }
                else if aInside { edges.append((b, a, false)) }
                else if bInside { edges.append((a, b, false)) }
            }
        }
        return edges
    }

    private func equalities(_ condition: Node, scope: Int) -> [(ColumnBinding, ColumnBinding)] {
        var out: [(ColumnBinding, ColumnBinding)] = []
        for conjunct in ShardPruning.conjuncts(of: condition) {
            guard case .aExpr(let expr) = conjunct, expr.kind == .aexprOp, Self.isPlainEquals(expr),
                  case .columnRef(let l)? = expr.lexpr, case .columnRef(let r)? = expr.rexpr,
                  let left = try? binder.resolve(l, scope: scope), let right = try? binder.resolve(r, scope: scope),
                  compatible(left, right) else { continue }
            out.append((left, right))
        }
        return out
    }

    static func isPlainEquals(_ expr: A_Expr) -> Bool {
        guard ShardPruning.operatorName(expr) == "=" else { return false }
        if expr.name.count == 1 { return true }
        if expr.name.count == 2, case .string(let schema) = expr.name[0] { return schema.sval == "pg_catalog" }
        return false
    }

    /// Whether `a = b` is the equality both columns' hash follows: one type, or two integers.
    private func compatible(_ a: ColumnBinding, _ b: ColumnBinding) -> Bool {
        guard let left = bound.entries[a.entry].columnTypes[a.column], let right = bound.entries[b.entry].columnTypes[b.column],
              !left.isArray, !right.isArray else { return false }
        if left.isInteger && right.isInteger { return true }
        return left.base == right.base && left.hashSupportFunction != nil
    }

    static func closure(_ seeds: Set<ColumnBinding>, _ edges: [(ColumnBinding, ColumnBinding, Bool)]) -> Set<ColumnBinding> {
        var keys = seeds
        var changed = true
        while changed {
            changed = false
            for (a, b, symmetric) in edges {
                if keys.contains(a) && !keys.contains(b) { keys.insert(b); changed = true }
                if symmetric && keys.contains(b) && !keys.contains(a) { keys.insert(a); changed = true }
            }
        }
        return keys
    }

    // MARK: Operations that combine rows

    /// A partitioned level's GROUP BY, aggregates, DISTINCT and windows stay within one key
    /// value, and it has no LIMIT/OFFSET.
    private func keepsPartitions(_ select: SelectStmt, scope: Int, keys: Set<ColumnBinding>) -> Bool {
        guard select.limitCount == nil, select.limitOffset == nil, select.lockingClause.isEmpty, select.windowClause.isEmpty else { return false }
        let outputs = outputBindings(select, scope: scope)
        func isKey(_ node: Node) -> Bool {
            var item = node
            if case .sortBy(let sort) = node, let inner = sort.node { item = inner }
            if case .aConst(let constant) = item, case .ival(let position)? = constant.val {
                let index = Int(position.ival) - 1
                return index >= 0 && index < outputs.count && outputs[index].map(keys.contains) == true
            }
            guard case .columnRef(let ref) = item, let binding = try? binder.resolve(ref, scope: scope) else { return false }
            return keys.contains(binding)
        }
        let targets = select.targetList.compactMap { target -> Node? in
            if case .resTarget(let result) = target { return result.val }
            return nil
        }
        if !select.groupClause.isEmpty {
            if select.groupClause.contains(where: { if case .groupingSet = $0 { return true } else { return false } }) { return false }
            guard select.groupClause.contains(where: isKey) else { return false }
        } else {
            let aggregated = (targets + select.sortClause).contains { !Aggregates.calls(in: $0).isEmpty }
                || select.havingClause != nil
            if aggregated { return false }
        }
        if !select.distinctClause.isEmpty {
            if select.distinctClause.count == 1 && select.distinctClause[0] == .absent {
                guard outputs.contains(where: { $0.map(keys.contains) == true }) else { return false }
            } else {
                guard select.distinctClause.contains(where: isKey) else { return false }
            }
        }
        for target in targets {
            for window in Aggregates.windows(in: target) {
                guard let over = window.over, over.name.isEmpty, over.refname.isEmpty,
                      over.partitionClause.contains(where: isKey) else { return false }
            }
        }
        return true
    }

    /// The binding each output position shows, when it is a plain column (`*` expanded).
    private func outputBindings(_ select: SelectStmt, scope: Int) -> [ColumnBinding?] {
        var out: [ColumnBinding?] = []
        for target in select.targetList {
            guard case .resTarget(let result) = target, let value = result.val else { continue }
            if let expanded = try? binder.expandStar(value, scope: scope) {
                out += expanded.map { ColumnBinding(entry: $0.entry, column: $0.column) }
                continue
            }
            if case .columnRef(let ref) = value, let binding = try? binder.resolve(ref, scope: scope) { out.append(binding) } else { out.append(nil) }
        }
        return out
    }

    private func outputPositions(_ select: SelectStmt, scope: Int, in keys: Set<ColumnBinding>) -> [Int] {
        outputBindings(select, scope: scope).enumerated().compactMap { position, binding in
            binding.map(keys.contains) == true ? position : nil
        }
    }

    /// The ON conditions of the FULL JOINs of a FROM clause.
    static func fullJoinConditions(_ items: [Node]) -> [Node] {
        items.flatMap { item -> [Node] in
            guard case .joinExpr(let join) = item else { return [] }
            let inner = fullJoinConditions([join.larg, join.rarg].compactMap { $0 })
            guard join.jointype == .joinFull, let quals = join.quals else { return inner }
            return inner + [quals]
        }
    }
}
