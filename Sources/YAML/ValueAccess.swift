import OrderedCollections

/// Reading and writing nested fields of a `Value` by key path, the way controller code walks
/// Kubernetes objects (`spec.template.spec.containers`). Setting through a missing map creates
/// it; setting `nil` removes the key.
extension Value {
    /// The value at a key path; nil when any step is missing or not a map.
    public subscript(path path: [String]) -> Value? {
        get {
            var current = self
            for key in path {
                guard case .object(let o) = current, let next = o[key] else { return nil }
                current = next
            }
            return current
        }
        set {
            guard let first = path.first else {
                self = newValue ?? .null
                return
            }
            var map: OrderedDictionary<String, Value>
            if case .object(let o) = self { map = o } else {
                guard newValue != nil else { return }
                map = [:]
            }
            if path.count == 1 {
                map[first] = newValue
            } else {
                var child = map[first] ?? .object([:])
                if child.object == nil { child = .object([:]) }
                child[path: Array(path.dropFirst())] = newValue
                map[first] = child
            }
            self = .object(map)
        }
    }

    /// The value at a dotted path such as `spec.replicas` (keys must not contain dots).
    public subscript(dotted dotted: String) -> Value? {
        get { self[path: dotted.split(separator: ".").map(String.init)] }
        set { self[path: dotted.split(separator: ".").map(String.init)] = newValue }
    }

    /// This value as an integer, when it is a whole number.
    public var intValue: Int? {
        switch self {
        case .int(let i): return Int(i)
        case .uint(let u): return Int(exactly: u)
        case .float(let f) where f == f.rounded() && abs(f) < 9e18: return Int(f)
        default: return nil
        }
    }

    /// This value as a floating-point number, when it is a number.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .uint(let u): return Double(u)
        case .float(let f): return f
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// A map of strings (labels, annotations, selectors); non-string entries are skipped.
    public var stringMap: [String: String] {
        guard case .object(let o) = self else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in o { if case .string(let s) = v { out[k] = s } }
        return out
    }

    /// A `Value` map from string pairs, keys in sorted order.
    public static func strings(_ map: [String: String]) -> Value {
        .object(OrderedDictionary(uniqueKeysWithValues: map.sorted { $0.key < $1.key }.map { ($0.key, Value.string($0.value)) }))
    }
}
