import ShardCatalog

extension DistributedPlan {
    /// The plan with its parameters' values known: for a deferred fast-path plan, the task goes
    /// to the shard the parameter's value hashes to. Other plans are returned unchanged (their
    /// SQL keeps `$n`, which the executor binds).
    ///
    /// - Parameter parameters: the values of `$1`, `$2`, ... in PostgreSQL's text form (nil for NULL).
    /// - Throws: ``PlannerError`` when the deciding value is missing, NULL, or not a valid value of
    ///   the distribution column's type.
    public func bind(_ parameters: [String?]) throws(PlannerError) -> DistributedPlan {
        guard let deferred = deferredPruning else { return self }
        guard deferred.parameter >= 1, deferred.parameter <= parameters.count else {
            throw PlannerError.invalid("there is no parameter $\(deferred.parameter)")
        }
        guard let text = parameters[deferred.parameter - 1] else {
            if statement == .insert { throw PlannerError.unsupported("cannot perform an INSERT with NULL in the partition column") }
            // `distcol = NULL` matches no row: the task reads no shard.
            var plan = self
            plan.deferredPruning = nil
            plan.stages = [Stage(id: 0, tasks: [])]
            plan.notes.append("$\(deferred.parameter) is NULL: no row can match")
            return plan
        }
        let type: PostgresType
        let value: PostgresValue
        do {
            type = try PostgresType(parsing: deferred.type)
            value = try type.coerce(.string(text), context: .assignment)
        } catch {
            throw PlannerError(.invalid, error.message, detail: error.detail)
        }
        let hash = value.postgresHash
        guard let shard = deferred.shards.first(where: { $0.minimumHash <= hash && hash <= $0.maximumHash }) else {
            throw PlannerError.invalid("no shard of \(deferred.table) holds hash \(hash)")
        }
        var sql = deferred.template[0]
        for piece in deferred.template.dropFirst() {
            sql += shard.relation
            sql += piece
        }
        let index = deferred.shards.firstIndex(of: shard)
        let task = Task(index: 0, node: shard.placements.first ?? "", placements: statement == .select ? Array(shard.placements.prefix(1)) : shard.placements,
                        shards: [shard.id], shardIndex: index, sql: sql)
        var plan = self
        plan.deferredPruning = nil
        plan.stages = [Stage(id: 0, tasks: [task])]
        return plan
    }
}

extension CatalogTable {
    func deferredShards(_ catalog: Catalog) -> [DeferredShard] {
        shards.map { shard in
            DeferredShard(id: shard.id, relation: shardRelation(shard.id), minimumHash: shard.hashRange?.lowerBound ?? Int32.min,
                          maximumHash: shard.hashRange?.upperBound ?? Int32.max,
                          placements: shard.placements.map { catalog.address(ofGroup: $0.groupId) })
        }
    }
}
