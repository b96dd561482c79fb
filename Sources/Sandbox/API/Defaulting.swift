import Kubernetes
import OrderedCollections
import YAML

/// The defaults kube-apiserver fills in on every write, for the fields clients read back and
/// compare: workload strategies and limits, pod-spec and container defaults, Service ports,
/// HPA behavior, Job and CronJob policies. Quantities are re-emitted in canonical form.
enum Defaulting {
    static func apply(_ object: inout Value, kind: String) {
        switch kind {
        case "Deployment":
            setIfAbsent(&object, ["spec", "replicas"], 1)
            if object[path: ["spec", "strategy", "type"]] == nil {
                object[path: ["spec", "strategy", "type"]] = "RollingUpdate"
            }
            if object[path: ["spec", "strategy", "type"]]?.string == "RollingUpdate" {
                setIfAbsent(&object, ["spec", "strategy", "rollingUpdate", "maxUnavailable"], "25%")
                setIfAbsent(&object, ["spec", "strategy", "rollingUpdate", "maxSurge"], "25%")
            }
            setIfAbsent(&object, ["spec", "revisionHistoryLimit"], 10)
            setIfAbsent(&object, ["spec", "progressDeadlineSeconds"], 600)
            podTemplate(&object, ["spec", "template"])
        case "ReplicaSet":
            setIfAbsent(&object, ["spec", "replicas"], 1)
            podTemplate(&object, ["spec", "template"])
        case "DaemonSet":
            if object[path: ["spec", "updateStrategy", "type"]] == nil {
                object[path: ["spec", "updateStrategy", "type"]] = "RollingUpdate"
            }
            if object[path: ["spec", "updateStrategy", "type"]]?.string == "RollingUpdate" {
                setIfAbsent(&object, ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"], 1)
                setIfAbsent(&object, ["spec", "updateStrategy", "rollingUpdate", "maxSurge"], 0)
            }
            setIfAbsent(&object, ["spec", "revisionHistoryLimit"], 10)
            podTemplate(&object, ["spec", "template"])
        case "Pod":
            podSpec(&object, ["spec"])
            setIfAbsent(&object, ["spec", "enableServiceLinks"], true)
            setIfAbsent(&object, ["spec", "preemptionPolicy"], "PreemptLowerPriority")
            setIfAbsent(&object, ["spec", "priority"], 0)
            // The ServiceAccount admission plugin's part: pods run as `default` unless they say.
            setIfAbsent(&object, ["spec", "serviceAccountName"], "default")
            setIfAbsent(&object, ["spec", "serviceAccount"], object[path: ["spec", "serviceAccountName"]] ?? "default")
            if object[path: ["spec", "tolerations"]] == nil {
                object[path: ["spec", "tolerations"]] = [
                    ["key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
                    ["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
                ]
            }
        case "Job":
            job(&object, ["spec"])
        case "CronJob":
            setIfAbsent(&object, ["spec", "concurrencyPolicy"], "Allow")
            setIfAbsent(&object, ["spec", "suspend"], false)
            setIfAbsent(&object, ["spec", "successfulJobsHistoryLimit"], 3)
            setIfAbsent(&object, ["spec", "failedJobsHistoryLimit"], 1)
            job(&object, ["spec", "jobTemplate", "spec"])
        case "Service":
            service(&object)
        case "HorizontalPodAutoscaler":
            setIfAbsent(&object, ["spec", "minReplicas"], 1)
            if object[path: ["spec", "metrics"]] == nil {
                object[path: ["spec", "metrics"]] = [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 80]]]]
            }
            if object[path: ["spec", "behavior"]] != nil {
                hpaBehavior(&object)
            }
        case "Secret":
            setIfAbsent(&object, ["type"], "Opaque")
            if case .object(let strings)? = object["stringData"] {
                for (k, v) in strings {
                    object[path: ["data", k]] = .string(Base64.encode(Array((v.string ?? "").utf8)))
                }
                object[path: ["stringData"]] = nil
            }
        case "Namespace":
            let name = object[path: ["metadata", "name"]]?.string ?? ""
            setIfAbsent(&object, ["metadata", "labels", "kubernetes.io/metadata.name"], .string(name))
            setIfAbsent(&object, ["spec", "finalizers"], ["kubernetes"])
        case "ServiceAccount", "ConfigMap", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding":
            if kind.hasSuffix("RoleBinding"), case .array(var subjects)? = object["subjects"] {
                for i in subjects.indices where subjects[i]["kind"]?.string != "ServiceAccount" && subjects[i]["apiGroup"] == nil {
                    subjects[i][path: ["apiGroup"]] = "rbac.authorization.k8s.io"
                }
                object[path: ["subjects"]] = .array(subjects)
            }
        case "PodDisruptionBudget":
            break
        default:
            break
        }
        canonicalQuantities(&object)
    }

