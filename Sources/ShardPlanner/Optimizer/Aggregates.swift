import SQLSyntax
import ShardCatalog

/// What the planner knows about aggregates: which it can split into a worker and a coordinator
/// part on plain PostgreSQL, and which must be computed from rows pulled to the coordinator.
enum Aggregates {
    static let known: Set<String> = [
        "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "json_agg", "jsonb_agg", "json_object_agg",
        "jsonb_object_agg", "bool_and", "bool_or", "every", "bit_and", "bit_or", "bit_xor", "stddev", "stddev_samp",
        "stddev_pop", "variance", "var_samp", "var_pop", "any_value", "percentile_cont", "percentile_disc", "mode",
        "corr", "covar_pop", "covar_samp", "regr_avgx", "regr_avgy", "regr_count", "regr_intercept", "regr_r2",
        "regr_slope", "regr_sxx", "regr_sxy", "regr_syy", "xmlagg", "range_agg", "range_intersect_agg", "array_cat_agg",
    ]

    /// Aggregates whose partial results combine with the same or a simple aggregate.
    static let splittable: Set<String> = ["count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every", "bit_and", "bit_or", "bit_xor"]

    static func name(_ call: FuncCall) -> String {
        if case .string(let s)? = call.funcname.last { return s.sval }
        return ""
    }

    /// Whether a function call is an aggregate (not a window function).
    static func isAggregate(_ call: FuncCall) -> Bool {
        guard call.over == nil else { return false }
        if call.aggStar || call.aggDistinct || !call.aggOrder.isEmpty || call.aggFilter != nil || call.aggWithinGroup { return true }
        let parts = call.funcname.count
        if parts > 1, case .string(let schema) = call.funcname[parts - 2], schema.sval != "pg_catalog" { return false }
        return known.contains(name(call))
    }

    /// Whether the aggregate can be split (the count(DISTINCT x) split is decided by the caller).
    static func canSplit(_ call: FuncCall) -> Bool {
        let name = name(call)
        guard splittable.contains(name), call.aggOrder.isEmpty, !call.aggWithinGroup, call.args.count <= 1 else { return false }
        if call.aggDistinct { return name == "count" || name == "min" || name == "max" }
        return true
    }

    /// The type the coordinator casts `sum` of the workers' sums to, so the result has the type
    /// sum of the argument has: int2/int4 sums arrive as bigint and add up to numeric; float4
    /// sums add up to double precision.
    static func sumCast(argument: PostgresType?) -> String? {
        switch argument?.base {
        case .int2?, .int4?: "bigint"
        case .float4?: "real"
        default: nil
        }
    }

    /// The casts of the coordinator's `sum(sums) / sum(counts)` for avg: floating-point averages
    /// divide as double precision, an interval by a double precision count.
    static func avgCasts(argument: PostgresType?) -> (total: String?, rows: String?) {
        switch argument?.base {
        case .float4?, .float8?: ("double precision", "double precision")
        case .interval?: (nil, "double precision")
        default: (nil, nil)
        }
    }

    /// Every aggregate call in an expression (not inside subqueries).
    static func calls(in node: Node) -> [FuncCall] {
        var found: [FuncCall] = []
        try? ExpressionTree.visit(node) { (child: Node) throws(PlannerError) -> Bool in
            if case .funcCall(let call) = child, isAggregate(call) {
                found.append(call)
                return false
            }
            return true
        }
        return found
    }

    /// Every window function call in an expression.
    static func windows(in node: Node) -> [FuncCall] {
        var found: [FuncCall] = []
        try? ExpressionTree.visit(node) { (child: Node) throws(PlannerError) -> Bool in
            if case .funcCall(let call) = child, call.over != nil { found.append(call) }
            return true
        }
        return found
    }

    /// Functions whose result changes from call to call (PostgreSQL's VOLATILE built-ins most
    /// often met in queries).
    static let volatile: Set<String> = ["random", "nextval", "setval", "currval", "lastval", "clock_timestamp", "timeofday",
                                        "gen_random_uuid", "uuid_generate_v4", "txid_current", "pg_sleep", "setseed", "random_normal"]

    static func hasVolatile(_ node: Node) -> Bool {
        var found = false
        try? ExpressionTree.visit(node) { (child: Node) throws(PlannerError) -> Bool in
            if case .funcCall(let call) = child, volatile.contains(name(call)) { found = true }
            return !found
        }
        return found
    }
}
