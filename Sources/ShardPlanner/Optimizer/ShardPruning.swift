import SQLSyntax
import ShardCatalog

/// Which distribution column values a query level can see, per table occurrence: Citus's pruning
/// (=, IN, = ANY(ARRAY), AND/OR trees, casts on constants, equalities through joins,
/// contradictions), computed exactly on value sets.
///
/// A class: the planner hands it to several steps, and copying a struct holding the binder
/// retained every field of both.
final class ShardPruning {
    let binder: Binder
    let settings: CatalogSettings
    /// Union-find over columns tied by `a = b` conditions, per scope: (column, parent) pairs.
    /// Statements tie few columns, so a linear search beats hashing them.
    private var parent: [(column: ColumnBinding, parent: ColumnBinding)] = []

    init(binder: Binder) {
        self.binder = binder
        self.settings = binder.directory.settings
        // Read in place: copying a scope, or joining its condition lists, retains every array.
        let bound = binder.bound
        for index in bound.scopes.indices {
            let id = bound.scopes[index].id
            for condition in bound.scopes[index].conjuncts { tieEqualColumns(condition, scope: id) }
            for condition in bound.scopes[index].joinConditions { tieEqualColumns(condition, scope: id) }
        }
    }

    /// Ties the columns of each `a = b` among the top-level AND conjuncts of `condition`.
    private func tieEqualColumns(_ condition: Node, scope: Int) {
        Self.forEachConjunct(of: condition) { conjunct in
            guard let (left, right) = Self.columnEquality(conjunct, scope: scope, binder: binder, stripCollate: true) else { return }
            // A correlated equality (`o.customer_id = c.id` in a subquery) holds only for the
            // subquery's rows: under NOT EXISTS it says nothing of the outer rows.
            let entries = binder.bound.entries
            guard entries[left.entry].scope == scope, entries[right.entry].scope == scope else { return }
            union(left, right)
        }
    }

    // MARK: Equivalence classes

    private func find(_ column: ColumnBinding) -> ColumnBinding {
        var current = column
        while let next = parent.first(where: { $0.column == current })?.parent, next != current { current = next }
        return current
    }

    private func union(_ a: ColumnBinding, _ b: ColumnBinding) {
        let ra = find(a)
        let rb = find(b)
        // A root has no pair yet: each column gets at most one.
        if ra != rb { parent.append((ra, rb)) }
    }

    func equivalent(_ a: ColumnBinding, _ b: ColumnBinding) -> Bool { find(a) == find(b) }

    /// `col = col` pairs among the top-level AND conjuncts of a condition (COLLATE on a side ignored).
    func equalities(in condition: Node, scope: Int) -> [(ColumnBinding, ColumnBinding)] {
        Self.columnEqualities(in: condition, scope: scope, binder: binder, stripCollate: true)
    }

    /// The columns of `a = b` (PostgreSQL's own `=`), resolved in `scope`; nil for any other node.
    /// With `stripCollate`, `a COLLATE x = b` counts too. Pruning, subquery pushdown and the
    /// reference outer join all find their column equalities here.
    static func columnEquality(_ node: Node, scope: Int, binder: Binder, stripCollate: Bool = false) -> (ColumnBinding, ColumnBinding)? {
        guard case .aExpr(let expr) = node, expr.kind == .aexprOp, operatorName(expr) == "=",
              let leftSide = expr.lexpr, let rightSide = expr.rexpr,
              case .columnRef(let l) = stripCollate ? Self.stripCollate(leftSide) : leftSide,
              case .columnRef(let r) = stripCollate ? Self.stripCollate(rightSide) : rightSide,
              let left = try? binder.resolve(l, scope: scope), let right = try? binder.resolve(r, scope: scope) else { return nil }
        return (left, right)
    }

    /// ``columnEquality(_:scope:binder:stripCollate:)`` of each top-level AND conjunct of `condition`.
    static func columnEqualities(in condition: Node, scope: Int, binder: Binder, stripCollate: Bool = false) -> [(ColumnBinding, ColumnBinding)] {
        conjuncts(of: condition).compactMap { columnEquality($0, scope: scope, binder: binder, stripCollate: stripCollate) }
    }

