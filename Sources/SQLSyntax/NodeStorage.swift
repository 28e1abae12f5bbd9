/// The copy-on-write storage of a node type's fields (the generated node types with three or
/// more refcounted fields, see Scripts/generate-syntax.py): one `ManagedBuffer` whose header is
/// the fields, reached through a pointer (a class's stored properties would cost a dynamic
/// exclusivity check at each access from another module). A node type holding one is a value:
/// it writes only after ``makeUnique()``, which copies shared storage first.
@usableFromInline
struct NodeStorage<Fields: Hashable>: Hashable {
    @usableFromInline var buffer: ManagedBuffer<Fields, Void>

    @inlinable init(_ fields: Fields) { buffer = .create(minimumCapacity: 0) { _ in fields } }

    /// The fields, valid while this storage is alive; written only after ``makeUnique()``.
    @inlinable var fields: UnsafeMutablePointer<Fields> { buffer.withUnsafeMutablePointerToHeader { $0 } }

    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&buffer) { copy() }
    }

    @inline(never) @usableFromInline mutating func copy() { self = NodeStorage(fields.pointee) }

    @inlinable static func == (a: NodeStorage, b: NodeStorage) -> Bool {
        a.buffer === b.buffer || a.fields.pointee == b.fields.pointee
    }

    @inlinable func hash(into hasher: inout Hasher) { fields.pointee.hash(into: &hasher) }

    /// A mirror of `subject` with the fields as its children (as a struct with stored properties
    /// has), e.g. for `dump` and Mirror walks.
    func mirror(of subject: Any) -> Mirror {
        Mirror(subject, children: Mirror(reflecting: fields.pointee).children, displayStyle: .struct)
    }
}
