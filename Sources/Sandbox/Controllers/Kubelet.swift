import OrderedCollections
import YAML

/// The simulated kubelet: binds pods the scheduler lets fit (Scheduler.swift) onto the one
/// node, pulls (or fails to pull) images, builds each container's environment (waiting on a
/// missing ConfigMap or Secret), starts containers, runs their startup, liveness and
/// readiness probes (ProbeTimeline.swift: Ready, probe kills), and plays out crashes, OOM
/// kills and completions with the real restart back-off: immediate first restart, then 10 s
/// doubling to 300 s, forgotten after 10 minutes without a failure.
///
/// Transitions happen at their exact simulated times, however coarse the controller tick.
extension Cluster {
    var podType: ResourceType { catalog.type(group: "", version: "v1", resource: "pods")! }

    func runKubelet() {
        // Creation order, so the scheduler places pods first come, first served.
        let pods = store.list(podType).map(\.object).enumerated().sorted {
            let a = $0.element[path: ["metadata", "creationTimestamp"]]?.string ?? "", b = $1.element[path: ["metadata", "creationTimestamp"]]?.string ?? ""
            return (a, $0.offset) < (b, $1.offset)
        }.map(\.element)
        let rates = perPodRates(pods: pods)
        var bound = Self.boundRequests(pods)
        for pod in pods {
            guard let uid = pod[path: ["metadata", "uid"]]?.string, pod[path: ["metadata", "deletionTimestamp"]] == nil else { continue }
            // A pod created with spec.nodeName set skips the scheduler, as in a cluster.
            if kubelet.pods[uid] == nil, pod[path: ["spec", "nodeName"]]?.string == nil {
                if let message = unschedulableMessage(pod, bound: bound) {
                    markUnschedulable(pod, uid: uid, message: message)
                    continue
                }
                bound = bound + Self.podRequests(pod)
            }
            syncPod(pod, uid: uid, rate: rates[uid] ?? 0)
        }
    }

    private func syncPod(_ input: Value, uid: String, rate: Double) {
        var pod = input
        let now = clock.now
        let specContainers = pod[path: ["spec", "containers"]]?.array ?? []
        if kubelet.pods[uid] == nil {
            // Bound when created, or now when it waited for capacity.
            let created = pod[path: ["metadata", "creationTimestamp"]]?.string.flatMap(Timestamp.parse) ?? now
            let boundAt = kubelet.unschedulable.removeValue(forKey: uid) == nil ? created : now
            kubelet.pods[uid] = KubeletState.Pod(
                containers: specContainers.map { spec in
                    let image = spec["image"]?.string ?? ""
                    var c = KubeletState.Container(name: spec["name"]?.string ?? "", image: image, phase: .pulling(since: boundAt))
                    c.stuck = admitStuck(image)
                    return c
                },
                ip: kubelet.allocateIP(), startTime: boundAt)
            pod[path: ["spec", "nodeName"]] = "sandbox"
            pod = controllerWrite(podType, pod)
            recordEvent(pod, reason: "Scheduled",
                        message: "Successfully assigned \(pod[path: ["metadata", "namespace"]]?.string ?? "")/\(pod[path: ["metadata", "name"]]?.string ?? "") to sandbox",
                        component: "default-scheduler")
        }
        guard var runtime = kubelet.pods[uid] else { return }
        let restartPolicy = pod[path: ["spec", "restartPolicy"]]?.string ?? "Always"
        for i in runtime.containers.indices {
            let spec = i < specContainers.count ? specContainers[i] : .object([:])
            advance(&runtime.containers[i], spec: spec, pod: pod, ip: runtime.ip, restartPolicy: restartPolicy, rate: rate, now: now)
        }
        if !runtime.deadlineExceeded, !runtime.containers.allSatisfy(\.phase.isTerminated),
           let deadline = pod[path: ["spec", "activeDeadlineSeconds"]]?.doubleValue, now >= runtime.startTime + deadline {
            enforceDeadline(&runtime, pod: pod, uid: uid, at: runtime.startTime + deadline)
        }
        kubelet.pods[uid] = runtime
        pod[path: ["status"]] = podStatus(pod, runtime: runtime, specs: specContainers, now: now)
        controllerWrite(podType, pod)
    }

