import OrderedCollections
import Templates
import YAML

/// Where each final value came from: the user's `--set`, a `-f` file, or a chart's values.yaml
/// (file:line:column), in Helm's precedence. Provenance and schema errors use it.
public struct ValueOrigins: Sendable {
    /// Values path (`backend.resources.limits.memory`) → where it was set.
    public private(set) var sources: [String: String] = [:]
    /// Values path → its final value, for every node.
    public private(set) var values: [String: Value] = [:]

    public init(chart: Chart, options: ValueOptions, final: OrderedDictionary<String, Value>) {
        index(.object(final), path: [])
        // Lowest precedence first; later sources overwrite.
        var layers: [(ValuesFile, prefix: [String])] = []
        func charts(_ c: Chart, prefix: [String]) {
            for child in c.dependencies { charts(child, prefix: prefix + [child.name]) }
            if let file = c.valuesFile { layers.append((file, prefix)) }
        }
        charts(chart, prefix: [])
        for (file, prefix) in layers { record(file, prefix: prefix) }
        for file in options.valueFiles { record(file, prefix: []) }
        for (flag, list) in [("--set-json", options.jsonValues), ("--set", options.values), ("--set-string", options.stringValues),
                             ("--set-file", options.fileValues), ("--set-literal", options.literalValues)] {
            for text in list {
                let mode: StrvalsParser.Mode = flag == "--set-string" ? .string : flag == "--set-literal" ? .literal : flag == "--set-json" ? .json : .typed
                guard let table = try? StrvalsParser.parse(text, mode: mode) else { continue }
                for path in Self.paths(.object(table), []) { sources[Self.key(path)] = "\(flag) \(text)" }
            }
        }
    }

    private mutating func index(_ value: Value, path: [String]) {
        values[Self.key(path)] = value
        switch value {
        case .object(let o): for (k, v) in o { index(v, path: path + [k]) }
        case .array(let items): for (i, v) in items.enumerated() { index(v, path: path + ["[\(i)]"]) }
        default: break
        }
    }

    private mutating func record(_ file: ValuesFile, prefix: [String]) {
        for path in Self.paths(.object(file.values), []) {
            let plain = path.map { $0.hasPrefix("[") ? String($0.dropFirst().dropLast()) : $0 }
            guard let mark = file.location(of: plain) else { continue }
            sources[Self.key(prefix + path)] = "\(file.path):\(mark.line):\(mark.column)"
        }
    }

    /// Every path in a table, parents before children.
    static func paths(_ value: Value, _ prefix: [String]) -> [[String]] {
        var out: [[String]] = prefix.isEmpty ? [] : [prefix]
        switch value {
        case .object(let o): for (k, v) in o { out += paths(v, prefix + [k]) }
        case .array(let items): for (i, v) in items.enumerated() { out += paths(v, prefix + ["[\(i)]"]) }
        default: break
        }
        return out
    }

    /// `a.b[0].c`.
    static func key(_ path: [String]) -> String {
        var out = ""
        for segment in path {
            if segment.hasPrefix("[") { out += segment } else { out += (out.isEmpty ? "" : ".") + segment }
        }
        return out
    }

    /// The source that set `path` (map keys), for schema errors.
    public func source(of path: [String]) -> String? { sources[Self.key(path)] }

    /// The values as template data, each node wrapped with its path and source.
    public func traced(_ table: OrderedDictionary<String, Value>) -> TemplateValue {
        wrap(.object(table), path: [])
    }

    private func wrap(_ value: Value, path: [String]) -> TemplateValue {
        let inner: TemplateValue
        switch value {
        case .object(let o):
            var entries: [String: TemplateValue] = [:]
            for (k, v) in o { entries[k] = wrap(v, path: path + [k]) }
            inner = .map(TemplateMap(entries))
        case .array(let items):
            inner = .list(items.enumerated().map { wrap($1, path: path + ["[\($0)]"]) }, element: .interface)
        default:
            inner = TemplateValue(value)
        }
        if path.isEmpty { return inner }
        let key = Self.key(path)
        return .traced(inner, Origin(path: key, source: sources[key] ?? "(computed)"))
    }
}
