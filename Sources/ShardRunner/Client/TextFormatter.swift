import PostgresNIO

/// Turns the binary cells PostgresNIO receives into PostgreSQL's text form.
///
/// PostgresNIO always asks the server for results in binary format (its `Bind` message requests
/// format 1 for every column, and it has no simple-query protocol). To get the exact text psql
/// would print, every value whose binary form is not already its text is sent back to the same
/// session as a binary parameter (an array of the column's type) and turned into text there by
/// the type's own output function: `format('%s', value)` calls it, with the session's
/// DateStyle, TimeZone, extra_float_digits, bytea_output and IntervalStyle. No value is decoded
/// from binary in Swift, except:
/// - types whose binary form *is* their text (`text`, `varchar`, `bpchar`, `name`, `json`,
///   `unknown`), taken as UTF-8;
/// - anonymous records (`SELECT (a, b)`) and arrays of them, which PostgreSQL cannot receive as
///   parameters: their fields are converted one by one as above and assembled with the quoting
///   rules of `record_out` and `array_out`.
struct TextFormatter {
    /// Types whose binary and text forms are the same bytes.
    static let textualTypes: Set<UInt32> = [25, 1043, 1042, 19, 705, 114]
    static let voidType: UInt32 = 2278
    static let recordType: UInt32 = 2249
    static let recordArrayType: UInt32 = 2287

    /// One value to convert.
    struct Cell {
        var typeOID: UInt32
        var bytes: ByteBuffer
    }

    let session: NodeSession

    /// Converts cells to text, in order.
    func format(_ cells: [Cell]) async throws(ShardRunnerError) -> [String] {
        var output = [String?](repeating: nil, count: cells.count)
        var byType: [UInt32: [Int]] = [:]
        var typeOrder: [UInt32] = []
        var records: [Int] = []
        for (index, cell) in cells.enumerated() {
            switch cell.typeOID {
            case _ where Self.textualTypes.contains(cell.typeOID):
                output[index] = String(decoding: cell.bytes.readableBytesView, as: UTF8.self)
            case Self.voidType:
                output[index] = ""
            case Self.recordType, Self.recordArrayType:
                records.append(index)
            default:
                if byType[cell.typeOID] == nil { typeOrder.append(cell.typeOID) }
                byType[cell.typeOID, default: []].append(index)
            }
        }
        if !typeOrder.isEmpty {
            let arrayTypes = try await session.arrayTypes(of: typeOrder)
            // Types with an array type: one array parameter per type, one query for all.
            let batched = typeOrder.filter { (arrayTypes[$0] ?? 0) != 0 }
            if !batched.isEmpty {
                var bindings = PostgresBindings()
                var selects: [String] = []
                for (position, typeOID) in batched.enumerated() {
                    let elements = byType[typeOID]!.map { cells[$0].bytes }
                    bindings.append(BinaryArray(elementType: typeOID, arrayType: arrayTypes[typeOID]!, elements: elements))
                    let parameter = "$\(position + 1)"
                    selects.append("ARRAY(SELECT format('%s', (\(parameter))[i]) FROM generate_subscripts(\(parameter), 1) AS i ORDER BY i)")
                }
                let texts = try await convert("SELECT " + selects.joined(separator: ", "), bindings)
                for (position, typeOID) in batched.enumerated() {
                    let indices = byType[typeOID]!
                    guard texts[position].count == indices.count else {
                        throw ShardRunnerError("text conversion on \(session.endpoint) returned \(texts[position].count) values for \(indices.count)")
                    }
                    for (index, text) in zip(indices, texts[position]) { output[index] = text }
                }
            }
            // Types without one (array types themselves): one parameter per value, in chunks.
            let single = typeOrder.filter { (arrayTypes[$0] ?? 0) == 0 }.flatMap { byType[$0]! }
            var start = 0
            while start < single.count {
                let chunk = Array(single[start..<min(start + 500, single.count)])
                var bindings = PostgresBindings()
                for index in chunk { bindings.append(BinaryValue(type: cells[index].typeOID, bytes: cells[index].bytes)) }
                let list = (1...chunk.count).map { "format('%s', $\($0))" }.joined(separator: ", ")
                let texts = try await convert("SELECT ARRAY[\(list)]::text[]", bindings)
                guard texts.count == 1, texts[0].count == chunk.count else {
                    throw ShardRunnerError("text conversion on \(session.endpoint) returned a wrong number of values")
                }
                for (index, text) in zip(chunk, texts[0]) { output[index] = text }
                start += chunk.count
            }
        }
        for index in records {
            output[index] = try await formatComposite(cells[index])
        }
        return output.map { $0 ?? "" }
    }

    /// Runs a conversion query returning one row of `text[]` columns.
    private func convert(_ sql: String, _ bindings: PostgresBindings) async throws(ShardRunnerError) -> [[String]] {
        let rows = try await session.rawQuery(PostgresQuery(unsafeSQL: sql, binds: bindings))
        guard let row = rows.first else { throw ShardRunnerError("text conversion on \(session.endpoint) returned no row") }
        var result: [[String]] = []
        for cell in row {
            do {
                result.append(try cell.decode([String].self))
            } catch {
                throw ShardRunnerError("could not read converted values on \(session.endpoint): \(error)")
            }
        }
        return result
    }

