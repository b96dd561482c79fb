import XCTest
import YAML
@testable import Sandbox

/// The simulated controllers and kubelet, stepped through simulated time.
final class ControllerTests: SandboxTestCase {
    private func container(_ pod: Value) -> Value { pod[path: ["status", "containerStatuses"]]!.array![0] }

    func testCrashLoopBackOffFollowsTheKubeletTimings() {
        let cluster = makeCluster()
        apply(cluster, Self.deployment(name: "backend", image: "todo-chatbot/backend:1.4.0-crash", replicas: 1))
        // t+1: ReplicaSet and pod created and started; the image exits 5 s after each start.
        // Restarts: immediately (t+6), then after 10 s (t+21), 20 s (t+46), 40 s (t+91), 80 s (t+176),
        // 160 s (t+341), then 300 s, the cap.
        let expectations: [(at: Double, restarts: Int, waiting: String?, finishedAt: String?)] = [
            (5, 0, nil, nil),
            (7, 1, nil, "2026-01-05T00:00:06Z"),
            (15, 1, "back-off 10s", "2026-01-05T00:00:11Z"),
            (22, 2, nil, "2026-01-05T00:00:11Z"),
            (30, 2, "back-off 20s", "2026-01-05T00:00:26Z"),
            (100, 4, "back-off 1m20s", "2026-01-05T00:01:36Z"),
            (400, 6, "back-off 5m0s", "2026-01-05T00:05:46Z"),
        ]
        var elapsed = 0.0
        for e in expectations {
            cluster.advance(by: e.at - elapsed)
            elapsed = e.at
            let pod = pods(cluster, selector: "app=backend")[0]
            let c = container(pod)
            XCTAssertEqual(c["restartCount"]?.intValue, e.restarts, "restarts at t+\(e.at)")
            if let waiting = e.waiting {
                XCTAssertEqual(c[path: ["state", "waiting", "reason"]]?.string, "CrashLoopBackOff", "t+\(e.at)")
                XCTAssertTrue(c[path: ["state", "waiting", "message"]]?.string?.hasPrefix(waiting + " restarting failed container=main pod=backend-") ?? false,
                              "t+\(e.at): \(c[path: ["state", "waiting", "message"]]?.string ?? "none")")
                XCTAssertEqual(Tables.cells("Pod", pod, now: cluster.now)[2].string, "CrashLoopBackOff")
            } else {
                XCTAssertNotNil(c[path: ["state", "running"]], "t+\(e.at)")
            }
            XCTAssertEqual(c[path: ["lastState", "terminated", "finishedAt"]]?.string, e.finishedAt, "t+\(e.at)")
            if e.finishedAt != nil {
                XCTAssertEqual(c[path: ["lastState", "terminated", "exitCode"]]?.intValue, 1)
                XCTAssertEqual(c[path: ["lastState", "terminated", "reason"]]?.string, "Error")
            }
        }
        let events = get(cluster, "/api/v1/namespaces/default/events?fieldSelector=reason%3DBackOff")["items"]!.array!
        XCTAssertEqual(events.first?["type"]?.string, "Warning")
        XCTAssertGreaterThanOrEqual(events.first?["count"]?.intValue ?? 0, 4)
    }

    func testBackOffResetsAfterTenMinutesOfCleanRunning() throws {
        var scenario = Scenario()
        scenario.images = [Scenario.Image(match: "slow-crash:*", startupSeconds: 0, crashAfterSeconds: 700)]
        let cluster = makeCluster(scenario)
        apply(cluster, Self.deployment(name: "slow", image: "slow-crash:1", replicas: 1))
        cluster.advance(by: 5 + 700 + 700 + 10, step: 5)
        let c = container(pods(cluster)[0])
        XCTAssertEqual(c["restartCount"]?.intValue, 2, "each failure came more than 10 minutes after the last: no back-off")
        XCTAssertNotNil(c[path: ["state", "running"]])
    }

    func testOOMKilledWhenTheMemoryModelExceedsTheLimit() {
        let cluster = makeCluster()
        let leaky = Self.deployment(name: "leaky", image: "todo-chatbot/backend:1.4.0-leak", replicas: 1)
            .replacingOccurrences(of: "memory: 512Mi", with: "memory: 256Mi")
        apply(cluster, leaky)
        // baseline 180 Mi, no traffic for app=leaky, 600 Mi/h leak: 76 Mi in 456 s after the start at t+5.
        cluster.advance(by: 470, step: 5)
        let c = container(pods(cluster)[0])
        XCTAssertEqual(c["restartCount"]?.intValue, 1)
        XCTAssertEqual(c[path: ["lastState", "terminated", "reason"]]?.string, "OOMKilled")
        XCTAssertEqual(c[path: ["lastState", "terminated", "exitCode"]]?.intValue, 137)
        XCTAssertEqual(c[path: ["lastState", "terminated", "finishedAt"]]?.string, "2026-01-05T00:07:41Z")
    }

