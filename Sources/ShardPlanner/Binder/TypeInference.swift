import SQLSyntax
import ShardCatalog

/// Enough of PostgreSQL's type resolution to type constants compared with columns, aggregates
/// and common expressions. Returns nil where it cannot be sure.
struct TypeInference {
    let binder: Binder
    let scope: Int

    func type(of node: Node) -> PostgresType? {
        switch node {
        case .columnRef(let ref):
            guard let binding = try? binder.resolve(ref, scope: scope) else { return nil }
            return binder.bound.entries[binding.entry].columnTypes[binding.column]
        case .aConst(let constant):
            switch constant.val {
            case .ival?: return PostgresType(base: .int4)
            case .fval(let f)?:
                if let value = Int64(f.fval) { return Int32(exactly: value) == nil ? PostgresType(base: .int8) : PostgresType(base: .int4) }
                return PostgresType(base: .numeric)
            case .sval?: return PostgresType(base: .text)
            case .boolval?: return PostgresType(base: .bool)
            default: return nil
            }
        case .typeCast(let cast):
            guard let typeName = cast.typeName else { return nil }
            return Self.resolve(typeName)
        case .funcCall(let call):
            // A function's result has no type modifier (`round(numeric(12,2))` is `numeric`).
            return functionType(call)?.withoutModifiers
        case .aExpr(let expr):
            return operatorType(expr)
        case .boolExpr, .nullTest, .booleanTest:
            return PostgresType(base: .bool)
        case .subLink(let link):
            if link.subLinkType == .existsSublink || link.subLinkType == .anySublink || link.subLinkType == .allSublink {
                return PostgresType(base: .bool)
            }
            // A scalar subquery: the type of its one output column.
            guard link.subLinkType == .exprSublink else { return nil }
            let matches = binder.bound.sublinks.filter { $0.outer == scope && $0.link.location == link.location }
            guard matches.count == 1, case .selectStmt(let select)? = matches[0].link.subselect,
                  select.targetList.count == 1, case .resTarget(let target) = select.targetList[0], let value = target.val else { return nil }
            return TypeInference(binder: binder, scope: matches[0].inner).type(of: value)
        case .coalesceExpr(let c):
            // The planner drops NULL arguments of COALESCE before the typmod is read.
            return commonType(c.args, droppingNulls: true)
        case .minMaxExpr(let m):
            return commonType(m.args, droppingNulls: false)
        case .caseExpr(let c):
            var results: [Node] = []
            for when in c.args { if case .caseWhen(let w) = when, let result = w.result { results.append(result) } }
            // No ELSE is ELSE NULL, whose typmod is -1.
            results.append(c.defresult ?? .aConst(A_Const.null))
            return commonType(results, droppingNulls: false)
        case .collateClause(let c):
            return c.arg.flatMap(type(of:))
        case .sqlvalueFunction(let f):
            switch f.op {
            case .svfopCurrentDate: return PostgresType(base: .date)
            case .svfopCurrentTimestamp, .svfopCurrentTimestampN: return PostgresType(base: .timestamptz)
            case .svfopLocaltimestamp, .svfopLocaltimestampN: return PostgresType(base: .timestamp)
            case .svfopCurrentTime, .svfopCurrentTimeN: return PostgresType(base: .timetz)
            case .svfopLocaltime, .svfopLocaltimeN: return PostgresType(base: .time)
            default: return PostgresType(base: .name)
            }
        default:
            return nil
        }
    }

    static func resolve(_ typeName: TypeName) -> PostgresType? {
        let parts = typeName.names.compactMap { node -> String? in
            if case .string(let s) = node { return s.sval }
            return nil
        }
        var modifiers: [Int32] = []
        for modifier in typeName.typmods {
            guard case .aConst(let c) = modifier, case .ival(let v)? = c.val else { return nil }
            modifiers.append(v.ival)
        }
        return try? PostgresType(nameParts: parts, modifiers: modifiers, isArray: !typeName.arrayBounds.isEmpty)
    }

