import SQLSyntax
import ShardCatalog

/// One relation of a FROM clause, as the binder sees it.
///
/// A class, immutable once bound: entries are passed around, filtered and read by every
/// pass, and copying a struct holding a catalog table, names and a RangeVar cost a retain
/// and release per field; a reference costs one.
final class RangeEntry: Sendable {
    enum Source: Sendable {
        /// A table of the catalog (``RangeEntry/table``).
        case table
        /// A subquery in FROM, already bound.
        case subquery(Int)
        /// A function or VALUES list in FROM (their columns are known by name only).
        case function
    }

    let index: Int
    let source: Source
    /// The catalog table, for `.table` entries (stored apart from `source` so that reading
    /// one of its fields does not copy the table out of an enum payload).
    let table: CatalogTable?
    /// The name the query refers to it by: its alias, or the table name.
    let referenceName: String
    /// Whether the user wrote an alias.
    let hasAlias: Bool
    /// Column names, as the query refers to them (after column aliases).
    let columnNames: [String]
    /// Column types, when known.
    let columnTypes: [PostgresType?]
    /// The query level (0 = the statement's top SELECT) and the scope it belongs to.
    let scope: Int
    /// True when an outer join can null-extend this relation's rows.
    let nullable: Bool
    /// The original RangeVar (for tables).
    let rangeVar: RangeVar?

    init(index: Int, source: Source, table: CatalogTable? = nil, referenceName: String, hasAlias: Bool,
         columnNames: [String], columnTypes: [PostgresType?], scope: Int, nullable: Bool = false, rangeVar: RangeVar? = nil) {
        self.index = index
        self.source = source
        self.table = table
        self.referenceName = referenceName
        self.hasAlias = hasAlias
        self.columnNames = columnNames
        self.columnTypes = columnTypes
        self.scope = scope
        self.nullable = nullable
        self.rangeVar = rangeVar
    }

    var isTable: Bool {
        if case .table = source { return true }
        return false
    }

    /// The distribution column of a hash-distributed table, as a column of this entry.
    var distributionColumn: ColumnBinding? {
        guard let table, case .hash(let column) = table.distribution, let position = table.columnIndex(named: column) else { return nil }
        return ColumnBinding(entry: index, column: position)
    }

    /// The columns with their type names (computed: type names are built on demand).
    var columns: [OutputColumn] {
        zip(columnNames, columnTypes).map { OutputColumn(name: $0, type: $1?.name) }
    }
}

/// A column of a query's output or of a relation: its name and (when known) its type.
public struct OutputColumn: Sendable, Hashable, Codable {
    public var name: String
    /// The type as `format_type` names it; nil when shardplan cannot infer it.
    public var type: String?

    public init(name: String, type: String?) {
        self.name = name
        self.type = type
    }
}

/// A resolved column reference.
struct ColumnBinding: Hashable, Sendable {
    var entry: Int
    var column: Int
}

/// A scope: one query level's FROM entries, with its parent for correlated references.
struct Scope: Sendable {
    var id: Int
    var parent: Int?
    var entries: [Int]
    /// Whether this level refers to an outer level's columns.
    var isCorrelated = false
    /// Conditions that filter every row of this level (WHERE, and ON of inner joins that are
    /// not inside the nullable side of an outer join).
    var conjuncts: [Node] = []
    /// Conditions that filter only some entries' rows (ON of outer joins: the nullable side).
    var localConditions: [(node: Node, entries: [Int])] = []
    /// Every ON condition, whose column equalities tie columns together.
    var joinConditions: [Node] = []
    /// Whether the level has an outer join.
    var hasOuterJoin = false
    /// Outer joins: the entries whose rows are kept, and the entries null-extended.
    var outerJoins: [(preserved: [Int], nullable: [Int])] = []
}

/// What the binder learned about a statement.
struct BoundStatement: Sendable {
    var entries: [RangeEntry] = []
    var scopes: [Scope] = []
    /// Bound subqueries in FROM (by index used in `RangeEntry.Source.subquery`).
    var subqueries: [SelectStmt] = []
    /// The scope each FROM subquery was bound in (by index into `subqueries`).
    var subqueryScopes: [Int] = []
    /// Number of sublinks (subqueries in expressions) anywhere in the statement.
    var sublinkCount = 0
    /// Each sublink whose subquery was bound: the SubLink, the scope its expression belongs to,
    /// and the scope of its subquery.
    var sublinks: [(link: SubLink, outer: Int, inner: Int)] = []
    /// Whether some subquery refers to an outer query level.
    var hasCorrelation = false
    var hasCTEs = false
    var hasSetOperations = false
    var hasFunctionsInFrom = false

