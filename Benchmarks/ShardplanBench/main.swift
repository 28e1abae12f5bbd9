import CPgQuery
import Foundation
import SQLSyntax

// Benchmarks for shardplan. Run in release: `swift run -c release shardplan-bench [filter]`.
// Every figure is compared with the raw libpg_query parse of the same statement, measured in the same run.

let filter = CommandLine.arguments.dropFirst().first

let tpchQ1 = """
    SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
           sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
           sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
           avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc,
           count(*) AS count_order
    FROM lineitem
    WHERE l_shipdate <= date '1998-12-01' - interval '90' day
    GROUP BY l_returnflag, l_linestatus
    ORDER BY l_returnflag, l_linestatus
    """

let tenWayJoin = "SELECT t0.id, t9.v FROM t0 " + (1...9).map { "JOIN t\($0) ON t\($0).id = t\($0 - 1).id AND t\($0).k = $\($0)" }.joined(separator: " ")
    + " WHERE t0.k > 10 ORDER BY t0.id LIMIT 20"

let multiRowInsert = "INSERT INTO events (event_id, device_id, kind, payload) VALUES "
    + (1...200).map { "(\($0), \($0 % 17), 'kind-\($0 % 5)', '{\"n\": \($0)}')" }.joined(separator: ", ")

let statements: [(String, String)] = [
    ("point lookup", "SELECT id, name, score FROM customers WHERE id = 42"),
    ("TPC-H Q1", tpchQ1),
    ("10-way join", tenWayJoin),
    ("200-row INSERT", multiRowInsert),
]

func rawParse(_ sql: String) {
    let result = pg_query_parse(sql)
    blackHole(result.parse_tree)
    pg_query_free_parse_result(result)
}

// `shardplan-bench profile NAME [N] [raw|deparse|phases]`: only parse the statement whose name contains NAME,
// N times (for perf/callgrind; `raw` calls only pg_query_parse, `deparse` prints a tree parsed once), or
// with `phases` time building the trees and releasing them separately.
if filter == "profile" {
    let args = CommandLine.arguments
    let name = args.count > 2 ? args[2] : "point"
    let n = args.count > 3 ? Int(args[3]) ?? 100_000 : 100_000
    let sql = statements.first { $0.0.contains(name) }!.1
    let mode = args.count > 4 ? args[4] : "parse"
    if mode == "phases" {
        // Splits the cost of a parse into building the tree and releasing it.
        for round in 0..<5 {
            var kept: [[ParsedStatement]] = []
            kept.reserveCapacity(2000)
            let t0 = now()
            for _ in 0..<2000 { rawParse(sql) }
            let t1 = now()
            for _ in 0..<2000 { kept.append(try SQLParser.parse(sql)) }
            let t2 = now()
            kept.removeAll(keepingCapacity: true)
            let t3 = now()
            let raw = Double(t1 - t0) / 2000, build = Double(t2 - t1) / 2000, release = Double(t3 - t2) / 2000
            print("round \(round): raw \(format(raw))  build \(format(build)) (\(String(format: "%.2f", build / raw))×)  release \(format(release)) (\(String(format: "%.2f", release / raw))×)")
        }
        exit(0)
    }
    if mode == "deparse" {
        let tree = try SQLParser.parseOne(sql)
        for _ in 0..<n { blackHole(try SQLDeparser.deparse(tree)) }
        exit(0)
    }
    for _ in 0..<n {
        if mode == "raw" { rawParse(sql) } else { blackHole(try SQLParser.parse(sql)) }
    }
    exit(0)
}

print("syntax layer (medians; ratio = median over samples of our time / raw pg_query_parse time, measured alternately)")
print("statement            raw parse    parse→tree  ratio    deparse     ratio")
for (name, sql) in statements {
    if let filter, !name.contains(filter) { continue }
    let tree = try SQLParser.parseOne(sql)
    let parse = try measurePaired(raw: { rawParse(sql) }) { blackHole(try SQLParser.parse(sql)) }
    let printing = try measurePaired(raw: { rawParse(sql) }) { blackHole(try SQLDeparser.deparse(tree)) }
    let raw = parse.raw, parsed = parse.measured, printed = printing.measured
    let line = name.padding(toLength: 20, withPad: " ", startingAt: 0)
        + " " + format(raw.medianNanoseconds).padding(toLength: 12, withPad: " ", startingAt: 0)
        + " " + format(parsed.medianNanoseconds).padding(toLength: 11, withPad: " ", startingAt: 0)
        + " " + String(format: "%.2f×", parse.medianRatio).padding(toLength: 8, withPad: " ", startingAt: 0)
        + " " + format(printed.medianNanoseconds).padding(toLength: 11, withPad: " ", startingAt: 0)
        + " " + String(format: "%.2f×", printing.medianRatio)
    print(line)
}

// Memory: every libpg_query result must be freed, so parsing a million statements keeps RSS flat.
if filter == nil || filter == "memory" {
    func residentKiB() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return -1 }
        let pages = Int(statm.split(separator: " ")[1]) ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }
    let mix = statements.map(\.1).prefix(3)
    for sql in mix { blackHole(try SQLParser.parse(sql)) }
    let before = residentKiB()
    var checkpoints: [Int] = []
    for i in 0..<1_000_000 {
        let sql = mix[mix.startIndex + i % mix.count]
        blackHole(try SQLParser.parse(sql))
        if i % 250_000 == 249_999 { checkpoints.append(residentKiB()) }
    }
    print("memory: RSS before 1,000,000 parses \(before) KiB; after each 250,000: \(checkpoints.map { "\($0) KiB" }.joined(separator: ", "))")
}

if filter == nil || filter == "catalog" {
    try runCatalogBenchmarks()
}

if filter == nil || filter == "planner" {
    try runPlannerBenchmarks()
}

// `shardplan-bench profile-planner [SQL]` plans one statement (by default a 32-shard aggregate) many
// times against the planner benchmark's schema, for a profiler.
if filter == "profile-planner" {
    try profilePlanning()
}

// `shardplan-bench dump-plans CORPUS` prints every corpus plan whole, for before/after diffs.
if filter == "dump-plans" {
    try dumpPlans(corpus: CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "Corpus")
}
