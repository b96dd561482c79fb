import YAML

/// A kustomization file as Shipshape reads it: the fields real overlays use, each kept with the
/// place it was written so errors can point at it. Any other field is an error, never ignored.
struct Kustomization: Sendable {
    /// A value and the source position of its field.
    struct Located<T: Sendable>: Sendable {
        var value: T
        var mark: Mark
        var field: String
    }

    struct LabelSet: Sendable {
        var pairs: [(String, String)]
        var includeSelectors: Bool
        var includeTemplates: Bool
    }

    struct ImageRule: Sendable {
        var name: String
        var newName: String?
        var newTag: String?
        var digest: String?
    }

    struct ReplicaRule: Sendable {
        var name: String
        var count: Int64
    }

    struct PatchSpec: Sendable {
        /// Inline patch text, or nil when the patch is in `path`.
        var inline: String?
        var path: String?
        var target: PatchTarget?
    }

    struct GeneratorArgs: Sendable {
        var name: String
        var namespace: String?
        var behavior: GeneratorBehavior
        var literals: [String]
        var files: [String]
        var envs: [String]
        var type: String?
        var options: GeneratorOptions?
    }

    struct GeneratorOptions: Sendable {
        var labels: [(String, String)] = []
        var annotations: [(String, String)] = []
        var disableNameSuffixHash: Bool?
        var immutable: Bool?
    }

    var file: String
    var resources: [Located<String>] = []
    var namespace: Located<String>?
    var namePrefix = ""
    var nameSuffix = ""
    var labels: [Located<LabelSet>] = []
    var commonLabels: [(String, String)] = []
    var commonAnnotations: [(String, String)] = []
    var images: [Located<ImageRule>] = []
    var replicas: [Located<ReplicaRule>] = []
    var patches: [Located<PatchSpec>] = []
    var patchesStrategicMerge: [Located<PatchSpec>] = []
    var patchesJson6902: [Located<PatchSpec>] = []
    var configMapGenerator: [Located<GeneratorArgs>] = []
    var secretGenerator: [Located<GeneratorArgs>] = []
    var generatorOptions: GeneratorOptions?
}

