import Foundation
import Testing
@testable import SQLSyntax

/// PostgreSQL's own regression statements (../shared/corpus/postgres-regress) through
/// parse → deparse → re-parse. Every statement must come back as the same tree (locations ignored)
/// or be refused with a DeparseError; printing must be idempotent.
@Suite struct CorpusRoundTripTests {
    struct Outcome: CustomStringConvertible {
        var total = 0
        var identical = 0
        var unsupported: [String: Int] = [:]
        var mismatches: [String] = []
        var notIdempotent: [String] = []

        var description: String {
            let top = unsupported.sorted { $0.value > $1.value }.prefix(25).map { "  \($0.value)\t\($0.key)" }.joined(separator: "\n")
            return "\(total) statements: \(identical) identical (\(String(format: "%.2f", 100 * Double(identical) / Double(max(total, 1))))%), "
                + "\(unsupported.values.reduce(0, +)) unsupported, \(mismatches.count) mismatched, \(notIdempotent.count) not idempotent\n\(top)"
        }
    }

    static func corpus(_ name: String) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = ProcessInfo.processInfo.environment["SHARDPLAN_REGRESS_CORPUS"].map { URL(fileURLWithPath: $0) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/corpus/postgres-regress")
        let data = try Data(contentsOf: dir.appendingPathComponent(name))
        return try data.split(separator: UInt8(ascii: "\n")).map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any]
            return object["sql"] as! String
        }
    }

    static func roundTrip(_ statements: [String]) -> Outcome {
        var outcome = Outcome()
        let options = ParseOptions(keepLocations: false)
        for sql in statements {
            outcome.total += 1
            guard let tree = try? SQLParser.parseOne(sql, options: options) else {
                outcome.mismatches.append("does not parse alone: \(sql)")
                continue
            }
            let printed: String
            do {
                printed = try SQLDeparser.deparse(tree)
            } catch {
                outcome.unsupported["\(error.nodeType): \(error.message)", default: 0] += 1
                continue
            }
            let again: Node
            do {
                again = try SQLParser.parseOne(printed, options: options)
            } catch {
                outcome.mismatches.append("re-parse failed (\(error.message)):\n  in:  \(sql)\n  out: \(printed)")
                continue
            }
            if again != tree {
                outcome.mismatches.append("different tree:\n  in:  \(sql)\n  out: \(printed)")
                continue
            }
            outcome.identical += 1
            if (try? SQLDeparser.deparse(again)) != printed {
                outcome.notIdempotent.append(printed)
            }
        }
        return outcome
    }

    @Test func dmlStatementsRoundTrip() throws {
        let outcome = Self.roundTrip(try Self.corpus("dml.jsonl"))
        print("dml.jsonl: \(outcome)")
        #expect(outcome.total == 21_689)
        #expect(outcome.mismatches.isEmpty, "\(outcome.mismatches.prefix(30).joined(separator: "\n"))")
        #expect(outcome.notIdempotent.isEmpty, "\(outcome.notIdempotent.prefix(10).joined(separator: "\n"))")
        #expect(Double(outcome.identical) >= 0.99 * Double(outcome.total), "\(outcome)")
    }

    @Test func createTableStatementsRoundTrip() throws {
        let outcome = Self.roundTrip(try Self.corpus("ddl-create-table.jsonl"))
        print("ddl-create-table.jsonl: \(outcome)")
        #expect(outcome.total == 3_530)
        #expect(outcome.mismatches.isEmpty, "\(outcome.mismatches.prefix(30).joined(separator: "\n"))")
        #expect(outcome.notIdempotent.isEmpty, "\(outcome.notIdempotent.prefix(10).joined(separator: "\n"))")
        #expect(Double(outcome.identical) >= 0.95 * Double(outcome.total), "\(outcome)")
    }
}
