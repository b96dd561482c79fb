import Foundation
import YAML

/// Keeps `HealState.containers` up to date from a snapshot: restart times (a pod status only
/// shows a count; restarts that happened between two runs are spread evenly between the last
/// observation and the latest finish time), memory samples per running instance, and when
/// each container was last ready. Containers of pods that are gone are forgotten.
enum RestartTracker {
    static func update(_ state: inout HealState, snapshot: ClusterSnapshot, lastRun: Double?) {
        var seen = Set<String>()
        let now = snapshot.now
        for pod in snapshot.pods {
            guard let uid = pod["metadata"]?["uid"]?.string, let name = pod["metadata"]?["name"]?.string else { continue }
            let workload = snapshot.workload(of: pod)
            let started = pod["status"]?["startTime"]?.string.flatMap(Timestamps.parse) ?? now
            for status in pod["status"]?["containerStatuses"]?.array ?? [] {
                guard let container = status["name"]?.string else { continue }
                let key = "\(uid)/\(container)"
                seen.insert(key)
                let count = HealthInt.of(status["restartCount"]) ?? 0
                var record = state.containers[key] ?? HealState.ContainerRecord(
                    pod: name, workload: workload, container: container, restartCount: 0, restarts: [], memory: [])
                if count > record.restartCount {
                    let finished = status["lastState"]?["terminated"]?["finishedAt"]?.string.flatMap(Timestamps.parse) ?? now
                    // Spread between the last restart seen (or the last run, or the pod's start) and the latest finish.
                    let from = min(finished, max(started, record.restarts.last ?? started, state.containers[key] == nil ? started : (lastRun ?? started)))
                    let n = count - record.restartCount
                    for i in 1...n {
                        let t = n == 1 ? finished : from + (finished - from) * Double(i) / Double(n)
                        record.restarts.append(t)
                    }
                    if record.restarts.count > HealState.maxRestartTimes { record.restarts.removeFirst(record.restarts.count - HealState.maxRestartTimes) }
                    record.memory = record.memory.filter { $0.count == 2 }
                    if record.memory.count >= 1 {
                        record.lastPeak = record.memory.map { $0[1] }.max()
                        record.lastRising = record.memory.count >= 3 && zip(record.memory, record.memory.dropFirst()).allSatisfy { $1[1] >= $0[1] }
                    }
                    record.memory = []
                    record.restartCount = count
                }
                if status["state"]?["running"] != nil, let bytes = snapshot.memoryUsage["\(name)/\(container)"] {
                    record.memory.append([now, bytes])
                    if record.memory.count > HealState.maxMemorySamples { record.memory.removeFirst(record.memory.count - HealState.maxMemorySamples) }
                }
                if status["ready"]?.boolValue == true { record.lastReady = now }
                state.containers[key] = record
            }
        }
        for key in state.containers.keys where !seen.contains(key) { state.containers.removeValue(forKey: key) }
    }
}

/// Integers as the API server writes them (JSON numbers decode as int, uint or float).
enum HealthInt {
    static func of(_ v: Value?) -> Int? {
        switch v {
        case .int(let i)?: return Int(exactly: i)
        case .uint(let u)?: return Int(exactly: u)
        case .float(let f)?: return Int(checking: f)
        default: return nil
        }
    }
}
