import YAML

/// Go's `%v` and `%t` of a value held as `interface{}`, for Helm's warnings and errors:
/// `<nil>`, `true`, `3`, `map[a:1 b:[x y]]` (map keys sorted, as fmt sorts them).
enum GoValueFormat {
    static func v(_ value: Value) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .float(let f): return GoFloatFormat.g(f)
        case .string(let s): return s
        case .array(let items): return "[" + items.map(v).joined(separator: " ") + "]"
        case .object(let entries):
            return "map[" + entries.keys.sorted().map { "\($0):\(v(entries[$0]!))" }.joined(separator: " ") + "]"
        }
    }

    /// `%t`: the boolean, or Go's bad-verb form `%!t(string=x)` for anything else.
    static func t(_ value: Value) -> String {
        switch value {
        case .bool(let b): return b ? "true" : "false"
        case .null: return "%!t(<nil>)"
        default: return "%!t(\(GoTypeName.of(value))=\(v(value)))"
        }
    }
}
