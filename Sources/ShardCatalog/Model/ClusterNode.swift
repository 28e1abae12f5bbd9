/// A PostgreSQL server of the cluster: the coordinator (group 0) or a worker.
///
/// As in `pg_dist_node`, placements refer to a node's *group*; with one primary per group (the
/// only layout this package models) a group is a node.
public struct ClusterNode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `pg_dist_node.nodeid`: 1, 2, ... in the order nodes were added.
    public var id: Int32
    /// `pg_dist_node.groupid`: 0 for the coordinator, 1, 2, ... for workers in the order added.
    public var groupId: Int32
    public var host: String
    public var port: Int
    /// Whether new shards of distributed tables may be placed here (`shouldhaveshards`). False
    /// for a coordinator registered with `citus_set_coordinator_host`.
    public var shouldHaveShards: Bool

    public init(id: Int32, groupId: Int32, host: String, port: Int, shouldHaveShards: Bool) {
        self.id = id
        self.groupId = groupId
        self.host = host
        self.port = port
        self.shouldHaveShards = shouldHaveShards
    }

    /// Whether this is the coordinator (group 0).
    public var isCoordinator: Bool { groupId == 0 }

    /// `host:port`.
    public var address: String { "\(host):\(port)" }

    public var description: String { address }

    /// Citus's node order for placement decisions: by host name (bytewise), then port.
    public static func placementOrder(_ lhs: ClusterNode, _ rhs: ClusterNode) -> Bool {
        if lhs.host != rhs.host { return Array(lhs.host.utf8).lexicographicallyPrecedes(rhs.host.utf8) }
        return lhs.port < rhs.port
    }
}
