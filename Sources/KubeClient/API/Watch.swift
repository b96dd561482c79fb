import Foundation
import YAML

/// One event of a watch stream.
public struct WatchEvent: Sendable {
    public enum Kind: String, Sendable {
        case added = "ADDED", modified = "MODIFIED", deleted = "DELETED", bookmark = "BOOKMARK", error = "ERROR"
    }
    public var kind: Kind
    /// The object (a `Status` for `ERROR`).
    public var object: Value
}

/// Splits a watch body, which arrives in arbitrary chunks, into its newline-delimited JSON events.
struct WatchDecoder {
    private var buffer: [UInt8] = []

    /// The complete events in `chunk` plus what was buffered before it.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) throws -> [WatchEvent] {
        buffer.append(contentsOf: chunk)
        var events: [WatchEvent] = []
        var start = 0
        while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = Array(buffer[start..<newline])
            start = newline + 1
            if line.allSatisfy({ $0 == 32 || $0 == 13 }) { continue }
            let value = try JSONParser().parse(bytes: line)
            guard let type = value["type"]?.string, let kind = WatchEvent.Kind(rawValue: type) else {
                throw KubeClientError("watch: an event has no known type: \(String(decoding: line.prefix(200), as: UTF8.self))")
            }
            events.append(WatchEvent(kind: kind, object: value["object"] ?? .null))
        }
        buffer.removeFirst(start)
        if buffer.count > CurlTransport.maxBodyBytes {
            throw KubeClientError("watch: an event is longer than \(CurlTransport.maxBodyBytes >> 20) MiB with no end; the server's stream is not newline-delimited JSON")
        }
        return events
    }
}

extension KubeAPI {
    /// Watches `r` from `resourceVersion`, calling `handler` with each event as libcurl delivers
    /// it, until `handler` returns false or the server closes the watch (after `timeoutSeconds`).
    public func watch(_ r: APIResource, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil,
                      resourceVersion: String? = nil, timeoutSeconds: Int? = nil,
                      handler: (WatchEvent) throws -> Bool) throws {
        var query: [(String, String)] = [("watch", "true"), ("allowWatchBookmarks", "true")]
        if let resourceVersion { query.append(("resourceVersion", resourceVersion)) }
        if let timeoutSeconds { query.append(("timeoutSeconds", String(timeoutSeconds))) }
        if let labelSelector { query.append(("labelSelector", labelSelector)) }
        if let fieldSelector { query.append(("fieldSelector", fieldSelector)) }
        let ns = r.namespaced ? namespace : nil
        var decoder = WatchDecoder()
        var failure: Error?
        try withoutActuallyEscaping(handler) { handler in
            _ = try request("GET", r.path(namespace: ns), query: query, about: Self.describe(r, namespace: ns, name: nil)) { chunk in
                do {
                    for event in try decoder.feed(chunk) where !(try handler(event)) { return false }
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
        }
        if let failure { throw failure }
    }

    /// Lists `r`, then watches from the list's resourceVersion, keeping the current objects by
    /// namespace/name, until `condition` holds for them (returns them) or `timeout` seconds pass
    /// (returns nil). A watch that expires (410 Gone) or ends early is re-listed. This is how a
    /// caller waits for a rollout without polling.
    public func waitUntil(_ r: APIResource, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil,
                          timeout: Double, condition: ([Value]) throws -> Bool) throws -> [Value]? {
        let deadline = Date().addingTimeInterval(timeout)
        func key(_ o: Value) -> String { "\(o["metadata"]?["namespace"]?.string ?? "")/\(o["metadata"]?["name"]?.string ?? "")" }
        while true {
            let listed = try listWithVersion(r, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector)
            var current: [String: Value] = [:]
            var order: [String] = []
            for o in listed.items { current[key(o)] = o; order.append(key(o)) }
            func snapshot() -> [Value] { order.compactMap { current[$0] } }
            if try condition(snapshot()) { return snapshot() }
            var version = listed.resourceVersion
            var met = false
            var expired = false
            while !met && !expired {
                let remaining = deadline.timeIntervalSinceNow
                if remaining <= 0 { return nil }
                try watch(r, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector,
                          resourceVersion: version, timeoutSeconds: max(1, Int(remaining.rounded(.up)))) { event in
                    switch event.kind {
                    case .error:
                        expired = true
                        return false
                    case .bookmark:
                        break
                    case .added, .modified:
                        var object = event.object
                        if case .object(var o) = object {
                            if o["apiVersion"] == nil { o["apiVersion"] = .string(r.groupVersion) }
                            if o["kind"] == nil { o["kind"] = .string(r.kind) }
                            object = .object(o)
                        }
                        let k = key(object)
                        if current[k] == nil { order.append(k) }
                        current[k] = object
                    case .deleted:
                        current[key(event.object)] = nil
                    }
                    if let rv = event.object["metadata"]?["resourceVersion"]?.string { version = rv }
                    if event.kind != .bookmark, try condition(snapshot()) { met = true }
                    return !met
                }
            }
            if met { return snapshot() }
        }
    }
}
