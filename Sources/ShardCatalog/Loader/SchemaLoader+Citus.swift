import SQLSyntax

/// A call of a Citus function in a `SELECT` without FROM, with its arguments read as constants.
struct CitusCall {
    enum Value: Equatable {
        case null
        case literal(SQLLiteral)
        /// Something that is not a constant (an expression), as SQL text.
        case expression(String)
    }

    var name: String
    var positional: [Value]
    var named: [String: Value]
}

/// The functions the loader models, with their parameter names in order.
let citusSignatures: [String: [String]] = [
    "create_distributed_table": ["table_name", "distribution_column", "distribution_type", "colocate_with", "shard_count"],
    "create_distributed_table_concurrently": ["table_name", "distribution_column", "distribution_type", "colocate_with", "shard_count"],
    "create_reference_table": ["table_name"],
    "citus_add_node": ["nodename", "nodeport", "groupid", "noderole", "nodecluster"],
    "master_add_node": ["nodename", "nodeport", "groupid", "noderole", "nodecluster"],
    "citus_set_coordinator_host": ["host", "port", "node_role", "node_cluster"],
    "citus_set_node_property": ["nodename", "nodeport", "property", "value"],
    "master_set_node_property": ["nodename", "nodeport", "property", "value"],
]

/// Citus functions that change metadata in ways the loader does not model.
let unmodelledCitusPrefixes = ["citus_", "master_", "undistribute_table", "alter_distributed_table", "update_distributed_table_colocation",
                               "create_distributed_function", "truncate_local_data", "rebalance_table_shards", "isolate_tenant"]

extension Loader {
    /// The calls of a `SELECT f(...), g(...)` without FROM; empty for any other statement.
    static func citusCalls(in node: Node) -> [CitusCall] {
        guard case .selectStmt(let select) = node, select.fromClause.isEmpty, select.op == .setopNone,
              select.whereClause == nil else { return [] }
        var calls: [CitusCall] = []
        for target in select.targetList {
            guard case .resTarget(let result) = target, case .funcCall(let call)? = result.val else { continue }
            let name = stringParts(call.funcname).last ?? ""
            var positional: [CitusCall.Value] = []
            var named: [String: CitusCall.Value] = [:]
            for argument in call.args {
                if case .namedArgExpr(let namedArgument) = argument {
                    named[namedArgument.name] = namedArgument.arg.map(value) ?? .null
                } else {
                    positional.append(value(argument))
                }
            }
            calls.append(CitusCall(name: name, positional: positional, named: named))
        }
        return calls
    }

    private static func value(_ node: Node) -> CitusCall.Value {
        switch node {
        case .aConst(let constant):
            if constant.isnull { return .null }
            if let literal = SQLLiteral(constant) { return .literal(literal) }
        case .typeCast(let cast):
            // 'orders'::regclass, 'id'::text: the constant inside the cast.
            if let arg = cast.arg { return value(arg) }
        default:
            break
        }
        return .expression((try? SQLDeparser.deparseExpression(node)) ?? "?")
    }

    mutating func citusCalls(_ node: Node, line: Int) throws(CatalogError) -> SchemaStatement.Role {
        let calls = Loader.citusCalls(in: node)
        var role = SchemaStatement.Role.other
        for call in calls {
            guard let parameters = citusSignatures[call.name] else {
                if unmodelledCitusPrefixes.contains(where: { call.name.hasPrefix($0) }) {
                    warnings.append("line \(line): \(call.name)() changes Citus metadata in a way the catalog does not model; it is kept as an ordinary statement")
                }
                continue
            }
            role = .citus
            var arguments: [String: CitusCall.Value] = [:]
            guard call.positional.count <= parameters.count else {
                throw CatalogError("function \(call.name) takes at most \(parameters.count) arguments, \(call.positional.count) given")
            }
            for (index, value) in call.positional.enumerated() { arguments[parameters[index]] = value }
            for (name, value) in call.named {
                guard parameters.contains(name) else {
                    throw CatalogError("function \(call.name) has no parameter named \"\(name)\"",
                                       hint: "Its parameters are \(parameters.joined(separator: ", ")).")
                }
                guard arguments[name] == nil else { throw CatalogError("argument name \"\(name)\" used more than once") }
                arguments[name] = value
            }
            try perform(call.name, arguments)
        }
        return role
    }

