import YAML

/// DELETE with preconditions, finalizers and the three propagation policies, and the garbage
/// collector that removes dependents whose owners are gone.
extension Cluster {
    struct DeleteOptions {
        var propagation: String?
        var uid: String?
        var resourceVersion: String?
        var dryRun = false

        init(request: APIRequest) {
            propagation = request.query["propagationPolicy"]
            dryRun = request.isDryRun
            if request.query["orphanDependents"] == "true" { propagation = "Orphan" }
            if !request.body.isEmpty, let body = try? JSONParser().parse(bytes: request.body) {
                propagation = body["propagationPolicy"]?.string ?? propagation
                if body["orphanDependents"]?.boolValue == true { propagation = "Orphan" }
                uid = body[path: ["preconditions", "uid"]]?.string
                resourceVersion = body[path: ["preconditions", "resourceVersion"]]?.string
                if let dry = body["dryRun"]?.array, dry.contains("All") { dryRun = true }
            }
        }

        init(propagation: String? = nil) { self.propagation = propagation }
    }

    @discardableResult
    func deleteObject(_ type: ResourceType, _ key: ObjectKey, options: DeleteOptions) throws -> Value {
        guard var object = store.get(type, key) else { throw APIError.notFound(type, key.name) }
        if let uid = options.uid, uid != object[path: ["metadata", "uid"]]?.string {
            throw APIError.conflict(type, key.name, "Precondition failed: UID in precondition: \(uid), UID in object meta: \(object[path: ["metadata", "uid"]]?.string ?? "")")
        }
        if let rv = options.resourceVersion, rv != object[path: ["metadata", "resourceVersion"]]?.string {
            throw APIError.conflict(type, key.name, "Precondition failed: ResourceVersion in precondition: \(rv), ResourceVersion in object meta: \(object[path: ["metadata", "resourceVersion"]]?.string ?? "")")
        }
        if options.dryRun { return object }
        let uid = object[path: ["metadata", "uid"]]?.string ?? ""
        let policy = options.propagation ?? (type.kind == "Job" || type.kind == "CronJob" ? "Background" : "Background")

        if type.kind == "Namespace" {
            object[path: ["metadata", "deletionTimestamp"]] = .string(nowText)
            object[path: ["status", "phase"]] = "Terminating"
            let terminating = store.put(type, key, object)
            for t in catalog.types where t.namespaced && catalog.isStored(t) {
                for entry in store.list(t, namespace: key.name) {
                    _ = try? deleteObject(t, entry.key, options: DeleteOptions(propagation: "Background"))
                }
            }
            store.remove(type, key)
            return terminating
        }

        var finalizers = object[path: ["metadata", "finalizers"]]?.array ?? []
        if policy == "Orphan" {
            orphanDependents(of: uid)
        } else if policy == "Foreground" {
            if !finalizers.contains("foregroundDeletion") { finalizers.append("foregroundDeletion") }
            object[path: ["metadata", "finalizers"]] = .array(finalizers)
            object[path: ["metadata", "deletionTimestamp"]] = .string(nowText)
            object[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
            let marked = store.put(type, key, object)
            for dep in dependents(of: uid) {
                _ = try? deleteObject(dep.type, dep.key, options: DeleteOptions(propagation: "Foreground"))
            }
            finalizers.removeAll { $0 == "foregroundDeletion" }
            guard var current = store.get(type, key) else { return marked }
            current[path: ["metadata", "finalizers"]] = finalizers.isEmpty ? nil : .array(finalizers)
            if finalizers.isEmpty {
                store.put(type, key, current)
                store.remove(type, key)
                return current
            }
            return store.put(type, key, current)
        }
        if !finalizers.isEmpty {
            // Finalizers hold the object until their controllers remove them.
            if object[path: ["metadata", "deletionTimestamp"]] == nil {
                object[path: ["metadata", "deletionTimestamp"]] = .string(nowText)
                object[path: ["metadata", "deletionGracePeriodSeconds"]] = 0
                return store.put(type, key, object)
            }
            return object
        }
        let removed = store.remove(type, key) ?? object
        if type.kind == "Pod" { forgetPod(uid, removed) }
        collectGarbage()
        return removed
    }

    /// Objects that name `uid` among their ownerReferences.
    func dependents(of uid: String) -> [(type: ResourceType, key: ObjectKey)] {
        var out: [(ResourceType, ObjectKey)] = []
        for t in catalog.types where catalog.isStored(t) {
            for entry in store.list(t) {
                if let refs = entry.object[path: ["metadata", "ownerReferences"]]?.array,
                   refs.contains(where: { $0["uid"]?.string == uid }) {
                    out.append((t, entry.key))
                }
            }
        }
        return out
    }

    private func orphanDependents(of uid: String) {
        for dep in dependents(of: uid) {
            guard var object = store.get(dep.type, dep.key) else { continue }
            let refs = object[path: ["metadata", "ownerReferences"]]?.array?.filter { $0["uid"]?.string != uid } ?? []
            object[path: ["metadata", "ownerReferences"]] = refs.isEmpty ? nil : .array(refs)
            store.put(dep.type, dep.key, object)
        }
    }

    /// Background garbage collection: deletes every object whose owners all no longer exist,
    /// repeating until nothing more goes (a Deployment takes its ReplicaSets, then their Pods).
    func collectGarbage() {
        var changed = true
        while changed {
            changed = false
            var live = Set<String>()
            for t in catalog.types where catalog.isStored(t) {
                for entry in store.list(t) { if let uid = entry.object[path: ["metadata", "uid"]]?.string { live.insert(uid) } }
            }
            for t in catalog.types where catalog.isStored(t) {
                for entry in store.list(t) {
                    guard let refs = entry.object[path: ["metadata", "ownerReferences"]]?.array, !refs.isEmpty else { continue }
                    if refs.allSatisfy({ !live.contains($0["uid"]?.string ?? "") }) {
                        _ = try? deleteObject(t, entry.key, options: DeleteOptions(propagation: "Background"))
                        changed = true
                    }
                }
            }
        }
    }
}
