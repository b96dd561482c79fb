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
        let eventName = "\(name).\(String(Self.fnv(uid + reason + message), radix: 16))"
        let key = ObjectKey(namespace: ns, name: eventName)
        let now = nowText
        if var existing = store.get(eventType, key) {
            existing[path: ["count"]] = .int(Int64((existing["count"]?.intValue ?? 1) + 1))
            existing[path: ["lastTimestamp"]] = .string(now)
            store.put(eventType, key, existing)
            return
        }
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
    }

    static func fnv(_ s: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }
}
