import YAML

extension Value {
    /// Equality as JSON sees it: map order ignored, numbers compared by value, NaN equal to NaN.
    public func sameData(as other: Value) -> Bool {
        switch (self, other) {
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let o = b[key], value.sameData(as: o) else { return false }
            }
            return true
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameData(as: $1) }
        case (.float(let a), .float(let b)):
            return a == b || (a.isNaN && b.isNaN)
        default:
            if let a = numeric, let b = other.numeric { return a == b || (a.isNaN && b.isNaN) }
            return self == other
        }
    }

    private var numeric: Double? {
        switch self {
        case .int(let i): Double(i)
        case .uint(let u): Double(u)
        case .float(let f): f
        default: nil
        }
    }
}

