import OrderedCollections
import YAML

/// autoscaling/v1 HorizontalPodAutoscaler as a view of the stored autoscaling/v2 objects, as
/// kube-apiserver serves both versions of one resource. `kubectl autoscale` (v1.32) writes
/// v1: `spec.targetCPUUtilizationPercentage` is the v2 `Resource` metric for `cpu` with an
/// `Utilization` target; status carries the current CPU utilization the same way.
/// Pure conversions; `Cluster.autoscalingV1` routes requests through them.
enum AutoscalingV1 {
    static let pathPrefix = "/apis/autoscaling/v1/"

    /// The v2 object a v1 body describes.
    static func toV2(_ v1: Value) -> Value {
        guard case .object(var object) = v1 else { return v1 }
        object["apiVersion"] = "autoscaling/v2"
        if case .object(var spec)? = object["spec"] {
            if let percent = spec.removeValue(forKey: "targetCPUUtilizationPercentage") {
                spec["metrics"] = [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": percent]]]]
            }
            object["spec"] = .object(spec)
        }
        if case .object(var status)? = object["status"] {
            if let percent = status.removeValue(forKey: "currentCPUUtilizationPercentage") {
                status["currentMetrics"] = [["type": "Resource", "resource": ["name": "cpu", "current": ["averageUtilization": percent]]]]
            }
            object["status"] = .object(status)
        }
        return .object(object)
    }

    /// The v1 view of a v2 object or list (other metrics than CPU utilization have no v1 field).
    static func toV1(_ v2: Value) -> Value {
        guard case .object(var object) = v2 else { return v2 }
        if case .array(let items)? = object["items"] {
            object["items"] = .array(items.map(toV1))
            if object["apiVersion"]?.string == "autoscaling/v2" { object["apiVersion"] = "autoscaling/v1" }
            return .object(object)
        }
        guard object["kind"]?.string == "HorizontalPodAutoscaler" else { return v2 }
        object["apiVersion"] = "autoscaling/v1"
        if case .object(var spec)? = object["spec"] {
            let metrics = spec.removeValue(forKey: "metrics")?.array ?? []
            spec.removeValue(forKey: "behavior")
            if let percent = cpuUtilization(metrics, "target") { spec["targetCPUUtilizationPercentage"] = percent }
            object["spec"] = .object(spec)
        }
        if case .object(var status)? = object["status"] {
            let current = status.removeValue(forKey: "currentMetrics")?.array ?? []
            status.removeValue(forKey: "conditions")
            if let percent = cpuUtilization(current, "current") { status["currentCPUUtilizationPercentage"] = percent }
            object["status"] = .object(status)
        }
        return .object(object)
    }

    private static func cpuUtilization(_ metrics: [Value], _ key: String) -> Value? {
        metrics.first { $0["type"]?.string == "Resource" && $0[path: ["resource", "name"]]?.string == "cpu" }?[path: ["resource", key, "averageUtilization"]]
    }
}

extension Cluster {
    /// `/apis/autoscaling/v1/.../horizontalpodautoscalers...`: the request converted to v2,
    /// answered by the v2 resource, and the answer converted back. Watches and patches are
    /// served at autoscaling/v2 only.
    func autoscalingV1(_ r: APIRequest) throws -> APIResult {
        guard ["GET", "POST", "PUT", "DELETE"].contains(r.method), r.query["watch"] != "true", r.query["watch"] != "1" else {
            throw APIError(code: 405, reason: "MethodNotAllowed",
                           message: "the Sandbox serves autoscaling/v1 HorizontalPodAutoscalers for get, list, create, update and delete; watch and patch them at autoscaling/v2")
        }
        var inner = r
        inner.path = "/apis/autoscaling/v2/" + r.path.dropFirst(AutoscalingV1.pathPrefix.count)
        if r.method == "POST" || r.method == "PUT" {
            inner.body = APIResponse.json(AutoscalingV1.toV2(try decodeBody(r))).body
            inner.headers["content-type"] = "application/json"
        }
        guard case .response(let response) = try route(inner) else { throw APIError.methodNotAllowed() }
        guard response.status < 300, let answer = try? JSONParser().parse(bytes: response.body) else { return .response(response) }
        return .response(.json(AutoscalingV1.toV1(answer), status: response.status))
    }
}
