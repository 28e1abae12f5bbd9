import SQLSyntax

/// What about a statement's result is deterministic, read from its syntax tree: which output
/// columns depend on volatile or environment-dependent values, which of the top-level ORDER BY
/// keys are output columns, and whether LIMIT or OFFSET cut the result.
struct StatementAnalysis: Sendable {
    enum Kind: Sendable { case select, modification }

    var kind: Kind
    /// Output columns (by position in the result) whose value depends on a volatile function,
    /// the clock, the server or the database (`random()`, `now()`, `current_database()`, `ctid`).
    var volatileColumns: Set<Int> = []
    /// A volatile value decides which rows there are (in WHERE, FROM, GROUP BY...), or a volatile
    /// output column cannot be placed (after a `*`).
    var volatileRows = false
    /// A modification writes a volatile value into its table (compare the table's contents by
    /// row count only).
    var volatileWrite = false
    /// Why the statement is volatile, for the report: the functions found.
    var volatileNames: [String] = []
    /// Result columns holding the top-level ORDER BY keys, in order, up to the first key that is
    /// not an output column.
    var orderColumns: [Int] = []
    /// Whether the statement has a top-level ORDER BY at all.
    var hasOrderBy = false
    var hasLimit = false
    var hasOffset = false
    var hasDistinctOn = false

    /// Functions whose value differs between two runs of the same statement, or between the
    /// single node and the shards' database.
    static let volatileFunctions: Set<String> = [
        "random", "random_normal", "setseed", "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp",
        "timeofday", "nextval", "currval", "lastval", "setval", "gen_random_uuid", "uuid_generate_v4", "current_database",
        "inet_server_addr", "inet_server_port", "pg_backend_pid", "txid_current", "pg_current_xact_id", "pg_postmaster_start_time",
        "pg_conf_load_time", "current_schemas",
    ]
    /// System columns, which differ between a table and its shards.
    static let systemColumns: Set<String> = ["ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"]

    init(_ statement: Node) {
        switch statement {
        case .selectStmt(let select):
            kind = .select
            analyze(select: select)
        case .insertStmt(var insert):
            kind = .modification
            let returning = insert.returningList
            insert.returningList = []
            analyzeModification(returning: returning, rest: insert, whereClause: nil)
        case .updateStmt(var update):
            kind = .modification
            let returning = update.returningList
            update.returningList = []
            analyzeModification(returning: returning, rest: update, whereClause: update.whereClause)
        case .deleteStmt(var delete):
            kind = .modification
            let returning = delete.returningList
            delete.returningList = []
            analyzeModification(returning: returning, rest: delete, whereClause: delete.whereClause)
        default:
            kind = .select
            volatileNames = Self.volatileNames(in: statement)
            volatileRows = !volatileNames.isEmpty
        }
    }

    /// Whether some part of the result is not deterministic.
    var isVolatile: Bool { volatileRows || volatileWrite || !volatileColumns.isEmpty }

    private mutating func analyze(select: SelectStmt) {
        var leftmost = select
        while leftmost.op != .setopNone && leftmost.op != .setOperationUndefined, let left = leftmost.larg { leftmost = left }
        let targets = leftmost.targetList
        markVolatileTargets(targets)
        // Everything but the target list: a volatile value there changes which rows come out.
        var rest = select
        if select.op == .setopNone || select.op == .setOperationUndefined { rest.targetList = [] }
        let elsewhere = Self.volatileNames(in: rest)
        if !elsewhere.isEmpty {
            volatileRows = true
            volatileNames += elsewhere
        }
        hasOrderBy = !select.sortClause.isEmpty
        hasLimit = select.limitCount != nil
        hasOffset = select.limitOffset != nil
        hasDistinctOn = !select.distinctClause.isEmpty && select.distinctClause.contains { if case .absent = $0 { return false } else { return true } }
        orderColumns = Self.orderColumns(select.sortClause, targets: targets)
    }