    static func conjuncts(of node: Node) -> [Node] {
        var found: [Node] = []
        forEachConjunct(of: node) { found.append($0) }
        return found
    }

    /// Calls `body` with each top-level AND conjunct of `node` (nested ANDs flattened), in order.
    static func forEachConjunct(of node: Node, _ body: (Node) -> Void) {
        if case .boolExpr(let b) = node, b.boolop == .andExpr {
            for argument in b.args { forEachConjunct(of: argument, body) }
            return
        }
        body(node)
    }

    /// The operator's name: `=` for `a = b` and `a OPERATOR(pg_catalog.=) b`, but `schema.=` for an
    /// operator of another schema, which may be anything but equality (pruning and pushdown must
    /// not take it for one).
    static func operatorName(_ expr: A_Expr) -> String? {
        guard case .string(let name)? = expr.name.last else { return nil }
        if expr.name.count == 1 { return name.sval }
        if expr.name.count == 2, case .string(let schema) = expr.name[0], schema.sval == "pg_catalog" { return name.sval }
        return expr.name.map { if case .string(let part) = $0 { part.sval } else { "?" } }.joined(separator: ".")
    }

    static func stripCollate(_ node: Node) -> Node {
        if case .collateClause(let c) = node, let arg = c.arg { return arg }
        return node
    }

    // MARK: Pruning

    /// The values of the distribution column that can matter for this entry: nil when any value
    /// can, an empty set for a contradiction.
    func values(for entryIndex: Int) throws(PlannerError) -> Set<PostgresValue>? {
        let entry = binder.bound.entries[entryIndex]
        guard let table = entry.table, case .hash(let columnName) = table.distribution,
              let columnIndex = table.columnIndex(named: columnName), let type = table.column(named: columnName)?.type else { return nil }
        let distribution = ColumnBinding(entry: entryIndex, column: columnIndex)
        let scope = binder.bound.scopes[entry.scope]
        var result: Set<PostgresValue>? = nil
        func intersect(_ values: Set<PostgresValue>?) {
            guard let values else { return }
            result = result.map { $0.intersection(values) } ?? values
        }
        let distributionRoot = find(distribution)
        for conjunct in scope.conjuncts {
            intersect(try restriction(conjunct, scope: scope.id, type: type) { find($0) == distributionRoot })
        }
        for (condition, entries) in scope.localConditions where entries.contains(entryIndex) {
            intersect(try restriction(condition, scope: scope.id, type: type) { $0 == distribution })
        }
        if !binder.bound.subqueries.isEmpty { intersect(try outerValues(of: distribution, in: entry.scope, type: type, depth: 0)) }
        return result
    }

    /// What the levels around a FROM subquery allow for `column` (a column of this level): the
    /// conditions of the enclosing level on the subquery's output columns that are `column`
    /// (or tied to it), and so on outwards, as PostgreSQL pushes a condition into a subquery.
    /// Only through subqueries whose output rows each come from input rows with the same value
    /// of the column (see ``isTransparent(_:)``): there, a shard whose rows fail the outer
    /// condition contributes nothing. Nil when nothing is known.
    private func outerValues(of column: ColumnBinding, in scope: Int, type: PostgresType, depth: Int) throws(PlannerError) -> Set<PostgresValue>? {
        guard depth < 32, let (outer, sources) = transparentSubquery(around: scope) else { return nil }
        let root = find(column)
        let outerScope = binder.bound.scopes[outer.scope]
        var result: Set<PostgresValue>? = nil
        for (position, source) in sources.enumerated() {
            guard let source, find(source) == root else { continue }
            let exposed = ColumnBinding(entry: outer.index, column: position)
            let exposedRoot = find(exposed)
            for conjunct in outerScope.conjuncts {
                if let values = try restriction(conjunct, scope: outerScope.id, type: type, matches: { find($0) == exposedRoot }) {
                    result = result.map { $0.intersection(values) } ?? values
                }
            }
            if let values = try outerValues(of: exposed, in: outer.scope, type: type, depth: depth + 1) {
                result = result.map { $0.intersection(values) } ?? values
            }
        }
        return result
    }

