import SQLSyntax
import ShardCatalog

/// INSERT ... VALUES: each row routed to the shard of its distribution value; rows of one shard
/// form one task, tasks in shard order.
struct InsertPlanner {
    let catalog: Catalog
    let directory: ShardDirectory

    func plan(_ insert: InsertStmt) throws(PlannerError) -> DistributedPlan {
        guard let relation = insert.relation else { throw PlannerError.invalid("INSERT names no table") }
        let parts = relation.schemaname.isEmpty ? [relation.relname] : [relation.schemaname, relation.relname]
        guard let table = catalog.table(named: parts) else {
            throw PlannerError.invalid("relation \"\(parts.joined(separator: "."))\" does not exist", at: relation.location)
        }
        if let with = insert.withClause, !with.ctes.isEmpty {
            throw PlannerError.notYet("WITH (common table expressions) on INSERT")
        }
        // Target columns.
        var columns: [String] = []
        if insert.cols.isEmpty {
            columns = table.columns.map(\.name)
        } else {
            for node in insert.cols {
                guard case .resTarget(let target) = node else { continue }
                guard table.column(named: target.name) != nil else {
                    throw PlannerError.invalid("column \"\(target.name)\" of relation \"\(table.name.name)\" does not exist", at: target.location)
                }
                if !target.indirection.isEmpty { throw PlannerError.notYet("INSERT into a subfield or array element") }
                columns.append(target.name)
            }
        }
        var rows: [[Node]] = []
        if let source = insert.selectStmt {
            guard case .selectStmt(let select) = source, !select.valuesLists.isEmpty, select.fromClause.isEmpty,
                  select.withClause == nil, select.op == .setopNone || select.op == .setOperationUndefined else {
                throw PlannerError.notYet("INSERT ... SELECT",
                                          hint: "Citus pushes it down when source and target are colocated, else repartitions or pulls rows to the coordinator; shardplan plans none of these yet.")
            }
            for row in select.valuesLists {
                guard case .list(let list) = row else { continue }
                guard list.items.count <= columns.count else {
                    throw PlannerError.invalid("INSERT has more expressions than target columns")
                }
                rows.append(list.items)
            }
        }
        let isDefaultValues = insert.selectStmt == nil

        // Outputs: RETURNING.
        var binder = Binder(directory: directory)
        let scope = binder.newScope(parent: nil)
        _ = try binder.addTable(relation, scope: scope, nullable: false)
        let outputs = try binder.bindTargets(insert.returningList, scope: scope)
        if let conflict = insert.onConflictClause, conflict.action == .onconflictUpdate, case .hash(let column) = table.distribution {
            for node in conflict.targetList {
                if case .resTarget(let target) = node, target.name == column {
                    throw PlannerError.unsupported("modifying the partition value of rows is not allowed")
                }
            }
        }
        var marker = RelationMarker(directory: directory)
        var marked = insert
        marked.relation = marker.mark(relation)
        let merge = modificationMerge(outputs: outputs, directory: directory)

        switch table.distribution {
        case .local where table.shards.isEmpty:
            let sql = try SelectPlanner.deparse(.insertStmt(insert))
            let task = Task(index: 0, node: catalog.localNode, placements: [catalog.localNode], shards: [], shardIndex: nil, sql: sql)
            return DistributedPlan(planClass: .local, statement: .insert, stages: [Stage(id: 0, tasks: [task])], merge: merge,
                                   notes: ["local table: the statement runs on the coordinator as written"])
        case .hash(let distributionColumn):
            guard let position = columns.firstIndex(of: distributionColumn) else {
                if table.column(named: distributionColumn)?.defaultExpression != nil {
                    throw PlannerError.notYet("an INSERT whose distribution column value comes from its DEFAULT",
                                              hint: "Citus evaluates the default (a sequence) on the coordinator before routing; shardplan will too. Give the value explicitly meanwhile.")
                }
                throw PlannerError.unsupported("cannot perform an INSERT without a partition column value")
            }
            if isDefaultValues { throw PlannerError.unsupported("cannot perform an INSERT without a partition column value") }
            let type = table.column(named: distributionColumn)!.type
            var groups: [Int: [[Node]]] = [:]
            var firstParameter: Int32? = nil
            for row in rows {
                guard position < row.count else { throw PlannerError.unsupported("cannot perform an INSERT without a partition column value") }
                let value = row[position]
                switch try distributionValue(value, type: type) {
                case .value(let v):
                    let index = Catalog.shardIndex(forHash: v.postgresHash, in: table.shards)
                    groups[index, default: []].append(row)
                case .parameter(let number):
                    firstParameter = firstParameter ?? number
                case .expression:
                    throw PlannerError.notYet("an INSERT whose distribution column value is an expression (\(expressionText(value)))",
                                              hint: "Citus evaluates it on the coordinator before routing; shardplan will too. Give a constant meanwhile.")
                }
            }
            if let parameter = firstParameter {
                guard rows.count == 1 else {
                    throw PlannerError.notYet("a multi-row INSERT with a parameter as distribution value")
                }
                return try deferredInsert(marked, table: table, parameter: Int(parameter), type: type, marker: marker, merge: merge)
            }
            var tasks: [Task] = []
            for index in groups.keys.sorted() {
                var statement = marked
                var values = SelectStmt.blank
                values.valuesLists = groups[index]!.map { .list(PGList($0)) }
                statement.selectStmt = .selectStmt(values)
                let shard = table.shards[index]
                let sql = SQLTemplate(sql: try SelectPlanner.deparse(.insertStmt(statement))).fill { _ in table.shardRelation(shard.id) }
                let placements = shard.placements.map { catalog.address(ofGroup: $0.groupId) }
                tasks.append(Task(index: tasks.count, node: placements.first ?? catalog.localNode, placements: placements,
                                  shards: [shard.id], shardIndex: index, sql: sql))
            }
            let notes = rows.count == 1 ? ["fast path: the row goes to the shard of its distribution value"]
                : ["\(rows.count) rows routed to \(tasks.count) shard\(tasks.count == 1 ? "" : "s"), one task per shard"]
            return DistributedPlan(planClass: rows.count == 1 ? .fastPathRouter : .modify, statement: .insert,
                                   stages: [Stage(id: 0, tasks: tasks)], merge: merge, notes: notes)
        default:
            // Reference, single-shard and Citus-managed local tables: one shard.
            guard let shard = table.shards.first else { throw PlannerError.invalid("table \(table.name) has no shard") }
            let sql = SQLTemplate(sql: try SelectPlanner.deparse(.insertStmt(marked))).fill { _ in table.shardRelation(shard.id) }
            let placements = shard.placements.map { catalog.address(ofGroup: $0.groupId) }
            let task = Task(index: 0, node: placements.first ?? catalog.localNode, placements: placements, shards: [shard.id],
                            shardIndex: nil, sql: sql)
            return DistributedPlan(planClass: .fastPathRouter, statement: .insert, stages: [Stage(id: 0, tasks: [task])], merge: merge,
                                   notes: table.distribution == .reference ? ["reference table: the same INSERT runs on every placement (\(placements.count))"] : [])
        }
    }