extension Kustomization {
    /// Parses kustomization text; `file` is how errors name it.
    init(text: String, file: String) throws {
        self.file = file
        let root: Node?
        do {
            root = try YAMLParser.parseSingle(text, file: file)
        } catch let error as YAMLError {
            throw OverlayError(file: file, mark: error.mark, "not valid YAML: \(error.message)")
        }
        guard let root else { return }
        let r = FieldReader(file: file)
        for (key, keyNode, value) in try r.entries(root, "the kustomization") {
            switch key {
            case "apiVersion":
                let v = try r.string(value, key)
                guard v == "kustomize.config.k8s.io/v1beta1" || v == "kustomize.config.k8s.io/v1" else {
                    throw r.error(value, key, "apiVersion \"\(v)\" is not a kustomization; use kustomize.config.k8s.io/v1beta1")
                }
            case "kind":
                let v = try r.string(value, key)
                guard v == "Kustomization" else {
                    throw r.error(value, key, "kind \"\(v)\" is not supported; only Kustomization is (components are not)")
                }
            case "resources":
                resources = try r.list(value, key).enumerated().map { i, item in
                    Located(value: try r.string(item, "resources[\(i)]"), mark: item.start, field: "resources[\(i)]")
                }
            case "namespace":
                namespace = Located(value: try r.string(value, key), mark: value.start, field: key)
            case "namePrefix": namePrefix = try r.string(value, key)
            case "nameSuffix": nameSuffix = try r.string(value, key)
            case "commonLabels": commonLabels = try r.stringPairs(value, key)
            case "commonAnnotations": commonAnnotations = try r.stringPairs(value, key)
            case "labels":
                labels = try r.list(value, key).enumerated().map { i, item in
                    let field = "labels[\(i)]"
                    var set = LabelSet(pairs: [], includeSelectors: false, includeTemplates: false)
                    for (k, _, v) in try r.entries(item, field) {
                        switch k {
                        case "pairs": set.pairs = try r.stringPairs(v, field + ".pairs")
                        case "includeSelectors": set.includeSelectors = try r.bool(v, field + ".includeSelectors")
                        case "includeTemplates": set.includeTemplates = try r.bool(v, field + ".includeTemplates")
                        default: throw r.unsupported(v, field + "." + k)
                        }
                    }
                    return Located(value: set, mark: item.start, field: field)
                }
            case "images":
                images = try r.list(value, key).enumerated().map { i, item in
                    let field = "images[\(i)]"
                    var rule = ImageRule(name: "")
                    for (k, _, v) in try r.entries(item, field) {
                        switch k {
                        case "name": rule.name = try r.string(v, field + ".name")
                        case "newName": rule.newName = try r.string(v, field + ".newName")
                        case "newTag": rule.newTag = try r.string(v, field + ".newTag")
                        case "digest": rule.digest = try r.string(v, field + ".digest")
                        default: throw r.unsupported(v, field + "." + k)
                        }
                    }
                    guard !rule.name.isEmpty else { throw r.error(item, field, "an image rule needs a name (the image to replace)") }
                    return Located(value: rule, mark: item.start, field: field)
                }
            case "replicas":
                replicas = try r.list(value, key).enumerated().map { i, item in
                    let field = "replicas[\(i)]"
                    var rule = ReplicaRule(name: "", count: -1)
                    for (k, _, v) in try r.entries(item, field) {
                        switch k {
                        case "name": rule.name = try r.string(v, field + ".name")
                        case "count": rule.count = try r.int(v, field + ".count")
                        default: throw r.unsupported(v, field + "." + k)
                        }
                    }
                    guard !rule.name.isEmpty, rule.count >= 0 else {
                        throw r.error(item, field, "a replica rule needs a name and a count of 0 or more")
                    }
                    return Located(value: rule, mark: item.start, field: field)
                }
            case "patches", "patchesJson6902":
                let list = try r.list(value, key).enumerated().map { i, item in
                    let field = "\(key)[\(i)]"
                    var spec = PatchSpec()
                    for (k, _, v) in try r.entries(item, field) {
                        switch k {
                        case "path": spec.path = try r.string(v, field + ".path")
                        case "patch": spec.inline = try r.string(v, field + ".patch")
                        case "target": spec.target = try PatchTarget(v, reader: r, field: field + ".target")
                        default: throw r.unsupported(v, field + "." + k)
                        }
                    }
                    if (spec.path == nil) == (spec.inline == nil) {
                        throw r.error(item, field, "give exactly one of path: (a patch file) or patch: (the patch inline)")
                    }
                    if key == "patchesJson6902", spec.target == nil {
                        throw r.error(item, field, "a JSON 6902 patch needs a target (group, version, kind, name)")
                    }
                    return Located(value: spec, mark: item.start, field: field)
                }
                if key == "patches" { patches = list } else { patchesJson6902 = list }
            case "patchesStrategicMerge":
                patchesStrategicMerge = try r.list(value, key).enumerated().map { i, item in
                    let text = try r.string(item, "\(key)[\(i)]")
                    // An entry is a file path, or the patch itself when it spans lines.
                    let spec = text.contains("\n") ? PatchSpec(inline: text) : PatchSpec(path: text)
                    return Located(value: spec, mark: item.start, field: "\(key)[\(i)]")
                }
            case "configMapGenerator", "secretGenerator":
                let list = try r.list(value, key).enumerated().map { i, item in
                    Located(value: try Self.generator(item, reader: r, field: "\(key)[\(i)]", secret: key == "secretGenerator"),
                            mark: item.start, field: "\(key)[\(i)]")
                }
                if key == "configMapGenerator" { configMapGenerator = list } else { secretGenerator = list }
            case "generatorOptions":
                generatorOptions = try Self.options(value, reader: r, field: key)
            default:
                throw r.unsupported(keyNode, key)
            }
        }
    }

    private static func generator(_ node: Node, reader r: FieldReader, field: String, secret: Bool) throws -> GeneratorArgs {
        var args = GeneratorArgs(name: "", behavior: .create, literals: [], files: [], envs: [])
        for (k, _, v) in try r.entries(node, field) {
            switch k {
            case "name": args.name = try r.string(v, field + ".name")
            case "namespace": args.namespace = try r.string(v, field + ".namespace")
            case "behavior":
                let text = try r.string(v, field + ".behavior")
                guard let behavior = GeneratorBehavior(rawValue: text) else {
                    throw r.error(v, field + ".behavior", "behavior \"\(text)\" is not one of create, merge, replace")
                }
                args.behavior = behavior
            case "literals": args.literals = try r.list(v, field + ".literals").map { try r.string($0, field + ".literals") }
            case "files": args.files = try r.list(v, field + ".files").map { try r.string($0, field + ".files") }
            case "envs": args.envs = try r.list(v, field + ".envs").map { try r.string($0, field + ".envs") }
            case "env": args.envs.append(try r.string(v, field + ".env"))
            case "type" where secret: args.type = try r.string(v, field + ".type")
            case "options": args.options = try options(v, reader: r, field: field + ".options")
            default: throw r.unsupported(v, field + "." + k)
            }
        }
        guard !args.name.isEmpty else { throw r.error(node, field, "a generator needs a name") }
        return args
    }

