/// The SQL being printed, as UTF-8 bytes in one growing buffer.
///
/// Printing is mostly appending short keywords and names. `String`'s append re-checks uniqueness,
/// capacity and the ASCII flag and updates the count on every call; here an append of a literal is a
/// capacity check and a copy. The text becomes a `String` once, at the end.
struct SQLOutput {
    /// Bytes written so far are `bytes[..<count]`; the rest is room, zero-filled ahead of time so that
    /// a write is a copy into initialized memory. (`Array.append(contentsOf:)` goes through the generic
    /// sequence-copying path, several times the cost of the copy itself.)
    private var bytes: [UInt8]
    private var count = 0

    init() { bytes = [UInt8](repeating: 0, count: 256) }

    /// The printed text.
    var text: String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
    }

    @inline(__always)
    private mutating func write(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        let end = count + source.count
        if end > bytes.count { grow(to: end) }
        let at = count
        bytes.withUnsafeMutableBufferPointer { (buffer: inout UnsafeMutableBufferPointer<UInt8>) in
            (buffer.baseAddress! + at).update(from: start, count: source.count)
        }
        count = end
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        bytes.append(contentsOf: repeatElement(0, count: Swift.max(needed, 2 * bytes.count) - bytes.count))
    }

    /// Appends a literal. Only `StaticString` gets `+=`: with a `String` overload as well, Swift would
    /// type every literal as `String` and take the slow path.
    @inline(__always)
    static func += (out: inout SQLOutput, literal: StaticString) {
        literal.withUTF8Buffer { out.write($0) }
    }

    /// Appends a name, constant or other text from the tree.
    @inline(__always)
    mutating func append(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ write($0) }) { return done }
        var text = text
        text.withUTF8 { write($0) }
    }

    @inline(__always)
    mutating func append(_ text: Substring) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ write($0) }) { return done }
        append(String(text))
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        if count == bytes.count { grow(to: count + 1) }
        bytes[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { write(bytes) }

    /// Appends an integer in decimal, without building a String for it.
    mutating func append(_ value: Int32) {
        var magnitude = value.magnitude
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        // At most 10 digits, written backwards into a fixed-size scratch.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { scratch in
            var first = scratch.count
            repeat {
                first -= 1
                scratch[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            write(UnsafeBufferPointer(rebasing: scratch[first...]))
        }
    }
}
