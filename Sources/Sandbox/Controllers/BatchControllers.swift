import Kubernetes
import OrderedCollections
import YAML

/// CronJob → Job → Pod. The CronJob controller starts a Job at each scheduled time (named
/// `<cronjob>-<minutes since epoch>`), honours concurrencyPolicy and the history limits; the
/// Job controller runs pods until completions succeed or backoffLimit failures accrue.
extension Cluster {
    var cronJobType: ResourceType { catalog.type(group: "batch", version: "v1", resource: "cronjobs")! }
    var jobType: ResourceType { catalog.type(group: "batch", version: "v1", resource: "jobs")! }

    func runCronJobs() {
        let jobs = store.list(jobType).map(\.object)
        for entry in store.list(cronJobType) {
            var cj = entry.object
            guard let uid = cj[path: ["metadata", "uid"]]?.string, let schedule = cj[path: ["spec", "schedule"]]?.string.flatMap(CronSchedule.init) else { continue }
            let owned = jobs.filter { $0[path: ["metadata", "ownerReferences"]]?.array?.contains { $0["uid"]?.string == uid } ?? false }
            let active = owned.filter { !Self.jobFinished($0) }
            let created = cj[path: ["metadata", "creationTimestamp"]]?.string.flatMap(Timestamp.parse) ?? clock.now
            let last = cj[path: ["status", "lastScheduleTime"]]?.string.flatMap(Timestamp.parse) ?? created
            var status = cj["status"]?.object ?? [:]
            if cj[path: ["spec", "suspend"]]?.boolValue != true, let due = schedule.next(after: last), due <= clock.now {
                // Only the most recent missed time runs, as the controller does.
                var scheduled = due
                while let n = schedule.next(after: scheduled), n <= clock.now { scheduled = n }
                let policy = cj[path: ["spec", "concurrencyPolicy"]]?.string ?? "Allow"
                if policy == "Forbid" && !active.isEmpty {
                    recordEvent(cj, reason: "JobAlreadyActive", message: "Not starting job because prior execution is running and concurrency policy is Forbid", component: "cronjob-controller")
                } else {
                    if policy == "Replace" {
                        for job in active {
                            let key = ObjectKey(namespace: entry.key.namespace, name: job[path: ["metadata", "name"]]?.string ?? "")
                            _ = try? deleteObject(jobType, key, options: DeleteOptions(propagation: "Background"))
                            recordEvent(cj, reason: "SuccessfulDelete", message: "Deleted job \(key.name)", component: "cronjob-controller")
                        }
                    }
                    let name = "\(entry.key.name)-\(Int(scheduled) / 60)"
                    var job: Value = ["apiVersion": "batch/v1", "kind": "Job", "metadata": [
                        "name": .string(name), "namespace": .string(entry.key.namespace),
                        "labels": cj[path: ["spec", "jobTemplate", "metadata", "labels"]] ?? .object([:]),
                        "annotations": ["batch.kubernetes.io/cronjob-scheduled-timestamp": .string(Timestamp.format(scheduled))],
                        "ownerReferences": [["apiVersion": "batch/v1", "kind": "CronJob", "name": .string(entry.key.name), "uid": .string(uid),
                                             "controller": true, "blockOwnerDeletion": true]],
                    ]]
                    job[path: ["spec"]] = cj[path: ["spec", "jobTemplate", "spec"]] ?? .object([:])
                    if (try? createObject(job, manager: "kube-controller-manager", in: jobType, namespace: entry.key.namespace)) != nil {
                        recordEvent(cj, reason: "SuccessfulCreate", message: "Created job \(name)", component: "cronjob-controller")
                    }
                }
                status["lastScheduleTime"] = .string(Timestamp.format(scheduled))
            }
            let refreshed = store.list(jobType, namespace: entry.key.namespace).map(\.object)
                .filter { $0[path: ["metadata", "ownerReferences"]]?.array?.contains { $0["uid"]?.string == uid } ?? false }
            let nowActive = refreshed.filter { !Self.jobFinished($0) }
            status["active"] = nowActive.isEmpty ? nil : .array(nowActive.map {
                ["kind": "Job", "namespace": .string(entry.key.namespace), "name": $0[path: ["metadata", "name"]] ?? "",
                 "uid": $0[path: ["metadata", "uid"]] ?? "", "apiVersion": "batch/v1", "resourceVersion": $0[path: ["metadata", "resourceVersion"]] ?? ""]
            })
            if let success = refreshed.compactMap({ $0[path: ["status", "completionTime"]]?.string }).max() {
                status["lastSuccessfulTime"] = .string(success)
            }
            cj[path: ["status"]] = .object(status)
            controllerWrite(cronJobType, cj)
            pruneJobHistory(cj, jobs: refreshed)
        }
    }