    /// The result type of the aggregates whose type follows from their argument's alone
    /// (count, sum, avg, min, max, bit and boolean aggregates, statistics); nil for others and
    /// for arguments they do not take.
    static func aggregateType(_ name: String, argument: PostgresType?) -> PostgresType? {
        switch name {
        case "count": return PostgresType(base: .int8)
        case "sum":
            guard let argument else { return nil }
            switch argument.base {
            case .int2, .int4: return PostgresType(base: .int8)
            case .int8, .numeric: return PostgresType(base: .numeric)
            case .float4: return PostgresType(base: .float4)
            case .float8: return PostgresType(base: .float8)
            case .interval, .money: return PostgresType(base: argument.base)
            default: return nil
            }
        case "avg":
            guard let argument else { return nil }
            switch argument.base {
            case .int2, .int4, .int8, .numeric: return PostgresType(base: .numeric)
            case .float4, .float8: return PostgresType(base: .float8)
            case .interval: return PostgresType(base: .interval)
            default: return nil
            }
        case "min", "max", "bit_and", "bit_or", "bit_xor", "any_value":
            return argument
        case "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop":
            guard let argument else { return nil }
            return argument.base == .float4 || argument.base == .float8 ? PostgresType(base: .float8) : PostgresType(base: .numeric)
        case "bool_and", "bool_or", "every": return PostgresType(base: .bool)
        default: return nil
        }
    }

    private func functionType(_ call: FuncCall) -> PostgresType? {
        guard case .string(let s)? = call.funcname.last else { return nil }
        let name = s.sval
        let argument = call.args.first.flatMap(type(of:))
        if let type = Self.aggregateType(name, argument: argument) { return type }
        switch name {
        case "string_agg": return argument.map { $0.base == .bytea ? $0 : PostgresType(base: .text) }
        case "array_agg":
            guard var argument else { return nil }
            argument.isArray = true
            return argument
        case "json_agg", "json_object_agg", "json_build_object", "to_json": return PostgresType(base: .json)
        case "jsonb_agg", "jsonb_object_agg", "jsonb_build_object", "to_jsonb": return PostgresType(base: .jsonb)
        case "lower", "upper", "concat", "concat_ws", "md5", "substr", "substring", "btrim", "ltrim", "rtrim", "trim", "replace",
             "left", "right", "lpad", "rpad", "initcap", "repeat", "reverse", "to_char", "format":
            return PostgresType(base: .text)
        case "length", "char_length", "position", "strpos", "ascii", "rank", "dense_rank", "row_number", "ntile":
            return PostgresType(base: name == "rank" || name == "dense_rank" || name == "row_number" ? .int8 : .int4)
        case "abs":
            // abs exists for every numeric type.
            guard let argument, Self.numericOrder.contains(argument.base) else { return nil }
            return argument
        case "round", "ceil", "ceiling", "floor", "trunc", "sign":
            // numeric and double precision versions only (and numeric alone with a scale): an
            // integer or real argument is read as double precision.
            guard let argument, Self.numericOrder.contains(argument.base) else { return nil }
            return PostgresType(base: argument.base == .numeric || call.args.count > 1 ? .numeric : .float8)
        case "now", "transaction_timestamp", "statement_timestamp", "clock_timestamp": return PostgresType(base: .timestamptz)
        case "date_trunc":
            // A date is truncated as timestamp with time zone.
            guard let source = call.args.dropFirst().first.flatMap(type(of:)) else { return nil }
            switch source.base {
            case .date, .timestamptz: return PostgresType(base: .timestamptz)
            case .timestamp, .interval: return PostgresType(base: source.base)
            default: return nil
            }
        case "date_part", "extract": return PostgresType(base: name == "extract" ? .numeric : .float8)
        case "coalesce", "greatest", "least", "nullif": return argument
        case "percent_rank", "cume_dist", "random": return PostgresType(base: .float8)
        case "lag", "lead", "first_value", "last_value", "nth_value": return argument
        case "gen_random_uuid": return PostgresType(base: .uuid)
        case "hashtext", "hashint8", "hashint4": return PostgresType(base: .int4)
        default: return nil
        }
    }

    private func operatorType(_ expr: A_Expr) -> PostgresType? {
        guard expr.kind == .aexprOp, case .string(let s)? = expr.name.last else {
            switch expr.kind {
            case .aexprIn, .aexprLike, .aexprIlike, .aexprSimilar, .aexprBetween, .aexprNotBetween, .aexprBetweenSym,
                 .aexprNotBetweenSym, .aexprDistinct, .aexprNotDistinct, .aexprOpAny, .aexprOpAll:
                return PostgresType(base: .bool)
            case .aexprNullif:
                // The first argument's type, unless `=` needs it converted to the second's.
                guard let left = expr.lexpr.flatMap(type(of:)) else { return nil }
                guard let right = expr.rexpr.flatMap(type(of:)), right.base != left.base,
                      let l = Self.numericOrder.firstIndex(of: left.base), let r = Self.numericOrder.firstIndex(of: right.base), r > l
                else { return left }
                return PostgresType(base: right.base)
            default: return nil
            }
        }
        switch s.sval {
        case "=", "<>", "!=", "<", ">", "<=", ">=", "~", "~*", "!~", "!~*", "~~", "!~~", "@>", "<@", "&&", "?", "?|", "?&":
            return PostgresType(base: .bool)
        case "||":
            let left = expr.lexpr.flatMap(type(of:))
            if left?.base == .jsonb { return left }
            if left?.isArray == true { return left }
            return PostgresType(base: .text)
        case "->": return expr.lexpr.flatMap(type(of:))
        case "->>", "#>>": return PostgresType(base: .text)
        case "+", "-", "*", "/", "%":
            let left = expr.lexpr.flatMap(type(of:))
            let right = expr.rexpr.flatMap(type(of:))
            guard let left else { return right }
            guard let right else { return left }
            return Self.promote(left, right, operator: s.sval)
        default:
            return nil
        }
    }

