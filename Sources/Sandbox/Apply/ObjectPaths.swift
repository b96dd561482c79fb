import OrderedCollections
import YAML

/// Following and removing managed-field paths inside an object.
enum ObjectPaths {
    /// The value a path names, or nil when it is absent.
    static func value(in object: Value, at path: [PathElement]) -> Value? {
        var current = object
        for e in path {
            switch e {
            case .field(let f):
                guard let next = current[f] else { return nil }
                current = next
            case .key(let k):
                guard let next = current.array?.first(where: { MergeKeys.matches($0, keyText: k) }) else { return nil }
                current = next
            case .value(let v):
                guard let next = current.array?.first(where: { MergeKeys.json($0) == v }) else { return nil }
                current = next
            }
        }
        return current
    }

    /// Removes the field or list element a path names; parents stay.
    static func remove(_ path: [PathElement], from object: inout Value) {
        guard let first = path.first else { return }
        let rest = Array(path.dropFirst())
        switch (first, object) {
        case (.field(let f), .object(var map)):
            guard map[f] != nil else { return }
            if rest.isEmpty {
                map.removeValue(forKey: f)
            } else {
                remove(rest, from: &map[f]!)
            }
            object = .object(map)
        case (.key(let k), .array(var items)):
            guard let i = items.firstIndex(where: { MergeKeys.matches($0, keyText: k) }) else { return }
            if rest.isEmpty { items.remove(at: i) } else { remove(rest, from: &items[i]) }
            object = .array(items)
        case (.value(let v), .array(var items)):
            items.removeAll { MergeKeys.json($0) == v }
            object = .array(items)
        default:
            return
        }
    }
}
