/// The SQL being printed, as UTF-8 bytes in one growing buffer.
///
/// Printing is mostly appending short keywords and names. `String`'s append re-checks uniqueness,
/// capacity and the ASCII flag and updates the count on every call; here an append of a literal is a
/// capacity check and a copy. The text becomes a `String` once, at the end.
struct SQLOutput {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    /// The printed text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends a literal. Only `StaticString` gets `+=`: with a `String` overload as well, Swift would
    /// type every literal as `String` and take the slow path.
    @inline(__always)
    static func += (out: inout SQLOutput, literal: StaticString) {
        literal.withUTF8Buffer { out.bytes.append(contentsOf: $0) }
    }

    /// Appends a name, constant or other text from the tree.
    @inline(__always)
    mutating func append(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) { return done }
        bytes.append(contentsOf: text.utf8)
    }

    @inline(__always)
    mutating func append(_ text: Substring) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) { return done }
        bytes.append(contentsOf: text.utf8)
    }

    @inline(__always)
    mutating func append(byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }

    /// Appends an integer in decimal, without building a String for it.
    mutating func append(_ value: Int32) {
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // At most 10 digits, written backwards into a fixed-size scratch.
        var digits: (UInt64, UInt64) = (0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                count += 1
                scratch[16 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: scratch[(16 - count)...])
        }
    }
}
