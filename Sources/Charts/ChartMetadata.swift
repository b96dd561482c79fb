import Templates
import OrderedCollections
import YAML

/// Chart.yaml (chart API v2, and v1 as Helm still accepts it), decoded and validated as
/// helm/helm pkg/chart/v2/metadata.go and dependency.go do.
public struct ChartMetadata: Sendable, Equatable {
    public var apiVersion: String = ""
    public var name: String = ""
    public var version: String = ""
    public var kubeVersion: String = ""
    public var description: String = ""
    /// `application` (also when empty) or `library`.
    public var type: String = ""
    public var appVersion: String = ""
    public var home: String = ""
    public var icon: String = ""
    public var sources: [String] = []
    public var keywords: [String] = []
    public var deprecated: Bool = false
    public var annotations: OrderedDictionary<String, String> = [:]
    public var dependencies: [ChartDependency] = []
    /// The whole decoded file, for `.Chart` in templates (fields Helm does not model included).
    public var raw: Value = .object([:])

    public init() {}

    public var isLibrary: Bool { type == "library" }

    /// Decodes Chart.yaml text; `file` names it in errors. Type mismatches are reported as Go's
    /// `json.Unmarshal` reports them, with the line and column of the offending value.
    public static func decode(_ text: String, file: String) throws -> ChartMetadata {
        let root: Node?
        do { root = try YAMLParser.parseSingle(text, file: file) } catch let e as YAMLError {
            throw ChartError(.metadata, "cannot load Chart.yaml: \(e.message)", file: file, at: e.mark)
        }
        var decoder = ValueDecoder(numbers: .yaml, file: file)
        let value = try decoder.decode(root)
        var fields = FieldReader(root: root, value: value, file: file, structName: "Metadata")
        var md = ChartMetadata()
        md.raw = value.isNull ? .object([:]) : value
        md.apiVersion = try fields.string("apiVersion")
        md.name = try fields.string("name")
        md.version = try fields.string("version")
        md.kubeVersion = try fields.string("kubeVersion")
        md.description = try fields.string("description")
        md.type = try fields.string("type")
        md.appVersion = try fields.string("appVersion")
        md.home = try fields.string("home")
        md.icon = try fields.string("icon")
        md.sources = try fields.strings("sources")
        md.keywords = try fields.strings("keywords")
        md.deprecated = try fields.bool("deprecated")
        md.annotations = try fields.stringMap("annotations")
        if case .array(let items)? = value["dependencies"] {
            let nodes = root?["dependencies"]?.dereferenced.items
            for (i, item) in items.enumerated() {
                var dep = FieldReader(root: nodes?[i], value: item, file: file, structName: "Dependency",
                                      fieldPrefix: "dependencies.")
                try md.dependencies.append(ChartDependency(reading: &dep))
            }
        } else if let deps = value["dependencies"], !deps.isNull {
            throw fields.mismatch("dependencies", deps, want: "[]*v2.Dependency")
        }
        return md
    }

    /// `Metadata.Validate`: the first problem, in Helm's words, naming the file.
    public mutating func validate(file: String) throws {
        func fail(_ message: String) -> ChartError { ChartError(.metadata, "validation: " + message, file: file) }
        name = Self.sanitize(name)
        description = Self.sanitize(description)
        home = Self.sanitize(home)
        icon = Self.sanitize(icon)
        appVersion = Self.sanitize(appVersion)
        kubeVersion = Self.sanitize(kubeVersion)
        sources = sources.map(Self.sanitize)
        keywords = keywords.map(Self.sanitize)
        if apiVersion.isEmpty { throw fail("chart.metadata.apiVersion is required") }
        if name.isEmpty { throw fail("chart.metadata.name is required") }
        if name != Self.goBase(name) { throw fail("chart.metadata.name \(GoQuote.quote(name)) is invalid") }
        if version.isEmpty { throw fail("chart.metadata.version is required") }
        if Semver(version) == nil { throw fail("chart.metadata.version \(GoQuote.quote(version)) is invalid") }
        if !["", "application", "library"].contains(type) {
            throw fail("chart.metadata.type must be application or library")
        }
        var seen = Set<String>()
        for i in dependencies.indices {
            dependencies[i].name = Self.sanitize(dependencies[i].name)
            dependencies[i].version = Self.sanitize(dependencies[i].version)
            dependencies[i].repository = Self.sanitize(dependencies[i].repository)
            dependencies[i].condition = Self.sanitize(dependencies[i].condition)
            dependencies[i].tags = dependencies[i].tags.map(Self.sanitize)
            let dep = dependencies[i]
            if !dep.alias.isEmpty, !dep.alias.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                throw fail("dependency \(GoQuote.quote(dep.name)) has disallowed characters in the alias")
            }
            let key = dep.alias.isEmpty ? dep.name : dep.alias
            if !seen.insert(key).inserted {
                throw fail("more than one dependency with name or alias \(GoQuote.quote(key)). "
                    + "Try using distinct aliases for dependencies with the same chart name.")
            }
        }
    }

    /// `sanitizeString`: whitespace becomes a space, non-printable characters go.
    static func sanitize(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar.properties.isWhitespace { return " " }
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
                return nil
            default: return scalar
            }
        }))
    }

    /// `filepath.Base`.
    static func goBase(_ path: String) -> String {
        if path.isEmpty { return "." }
        var p = Substring(path)
        while p.count > 1, p.last == "/" { p = p.dropLast() }
        if p == "/" { return "/" }
        if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
        return String(p)
    }
}

