import SQLSyntax
import ShardCatalog

/// Citus's fast path for the commonest statement, `SELECT columns FROM table WHERE distcol =
/// constant`, recognized on the syntax tree and planned without the binder, the pruning
/// pass and the task template: the one task's SQL is the statement with the table replaced by
/// its shard.
///
/// It accepts only a narrow shape whose plan it can state exactly as the general pipeline
/// makes it; anything else (another clause, an expression, an unknown name, a constant the
/// column type rejects, `--tree`) returns nil and the general pipeline plans the statement,
/// so errors and every other plan come from one place.
struct FastPathSelect {
    let catalog: Catalog
    let directory: ShardDirectory

    /// The plan, or nil when the statement is not of the fast path's shape.
    func plan(_ select: SelectStmt, options: PlanOptions) -> DistributedPlan? {
        guard !options.includeAlgebra, Self.isBareSelect(select), select.fromClause.count == 1,
              case .rangeVar(let range) = select.fromClause[0], range.catalogname.isEmpty,
              range.alias?.colnames.isEmpty ?? true,
              let table = directory.table(schema: range.schemaname, name: range.relname),
              case .hash(let distributionColumn) = table.distribution, table.colocationId != nil,
              let routes = directory.routes[table.name],
              case .aExpr(let condition)? = select.whereClause else { return nil }
        let referenceName = range.alias?.aliasname ?? table.name.name

        // The column a reference names (`col` or `reference.col`).
        func column(_ node: Node?) -> Int? {
            guard case .columnRef(let ref)? = node, ref.fields.count <= 2,
                  case .string(let name)? = ref.fields.last else { return nil }
            if ref.fields.count == 2 {
                guard case .string(let qualifier) = ref.fields[0], qualifier.sval == referenceName else { return nil }
            }
            return table.columnIndex(named: name.sval)
        }

        // WHERE distcol = constant (either way round).
        guard condition.kind == .aexprOp, condition.name.count == 1, ShardPruning.operatorName(condition) == "=" else { return nil }
        let constantSide: Node?
        if let index = column(condition.lexpr), table.columns[index].name == distributionColumn {
            constantSide = condition.rexpr
        } else if let index = column(condition.rexpr), table.columns[index].name == distributionColumn {
            constantSide = condition.lexpr
        } else {
            return nil
        }
        guard case .aConst(let constant)? = constantSide, !constant.isnull, let literal = SQLLiteral(constant),
              let type = table.column(named: distributionColumn)?.type,
              let value = try? type.coerce(literal, context: .assignment, timeZone: catalog.settings.timeZone) else { return nil }
        let index = Catalog.shardIndex(forHash: value.postgresHash, in: table.shards)

        // Output columns: names and types as the binder gives them.
        var outputs: [OutputColumn] = []
        outputs.reserveCapacity(select.targetList.count)
        // The task's SQL: the statement as the deparser prints it, reading the shard under the
        // reference name. Written here from its few parts: the shape is fixed (column
        // references, one relation, one condition), and the general deparse cost more than the
        // rest of the plan. FastPathTests compares every plan with the general pipeline's.
        var sql: [String] = ["SELECT "]
        sql.reserveCapacity(4 * select.targetList.count + 8)
        // A column reference's fields, quoted, joined by dots.
        func appendColumn(_ ref: ColumnRef) -> Bool {
            for (fieldIndex, field) in ref.fields.enumerated() {
                guard case .string(let part) = field else { return false }
                if fieldIndex > 0 { sql.append(".") }
                sql.append(directory.quoteIdentifier(part.sval))
            }
            return true
        }
        var quotedOutputs: [String] = []
        quotedOutputs.reserveCapacity(select.targetList.count)
        for (targetIndex, target) in select.targetList.enumerated() {
            guard case .resTarget(let result) = target, result.indirection.isEmpty, let position = column(result.val),
                  case .columnRef(let ref)? = result.val, case .string(let name)? = ref.fields.last else { return nil }
            outputs.append(OutputColumn(name: result.name.isEmpty ? name.sval : result.name, type: table.columns[position].type.name))
            if targetIndex > 0 { sql.append(", ") }
            guard appendColumn(ref) else { return nil }
            if result.name.isEmpty {
                quotedOutputs.append(sql[sql.count - 1])
            } else {
                quotedOutputs.append(directory.quoteIdentifier(result.name))
                sql.append(" AS ")
                sql.append(quotedOutputs[targetIndex])
            }
        }
        // The deparser prints a set operation or WITH TIES without a count differently (or not
        // at all): such statements take the general pipeline.
        guard select.op == .setopNone, select.limitOption != .limitOptionWithTies else { return nil }
        sql.append(range.inh ? " FROM " : " FROM ONLY ")
        sql.append(routes.relations[index])
        sql.append(" AS ")
        sql.append(directory.quoteIdentifier(referenceName))
        sql.append(" WHERE ")
        // `column = constant`: a constant that prints as itself needs no parentheses; others
        // (a negative number, a bit string) are left to the deparser.
        func plainConstant(_ node: Node?) -> String? {
            guard case .aConst(let constant)? = node, !constant.isnull else { return nil }
            switch constant.val {
            case .ival(let v)? where v.ival >= 0: return String(v.ival)
            case .fval(let v)? where !v.fval.hasPrefix("-"): return v.fval
            case .sval(let v)?: return SQLDeparser.quoteLiteral(v.sval)
            case .boolval(let v)?: return v.boolval ? "true" : "false"
            default: return nil
            }
        }
        if case .columnRef(let ref)? = condition.lexpr, let text = plainConstant(condition.rexpr) {
            guard appendColumn(ref) else { return nil }
            sql.append(" = ")
            sql.append(text)
        } else if let text = plainConstant(condition.lexpr), case .columnRef(let ref)? = condition.rexpr {
            sql.append(text)
            sql.append(" = ")
            guard appendColumn(ref) else { return nil }
        } else {
            guard let text = try? SQLDeparser.deparseExpression(.aExpr(condition)) else { return nil }
            sql.append(text)
        }
        let node = routes.readPlacements[index][0]
        let task = Task(index: 0, node: node, placements: routes.readPlacements[index], shards: routes.shardIds[index],
                        shardIndex: index, sql: String(concatenating: sql))
        return DistributedPlan(planClass: .fastPathRouter, statement: .select, stages: [Stage(id: 0, tasks: [task])],
                               merge: concatenateMerge(outputs: outputs, quotedNames: quotedOutputs, directory: directory),
                               notes: ["all distributed tables pruned to shard index " + String(index)])
    }

    /// A plain `SELECT ... FROM ... WHERE ...`: no other clause.
    private static func isBareSelect(_ select: SelectStmt) -> Bool {
        (select.op == .setopNone || select.op == .setOperationUndefined) && select.larg == nil && select.rarg == nil && select.withClause == nil && select.intoClause == nil
            && select.distinctClause.isEmpty && select.groupClause.isEmpty && !select.groupDistinct && select.havingClause == nil
            && select.windowClause.isEmpty && select.valuesLists.isEmpty && select.sortClause.isEmpty && select.limitCount == nil
            && select.limitOffset == nil && select.lockingClause.isEmpty && !select.targetList.isEmpty
    }
}
