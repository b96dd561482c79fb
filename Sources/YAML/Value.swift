import OrderedCollections

/// YAML data after resolution: what Go code sees after sigs.k8s.io/yaml reads a document into
/// `interface{}` (maps with string keys, slices, strings, numbers, booleans and nil).
///
/// Maps keep their source order; the emitter sorts them where Go does. Integers and floats are
/// kept apart so that the template engine can reproduce Go's type-dependent formatting.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case float(Double)
    case string(String)
    case array([Value])
    case object(OrderedDictionary<String, Value>)

    /// The string, if this is one.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The entries, if this is a map.
    public var object: OrderedDictionary<String, Value>? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The elements, if this is a list.
    public var array: [Value]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The value under `key`, if this is a map that has it.
    public subscript(key: String) -> Value? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .object(OrderedDictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