/// One entry of Chart.yaml's `dependencies`.
public struct ChartDependency: Sendable, Equatable {
    public var name: String = ""
    /// A version range the subchart's version must satisfy.
    public var version: String = ""
    public var repository: String = ""
    /// Comma-separated values paths; the first that resolves to a bool decides.
    public var condition: String = ""
    public var tags: [String] = []
    public var enabled: Bool = false
    /// Each entry a string (`exports.<name>`) or a map with `child` and `parent`.
    public var importValues: [Value] = []
    public var alias: String = ""

    public init(name: String, version: String = "", repository: String = "", condition: String = "",
                tags: [String] = [], importValues: [Value] = [], alias: String = "")
    {
        (self.name, self.version, self.repository, self.condition) = (name, version, repository, condition)
        (self.tags, self.importValues, self.alias) = (tags, importValues, alias)
    }

    init(reading fields: inout FieldReader) throws {
        if fields.value.isNull {
            throw ChartError(.metadata, "validation: dependencies must not contain empty or null nodes", file: fields.file)
        }
        name = try fields.string("name")
        version = try fields.string("version")
        repository = try fields.string("repository")
        condition = try fields.string("condition")
        tags = try fields.strings("tags")
        enabled = try fields.bool("enabled")
        alias = try fields.string("alias")
        if case .array(let items)? = fields.value["import-values"] { importValues = items }
    }
}

/// Reads typed fields out of a decoded map the way Go's `json.Unmarshal` fills a struct,
/// failing with its message (`json: cannot unmarshal number into Go struct field
/// Metadata.version of type string`) at the value's place in the file.
struct FieldReader {
    let root: Node?
    let value: Value
    let file: String
    let structName: String
    var fieldPrefix = ""

    func mismatch(_ key: String, _ got: Value, want: String) -> ChartError {
        let kind: String
        switch got {
        case .int, .uint, .float: kind = "number"
        case .string: kind = "string"
        case .bool: kind = "bool"
        case .array: kind = "array"
        case .object: kind = "object"
        case .null: kind = "null"
        }
        return ChartError(.metadata,
                          "cannot load Chart.yaml: json: cannot unmarshal \(kind) into Go struct field \(structName).\(fieldPrefix)\(key) of type \(want)",
                          file: file, at: root?[key]?.start)
    }

    func string(_ key: String) throws -> String {
        switch value[key] {
        case nil, .null?: return ""
        case .string(let s)?: return s
        case let other?: throw mismatch(key, other, want: "string")
        }
    }

    func bool(_ key: String) throws -> Bool {
        switch value[key] {
        case nil, .null?: return false
        case .bool(let b)?: return b
        case let other?: throw mismatch(key, other, want: "bool")
        }
    }

    func strings(_ key: String) throws -> [String] {
        switch value[key] {
        case nil, .null?: return []
        case .array(let items)?:
            return try items.map { item in
                switch item {
                case .string(let s): return s
                case .null: return ""
                default: throw mismatch(key, item, want: "string")
                }
            }
        case let other?: throw mismatch(key, other, want: "[]string")
        }
    }

    func stringMap(_ key: String) throws -> OrderedDictionary<String, String> {
        switch value[key] {
        case nil, .null?: return [:]
        case .object(let entries)?:
            var out = OrderedDictionary<String, String>()
            for (k, v) in entries {
                switch v {
                case .string(let s): out[k] = s
                case .null: out[k] = ""
                default: throw mismatch(key, v, want: "string")
                }
            }
            return out
        case let other?: throw mismatch(key, other, want: "map[string]string")
        }
    }
}
