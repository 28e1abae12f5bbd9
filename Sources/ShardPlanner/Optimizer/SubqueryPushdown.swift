import SQLSyntax
import ShardCatalog

/// Decides whether a multi-shard SELECT with subqueries (in FROM, or sublinks in expressions)
/// can run as one task per shard index with every table replaced by its shard of that index,
/// and proves it from the statement alone; anything it cannot prove is refused, with the first
/// (innermost) reason found (``PushdownRefusal``).
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
    /// The statement's hash-distributed and single-shard tables, every level's.
    let distributedEntries: [RangeEntry]
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
        /// Why a correlated level could not be anchored (it was partitioned instead).
        var anchoredRefusal: PushdownRefusal? = nil
    }

    private var bound: BoundStatement { binder.bound }

    /// The key columns of the top level; throws why when pushdown is not provably correct.
    func check() throws(PushdownRefusal) -> Set<ColumnBinding> {
        if bound.hasSetOperations { throw .setOperation }
        if bound.hasFunctionsInFrom { throw .functionInFrom }
        if bound.hasCTEs { throw .cte }
        let level = try analyze(0, anchors: [])
        guard level.mode == .partitioned else { throw .unproven }
        return level.keys
    }

    /// Nil when the statement's subqueries can be pushed down over `entries` (its distributed
    /// tables, which must be colocated), else why not.
    static func refusal(binder: Binder, statement: SelectStmt, entries: [RangeEntry]) -> PushdownRefusal? {
        let pushdown = SubqueryPushdown(binder: binder, statement: statement, distributedEntries: entries,
                                        colocationId: entries.first?.table?.colocationId)
        if let refusal = pushdown.colocationRefusal(entries) { return refusal }
        do {
            _ = try pushdown.check()
            return nil
        } catch {
            return error
        }
    }

    // MARK: Colocation

    /// Why tables of several colocation groups cannot run as one task per shard index (nil when
    /// `entries` are colocated): a pair of tables of different groups, preferably one joined in
    /// one FROM clause, and whether a condition equates their distribution columns (colocating
    /// them would then help). A pair nothing equates is reported before one something does.
    private func colocationRefusal(_ entries: [RangeEntry]) -> PushdownRefusal? {
        guard let first = entries.first,
              entries.contains(where: { $0.table?.colocationId != first.table?.colocationId }) else { return nil }
        let edges = statementEqualities()
        func equated(_ a: RangeEntry, _ b: RangeEntry) -> Bool {
            guard let left = a.distributionColumn, let right = b.distributionColumn else { return false }
            return Self.closure([left], edges).contains(right)
        }
        func group(_ entry: RangeEntry) -> Int32? { entry.table?.colocationId }
        // Citus refuses a correlated subquery, or an outer join, over non-colocated tables.
        let outerJoined = bound.scopes.contains { scope in
            scope.hasOuterJoin && Set(entries.filter { $0.scope == scope.id }.map(group)).count > 1
        }
        let correlated = bound.hasCorrelation
        let permanent = correlated || outerJoined
        func refusal(_ table: RangeEntry, _ other: RangeEntry, equated: Bool, joinedIn scope: Int?) -> PushdownRefusal {
            // Two tables joined in one FROM clause need a repartition join (Citus has none for an
            // outer join); across query levels, an uncorrelated inner level can be a subplan, a
            // correlated one becomes a join between the non-colocated tables when decorrelated.
            let later: PushdownRefusal.Remedy?
            if let scope, bound.scopes[scope].hasOuterJoin {
                later = nil
            } else if scope != nil || correlated {
                later = correlated ? .repartitionAndDecorrelation : .repartition
            } else {
                later = .subplans
            }
            return .notColocated(table.table!.name.name, with: other.table!.name.name, equated: equated, permanent: permanent, later: later)
        }
        var equatedPair: PushdownRefusal? = nil
        for scope in bound.scopes.indices {
            let joined = entries.filter { $0.scope == scope }
            for (position, table) in joined.enumerated() {
                for other in joined[..<position] where group(other) != group(table) {
                    if !equated(table, other) { return refusal(table, other, equated: false, joinedIn: scope) }
                    if equatedPair == nil { equatedPair = refusal(table, other, equated: true, joinedIn: scope) }
                }
            }
        }
        for table in entries where group(table) != group(first) {
            if let other = entries.first(where: { group($0) != group(table) && equated(table, $0) }) {
                if equatedPair == nil { equatedPair = refusal(table, other, equated: true, joinedIn: nil) }
            } else {
                return refusal(table, first, equated: false, joinedIn: nil)
            }
        }
        return equatedPair
    }

    /// The column equalities among the AND conditions of every level's WHERE and ON (correlated
    /// ones included), and `a IN (SELECT b ...)` as `a = b`: both directions.
    private func statementEqualities() -> [(ColumnBinding, ColumnBinding, Bool)] {
        var edges: [(ColumnBinding, ColumnBinding, Bool)] = []
        for scope in bound.scopes {
            for condition in scope.conjuncts + scope.joinConditions {
                for (a, b) in equalities(condition, scope: scope.id) { edges.append((a, b, true)) }
            }
        }
        for sublink in bound.sublinks where sublink.link.subLinkType == .anySublink {
            guard let test = sublink.link.testexpr, let select = select(of: sublink.inner) else { continue }
            let tested: [Node]
            if case .rowExpr(let row) = test { tested = row.args } else { tested = [test] }
            for (node, output) in zip(tested, outputBindings(select, scope: sublink.inner)) {
                guard case .columnRef(let ref) = node, let column = try? binder.resolve(ref, scope: sublink.outer),
                      let output, compatible(column, output) else { continue }
                edges.append((column, output, true))
            }
        }
        return edges
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

    /// Analyzes a level: anchored to `anchors` when possible, else partitioned; throws when
    /// neither. A correlated level that is neither throws why it could not be anchored.
    private func analyze(_ scope: Int, anchors: Set<ColumnBinding>) throws(PushdownRefusal) -> Level {
        guard readsDistributed(scope) else { return Level(mode: .recurring, keys: [], keyOutputs: []) }
        guard let select = select(of: scope) else { throw .unproven }
        guard select.op == .setopNone || select.op == .setOperationUndefined else { throw .setOperation }
        guard select.valuesLists.isEmpty else { throw .values }
        let info = bound.scopes[scope]
        // An outer join whose kept side reads no distributed table repeats its rows in every task.
        for join in info.outerJoins {
            let nullableReads = join.nullable.contains { entryReadsDistributed($0) }
            let keptReads = join.preserved.contains { entryReadsDistributed($0) }
            if nullableReads && !keptReads { throw .recurringOuterJoin }
        }
        var anchoredRefusal: PushdownRefusal? = nil
        if !anchors.isEmpty {
            do {
                var level = try analyze(scope, select: select, seeds: anchors, anchors: anchors, mode: .anchored)
                level.keyOutputs = outputPositions(select, scope: scope, in: level.keys)
                return level
            } catch {
                anchoredRefusal = error
            }
        }
        // Why a correlated level is refused: what kept it from being anchored.
        if !isCorrelated(scope) { anchoredRefusal = nil }
        // Partitioned: seeded by the key of the first distributed relation whose rows are kept.
        do {
            var level = try analyze(scope, select: select, seeds: nil, anchors: [], mode: .partitioned)
            if scope != 0 {
                try keepsPartitions(select, scope: scope, keys: level.strictKeys, nullableKeys: level.keys)
            }
            level.keyOutputs = outputPositions(select, scope: scope, in: level.keys)
            level.strictOutputs = outputPositions(select, scope: scope, in: level.strictKeys)
            level.anchoredRefusal = anchoredRefusal
            return level
        } catch {
            throw anchoredRefusal ?? error
        }
    }

    /// Whether a level, or a subquery inside it, refers to columns of an enclosing level.
    private func isCorrelated(_ scope: Int) -> Bool {
        bound.scopes.contains { info in
            guard info.isCorrelated else { return false }
            var current: Int? = info.id
            while let id = current {
                if id == scope { return true }
                current = bound.scopes[id].parent
            }
            return false
        }
    }

    /// How a relation of a level is named in a message.
    private func describe(_ index: Int) -> String {
        let entry = bound.entries[index]
        if let table = entry.table {
            return entry.hasAlias ? "\(table.name.name) \(entry.referenceName)" : table.name.name
        }
        return "the subquery \(entry.referenceName)"
    }

    private func entryReadsDistributed(_ index: Int) -> Bool {
        let entry = bound.entries[index]
        if let table = entry.table { return table.distribution != .reference }
        if let inner = subqueryScope(entry) { return readsDistributed(inner) }
        return false
    }

    private func analyze(_ scope: Int, select: SelectStmt, seeds: Set<ColumnBinding>?, anchors: Set<ColumnBinding>,
                         mode: Mode) throws(PushdownRefusal) -> Level {
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
                case .hash:
                    guard table.colocationId == colocationId else { throw colocationRefusal(distributedEntries) ?? .unproven }
                    guard let key = entry.distributionColumn else { throw .unproven }
                    required.append([key])
                    if !entry.nullable { strict.insert(key) }
                    if seed == nil && !entry.nullable { seed = key }
                default:
                    throw .notHashDistributed(table.name.name)
                }
            } else if let inner = subqueryScope(entry) {
                guard readsDistributed(inner) else { continue }
                if bound.scopes[inner].parent == scope {
                    lateral.append((entry, inner))
                    continue
                }
                // A FROM subquery sees the enclosing levels' columns, not this level's.
                let level = try analyze(inner, anchors: mode == .anchored ? anchors : [])
                if level.mode == .anchored && mode == .anchored { continue }
                guard level.mode == .partitioned else { throw .unproven }
                let keys = level.keyOutputs.filter { $0 < entry.columnNames.count }.map { ColumnBinding(entry: index, column: $0) }
                guard let first = keys.first else { throw .noKeyOutput(describe(index)) }
                for key in keys.dropFirst() { edges.append((first, key, true)) }
                required.append(keys)
                if !entry.nullable {
                    for position in level.strictOutputs { strict.insert(ColumnBinding(entry: index, column: position)) }
                }
                if seed == nil && !entry.nullable { seed = first }
            } else {
                throw .functionInFrom
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
        if let seeds { keys = seeds } else if let seed = seed ?? required.first?.first { keys = [seed] } else {
            let correlated = bound.sublinks.contains { $0.outer == scope && isCorrelated($0.inner) } || lateral.contains { isCorrelated($0.scope) }
            throw .onlyReferenceRows(correlated: correlated)
        }
        keys = Self.closure(keys, edges)
        // LATERAL subqueries see this level's columns: anchored to its keys, or partitioned.
        for (entry, inner) in lateral {
            let level = try analyze(inner, anchors: keys.union(anchors))
            let outputs = level.keyOutputs.filter { $0 < entry.columnNames.count }.map { ColumnBinding(entry: entry.index, column: $0) }
            if level.mode == .anchored {
                keys.formUnion(outputs)
            } else {
                if !entry.nullable {
                    for position in level.strictOutputs { strict.insert(ColumnBinding(entry: entry.index, column: position)) }
                }
                guard let first = outputs.first else { throw .noKeyOutput("the LATERAL subquery \(entry.referenceName)") }
                for key in outputs.dropFirst() { edges.append((first, key, true)) }
                required.append(outputs)
            }
            keys = Self.closure(keys, edges)
        }
        for options in required where !options.isEmpty {
            guard options.contains(where: { keys.contains($0) }) else {
                let relation = describe(options[0].entry)
                if mode == .partitioned { throw .notJoinedOnKey(relation) }
                // (Only a correlated level reports why it is not anchored: spare the search else.)
                guard isCorrelated(scope) else { throw .untied(relation, correlated: false) }
                throw untied(scope, select: select, relation: relation, options: options, anchors: anchors)
            }
        }
        // Sublinks of this level. (All are checked: a refusal Citus shares is reported first.)
        let whereConjuncts = select.whereClause.map(ShardPruning.conjuncts(of:)) ?? []
        var refusal: PushdownRefusal? = nil
        for sublink in bound.sublinks where sublink.outer == scope {
            guard readsDistributed(sublink.inner) else { continue }
            do throws(PushdownRefusal) {
                let level = try analyze(sublink.inner, anchors: keys.union(anchors))
                if level.mode == .anchored { continue }
                guard level.mode == .partitioned, isKeyMembership(sublink.link, conjuncts: whereConjuncts, scope: scope,
                                                                  keys: keys, innerKeyOutputs: level.keyOutputs) else {
                    throw sublinkRefusal(sublink.link, level: level, conjuncts: whereConjuncts)
                }
            } catch {
                let error = havingRefusal(sublink.link, inner: sublink.inner, select: select, scope: scope, keys: keys) ?? error
                if error.citus != nil { throw error }
                if refusal == nil { refusal = error }
            }
        }
        if let refusal { throw refusal }
        return Level(mode: mode, keys: keys, strictKeys: keys.intersection(strict), keyOutputs: [])
    }

    // MARK: Reasons

    /// A refused sublink in the HAVING clause of a top level not grouped by a key: HAVING then
    /// runs on the coordinator, where no subquery over distributed tables can (nil otherwise).
    private func havingRefusal(_ link: SubLink, inner: Int, select: SelectStmt, scope: Int, keys: Set<ColumnBinding>) -> PushdownRefusal? {
        guard scope == 0, let having = select.havingClause,
              !select.groupClause.contains(where: { isKey($0, select: select, scope: scope, keys: keys) }) else { return nil }
        var found = false
        try? ExpressionTree.visit(having) { (child: Node) throws(PlannerError) -> Bool in
            if case .subLink(let other) = child, other.location == link.location { found = true }
            return !found
        }
        return found ? .having(correlated: isCorrelated(inner)) : nil
    }

    /// Why a partitioned sublink is not `key IN (SELECT key ...)`.
    private func sublinkRefusal(_ link: SubLink, level: Level, conjuncts: [Node]) -> PushdownRefusal {
        if let anchored = level.anchoredRefusal { return anchored }
        guard link.subLinkType == .anySublink else { return .uncorrelated(link.subLinkType) }
        let negated = conjuncts.contains { conjunct in
            guard case .boolExpr(let not) = conjunct, not.boolop == .notExpr, case .subLink(let other)? = not.args.first else { return false }
            return other.location == link.location
        }
        if negated { return .notIn }
        let direct = conjuncts.contains { if case .subLink(let other) = $0 { return other.location == link.location } else { return false } }
        return direct ? .inOnOther : .inOutsideConditions
    }

    /// Why a correlated level's relation is not tied to the outer keys (`anchors`): the
    /// equalities between its columns and the enclosing levels' columns, wherever they are.
    private func untied(_ scope: Int, select: SelectStmt, relation: String, options: [ColumnBinding],
                        anchors: Set<ColumnBinding>) -> PushdownRefusal {
        let info = bound.scopes[scope]
        let inside = Set(info.entries)
        enum Place { case conjunct, outerJoinOn, nested }
        var ties: [(inner: ColumnBinding, outer: ColumnBinding, place: Place, node: Node)] = []
        let topLevel = Set(info.conjuncts.flatMap(ShardPruning.conjuncts(of:)).compactMap { node -> Int32? in
            if case .aExpr(let expr) = node { return expr.location } else { return nil }
        })
        let outerJoinOn = Set(info.localConditions.flatMap { ShardPruning.conjuncts(of: $0.node) }.compactMap { node -> Int32? in
            if case .aExpr(let expr) = node { return expr.location } else { return nil }
        })
        for clause in [select.whereClause].compactMap({ $0 }) + info.joinConditions {
            try? ExpressionTree.visit(clause) { (node: Node) throws(PlannerError) -> Bool in
                guard case .aExpr(let expr) = node, let (left, right) = ShardPruning.columnEquality(node, scope: scope, binder: binder) else { return true }
                let place: Place = topLevel.contains(expr.location) ? .conjunct : outerJoinOn.contains(expr.location) ? .outerJoinOn : .nested
                if inside.contains(left.entry) && !inside.contains(right.entry) { ties.append((left, right, place, node)) }
                if inside.contains(right.entry) && !inside.contains(left.entry) { ties.append((right, left, place, node)) }
                return true
            }
        }
        let keyTies = ties.filter { anchors.contains($0.outer) && options.contains($0.inner) }
        if keyTies.contains(where: { $0.place == .conjunct }) { return .tiedAcrossTypes }
        if keyTies.contains(where: { $0.place == .outerJoinOn }) { return .tiedOnKeptSide }
        if !keyTies.isEmpty { return .correlatedThroughOr }
        if let tie = ties.first { return .correlatedOn((try? SQLDeparser.deparseExpression(tie.node)) ?? "=") }
        return .untied(relation, correlated: true)
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
        ShardPruning.columnEqualities(in: condition, scope: scope, binder: binder).filter { compatible($0.0, $0.1) }
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

    /// Whether a GROUP BY, DISTINCT ON or PARTITION BY item is one of `keys` (or an output
    /// position showing one).
    private func isKey(_ node: Node, select: SelectStmt, scope: Int, keys: Set<ColumnBinding>) -> Bool {
        var item = node
        if case .sortBy(let sort) = node, let inner = sort.node { item = inner }
        if case .aConst(let constant) = item, case .ival(let position)? = constant.val {
            let outputs = outputBindings(select, scope: scope)
            let index = Int(position.ival) - 1
            return index >= 0 && index < outputs.count && outputs[index].map(keys.contains) == true
        }
        guard case .columnRef(let ref) = item, let binding = try? binder.resolve(ref, scope: scope) else { return false }
        return keys.contains(binding)
    }

    /// A partitioned level's GROUP BY, aggregates, DISTINCT and windows stay within one key
    /// value (`keys`: the never-NULL ones; `nullableKeys` all, to say why), and it has no
    /// LIMIT/OFFSET.
    private func keepsPartitions(_ select: SelectStmt, scope: Int, keys: Set<ColumnBinding>,
                                 nullableKeys: Set<ColumnBinding>) throws(PushdownRefusal) {
        if select.limitCount != nil { throw .limit }
        if select.limitOffset != nil { throw .offset }
        if !select.lockingClause.isEmpty { throw .locking }
        if !select.windowClause.isEmpty { throw .namedWindow }
        let outputs = outputBindings(select, scope: scope)
        func isKey(_ node: Node) -> Bool { self.isKey(node, select: select, scope: scope, keys: keys) }
        func isNullableKey(_ node: Node) -> Bool { self.isKey(node, select: select, scope: scope, keys: nullableKeys) }
        let targets = select.targetList.compactMap { target -> Node? in
            if case .resTarget(let result) = target { return result.val }
            return nil
        }
        if !select.groupClause.isEmpty {
            if select.groupClause.contains(where: { if case .groupingSet = $0 { return true } else { return false } }) { throw .groupingSets }
            guard select.groupClause.contains(where: isKey) else {
                throw select.groupClause.contains(where: isNullableKey) ? .groupedByNullable : .groupedByOther
            }
        } else {
            let aggregated = (targets + select.sortClause).contains { !Aggregates.calls(in: $0).isEmpty }
                || select.havingClause != nil
            if aggregated { throw .aggregateWithoutGroups }
        }
        if !select.distinctClause.isEmpty {
            if select.distinctClause.count == 1 && select.distinctClause[0] == .absent {
                guard outputs.contains(where: { $0.map(keys.contains) == true }) else { throw .distinctOnOther }
            } else {
                guard select.distinctClause.contains(where: isKey) else { throw .distinctOnOther }
            }
        }
        for target in targets {
            for window in Aggregates.windows(in: target) {
                guard let over = window.over, over.name.isEmpty, over.refname.isEmpty,
                      over.partitionClause.contains(where: isKey) else { throw .windowOnOther }
            }
        }
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

/// Why SubqueryPushdown refused a statement: the construct and why its rows would be wrong if
/// each task computed it over its own shards, Citus's own error where Citus refuses the same
/// query for good, and a rewrite that is pushed down, where one exists.
struct PushdownRefusal: Error, Equatable, Sendable {
    var reason: String
    /// Citus's error for the query, when Citus refuses it rather than planning a subplan.
    var citus: String? = nil
    var hint: String? = nil
    /// What a later version of shardplan will plan the query with; nil when none is planned.
    var later: Remedy? = .subplans

    /// The later work that plans a refused query.
    enum Remedy: Equatable, Sendable {
        /// Recursive planning: an uncorrelated subquery computed once, its rows sent to the tasks.
        case subplans
        /// A correlated subquery cannot be a subplan (that is computed once, for all outer rows):
        /// it needs decorrelation into a join.
        case decorrelation
        /// A repartition join: tables of different colocation groups joined in one FROM clause.
        case repartition
        /// Both: a correlated subquery whose decorrelated join (or whose level's join) is
        /// between tables of different colocation groups.
        case repartitionAndDecorrelation
    }

    static let citusComplexJoins = "complex joins are only supported when all distributed tables are co-located and joined on their distribution columns"
    static let tieHint = "Tie the subquery to the outer query by `inner.distribution_column = outer.distribution_column` among its AND conditions, if the rows it needs share the outer row's key."

    static let setOperation = PushdownRefusal(reason: "a set operation (UNION, INTERSECT, EXCEPT) in a subquery, which shardplan does not push down yet")
    static let functionInFrom = PushdownRefusal(reason: "a function or VALUES list in FROM: every task would return all of its rows")
    static let cte = PushdownRefusal(reason: "a WITH query (CTE), which shardplan neither inlines nor plans as a subplan yet")
    static let values = PushdownRefusal(reason: "a VALUES list as a subquery: every task would return all of its rows")
    static let recurringOuterJoin = PushdownRefusal(reason: "an outer join keeps the rows of a reference table (or of a subquery reading no distributed table) and null-extends a distributed side: every task would return every kept row")
    static let limit = PushdownRefusal(reason: "the subquery has LIMIT: the rows it keeps depend on every shard's rows, not on one shard's")
    static let offset = PushdownRefusal(reason: "the subquery has OFFSET: the rows it skips depend on every shard's rows, not on one shard's")
    static let locking = PushdownRefusal(reason: "the subquery has FOR UPDATE/SHARE")
    static let namedWindow = PushdownRefusal(reason: "the subquery has a named window (WINDOW clause)", hint: "Write the window definition inside OVER (...).")
    static let groupingSets = PushdownRefusal(reason: "the subquery groups by GROUPING SETS, CUBE or ROLLUP: their total groups take rows from every shard")
    static let groupedByOther = PushdownRefusal(reason: "the subquery groups by columns that are not the distribution column: one group's rows can come from every shard")
    static let groupedByNullable = PushdownRefusal(reason: "the subquery groups by a distribution column that an outer join null-extends: its NULL group would take rows from every shard")
    static let aggregateWithoutGroups = PushdownRefusal(reason: "the subquery aggregates without GROUP BY: each shard would return its own aggregate of its own rows")
    static let distinctOnOther = PushdownRefusal(reason: "the subquery's DISTINCT does not keep a never-NULL distribution column: one value can come from several shards")
    static let windowOnOther = PushdownRefusal(reason: "a window function in the subquery is not partitioned by the distribution column: its partitions span shards")
    static let notIn = PushdownRefusal(reason: "NOT IN over a subquery: a NULL anywhere in the subquery's rows changes every outer row, and a value missing from one shard's rows can be in another's",
                                       hint: "NOT EXISTS (SELECT 1 ... WHERE inner.distribution_column = outer.distribution_column) is pushed down; it means the same when the subquery's column holds no NULL.")
    static let inOutsideConditions = PushdownRefusal(reason: "IN over a subquery that is not one of the AND conditions of WHERE (it is under OR or NOT, or in another clause): only `distribution_column IN (SELECT distribution_column ...)` there is pushed down")
    static let inOnOther = PushdownRefusal(reason: "IN compares with the subquery a column that is not the distribution column (or not the subquery's): a row's matches can be in any shard",
                                           hint: "Compare distribution columns: `outer.distribution_column IN (SELECT inner.distribution_column ...)` is pushed down.")
    static let mergeSublink = PushdownRefusal(reason: "a subquery in HAVING, ORDER BY or the select list of a query grouped by columns that are not the distribution column: it would run on the coordinator after the merge, where it cannot read the shards")
    static let unproven = PushdownRefusal(reason: "shardplan cannot prove that each shard computes its share of the subquery's rows")

    static func uncorrelated(_ kind: SubLinkType) -> PushdownRefusal {
        let names: [SubLinkType: String] = [.existsSublink: "EXISTS", .exprSublink: "a scalar subquery",
                                            .arraySublink: "an ARRAY subquery", .allSublink: "ALL over a subquery"]
        return PushdownRefusal(reason: "\(names[kind] ?? "a subquery expression") over distributed tables that is not tied to the outer query's distribution column: each task would compute it over its own shard's rows only")
    }

    static func having(correlated: Bool) -> PushdownRefusal {
        PushdownRefusal(reason: "a subquery in HAVING of a query grouped by columns that are not the distribution column: HAVING runs on the coordinator after the merge, where the subquery cannot read the shards",
                        citus: correlated ? "Subqueries in HAVING cannot refer to outer query" : nil,
                        later: correlated ? .decorrelation : .subplans)
    }

    /// `equated`: a condition equates the two tables' distribution columns, so colocating them
    /// would put matching rows in shards of one index; else colocating alone would not.
    /// `permanent`: Citus refuses the query (a correlated subquery or an outer join over the
    /// tables) rather than planning a subplan.
    static func notColocated(_ table: String, with other: String, equated: Bool, permanent: Bool, later: Remedy?) -> PushdownRefusal {
        guard equated else {
            return PushdownRefusal(reason: "\(table) is not colocated with \(other), and no condition equates their distribution columns: the rows that match can be in any shard of either table",
                                   citus: permanent ? citusComplexJoins : nil,
                                   hint: "Colocating the tables alone would not help: equate their distribution columns too (`a.distribution_column = b.distribution_column`), if the rows that match share that value.",
                                   later: later)
        }
        return PushdownRefusal(reason: "\(table) is not colocated with \(other), though a condition equates their distribution columns: a task reads the shards of one index, and matching rows can be in shards of different indexes",
                               citus: permanent ? citusComplexJoins : nil,
                               hint: "Colocate the tables (create_distributed_table(..., colocate_with => ...)) when their distribution columns hold the same values.",
                               later: later)
    }

    static func notHashDistributed(_ table: String) -> PushdownRefusal {
        PushdownRefusal(reason: "\(table) is neither hash-distributed nor a reference table")
    }

    static func noKeyOutput(_ relation: String) -> PushdownRefusal {
        PushdownRefusal(reason: "\(relation) does not select its distribution column, so its rows cannot be tied to the outer query's shards",
                        hint: "Select the distribution column itself (not an expression of it) in the subquery and join on it.")
    }

    static func onlyReferenceRows(correlated: Bool) -> PushdownRefusal {
        PushdownRefusal(reason: "the FROM clause reads no distributed table while a subquery does: every task would return all of the FROM clause's rows, each with the subquery computed over one shard's rows",
                        citus: correlated ? "correlated subqueries are not supported when the FROM clause contains a reference table" : nil,
                        later: correlated ? .decorrelation : .subplans)
    }

    static func notJoinedOnKey(_ relation: String) -> PushdownRefusal {
        PushdownRefusal(reason: "\(relation) is not joined to the other distributed relations on its distribution column: its matching rows can be in any shard",
                        hint: "Join colocated relations on their distribution columns (`a.distribution_column = b.distribution_column`).")
    }

    static func correlatedOn(_ equality: String) -> PushdownRefusal {
        PushdownRefusal(reason: "the subquery is correlated by `\(equality)`, not by an equality between distribution columns: the rows it needs can be in any shard",
                        citus: citusComplexJoins, hint: tieHint, later: .decorrelation)
    }

    // The next three come only from correlated subqueries, which Citus refuses for good.
    static let correlatedThroughOr = PushdownRefusal(reason: "the subquery is tied to the outer distribution column under OR (or NOT), not by an equality among its AND conditions: the rows it needs can be in any shard",
                                                     citus: citusComplexJoins, later: .decorrelation)
    static let tiedOnKeptSide = PushdownRefusal(reason: "the subquery's tie to the outer distribution column is in the ON condition of an outer join, which filters only the null-extended side: the kept side's rows are not tied to the outer row's shard",
                                                citus: citusComplexJoins,
                                                hint: "Move the equality on the distribution column to the subquery's WHERE clause, if it applies to the kept rows too.",
                                                later: .decorrelation)
    static let tiedAcrossTypes = PushdownRefusal(reason: "the subquery is tied to the outer distribution column by `=` between columns of different types, which hash differently",
                                                 citus: citusComplexJoins, later: .decorrelation)

    static func untied(_ relation: String, correlated: Bool) -> PushdownRefusal {
        PushdownRefusal(reason: "\(relation) in the subquery is not tied to the outer query's distribution column by an equality: the rows it needs can be in any shard",
                        hint: tieHint, later: correlated ? .decorrelation : .subplans)
    }
}
