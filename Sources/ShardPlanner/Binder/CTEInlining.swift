import SQLSyntax

/// Inlines common table expressions as subqueries in FROM, by PostgreSQL's rule (which Citus
/// follows, trying the inlined query first): a CTE is inlined when it is a plain SELECT, not
/// recursive, not `MATERIALIZED`, without volatile functions, and referenced at most once
/// (`NOT MATERIALIZED`: any number of times). A CTE nobody references is dropped, as PostgreSQL
/// never runs it.
///
/// shardplan has no subplans yet, so a CTE that must stay a CTE is refused with the reason;
/// never planned wrongly. Scoping is PostgreSQL's: an unqualified name in FROM means the
/// innermost CTE of that name in scope (a CTE shadows a table), a CTE's query sees the CTEs
/// before it in its WITH list, and a schema-qualified name is always a table.
struct CTEInlining {
    /// The names of the CTEs inlined, in the order met.
    private(set) var inlined: [String] = []
    /// The queries of CTEs nobody references: dropped, but PostgreSQL still checks them.
    private(set) var unused: [SelectStmt] = []

    private struct Definition {
        let name: String
        let query: SelectStmt
        let columnNames: [Node]
        let materialize: CTEMaterialize
        let location: Int32
        let isVolatile: Bool
        var references = 0
    }

    /// In-scope CTEs, innermost WITH last.
    private var scopes: [[Definition]] = []
    private var volatileCalls = 0

    /// `select` with every CTE (its own and its subqueries') inlined.
    static func inline(_ select: SelectStmt) throws(PlannerError) -> (select: SelectStmt, names: [String], unused: [SelectStmt]) {
        var inlining = CTEInlining()
        let rewritten = try inlining.rewrite(select)
        return (rewritten, inlining.inlined, inlining.unused)
    }

    private mutating func rewrite(_ input: SelectStmt) throws(PlannerError) -> SelectStmt {
        var select = input
        let with = select.withClause
        if let with, !with.ctes.isEmpty {
            if with.recursive {
                throw PlannerError.notYet("WITH RECURSIVE",
                                          hint: "Citus plans a recursive CTE only inside a query it routes to one shard group, and shardplan does not plan recursive CTEs yet.")
            }
            scopes.append([])
            for node in with.ctes {
                guard case .commonTableExpr(let cte) = node else { continue }
                guard case .selectStmt(let body)? = cte.ctequery else {
                    throw PlannerError.notYet("a data-modifying CTE (WITH \(SQLDeparser.quoteIdentifier(cte.ctename)) AS (INSERT/UPDATE/DELETE ...))",
                                              hint: "Run the modification as its own statement.")
                }
                let volatileBefore = volatileCalls
                // The CTE's query sees the CTEs before it in the list, not itself.
                let query = try rewrite(body)
                scopes[scopes.count - 1].append(Definition(name: cte.ctename, query: query, columnNames: cte.aliascolnames,
                                                           materialize: cte.ctematerialized, location: cte.location,
                                                           isVolatile: volatileCalls > volatileBefore))
            }
            select.withClause = nil
        }
        try rewriteParts(&select)
        if let with, !with.ctes.isEmpty {
            for definition in scopes.removeLast() {
                if definition.references == 0 { unused.append(definition.query) }
                // Not inlined by PostgreSQL, even when NOT MATERIALIZED (an unused CTE is dropped all the same).
                if definition.isVolatile && definition.references > 0 {
                    throw PlannerError(.notYetSupported, "a CTE with volatile functions (\(SQLDeparser.quoteIdentifier(definition.name))) is not supported yet",
                                       hint: "PostgreSQL does not inline it, and Citus plans it as a subplan; shardplan plans subplans in later work.",
                                       position: definition.location > 0 ? Int(definition.location) : nil)
                }
                if definition.materialize == .cteMaterializeAlways && definition.references > 0 {
                    throw PlannerError(.notYetSupported, "a MATERIALIZED CTE (\(SQLDeparser.quoteIdentifier(definition.name))) is not supported yet",
                                       hint: "Citus plans it as a subplan whose rows the query reads; shardplan plans subplans in later work. Without MATERIALIZED a CTE used once is inlined.",
                                       position: definition.location > 0 ? Int(definition.location) : nil)
                }
                if definition.references > 1 && definition.materialize != .cteMaterializeNever {
                    throw PlannerError(.notYetSupported, "a CTE referenced more than once (\(SQLDeparser.quoteIdentifier(definition.name)), \(definition.references) times) is not supported yet",
                                       hint: "PostgreSQL and Citus do not inline it (Citus plans it as a subplan, which shardplan does later); WITH \(SQLDeparser.quoteIdentifier(definition.name)) AS NOT MATERIALIZED (...) inlines it at every use, which distributes when each use does.",
                                       position: definition.location > 0 ? Int(definition.location) : nil)
                }
            }
        }
        return select
    }

