import Kubernetes
import YAML

/// `patches`, `patchesStrategicMerge` and `patchesJson6902`: each patch is read (inline or from
/// its file), recognised as a strategic merge patch (a mapping) or a JSON 6902 patch (a list of
/// operations), and applied to its targets.
struct PatchTransform {
    let kustomization: Kustomization
    let directory: String
    let files: OverlayFiles

    enum Parsed {
        case strategic([Value])
        case json(JSONPatch)
    }

    func apply(_ located: Kustomization.Located<Kustomization.PatchSpec>, to resources: inout [Resource], legacyJSON: Bool = false) throws {
        let spec = located.value
        let parsed = try parse(located, forceJSON: legacyJSON)
        switch parsed {
        case .json(let patch):
            guard let target = spec.target else {
                throw error(located, "a JSON 6902 patch needs a target: say which objects it applies to (kind, name)")
            }
            let selected = resources.indices.filter { target.selects(resources[$0]) }
            for i in selected {
                do {
                    resources[i].object = try patch.apply(to: resources[i].object)
                } catch {
                    throw OverlayError(file: kustomization.file, mark: located.mark, field: located.field, object: resources[i].label,
                                       error.message + "; fix the patch or its target")
                }
            }
        case .strategic(let patches):
            for patch in patches {
                if let target = spec.target {
                    var removed: [Int] = []
                    for i in resources.indices where target.selects(resources[i]) {
                        var p = patch
                        // The target's identity wins over whatever the patch names.
                        p[path: ["metadata", "name"]] = .string(resources[i].name)
                        if resources[i].namespace.isEmpty { p[path: ["metadata", "namespace"]] = nil } else {
                            p[path: ["metadata", "namespace"]] = .string(resources[i].namespace)
                        }
                        p[path: ["apiVersion"]] = .string(resources[i].apiVersion)
                        p[path: ["kind"]] = .string(resources[i].kind)
                        if !merge(p, into: &resources[i]) { removed.append(i) }
                    }
                    for i in removed.reversed() { resources.remove(at: i) }
                } else {
                    let kind = patch["kind"]?.string ?? ""
                    let name = patch[path: ["metadata", "name"]]?.string ?? ""
                    let namespace = patch[path: ["metadata", "namespace"]]?.string ?? ""
                    let gvk = GroupVersionKind(apiVersion: patch["apiVersion"]?.string ?? "", kind: kind)
                    let matches = resources.indices.filter { i in
                        let r = resources[i]
                        return r.kind == kind && r.originalName == name && r.gvk.group == gvk.group && r.gvk.version == gvk.version
                            && Resource.effectiveNamespace(r.originalNamespace, namespaced: r.isNamespaced)
                                == Resource.effectiveNamespace(namespace, namespaced: r.isNamespaced)
                    }
                    guard let i = matches.first, matches.count == 1 else {
                        let ns = namespace.isEmpty ? "" : namespace + "/"
                        throw error(located, "no resource matches the strategic merge patch for \(patch["apiVersion"]?.string ?? "") \(kind) \(ns)\(name); check its apiVersion, kind, name and namespace or give a target")
                    }
                    if !merge(patch, into: &resources[i]) { resources.remove(at: i) }
                }
            }
        }
    }

    /// Applies one strategic merge patch; false when it deleted the object.
    private func merge(_ patch: Value, into resource: inout Resource) -> Bool {
        let name = resource.name, namespace = resource.namespace, kind = resource.kind
        guard var merged = StrategicMerge.apply(patch, to: resource.object, kind: kind) else { return false }
        merged[path: ["metadata", "name"]] = .string(name)
        merged[path: ["kind"]] = .string(kind)
        if namespace.isEmpty {
            if merged[path: ["metadata", "namespace"]] != nil { merged[path: ["metadata", "namespace"]] = nil }
        } else {
            merged[path: ["metadata", "namespace"]] = .string(namespace)
        }
        resource.object = merged
        return true
    }

    private func parse(_ located: Kustomization.Located<Kustomization.PatchSpec>, forceJSON: Bool) throws -> Parsed {
        let spec = located.value
        let text: String
        let origin: String
        if let inline = spec.inline {
            text = inline
            origin = kustomization.file
        } else {
            let path = OverlayFiles.join(directory, spec.path!)
            guard OverlayFiles.isWithin(path, directory) else {
                throw error(located, "\(spec.path!) is outside \(directory); a kustomization may only read files in or below its own folder")
            }
            guard let bytes = try files.read(path) else {
                throw error(located, "cannot read patch file \(spec.path!) (relative to \(directory)); check the path")
            }
            text = String(decoding: bytes, as: UTF8.self)
            origin = path
        }
        let documents: [Value]
        do {
            documents = try YAMLParser.parse(text, file: origin).compactMap { doc in
                try doc.root.map { try ManifestDecoding.decode($0, file: origin, stringMetadata: false) }
            }.filter { !$0.isNull }
        } catch let e as OverlayError {
            throw OverlayError(file: e.file, mark: e.mark ?? located.mark, field: located.field, e.message)
        } catch let e as YAMLError {
            throw OverlayError(file: origin, mark: e.mark ?? located.mark, field: located.field, "the patch is not valid YAML: \(e.message)")
        }
        if documents.count == 1, case .array = documents[0] {
            do {
                return .json(try JSONPatch(documents[0]))
            } catch {
                throw self.error(located, error.message)
            }
        }
        if forceJSON { throw error(located, "a JSON 6902 patch must be a list of operations (op, path, value)") }
        guard !documents.isEmpty, documents.allSatisfy({ $0.object != nil }) else {
            throw error(located, "the patch is neither a strategic merge patch (a mapping with apiVersion, kind, metadata.name) nor a JSON 6902 patch (a list of operations)")
        }
        return .strategic(documents)
    }

    private func error(_ located: Kustomization.Located<Kustomization.PatchSpec>, _ message: String) -> OverlayError {
        OverlayError(file: kustomization.file, mark: located.mark, field: located.field, message)
    }
}
