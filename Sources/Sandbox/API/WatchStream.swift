import Kubernetes
import YAML

/// A watch: the events a client asked for, from a resourceVersion or from the current state,
/// streamed as newline-delimited JSON (`{"type":"ADDED","object":{...}}`) until the client
/// goes, the timeout passes or a fault drops it.
public final class WatchStream: @unchecked Sendable {
    let cluster: Cluster
    let type: ResourceType
    let filter: Cluster.ListFilter
    let fromVersion: Int64?
    /// How long the server keeps the watch open, in wall-clock seconds.
    public let timeoutSeconds: Double
    private var observer: Int?

    init(cluster: Cluster, type: ResourceType, filter: Cluster.ListFilter, query: [String: String]) {
        self.cluster = cluster
        self.type = type
        self.filter = filter
        let rv = query["resourceVersion"].flatMap(Int64.init)
        self.fromVersion = (rv ?? 0) > 0 ? rv : nil
        // A watch lasts at most an hour: `timeoutSeconds=inf` or `1e20` is not an endless stream.
        self.timeoutSeconds = query["timeoutSeconds"].flatMap(Double.init).map { $0.isFinite ? min(max($0, 0), 3600) : 3600 } ?? 1800
    }

    /// Sends the initial events, then every matching change through `send` (called under the
    /// cluster lock; it must not block). `send` returning false ends nothing: call `stop()`.
    public func start(send: @escaping ([UInt8]) -> Void) {
        cluster.withLock {
            if let fromVersion {
                guard let backlog = cluster.store.events(after: fromVersion) else {
                    let status = APIError.gone("too old resource version: \(fromVersion) (\(cluster.store.resourceVersion))").status
                    send(Self.line(type: "ERROR", object: status))
                    return
                }
                for event in backlog { deliver(event, send) }
            } else {
                for entry in cluster.store.list(type, namespace: filter.namespace) where filter.matches(entry.object) {
                    send(Self.line(type: "ADDED", object: entry.object))
                }
            }
            observer = cluster.store.addObserver { [weak self] event in self?.deliver(event, send) }
        }
    }

    public func stop() {
        cluster.withLock {
            if let observer { cluster.store.removeObserver(observer) }
            observer = nil
        }
    }

    private func deliver(_ event: WatchEvent, _ send: ([UInt8]) -> Void) {
        guard event.type == type else { return }
        if let ns = filter.namespace, event.key.namespace != ns { return }
        let now = filter.matches(event.object)
        let before = event.previous.map(filter.matches) ?? false
        switch event.kind {
        case .added where now: send(Self.line(type: "ADDED", object: event.object))
        case .modified where now && before: send(Self.line(type: "MODIFIED", object: event.object))
        case .modified where now: send(Self.line(type: "ADDED", object: event.object))
        case .modified where before: send(Self.line(type: "DELETED", object: event.object))
        case .deleted where now: send(Self.line(type: "DELETED", object: event.object))
        default: break
        }
    }

    static func line(type: String, object: Value) -> [UInt8] {
        var out: [UInt8] = Array("{\"type\":\"\(type)\",\"object\":".utf8)
        try? JSONWriter(indent: nil, sortKeys: false, escapeHTML: false).write(object, into: &out)
        out.append(contentsOf: Array("}\n".utf8))
        return out
    }
}
