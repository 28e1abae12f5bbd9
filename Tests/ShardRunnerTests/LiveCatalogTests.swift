import Foundation
import ShardCatalog
import Testing
@testable import ShardRunner

@Suite struct LiveCatalogTests {
    /// A catalog written as Citus metadata tables into a plain database reads back equal in
    /// nodes, tables, columns, keys, distribution, colocation, shard ids, hash ranges and
    /// placements.
    @Test(arguments: ["core", "generated"])
    func catalogRoundTripsThroughCitusMetadata(_ name: String) async throws {
        let cluster = try await ShardCluster.shared()
        let text = name == "core" ? try coreSchemaText() : generatedSchema
        let script = try SchemaLoader.load(text, settings: CatalogSettings(shardCount: name == "core" ? 32 : 8))
        let original = script.catalog
        let database = "live_catalog_\(name)"
        try await ShardCluster.recreateDatabase(database, at: cluster.coordinatorEndpoint())
        let endpoint = cluster.coordinatorEndpoint(database: database)
        try await NodeSession.withSession(to: endpoint) { session in
            if name == "generated" { try await session.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')") }
            try await CitusMetadataWriter.write(script, session: session, metadataSchema: "citus_fixture")
        }
        let read = try await LiveCatalogReader.read(from: endpoint, metadataSchema: "citus_fixture")

        #expect(read.nodes == original.nodes)
        #expect(read.tables.map(\.name) == original.tables.map(\.name))
        for table in original.tables {
            let back = try #require(read.table(table.name))
            #expect(back.distribution == table.distribution, "\(table.name)")
            #expect(back.colocationId == table.colocationId, "\(table.name)")
            #expect(back.shards == table.shards, "\(table.name)")
            #expect(back.columns.map(\.name) == table.columns.map(\.name), "\(table.name)")
            #expect(back.columns.map(\.type) == table.columns.map(\.type), "\(table.name)")
            #expect(back.columns.map(\.isNullable) == table.columns.map(\.isNullable), "\(table.name)")
            if table.partitionOf == nil {
                #expect(back.primaryKey == table.primaryKey, "\(table.name)")
            } else {
                // A partition's inherited key: PostgreSQL names it <partition>_pkey (checked on
                // PostgreSQL 15), while SchemaLoader names it <partition>_<columns>_pkey.
                #expect(back.primaryKey?.columns == table.primaryKey?.columns, "\(table.name)")
                #expect(back.primaryKey.map { $0.name == table.name.name + "_pkey" } ?? true, "\(table.name)")
            }
            #expect(back.uniqueConstraints == table.uniqueConstraints, "\(table.name)")
            #expect(back.partitionOf == table.partitionOf, "\(table.name)")
            #expect(back.partitionKey == table.partitionKey, "\(table.name)")
        }
        #expect(read.colocationGroups == original.colocationGroups)
        #expect(read.schemas == original.schemas)
        #expect(read.sequences.nextShardId == original.sequences.nextShardId)
        #expect(read.sequences.nextPlacementId == original.sequences.nextPlacementId)
        #expect(read.sequences.nextColocationId == original.sequences.nextColocationId)

        // The catalog read back routes values as the original does.
        let customers = try #require(read.table(named: name == "core" ? ["customers"] : ["seven"]))
        for value in ["1", "42", "-7", "1000000"] {
            #expect(try read.shardPlacement(forLiteral: .string(value), in: customers).shardId
                    == original.shardPlacement(forLiteral: .string(value), in: original.table(customers.name)!).shardId)
        }
    }

    /// `partkey` is a Var node; its attribute number names the distribution column.
    @Test func partitionKeyAttributeNumber() {
        #expect(PartitionKey.attributeNumber(in: "{VAR :varno 1 :varattno 3 :vartype 20 :vartypmod -1 :varcollid 0 :varlevelsup 0 :varnosyn 1 :varattnosyn 3 :location -1}") == 3)
        #expect(PartitionKey.attributeNumber(in: PartitionKey.varNode(attributeNumber: 12, typeOID: 25, typmod: -1, collationOID: 100)) == 12)
        #expect(PartitionKey.attributeNumber(in: "{CONST}") == nil)
    }
}
