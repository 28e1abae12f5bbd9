import SQLSyntax

/// What a schema script holds: the catalog it builds and every statement in order.
public struct SchemaScript: Sendable, Hashable {
    public var catalog: Catalog
    /// Every statement of the script, in order, each marked with what the catalog took from it.
    public var statements: [SchemaStatement]
    /// Statements the loader read but that may not do what the user expects (for example a Citus
    /// function it does not model); each names its statement.
    public var warnings: [String]

    /// Statements the catalog did not need (INSERT, COPY, CREATE INDEX, GRANT...), untouched,
    /// for whoever loads data later.
    public var otherStatements: [SchemaStatement] { statements.filter { $0.role == .other } }
}

/// One statement of a schema script.
public struct SchemaStatement: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable {
        /// DDL the catalog models (CREATE SCHEMA / TABLE, ALTER TABLE, DROP TABLE).
        case ddl
        /// A Citus call (create_distributed_table, citus_add_node...) or Citus setting.
        case citus
        /// A setting the catalog follows and that later statements depend on (`search_path`).
        case setting
        /// Anything else: kept for whoever loads data.
        case other
    }

    public var role: Role
    public var position: StatementPosition
    /// The statement's text as written (without the `;`).
    public var text: String
    public var node: Node
    /// Inline rows of `COPY ... FROM STDIN`.
    public var copyData: String?
}

/// Builds a ``Catalog`` from a schema script of ordinary DDL and Citus calls, as a Citus user
/// writes it.
///
/// ```swift
/// let script = try SchemaLoader.load(contentsOf: sql, fileName: "schema.sql")
/// let orders = script.catalog.table(named: ["orders"])
/// ```
///
/// When the script declares no nodes (`citus_add_node`, `master_add_node`,
/// `citus_set_coordinator_host`), the cluster is ``Catalog/defaultTopology``.
public enum SchemaLoader {
    /// Loads a script.
    ///
    /// - Parameters:
    ///   - sql: the script.
    ///   - fileName: shown in error positions.
    ///   - base: settings to start from (`shard_count` from the command line, for example).
    /// - Throws: ``CatalogError`` naming the failing statement and its position; parse errors
    ///   come as a ``CatalogError`` at the position of the error.
    ///   - workers: the number of workers of the default topology, used when the script declares
    ///     no nodes.
    public static func load(_ sql: String, fileName: String? = nil, settings: CatalogSettings = CatalogSettings(),
                            workers: Int = 2) throws(CatalogError) -> SchemaScript {
        let parsed: [ScriptStatement]
        do {
            parsed = try SQLScript.parse(sql)
        } catch {
            throw CatalogError(error.message, hint: error.hint,
                               statement: StatementPosition(fileName: fileName, index: -1, offset: error.offset, line: error.line,
                                                            column: error.column, excerpt: error.sourceLine))
        }
        var loader = Loader(sql: sql, fileName: fileName, statements: parsed, settings: settings, workers: workers)
        try loader.run()
        return SchemaScript(catalog: loader.catalog, statements: loader.output, warnings: loader.warnings)
    }
}

/// Functions of Citus that declare nodes.
let nodeFunctions: Set<String> = ["citus_add_node", "master_add_node", "citus_set_coordinator_host"]

struct Loader {
    let sql: String
    let fileName: String?
    let statements: [ScriptStatement]
    var catalog: Catalog
    var output: [SchemaStatement] = []
    var warnings: [String] = []
    /// Line of each CREATE TABLE by relation name, for "created later" hints.
    var createdAt: [String: Int] = [:]
    private var lineStarts: [Int] = [0]

    init(sql: String, fileName: String?, statements: [ScriptStatement], settings: CatalogSettings, workers: Int) {
        self.sql = sql
        self.fileName = fileName
        self.statements = statements
        var starts = [0]
        for (offset, byte) in sql.utf8.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
        let declaresNodes = statements.contains { statement in
            Loader.citusCalls(in: statement.node).contains { nodeFunctions.contains($0.name) }
        }
        var catalog = declaresNodes ? Catalog() : Catalog.defaultTopology(workers: workers)
        catalog.settings = settings
        self.catalog = catalog
    }

    func position(of statement: ScriptStatement, index: Int) -> StatementPosition {
        let offset = statement.range.lowerBound
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let prefix = sql.utf8.dropFirst(lineStarts[low]).prefix(offset - lineStarts[low])
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        var excerpt = statement.text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if excerpt.count > 100 { excerpt = String(excerpt.prefix(97)) + "..." }
        if statement.text.contains("\n") && !excerpt.hasSuffix("...") { excerpt += " ..." }
        return StatementPosition(fileName: fileName, index: index, offset: offset, line: low + 1, column: column, excerpt: excerpt)
    }

    mutating func run() throws(CatalogError) {
        for (index, statement) in statements.enumerated() {
            if case .createStmt(let create) = statement.node, let relation = create.relation, createdAt[relation.relname] == nil {
                createdAt[relation.relname] = position(of: statement, index: index).line
            }
        }
        for (index, statement) in statements.enumerated() {
            let position = position(of: statement, index: index)
            do {
                let role = try apply(statement.node, line: position.line)
                output.append(SchemaStatement(role: role, position: position, text: statement.text, node: statement.node,
                                              copyData: statement.copyData))
            } catch {
                var located = error
                located.statement = position
                throw located
            }
        }
    }

    /// Applies one statement to the catalog and says what it was.
    mutating func apply(_ node: Node, line: Int) throws(CatalogError) -> SchemaStatement.Role {
        switch node {
        case .createSchemaStmt(let create):
            try catalog.createSchema(create.schemaname, ifNotExists: create.ifNotExists)
            for element in create.schemaElts {
                if case .createStmt(var table) = element {
                    if table.relation?.schemaname.isEmpty ?? false { table.relation?.schemaname = create.schemaname }
                    try createTable(table)
                }
            }
            return .ddl
        case .createStmt(let create):
            try createTable(create)
            return .ddl
        case .createTableAsStmt(let create) where create.objtype == .objectTable:
            let name = create.into?.rel?.relname ?? "?"
            throw CatalogError("CREATE TABLE \(name) AS is not supported in a schema script: the catalog needs the table's columns",
                               hint: "Declare the table with CREATE TABLE and fill it with INSERT ... SELECT.")
        case .alterTableStmt(let alter) where alter.objtype == .objectTable:
            return try alterTable(alter)
        case .renameStmt(let rename) where rename.relationType == .objectTable || rename.renameType == .objectTable:
            return try renameTable(rename)
        case .dropStmt(let drop) where drop.removeType == .objectTable:
            try dropTables(drop)
            return .ddl
        case .selectStmt:
            return try citusCalls(node, line: line)
        case .variableSetStmt(let set):
            return try setting(set)
        default:
            return .other
        }
    }
}
