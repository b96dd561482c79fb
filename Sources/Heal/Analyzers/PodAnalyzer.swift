import Foundation
import Kubernetes
import YAML

/// Container and pod faults: configuration and image-pull errors, OOM kills (and leaks),
/// liveness kills before the container was ever ready, crash loops and restart storms,
/// stuck or never-ready pods, unschedulable pods. One finding per workload, container and
/// class, naming every pod that shows it. Pure: snapshot and state in, findings out.
enum PodAnalyzer {
    static func analyze(_ s: ClusterSnapshot, state: HealState, policy: RemediationPolicy) -> [HealFinding] {
        var byID: [String: HealFinding] = [:]
        var order: [String] = []
        func add(_ f: HealFinding) {
            if var existing = byID[f.id] {
                existing.pods.append(contentsOf: f.pods)
                existing.evidence.append(contentsOf: f.evidence.filter { !existing.evidence.contains($0) })
                if let a = f.since { existing.since = min(existing.since ?? a, a) }
                for (k, v) in f.facts { existing.facts[k] = max(existing.facts[k] ?? v, v) }
                existing.restartable = existing.restartable && f.restartable
                byID[f.id] = existing
            } else {
                byID[f.id] = f
                order.append(f.id)
            }
        }
        let now = s.now
        for pod in s.pods where pod["metadata"]?["deletionTimestamp"] == nil {
            guard let name = pod["metadata"]?["name"]?.string, let uid = pod["metadata"]?["uid"]?.string else { continue }
            let phase = pod["status"]?["phase"]?.string ?? ""
            if phase == "Succeeded" || phase == "Failed" { continue }
            let workload = s.workload(of: pod)
            let events = s.events(about: "Pod", name)
            let started = pod["status"]?["startTime"]?.string.flatMap(Timestamps.parse)
                ?? pod["metadata"]?["creationTimestamp"]?.string.flatMap(Timestamps.parse) ?? now
            if let f = unschedulable(pod, name: name, workload: workload, events: events, now: now, policy: policy) { add(f); continue }
            let specs = pod["spec"]?["containers"]?.array ?? []
            for status in pod["status"]?["containerStatuses"]?.array ?? [] {
                guard let container = status["name"]?.string else { continue }
                let spec = specs.first { $0["name"]?.string == container } ?? .object([:])
                let record = state.containers["\(uid)/\(container)"]
                let waiting = status["state"]?["waiting"]
                let reason = waiting?["reason"]?.string ?? ""
                let last = status["lastState"]?["terminated"]
                let restarts = HealthInt.of(status["restartCount"]) ?? 0
                func finding(_ c: FaultClass, _ severity: Severity, _ summary: String, _ evidence: [String], since: Double?) -> HealFinding {
                    HealFinding(faultClass: c, workload: workload, container: container, severity: severity, summary: summary,
                            evidence: evidence, pods: [name], since: since)
                }
                if reason == "CreateContainerConfigError" || reason == "CreateContainerError" {
                    add(finding(.misconfiguration, .critical, "container \(container) cannot be created: \(waiting?["message"]?.string ?? reason)",
                                ["pod \(name): \(reason): \(waiting?["message"]?.string ?? "")"] + warnings(events, 2), since: started))
                    continue
                }
                if ["ErrImagePull", "ImagePullBackOff", "InvalidImageName"].contains(reason) {
                    add(finding(.imagePull, .critical, "image \(status["image"]?.string ?? spec["image"]?.string ?? "?") cannot be pulled",
                                ["pod \(name): \(reason): \(waiting?["message"]?.string ?? "")"] + warnings(events, 2), since: started))
                    continue
                }
                let recent = (record?.restarts ?? []).filter { now - $0 <= policy.stormWindow }
                let lastExit = last.map { t in
                    "last exit: \(t["reason"]?.string ?? "?"), code \(HealthInt.of(t["exitCode"]).map(String.init) ?? "?"), finished \(t["finishedAt"]?.string ?? "?")"
                }
                if let last, last["reason"]?.string == "OOMKilled", restarts > 0 {
                    let limit = memoryLimit(spec)
                    let runtime = (last["finishedAt"]?.string.flatMap(Timestamps.parse) ?? now) - (last["startedAt"]?.string.flatMap(Timestamps.parse) ?? now)
                    let peak = max(record?.lastPeak ?? 0, limit ?? 0)
                    var evidence = ["pod \(name): OOMKilled (exit 137) after \(Int(runtime)) s, \(restarts) restarts",
                                    "memory limit \(limit.map(Self.mebibytes) ?? "none"), observed peak \(record?.lastPeak.map(Self.mebibytes) ?? "not sampled")"]
                    if !recent.isEmpty { evidence.append("\(recent.count) restarts in the last \(Int(policy.stormWindow)) s") }
                    let leaks = runtime >= policy.leakMinRuntime && record?.lastRising == true
                    var f = finding(leaks ? .memoryLeak : .oomKilled, .critical,
                                    leaks ? "container \(container) leaks memory: it rose steadily for \(Int(runtime / 60)) min until the OOM killer stopped it"
                                          : "container \(container) was OOM-killed at its \(limit.map(Self.mebibytes) ?? "unset") memory limit",
                                    evidence, since: last["finishedAt"]?.string.flatMap(Timestamps.parse))
                    f.facts = ["limit": limit ?? 0, "peak": peak, "request": memoryRequest(spec) ?? 0]
                    add(f)
                    continue
                }
                let livenessKills = events.filter {
                    $0["reason"]?.string == "Killing" && ($0["message"]?.string ?? "").contains("\(container) failed liveness probe")
                }
                let startupKills = events.filter {
                    $0["reason"]?.string == "Killing" && ($0["message"]?.string ?? "").contains("\(container) failed startup probe")
                }
                if restarts > 0, !(livenessKills.isEmpty && startupKills.isEmpty), record?.lastReady == nil, status["ready"]?.boolValue != true {
                    let probe = spec["startupProbe"] ?? spec["livenessProbe"] ?? .object([:])
                    let budget = Self.probeBudget(probe)
                    var f = finding(.livenessStartup, .critical,
                                    "container \(container) is killed by its \(startupKills.isEmpty ? "liveness" : "startup") probe before it ever became ready (budget \(Int(budget)) s)",
                                    ["pod \(name): \(restarts) restarts, never ready", lastExit ?? ""].filter { !$0.isEmpty }
                                        + (livenessKills + startupKills).suffix(1).map { "event Killing: \($0["message"]?.string ?? "")" }
                                        + warnings(events.filter { $0["reason"]?.string == "Unhealthy" }, 1),
                                    since: started)
                    f.facts = ["budget": budget, "hasStartupProbe": spec["startupProbe"] == nil ? 0 : 1]
                    add(f)
                    continue
                }
                let lastHour = (record?.restarts ?? []).filter { now - $0 <= 3600 }
                let crashed = last.map { HealthInt.of($0["exitCode"]) ?? 0 != 0 } ?? false
                let storm = recent.count > policy.stormRestarts
                if reason == "CrashLoopBackOff" || storm || (crashed && lastHour.count >= policy.crashRestartsPerHour) {
                    let c: FaultClass = storm ? .restartStorm : .crashLoop
                    var evidence = ["pod \(name): \(restarts) restarts, \(lastHour.count) in the last hour" + (storm ? ", \(recent.count) within \(Int(policy.stormWindow)) s" : "")]
                    if let lastExit { evidence.append(lastExit) }
                    if !lastHour.isEmpty { evidence.append("restarts at " + lastHour.suffix(6).map { Timestamps.format($0) }.joined(separator: ", ")) }
                    // When the rule was first met: the restart that crossed the threshold.
                    let crossing: Double?
                    if storm { crossing = recent[policy.stormRestarts] }
                    else if lastHour.count >= policy.crashRestartsPerHour { crossing = lastHour[policy.crashRestartsPerHour - 1] }
                    else { crossing = last?["finishedAt"]?.string.flatMap(Timestamps.parse) }
                    add(finding(c, .critical, "container \(container) keeps crashing (\(lastExit ?? "no exit recorded"))", evidence + warnings(events, 1),
                                since: crossing))
                    continue
                }
                if status["state"]?["running"] != nil, status["ready"]?.boolValue != true, phase == "Running" {
                    let runningSince = status["state"]?["running"]?["startedAt"]?.string.flatMap(Timestamps.parse) ?? started
                    let readyCondition = (pod["status"]?["conditions"]?.array ?? []).first { $0["type"]?.string == "Ready" }
                    let unreadySince = readyCondition?["lastTransitionTime"]?.string.flatMap(Timestamps.parse)
                    let wasReady = record?.lastReady.map { $0 >= runningSince } ?? false || (unreadySince.map { $0 > runningSince } ?? false)
                    let probeFailures = events.filter { $0["reason"]?.string == "Unhealthy" && ($0["message"]?.string ?? "").hasPrefix("Readiness") }
                    if wasReady {
                        let unready = max(unreadySince ?? runningSince, runningSince)
                        let since = unready + policy.stuckAfter
                        if now >= since {
                            var f = finding(.notReady, .warning, "pod \(name) stopped being ready \(Int((now - unready) / 60)) min ago while its container runs (stuck)",
                                            ["pod \(name): running since \(Timestamps.format(runningSince)), not ready since \(Timestamps.format(unready))"]
                                                + probeFailures.suffix(1).map { "event Unhealthy: \($0["message"]?.string ?? "")" },
                                            since: since)
                            f.restartable = true
                            add(f)
                        }
                    } else if now - runningSince >= policy.notReadyAfter {
                        add(finding(.notReady, .warning, "pod \(name) has never become ready in \(Int((now - runningSince) / 60)) min",
                                    ["pod \(name): running since \(Timestamps.format(runningSince)), never ready"]
                                        + probeFailures.suffix(1).map { "event Unhealthy: \($0["message"]?.string ?? "")" },
                                    since: runningSince + policy.notReadyAfter))
                    }
                }
            }
        }
        return order.map { byID[$0]! }
    }