    private mutating func analyzeModification(returning: [Node], rest: Any, whereClause: Node?) {
        markVolatileTargets(returning)
        let written = Self.volatileNames(in: rest)
        if !written.isEmpty {
            // A volatile value written into the table (SET x = now(), DEFAULT nextval(...)) makes
            // the table's contents afterwards volatile; in WHERE it decides which rows change.
            volatileWrite = true
            volatileNames += written
        }
        if let whereClause, !Self.volatileNames(in: whereClause).isEmpty { volatileRows = true }
    }

    private mutating func markVolatileTargets(_ targets: [Node]) {
        var position = 0
        var afterStar = false
        for target in targets {
            guard case .resTarget(let entry) = target, let value = entry.val else { continue }
            if case .columnRef(let ref) = value, ref.fields.contains(where: { if case .aStar = $0 { return true } else { return false } }) {
                afterStar = true
                continue
            }
            let names = Self.volatileNames(in: value)
            if !names.isEmpty {
                volatileNames += names
                if afterStar { volatileRows = true } else { volatileColumns.insert(position) }
            }
            position += 1
        }
    }

    /// The result columns of the ORDER BY keys, up to the first key that is not an output
    /// column: a position (`ORDER BY 2`), an output name (`ORDER BY total`), or an expression
    /// written as in the target list (`ORDER BY c.name` with `c.name` selected).
    static func orderColumns(_ sortClause: [Node], targets: [Node]) -> [Int] {
        // Output names and expression texts of the targets before any `*`.
        var names: [String] = []
        var texts: [String?] = []
        for target in targets {
            guard case .resTarget(let entry) = target, let value = entry.val else { break }
            if case .columnRef(let ref) = value, ref.fields.contains(where: { if case .aStar = $0 { return true } else { return false } }) { break }
            var name = entry.name
            if name.isEmpty, case .columnRef(let ref) = value, case .string(let last)? = ref.fields.last { name = last.sval }
            names.append(name)
            texts.append(try? SQLDeparser.deparseExpression(value))
        }
        var columns: [Int] = []
        for item in sortClause {
            guard case .sortBy(let sort) = item, let key = sort.node else { break }
            var found: Int? = nil
            if case .aConst(let constant) = key, case .ival(let number)? = constant.val {
                found = Int(number.ival) - 1
            } else if case .columnRef(let ref) = key, ref.fields.count == 1, case .string(let name)? = ref.fields.first,
                      names.filter({ $0 == name.sval }).count == 1 {
                found = names.firstIndex(of: name.sval)
            } else if let text = try? SQLDeparser.deparseExpression(key), texts.filter({ $0 == text }).count == 1 {
                found = texts.firstIndex(of: text)
            }
            guard let found, found >= 0 else { break }
            columns.append(found)
        }
        return columns
    }

    /// The volatile functions and system columns anywhere in a value of the syntax tree.
    static func volatileNames<Value>(in value: Value) -> [String] {
        var found: [String] = []
        collect(value, into: &found)
        return found
    }

    private static func collect(_ value: Any, into found: inout [String]) {
        if let node = value as? Node {
            switch node {
            case .funcCall(let call):
                if case .string(let name)? = call.funcname.last, volatileFunctions.contains(name.sval.lowercased()) {
                    found.append(name.sval + "()")
                }
            case .sqlvalueFunction:
                found.append((try? SQLDeparser.deparseExpression(node)) ?? "SQL value function")
            case .columnRef(let ref):
                if case .string(let name)? = ref.fields.last, systemColumns.contains(name.sval) { found.append(name.sval) }
                return
            case .aConst, .string, .integer, .float:
                return
            default:
                break
            }
        }
        for child in Mirror(reflecting: value).children { collect(child.value, into: &found) }
        // Enum payloads and boxed values (indirect cases, class boxes) are children too.
    }
}
