import Testing
import ShardCatalog

/// Shard ids, hash ranges, placements and colocation as a fresh Citus 13 cluster assigns them
/// (behaviour reference, sections 0, 1 and 2.5).
struct CatalogAssignmentTests {
    /// The reference document's example tables.
    static let exampleSchema = """
        CREATE TABLE customers (id bigint PRIMARY KEY, name text, country text, score int);
        CREATE TABLE orders (id bigint, customer_id bigint, amount numeric, status text,
                             created_at timestamptz, flags int, PRIMARY KEY (customer_id, id));
        CREATE TABLE countries (code text PRIMARY KEY, name text);
        CREATE TABLE events (event_id bigint, device_id int, kind text, payload jsonb);
        CREATE TABLE local_t (k bigint, v text);
        SELECT create_distributed_table('customers', 'id');
        SELECT create_distributed_table('orders', 'customer_id', colocate_with => 'customers');
        SELECT create_reference_table('countries');
        SELECT create_distributed_table('events', 'device_id');

        """

    /// The verification tables, in the order the live database created them after the example
    /// tables (their first shard ids are consecutive from 102105).
    static let verificationTypes = ["smallint", "integer", "bigint", "text", "varchar(20)", "uuid", "date", "timestamp",
                                    "timestamptz", "numeric", "boolean", "double precision", "char(5)"]

