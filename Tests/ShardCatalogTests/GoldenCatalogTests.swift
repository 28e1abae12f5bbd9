import Foundation
import Testing
import ShardCatalog

/// The reviewed catalog of the core corpus schema: `Golden/catalog/core.txt`. Regenerate with
/// `SHARDPLAN_UPDATE_GOLDEN=1 swift test --filter GoldenCatalogTests`, then read the diff.
struct GoldenCatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func coreSchemaCatalog() throws {
        let schema = try String(contentsOf: Self.root.appendingPathComponent("Corpus/core/schema.sql"), encoding: .utf8)
        let catalog = try SchemaLoader.load(schema, fileName: "Corpus/core/schema.sql").catalog
        let actual = catalog.textDescription(shards: true)
        let goldenURL = Self.root.appendingPathComponent("Golden/catalog/core.txt")
        if ProcessInfo.processInfo.environment["SHARDPLAN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(actual == expected, "the catalog differs from Golden/catalog/core.txt; review and regenerate")
        // The JSON form carries the same catalog.
        #expect(try Catalog(json: catalog.jsonString()) == catalog)
    }
}