    /// The numeric types, each implicitly convertible to those after it.
    static let numericOrder: [PostgresType.Base] = [.int2, .int4, .int8, .numeric, .float4, .float8]

    /// The type of alternatives (CASE results, COALESCE, GREATEST/LEAST) as PostgreSQL's
    /// select_common_type resolves it in the common cases: string literals and NULLs take the
    /// others' type, numeric types widen, date and timestamps widen; the type modifier stays only
    /// when every alternative has the same type and modifier. nil when unsure.
    func commonType(_ nodes: [Node], droppingNulls: Bool) -> PostgresType? {
        var result: PostgresType? = nil
        var modifiersDiffer = false
        var untyped = false
        for node in nodes {
            if case .aConst(let constant) = node {
                if constant.isnull || constant.val == nil {
                    if !droppingNulls { modifiersDiffer = true }
                    untyped = true
                    continue
                }
                if case .sval? = constant.val {
                    // An untyped literal: converted to the others' type, without a modifier.
                    modifiersDiffer = true
                    untyped = true
                    continue
                }
            }
            guard let type = type(of: node) else { return nil }
            guard let current = result else { result = type; continue }
            if type.base == current.base && type.isArray == current.isArray {
                if type.modifiers != current.modifiers || type.intervalFields != current.intervalFields { modifiersDiffer = true }
                continue
            }
            guard !type.isArray, !current.isArray, let widened = Self.widened(current.base, type.base) else { return nil }
            result = PostgresType(base: widened)
        }
        guard var type = result else { return untyped ? PostgresType(base: .text) : nil }
        if modifiersDiffer { type = type.withoutModifiers }
        return type
    }

    /// The common type of two different types of one category, or nil.
    static func widened(_ a: PostgresType.Base, _ b: PostgresType.Base) -> PostgresType.Base? {
        if let l = numericOrder.firstIndex(of: a), let r = numericOrder.firstIndex(of: b) { return numericOrder[max(l, r)] }
        let strings: [PostgresType.Base] = [.bpchar, .varchar, .text]
        if strings.contains(a) && strings.contains(b) { return .text }
        let times: [PostgresType.Base] = [.date, .timestamp, .timestamptz]
        if let l = times.firstIndex(of: a), let r = times.firstIndex(of: b) { return times[max(l, r)] }
        return nil
    }

    /// The result type of arithmetic on two types, as PostgreSQL's operator resolution picks it
    /// for the common cases.
    static func promote(_ left: PostgresType, _ right: PostgresType, operator op: String) -> PostgresType? {
        if let l = numericOrder.firstIndex(of: left.base), let r = numericOrder.firstIndex(of: right.base) {
            var base = numericOrder[max(l, r)]
            if base == .float4 && (left.base == .int8 || right.base == .int8 || left.base == .numeric || right.base == .numeric) { base = .float8 }
            if (left.base == .int2 && right.base == .int2) { base = .int2 }
            return PostgresType(base: base)
        }
        switch (left.base, right.base, op) {
        case (.date, .int4, _), (.date, .int2, _): return PostgresType(base: .date)
        case (.date, .date, "-"): return PostgresType(base: .int4)
        case (.date, .interval, _): return PostgresType(base: .timestamp)
        case (.timestamp, .interval, _), (.timestamptz, .interval, _): return PostgresType(base: left.base)
        case (.timestamp, .timestamp, "-"), (.timestamptz, .timestamptz, "-"): return PostgresType(base: .interval)
        case (.interval, .interval, _): return PostgresType(base: .interval)
        default: return left.base == right.base ? PostgresType(base: left.base) : nil
        }
    }
}

extension PostgresType {
    /// The type without length, precision or interval fields (a function's result, say).
    var withoutModifiers: PostgresType {
        var type = self
        type.modifiers = []
        type.intervalFields = nil
        return type
    }
}

extension A_Const {
    /// The NULL constant.
    static var null: A_Const {
        var constant = A_Const()
        constant.isnull = true
        return constant
    }
}
