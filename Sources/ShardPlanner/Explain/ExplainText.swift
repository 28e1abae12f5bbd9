import Foundation

/// The plan as text, in Citus's EXPLAIN layout: the class, the task count, the tasks (the first,
/// or all), each with its query and node, then the coordinator's merge.
extension DistributedPlan {
    /// - Parameters:
    ///   - allTasks: show every task, not only the first.
    ///   - taskList: add one line listing every task's shards and node (golden files use it).
    ///   - includeTree: add the algebra tree before and after optimization, when the plan has it.
    public func explainText(allTasks: Bool = false, taskList: Bool = false, includeTree: Bool = false) -> String {
        var lines: [String] = []
        lines.append("Distributed Plan: \(planClass.rawValue) \(statement.rawValue)")
        for stage in stages {
            let count = stage.tasks.count
            if stages.count > 1 { lines.append("  Stage \(stage.id)") }
            lines.append("  Task Count: \(count)")
            if deferredPruning != nil {
                lines.append("  Tasks Shown: All (the shard is chosen from $\(deferredPruning!.parameter) when the statement is bound)")
            } else {
                lines.append("  Tasks Shown: \(count <= 1 || allTasks ? "All" : "One of \(count)")")
            }
            if taskList && !allTasks && count > 1 {
                lines.append("  Tasks: " + stage.tasks.map { "\($0.shards.map(String.init).joined(separator: "+"))@\($0.node)" }.joined(separator: " "))
            }
            for task in (allTasks ? stage.tasks : Array(stage.tasks.prefix(1))) {
                lines.append("  ->  Task")
                // A statement written on several lines keeps them, indented under its first.
                lines.append("        Query: " + task.sql.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n               "))
                if task.node.contains(":") {
                    let (host, port) = Self.split(task.node)
                    lines.append("        Node: host=\(host) port=\(port)")
                } else {
                    lines.append("        Node: \(task.node)")
                }
                if task.placements.count > 1 {
                    lines.append("        Placements: \(task.placements.joined(separator: ", "))")
                }
                if !task.shards.isEmpty {
                    lines.append("        Shards: \(task.shards.map(String.init).joined(separator: ", "))")
                }
            }
        }
        lines.append("  Merge:")
        lines.append("        Steps: \(merge.steps.map(\.description).joined(separator: "; "))")
        if !merge.sql.isEmpty {
            lines.append("        Query: \(merge.sql)")
        }
        if !merge.workerColumns.isEmpty && merge.steps != [.concatenate] && merge.steps != [.sumRowCounts, .concatenate] {
            lines.append("        Task Columns: \(merge.workerColumns.map(\.display).joined(separator: ", "))")
        }
        if !merge.columns.isEmpty {
            lines.append("        Output: \(merge.columns.map(\.display).joined(separator: ", "))")
        }
        if !notes.isEmpty {
            lines.append("  Notes:")
            for note in notes { lines.append("        - \(note)") }
        }
        if includeTree, let algebra {
            lines.append("  Algebra Tree (logical):")
            lines += algebra.logical.split(separator: "\n").map { "        " + $0 }
            lines.append("  Algebra Tree (optimized):")
            lines += algebra.optimized.split(separator: "\n").map { "        " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func split(_ address: String) -> (String, String) {
        guard let colon = address.lastIndex(of: ":") else { return (address, "") }
        return (String(address[..<colon]), String(address[address.index(after: colon)...]))
    }

    /// The plan's JSON form: sorted keys, two-space indentation.
    public func jsonString() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a plan's JSON form.
    public init(json: String) throws {
        self = try JSONDecoder().decode(DistributedPlan.self, from: Data(json.utf8))
    }
}

extension OutputColumn {
    var display: String { "\(name) \(type ?? "(type unknown)")" }
}

extension MergeStep: CustomStringConvertible {
    public var description: String {
        switch self {
        case .concatenate: return "concatenate"
        case .combineAggregates(let groupBy, let aggregates):
            return "combine aggregates \(aggregates.joined(separator: ", "))" + (groupBy.isEmpty ? "" : " grouped by \(groupBy.joined(separator: ", "))")
        case .aggregateRows(let groupBy, let aggregates):
            return "aggregate rows \(aggregates.joined(separator: ", "))" + (groupBy.isEmpty ? "" : " grouped by \(groupBy.joined(separator: ", "))")
        case .filter(let condition): return "filter \(condition)"
        case .window(let windows): return "window \(windows.joined(separator: ", "))"
        case .distinct(let on): return on.isEmpty ? "distinct" : "distinct on \(on.joined(separator: ", "))"
        case .sort(let keys): return "sort by \(keys.joined(separator: ", "))"
        case .limit(let count, let offset):
            return "limit \(count ?? "all")" + (offset.map { " offset \($0)" } ?? "")
        case .project(let columns): return "project \(columns.joined(separator: ", "))"
        case .sumRowCounts: return "sum affected row counts"
        }
    }
}
