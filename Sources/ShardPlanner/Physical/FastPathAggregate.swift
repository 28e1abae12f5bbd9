import SQLSyntax
import ShardCatalog

/// The commonest multi-shard statement of analytics, planned without the binder, the algebra
/// passes and the deparser: one hash-distributed table, every shard read,
///
/// ```sql
/// SELECT status, count(*), avg(amount), count(DISTINCT flags) FROM orders
/// WHERE created_at >= '2024-01-01' GROUP BY status
/// ```
///
/// grouped (or not) by plain columns other than the distribution column, selecting group
/// columns and count, sum, avg, min and max of plain columns, count(*), and count(DISTINCT) of a
/// column other than the distribution column, filtered (or not) by conditions that cannot prune
/// a shard (``keepsEveryShard(_:table:depth:)``).
///
/// Its plan is the one the general pipeline makes (``ExtendedOpSplit``'s split shape), stated
/// directly: the same tasks, worker and merge SQL, merge steps, column names and types. The
/// fast-path tests plan every corpus statement and statements near this shape both ways and
/// compare whole plans. Anything else (a condition that may prune, another clause, an expression, an unknown
/// name, a type whose aggregate it does not know, `--tree`) returns nil, and the general
/// pipeline plans the statement, so errors and every other plan come from one place.
struct FastPathAggregate {
    let directory: ShardDirectory

    /// What a worker column computes: a column, or a partial aggregate of one.
    private enum Partial: Equatable { case column, countAll, count, sum, min, max }

    private struct WorkerColumn {
        let partial: Partial
        /// The table column (unused for count(*)).
        let column: Int
        /// The name, unique among the worker's columns, quoted when SQL needs it.
        let name: String
        let quotedName: String
        /// The expression, as the worker computes it.
        let sql: String
        let type: String
    }

    /// One entry of the select list.
    private struct Target {
        enum Kind { case column, count, countAll, countDistinct, sum, avg, min, max }
        let kind: Kind
        let column: Int
        /// How the statement spells the column (`o.status`), as worker SQL prints it.
        let columnSQL: String
        let name: String
        /// The aggregate's result type (a function's result has no type modifier).
        var type: PostgresType? = nil
    }

