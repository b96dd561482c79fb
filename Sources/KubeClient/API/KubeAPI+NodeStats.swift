import YAML

extension KubeAPI {
    /// The kubelet's stats summary for a node, through the API server's node proxy
    /// (`/api/v1/nodes/NODE/proxy/stats/summary`): its root filesystem (`node.fs`), which
    /// metrics.k8s.io does not report. Needs `get` on `nodes/proxy`.
    public func nodeStatsSummary(node: String) throws -> Value {
        let response = try request("GET", "/api/v1/nodes/\(RESTClient.escape(node))/proxy/stats/summary", about: "v1 Node \(node) stats summary")
        do { return try JSONParser().parse(bytes: response.body) } catch {
            throw KubeClientError("v1 Node \(node) stats summary: the answer is not JSON: \(error)")
        }
    }
}