    /// Whether an expression of the statement can hold a subquery: the binder checks every
    /// clause of a SELECT and counts the subqueries it meets (set operations aside).
    var mayHoldSublinks: Bool { sublinkCount > 0 || hasSetOperations }

    /// All table occurrences, in FROM order, across query levels.
    var tableEntries: [RangeEntry] { entries.filter { $0.isTable } }
}

/// Resolves relations and columns against the catalog, PostgreSQL's way.
struct Binder {
    /// The planner's lookup tables (tables by name). The binder holds no `Catalog`: binders are
    /// passed by value to every pass, and a catalog would add a retain per field to each copy.
    let directory: ShardDirectory
    var bound = BoundStatement()

    init(directory: ShardDirectory) {
        self.directory = directory
    }

    // MARK: Scopes

    mutating func newScope(parent: Int?) -> Int {
        let id = bound.scopes.count
        bound.scopes.append(Scope(id: id, parent: parent, entries: []))
        return id
    }

    /// Binds a FROM list into a scope, returning the scope id.
    mutating func bindFrom(_ items: [Node], scope: Int) throws(PlannerError) {
        for item in items { try bindFromItem(item, scope: scope, nullable: false) }
    }

    /// Binds one FROM item; returns the entry indexes it introduced.
    @discardableResult
    mutating func bindFromItem(_ item: Node, scope: Int, nullable: Bool) throws(PlannerError) -> [Int] {
        switch item {
        case .rangeVar(let range):
            return [try addTable(range, scope: scope, nullable: nullable)]
        case .joinExpr(let join):
            let leftNullable = nullable || join.jointype == .joinRight || join.jointype == .joinFull
            let rightNullable = nullable || join.jointype == .joinLeft || join.jointype == .joinFull
            guard let left = join.larg, let right = join.rarg else { return [] }
            var introduced = try bindFromItem(left, scope: scope, nullable: leftNullable)
            introduced += try bindFromItem(right, scope: scope, nullable: rightNullable)
            if join.isNatural { throw PlannerError.notYet("NATURAL JOIN", hint: "Write the join condition with ON or USING.") }
            for name in join.usingClause {
                guard case .string(let column) = name else { continue }
                // Both sides must have the column, as PostgreSQL checks.
                let leftEntries = introduced.filter { bound.entries[$0].columnNames.contains(column.sval) }
                if leftEntries.isEmpty {
                    throw PlannerError.invalid("column \"\(column.sval)\" specified in USING clause does not exist in left table")
                }
            }
            if join.alias != nil { throw PlannerError.notYet("an alias on a JOIN") }
            if !join.usingClause.isEmpty { throw PlannerError.notYet("JOIN ... USING", hint: "Write the join condition with ON.") }
            if let quals = join.quals {
                try checkExpression(quals, scope: scope)
                bound.scopes[scope].joinConditions.append(quals)
                let leftCount = introduced.count - (try entriesCount(right))
                switch join.jointype {
                case .joinInner where !nullable:
                    bound.scopes[scope].conjuncts.append(quals)
                case .joinInner:
                    bound.scopes[scope].localConditions.append((quals, introduced))
                case .joinLeft:
                    bound.scopes[scope].hasOuterJoin = true
                    bound.scopes[scope].localConditions.append((quals, Array(introduced[leftCount...])))
                    bound.scopes[scope].outerJoins.append((Array(introduced[..<leftCount]), Array(introduced[leftCount...])))
                case .joinRight:
                    bound.scopes[scope].hasOuterJoin = true
                    bound.scopes[scope].localConditions.append((quals, Array(introduced[..<leftCount])))
                    bound.scopes[scope].outerJoins.append((Array(introduced[leftCount...]), Array(introduced[..<leftCount])))
                default:
                    bound.scopes[scope].hasOuterJoin = true
                    bound.scopes[scope].outerJoins.append((Array(introduced[..<leftCount]), Array(introduced[leftCount...])))
                    bound.scopes[scope].outerJoins.append((Array(introduced[leftCount...]), Array(introduced[..<leftCount])))
                }
            }
            return introduced
        case .rangeSubselect(let subselect):
            guard case .selectStmt(let select)? = subselect.subquery else { return [] }
            let inner = newScope(parent: subselect.lateral ? scope : bound.scopes[scope].parent)
            let columns = try bindSelect(select, scope: inner)
            let index = bound.subqueries.count
            bound.subqueries.append(select)
            bound.subqueryScopes.append(inner)
            var names = columns
            if let alias = subselect.alias {
                for (position, name) in alias.colnames.enumerated() where position < names.count {
                    if case .string(let s) = name { names[position].name = s.sval }
                }
            }
            let entry = RangeEntry(index: bound.entries.count, source: .subquery(index),
                                   referenceName: subselect.alias?.aliasname ?? "", hasAlias: subselect.alias != nil,
                                   columnNames: names.map(\.name), columnTypes: names.map { $0.type.flatMap { try? PostgresType(parsing: $0) } },
                                   scope: scope, nullable: nullable)
            bound.entries.append(entry)
            bound.scopes[scope].entries.append(entry.index)
            return [entry.index]
        case .rangeFunction(let function):
            bound.hasFunctionsInFrom = true
            var columns: [OutputColumn] = []
            if let alias = function.alias {
                columns = alias.colnames.compactMap { node in
                    if case .string(let s) = node { return OutputColumn(name: s.sval, type: nil) }
                    return nil
                }
                if columns.isEmpty { columns = [OutputColumn(name: alias.aliasname, type: nil)] }
            }
            let entry = RangeEntry(index: bound.entries.count, source: .function, referenceName: function.alias?.aliasname ?? "",
                                   hasAlias: function.alias != nil, columnNames: columns.map(\.name),
                                   columnTypes: columns.map { _ in nil }, scope: scope, nullable: nullable)
            bound.entries.append(entry)
            bound.scopes[scope].entries.append(entry.index)
            return [entry.index]
        default:
            throw PlannerError.notYet("\(item.typeName) in FROM")
        }
    }

