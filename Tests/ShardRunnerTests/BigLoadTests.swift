import Foundation
import ShardCatalog
import Testing
@testable import ShardRunner

/// An opt-in measurement: `SHARDRUNNER_BIG_LOAD=<rows> swift test --filter BigLoad` loads three
/// tables of that many rows each (bigint, text and timestamptz distribution columns) and prints
/// the load report.
@Suite struct BigLoadTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SHARDRUNNER_BIG_LOAD"] != nil))
    func bigLoad() async throws {
        let rows = Int(ProcessInfo.processInfo.environment["SHARDRUNNER_BIG_LOAD"] ?? "") ?? 100_000
        let cluster = try await ShardCluster.shared()
        let script = try SchemaLoader.load("""
            CREATE TABLE a (id bigint PRIMARY KEY, name text, amount numeric, at timestamptz);
            CREATE TABLE b (code text, id bigint, payload text);
            CREATE TABLE c (at timestamptz, v double precision);
            SELECT create_distributed_table('a', 'id');
            SELECT create_distributed_table('b', 'code');
            SELECT create_distributed_table('c', 'at');
            INSERT INTO a SELECT g, 'name ' || g, g * 0.01, timestamptz '2020-01-01+00' + g * interval '1 minute' FROM generate_series(1, \(rows)) g;
            INSERT INTO b SELECT md5(g::text), g, repeat('p', g % 50) FROM generate_series(1, \(rows)) g;
            INSERT INTO c SELECT timestamptz '2020-01-01+00' + g * interval '1 second', g / 7.0 FROM generate_series(1, \(rows)) g;
            """)
        let loaded = try await ShardLoader.load(script, into: cluster,
                                                options: .init(referenceDatabase: "big_reference", distributedDatabase: "big_shards"))
        print("big load (\(rows) rows x 3 tables):\n\(loaded.report)")
        #expect(loaded.report.totalRows == 3 * rows)
    }
}
