#!/usr/bin/env python3
"""Generate the Swift syntax tree and its JSON readers from libpg_query's pg_query.proto.

Usage: Scripts/generate-syntax.py [PROTO] (default /usr/include/pg_query/pg_query.proto)
Writes Sources/SQLSyntax/generated/Nodes.swift and NodeReaders.swift. Never edit those by hand.

Mapping:
  message M            -> public struct M (value type, Sendable, Hashable); node types with at least
                          COW_MIN_REFCOUNTED refcounted fields keep them in a copy-on-write storage
  oneof node in Node   -> public enum Node (cases of other non-inline types are indirect)
  other oneof          -> a nested enum, stored as an optional
  enum E               -> public enum E: Int32 (cases in lowerCamelCase of the proto names)
  Node field           -> Node?            repeated Node -> [Node]
  message field        -> M? (boxed when the field closes a cycle of message fields)
  scalar               -> Swift scalar with the proto3 default

JSON: libpg_query prints field names as the proto's json_name (or the field name) and omits fields
that hold their default value. Keys are matched by a 64-bit hash of their length and bytes that the
scanner computes a word at a time (see `key_hash` and JSONReader.hashKey).
"""
import os
import re
import sys

PROTO = sys.argv[1] if __name__ == "__main__" and len(sys.argv) > 1 else "/usr/include/pg_query/pg_query.proto"
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
# Every other node type whose fields are only lists, enums and scalars that fit in 16 bytes is added
# by `inline_nodes` (e.g. ColumnRef, List): each inline case saves an allocation and a release.
INLINE_NODES = {"String", "Integer", "Float", "Boolean", "BitString", "A_Star", "ParamRef"}
# Node types stored inline although 24 bytes: the Node enum's payload area is 16 bytes plus a tag
# byte (stride 24), and these fill the stride without making Node larger because their oneof comes
# first (see ONEOF_FIRST) and the tag then finds spare bits in their own bytes 16-23 (checked by
# ParserTests.nodeLayout). A_Const is every constant of a statement: a box each would be most of
# a multi-row INSERT's allocations.
WIDE_INLINE_NODES = {"A_Const"}
# Messages whose oneof is declared before their fields: `A_Const`'s `val` (17 bytes, with its own
# tag byte) first lets `isnull` and `location` pack after it in 24 bytes, where the proto's order
# (Bool, Int32, then the 8-aligned oneof) takes 25.
ONEOF_FIRST = {"A_Const"}
# Swift sizes and alignments of scalar fields; a payload-free Swift enum of fewer than 256 cases is one byte.
SCALAR_LAYOUT = {"string": (16, 8), "bool": (1, 1), "int32": (4, 4), "uint32": (4, 4), "int64": (8, 8),
                 "uint64": (8, 8), "double": (8, 8)}
# Node types common in statements whose readers first try their keys in the order libpg_query prints
# them (the proto's), each matched with one or two word loads (see JSONReader.takeKey); keys that come
# otherwise go through the hashed lookup. Limited to these to keep the readers' code small.
ORDERED_KEY_NODES = {"A_Expr", "ResTarget", "RangeVar", "FuncCall", "BoolExpr", "JoinExpr", "TypeCast",
                     "TypeName", "SortBy", "Alias", "RawStmt", "InsertStmt", "NullTest", "SubLink",
                     "CaseExpr", "CaseWhen", "A_Indirection", "RangeSubselect", "CommonTableExpr",
                     "SelectStmt", "ParamRef"}
# Fields holding a byte offset into the statement text; readers drop them on request.
LOCATION_FIELDS = {"location"}
# Node types with at least this many refcounted fields (arrays, strings, Nodes, messages, oneofs with
# such members) keep their fields in one copy-on-write storage object (see `cow_nodes`): binding a
# `Node` payload (`case .funcCall(let call)`) then retains one reference instead of copying every
# field out of an indirect case's box (a retain each, and a release each later).
COW_MIN_REFCOUNTED = 3


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


KEY_K0, KEY_K1, KEY_K2 = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9
MASK64 = 0xFFFFFFFFFFFFFFFF