    func testUnknownImagesBackOffPullingAndStayPending() {
        let cluster = makeCluster()
        apply(cluster, Self.deployment(name: "typo", image: "todo-chatbot/bakend:1.4.0", replicas: 1))
        cluster.advance(by: 3)
        var pod = pods(cluster)[0]
        XCTAssertEqual(container(pod)[path: ["state", "waiting", "reason"]]?.string, "ErrImagePull")
        XCTAssertEqual(pod[path: ["status", "phase"]]?.string, "Pending")
        cluster.advance(by: 30)
        pod = pods(cluster)[0]
        XCTAssertEqual(container(pod)[path: ["state", "waiting", "reason"]]?.string, "ImagePullBackOff")
        XCTAssertEqual(Tables.cells("Pod", pod, now: cluster.now)[2].string, "ImagePullBackOff")
    }

    func testRollingUpdateStaysWithinSurgeAndUnavailability() {
        let cluster = makeCluster()
        let probe = """
                    readinessProbe:
                      httpGet: {path: /ready, port: 8000}
                      periodSeconds: 5
            """
        func spec(_ tag: String) -> String {
            Self.deployment(name: "backend", image: "todo-chatbot/backend:\(tag)", replicas: 4)
                .replacingOccurrences(of: "  replicas: 4\n", with: "  replicas: 4\n  strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}\n")
                .replacingOccurrences(of: "          limits: {cpu: 200m, memory: 512Mi}\n", with: "          limits: {cpu: 200m, memory: 512Mi}\n" + probe.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n")
        }
        XCTAssertEqual(apply(cluster, spec("1.4.0")).status, 201)
        cluster.advance(by: 30)
        var d = get(cluster, "/apis/apps/v1/namespaces/default/deployments/backend")
        XCTAssertEqual(d[path: ["status", "availableReplicas"]]?.intValue, 4)
        XCTAssertEqual(apply(cluster, spec("1.5.0")).status, 200)
        var maxPods = 0, minAvailable = Int.max
        for _ in 0..<90 {
            cluster.advance(by: 1)
            let live = pods(cluster, selector: "app=backend").filter { $0[path: ["metadata", "deletionTimestamp"]] == nil }
            maxPods = max(maxPods, live.count)
            minAvailable = min(minAvailable, live.filter { $0[path: ["status", "conditions"]]?.array?.contains { $0["type"]?.string == "Ready" && $0["status"]?.string == "True" } ?? false }.count)
        }
        XCTAssertLessThanOrEqual(maxPods, 5, "maxSurge 1 over 4 replicas")
        XCTAssertGreaterThanOrEqual(minAvailable, 3, "maxUnavailable 1")
        d = get(cluster, "/apis/apps/v1/namespaces/default/deployments/backend")
        XCTAssertEqual(d[path: ["status", "updatedReplicas"]]?.intValue, 4)
        XCTAssertEqual(d[path: ["status", "availableReplicas"]]?.intValue, 4)
        XCTAssertEqual(d[path: ["status", "observedGeneration"]]?.intValue, 2)
        XCTAssertEqual(d[path: ["metadata", "annotations", "deployment.kubernetes.io/revision"]]?.string, "2")
        let progressing = d[path: ["status", "conditions"]]!.array!.first { $0["type"]?.string == "Progressing" }!
        XCTAssertEqual(progressing["reason"]?.string, "NewReplicaSetAvailable")
        let sets = get(cluster, "/apis/apps/v1/namespaces/default/replicasets")["items"]!.array!
        XCTAssertEqual(sets.map { $0[path: ["spec", "replicas"]]?.intValue ?? -1 }.sorted(), [0, 4])
        XCTAssertTrue(pods(cluster).allSatisfy { $0[path: ["spec", "containers"]]?.array?.first?["image"]?.string == "todo-chatbot/backend:1.5.0" })
    }

    func testProgressDeadlineExceededForACrashingRollout() {
        let cluster = makeCluster()
        let d = Self.deployment(name: "backend", image: "todo-chatbot/backend:1.4.0-crash", replicas: 2)
            .replacingOccurrences(of: "  replicas: 2\n", with: "  replicas: 2\n  progressDeadlineSeconds: 60\n")
            .replacingOccurrences(of: "        ports: [{containerPort: 80}]\n",
                                  with: "        ports: [{containerPort: 80}]\n        readinessProbe: {httpGet: {path: /ready, port: 80}, initialDelaySeconds: 10}\n")
        apply(cluster, d)
        cluster.advance(by: 90)
        let live = get(cluster, "/apis/apps/v1/namespaces/default/deployments/backend")
        let progressing = live[path: ["status", "conditions"]]!.array!.first { $0["type"]?.string == "Progressing" }!
        XCTAssertEqual(progressing["status"]?.string, "False")
        XCTAssertEqual(progressing["reason"]?.string, "ProgressDeadlineExceeded")
        XCTAssertEqual(progressing["message"]?.string?.hasSuffix("has timed out progressing."), true)
        let available = live[path: ["status", "conditions"]]!.array!.first { $0["type"]?.string == "Available" }!
        XCTAssertEqual(available["reason"]?.string, "MinimumReplicasUnavailable")
    }

    /// An HPA for the `api` Deployment: 2–10 replicas at 70% CPU, with `scaleDown` (flow YAML).
    static func cpuHPA(scaleDown: String) -> String {
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: default}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          minReplicas: 2
          maxReplicas: 10
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
          behavior:
            scaleDown: \(scaleDown)
        """
    }

    /// The HPA's status quantities are stored in canonical form, as kube-apiserver serializes
    /// every write (a dry-run apply re-serializes them, so anything else shows up as drift in
    /// `kubectl diff`): pods using exactly one core each report `1`, not `1000m`.
    func testHPAStatusQuantitiesAreCanonical() {
        var scenario = Scenario()
        scenario.images = [Scenario.Image(match: "api:*", startupSeconds: 0, cpuBaseMillicores: 1000, cpuPerRequestMillicores: 0,
                                          memoryBaselineMi: 100, memoryPerRequestMi: 0)]
        let cluster = makeCluster(scenario)
        apply(cluster, Self.deployment(name: "api", image: "api:1", replicas: 2).replacingOccurrences(of: "limits: {cpu: 200m", with: "limits: {cpu: 2"))
        apply(cluster, Self.cpuHPA(scaleDown: "{stabilizationWindowSeconds: 300}"))
        cluster.advance(by: 30, step: 2)
        let hpa = get(cluster, "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/api")
        let current = hpa[path: ["status", "currentMetrics"]]?.array?.first?[path: ["resource", "current"]]
        XCTAssertEqual(current?["averageValue"]?.string, "1")
        XCTAssertEqual(current?["averageUtilization"]?.intValue, 1000)
    }

    func testHPAScalesUpUnderASpikeAndDownAfterTheStabilizationWindow() {
        var scenario = Scenario()
        scenario.images = [Scenario.Image(match: "api:*", startupSeconds: 0, cpuBaseMillicores: 20, cpuPerRequestMillicores: 8,
                                          memoryBaselineMi: 100, memoryPerRequestMi: 0)]
        scenario.traffic = [Scenario.Traffic(target: "api", baseRPS: 10, spikes: [Scenario.Spike(at: 300, duration: 600, multiplier: 4)])]
        let cluster = makeCluster(scenario)
        apply(cluster, Self.deployment(name: "api", image: "api:1", replicas: 2))
        apply(cluster, Self.cpuHPA(scaleDown: "{stabilizationWindowSeconds: 300}"))
        func replicas() -> Int { get(cluster, "/apis/apps/v1/namespaces/default/deployments/api")[path: ["spec", "replicas"]]?.intValue ?? -1 }
        func hpa() -> Value { get(cluster, "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/api") }
        cluster.advance(by: 240, step: 2)
        XCTAssertEqual(replicas(), 2, "5 rps per pod is 60% of the request: within target")
        XCTAssertEqual(hpa()[path: ["status", "currentMetrics"]]?.array?.first?[path: ["resource", "current", "averageUtilization"]]?.intValue, 60)
        cluster.advance(by: 120, step: 2) // t = 360: the spike (4×) began at 300
        let peak = replicas()
        XCTAssertGreaterThanOrEqual(peak, 5, "180% of target demands ceil(2 × 180/70) = 6 replicas")
        let conditions = hpa()[path: ["status", "conditions"]]!.array!
        XCTAssertEqual(conditions.first { $0["type"]?.string == "ScalingActive" }?["reason"]?.string, "ValidMetricFound")
        let rescale = get(cluster, "/api/v1/namespaces/default/events?fieldSelector=reason%3DSuccessfulRescale")["items"]!.array!
        XCTAssertTrue(rescale.first?["message"]?.string?.hasPrefix("New size: ") ?? false)
        XCTAssertTrue(rescale.first?["message"]?.string?.hasSuffix("cpu resource utilization (percentage of request) above target") ?? false)

        cluster.advance(by: 600, step: 2) // t = 960: the spike ended at 900
        XCTAssertEqual(replicas(), peak, "within the 300 s scale-down window the highest recent recommendation holds")
        let stabilized = hpa()[path: ["status", "conditions"]]!.array!.first { $0["type"]?.string == "AbleToScale" }
        XCTAssertEqual(stabilized?["reason"]?.string, "ScaleDownStabilized")
        cluster.advance(by: 360, step: 2) // t = 1320
        XCTAssertLessThan(replicas(), peak, "after the window the HPA scales down")
        XCTAssertGreaterThanOrEqual(replicas(), 2)
    }

    func testAPercentScaleDownPolicyTruncatesAsUpstreamDoes() {
        // 10 rps over 6 pods is far under target: the HPA wants minReplicas (2), and a 10%
        // per-60 s policy lets one pod go a step: int32(6 × 0.9) = 5, int32(5 × 0.9) = 4,
        // int32(4 × 0.9) = 3, int32(3 × 0.9) = 2. Rounding up (⌈5.4⌉ = 6) would hold all 6.
        var scenario = Scenario()
        scenario.images = [Scenario.Image(match: "api:*", startupSeconds: 0, cpuBaseMillicores: 20, cpuPerRequestMillicores: 8,
                                          memoryBaselineMi: 100, memoryPerRequestMi: 0)]
        scenario.traffic = [Scenario.Traffic(target: "api", baseRPS: 10)]
        let cluster = makeCluster(scenario)
        apply(cluster, Self.deployment(name: "api", image: "api:1", replicas: 6))
        apply(cluster, Self.cpuHPA(scaleDown: "{stabilizationWindowSeconds: 0, policies: [{type: Percent, value: 10, periodSeconds: 60}]}"))
        func replicas() -> Int { get(cluster, "/apis/apps/v1/namespaces/default/deployments/api")[path: ["spec", "replicas"]]?.intValue ?? -1 }
        var seen = [replicas()]
        for _ in 0..<40 {
            cluster.advance(by: 15, step: 1)
            if replicas() != seen.last { seen.append(replicas()) }
        }
        XCTAssertEqual(seen, [6, 5, 4, 3, 2], "one pod a step, down to minReplicas")
    }

    func testLoadGrowsSpikesRepeatDailyAndUsagePastTheLimitIsAnOOMKill() {
        var traffic = Scenario.Traffic(target: "api", baseRPS: 20, spikes: [Scenario.Spike(at: 300, duration: 600, multiplier: 3, every: 86_400)])
        traffic.growth = 0.3
        traffic.growthPeriod = 30 * 86_400
        var scenario = Scenario()
        scenario.images = [Scenario.Image(match: "api:*", startupSeconds: 0, memoryBaselineMi: 100, memoryPerRequestMi: 20)]
        scenario.traffic = [traffic]
        let s0 = 1_000_000.0, labels = ["app": "api"]
        // +30% over 30 days, linearly; the spike comes back every day at +300 s for 600 s.
        func rate(_ elapsed: Double) -> Double { scenario.requestRate(for: labels, at: s0 + elapsed, start: s0) }
        func grown(_ elapsed: Double) -> Double { 20 * (1 + 0.3 * elapsed / 2_592_000) }
        XCTAssertEqual(rate(200), grown(200), accuracy: 1e-9)
        XCTAssertEqual(rate(15 * 86_400), 23, accuracy: 1e-9)
        XCTAssertEqual(rate(86_800), 3 * grown(86_800), accuracy: 1e-9, "the next day's spike")
        XCTAssertEqual(rate(87_300), grown(87_300), accuracy: 1e-9, "over after 600 s")

        // Two pods at 10 rps each use 300Mi, under the 512Mi limit; the spike's 30 rps each
        // would be 700Mi: the running containers are OOM-killed, not only new ones.
        let cluster = makeCluster(scenario)
        apply(cluster, Self.deployment(name: "api", image: "api:1", replicas: 2))
        func lastReasons() -> [String] {
            (get(cluster, "/api/v1/namespaces/default/pods")["items"]?.array ?? []).map {
                $0[path: ["status", "containerStatuses"]]?.array?.first?[path: ["lastState", "terminated", "reason"]]?.string ?? "-"
            }
        }
        cluster.advance(by: 240, step: 2)
        XCTAssertEqual(lastReasons(), ["-", "-"])
        cluster.advance(by: 120, step: 2)
        XCTAssertEqual(lastReasons(), ["OOMKilled", "OOMKilled"])
    }

    func testCronJobsRunOnScheduleAndForbidOverlaps() {
        let cluster = makeCluster()
        func cronJob(_ name: String, image: String) -> String {
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: \(name), namespace: default}
            spec:
              schedule: "*/5 * * * *"
              concurrencyPolicy: Forbid
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: job, image: "\(image)"}]
            """
        }
        apply(cluster, cronJob("reconcile", image: "busybox:1.36"))
        apply(cluster, cronJob("stuck", image: "nginx:1.27"))
        cluster.advance(by: 16 * 60, step: 5)
        let jobs = get(cluster, "/apis/batch/v1/namespaces/default/jobs")["items"]!.array!
        let reconcile = jobs.filter { $0[path: ["metadata", "name"]]?.string?.hasPrefix("reconcile-") ?? false }
        XCTAssertEqual(reconcile.compactMap { $0[path: ["metadata", "name"]]?.string }.sorted(),
                       ["reconcile-29459525", "reconcile-29459530", "reconcile-29459535"])
        XCTAssertTrue(reconcile.allSatisfy { ($0[path: ["status", "conditions"]]?.array ?? []).contains { $0["type"]?.string == "Complete" } })
        let stuck = jobs.filter { $0[path: ["metadata", "name"]]?.string?.hasPrefix("stuck-") ?? false }
        XCTAssertEqual(stuck.count, 1, "Forbid: the first job never finishes, so no other starts")
        let cj = get(cluster, "/apis/batch/v1/namespaces/default/cronjobs/reconcile")
        XCTAssertEqual(cj[path: ["status", "lastScheduleTime"]]?.string, "2026-01-05T00:15:00Z")
        XCTAssertNotNil(cj[path: ["status", "lastSuccessfulTime"]])
        XCTAssertEqual(get(cluster, "/apis/batch/v1/namespaces/default/cronjobs/stuck")[path: ["status", "active"]]?.array?.count, 1)
    }

    func testLogsMetricsAndTables() {
        let cluster = makeCluster()
        let deployment = Self.deployment(name: "backend", image: "todo-chatbot/backend:1.4.0", replicas: 2)
        apply(cluster, deployment)
        cluster.advance(by: 120, step: 2)
        let pod = pods(cluster)[0]
        let name = pod[path: ["metadata", "name"]]!.string!
        let log = request(cluster, "GET", "/api/v1/namespaces/default/pods/\(name)/log?tailLines=5").body.string ?? ""
        let lines = log.split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
        // Application lines carry their level; access lines are as a web server writes them.
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("[") || $0.hasPrefix("10.244.") && $0.contains(" HTTP/1.1\" 200 ") }, log)
        XCTAssertEqual(request(cluster, "GET", "/api/v1/namespaces/default/pods/\(name)/log?tailLines=5").body.string, log, "logs are deterministic")
        let stamped = request(cluster, "GET", "/api/v1/namespaces/default/pods/\(name)/log?tailLines=1&timestamps=true").body.string ?? ""
        XCTAssertTrue(stamped.hasPrefix("2026-01-05T00:0"), stamped)

        let metrics = get(cluster, "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods")["items"]!.array!
        XCTAssertEqual(metrics.count, 2)
        // The cpu follows base + per-request × rate. At 00:02, 14 h before the 14:00 peak, the
        // backend gets 40 × (1 + 0.5 × cos(2π × (0.0333 − 14) / 24)) ≈ 22.593 rps, 11.296 per
        // ready pod; todo-chatbot/backend uses 20m + 8m × 11.296 ≈ 110.3715m.
        let cpu = metrics[0][path: ["containers"]]!.array![0][path: ["usage", "cpu"]]!.string!
        XCTAssertEqual(cpu, "110371544n")

        let table = request(cluster, "GET", "/apis/apps/v1/namespaces/default/deployments",
                            accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json").body
        XCTAssertEqual(table["kind"]?.string, "Table")
        XCTAssertEqual(table["columnDefinitions"]?.array?.compactMap { $0["name"]?.string }.prefix(5),
                       ["Name", "Ready", "Up-to-date", "Available", "Age"])
        XCTAssertEqual(table["rows"]?.array?.first?["cells"]?.array?.prefix(5), ["backend", "2/2", 2, 2, "2m"])
    }
}
