import Kubernetes
import OrderedCollections
import YAML

/// The Deployment controller: a ReplicaSet per pod-template hash, rolling updates within
/// maxSurge and maxUnavailable (or Recreate), revision annotations and history cleanup, and
/// the status kubectl rollout status reads: observedGeneration, replica counts, and the
/// Available and Progressing conditions including ProgressDeadlineExceeded.
extension Cluster {
    var deploymentType: ResourceType { catalog.type(group: "apps", version: "v1", resource: "deployments")! }
    static let revisionAnnotation = "deployment.kubernetes.io/revision"

    func runDeployments() {
        let allRS = store.list(replicaSetType).map(\.object)
        for entry in store.list(deploymentType) {
            let d = entry.object
            guard d[path: ["metadata", "deletionTimestamp"]] == nil, let uid = d[path: ["metadata", "uid"]]?.string else { continue }
            let owned = allRS.filter { rs in
                rs[path: ["metadata", "ownerReferences"]]?.array?.contains { $0["uid"]?.string == uid } ?? false
            }
            syncDeployment(d, key: entry.key, owned: owned)
        }
    }

    /// kube's `ComputeHash`: FNV-32a over the template, the decimal digits mapped through the
    /// name-suffix alphabet (`rand.SafeEncodeString`).
    static func templateHash(_ template: Value, collisionCount: Int = 0) -> String {
        var text = MergeKeys.json(template)
        if collisionCount > 0 { text += String(collisionCount) }
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String(String(fnv(text)).utf8.map { alphabet[Int($0) % alphabet.count] })
    }

    private static func templateWithoutHash(_ rs: Value) -> Value {
        var t = rs[path: ["spec", "template"]] ?? .null
        t[path: ["metadata", "labels", "pod-template-hash"]] = nil
        if t[path: ["metadata", "labels"]]?.object?.isEmpty == true { t[path: ["metadata", "labels"]] = nil }
        return t
    }

    static func revision(_ rs: Value) -> Int {
        Int(rs[path: ["metadata", "annotations", revisionAnnotation]]?.string ?? "") ?? 0
    }

