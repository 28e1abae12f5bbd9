import Foundation
import SQLSyntax
import ShardCatalog

/// The DDL that gives every node what Citus would have put there: the shards of each
/// distributed, single-shard and reference table on each of their placements, and local tables
/// (plain or Citus-managed) on the coordinator under their own name.
///
/// A shard `schema.<table>_<shardid>` has the table's columns (type, collation, NOT NULL),
/// primary key and unique constraints (named `<constraint>_<shardid>`), and the script's
/// indexes renamed the same way. Partitioned tables become partitioned shards, with the
/// partitions' shards attached to the parent's shard of the same index. Schemas come first,
/// then the script's types, domains, extensions and functions (Citus propagates those).
public struct ShardSchema: Sendable {
    /// The SQL to run on each node group, in order.
    public var statements: [Int32: [String]]

    /// Builds the DDL for every node group of the catalog.
    ///
    /// - Throws: ``ShardRunnerError`` when a statement of the script cannot be rewritten.
    public init(script: SchemaScript) throws(ShardRunnerError) {
        let catalog = script.catalog
        var perGroup: [Int32: [String]] = [:]
        let allGroups = catalog.nodes.map(\.groupId)
        let coordinatorGroup: Int32 = 0

        // Schemas, then objects Citus propagates to every node.
        var common: [String] = ["SET check_function_bodies = off"]
        for schema in catalog.schemas {
            common.append("CREATE SCHEMA IF NOT EXISTS \(Self.quote(schema))")
        }
        for statement in script.statements where Self.isPropagated(statement) {
            common.append(statement.text)
        }
        common.append("RESET search_path")
        for group in allGroups { perGroup[group] = common }
        if perGroup[coordinatorGroup] == nil { perGroup[coordinatorGroup] = common }

        let creates = Self.createStatements(in: script)
        for table in catalog.tables {
            if table.distribution == .local {
                perGroup[coordinatorGroup, default: []].append(
                    try Self.createTable(table, as: table.name.name, suffix: nil, parent: table.partitionOf.map { ($0, $0.name) },
                                         create: creates[table.name]))
                // A local table in Citus's metadata (one with a foreign key to a reference
                // table) keeps its rows in its shard on the coordinator, which plans name; the
                // shard is created as well, with the same rows.
                if table.shards.isEmpty { continue }
            }
            for (index, shard) in table.shards.enumerated() {
                var parent: (QualifiedName, String)? = nil
                if let parentName = table.partitionOf, let parentTable = catalog.table(parentName), index < parentTable.shards.count {
                    parent = (parentName, Shard.relationName(table: parentName.name, shardId: parentTable.shards[index].id))
                }
                let sql = try Self.createTable(table, as: Shard.relationName(table: table.name.name, shardId: shard.id),
                                               suffix: shard.id, parent: parent, create: creates[table.name])
                for placement in shard.placements {
                    perGroup[placement.groupId, default: []].append(sql)
                }
            }
        }

        // Indexes of the script, on the table or each of its shards.
        for statement in script.statements {
            guard case .indexStmt(let index) = statement.node, let relation = index.relation else { continue }
            let parts = relation.schemaname.isEmpty ? [relation.relname] : [relation.schemaname, relation.relname]
            guard let table = catalog.table(named: parts) else { continue }
            if table.distribution == .local {
                var copy = index
                copy.relation = Self.rangeVar(schema: table.name.schema, name: table.name.name)
                perGroup[coordinatorGroup, default: []].append(try Self.deparse(.indexStmt(copy), statement: statement.text))
                if table.shards.isEmpty { continue }
            }
            let baseName = index.idxname.isEmpty ? Self.defaultIndexName(index, table: table.name.name) : index.idxname
            for shard in table.shards {
                var copy = index
                copy.idxname = Shard.relationName(table: baseName, shardId: shard.id)
                copy.relation = Self.rangeVar(schema: table.name.schema, name: Shard.relationName(table: table.name.name, shardId: shard.id))
                let sql = try Self.deparse(.indexStmt(copy), statement: statement.text)
                for placement in shard.placements { perGroup[placement.groupId, default: []].append(sql) }
            }
        }
        statements = perGroup
    }

    // MARK: Pieces

