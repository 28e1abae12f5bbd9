#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `interval_in` (IntervalStyle `postgres`): PostgreSQL's verbose form (`1 year 2 mons`,
/// `@ 3 days ago`, `1.5 hours`), SQL-standard `Y-M` and `D hh:mm:ss`, plain numbers (seconds)
/// and ISO 8601 durations with designators (`P1Y2M3DT4H5M6.5S`).
enum IntervalInput {
    typealias Failure = DateTimeInput.Failure

    enum Unit {
        case microsecond, millisecond, second, minute, hour, day, week, month, year, decade, century, millennium
    }

    static let units: [String: Unit] = [
        "microsecon": .microsecond, "us": .microsecond, "usec": .microsecond, "usecond": .microsecond,
        "useconds": .microsecond, "usecs": .microsecond,
        "millisecon": .millisecond, "ms": .millisecond, "msec": .millisecond, "msecond": .millisecond,
        "mseconds": .millisecond, "msecs": .millisecond,
        "s": .second, "sec": .second, "second": .second, "seconds": .second, "secs": .second,
        "m": .minute, "min": .minute, "mins": .minute, "minute": .minute, "minutes": .minute,
        "h": .hour, "hour": .hour, "hours": .hour, "hr": .hour, "hrs": .hour,
        "d": .day, "day": .day, "days": .day,
        "w": .week, "week": .week, "weeks": .week,
        "mon": .month, "mons": .month, "month": .month, "months": .month,
        "y": .year, "year": .year, "years": .year, "yr": .year, "yrs": .year,
        "dec": .decade, "decade": .decade, "decades": .decade, "decs": .decade,
        "c": .century, "cent": .century, "centuries": .century, "century": .century,
        "mil": .millennium, "millennia": .millennium, "millennium": .millennium, "mils": .millennium,
    ]

    /// The fields of an interval under construction (`pg_itm_in`).
    struct Accumulator {
        var microseconds: Int64 = 0
        var days: Int32 = 0
        var months: Int32 = 0

        mutating func addMicroseconds(_ value: Int64, _ fraction: Double, scale: Int64) throws(Failure) {
            let (scaled, overflow1) = value.multipliedReportingOverflow(by: scale)
            let (sum, overflow2) = microseconds.addingReportingOverflow(scaled)
            guard !overflow1, !overflow2 else { throw .fieldOverflow }
            microseconds = sum
            try addFractionalMicroseconds(fraction, scale: scale)
        }

        mutating func addFractionalMicroseconds(_ fraction: Double, scale: Int64) throws(Failure) {
            guard fraction != 0 else { return }
            var scaled = fraction * Double(scale)
            guard abs(scaled) < 9.2e18 else { throw .fieldOverflow }
            var whole = Int64(scaled)
            scaled -= Double(whole)
            if scaled > 0.5 { whole += 1 } else if scaled < -0.5 { whole -= 1 }
            let (sum, overflow) = microseconds.addingReportingOverflow(whole)
            guard !overflow else { throw .fieldOverflow }
            microseconds = sum
        }

        mutating func addDays(_ value: Int64, scale: Int32) throws(Failure) {
            guard let value = Int32(exactly: value) else { throw .fieldOverflow }
            let (scaled, overflow1) = value.multipliedReportingOverflow(by: scale)
            let (sum, overflow2) = days.addingReportingOverflow(scaled)
            guard !overflow1, !overflow2 else { throw .fieldOverflow }
            days = sum
        }

        mutating func addFractionalDays(_ fraction: Double, scale: Double) throws(Failure) {
            guard fraction != 0 else { return }
            let scaled = fraction * scale
            guard abs(scaled) < 2.2e9 else { throw .fieldOverflow }
            let extra = Int32(scaled)
            let (sum, overflow) = days.addingReportingOverflow(extra)
            guard !overflow else { throw .fieldOverflow }
            days = sum
            try addFractionalMicroseconds(scaled - Double(extra), scale: 86_400_000_000)
        }

        mutating func addMonths(_ value: Int64) throws(Failure) {
            guard let value = Int32(exactly: value) else { throw .fieldOverflow }
            let (sum, overflow) = months.addingReportingOverflow(value)
            guard !overflow else { throw .fieldOverflow }
            months = sum
        }