    private func syncDeployment(_ input: Value, key: ObjectKey, owned: [Value]) {
        var d = input
        let template = d[path: ["spec", "template"]] ?? .null
        let replicas = d[path: ["spec", "replicas"]]?.intValue ?? 1
        var newRS = owned.first { ServerSideApply.equivalent(Self.templateWithoutHash($0), template) }
        var olds = owned.filter { $0[path: ["metadata", "uid"]] != newRS?[path: ["metadata", "uid"]] }
        let maxRevision = owned.map(Self.revision).max() ?? 0
        var progressEvent: (reason: String, message: String)?

        if d[path: ["spec", "paused"]]?.boolValue != true {
            if newRS == nil {
                newRS = createReplicaSet(for: d, template: template, revision: maxRevision + 1)
                if let rs = newRS {
                    progressEvent = ("NewReplicaSetCreated", "Created new replica set \"\(rs[path: ["metadata", "name"]]?.string ?? "")\"")
                }
            } else if var rs = newRS, Self.revision(rs) < maxRevision {
                // A rollback to an older template: that ReplicaSet becomes the newest revision.
                rs[path: ["metadata", "annotations", Self.revisionAnnotation]] = .string(String(maxRevision + 1))
                newRS = controllerWrite(replicaSetType, rs)
            }
            guard var current = newRS else { return }
            let strategy = d[path: ["spec", "strategy", "type"]]?.string ?? "RollingUpdate"
            let activeOld = olds.filter { ($0[path: ["spec", "replicas"]]?.intValue ?? 0) > 0 }
            if strategy == "Recreate" {
                for i in olds.indices where (olds[i][path: ["spec", "replicas"]]?.intValue ?? 0) > 0 {
                    olds[i] = scaleReplicaSet(olds[i], to: 0, deployment: d)
                }
                let oldPods = olds.reduce(0) { $0 + ($1[path: ["status", "replicas"]]?.intValue ?? 0) }
                if oldPods == 0 { current = scaleReplicaSet(current, to: replicas, deployment: d) }
            } else if activeOld.isEmpty {
                current = scaleReplicaSet(current, to: replicas, deployment: d)
            } else {
                let (surge, unavailable) = Self.rollingBounds(d, replicas: replicas)
                // Scale the new ReplicaSet up within maxSurge.
                let all = (olds + [current]).reduce(0) { $0 + ($1[path: ["spec", "replicas"]]?.intValue ?? 0) }
                let newCount = current[path: ["spec", "replicas"]]?.intValue ?? 0
                if newCount > replicas {
                    current = scaleReplicaSet(current, to: replicas, deployment: d)
                } else if all < replicas + surge {
                    let up = min(replicas + surge - all, replicas - newCount)
                    if up > 0 { current = scaleReplicaSet(current, to: newCount + up, deployment: d) }
                }
                // Scale old ReplicaSets down without going below minAvailable.
                let minAvailable = replicas - unavailable
                let allCount = (olds + [current]).reduce(0) { $0 + ($1[path: ["spec", "replicas"]]?.intValue ?? 0) }
                let newUnavailable = (current[path: ["spec", "replicas"]]?.intValue ?? 0) - (current[path: ["status", "availableReplicas"]]?.intValue ?? 0)
                var budget = allCount - minAvailable - newUnavailable
                if budget > 0 {
                    // Unhealthy old replicas go first.
                    for i in olds.indices where budget > 0 {
                        let spec = olds[i][path: ["spec", "replicas"]]?.intValue ?? 0
                        let avail = olds[i][path: ["status", "availableReplicas"]]?.intValue ?? 0
                        let unhealthy = min(spec - avail, budget)
                        if unhealthy > 0 {
                            olds[i] = scaleReplicaSet(olds[i], to: spec - unhealthy, deployment: d)
                            budget -= unhealthy
                        }
                    }
                    let available = (olds + [current]).reduce(0) { $0 + ($1[path: ["status", "availableReplicas"]]?.intValue ?? 0) }
                    var down = min(budget, available - minAvailable)
                    let order = olds.indices.sorted { Self.revision(olds[$0]) < Self.revision(olds[$1]) }
                    for i in order where down > 0 {
                        let spec = olds[i][path: ["spec", "replicas"]]?.intValue ?? 0
                        let step = min(spec, down)
                        if step > 0 {
                            olds[i] = scaleReplicaSet(olds[i], to: spec - step, deployment: d)
                            down -= step
                        }
                    }
                }
            }
            newRS = current
            cleanupHistory(d, olds: olds)
        }

        // Status.
        let everything = olds + (newRS.map { [$0] } ?? [])
        func sum(_ path: [String], _ list: [Value]) -> Int { list.reduce(0) { $0 + ($1[path: path]?.intValue ?? 0) } }
        let total = sum(["status", "replicas"], everything)
        let updated = newRS?[path: ["status", "replicas"]]?.intValue ?? 0
        let ready = sum(["status", "readyReplicas"], everything)
        let available = sum(["status", "availableReplicas"], everything)
        let (_, unavailable) = Self.rollingBounds(d, replicas: replicas)
        let old = d["status"] ?? .object([:])
        var status: OrderedDictionary<String, Value> = ["observedGeneration": d[path: ["metadata", "generation"]] ?? 1]
        if total > 0 { status["replicas"] = .int(Int64(total)) }
        if updated > 0 { status["updatedReplicas"] = .int(Int64(updated)) }
        if ready > 0 { status["readyReplicas"] = .int(Int64(ready)) }
        if available > 0 { status["availableReplicas"] = .int(Int64(available)) }
        if replicas - available > 0 { status["unavailableReplicas"] = .int(Int64(max(0, total - available, replicas - available))) }
        let now = Timestamp.format(clock.now)
        let minimumAvailable = available >= replicas - unavailable
        var conditions: [Value] = []
        conditions.append(updateCondition(old, type: "Available", status: minimumAvailable ? "True" : "False",
                                          reason: minimumAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                                          message: minimumAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                                          now: now, touch: false))
        let rsName = newRS?[path: ["metadata", "name"]]?.string ?? ""
        let oldPods = sum(["status", "replicas"], olds)
        let complete = updated == replicas && available >= replicas && oldPods == 0 && total == replicas
        // deploymentutil.DeploymentProgressing: only movement towards the goal counts.
        func count(_ v: Value?) -> Int { v?.intValue ?? 0 }
        let oldOldReplicas = count(old["replicas"]) - count(old["updatedReplicas"])
        let progressed = count(status["updatedReplicas"]) > count(old["updatedReplicas"])
            || (total - updated) < oldOldReplicas
            || count(status["readyReplicas"]) > count(old["readyReplicas"])
            || count(status["availableReplicas"]) > count(old["availableReplicas"])
        let previous = old["conditions"]?.array?.first { $0["type"]?.string == "Progressing" }
        let lastUpdate = previous?["lastUpdateTime"]?.string.flatMap(Timestamp.parse) ?? clock.now
        let deadline = Double(d[path: ["spec", "progressDeadlineSeconds"]]?.intValue ?? 600)
        let progressing: Value
        if complete {
            progressing = updateCondition(old, type: "Progressing", status: "True", reason: "NewReplicaSetAvailable",
                                          message: "ReplicaSet \"\(rsName)\" has successfully progressed.", now: now,
                                          touch: previous?["reason"]?.string != "NewReplicaSetAvailable")
        } else if let event = progressEvent {
            progressing = updateCondition(old, type: "Progressing", status: "True", reason: event.reason, message: event.message, now: now, touch: true)
        } else if progressed || previous == nil || previous?["reason"]?.string == "NewReplicaSetAvailable" {
            progressing = updateCondition(old, type: "Progressing", status: "True", reason: "ReplicaSetUpdated",
                                          message: "ReplicaSet \"\(rsName)\" is progressing.", now: now, touch: true)
        } else if clock.now - lastUpdate > deadline {
            if previous?["reason"]?.string != "ProgressDeadlineExceeded" {
                recordEvent(d, type: "Warning", reason: "ProgressDeadlineExceeded",
                            message: "Deployment \"\(d[path: ["metadata", "name"]]?.string ?? "")\" has timed out progressing.", component: "deployment-controller")
            }
            progressing = updateCondition(old, type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded",
                                          message: "ReplicaSet \"\(rsName)\" has timed out progressing.", now: now,
                                          touch: previous?["reason"]?.string != "ProgressDeadlineExceeded")
        } else {
            progressing = previous ?? .null
        }
        conditions.append(progressing)
        status["conditions"] = .array(conditions)
        d[path: ["status"]] = .object(status)
        if let rev = newRS.map(Self.revision), rev > 0 {
            d[path: ["metadata", "annotations", Self.revisionAnnotation]] = .string(String(rev))
        }
        controllerWrite(deploymentType, d)
    }

