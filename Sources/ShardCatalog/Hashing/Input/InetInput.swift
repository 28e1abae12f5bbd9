enum InetInput {
    /// `inet_in` / `cidr_in`: IPv4 (`10.1.2.3/24`; cidr also takes abbreviated classful forms
    /// such as `10.1`) or IPv6 (`::1/128`, `::ffff:1.2.3.4`). A cidr must have no bits set to
    /// the right of its mask.
    static func parse(_ text: String, isCIDR: Bool) throws(PostgresValueError) -> PostgresInet {
        let typeName = isCIDR ? "cidr" : "inet"
        let bytes = Array(text.utf8)
        let isIPv6 = bytes.contains(UInt8(ascii: ":"))
        let parsed: (address: [UInt8], bits: Int)?
        if isIPv6 {
            parsed = parseIPv6(bytes[...])
        } else {
            parsed = isCIDR ? parseCIDRv4(bytes) : parseInetV4(bytes)
        }
        guard let (address, bits) = parsed else { throw .invalidSyntax(typeName, text) }
        if isCIDR {
            for bit in bits..<(address.count * 8) where address[bit / 8] & (0x80 >> UInt8(bit % 8)) != 0 {
                throw PostgresValueError(.invalidTextRepresentation, "invalid cidr value: \"\(text)\"",
                                         detail: "Value has bits set to right of mask.")
            }
        }
        return PostgresInet(isIPv6: isIPv6, bits: UInt8(bits), address: address)
    }

    /// Reads a decimal number of at most `limit`; returns it and the index after it.
    private static func decimal(_ bytes: [UInt8], _ start: Int, limit: Int) -> (Int, Int)? {
        var index = start
        var value = 0
        guard index < bytes.count, bytes[index].isASCIIDigit else { return nil }
        while index < bytes.count, bytes[index].isASCIIDigit {
            value = value * 10 + Int(bytes[index] - 0x30)
            if value > limit { return nil }
            index += 1
        }
        return (value, index)
    }

    /// The inet form: octets, then `/bits`; the bits may be left out only with four octets.
    private static func parseInetV4(_ bytes: [UInt8]) -> ([UInt8], Int)? {
        var address: [UInt8] = []
        var index = 0
        while index < bytes.count, bytes[index].isASCIIDigit {
            guard let (octet, next) = decimal(bytes, index, limit: 255), address.count < 4 else { return nil }
            address.append(UInt8(octet))
            index = next
            if index == bytes.count || bytes[index] == UInt8(ascii: "/") { break }
            guard bytes[index] == UInt8(ascii: ".") else { return nil }
            index += 1
        }
        var bits = -1
        if index < bytes.count, bytes[index] == UInt8(ascii: "/"), !address.isEmpty {
            guard let (value, next) = decimal(bytes, index + 1, limit: Int.max / 20), next == bytes.count, value <= 32 else { return nil }
            bits = value
            index = next
        }
        guard index == bytes.count, !address.isEmpty else { return nil }
        if bits == -1 {
            guard address.count == 4 else { return nil }
            bits = 32
        }
        guard bits / 8 <= address.count else { return nil }
        while address.count < 4 { address.append(0) }
        return (address, bits)
    }

    /// The cidr form: abbreviated octets (or `0x` hex) allowed, the mask defaulting to the
    /// address class.
    private static func parseCIDRv4(_ bytes: [UInt8]) -> ([UInt8], Int)? {
        var address: [UInt8] = []
        var index = 0
        guard index < bytes.count, bytes[index].isASCIIDigit else { return nil }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] | 0x20 == UInt8(ascii: "x"), hexDigit(bytes[2]) != nil {
            index = 2
            var pending: UInt8? = nil
            while index < bytes.count, let nybble = hexDigit(bytes[index]) {
                if let high = pending {
                    guard address.count < 4 else { return nil }
                    address.append(high << 4 | nybble)
                    pending = nil
                } else {
                    pending = nybble
                }
                index += 1
            }
            if let high = pending {
                guard address.count < 4 else { return nil }
                address.append(high << 4)
            }
        } else {
            while true {
            guard let (octet, next) = decimal(bytes, index, limit: 255), address.count < 4 else { return nil }
            address.append(UInt8(octet))
            index = next
            if index == bytes.count || bytes[index] == UInt8(ascii: "/") { break }
            guard bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count, bytes[index + 1].isASCIIDigit else { return nil }
            index += 1
            }
        }
        guard !address.isEmpty else { return nil }
        var bits = -1
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") {
            guard let (value, next) = decimal(bytes, index + 1, limit: 32), next == bytes.count else { return nil }
            bits = value
            index = next
        }
        guard index == bytes.count else { return nil }
        if bits == -1 {
            let first = address[0]
            bits = first >= 240 ? 32 : first >= 224 ? 8 : first >= 192 ? 24 : first >= 128 ? 16 : 8
            if bits < address.count * 8 { bits = address.count * 8 }
            if bits == 8 && first == 224 { bits = 4 }
        }
        while bits > address.count * 8 { address.append(0) }
        while address.count < 4 { address.append(0) }
        return (address, bits)
    }

    /// RFC 4291 text form with an optional embedded IPv4 tail and `/bits`.
    private static func parseIPv6(_ text: ArraySlice<UInt8>) -> ([UInt8], Int)? {
        var body = text
        var bits = 128
        if let slash = text.firstIndex(of: UInt8(ascii: "/")) {
            body = text[..<slash]
            let digits = text[(slash + 1)...]
            // getbits: 1-3 digits, no leading zeros, at most 128.
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCIIDigit),
                  digits.count == 1 || digits.first != UInt8(ascii: "0"),
                  let value = Int(String(decoding: digits, as: UTF8.self)), value <= 128 else { return nil }
            bits = value
        }
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var seenGap = false
        var index = body.startIndex
        if body.starts(with: [UInt8(ascii: ":"), UInt8(ascii: ":")]) {
            seenGap = true
            index += 2
        } else if body.first == UInt8(ascii: ":") {
            return nil
        }
        func append(_ group: UInt16) {
            if seenGap { tail.append(group) } else { head.append(group) }
        }
        while index < body.endIndex {
            // An embedded dotted IPv4 address ends the text.
            let rest = body[index...]
            let groupEnd = rest.firstIndex(of: UInt8(ascii: ":")) ?? body.endIndex
            let group = body[index..<groupEnd]
            if group.contains(UInt8(ascii: ".")) {
                guard groupEnd == body.endIndex, let v4 = parseEmbeddedV4(group) else { return nil }
                append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                index = body.endIndex
                break
            }
            guard !group.isEmpty, group.count <= 4 else { return nil }
            var value: UInt16 = 0
            for byte in group {
                guard let digit = hexDigit(byte) else { return nil }
                value = value << 4 | UInt16(digit)
            }
            append(value)
            index = groupEnd
            if index < body.endIndex {
                index += 1  // the ':'
                if index < body.endIndex, body[index] == UInt8(ascii: ":") {
                    guard !seenGap else { return nil }
                    seenGap = true
                    index += 1
                } else if index == body.endIndex {
                    return nil  // a single trailing ':'
                }
            }
        }
        let count = head.count + tail.count
        if seenGap { guard count <= 7 else { return nil } } else { guard count == 8 else { return nil } }
        let groups = head + [UInt16](repeating: 0, count: 8 - count) + tail
        var address: [UInt8] = []
        for group in groups { address += [UInt8(group >> 8), UInt8(group & 0xff)] }
        return (address, bits)
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// `getv4`: exactly four decimal octets without leading zeros.
    private static func parseEmbeddedV4(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var octets: [UInt8] = []
        for part in text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit),
                  part.count == 1 || part.first != UInt8(ascii: "0"),
                  let value = Int(String(decoding: part, as: UTF8.self)), value <= 255 else { return nil }
            octets.append(UInt8(value))
        }
        return octets.count == 4 ? octets : nil
    }
}