    private func pruneJobHistory(_ cj: Value, jobs: [Value]) {
        for (condition, limitKey, fallback) in [("Complete", "successfulJobsHistoryLimit", 3), ("Failed", "failedJobsHistoryLimit", 1)] {
            let limit = cj[path: ["spec", limitKey]]?.intValue ?? fallback
            let finished = jobs.filter { Self.jobCondition($0, condition) }
                .sorted { ($0[path: ["metadata", "creationTimestamp"]]?.string ?? "") < ($1[path: ["metadata", "creationTimestamp"]]?.string ?? "") }
            guard finished.count > limit else { continue }
            for job in finished.prefix(finished.count - limit) {
                let key = ObjectKey(namespace: job[path: ["metadata", "namespace"]]?.string ?? "", name: job[path: ["metadata", "name"]]?.string ?? "")
                _ = try? deleteObject(jobType, key, options: DeleteOptions(propagation: "Background"))
                recordEvent(cj, reason: "SuccessfulDelete", message: "Deleted job \(key.name)", component: "cronjob-controller")
            }
        }
    }

    static func jobCondition(_ job: Value, _ type: String) -> Bool {
        job[path: ["status", "conditions"]]?.array?.contains { $0["type"]?.string == type && $0["status"]?.string == "True" } ?? false
    }

    static func jobFinished(_ job: Value) -> Bool { jobCondition(job, "Complete") || jobCondition(job, "Failed") }