    private mutating func perform(_ function: String, _ arguments: [String: CitusCall.Value]) throws(CatalogError) {
        switch function {
        case "create_distributed_table", "create_distributed_table_concurrently":
            let table = try relationArgument(arguments, "table_name", function)
            let column = try optionalText(arguments, "distribution_column")
            if let method = try optionalText(arguments, "distribution_type"), method != "hash" {
                if method == "append" || method == "range" {
                    throw CatalogError("\(method)-distributed tables are not supported",
                                       hint: "Use hash distribution (the default) or create_reference_table.")
                }
                throw CatalogError("invalid input value for enum citus.distribution_type: \"\(method)\"")
            }
            var colocateWith = ColocateWith.default
            if let target = try optionalText(arguments, "colocate_with") {
                switch target.lowercased() {
                case "default": colocateWith = .default
                case "none": colocateWith = .none
                default: colocateWith = .table(try resolveRelation(target))
                }
            }
            let shardCount = try optionalInteger(arguments, "shard_count")
            var columnName: String? = nil
            if let column {
                columnName = try distributionColumn(column, of: table)
            } else if shardCount != nil {
                throw CatalogError("shard_count can't be specified when the distribution column is null because in that case it's automatically set to 1")
            }
            try catalog.distributeTable(table, column: columnName, shardCount: shardCount.map(Int.init), colocateWith: colocateWith)
        case "create_reference_table":
            try catalog.createReferenceTable(try relationArgument(arguments, "table_name", function))
        case "citus_add_node", "master_add_node":
            let host = try requiredText(arguments, "nodename", function)
            let port = try requiredInteger(arguments, "nodeport", function)
            if let role = try optionalText(arguments, "noderole"), role != "primary" {
                throw CatalogError("\(role) nodes are not supported", hint: "Only primary nodes hold placements the planner routes to.")
            }
            let group = try optionalInteger(arguments, "groupid")
            if let group, group != -1, group != 0 {
                throw CatalogError("citus_add_node with an explicit groupid other than 0 is not supported")
            }
            catalog.addNode(host: host, port: Int(port), groupId: group == 0 ? 0 : nil)
        case "citus_set_coordinator_host":
            let host = try requiredText(arguments, "host", function)
            let port = try optionalInteger(arguments, "port") ?? 5432
            catalog.setCoordinator(host: host, port: Int(port))
        case "citus_set_node_property", "master_set_node_property":
            let host = try requiredText(arguments, "nodename", function)
            let port = try requiredInteger(arguments, "nodeport", function)
            let property = try requiredText(arguments, "property", function)
            guard property == "shouldhaveshards" else {
                throw CatalogError("only the shouldhaveshards property is supported")
            }
            guard case .literal(let literal)? = arguments["value"],
                  case .bool(let value) = try coerced(literal, to: PostgresType(base: .bool)) else {
                throw CatalogError("function \(function) needs a boolean value")
            }
            try catalog.setShouldHaveShards(host: host, port: Int(port), value)
        default:
            break
        }
    }

    // MARK: Settings

    mutating func setting(_ set: VariableSetStmt) throws(CatalogError) -> SchemaStatement.Role {
        let name = set.name.lowercased()
        let reset = set.kind == .varReset || set.kind == .varSetDefault
        let literals = set.args.compactMap { (node: Node) -> SQLLiteral? in
            guard case .literal(let literal) = Loader.value(node) else { return nil }
            return literal
        }
        func integer(_ range: ClosedRange<Int64>) throws(CatalogError) -> Int64 {
            guard let literal = literals.first else { throw CatalogError("parameter \"\(name)\" requires a value") }
            guard case .int8(let value) = try coerced(literal, to: PostgresType(base: .int8)) else {
                throw CatalogError("invalid value for parameter \"\(name)\"")
            }
            guard range.contains(value) else {
                throw CatalogError("\(value) is outside the valid range for parameter \"\(name)\" (\(range.lowerBound) .. \(range.upperBound))")
            }
            return value
        }
        switch name {
        case "citus.shard_count":
            catalog.settings.shardCount = reset ? 32 : Int(try integer(1...64000))
            return .citus
        case "citus.shard_replication_factor":
            catalog.settings.replicationFactor = reset ? 1 : Int(try integer(1...100))
            return .citus
        case "citus.next_shard_id":
            if !reset { catalog.sequences.nextShardId = try integer(0...Int64(Int32.max)) }
            return .citus
        case "citus.next_placement_id":
            if !reset { catalog.sequences.nextPlacementId = try integer(0...Int64(Int32.max)) }
            return .citus
        case "search_path":
            if reset {
                catalog.settings.searchPath = ["public"]
            } else {
                var path: [String] = []
                for literal in literals {
                    guard case .string(let text) = literal else { continue }
                    // Each element is an identifier: SET search_path = 'a, b' is one schema named "a, b".
                    if text != "$user" { path.append(text) }
                }
                catalog.settings.searchPath = path
            }
            return .setting
        case "timezone":
            if reset {
                catalog.settings.timeZone = "UTC"
            } else if case .string(let zone)? = literals.first {
                catalog.settings.timeZone = zone
            }
            return .setting
        default:
            return .other
        }
    }

