import Kubernetes
import OrderedCollections
import YAML

/// Create, update, patch and apply, with the API server's bookkeeping: uid, resourceVersion,
/// generation, creationTimestamp, managedFields, defaulting and validation.
extension Cluster {
    var nowText: String { Timestamp.format(clock.now) }

    func type(of object: Value) throws -> ResourceType {
        guard let apiVersion = object["apiVersion"]?.string, let kind = object["kind"]?.string else {
            throw APIError.badRequest("Object 'Kind' is missing in '\(MergeKeys.json(object).prefix(200))'")
        }
        guard let type = catalog.type(apiVersion: apiVersion, kind: kind), catalog.isStored(type) else {
            throw APIError(code: 404, reason: "NotFound", message: "the server could not find the requested resource (\(kind) \(apiVersion))")
        }
        return type
    }

    func requireNamespace(_ namespace: String, creating type: ResourceType) throws {
        guard let ns = store.get(namespacesType, ObjectKey(namespace: "", name: namespace)) else {
            throw APIError(code: 404, reason: "NotFound", message: "namespaces \"\(namespace)\" not found",
                           details: ["name": .string(namespace), "kind": "namespaces"])
        }
        if ns[path: ["metadata", "deletionTimestamp"]] != nil {
            throw APIError(code: 403, reason: "Forbidden",
                           message: "\(type.resource) is forbidden: unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }

    var namespacesType: ResourceType { catalog.type(group: "", version: "v1", resource: "namespaces")! }

    /// POST: creates an object. `namespace` is the URL's namespace, if any.
    @discardableResult
    func createObject(_ body: Value, manager: String?, in urlType: ResourceType? = nil, namespace: String? = nil,
                      dryRun: Bool = false, keepStatus: Bool = false) throws -> Value {
        let type = try urlType ?? type(of: body)
        var object = body
        if object["apiVersion"] == nil { object[path: ["apiVersion"]] = .string(type.apiVersion) }
        if object["kind"] == nil { object[path: ["kind"]] = .string(type.kind) }
        if object[path: ["metadata", "name"]]?.string?.isEmpty ?? true {
            guard let prefix = object[path: ["metadata", "generateName"]]?.string, !prefix.isEmpty else {
                throw APIError.invalid(type, "", [("metadata.name", "Required value: name or generateName is required", "FieldValueRequired")])
            }
            object[path: ["metadata", "name"]] = .string(prefix + randomSuffix())
        }
        let name = object[path: ["metadata", "name"]]!.string!
        var ns = ""
        if type.namespaced {
            let bodyNS = object[path: ["metadata", "namespace"]]?.string
            if let namespace, let bodyNS, !bodyNS.isEmpty, bodyNS != namespace {
                throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
            }
            ns = namespace ?? bodyNS ?? "default"
            object[path: ["metadata", "namespace"]] = .string(ns)
            try requireNamespace(ns, creating: type)
        } else {
            object[path: ["metadata", "namespace"]] = nil
        }
        let key = ObjectKey(namespace: ns, name: name)
        if store.get(type, key) != nil { throw APIError.alreadyExists(type, name) }
        if !keepStatus && type.hasStatus { object[path: ["status"]] = nil }
        if let manager, object[path: ["metadata", "managedFields"]] == nil {
            ManagedFields.recordUpdate(old: nil, new: &object, manager: manager, apiVersion: type.apiVersion, time: nowText,
                                       subresource: nil, kind: type.kind)
        }
        return try finishCreate(type, key, object, dryRun: dryRun)
    }

    private func finishCreate(_ type: ResourceType, _ key: ObjectKey, _ input: Value, dryRun: Bool) throws -> Value {
        var object = input
        Defaulting.apply(&object, kind: type.kind)
        let causes = Validation.check(object, type: type)
        if !causes.isEmpty { throw APIError.invalid(type, key.name, causes) }
        object[path: ["metadata", "uid"]] = .string(newUID())
        object[path: ["metadata", "creationTimestamp"]] = .string(nowText)
        if type.tracksGeneration { object[path: ["metadata", "generation"]] = 1 }
        if type.kind == "Namespace" { object[path: ["status", "phase"]] = "Active" }
        if type.kind == "Service" { allocateClusterIP(&object) }
        if type.kind == "Job" { generateJobSelector(&object) }
        object = normalizedMetadata(object)
        if dryRun {
            object[path: ["metadata", "resourceVersion"]] = nil
            return object
        }
        return store.put(type, key, object)
    }

    /// PUT on an object or its status subresource.
    @discardableResult
    func updateObject(_ type: ResourceType, _ key: ObjectKey, _ body: Value, manager: String?, subresource: String? = nil,
                      dryRun: Bool = false) throws -> Value {
        guard let old = store.get(type, key) else { throw APIError.notFound(type, key.name) }
        try rejectStaleResourceVersion(body, live: old, type, key)
        if let bodyName = body[path: ["metadata", "name"]]?.string, bodyName != key.name {
            throw APIError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(key.name))")
        }
        var object = body
        switch subresource {
        case "status":
            object = old
            object[path: ["status"]] = body["status"]
        default:
            if type.hasStatus { object[path: ["status"]] = old["status"] }
            for field in ["uid", "creationTimestamp", "generation", "deletionTimestamp", "namespace"] {
                object[path: ["metadata", field]] = old[path: ["metadata", field]]
            }
            if object[path: ["metadata", "managedFields"]] == nil {
                object[path: ["metadata", "managedFields"]] = old[path: ["metadata", "managedFields"]]
            }
            if object["apiVersion"] == nil { object[path: ["apiVersion"]] = .string(type.apiVersion) }
            if object["kind"] == nil { object[path: ["kind"]] = .string(type.kind) }
        }
        if let manager {
            ManagedFields.recordUpdate(old: old, new: &object, manager: manager, apiVersion: type.apiVersion, time: nowText,
                                       subresource: subresource, kind: type.kind)
        }
        return try commit(type, key, old: old, new: object, dryRun: dryRun)
    }

    /// Stores an updated object after defaulting and validation, bumping generation when the
    /// spec changed. Unchanged objects are not rewritten (no new resourceVersion), as etcd's
    /// guaranteed-update skips no-op writes.
    func commit(_ type: ResourceType, _ key: ObjectKey, old: Value, new input: Value, dryRun: Bool = false) throws -> Value {
        var object = input
        Defaulting.apply(&object, kind: type.kind)
        let causes = Validation.check(object, type: type)
        if !causes.isEmpty { throw APIError.invalid(type, key.name, causes) }
        if type.tracksGeneration, specChanged(old, object) {
            object[path: ["metadata", "generation"]] = .int(Int64((old[path: ["metadata", "generation"]]?.intValue ?? 0) + 1))
        }
        if type.kind == "Service", object[path: ["spec", "clusterIP"]] == nil {
            object[path: ["spec", "clusterIP"]] = old[path: ["spec", "clusterIP"]]
            object[path: ["spec", "clusterIPs"]] = old[path: ["spec", "clusterIPs"]]
        }
        object = normalizedMetadata(object)
        if equalApartFromResourceVersion(object, old) { return old }
        if dryRun { return object }
        let stored = store.put(type, key, object)
        if stored[path: ["metadata", "deletionTimestamp"]] != nil,
           stored[path: ["metadata", "finalizers"]]?.array?.isEmpty ?? true {
            store.remove(type, key)
            collectGarbage()
        }
        return stored
    }

    private func specChanged(_ old: Value, _ new: Value) -> Bool {
        var a = old, b = new
        a[path: ["metadata"]] = nil; b[path: ["metadata"]] = nil
        a[path: ["status"]] = nil; b[path: ["status"]] = nil
        return a != b
    }

    /// metadata keys in the order the server writes them.
    func normalizedMetadata(_ object: Value) -> Value {
        guard case .object(var top) = object, case .object(let meta)? = top["metadata"] else { return object }
        let order = ["name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
                     "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences",
                     "finalizers", "managedFields"]
        var sorted: OrderedDictionary<String, Value> = [:]
        for k in order { if let v = meta[k], !v.isNull || k == "creationTimestamp" { sorted[k] = v } }
        for (k, v) in meta where sorted[k] == nil { sorted[k] = v }
        sorted.removeValue(forKey: "creationTimestamp")
        if let ts = meta["creationTimestamp"], !ts.isNull {
            let index = sorted.index(forKey: "generation").map { $0 + 1 } ?? sorted.index(forKey: "resourceVersion").map { $0 + 1 } ?? min(sorted.count, 3)
            sorted.updateValue(ts, forKey: "creationTimestamp", insertingAt: min(index, sorted.count))
        }
        top["metadata"] = .object(sorted)
        // apiVersion, kind, metadata first, then the rest in their order.
        var out: OrderedDictionary<String, Value> = [:]
        for k in ["apiVersion", "kind", "metadata"] { if let v = top[k] { out[k] = v } }
        for (k, v) in top where out[k] == nil { out[k] = v }
        return .object(out)
    }

    /// The Job API's generated selector (unless `spec.manualSelector`): the Job's uid, as
    /// `spec.selector` and as labels on its pod template, so `kubectl logs job/NAME` and
    /// `describe` find exactly its pods. A Job created without labels then carries its
    /// template's (batch/v1 SetDefaults_Job, which kube-apiserver applies again when it reads
    /// the stored Job), so `kubectl get jobs -l job-name=NAME` finds it.
    private func generateJobSelector(_ object: inout Value) {
        guard object[path: ["spec", "manualSelector"]]?.boolValue != true,
              let uid = object[path: ["metadata", "uid"]], let name = object[path: ["metadata", "name"]] else { return }
        object[path: ["spec", "selector"]] = ["matchLabels": ["batch.kubernetes.io/controller-uid": uid]]
        for (label, value) in [("batch.kubernetes.io/controller-uid", uid), ("batch.kubernetes.io/job-name", name),
                               ("controller-uid", uid), ("job-name", name)] {
            object[path: ["spec", "template", "metadata", "labels", label]] = value
        }
        if (object[path: ["metadata", "labels"]]?.object ?? [:]).isEmpty {
            object[path: ["metadata", "labels"]] = object[path: ["spec", "template", "metadata", "labels"]]
        }
    }

    private func allocateClusterIP(_ object: inout Value) {
        if object[path: ["spec", "clusterIP"]]?.string == "None" {
            object[path: ["spec", "clusterIPs"]] = ["None"]
            return
        }
        // A requested address is kept, as the real allocator keeps one that is free and in range.
        if let requested = object[path: ["spec", "clusterIP"]]?.string, !requested.isEmpty {
            if object[path: ["spec", "clusterIPs"]] == nil { object[path: ["spec", "clusterIPs"]] = [.string(requested)] }
            return
        }
        let serviceType = catalog.type(kind: "Service")!
        let used = Set(store.list(serviceType).compactMap { $0.object[path: ["spec", "clusterIP"]]?.string })
        var n = store.count(serviceType) + 1
        var ip = ""
        repeat {
            ip = "10.96.\((n / 250) % 250).\(n % 250 + 1)"
            n += 1
        } while used.contains(ip)
        object[path: ["spec", "clusterIP"]] = .string(ip)
        object[path: ["spec", "clusterIPs"]] = [.string(ip)]
    }

    /// PATCH, including server-side apply. Returns the object and whether it was created.
    func patchObject(_ type: ResourceType, _ key: ObjectKey, body: [UInt8], contentType: String, manager: String?,
                     force: Bool, subresource: String?, dryRun: Bool) throws -> (object: Value, created: Bool) {
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let existing = store.get(type, key)
        if media == "application/apply-patch+yaml" || media == "application/apply-patch+cbor" {
            return try serverSideApply(type, key, body: body, manager: manager, force: force, subresource: subresource,
                                       existing: existing, dryRun: dryRun)
        }
        guard var live = existing else { throw APIError.notFound(type, key.name) }
        if subresource == "scale" { live = scaleObject(type, live) }
        let patch: Value
        do { patch = try JSONParser(numbers: .yaml).parse(bytes: body) } catch {
            throw APIError.badRequest("error decoding patch: \(error)")
        }
        var patched: Value
        do {
            switch media {
            case "application/merge-patch+json": patched = Patches.mergePatch(live, patch)
            case "application/strategic-merge-patch+json":
                patched = try Patches.strategicMergePatch(live, patch, kind: subresource == "scale" ? "Scale" : type.kind)
            case "application/json-patch+json": patched = try Patches.jsonPatch(live, patch)
            default: throw APIError.unsupportedMediaType(contentType)
            }
        } catch let e as Patches.PatchError {
            throw APIError(code: 422, reason: "Invalid", message: e.message)
        }
        if subresource == "scale" {
            return (try updateScale(type, key, patched, manager: manager, dryRun: dryRun), false)
        }
        return (try updateObject(type, key, patched, manager: manager, subresource: subresource, dryRun: dryRun), false)
    }

    private func serverSideApply(_ type: ResourceType, _ key: ObjectKey, body: [UInt8], manager: String?, force: Bool,
                                 subresource: String?, existing: Value?, dryRun: Bool) throws -> (object: Value, created: Bool) {
        guard let manager, !manager.isEmpty else {
            throw APIError.badRequest("PATCH requests with apply content type require fieldManager")
        }
        var config: Value
        do {
            let text = String(decoding: body, as: UTF8.self)
            let docs = try ValueDecoder.decodeAll(text, numbers: .yaml)
            guard docs.count == 1, let only = docs.first else { throw APIError.badRequest("apply patch must be a single object") }
            config = only
        } catch let e as APIError { throw e } catch {
            throw APIError.badRequest("error decoding YAML: \(error)")
        }
        if let kind = config["kind"]?.string, kind != type.kind {
            throw APIError.badRequest("the kind of the object (\(kind)) does not match the kind on the URL (\(type.kind))")
        }
        if let name = config[path: ["metadata", "name"]]?.string, name != key.name {
            throw APIError.badRequest("the name of the object (\(name)) does not match the name on the URL (\(key.name))")
        }
        try rejectDuplicateKeys(config, type: type)
        if let existing { try rejectStaleResourceVersion(config, live: existing, type, key) }
        // The server decodes the configuration into typed objects first, so `0.5` and `500m`
        // are the same quantity when ownership is compared.
        Defaulting.canonicalQuantities(&config)
        var merged = try ServerSideApply.apply(live: existing, config: config, manager: manager, force: force, type: type,
                                               subresource: subresource, time: nowText)
        if let existing {
            if type.hasStatus && subresource != "status" { merged[path: ["status"]] = existing["status"] }
            return (try commit(type, key, old: existing, new: merged, dryRun: dryRun), false)
        }
        if type.namespaced { merged[path: ["metadata", "namespace"]] = .string(key.namespace) }
        merged[path: ["metadata", "name"]] = .string(key.name)
        return (try createObject(merged, manager: nil, in: type, namespace: type.namespaced ? key.namespace : nil, dryRun: dryRun), true)
    }

    /// Two list elements with the same list-map key are rejected, as structured-merge-diff does.
    private func rejectDuplicateKeys(_ value: Value, type: ResourceType, path: [String] = []) throws {
        switch value {
        case .object(let m):
            for (k, v) in m where !(path.isEmpty && k == "status") {
                try rejectDuplicateKeys(v, type: type, path: path + [k])
            }
        case .array(let items):
            if let keys = MergeKeys.applyKeys(path: path, kind: type.kind) {
                var seen = Set<String>()
                for item in items {
                    let id = MergeKeys.keyText(item, keys: keys)
                    if !seen.insert(id).inserted {
                        let display = FieldSet.display([.key(id)])
                        throw APIError(code: 500, reason: "InternalError",
                                       message: "failed to create typed patch object (\(type.group.isEmpty ? "" : type.group)/\(type.version), Kind=\(type.kind)) \(path.isEmpty ? "" : "."): .\(path.filter { $0 != "[]" }.joined(separator: ".")): duplicate entries for key \(display)")
                    }
                }
            }
            for item in items { try rejectDuplicateKeys(item, type: type, path: path + ["[]"]) }
        default:
            return
        }
    }

    /// The autoscaling/v1 Scale view of a workload.
    func scaleObject(_ type: ResourceType, _ object: Value) -> Value {
        var selector = ""
        if let sel = object[path: ["spec", "selector"]], let parsed = try? LabelSelector(object: sel) { selector = parsed.description }
        var meta: OrderedDictionary<String, Value> = [:]
        for k in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] { meta[k] = object[path: ["metadata", k]] }
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(meta),
            "spec": ["replicas": object[path: ["spec", "replicas"]] ?? 0],
            "status": ["replicas": object[path: ["status", "replicas"]] ?? 0, "selector": .string(selector)],
        ]
    }

