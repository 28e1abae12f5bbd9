/// One session per node group, for one query run.
extension LoadedCluster {
    /// Opens one session on the distributed database of every node group (concurrently), runs
    /// `body` with them, and closes them all, also when `body` throws.
    ///
    /// - Parameter body: gets the sessions by node group id (0 is the coordinator).
    public func withNodeSessions<Output>(statementTimeout: Duration? = .seconds(120),
                                         _ body: ([Int32: NodeSession]) async throws -> Output) async throws(ShardRunnerError) -> Output {
        var endpoints: [Int32: ServerEndpoint] = [:]
        for group in mapping.endpoints.keys { endpoints[group] = try endpoint(forGroup: group) }
        let targets = endpoints.sorted { $0.key < $1.key }
        let opened = await withTaskGroup(of: (Int32, Result<NodeSession, ShardRunnerError>).self) { group in
            for (groupId, endpoint) in targets {
                group.addTask {
                    do throws(ShardRunnerError) {
                        return (groupId, .success(try await NodeSession.connect(to: endpoint, statementTimeout: statementTimeout)))
                    } catch {
                        return (groupId, .failure(error))
                    }
                }
            }
            var results: [(Int32, Result<NodeSession, ShardRunnerError>)] = []
            for await result in group { results.append(result) }
            return results
        }
        var sessions: [Int32: NodeSession] = [:]
        var failure: ShardRunnerError? = nil
        for (groupId, result) in opened {
            switch result {
            case .success(let session): sessions[groupId] = session
            case .failure(let error): failure = failure ?? error
            }
        }
        func closeAll() async {
            for session in sessions.values { await session.close() }
        }
        if let failure {
            await closeAll()
            throw failure
        }
        do {
            let result = try await body(sessions)
            await closeAll()
            return result
        } catch {
            await closeAll()
            throw ShardRunnerError.from(error, context: "query run failed")
        }
    }
}