    private mutating func rewriteParts(_ select: inout SelectStmt) throws(PlannerError) {
        if let left = select.larg { select.larg = try rewrite(left) }
        if let right = select.rarg { select.rarg = try rewrite(right) }
        var from: [Node] = []
        from.reserveCapacity(select.fromClause.count)
        for item in select.fromClause { from.append(try rewriteFromItem(item)) }
        select.fromClause = from
        select.targetList = try expressions(select.targetList)
        select.whereClause = try expression(select.whereClause)
        select.groupClause = try expressions(select.groupClause)
        select.havingClause = try expression(select.havingClause)
        select.sortClause = try expressions(select.sortClause)
        select.distinctClause = try expressions(select.distinctClause)
        select.limitCount = try expression(select.limitCount)
        select.limitOffset = try expression(select.limitOffset)
        select.valuesLists = try expressions(select.valuesLists)
        var windows: [Node] = []
        for window in select.windowClause {
            guard case .windowDef(var definition) = window else { windows.append(window); continue }
            definition.partitionClause = try expressions(definition.partitionClause)
            definition.orderClause = try expressions(definition.orderClause)
            windows.append(.windowDef(definition))
        }
        select.windowClause = windows
    }

    private mutating func rewriteFromItem(_ item: Node) throws(PlannerError) -> Node {
        switch item {
        case .rangeVar(let range):
            guard range.schemaname.isEmpty, range.catalogname.isEmpty, let (scope, index) = lookup(range.relname) else { return item }
            scopes[scope][index].references += 1
            let definition = scopes[scope][index]
            if !inlined.contains(definition.name) { inlined.append(definition.name) }
            var alias = Alias()
            alias.aliasname = range.alias?.aliasname ?? definition.name
            // The reference's column aliases rename the first columns; the CTE's own names the rest.
            let given = range.alias?.colnames ?? []
            alias.colnames = given + definition.columnNames.dropFirst(given.count)
            var subquery = RangeSubselect()
            subquery.subquery = .selectStmt(definition.query)
            subquery.alias = alias
            return .rangeSubselect(subquery)
        case .rangeSubselect(var subquery):
            if case .selectStmt(let inner)? = subquery.subquery { subquery.subquery = .selectStmt(try rewrite(inner)) }
            return .rangeSubselect(subquery)
        case .rangeFunction(var function):
            // ROWS FROM (f(...) [AS (column definitions)]): the calls' arguments may hold subqueries.
            var functions: [Node] = []
            for entry in function.functions {
                guard case .list(var parts) = entry, let call = parts.items.first else { functions.append(entry); continue }
                parts.items[0] = try expression(call)!
                functions.append(.list(parts))
            }
            function.functions = functions
            return .rangeFunction(function)
        case .joinExpr(var join):
            if let left = join.larg { join.larg = try rewriteFromItem(left) }
            if let right = join.rarg { join.rarg = try rewriteFromItem(right) }
            join.quals = try expression(join.quals)
            return .joinExpr(join)
        default:
            return item
        }
    }

    private func lookup(_ name: String) -> (Int, Int)? {
        for scope in scopes.indices.reversed() {
            if let index = scopes[scope].lastIndex(where: { $0.name == name }) { return (scope, index) }
        }
        return nil
    }

    private mutating func expressions(_ nodes: [Node]) throws(PlannerError) -> [Node] {
        var out: [Node] = []
        out.reserveCapacity(nodes.count)
        for node in nodes { out.append(try expression(node)!) }
        return out
    }

    /// Rewrites the subqueries inside an expression and counts volatile calls.
    private mutating func expression(_ node: Node?) throws(PlannerError) -> Node? {
        guard let node else { return nil }
        var inlining = self
        let rewritten = try ExpressionTree.rewrite(node) { (child: Node) throws(PlannerError) -> Node? in
            switch child {
            case .subLink(var link):
                link.testexpr = try inlining.expression(link.testexpr)
                if case .selectStmt(let inner)? = link.subselect { link.subselect = .selectStmt(try inlining.rewrite(inner)) }
                return .subLink(link)
            case .funcCall(let call):
                if Aggregates.volatile.contains(Aggregates.name(call)) { inlining.volatileCalls += 1 }
                return nil
            default:
                return nil
            }
        }
        self = inlining
        return rewritten
    }
}
