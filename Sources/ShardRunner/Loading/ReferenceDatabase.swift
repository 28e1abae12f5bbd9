import SQLSyntax
import ShardCatalog

/// Runs a schema script as plain PostgreSQL: the single-node oracle.
///
/// Every statement runs in order in one session, except the Citus calls (role `.citus`) and
/// `CREATE EXTENSION citus`. `COPY ... FROM STDIN` gets its inline rows: through PostgresNIO for
/// the text format, and through `psql` (with the script's settings replayed first) for other
/// options (CSV, delimiters, headers...).
enum ReferenceDatabase {
    /// Runs the script.
    ///
    /// - Parameters:
    ///   - session: a session on the reference database.
    ///   - runWithPSQL: runs a SQL script with `psql` on the same database (for COPY with options
    ///     PostgresNIO cannot send).
    static func run(_ script: SchemaScript, session: NodeSession,
                    runWithPSQL: @Sendable (String) async throws(ShardRunnerError) -> Void) async throws(ShardRunnerError) {
        var settings: [String] = []
        for statement in script.statements where shouldRun(statement) {
            do {
                if case .copyStmt(let copy) = statement.node, copy.isFrom, let data = statement.copyData {
                    if let relation = copy.relation, copy.whereClause == nil, hasTextFormatOnly(copy) {
                        let columns = copy.attlist.compactMap { node -> String? in
                            if case .string(let name) = node { return name.sval }
                            return nil
                        }
                        try await session.copyIn(schema: relation.schemaname.isEmpty ? nil : relation.schemaname,
                                                 table: relation.relname, columns: columns, lines: CopyText.lines(data))
                    } else {
                        let sql = settings.map { $0 + ";\n" }.joined() + statement.text + ";\n" + data + "\\.\n"
                        try await runWithPSQL(sql)
                    }
                    continue
                }
                if statement.role == .setting { settings.append(statement.text) }
                try await session.execute(statement.text)
            } catch {
                throw ShardRunnerError("the reference database rejected statement \(statement.position.index + 1)"
                                       + " (line \(statement.position.line)): \(error.serverMessage ?? error.message)",
                                       serverMessage: error.serverMessage, detail: error.detail, sqlState: error.sqlState,
                                       statement: statement.text)
            }
        }
    }

    /// Whether a statement of the script runs on the single node.
    static func shouldRun(_ statement: SchemaStatement) -> Bool {
        if statement.role == .citus { return false }
        if case .createExtensionStmt(let create) = statement.node, create.extname == "citus" { return false }
        return true
    }

    /// Whether a COPY's options are ones PostgresNIO's COPY sends (none, or `FORMAT text`).
    static func hasTextFormatOnly(_ copy: CopyStmt) -> Bool {
        copy.options.allSatisfy { option in
            guard case .defElem(let element) = option, element.defname == "format" else { return false }
            if case .string(let value)? = element.arg { return value.sval.lowercased() == "text" }
            return false
        }
    }
}
