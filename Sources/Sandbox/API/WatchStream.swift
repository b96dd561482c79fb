import Kubernetes
import YAML

/// A watch: the events a client asked for, from a resourceVersion or from the current state,
/// streamed as newline-delimited JSON (`{"type":"ADDED","object":{...}}`) until the client
/// goes, the timeout passes or a fault drops it. A client that asks for `as=Table` (`kubectl
/// get --watch` does) gets each event's object as a one-row Table, as kube-apiserver sends it,
/// so kubectl prints the same columns it printed for the list.
public final class WatchStream: @unchecked Sendable {
    let cluster: Cluster
    let type: ResourceType
    let filter: Cluster.ListFilter
    let fromVersion: Int64?
    /// A watch-list request (`sendInitialEvents=true`, client-go's WatchList): the current
    /// state as ADDED events, then, with `allowWatchBookmarks`, the BOOKMARK annotated
    /// `k8s.io/initial-events-end` that tells the client its list is complete.
    let sendInitialEvents: Bool
    let bookmarks: Bool
    /// Whether the client asked for Table objects, and the `includeObject` policy of their rows.
    let table: Bool
    let includeObject: String?
    /// How long the server keeps the watch open, in wall-clock seconds.
    public let timeoutSeconds: Double
    private var observer: Int?

    init(cluster: Cluster, type: ResourceType, filter: Cluster.ListFilter, query: [String: String], table: Bool = false) {
        self.cluster = cluster
        self.table = table
        self.includeObject = query["includeObject"]
        self.type = type
        self.filter = filter
        let rv = query["resourceVersion"].flatMap(Int64.init)
        self.sendInitialEvents = query["sendInitialEvents"] == "true"
        self.bookmarks = query["allowWatchBookmarks"] == "true"
        self.fromVersion = (rv ?? 0) > 0 && !sendInitialEvents ? rv : nil
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
                    send(line(type: "ADDED", object: entry.object))
                }
                if sendInitialEvents && bookmarks && !table {
                    let bookmark: Value = ["kind": .string(type.kind), "apiVersion": .string(type.apiVersion),
                                           "metadata": ["resourceVersion": .string(String(cluster.store.resourceVersion)),
                                                        "annotations": ["k8s.io/initial-events-end": "true"]]]
                    send(Self.line(type: "BOOKMARK", object: bookmark))
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
        case .added where now: send(line(type: "ADDED", object: event.object))
        case .modified where now && before: send(line(type: "MODIFIED", object: event.object))
        case .modified where now: send(line(type: "ADDED", object: event.object))
        case .modified where before: send(line(type: "DELETED", object: event.object))
        case .deleted where now: send(line(type: "DELETED", object: event.object))
        default: break
        }
    }

    /// One event line, its object as the client asked for it (called under the cluster lock).
    private func line(type eventType: String, object: Value) -> [UInt8] {
        guard table else { return Self.line(type: eventType, object: object) }
        let rv = object[path: ["metadata", "resourceVersion"]] ?? ""
        return Self.line(type: eventType, object: Tables.table(self.type, [object], now: cluster.clock.now, metadata: ["resourceVersion": rv],
                                                               cluster: cluster, includeObject: includeObject))
    }

    static func line(type: String, object: Value) -> [UInt8] {
        var out: [UInt8] = Array("{\"type\":\"\(type)\",\"object\":".utf8)
        try? JSONWriter(indent: nil, sortKeys: false, escapeHTML: false).write(object, into: &out)
        out.append(contentsOf: Array("}\n".utf8))
        return out
    }
}
