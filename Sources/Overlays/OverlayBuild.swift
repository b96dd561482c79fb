import YAML

/// Builds a kustomization as `kubectl kustomize` (kustomize v5.5) does, natively: resources
/// are read, generators run, transformers apply in kustomize's order, generated names get
/// their content hash, references follow renamed objects, and objects come out in kustomize's
/// legacy order.
///
/// Shipshape's overlays put the rendered chart in front of the kustomization's own
/// `resources`: `leading` holds those objects.
public enum OverlayBuild {
    /// The file names kustomize looks for, in its order.
    public static let kustomizationFileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// The kustomization file in `directory`, if there is one.
    public static func kustomizationFile(in directory: String, files: OverlayFiles = .local) throws -> String? {
        for name in kustomizationFileNames {
            let path = OverlayFiles.join(directory, name)
            if try files.read(path) != nil { return path }
        }
        return nil
    }

    /// The built objects.
    public static func build(directory: String, leading: [Value] = [], leadingOrigin: String = "the rendered chart",
                             files: OverlayFiles = .local) throws -> [Value] {
        try buildTracked(directory: directory, leading: leading.map { ($0, leadingOrigin) }, files: files).map(\.object)
    }

    /// One built object and what it was before the kustomization changed it.
    public struct BuiltObject: Sendable {
        public var object: Value
        /// The file (or, for `leading` objects, the origin given) it was read from; for a
        /// generated object, the kustomization that generated it.
        public var origin: String
        /// Its `metadata.name` and `metadata.namespace` as read, before prefixes, suffixes,
        /// namespaces and hashes: how the leading objects' provenance names them.
        public var originalName: String
        public var originalNamespace: String
        /// The `leading` object it was built from, as it was before the kustomization; nil
        /// for the kustomization's own resources and generated objects.
        public var leadingObject: Value?
    }

    /// The built objects with where each came from, so a field can be followed back to the
    /// rendered chart. `leading` pairs each object with its origin (its template's path).
    public static func buildTracked(directory: String, leading: [(object: Value, origin: String)],
                                    files: OverlayFiles = .local) throws -> [BuiltObject] {
        var resources = try accumulate(directory: directory, leading: leading, files: files, depth: 0)
        let file = try kustomizationFile(in: directory, files: files) ?? directory
        for i in resources.indices where resources[i].needsHashSuffix {
            resources[i].name = resources[i].name + "-" + (try NameHash.suffix(for: resources[i].object))
        }
        try NameReferenceFixer.fix(&resources, file: file)
        return LegacyOrder.sorted(resources).map {
            BuiltObject(object: $0.object, origin: $0.origin, originalName: $0.originalName,
                        originalNamespace: $0.originalNamespace, leadingObject: $0.leadingIndex.map { leading[$0].object })
        }
    }

    /// The patch files (`patches` and `patchesStrategicMerge` entries given by `path`) of the
    /// kustomization in `directory`, in the order they apply: where a field a patch sets can
    /// be edited.
    public static func patchFiles(in directory: String, files: OverlayFiles = .local) throws -> [String] {
        guard let file = try kustomizationFile(in: directory, files: files) else { return [] }
        let k = try Kustomization(text: String(decoding: try files.read(file) ?? [], as: UTF8.self), file: file)
        return (k.patchesStrategicMerge + k.patches).compactMap { $0.value.path.map { OverlayFiles.join(directory, $0) } }
    }

    /// The built objects as the YAML stream `kubectl kustomize` prints.
    public static func render(directory: String, leading: [Value] = [], leadingOrigin: String = "the rendered chart",
                              files: OverlayFiles = .local) throws -> String {
        YAMLEmitter.emitStream(try build(directory: directory, leading: leading, leadingOrigin: leadingOrigin, files: files))
    }