    private static func options(_ node: Node, reader r: FieldReader, field: String) throws -> GeneratorOptions {
        var options = GeneratorOptions()
        for (k, _, v) in try r.entries(node, field) {
            switch k {
            case "labels": options.labels = try r.stringPairs(v, field + ".labels")
            case "annotations": options.annotations = try r.stringPairs(v, field + ".annotations")
            case "disableNameSuffixHash": options.disableNameSuffixHash = try r.bool(v, field + ".disableNameSuffixHash")
            case "immutable": options.immutable = try r.bool(v, field + ".immutable")
            default: throw r.unsupported(v, field + "." + k)
            }
        }
        return options
    }
}

/// Typed reads of kustomization nodes whose errors name the file, line, column and field.
struct FieldReader: Sendable {
    let file: String

    func error(_ node: Node, _ field: String, _ message: String) -> OverlayError {
        OverlayError(file: file, mark: node.start, field: field, message)
    }

    func unsupported(_ node: Node, _ field: String) -> OverlayError {
        error(node, field, "this field is not supported by Shipshape overlays (see docs/overlays.md for the supported fields); remove it or express it with patches")
    }

    func entries(_ node: Node, _ field: String) throws -> [(String, Node, Node)] {
        guard let pairs = node.dereferenced.pairs else { throw error(node, field, "expected a mapping") }
        return try pairs.map { pair in
            guard let key = pair.key.scalarText else { throw error(pair.key, field, "keys must be strings") }
            return (key, pair.key, pair.value)
        }
    }

    func list(_ node: Node, _ field: String) throws -> [Node] {
        if case .scalar(let text, .plain) = node.dereferenced.content, node.tag == nil, text == "" || text == "~" || text == "null" { return [] }
        guard let items = node.dereferenced.items else { throw error(node, field, "expected a list") }
        return items
    }

    /// A string field. kustomize reads kustomizations through JSON, so an unquoted number or
    /// boolean (`newTag: 1.20`, `enabled: true`) is not a string there either.
    func string(_ node: Node, _ field: String) throws -> String {
        let target = node.dereferenced
        guard case .scalar(let text, let style) = target.content else { throw error(node, field, "expected a string") }
        if style.isPlain, target.tag == nil {
            switch ScalarResolver.resolve(text) {
            case .null: return ""
            case .string, .timestamp: break
            default: throw error(node, field, "\(text) is a number or boolean here; quote it (\"\(text)\") to make it a string")
            }
        }
        return text
    }

    /// The text of a scalar whatever it resolves to (numbers, booleans).
    func scalarText(_ node: Node, _ field: String) throws -> String {
        guard let text = node.dereferenced.scalarText else { throw error(node, field, "expected a scalar") }
        return text
    }

    func bool(_ node: Node, _ field: String) throws -> Bool {
        let text = try scalarText(node, field)
        // Read as sigs.k8s.io/yaml reads kustomizations (YAML 1.1: `yes` and `on` are true).
        guard node.dereferenced.tag == nil, case .scalar(_, .plain) = node.dereferenced.content,
            case .bool(let b) = ScalarResolver.resolve(text)
        else { throw error(node, field, "expected true or false, found \"\(text)\"") }
        return b
    }

    func int(_ node: Node, _ field: String) throws -> Int64 {
        let text = try scalarText(node, field)
        guard let n = Int64(text) else { throw error(node, field, "expected a whole number, found \"\(text)\"") }
        return n
    }

    /// A map of strings (labels, annotations) in source order.
    func stringPairs(_ node: Node, _ field: String) throws -> [(String, String)] {
        if case .scalar(let text, .plain) = node.dereferenced.content, text == "" || text == "~" || text == "null" { return [] }
        return try entries(node, field).map { key, _, value in (key, try string(value, field + "." + key)) }
    }
}
