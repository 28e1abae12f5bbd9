import SQLSyntax
import ShardCatalog

/// Citus's fast path for the commonest statement, `SELECT columns FROM table WHERE distcol =
/// constant`, recognized on the syntax tree and planned without the binder, the pruning
/// pass and the task template: the one task's SQL is the statement with the table replaced by
/// its shard (its text edited when planned from text, else printed from the tree).
///
/// It accepts only a narrow shape whose plan it can state exactly as the general pipeline
/// makes it; anything else (another clause, an expression, an unknown name, a constant the
/// column type rejects, `--tree`) returns nil and the general pipeline plans the statement,
/// so errors and every other plan come from one place.
struct FastPathSelect {
    let catalog: Catalog
    let directory: ShardDirectory

    /// The plan, or nil when the statement is not of the fast path's shape. With the statement's
    /// `source` text, the task's SQL is that text with the table's name replaced by its shard
    /// (no deparse); without it, or when the text has comments, the statement is deparsed.
    func plan(_ select: SelectStmt, options: PlanOptions, source: StatementSource? = nil) -> DistributedPlan? {
        guard !options.includeAlgebra, Self.isBareSelect(select), case .aExpr(let condition)? = select.whereClause,
              let table = OneTableReference(select, directory: directory) else { return nil }
        let info = table.info, routes = table.routes, distributionIndex = table.distributionIndex, range = table.range
        func column(_ node: Node?) -> Int? { table.column(node) }

        // WHERE distcol = constant (either way round).
        guard condition.kind == .aexprOp, condition.name.count == 1, ShardPruning.operatorName(condition) == "=" else { return nil }
        let constantSide: Node?
        if column(condition.lexpr) == distributionIndex {
            constantSide = condition.rexpr
        } else if column(condition.rexpr) == distributionIndex {
            constantSide = condition.lexpr
        } else {
            return nil
        }
        guard case .aConst(let constant)? = constantSide, !constant.isnull, let literal = SQLLiteral(constant),
              let value = try? info.table.columns[distributionIndex].type.coerce(literal, context: .assignment, timeZone: catalog.settings.timeZone)
        else { return nil }
        let index = Catalog.shardIndex(forHash: value.postgresHash, in: info.table.shards)

        // Output columns: names and types as the binder gives them, and their quoted names for
        // the merge.
        var outputs: [OutputColumn] = []
        var quotedOutputs: [String] = []
        outputs.reserveCapacity(select.targetList.count)
        quotedOutputs.reserveCapacity(select.targetList.count)
        for target in select.targetList {
            guard case .resTarget(let result) = target, result.indirection.isEmpty, let position = column(result.val),
                  case .columnRef(let ref)? = result.val, case .string(let name)? = ref.fields.last else { return nil }
            if result.name.isEmpty {
                outputs.append(OutputColumn(name: name.sval, type: info.typeNames[position]))
                quotedOutputs.append(name.sval == info.columnNames[position] ? info.quotedNames[position] : directory.quoteIdentifier(name.sval))
            } else {
                outputs.append(OutputColumn(name: result.name, type: info.typeNames[position]))
                quotedOutputs.append(directory.quoteIdentifier(result.name))
            }
        }

        // The task: the statement reading the shard under the table's name.
        let alias = range.alias == nil ? info.quotedTableName : nil
        if let source, let sql = source.replacingRelations([RelationEdit(range, relation: routes.relations[index], alias: alias)]) {
            return plan(sql: sql, index: index, routes: routes, outputs: outputs, quotedOutputs: quotedOutputs)
        }
        var shardRange = range
        shardRange.schemaname = info.table.name.schema
        shardRange.relname = routes.shardNames[index]
        if shardRange.alias == nil {
            var alias = Alias()
            alias.aliasname = info.table.name.name
            shardRange.alias = alias
        }
        var taskSelect = select
        taskSelect.fromClause = [.rangeVar(shardRange)]
        guard let sql = try? SQLDeparser.deparse(.selectStmt(taskSelect)) else { return nil }
        return plan(sql: sql, index: index, routes: routes, outputs: outputs, quotedOutputs: quotedOutputs)
    }

    private func plan(sql: String, index: Int, routes: ShardDirectory.Routes, outputs: [OutputColumn], quotedOutputs: [String]) -> DistributedPlan {
        let node = routes.readPlacements[index][0]
        let task = Task(index: 0, node: node, placements: routes.readPlacements[index], shards: routes.shardIds[index],
                        shardIndex: index, sql: sql)
        return DistributedPlan(planClass: .fastPathRouter, statement: .select, stages: [Stage(id: 0, tasks: [task])],
                               merge: concatenateMerge(outputs: outputs, quotedNames: quotedOutputs, directory: directory),
                               notes: directory.prunedNotes[index])
    }

    /// A plain `SELECT ... FROM ... WHERE ...`: no other clause (with `grouping`, GROUP BY may
    /// stand too). (The grammar sets `larg` and `rarg` only on set operations, so `op` decides;
    /// reading them would copy the statement.)
    static func isBareSelect(_ select: SelectStmt, grouping: Bool = false) -> Bool {
        guard select.op == .setopNone || select.op == .setOperationUndefined, case nil = select.withClause,
              case nil = select.intoClause, case nil = select.havingClause, case nil = select.limitCount,
              case nil = select.limitOffset else { return false }
        return select.distinctClause.isEmpty && (grouping || select.groupClause.isEmpty) && !select.groupDistinct
            && select.windowClause.isEmpty && select.valuesLists.isEmpty && select.sortClause.isEmpty
            && select.lockingClause.isEmpty && !select.targetList.isEmpty
    }
}

/// The one hash-distributed table a fast path reads (`FROM table [AS alias]`, no column
/// aliases, no catalog name), and the columns its references name.
struct OneTableReference {
    let range: RangeVar
    let info: ShardDirectory.TableInfo
    let routes: ShardDirectory.Routes
    let distributionIndex: Int
    /// The name references qualify columns with: the alias, else the table's name.
    let referenceName: String

    init?(_ select: SelectStmt, directory: ShardDirectory) {
        guard select.fromClause.count == 1, case .rangeVar(let range) = select.fromClause[0], range.catalogname.isEmpty,
              range.alias?.colnames.isEmpty ?? true,
              let info = directory.tableInfo(schema: range.schemaname, name: range.relname),
              let distributionIndex = info.distributionIndex, info.table.colocationId != nil,
              let routes = info.routes else { return nil }
        self.range = range
        self.info = info
        self.routes = routes
        self.distributionIndex = distributionIndex
        referenceName = range.alias?.aliasname ?? info.table.name.name
    }

    /// The column a reference names (`col` or `reference.col`).
    func column(_ node: Node?) -> Int? {
        guard case .columnRef(let ref)? = node, ref.fields.count <= 2,
              case .string(let name)? = ref.fields.last else { return nil }
        if ref.fields.count == 2 {
            guard case .string(let qualifier) = ref.fields[0], qualifier.sval == referenceName else { return nil }
        }
        return info.columnNames.firstIndex(of: name.sval)
    }
}
