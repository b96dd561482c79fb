import OrderedCollections
import YAML

/// A loaded chart: its metadata, default values (with their source, so provenance can name
/// file:line:column), schema, templates, other files and subcharts, as Helm's `chart.Chart`.
public struct Chart: Sendable {
    public var metadata: ChartMetadata
    /// values.yaml, every document merged (empty when there is none).
    public var values: OrderedDictionary<String, Value> = [:]
    public var valuesFile: ValuesFile?
    /// values.schema.json, parsed; `schemaFile` names it in errors.
    public var schema: Value?
    public var schemaFile: String?
    /// Files under templates/, in load order.
    public var templates: [ChartFile] = []
    /// Every other file (crds/, README.md, config files for `.Files`), in load order.
    public var files: [ChartFile] = []
    /// Chart.lock, decoded, if present.
    public var lock: Value?
    /// Subcharts found under charts/ (after `DependencyResolver`: only the enabled ones,
    /// renamed to their aliases).
    public var dependencies: [Chart] = []
    /// Where the chart was loaded from, for messages (`charts/chatbot`, `charts/chatbot/charts/redis`).
    public var source: String = ""

    public init(metadata: ChartMetadata) {
        self.metadata = metadata
    }

    public var name: String { metadata.name }

    /// CRD files (`crds/*.yaml|yml|json`) of this chart then of its subcharts, each named as
    /// `helm template --include-crds` prints it (`parent/charts/sub/crds/x.yaml`), as
    /// `Chart.CRDObjects` lists them.
    public func crdObjects(parentPath: String? = nil) -> [(name: String, file: ChartFile)] {
        let full = fullPath(parentPath: parentPath)
        var out: [(String, ChartFile)] = []
        for f in files where f.name.hasPrefix("crds/") && [".yaml", ".yml", ".json"].contains(where: { f.name.hasSuffix($0) }) {
            out.append((full + "/" + f.name, f))
        }
        for dep in dependencies { out += dep.crdObjects(parentPath: full) }
        return out
    }

    /// `ChartFullPath`: `parent/charts/name` for a subchart, the name for the top chart.
    public func fullPath(parentPath: String?) -> String {
        guard let parentPath else { return name }
        return parentPath + "/charts/" + name
    }
}

/// One file of a chart, by chart-relative name.
public struct ChartFile: Sendable, Equatable {
    public var name: String
    public var data: [UInt8]

    public init(name: String, data: [UInt8]) {
        self.name = name
        self.data = data
    }

    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// A values file as written: its text and parsed documents (with marks) next to the merged
/// values, so a values path can be traced back to `file:line:column`.
public struct ValuesFile: Sendable {
    /// How messages name the file (`charts/chatbot/values.yaml`, `overlays/dev/values.yaml`).
    public var path: String
    public var documents: [Document]
    public var values: OrderedDictionary<String, Value>

    /// Parses YAML values text as Helm's `loader.LoadValues` does: every document must be a
    /// map (or empty); later documents merge over earlier ones; numbers become float64.
    public init(path: String, text: String) throws {
        self.path = path
        do {
            documents = try YAMLParser.parse(text, file: path)
        } catch let e as YAMLError {
            throw ChartError.from(e, kind: .values, file: path)
        }
        var merged = OrderedDictionary<String, Value>()
        var decoder = ValueDecoder(numbers: .json, file: path)
        for document in documents {
            let value: Value
            do { value = try decoder.decode(document.root) } catch let e as YAMLError {
                throw ChartError.from(e, kind: .values, file: path)
            }
            switch value {
            case .null: continue
            case .object(let map): merged = ValueOptions.mergeMaps(merged, map)
            default:
                throw ChartError(.values,
                                 "cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(GoTypeName.jsonKind(value)) into Go value of type map[string]interface {}",
                                 file: path, at: document.root?.start)
            }
        }
        values = merged
    }

    /// Where the value at `path` (map keys, or list indexes as decimal strings) is written:
    /// the last document that has it wins, as the merge does.
    public func location(of path: [String]) -> Mark? {
        for document in documents.reversed() {
            guard var node = document.root else { continue }
            var found = true
            for segment in path {
                node = node.dereferenced
                if let child = node[segment] {
                    node = child
                } else if let items = node.items, let i = Int(segment), items.indices.contains(i) {
                    node = items[i]
                } else {
                    found = false
                    break
                }
            }
            if found { return node.start }
        }
        return nil
    }
}

extension GoTypeName {
    /// How Go's encoding/json names a value's kind in unmarshal errors.
    static func jsonKind(_ value: Value) -> String {
        switch value {
        case .array: return "array"
        case .object: return "object"
        case .string: return "string"
        case .bool: return "bool"
        case .null: return "null"
        default: return "number"
        }
    }
}