    func plan(_ select: SelectStmt, options: PlanOptions) -> DistributedPlan? {
        guard !options.includeAlgebra, FastPathSelect.isBareSelect(select, grouping: true),
              let table = OneTableReference(select, directory: directory), table.range.inh,
              table.routes.relations.count > 1 else { return nil }
        let info = table.info
        // WHERE: only conditions that cannot prune (none on the distribution column, no column
        // tied to another, no constant condition), printed as the general pipeline prints them.
        var whereSQL: String? = nil
        if let condition = select.whereClause {
            guard Self.keepsEveryShard(condition, table: table), let text = try? SQLDeparser.deparseExpression(condition) else { return nil }
            whereSQL = text
        }

        // GROUP BY columns, never the distribution column (then every group is whole on one
        // shard and the workers compute the final rows: the general pipeline's other shape).
        var groups: [(column: Int, sql: String)] = []
        for item in select.groupClause {
            guard let column = table.column(item), column != table.distributionIndex,
                  !groups.contains(where: { $0.column == column }) else { return nil }
            groups.append((column, columnSQL(item, column: column, info: info)))
        }

        // The select list: group columns and aggregates of columns.
        var targets: [Target] = []
        targets.reserveCapacity(select.targetList.count)
        var outputs: [OutputColumn] = []
        outputs.reserveCapacity(select.targetList.count)
        for entry in select.targetList {
            guard case .resTarget(let result) = entry, result.indirection.isEmpty, let value = result.val else { return nil }
            let name = result.name.isEmpty ? OutputNaming.name(of: value) : result.name
            switch value {
            case .columnRef:
                guard let column = table.column(value), groups.contains(where: { $0.column == column }) else { return nil }
                targets.append(Target(kind: .column, column: column, columnSQL: columnSQL(value, column: column, info: info), name: name))
                outputs.append(OutputColumn(name: name, type: info.typeNames[column]))
            case .funcCall(let call):
                guard call.funcname.count == 1, case .string(let function) = call.funcname[0], call.over == nil,
                      call.aggOrder.isEmpty, call.aggFilter == nil, !call.aggWithinGroup, !call.funcVariadic else { return nil }
                let aggregate = function.sval
                if call.aggStar {
                    guard aggregate == "count", call.args.isEmpty, !call.aggDistinct else { return nil }
                    targets.append(Target(kind: .countAll, column: 0, columnSQL: "", name: name))
                    outputs.append(OutputColumn(name: name, type: Self.bigint))
                    continue
                }
                guard call.args.count == 1, let column = table.column(call.args[0]),
                      let argument = info.columnTypes[column],
                      let type = TypeInference.aggregateType(aggregate, argument: argument) else { return nil }
                let kind: Target.Kind
                switch aggregate {
                case "count": kind = call.aggDistinct ? .countDistinct : .count
                case "sum": kind = .sum
                case "avg": kind = .avg
                case "min": kind = .min
                case "max": kind = .max
                default: return nil
                }
                // DISTINCT only in count, and not of the distribution column (whose values never
                // repeat across shards: the general pipeline adds up per-shard counts instead).
                guard !call.aggDistinct || (kind == .countDistinct && column != table.distributionIndex) else { return nil }
                let result = type.withoutModifiers
                targets.append(Target(kind: kind, column: column, columnSQL: columnSQL(call.args[0], column: column, info: info),
                                      name: name, type: result))
                outputs.append(OutputColumn(name: name, type: result.name))
            default:
                return nil
            }
        }

        // Worker columns, shared by equal expressions, named after the first target that needs
        // each (`avg`, `avg_1`), as the split names them.
        var workerColumns: [WorkerColumn] = []
        workerColumns.reserveCapacity(targets.count + groups.count + 2)
        var workerGroups = groups.map(\.sql)
        var workerGroupColumns = groups.map(\.column)
        func workerColumn(_ partial: Partial, _ column: Int, name: String, sql: @autoclosure () -> String, type: @autoclosure () -> String) -> String {
            if let found = workerColumns.first(where: { $0.partial == partial && (partial == .countAll || $0.column == column) }) {
                return found.quotedName
            }
            let unique = String.unique(name) { taken in workerColumns.contains { $0.name == taken } }
            let quoted = directory.quoteIdentifier(unique)
            workerColumns.append(WorkerColumn(partial: partial, column: column, name: unique, quotedName: quoted, sql: sql(), type: type()))
            return quoted
        }

        // The coordinator's select list over remote_scan, and the aggregates it combines.
        var mergeTargets: [String] = []
        mergeTargets.reserveCapacity(targets.count)
        var combined: [String] = []
        for target in targets {
            let column = target.column
            let argumentType = target.kind == .countAll ? nil : info.columnTypes[column]
            func call(_ function: String) -> String { function + "(" + target.columnSQL + ")" }
            switch target.kind {
            case .column:
                mergeTargets.append("remote_scan." + workerColumn(.column, column, name: info.columnNames[column], sql: target.columnSQL,
                                                                  type: info.typeNames[column]))
            case .countAll, .count:
                let worker = target.kind == .countAll
                    ? workerColumn(.countAll, 0, name: target.name, sql: "count(*)", type: Self.bigint)
                    : workerColumn(.count, column, name: target.name, sql: call("count"), type: Self.bigint)
                combined.append("pg_catalog.sum(remote_scan." + worker + ")")
                mergeTargets.append("COALESCE(pg_catalog.sum(remote_scan." + worker + ")::bigint, 0)")
            case .countDistinct:
                // The workers group by the column too; the coordinator counts its distinct values.
                if !workerGroupColumns.contains(column) {
                    workerGroupColumns.append(column)
                    workerGroups.append(target.columnSQL)
                }
                let worker = workerColumn(.column, column, name: target.name, sql: target.columnSQL, type: info.typeNames[column])
                let count = "count(DISTINCT remote_scan." + worker + ")"
                combined.append(count)
                mergeTargets.append(count)
            case .sum:
                guard let type = target.type else { return nil }
                let worker = workerColumn(.sum, column, name: target.name, sql: call("sum"), type: type.name)
                let total = "sum(remote_scan." + worker + ")"
                combined.append(total)
                mergeTargets.append(Aggregates.sumCast(argument: argumentType).map { total + "::" + $0 } ?? total)
            case .avg:
                // The workers' sum has sum's type, not avg's.
                guard let type = TypeInference.aggregateType("sum", argument: argumentType)?.withoutModifiers else { return nil }
                let sum = workerColumn(.sum, column, name: target.name, sql: call("sum"), type: type.name)
                let count = workerColumn(.count, column, name: target.name, sql: call("count"), type: Self.bigint)
                let total = "sum(remote_scan." + sum + ")", rows = "pg_catalog.sum(remote_scan." + count + ")"
                combined.append(total)
                combined.append(rows)
                let casts = Aggregates.avgCasts(argument: argumentType)
                mergeTargets.append((casts.total.map { total + "::" + $0 } ?? total) + " / " + (casts.rows.map { rows + "::" + $0 } ?? rows))
            case .min, .max:
                let function = target.kind == .min ? "min" : "max"
                guard let type = target.type else { return nil }
                let worker = workerColumn(target.kind == .min ? .min : .max, column, name: target.name, sql: call(function), type: type.name)
                let extreme = function + "(remote_scan." + worker + ")"
                combined.append(extreme)
                mergeTargets.append(extreme)
            }
        }
        // The coordinator groups by the worker columns of the statement's GROUP BY.
        let mergeGroups = groups.map { group in
            "remote_scan." + workerColumn(.column, group.column, name: info.columnNames[group.column], sql: group.sql,
                                          type: info.typeNames[group.column])
        }

        // Worker SQL, as a template whose one slot is the shard's relation.
        var head: [UInt8] = []
        head.reserveCapacity(128)
        write("SELECT ", to: &head)
        for (position, worker) in workerColumns.enumerated() {
            if position > 0 { write(", ", to: &head) }
            write(worker.sql, to: &head)
            write(" AS ", to: &head)
            write(worker.quotedName, to: &head)
        }
        write(" FROM ", to: &head)
        let tailStart = head.count
        write(" AS ", to: &head)
        write(table.range.alias.map { directory.quoteIdentifier($0.aliasname) } ?? info.quotedTableName, to: &head)
        if let whereSQL {
            write(" WHERE ", to: &head)
            write(whereSQL, to: &head)
        }
        if !workerGroups.isEmpty {
            write(" GROUP BY ", to: &head)
            for (position, group) in workerGroups.enumerated() {
                if position > 0 { write(", ", to: &head) }
                write(group, to: &head)
            }
        }
        let template = SQLTemplate(packed: PackedStrings(bytes: head, starts: [0, tailStart, head.count]), slots: [0])

        // Merge SQL.
        var merge: [UInt8] = []
        merge.reserveCapacity(256)
        write("SELECT ", to: &merge)
        for (position, target) in mergeTargets.enumerated() {
            if position > 0 { write(", ", to: &merge) }
            write(target, to: &merge)
            write(" AS ", to: &merge)
            write(directory.quoteIdentifier(outputs[position].name), to: &merge)
        }
        write(" FROM remote_scan", to: &merge)
        if !mergeGroups.isEmpty {
            write(" GROUP BY ", to: &merge)
            for (position, group) in mergeGroups.enumerated() {
                if position > 0 { write(", ", to: &merge) }
                write(group, to: &merge)
            }
        }

        let tasks = table.routes.tasks(template: template, indexes: table.routes.relations.indices)
        let mergePlan = MergePlan(pendingSteps: [.ready(.concatenate), .ready(.combineAggregates(groupBy: mergeGroups, aggregates: combined))],
                                  workerColumns: workerColumns.map { OutputColumn(name: $0.name, type: $0.type) },
                                  sql: String(decoding: merge, as: UTF8.self), columns: outputs)
        return DistributedPlan(planClass: .multiShard, statement: .select, stages: [Stage(id: 0, tasks: tasks)], merge: mergePlan)
    }