def key_hash(s):
    """The hash JSONReader computes for a key or enum name (no escapes): with n its length in bytes,
    a/b the little-endian words of bytes 0..<8 and 8..<16 (zero-padded) and c a fold of the rest when
    n > 16, h = a*K0 ^ b*K1 ^ c ^ n (mod 2^64). The scanner reads a and b with two loads; c (rare
    long names) is folded from the words at 16, 24, ... and finally the last 8 bytes."""
    data = s.encode()
    n = len(data)

    def word(start, count):
        return int.from_bytes(data[start:start + count], "little")
    a = word(0, min(n, 8))
    b = word(8, min(n - 8, 8)) if n > 8 else 0
    c = 0
    if n > 16:
        offset = 16
        while offset + 8 < n:
            c = ((c ^ word(offset, 8)) * KEY_K2) & MASK64
            offset += 8
        c = ((c ^ word(n - 8, 8)) * KEY_K2) & MASK64
    return ((a * KEY_K0) & MASK64) ^ ((b * KEY_K1) & MASK64) ^ c ^ n


def key_words(key):
    """The little-endian words JSONReader.takeKey (up to 16 bytes) or takeLongKey (17 to 24) compares
    with `"key":`, or None when longer than 24 bytes."""
    data = ('"' + key + '":').encode()
    if len(data) > 24:
        return None
    return [int.from_bytes(data[i:i + 8], "little") for i in (0, 8, 16)] + [len(data)]


def inline_nodes(messages, enums, node_cases):
    """Node types stored inline in `enum Node` (no box): the fixed list plus every type without Node or
    message fields whose stored properties fit in 16 bytes (the payload size of the inline cases)."""
    result = set(INLINE_NODES) | WIDE_INLINE_NODES
    for t, _, _ in node_cases:
        d = messages[t]
        if d["oneofs"]:
            continue
        offset, ok = 0, True
        for f in d["fields"]:
            if f["repeated"]:
                size, align = 8, 8
            elif f["type"] in SCALAR_LAYOUT:
                size, align = SCALAR_LAYOUT[f["type"]]
            elif f["type"] in enums and len(enums[f["type"]]) < 256:
                size, align = 1, 1
            else:
                ok = False
                break
            offset = (offset + align - 1) // align * align + size
        if ok and offset <= 16:
            result.add(t)
    return result


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


def refcounted_fields(d, messages):
    """How many of a message's stored properties hold references (a retain each when copied)."""
    n = sum(1 for f in d["fields"] if f["repeated"] or f["type"] == "string" or f["type"] in messages)
    return n + sum(1 for _, ms in d["oneofs"] if any(t == "string" or t in messages for t, _, _ in ms))


def cow_nodes(messages, node_cases, inline):
    """Node types whose fields live in a copy-on-write storage (one reference in the struct and in Node)."""
    return {t for t, _, _ in node_cases
            if t not in inline and refcounted_fields(messages[t], messages) >= COW_MIN_REFCOUNTED}


def find_boxed(messages, cow=frozenset()):
    """Message-typed (non-repeated) fields that close a cycle must be boxed (a copy-on-write type,
    one reference wide, closes no cycle)."""
    graph = {m: [f["type"] for f in d["fields"] if not f["repeated"] and f["type"] in messages and f["type"] != "Node"
                 and f["type"] not in cow]
             for m, d in messages.items()}
    boxed = set()
    for m, d in messages.items():
        for f in d["fields"]:
            t = f["type"]
            if f["repeated"] or t not in messages or t == "Node" or t in cow:
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


