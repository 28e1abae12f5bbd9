/// Date and time input, following PostgreSQL's `ParseDateTime`, `DecodeDateTime` and
/// `DecodeTimeOnly` for the formats in common use (DateStyle `ISO, MDY`).
///
/// Covered: ISO dates and times (`2024-02-29`, `2024-02-29T12:34:56.5+05:30`), `MM/DD/YYYY`,
/// month names (`Feb 29, 2024`, `29-Feb-2024`), run-together `YYYYMMDD` and `hhmmss`, `BC`/`AD`,
/// `AM`/`PM`, numeric zone offsets, the fixed-offset zone abbreviations in
/// ``TimeZoneRules/abbreviations``, IANA zone names, and the specials `epoch`, `infinity`,
/// `-infinity` and `allballs`. `now`, `today`, `tomorrow` and `yesterday` depend on the clock
/// and are reported as unsupported.
enum DateTimeInput {
    static let postgresEpochJulian = 2_451_545
    static let microsecondsPerDay: Int64 = 86_400_000_000
    /// Seconds from 1970-01-01 to 2000-01-01.
    static let unixToPostgresSeconds: Int64 = 946_684_800
    static let minTimestamp: Int64 = -211_813_488_000_000_000
    static let endTimestamp: Int64 = 9_223_371_331_200_000_000

    enum FieldKind { case number, date, time, string, tz, special }

    struct Field {
        var text: [UInt8]
        var kind: FieldKind
        var string: String { String(decoding: text, as: UTF8.self) }
    }

    /// A `DTERR_*` outcome, turned into PostgreSQL's message by ``error(_:input:typeName:)``.
    enum Failure: Error {
        case badFormat, fieldOverflow, zoneDisplacementOverflow
        case unknownZone(String)
        case unsupported(String)
    }

    static func error(_ failure: Failure, input: String, typeName: String) -> PostgresValueError {
        switch failure {
        case .badFormat:
            PostgresValueError(.invalidDatetimeFormat, "invalid input syntax for type \(typeName): \"\(input)\"")
        case .fieldOverflow:
            PostgresValueError(.datetimeFieldOverflow, "date/time field value out of range: \"\(input)\"")
        case .zoneDisplacementOverflow:
            PostgresValueError(.datetimeFieldOverflow, "time zone displacement out of range: \"\(input)\"")
        case .unknownZone(let zone):
            PostgresValueError(.invalidParameterValue, "time zone \"\(zone)\" not recognized")
        case .unsupported(let reason):
            PostgresValueError(.featureNotSupported, reason)
        }
    }

    // MARK: Tokenizer (ParseDateTime)

    /// Keywords that stop a word from being read as the start of a zone name.
    static let keywordsBeforeDigits: Set<String> = ["t", "y", "m", "d", "h", "mm", "s", "j", "jd", "julian", "on", "at", "am", "pm", "ad", "bc"]

