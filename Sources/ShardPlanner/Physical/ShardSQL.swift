import SQLSyntax
import ShardCatalog

/// SQL with a slot for each Citus table occurrence: deparsed once, filled per task with shard
/// names. Tables are marked in the tree by a relation name no user can write.
struct SQLTemplate: Sendable, Hashable {
    /// Text pieces, as bytes; between piece i and i+1 stands the relation of table `slots[i]`.
    let packed: PackedStrings
    let slots: [Int]
    /// The UTF-8 length of all pieces, to size each filled task's SQL once.
    var piecesLength: Int { packed.bytes.count }

    /// The pieces as strings.
    var pieces: [String] {
        packed.starts.indices.dropLast().map { String(decoding: packed.bytes[packed.starts[$0]..<packed.starts[$0 + 1]], as: UTF8.self) }
    }

    static func marker(_ table: Int) -> String { table < commonMarkers.count ? commonMarkers[table] : "\u{1}\(table)" }
    /// The markers of the first tables, made once (interpolating a string costs more than marking).
    private static let commonMarkers = (0..<16).map { "\u{1}\($0)" }

    /// A template from its pieces as bytes, for SQL written directly rather than printed.
    init(packed: PackedStrings, slots: [Int]) {
        self.packed = packed
        self.slots = slots
    }

    init(sql: String) {
        // A byte scan: markers are ASCII (`"`, U+0001, digits), so cutting the UTF-8 bytes at them
        // never splits a character. (Foundation's range(of:) cost more than the deparse.)
        var pieces: [UInt8] = []
        var starts = [0]
        var slots: [Int] = []
        var text = sql
        text.withUTF8 { bytes in
            pieces.reserveCapacity(bytes.count)
            let quote = UInt8(ascii: "\""), zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
            var pieceStart = 0
            var position = 0
            while position + 1 < bytes.count {
                guard bytes[position] == quote, bytes[position + 1] == 1 else { position += 1; continue }
                var end = position + 2
                var slot = 0
                while end < bytes.count, bytes[end] >= zero, bytes[end] <= nine {
                    slot = slot * 10 + Int(bytes[end] - zero)
                    end += 1
                }
                guard end < bytes.count, bytes[end] == quote else { position += 1; continue }
                pieces.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pieceStart..<position]))
                starts.append(pieces.count)
                slots.append(slot)
                pieceStart = end + 1
                position = pieceStart
            }
            pieces.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pieceStart...]))
            starts.append(pieces.count)
        }
        packed = PackedStrings(bytes: pieces, starts: starts)
        self.slots = slots
    }

    /// The SQL with each table slot replaced by `relation(table)`.
    func fill(_ relation: (Int) -> String) -> String {
        var texts = TaskTexts(tasks: 1, template: self)
        texts.append(self, relation: relation)
        return texts.text()
    }
}

/// Strings kept as one byte array, for copying them without going through String: string `i`
/// is bytes `starts[i]..<starts[i + 1]`.
struct PackedStrings: Sendable, Hashable {
    let bytes: [UInt8]
    let starts: [Int]

    init(bytes: [UInt8], starts: [Int]) {
        self.bytes = bytes
        self.starts = starts
    }

    init(_ strings: [String]) {
        var bytes: [UInt8] = []
        var starts = [0]
        starts.reserveCapacity(strings.count + 1)
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }
}

/// The SQL of a stage's tasks, written one after another into one buffer and made one string at
/// the end: each task's SQL is a range of it, so a stage allocates one string, not one per task.
struct TaskTexts: ~Copyable {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// Where each task's SQL starts, and where the last one ends.
    private(set) var starts: [Int] = [0]

    init(tasks: Int, template: SQLTemplate) {
        // The pieces plus about 40 bytes per relation (`public.orders_102008`) per task; grown
        // when a task needs more.
        capacity = max(64, tasks * (template.piecesLength + 40 * template.slots.count))
        buffer = .allocate(capacity: capacity)
        starts.reserveCapacity(tasks + 1)
    }