def field_reader(f, messages, enums):
    """The Swift expression that reads field `f`'s value."""
    t = f["type"]
    rep = f["repeated"]
    if t == "Node":
        return "try r.readNodeArray()" if rep else "try Node.read(&r)"
    if t in messages:
        st = swift_type(t)
        return f"try r.readArray {{ (r: inout JSONReader) throws(JSONReadError) in try {st}.read(&r) }}" if rep else f"try {st}.read(&r)"
    if t in enums:
        return f"try r.readArray {{ (r: inout JSONReader) throws(JSONReadError) in try {t}.read(&r) }}" if rep else f"try {t}.read(&r)"
    reader = {"string": "readString", "bool": "readBool", "int32": "readInt32",
              "uint32": "readUInt32", "int64": "readInt64", "uint64": "readUInt64",
              "double": "readDouble"}[t]
    if f["name"] in LOCATION_FIELDS and t == "int32":
        reader = "readLocation"
    return f"try r.readArray {{ (r: inout JSONReader) throws(JSONReadError) in try r.{reader}() }}" if rep else f"try r.{reader}()"


def write_oneofs(w, d, declare=True, store=True, prefix="    public "):
    """A message's oneofs, each a nested enum stored as an optional."""
    for oname, members in d["oneofs"]:
        ename = camel(oname, upper=True)
        if declare:
            w(f"    public enum {ename}: Sendable, Hashable {{")
            for t, n, j in members:
                w(f"        case {ident(camel(n))}({swift_type(t)})")
            w("    }")
        if store:
            w(f"{prefix}var {ident(camel(oname))}: {ename}? = nil")


def field_type(f, messages, enums):
    """A field's Swift type and default value."""
    t = f["type"]
    if t == "Node":
        return ("[Node]", "[]") if f["repeated"] else ("Node?", "nil")
    if t in messages:
        st = swift_type(t)
        return (f"[{st}]", "[]") if f["repeated"] else (f"{st}?", "nil")
    if t in enums:
        return (f"[{t}]", "[]") if f["repeated"] else (t, f".{ident(enum_case(enums[t][0][0]))}")
    st, sd = SCALARS[t]
    return (f"[{st}]", "[]") if f["repeated"] else (st, sd)


def write_cow_struct(w, name, d, messages, enums, boxed):
    """A node type whose fields live in one copy-on-write storage object (NodeStorage, in
    Sources/SQLSyntax/NodeStorage.swift); equality and hashing are synthesized from it."""
    sname = swift_type(name)
    # Sendable: the storage is only written while uniquely referenced (copied first otherwise), so a
    # value shared between threads is never mutated; ManagedBuffer itself is not Sendable.
    w(f"public struct {sname}: @unchecked Sendable, Hashable, CustomReflectable {{")
    write_oneofs(w, d, store=False)
    w("    @usableFromInline struct Fields: Hashable {")
    if name in ONEOF_FIRST:
        write_oneofs(w, d, declare=False, prefix="        @usableFromInline ")
    props = []
    for f in d["fields"]:
        fname = ident(camel(f["name"]))
        ty, dv = field_type(f, messages, enums)
        if (name, f["name"]) in boxed:
            st = swift_type(f["type"])
            raw = camel(f["name"])
            w(f"        @usableFromInline var {fname}: {st}? {{")
            w(f"            @inlinable get {{ _{raw}?.value }}")
            w(f"            @inlinable set {{ _{raw} = newValue.map(Box.init) }}")
            w("        }")
            w(f"        @usableFromInline var _{raw}: Box<{st}>? = nil")
            props.append((fname, f"{st}?"))
        else:
            w(f"        @usableFromInline var {fname}: {ty} = {dv}")
            props.append((fname, ty))
    if name not in ONEOF_FIRST:
        write_oneofs(w, d, declare=False, prefix="        @usableFromInline ")
    for oname, _ in d["oneofs"]:
        props.append((ident(camel(oname)), f"{camel(oname, upper=True)}?"))
    w("        @inlinable init() {}")
    w("    }")
    w("    @usableFromInline var _storage: NodeStorage<Fields>")
    w("    @inlinable public init() { _storage = NodeStorage(Fields()) }")
    for fname, ty in props:
        w(f"    public var {fname}: {ty} {{")
        w(f"        @inlinable get {{ _storage.fields.pointee.{fname} }}")
        w(f"        @inlinable set {{ _storage.makeUnique(); _storage.fields.pointee.{fname} = newValue }}")
        w(f"        @inlinable _modify {{ _storage.makeUnique(); yield &_storage.fields.pointee.{fname} }}")
        w("    }")
    w("    public var customMirror: Mirror { _storage.mirror(of: self) }")
    w("}")
    w("")


