import SQLSyntax

/// A distributed plan: the stages of tasks to run on the nodes, in order, and how the
/// coordinator merges what comes back. A plain value with a stable, versioned JSON form.
public struct DistributedPlan: Sendable, Hashable, Codable {
    /// The version of the plan's JSON form.
    public static let formatVersion = 1

    public var version: Int
    /// The planner class that produced the plan.
    public var planClass: PlannerClass
    /// SELECT, INSERT, UPDATE or DELETE.
    public var statement: StatementKind
    /// Stages in execution order; the last one feeds the merge.
    public var stages: [Stage]
    /// How the coordinator turns the last stage's rows into the result.
    public var merge: MergePlan
    /// When the statement has parameters that decide the shard (`id = $1`), the tasks of the
    /// stages are a template: ``bind(_:)`` chooses the shards.
    public var deferredPruning: DeferredPruning?
    /// Things a reader of the plan should know: a rule applied, rows pulled to the coordinator.
    public var notes: [String]
    /// The algebra tree before and after optimization, when it was asked for (`--tree`).
    public var algebra: AlgebraTrees?

    private enum CodingKeys: String, CodingKey {
        case version, planClass = "class", statement, stages, merge, deferredPruning, notes, algebra
    }

    public init(planClass: PlannerClass, statement: StatementKind, stages: [Stage], merge: MergePlan,
                deferredPruning: DeferredPruning? = nil, notes: [String] = [], algebra: AlgebraTrees? = nil) {
        self.version = Self.formatVersion
        self.planClass = planClass
        self.statement = statement
        self.stages = stages
        self.merge = merge
        self.deferredPruning = deferredPruning
        self.notes = notes
        self.algebra = algebra
    }

    /// All tasks of all stages.
    public var taskCount: Int { stages.reduce(0) { $0 + $1.tasks.count } }
}

public enum PlannerClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// One table, equality on the distribution column: the shard is known from the constant.
    case fastPathRouter = "fast-path router"
    /// Every distributed table pruned to one colocated shard group (or only reference tables).
    case router
    /// One task per shard group, merged on the coordinator.
    case multiShard = "multi-shard"
    /// INSERT / UPDATE / DELETE routed to the shards it touches.
    case modify
    /// Only local tables (or nothing distributed): runs on the coordinator as written.
    case local
}

public enum StatementKind: String, Sendable, Hashable, Codable {
    case select = "SELECT", insert = "INSERT", update = "UPDATE", delete = "DELETE"
}

/// A set of tasks that can run in parallel, and where their rows go.
public struct Stage: Sendable, Hashable, Codable {
    public var id: Int
    public var tasks: [Task]
    public var output: StageOutput

    public init(id: Int, tasks: [Task], output: StageOutput = .coordinator) {
        self.id = id
        self.tasks = tasks
        self.output = output
    }
}

/// Where a stage's rows go.
public enum StageOutput: Sendable, Hashable, Codable {
    /// Returned to the coordinator (the merge reads them as `remote_scan`).
    case coordinator
    /// Sent to every node as a named intermediate result: the next stage's tasks read the
    /// table `name`.
    case broadcast(name: String)
    /// Hash-partitioned into buckets on a column, for the next stage: bucket `b` holds the rows
    /// whose hash of `column` (PostgreSQL's hash function of its type) falls in the hash range
    /// of shard index `b` of a `buckets`-shard table, and goes, as the table `<name>_<b>`, to
    /// the node of the next stage's task `b` (task `b % tasks` when there are fewer).
    case partitioned(name: String, column: String, buckets: Int)
}

/// One query on one node.
public struct Task: Sendable, Hashable, Codable {
    /// The task's position in its stage (0-based), in shard order.
    public var index: Int
    /// `host:port` of the node that runs the task (the first placement for reads).
    public var node: String
    /// Every placement the task must run on: more than one for writes to reference tables
    /// (and replicated shards); reads use `node`.
    public var placements: [String]
    /// The shard ids the SQL reads or writes.
    public var shards: [Int64]
    /// The shard index of the task's shard group (nil for reference-only and local tasks).
    public var shardIndex: Int?
    /// The text holding the task's SQL, and where in it (UTF-8 offsets). The tasks of a
    /// multi-shard stage share one text: planning allocates one string per stage, not per task.
    private var text: String
    private var textRange: Range<Int>