    /// How many entries a FROM item introduces.
    func entriesCount(_ item: Node) throws(PlannerError) -> Int {
        switch item {
        case .joinExpr(let join):
            return (try join.larg.map { (n: Node) throws(PlannerError) in try entriesCount(n) } ?? 0)
                + (try join.rarg.map { (n: Node) throws(PlannerError) in try entriesCount(n) } ?? 0)
        default:
            return 1
        }
    }

    mutating func addTable(_ range: RangeVar, scope: Int, nullable: Bool) throws(PlannerError) -> Int {
        guard let info = directory.tableInfo(schema: range.schemaname, name: range.relname) else {
            let shown = range.schemaname.isEmpty ? range.relname : range.schemaname + "." + range.relname
            throw PlannerError.invalid("relation \"\(shown)\" does not exist", at: range.location)
        }
        let table = info.table
        let referenceName = range.alias?.aliasname ?? table.name.name
        for other in bound.scopes[scope].entries where bound.entries[other].referenceName == referenceName {
            throw PlannerError.invalid("table name \"\(referenceName)\" specified more than once", at: range.location)
        }
        // The directory's arrays of names and types, shared by every statement that reads the table.
        var names = info.columnNames
        if let alias = range.alias, !alias.colnames.isEmpty {
            for (position, name) in alias.colnames.enumerated() where position < names.count {
                if case .string(let s) = name { names[position] = s.sval }
            }
        }
        let entry = RangeEntry(index: bound.entries.count, source: .table, table: table, referenceName: referenceName,
                               hasAlias: range.alias != nil, columnNames: names, columnTypes: info.columnTypes,
                               scope: scope, nullable: nullable, rangeVar: range)
        bound.entries.append(entry)
        bound.scopes[scope].entries.append(entry.index)
        return entry.index
    }

    // MARK: SELECT

    /// Binds a SELECT in its scope and returns its output columns.
    mutating func bindSelect(_ select: SelectStmt, scope: Int) throws(PlannerError) -> [OutputColumn] {
        if let with = select.withClause, !with.ctes.isEmpty {
            bound.hasCTEs = true
            throw PlannerError.notYet("WITH (common table expressions)",
                                      hint: "Inline the CTE as a subquery in FROM where it is used once.")
        }
        if select.op != .setopNone && select.op != .setOperationUndefined {
            bound.hasSetOperations = true
            guard let left = select.larg, let right = select.rarg else { return [] }
            let leftColumns = try bindSelect(left, scope: newScope(parent: bound.scopes[scope].parent))
            _ = try bindSelect(right, scope: newScope(parent: bound.scopes[scope].parent))
            return leftColumns
        }
        if !select.valuesLists.isEmpty {
            for row in select.valuesLists { try checkExpression(row, scope: scope) }
            guard case .list(let first)? = select.valuesLists.first else { return [] }
            return first.items.indices.map { OutputColumn(name: "column\($0 + 1)", type: nil) }
        }
        try bindFrom(select.fromClause, scope: scope)
        let outputs = try bindTargets(select.targetList, scope: scope)
        if let clause = select.whereClause {
            try checkExpression(clause, scope: scope)
            bound.scopes[scope].conjuncts.append(clause)
        }
        for group in select.groupClause { try checkGroupOrSort(group, select: select, outputs: outputs, scope: scope) }
        if let having = select.havingClause { try checkExpression(having, scope: scope) }
        for sort in select.sortClause { try checkGroupOrSort(sort, select: select, outputs: outputs, scope: scope) }
        for window in select.windowClause {
            if case .windowDef(let definition) = window {
                for node in definition.partitionClause + definition.orderClause { try checkExpression(node, scope: scope) }
            }
        }
        return outputs
    }

