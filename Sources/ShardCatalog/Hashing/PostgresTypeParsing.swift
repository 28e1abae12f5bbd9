extension PostgresType {
    /// Parses a type as written in DDL: `bigint`, `int`, `serial`, `"char"`, `char(5)`,
    /// `character varying(20)`, `timestamp(3) with time zone`, `numeric(10,2)`, `decimal`,
    /// `double precision`, `float(24)`, `interval day to second`, `text[]`, `int ARRAY`,
    /// `pg_catalog.int8`, `public.mood`.
    ///
    /// `serial`, `bigserial` and `smallserial` give the integer type they stand for. A name
    /// this package does not know gives ``Base/other(schema:name:)``.
    ///
    /// - Throws: ``PostgresValueError`` for a spelling PostgreSQL would reject, with its message
    ///   (`length for type varchar must be at least 1`).
    public init(parsing text: String) throws(PostgresValueError) {
        var parser = TypeNameParser(tokens: try TypeNameParser.tokenize(text), text: text)
        self = try parser.parseType()
    }

    /// Resolves a type from the parts a parser gives (`["pg_catalog", "int8"]`, `["char"]`,
    /// `["pg_catalog", "bpchar"]` with modifiers `[5]`) and the modifiers as integers.
    ///
    /// For `interval`, the modifiers are PostgreSQL's raw ones: the field mask first
    /// (`0x7FFF` for none), then the precision.
    ///
    /// - Throws: ``PostgresValueError`` for modifiers PostgreSQL would reject.
    public init(nameParts: [String], modifiers: [Int32] = [], isArray: Bool = false) throws(PostgresValueError) {
        guard let last = nameParts.last, !last.isEmpty, nameParts.count <= 3 else {
            throw PostgresValueError(.syntaxError, "improper qualified name (too many dotted names): \(nameParts.joined(separator: "."))")
        }
        let schema = nameParts.count >= 2 ? nameParts[nameParts.count - 2] : nil
        var fields: IntervalFields? = nil
        var modifiers = modifiers
        let base: Base
        if schema == nil || schema == "pg_catalog", let builtin = PostgresType.internalNames[last] {
            base = builtin
        } else if schema == nil, let serial = PostgresType.serialNames[last] {
            base = serial
        } else {
            base = .other(schema: schema, name: last)
        }
        if base == .interval, let mask = modifiers.first {
            if mask != 0x7fff {
                guard let decoded = IntervalFields(rangeMask: mask) else {
                    throw PostgresValueError(.syntaxError, "invalid INTERVAL type modifier")
                }
                fields = decoded
            }
            modifiers.removeFirst()
        }
        self = try PostgresType(validating: base, modifiers: modifiers, intervalFields: fields, isArray: isArray)
    }

    /// Applies PostgreSQL's `typmodin` checks and normalisations.
    init(validating base: Base, modifiers: [Int32], intervalFields: IntervalFields?, isArray: Bool) throws(PostgresValueError) {
        var modifiers = modifiers
        switch base {
        case .bpchar, .varchar:
            let typeName = base == .bpchar ? "char" : "varchar"
            if modifiers.count > 1 { throw PostgresValueError(.syntaxError, "invalid type modifier") }
            if let length = modifiers.first {
                if length < 1 {
                    throw PostgresValueError(.syntaxError, "length for type \(typeName) must be at least 1")
                }
                if length > 10_485_760 {
                    throw PostgresValueError(.syntaxError, "length for type \(typeName) cannot exceed 10485760")
                }
            }
        case .numeric:
            if modifiers.count > 2 { throw PostgresValueError(.syntaxError, "invalid NUMERIC type modifier") }
            if let precision = modifiers.first {
                guard (1...1000).contains(precision) else {
                    throw PostgresValueError(.syntaxError, "NUMERIC precision \(precision) must be between 1 and 1000")
                }
                if modifiers.count == 1 { modifiers.append(0) }
                guard (-1000...1000).contains(modifiers[1]) else {
                    throw PostgresValueError(.syntaxError, "NUMERIC scale \(modifiers[1]) must be between -1000 and 1000")
                }
            }
        case .time, .timetz, .timestamp, .timestamptz, .interval:
            if modifiers.count > 1 { throw PostgresValueError(.syntaxError, "invalid type modifier") }
            if let precision = modifiers.first {
                if precision < 0 {
                    let label: String
                    switch base {
                    case .time: label = "TIME(\(precision))"
                    case .timetz: label = "TIME(\(precision)) WITH TIME ZONE"
                    case .timestamp: label = "TIMESTAMP(\(precision))"
                    case .timestamptz: label = "TIMESTAMP(\(precision)) WITH TIME ZONE"
                    default: label = "INTERVAL(\(precision))"
                    }
                    throw PostgresValueError(.syntaxError, "\(label) precision must not be negative")
                }
                // PostgreSQL warns and reduces a larger precision to the maximum.
                modifiers[0] = min(precision, 6)
            }
        case .other:
            break
        default:
            if !modifiers.isEmpty {
                throw PostgresValueError(.syntaxError, "type modifier is not allowed for type \"\(PostgresType(base: base).name)\"")
            }
        }
        if intervalFields != nil && base != .interval {
            throw PostgresValueError(.syntaxError, "syntax error: interval fields on a non-interval type")
        }
        self.init(base: base, modifiers: modifiers, intervalFields: intervalFields, isArray: isArray)
    }

    /// The built-in types by their `pg_type.typname`.
    static let internalNames: [String: Base] = [
        "int2": .int2, "int4": .int4, "int8": .int8, "oid": .oid, "bool": .bool, "char": .char,
        "bpchar": .bpchar, "varchar": .varchar, "text": .text, "name": .name, "bytea": .bytea,
        "uuid": .uuid, "date": .date, "time": .time, "timetz": .timetz, "timestamp": .timestamp,
        "timestamptz": .timestamptz, "interval": .interval, "numeric": .numeric, "float4": .float4,
        "float8": .float8, "money": .money, "inet": .inet, "cidr": .cidr, "json": .json, "jsonb": .jsonb,
    ]

    /// The pseudo-types `CREATE TABLE` expands into an integer column with a sequence default.
    static let serialNames: [String: Base] = [
        "smallserial": .int2, "serial2": .int2, "serial": .int4, "serial4": .int4,
        "bigserial": .int8, "serial8": .int8,
    ]

    /// SQL keyword spellings (unquoted only) that the grammar maps to a built-in type.
    static let keywordNames: [String: Base] = [
        "smallint": .int2, "int": .int4, "integer": .int4, "bigint": .int8, "real": .float4,
        "boolean": .bool, "decimal": .numeric, "dec": .numeric,
    ]
}

