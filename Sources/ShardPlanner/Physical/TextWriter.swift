/// Writes SQL text from pieces straight into a string's storage, sized once by the caller.
///
/// Why not `+=`: every `String.append` checks the grapheme boundary at the join and goes
/// through the generic append path, about 300 instructions for the short pieces plans are
/// built from (`remote_scan.`, a column name, `, `). Copying UTF-8 bytes costs a third of that.
struct TextWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    fileprivate init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func write(_ text: String) {
        text.withUTF8Bytes { copy($0) }
    }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        copy(bytes)
    }

    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        // The capacity is the caller's upper bound; writing past it would be a bug there.
        precondition(count + bytes.count <= buffer.count, "TextWriter: capacity exceeded")
        guard let source = bytes.baseAddress else { return }
        (buffer.baseAddress! + count).update(from: source, count: bytes.count)
        count += bytes.count
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes: in place for native strings, which hand out
    /// their storage; others (bridged) are made contiguous first.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = self
        return text.withUTF8(body)
    }

    /// The text `body` writes, in one allocation of at most `capacity` UTF-8 bytes.
    init(capacity: Int, writing body: (inout TextWriter) -> Void) {
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = TextWriter(buffer: buffer)
            body(&writer)
            return writer.count
        }
    }
}

extension String {
    /// `parts.joined()`, in one allocation of the exact size.
    init(concatenating parts: [String]) {
        self.init(capacity: parts.reduce(0) { $0 + $1.utf8.count }) { out in
            for part in parts { out.write(part) }
        }
    }
}
