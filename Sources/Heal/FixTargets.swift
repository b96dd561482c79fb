import Environment
import Foundation
import YAML

/// The rendered fields heal's git fixes start from, read from the environment as rendered at
/// the branch head: what a fix changes is what git holds, not what the cluster shows.
enum FixTargets {
    static func read(_ objects: [Value]) -> [String: FixTarget] {
        var out: [String: FixTarget] = [:]
        for o in objects {
            guard let kind = o["kind"]?.string, let name = o["metadata"]?["name"]?.string else { continue }
            var t = FixTarget(apiVersion: o["apiVersion"]?.string ?? "", kind: kind, name: name)
            if kind == "HorizontalPodAutoscaler" {
                t.maxReplicas = HealthInt.of(o["spec"]?["maxReplicas"])
                if let k = o["spec"]?["scaleTargetRef"]?["kind"]?.string, let n = o["spec"]?["scaleTargetRef"]?["name"]?.string {
                    t.scaleTarget = WorkloadRef(kind: k, name: n)
                }
            }
            for c in o["spec"]?["template"]?["spec"]?["containers"]?.array ?? [] {
                guard let cname = c["name"]?.string else { continue }
                let startup = c["startupProbe"]
                t.containers[cname] = FixTarget.Container(
                    memoryRequest: text(c["resources"]?["requests"]?["memory"]), memoryLimit: text(c["resources"]?["limits"]?["memory"]),
                    livenessPath: c["livenessProbe"]?["httpGet"]?["path"]?.string, livenessPort: text(c["livenessProbe"]?["httpGet"]?["port"]),
                    hasStartupProbe: startup != nil && startup != .null,
                    startupFailureThreshold: HealthInt.of(startup?["failureThreshold"]), startupPeriodSeconds: HealthInt.of(startup?["periodSeconds"]))
            }
            out["\(kind)/\(name)"] = t
        }
        return out
    }

    static func text(_ v: Value?) -> String? {
        switch v {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .float(let f)?: return String(f)
        default: return nil
        }
    }
}