    private func advance(_ c: inout KubeletState.Container, spec: Value, pod: Value, ip: String, restartPolicy: String, rate: Double, now: Double) {
        let profile = scenario.image(c.image)
        var guardCount = 0
        while guardCount < 10_000 {
            guardCount += 1
            switch c.phase {
            case .pulling(let since):
                guard since <= now else { return }
                guard profile != nil else {
                    if !c.everStarted {
                        recordEvent(pod, reason: "Pulling", message: "Pulling image \"\(c.image)\"", component: "kubelet")
                    }
                    recordEvent(pod, type: "Warning", reason: "Failed",
                                message: "Failed to pull image \"\(c.image)\": rpc error: code = NotFound desc = failed to pull and unpack image \"\(c.image)\": not found",
                                component: "kubelet")
                    recordEvent(pod, type: "Warning", reason: "Failed", message: "Error: ErrImagePull", component: "kubelet")
                    c.phase = .imagePullBackOff(firstFailure: since, nextTry: since + KubeletState.initialBackoff, backoff: KubeletState.initialBackoff)
                    continue
                }
                start(&c, at: since, pod: pod, spec: spec, firstStart: !c.everStarted)
                if case .waiting = c.phase { return }
            case .waiting:
                start(&c, at: now, pod: pod, spec: spec, firstStart: !c.everStarted)
                if case .waiting = c.phase { return }
            case .imagePullBackOff(let first, let nextTry, let backoff):
                guard nextTry <= now else { return }
                recordEvent(pod, reason: "BackOff", message: "Back-off pulling image \"\(c.image)\"", component: "kubelet")
                recordEvent(pod, type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff", component: "kubelet")
                let next = min(backoff * 2, KubeletState.maxBackoff)
                c.phase = .imagePullBackOff(firstFailure: first, nextTry: nextTry + next, backoff: next)
            case .running(let since):
                guard let profile else { return }
                let uid = pod[path: ["metadata", "uid"]]?.string ?? ""
                var end = endOfRun(c, uid: uid, since: since, spec: spec, profile: profile, rate: rate, now: now)
                let probes = probeTimeline(c, since: since, spec: spec, ip: ip)
                if !profile.execute, let kill = probes.kill {
                    // The app ignores SIGTERM while it starts: SIGKILL after the grace period.
                    let grace = Double(spec[path: [kill.kind.field, "terminationGracePeriodSeconds"]]?.intValue
                        ?? pod[path: ["spec", "terminationGracePeriodSeconds"]]?.intValue ?? 30)
                    if end == nil || kill.time + grace < end!.time { end = (kill.time + max(0, grace), 137, "Error") }
                }
                let through = min(now, end?.time ?? now)
                for e in probes.events(after: max(c.probesRecordedThrough, since - 1), through: through) where e.time <= through {
                    recordEvent(pod, type: e.type, reason: e.reason, message: e.message, component: "kubelet")
                }
                c.probesRecordedThrough = max(c.probesRecordedThrough, through)
                guard let end, end.time <= now else { return }
                c.lastTermination = KubeletState.Termination(exitCode: end.exitCode, reason: end.reason, startedAt: since, finishedAt: end.time)
                let restart = restartPolicy == "Always" || (restartPolicy == "OnFailure" && end.exitCode != 0)
                guard restart else { c.phase = .terminated; return }
                // flowcontrol.Backoff, keyed by container, with the failure's finish time.
                if var entry = c.backoff, end.time - entry.lastUpdate <= 2 * KubeletState.maxBackoff {
                    c.phase = .backOff(until: end.time + entry.backoff, backoff: entry.backoff)
                    entry.backoff = min(entry.backoff * 2, KubeletState.maxBackoff)
                    entry.lastUpdate = end.time
                    c.backoff = entry
                    recordEvent(pod, type: "Warning", reason: "BackOff",
                                message: "Back-off restarting failed container \(c.name) in pod \(podRef(pod))", component: "kubelet")
                } else {
                    c.backoff = KubeletState.BackoffEntry(backoff: KubeletState.initialBackoff, lastUpdate: end.time)
                    c.restartCount += 1
                    start(&c, at: end.time, pod: pod, spec: spec, firstStart: false)
                    if case .waiting = c.phase { return }
                }
            case .backOff(let until, _):
                guard until <= now else { return }
                c.restartCount += 1
                start(&c, at: until, pod: pod, spec: spec, firstStart: false)
                if case .waiting = c.phase { return }
            case .terminated:
                return
            }
        }
    }

    /// When and how a running container ends: an executed image when its process exits (seen
    /// now), a simulated one at its scenario's crash, completion or OOM time; nil while it runs on.
    private func endOfRun(_ c: KubeletState.Container, uid: String, since: Double, spec: Value, profile: Scenario.Image,
                          rate: Double, now: Double) -> (time: Double, exitCode: Int, reason: String)? {
        if profile.execute {
            let key = KubeletState.processKey(uid: uid, container: c.name, instance: c.restartCount)
            guard let exit = kubelet.processes[key]?.exit else { return nil }
            return (now, exit.code, exit.code == 0 ? "Completed" : "Error")
        }
        var end: (time: Double, exitCode: Int, reason: String)?
        if let crash = profile.crashAfterSeconds { end = (since + crash, profile.crashExitCode, "Error") }
        if let done = profile.completeAfterSeconds, end == nil || since + done < end!.time { end = (since + done, 0, "Completed") }
        if let limit = Self.memoryLimitMi(spec) {
            let u0 = usage(profile: profile, requestRate: rate, runningSince: since, at: since)
            var oomAt: Double?
            if u0.memoryMi > limit { oomAt = since + min(profile.startupSeconds, 1) }
            else if profile.memoryLeakMiPerHour > 0 { oomAt = since + (limit - u0.memoryMi) / profile.memoryLeakMiPerHour * 3600 }
            // Load-driven memory: the rate the pod receives now (a spike, the day's peak, growth)
            // pushes its usage over the limit: killed at this tick (as fine as the clock steps).
            if oomAt == nil || oomAt! > now, usage(profile: profile, requestRate: rate, runningSince: since, at: now).memoryMi > limit { oomAt = now }
            if let oomAt, end == nil || oomAt < end!.time { end = (oomAt, 137, "OOMKilled") }
        }
        return end
    }

    /// `spec.activeDeadlineSeconds` ran out: the kubelet kills every container (exit 137) and
    /// the pod fails with reason DeadlineExceeded.
    private func enforceDeadline(_ runtime: inout KubeletState.Pod, pod: Value, uid: String, at time: Double) {
        runtime.deadlineExceeded = true
        for i in runtime.containers.indices {
            var c = runtime.containers[i]
            kubelet.processes[KubeletState.processKey(uid: uid, container: c.name, instance: c.restartCount)]?.stop(grace: 0)
            if case .running(let since) = c.phase {
                c.lastTermination = KubeletState.Termination(exitCode: 137, reason: "Error", startedAt: since, finishedAt: time)
            }
            c.phase = .terminated
            runtime.containers[i] = c
        }
        recordEvent(pod, type: "Warning", reason: "DeadlineExceeded", message: "Pod was active on the node longer than the specified deadline", component: "kubelet")
    }

    private func start(_ c: inout KubeletState.Container, at time: Double, pod: Value, spec: Value, firstStart: Bool) {
        do {
            if scenario.image(c.image)?.execute == true {
                let process = try startExecuted(pod: pod, spec: spec, instance: c.restartCount)
                let uid = pod[path: ["metadata", "uid"]]?.string ?? ""
                kubelet.processes[KubeletState.processKey(uid: uid, container: c.name, instance: c.restartCount)] = process
            } else {
                // A simulated image gets the environment a node would build, or does not start.
                _ = try containerEnvironment(pod: pod, spec: spec)
            }
        } catch {
            if case .waiting(_, let message) = c.phase, message == error.message { return }
            if error.reason != "ContainerCreating" {
                recordEvent(pod, type: "Warning", reason: "Failed", message: "Error: \(error.message)", component: "kubelet")
            } else {
                recordEvent(pod, type: "Warning", reason: "FailedMount", message: error.message, component: "kubelet")
            }
            c.phase = .waiting(reason: error.reason, message: error.message)
            return
        }
        if firstStart {
            recordEvent(pod, reason: "Pulled", message: "Container image \"\(c.image)\" already present on machine", component: "kubelet")
        } else {
            recordEvent(pod, reason: "Pulled", message: "Container image \"\(c.image)\" already present on machine and container will be restarted", component: "kubelet")
        }
        recordEvent(pod, reason: "Created", message: "Created container: \(c.name)", component: "kubelet")
        recordEvent(pod, reason: "Started", message: "Started container \(c.name)", component: "kubelet")
        c.phase = .running(since: time)
        c.everStarted = true
        c.probesRecordedThrough = -.infinity
    }

    private func podRef(_ pod: Value) -> String {
        "\(pod[path: ["metadata", "name"]]?.string ?? "")_\(pod[path: ["metadata", "namespace"]]?.string ?? "")(\(pod[path: ["metadata", "uid"]]?.string ?? ""))"
    }

    /// The probe workers' view of the current run of `c`, from its spec and image profile.
    func probeTimeline(_ c: KubeletState.Container, since: Double, spec: Value, ip: String) -> ProbeTimeline {
        let profile = scenario.image(c.image)
        let hangs = c.stuck && c.restartCount == 0 ? profile?.stuckAfterSeconds : nil
        return ProbeTimeline(since: since, container: spec, ip: ip, startupSeconds: profile?.startupSeconds ?? 0,
                             hangsAfter: hangs, neverReady: profile?.ready == false)
    }

    /// Whether a new pod's container of `image` is among the first `stuck.pods` of its profile
    /// (counting it if so).
    private func admitStuck(_ image: String) -> Bool {
        guard let profile = scenario.image(image), profile.stuckAfterSeconds != nil else { return false }
        let count = kubelet.stuckPods[profile.match, default: 0]
        guard count < profile.stuckPods else { return false }
        kubelet.stuckPods[profile.match] = count + 1
        return true
    }

    private func podStatus(_ pod: Value, runtime: KubeletState.Pod, specs: [Value], now: Double) -> Value {
        let old = pod["status"] ?? .object([:])
        var statuses: [Value] = []
        var allReady = true, anyWaitingFirst = false, allTerminated = true, anyFailed = false
        for (i, c) in runtime.containers.enumerated() {
            let spec = i < specs.count ? specs[i] : .object([:])
            var state: Value
            var ready = false
            var started = false
            switch c.phase {
            case .pulling:
                state = ["waiting": ["reason": "ContainerCreating"]]
                anyWaitingFirst = true
            case .imagePullBackOff(let first, _, _):
                let reason = now - first < KubeletState.initialBackoff ? "ErrImagePull" : "ImagePullBackOff"
                let message = reason == "ErrImagePull"
                    ? "failed to pull and unpack image \"\(c.image)\": not found"
                    : "Back-off pulling image \"\(c.image)\": ErrImagePull: failed to pull and unpack image \"\(c.image)\": not found"
                state = ["waiting": ["reason": .string(reason), "message": .string(message)]]
                if !c.everStarted { anyWaitingFirst = true }
            case .running(let since):
                state = ["running": ["startedAt": .string(Timestamp.format(since))]]
                let probes = probeTimeline(c, since: since, spec: spec, ip: runtime.ip)
                ready = probes.ready(at: now)
                started = probes.started(at: now)
            case .backOff(_, let backoff):
                state = ["waiting": ["reason": "CrashLoopBackOff",
                                     "message": .string("back-off \(GoDuration.format(backoff)) restarting failed container=\(c.name) pod=\(podRef(pod))")]]
            case .waiting(let reason, let message):
                state = reason == "ContainerCreating" ? ["waiting": ["reason": "ContainerCreating"]]
                    : ["waiting": ["reason": .string(reason), "message": .string(message)]]
                if !c.everStarted { anyWaitingFirst = true }
            case .terminated:
                let t = c.lastTermination
                state = ["terminated": ["exitCode": .int(Int64(t?.exitCode ?? 0)), "reason": .string(t?.reason ?? "Completed"),
                                        "startedAt": .string(Timestamp.format(t?.startedAt ?? now)),
                                        "finishedAt": .string(Timestamp.format(t?.finishedAt ?? now)),
                                        "containerID": .string("containerd://\(c.name)-\(c.restartCount)")]]
                if (t?.exitCode ?? 0) != 0 { anyFailed = true }
            }
            if case .terminated = c.phase {} else { allTerminated = false }
            if !ready { allReady = false }
            var lastState: Value = .object([:])
            if let t = c.lastTermination, !(c.phase.isTerminated) {
                lastState = ["terminated": ["exitCode": .int(Int64(t.exitCode)), "reason": .string(t.reason),
                                            "startedAt": .string(Timestamp.format(t.startedAt)), "finishedAt": .string(Timestamp.format(t.finishedAt)),
                                            "containerID": .string("containerd://\(c.name)-\(max(0, c.restartCount - 1))")]]
            }
            var s: OrderedDictionary<String, Value> = [
                "name": .string(c.name), "state": state, "lastState": lastState, "ready": .bool(ready),
                "restartCount": .int(Int64(c.restartCount)), "image": .string(c.image),
                "imageID": .string(c.everStarted ? "docker.io/\(c.image)@sha256:\(String(Self.fnv(c.image), radix: 16))" : ""),
            ]
            if c.everStarted { s["containerID"] = .string("containerd://\(c.name)-\(c.restartCount)") }
            s["started"] = .bool(started)
            statuses.append(.object(s))
        }
        let phase: String
        if runtime.deadlineExceeded { phase = "Failed" }
        else if allTerminated && !runtime.containers.isEmpty { phase = anyFailed ? "Failed" : "Succeeded" }
        else if anyWaitingFirst { phase = "Pending" }
        else { phase = "Running" }
        let readyText = allReady && phase == "Running" ? "True" : "False"
        func condition(_ type: String, _ status: String, reason: String? = nil) -> Value {
            let previous = old["conditions"]?.array?.first { $0["type"]?.string == type }
            let since = previous?["status"]?.string == status ? (previous?["lastTransitionTime"] ?? .string(Timestamp.format(now))) : .string(Timestamp.format(now))
            var c: OrderedDictionary<String, Value> = ["type": .string(type), "status": .string(status), "lastProbeTime": .null, "lastTransitionTime": since]
            if let reason { c["reason"] = .string(reason) }
            return .object(c)
        }
        let notReadyReason = phase == "Succeeded" || phase == "Failed" ? "PodCompleted" : "ContainersNotReady"
        var status: OrderedDictionary<String, Value> = [
            "phase": .string(phase),
            "conditions": [
                condition("PodReadyToStartContainers", "True"),
                condition("Initialized", "True"),
                condition("Ready", readyText, reason: readyText == "True" ? nil : notReadyReason),
                condition("ContainersReady", readyText, reason: readyText == "True" ? nil : notReadyReason),
                condition("PodScheduled", "True"),
            ],
            "hostIP": "192.168.49.2", "hostIPs": [["ip": "192.168.49.2"]],
            "podIP": .string(runtime.ip), "podIPs": [["ip": .string(runtime.ip)]],
            "startTime": .string(Timestamp.format(runtime.startTime)),
            "containerStatuses": .array(statuses),
            "qosClass": .string(Self.qosClass(specs)),
        ]
        if phase == "Pending" { status.removeValue(forKey: "podIP"); status.removeValue(forKey: "podIPs") }
        if runtime.deadlineExceeded {
            status["reason"] = "DeadlineExceeded"
            status["message"] = "Pod was active on the node longer than the specified deadline"
        }
        return .object(status)
    }

    static func qosClass(_ containers: [Value]) -> String {
        var any = false, guaranteed = true
        for c in containers {
            let req = c[path: ["resources", "requests"]]?.object ?? [:]
            let lim = c[path: ["resources", "limits"]]?.object ?? [:]
            if !req.isEmpty || !lim.isEmpty { any = true }
            for r in ["cpu", "memory"] {
                guard let l = lim[r] else { guaranteed = false; continue }
                if let q = req[r], q != l { guaranteed = false }
            }
        }
        return !any ? "BestEffort" : (guaranteed ? "Guaranteed" : "Burstable")
    }
}

extension KubeletState.ContainerPhase {
    var isTerminated: Bool { if case .terminated = self { return true }; return false }
}
