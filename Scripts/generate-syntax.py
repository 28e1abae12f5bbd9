#!/usr/bin/env python3
"""Generate the Swift syntax tree and its JSON readers from libpg_query's pg_query.proto.

Usage: Scripts/generate-syntax.py [PROTO] (default /usr/include/pg_query/pg_query.proto)
Writes Sources/SQLSyntax/generated/Nodes.swift and NodeReaders.swift. Never edit those by hand.

Mapping:
  message M            -> public struct M (value type, Sendable, Hashable)
  oneof node in Node   -> public indirect enum Node
  other oneof          -> a nested enum, stored as an optional
  enum E               -> public enum E: Int32 (cases in lowerCamelCase of the proto names)
  Node field           -> Node?            repeated Node -> [Node]
  message field        -> M? (boxed when the field closes a cycle of message fields)
  scalar               -> Swift scalar with the proto3 default

JSON: libpg_query prints field names as the proto's json_name (or the field name) and omits fields
that hold their default value. Keys are matched by a 64-bit FNV-1a hash computed while scanning.
"""
import os
import re
import sys

PROTO = sys.argv[1] if len(sys.argv) > 1 else "/usr/include/pg_query/pg_query.proto"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "SQLSyntax", "generated")

# Proto message names that would shadow Swift's own types inside the module.
RENAMED = {"String": "PGString", "Integer": "PGInteger", "Float": "PGFloat",
           "Boolean": "PGBoolean", "List": "PGList", "BitString": "PGBitString"}
SWIFT_KEYWORDS = {"as", "break", "case", "catch", "class", "continue", "default", "defer", "do",
                  "else", "enum", "extension", "fallthrough", "false", "for", "func", "guard", "if",
                  "import", "in", "init", "inout", "internal", "is", "let", "nil", "operator",
                  "private", "protocol", "public", "repeat", "rethrows", "return", "self", "Self",
                  "static", "struct", "subscript", "super", "switch", "throw", "throws", "true",
                  "try", "typealias", "var", "where", "while", "Type", "Protocol", "any", "some"}
SCALARS = {"string": ("String", '""'), "bool": ("Bool", "false"), "int32": ("Int32", "0"),
           "uint32": ("UInt32", "0"), "int64": ("Int64", "0"), "uint64": ("UInt64", "0"),
           "double": ("Double", "0")}
# Node types small enough (at most 16 bytes, no Node inside) to store inline in the Node enum.
INLINE_NODES = {"String", "Integer", "Float", "Boolean", "BitString", "A_Star", "ParamRef"}
# Fields holding a byte offset into the statement text; readers drop them on request.
LOCATION_FIELDS = {"location"}


def camel(name, upper=False):
    parts = [p for p in name.split("_") if p]
    s = "".join(p[:1].upper() + p[1:] for p in parts)
    if not upper:
        s = s[:1].lower() + s[1:]
    return s


