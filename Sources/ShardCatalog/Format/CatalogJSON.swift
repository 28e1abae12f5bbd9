import Foundation

/// The catalog's JSON form: `{"format": "shardplan-catalog", "version": 1, ...}`. See the README.
extension Catalog {
    /// The JSON format name and the version this package writes and reads.
    public static let jsonFormat = "shardplan-catalog"
    public static let jsonVersion = 1

    /// The catalog as JSON, keys sorted, two-space indented, ending with a line break.
    public func jsonString() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = CatalogDocument(format: Catalog.jsonFormat, version: Catalog.jsonVersion, settings: settings, sequences: sequences,
                                       schemas: schemas, nodes: nodes, colocationGroups: colocationGroups, tables: tables)
        // Encoding plain value types to JSON cannot fail.
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a catalog's JSON form and checks that it is consistent.
    ///
    /// - Throws: ``CatalogError`` for another format or version, malformed JSON (with the path
    ///   of the bad field) or parts that contradict each other.
    public init(json: String) throws(CatalogError) {
        let decoder = JSONDecoder()
        let header: CatalogHeader
        do {
            header = try decoder.decode(CatalogHeader.self, from: Data(json.utf8))
        } catch {
            throw CatalogError("not a shardplan catalog: \(Catalog.describe(error))")
        }
        guard header.format == Catalog.jsonFormat else {
            throw CatalogError("not a shardplan catalog: format is \"\(header.format ?? "missing")\", expected \"\(Catalog.jsonFormat)\"")
        }
        guard header.version == Catalog.jsonVersion else {
            throw CatalogError("catalog JSON version \(header.version.map(String.init) ?? "missing") is not supported; this shardplan reads version \(Catalog.jsonVersion)")
        }
        let document: CatalogDocument
        do {
            document = try decoder.decode(CatalogDocument.self, from: Data(json.utf8))
        } catch {
            throw CatalogError("invalid catalog JSON: \(Catalog.describe(error))")
        }
        try self.init(nodes: document.nodes, tables: document.tables, colocationGroups: document.colocationGroups,
                      schemas: document.schemas, settings: document.settings, sequences: document.sequences)
    }

    private static func describe(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context): return "missing field \"\(key.stringValue)\"\(path(context))"
        case DecodingError.typeMismatch(_, let context): return "\(context.debugDescription)\(path(context))"
        case DecodingError.valueNotFound(_, let context): return "missing value\(path(context))"
        case DecodingError.dataCorrupted(let context): return "\(context.debugDescription)\(path(context))"
        default: return "\(error)"
        }
    }
}

private struct CatalogHeader: Decodable {
    var format: String?
    var version: Int?
}

private struct CatalogDocument: Codable {
    var format: String
    var version: Int
    var settings: CatalogSettings
    var sequences: CatalogSequences
    var schemas: [String]
    var nodes: [ClusterNode]
    var colocationGroups: [ColocationGroup]
    var tables: [CatalogTable]
}

extension Distribution {
    private enum CodingKeys: String, CodingKey { case kind, column }

    /// `{"kind": "hash", "column": "id"}`, `{"kind": "reference"}`, `{"kind": "single-shard"}`,
    /// `{"kind": "local"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kindName, forKey: .kind)
        if case .hash(let column) = self { try container.encode(column, forKey: .column) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "hash": self = .hash(column: try container.decode(String.self, forKey: .column))
        case "reference": self = .reference
        case "single-shard": self = .singleShard
        case "local": self = .local
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "unknown distribution kind \"\(kind)\" (hash, reference, single-shard or local)")
        }
    }
}
