import Foundation
import ShardCatalog

/// `shardPlacement(for:in:)`: hash a value and find its shard and node, for an int8 and a text
/// distribution column. Values vary between calls so nothing is folded away.
func runCatalogBenchmarks() throws {
    let schema = """
        CREATE TABLE customers (id bigint PRIMARY KEY, name text);
        SELECT create_distributed_table('customers', 'id');
        CREATE TABLE status_stats (status text PRIMARY KEY, n bigint);
        SELECT create_distributed_table('status_stats', 'status');
        """
    let catalog = try SchemaLoader.load(schema).catalog
    guard let customers = catalog.table(named: ["customers"]), let statuses = catalog.table(named: ["status_stats"]) else { return }
    let ints: [PostgresValue] = (0..<1024).map { .int8(Int64($0) &* 2_654_435_761) }
    let texts: [PostgresValue] = (0..<1024).map { .text("customer-\($0 * 7919)") }
    var i = 0
    let int8 = measure("int8") {
        blackHole(catalog.shardPlacement(for: ints[i & 1023], in: customers))
        i &+= 1
    }
    let text = measure("text") {
        blackHole(catalog.shardPlacement(for: texts[i & 1023], in: statuses))
        i &+= 1
    }
    print("catalog: shardPlacement(for:in:) median \(format(int8.medianNanoseconds)) for int8 (p90 \(format(int8.p90))), "
          + "\(format(text.medianNanoseconds)) for text ~15 bytes (p90 \(format(text.p90)))")
}