    static func unschedulable(_ pod: Value, name: String, workload: WorkloadRef, events: [Value], now: Double, policy: RemediationPolicy) -> HealFinding? {
        guard pod["status"]?["phase"]?.string == "Pending",
              let c = (pod["status"]?["conditions"]?.array ?? []).first(where: { $0["type"]?.string == "PodScheduled" }),
              c["status"]?.string == "False", c["reason"]?.string == "Unschedulable" else { return nil }
        let pending = c["lastTransitionTime"]?.string.flatMap(Timestamps.parse) ?? now
        guard now - pending >= policy.pendingAfter else { return nil }
        let since = pending + policy.pendingAfter
        let message = events.last { $0["reason"]?.string == "FailedScheduling" }?["message"]?.string ?? c["message"]?.string ?? ""
        return HealFinding(faultClass: .unschedulable, workload: workload, severity: .warning,
                       summary: "pod \(name) cannot be scheduled: \(message)", evidence: ["pod \(name): Pending since \(Timestamps.format(pending)): \(message)"],
                       pods: [name], since: since)
    }

    /// The last `n` Warning events, as evidence lines.
    static func warnings(_ events: [Value], _ n: Int) -> [String] {
        events.filter { $0["type"]?.string == "Warning" }.suffix(n).map {
            "event \($0["reason"]?.string ?? ""): \($0["message"]?.string ?? "")" + (HealthInt.of($0["count"]).map { $0 > 1 ? " (×\($0))" : "" } ?? "")
        }
    }

    /// How long a probe lets a container start: initialDelay + failureThreshold × period.
    static func probeBudget(_ probe: Value) -> Double {
        Double(HealthInt.of(probe["initialDelaySeconds"]) ?? 0)
            + Double(HealthInt.of(probe["failureThreshold"]) ?? 3) * Double(HealthInt.of(probe["periodSeconds"]) ?? 10)
    }

    static func memoryLimit(_ spec: Value) -> Double? { quantity(spec["resources"]?["limits"]?["memory"]) }
    static func memoryRequest(_ spec: Value) -> Double? { quantity(spec["resources"]?["requests"]?["memory"]) }

    static func quantity(_ v: Value?) -> Double? {
        switch v {
        case .string(let s)?: return (try? Quantity(parsing: s)).map(\.doubleValue).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        case .int(let i)?: return Double(i)
        case .float(let f)?: return f.isFinite && f >= 0 ? f : nil
        default: return nil
        }
    }

    /// Bytes as `NMi` for messages; a limit from the cluster can be any quantity, so the
    /// conversion is clamped rather than trapping.
    static func mebibytes(_ bytes: Double) -> String { "\(Int(clamping: bytes / 1_048_576, to: 0...Int.max, rounding: .toNearestOrAwayFromZero))Mi" }
}