def enum_case(name):
    """SETOP_UNION -> setopUnion, AT_AddColumn -> atAddColumn, CTEMaterializeAlways -> cteMaterializeAlways."""
    out = []
    for i, part in enumerate(p for p in name.split("_") if p):
        if part.upper() == part:
            word = part.lower()
        else:
            run = len(part) - len(part.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
            if 1 < run < len(part):
                run -= 1
            word = part[:run].lower() + part[run:]
        out.append(word if i == 0 else word[:1].upper() + word[1:])
    return "".join(out)


def ident(name):
    return f"`{name}`" if name in SWIFT_KEYWORDS else name


def swift_type(t):
    return RENAMED.get(t, t)


def fnv1a(s):
    h = 0xcbf29ce484222325
    for b in s.encode():
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def parse_proto(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    messages, enums = {}, {}
    order = []
    pos = 0
    block = re.compile(r"\b(message|enum)\s+(\w+)\s*\{", re.S)
    while True:
        m = block.search(text, pos)
        if not m:
            break
        kind, name = m.group(1), m.group(2)
        depth, i = 1, m.end()
        while depth:
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
            i += 1
        body = text[m.end():i - 1]
        pos = i
        if kind == "enum":
            values = re.findall(r"(\w+)\s*=\s*(-?\d+)\s*;", body)
            enums[name] = [(n, int(v)) for n, v in values]
            order.append(("enum", name))
            continue
        fields, oneofs = [], []
        oneof_re = re.compile(r"oneof\s+(\w+)\s*\{(.*?)\}", re.S)
        for om in oneof_re.finditer(body):
            members = re.findall(r"(\w+)\s+(\w+)\s*=\s*(\d+)(?:\s*\[json_name=\"(\w+)\"\])?\s*;", om.group(2))
            oneofs.append((om.group(1), [(t, n, j or n) for t, n, _, j in members]))
        rest = oneof_re.sub("", body)
        for fm in re.finditer(r"(repeated\s+)?(\w+)\s+(\w+)\s*=\s*(\d+)(?:\s*\[json_name=\"(\w+)\"\])?\s*;", rest):
            fields.append({"repeated": bool(fm.group(1)), "type": fm.group(2), "name": fm.group(3),
                           "json": fm.group(5) or fm.group(3)})
        messages[name] = {"fields": fields, "oneofs": oneofs}
        order.append(("message", name))
    return messages, enums, order


def find_boxed(messages):
    """Message-typed (non-repeated) fields that close a cycle must be boxed."""
    graph = {m: [f["type"] for f in d["fields"] if not f["repeated"] and f["type"] in messages and f["type"] != "Node"]
             for m, d in messages.items()}
    boxed = set()
    for m, d in messages.items():
        for f in d["fields"]:
            t = f["type"]
            if f["repeated"] or t not in messages or t == "Node":
                continue
            # does t reach m?
            seen, stack = set(), [t]
            while stack:
                x = stack.pop()
                if x == m:
                    boxed.add((m, f["name"]))
                    break
                if x in seen:
                    continue
                seen.add(x)
                stack.extend(graph.get(x, []))
    return boxed


def main():
    messages, enums, order = parse_proto(open(PROTO).read())
    node_cases = messages["Node"]["oneofs"][0][1]
    boxed = find_boxed(messages)

    # ---------- Nodes.swift ----------
    o = []
    w = o.append
    w("// Generated by Scripts/generate-syntax.py from libpg_query's pg_query.proto. Do not edit.")
    w("")
    w("/// Any node of PostgreSQL 15's parse tree, as libpg_query prints it.")
    w("public enum Node: Sendable, Hashable {")
    w("    /// A NULL pointer inside a list, e.g. the one element of `distinctClause` for plain `SELECT DISTINCT`.")
    w("    case absent")
    for t, n, j in node_cases:
        # Small leaf nodes are stored inline: boxing every name part and constant would double the
        # allocations (and frees) of a parse. Everything else is boxed.
        keyword = "case" if t in INLINE_NODES else "indirect case"
        w(f"    {keyword} {ident(camel(n))}({swift_type(t)})")
    w("}")
    w("")
    # A hand-rolled == keeps each comparison's stack frame small: the synthesized one binds the
    # payloads of all 239 cases in one frame, which debug builds do not overlap, and recursion over a
    # deep expression then overflows a thread's stack.
    w("extension Node {")
    w("    /// The position of the case, found without copying the payload.")
    w("    var caseIndex: Int {")
    w("        switch self {")
    w("        case .absent: return 0")
    for i, (t, n, j) in enumerate(node_cases):
        w(f"        case .{ident(camel(n))}: return {i + 1}")
    w("        }")
    w("    }")
    w("")
    w("    public static func == (a: Node, b: Node) -> Bool {")
    w("        let index = a.caseIndex")
    w("        guard index == b.caseIndex else { return false }")
    w("        return nodeEquality[index](a, b)")
    w("    }")
    w("}")
    w("")
    w("private let nodeEquality: [@Sendable (Node, Node) -> Bool] = [")
    w("    { _, _ in true },")
    for t, n, j in node_cases:
        c = ident(camel(n))
        w(f"    {{ a, b in guard case .{c}(let x) = a, case .{c}(let y) = b else {{ return false }}; return x == y }},")
    w("]")
    w("")
    w("extension Node {")
    w("    /// The byte offset of the node in the SQL, for node types that record one (and -1 when unknown).")
    w("    public var location: Int32? {")
    w("        switch self {")
    for t, n, j in node_cases:
        if any(f["name"] == "location" and f["type"] == "int32" for f in messages[t]["fields"]):
            w(f"        case .{ident(camel(n))}(let v): return v.location")
    w("        default: return nil")
    w("        }")
    w("    }")
    w("")
    w("    /// The PostgreSQL name of the node type, e.g. `SelectStmt`.")
    w("    public var typeName: StaticString {")
    w("        switch self {")
    w("        case .absent: return \"NULL\"")
    for t, n, j in node_cases:
        w(f"        case .{ident(camel(n))}: return \"{j}\"")
    w("        }")
    w("    }")
    w("}")
    w("")
    for kind, name in order:
        if kind == "enum":
            vals = enums[name]
            w(f"public enum {name}: Int32, Sendable, Hashable, CaseIterable {{")
            for vn, vv in vals:
                w(f"    case {ident(enum_case(vn))} = {vv}")
            w("")
            w("    /// The name libpg_query prints, e.g. `SETOP_UNION`.")
            w("    public var protoName: StaticString {")
            w("        switch self {")
            for vn, vv in vals:
                w(f"        case .{ident(enum_case(vn))}: return \"{vn}\"")
            w("        }")
            w("    }")
            w("}")
            w("")
            continue
        if name == "Node":
            continue
        d = messages[name]
        sname = swift_type(name)
        w(f"public struct {sname}: Sendable, Hashable {{")
        for f in d["fields"]:
            fname = ident(camel(f["name"]))
            t = f["type"]
            if t == "Node":
                ty, dv = ("[Node]", "[]") if f["repeated"] else ("Node?", "nil")
            elif t in messages:
                st = swift_type(t)
                ty, dv = (f"[{st}]", "[]") if f["repeated"] else (f"{st}?", "nil")
            elif t in enums:
                ty, dv = (f"[{t}]", "[]") if f["repeated"] else (t, f".{ident(enum_case(enums[t][0][0]))}")
            else:
                st, sd = SCALARS[t]
                ty, dv = (f"[{st}]", "[]") if f["repeated"] else (st, sd)
            if (name, f["name"]) in boxed:
                st = swift_type(t)
                w(f"    public var {fname}: {st}? {{")
                w(f"        get {{ _{camel(f['name'])}?.value }}")
                w(f"        set {{ _{camel(f['name'])} = newValue.map(Box.init) }}")
                w("    }")
                w(f"    @usableFromInline var _{camel(f['name'])}: Box<{st}>? = nil")
            else:
                w(f"    public var {fname}: {ty} = {dv}")
        for oname, members in d["oneofs"]:
            ename = camel(oname, upper=True)
            w(f"    public enum {ename}: Sendable, Hashable {{")
            for t, n, j in members:
                w(f"        case {ident(camel(n))}({swift_type(t)})")
            w("    }")
            w(f"    public var {ident(camel(oname))}: {ename}? = nil")
        w("    public init() {}")
        w("}")
        w("")
    open(os.path.join(OUT, "Nodes.swift"), "w").write("\n".join(o) + "\n")

    # ---------- NodeReaders.swift ----------
    o = []
    w = o.append
    w("// Generated by Scripts/generate-syntax.py from libpg_query's pg_query.proto. Do not edit.")
    w("")
    w("// Keys are matched by the FNV-1a hash the scanner computes; see JSONReader.")
    w("")

    def check_unique(keys, where):
        hs = [fnv1a(k) for k in keys]
        if len(set(hs)) != len(hs):
            raise SystemExit(f"hash collision among keys of {where}")

    w("extension Node {")
    w("    static func read(_ r: inout JSONReader) throws(JSONReadError) -> Node {")
    w("        try r.enterObject()")
    w("        guard let key = try r.nextKey() else { return .absent }")
    w("        let node: Node")
    w("        switch key {")
    check_unique([j for _, _, j in node_cases], "Node")
    for t, n, j in node_cases:
        w(f"        case 0x{fnv1a(j):016x}: node = .{ident(camel(n))}(try {swift_type(t)}.read(&r))  // {j}")
    w("        default: throw r.error(\"unknown node type\")")
    w("        }")
    w("        guard try r.nextKey() == nil else { throw r.error(\"node object with more than one key\") }")
    w("        return node")
    w("    }")
    w("}")
    w("")
    for kind, name in order:
        if kind == "enum":
            vals = enums[name]
            check_unique([vn for vn, _ in vals], name)
            w(f"extension {name} {{")
            w("    @inline(__always)")
            w(f"    static func read(_ r: inout JSONReader) throws(JSONReadError) -> {name} {{")
            w("        switch try r.readEnumName() {")
            for vn, vv in vals:
                w(f"        case 0x{fnv1a(vn):016x}: return .{ident(enum_case(vn))}")
            w(f"        default: throw r.error(\"unknown {name} value\")")
            w("        }")
            w("    }")
            w("}")
            w("")
            continue
        if name == "Node":
            continue
        d = messages[name]
        sname = swift_type(name)
        keys = [f["json"] for f in d["fields"]] + [j for _, ms in d["oneofs"] for _, _, j in ms]
        check_unique(keys, name)
        w(f"extension {sname} {{")
        w(f"    static func read(_ r: inout JSONReader) throws(JSONReadError) -> {sname} {{")
        w(f"        {'var' if keys else 'let'} v = {sname}()")
        w("        try r.enterObject()")
        if not keys:
            w("        while try r.nextKey() != nil { try r.skipValue() }")
        else:
            w("        while let key = try r.nextKey() {")
            w("            switch key {")
            for f in d["fields"]:
                fname = ident(camel(f["name"]))
                t = f["type"]
                rep = f["repeated"]
                if t == "Node":
                    expr = "try r.readNodeArray()" if rep else "try Node.read(&r)"
                elif t in messages:
                    st = swift_type(t)
                    expr = f"try r.readArray {{ (r: inout JSONReader) throws(JSONReadError) in try {st}.read(&r) }}" if rep else f"try {st}.read(&r)"
                elif t in enums:
                    expr = f"try r.readArray {{ (r: inout JSONReader) throws(JSONReadError) in try {t}.read(&r) }}" if rep else f"try {t}.read(&r)"
                else:
                    reader = {"string": "readString", "bool": "readBool", "int32": "readInt32",
                              "uint32": "readUInt32", "int64": "readInt64", "uint64": "readUInt64",
                              "double": "readDouble"}[t]
                    if f["name"] in LOCATION_FIELDS and t == "int32":
                        reader = "readLocation"
                    expr = f"try r.readArray {{ (r: inout JSONReader) throws(JSONReadError) in try r.{reader}() }}" if rep else f"try r.{reader}()"
                w(f"            case 0x{fnv1a(f['json']):016x}: v.{fname} = {expr}  // {f['json']}")
            for oname, members in d["oneofs"]:
                ename = camel(oname, upper=True)
                for t, n, j in members:
                    w(f"            case 0x{fnv1a(j):016x}: v.{ident(camel(oname))} = .{ident(camel(n))}(try {swift_type(t)}.read(&r))  // {j}")
            w("            default: try r.skipValue()")
            w("            }")
            w("        }")
        if name == "A_Const":
            w("        r.repairIntegerConstant(&v)")
        w("        return v")
        w("    }")
        w("}")
        w("")
    open(os.path.join(OUT, "NodeReaders.swift"), "w").write("\n".join(o) + "\n")


def keywords():
    """PostgreSQL 15's keywords that an identifier must be quoted to use (all but unreserved)."""
    path = os.path.join(ROOT, "Scripts", "pg15-keywords.tsv")
    words = []
    for line in open(path):
        word, cat = line.split()
        if cat != "U":
            words.append((word, cat))
    o = ["// Generated by Scripts/generate-syntax.py from Scripts/pg15-keywords.tsv", "// (PostgreSQL 15.18's pg_get_keywords()). Do not edit.", ""]
    o.append("/// Keywords that are not unreserved in PostgreSQL 15: identifiers spelled like them must be quoted.")
    o.append("let quotedKeywords: Set<String> = [")
    for word, cat in words:
        o.append(f'    "{word}",  // {cat}')
    o.append("]")
    open(os.path.join(OUT, "Keywords.swift"), "w").write("\n".join(o) + "\n")


main()
keywords()