/// A small recursive-descent reader for type names as they appear in column definitions.
struct TypeNameParser {
    enum Token: Equatable {
        case word(String)           // unquoted identifier, lowercased
        case quoted(String)         // "quoted identifier", case kept
        case number(Int32)
        case symbol(Character)
    }

    var tokens: [Token]
    let text: String
    var position = 0

    init(tokens: [Token], text: String) {
        self.tokens = tokens
        self.text = text
    }

    static func tokenize(_ text: String) throws(PostgresValueError) -> [Token] {
        var tokens: [Token] = []
        var characters = Array(text)[...]
        while let character = characters.first {
            if character.isWhitespace {
                characters.removeFirst()
            } else if character == "\"" {
                characters.removeFirst()
                var identifier = ""
                while true {
                    guard let next = characters.popFirst() else {
                        throw PostgresValueError(.syntaxError, "unterminated quoted identifier in type name \"\(text)\"")
                    }
                    if next == "\"" {
                        if characters.first == "\"" { characters.removeFirst(); identifier.append("\"") } else { break }
                    } else {
                        identifier.append(next)
                    }
                }
                tokens.append(.quoted(identifier))
            } else if character.isNumber || character == "-" || character == "+" {
                var digits = String(characters.removeFirst())
                while let next = characters.first, next.isNumber { digits.append(characters.removeFirst()) }
                guard let value = Int32(digits) else {
                    throw PostgresValueError(.syntaxError, "syntax error at or near \"\(digits)\"")
                }
                tokens.append(.number(value))
            } else if character.isLetter || character == "_" {
                var word = ""
                while let next = characters.first, next.isLetter || next.isNumber || next == "_" || next == "$" {
                    word.append(characters.removeFirst())
                }
                tokens.append(.word(word.lowercased()))
            } else if "(),.[]".contains(character) {
                tokens.append(.symbol(characters.removeFirst()))
            } else {
                throw PostgresValueError(.syntaxError, "syntax error at or near \"\(character)\"")
            }
        }
        return tokens
    }

    var current: Token? { position < tokens.count ? tokens[position] : nil }

    mutating func accept(_ token: Token) -> Bool {
        if current == token { position += 1; return true }
        return false
    }

    mutating func acceptWord(_ word: String) -> Bool { accept(.word(word)) }

    func syntaxError() -> PostgresValueError {
        switch current {
        case .word(let word)?, .quoted(let word)?: PostgresValueError(.syntaxError, "syntax error at or near \"\(word)\"")
        case .number(let number)?: PostgresValueError(.syntaxError, "syntax error at or near \"\(number)\"")
        case .symbol(let symbol)?: PostgresValueError(.syntaxError, "syntax error at or near \"\(symbol)\"")
        case nil: PostgresValueError(.syntaxError, "syntax error at end of input in type name \"\(text)\"")
        }
    }