        mutating func addYears(_ value: Int64, scale: Int32) throws(Failure) {
            guard let value = Int32(exactly: value) else { throw .fieldOverflow }
            let (years, overflow1) = value.multipliedReportingOverflow(by: scale)
            let (inMonths, overflow2) = years.multipliedReportingOverflow(by: 12)
            let (sum, overflow3) = months.addingReportingOverflow(inMonths)
            guard !overflow1, !overflow2, !overflow3 else { throw .fieldOverflow }
            months = sum
        }

        mutating func addFractionalYears(_ fraction: Double, scale: Double) throws(Failure) {
            let extra = (fraction * scale * 12).rounded(.toNearestOrEven)
            guard let extraMonths = Int32(exactly: extra) else { throw .fieldOverflow }
            let (sum, overflow) = months.addingReportingOverflow(extraMonths)
            guard !overflow else { throw .fieldOverflow }
            months = sum
        }

        mutating func add(_ value: Int64, _ fraction: Double, unit: Unit) throws(Failure) {
            switch unit {
            case .microsecond: try addMicroseconds(value, fraction, scale: 1)
            case .millisecond: try addMicroseconds(value, fraction, scale: 1000)
            case .second: try addMicroseconds(value, fraction, scale: 1_000_000)
            case .minute: try addMicroseconds(value, fraction, scale: 60_000_000)
            case .hour: try addMicroseconds(value, fraction, scale: 3_600_000_000)
            case .day:
                try addDays(value, scale: 1)
                try addFractionalMicroseconds(fraction, scale: 86_400_000_000)
            case .week:
                try addDays(value, scale: 7)
                try addFractionalDays(fraction, scale: 7)
            case .month:
                try addMonths(value)
                try addFractionalDays(fraction, scale: 30)
            case .year:
                try addYears(value, scale: 1)
                try addFractionalYears(fraction, scale: 1)
            case .decade:
                try addYears(value, scale: 10)
                try addFractionalYears(fraction, scale: 10)
            case .century:
                try addYears(value, scale: 100)
                try addFractionalYears(fraction, scale: 100)
            case .millennium:
                try addYears(value, scale: 1000)
                try addFractionalYears(fraction, scale: 1000)
            }
        }
    }

    static func parse(_ text: String, precision: Int?) throws(PostgresValueError) -> PostgresInterval {
        var result: Accumulator
        do {
            do {
                let fields = try DateTimeInput.tokenize(Array(text.utf8))
                result = try decode(fields)
            } catch .badFormat {
                result = try decodeISO8601(Array(text.utf8))
            }
        } catch .fieldOverflow {
            throw PostgresValueError(.datetimeFieldOverflow, "interval field value out of range: \"\(text)\"")
        } catch {
            throw DateTimeInput.error(error, input: text, typeName: "interval")
        }
        let time = DateTimeInput.roundTimestamp(result.microseconds, precision: precision)
        return PostgresInterval(months: result.months, days: result.days, microseconds: time)
    }

    /// Masks that stop a unit from being given twice.
    struct Mask: OptionSet {
        let rawValue: Int
        static let microsecond = Mask(rawValue: 1 << 0)
        static let millisecond = Mask(rawValue: 1 << 1)
        static let second = Mask(rawValue: 1 << 2)
        static let minute = Mask(rawValue: 1 << 3)
        static let hour = Mask(rawValue: 1 << 4)
        static let day = Mask(rawValue: 1 << 5)
        static let week = Mask(rawValue: 1 << 6)
        static let month = Mask(rawValue: 1 << 7)
        static let year = Mask(rawValue: 1 << 8)
        static let decade = Mask(rawValue: 1 << 9)
        static let century = Mask(rawValue: 1 << 10)
        static let millennium = Mask(rawValue: 1 << 11)
        static let time: Mask = [.hour, .minute, .second, .millisecond, .microsecond]
        static let allSeconds: Mask = [.second, .millisecond, .microsecond]
    }

