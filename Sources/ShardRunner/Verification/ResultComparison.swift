import Foundation

/// Compares a distributed result with the single node's.
///
/// The rules (kept few on purpose):
/// - Column names and types must be equal.
/// - Rows are a multiset, unless the top-level ORDER BY decides the order: then rows are split
///   into runs of equal ORDER BY keys (the keys that are output columns), the runs must come in
///   the same order with the same keys, and each run is compared as a multiset. With LIMIT, the
///   last run may be cut anywhere among its ties, so only its size is compared; with OFFSET, the
///   same holds for the first run. LIMIT or OFFSET without ORDER BY: only the row count.
/// - Values are compared by their text form, except `real` and `double precision`, which are
///   compared at 12 (double) or 5 (real) significant digits: partial aggregates add the same
///   numbers in another order, and PostgreSQL prints the last digits of the two sums differently.
/// - Volatile output columns (`random()`, `now()`...) are left out of the comparison; when a
///   volatile value decides which rows there are, only the column names are compared. Either is
///   reported.
struct ResultComparison {
    /// Notes on what was compared, when not everything was.
    var notes: [String] = []
    /// Why the results differ; nil when they agree.
    var difference: String?

    static let float4OID: UInt32 = 700
    static let float8OID: UInt32 = 701

    init(expected: QueryResult, actual: QueryResult, analysis: StatementAnalysis, what: String = "rows") {
        if let problem = Self.compareColumns(expected, actual, rowsExpected: !expected.rows.isEmpty || !actual.rows.isEmpty) {
            difference = problem
            return
        }
        if analysis.volatileRows {
            notes.append("volatile (\(Self.names(analysis))): the \(what) depend on it; only the columns were compared (\(expected.rows.count) vs \(actual.rows.count) rows)")
            return
        }
        let keep = (0..<max(expected.columns.count, expected.rows.first?.count ?? 0, actual.rows.first?.count ?? 0)).filter { !analysis.volatileColumns.contains($0) }
        if !analysis.volatileColumns.isEmpty {
            let names = analysis.volatileColumns.sorted().compactMap { expected.columns[safe: $0]?.name }
            notes.append("volatile (\(Self.names(analysis))): column\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")) not compared")
        }
        let types = expected.columns.map(\.typeOID)
        func normalize(_ rows: [[String?]]) -> [[String?]] {
            rows.map { row in keep.map { index in Self.normalize(row[safe: index] ?? nil, type: types[safe: index] ?? 0) } }
        }
        let left = normalize(expected.rows), right = normalize(actual.rows)
        // Order keys, as positions among the kept columns.
        let keys = analysis.orderColumns.prefix { keep.contains($0) }.map { keep.firstIndex(of: $0)! }
        if !analysis.hasOrderBy && (analysis.hasLimit || analysis.hasOffset) {
            if left.count != right.count {
                difference = "LIMIT/OFFSET without ORDER BY: \(left.count) rows expected, \(right.count) returned"
            } else {
                notes.append("LIMIT/OFFSET without ORDER BY: only the row count was compared")
            }
            return
        }
        if keys.isEmpty {
            difference = Self.multisetDifference(left, right, columns: keep.compactMap { expected.columns[safe: $0]?.name })
            if difference != nil, analysis.hasOrderBy, analysis.hasLimit || analysis.hasOffset, left.count == right.count {
                // The ORDER BY keys are not output columns: ties at the cut cannot be told apart.
                notes.append("ORDER BY keys are not output columns: rows cut by LIMIT among ties may differ; only the row count was compared")
                difference = nil
            }
            return
        }
        let keyTypes = keys.map { types[safe: keep[$0]] ?? 0 }
        difference = Self.orderedDifference(left, right, keys: Array(keys), keyTypes: keyTypes, cutEnd: analysis.hasLimit,
                                            cutStart: analysis.hasOffset, columns: keep.compactMap { expected.columns[safe: $0]?.name })
        if difference != nil, analysis.hasDistinctOn, left.count == right.count,
           Self.orderedDifference(left.map { row in keys.map { row[$0] } }, right.map { row in keys.map { row[$0] } },
                                  keys: Array(keys.indices), keyTypes: keyTypes, cutEnd: analysis.hasLimit, cutStart: analysis.hasOffset,
                                  columns: []) == nil {
            // DISTINCT ON keeps any one row of each group when ORDER BY does not decide it.
            notes.append("DISTINCT ON keeps an arbitrary row among ORDER BY ties: compared on the ORDER BY keys")
            difference = nil
        }
    }

    static func names(_ analysis: StatementAnalysis) -> String {
        Array(Set(analysis.volatileNames)).sorted().joined(separator: ", ")
    }

    static func compareColumns(_ expected: QueryResult, _ actual: QueryResult, rowsExpected: Bool) -> String? {
        // A modification's RETURNING result has no column description when it returns no rows.
        if expected.columns.isEmpty || actual.columns.isEmpty { return nil }
        let left = expected.columns.map(\.name), right = actual.columns.map(\.name)
        if left != right {
            return "columns differ: expected (\(left.joined(separator: ", "))), got (\(right.joined(separator: ", ")))"
        }
        for (index, (a, b)) in zip(expected.columns, actual.columns).enumerated() where a.typeOID != b.typeOID {
            return "column \(index + 1) \"\(a.name)\" has type oid \(b.typeOID); a single node gives \(a.typeOID)"
        }
        return nil
    }

    static func normalize(_ value: String?, type: UInt32) -> String? {
        guard let value, type == float4OID || type == float8OID, let number = Double(value), number.isFinite else { return value }
        return String(format: type == float4OID ? "%.5g" : "%.12g", number)
    }

    static func render(_ row: [String?]) -> String {
        "(" + row.map { $0 ?? "NULL" }.joined(separator: ", ") + ")"
    }

    static func sortKey(_ row: [String?]) -> String {
        row.map { $0.map { "v" + $0 } ?? "n" }.joined(separator: "\u{1F}")
    }

    /// Rows in one but not the other (with multiplicity), shortened to a few lines each.
    static func multisetDifference(_ expected: [[String?]], _ actual: [[String?]], columns: [String]) -> String? {
        var counts: [String: (row: [String?], count: Int)] = [:]
        for row in expected { counts[sortKey(row), default: (row, 0)].count += 1 }
        for row in actual { counts[sortKey(row), default: (row, 0)].count -= 1 }
        // Listed in key order, so that a diff reads the same every run.
        let differing = counts.filter { $0.value.count != 0 }.sorted { $0.key < $1.key }.map(\.value)
        let missing = differing.filter { $0.count > 0 }
        let extra = differing.filter { $0.count < 0 }
        guard !missing.isEmpty || !extra.isEmpty else { return nil }
        var lines = ["\(expected.count) rows expected, \(actual.count) returned; columns (\(columns.joined(separator: ", ")))"]
        let limit = 5
        for entry in missing.prefix(limit) { lines.append("- " + render(entry.row) + (entry.count > 1 ? " ×\(entry.count)" : "")) }
        if missing.count > limit { lines.append("- ... \(missing.count - limit) more") }
        for entry in extra.prefix(limit) { lines.append("+ " + render(entry.row) + (entry.count < -1 ? " ×\(-entry.count)" : "")) }
        if extra.count > limit { lines.append("+ ... \(extra.count - limit) more") }
        return lines.joined(separator: "\n")
    }

    static let numericOID: UInt32 = 1700

    /// A sort key's value as its type compares it, where equal values print differently:
    /// `numeric` 0, 0.0 and 0.00 are one ORDER BY key (and rows among them come in any order).
    static func orderKey(_ value: String?, type: UInt32) -> String? {
        guard type == numericOID, let value, value.contains("."), !value.contains("e"), !value.contains("E") else { return value }
        var trimmed = Substring(value)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        if trimmed.last == "." { trimmed = trimmed.dropLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }

    /// Runs of equal keys in order (equal as the key's type compares them, see ``orderKey(_:type:)``);
    /// each run a multiset. With `cutEnd` (LIMIT) the last run and with `cutStart` (OFFSET) the
    /// first run are compared by size only.
    static func orderedDifference(_ expected: [[String?]], _ actual: [[String?]], keys: [Int], keyTypes: [UInt32], cutEnd: Bool,
                                  cutStart: Bool, columns: [String]) -> String? {
        func runs(_ rows: [[String?]]) -> [(key: [String?], rows: [[String?]])] {
            var result: [(key: [String?], rows: [[String?]])] = []
            for row in rows {
                let key = keys.indices.map { orderKey(row[keys[$0]], type: keyTypes[safe: $0] ?? 0) }
                if let last = result.last, last.key == key {
                    result[result.count - 1].rows.append(row)
                } else {
                    result.append((key, [row]))
                }
            }
            return result
        }
        let left = runs(expected), right = runs(actual)
        if expected.count != actual.count || left.count != right.count {
            if let multiset = multisetDifference(expected, actual, columns: columns) { return "in ORDER BY order: " + multiset }
            return "the same rows in another order: \(left.count) runs of equal ORDER BY keys expected, \(right.count) returned"
        }
        for (index, (a, b)) in zip(left, right).enumerated() {
            guard a.key == b.key else {
                return "row order differs at ORDER BY key \(render(a.key)) (expected) vs \(render(b.key)) (returned), run \(index + 1) of \(left.count)"
            }
            let isCut = (cutEnd && index == left.count - 1) || (cutStart && index == 0)
            if isCut { continue }
            if let difference = multisetDifference(a.rows, b.rows, columns: columns) {
                return "among rows with ORDER BY key \(render(a.key)): " + difference
            }
        }
        return nil
    }
}