    // MARK: Arguments

    private func relationArgument(_ arguments: [String: CitusCall.Value], _ name: String, _ function: String) throws(CatalogError) -> QualifiedName {
        try resolveRelation(try requiredText(arguments, name, function))
    }

    /// Resolves a `regclass` text as PostgreSQL does: dotted, unquoted parts folded to lower case.
    func resolveRelation(_ text: String) throws(CatalogError) -> QualifiedName {
        let parts = try identifierParts(text)
        guard let name = catalog.resolve(parts) else {
            throw missingRelation(parts.last ?? text, schema: parts.count > 1 ? parts[parts.count - 2] : "")
        }
        return name
    }

    /// The distribution column named by the argument: the column of that exact name, else the
    /// name read as an identifier (`'"Key"'`, `'ID'` for `id`).
    private func distributionColumn(_ text: String, of table: QualifiedName) throws(CatalogError) -> String {
        guard let definition = catalog.table(table) else { throw CatalogError("relation \"\(table.name)\" does not exist") }
        if definition.column(named: text) != nil { return text }
        if let parts = try? identifierParts(text), parts.count == 1, definition.column(named: parts[0]) != nil { return parts[0] }
        throw CatalogError("column \"\(text)\" of relation \"\(table.name)\" does not exist")
    }

    private func requiredText(_ arguments: [String: CitusCall.Value], _ name: String, _ function: String) throws(CatalogError) -> String {
        try required(optionalText(arguments, name), name, function)
    }

    private func required<T>(_ value: T?, _ name: String, _ function: String) throws(CatalogError) -> T {
        guard let value else { throw CatalogError("function \(function) needs a value for \(name)") }
        return value
    }

    private func optionalText(_ arguments: [String: CitusCall.Value], _ name: String) throws(CatalogError) -> String? {
        switch arguments[name] {
        case nil, .null?: return nil
        case .literal(.string(let text))?: return text
        case .literal(.integer(let value))?: return String(value)
        case .literal(.numeric(let text))?: return text
        case .literal(.boolean(let value))?: return value ? "true" : "false"
        case .expression(let text)?:
            throw CatalogError("argument \(name) must be a constant, not \(text)")
        }
    }

    private func requiredInteger(_ arguments: [String: CitusCall.Value], _ name: String, _ function: String) throws(CatalogError) -> Int64 {
        try required(optionalInteger(arguments, name), name, function)
    }

    private func optionalInteger(_ arguments: [String: CitusCall.Value], _ name: String) throws(CatalogError) -> Int64? {
        switch arguments[name] {
        case nil, .null?: return nil
        case .literal(let literal)?:
            guard case .int4(let value) = try coerced(literal, to: PostgresType(base: .int4)) else { return nil }
            return Int64(value)
        case .expression(let text)?:
            throw CatalogError("argument \(name) must be a constant, not \(text)")
        }
    }

    private func coerced(_ literal: SQLLiteral, to type: PostgresType) throws(CatalogError) -> PostgresValue {
        do {
            return try type.coerce(literal, context: .comparison, timeZone: catalog.settings.timeZone)
        } catch {
            throw CatalogError(error.message, detail: error.detail)
        }
    }
}

/// Splits a possibly qualified, possibly quoted name (`public."Order Items"`) as PostgreSQL's
/// `stringToQualifiedNameList` does.
func identifierParts(_ text: String) throws(CatalogError) -> [String] {
    var parts: [String] = []
    var current = ""
    var quoted = false
    var wasQuoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
        if quoted {
            if character == "\"" {
                if characters.first == "\"" { characters.removeFirst(); current.append("\"") } else { quoted = false }
            } else {
                current.append(character)
            }
        } else if character == "\"" {
            quoted = true
            wasQuoted = true
        } else if character == "." {
            guard !current.isEmpty else { throw CatalogError("invalid name syntax: \(text)") }
            parts.append(current)
            current = ""
            wasQuoted = false
        } else if character == " " && current.isEmpty {
            continue
        } else {
            current.append(wasQuoted ? character : Character(character.lowercased()))
        }
    }
    guard !quoted, !current.isEmpty else { throw CatalogError("invalid name syntax: \(text)") }
    parts.append(current.trimmingSuffixSpaces())
    return parts
}

extension String {
    fileprivate func trimmingSuffixSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