    func runJobs() {
        let pods = store.list(podType).map(\.object)
        for entry in store.list(jobType) {
            var job = entry.object
            guard let uid = job[path: ["metadata", "uid"]]?.string, job[path: ["metadata", "deletionTimestamp"]] == nil else { continue }
            if Self.jobFinished(job) { continue }
            let owned = pods.filter { $0[path: ["metadata", "ownerReferences"]]?.array?.contains { $0["uid"]?.string == uid } ?? false }
            let succeeded = owned.filter { $0[path: ["status", "phase"]]?.string == "Succeeded" }.count
            let failedPods = owned.filter { $0[path: ["status", "phase"]]?.string == "Failed" }.count
            let restarts = owned.reduce(0) { sum, p in sum + (p[path: ["status", "containerStatuses"]]?.array ?? []).reduce(0) { $0 + ($1["restartCount"]?.intValue ?? 0) } }
            let failed = failedPods + restarts
            let active = owned.count - succeeded - failedPods
            let completions = job[path: ["spec", "completions"]]?.intValue ?? 1
            let parallelism = job[path: ["spec", "parallelism"]]?.intValue ?? 1
            let backoffLimit = job[path: ["spec", "backoffLimit"]]?.intValue ?? 6
            var status = job["status"]?.object ?? [:]
            let now = Timestamp.format(clock.now)
            if status["startTime"] == nil { status["startTime"] = .string(now) }
            var conditions = status["conditions"]?.array ?? []
            let started = status["startTime"]?.string.flatMap(Timestamp.parse) ?? clock.now
            if succeeded < completions, let deadline = job[path: ["spec", "activeDeadlineSeconds"]]?.doubleValue, clock.now >= started + deadline {
                // The Job controller fails the Job and deletes its running pods (which stops them).
                let message = "Job was active longer than specified deadline"
                conditions.append(["type": "FailureTarget", "status": "True", "lastProbeTime": .string(now), "lastTransitionTime": .string(now),
                                   "reason": "DeadlineExceeded", "message": .string(message)])
                conditions.append(["type": "Failed", "status": "True", "lastProbeTime": .string(now), "lastTransitionTime": .string(now),
                                   "reason": "DeadlineExceeded", "message": .string(message)])
                recordEvent(job, type: "Warning", reason: "DeadlineExceeded", message: message, component: "job-controller")
                for pod in owned where !Self.isTerminal(pod) {
                    let key = ObjectKey(namespace: entry.key.namespace, name: pod[path: ["metadata", "name"]]?.string ?? "")
                    _ = try? deleteObject(podType, key, options: DeleteOptions())
                }
            } else if succeeded >= completions {
                conditions.append(["type": "SuccessCriteriaMet", "status": "True", "lastProbeTime": .string(now), "lastTransitionTime": .string(now),
                                   "reason": "CompletionsReached", "message": "Reached expected number of succeeded pods"])
                conditions.append(["type": "Complete", "status": "True", "lastProbeTime": .string(now), "lastTransitionTime": .string(now),
                                   "reason": "CompletionsReached", "message": "Reached expected number of succeeded pods"])
                // When the last pod finished, not when this pass noticed.
                let finished = owned.flatMap { $0[path: ["status", "containerStatuses"]]?.array ?? [] }
                    .compactMap { $0[path: ["state", "terminated", "finishedAt"]]?.string }.max()
                status["completionTime"] = .string(finished ?? now)
                recordEvent(job, reason: "Completed", message: "Job completed", component: "job-controller")
            } else if failed > backoffLimit {
                conditions.append(["type": "FailureTarget", "status": "True", "lastProbeTime": .string(now), "lastTransitionTime": .string(now),
                                   "reason": "BackoffLimitExceeded", "message": "Job has reached the specified backoff limit"])
                conditions.append(["type": "Failed", "status": "True", "lastProbeTime": .string(now), "lastTransitionTime": .string(now),
                                   "reason": "BackoffLimitExceeded", "message": "Job has reached the specified backoff limit"])
                recordEvent(job, type: "Warning", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit", component: "job-controller")
                for pod in owned where !Self.isTerminal(pod) {
                    let key = ObjectKey(namespace: entry.key.namespace, name: pod[path: ["metadata", "name"]]?.string ?? "")
                    _ = try? deleteObject(podType, key, options: DeleteOptions())
                }
            } else {
                let want = min(parallelism, completions - succeeded)
                if active < want {
                    for _ in active..<want { createPod(from: job, template: ["spec", "template"], ownerKind: "Job", namePrefix: entry.key.name + "-") }
                }
            }
            if !conditions.isEmpty { status["conditions"] = .array(conditions) }
            let nowActive = Self.jobFinished(["status": .object(status)]) ? 0 : max(active, min(parallelism, completions - succeeded))
            status["active"] = nowActive > 0 ? .int(Int64(nowActive)) : nil
            status["succeeded"] = succeeded > 0 ? .int(Int64(succeeded)) : nil
            status["failed"] = failed > 0 ? .int(Int64(failed)) : nil
            status["ready"] = .int(Int64(owned.filter(Self.isReady).count))
            status["terminating"] = 0
            job[path: ["status"]] = .object(status)
            controllerWrite(jobType, job)
        }
    }

    /// PodDisruptionBudget status: healthy pods and how many may be disrupted now.
    func runPDBs() {
        guard let pdbType = catalog.type(kind: "PodDisruptionBudget") else { return }
        for entry in store.list(pdbType) {
            var pdb = entry.object
            guard let selector = pdb[path: ["spec", "selector"]].flatMap({ try? LabelSelector(object: $0) }) else { continue }
            let pods = store.list(podType, namespace: entry.key.namespace).map(\.object)
                .filter { selector.matches($0[path: ["metadata", "labels"]]?.stringMap ?? [:]) && !Self.isTerminal($0) }
            let healthy = pods.filter(Self.isReady).count
            let expected = pods.count
            var desired = 0
            switch pdb[path: ["spec", "minAvailable"]] {
            case .int(let i)?: desired = Int(i)
            case .string(let s)? where s.hasSuffix("%"): desired = Int(clamping: (Double(s.dropLast()) ?? 0) * Double(expected) / 100, to: 0...Int(Int32.max), rounding: .up)
            default:
                switch pdb[path: ["spec", "maxUnavailable"]] {
                case .int(let i)?: desired = max(0, expected - Int(i))
                case .string(let s)? where s.hasSuffix("%"): desired = max(0, expected - Int(clamping: (Double(s.dropLast()) ?? 0) * Double(expected) / 100, to: 0...Int(Int32.max)))
                default: desired = expected
                }
            }
            let allowed = max(0, healthy - desired)
            let now = Timestamp.format(clock.now)
            let previous = pdb[path: ["status", "conditions"]]?.array?.first
            let ok = allowed > 0
            let statusText = ok ? "True" : "False"
            let since: Value = previous?["status"]?.string == statusText ? (previous?["lastTransitionTime"] ?? .string(now)) : .string(now)
            let generation: Value = pdb[path: ["metadata", "generation"]] ?? 1
            let condition: Value = [
                "type": "DisruptionAllowed", "status": .string(statusText), "observedGeneration": generation,
                "lastTransitionTime": since, "reason": .string(ok ? "SufficientPods" : "InsufficientPods"), "message": "",
            ]
            var status: OrderedDictionary<String, Value> = ["observedGeneration": generation]
            status["disruptionsAllowed"] = .int(Int64(allowed))
            status["currentHealthy"] = .int(Int64(healthy))
            status["desiredHealthy"] = .int(Int64(desired))
            status["expectedPods"] = .int(Int64(expected))
            status["conditions"] = .array([condition])
            pdb[path: ["status"]] = .object(status)
            controllerWrite(pdbType, pdb)
        }
    }
}