def main():
    messages, enums, order = parse_proto(open(PROTO).read())
    node_cases = messages["Node"]["oneofs"][0][1]
    inline = inline_nodes(messages, enums, node_cases)
    cow = cow_nodes(messages, node_cases, inline)
    boxed = find_boxed(messages, cow)

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
        # allocations (and frees) of a parse. Copy-on-write types are one reference already; everything
        # else is boxed.
        keyword = "case" if t in inline or t in cow else "indirect case"
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
        if name in cow:
            write_cow_struct(w, name, d, messages, enums, boxed)
            continue
        w(f"public struct {sname}: Sendable, Hashable {{")
        if name in ONEOF_FIRST:
            write_oneofs(w, d)
        for f in d["fields"]:
            fname = ident(camel(f["name"]))
            t = f["type"]
            ty, dv = field_type(f, messages, enums)
            if (name, f["name"]) in boxed:
                st = swift_type(t)
                w(f"    public var {fname}: {st}? {{")
                w(f"        get {{ _{camel(f['name'])}?.value }}")
                w(f"        set {{ _{camel(f['name'])} = newValue.map(Box.init) }}")
                w("    }")
                w(f"    @usableFromInline var _{camel(f['name'])}: Box<{st}>? = nil")
            else:
                w(f"    public var {fname}: {ty} = {dv}")
        if name not in ONEOF_FIRST:
            write_oneofs(w, d)
        w("    public init() {}")
        w("}")
        w("")
    open(os.path.join(OUT, "Nodes.swift"), "w").write("\n".join(o) + "\n")

    # ---------- NodeReaders.swift ----------
    o = []
    w = o.append
    w("// Generated by Scripts/generate-syntax.py from libpg_query's pg_query.proto. Do not edit.")
    w("")
    w("// Keys are matched by the hash the scanner computes (JSONReader.hashKey, key_hash in the generator).")
    w("")

    def check_unique(keys, where):
        hs = [key_hash(k) for k in keys]
        if len(set(hs)) != len(hs):
            raise SystemExit(f"hash collision among keys of {where}")

    w("extension Node {")
    w("    static func read(_ r: inout JSONReader) throws(JSONReadError) -> Node {")
    w("        if let node = try r.readCommonNode() { return node }")
    w("        try r.enterObject()")
    w("        guard let key = try r.nextKey() else { return .absent }")
    w("        let node: Node")
    check_unique([j for _, _, j in node_cases], "Node")
    # 239 cases: a switch on the hash would be a binary search of about 8 compares. Instead the top
    # byte of hash*multiplier picks one of 256 buckets (a jump table), then 1-3 compares.
    multiplier, buckets = None, None
    for candidate in (0xD6E8FEB86659FD93, 0x9FB21C651E98DF25, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53,
                      0x94D049BB133111EB, 0xBF58476D1CE4E5B9, 0x2545F4914F6CDD1D):
        b = {}
        for t, n, j in node_cases:
            b.setdefault(((key_hash(j) * candidate) & MASK64) >> 56, []).append((t, n, j))
        if buckets is None or max(map(len, b.values())) < max(map(len, buckets.values())):
            multiplier, buckets = candidate, b
    w(f"        switch (key &* 0x{multiplier:016x}) &>> 56 {{")
    for bucket in sorted(buckets):
        w(f"        case {bucket}:")
        for i, (t, n, j) in enumerate(buckets[bucket]):
            if t in inline:
                read = f"node = .{ident(camel(n))}(try {swift_type(t)}.read(&r))"
            else:
                read = f"node = try read{camel(n, upper=True)}(&r)"
            w(f"            {'if' if i == 0 else '} else if'} key == 0x{key_hash(j):016x} {{  // {j}")
            w(f"                {read}")
        w("            } else {")
        w("                throw r.error(\"unknown node type\")")
        w("            }")
    w("        default: throw r.error(\"unknown node type\")")
    w("        }")
    w("        try r.endNodeObject()")
    w("        return node")
    w("    }")
    w("")
    # Boxed cases are read out of line: inlined into `read`, every payload struct would get its own
    # stack slot in one frame (tens of kilobytes), paid at each level of a deep tree. (JSONReader's
    # readCommonNode calls some of them directly.)
    for t, n, j in node_cases:
        if t in inline:
            continue
        w("    @inline(never)")
        w(f"    static func read{camel(n, upper=True)}(_ r: inout JSONReader) throws(JSONReadError) -> Node {{")
        w(f"        .{ident(camel(n))}(try {swift_type(t)}.read(&r))")
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
                w(f"        case 0x{key_hash(vn):016x}: return .{ident(enum_case(vn))}")
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
        if not keys:
            w(f"    static func read(_ r: inout JSONReader) throws(JSONReadError) -> {sname} {{")
            w(f"        let v = {sname}()")
            w("        try r.enterObject()")
        elif name in cow:
            # The fields are read into the fresh storage itself: it is uniquely referenced, so no
            # uniqueness check per field, and the finished value is returned without a copy.
            w(f"    static func read(_ r: inout JSONReader) throws(JSONReadError) -> {sname} {{")
            w(f"        let v = {sname}()")
            w("        try v._storage.fields.pointee.readFields(&r)")
            w("        return v")
            w("    }")
            w("}")
            w("")
            w(f"extension {sname}.Fields {{")
            w("    @inline(never)")
            w("    fileprivate mutating func readFields(_ r: inout JSONReader) throws(JSONReadError) {")
            w("        try r.enterObject()")
        else:
            # The fields are read by a mutating method: with the loop in `read` itself the optimizer
            # copies the finished struct into the result (retaining every child) and destroys the local.
            w(f"    static func read(_ r: inout JSONReader) throws(JSONReadError) -> {sname} {{")
            w(f"        var v = {sname}()")
            if name == "String":
                # Every name part is one: `{"sval":"id"}` is matched with one load instead of a key lookup.
                w("        if let sval = try r.readSvalObject() {")
                w("            v.sval = sval")
                w("            return v")
                w("        }")
            if name == "Integer":
                # Every integer constant: `{"ival":5}` is matched with one load instead of a key lookup.
                w("        if let ival = try r.readIvalObject() {")
                w("            v.ival = ival")
                w("            return v")
                w("        }")
            if name == "A_Const":
                # Nearly every constant is `{"ival":{…},"location":N}` or `{"sval":{…},"location":N}`.
                w("        if try !r.readCommonConstant(&v) {")
                w("            try v.readFields(&r)")
                w("        }")
                w("        r.repairIntegerConstant(&v)")
            else:
                w("        try v.readFields(&r)")
            w("        return v")
            w("    }")
            w("")
            if name not in INLINE_NODES:
                w("    @inline(never)")
            w("    private mutating func readFields(_ r: inout JSONReader) throws(JSONReadError) {")
            w("        try r.enterObject()")
        if not keys:
            w("        while try r.nextKey() != nil { try r.skipValue() }")
        else:
            if name in ORDERED_KEY_NODES:
                for f in d["fields"]:
                    words = key_words(f["json"])
                    if words is None:
                        continue
                    a, b, c, n = words
                    take = f"takeKey(0x{a:016x}, 0x{b:016x}, {n})" if n <= 16 else f"takeLongKey(0x{a:016x}, 0x{b:016x}, 0x{c:016x}, {n})"
                    w(f"        if r.{take} {{ self.{ident(camel(f['name']))} = {field_reader(f, messages, enums)} }}  // {f['json']}")
            w("        while let key = try r.nextKey() {")
            w("            switch key {")
            for f in d["fields"]:
                fname = ident(camel(f["name"]))
                expr = field_reader(f, messages, enums)
                w(f"            case 0x{key_hash(f['json']):016x}: self.{fname} = {expr}  // {f['json']}")
            for oname, members in d["oneofs"]:
                ename = camel(oname, upper=True)
                for t, n, j in members:
                    w(f"            case 0x{key_hash(j):016x}: self.{ident(camel(oname))} = .{ident(camel(n))}(try {swift_type(t)}.read(&r))  // {j}")
            w("            default: try r.skipValue()")
            w("            }")
            w("        }")
        if not keys:
            w("        return v")
        w("    }")
        w("}")
        w("")
    open(os.path.join(OUT, "NodeReaders.swift"), "w").write("\n".join(o) + "\n")
    tree_readers(messages, enums, node_cases, inline, cow)


