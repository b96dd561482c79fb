import Environment
import Foundation
import Kubernetes
import YAML

/// A workload as the environment renders it: its containers' resources and probes, and the
/// HPA that scales it — the "current" side of every recommendation.
public struct RenderedWorkload: Sendable {
    public struct Container: Sendable {
        public var name: String
        public var resources: ResourceRecommender.Current
        /// The resource values as rendered (`requests.cpu` → `1000m`), for messages.
        public var resourceTexts: [String: String] = [:]
        public var startupProbe: Value?
        public var livenessProbe: Value?
        public var readinessProbe: Value?
    }

    public struct Autoscaler: Sendable {
        public var apiVersion: String
        public var name: String
        public var current: HPARecommender.Current
        /// The rendered `shipshape.dev/schedules` annotation (JSON), nil without windows.
        public var schedules: String? = nil
        /// The target memory utilisation (percent) when the HPA also scales on memory.
        public var targetMemoryUtilization: Int? = nil
    }

    public var apiVersion: String
    public var kind: String
    public var name: String
    public var namespace: String
    public var replicas: Int
    public var containers: [Container]
    public var hpa: Autoscaler?

    /// `apps/v1 Deployment chatbot-dev/backend-deployment`, as errors name objects.
    public var reference: String { "\(apiVersion) \(kind) \(namespace)/\(name)" }

    /// Deployments and StatefulSets of a rendered environment (kustomization applied, so
    /// what reconcile applies), with the HPAs that target them.
    public static func parse(_ rendered: RenderedEnvironment, namespace: String) -> [RenderedWorkload] {
        parse(objects: rendered.values, namespace: namespace)
    }

    /// Deployments and StatefulSets among `objects`, with the HPAs that target them.
    public static func parse(objects: [Value], namespace: String) -> [RenderedWorkload] {
        var hpas: [String: Autoscaler] = [:]
        for o in objects where o["kind"]?.string == "HorizontalPodAutoscaler" {
            guard let target = o[path: ["spec", "scaleTargetRef", "name"]]?.string, let kind = o[path: ["spec", "scaleTargetRef", "kind"]]?.string else { continue }
            func utilization(_ resource: String) -> Int? {
                (o[path: ["spec", "metrics"]]?.array ?? []).first { $0[path: ["resource", "name"]]?.string == resource }?[path: ["resource", "target", "averageUtilization"]]?.intValue
            }
            guard let cpuUtilization = utilization("cpu") else { continue }
            hpas["\(kind)/\(target)"] = Autoscaler(apiVersion: o["apiVersion"]?.string ?? "autoscaling/v2", name: o[path: ["metadata", "name"]]?.string ?? "",
                                                   current: .init(minReplicas: o[path: ["spec", "minReplicas"]]?.intValue ?? 1,
                                                                  maxReplicas: o[path: ["spec", "maxReplicas"]]?.intValue ?? 1,
                                                                  targetCPUUtilization: cpuUtilization),
                                                   schedules: o[path: ["metadata", "annotations", "shipshape.dev/schedules"]]?.string,
                                                   targetMemoryUtilization: utilization("memory"))
        }
        var out: [RenderedWorkload] = []
        for o in objects {
            guard let kind = o["kind"]?.string, ["Deployment", "StatefulSet"].contains(kind), let name = o[path: ["metadata", "name"]]?.string else { continue }
            let containers = (o[path: ["spec", "template", "spec", "containers"]]?.array ?? []).compactMap { c -> Container? in
                guard let cname = c["name"]?.string else { return nil }
                func q(_ path: [String]) -> Quantity? { c[path: ["resources"] + path]?.scalarString.flatMap { try? Quantity(parsing: $0) } }
                var texts: [String: String] = [:]
                for group in ["requests", "limits"] {
                    for resource in ["cpu", "memory"] { texts["\(group).\(resource)"] = c[path: ["resources", group, resource]]?.scalarString }
                }
                return Container(name: cname,
                                 resources: .init(cpuRequest: q(["requests", "cpu"]), cpuLimit: q(["limits", "cpu"]),
                                                  memoryRequest: q(["requests", "memory"]), memoryLimit: q(["limits", "memory"])),
                                 resourceTexts: texts,
                                 startupProbe: c["startupProbe"], livenessProbe: c["livenessProbe"], readinessProbe: c["readinessProbe"])
            }
            out.append(RenderedWorkload(apiVersion: o["apiVersion"]?.string ?? "apps/v1", kind: kind, name: name,
                                        namespace: o[path: ["metadata", "namespace"]]?.string ?? namespace,
                                        replicas: o[path: ["spec", "replicas"]]?.intValue ?? 1, containers: containers,
                                        hpa: hpas["\(kind)/\(name)"]))
        }
        return out
    }
}

extension Value {
    /// A scalar as text (quantities may be written as numbers: `cpu: 1`).
    var scalarString: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .float(let f): return String(f)
        default: return nil
        }
    }
}
