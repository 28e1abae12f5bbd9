import Foundation

/// Time zone lookups for date/time input: PostgreSQL's fixed-offset abbreviations and IANA
/// zone names (through Foundation's tz database), matched case-insensitively as PostgreSQL does.
enum TimeZoneRules {
    /// Fixed-offset abbreviations from PostgreSQL's `Default` abbreviation set (seconds east).
    static let abbreviations: [String: Int] = [
        "utc": 0, "ut": 0, "gmt": 0, "z": 0, "zulu": 0, "wet": 0, "west": 3600,
        "bst": 3600, "cet": 3600, "cest": 7200, "met": 3600, "mest": 7200, "eet": 7200, "eest": 10800,
        "ist": 7200, "sast": 7200, "eat": 10800, "jst": 32400, "kst": 32400, "hkt": 28800,
        "awst": 28800, "acst": 34200, "acdt": 37800, "aest": 36000, "aedt": 39600,
        "nzst": 43200, "nzdt": 46800, "hst": -36000, "akst": -32400, "akdt": -28800,
        "pst": -28800, "pdt": -25200, "mst": -25200, "mdt": -21600, "cst": -21600, "cdt": -18000,
        "est": -18000, "edt": -14400, "ast": -14400, "adt": -10800, "nst": -12600, "ndt": -9000,
    ]

    /// A resolved zone: UTC (the common case, no lookups) or a Foundation zone.
    enum Zone: @unchecked Sendable {
        case utc
        /// A fixed offset in seconds east of UTC (a POSIX zone without daylight saving).
        case fixed(Int)
        /// A valid POSIX zone with daylight-saving rules, whose offsets are not modelled.
        case posixRules(String)
        case named(TimeZone)

        /// The offset (seconds east) when the zone never changes it, as `pg_get_timezone_offset`
        /// reports; nil for zones with transitions.
        var fixedOffset: Int? {
            switch self {
            case .utc: return 0
            case .fixed(let east): return east
            case .posixRules: return nil
            case .named(let zone):
                let probes: [TimeInterval] = [-2_208_988_800, -631_152_000, 0, 946_684_800, 1_704_067_200, 1_719_792_000, 2_114_380_800]
                let offsets = Set(probes.map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: $0)) })
                guard offsets.count == 1,
                      zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: -2_208_988_800)) == nil else { return nil }
                return offsets.first
            }
        }

        /// Seconds east of UTC in effect at a UTC instant (seconds since 1970).
        func offset(atUnixSeconds seconds: Int64) -> Int {
            switch self {
            case .utc: 0
            case .fixed(let east): east
            case .posixRules: 0
            case .named(let zone): zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            }
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: Zone] = [:]
    nonisolated(unsafe) private static var namesByLowercase: [String: String]?

    /// Resolves an IANA zone name case-insensitively (`america/new_york`, `Japan`, `UTC`).
    static func zone(named name: String) -> Zone? {
        let key = name.lowercased()
        if key == "utc" || key == "gmt" || key == "etc/utc" || key == "zulu" || key == "etc/gmt" { return .utc }
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[key] { return cached }
        var resolved: Zone? = nil
        // Only names in the tz database count: Foundation also accepts forms like "GMT+3"
        // that PostgreSQL reads differently (as POSIX zones).
        if namesByLowercase == nil { namesByLowercase = loadZoneNames() }
        if let canonical = namesByLowercase?[key], let zone = TimeZone(identifier: canonical) {
            resolved = .named(zone)
        }
        if let resolved { cache[key] = resolved }
        return resolved
    }

    /// Every zone file name under the tz database, including backward-compatible links.
    private static func loadZoneNames() -> [String: String] {
        var names: [String: String] = [:]
        for identifier in TimeZone.knownTimeZoneIdentifiers { names[identifier.lowercased()] = identifier }
        let root = ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo"
        if let enumerator = FileManager.default.enumerator(atPath: root) {
            while let path = enumerator.nextObject() as? String {
                if path.hasPrefix("posix") || path.hasPrefix("right") || path.contains(".") { continue }
                if names[path.lowercased()] == nil { names[path.lowercased()] = path }
            }
        }
        return names
    }

    /// PostgreSQL's `DetermineTimeZoneOffset`: the offset (seconds east) for a local time,
    /// choosing the pre-transition offset in a spring-forward gap and the post-transition
    /// offset in a fall-back overlap.
    static func offset(forLocalUnixSeconds local: Int64, in zone: Zone) -> Int {
        switch zone {
        case .utc: return 0
        case .fixed(let east): return east
        case .named, .posixRules: break
        }
        let before = zone.offset(atUnixSeconds: local - 86_400 * 2)
        let after = zone.offset(atUnixSeconds: local + 86_400 * 2)
        var candidates = [zone.offset(atUnixSeconds: local - Int64(before)), zone.offset(atUnixSeconds: local - Int64(after))]
        candidates += [before, after]
        // An offset is consistent when the instant it gives has that offset.
        var valid: [Int] = []
        for candidate in candidates where !valid.contains(candidate) {
            if zone.offset(atUnixSeconds: local - Int64(candidate)) == candidate { valid.append(candidate) }
        }
        if valid.count == 1 { return valid[0] }
        if valid.isEmpty { return before }
        // Overlap: the later instant, i.e. the offset after the transition.
        return valid.min()!
    }
}

extension TimeZoneRules {
    enum POSIXZone { case fixed(Int), withDaylightRules, invalid }

    /// Reads a POSIX `TZ` string the way tzcode's `tzparse` does: a standard-time name (any
    /// characters but digits, `,`, `-`, `+`), then an offset `[+-]hh[:mm[:ss]]` west of UTC
    /// (hours up to 167). A daylight-saving part makes it a zone with rules.
    static func posixZone(_ name: String) -> POSIXZone {
        let bytes = Array(name.uppercased().utf8)
        var index = 0
        func isNameByte(_ byte: UInt8) -> Bool {
            !byte.isASCIIDigit && byte != UInt8(ascii: ",") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "+")
        }
        func readName() -> Bool {
            if index < bytes.count, bytes[index] == UInt8(ascii: "<") {
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")), close > index + 1 else { return false }
                index = close + 1
                return true
            }
            let start = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            return index > start
        }
        func readNumber(max: Int) -> Int? {
            let start = index
            var value = 0
            while index < bytes.count, bytes[index].isASCIIDigit {
                value = value * 10 + Int(bytes[index] - 0x30)
                if value > max { return nil }
                index += 1
            }
            return index > start ? value : nil
        }
        func readOffset() -> Int? {
            var negative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                negative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard let hours = readNumber(max: 167) else { return nil }
            var seconds = hours * 3600
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
                guard let minutes = readNumber(max: 59) else { return nil }
                seconds += minutes * 60
                if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                    index += 1
                    guard let secs = readNumber(max: 60) else { return nil }
                    seconds += secs
                }
            }
            return negative ? -seconds : seconds
        }
        guard readName(), index < bytes.count, let west = readOffset() else { return .invalid }
        if index == bytes.count { return .fixed(-west) }
        guard readName() else { return .invalid }
        if index < bytes.count, bytes[index] != UInt8(ascii: ",") {
            guard readOffset() != nil else { return .invalid }
        }
        return index == bytes.count || bytes[index] == UInt8(ascii: ",") ? .withDaylightRules : .invalid
    }
}

/// The wall clock, for the few inputs PostgreSQL resolves against the current date.
enum UnixClock {
    static func nowSeconds() -> Int64 { Int64(Date().timeIntervalSince1970.rounded(.down)) }
}