LAYOUT = os.path.join(ROOT, "Scripts", "pg15-layout.tsv")


def read_layout():
    """Scripts/pg15-layout.tsv (written by Scripts/probe-pg-layout.py): node tags and sizes, field
    offsets and sizes, enum constants' C values."""
    nodes, fields, cenums = {}, {}, {}
    for line in open(LAYOUT):
        if line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if parts[0] == "node":
            nodes[parts[1]] = (int(parts[2]), int(parts[3]))
        elif parts[0] == "field":
            fields[(parts[1], parts[2])] = (int(parts[3]), int(parts[4]))
        elif parts[0] == "enum":
            cenums.setdefault(parts[1], {})[parts[2]] = int(parts[3])
    return nodes, fields, cenums


def tree_field_reader(t, f, messages, enums, fields, nodes):
    """The Swift expression reading field `f` of C struct `t` at pointer `p`, or None when the
    reader cannot (the statement then goes through the JSON reader)."""
    c = f["json"]
    if (t, c) not in fields:
        return None
    offset, size = fields[(t, c)]
    ft = f["type"]
    if f["repeated"]:
        if size != 8:
            return None
        if ft == "Node":
            return f"try r.list(p, {offset})"
        if ft in messages:
            return f"try r.messageList(p, {offset}, {swift_type(ft)}.readTree)"
        return None
    if ft == "Node":
        if size == 4 and c == "xpr":
            return "SKIP"  # the Expr header of a primnode: its NodeTag only
        return f"try r.nodeField(p, {offset})" if size == 8 else None
    if ft in messages:
        if size == 8:
            return f"try r.message(p, {offset}, {swift_type(ft)}.readTree)"
        # A struct embedded whole (CreateForeignTableStmt's CreateStmt `base`).
        return f"try {swift_type(ft)}.readTree(&r, p + {offset})" if nodes.get(ft, (0, 0))[1] == size else None
    if ft in enums:
        return f"try r.enumValue(p, {offset}, size: {size}, {ft}.fromC)" if size in (1, 4) else None
    if ft == "string":
        return {8: f"r.string(p, {offset})", 1: f"r.char(p, {offset})"}.get(size)
    if ft == "bool":
        return f"r.bool(p, {offset})" if size == 1 else None
    if ft == "int32":
        if f["name"] in LOCATION_FIELDS and size == 4:
            return f"r.location(p, {offset})"
        return {4: f"r.int32(p, {offset})", 2: f"r.int16(p, {offset})"}.get(size)
    if ft == "uint32":
        return f"r.uint32(p, {offset})" if size == 4 else None
    if ft in ("int64", "uint64", "double"):
        return f"r.load(p, {offset}, as: {SCALARS[ft][0]}.self)" if size == 8 else None
    return None