    deinit { buffer.deallocate() }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count > capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(2 * capacity, count + bytes.count))
            grown.update(from: buffer, count: count)
            buffer.deallocate()
            buffer = grown
            capacity = max(2 * capacity, count + bytes.count)
        }
        if let source = bytes.baseAddress { (buffer + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    private mutating func write(_ text: String) {
        text.withUTF8Bytes { write($0) }
    }

    /// Appends one task's SQL: `template` with each table slot replaced by `relation(slot)`.
    mutating func append(_ template: SQLTemplate, relation: (Int) -> String) {
        template.packed.bytes.withUnsafeBufferPointer { pieces in
            let starts = template.packed.starts
            write(UnsafeBufferPointer(rebasing: pieces[starts[0]..<starts[1]]))
            for index in template.slots.indices {
                write(relation(template.slots[index]))
                write(UnsafeBufferPointer(rebasing: pieces[starts[index + 1]..<starts[index + 2]]))
            }
        }
        starts.append(count)
    }

    /// Appends one task's SQL: a one-slot `template` with relation `position` of `relations`.
    mutating func append(_ template: SQLTemplate, relations: PackedStrings, position: Int) {
        template.packed.bytes.withUnsafeBufferPointer { pieces in
            relations.bytes.withUnsafeBufferPointer { names in
                let starts = template.packed.starts
                write(UnsafeBufferPointer(rebasing: pieces[starts[0]..<starts[1]]))
                write(UnsafeBufferPointer(rebasing: names[relations.starts[position]..<relations.starts[position + 1]]))
                write(UnsafeBufferPointer(rebasing: pieces[starts[1]..<starts[2]]))
            }
        }
        starts.append(count)
    }

    /// The text of every task; task `i` is bytes `starts[i]..<starts[i + 1]` of it.
    func text() -> String {
        String(unsafeUninitializedCapacity: count) { target in
            target.baseAddress!.update(from: buffer, count: count)
            return count
        }
    }
}

extension ShardDirectory.Routes {
    /// The tasks of a stage that reads this table alone, named once in `template` (one slot):
    /// one per shard index of `indexes`, in order. The tasks share the directory's arrays for
    /// their placements and shard ids, and one text for their SQL: a task allocates nothing.
    func tasks(template: SQLTemplate, indexes: some Collection<Int>) -> [Task] {
        var tasks: [Task] = []
        tasks.reserveCapacity(indexes.count)
        var texts = TaskTexts(tasks: indexes.count, template: template)
        for index in indexes {
            texts.append(template, relations: packedRelations, position: index)
            tasks.append(Task(index: tasks.count, node: readPlacements[index][0], placements: readPlacements[index],
                              shards: shardIds[index], shardIndex: index, text: "", range: 0..<0))
        }
        let text = texts.text()
        for position in tasks.indices { tasks[position].useText(text, range: texts.starts[position]..<texts.starts[position + 1]) }
        return tasks
    }
}

/// Marks the Citus tables of a statement (every query level) with template markers.
struct RelationMarker {
    let directory: ShardDirectory
    /// Tables by marker number.
    var tables: [CatalogTable] { infos.map(\.table) }
    /// False when the binder found no subquery in any expression: the marker then need not
    /// search expressions for one.
    let expressionsMayHoldSubqueries: Bool

    init(directory: ShardDirectory, expressionsMayHoldSubqueries: Bool = true) {
        self.directory = directory
        self.expressionsMayHoldSubqueries = expressionsMayHoldSubqueries
    }

    /// The directory's entries of the tables marked, by slot: a slot is found by identity, without
    /// copying or comparing tables.
    private(set) var infos: [ShardDirectory.TableInfo] = []
    /// Every table occurrence marked, in the order met: where its name stands in the statement's
    /// text, its slot, and whether the statement gave it an alias (for editing the text instead
    /// of printing the tree, see ``StatementSource``).
    private(set) var occurrences: [(location: Int, name: [String], slot: Int, aliased: Bool)] = []

    mutating func slot(for info: ShardDirectory.TableInfo) -> Int {
        // A statement names few tables: a linear search beats hashing.
        if let existing = infos.firstIndex(where: { $0 === info }) { return existing }
        infos.append(info)
        return infos.count - 1
    }

    /// Records a RangeVar naming a Citus table (its slot and occurrence); nil for other relations.
    private mutating func note(_ range: RangeVar, keepAliasAsIs: Bool) -> (info: ShardDirectory.TableInfo, slot: Int)? {
        guard let info = directory.tableInfo(schema: range.schemaname, name: range.relname), info.table.isCitusTable else { return nil }
        let slot = slot(for: info)
        occurrences.append((Int(range.location), range.schemaname.isEmpty ? [range.relname] : [range.schemaname, range.relname],
                            slot, range.alias != nil || keepAliasAsIs))
        return (info, slot)
    }

    /// False while ``collect(_:)`` walks: tables are noted, nothing is rebuilt.
    private var building = true

    /// Records the tables of a statement without subqueries in expressions, as
    /// ``mark(_:)-(SelectStmt)`` does (the same walk), without building the marked statement:
    /// for plans that edit the statement's text rather than print the marked tree.
    mutating func collect(_ select: SelectStmt) throws(PlannerError) {
        precondition(!expressionsMayHoldSubqueries, "collect: expressions may hold subqueries; mark the statement")
        building = false
        defer { building = true }
        _ = try mark(select)
    }

    /// Replaces a RangeVar naming a Citus table by its marker, keeping the reference name as alias.
    mutating func mark(_ range: RangeVar, keepAliasAsIs: Bool = false) -> RangeVar {
        guard let (info, slot) = note(range, keepAliasAsIs: keepAliasAsIs), building else { return range }
        var marked = range
        marked.schemaname = ""
        marked.catalogname = ""
        marked.relname = RelationMarker.marker(slot)
        if marked.alias == nil && !keepAliasAsIs {
            var alias = Alias()
            alias.aliasname = info.table.name.name
            marked.alias = alias
        }
        return marked
    }

    static func marker(_ slot: Int) -> String { SQLTemplate.marker(slot) }

    mutating func mark(_ select: SelectStmt) throws(PlannerError) -> SelectStmt {
        var select = select
        if let left = select.larg {
            let marked = try mark(left)
            if building { select.larg = marked }
        }
        if let right = select.rarg {
            let marked = try mark(right)
            if building { select.rarg = marked }
        }
        var from: [Node] = []
        for item in select.fromClause {
            let marked = try markFromItem(item)
            if building { from.append(marked) }
        }
        // Collecting only: the statement stays as it is (no storage copied).
        guard building else { return select }
        select.fromClause = from
        // Tables stand in expressions only inside subqueries: without any, expressions stay as they are.
        guard expressionsMayHoldSubqueries else { return select }
        select.targetList = try markExpressions(select.targetList)
        select.whereClause = try select.whereClause.map { (node: Node) throws(PlannerError) in try markExpression(node) }
        select.havingClause = try select.havingClause.map { (node: Node) throws(PlannerError) in try markExpression(node) }
        select.groupClause = try markExpressions(select.groupClause)
        select.sortClause = try markExpressions(select.sortClause)
        select.valuesLists = try markExpressions(select.valuesLists)
        return select
    }

    mutating func markFromItem(_ item: Node) throws(PlannerError) -> Node {
        switch item {
        case .rangeVar(let range):
            let marked = mark(range)
            return building ? .rangeVar(marked) : item
        case .joinExpr(var join):
            let left = try join.larg.map { (node: Node) throws(PlannerError) in try markFromItem(node) }
            let right = try join.rarg.map { (node: Node) throws(PlannerError) in try markFromItem(node) }
            let quals = try join.quals.map { (node: Node) throws(PlannerError) in try markExpression(node) }
            guard building else { return item }
            join.larg = left
            join.rarg = right
            join.quals = quals
            return .joinExpr(join)
        case .rangeSubselect(var subselect):
            guard case .selectStmt(let select)? = subselect.subquery else { return item }
            let marked = try mark(select)
            guard building else { return item }
            subselect.subquery = .selectStmt(marked)
            return .rangeSubselect(subselect)
        default:
            return item
        }
    }

    mutating func markExpressions(_ nodes: [Node]) throws(PlannerError) -> [Node] {
        var out: [Node] = []
        out.reserveCapacity(nodes.count)
        for node in nodes { out.append(try markExpression(node)) }
        return out
    }

    /// Marks tables inside the subqueries of an expression.
    mutating func markExpression(_ node: Node) throws(PlannerError) -> Node {
        // Most expressions hold no subquery: keep them as they are rather than rebuild them.
        // (The search meets an expression form it cannot enter where the rewrite would, and
        // throws the same error.)
        guard expressionsMayHoldSubqueries else { return node }
        guard try ExpressionTree.containsSubLink(node) else { return node }
        var copy = self
        let result = try ExpressionTree.rewrite(node) { (child: Node) throws(PlannerError) -> Node? in
            guard case .subLink(var link) = child else { return nil }
            if let test = link.testexpr { link.testexpr = try copy.markExpression(test) }
            if case .selectStmt(let select)? = link.subselect { link.subselect = .selectStmt(try copy.mark(select)) }
            return .subLink(link)
        }
        self = copy
        return result
    }
}

extension CatalogTable {
    /// `schema.shard_name`, quoted as PostgreSQL needs.
    func shardRelation(_ shardId: Int64) -> String {
        SQLDeparser.quoteIdentifier(name.schema) + "." + SQLDeparser.quoteIdentifier(Shard.relationName(table: name.name, shardId: shardId))
    }

    /// The relation's own name, for local tables that are not sharded.
    var plainRelation: String {
        SQLDeparser.quoteIdentifier(name.schema) + "." + SQLDeparser.quoteIdentifier(name.name)
    }

    /// An empty relation with the table's columns and types, for a table pruned away entirely.
    var emptyRelation: String {
        let columns = columns.map { "NULL::\($0.type.name) AS \(SQLDeparser.quoteIdentifier($0.name))" }
        return "(SELECT \(columns.joined(separator: ", ")) WHERE false)"
    }
}
