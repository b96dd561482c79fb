import YAML

/// Where a stored object lives within its resource: namespace ("" for cluster-scoped) and name.
public struct ObjectKey: Hashable, Comparable, Sendable {
    public var namespace: String
    public var name: String
    public static func < (a: ObjectKey, b: ObjectKey) -> Bool {
        a.namespace == b.namespace ? a.name < b.name : a.namespace < b.namespace
    }
}

/// A change, as a watch stream reports it.
public struct WatchEvent: Sendable {
    public enum Kind: String, Sendable { case added = "ADDED", modified = "MODIFIED", deleted = "DELETED" }
    public var kind: Kind
    public var type: ResourceType
    public var key: ObjectKey
    public var object: Value
    public var resourceVersion: Int64
    /// The object before this change (nil for ADDED), so selector watches can tell an object
    /// leaving their selection from one changing within it.
    public var previous: Value?
}

/// The Sandbox's etcd: objects per resource, one cluster-wide monotonic resourceVersion, and a
/// bounded history of changes so a watch can resume from a recent resourceVersion (older ones
/// answer 410 Expired, as the real server does once etcd compacts).
///
/// Not thread-safe by itself: `Cluster` serialises every access under its lock.
final class ObjectStore {
    private var tables: [String: [ObjectKey: Value]] = [:]
    private(set) var resourceVersion: Int64 = 1
    private var history: [WatchEvent] = []
    private var historyStart = 0
    let historyLimit: Int
    /// Called for every change, in order, under the cluster lock.
    private var observers: [Int: (WatchEvent) -> Void] = [:]
    private var nextObserver = 0

    func addObserver(_ observer: @escaping (WatchEvent) -> Void) -> Int {
        nextObserver += 1
        observers[nextObserver] = observer
        return nextObserver
    }

    func removeObserver(_ id: Int) { observers.removeValue(forKey: id) }

    /// How many observers (open watches) there are.
    var observerCount: Int { observers.count }

    init(historyLimit: Int = 50_000) {
        self.historyLimit = historyLimit
    }

    static func tableKey(_ type: ResourceType) -> String { "\(type.group)/\(type.resource)" }

    func get(_ type: ResourceType, _ key: ObjectKey) -> Value? {
        tables[Self.tableKey(type)]?[key]
    }

    /// Objects of a type, optionally in one namespace, ordered by namespace then name.
    func list(_ type: ResourceType, namespace: String? = nil) -> [(key: ObjectKey, object: Value)] {
        guard let table = tables[Self.tableKey(type)] else { return [] }
        var out: [(key: ObjectKey, object: Value)] = []
        out.reserveCapacity(table.count)
        for (k, v) in table where namespace == nil || k.namespace == namespace { out.append((k, v)) }
        out.sort { $0.key < $1.key }
        return out
    }

    func count(_ type: ResourceType) -> Int { tables[Self.tableKey(type)]?.count ?? 0 }

    /// Stores the object under a new resourceVersion, which is written into it, and returns it.
    @discardableResult
    func put(_ type: ResourceType, _ key: ObjectKey, _ object: Value) -> Value {
        resourceVersion += 1
        var stored = object
        stored[path: ["metadata", "resourceVersion"]] = .string(String(resourceVersion))
        let table = Self.tableKey(type)
        let previous = tables[table]?[key]
        tables[table, default: [:]][key] = stored
        record(WatchEvent(kind: previous != nil ? .modified : .added, type: type, key: key, object: stored,
                          resourceVersion: resourceVersion, previous: previous))
        return stored
    }

    /// Removes the object; the DELETED event carries a new resourceVersion.
    @discardableResult
    func remove(_ type: ResourceType, _ key: ObjectKey) -> Value? {
        let table = Self.tableKey(type)
        guard var object = tables[table]?.removeValue(forKey: key) else { return nil }
        resourceVersion += 1
        object[path: ["metadata", "resourceVersion"]] = .string(String(resourceVersion))
        record(WatchEvent(kind: .deleted, type: type, key: key, object: object, resourceVersion: resourceVersion, previous: nil))
        return object
    }

    private func record(_ event: WatchEvent) {
        history.append(event)
        if history.count - historyStart > historyLimit {
            historyStart += historyLimit / 2
            if historyStart > history.count / 2 {
                history.removeFirst(historyStart)
                historyStart = 0
            }
        }
        for observer in observers.values { observer(event) }
    }

    /// Events after `resourceVersion`, or nil when that version has been compacted away.
    func events(after resourceVersion: Int64) -> [WatchEvent]? {
        let window = history[historyStart...]
        if let first = window.first, first.resourceVersion > resourceVersion + 1 { return nil }
        return window.filter { $0.resourceVersion > resourceVersion }
    }
}