    static func mask(for unit: Unit, fraction: Double) -> Mask {
        switch unit {
        case .microsecond: .microsecond
        case .millisecond: .millisecond
        case .second: fraction == 0 ? .second : .allSeconds
        case .minute: .minute
        case .hour: .hour
        case .day: .day
        case .week: .week
        case .month: .month
        case .year: .year
        case .decade: .decade
        case .century: .century
        case .millennium: .millennium
        }
    }

    /// `DecodeInterval`, reading the fields right to left so units come before their numbers.
    static func decode(_ fields: [DateTimeInput.Field]) throws(Failure) -> Accumulator {
        var result = Accumulator()
        var fmask: Mask = []
        var pendingUnit: Unit? = nil
        var isBefore = false
        var sawField = false
        for field in fields.reversed() {
            var tmask: Mask = []
            switch field.kind {
            case .time:
                result.microseconds = try timeMicroseconds(field.text[...])
                tmask = .time
                pendingUnit = .day
            case .tz where field.text.dropFirst().contains(UInt8(ascii: ":")):
                var time = try timeMicroseconds(field.text.dropFirst())
                if field.text.first == UInt8(ascii: "-") { time = -time }
                result.microseconds = time
                tmask = .time
                pendingUnit = .day
            case .tz, .date, .number:
                let unit = pendingUnit ?? .second
                let (value, fraction, yearMonth) = try readNumber(field.text)
                var effectiveUnit = unit
                if yearMonth { effectiveUnit = .month }
                try result.add(value, fraction, unit: effectiveUnit)
                tmask = mask(for: effectiveUnit, fraction: fraction)
            case .string, .special:
                let word = String(field.string.prefix(10))
                if word == "ago" {
                    isBefore = true
                    continue
                }
                guard let unit = units[word] else {
                    if ["epoch", "now", "today", "tomorrow", "yesterday"].contains(word) {
                        throw .unsupported("interval input \"\(field.string)\" is not supported")
                    }
                    throw .badFormat
                }
                pendingUnit = unit
                continue
            }
            sawField = true
            if !fmask.isDisjoint(with: tmask) { throw .badFormat }
            fmask.formUnion(tmask)
        }
        guard sawField, !fmask.isEmpty else { throw .badFormat }
        if isBefore {
            guard result.microseconds != Int64.min, result.days != Int32.min, result.months != Int32.min else { throw .fieldOverflow }
            result.microseconds = -result.microseconds
            result.days = -result.days
            result.months = -result.months
        }
        return result
    }