    /// The task's SQL: a slice of its stage's text (`String(task.sql)` when a String is needed;
    /// `task.sql.utf8` reads the bytes in place).
    public var sql: Substring {
        get {
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: textRange.lowerBound)
            return Substring(utf8[start..<utf8.index(start, offsetBy: textRange.count)])
        }
        set {
            text = String(newValue)
            textRange = 0..<text.utf8.count
        }
    }

    public init(index: Int, node: String, placements: [String], shards: [Int64], shardIndex: Int?, sql: String) {
        self.init(index: index, node: node, placements: placements, shards: shards, shardIndex: shardIndex,
                  text: sql, range: 0..<sql.utf8.count)
    }

    /// A task whose SQL is bytes `range` of `text` (which must start and end on characters).
    init(index: Int, node: String, placements: [String], shards: [Int64], shardIndex: Int?, text: String, range: Range<Int>) {
        self.index = index
        self.node = node
        self.placements = placements
        self.shards = shards
        self.shardIndex = shardIndex
        self.text = text
        self.textRange = range
    }

    /// Points the task's SQL at bytes `range` of `text`.
    mutating func useText(_ text: String, range: Range<Int>) {
        self.text = text
        textRange = range
    }

    // Tasks are equal when their SQL is, wherever each is stored.
    public static func == (lhs: Task, rhs: Task) -> Bool {
        lhs.index == rhs.index && lhs.node == rhs.node && lhs.placements == rhs.placements && lhs.shards == rhs.shards
            && lhs.shardIndex == rhs.shardIndex && lhs.sql == rhs.sql
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(node)
        hasher.combine(placements)
        hasher.combine(shards)
        hasher.combine(shardIndex)
        hasher.combine(sql)
    }

    private enum CodingKeys: String, CodingKey {
        case index, node, placements, shards, shardIndex, sql
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(index: try container.decode(Int.self, forKey: .index), node: try container.decode(String.self, forKey: .node),
                  placements: try container.decode([String].self, forKey: .placements),
                  shards: try container.decode([Int64].self, forKey: .shards),
                  shardIndex: try container.decodeIfPresent(Int.self, forKey: .shardIndex),
                  sql: try container.decode(String.self, forKey: .sql))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(node, forKey: .node)
        try container.encode(placements, forKey: .placements)
        try container.encode(shards, forKey: .shards)
        try container.encodeIfPresent(shardIndex, forKey: .shardIndex)
        try container.encode(String(sql), forKey: .sql)
    }
}

/// How the coordinator merges: as steps for people and tools, and as SQL over `remote_scan`.
public struct MergePlan: Sendable, Hashable, Codable {
    /// The steps in order (concatenate, combine aggregates, filter, distinct, sort, limit, project).
    /// Their expressions are printed when the steps are read, not when the plan is made: they
    /// describe the merge SQL, which is made with the plan.
    public var steps: [MergeStep] {
        get { pendingSteps.map(\.step) }
        set { pendingSteps = newValue.map(PendingMergeStep.ready) }
    }
    private var pendingSteps: [PendingMergeStep]
    /// The columns the tasks return, which the coordinator reads as table `remote_scan`.
    public var workerColumns: [OutputColumn]
    /// SQL a PostgreSQL coordinator runs over a table `remote_scan` holding every task's rows;
    /// it produces the final result.
    public var sql: String
    /// The result's columns: names and types as a single PostgreSQL node would give them.
    public var columns: [OutputColumn]

    public init(steps: [MergeStep], workerColumns: [OutputColumn], sql: String, columns: [OutputColumn]) {
        self.init(pendingSteps: steps.map(PendingMergeStep.ready), workerColumns: workerColumns, sql: sql, columns: columns)
    }

    init(pendingSteps: [PendingMergeStep], workerColumns: [OutputColumn], sql: String, columns: [OutputColumn]) {
        self.pendingSteps = pendingSteps
        self.workerColumns = workerColumns
        self.sql = sql
        self.columns = columns
    }

    // Compared, hashed and encoded by the steps' text.
    public static func == (lhs: MergePlan, rhs: MergePlan) -> Bool {
        lhs.sql == rhs.sql && lhs.workerColumns == rhs.workerColumns && lhs.columns == rhs.columns && lhs.steps == rhs.steps
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sql)
        hasher.combine(workerColumns)
        hasher.combine(columns)
        hasher.combine(steps)
    }

    private enum CodingKeys: String, CodingKey {
        case steps, workerColumns, sql, columns
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(steps: try container.decode([MergeStep].self, forKey: .steps),
                  workerColumns: try container.decode([OutputColumn].self, forKey: .workerColumns),
                  sql: try container.decode(String.self, forKey: .sql), columns: try container.decode([OutputColumn].self, forKey: .columns))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(steps, forKey: .steps)
        try container.encode(workerColumns, forKey: .workerColumns)
        try container.encode(sql, forKey: .sql)
        try container.encode(columns, forKey: .columns)
    }
}

