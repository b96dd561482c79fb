import Kubernetes
import YAML

/// The validation the Sandbox does on writes: names, namespaces and the few structural rules
/// whose absence would let a broken object reach the controllers.
enum Validation {
    typealias Cause = (field: String, message: String, reason: String)

    /// Why `name` is not a valid path segment name, in apimachinery's words, or nil.
    static func pathSegmentProblem(_ name: String) -> String? {
        if name == "." || name == ".." { return "may not be '\(name)'" }
        if name.contains("/") { return "may not contain '/'" }
        if name.contains("%") { return "may not contain '%'" }
        return nil
    }

    static func check(_ object: Value, type: ResourceType) -> [Cause] {
        var causes: [Cause] = []
        let name = object[path: ["metadata", "name"]]?.string ?? ""
        if type.group == "rbac.authorization.k8s.io" {
            // RBAC names are path segments (`system:discovery`), as ValidateRBACName checks.
            if let problem = pathSegmentProblem(name) {
                causes.append(("metadata.name", "Invalid value: \"\(name)\": \(problem)", "FieldValueInvalid"))
            }
        } else if !isSubdomain(name) {
            causes.append(("metadata.name", "Invalid value: \"\(name)\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')", "FieldValueInvalid"))
        }
        switch type.kind {
        case "Deployment", "ReplicaSet", "DaemonSet":
            let selector = object[path: ["spec", "selector"]]
            if selector == nil {
                causes.append(("spec.selector", "Required value", "FieldValueRequired"))
            } else if let sel = try? LabelSelector(object: selector!),
                      !sel.matches(object[path: ["spec", "template", "metadata", "labels"]]?.stringMap ?? [:]) {
                causes.append(("spec.template.metadata.labels", "Invalid value: \(labelsText(object[path: ["spec", "template", "metadata", "labels"]])): `selector` does not match template `labels`", "FieldValueInvalid"))
            }
            causes += containers(object[path: ["spec", "template", "spec"]], field: "spec.template.spec")
            if let r = object[path: ["spec", "replicas"]]?.intValue, r < 0 {
                causes.append(("spec.replicas", "Invalid value: \(r): must be greater than or equal to 0", "FieldValueInvalid"))
            }
            causes += replicaCap(object[path: ["spec", "replicas"]], field: "spec.replicas")
        case "Pod":
            causes += containers(object["spec"], field: "spec")
        case "HorizontalPodAutoscaler":
            let min = object[path: ["spec", "minReplicas"]]?.intValue ?? 1
            let max = object[path: ["spec", "maxReplicas"]]?.intValue ?? 0
            causes += replicaCap(object[path: ["spec", "maxReplicas"]], field: "spec.maxReplicas")
            if max < min {
                causes.append(("spec.maxReplicas", "Invalid value: \(max): must be greater than or equal to `minReplicas`", "FieldValueInvalid"))
            }
        case "Job":
            causes += containers(object[path: ["spec", "template", "spec"]], field: "spec.template.spec")
        case "CronJob":
            causes += containers(object[path: ["spec", "jobTemplate", "spec", "template", "spec"]], field: "spec.jobTemplate.spec.template.spec")
            if let schedule = object[path: ["spec", "schedule"]]?.string, CronSchedule(schedule) == nil {
                causes.append(("spec.schedule", "Invalid value: \"\(schedule)\": unparseable schedule", "FieldValueInvalid"))
            }
        default:
            break
        }
        return causes
    }

    /// The most pods one workload may ask for. A real cluster's quota or node capacity stops
    /// a `replicas: 100000` long before; the Sandbox, which simulates every pod, says so up
    /// front instead of wedging its controllers.
    static let maxReplicas = 1000

    /// A replica count that is not a whole number, or is above `maxReplicas`.
    private static func replicaCap(_ value: Value?, field: String) -> [Cause] {
        guard let value, !value.isNull else { return [] }
        guard let r = value.intValue else {
            return [(field, "Invalid value: \(MergeKeys.json(value)): must be a whole number", "FieldValueInvalid")]
        }
        guard r <= maxReplicas else {
            return [(field, "Invalid value: \(r): must be less than or equal to \(maxReplicas) (the Sandbox simulates at most \(maxReplicas) pods per workload)", "FieldValueInvalid")]
        }
        return []
    }

    private static func containers(_ spec: Value?, field: String) -> [Cause] {
        guard case .array(let list)? = spec?["containers"], !list.isEmpty else {
            return [("\(field).containers", "Required value", "FieldValueRequired")]
        }
        var causes: [Cause] = []
        var seen = Set<String>()
        for (i, c) in list.enumerated() {
            let name = c["name"]?.string ?? ""
            if name.isEmpty { causes.append(("\(field).containers[\(i)].name", "Required value", "FieldValueRequired")) }
            else if !seen.insert(name).inserted {
                causes.append(("\(field).containers[\(i)].name", "Duplicate value: \"\(name)\"", "FieldValueDuplicate"))
            }
            if (c["image"]?.string ?? "").isEmpty {
                causes.append(("\(field).containers[\(i)].image", "Required value", "FieldValueRequired"))
            }
        }
        return causes
    }

    private static func labelsText(_ v: Value?) -> String {
        "map[string]string{" + (v?.stringMap ?? [:]).sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ", ") + "}"
    }

    static func isSubdomain(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 253 else { return false }
        let bytes = Array(s.utf8)
        func alnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }
        guard alnum(bytes.first!), alnum(bytes.last!) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == 45 || $0 == 46 }
    }
}