    /// A signed integer with an optional `.fraction` or `-months` part (SQL `years-months`).
    static func readNumber(_ text: [UInt8]) throws(Failure) -> (Int64, Double, Bool) {
        var index = 0
        var negative = false
        if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        let start = index
        var value: Int64 = 0
        while index < text.count, text[index].isASCIIDigit {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int64(text[index] - 0x30))
            guard !o1, !o2 else { throw .fieldOverflow }
            value = sum
            index += 1
        }
        guard index > start else { throw .badFormat }
        if negative { value = -value }
        if index == text.count { return (value, 0, false) }
        if text[index] == UInt8(ascii: "-") {
            let rest = text[(index + 1)...]
            guard !rest.isEmpty else { throw .badFormat }
            var months = 0
            for byte in rest {
                guard byte.isASCIIDigit else { throw .badFormat }
                months = months * 10 + Int(byte - 0x30)
                if months >= 12 { throw .fieldOverflow }
            }
            if negative { months = -months }
            let (years, o1) = value.multipliedReportingOverflow(by: 12)
            let (total, o2) = years.addingReportingOverflow(Int64(months))
            guard !o1, !o2 else { throw .fieldOverflow }
            return (total, 0, true)
        }
        if text[index] == UInt8(ascii: ".") {
            let rest = text[index...]
            guard rest.dropFirst().allSatisfy(\.isASCIIDigit) else { throw .badFormat }
            var fraction = Double("0" + String(decoding: rest, as: UTF8.self)) ?? 0
            if negative { fraction = -fraction }
            return (value, fraction, false)
        }
        throw .badFormat
    }

    /// `DecodeTimeForInterval`: `hh:mm`, `hh:mm:ss[.f]` or `mm:ss.f`, in microseconds.
    static func timeMicroseconds(_ text: ArraySlice<UInt8>) throws(Failure) -> Int64 {
        let parts = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { throw .badFormat }
        var hour = try DateTimeInput.number(parts[0])
        var minute: Int
        var second = 0
        var fraction: Int64 = 0
        if parts.count == 2 {
            if let dot = parts[1].firstIndex(of: UInt8(ascii: ".")) {
                minute = hour
                hour = 0
                second = try DateTimeInput.number(parts[1][..<dot])
                fraction = try DateTimeInput.fractionalSecond(parts[1][dot...])
            } else {
                minute = try DateTimeInput.number(parts[1])
            }
        } else {
            minute = try DateTimeInput.number(parts[1])
            if let dot = parts[2].firstIndex(of: UInt8(ascii: ".")) {
                second = try DateTimeInput.number(parts[2][..<dot])
                fraction = try DateTimeInput.fractionalSecond(parts[2][dot...])
            } else {
                second = try DateTimeInput.number(parts[2])
            }
        }
        if minute > 59 || second > 60 || fraction > 1_000_000 { throw .fieldOverflow }
        return Int64(hour) * 3_600_000_000 + Int64(minute) * 60_000_000 + Int64(second) * 1_000_000 + fraction
    }

    /// `DecodeISO8601Interval`, format with designators only.
    static func decodeISO8601(_ text: [UInt8]) throws(Failure) -> Accumulator {
        guard text.count >= 2, text[0] == UInt8(ascii: "P") else { throw .badFormat }
        var result = Accumulator()
        var index = 1
        var datePart = true
        while index < text.count {
            if text[index] == UInt8(ascii: "T") {
                datePart = false
                index += 1
                continue
            }
            let (value, fraction, next) = try isoNumber(text, from: index)
            index = next
            let unit: UInt8 = index < text.count ? text[index] : 0
            index += 1
            if datePart {
                switch unit {
                case UInt8(ascii: "Y"): try result.add(value, fraction, unit: .year)
                case UInt8(ascii: "M"): try result.add(value, fraction, unit: .month)
                case UInt8(ascii: "W"): try result.add(value, fraction, unit: .week)
                case UInt8(ascii: "D"): try result.add(value, fraction, unit: .day)
                case 0, UInt8(ascii: "T"), UInt8(ascii: "-"):
                    throw .unsupported("ISO 8601 intervals in the alternative format are not supported")
                default: throw .badFormat
                }
            } else {
                switch unit {
                case UInt8(ascii: "H"): try result.add(value, fraction, unit: .hour)
                case UInt8(ascii: "M"): try result.add(value, fraction, unit: .minute)
                case UInt8(ascii: "S"): try result.add(value, fraction, unit: .second)
                case 0, UInt8(ascii: ":"):
                    throw .unsupported("ISO 8601 intervals in the alternative format are not supported")
                default: throw .badFormat
                }
            }
        }
        return result
    }

    /// `ParseISO8601Number`: a `strtod` number split into integer and fraction parts.
    static func isoNumber(_ text: [UInt8], from start: Int) throws(Failure) -> (Int64, Double, Int) {
        guard start < text.count, text[start].isASCIIDigit || text[start] == UInt8(ascii: "-") || text[start] == UInt8(ascii: ".") else {
            throw .badFormat
        }
        let tail = Array(text[start...]) + [0]
        let (value, consumed, failed): (Double, Int, Bool) = tail.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                var end: UnsafeMutablePointer<CChar>? = nil
                errno = 0
                let value = strtod(pointer, &end)
                let consumed = end.map { pointer.distance(to: UnsafePointer($0)) } ?? 0
                return (value, consumed, errno != 0)
            }
        }
        guard consumed > 0, !failed else { throw .badFormat }
        guard !value.isNaN, value >= -1.0e15, value <= 1.0e15 else { throw .fieldOverflow }
        let whole = value >= 0 ? Int64(value.rounded(.down)) : -Int64((-value).rounded(.down))
        return (whole, value - Double(whole), start + consumed)
    }
}