/// A step of the merge, its expressions as SQL text.
public typealias MergeStep = MergeStepOf<String>

/// A step of the merge; `Expression` is how its expressions are given (SQL text in plans).
public enum MergeStepOf<Expression> {
    /// Rows of all tasks, in task order.
    case concatenate
    /// Group (when keys are given) and combine the workers' partial aggregates.
    case combineAggregates(groupBy: [Expression], aggregates: [Expression])
    /// Compute aggregates from raw rows the workers sent (no known split, or DISTINCT).
    case aggregateRows(groupBy: [Expression], aggregates: [Expression])
    case filter(Expression)
    case window([Expression])
    case distinct(on: [Expression])
    case sort([Expression])
    case limit(count: Expression?, offset: Expression?)
    case project([Expression])
    /// For modifications: sum the affected row counts (and concatenate RETURNING rows).
    case sumRowCounts

    /// The same step with every expression transformed.
    func map<Other>(_ transform: (Expression) -> Other) -> MergeStepOf<Other> {
        switch self {
        case .concatenate: .concatenate
        case .combineAggregates(let groupBy, let aggregates): .combineAggregates(groupBy: groupBy.map(transform), aggregates: aggregates.map(transform))
        case .aggregateRows(let groupBy, let aggregates): .aggregateRows(groupBy: groupBy.map(transform), aggregates: aggregates.map(transform))
        case .filter(let condition): .filter(transform(condition))
        case .window(let windows): .window(windows.map(transform))
        case .distinct(let keys): .distinct(on: keys.map(transform))
        case .sort(let keys): .sort(keys.map(transform))
        case .limit(let count, let offset): .limit(count: count.map(transform), offset: offset.map(transform))
        case .project(let columns): .project(columns.map(transform))
        case .sumRowCounts: .sumRowCounts
        }
    }
}

extension MergeStepOf: Sendable where Expression: Sendable {}
extension MergeStepOf: Equatable where Expression: Equatable {}
extension MergeStepOf: Hashable where Expression: Hashable {}
extension MergeStepOf: Codable where Expression: Codable {}

/// Merge steps as the split records them: either text, or expressions still as trees of the
/// coordinator query, printed when read.
enum PendingMergeStep: Sendable, Hashable {
    case ready(MergeStep)
    case trees(MergeStepOf<Node>)

    var step: MergeStep {
        switch self {
        case .ready(let step): step
        case .trees(let step): step.map(expressionText)
        }
    }
}

/// A fast-path plan whose shard is decided by a parameter: ``DistributedPlan/bind(_:)`` picks the
/// shard from the parameter's value without planning again.
public struct DeferredPruning: Sendable, Hashable, Codable {
    /// The 1-based parameter number (`$1`).
    public var parameter: Int
    /// The distribution column's type, which the parameter's value is read as.
    public var type: String
    /// The table whose shard the value selects.
    public var table: String
    /// The task SQL in pieces; the shard relation goes between consecutive pieces.
    public var template: [String]
    /// The table's shards in hash order.
    public var shards: [DeferredShard]

    public init(parameter: Int, type: String, table: String, template: [String], shards: [DeferredShard]) {
        self.parameter = parameter
        self.type = type
        self.table = table
        self.template = template
        self.shards = shards
    }
}

/// One shard a deferred plan can choose.
public struct DeferredShard: Sendable, Hashable, Codable {
    public var id: Int64
    public var relation: String
    public var minimumHash: Int32
    public var maximumHash: Int32
    /// `host:port` of every placement, first the one reads use.
    public var placements: [String]

    public init(id: Int64, relation: String, minimumHash: Int32, maximumHash: Int32, placements: [String]) {
        self.id = id
        self.relation = relation
        self.minimumHash = minimumHash
        self.maximumHash = maximumHash
        self.placements = placements
    }
}

/// The algebra tree as text, before and after the optimizer's passes.
public struct AlgebraTrees: Sendable, Hashable, Codable {
    public var logical: String
    public var optimized: String
}
