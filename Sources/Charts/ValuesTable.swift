import OrderedCollections
import YAML

/// Helm's dotted lookups into values (`common.Values.Table` and `PathValue`), which
/// conditions, tags and import-values use. Keys are split on every `.`; there is no escaping.
enum ValuesTable {
    typealias Table = OrderedDictionary<String, Value>

    /// `Values.Table(name)`: the map at a dotted path, or nil if a step is missing or not a map.
    static func table(_ values: Table, _ name: String) -> Table? {
        var table = values
        for key in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .object(let next)? = table[String(key)] else { return nil }
            table = next
        }
        return table
    }

    /// `Values.PathValue(path)`: the non-map value at a dotted path, or nil.
    static func pathValue(_ values: Table, _ path: String) -> Value? {
        guard !path.isEmpty else { return nil }
        var parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let key = parts.removeLast()
        let table = parts.isEmpty ? values : self.table(values, parts.joined(separator: "."))
        guard let value = table?[key] else { return nil }
        if case .object = value { return nil }
        return value
    }
}