    /// Binds a target list (a SELECT's, or RETURNING): `*` expanded, every expression checked,
    /// each output named and typed as PostgreSQL would.
    mutating func bindTargets(_ targets: [Node], scope: Int) throws(PlannerError) -> [OutputColumn] {
        var outputs: [OutputColumn] = []
        for target in targets {
            guard case .resTarget(let result) = target, let value = result.val else { continue }
            if let expanded = try expandStar(value, scope: scope) {
                outputs += expanded.map { OutputColumn(name: $0.name, type: $0.type) }
                continue
            }
            try checkExpression(value, scope: scope)
            let name = result.name.isEmpty ? OutputNaming.name(of: value) : result.name
            outputs.append(OutputColumn(name: name, type: TypeInference(binder: self, scope: scope).type(of: value)?.name))
        }
        return outputs
    }

    /// GROUP BY / ORDER BY items may name an output column or its position.
    mutating func checkGroupOrSort(_ node: Node, select: SelectStmt, outputs: [OutputColumn], scope: Int) throws(PlannerError) {
        var item = node
        if case .sortBy(let sort) = node, let inner = sort.node { item = inner }
        if case .aConst(let constant) = item, case .ival(let position)? = constant.val {
            guard position.ival >= 1 && Int(position.ival) <= outputs.count else {
                throw PlannerError.invalid("\(node.isSort ? "ORDER" : "GROUP") BY position \(position.ival) is not in select list", at: constant.location)
            }
            return
        }
        if case .columnRef(let ref) = item, ref.fields.count == 1, case .string(let name) = ref.fields[0],
           outputs.contains(where: { $0.name == name.sval }), (try? resolve(ref, scope: scope)) == nil {
            return
        }
        if case .groupingSet(let set) = item {
            for element in set.content { try checkGroupOrSort(element, select: select, outputs: outputs, scope: scope) }
            return
        }
        try checkExpression(item, scope: scope)
    }

    /// `*` and `alias.*`: the columns they stand for.
    func expandStar(_ value: Node, scope: Int) throws(PlannerError) -> [(entry: Int, column: Int, name: String, type: String?)]? {
        guard case .columnRef(let ref) = value, case .aStar? = ref.fields.last else { return nil }
        var result: [(Int, Int, String, String?)] = []
        if ref.fields.count == 1 {
            for index in bound.scopes[scope].entries {
                for (position, column) in bound.entries[index].columns.enumerated() {
                    result.append((index, position, column.name, column.type))
                }
            }
            if result.isEmpty && bound.scopes[scope].entries.isEmpty {
                throw PlannerError.invalid("SELECT * with no tables specified is not valid", at: ref.location)
            }
            return result
        }
        let qualifier = ref.fields.dropLast().compactMap { node -> String? in
            if case .string(let s) = node { return s.sval }
            return nil
        }
        guard let entry = findEntry(qualifier, scope: scope) else {
            throw PlannerError.invalid("missing FROM-clause entry for table \"\(qualifier.last ?? "")\"", at: ref.location)
        }
        for (position, column) in bound.entries[entry].columns.enumerated() {
            result.append((entry, position, column.name, column.type))
        }
        return result
    }

    // MARK: Expressions

