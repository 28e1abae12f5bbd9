/// Generated literals for the live hash agreement tests: edge cases first, then random values
/// in the spellings people write, with a share of inputs PostgreSQL rejects.
struct LiteralGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Whitespace, sign and leading-zero decoration around an integer's digits.
    mutating func decorate(_ digits: String) -> String {
        var text = digits
        if chance(10), !text.hasPrefix("-") { text = "+" + text }
        if chance(10) {
            let negative = text.hasPrefix("-") || text.hasPrefix("+")
            let sign = negative ? String(text.first!) : ""
            text = sign + String(repeating: "0", count: int(1...3)) + (negative ? String(text.dropFirst()) : text)
        }
        if chance(10) { text = String(repeating: " ", count: int(1...2)) + text }
        if chance(10) { text += pick([" ", "  ", "\t", "\n"]) }
        return text
    }

    mutating func integers(bits: Int, count: Int) -> [String] {
        let maxValue = bits == 64 ? Int64.max : (Int64(1) << (bits - 1)) - 1
        let minValue = bits == 64 ? Int64.min : -(Int64(1) << (bits - 1))
        var values = [
            "0", "-0", "+0", "1", "-1", "42", " 42 ", "042", "00042", String(maxValue), String(minValue),
            "", " ", "abc", "1e5", "12a", "0x10", "1.0", "--1", "+-1", "- 1", "1 2", "١٢",
        ]
        if bits == 64 {
            values += ["9223372036854775808", "-9223372036854775809", "99999999999999999999", "2147483648", "-2147483649"]
        } else {
            values += [String(Int64(maxValue) + 1), String(Int64(minValue) - 1), "99999999999999999999"]
        }
        while values.count < count {
            let magnitude = int(1...bits - 1)
            let bound = magnitude >= 63 ? Int64.max : (Int64(1) << magnitude)
            var value = Int64.random(in: 0...bound, using: &random)
            if chance(50) { value = value == Int64.min ? value : -value }
            var text = decorate(String(value))
            if chance(2) { text += pick(["x", ".", "e1", "_0"]) }
            values.append(text)
        }
        return values
    }

    mutating func oids(count: Int) -> [String] {
        var values = ["0", "4294967295", "4294967296", "-1", "-2147483648", "-2147483649", " 7 ", "", "x", "12 x"]
        while values.count < count {
            let value = Int64.random(in: -2_147_483_648...4_294_967_295, using: &random)
            values.append(decorate(String(value)))
        }
        return values
    }

    mutating func booleans(count: Int) -> [String] {
        let words = ["t", "tr", "tru", "true", "f", "fa", "fal", "fals", "false", "y", "ye", "yes", "n", "no",
                     "on", "of", "off", "o", "1", "0", "2", "", "truee", "yess", "nope", "ture", "10", "01"]
        var values = words
        while values.count < count {
            var word = pick(words)
            word = String(word.map { chance(50) ? Character($0.uppercased()) : $0 })
            if chance(15) { word = " " + word }
            if chance(15) { word += pick([" ", "\t"]) }
            values.append(word)
        }
        return values
    }

    static let alphabet: [String] = [
        "a", "b", "z", "A", "Z", "0", "9", " ", "-", "_", ".", "'", "\"", "\\", "\t", "é", "ü", "ß", "ø", "€",
        "中", "文", "日", "本", "ñ", "Ω", "😀", "👍🏽", "\u{0301}", "\u{00A0}", "x", "y", "\n",
    ]

    mutating func string(maxLength: Int) -> String {
        var text = ""
        for _ in 0..<int(0...maxLength) { text += pick(Self.alphabet) }
        if chance(20) { text += String(repeating: " ", count: int(1...4)) }
        return text
    }

    mutating func texts(count: Int, maxLength: Int) -> [String] {
        var values = ["", " ", "  ", "a", "a ", "abc", "hello world", "Ünïcödé", "😀", String(repeating: "x", count: 300),
                      "trailing   ", "   leading", "tab\t", "new\nline", "back\\slash", String(repeating: "é", count: 40)]
        while values.count < count { values.append(string(maxLength: maxLength)) }
        return values
    }

    mutating func chars(count: Int) -> [String] {
        var values = ["", "a", "ab", "\\101", "\\377", "\\400", "\\12", "é", "中", "😀", " ", "\\", "\\\\"]
        while values.count < count {
            if chance(20) {
                values.append("\\" + String(int(0...3)) + String(int(0...7)) + String(int(0...7)))
            } else {
                values.append(string(maxLength: 3))
            }
        }
        return values
    }

    mutating func hex(_ bytes: Int, uppercase: Bool = false) -> String {
        var text = ""
        for _ in 0..<bytes {
            let value = int(0...255)
            let digits = String(value, radix: 16, uppercase: uppercase)
            text += digits.count == 1 ? "0" + digits : digits
        }
        return text
    }

    mutating func byteas(count: Int) -> [String] {
        var values = ["", "\\x", "\\x00", "\\xDEADbeef", "\\x0", "\\xzz", "\\x 01 02", "abc", "\\\\", "\\001", "\\400",
                      "\\", "a\\b", "\\x01\n02", "é"]
        while values.count < count {
            switch int(0...2) {
            case 0: values.append("\\x" + hex(int(0...40), uppercase: chance(30)))
            case 1:
                var text = ""
                for _ in 0..<int(0...20) {
                    if chance(20) { text += "\\" + String(int(0...3)) + String(int(0...7)) + String(int(0...7)) }
                    else if chance(10) { text += "\\\\" }
                    else { text += pick(["a", "b", "Z", " ", "é", "0"]) }
                }
                values.append(text)
            default:
                var text = "\\x" + hex(int(0...10))
                if chance(50) { text += pick(["g", "0", " x", "-"]) }
                values.append(text)
            }
        }
        return values
    }

    mutating func uuids(count: Int) -> [String] {
        var values = ["00000000-0000-0000-0000-000000000000", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                      "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
                      "a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11",
                      "{a0eebc999c0b4ef8bb6d6bb9bd380a11}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
                      "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111", " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                      "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11", "", "{}"]
        while values.count < count {
            let raw = hex(16, uppercase: chance(20))
            var text = ""
            let style = int(0...3)
            for (offset, character) in raw.enumerated() {
                text.append(character)
                let groupEnd = offset % 4 == 3 && offset < 31
                if style == 0, [7, 11, 15, 19].contains(offset) { text += "-" }
                if style == 2, groupEnd, chance(40) { text += "-" }
            }
            if style == 3 { text = "{" + text + "}" }
            if chance(3) { text += pick(["-", "x", "}"]) }
            values.append(text)
        }
        return values
    }

    mutating func numerics(count: Int, typmod: Bool) -> [String] {
        var values = ["0", "-0", "0.000", "-0.000", "42", "42.000", "-42", "3.14159", "123456789012.5", "0.001",
                      "10000", "1e20", "12345.6789", "-0.5", "NaN", "nan", "  NaN  ", "Infinity", "-Infinity", "+Infinity",
                      "inf", "-inf", "+inf", "infinity ", ".5", "5.", "-.5", "1e-5", "1E+5", "1e", "e5", "", " ", "1.2.3",
                      "1,5", "0x10", "1 000", "1e1000", "1e-1000", "9999999999999999999999999999999.99999999999",
                      "0.00000000000000000000000000001", "1.005", "999.995", "99999999.995", "-99999999.995", "0.0049",
                      "0.005", "-0.005"]
        while values.count < count {
            var text = ""
            if chance(40) { text += "-" } else if chance(5) { text += "+" }
            let integerDigits = pick([0, 0, 1, 1, 2, 3, 4, 5, 8, 12, 20, 40])
            for position in 0..<integerDigits { text += String(position == 0 && chance(70) ? int(1...9) : int(0...9)) }
            if integerDigits == 0 || chance(60) {
                text += "."
                let fraction = pick([0, 1, 2, 3, 4, 5, 8, 12, 25])
                for _ in 0..<fraction { text += String(chance(30) ? 0 : int(0...9)) }
                if integerDigits == 0 && fraction == 0 { text += "0" }
            }
            if chance(15) { text += String(repeating: "0", count: int(1...6)) }
            if chance(15) { text += pick(["e", "E"]) + pick(["", "-", "+"]) + String(int(0...30)) }
            if chance(5) { text = " " + text + " " }
            if chance(2) { text += pick(["x", ".", "e"]) }
            values.append(text)
        }
        _ = typmod
        return values
    }

    mutating func floats(count: Int, single: Bool) -> [String] {
        var values = ["0", "-0", "0.0", "-0.0", "1.5", "NaN", "nan", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf",
                      "-inf", "+inf", "infinity", "INF", "1e400", "-1e400", "1e-400", "1e39", "1e-46", "3.4028235e38",
                      "3.4028236e38", "1.17549435e-38", "1.4e-45", "4.9e-324", "2.2250738585072014e-308",
                      "1.7976931348623157e308", "1.7976931348623159e308", "0x1p3", "0x10", " 1.5 ", "1.5x", "", " ", "e5",
                      "1e", ".5", "5.", "1,5", "nan(123)", "0.1", "0.30000000000000004", "123456789012345678901234567890"]
        while values.count < count {
            let value: Double
            switch int(0...3) {
            case 0: value = Double.random(in: -1000...1000, using: &random)
            case 1: value = Double(bitPattern: random.next())
            case 2: value = Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / pick([1, 10, 100, 1000])
            default: value = Double(Float(bitPattern: UInt32(truncatingIfNeeded: random.next())))
            }
            var text: String
            if value.isNaN {
                text = "NaN"
            } else if chance(50) {
                text = single ? String(Float(value)) : String(value)
            } else {
                // A shortened decimal, as people type them.
                let full = String(value)
                text = String(full.prefix(int(1...max(1, full.count))))
                if text.hasSuffix("e") || text.hasSuffix("-") || text.hasSuffix("+") { text.removeLast() }
                if text.isEmpty || text == "-" { text = "7" }
            }
            if chance(5) { text = " " + text }
            values.append(text)
        }
        return values
    }

    mutating func money(count: Int) -> [String] {
        var values = ["0", "", "12.345", "12.344", "(1,234.5)", "$-1.005", " - $ 1 ", "1.2.3", "abc", "92233720368547758.07",
                      "92233720368547758.08", "-92233720368547758.08", "-92233720368547758.09", "1,2,3", "$1e5", "12.", ".5",
                      "+5", "5-", "5 x", "(5", "12.3456", "0.005", "-0.005", "1.995", "$ 5", "5$", "5)", "$$5"]
        while values.count < count {
            var text = ""
            if chance(20) { text += "$" }
            if chance(20) { text += pick(["-", "(", "+"]) }
            if chance(10) { text += "$" }
            var digits = String(Int.random(in: 0...999_999_999, using: &random))
            if chance(20) {
                var grouped = ""
                for (offset, character) in digits.reversed().enumerated() {
                    if offset > 0 && offset % 3 == 0 { grouped.append(",") }
                    grouped.append(character)
                }
                digits = String(grouped.reversed())
            }
            text += digits
            if chance(70) { text += "." + String(Int.random(in: 0...99999, using: &random)).prefix(int(0...5)) }
            if chance(10) { text += pick([")", "-", " ", "$"]) }
            values.append(text)
        }
        return values
    }

    mutating func ipv4(_ octets: Int) -> String {
        (0..<octets).map { _ in String(int(0...255)) }.joined(separator: ".")
    }

    mutating func ipv6() -> String {
        var groups = (0..<8).map { _ in String(int(0...0xffff), radix: 16, uppercase: chance(20)) }
        if chance(30) { groups = groups.map { _ in chance(60) ? "0" : String(int(0...0xffff), radix: 16) } }
        var text = groups.joined(separator: ":")
        if chance(40) {
            // Compress one run of groups.
            let start = int(0...6)
            let length = int(1...(8 - start))
            let head = groups[0..<start].joined(separator: ":")
            let tail = groups[(start + length)...].joined(separator: ":")
            text = head + "::" + tail
        }
        if chance(10) { text = "::ffff:" + ipv4(4) }
        return text
    }

    mutating func inets(count: Int, cidr: Bool) -> [String] {
        var values = ["0.0.0.0", "255.255.255.255", "10.0.0.1/8", "10.0.0.0/8", "10/8", "10", "10.1", "10.1.2",
                      "192.168.1", "224.0", "224", "240.1", "128.1", "1.2.3.4/33", "1.2.3.4/32", "1.2.3.4/0", "256.1.1.1",
                      "1.2.3.4.5", "::", "::1", "::1/128", "::/0", "fe80::1/64", "fe80::/10", "2001:db8::/32", "2001:db8::1/32",
                      "::ffff:1.2.3.4", "::ffff:1.2.3.4/120", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1", "1:",
                      "12345::", "", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4/", "1.2.3.4/08", "::1/129", "::1/01", "abc",
                      "10.0.0.0/7", "10.0.0.0/9", "1.2.3.04", "0x0a000000"]
        while values.count < count {
            if chance(60) {
                let octets = cidr ? int(1...4) : (chance(85) ? 4 : int(1...3))
                var text = ipv4(octets)
                if chance(60) { text += "/" + String(int(0...33)) }
                values.append(text)
            } else {
                var text = ipv6()
                if chance(50) { text += "/" + String(int(0...129)) }
                values.append(text)
            }
        }
        return values
    }

    // MARK: Dates and times

    mutating func calendarDate() -> (year: Int, month: Int, day: Int) {
        let year = pick([int(1...9999), int(1900...2100), int(1970...2037), 2000, 2024, 1999, 1600, 1900, 4, 2100])
        let month = int(1...12)
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            + (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 1 : 0)
        // Sometimes one day too many, to check the range error.
        let day = chance(3) ? days + 1 : int(1...days)
        return (year, month, day)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let fullMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                 "October", "November", "December"]

    mutating func dateText() -> String {
        let (year, month, day) = calendarDate()
        let y4 = padded(year, width: 4)
        let m2 = padded(month, width: 2)
        let d2 = padded(day, width: 2)
        var text: String
        switch int(0...9) {
        case 0, 1, 2: text = "\(y4)-\(m2)-\(d2)"
        case 3: text = "\(y4)/\(m2)/\(d2)"
        case 4: text = "\(month)/\(day)/\(y4)"
        case 5: text = "\(m2)-\(d2)-\(y4)"
        case 6: text = "\(Self.monthNames[month - 1]) \(day), \(y4)"
        case 7: text = "\(day)-\(Self.monthNames[month - 1])-\(y4)"
        case 8: text = "\(y4)\(m2)\(d2)"
        default: text = "\(Self.fullMonthNames[month - 1]) \(day) \(y4)"
        }
        if chance(3) { text += " BC" }
        if chance(3) { text = text.lowercased() }
        return text
    }

    mutating func timeText(allowFraction: Bool = true) -> String {
        let useMeridiem = chance(10)
        let hour = useMeridiem ? int(1...12) : int(0...23)
        var text = "\(chance(80) ? padded(hour, width: 2) : String(hour)):\(padded(int(0...59), width: 2))"
        if chance(80) { text += ":" + padded(int(0...59), width: 2) }
        if allowFraction && chance(50) && text.count > 5 {
            text += "." + String((0..<int(1...7)).map { _ in Character(String(int(0...9))) })
        }
        if useMeridiem { text += pick([" AM", " PM", "am", " pm"]) }
        return text
    }

    static let offsets = ["+00", "-00", "Z", "+05:30", "-08", "-0800", "+0100", "+14", "+15:59", "-03:30", "+05:45",
                          "+01:02:03", " UTC", " GMT", " EST", " PDT", " CET", " CEST", " JST", " AEST", " z"]

    mutating func zoneSuffix() -> String {
        pick(Self.offsets)
    }

    mutating func timestamps(count: Int, zones: Bool) -> [String] {
        var values = ["2024-02-29 12:34:56", "1999-12-31 23:59:59.5", "2000-01-01 00:00:00", "epoch", "infinity", "-infinity",
                      "Infinity", "2024-01-01 24:00", "2024-01-01 24:00:01", "2024-01-01 25:00", "2024-01-01 12:60",
                      "2024-01-01 12:59:60", "2024-01-01 13:00 pm", "2024-01-01 12:00 am", "0000-01-01", "24-01-01",
                      "1-1-1", "2024-02-30", "2023-02-29", "2024-13-01", "13/01/2024", "2024-01-01T", "2024-02-29T12:34:56",
                      "2024-02-29T12:34:56Z", "2024-02-29T12:00:00.5+05:30", "  2024-01-01  ", "2024-01-01 12:34.5",
                      "20240229", "240229", "2024-02-29 123456", "2024-02-29 1234", "2024-02-29 12", "29 feb 2024",
                      "2024 feb 29", "feb-29-2024", "2024/02/29", "02/29/24", "2024-02-29 12:00 -05:30", "2024-02-29 12:00 +16",
                      "2024-02-29 12:00 America/New_York", "2024-02-29 12:00 america/nowhere", "2024-02-29 12:00 nowhere",
                      "2024-02-29 allballs", "allballs", "2024-02-29 12:00:00.1234565", "2024-02-29 12:00:00.9999995",
                      "2024-02-29 23:59:59.9999999", "2024-02-29 12:00 bc", "294276-12-31 23:59:59.999999", "294277-01-01",
                      "4713-11-24 bc", "4714-11-24 bc", "4714-11-23 bc", "Feb 29 2024 1pm", "", "x", "2024-02-29 12:00 EST",
                      "2024-02-29 12:00 Europe/Berlin", "2024-02-29 12:00 Asia/Kolkata", "2024-03-10 02:30 America/New_York",
                      "2024-11-03 01:30 America/New_York", "2024-03-31 02:30 Europe/Berlin", "2024-10-27 02:30 Europe/Berlin",
                      "Thu Feb 29 2024 12:00", "2024-02-29 12:00 japan", "1970-01-01 00:00:00+00", "1 2 3", "2024-02-29 at 12:00"]
        let zoneNames = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo",
                         "Pacific/Auckland", "Asia/Tokyo", "UTC", "Etc/GMT+3", "America/Los_Angeles", "Europe/London"]
        while values.count < count {
            var text = dateText()
            if chance(85) {
                let time = timeText()
                // ISO's T separator only before a 24-hour time.
                // (After "BC" a T would turn "BCT12:00" into a POSIX zone name.)
                let separator = chance(20) && !time.lowercased().hasSuffix("m") && !text.lowercased().hasSuffix("bc") ? "T" : " "
                text += separator + time
            }
            if chance(zones ? 50 : 15) { text += zoneSuffix() }
            if zones && chance(15) {
                // Named zones within the range of both tz implementations.
                let year = 1902 + int(0...135)
                text = "\(year)-\(padded(int(1...12), width: 2))-\(padded(int(1...28), width: 2)) \(timeText(allowFraction: false)) \(pick(zoneNames))"
            }
            values.append(text)
        }
        return values
    }

    mutating func dates(count: Int) -> [String] {
        var values = ["2000-01-01", "2024-02-29", "2023-02-29", "epoch", "infinity", "-infinity", "5874897-12-31",
                      "5874898-01-01", "4713-11-24 bc", "4714-11-24 bc", "4714-11-23 bc", "99999-01-01", "200001-01-01",
                      "0001-01-01", "0000-01-01", "1-1-1", "70-01-01", "01/02/03", "2024-02-29 12:00", "2024-02-29 25:00",
                      "Feb 29, 2024", "29-Feb-2024", "2024-Feb-29", "February 29 2024", "20240229", "", "x", "2024-02",
                      "2024-02-29 America/New_York", "J2451545x", "2024-02-29 +05"]
        while values.count < count {
            var text = dateText()
            if chance(5) { text += " " + timeText() }
            values.append(text)
        }
        return values
    }

    mutating func times(count: Int, zoned: Bool) -> [String] {
        var values = ["00:00", "24:00", "24:00:00", "24:00:00.000001", "12:34:60", "12:34:61", "23:59:59.9999995",
                      "23:59:59.999999", "allballs", "12:00 pm", "12:00 am", "1:00 pm", "13:00 pm", "12:00+05", "12:00-08:00",
                      "12:00 PST", "12:00 CEST", "2024-01-01 12:00", "12", "1234", "123456", "12:34.5", "12.5", "", "x",
                      "infinity", "12:34:56.5 America/New_York", "2024-07-01 12:00 America/New_York", "04:05:06 z",
                      "12:60", "25:00", "12:00:00+15:00", "12:00:00+16", "T12:00", "12:00 +05:30"]
        while values.count < count {
            var text = timeText()
            if chance(zoned ? 60 : 15) { text += zoneSuffix() }
            values.append(text)
        }
        return values
    }

    mutating func intervals(count: Int) -> [String] {
        var values = ["0", "1", "1.5", "-1.5", "1 day", "1.5 days", "1 day 1.5 hours", "1.5 years", "1.5 months", "1.7 weeks",
                      "P1Y2M3DT4H5M6.5S", "P1D", "PT1.5H", "P-1Y", "P1.5Y", "P0.5M", "PT", "P", "@ 1 hour ago", "1 hour ago",
                      "1-2", "-1-2", "1-12", "3 4:05:06", "4:05:06", "-4:05:06", "4:05", "4:05.5", "1 2:03", "1 +2:03",
                      "1 year 2 mons 3 days 04:05:06.789", "10 centuries", "2 millennia", "3 decades", "5 mins", "5 min 3 sec",
                      "1 day 2 days", "1 hour 10:00", "infinity", "", "x", "1 fortnight", "100000000 years",
                      "2147483647 days", "2147483648 days", "1e5 days", "1 microsecond", "1.5 ms", "1.5 microseconds",
                      "0.0000005 seconds", "1.0000005 seconds", "23:59:59.9999995", "1 week 1.5 days", "-1 day +2:03:04",
                      "1 mon -1 day", "PT1M30S", "P1W", "P1Y1W", "P1DT", "2 h 3 m", "1 y 2 mon 3 d", "1 d 2 h 3 m 4 s"]
        let units = ["microseconds", "us", "ms", "milliseconds", "seconds", "secs", "s", "minutes", "min", "m", "hours",
                     "hour", "h", "days", "day", "d", "weeks", "w", "months", "mons", "mon", "years", "y", "decades",
                     "centuries", "millennium"]
        while values.count < count {
            var text: String
            switch int(0...3) {
            case 0, 1:
                var parts: [String] = []
                var used = Set<String>()
                for _ in 0..<int(1...4) {
                    let unit = pick(units)
                    if used.contains(unit) { continue }
                    used.insert(unit)
                    var number = String(int(0...1000))
                    if chance(30) { number += "." + String(int(0...999)) }
                    if chance(20) { number = "-" + number }
                    parts.append("\(number) \(unit)")
                }
                if chance(30) { parts.append(timeText(allowFraction: true).replacing(every: " AM", with: "")
                    .replacing(every: " PM", with: "").replacing(every: "am", with: "")
                    .replacing(every: " pm", with: "")) }
                text = parts.joined(separator: " ")
                if chance(10) { text = "@ " + text }
                if chance(10) { text += " ago" }
            case 2:
                text = "P"
                if chance(70) { text += String(int(0...30)) + "Y" }
                if chance(70) { text += String(int(0...30)) + (chance(20) ? ".5" : "") + "M" }
                if chance(50) { text += String(int(0...30)) + "D" }
                if chance(70) {
                    text += "T"
                    if chance(70) { text += String(int(0...30)) + "H" }
                    if chance(70) { text += String(int(0...59)) + "M" }
                    if chance(70) { text += String(int(0...59)) + (chance(30) ? "." + String(int(0...999999)) : "") + "S" }
                }
            default:
                text = "\(int(0...100))-\(int(0...11)) \(int(0...40)) \(int(0...23)):\(padded(int(0...59), width: 2)):\(padded(int(0...59), width: 2))"
            }
            values.append(text)
        }
        return values
    }
}

extension String {
    func replacing(every target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