    /// A condition with lastTransitionTime kept while its status holds, and lastUpdateTime
    /// moved when `touch` (progress) or when anything about it changed.
    private func updateCondition(_ oldStatus: Value, type: String, status: String, reason: String, message: String,
                                 now: String, touch: Bool) -> Value {
        let previous = oldStatus["conditions"]?.array?.first { $0["type"]?.string == type }
        let same = previous?["status"]?.string == status && previous?["reason"]?.string == reason && previous?["message"]?.string == message
        let transition = previous?["status"]?.string == status ? (previous?["lastTransitionTime"] ?? .string(now)) : .string(now)
        let update = (same && !touch) ? (previous?["lastUpdateTime"] ?? .string(now)) : .string(now)
        return ["type": .string(type), "status": .string(status), "lastUpdateTime": update, "lastTransitionTime": transition,
                "reason": .string(reason), "message": .string(message)]
    }

    /// maxSurge (rounded up) and maxUnavailable (rounded down) as counts; both zero means one unavailable.
    static func rollingBounds(_ d: Value, replicas: Int) -> (surge: Int, unavailable: Int) {
        guard d[path: ["spec", "strategy", "type"]]?.string != "Recreate" else { return (0, replicas) }
        func resolve(_ v: Value?, roundUp: Bool) -> Int {
            switch v {
            case .int(let i)?: return Int(i)
            case .string(let s)? where s.hasSuffix("%"):
                let p = Double(s.dropLast()) ?? 0
                let x = p * Double(replicas) / 100
                return Int(clamping: x, to: 0...Validation.maxReplicas, rounding: roundUp ? .up : .down)
            case .string(let s)?: return Int(s) ?? 0
            default: return Int(clamping: 0.25 * Double(replicas), to: 0...Int(Int32.max), rounding: roundUp ? .up : .down)
            }
        }
        let surge = resolve(d[path: ["spec", "strategy", "rollingUpdate", "maxSurge"]], roundUp: true)
        var unavailable = resolve(d[path: ["spec", "strategy", "rollingUpdate", "maxUnavailable"]], roundUp: false)
        if surge == 0 && unavailable == 0 { unavailable = 1 }
        return (surge, min(unavailable, replicas))
    }