    /// Checks every column reference in an expression and binds its subqueries.
    mutating func checkExpression(_ node: Node, scope: Int) throws(PlannerError) {
        var sublinks: [SubLink] = []
        var failure: PlannerError? = nil
        var correlated = false
        let binder = self
        try ExpressionTree.visit(node) { (child: Node) throws(PlannerError) -> Bool in
            switch child {
            case .columnRef(let ref):
                if case .aStar? = ref.fields.last { return false }
                do throws(PlannerError) {
                    let binding = try binder.resolve(ref, scope: scope)
                    if binder.bound.entries[binding.entry].scope != scope { correlated = true }
                } catch {
                    if failure == nil { failure = error }
                }
                return false
            case .subLink(let link):
                sublinks.append(link)
                return true
            default:
                return true
            }
        }
        if let failure { throw failure }
        if correlated {
            bound.hasCorrelation = true
            bound.scopes[scope].isCorrelated = true
        }
        for link in sublinks {
            bound.sublinkCount += 1
            guard case .selectStmt(let select)? = link.subselect else { continue }
            let inner = newScope(parent: scope)
            bound.sublinks.append((link, scope, inner))
            let before = bound.hasCorrelation
            _ = try bindSelect(select, scope: inner)
            if !before && bound.hasCorrelation { bound.scopes[inner].isCorrelated = true }
        }
    }

    /// The entry a qualifier (`alias`, `table`, `schema.table`) names, searching outward.
    func findEntry(_ qualifier: [String], scope: Int) -> Int? {
        guard let name = qualifier.last else { return nil }
        return findEntry(name: name, schema: qualifier.count > 1 ? qualifier[qualifier.count - 2] : nil, scope: scope)
    }

    /// The entry `name` (an alias or table name) or `schema.name` (a table without alias) names.
    func findEntry(name: String, schema: String?, scope: Int) -> Int? {
        var current: Int? = scope
        while let id = current {
            // Fields are read in place: copying a RangeEntry would retain all it holds.
            let match = bound.scopes[id].entries.first { index in
                guard let schema else { return bound.entries[index].referenceName == name }
                guard let table = bound.entries[index].table, !bound.entries[index].hasAlias else { return false }
                return table.name.schema == schema && table.name.name == name
            }
            if let match { return match }
            current = bound.scopes[id].parent
        }
        return nil
    }

    /// Resolves a column reference: PostgreSQL's rules and messages.
    func resolve(_ ref: ColumnRef, scope: Int) throws(PlannerError) -> ColumnBinding {
        // Every field must be a name; read them in place (this runs for every column reference
        // of the statement, often more than once).
        guard case .string(let last)? = ref.fields.last,
              ref.fields.allSatisfy({ if case .string = $0 { return true } else { return false } }) else {
            throw PlannerError.notYet("this column reference form")
        }
        let column = last.sval
        if ref.fields.count == 1 {
            var current: Int? = scope
            while let id = current {
                var found: ColumnBinding? = nil
                for index in bound.scopes[id].entries {
                    for (position, candidate) in bound.entries[index].columnNames.enumerated() where candidate == column {
                        if found != nil {
                            throw PlannerError.invalid("column reference \"\(column)\" is ambiguous", at: ref.location)
                        }
                        found = ColumnBinding(entry: index, column: position)
                    }
                }
                if let found { return found }
                current = bound.scopes[id].parent
            }
            throw PlannerError.invalid("column \"\(column)\" does not exist", at: ref.location, hint: columnHint(column, scope: scope))
        }
        func name(_ position: Int) -> String {
            if case .string(let s) = ref.fields[position] { return s.sval }
            return ""
        }
        let count = ref.fields.count
        guard let entry = findEntry(name: name(count - 2), schema: count > 2 ? name(count - 3) : nil, scope: scope) else {
            throw PlannerError.invalid("missing FROM-clause entry for table \"\(name(count - 2))\"", at: ref.location)
        }
        guard let position = bound.entries[entry].columnNames.firstIndex(of: column) else {
            let qualifier = (0..<count - 1).map(name).joined(separator: ".")
            throw PlannerError.invalid("column \(qualifier).\(column) does not exist", at: ref.location)
        }
        return ColumnBinding(entry: entry, column: position)
    }

    private func columnHint(_ column: String, scope: Int) -> String? {
        let lowered = column.lowercased()
        for index in bound.scopes[scope].entries {
            let entry = bound.entries[index]
            if let match = entry.columnNames.first(where: { $0.lowercased() == lowered }) {
                return "Perhaps you meant to reference the column \"\(entry.referenceName).\(match)\"."
            }
        }
        return nil
    }

    /// Whether a resolved column belongs to an outer query level (a correlated reference).
    func isOuter(_ binding: ColumnBinding, from scope: Int) -> Bool {
        bound.entries[binding.entry].scope != scope
    }
}

extension Node {
    var isSort: Bool {
        if case .sortBy = self { return true }
        return false
    }
}