def tree_readers(messages, enums, node_cases, inline, cow):
    """TreeReaders.swift: readers of libpg_query's raw parse tree (PostgreSQL's C structs, laid out as
    Scripts/pg15-layout.tsv records) into the same Swift nodes the JSON readers build."""
    nodes, fields, cenums = read_layout()
    o = ["// Generated by Scripts/generate-syntax.py from libpg_query's pg_query.proto and",
         "// Scripts/pg15-layout.tsv (PostgreSQL 15's parse-node layout). Do not edit.", ""]
    w = o.append
    w("extension TreeReader {")
    w("    /// The node at `p` (a PostgreSQL `Node *`), by its NodeTag.")
    w("    mutating func node(_ p: UnsafeRawPointer?) throws(TreeReadError) -> Node {")
    w("        guard let p else { return .absent }")
    w("        try enter()")
    w("        defer { depth &-= 1 }")
    w("        let node: Node")
    w("        switch p.load(as: Int32.self) {")
    for t, n, j in node_cases:
        if t not in nodes:
            continue
        tag = nodes[t][0]
        case = ident(camel(n))
        if t == "List":
            w(f"        case {tag}:")
            w("            var list = PGList()")
            w("            list.items = try listItems(p)")
            w(f"            node = .{case}(list)")
        elif t in ("IntList", "OidList"):
            w(f"        case {tag}:")
            w(f"            var list = {t}()")
            w(f"            list.items = integerItems(p, oids: {'true' if t == 'OidList' else 'false'})")
            w(f"            node = .{case}(list)")
        elif t in inline:
            w(f"        case {tag}: node = .{case}(try {swift_type(t)}.readTree(&self, p))")
        else:
            w(f"        case {tag}: node = try Node.readTree{camel(n, upper=True)}(&self, p)")
    w("        case let tag: throw unsupported(\"node tag \\(tag)\")")
    w("        }")
    w("        return node")
    w("    }")
    w("}")
    w("")
    w("extension Node {")
    for t, n, j in node_cases:
        if t not in nodes or t in inline or t in ("List", "IntList", "OidList"):
            continue
        w("    @inline(never)")
        w(f"    static func readTree{camel(n, upper=True)}(_ r: inout TreeReader, _ p: UnsafeRawPointer) throws(TreeReadError) -> Node {{")
        w(f"        .{ident(camel(n))}(try {swift_type(t)}.readTree(&r, p))")
        w("    }")
    w("}")
    w("")
    used_enums = set()
    for t, n, j in node_cases:
        if t in ("List", "IntList", "OidList") or t not in nodes:
            continue
        d = messages[t]
        sname = swift_type(t)
        w(f"extension {sname} {{")
        w(f"    static func readTree(_ r: inout TreeReader, _ p: UnsafeRawPointer) throws(TreeReadError) -> {sname} {{")
        if t == "A_Const":
            val = fields[("A_Const", "val")][0]
            w(f"        var v = {sname}()")
            w(f"        v.isnull = r.bool(p, {fields[('A_Const', 'isnull')][0]})")
            w(f"        v.location = r.location(p, {fields[('A_Const', 'location')][0]})")
            w("        guard !v.isnull else { return v }")
            w(f"        let q = p + {val}")
            w("        switch q.load(as: Int32.self) {")
            for vt, vn, vj in d["oneofs"][0][1]:
                w(f"        case {nodes[vt][0]}: v.val = .{ident(camel(vn))}(try {swift_type(vt)}.readTree(&r, q))")
            w("        case let tag: throw r.unsupported(\"A_Const value tag \\(tag)\")")
            w("        }")
            w("        return v")
            w("    }")
            w("}")
            w("")
            continue
        if d["oneofs"]:
            w(f"        throw r.unsupported(\"{t}\")")
            w("    }")
            w("}")
            w("")
            continue
        reads = []
        missing = None
        for f in d["fields"]:
            expr = tree_field_reader(t, f, messages, enums, fields, nodes)
            if expr is None:
                missing = f["json"]
                break
            if expr != "SKIP":
                reads.append((ident(camel(f["name"])), expr))
                if f["type"] in enums:
                    used_enums.add(f["type"])
        if missing is not None:
            w(f"        throw r.unsupported(\"{t}.{missing}\")")
        elif t in cow:
            # Written into the fresh, uniquely referenced storage: no uniqueness check per field.
            w(f"        let v = {sname}()")
            w("        let f = v._storage.fields")
            for fname, expr in reads:
                w(f"        f.pointee.{fname} = {expr}")
            w("        return v")
        elif not reads:
            w(f"        {sname}()")
        else:
            w(f"        var v = {sname}()")
            for fname, expr in reads:
                w(f"        v.{fname} = {expr}")
            w("        return v")
        w("    }")
        w("}")
        w("")
    for e in sorted(used_enums):
        values = cenums.get(e, {})
        # An enum numbered implicitly (its C values are 0..<n) is taken in the proto's order, which
        # libpg_query generated from the PostgreSQL source it parses with: the server headers the
        # layout was probed from may order it differently (LimitOption did change within 15.x).
        # Explicit values (chars, bit flags, -1...1) are the probe's.
        if sorted(values.values()) == list(range(len(values))):
            values = {vn: vv - 1 for vn, vv in enums[e] if vv != 0}
        w(f"extension {e} {{")
        w(f"    /// The case of a C value of the enum, or nil.")
        w(f"    static func fromC(_ value: Int32) -> {e}? {{")
        w("        switch value {")
        for vn, vv in enums[e]:
            if vv == 0:
                continue
            if vn not in values:
                raise SystemExit(f"no C value for {e}.{vn} in {LAYOUT}")
            w(f"        case {values[vn]}: return .{ident(enum_case(vn))}")
        w("        default: return nil")
        w("        }")
        w("    }")
        w("}")
        w("")
    open(os.path.join(OUT, "TreeReaders.swift"), "w").write("\n".join(o) + "\n")


