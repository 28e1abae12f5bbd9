/// Random SELECT statements over a fixed schema, for the random differential test: every shape
/// the planner distinguishes (fast path, router, multi-shard pushdown with each aggregate split,
/// GROUP BY on and off the distribution column, HAVING, DISTINCT and DISTINCT ON, ORDER BY with
/// LIMIT/OFFSET, windows, colocated and reference joins incl. outer ones, subqueries, a
/// parameter for the distribution column) and some the planner must refuse (non-colocated
/// joins). The statements are written so that a single node's answer is determined: ordered
/// aggregates order by the aggregated value, numbered rows order by a unique key.
struct RandomQueries {
    static let schema = """
        SET citus.shard_count = 6;
        CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL, zone int);
        CREATE TABLE accounts (id bigint PRIMARY KEY, region text, tier int, balance numeric(12,2), active boolean,
                               opened date, note text);
        CREATE TABLE orders (account_id bigint NOT NULL, order_id bigint NOT NULL, amount numeric(10,2), qty int,
                             status text, placed date, rush boolean, PRIMARY KEY (account_id, order_id));
        CREATE TABLE shipments (shipment_id bigint PRIMARY KEY, account_id bigint, order_id bigint, carrier text, weight int);
        SELECT create_reference_table('regions');
        SELECT create_distributed_table('accounts', 'id');
        SELECT create_distributed_table('orders', 'account_id', colocate_with => 'accounts');
        SELECT create_distributed_table('shipments', 'shipment_id', colocate_with => 'none');
        INSERT INTO regions VALUES ('NA', 'North America', 1), ('EU', 'Europe', 2), ('APAC', 'Asia Pacific', 3),
                                   ('LATAM', 'Latin America', NULL), ('MEA', 'Middle East & Africa', 2);
        INSERT INTO accounts
        SELECT i,
               CASE WHEN i % 17 = 0 THEN NULL ELSE (ARRAY['NA', 'EU', 'APAC', 'LATAM', 'XX'])[1 + i % 5] END,
               CASE WHEN i % 23 = 0 THEN NULL ELSE i % 5 END,
               CASE WHEN i % 19 = 0 THEN NULL ELSE round((i * 37 % 1000) * 1.25 - 200, 2) END,
               CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 <> 0 END,
               date '2023-01-01' + (i * 7) % 500,
               CASE WHEN i % 4 = 0 THEN NULL ELSE (ARRAY['alpha', 'beta', 'gamma', 'Delta', 'o''brien'])[1 + i % 5] || ' ' || i END
        FROM generate_series(1, 300) i;
        INSERT INTO orders
        SELECT 1 + (i * 7) % 290, i,
               CASE WHEN i % 29 = 0 THEN NULL ELSE round((i * 13 % 500) * 0.75, 2) END,
               CASE WHEN i % 31 = 0 THEN NULL ELSE 1 + i % 9 END,
               (ARRAY['new', 'paid', 'shipped', 'cancelled', 'paid'])[1 + i % 5],
               date '2024-01-01' + (i * 3) % 400,
               CASE WHEN i % 13 = 0 THEN NULL ELSE i % 4 = 0 END
        FROM generate_series(1, 3000) i;
        INSERT INTO shipments
        SELECT i, 1 + (i * 11) % 300, i * 2, (ARRAY['ups', 'dhl', 'fedex'])[1 + i % 3], i % 50
        FROM generate_series(1, 1000) i;
        """

    enum Kind { case integer, numeric, text, boolean, date }

    struct Column {
        let name: String
        let kind: Kind
    }

    struct Table {
        let name: String
        let alias: String
        let distribution: String?
        /// A column unique within the table (ordering by it numbers rows deterministically).
        let key: String
        let columns: [Column]
    }

    static let regions = Table(name: "regions", alias: "r", distribution: nil, key: "code", columns: [
        Column(name: "code", kind: .text), Column(name: "name", kind: .text), Column(name: "zone", kind: .integer),
    ])
    static let accounts = Table(name: "accounts", alias: "a", distribution: "id", key: "id", columns: [
        Column(name: "id", kind: .integer), Column(name: "region", kind: .text), Column(name: "tier", kind: .integer),
        Column(name: "balance", kind: .numeric), Column(name: "active", kind: .boolean), Column(name: "opened", kind: .date),
        Column(name: "note", kind: .text),
    ])
    static let orders = Table(name: "orders", alias: "o", distribution: "account_id", key: "order_id", columns: [
        Column(name: "account_id", kind: .integer), Column(name: "order_id", kind: .integer), Column(name: "amount", kind: .numeric),
        Column(name: "qty", kind: .integer), Column(name: "status", kind: .text), Column(name: "placed", kind: .date),
        Column(name: "rush", kind: .boolean),
    ])
    static let shipments = Table(name: "shipments", alias: "s", distribution: "shipment_id", key: "shipment_id", columns: [
        Column(name: "shipment_id", kind: .integer), Column(name: "account_id", kind: .integer), Column(name: "order_id", kind: .integer),
        Column(name: "carrier", kind: .text), Column(name: "weight", kind: .integer),
    ])