    /// Statements of the script that Citus runs on every node: types, domains, extensions
    /// (except citus itself), functions, and the settings they may depend on.
    static func isPropagated(_ statement: SchemaStatement) -> Bool {
        switch statement.node {
        case .createEnumStmt, .compositeTypeStmt, .createDomainStmt, .createFunctionStmt, .defineStmt, .createRangeStmt:
            return true
        case .createExtensionStmt(let create):
            return create.extname != "citus"
        case .variableSetStmt:
            return statement.role == .setting
        default:
            return false
        }
    }

    /// The last CREATE TABLE of each table, for partition bounds.
    static func createStatements(in script: SchemaScript) -> [QualifiedName: CreateStmt] {
        var result: [QualifiedName: CreateStmt] = [:]
        for statement in script.statements {
            guard case .createStmt(let create) = statement.node, let relation = create.relation else { continue }
            let parts = relation.schemaname.isEmpty ? [relation.relname] : [relation.schemaname, relation.relname]
            if let name = script.catalog.resolve(parts) { result[name] = create }
        }
        return result
    }

    /// `CREATE TABLE schema.name (...)` for a table or one of its shards.
    ///
    /// - Parameters:
    ///   - relationName: the name to create (the table's own or the shard's).
    ///   - suffix: the shard id appended to constraint names, nil for a local table.
    ///   - parent: for a partition, its parent and the relation to attach to.
    ///   - create: the script's CREATE TABLE of the table, for partition bounds.
    static func createTable(_ table: CatalogTable, as relationName: String, suffix: Int64?, parent: (QualifiedName, String)?,
                            create: CreateStmt?) throws(ShardRunnerError) -> String {
        if let parent, var create, create.partbound != nil {
            create.relation = rangeVar(schema: table.name.schema, name: relationName)
            create.inhRelations = [.rangeVar(rangeVar(schema: parent.0.schema, name: parent.1))]
            create.tableElts = []
            create.constraints = []
            create.options = []
            create.tablespacename = ""
            create.accessMethod = ""
            create.ifNotExists = false
            return try deparse(.createStmt(create), statement: "CREATE TABLE \(table.name) ... PARTITION OF ...")
        }
        var elements: [String] = table.columns.map { column in
            var text = quote(column.name) + " " + column.type.name
            if let collation = column.collation { text += " COLLATE " + quote(collation) }
            if !column.isNullable { text += " NOT NULL" }
            // Citus's shards keep their columns' defaults and generated expressions; a default
            // drawing from a sequence is left out (the coordinator evaluates it before routing,
            // and the sequence does not exist on the shards' database).
            if let expression = column.generatedExpression {
                text += " GENERATED ALWAYS AS (\(expression)) STORED"
            } else if let expression = column.defaultExpression, !expression.lowercased().contains("nextval") {
                text += " DEFAULT " + expression
            }
            return text
        }
        func constraintName(_ name: String) -> String {
            suffix.map { Shard.relationName(table: name, shardId: $0) } ?? name
        }
        if let key = table.primaryKey {
            elements.append("CONSTRAINT \(quote(constraintName(key.name))) PRIMARY KEY (\(key.columns.map(quote).joined(separator: ", ")))")
        }
        for key in table.uniqueConstraints {
            elements.append("CONSTRAINT \(quote(constraintName(key.name))) UNIQUE (\(key.columns.map(quote).joined(separator: ", ")))")
        }
        var sql = "CREATE TABLE \(quote(table.name.schema)).\(quote(relationName)) (\n    " + elements.joined(separator: ",\n    ") + "\n)"
        if let key = table.partitionKey { sql += " PARTITION BY " + key }
        return sql
    }

    /// PostgreSQL's name for an unnamed index: `<table>_<columns>_idx` (`_key` when unique).
    static func defaultIndexName(_ index: IndexStmt, table: String) -> String {
        let columns = index.indexParams.map { node -> String in
            if case .indexElem(let element) = node, !element.name.isEmpty { return element.name }
            return "expr"
        }
        return ([table] + columns).joined(separator: "_") + (index.unique ? "_key" : "_idx")
    }

    static func rangeVar(schema: String, name: String) -> RangeVar {
        var range = RangeVar()
        range.schemaname = schema
        range.relname = name
        range.inh = true
        range.relpersistence = "p"
        return range
    }

    static func deparse(_ node: Node, statement: String) throws(ShardRunnerError) -> String {
        do {
            return try SQLDeparser.deparse(node)
        } catch {
            throw ShardRunnerError("cannot rewrite a statement of the script for the shards: \(error.message)\nstatement: \(ShardRunnerError.excerpt(statement))")
        }
    }

    /// Always double-quotes an identifier (a keyword such as `user` needs it too).
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