    static func tableName(_ type: String, _ shards: Int) -> String {
        let short = type.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "").replacingOccurrences(of: " ", with: "_")
        return "hx.t_\(short)_\(shards)"
    }

    static let verificationCatalog: Catalog = {
        var script = exampleSchema + "CREATE SCHEMA hx;\n"
        for type in verificationTypes {
            for shards in [32, 7] {
                script += "CREATE TABLE \(tableName(type, shards)) (k \(type));\n"
                script += "SELECT create_distributed_table('\(tableName(type, shards))', 'k', shard_count => \(shards));\n"
            }
        }
        return try! SchemaLoader.load(script).catalog
    }()

    @Test func exampleCatalogAsObserved() throws {
        let catalog = try SchemaLoader.load(Self.exampleSchema).catalog
        func check(_ name: String, method: String, colocation: Int32, first: Int64, count: Int) throws {
            let table = try #require(catalog.table(named: [name]))
            #expect(table.distribution.partitionMethod == method)
            #expect(table.colocationId == colocation)
            #expect(table.shards.map(\.id) == Array(first..<(first + Int64(count))))
        }
        try check("customers", method: "h", colocation: 1, first: 102008, count: 32)
        try check("orders", method: "h", colocation: 1, first: 102040, count: 32)
        try check("countries", method: "n", colocation: 2, first: 102072, count: 1)
        try check("events", method: "h", colocation: 3, first: 102073, count: 32)
        #expect(catalog.table(named: ["local_t"])?.isCitusTable == false)
        let group = try #require(catalog.colocationGroup(2))
        #expect(group.shardCount == 1 && group.replicationFactor == -1 && group.distributionColumnType == nil)
    }

    @Test func placementsAlternateAndColocatedTablesFollow() throws {
        let catalog = try SchemaLoader.load(Self.exampleSchema).catalog
        let customers = try #require(catalog.table(named: ["customers"]))
        let orders = try #require(catalog.table(named: ["orders"]))
        let ports = customers.shards.map { catalog.node(inGroup: $0.placements[0].groupId)!.port }
        #expect(ports == (0..<32).map { $0 % 2 == 0 ? 9701 : 9702 })
        #expect(orders.shards.map { $0.placements.map(\.groupId) } == customers.shards.map { $0.placements.map(\.groupId) })
        // Hash ranges: section 1.3.
        #expect(customers.shards[0].hashRange == -2147483648 ... -2013265921)
        #expect(customers.shards[15].hashRange == -134217728 ... -1)
        #expect(customers.shards[16].hashRange == 0...134217727)
        #expect(customers.shards[31].hashRange == 2013265920...2147483647)
        // Reference placements on every node in (host, port) order, coordinator included.
        let countries = try #require(catalog.table(named: ["countries"]))
        #expect(countries.shards[0].placements.map { catalog.node(inGroup: $0.groupId)!.port } == [9700, 9701, 9702])
        #expect(countries.shards[0].hashRange == nil)
    }

    @Test func sevenShardRangesAndPlacements() throws {
        let table = try #require(Self.verificationCatalog.table(named: ["hx", "t_smallint_7"]))
        let expected: [(Int32, Int32, Int)] = [
            (-2147483648, -1533916893, 9701), (-1533916892, -920350137, 9702), (-920350136, -306783381, 9701),
            (-306783380, 306783375, 9702), (306783376, 920350131, 9701), (920350132, 1533916887, 9702),
            (1533916888, 2147483647, 9701),
        ]
        #expect(table.shards.count == 7)
        for (shard, row) in zip(table.shards, expected) {
            #expect(shard.hashRange == row.0...row.1)
            #expect(Self.verificationCatalog.node(inGroup: shard.placements[0].groupId)?.port == row.2)
        }
    }

    @Test(arguments: HashVectorTests.vectors)
    func verificationTableThroughTheCatalog(_ vector: HashVectorTests.Vector) throws {
        let catalog = Self.verificationCatalog
        for (shards, index, shardId) in [(32, vector.index32, vector.shard32), (7, vector.index7, vector.shard7)] {
            let name = Self.tableName(vector.type, shards).split(separator: ".").map(String.init)
            let table = try #require(catalog.table(named: name))
            let location = try catalog.shardPlacement(forLiteral: .string(vector.literal), in: table)
            #expect(location.hash == vector.hash)
            #expect(location.shardIndex == index)
            #expect(location.shardId == Int64(shardId), "\(name.joined(separator: ".")) '\(vector.literal)'")
        }
    }

    @Test func defaultColocationJoinsExistingGroups() throws {
        let catalog = Self.verificationCatalog
        // hx bigint at 32 shards joined customers' group 1, integer joined events' group 3.
        #expect(catalog.table(named: ["hx", "t_bigint_32"])?.colocationId == 1)
        #expect(catalog.table(named: ["hx", "t_integer_32"])?.colocationId == 3)
        // varchar and text are different groups; so are the 7-shard tables.
        #expect(catalog.table(named: ["hx", "t_text_32"])?.colocationId != catalog.table(named: ["hx", "t_varchar20_32"])?.colocationId)
        #expect(catalog.table(named: ["hx", "t_bigint_7"])?.colocationId != 1)
        // A new group restarts round robin at the first worker.
        let bigint7 = try #require(catalog.table(named: ["hx", "t_bigint_7"]))
        #expect(catalog.node(inGroup: bigint7.shards[0].placements[0].groupId)?.port == 9701)
    }

    @Test func colocateWithNoneMakesANewGroup() throws {
        let catalog = try SchemaLoader.load(Self.exampleSchema + """
            CREATE TABLE x_none (k bigint);
            SELECT create_distributed_table('x_none', 'k', colocate_with => 'none');
            CREATE TABLE x_default (k bigint);
            SELECT create_distributed_table('x_default', 'k');
            """).catalog
        #expect(catalog.table(named: ["x_none"])?.colocationId == 4)
        #expect(catalog.table(named: ["x_default"])?.colocationId == 1)
    }

    @Test func localTableReferencingAReferenceTableTakesAShardId() throws {
        // Section 1.2: cuisine_types 102008, restaurants silently 102009, the next reference table
        // 102010, and distributing restaurants later takes a fresh range.
        let catalog = try SchemaLoader.load("""
            CREATE TABLE cuisine_types (id int PRIMARY KEY, name text);
            CREATE TABLE restaurants (id bigint PRIMARY KEY, cuisine int REFERENCES cuisine_types (id));
            SELECT create_reference_table('cuisine_types');
            CREATE TABLE cities (id int PRIMARY KEY);
            SELECT create_reference_table('cities');
            SELECT create_distributed_table('restaurants', 'id');
            """).catalog
        #expect(catalog.table(named: ["cuisine_types"])?.shards.map(\.id) == [102008])
        #expect(catalog.table(named: ["cities"])?.shards.map(\.id) == [102010])
        #expect(catalog.table(named: ["restaurants"])?.shards.first?.id == 102011)
        #expect(catalog.table(named: ["restaurants"])?.shards.count == 32)
    }

    @Test func localTableStaysInMetadataWithItsShardOnTheCoordinator() throws {
        let catalog = try SchemaLoader.load("""
            CREATE TABLE r (id int PRIMARY KEY);
            CREATE TABLE l (id int, r_id int REFERENCES r);
            SELECT create_reference_table('r');
            """).catalog
        let local = try #require(catalog.table(named: ["l"]))
        #expect(local.distribution == .local)
        #expect(local.shards.map(\.id) == [102009])
        #expect(local.shards[0].placements.map(\.groupId) == [0])
    }

    @Test func threeWorkersInHostPortOrder() throws {
        let catalog = try SchemaLoader.load("""
            SELECT citus_set_coordinator_host('10.0.0.1', 5432);
            SELECT citus_add_node('10.0.0.3', 5432);
            SELECT citus_add_node('10.0.0.2', 5433);
            SELECT master_add_node('10.0.0.2', 5432);
            CREATE TABLE t (k int);
            SELECT create_distributed_table('t', 'k', shard_count := 6);
            CREATE TABLE u (k int);
            SELECT create_distributed_table('u', 'k', colocate_with := 't');
            """).catalog
        #expect(catalog.nodes.map(\.address) == ["10.0.0.1:5432", "10.0.0.3:5432", "10.0.0.2:5433", "10.0.0.2:5432"])
        #expect(catalog.nodes.map(\.groupId) == [0, 1, 2, 3])
        let t = try #require(catalog.table(named: ["t"]))
        let addresses = t.shards.map { catalog.node(inGroup: $0.placements[0].groupId)!.address }
        #expect(addresses == ["10.0.0.2:5432", "10.0.0.2:5433", "10.0.0.3:5432", "10.0.0.2:5432", "10.0.0.2:5433", "10.0.0.3:5432"])
        let u = try #require(catalog.table(named: ["u"]))
        #expect(u.shards.map { $0.placements.map(\.groupId) } == t.shards.map { $0.placements.map(\.groupId) })
        #expect(u.shards.first?.id == t.shards.last!.id + 1)
    }

    @Test func replicationFactorTwoPutsReplicasOnTheFollowingNodes() throws {
        let catalog = try SchemaLoader.load("""
            SET citus.shard_replication_factor = 2;
            CREATE TABLE t (k int);
            SELECT create_distributed_table('t', 'k', shard_count := 3);
            """).catalog
        let t = try #require(catalog.table(named: ["t"]))
        #expect(t.shards.map { $0.placements.map(\.groupId) } == [[1, 2], [2, 1], [1, 2]])
        #expect(t.shards.flatMap { $0.placements.map(\.id) } == Array(1...6))
    }

    @Test func singleShardTablesShareAGroupAndANode() throws {
        let catalog = try SchemaLoader.load("""
            CREATE TABLE a (k int);
            CREATE TABLE b (k int);
            SELECT create_distributed_table('a', NULL);
            SELECT create_distributed_table('b', NULL);
            CREATE TABLE c (k int);
            SELECT create_distributed_table('c', NULL, colocate_with => 'none');
            """).catalog
        let a = try #require(catalog.table(named: ["a"]))
        let b = try #require(catalog.table(named: ["b"]))
        let c = try #require(catalog.table(named: ["c"]))
        #expect(a.distribution == .singleShard && a.shards.count == 1 && a.shards[0].hashRange == nil)
        #expect(a.colocationId == 1 && b.colocationId == 1 && c.colocationId == 2)
        // The node of a new single-shard group is the worker at (colocation id % workers).
        #expect(a.shards[0].placements.map(\.groupId) == [2])
        #expect(b.shards[0].placements.map(\.groupId) == [2])
        #expect(c.shards[0].placements.map(\.groupId) == [1])
    }

    @Test func partitionsAreDistributedWithTheirParent() throws {
        let catalog = try SchemaLoader.load("""
            CREATE TABLE m (id bigint, at date, v int) PARTITION BY RANGE (at);
            CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            SELECT create_distributed_table('m', 'id', shard_count => 4);
            CREATE TABLE m_2025 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            """).catalog
        #expect(catalog.table(named: ["m"])?.shards.map(\.id) == [102008, 102009, 102010, 102011])
        #expect(catalog.table(named: ["m_2024"])?.shards.map(\.id) == [102012, 102013, 102014, 102015])
        #expect(catalog.table(named: ["m_2025"])?.shards.map(\.id) == [102016, 102017, 102018, 102019])
        #expect(catalog.table(named: ["m_2025"])?.colocationId == catalog.table(named: ["m"])?.colocationId)
        #expect(catalog.table(named: ["m"])?.partitionKey == "RANGE (at)")
        let keyed = try SchemaLoader.load("""
            CREATE TABLE p (id bigint, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
            CREATE TABLE p_2024 PARTITION OF p FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            """).catalog
        #expect(keyed.table(named: ["p_2024"])?.primaryKey == KeyConstraint(name: "p_2024_pkey", columns: ["id", "at"]))
    }

    @Test func longNamesAreShortenedAsCitusDoes() {
        #expect(Shard.relationName(table: "a_very_long_table_name_that_is_close_to_the_limit_of_63_chars", shardId: 102773)
                == "a_very_long_table_name_that_is_close_to_the_lim_b3b790bd_102773")
        #expect(Shard.relationName(table: "customers", shardId: 102008) == "customers_102008")
    }

    @Test func nextShardIdAndShardCountSettings() throws {
        let catalog = try SchemaLoader.load("""
            SET citus.next_shard_id TO 500000;
            SET citus.shard_count = 4;
            CREATE TABLE t (k text);
            SELECT create_distributed_table('t', 'k');
            RESET citus.shard_count;
            CREATE TABLE u (k text);
            SELECT create_distributed_table('u', 'k');
            """).catalog
        #expect(catalog.table(named: ["t"])?.shards.map(\.id) == [500000, 500001, 500002, 500003])
        #expect(catalog.table(named: ["u"])?.shards.count == 32)
        #expect(catalog.table(named: ["u"])?.colocationId != catalog.table(named: ["t"])?.colocationId)
    }
}