    private static let bigint = PostgresType(base: .int8).name

    /// A condition that filters rows on each shard but can never prune one: AND, OR and NOT of
    /// comparisons (`=`, `<>`, `<`, `>`, `<=`, `>=`), IN lists, BETWEEN, LIKE and ILIKE of a column
    /// other than the distribution column with constants, and IS [NOT] NULL of such a column.
    /// (Pruning finds values only for the distribution column, or a column an equality ties to
    /// it, and contradictions only in constant conditions: none of these.)
    static func keepsEveryShard(_ node: Node, table: OneTableReference, depth: Int = 0) -> Bool {
        guard depth < 32 else { return false }
        func column(_ side: Node?) -> Bool {
            guard let index = table.column(side) else { return false }
            return index != table.distributionIndex
        }
        func constant(_ side: Node?) -> Bool {
            switch side {
            case .aConst(let value)?: return !value.isnull
            case .typeCast(let cast)?:
                guard case .aConst(let value)? = cast.arg else { return false }
                return !value.isnull
            default: return false
            }
        }
        func constants(_ side: Node?, count: Int? = nil) -> Bool {
            guard case .list(let list)? = side, !list.items.isEmpty, count.map({ $0 == list.items.count }) ?? true else { return false }
            return list.items.allSatisfy { constant($0) }
        }
        switch node {
        case .boolExpr(let expression):
            return !expression.args.isEmpty && expression.args.allSatisfy { keepsEveryShard($0, table: table, depth: depth + 1) }
        case .nullTest(let test):
            return column(test.arg)
        case .aExpr(let expression):
            guard expression.name.count == 1, case .string(let name) = expression.name[0] else { return false }
            switch expression.kind {
            case .aexprOp:
                guard ["=", "<>", "!=", "<", ">", "<=", ">="].contains(name.sval) else { return false }
                return (column(expression.lexpr) && constant(expression.rexpr)) || (constant(expression.lexpr) && column(expression.rexpr))
            case .aexprIn:
                return (name.sval == "=" || name.sval == "<>") && column(expression.lexpr) && constants(expression.rexpr)
            case .aexprBetween, .aexprNotBetween:
                return column(expression.lexpr) && constants(expression.rexpr, count: 2)
            case .aexprLike, .aexprIlike:
                return column(expression.lexpr) && constant(expression.rexpr)
            default:
                return false
            }
        default:
            return false
        }
    }

    /// A column reference as the deparser prints it: `column` or `qualifier.column`, quoted
    /// where SQL needs it.
    private func columnSQL(_ node: Node, column: Int, info: ShardDirectory.TableInfo) -> String {
        guard case .columnRef(let ref) = node, ref.fields.count == 2, case .string(let qualifier) = ref.fields[0] else {
            return info.quotedNames[column]
        }
        return directory.quoteIdentifier(qualifier.sval) + "." + info.quotedNames[column]
    }

    private func write(_ text: String, to bytes: inout [UInt8]) {
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
    }
}
