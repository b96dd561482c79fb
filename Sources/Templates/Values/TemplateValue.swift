import OrderedCollections
import YAML

/// A value as Go's text/template sees it through `reflect`: the dynamic Go type matters,
/// because `printf`, comparisons, `typeOf` and error messages all depend on it.
///
/// Values from Helm's values files arrive as `map[string]interface{}`, `[]interface{}`,
/// `float64`, `string`, `bool` and nil; functions add `int`, `int64`, `[]string` and others.
public indirect enum TemplateValue: @unchecked Sendable {
    /// Go's zero `reflect.Value`: printed as `<no value>`, passed to functions as nil.
    case invalid
    /// A nil held in an `interface{}` (a map entry or list element that is null).
    case null
    case bool(Bool)
    case int(Int64, IntType)
    case uint(UInt64, IntType)
    case float(Double)
    case string(String)
    /// A slice; `element` is its Go element type (`interface {}`, `string`, `int`, `uint8`).
    case list([TemplateValue], element: GoType)
    /// A `map[string]interface{}` (or a named map type such as Helm's `chartutil.Values`).
    case map(TemplateMap)
    /// A Go struct or pointer with fields and methods (`.Release`, `.Capabilities`, `.Files`).
    case object(any TemplateObject)
    /// A function value, for `call`.
    case function(TemplateFunction)
    /// A value together with where it came from, for provenance; transparent to everything else.
    case traced(TemplateValue, Origin)
    /// A slice of a named Go type with methods (Helm's `common.VersionSet`, a `[]string` with
    /// `Has`): everything but method lookup and `%T`/`typeOf` sees the underlying slice, so
    /// `len`, `range`, `has`, `join`, `toJson` work on it as they do in Go.
    case namedList(TemplateValue, any TemplateObject)

    /// Go integer kinds that templates meet.
    public enum IntType: String, Sendable {
        case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr
    }

    /// The value without its provenance wrapper.
    @inlinable public var plain: TemplateValue {
        switch self {
        case .traced(let v, _), .namedList(let v, _): return v.plain
        default: return self
        }
    }

    /// Where the value came from, if it is traced.
    public var origin: Origin? {
        if case .traced(let v, let o) = self { return v.origin ?? o }
        if case .namedList(let v, _) = self { return v.origin }
        return nil
    }

    /// `int` values, the type of Go's integer constants and of `len`.
    public static func goInt(_ i: Int) -> TemplateValue { .int(Int64(i), .int) }
    public static func int64(_ i: Int64) -> TemplateValue { .int(i, .int64) }

    /// A `[]interface{}`.
    public static func anyList(_ items: [TemplateValue]) -> TemplateValue { .list(items, element: .interface) }
    /// A `[]string`.
    public static func stringList(_ items: [String]) -> TemplateValue { .list(items.map { .string($0) }, element: .string) }

    /// The Go type, as `%T` and error messages print it.
    public var goType: GoType {
        if case .namedList(_, let type) = self { return .named(type.goTypeName, kind: .slice) }
        if case .traced(let v, _) = self { return v.goType }
        switch plain {
        case .invalid, .null: return .interface
        case .bool: return .bool
        case .int(_, let t), .uint(_, let t): return .integer(t)
        case .float: return .float64
        case .string: return .string
        case .list(_, let e): return .slice(e)
        case .map(let m): return m.typeName.map { .named($0, kind: .map) } ?? .stringMap
        case .object(let o): return .named(o.goTypeName, kind: o.isPointer ? .pointer : .struct)
        case .function(let f): return .named(f.goSignature, kind: .func)
        case .traced, .namedList: fatalError("unreachable")
        }
    }
}

/// Where a printed value came from: a values path and the place that set it.
public struct Origin: Sendable, Hashable {
    public var path: String
    public var source: String
    public init(path: String, source: String) {
        self.path = path
        self.source = source
    }
}

/// Go types as far as the engine needs them: for argument checks and `%T`.
public indirect enum GoType: Sendable, Hashable, CustomStringConvertible {
    case interface
    case bool
    case string
    case integer(TemplateValue.IntType)
    case float64
    case slice(GoType)
    case stringMap
    case named(String, kind: Kind)
    /// `reflect.Value`, the parameter type of `and`/`or` and `call`'s first argument.
    case reflectValue

    public enum Kind: Sendable, Hashable { case map, `struct`, pointer, `func`, slice }

    public static let int = GoType.integer(.int)
    public static let int64 = GoType.integer(.int64)

    public var description: String {
        switch self {
        case .interface: "interface {}"
        case .bool: "bool"
        case .string: "string"
        case .integer(let t): t.rawValue
        case .float64: "float64"
        case .slice(let e): "[]" + e.description
        case .stringMap: "map[string]interface {}"
        case .named(let n, _): n
        case .reflectValue: "reflect.Value"
        }
    }

    /// Whether nil can be passed for this type (Go's `canBeNil`).
    var canBeNil: Bool {
        switch self {
        case .interface, .slice, .stringMap, .reflectValue: true
        case .named(_, let kind): kind != .struct
        default: false
        }
    }
}