KEYWORD_OFFSET, KEYWORD_PRIME = 0xCBF29CE484222325, 0x100000001B3


def keyword_hash(word):
    """The FNV-1a hash SQLPrinter computes while it checks an identifier's bytes (see isQuotedKeyword)."""
    h = KEYWORD_OFFSET
    for b in word.encode():
        h = ((h ^ b) * KEYWORD_PRIME) & MASK64
    return h


def keywords():
    """PostgreSQL 15's keywords that an identifier must be quoted to use (all but unreserved), as a
    switch on their hash: the printer checks every identifier it prints, and a Set<String> lookup
    (hashing with a seeded Hasher, then comparing Strings) cost more than printing the name."""
    path = os.path.join(ROOT, "Scripts", "pg15-keywords.tsv")
    words = []
    for line in open(path):
        word, cat = line.split()
        if cat != "U":
            words.append((word, cat))
    check = [keyword_hash(w) for w, _ in words]
    if len(set(check)) != len(check):
        raise SystemExit("hash collision among keywords")
    o = ["// Generated by Scripts/generate-syntax.py from Scripts/pg15-keywords.tsv", "// (PostgreSQL 15.18's pg_get_keywords()). Do not edit.", ""]
    o.append(f"/// The longest keyword below, in bytes: longer names need no lookup.")
    o.append(f"let longestQuotedKeyword = {max(len(w) for w, _ in words)}")
    o.append("")
    o.append("/// The FNV-1a hash of a name's bytes that ``isQuotedKeyword(_:hash:)`` takes, one byte at a time.")
    o.append("@inline(__always)")
    o.append("func keywordHash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {")
    o.append(f"    (hash ^ UInt64(byte)) &* 0x{KEYWORD_PRIME:x}")
    o.append("}")
    o.append("")
    o.append(f"let keywordHashSeed: UInt64 = 0x{KEYWORD_OFFSET:016x}")
    o.append("")
    o.append("/// Whether `name` is a keyword that is not unreserved in PostgreSQL 15: identifiers spelled like")
    o.append("/// it must be quoted. `hash` is the name's ``keywordHash(_:_:)`` from ``keywordHashSeed``.")
    o.append("func isQuotedKeyword(_ name: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {")
    o.append("    let keyword: StaticString")
    o.append("    switch hash {")
    for word, cat in words:
        o.append(f'    case 0x{keyword_hash(word):016x}: keyword = "{word}"  // {cat}')
    o.append("    default: return false")
    o.append("    }")
    o.append("    // A hash match still needs the bytes compared: other names can share a hash.")
    o.append("    return name.count == keyword.utf8CodeUnitCount")
    o.append("        && name.elementsEqual(UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount))")
    o.append("}")
    open(os.path.join(OUT, "Keywords.swift"), "w").write("\n".join(o) + "\n")


if __name__ == "__main__":
    main()
    keywords()
