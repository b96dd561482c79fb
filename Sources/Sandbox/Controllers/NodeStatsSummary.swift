import Foundation
import YAML

/// The kubelet's stats summary (`/api/v1/nodes/NODE/proxy/stats/summary`): the node's CPU,
/// memory and root filesystem, the one place a client reads disk use (metrics.k8s.io has none).
/// The same numbers as `/metrics` and metrics.k8s.io: the load model's usage, and the disk model.
extension Cluster {
    /// The node's root filesystem: capacity (its `ephemeral-storage`) and bytes used (the
    /// system's 10 GiB plus 200 MiB per running container, for images and logs).
    func nodeDisk(_ node: Value?, runningContainers: Int) -> (capacity: Double, used: Double) {
        let capacity = Self.quantityValue(node?[path: ["status", "capacity", "ephemeral-storage"]]) ?? Self.nodeDiskBytes
        return (capacity, min(capacity, Self.nodeDiskSystemBytes + Double(runningContainers) * Self.containerDiskBytes))
    }

    func nodeStatsSummary(_ name: String) throws -> Value {
        guard let node = store.list(nodeType).map(\.object).first(where: { $0[path: ["metadata", "name"]]?.string == name }) else {
            throw APIError(code: 404, reason: "NotFound", message: "nodes \"\(name)\" not found")
        }
        let pods = store.list(podType).map(\.object)
        let rates = perPodRates(pods: pods)
        var cpu = 0.0, memory = 0.0, containers = 0
        for pod in pods {
            for u in podUsage(pod, rate: rates[pod[path: ["metadata", "uid"]]?.string ?? ""] ?? 0) {
                cpu += u.usage.cpuMillicores
                memory += u.usage.memoryMi * 1_048_576
                containers += 1
            }
        }
        let disk = nodeDisk(node, runningContainers: containers)
        let now: Value = .string(Timestamp.format(clock.now))
        let memoryCapacity = Self.quantityValue(node[path: ["status", "capacity", "memory"]]) ?? 0
        return ["node": [
            "nodeName": .string(name),
            "cpu": ["time": now, "usageNanoCores": .int(Int64(cpu * 1_000_000))],
            "memory": ["time": now, "workingSetBytes": .int(Int64(memory.rounded())),
                       "availableBytes": .int(Int64(max(0, memoryCapacity - memory).rounded()))],
            "fs": ["time": now, "capacityBytes": .int(Int64(disk.capacity)), "usedBytes": .int(Int64(disk.used)),
                   "availableBytes": .int(Int64(disk.capacity - disk.used))],
        ], "pods": []]
    }
}
