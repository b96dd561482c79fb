import Kubernetes
import OrderedCollections
import YAML

/// Server-side printing (`meta.k8s.io/v1` Table), with the columns kube-apiserver's printers
/// give each kind, so `kubectl get` looks as it does against a real cluster. Ages count in
/// simulated time.
enum Tables {
    typealias Column = (name: String, type: String, priority: Int)

    /// `includeObject` is the request's parameter: `Metadata` (the default: PartialObjectMetadata
    /// without managedFields), `Object` (the whole object, which `kubectl get --sort-by` sorts
    /// on) or `None`.
    static func table(_ type: ResourceType, _ items: [Value], now: Double, metadata: Value, cluster: Cluster,
                      includeObject: String? = nil) -> Value {
        let columns = self.columns(type.kind)
        let rows: [Value] = items.map { item in
            var row: OrderedDictionary<String, Value> = ["cells": .array(cells(type.kind, item, now: now))]
            switch includeObject {
            case "None": break
            case "Object":
                var object = item
                if object["apiVersion"] == nil { object[path: ["apiVersion"]] = .string(type.apiVersion) }
                if object["kind"] == nil { object[path: ["kind"]] = .string(type.kind) }
                row["object"] = object
            default:
                var meta = item["metadata"] ?? .object([:])
                meta[path: ["managedFields"]] = nil
                row["object"] = ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": meta]
            }
            return .object(row)
        }
        return [
            "kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": metadata,
            "columnDefinitions": .array(columns.map { c in
                ["name": .string(c.name), "type": .string(c.type), "format": c.name == "Name" ? "name" : "",
                 "description": .string(c.name), "priority": .int(Int64(c.priority))]
            }),
            "rows": .array(rows),
        ]
    }

    static func columns(_ kind: String) -> [Column] {
        switch kind {
        case "Pod": return [("Name", "string", 0), ("Ready", "string", 0), ("Status", "string", 0), ("Restarts", "string", 0),
                            ("Age", "string", 0), ("IP", "string", 1), ("Node", "string", 1)]
        case "Deployment": return [("Name", "string", 0), ("Ready", "string", 0), ("Up-to-date", "string", 0),
                                   ("Available", "string", 0), ("Age", "string", 0), ("Containers", "string", 1),
                                   ("Images", "string", 1), ("Selector", "string", 1)]
        case "DaemonSet": return [("Name", "string", 0), ("Desired", "integer", 0), ("Current", "integer", 0), ("Ready", "integer", 0),
                                  ("Up-to-date", "integer", 0), ("Available", "integer", 0), ("Node Selector", "string", 0),
                                  ("Age", "string", 0), ("Containers", "string", 1), ("Images", "string", 1), ("Selector", "string", 1)]
        case "ControllerRevision": return [("Name", "string", 0), ("Controller", "string", 0), ("Revision", "integer", 0), ("Age", "string", 0)]
        case "ReplicaSet": return [("Name", "string", 0), ("Desired", "integer", 0), ("Current", "integer", 0),
                                   ("Ready", "integer", 0), ("Age", "string", 0)]
        case "Service": return [("Name", "string", 0), ("Type", "string", 0), ("Cluster-IP", "string", 0),
                                ("External-IP", "string", 0), ("Port(s)", "string", 0), ("Age", "string", 0)]
        case "HorizontalPodAutoscaler": return [("Name", "string", 0), ("Reference", "string", 0), ("Targets", "string", 0),
                                                ("MinPods", "string", 0), ("MaxPods", "integer", 0), ("Replicas", "integer", 0),
                                                ("Age", "string", 0)]
        case "CronJob": return [("Name", "string", 0), ("Schedule", "string", 0), ("Timezone", "string", 0), ("Suspend", "boolean", 0),
                                ("Active", "integer", 0), ("Last Schedule", "string", 0), ("Age", "string", 0)]
        case "Job": return [("Name", "string", 0), ("Status", "string", 0), ("Completions", "string", 0),
                            ("Duration", "string", 0), ("Age", "string", 0)]
        case "PodDisruptionBudget": return [("Name", "string", 0), ("Min Available", "string", 0), ("Max Unavailable", "string", 0),
                                            ("Allowed Disruptions", "integer", 0), ("Age", "string", 0)]
        case "ConfigMap": return [("Name", "string", 0), ("Data", "integer", 0), ("Age", "string", 0)]
        case "Secret": return [("Name", "string", 0), ("Type", "string", 0), ("Data", "integer", 0), ("Age", "string", 0)]
        case "Namespace": return [("Name", "string", 0), ("Status", "string", 0), ("Age", "string", 0)]
        case "Node": return [("Name", "string", 0), ("Status", "string", 0), ("Roles", "string", 0), ("Age", "string", 0),
                             ("Version", "string", 0)]
        case "Event": return [("Last Seen", "string", 0), ("Type", "string", 0), ("Reason", "string", 0),
                              ("Object", "string", 0), ("Message", "string", 0)]
        case "RoleBinding", "ClusterRoleBinding": return [("Name", "string", 0), ("Role", "string", 0), ("Age", "string", 0)]
        case "Lease": return [("Name", "string", 0), ("Holder", "string", 0), ("Age", "string", 0)]
        default: return [("Name", "string", 0), ("Age", "string", 0)]
        }
    }

