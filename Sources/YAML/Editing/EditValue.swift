/// A new value for a byte-exact edit, with the type it must have once YAML reads it.
public enum EditValue: Hashable, Sendable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    /// A float, kept as the text the engineer typed (`0.75`, `1e3`).
    case float(String)
    case null
    /// A Kubernetes quantity (`250m`, `512Mi`, `2`): written as a number when YAML reads it as
    /// one and the engineer wrote a number there, otherwise as a string.
    case quantity(String)
    /// A list of maps written in flow style on one line, keys in the given order:
    /// `[{cron: "0 7 * * 1-5", duration: 11h, minReplicas: 6}]` (a workload's scaling windows).
    /// It replaces the whole value at its path, whatever it was (`[]`, a flow or block list).
    case flowMappings([[FlowEntry]])

    /// One `key: value` of a map in a `flowMappings` list.
    public struct FlowEntry: Hashable, Sendable {
        public var key: String
        public var value: EditValue
        public init(_ key: String, _ value: EditValue) {
            self.key = key
            self.value = value
        }
    }

    /// The type names the CLI's `--type` accepts.
    public enum Kind: String, CaseIterable, Sendable {
        case string, int, bool, float, null, quantity
    }

    /// Reads `text` as the given kind; nil (with the reason) when it is not one.
    public static func parse(_ text: String, as kind: Kind) -> Result<EditValue, EditTypeMismatch> {
        switch kind {
        case .string: return .success(.string(text))
        case .quantity: return .success(.quantity(text))
        case .null:
            return ["", "~", "null", "Null", "NULL"].contains(text) ? .success(.null) : .failure(EditTypeMismatch(text: text, expected: "null"))
        case .int:
            if case .int(let i) = ScalarResolver.resolve(text) { return .success(.int(i)) }
            return .failure(EditTypeMismatch(text: text, expected: "an int"))
        case .bool:
            if case .bool(let b) = ScalarResolver.resolve(text) { return .success(.bool(b)) }
            return .failure(EditTypeMismatch(text: text, expected: "a bool (true or false)"))
        case .float:
            switch ScalarResolver.resolve(text) {
            case .float, .int: return .success(.float(text))
            default: return .failure(EditTypeMismatch(text: text, expected: "a float"))
            }
        }
    }

    /// Reads `text` the way a plain YAML scalar would be read: `3` is an int, `true` a bool.
    public static func inferred(from text: String) -> EditValue {
        switch ScalarResolver.resolve(text) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float: return .float(text)
        default: return .string(text)
        }
    }
}

/// A new value that does not have the type it must have.
public struct EditTypeMismatch: Error, Sendable, Equatable {
    public var text: String
    public var expected: String
}