    mutating func parseModifiers() throws(PostgresValueError) -> [Int32] {
        guard accept(.symbol("(")) else { return [] }
        var modifiers: [Int32] = []
        repeat {
            guard case .number(let value)? = current else { throw syntaxError() }
            position += 1
            modifiers.append(value)
        } while accept(.symbol(","))
        guard accept(.symbol(")")) else { throw syntaxError() }
        return modifiers
    }

    /// `with time zone` / `without time zone`; returns whether a zone was requested.
    mutating func parseZoneClause(default value: Bool) throws(PostgresValueError) -> Bool {
        if acceptWord("with") {
            guard acceptWord("time"), acceptWord("zone") else { throw syntaxError() }
            return true
        }
        if acceptWord("without") {
            guard acceptWord("time"), acceptWord("zone") else { throw syntaxError() }
            return false
        }
        return value
    }

    mutating func parseIntervalFields() throws(PostgresValueError) -> PostgresType.IntervalFields? {
        let units = ["year", "month", "day", "hour", "minute", "second"]
        guard case .word(let first)? = current, units.contains(first) else { return nil }
        position += 1
        if acceptWord("to") {
            guard case .word(let second)? = current, units.contains(second) else { throw syntaxError() }
            position += 1
            guard let fields = PostgresType.IntervalFields(rawValue: "\(first) to \(second)") else {
                throw PostgresValueError(.syntaxError, "syntax error at or near \"\(second)\"")
            }
            return fields
        }
        return PostgresType.IntervalFields(rawValue: first)
    }

    mutating func parseType() throws(PostgresValueError) -> PostgresType {
        var base: PostgresType.Base
        var modifiers: [Int32] = []
        var fields: PostgresType.IntervalFields? = nil
        guard let first = current else { throw syntaxError() }
        position += 1
        switch first {
        case .word("double"):
            guard acceptWord("precision") else { throw syntaxError() }
            base = .float8
        case .word("float"):
            base = .float8
            if let precision = try parseModifiers().first {
                if precision < 1 { throw PostgresValueError(.invalidParameterValue, "precision for type float must be at least 1 bit") }
                if precision > 53 { throw PostgresValueError(.invalidParameterValue, "precision for type float must be less than 54 bits") }
                base = precision <= 24 ? .float4 : .float8
            }
        case .word("character"), .word("char"), .word("nchar"), .word("national"):
            if first == .word("national") { guard acceptWord("character") || acceptWord("char") else { throw syntaxError() } }
            base = acceptWord("varying") ? .varchar : .bpchar
            modifiers = try parseModifiers()
            // A bare `character` means `character(1)`; a bare `character varying` has no limit.
            if base == .bpchar && modifiers.isEmpty { modifiers = [1] }
        case .word("varchar"):
            base = .varchar
            modifiers = try parseModifiers()
        case .word("time"), .word("timestamp"):
            modifiers = try parseModifiers()
            let withZone = try parseZoneClause(default: false)
            if first == .word("time") { base = withZone ? .timetz : .time } else { base = withZone ? .timestamptz : .timestamp }
        case .word("interval"):
            base = .interval
            fields = try parseIntervalFields()
            modifiers = try parseModifiers()
        case .word(let word), .quoted(let word):
            var schema: String? = nil
            var name = word
            var isQuoted = if case .quoted = first { true } else { false }
            if accept(.symbol(".")) {
                guard let second = current else { throw syntaxError() }
                position += 1
                switch second {
                case .word(let part): name = part; isQuoted = false
                case .quoted(let part): name = part; isQuoted = true
                default: throw syntaxError()
                }
                schema = word
            }
            if schema == nil, !isQuoted, let keyword = PostgresType.keywordNames[name] {
                base = keyword
            } else if (schema == nil || schema == "pg_catalog"), let builtin = PostgresType.internalNames[name] {
                base = builtin
            } else if schema == nil, !isQuoted, let serial = PostgresType.serialNames[name] {
                base = serial
            } else {
                base = .other(schema: schema, name: name)
            }
            modifiers = try parseModifiers()
            if base == .timestamp || base == .time {
                // `pg_catalog.timestamp(3) with time zone` is not valid SQL, but `timestamp` is a
                // keyword path above; here only the typname form remains.
                _ = try parseZoneClause(default: false)
            }
        default:
            throw PostgresValueError(.syntaxError, "syntax error at or near \"\(text)\"")
        }
        var dimensions = 0
        while true {
            if accept(.symbol("[")) {
                if case .number? = current { position += 1 }
                guard accept(.symbol("]")) else { throw syntaxError() }
                dimensions += 1
            } else if acceptWord("array") {
                if accept(.symbol("[")) {
                    if case .number? = current { position += 1 }
                    guard accept(.symbol("]")) else { throw syntaxError() }
                }
                dimensions += 1
            } else {
                break
            }
        }
        guard current == nil else { throw syntaxError() }
        return try PostgresType(validating: base, modifiers: modifiers, intervalFields: fields, isArray: dimensions > 0)
    }
}