    static func cells(_ kind: String, _ o: Value, now: Double) -> [Value] {
        let name = Value.string(o[path: ["metadata", "name"]]?.string ?? "")
        let created = o[path: ["metadata", "creationTimestamp"]]?.string.flatMap(Timestamp.parse) ?? now
        let age = Value.string(humanDuration(now - created))
        func int(_ path: [String]) -> Value { .int(Int64(o[path: path]?.intValue ?? 0)) }
        switch kind {
        case "Pod":
            let statuses = o[path: ["status", "containerStatuses"]]?.array ?? []
            let total = o[path: ["spec", "containers"]]?.array?.count ?? 0
            let ready = statuses.filter { $0["ready"]?.boolValue == true }.count
            let restarts = statuses.reduce(0) { $0 + ($1["restartCount"]?.intValue ?? 0) }
            var restartText = String(restarts)
            let lastRestart = statuses.compactMap { $0[path: ["lastState", "terminated", "finishedAt"]]?.string.flatMap(Timestamp.parse) }.max()
            if restarts > 0, let lastRestart { restartText += " (\(humanDuration(now - lastRestart)) ago)" }
            return [name, .string("\(ready)/\(total)"), .string(PodStatusText.reason(o)), .string(restartText), age,
                    .string(o[path: ["status", "podIP"]]?.string ?? "<none>"), .string(o[path: ["spec", "nodeName"]]?.string ?? "<none>")]
        case "Deployment":
            let containers = o[path: ["spec", "template", "spec", "containers"]]?.array ?? []
            let selector = (o[path: ["spec", "selector"]]).flatMap { try? LabelSelector(object: $0) }?.description ?? ""
            return [name, .string("\(o[path: ["status", "readyReplicas"]]?.intValue ?? 0)/\(o[path: ["spec", "replicas"]]?.intValue ?? 0)"),
                    int(["status", "updatedReplicas"]), int(["status", "availableReplicas"]), age,
                    .string(containers.compactMap { $0["name"]?.string }.joined(separator: ",")),
                    .string(containers.compactMap { $0["image"]?.string }.joined(separator: ",")), .string(selector)]
        case "DaemonSet":
            let containers = o[path: ["spec", "template", "spec", "containers"]]?.array ?? []
            let nodeSelector = (o[path: ["spec", "template", "spec", "nodeSelector"]]?.stringMap ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let selector = (o[path: ["spec", "selector"]]).flatMap { try? LabelSelector(object: $0) }?.description ?? ""
            return [name, int(["status", "desiredNumberScheduled"]), int(["status", "currentNumberScheduled"]), int(["status", "numberReady"]),
                    int(["status", "updatedNumberScheduled"]), int(["status", "numberAvailable"]), .string(nodeSelector.isEmpty ? "<none>" : nodeSelector), age,
                    .string(containers.compactMap { $0["name"]?.string }.joined(separator: ",")),
                    .string(containers.compactMap { $0["image"]?.string }.joined(separator: ",")), .string(selector)]
        case "ControllerRevision":
            let owner = o[path: ["metadata", "ownerReferences"]]?.array?.first { $0["controller"]?.boolValue == true }
            let group = (owner?["apiVersion"]?.string ?? "").split(separator: "/").dropLast().first.map { ".\($0)" } ?? ""
            let controller = owner.map { "\(($0["kind"]?.string ?? "").lowercased())\(group)/\($0["name"]?.string ?? "")" } ?? "<none>"
            return [name, .string(controller), int(["revision"]), age]
        case "ReplicaSet":
            return [name, int(["spec", "replicas"]), int(["status", "replicas"]), int(["status", "readyReplicas"]), age]
        case "Service":
            let ports = (o[path: ["spec", "ports"]]?.array ?? []).map { p -> String in
                let base = "\(p["port"]?.intValue ?? 0)"
                let node = p["nodePort"]?.intValue.map { ":\($0)" } ?? ""
                return "\(base)\(node)/\(p["protocol"]?.string ?? "TCP")"
            }
            return [name, .string(o[path: ["spec", "type"]]?.string ?? "ClusterIP"), .string(o[path: ["spec", "clusterIP"]]?.string ?? "<none>"),
                    "<none>", .string(ports.isEmpty ? "<none>" : ports.joined(separator: ",")), age]
        case "HorizontalPodAutoscaler":
            let ref = "\(o[path: ["spec", "scaleTargetRef", "kind"]]?.string ?? "")/\(o[path: ["spec", "scaleTargetRef", "name"]]?.string ?? "")"
            return [name, .string(ref), .string(hpaTargets(o)), .string(String(o[path: ["spec", "minReplicas"]]?.intValue ?? 1)),
                    int(["spec", "maxReplicas"]), int(["status", "currentReplicas"]), age]
        case "CronJob":
            let last = o[path: ["status", "lastScheduleTime"]]?.string.flatMap(Timestamp.parse).map { humanDuration(now - $0) } ?? "<none>"
            return [name, .string(o[path: ["spec", "schedule"]]?.string ?? ""), .string(o[path: ["spec", "timeZone"]]?.string ?? "<none>"),
                    .bool(o[path: ["spec", "suspend"]]?.boolValue ?? false), .int(Int64(o[path: ["status", "active"]]?.array?.count ?? 0)),
                    .string(last), age]
        case "Job":
            let conditions = o[path: ["status", "conditions"]]?.array ?? []
            let status = conditions.first { $0["status"]?.string == "True" && ["Complete", "Failed"].contains($0["type"]?.string ?? "") }?["type"]?.string ?? "Running"
            let start = o[path: ["status", "startTime"]]?.string.flatMap(Timestamp.parse)
            let end = o[path: ["status", "completionTime"]]?.string.flatMap(Timestamp.parse) ?? now
            return [name, .string(status), .string("\(o[path: ["status", "succeeded"]]?.intValue ?? 0)/\(o[path: ["spec", "completions"]]?.intValue ?? 1)"),
                    .string(start.map { humanDuration(end - $0) } ?? ""), age]
        case "PodDisruptionBudget":
            func text(_ v: Value?) -> String {
                switch v { case .int(let i)?: return String(i); case .string(let s)?: return s; default: return "N/A" }
            }
            return [name, .string(text(o[path: ["spec", "minAvailable"]])), .string(text(o[path: ["spec", "maxUnavailable"]])),
                    int(["status", "disruptionsAllowed"]), age]
        case "ConfigMap":
            return [name, .int(Int64((o["data"]?.object?.count ?? 0) + (o["binaryData"]?.object?.count ?? 0))), age]
        case "Secret":
            return [name, .string(o["type"]?.string ?? "Opaque"), .int(Int64(o["data"]?.object?.count ?? 0)), age]
        case "Namespace":
            return [name, .string(o[path: ["status", "phase"]]?.string ?? "Active"), age]
        case "Node":
            return [name, "Ready", "control-plane", age, .string(APIServerVersion.gitVersion)]
        case "Event":
            let last = o["lastTimestamp"]?.string.flatMap(Timestamp.parse) ?? created
            let obj = "\((o[path: ["involvedObject", "kind"]]?.string ?? "").lowercased())/\(o[path: ["involvedObject", "name"]]?.string ?? "")"
            return [.string(humanDuration(now - last)), .string(o["type"]?.string ?? ""), .string(o["reason"]?.string ?? ""),
                    .string(obj), .string(o["message"]?.string ?? "")]
        case "RoleBinding", "ClusterRoleBinding":
            return [name, .string("\(o[path: ["roleRef", "kind"]]?.string ?? "")/\(o[path: ["roleRef", "name"]]?.string ?? "")"), age]
        case "Lease":
            return [name, .string(o[path: ["spec", "holderIdentity"]]?.string ?? ""), age]
        default:
            return [name, age]
        }
    }

    private static func hpaTargets(_ o: Value) -> String {
        let specs = o[path: ["spec", "metrics"]]?.array ?? []
        let current = o[path: ["status", "currentMetrics"]]?.array ?? []
        let parts = specs.enumerated().map { i, m -> String in
            let resource = m[path: ["resource", "name"]]?.string ?? "cpu"
            let target = m[path: ["resource", "target", "averageUtilization"]]?.intValue
            let have = i < current.count ? current[i][path: ["resource", "current", "averageUtilization"]]?.intValue : nil
            return "\(resource): \(have.map { "\($0)%" } ?? "<unknown>")/\(target.map { "\($0)%" } ?? "?")"
        }
        return parts.isEmpty ? "<none>" : parts.joined(separator: ", ")
    }

    /// apimachinery's `duration.HumanDuration`.
    static func humanDuration(_ seconds: Double) -> String {
        let s = Int(clamping: seconds, to: Int(Int32.min)...Int(Int32.max), rounding: .down)
        if s < -1 { return "<invalid>" }
        if s < 0 { return "0s" }
        if s < 120 { return "\(s)s" }
        let minutes = s / 60
        if minutes < 10 { return s % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(s % 60)s" }
        if minutes < 180 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 { return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(hours % 24)h" }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 { return "\(hours / 24 / 365)y\((hours / 24) % 365)d" }
        return "\(hours / 24 / 365)y"
    }
}

/// The STATUS column of `kubectl get pods`: the first waiting or terminated reason, else the phase.
enum PodStatusText {
    static func reason(_ pod: Value) -> String {
        if pod[path: ["metadata", "deletionTimestamp"]] != nil { return "Terminating" }
        var reason = pod[path: ["status", "reason"]]?.string ?? pod[path: ["status", "phase"]]?.string ?? "Pending"
        for cs in pod[path: ["status", "containerStatuses"]]?.array ?? [] {
            if let w = cs[path: ["state", "waiting", "reason"]]?.string, !w.isEmpty { reason = w }
            else if let t = cs[path: ["state", "terminated", "reason"]]?.string, !t.isEmpty { reason = t }
        }
        return reason
    }
}