    private func createReplicaSet(for d: Value, template: Value, revision: Int) -> Value? {
        let hash = Self.templateHash(template)
        let name = "\(d[path: ["metadata", "name"]]?.string ?? "")-\(hash)"
        var tmpl = template
        tmpl[path: ["metadata", "labels", "pod-template-hash"]] = .string(hash)
        var selector = d[path: ["spec", "selector"]] ?? .object([:])
        selector[path: ["matchLabels", "pod-template-hash"]] = .string(hash)
        var labels = template[path: ["metadata", "labels"]] ?? .object([:])
        labels[path: ["pod-template-hash"]] = .string(hash)
        let replicas = d[path: ["spec", "replicas"]]?.intValue ?? 1
        let (surge, _) = Self.rollingBounds(d, replicas: replicas)
        let rs: Value = [
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": [
                "name": .string(name), "namespace": d[path: ["metadata", "namespace"]] ?? "default", "labels": labels,
                "annotations": [
                    "deployment.kubernetes.io/desired-replicas": .string(String(replicas)),
                    "deployment.kubernetes.io/max-replicas": .string(String(replicas + surge)),
                    "deployment.kubernetes.io/revision": .string(String(revision)),
                ],
                "ownerReferences": [[
                    "apiVersion": "apps/v1", "kind": "Deployment", "name": d[path: ["metadata", "name"]] ?? "",
                    "uid": d[path: ["metadata", "uid"]] ?? "", "controller": true, "blockOwnerDeletion": true,
                ]],
            ],
            "spec": ["replicas": 0, "minReadySeconds": d[path: ["spec", "minReadySeconds"]] ?? 0, "selector": selector, "template": tmpl],
        ]
        let ns = d[path: ["metadata", "namespace"]]?.string ?? "default"
        return try? createObject(rs, manager: "kube-controller-manager", in: replicaSetType, namespace: ns)
    }

    private func scaleReplicaSet(_ rs: Value, to count: Int, deployment d: Value) -> Value {
        let current = rs[path: ["spec", "replicas"]]?.intValue ?? 0
        guard current != count else { return rs }
        var updated = rs
        updated[path: ["spec", "replicas"]] = .int(Int64(count))
        let replicas = d[path: ["spec", "replicas"]]?.intValue ?? 1
        updated[path: ["metadata", "annotations", "deployment.kubernetes.io/desired-replicas"]] = .string(String(replicas))
        updated[path: ["metadata", "annotations", "deployment.kubernetes.io/max-replicas"]] = .string(String(replicas + Self.rollingBounds(d, replicas: replicas).surge))
        updated[path: ["metadata", "generation"]] = .int(Int64((rs[path: ["metadata", "generation"]]?.intValue ?? 1) + 1))
        let name = rs[path: ["metadata", "name"]]?.string ?? ""
        recordEvent(d, reason: "ScalingReplicaSet",
                    message: "Scaled \(count > current ? "up" : "down") replica set \(name) from \(current) to \(count)",
                    component: "deployment-controller")
        return controllerWrite(replicaSetType, updated)
    }

    private func cleanupHistory(_ d: Value, olds: [Value]) {
        let limit = d[path: ["spec", "revisionHistoryLimit"]]?.intValue ?? 10
        let idle = olds.filter { ($0[path: ["spec", "replicas"]]?.intValue ?? 0) == 0 && ($0[path: ["status", "replicas"]]?.intValue ?? 0) == 0 }
            .sorted { Self.revision($0) < Self.revision($1) }
        guard idle.count > limit else { return }
        for rs in idle.prefix(idle.count - limit) {
            let key = ObjectKey(namespace: rs[path: ["metadata", "namespace"]]?.string ?? "", name: rs[path: ["metadata", "name"]]?.string ?? "")
            _ = try? deleteObject(replicaSetType, key, options: DeleteOptions())
        }
    }
}