    /// Writes a Scale's spec.replicas back to its workload; returns the new Scale.
    func updateScale(_ type: ResourceType, _ key: ObjectKey, _ scale: Value, manager: String?, dryRun: Bool) throws -> Value {
        guard var object = store.get(type, key) else { throw APIError.notFound(type, key.name) }
        try rejectStaleResourceVersion(scale, live: object, type, key)
        guard let replicas = scale[path: ["spec", "replicas"]]?.intValue else {
            throw APIError.invalid(type, key.name, [("spec.replicas", "Required value", "FieldValueRequired")])
        }
        let old = object
        object[path: ["spec", "replicas"]] = .int(Int64(replicas))
        if let manager {
            ManagedFields.recordUpdate(old: old, new: &object, manager: manager, apiVersion: type.apiVersion, time: nowText,
                                       subresource: "scale", kind: type.kind)
        }
        let stored = try commit(type, key, old: old, new: object, dryRun: dryRun)
        return scaleObject(type, stored)
    }

    /// A controller's write of an object it owns: no managedFields bookkeeping, no validation.
    @discardableResult
    func controllerWrite(_ type: ResourceType, _ object: Value) -> Value {
        let key = ObjectKey(namespace: object[path: ["metadata", "namespace"]]?.string ?? "",
                            name: object[path: ["metadata", "name"]]?.string ?? "")
        if let old = store.get(type, key), equalApartFromResourceVersion(object, old) { return old }
        return store.put(type, key, object)
    }

    /// A write that names a resourceVersion other than the live one is a 409 Conflict (an empty
    /// one means "unconditional", as in kube-apiserver).
    private func rejectStaleResourceVersion(_ sent: Value, live: Value, _ type: ResourceType, _ key: ObjectKey) throws {
        if let rv = sent[path: ["metadata", "resourceVersion"]]?.string, !rv.isEmpty,
           rv != live[path: ["metadata", "resourceVersion"]]?.string {
            throw APIError.conflict(type, key.name, APIError.modified)
        }
    }

    /// Whether a write would change nothing but the resourceVersion, so it can be skipped.
    private func equalApartFromResourceVersion(_ new: Value, _ old: Value) -> Bool {
        var comparable = new
        comparable[path: ["metadata", "resourceVersion"]] = old[path: ["metadata", "resourceVersion"]]
        return comparable == old
    }
}
