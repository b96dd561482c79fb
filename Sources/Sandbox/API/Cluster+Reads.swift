import Kubernetes
import OrderedCollections
import YAML

/// GET and LIST with label and field selectors, pagination and Table output.
extension Cluster {
    struct ListFilter {
        var namespace: String?
        var labels: LabelSelector?
        var fields: FieldSelector?

        init(namespace: String?, query: [String: String]) throws {
            self.namespace = namespace
            if let l = query["labelSelector"], !l.isEmpty {
                do { labels = try LabelSelector(parsing: l) } catch { throw APIError.badRequest("\(error)") }
            }
            if let f = query["fieldSelector"], !f.isEmpty { fields = try FieldSelector(parsing: f) }
        }

        func matches(_ object: Value) -> Bool {
            if let labels, !labels.matches(object[path: ["metadata", "labels"]]?.stringMap ?? [:]) { return false }
            if let fields, !fields.matches(object) { return false }
            return true
        }
    }

    func getObject(_ type: ResourceType, _ key: ObjectKey) throws -> Value {
        guard let object = store.get(type, key) else { throw APIError.notFound(type, key.name) }
        return object
    }

    /// A list response: items in key order, `limit`/`continue` paging over that order.
    func listObjects(_ type: ResourceType, filter: ListFilter, query: [String: String], table: Bool) throws -> Value {
        let all = store.list(type, namespace: filter.namespace)
        var start = 0
        if let token = query["continue"], !token.isEmpty {
            guard let bytes = Base64.decode(token), let decoded = try? JSONParser().parse(bytes: bytes),
                  let ns = decoded["ns"]?.string, let name = decoded["name"]?.string else {
                throw APIError.badRequest("continue key is not valid: illegal base64 data")
            }
            let after = ObjectKey(namespace: ns, name: name)
            start = all.firstIndex { after < $0.key } ?? all.count
        }
        let limit = query["limit"].flatMap(Int.init) ?? 0
        var items: [Value] = []
        var lastKey: ObjectKey?
        var remaining = 0
        var index = start
        while index < all.count {
            let entry = all[index]
            index += 1
            guard filter.matches(entry.object) else { continue }
            if limit > 0 && items.count == limit {
                remaining = 1 + all[index...].reduce(0) { $0 + (filter.matches($1.object) ? 1 : 0) }
                break
            }
            items.append(entry.object)
            lastKey = entry.key
        }
        var meta: OrderedDictionary<String, Value> = ["resourceVersion": .string(String(store.resourceVersion))]
        if remaining > 0, let lastKey {
            let token: Value = ["ns": .string(lastKey.namespace), "name": .string(lastKey.name), "rv": .int(store.resourceVersion)]
            meta["continue"] = .string(Base64.encode(Array(MergeKeys.json(token).utf8)))
            meta["remainingItemCount"] = .int(Int64(remaining))
        }
        if table {
            return Tables.table(type, items, now: clock.now, metadata: .object(meta), cluster: self, includeObject: query["includeObject"])
        }
        let stripped: [Value] = items.map { item in
            guard case .object(var o) = item else { return item }
            o.removeValue(forKey: "apiVersion")
            o.removeValue(forKey: "kind")
            return .object(o)
        }
        return [
            "kind": .string(type.kind + "List"), "apiVersion": .string(type.apiVersion),
            "metadata": .object(meta), "items": .array(stripped),
        ]
    }

    static func wantsTable(_ request: APIRequest) -> Bool {
        request.header("accept")?.contains("as=Table") ?? false
    }
}
