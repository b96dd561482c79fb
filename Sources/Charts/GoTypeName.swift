import YAML

/// The Go type name (`%T`) of a value as Helm holds it after decoding YAML or JSON into
/// `interface{}`: what Helm's panics and warnings print.
enum GoTypeName {
    static func of(_ value: Value) -> String {
        switch value {
        case .null: return "nil"
        case .bool: return "bool"
        case .int: return "int64"
        case .uint: return "uint64"
        case .float: return "float64"
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }
}