    enum DistributionValue {
        case value(PostgresValue)
        case parameter(Int32)
        case expression
    }

    private func distributionValue(_ node: Node, type: PostgresType) throws(PlannerError) -> DistributionValue {
        var literal: SQLLiteral? = nil
        switch node {
        case .aConst(let constant):
            if constant.isnull { throw PlannerError.unsupported("cannot perform an INSERT with NULL in the partition column") }
            literal = SQLLiteral(constant)
        case .typeCast(let cast):
            if case .aConst(let constant)? = cast.arg, let typeName = cast.typeName, let castType = TypeInference.resolve(typeName) {
                if constant.isnull { throw PlannerError.unsupported("cannot perform an INSERT with NULL in the partition column") }
                var bare = castType
                bare.modifiers = []
                var column = type
                column.modifiers = []
                if bare == column || (castType.isInteger && type.isInteger) { literal = SQLLiteral(constant) }
            }
            if case .paramRef(let param)? = cast.arg { return .parameter(param.number) }
        case .paramRef(let param):
            return .parameter(param.number)
        default:
            break
        }
        guard let literal else { return .expression }
        do {
            return .value(try type.coerce(literal, context: .assignment, timeZone: catalog.settings.timeZone))
        } catch {
            if error.code == .featureNotSupported { return .expression }
            throw PlannerError(.invalid, error.message, detail: error.detail)
        }
    }

    private func deferredInsert(_ marked: InsertStmt, table: CatalogTable, parameter: Int, type: PostgresType, marker: RelationMarker,
                                merge: MergePlan) throws(PlannerError) -> DistributedPlan {
        let template = SQLTemplate(sql: try SelectPlanner.deparse(.insertStmt(marked)))
        let deferred = DeferredPruning(parameter: parameter, type: type.name, table: table.name.description,
                                       template: template.pieces, shards: table.deferredShards(catalog))
        let task = Task(index: 0, node: "(chosen by $\(parameter))", placements: [], shards: [], shardIndex: nil,
                        sql: template.fill { _ in "\(table.plainRelation)_<shard of $\(parameter)>" })
        return DistributedPlan(planClass: .fastPathRouter, statement: .insert, stages: [Stage(id: 0, tasks: [task])], merge: merge,
                               deferredPruning: deferred,
                               notes: ["deferred pruning: the shard is chosen from $\(parameter) when the statement is bound"])
    }
}