    private static func setIfAbsent(_ object: inout Value, _ path: [String], _ value: Value) {
        if object[path: path] == nil { object[path: path] = value }
    }

    private static func job(_ object: inout Value, _ spec: [String]) {
        setIfAbsent(&object, spec + ["backoffLimit"], 6)
        setIfAbsent(&object, spec + ["completions"], 1)
        setIfAbsent(&object, spec + ["parallelism"], 1)
        setIfAbsent(&object, spec + ["completionMode"], "NonIndexed")
        setIfAbsent(&object, spec + ["suspend"], false)
        setIfAbsent(&object, spec + ["podReplacementPolicy"], "TerminatingOrFailed")
        setIfAbsent(&object, spec + ["manualSelector"], nil)
        podTemplate(&object, spec + ["template"], restartPolicy: "Never")
    }

    static func podTemplate(_ object: inout Value, _ path: [String], restartPolicy: String = "Always") {
        guard object[path: path] != nil else { return }
        if object[path: path + ["metadata", "creationTimestamp"]] == nil, object[path: path + ["metadata"]] != nil {
            object[path: path + ["metadata", "creationTimestamp"]] = .null
        }
        podSpec(&object, path + ["spec"], restartPolicy: restartPolicy)
    }

    static func podSpec(_ object: inout Value, _ path: [String], restartPolicy: String = "Always") {
        guard case .object? = object[path: path] else { return }
        setIfAbsent(&object, path + ["restartPolicy"], .string(restartPolicy))
        setIfAbsent(&object, path + ["terminationGracePeriodSeconds"], 30)
        setIfAbsent(&object, path + ["dnsPolicy"], "ClusterFirst")
        setIfAbsent(&object, path + ["securityContext"], .object([:]))
        setIfAbsent(&object, path + ["schedulerName"], "default-scheduler")
        for list in ["containers", "initContainers"] {
            guard case .array(var containers)? = object[path: path + [list]] else { continue }
            for i in containers.indices { container(&containers[i]) }
            object[path: path + [list]] = .array(containers)
        }
    }