    /// Whether every output row of FROM subquery `index` comes from input rows that all have the
    /// values its plain-column outputs show: no LIMIT or OFFSET (which pick rows across all of
    /// them), no window functions, no DISTINCT ON, no set operation, not LATERAL or correlated.
    /// GROUP BY keeps it (a column shown is grouped, or fixed by a grouped key).
    private func isTransparent(_ index: Int) -> Bool {
        let select = binder.bound.subqueries[index]
        let scope = binder.bound.scopes[binder.bound.subqueryScopes[index]]
        guard select.op == .setopNone || select.op == .setOperationUndefined, select.limitCount == nil, select.limitOffset == nil,
              select.distinctClause.allSatisfy({ $0 == .absent }), !scope.isCorrelated, select.windowClause.isEmpty else { return false }
        var hasWindow = false, hasAggregate = false
        for target in select.targetList {
            try? ExpressionTree.visit(target) { (node: Node) throws(PlannerError) -> Bool in
                if case .funcCall(let call) = node {
                    if call.over != nil { hasWindow = true } else if Aggregates.isAggregate(call) { hasAggregate = true }
                }
                return !hasWindow
            }
        }
        // Aggregates without GROUP BY give a row even from no rows at all.
        return !hasWindow && !(hasAggregate && select.groupClause.isEmpty) && !(select.havingClause != nil && select.groupClause.isEmpty)
    }

    /// Whether every row of the statement comes from rows of `entry`: it is at the top level, or
    /// in FROM subqueries (not subqueries in expressions) that are transparent (see
    /// ``isTransparent(_:)``), and neither it nor a subquery around it is null-extended by an
    /// outer join. Then a shard where the entry can have no rows adds no rows to the answer.
    func rowsComeFrom(_ entry: RangeEntry) -> Bool {
        var current = entry
        for _ in 0..<32 {
            if current.nullable { return false }
            if current.scope == 0 { return true }
            guard let (outer, _) = transparentSubquery(around: current.scope) else { return false }
            current = outer
        }
        return false
    }

    /// For each FROM subquery (by its index in `BoundStatement.subqueries`): its entry in the
    /// enclosing level and its output columns' sources, or nil when it is not transparent.
    /// Worked out once, on first use.
    private lazy var transparentSubqueries: [(entry: RangeEntry, sources: [ColumnBinding?])?] = {
        let bound = binder.bound
        var entries = [RangeEntry?](repeating: nil, count: bound.subqueries.count)
        for entry in bound.entries { if case .subquery(let index) = entry.source { entries[index] = entry } }
        return entries.indices.map { index in
            guard let entry = entries[index], isTransparent(index) else { return nil }
            return (entry, outputSources(index))
        }
    }()

    /// The transparent FROM subquery whose own level is `scope`: its entry outside and its
    /// output columns' sources.
    private func transparentSubquery(around scope: Int) -> (entry: RangeEntry, sources: [ColumnBinding?])? {
        guard let index = binder.bound.subqueryScopes.firstIndex(of: scope) else { return nil }
        return transparentSubqueries[index]
    }

    /// The column of the subquery's level each output column of FROM subquery `index` is, when
    /// it is a plain column (`*` only over a level with one relation); nil where not.
    private func outputSources(_ index: Int) -> [ColumnBinding?] {
        let select = binder.bound.subqueries[index]
        let scopeId = binder.bound.subqueryScopes[index]
        let scope = binder.bound.scopes[scopeId]
        var sources: [ColumnBinding?] = []
        for target in select.targetList {
            guard case .resTarget(let result) = target, case .columnRef(let ref)? = result.val else {
                sources.append(nil)
                continue
            }
            if case .aStar? = ref.fields.last {
                // `*` or `t.*`: the relation's columns in order (several relations, or USING
                // joins that merge columns, are not followed).
                let entry: RangeEntry?
                if ref.fields.count == 1 {
                    entry = scope.entries.count == 1 ? binder.bound.entries[scope.entries[0]] : nil
                } else if ref.fields.count == 2, case .string(let name) = ref.fields[0] {
                    entry = scope.entries.map { binder.bound.entries[$0] }.first { $0.referenceName == name.sval }
                } else {
                    entry = nil
                }
                guard let entry else { return sources }
                sources += entry.columnNames.indices.map { ColumnBinding(entry: entry.index, column: $0) }
                continue
            }
            sources.append(try? binder.resolve(ref, scope: scopeId))
        }
        return sources
    }