/// A Go map from strings to values. Like a Go map it is a reference: `set`, `unset` and
/// `merge` change the map every holder sees, which charts rely on
/// (`{{ $_ := set $ctx "name" "x" }}`). Go prints and ranges maps in sorted key order.
public struct TemplateMap: @unchecked Sendable {
    /// The shared storage, as a Go map header points at its buckets.
    final class Storage {
        var entries: [String: TemplateValue]
        init(_ entries: [String: TemplateValue]) { self.entries = entries }
    }

    let storage: Storage
    /// A named map type such as `common.Values`, whose methods templates may call.
    public var typeName: String?

    public init(_ entries: [String: TemplateValue] = [:], typeName: String? = nil) {
        storage = Storage(entries)
        self.typeName = typeName
    }

    /// The entries, as a snapshot.
    public var entries: [String: TemplateValue] { storage.entries }

    public var sortedKeys: [String] { storage.entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) }

    /// Reads and writes through to the shared map (`nonmutating`: a map value is a reference).
    public subscript(key: String) -> TemplateValue? {
        get { storage.entries[key] }
        nonmutating set { storage.entries[key] = newValue }
    }

    public func removeValue(forKey key: String) { storage.entries.removeValue(forKey: key) }

    public var count: Int { storage.entries.count }

    /// A new map with the same entries (Go's `for k, v := range m { n[k] = v }`).
    public func copy(typeName: String? = nil) -> TemplateMap { TemplateMap(storage.entries, typeName: typeName) }

    /// Whether two values are the same map (not merely equal).
    public func isSame(as other: TemplateMap) -> Bool { storage === other.storage }
}

/// A Go struct or pointer exposed to templates: fields and methods by exported name.
public protocol TemplateObject: AnyObject, Sendable {
    /// The Go type name, e.g. `*chart.Metadata` or `chartutil.Capabilities`.
    var goTypeName: String { get }
    /// Whether Go sees a pointer (affects `%v`: `&{...}`).
    var isPointer: Bool { get }
    /// An exported field, or nil if there is none of that name.
    func field(_ name: String) -> TemplateValue?
    /// An exported method, or nil.
    func method(_ name: String) -> TemplateFunction?
    /// How `fmt` prints it with `%v`.
    var formatted: String { get }
    /// For objects that are Go maps underneath (Helm's `.Files`): their entries, so `range`
    /// and `len` work on them.
    var mapEntries: TemplateMap? { get }
}

extension TemplateObject {
    public var isPointer: Bool { false }
    public func method(_ name: String) -> TemplateFunction? { nil }
    public var mapEntries: TemplateMap? { nil }
}

extension TemplateValue {
    /// Converts YAML-decoded data (values files, `fromYaml`) into Go's `interface{}` shapes.
    public init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i, .int64)
        case .uint(let u): self = .uint(u, .uint64)
        case .float(let f): self = .float(f)
        case .string(let s): self = .string(s)
        case .array(let items): self = .list(items.map(TemplateValue.init), element: .interface)
        case .object(let o):
            var entries: [String: TemplateValue] = [:]
            entries.reserveCapacity(o.count)
            for (k, v) in o { entries[k] = TemplateValue(v) }
            self = .map(TemplateMap(entries))
        }
    }

    /// Back to plain data, for `toYaml`/`toJson`. Objects and functions have no data form.
    public var dataValue: Value? {
        switch plain {
        case .invalid, .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i, _): return .int(i)
        case .uint(let u, _): return .uint(u)
        case .float(let f): return .float(f)
        case .string(let s): return .string(s)
        case .list(let items, let element):
            if element == .integer(.uint8) {
                // []byte marshals as base64 in JSON.
                return .string(Base64.encode(items.map { v -> UInt8 in
                    if case .uint(let u, _) = v.plain { return UInt8(truncatingIfNeeded: u) }
                    return 0
                }))
            }
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard let v = item.dataValue else { return nil }
                out.append(v)
            }
            return .array(out)
        case .map(let m):
            var o = OrderedDictionary<String, Value>()
            o.reserveCapacity(m.count)
            for key in m.sortedKeys {
                guard let v = m.entries[key]!.dataValue else { return nil }
                o[key] = v
            }
            return .object(o)
        case .object(let object):
            return (object as? DataConvertible)?.dataValue
        case .function, .traced, .namedList:
            return nil
        }
    }
}

/// An object that has a plain-data form (e.g. a struct with JSON tags).
public protocol DataConvertible {
    var dataValue: Value { get }
}