    static func tokenize(_ input: [UInt8]) throws(Failure) -> [Field] {
        var fields: [Field] = []
        var index = 0
        let count = input.count
        func at(_ position: Int) -> UInt8 { position < count ? input[position] : 0 }
        while index < count {
            let byte = input[index]
            if byte.isCSpace { index += 1; continue }
            var field = Field(text: [], kind: .number)
            if byte.isASCIIDigit {
                while at(index).isASCIIDigit { field.text.append(input[index]); index += 1 }
                if at(index) == UInt8(ascii: ":") {
                    field.kind = .time
                    while at(index).isASCIIDigit || at(index) == UInt8(ascii: ":") || at(index) == UInt8(ascii: ".") {
                        field.text.append(input[index]); index += 1
                    }
                } else if at(index) == UInt8(ascii: "-") || at(index) == UInt8(ascii: "/") || at(index) == UInt8(ascii: ".") {
                    let delimiter = input[index]
                    field.text.append(delimiter); index += 1
                    if at(index).isASCIIDigit {
                        field.kind = delimiter == UInt8(ascii: ".") ? .number : .date
                        while at(index).isASCIIDigit { field.text.append(input[index]); index += 1 }
                        if at(index) == delimiter {
                            field.kind = .date
                            while at(index).isASCIIDigit || at(index) == delimiter { field.text.append(input[index]); index += 1 }
                        }
                    } else {
                        field.kind = .date
                        while at(index).isASCIIDigit || at(index).isASCIILetter || at(index) == delimiter {
                            field.text.append(input[index].asciiLowercased); index += 1
                        }
                    }
                } else {
                    field.kind = .number
                }
            } else if byte == UInt8(ascii: ".") {
                field.text.append(byte); index += 1
                while at(index).isASCIIDigit { field.text.append(input[index]); index += 1 }
                field.kind = .number
            } else if byte.isASCIILetter {
                field.kind = .string
                while at(index).isASCIILetter { field.text.append(input[index].asciiLowercased); index += 1 }
                var isDate = false
                let next = at(index)
                if next == UInt8(ascii: "-") || next == UInt8(ascii: "/") || next == UInt8(ascii: ".") {
                    isDate = true
                } else if next == UInt8(ascii: "+") || next.isASCIIDigit {
                    isDate = !isCoreKeyword(field.string)
                }
                if isDate {
                    field.kind = .date
                    repeat {
                        field.text.append(input[index].asciiLowercased); index += 1
                    } while [UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":")].contains(at(index))
                        || at(index).isASCIILetter || at(index).isASCIIDigit
                }
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                field.text.append(byte); index += 1
                while at(index).isCSpace && index < count { index += 1 }
                if at(index).isASCIIDigit {
                    field.kind = .tz
                    while at(index).isASCIIDigit || at(index) == UInt8(ascii: ":") || at(index) == UInt8(ascii: ".") || at(index) == UInt8(ascii: "-") {
                        field.text.append(input[index]); index += 1
                    }
                } else if at(index).isASCIILetter {
                    field.kind = .special
                    while at(index).isASCIILetter { field.text.append(input[index].asciiLowercased); index += 1 }
                } else {
                    throw .badFormat
                }
            } else if byte < 0x80 && isPunctuation(byte) {
                index += 1
                continue
            } else {
                throw .badFormat
            }
            fields.append(field)
        }
        return fields
    }

    static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2f).contains(byte) || (0x3a...0x40).contains(byte) || (0x5b...0x60).contains(byte) || (0x7b...0x7e).contains(byte)
    }

    static func isCoreKeyword(_ word: String) -> Bool {
        keywordsBeforeDigits.contains(word) || monthNames[word] != nil || dayNames.contains(word)
            || ["epoch", "infinity", "now", "today", "tomorrow", "yesterday", "allballs"].contains(word)
    }

    static let monthNames: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    static let dayNames: Set<String> = [
        "sun", "sunday", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday",
        "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday",
    ]

    // MARK: Decoded fields

    struct Mask: OptionSet {
        let rawValue: Int
        static let year = Mask(rawValue: 1 << 0)
        static let month = Mask(rawValue: 1 << 1)
        static let day = Mask(rawValue: 1 << 2)
        static let hour = Mask(rawValue: 1 << 3)
        static let minute = Mask(rawValue: 1 << 4)
        static let second = Mask(rawValue: 1 << 5)
        static let tz = Mask(rawValue: 1 << 6)
        static let ampm = Mask(rawValue: 1 << 7)
        static let era = Mask(rawValue: 1 << 8)
        static let dayOfWeek = Mask(rawValue: 1 << 9)
        static let reserved = Mask(rawValue: 1 << 10)
        static let date: Mask = [.year, .month, .day]
        static let time: Mask = [.hour, .minute, .second]
    }

    enum Special { case epoch, infinity, negativeInfinity }

    struct Decoded {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var fraction: Int64 = 0
        var mask: Mask = []
        /// Seconds west of UTC from an explicit offset or abbreviation.
        var zoneWest: Int?
        var namedZone: TimeZoneRules.Zone?
        var special: Special?
        var isBC = false
        var is2Digits = false
        var haveTextMonth = false
        var meridiem: Int?  // 0 = AM, 1 = PM
    }

    static func number(_ text: ArraySlice<UInt8>) throws(Failure) -> Int {
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit) else { throw .badFormat }
        var value = 0
        for byte in text {
            value = value * 10 + Int(byte - 0x30)
            if value > Int(Int32.max) { throw .fieldOverflow }
        }
        return value
    }

    /// `ParseFractionalSecond`: ".ddd" as a double, times 10^6, rounded half to even.
    static func fractionalSecond(_ text: ArraySlice<UInt8>) throws(Failure) -> Int64 {
        guard text.first == UInt8(ascii: "."), text.dropFirst().allSatisfy(\.isASCIIDigit) else { throw .badFormat }
        let fraction = Double("0" + String(decoding: text, as: UTF8.self)) ?? 0
        return Int64((fraction * 1_000_000).rounded(.toNearestOrEven))
    }

    /// `DecodeTime`: `hh:mm`, `hh:mm:ss[.f]`, or `mm:ss.f`.
    static func decodeTime(_ text: [UInt8], into decoded: inout Decoded) throws(Failure) {
        let parts = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { throw .badFormat }
        var hour = try number(parts[0])
        var minute: Int
        var second = 0
        var fraction: Int64 = 0
        if parts.count == 2 {
            if let dot = parts[1].firstIndex(of: UInt8(ascii: ".")) {
                // mm:ss.fff is minutes and seconds
                let minutes = hour
                let seconds = try number(parts[1][..<dot])
                fraction = try fractionalSecond(parts[1][dot...])
                hour = 0
                minute = minutes
                second = seconds
            } else {
                minute = try number(parts[1])
            }
        } else {
            minute = try number(parts[1])
            if let dot = parts[2].firstIndex(of: UInt8(ascii: ".")) {
                second = try number(parts[2][..<dot])
                fraction = try fractionalSecond(parts[2][dot...])
            } else {
                second = try number(parts[2])
            }
        }
        if minute > 59 || second > 60 || fraction > 1_000_000 { throw .fieldOverflow }
        decoded.hour = hour
        decoded.minute = minute
        decoded.second = second
        decoded.fraction = fraction
    }

    static func timeOverflows(_ d: Decoded) -> Bool {
        if d.hour > 24 || d.minute > 59 || d.second > 60 || d.fraction > 1_000_000 { return true }
        let total = ((Int64(d.hour) * 60 + Int64(d.minute)) * 60 + Int64(d.second)) * 1_000_000 + d.fraction
        return total > microsecondsPerDay
    }

    /// `DecodeTimezone`: `+hh`, `+hh:mm`, `+hh:mm:ss`, `+hhmm`. Returns seconds west.
    static func decodeZoneOffset(_ text: [UInt8]) throws(Failure) -> Int {
        guard let sign = text.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { throw .badFormat }
        var index = 1
        func readNumber() throws(Failure) -> Int {
            var value = 0
            let start = index
            while index < text.count, text[index].isASCIIDigit {
                value = value * 10 + Int(text[index] - 0x30)
                if value > Int(Int32.max) { throw .zoneDisplacementOverflow }
                index += 1
            }
            if index == start { return 0 }
            return value
        }
        var hour = try readNumber()
        var minute = 0
        var second = 0
        if index < text.count, text[index] == UInt8(ascii: ":") {
            index += 1
            minute = try readNumber()
            if index < text.count, text[index] == UInt8(ascii: ":") {
                index += 1
                second = try readNumber()
            }
        } else if index == text.count && text.count > 3 {
            minute = hour % 100
            hour /= 100
        }
        if hour > 15 || minute >= 60 || second >= 60 { throw .zoneDisplacementOverflow }
        var east = (hour * 60 + minute) * 60 + second
        if sign == UInt8(ascii: "-") { east = -east }
        guard index == text.count else { throw .badFormat }
        return -east
    }

    /// `DecodeNumber`: one numeric date field, placed by what is known so far (DateStyle MDY).
    static func decodeNumber(_ text: ArraySlice<UInt8>, into d: inout Decoded) throws(Failure) -> Mask {
        let value: Int
        if let dot = text.firstIndex(of: UInt8(ascii: ".")) {
            guard dot - text.startIndex <= 2 else { throw .unsupported("run-together date/time numbers with a fraction are not supported") }
            // hh.fff style seconds fraction after a complete time: rare, treat like PostgreSQL
            // does only when seconds are being read; otherwise it is an error.
            _ = try number(text[..<dot])
            throw .badFormat
        } else {
            value = try number(text)
        }
        let length = text.count
        var tmask: Mask
        switch d.mask.intersection(.date) {
        case []:
            if length >= 3 { tmask = .year; d.year = value } else { tmask = .month; d.month = value }
        case .year:
            tmask = .month; d.month = value
        case .month:
            if d.haveTextMonth {
                if length >= 3 { tmask = .year; d.year = value } else { tmask = .day; d.day = value }
            } else {
                tmask = .day; d.day = value
            }
        case [.year, .month]:
            if d.haveTextMonth && length >= 3 && d.is2Digits {
                tmask = .day
                d.day = d.year
                d.year = value
                d.is2Digits = false
            } else {
                tmask = .day; d.day = value
            }
        case .day:
            tmask = .month; d.month = value
        case [.month, .day]:
            tmask = .year; d.year = value
        case .date:
            return try decodeNumberField(Array(text), into: &d)
        default:
            throw .badFormat
        }
        if tmask == .year { d.is2Digits = length <= 2 }
        return tmask
    }

    /// `DecodeNumberField`: run-together `YYYYMMDD`/`YYMMDD`, `hhmmss` or `hhmm`.
    static func decodeNumberField(_ text: [UInt8], into d: inout Decoded) throws(Failure) -> Mask {
        guard text.allSatisfy(\.isASCIIDigit) else {
            throw .unsupported("run-together date/time numbers with a fraction are not supported")
        }
        let length = text.count
        func value(_ range: Range<Int>) -> Int {
            text[range].reduce(0) { $0 &* 10 &+ Int($1 - 0x30) }
        }
        if !d.mask.isSuperset(of: .date), length >= 6 {
            d.day = value((length - 2)..<length)
            d.month = value((length - 4)..<(length - 2))
            guard length - 4 <= 9 else { throw .fieldOverflow }
            d.year = value(0..<(length - 4))
            if length - 4 == 2 { d.is2Digits = true }
            return .date
        }
        if !d.mask.isSuperset(of: .time) {
            if length == 6 {
                d.hour = value(0..<2); d.minute = value(2..<4); d.second = value(4..<6)
                return .time
            }
            if length == 4 {
                d.hour = value(0..<2); d.minute = value(2..<4); d.second = 0
                return .time
            }
        }
        throw .badFormat
    }

    /// `DecodeDate`: a date field with `-`, `/` or `.` separators, possibly with a month name.
    static func decodeDate(_ text: [UInt8], into d: inout Decoded) throws(Failure) -> Mask {
        var parts: [ArraySlice<UInt8>] = []
        var index = 0
        while index < text.count {
            while index < text.count, !(text[index].isASCIIDigit || text[index].isASCIILetter) { index += 1 }
            guard index < text.count else { throw .badFormat }
            let start = index
            if text[index].isASCIIDigit {
                while index < text.count, text[index].isASCIIDigit { index += 1 }
            } else {
                while index < text.count, text[index].isASCIILetter { index += 1 }
            }
            parts.append(text[start..<index])
            if index < text.count { index += 1 }
        }
        var fmask = d.mask
        var tmask: Mask = []
        var numeric: [ArraySlice<UInt8>] = []
        for part in parts {
            if part.first!.isASCIILetter {
                let word = String(decoding: part, as: UTF8.self)
                guard let month = monthNames[word] else { throw .badFormat }
                if fmask.contains(.month) { throw .badFormat }
                d.month = month
                d.haveTextMonth = true
                fmask.insert(.month)
                tmask.insert(.month)
            } else {
                numeric.append(part)
            }
        }
        for part in numeric {
            d.mask = fmask
            let dmask = try decodeNumber(part, into: &d)
            if !fmask.isDisjoint(with: dmask) { throw .badFormat }
            fmask.formUnion(dmask)
            tmask.formUnion(dmask)
        }
        d.mask = fmask.subtracting(tmask)
        // A date field must complete the date and come before any time fields.
        if fmask.subtracting([.tz, .dayOfWeek]) != .date { throw .badFormat }
        return tmask
    }

    /// `pg_tzset`: a tz database name, or a POSIX zone such as `pm-08` (fixed offsets only).
    static func resolveZone(_ name: String) throws(Failure) -> TimeZoneRules.Zone {
        if let zone = TimeZoneRules.zone(named: name) { return zone }
        switch TimeZoneRules.posixZone(name) {
        case .fixed(let east): return .fixed(east)
        case .withDaylightRules: return .posixRules(name)
        case .invalid:
            throw .unknownZone(name)
        }
    }

    /// Handles a word: month, weekday, AM/PM, era, special value, zone abbreviation or name.
    static func decodeWord(_ word: String, into d: inout Decoded, isoTimeMarker: inout Bool, hasNext: Bool, nextKind: FieldKind?) throws(Failure) -> Mask {
        if let east = TimeZoneRules.abbreviations[word] {
            d.zoneWest = -east
            return .tz
        }
        if let month = monthNames[word] {
            // A number already read as the month becomes the day: "29 feb 2024".
            var mask: Mask = .month
            if d.mask.contains(.month), !d.haveTextMonth, !d.mask.contains(.day), (1...31).contains(d.month) {
                d.day = d.month
                mask = .day
            }
            d.month = month
            d.haveTextMonth = true
            return mask
        }
        if dayNames.contains(word) { return .dayOfWeek }
        switch word {
        case "am": d.meridiem = 0; return .ampm
        case "pm": d.meridiem = 1; return .ampm
        case "ad": d.isBC = false; return .era
        case "bc": d.isBC = true; return .era
        case "at", "on": return []
        case "epoch": d.special = .epoch; return Mask.date.union(.time).union(.tz)
        case "infinity": d.special = .infinity; return .reserved
        case "-infinity": d.special = .negativeInfinity; return .reserved
        case "allballs":
            d.hour = 0; d.minute = 0; d.second = 0; d.fraction = 0; d.zoneWest = 0
            return Mask.time.union(.tz)
        case "now", "today", "tomorrow", "yesterday":
            throw .unsupported("the date/time value '\(word)' depends on the current time and is not supported")
        case "t":
            guard d.mask.isSuperset(of: .date), hasNext, nextKind == .number || nextKind == .time || nextKind == .date else { throw .badFormat }
            isoTimeMarker = true
            return []
        default:
            if let zone = try? resolveZone(word) {
                d.namedZone = zone
                return .tz
            }
            throw .badFormat
        }
    }

    /// `DecodeDateTime` for date, timestamp and timestamptz input.
    static func decodeDateTime(_ fields: [Field]) throws(Failure) -> Decoded {
        var d = Decoded()
        var isoTimeMarker = false
        for (position, field) in fields.enumerated() {
            var tmask: Mask = []
            switch field.kind {
            case .date:
                if isoTimeMarker { throw .unsupported("run-together ISO times with a zone are not supported") }
                if d.mask.isSuperset(of: [.month, .day]) {
                    if field.text.first!.isASCIIDigit {
                        // hhmmss-zz: a run-together time followed by a zone offset.
                        if d.mask.isSuperset(of: .time) { throw .badFormat }
                        guard let dash = field.text.firstIndex(of: UInt8(ascii: "-")) else { throw .badFormat }
                        d.zoneWest = try decodeZoneOffset(Array(field.text[dash...]))
                        tmask = try decodeNumberField(Array(field.text[..<dash]), into: &d).union(.tz)
                    } else {
                        d.namedZone = try resolveZone(field.string)
                        tmask = .tz
                    }
                } else {
                    tmask = try decodeDate(field.text, into: &d)
                }
            case .time:
                isoTimeMarker = false
                try decodeTime(field.text, into: &d)
                if timeOverflows(d) { throw .fieldOverflow }
                tmask = .time
            case .tz:
                d.zoneWest = try decodeZoneOffset(field.text)
                tmask = .tz
            case .number:
                let text = field.text
                if isoTimeMarker {
                    isoTimeMarker = false
                    tmask = try decodeNumberField(text, into: &d)
                    guard tmask == .time else { throw .badFormat }
                    if timeOverflows(d) { throw .fieldOverflow }
                } else if let dot = text.firstIndex(of: UInt8(ascii: ".")) {
                    if d.mask.isDisjoint(with: .date) {
                        tmask = try decodeDate(text, into: &d)
                    } else if dot > 2 {
                        throw .unsupported("run-together date/time numbers with a fraction are not supported")
                    } else {
                        throw .badFormat
                    }
                } else if text.count >= 6 && (!d.mask.isSuperset(of: .date) || !d.mask.isSuperset(of: .time)) {
                    tmask = try decodeNumberField(text, into: &d)
                } else {
                    tmask = try decodeNumber(text[...], into: &d)
                }
            case .string, .special:
                let next = position + 1 < fields.count ? fields[position + 1].kind : nil
                tmask = try decodeWord(field.string, into: &d, isoTimeMarker: &isoTimeMarker, hasNext: next != nil, nextKind: next)
            }
            if !d.mask.isDisjoint(with: tmask) { throw .badFormat }
            d.mask.formUnion(tmask)
        }
        if isoTimeMarker { throw .badFormat }
        if d.special != nil { return d }
        try validateDate(&d)
        try applyMeridiem(&d)
        guard d.mask.isSuperset(of: .date) else { throw .badFormat }
        return d
    }

    static func applyMeridiem(_ d: inout Decoded) throws(Failure) {
        guard let meridiem = d.meridiem else { return }
        if d.hour > 12 { throw .fieldOverflow }
        if meridiem == 0 && d.hour == 12 { d.hour = 0 } else if meridiem == 1 && d.hour != 12 { d.hour += 12 }
    }

    /// `ValidateDate`: eras, two-digit years, month and day ranges.
    static func validateDate(_ d: inout Decoded) throws(Failure) {
        if d.mask.contains(.year) {
            if d.isBC {
                if d.year <= 0 { throw .fieldOverflow }
                d.year = -(d.year - 1)
            } else if d.is2Digits {
                if d.year < 70 { d.year += 2000 } else if d.year < 100 { d.year += 1900 }
            } else if d.year <= 0 {
                throw .fieldOverflow
            }
        }
        if d.mask.contains(.month), d.month < 1 || d.month > 12 { throw .fieldOverflow }
        if d.mask.contains(.day), d.day < 1 || d.day > 31 { throw .fieldOverflow }
        if d.mask.isSuperset(of: .date), d.day > daysInMonth(year: d.year, month: d.month) { throw .fieldOverflow }
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(year: Int, month: Int) -> Int {
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return month == 2 && isLeap(year) ? 29 : days[month - 1]
    }

    /// `date2j`: the Julian day number of a proleptic Gregorian date.
    static func julianDay(year: Int, month: Int, day: Int) -> Int {
        var year = year
        var month = month
        if month > 2 { month += 1; year += 4800 } else { month += 13; year += 4799 }
        let century = year / 100
        var julian = year * 365 - 32167
        julian += year / 4 - century + century / 4
        julian += 7834 * month / 256 + day
        return julian
    }

    /// `IS_VALID_JULIAN`: from 4714-11-24 BC to before 5874898-06-01.
    static func isValidJulian(year: Int, month: Int) -> Bool {
        (year > -4713 || (year == -4713 && month >= 11)) && (year < 5_874_898 || (year == 5_874_898 && month < 6))
    }

    static func timeOfDay(_ d: Decoded) -> Int64 {
        ((Int64(d.hour) * 60 + Int64(d.minute)) * 60 + Int64(d.second)) * 1_000_000 + d.fraction
    }

    // MARK: Entry points

    static func parseFields(_ text: String, typeName: String) throws(PostgresValueError) -> [Field] {
        do {
            return try tokenize(Array(text.utf8))
        } catch {
            throw Self.error(error, input: text, typeName: typeName)
        }
    }

    /// `date_in`.
    static func date(_ text: String) throws(PostgresValueError) -> Int32 {
        let fields = try parseFields(text, typeName: "date")
        let d: Decoded
        do { d = try decodeDateTime(fields) } catch { throw Self.error(error, input: text, typeName: "date") }
        var (year, month, day) = (d.year, d.month, d.day)
        switch d.special {
        case .infinity?: return Int32.max
        case .negativeInfinity?: return Int32.min
        case .epoch?: (year, month, day) = (1970, 1, 1)
        case nil: break
        }
        let outOfRange = PostgresValueError(.datetimeFieldOverflow, "date out of range: \"\(text)\"")
        guard isValidJulian(year: year, month: month) else { throw outOfRange }
        let julian = julianDay(year: year, month: month, day: day)
        // IS_VALID_DATE: from Julian day 0 up to (not including) 5874898-01-01.
        guard julian >= 0, julian < 2_147_483_494 else { throw outOfRange }
        return Int32(julian - postgresEpochJulian)
    }

    /// `timestamp_in` (`zoned == false`) and `timestamptz_in`.
    static func timestampValue(_ text: String, precision: Int?, zoned: Bool, timeZone: String) throws(PostgresValueError) -> Int64 {
        let typeName = zoned ? "timestamp with time zone" : "timestamp"
        let fields = try parseFields(text, typeName: typeName)
        let d: Decoded
        do { d = try decodeDateTime(fields) } catch { throw Self.error(error, input: text, typeName: typeName) }
        switch d.special {
        case .infinity?: return Int64.max
        case .negativeInfinity?: return Int64.min
        case .epoch?: return -unixToPostgresSeconds * 1_000_000
        case nil: break
        }
        let outOfRange = PostgresValueError(.datetimeFieldOverflow, "timestamp out of range: \"\(text)\"")
        guard isValidJulian(year: d.year, month: d.month) else { throw outOfRange }
        let days = Int64(julianDay(year: d.year, month: d.month, day: d.day) - postgresEpochJulian)
        let (dayPart, overflow1) = days.multipliedReportingOverflow(by: microsecondsPerDay)
        let (local, overflow2) = dayPart.addingReportingOverflow(timeOfDay(d))
        guard !overflow1, !overflow2 else { throw outOfRange }
        var result = local
        if zoned {
            let west: Int
            if let explicit = d.zoneWest {
                west = explicit
            } else {
                let zone: TimeZoneRules.Zone
                if let named = d.namedZone {
                    zone = named
                } else {
                    zone = try sessionZone(timeZone)
                }
                if case .posixRules(let name) = zone { throw posixRulesUnsupported(name) }
                let localSeconds = local.floorDivided(by: 1_000_000) + unixToPostgresSeconds
                west = -TimeZoneRules.offset(forLocalUnixSeconds: localSeconds, in: zone)
            }
            let (adjusted, overflow) = local.addingReportingOverflow(Int64(west) * 1_000_000)
            guard !overflow else { throw outOfRange }
            result = adjusted
        }
        guard result >= minTimestamp, result < endTimestamp else { throw outOfRange }
        return roundTimestamp(result, precision: precision)
    }

    static func timestamp(_ text: String, precision: Int?) throws(PostgresValueError) -> Int64 {
        try timestampValue(text, precision: precision, zoned: false, timeZone: "UTC")
    }

    static func timestamptz(_ text: String, precision: Int?, timeZone: String) throws(PostgresValueError) -> Int64 {
        try timestampValue(text, precision: precision, zoned: true, timeZone: timeZone)
    }

    static func sessionZone(_ name: String) throws(PostgresValueError) -> TimeZoneRules.Zone {
        guard let zone = TimeZoneRules.zone(named: name) else {
            throw PostgresValueError(.invalidParameterValue, "invalid value for parameter \"TimeZone\": \"\(name)\"")
        }
        return zone
    }

    static func posixRulesUnsupported(_ name: String) -> PostgresValueError {
        .unsupported("POSIX time zone \"\(name)\" with daylight-saving rules is not supported")
    }

    static let scales: [Int64] = [1_000_000, 100_000, 10_000, 1000, 100, 10, 1]

    /// `AdjustTimestampForTypmod`: rounds half away from zero to `precision` digits.
    static func roundTimestamp(_ value: Int64, precision: Int?) -> Int64 {
        guard let precision, precision < 6, value != Int64.min, value != Int64.max else { return value }
        let scale = scales[precision]
        let offset = scale / 2
        if value >= 0 { return ((value + offset) / scale) * scale }
        return -(((-value + offset) / scale) * scale)
    }

    /// `DecodeTimeOnly` for time and timetz input.
    static func decodeTimeOnly(_ fields: [Field]) throws(Failure) -> Decoded {
        var d = Decoded()
        var isoTimeMarker = false
        for (position, field) in fields.enumerated() {
            var tmask: Mask = []
            switch field.kind {
            case .date:
                if field.text.first!.isASCIILetter {
                    d.namedZone = try resolveZone(field.string)
                    tmask = .tz
                } else {
                    tmask = try decodeDate(field.text, into: &d)
                }
            case .time:
                isoTimeMarker = false
                try decodeTime(field.text, into: &d)
                tmask = .time
            case .tz:
                d.zoneWest = try decodeZoneOffset(field.text)
                tmask = .tz
            case .number:
                let text = field.text
                if text.contains(UInt8(ascii: ".")) {
                    throw text.firstIndex(of: UInt8(ascii: "."))! > 2
                        ? .unsupported("run-together times with a fraction are not supported") : .badFormat
                } else if isoTimeMarker || text.count >= 4 {
                    isoTimeMarker = false
                    // Read as a time even before any date has been seen.
                    let known = d.mask
                    d.mask.formUnion(.date)
                    tmask = try decodeNumberField(text, into: &d)
                    d.mask = known
                } else {
                    tmask = try decodeNumber(text[...], into: &d)
                }
            case .string, .special:
                let word = field.string
                if word == "t" {
                    guard position + 1 < fields.count else { throw .badFormat }
                    isoTimeMarker = true
                    continue
                }
                if ["epoch", "infinity", "-infinity"].contains(word) { throw .badFormat }
                let next = position + 1 < fields.count ? fields[position + 1].kind : nil
                tmask = try decodeWord(word, into: &d, isoTimeMarker: &isoTimeMarker, hasNext: next != nil, nextKind: next)
            }
            if !d.mask.isDisjoint(with: tmask) { throw .badFormat }
            d.mask.formUnion(tmask)
        }
        try validateDate(&d)
        try applyMeridiem(&d)
        if d.hour > 24 || d.minute > 59 || d.second > 60 || d.fraction > 1_000_000
            || (d.hour == 24 && (d.minute > 0 || d.second > 0 || d.fraction > 0)) {
            throw .fieldOverflow
        }
        guard d.mask.isSuperset(of: .time) else { throw .badFormat }
        // A zone with transitions needs a date to pick its offset.
        if let zone = d.namedZone, zone.fixedOffset == nil, !d.mask.isSuperset(of: .date) { throw .badFormat }
        return d
    }

    static func roundTime(_ value: Int64, precision: Int?) -> Int64 {
        guard let precision, precision < 6 else { return value }
        let scale = scales[precision]
        return ((value + scale / 2) / scale) * scale
    }

    /// `time_in`.
    static func time(_ text: String, precision: Int?) throws(PostgresValueError) -> Int64 {
        let fields = try parseFields(text, typeName: "time")
        let d: Decoded
        do { d = try decodeTimeOnly(fields) } catch { throw Self.error(error, input: text, typeName: "time") }
        return roundTime(timeOfDay(d), precision: precision)
    }

    /// `timetz_in`: the time and the zone in seconds west.
    static func timetz(_ text: String, precision: Int?, timeZone: String) throws(PostgresValueError) -> (Int64, Int32) {
        let typeName = "time with time zone"
        let fields = try parseFields(text, typeName: typeName)
        let d: Decoded
        do { d = try decodeTimeOnly(fields) } catch { throw Self.error(error, input: text, typeName: typeName) }
        let time = roundTime(timeOfDay(d), precision: precision)
        if let west = d.zoneWest { return (time, Int32(west)) }
        let zone: TimeZoneRules.Zone
        if let named = d.namedZone { zone = named } else { zone = try sessionZone(timeZone) }
        if case .posixRules(let name) = zone { throw posixRulesUnsupported(name) }
        if let fixed = zone.fixedOffset { return (time, Int32(-fixed)) }
        // Without a date, PostgreSQL resolves the zone's offset on the current date.
        let days: Int
        if d.mask.isSuperset(of: .date) {
            days = julianDay(year: d.year, month: d.month, day: d.day) - postgresEpochJulian
        } else {
            days = Int(UnixClock.nowSeconds().floorDivided(by: 86_400) - unixToPostgresSeconds / 86_400)
        }
        let localSeconds = Int64(days) * 86_400 + timeOfDay(d) / 1_000_000 + unixToPostgresSeconds
        return (time, Int32(-TimeZoneRules.offset(forLocalUnixSeconds: localSeconds, in: zone)))
    }
}