    /// Shard indexes for a value set (nil = every shard).
    func shardIndexes(_ values: Set<PostgresValue>?, table: CatalogTable) -> [Int]? {
        guard let values else { return nil }
        // One value (the common `distcol = constant`): one index, no set to build.
        if values.count == 1, let value = values.first {
            return [Catalog.shardIndex(forHash: value.postgresHash, in: table.shards)]
        }
        var indexes = Set<Int>()
        for value in values { indexes.insert(Catalog.shardIndex(forHash: value.postgresHash, in: table.shards)) }
        return indexes.sorted()
    }

    /// The value set one condition allows for columns matching `matches`.
    private func restriction(_ node: Node, scope: Int, type: PostgresType,
                                      matches: (ColumnBinding) -> Bool) throws(PlannerError) -> Set<PostgresValue>? {
        switch node {
        case .boolExpr(let b):
            switch b.boolop {
            case .andExpr:
                var result: Set<PostgresValue>? = nil
                for arg in b.args {
                    if let values = try restriction(arg, scope: scope, type: type, matches: matches) {
                        result = result.map { $0.intersection(values) } ?? values
                    }
                }
                return result
            case .orExpr:
                var result = Set<PostgresValue>()
                for arg in b.args {
                    guard let values = try restriction(arg, scope: scope, type: type, matches: matches) else { return nil }
                    result.formUnion(values)
                }
                return result
            default:
                return nil
            }
        case .aConst(let constant):
            if constant.isnull { return [] }
            if case .boolval(let b)? = constant.val, !b.boolval { return [] }
            return nil
        case .aExpr(let expr):
            guard Self.operatorName(expr) == "=" else { return nil }
            switch expr.kind {
            case .aexprOp:
                guard let left = expr.lexpr.map(Self.stripCollate), let right = expr.rexpr.map(Self.stripCollate) else { return nil }
                if isColumn(left, scope: scope, matches: matches) { return try constantValues(right, type: type) }
                if isColumn(right, scope: scope, matches: matches) { return try constantValues(left, type: type) }
                return nil
            case .aexprIn:
                guard let left = expr.lexpr.map(Self.stripCollate), isColumn(left, scope: scope, matches: matches),
                      case .list(let list)? = expr.rexpr else { return nil }
                var result = Set<PostgresValue>()
                for item in list.items {
                    guard let values = try constantValues(item, type: type) else { return nil }
                    result.formUnion(values)
                }
                return result
            case .aexprOpAny:
                guard let left = expr.lexpr.map(Self.stripCollate), isColumn(left, scope: scope, matches: matches),
                      let right = expr.rexpr else { return nil }
                return try arrayValues(right, type: type)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    private func isColumn(_ node: Node, scope: Int, matches: (ColumnBinding) -> Bool) -> Bool {
        guard case .columnRef(let ref) = node, let binding = try? binder.resolve(ref, scope: scope) else { return false }
        return matches(binding)
    }

    /// The value of a constant (possibly cast) coerced into the column type the way Citus does
    /// (assignment); nil when the node is not a constant. NULL gives the empty set; a constant
    /// out of the column type's range can equal no row and also gives the empty set.
    private func constantValues(_ node: Node, type: PostgresType) throws(PlannerError) -> Set<PostgresValue>? {
        switch node {
        case .aConst(let constant):
            if constant.isnull { return [] }
            guard let literal = SQLLiteral(constant) else { return nil }
            return try coerce(literal, to: type)
        case .typeCast(let cast):
            guard case .aConst(let constant)? = cast.arg, let typeName = cast.typeName,
                  let castType = TypeInference.resolve(typeName) else { return nil }
            if constant.isnull { return [] }
            guard let literal = SQLLiteral(constant) else { return nil }
            // The cast's own type decides the value; only casts that keep the value as the column
            // type reads it are used for pruning.
            var bare = castType
            bare.modifiers = []
            var column = type
            column.modifiers = []
            if bare == column { return try coerce(literal, to: castType) }
            guard castType.isInteger && type.isInteger else { return nil }
            guard let cast = try coerce(literal, to: castType), let value = cast.first else { return [] }
            return try coerce(.string(value.textForm), to: type)
        default:
            return nil
        }
    }

    private func arrayValues(_ node: Node, type: PostgresType) throws(PlannerError) -> Set<PostgresValue>? {
        switch node {
        case .aArrayExpr(let array):
            var result = Set<PostgresValue>()
            for element in array.elements {
                guard let values = try constantValues(element, type: type) else { return nil }
                result.formUnion(values)
            }
            return result
        case .typeCast(let cast):
            guard let arg = cast.arg else { return nil }
            if case .aArrayExpr = arg { return try arrayValues(arg, type: type) }
            guard case .aConst(let constant) = arg, case .sval(let text)? = constant.val,
                  let elements = Self.arrayLiteralElements(text.sval) else { return nil }
            var result = Set<PostgresValue>()
            for element in elements {
                guard let element else { continue }
                guard let values = try coerce(.string(element), to: type) else { return nil }
                result.formUnion(values)
            }
            return result
        default:
            return nil
        }
    }

    private func coerce(_ literal: SQLLiteral, to type: PostgresType) throws(PlannerError) -> Set<PostgresValue>? {
        do {
            return [try type.coerce(literal, context: .assignment, timeZone: settings.timeZone)]
        } catch {
            switch error.code {
            case .featureNotSupported:
                return nil
            case .numericValueOutOfRange, .datetimeFieldOverflow, .stringDataRightTruncation:
                // No row of the column can hold this value: the comparison matches nothing.
                return []
            default:
                throw PlannerError(.invalid, error.message, detail: error.detail)
            }
        }
    }

    /// The elements of a one-dimensional array literal (`{1,2,"a b",NULL}`); nil for anything
    /// more complex.
    static func arrayLiteralElements(_ text: String) -> [String?]? {
        let trimmed = text.trimmingCharacters(in: " ")
        guard trimmed.hasPrefix("{"), trimmed.hasSuffix("}") else { return nil }
        let body = trimmed.dropFirst().dropLast()
        if body.contains("{") { return nil }
        if body.trimmingCharacters(in: " ").isEmpty { return [] }
        var elements: [String?] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var escape = false
        for character in body {
            if escape { current.append(character); escape = false; continue }
            if character == "\\" { escape = true; continue }
            if character == "\"" { quoted.toggle(); wasQuoted = true; continue }
            if character == ",", !quoted {
                let value = wasQuoted ? current : current.trimmingCharacters(in: " ")
                elements.append(!wasQuoted && value.uppercased() == "NULL" ? nil : value)
                current = ""
                wasQuoted = false
                continue
            }
            current.append(character)
        }
        let value = wasQuoted ? current : current.trimmingCharacters(in: " ")
        elements.append(!wasQuoted && value.uppercased() == "NULL" ? nil : value)
        return elements
    }
}

extension PostgresType {
    var isInteger: Bool { !isArray && (base == .int2 || base == .int4 || base == .int8) }
}

extension PostgresValue {
    /// The value as PostgreSQL's output function prints it, for the types a cast may meet.
    var textForm: String {
        switch self {
        case .int2(let v): return String(v)
        case .int4(let v): return String(v)
        case .int8(let v): return String(v)
        case .text(let v), .bpchar(let v), .name(let v): return v
        case .bool(let v): return v ? "true" : "false"
        default: return "\(self)"
        }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice.removeFirst() }
        while slice.last == set { slice.removeLast() }
        return String(slice)
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String { String(self).trimmingCharacters(in: set) }
}
