import ArgumentParser
import Foundation
import SQLSyntax

struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse SQL and print it back, one statement per line, each followed by ';'.",
        discussion: """
            Reads FILE, or standard input when no file is given. The output parses to the same \
            syntax tree as the input (PostgreSQL 15 grammar). Exits with status 1 and a pointer \
            to the error on a syntax error, and with status 2 on a construct it cannot print.
            """)

    @Argument(help: "A file of SQL statements (standard input when omitted).")
    var file: String?

    func run() throws {
        let input = try readInput(file)
        let sql: String
        let statements: [ParsedStatement]
        do {
            sql = try SQLText.decode(input)
            statements = try SQLParser.parse(sql)
        } catch {
            printError(error.rendered)
            throw ExitCode(1)
        }
        var output = ""
        for statement in statements {
            do {
                output += try SQLDeparser.deparse(statement.node)
                output += ";\n"
            } catch {
                let offset = error.location ?? statement.range.lowerBound
                let report = ParseError(message: error.description, sql: sql, offset: offset, kind: .syntax,
                                        hint: "shardplan cannot print this construct yet; nothing was printed for it")
                print(output, terminator: "")
                printError(report.rendered)
                throw ExitCode(2)
            }
        }
        print(output, terminator: "")
    }
}

func readInput(_ path: String?) throws -> [UInt8] {
    if let path {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        return [UInt8](data)
    }
    return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