    /// A statement and the values of its parameters.
    struct Statement {
        var sql: String
        var parameters: [String?] = []
    }

    /// SplitMix64: the same statements for the same seed on every machine.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            let z = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            let y = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return y ^ (y >> 31)
        }
    }

    var random: Seeded

    init(seed: UInt64) { random = Seeded(state: seed) }

    // MARK: Choices

    mutating func chance(_ percent: Int) -> Bool { Int(random.next() % 100) < percent }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A constant of the column's kind, mostly inside the data's range.
    mutating func constant(_ column: Column) -> String {
        switch (column.name, column.kind) {
        case ("id", _), ("account_id", _): return String(int(1...310))
        case ("order_id", _): return String(int(1...3050))
        case ("shipment_id", _): return String(int(1...1000))
        case ("tier", _): return String(int(0...4))
        case ("qty", _): return String(int(1...9))
        case ("zone", _): return String(int(1...3))
        case ("weight", _): return String(int(0...49))
        case ("region", _), ("code", _): return "'" + pick(["NA", "EU", "APAC", "LATAM", "XX", "MEA"]) + "'"
        case ("status", _): return "'" + pick(["new", "paid", "shipped", "cancelled", "lost"]) + "'"
        case ("carrier", _): return "'" + pick(["ups", "dhl", "fedex"]) + "'"
        case (_, .integer): return String(int(0...100))
        case (_, .numeric): return pick(["0", "100.50", "250", "-20.25", "375.5"])
        case (_, .text): return "'" + pick(["alpha", "beta 10", "gamma", "Delta", "o''brien 4"]) + "'"
        case (_, .boolean): return pick(["true", "false"])
        case (_, .date): return "date '" + pick(["2023-03-01", "2023-09-15", "2024-02-10", "2024-06-30", "2024-12-01"]) + "'"
        }
    }

    func column(_ table: Table, _ name: String) -> Column { table.columns.first { $0.name == name }! }

    mutating func anyColumn(_ table: Table, kinds: [Kind]? = nil) -> Column {
        let columns = table.columns.filter { kinds?.contains($0.kind) ?? true }
        return pick(columns)
    }

    func ref(_ table: Table, _ column: Column, qualified: Bool) -> String {
        qualified ? "\(table.alias).\(column.name)" : column.name
    }

    // MARK: Conditions

    /// A condition on the distribution column that prunes (or not) in one of the ways the
    /// pruning pass reads.
    mutating func distributionCondition(_ table: Table, qualified: Bool) -> String {
        let column = column(table, table.distribution!)
        let name = ref(table, column, qualified: qualified)
        switch int(0...6) {
        case 0, 1: return "\(name) = \(constant(column))"
        case 2: return "\(name) IN (\(constant(column)), \(constant(column)), \(constant(column)))"
        case 3: return "\(name) = ANY (ARRAY[\(constant(column)), \(constant(column))])"
        case 4: return "(\(name) = \(constant(column)) OR \(name) = \(constant(column)))"
        case 5: return "\(name) = \(constant(column)) AND \(name) = \(constant(column))"
        default: return "\(name) = \(constant(column))::bigint"
        }
    }

    mutating func simpleCondition(_ table: Table, qualified: Bool) -> String {
        let column = anyColumn(table)
        let name = ref(table, column, qualified: qualified)
        switch column.kind {
        case .boolean:
            return pick([name, "NOT \(name)", "\(name) IS NULL", "\(name) IS NOT TRUE"])
        case .text:
            switch int(0...4) {
            case 0: return "\(name) = \(constant(column))"
            case 1: return "\(name) LIKE '\(pick(["a", "b", "g", "D", "N", "E"]))%'"
            case 2: return "\(name) IS NULL"
            case 3: return "\(name) IN (\(constant(column)), \(constant(column)))"
            default: return "\(name) > \(constant(column))"
            }
        default:
            switch int(0...4) {
            case 0: return "\(name) > \(constant(column))"
            case 1: return "\(name) <= \(constant(column))"
            case 2: return "\(name) BETWEEN \(constant(column)) AND \(constant(column))"
            case 3: return "\(name) IS NOT NULL"
            default: return "\(name) <> \(constant(column))"
            }
        }
    }

    mutating func condition(_ table: Table, qualified: Bool) -> String {
        var parts: [String] = []
        if table.distribution != nil && chance(40) { parts.append(distributionCondition(table, qualified: qualified)) }
        for _ in 0..<int(0...2) { parts.append(simpleCondition(table, qualified: qualified)) }
        if parts.count >= 2 && chance(25) {
            let last = parts.removeLast()
            parts[parts.count - 1] = "(\(parts[parts.count - 1]) OR \(last))"
        }
        return parts.joined(separator: " AND ")
    }

    // MARK: Expressions

    mutating func scalar(_ table: Table, qualified: Bool) -> (sql: String, kind: Kind) {
        let column = anyColumn(table)
        let name = ref(table, column, qualified: qualified)
        guard chance(35) else { return (name, column.kind) }
        switch column.kind {
        case .integer: return (pick(["\(name) + 1", "\(name) % 3", "coalesce(\(name), -1)", "abs(\(name) - 50)"]), .integer)
        case .numeric: return (pick(["round(\(name))", "\(name) * 2", "coalesce(\(name), 0)"]), .numeric)
        case .text: return (pick(["lower(\(name))", "length(\(name))", "coalesce(\(name), '-')", "left(\(name), 2)"]), .text)
        case .boolean: return ("CASE WHEN \(name) THEN 'y' ELSE 'n' END", .text)
        case .date: return (pick(["extract(month FROM \(name))", "\(name) + 1", "date_trunc('month', \(name))"]), .numeric)
        }
    }

    mutating func aggregate(_ table: Table, qualified: Bool) -> String {
        let numbers = table.columns.filter { $0.kind == .integer || $0.kind == .numeric }
        let texts = table.columns.filter { $0.kind == .text }
        let booleans = table.columns.filter { $0.kind == .boolean }
        var call: String
        switch int(0...17) {
        case 0: call = "count(*)"
        case 1: call = "count(\(ref(table, anyColumn(table), qualified: qualified)))"
        case 2, 3: call = "count(DISTINCT \(ref(table, anyColumn(table), qualified: qualified)))"
        case 4: call = "sum(\(ref(table, pick(numbers), qualified: qualified)))"
        case 5: call = "avg(\(ref(table, pick(numbers), qualified: qualified)))"
        case 6: call = "min(\(ref(table, anyColumn(table, kinds: [.integer, .numeric, .text, .date]), qualified: qualified)))"
        case 7: call = "max(\(ref(table, anyColumn(table, kinds: [.integer, .numeric, .text, .date]), qualified: qualified)))"
        case 8:
            if let column = booleans.first {
                call = pick(["bool_and", "bool_or", "every"]) + "(\(ref(table, column, qualified: qualified)))"
            } else { call = "count(*)" }
        case 9:
            if !texts.isEmpty {
                let name = ref(table, pick(texts), qualified: qualified)
                call = "string_agg(\(name), ',' ORDER BY \(name))"
            } else { call = "count(*)" }
        case 10:
            let name = ref(table, pick(numbers), qualified: qualified)
            call = "array_agg(\(name) ORDER BY \(name))"
        case 11: call = "sum(\(ref(table, pick(numbers), qualified: qualified)) * 2)"
        case 12: call = pick(["stddev", "variance", "stddev_pop", "var_samp"]) + "(\(ref(table, pick(numbers), qualified: qualified)))"
        case 13: call = "count(*) FILTER (WHERE \(simpleCondition(table, qualified: qualified)))"
        case 14: call = "sum(\(ref(table, pick(numbers), qualified: qualified))) FILTER (WHERE \(simpleCondition(table, qualified: qualified)))"
        default: call = "bit_or(\(ref(table, numbers.first { $0.kind == .integer }!, qualified: qualified))::int)"
        }
        return call
    }

    // MARK: Statements

    mutating func next() -> Statement {
        switch int(0...99) {
        case 0..<10: return rows(pick([Self.accounts, Self.orders]))
        case 10..<26: return grouped(pick([Self.accounts, Self.orders]))
        case 26..<36: return mixed()
        case 36..<42: return fastPath()
        case 42..<48: return distinct(pick([Self.accounts, Self.orders]))
        case 48..<62: return colocatedJoin()
        case 62..<70: return referenceJoin()
        case 70..<82: return subquery()
        case 82..<90: return window()
        case 90..<95: return modification()
        case 95..<97:
            let condition = condition(Self.regions, qualified: false)
            return Statement(sql: "SELECT code, name, zone FROM regions" + whereClause(condition) + " ORDER BY code")
        default: return nonColocatedJoin()
        }
    }

    /// ORDER BY over output positions (all of them, or a prefix) and perhaps LIMIT/OFFSET.
    mutating func orderAndLimit(outputs: Int) -> String {
        var out = ""
        if chance(70) {
            let count = chance(60) ? outputs : int(1...outputs)
            out += " ORDER BY " + (1...count).map { "\($0)" + (chance(20) ? " DESC" : "") + (chance(10) ? " NULLS FIRST" : "") }.joined(separator: ", ")
            if chance(50) { out += " LIMIT \(int(1...15))" }
            if chance(15) { out += " OFFSET \(int(0...5))" }
        }
        return out
    }

    mutating func rows(_ table: Table) -> Statement {
        var items: [String] = []
        for _ in 0..<int(1...4) { items.append(scalar(table, qualified: false).sql) }
        var sql = "SELECT " + items.enumerated().map { "\($1) AS c\($0 + 1)" }.joined(separator: ", ") + " FROM \(table.name)"
        let condition = condition(table, qualified: false)
        sql += whereClause(condition)
        sql += orderAndLimit(outputs: items.count)
        return Statement(sql: sql)
    }

    mutating func grouped(_ table: Table) -> Statement {
        var keys: [String] = []
        if chance(35) { keys.append(table.distribution!) }
        for _ in 0..<int(0...2) {
            let key = scalar(table, qualified: false).sql
            if !keys.contains(key) { keys.append(key) }
        }
        var aggregates: [String] = []
        for _ in 0..<int(1...3) { aggregates.append(aggregate(table, qualified: false)) }
        let items = keys + aggregates
        var sql = "SELECT " + items.enumerated().map { "\($1) AS c\($0 + 1)" }.joined(separator: ", ") + " FROM \(table.name)"
        let condition = condition(table, qualified: false)
        sql += whereClause(condition)
        if !keys.isEmpty { sql += " GROUP BY " + keys.joined(separator: ", ") }
        if !keys.isEmpty && chance(30) { sql += " HAVING " + pick(["count(*) > \(int(1...12))", "\(aggregates[0]) IS NOT NULL", "min(\(table.key)) < \(int(50...2000))"]) }
        sql += orderAndLimit(outputs: items.count)
        return Statement(sql: sql)
    }

    mutating func fastPath() -> Statement {
        let table = pick([Self.accounts, Self.orders])
        let items = (0..<int(1...3)).map { _ in anyColumn(table).name }
        let column = column(table, table.distribution!)
        if chance(40) {
            return Statement(sql: "SELECT \(items.joined(separator: ", ")) FROM \(table.name) WHERE \(column.name) = $1",
                             parameters: [constant(column)])
        }
        var sql = "SELECT \(items.joined(separator: ", ")) FROM \(table.name) WHERE \(column.name) = \(constant(column))"
        if chance(40) { sql += " AND " + simpleCondition(table, qualified: false) }
        return Statement(sql: sql)
    }

    mutating func distinct(_ table: Table) -> Statement {
        if chance(50) {
            let items = (0..<int(1...2)).map { _ in scalar(table, qualified: false).sql }
            return Statement(sql: "SELECT DISTINCT " + items.enumerated().map { "\($1) AS c\($0 + 1)" }.joined(separator: ", ")
                             + " FROM \(table.name)" + orderAndLimit(outputs: items.count))
        }
        let on = anyColumn(table, kinds: [.integer, .text, .boolean]).name
        // DISTINCT ON keeps the first row of each group in ORDER BY order: the key decides it.
        var sql = "SELECT DISTINCT ON (\(on)) \(on), \(table.key), \(anyColumn(table).name) FROM \(table.name)"
        let condition = condition(table, qualified: false)
        sql += whereClause(condition)
        sql += " ORDER BY \(on), \(table.key)" + (chance(30) ? " DESC" : "")
        if chance(40) { sql += " LIMIT \(int(1...10))" }
        return Statement(sql: sql)
    }

    mutating func colocatedJoin() -> Statement {
        let a = Self.accounts, o = Self.orders
        let join = pick(["JOIN", "JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"])
        var on = "o.account_id = a.id"
        if chance(20) { on += " AND " + simpleCondition(o, qualified: true) }
        var sql: String
        var outputs: Int
        if chance(55) {
            let key = pick(["a.id", "a.region", "a.tier", "o.status", "o.account_id", "a.active"])
            let aggregates = (0..<int(1...2)).map { _ in aggregate(pick([a, o]), qualified: true) }
            sql = "SELECT \(key) AS k, " + aggregates.enumerated().map { "\($1) AS c\($0 + 1)" }.joined(separator: ", ")
                + " FROM accounts a \(join) orders o ON \(on)"
            let condition = chance(50) ? condition(a, qualified: true) : condition(o, qualified: true)
            sql += whereClause(condition)
            sql += " GROUP BY \(key)"
            outputs = 1 + aggregates.count
        } else {
            let items = [scalar(a, qualified: true).sql, scalar(o, qualified: true).sql] + (chance(50) ? ["o.order_id"] : [])
            sql = "SELECT " + items.enumerated().map { "\($1) AS c\($0 + 1)" }.joined(separator: ", ") + " FROM accounts a \(join) orders o ON \(on)"
            let condition = chance(50) ? condition(a, qualified: true) : condition(o, qualified: true)
            sql += whereClause(condition)
            outputs = items.count
        }
        sql += orderAndLimit(outputs: outputs)
        return Statement(sql: sql)
    }

    mutating func referenceJoin() -> Statement {
        let distributed = pick([Self.accounts, Self.orders])
        let join = pick(["JOIN", "JOIN", "LEFT JOIN", "RIGHT JOIN"])
        let on: String
        if distributed.name == "accounts" {
            on = "r.code = a.region"
        } else {
            on = "r.zone = o.qty"
        }
        let table = distributed.name + " " + distributed.alias
        var sql: String
        var outputs: Int
        if chance(50) {
            let aggregates = (0..<int(1...2)).map { _ in aggregate(distributed, qualified: true) }
            sql = "SELECT r.name AS k, " + aggregates.enumerated().map { "\($1) AS c\($0 + 1)" }.joined(separator: ", ")
                + " FROM \(table) \(join) regions r ON \(on)"
            let condition = condition(distributed, qualified: true)
            sql += whereClause(condition)
            sql += " GROUP BY r.name"
            outputs = 1 + aggregates.count
        } else {
            let items = ["r.code", "r.zone", scalar(distributed, qualified: true).sql]
            sql = "SELECT " + items.enumerated().map { "\($1) AS c\($0 + 1)" }.joined(separator: ", ") + " FROM \(table) \(join) regions r ON \(on)"
            let condition = condition(distributed, qualified: true)
            sql += whereClause(condition)
            outputs = items.count
        }
        sql += orderAndLimit(outputs: outputs)
        return Statement(sql: sql)
    }

    func and(_ condition: String) -> String { condition.isEmpty ? "" : " AND " + condition }
    func whereClause(_ condition: String) -> String { condition.isEmpty ? "" : " WHERE " + condition }

    mutating func subquery() -> Statement {
        let a = Self.accounts, o = Self.orders
        switch int(0...5) {
        case 0:
            return Statement(sql: "SELECT a.id, a.tier FROM accounts a WHERE a.id IN (SELECT o.account_id FROM orders o WHERE \(simpleCondition(o, qualified: true)))"
                             + and(chance(40) ? condition(a, qualified: true) : "") + orderAndLimit(outputs: 2))
        case 1:
            return Statement(sql: "SELECT a.id, a.region FROM accounts a WHERE \(chance(30) ? "NOT " : "")EXISTS (SELECT 1 FROM orders o WHERE o.account_id = a.id AND \(simpleCondition(o, qualified: true)))"
                             + orderAndLimit(outputs: 2))
        case 2:
            return Statement(sql: "SELECT a.id, (SELECT count(*) FROM orders o WHERE o.account_id = a.id AND \(simpleCondition(o, qualified: true))) AS n FROM accounts a"
                             + whereClause(chance(50) ? condition(a, qualified: true) : "") + orderAndLimit(outputs: 2))
        case 3:
            return Statement(sql: "SELECT a.region, sum(t.total) AS total, count(*) AS n FROM (SELECT account_id, sum(amount) AS total FROM orders GROUP BY account_id) t JOIN accounts a ON a.id = t.account_id GROUP BY a.region"
                             + orderAndLimit(outputs: 3))
        case 4:
            // Not pushable: the subquery's aggregate is not grouped by the distribution column.
            return Statement(sql: "SELECT a.id FROM accounts a WHERE a.balance > (SELECT avg(balance) FROM accounts)" + orderAndLimit(outputs: 1))
        default:
            return Statement(sql: "SELECT t.account_id, t.n FROM (SELECT account_id, count(*) AS n FROM orders WHERE \(simpleCondition(o, qualified: false)) GROUP BY account_id) t WHERE t.n > \(int(0...12))"
                             + orderAndLimit(outputs: 2))
        }
    }

    mutating func window() -> Statement {
        let table = pick([Self.accounts, Self.orders])
        let distribution = table.distribution!
        let partition = chance(55) ? distribution : anyColumn(table, kinds: [.text, .integer, .boolean]).name
        let number = table.columns.first { $0.kind == .numeric }!.name
        let function = pick([
            "row_number() OVER (PARTITION BY \(partition) ORDER BY \(table.key))",
            "rank() OVER (PARTITION BY \(partition) ORDER BY \(number))",
            "sum(\(number)) OVER (PARTITION BY \(partition))",
            "count(*) OVER (PARTITION BY \(partition))",
            "max(\(number)) OVER (PARTITION BY \(partition) ORDER BY \(table.key))",
        ])
        var sql = "SELECT \(table.key), \(partition), \(function) AS w FROM \(table.name)"
        let condition = condition(table, qualified: false)
        sql += whereClause(condition)
        sql += orderAndLimit(outputs: 3)
        return Statement(sql: sql)
    }

    /// INSERT (one row or several, perhaps RETURNING), UPDATE and DELETE, routed or on every
    /// shard; the verifier rolls them back on both sides after comparing.
    mutating func modification() -> Statement {
        let a = Self.accounts
        switch int(0...6) {
        case 5:
            // Subqueries in UPDATE and DELETE: pushed down when colocated, else refused.
            let accountCondition = simpleCondition(a, qualified: true)
            return Statement(sql: pick([
                "DELETE FROM orders o WHERE \(chance(30) ? "NOT " : "")EXISTS (SELECT 1 FROM accounts a WHERE a.id = o.account_id AND \(accountCondition))",
                "DELETE FROM orders WHERE account_id IN (SELECT id FROM accounts a WHERE \(accountCondition))" + (chance(40) ? " AND " + distributionCondition(Self.orders, qualified: false) : ""),
                "UPDATE accounts a SET tier = (SELECT count(*) FROM orders o WHERE o.account_id = a.id)" + (chance(50) ? " WHERE " + distributionCondition(a, qualified: true) : "") + (chance(40) ? " RETURNING a.id, a.tier" : ""),
                "UPDATE orders o SET qty = coalesce(qty, 0) + 1 WHERE o.account_id IN (SELECT a.id FROM accounts a WHERE \(accountCondition))",
                "DELETE FROM orders WHERE qty IN (SELECT tier FROM accounts)",
            ]))
        case 6:
            return Statement(sql: "UPDATE accounts a SET balance = (SELECT sum(o.amount) FROM orders o WHERE o.account_id = a.id AND o.status = \(constant(column(Self.orders, "status")))) WHERE \(simpleCondition(a, qualified: true))")
        case 0:
            let rows = (0..<int(1...4)).map { _ in "(\(int(400...999)), \(constant(column(a, "region"))), \(int(0...4)), \(constant(column(a, "balance"))), \(constant(column(a, "active"))), \(constant(column(a, "opened"))), NULL)" }
            return Statement(sql: "INSERT INTO accounts VALUES " + rows.joined(separator: ", ") + (chance(50) ? " RETURNING id, tier" : ""))
        case 1:
            return Statement(sql: "UPDATE accounts SET tier = coalesce(tier, 0) + 1, note = 'touched' WHERE \(distributionCondition(a, qualified: false))"
                             + (chance(40) ? " RETURNING id, tier" : ""))
        case 2:
            let condition = condition(Self.orders, qualified: false)
            return Statement(sql: "UPDATE orders SET qty = qty * 2 WHERE " + (condition.isEmpty ? "rush" : condition))
        case 3:
            return Statement(sql: "DELETE FROM orders WHERE \(distributionCondition(Self.orders, qualified: false))" + (chance(50) ? " RETURNING order_id" : ""))
        default:
            return Statement(sql: "DELETE FROM orders o USING accounts a WHERE o.account_id = a.id AND \(simpleCondition(a, qualified: true))")
        }
    }

    /// Shapes off the main paths: expressions over aggregates, DISTINCT and CASE inside
    /// aggregates, ORDER BY an aggregate or a column not selected, JSON aggregates, CTEs, set
    /// operations, frames and offsets in windows, ON CONFLICT, parameters outside the
    /// distribution column.
    mutating func mixed() -> Statement {
        let table = pick([Self.accounts, Self.orders])
        let numbers = table.columns.filter { $0.kind == .integer || $0.kind == .numeric }
        let number = pick(numbers).name
        let distribution = table.distribution!
        let groupKey = chance(40) ? distribution : anyColumn(table, kinds: [.integer, .text, .boolean]).name
        switch int(0...17) {
        case 0:
            // Arithmetic over aggregates and casts of them.
            let expression = pick(["sum(\(number)) / nullif(count(*), 0)", "max(\(number)) - min(\(number))", "count(*) + 1",
                                   "round(avg(\(number)), 2)", "avg(\(number))::int", "coalesce(sum(\(number)), 0) * 2",
                                   "count(\(number))::numeric / count(*)", "sum(\(number)) FILTER (WHERE \(number) > 3) + count(*)"])
            return Statement(sql: "SELECT \(groupKey) AS k, \(expression) AS v FROM \(table.name)"
                             + whereClause(condition(table, qualified: false)) + " GROUP BY \(groupKey)" + orderAndLimit(outputs: 2))
        case 1:
            // DISTINCT inside aggregates other than count.
            let call = pick(["sum(DISTINCT \(number))", "avg(DISTINCT \(number))", "array_agg(DISTINCT \(number) ORDER BY \(number))",
                             "count(DISTINCT \(number)) FILTER (WHERE \(number) > 2)", "min(DISTINCT \(number))"])
            let grouped = chance(60)
            return Statement(sql: "SELECT " + (grouped ? "\(groupKey) AS k, " : "") + "\(call) AS v FROM \(table.name)"
                             + whereClause(condition(table, qualified: false)) + (grouped ? " GROUP BY \(groupKey)" + orderAndLimit(outputs: 2) : ""))
        case 2:
            // CASE inside an aggregate.
            let test = simpleCondition(table, qualified: false)
            let call = pick(["sum(CASE WHEN \(test) THEN \(number) ELSE 0 END)", "count(CASE WHEN \(test) THEN 1 END)",
                             "max(CASE WHEN \(test) THEN \(number) END)", "bool_or(\(test))"])
            return Statement(sql: "SELECT \(groupKey) AS k, \(call) AS v, count(*) AS n FROM \(table.name) GROUP BY \(groupKey)" + orderAndLimit(outputs: 3))
        case 3:
            // ORDER BY an aggregate that is not selected, with a tie-breaker on the key.
            let by = pick(["count(*)", "sum(\(number))", "max(\(number))", "avg(\(number))", "count(DISTINCT \(number))"])
            return Statement(sql: "SELECT \(groupKey) AS k FROM \(table.name)" + whereClause(condition(table, qualified: false))
                             + " GROUP BY \(groupKey) ORDER BY \(by)\(chance(50) ? " DESC" : "") NULLS LAST, 1 LIMIT \(int(1...8))")
        case 4:
            // ORDER BY a column that is not selected; the unique key breaks ties.
            let other = anyColumn(table, kinds: [.integer, .numeric, .date, .text]).name
            return Statement(sql: "SELECT \(table.key) FROM \(table.name)" + whereClause(condition(table, qualified: false))
                             + " ORDER BY \(other)\(chance(50) ? " DESC" : "") NULLS FIRST, \(table.key) LIMIT \(int(1...12))" + (chance(30) ? " OFFSET \(int(1...4))" : ""))
        case 5:
            // JSON aggregates, ordered so that the text is determined.
            let text = table.columns.first { $0.kind == .text }!.name
            let call = pick(["jsonb_agg(\(number) ORDER BY \(number), \(table.key))", "json_agg(\(table.key) ORDER BY \(table.key))",
                             "jsonb_object_agg(\(table.key), \(number))", "count(*) FILTER (WHERE \(text) IS NULL)"])
            return Statement(sql: "SELECT \(groupKey) AS k, \(call) AS v FROM \(table.name) WHERE \(distribution) < \(int(20...80)) GROUP BY \(groupKey)" + orderAndLimit(outputs: 1))
        case 6:
            // A CTE, referenced once.
            return Statement(sql: "WITH t AS (SELECT \(distribution), \(number) FROM \(table.name)" + whereClause(condition(table, qualified: false))
                             + ") SELECT \(distribution), \(number) FROM t" + (chance(50) ? " WHERE \(distribution) = \(constant(column(table, distribution)))" : "")
                             + " ORDER BY 1, 2 NULLS FIRST" + (chance(40) ? " LIMIT \(int(1...10))" : ""))
        case 7:
            // Set operations: within one shard, or across shards.
            let first = constant(column(table, distribution)), second = chance(50) ? first : constant(column(table, distribution))
            let operation = pick(["UNION", "UNION ALL", "INTERSECT", "EXCEPT"])
            return Statement(sql: "SELECT \(distribution), \(number) FROM \(table.name) WHERE \(distribution) = \(first) \(operation) "
                             + "SELECT \(distribution), \(number) FROM \(table.name) WHERE \(distribution) = \(second) ORDER BY 1, 2 NULLS FIRST")
        case 8:
            // Windows with frames, offsets and several windows.
            let partition = chance(60) ? distribution : groupKey
            let function = pick(["sum(\(number)) OVER (PARTITION BY \(partition) ORDER BY \(table.key) ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
                                 "lag(\(number)) OVER (PARTITION BY \(partition) ORDER BY \(table.key))",
                                 "first_value(\(table.key)) OVER (PARTITION BY \(partition) ORDER BY \(table.key) DESC)",
                                 "dense_rank() OVER (PARTITION BY \(partition) ORDER BY \(number) NULLS FIRST)",
                                 "ntile(2) OVER (PARTITION BY \(partition) ORDER BY \(table.key))",
                                 "count(*) OVER (PARTITION BY \(partition)) - row_number() OVER (PARTITION BY \(partition) ORDER BY \(table.key))"])
            return Statement(sql: "SELECT \(table.key), \(function) AS w FROM \(table.name)" + whereClause(condition(table, qualified: false))
                             + " ORDER BY 1" + (chance(40) ? " LIMIT \(int(1...20))" : ""))
        case 9:
            // A window over a grouped result.
            return Statement(sql: "SELECT \(groupKey) AS k, count(*) AS n, rank() OVER (ORDER BY count(*) DESC, \(groupKey)) AS r FROM \(table.name) GROUP BY \(groupKey) ORDER BY 3, 1")
        case 10:
            // INSERT ... ON CONFLICT, routed per row.
            let id = chance(50) ? int(1...300) : int(400...999)
            let action = pick(["DO NOTHING", "DO UPDATE SET tier = excluded.tier + 10", "(id) DO UPDATE SET balance = accounts.balance + 1 WHERE accounts.tier IS NOT NULL"])
            let target = action.hasPrefix("(") ? "" : "(id) "
            return Statement(sql: "INSERT INTO accounts (id, region, tier) VALUES (\(id), \(constant(column(Self.accounts, "region"))), \(int(0...4))) ON CONFLICT \(target)\(action)"
                             + (chance(50) ? " RETURNING id, tier, balance" : ""))
        case 11:
            // Parameters on other columns and in LIMIT.
            let other = anyColumn(table, kinds: [.integer, .numeric])
            return Statement(sql: "SELECT \(table.key), \(other.name) FROM \(table.name) WHERE \(other.name) > $1 ORDER BY \(table.key) LIMIT $2",
                             parameters: [constant(other), String(int(1...10))])
        case 12:
            // UPDATE joined to a reference table; UPDATE to a default.
            if chance(50) {
                return Statement(sql: "UPDATE accounts a SET tier = r.zone FROM regions r WHERE r.code = a.region AND \(distributionCondition(Self.accounts, qualified: true))")
            }
            return Statement(sql: "UPDATE orders SET rush = DEFAULT WHERE \(condition(Self.orders, qualified: false).isEmpty ? "qty > 5" : condition(Self.orders, qualified: false))")
        case 14:
            // A table joined with itself on the distribution column.
            let join = pick(["JOIN", "LEFT JOIN"])
            return Statement(sql: "SELECT x.\(distribution) AS k, count(y.\(table.key)) AS n FROM \(table.name) x \(join) \(table.name) y ON y.\(distribution) = x.\(distribution) AND y.\(table.key) < x.\(table.key)"
                             + whereClause(chance(50) ? condition(Table(name: table.name, alias: "x", distribution: distribution, key: table.key, columns: table.columns), qualified: true) : "")
                             + " GROUP BY x.\(distribution)" + orderAndLimit(outputs: 2))
        case 15:
            // The same table in the query and in a subquery correlated on the distribution column.
            return Statement(sql: "SELECT x.\(table.key), x.\(number) FROM \(table.name) x WHERE \(chance(30) ? "NOT " : "")EXISTS (SELECT 1 FROM \(table.name) y WHERE y.\(distribution) = x.\(distribution) AND y.\(number) > x.\(number))"
                             + " ORDER BY 1" + (chance(50) ? " LIMIT \(int(1...12))" : ""))
        case 16, 17:
            // A filter on a FROM subquery's distribution column, which prunes the table inside it
            // unless the subquery computes across rows (LIMIT, a window, an ungrouped aggregate).
            let key = constant(column(table, distribution))
            let filter = pick(["t.k = \(key)", "t.k IN (\(key), \(constant(column(table, distribution))))", "t.k = \(key) OR t.v IS NULL"])
            let inner = pick([
                "SELECT \(distribution) AS k, \(number) AS v FROM \(table.name)" + whereClause(condition(table, qualified: false)),
                "SELECT \(distribution) AS k, sum(\(number)) AS v FROM \(table.name) GROUP BY \(distribution)",
                "SELECT \(distribution) AS k, count(*) OVER (PARTITION BY \(distribution)) AS v FROM \(table.name)",
                "SELECT \(distribution) AS k, row_number() OVER (ORDER BY \(table.key)) AS v FROM \(table.name)",
                "SELECT \(distribution) AS k, \(number) AS v FROM \(table.name) ORDER BY \(table.key) LIMIT 40",
                "SELECT * FROM (SELECT \(distribution) AS k, \(number) AS v FROM \(table.name)) u",
            ])
            return Statement(sql: "SELECT t.k, t.v FROM (\(inner)) t WHERE \(filter) ORDER BY 1, 2 NULLS FIRST")
        default:
            // IN / NOT IN over a reference table, and scalar subqueries on one.
            if chance(50) {
                return Statement(sql: "SELECT a.id, a.region FROM accounts a WHERE a.region \(chance(50) ? "NOT " : "")IN (SELECT code FROM regions WHERE zone \(pick(["= 2", "IS NULL", "> 1"])))" + orderAndLimit(outputs: 2))
            }
            return Statement(sql: "SELECT a.id, (SELECT r.name FROM regions r WHERE r.code = a.region) AS region_name FROM accounts a"
                             + whereClause(condition(Self.accounts, qualified: true)) + orderAndLimit(outputs: 2))
        }
    }

    mutating func nonColocatedJoin() -> Statement {
        Statement(sql: "SELECT a.id, s.carrier FROM accounts a JOIN shipments s ON s.account_id = a.id WHERE \(distributionCondition(Self.accounts, qualified: true)) ORDER BY 1, 2")
    }
}
