import Foundation
import Testing
import ShardCatalog

struct CatalogJSONTests {
    @Test func roundTripIsExact() throws {
        let catalog = try SchemaLoader.load(CatalogAssignmentTests.exampleSchema + """
            CREATE SCHEMA s;
            CREATE TABLE s.single (k int);
            SELECT create_distributed_table('s.single', NULL);
            CREATE TABLE r (id int PRIMARY KEY);
            CREATE TABLE l (id int REFERENCES r);
            SELECT create_reference_table('r');
            """).catalog
        let json = catalog.jsonString()
        let back = try Catalog(json: json)
        #expect(back == catalog)
        #expect(back.jsonString() == json)
        #expect(json.contains("\"format\" : \"shardplan-catalog\""))
        #expect(json.contains("\"version\" : 1"))
    }

    @Test func versionAndFormatAreChecked() {
        #expect(throws: CatalogError.self) { try Catalog(json: #"{"format": "shardplan-catalog", "version": 2}"#) }
        #expect(throws: CatalogError.self) { try Catalog(json: #"{"format": "other", "version": 1}"#) }
        do {
            _ = try Catalog(json: #"{"format": "shardplan-catalog", "version": 9}"#)
        } catch {
            #expect(error.message == "catalog JSON version 9 is not supported; this shardplan reads version 1")
        }
    }

    @Test func inconsistentCatalogsAreRefused() throws {
        let catalog = try SchemaLoader.load("CREATE TABLE t (k int);\nSELECT create_distributed_table('t', 'k', shard_count => 2);").catalog
        let json = catalog.jsonString()
        // A placement on a group that has no node.
        let badGroup = json.replacingOccurrences(of: "\"groupId\" : 2,\n              \"id\" : 2", with: "\"groupId\" : 7,\n              \"id\" : 2")
        #expect(badGroup != json)
        do {
            _ = try Catalog(json: badGroup)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("node group 7"))
        }
        // A missing field names its path.
        let missing = json.replacingOccurrences(of: "\"shardCount\" : 2,", with: "")
        do {
            _ = try Catalog(json: missing)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("missing field \"shardCount\""))
        }
    }
}
