import Foundation
import Testing
@testable import SQLSyntax

/// The tree reader (PostgreSQL's C structs, at the offsets of Scripts/pg15-layout.tsv) against the
/// JSON reader: both must build the same nodes, locations included, for every statement of
/// PostgreSQL's regression corpus; and the tree reader must cover them without falling back.
///
/// One difference is expected: libpg_query 15-4.0.0's JSON prints an Integer only when it is
/// positive, so a negative one arrives as 0. The JSON reader repairs constants from the SQL text;
/// other Integers (the -1 of an unspecified array bound, `int[]`) stay 0 there, while the tree
/// reader has PostgreSQL's own -1. The comparison counts such trees as the same.
@Suite struct TreeReaderTests {
    struct Comparison: CustomStringConvertible {
        var total = 0
        var same = 0
        var fallbacks: [String] = []
        var differences: [String] = []
        var errorsDiffer: [String] = []

        var description: String {
            "\(total) statements: \(same) identical trees, \(fallbacks.count) fell back to JSON, "
                + "\(differences.count) different, \(errorsDiffer.count) with different errors"
        }
    }

    /// The tree's description with every negative Integer node's value as 0 (what the JSON holds).
    static func withoutNegativeIntegers(_ statements: [ParsedStatement]) -> String {
        String(describing: statements).replacing(/PGInteger\(ival: -\d+\)/, with: "PGInteger(ival: 0)")
    }

    static func compare(_ statements: [String]) -> Comparison {
        var result = Comparison()
        for sql in statements {
            result.total += 1
            let json: Result<[ParsedStatement], ParseError>
            do { json = .success(try SQLParser.parse(sql, reader: .json)) } catch { json = .failure(error) }
            let tree: Result<[ParsedStatement]?, ParseError>
            do { tree = .success(try SQLParser.parseWithTreeReaderOnly(sql)) } catch { tree = .failure(error) }
            switch (json, tree) {
            case (.success(let a), .success(let b?)):
                if a == b || Self.withoutNegativeIntegers(a) == Self.withoutNegativeIntegers(b) {
                    result.same += 1
                } else {
                    result.differences.append(sql)
                }
            case (.success, .success(nil)):
                result.fallbacks.append(sql)
            case (.failure(let a), .failure(let b)):
                if a.message == b.message, a.offset == b.offset { result.same += 1 } else { result.errorsDiffer.append(sql) }
            default:
                result.errorsDiffer.append(sql)
            }
        }
        return result
    }

    @Test(arguments: ["dml.jsonl", "ddl-create-table.jsonl"])
    func treeReaderBuildsTheJSONReadersTrees(_ corpus: String) throws {
        let comparison = Self.compare(try CorpusRoundTripTests.corpus(corpus))
        print("\(corpus): \(comparison)")
        #expect(comparison.total > 1000)
        #expect(comparison.differences.isEmpty, "\(comparison.differences.prefix(20).joined(separator: "\n"))")
        #expect(comparison.errorsDiffer.isEmpty, "\(comparison.errorsDiffer.prefix(20).joined(separator: "\n"))")
        #expect(comparison.fallbacks.isEmpty, "\(comparison.fallbacks.prefix(20).joined(separator: "\n"))")
    }
}
