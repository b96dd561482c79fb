import Kubernetes
import YAML

/// CPU and memory of a running container at a moment, from its image profile and the request
/// rate its pod receives (the workload's rate shared over its ready pods).
extension Cluster {
    struct Usage {
        var cpuMillicores: Double
        var memoryMi: Double
    }

    func usage(profile: Scenario.Image, requestRate: Double, runningSince: Double, at t: Double) -> Usage {
        let uptimeHours = max(0, t - runningSince) / 3600
        return Usage(
            cpuMillicores: profile.cpuBaseMillicores + profile.cpuPerRequestMillicores * requestRate,
            memoryMi: profile.memoryBaselineMi + profile.memoryPerRequestMi * requestRate + profile.memoryLeakMiPerHour * uptimeHours)
    }

    /// Requests per second each ready pod of every traffic target receives now.
    func perPodRates(pods: [Value]) -> [String: Double] {
        var readyCounts: [String: Int] = [:]
        var targets: [String: String] = [:]
        for pod in pods {
            guard let uid = pod[path: ["metadata", "uid"]]?.string else { continue }
            let labels = pod[path: ["metadata", "labels"]]?.stringMap ?? [:]
            guard let target = trafficTarget(labels) else { continue }
            targets[uid] = target
            let ready = pod[path: ["status", "conditions"]]?.array?.contains { $0["type"]?.string == "Ready" && $0["status"]?.string == "True" } ?? false
            if ready { readyCounts[target, default: 0] += 1 }
        }
        var out: [String: Double] = [:]
        for pod in pods {
            guard let uid = pod[path: ["metadata", "uid"]]?.string, let target = targets[uid] else { continue }
            let labels = pod[path: ["metadata", "labels"]]?.stringMap ?? [:]
            let rate = scenario.requestRate(for: labels, at: clock.now, start: simulationStart)
            out[uid] = rate / Double(max(1, readyCounts[target] ?? 0))
        }
        return out
    }

    private func trafficTarget(_ labels: [String: String]) -> String? {
        let names = [labels["app.kubernetes.io/component"], labels["app.kubernetes.io/name"], labels["app"]].compactMap { $0 }
        return scenario.traffic.first { names.contains($0.target) }?.target
    }

    /// A container's memory limit in MiB, if it has one.
    static func memoryLimitMi(_ container: Value) -> Double? {
        guard let text = container[path: ["resources", "limits", "memory"]]?.string, let q = try? Quantity(parsing: text) else { return nil }
        return q.doubleValue / 1_048_576
    }

    static func quantityValue(_ v: Value?) -> Double? {
        guard let v else { return nil }
        if let d = v.doubleValue { return d }
        guard let s = v.string, let q = try? Quantity(parsing: s) else { return nil }
        return q.doubleValue
    }
}