    /// An anonymous record or an array of them, assembled from its converted fields.
    private func formatComposite(_ cell: Cell) async throws(ShardRunnerError) -> String {
        var buffer = cell.bytes
        if cell.typeOID == Self.recordType {
            guard let fields = Self.readRecord(&buffer) else {
                throw ShardRunnerError("malformed binary record from \(session.endpoint)")
            }
            let present = fields.compactMap { $0 }
            let texts = try await format(present)
            var iterator = texts.makeIterator()
            let values: [String?] = fields.map { $0 == nil ? nil : iterator.next() }
            return Self.recordText(values)
        }
        guard let array = Self.readArray(&buffer) else {
            throw ShardRunnerError("malformed binary array from \(session.endpoint)")
        }
        let present = array.elements.compactMap { $0 }
        let texts = try await format(present)
        var iterator = texts.makeIterator()
        let values: [String?] = array.elements.map { $0 == nil ? nil : iterator.next() }
        return Self.arrayText(values, dimensions: array.dimensions)
    }

    // MARK: Binary records and arrays

    /// The fields of a binary record (`record_send`): a count, then per field its type OID and
    /// its bytes (length -1 for NULL).
    static func readRecord(_ buffer: inout ByteBuffer) -> [Cell?]? {
        guard let count = buffer.readInteger(as: Int32.self), count >= 0 else { return nil }
        var fields: [Cell?] = []
        for _ in 0..<count {
            guard let oid = buffer.readInteger(as: UInt32.self), let length = buffer.readInteger(as: Int32.self) else { return nil }
            if length < 0 { fields.append(nil); continue }
            guard let bytes = buffer.readSlice(length: Int(length)) else { return nil }
            fields.append(Cell(typeOID: oid, bytes: bytes))
        }
        return fields
    }

    /// The elements of a binary array (`array_send`) and its dimensions (length, lower bound).
    static func readArray(_ buffer: inout ByteBuffer) -> (elements: [Cell?], dimensions: [(Int, Int)])? {
        guard let dimensionCount = buffer.readInteger(as: Int32.self), buffer.readInteger(as: Int32.self) != nil,
              let elementType = buffer.readInteger(as: UInt32.self), dimensionCount >= 0 else { return nil }
        var dimensions: [(Int, Int)] = []
        var total = dimensionCount == 0 ? 0 : 1
        for _ in 0..<dimensionCount {
            guard let length = buffer.readInteger(as: Int32.self), let lower = buffer.readInteger(as: Int32.self) else { return nil }
            dimensions.append((Int(length), Int(lower)))
            total *= Int(length)
        }
        var elements: [Cell?] = []
        for _ in 0..<total {
            guard let length = buffer.readInteger(as: Int32.self) else { return nil }
            if length < 0 { elements.append(nil); continue }
            guard let bytes = buffer.readSlice(length: Int(length)) else { return nil }
            elements.append(Cell(typeOID: elementType, bytes: bytes))
        }
        return (elements, dimensions)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// `record_out`: `(1,abc,"x y",)`.
    static func recordText(_ values: [String?]) -> String {
        var text = "("
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            guard let value else { continue }
            let quote = value.isEmpty || value.utf8.contains { $0 == 0x22 || $0 == 0x5C || $0 == 0x28 || $0 == 0x29 || $0 == 0x2C || isSpace($0) }
            guard quote else { text += value; continue }
            text += "\""
            for character in value {
                if character == "\"" || character == "\\" { text.append(character) }
                text.append(character)
            }
            text += "\""
        }
        return text + ")"
    }

    /// `array_out`: `{1,NULL,"a b"}`, with `[lower:upper]=` dimension decoration when a lower
    /// bound is not 1.
    static func arrayText(_ values: [String?], dimensions: [(Int, Int)]) -> String {
        guard !dimensions.isEmpty, !values.isEmpty else { return "{}" }
        func element(_ value: String?) -> String {
            guard let value else { return "NULL" }
            let quote = value.isEmpty || value.lowercased() == "null"
                || value.utf8.contains { $0 == 0x22 || $0 == 0x5C || $0 == 0x7B || $0 == 0x7D || $0 == 0x2C || isSpace($0) }
            guard quote else { return value }
            var text = "\""
            for character in value {
                if character == "\"" || character == "\\" { text += "\\" }
                text.append(character)
            }
            return text + "\""
        }
        var position = 0
        func level(_ dimension: Int) -> String {
            var parts: [String] = []
            for _ in 0..<dimensions[dimension].0 {
                if dimension == dimensions.count - 1 {
                    parts.append(element(values[position]))
                    position += 1
                } else {
                    parts.append(level(dimension + 1))
                }
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
        var prefix = ""
        if dimensions.contains(where: { $0.1 != 1 }) {
            prefix = dimensions.map { "[\($0.1):\($0.1 + $0.0 - 1)]" }.joined() + "="
        }
        return prefix + level(0)
    }
}

/// One value already in binary form, sent as a binary parameter of its type.
struct BinaryValue: PostgresDynamicTypeEncodable {
    var type: UInt32
    var bytes: ByteBuffer

    var psqlType: PostgresDataType { PostgresDataType(type) }
    var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        var copy = bytes
        buffer.writeBuffer(&copy)
    }
}

/// A one-dimensional array of values already in binary form, sent as a binary parameter.
struct BinaryArray: PostgresDynamicTypeEncodable {
    var elementType: UInt32
    var arrayType: UInt32
    var elements: [ByteBuffer]

    var psqlType: PostgresDataType { PostgresDataType(arrayType) }
    var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(Int32(0))
        buffer.writeInteger(elementType)
        buffer.writeInteger(Int32(elements.count))
        buffer.writeInteger(Int32(1))
        for var element in elements {
            buffer.writeInteger(Int32(element.readableBytes))
            buffer.writeBuffer(&element)
        }
    }
}