    static func accumulate(directory: String, leading: [(object: Value, origin: String)], files: OverlayFiles, depth: Int) throws -> [Resource] {
        guard let file = try kustomizationFile(in: directory, files: files) else {
            throw OverlayError(file: directory, "no kustomization.yaml here; an overlay directory needs one (it may list no resources)")
        }
        guard depth < 20 else { throw OverlayError(file: file, field: "resources", "resources nest more than 20 kustomizations deep; is there a cycle?") }
        let text = String(decoding: try files.read(file) ?? [], as: UTF8.self)
        let k = try Kustomization(text: text, file: file)

        var resources: [Resource] = []
        func add(_ r: Resource, field: String, mark: Mark?) throws {
            try validate(r, file: r.origin)
            if let other = resources.first(where: { sameIdentity($0, r) }) {
                throw OverlayError(file: file, mark: mark, field: field, object: r.label,
                                   "is already present (from \(other.origin)); each object may be listed once — use a patch to change it")
            }
            resources.append(r)
        }
        for (index, entry) in leading.enumerated() {
            var resource = Resource(entry.object, origin: entry.origin)
            resource.leadingIndex = index
            try add(resource, field: "resources", mark: nil)
        }
        for entry in k.resources {
            let ref = entry.value
            if ref.contains("://") || ref.hasPrefix("github.com/") || ref.hasPrefix("git@") {
                throw OverlayError(file: file, mark: entry.mark, field: entry.field,
                                   "remote resources (\(ref)) are not supported; vendor the files into the repository and list their path")
            }
            let path = OverlayFiles.join(directory, ref)
            if files.isDirectory(path) {
                for r in try accumulate(directory: path, leading: [], files: files, depth: depth + 1) {
                    try add(r, field: entry.field, mark: entry.mark)
                }
            } else {
                guard OverlayFiles.isWithin(path, directory) else {
                    throw OverlayError(file: file, mark: entry.mark, field: entry.field,
                                       "\(ref) is outside \(directory); a kustomization may only read files in or below its own folder (list a folder with its own kustomization.yaml instead)")
                }
                guard let bytes = try files.read(path) else {
                    throw OverlayError(file: file, mark: entry.mark, field: entry.field,
                                       "\(ref) does not exist (relative to \(directory)); check the path")
                }
                for object in try ManifestDecoding.decodeStream(String(decoding: bytes, as: UTF8.self), file: path) {
                    try add(Resource(object, origin: path), field: entry.field, mark: entry.mark)
                }
            }
        }

        let generator = ConfigGenerator(kustomization: k, directory: directory, files: files)
        for args in k.configMapGenerator { try generate(try generator.configMap(args), args, into: &resources, file: file) }
        for args in k.secretGenerator { try generate(try generator.secret(args), args, into: &resources, file: file) }

        let patcher = PatchTransform(kustomization: k, directory: directory, files: files)
        for patch in k.patchesStrategicMerge { try patcher.apply(patch, to: &resources) }
        for patch in k.patches { try patcher.apply(patch, to: &resources) }
        if let ns = k.namespace, !ns.value.isEmpty { NamespaceTransform.apply(ns.value, to: &resources) }
        NameAffixTransform.apply(prefix: k.namePrefix, suffix: k.nameSuffix, to: &resources)
        for set in k.labels {
            let specs: [FieldSpec] = set.value.includeSelectors
                ? BuiltinFieldSpecs.commonLabels
                : BuiltinFieldSpecs.metadataLabels + (set.value.includeTemplates ? BuiltinFieldSpecs.templateLabels : [])
            MetadataTransform.apply(set.value.pairs, specs: specs, to: &resources)
        }
        MetadataTransform.apply(k.commonLabels, specs: BuiltinFieldSpecs.commonLabels, to: &resources)
        MetadataTransform.apply(k.commonAnnotations, specs: BuiltinFieldSpecs.commonAnnotations, to: &resources)
        for patch in k.patchesJson6902 { try patcher.apply(patch, to: &resources, legacyJSON: true) }
        for rule in k.replicas { try ReplicaTransform.apply(rule, to: &resources, file: file) }
        for rule in k.images { ImageTransform.apply(rule.value, to: &resources) }
        return resources
    }

    private static func sameIdentity(_ a: Resource, _ b: Resource) -> Bool {
        a.gvk == b.gvk && a.name == b.name
            && Resource.effectiveNamespace(a.namespace, namespaced: a.isNamespaced) == Resource.effectiveNamespace(b.namespace, namespaced: b.isNamespaced)
    }

    private static func validate(_ r: Resource, file: String) throws {
        guard r.object.object != nil, !r.kind.isEmpty, !r.apiVersion.isEmpty, !r.name.isEmpty else {
            throw OverlayError(file: file, object: r.kind.isEmpty ? nil : r.label,
                               "every resource needs apiVersion, kind and metadata.name; add the missing field")
        }
    }

    /// Adds a generated object, or merges it into / replaces the one of the same name.
    private static func generate(_ generated: Resource, _ args: Kustomization.Located<Kustomization.GeneratorArgs>,
                                 into resources: inout [Resource], file: String) throws {
        let existing = resources.firstIndex { r in
            r.kind == generated.kind && r.originalName == generated.originalName
                && (args.value.namespace == nil || Resource.effectiveNamespace(r.namespace, namespaced: true)
                    == Resource.effectiveNamespace(args.value.namespace ?? "", namespaced: true))
        }
        switch args.value.behavior {
        case .create:
            if let i = existing {
                throw OverlayError(file: file, mark: args.mark, field: args.field, object: resources[i].label,
                                   "already exists; set behavior: merge or behavior: replace to change it")
            }
            resources.append(generated)
        case .merge, .replace:
            guard let i = existing else {
                throw OverlayError(file: file, mark: args.mark, field: args.field,
                                   "behavior \(args.value.behavior.rawValue) needs an existing \(generated.kind) named \(generated.originalName) from resources; there is none")
            }
            var object = resources[i].object
            if args.value.behavior == .replace {
                for key in ["data", "binaryData"] { object[path: [key]] = generated.object[key] }
            } else {
                for key in ["data", "binaryData"] {
                    guard let added = generated.object[key]?.object else { continue }
                    var map = object[key]?.object ?? [:]
                    for (k, v) in added { map[k] = v }
                    object[path: [key]] = .object(map)
                }
            }
            for key in ["labels", "annotations"] {
                guard let added = generated.object[path: ["metadata", key]]?.object else { continue }
                var map = object[path: ["metadata", key]]?.object ?? [:]
                for (k, v) in added { map[k] = v }
                object[path: ["metadata", key]] = .object(map)
            }
            resources[i].object = object
            resources[i].needsHashSuffix = resources[i].needsHashSuffix || (resources[i].generatorBehavior != nil && generated.needsHashSuffix)
        }
    }
}