    private static func container(_ c: inout Value) {
        setIfAbsent(&c, ["terminationMessagePath"], "/dev/termination-log")
        setIfAbsent(&c, ["terminationMessagePolicy"], "File")
        if c["imagePullPolicy"] == nil {
            let image = c["image"]?.string ?? ""
            let lastPart = image.split(separator: "/").last.map(String.init) ?? image
            let tag = lastPart.contains("@") ? "digest" : (lastPart.split(separator: ":").dropFirst().first.map(String.init) ?? "latest")
            c[path: ["imagePullPolicy"]] = tag == "latest" ? "Always" : "IfNotPresent"
        }
        setIfAbsent(&c, ["resources"], .object([:]))
        if case .array(var ports)? = c["ports"] {
            for i in ports.indices { setIfAbsent(&ports[i], ["protocol"], "TCP") }
            c[path: ["ports"]] = .array(ports)
        }
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] where c[probe] != nil {
            setIfAbsent(&c, [probe, "timeoutSeconds"], 1)
            setIfAbsent(&c, [probe, "periodSeconds"], 10)
            setIfAbsent(&c, [probe, "successThreshold"], 1)
            setIfAbsent(&c, [probe, "failureThreshold"], 3)
            if c[path: [probe, "httpGet"]] != nil { setIfAbsent(&c, [probe, "httpGet", "scheme"], "HTTP") }
        }
    }

    private static func service(_ object: inout Value) {
        setIfAbsent(&object, ["spec", "type"], "ClusterIP")
        setIfAbsent(&object, ["spec", "sessionAffinity"], "None")
        setIfAbsent(&object, ["spec", "ipFamilies"], ["IPv4"])
        setIfAbsent(&object, ["spec", "ipFamilyPolicy"], "SingleStack")
        setIfAbsent(&object, ["spec", "internalTrafficPolicy"], "Cluster")
        if case .array(var ports)? = object[path: ["spec", "ports"]] {
            for i in ports.indices {
                setIfAbsent(&ports[i], ["protocol"], "TCP")
                // Absent or 0 (what a protobuf body without one carries) is the port itself, as in Kubernetes.
                if ports[i]["targetPort"] == nil || ports[i]["targetPort"] == .int(0), let port = ports[i]["port"] {
                    ports[i][path: ["targetPort"]] = port
                }
            }
            object[path: ["spec", "ports"]] = .array(ports)
        }
    }

    private static func hpaBehavior(_ object: inout Value) {
        let up = ["spec", "behavior", "scaleUp"], down = ["spec", "behavior", "scaleDown"]
        setIfAbsent(&object, up + ["stabilizationWindowSeconds"], 0)
        setIfAbsent(&object, up + ["selectPolicy"], "Max")
        setIfAbsent(&object, up + ["policies"], [["type": "Pods", "value": 4, "periodSeconds": 15], ["type": "Percent", "value": 100, "periodSeconds": 15]])
        setIfAbsent(&object, down + ["selectPolicy"], "Max")
        setIfAbsent(&object, down + ["policies"], [["type": "Percent", "value": 100, "periodSeconds": 15]])
    }

    /// Rewrites every quantity under `resources.requests/limits`, metric targets and node
    /// capacity in canonical form (`0.5` → `500m`, `1024Mi` → `1Gi`), as the server does.
    static func canonicalQuantities(_ value: inout Value, parentKey: String = "") {
        switch value {
        case .object(var map):
            for (k, v) in map {
                if ["requests", "limits", "capacity", "allocatable", "hard", "used"].contains(k), case .object(var q) = v {
                    for (name, raw) in q { q[name] = canonical(raw) }
                    map[k] = .object(q)
                } else if ["averageValue", "sizeLimit"].contains(k) || (k == "value" && parentKey == "target") {
                    map[k] = canonical(v)
                } else {
                    var child = v
                    canonicalQuantities(&child, parentKey: k)
                    map[k] = child
                }
            }
            value = .object(map)
        case .array(var items):
            for i in items.indices { canonicalQuantities(&items[i], parentKey: parentKey) }
            value = .array(items)
        default:
            return
        }
    }

    /// A quantity in canonical form, as the server stores it (`216325000` → `216325k`); a
    /// value that is not a quantity is returned as it is. Controllers writing quantities use it
    /// too: in kube-apiserver their writes go through the same serialization.
    static func canonical(_ v: Value) -> Value {
        let text: String
        switch v {
        case .string(let s): text = s
        case .int(let i): text = String(i)
        case .uint(let u): text = String(u)
        case .float(let f): text = GoFloatFormat.g(f)
        default: return v
        }
        guard let q = try? Quantity(parsing: text) else { return v }
        return .string(q.description)
    }
}
