import OrderedCollections
import YAML

/// Core/v1 Events, as controllers and the kubelet record them: one object per
/// (object, reason, message), its count and lastTimestamp bumped on repeats.
extension Cluster {
    var eventType: ResourceType { catalog.type(group: "", version: "v1", resource: "events")! }

    func recordEvent(_ object: Value, type: String = "Normal", reason: String, message: String, component: String) {
        let ns = object[path: ["metadata", "namespace"]]?.string ?? "default"
        let name = object[path: ["metadata", "name"]]?.string ?? ""
        let uid = object[path: ["metadata", "uid"]]?.string ?? ""
        // Repeats of (object, reason, message) bump the first event; new events are named as
        // the real recorder names them, `<object>.<hex unix nanoseconds>`, so names sort by time.
        let identity = uid + "\u{0}" + reason + "\u{0}" + message
        let now = nowText
        if let key = eventKeys[identity], var existing = store.get(eventType, key) {
            existing[path: ["count"]] = .int(Int64((existing["count"]?.intValue ?? 1) + 1))
            existing[path: ["lastTimestamp"]] = .string(now)
            store.put(eventType, key, existing)
            return
        }
        eventNanos = max(eventNanos + 1, Int64(clock.now * 1e9))
        let eventName = "\(name).\(String(eventNanos, radix: 16))"
        let key = ObjectKey(namespace: ns, name: eventName)
        eventKeys[identity] = key
        let event: Value = [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["name": .string(eventName), "namespace": .string(ns), "uid": .string(newUID()), "creationTimestamp": .string(now)],
            "involvedObject": [
                "kind": object["kind"] ?? "", "namespace": .string(ns), "name": .string(name), "uid": .string(uid),
                "apiVersion": object["apiVersion"] ?? "", "resourceVersion": object[path: ["metadata", "resourceVersion"]] ?? "",
            ],
            "reason": .string(reason), "message": .string(message),
            "source": ["component": .string(component)],
            "firstTimestamp": .string(now), "lastTimestamp": .string(now), "count": 1, "type": .string(type),
            "eventTime": .null, "reportingComponent": .string(component), "reportingInstance": "",
        ]
        store.put(eventType, key, event)
        pruneEvents()
    }

    /// Keeps the event count bounded, oldest first, as the API server's event TTL does.
    private func pruneEvents() {
        let limit = 5000
        guard store.count(eventType) > limit else { return }
        let all = store.list(eventType).sorted {
            ($0.object["lastTimestamp"]?.string ?? "") < ($1.object["lastTimestamp"]?.string ?? "")
        }
        for entry in all.prefix(all.count - limit * 9 / 10) { store.remove(eventType, entry.key) }
        let live = Set(store.list(eventType).map(\.key))
        eventKeys = eventKeys.filter { live.contains($0.value) }
    }

    static func fnv(_ s: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }
}
