import XCTest
import YAML
@testable import Sandbox

/// Faults the kubelet and scheduler play out from the pod spec and the scenario, as a node
/// shows them: probe kills during slow startup, containers waiting on missing configuration,
/// pods that do not fit the node, apps that hang or never become ready.
final class KubeletFaultTests: SandboxTestCase {
    private func scenario(_ images: String, node: String = "") throws -> Scenario {
        try ScenarioLoader.parse(node + "images:\n" + images)
    }

    /// A bare pod `name` with one container `main` of `image`; `container` adds indented fields.
    private static func pod(_ name: String, image: String, container: String = "", spec: String = "") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name), namespace: default, labels: {app: \(name)}}
        spec:
          terminationGracePeriodSeconds: 5
        \(spec)  containers:
          - name: main
            image: \(image)
            ports: [{name: http, containerPort: 8080}]
        \(container)
        """
    }

    private func pod(_ cluster: Cluster, _ name: String) -> Value {
        get(cluster, "/api/v1/namespaces/default/pods/\(name)")
    }

    private func container(_ cluster: Cluster, _ name: String) -> Value {
        pod(cluster, name)[path: ["status", "containerStatuses"]]?.array?.first ?? .null
    }

    /// The pod's events as `type reason "message" xCOUNT`, oldest first.
    private func events(_ cluster: Cluster, _ name: String) -> [String] {
        let items = get(cluster, "/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3D\(name)")["items"]?.array ?? []
        return items.map {
            "\($0["type"]?.string ?? "") \($0["reason"]?.string ?? "") \"\($0["message"]?.string ?? "")\" x\($0["count"]?.intValue ?? 0)"
        }
    }

    private func time(_ seconds: Double) -> String { Timestamp.format(Self.start + seconds) }

    private func condition(_ pod: Value, _ type: String) -> Value? {
        pod[path: ["status", "conditions"]]?.array?.first { $0["type"]?.string == type }
    }

    // MARK: 1. Liveness and startup probes

    func testLivenessProbeKillsAContainerThatStartsTooSlowly() throws {
        let cluster = makeCluster(try scenario("  - {match: \"slow:*\", startup: 2m}\n"))
        apply(cluster, Self.pod("slow", image: "slow:1", container: """
                livenessProbe: {httpGet: {path: /healthz, port: http}, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3}
            """))
        let ip = "10.244.0.2"
        let liveness = "Warning Unhealthy \"Liveness probe failed: Get \"http://\(ip):8080/healthz\": dial tcp \(ip):8080: connect: connection refused\""
        let killing = "Normal Killing \"Container main failed liveness probe, will be restarted\""
        // Probes at 10, 20, 30 s are refused: killed at 30 s; SIGKILL after the 5 s grace.
        cluster.advance(by: 31)
        var c = container(cluster, "slow")
        XCTAssertEqual(c["restartCount"]?.intValue, 0)
        XCTAssertEqual(c[path: ["state", "running", "startedAt"]]?.string, time(0))
        XCTAssertEqual(c["ready"]?.boolValue, true, "no readiness probe: ready once started, as on a node")
        XCTAssertEqual(Array(events(cluster, "slow").suffix(2)), ["\(liveness) x3", "\(killing) x1"])

        cluster.advance(by: 5)  // t+36: the first restart is immediate, at 35 s
        c = container(cluster, "slow")
        XCTAssertEqual(c["restartCount"]?.intValue, 1)
        XCTAssertEqual(c[path: ["state", "running", "startedAt"]]?.string, time(35))
        XCTAssertEqual(c[path: ["lastState", "terminated", "exitCode"]]?.intValue, 137)
        XCTAssertEqual(c[path: ["lastState", "terminated", "reason"]]?.string, "Error")
        XCTAssertEqual(c[path: ["lastState", "terminated", "startedAt"]]?.string, time(0))
        XCTAssertEqual(c[path: ["lastState", "terminated", "finishedAt"]]?.string, time(35))

        cluster.advance(by: 39)  // t+75: killed at 65, exited at 70, backing off 10 s
        c = container(cluster, "slow")
        XCTAssertEqual(c["restartCount"]?.intValue, 1)
        XCTAssertEqual(c[path: ["state", "waiting", "reason"]]?.string, "CrashLoopBackOff")
        XCTAssertEqual(c[path: ["state", "waiting", "message"]]?.string,
                       "back-off 10s restarting failed container=main pod=slow_default(\(pod(cluster, "slow")[path: ["metadata", "uid"]]!.string!))")
        XCTAssertEqual(c[path: ["lastState", "terminated", "finishedAt"]]?.string, time(70))
        XCTAssertEqual(c["ready"]?.boolValue, false)

        cluster.advance(by: 6)  // t+81: restarted at 80
        c = container(cluster, "slow")
        XCTAssertEqual(c["restartCount"]?.intValue, 2)
        XCTAssertEqual(c[path: ["state", "running", "startedAt"]]?.string, time(80))
        XCTAssertEqual(events(cluster, "slow"), [
            "Normal Scheduled \"Successfully assigned default/slow to sandbox\" x1",
            "Normal Pulled \"Container image \"slow:1\" already present on machine\" x1",
            "Normal Created \"Created container: main\" x3",
            "Normal Started \"Started container main\" x3",
            "\(liveness) x6",
            "\(killing) x2",
            "Normal Pulled \"Container image \"slow:1\" already present on machine and container will be restarted\" x2",
            "Warning BackOff \"Back-off restarting failed container main in pod slow_default(\(pod(cluster, "slow")[path: ["metadata", "uid"]]!.string!))\" x1",
        ])
    }

    func testStartupProbeHoldsOffLivenessAndReadinessUntilTheAppStarts() throws {
        let cluster = makeCluster(try scenario("  - {match: \"slow:*\", startup: 45s}\n"))
        apply(cluster, Self.pod("guarded", image: "slow:1", container: """
                startupProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 10, failureThreshold: 6}
                livenessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 10, failureThreshold: 1}
                readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 5}
            """))
        // Startup probes at 0..40 s are refused, the one at 50 s passes.
        cluster.advance(by: 49)
        var c = container(cluster, "guarded")
        XCTAssertEqual(c["started"]?.boolValue, false)
        XCTAssertEqual(c["ready"]?.boolValue, false)
        XCTAssertEqual(condition(pod(cluster, "guarded"), "Ready")?["status"]?.string, "False")
        XCTAssertEqual(events(cluster, "guarded").last,
                       "Warning Unhealthy \"Startup probe failed: Get \"http://10.244.0.2:8080/healthz\": dial tcp 10.244.0.2:8080: connect: connection refused\" x5")
        cluster.advance(by: 2)
        c = container(cluster, "guarded")
        XCTAssertEqual(c["started"]?.boolValue, true)
        XCTAssertEqual(c["ready"]?.boolValue, true, "the readiness probe at 50 s passes")
        XCTAssertEqual(condition(pod(cluster, "guarded"), "Ready")?["status"]?.string, "True")
        cluster.advance(by: 300)
        c = container(cluster, "guarded")
        XCTAssertEqual(c["restartCount"]?.intValue, 0, "liveness never ran before the app listened")
        XCTAssertFalse(events(cluster, "guarded").contains { $0.contains("Liveness") || $0.contains("Readiness") || $0.contains("Killing") })
    }

    func testStartupProbeKillsAfterItsOwnBudget() throws {
        let cluster = makeCluster(try scenario("  - {match: \"slow:*\", startup: 45s}\n"))
        apply(cluster, Self.pod("impatient", image: "slow:1", container: """
                startupProbe: {tcpSocket: {port: 8080}, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3}
                readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 5}
            """))
        // Startup probes at 5, 15, 25 s refused: killed at 25 s, SIGKILL at 30 s.
        cluster.advance(by: 31)
        let c = container(cluster, "impatient")
        XCTAssertEqual(c["restartCount"]?.intValue, 1)
        XCTAssertEqual(c["started"]?.boolValue, false)
        XCTAssertEqual(c[path: ["lastState", "terminated", "exitCode"]]?.intValue, 137)
        XCTAssertEqual(c[path: ["lastState", "terminated", "finishedAt"]]?.string, time(30))
        let probeEvents = events(cluster, "impatient").filter { $0.contains("Unhealthy") || $0.contains("Killing") }
        XCTAssertEqual(probeEvents, [
            "Warning Unhealthy \"Startup probe failed: dial tcp 10.244.0.2:8080: connect: connection refused\" x3",
            "Normal Killing \"Container main failed startup probe, will be restarted\" x1",
        ], "readiness is not probed before the container has started")
    }

    // MARK: 2. CreateContainerConfigError

    func testMissingConfigMapKeyHoldsTheContainerUntilTheKeyExists() throws {
        let cluster = makeCluster(try scenario("  - {match: \"app:*\", startup: 1s}\n"))
        apply(cluster, Self.pod("configured", image: "app:1", container: """
                env:
                - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}
                envFrom:
                - {secretRef: {name: optional-creds, optional: true}}
            """))
        cluster.advance(by: 2)
        var c = container(cluster, "configured")
        XCTAssertEqual(c[path: ["state", "waiting"]], ["reason": "CreateContainerConfigError", "message": "configmap \"settings\" not found"])
        XCTAssertEqual(pod(cluster, "configured")[path: ["status", "phase"]]?.string, "Pending")
        XCTAssertEqual(events(cluster, "configured").last, "Warning Failed \"Error: configmap \"settings\" not found\" x1")

        apply(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\ndata: {other: x}\n")
        cluster.advance(by: 1)
        c = container(cluster, "configured")
        XCTAssertEqual(c[path: ["state", "waiting", "message"]]?.string, "couldn't find key mode in ConfigMap default/settings")
        XCTAssertEqual(events(cluster, "configured").last, "Warning Failed \"Error: couldn't find key mode in ConfigMap default/settings\" x1")

        apply(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\ndata: {other: x, mode: fast}\n")
        cluster.advance(by: 1)
        c = container(cluster, "configured")
        XCTAssertEqual(c[path: ["state", "running", "startedAt"]]?.string, time(4))
        XCTAssertEqual(pod(cluster, "configured")[path: ["status", "phase"]]?.string, "Running")
        XCTAssertEqual(c["restartCount"]?.intValue, 0)
    }

    func testMissingSecretInEnvFromIsAConfigError() throws {
        let cluster = makeCluster(try scenario("  - {match: \"app:*\"}\n"))
        apply(cluster, Self.pod("secretive", image: "app:1", container: """
                envFrom:
                - {secretRef: {name: creds}}
            """))
        cluster.advance(by: 3)
        XCTAssertEqual(container(cluster, "secretive")[path: ["state", "waiting"]],
                       ["reason": "CreateContainerConfigError", "message": "secret \"creds\" not found"])
        XCTAssertEqual(Tables.cells("Pod", pod(cluster, "secretive"), now: cluster.now)[2].string, "CreateContainerConfigError")
    }

    // MARK: 3. Unschedulable pods

    func testPodThatDoesNotFitStaysPendingUntilCapacityFrees() throws {
        let cluster = makeCluster(try scenario("  - {match: \"app:*\"}\n", node: "node: {cpu: \"2\", memory: 1Gi}\n"))
        func sized(_ name: String, memory: String) -> String {
            Self.pod(name, image: "app:1", container: "    resources: {requests: {cpu: 500m, memory: \(memory)}}\n")
        }
        apply(cluster, sized("big", memory: "768Mi"))
        cluster.advance(by: 1)
        apply(cluster, sized("late", memory: "512Mi"))
        cluster.advance(by: 2)
        let message = "0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
        var late = pod(cluster, "late")
        XCTAssertNil(late[path: ["spec", "nodeName"]])
        XCTAssertEqual(late["status"], [
            "phase": "Pending",
            "conditions": [["type": "PodScheduled", "status": "False", "lastProbeTime": .null, "lastTransitionTime": .string(time(2)),
                            "reason": "Unschedulable", "message": .string(message)]],
            "qosClass": "Burstable",
        ])
        XCTAssertEqual(events(cluster, "late"), ["Warning FailedScheduling \"\(message)\" x1"])
        XCTAssertEqual(pod(cluster, "big")[path: ["status", "phase"]]?.string, "Running")

        request(cluster, "DELETE", "/api/v1/namespaces/default/pods/big")
        cluster.advance(by: 1)
        late = pod(cluster, "late")
        XCTAssertEqual(late[path: ["spec", "nodeName"]]?.string, "sandbox")
        XCTAssertEqual(condition(late, "PodScheduled")?["status"]?.string, "True")
        XCTAssertEqual(late[path: ["status", "startTime"]]?.string, time(4))
        XCTAssertEqual(late[path: ["status", "phase"]]?.string, "Running")
        XCTAssertEqual(events(cluster, "late").prefix(2), [
            "Warning FailedScheduling \"\(message)\" x1",
            "Normal Scheduled \"Successfully assigned default/late to sandbox\" x1",
        ])
    }

    func testRequestsBeyondCpuAndMemoryNameBoth() throws {
        let cluster = makeCluster(try scenario("  - {match: \"app:*\"}\n", node: "node: {cpu: \"2\", memory: 1Gi}\n"))
        apply(cluster, Self.pod("huge", image: "app:1", container: "    resources: {requests: {cpu: \"3\", memory: 2Gi}}\n"))
        cluster.advance(by: 1)
        XCTAssertEqual(condition(pod(cluster, "huge"), "PodScheduled")?["message"]?.string,
                       "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.")
    }

    // MARK: 4. Stuck pods, 5. never ready

    func testStuckPodHangsUntilDeletedAndItsReplacementIsHealthy() throws {
        let cluster = makeCluster(try scenario("""
              - match: "api:*"
                startup: 5s
                stuck: {after: 10m, pods: 1}

            """))
        let probes = "        readinessProbe: {httpGet: {path: /ready, port: 80}, periodSeconds: 10, failureThreshold: 3}\n"
            + "        livenessProbe: {httpGet: {path: /health, port: 80}, initialDelaySeconds: 10, periodSeconds: 10}\n"
        apply(cluster, Self.deployment(name: "api", image: "api:1", replicas: 1) + "\n" + probes)
        cluster.advance(by: 20)
        var stuck = pods(cluster, selector: "app=api")
        XCTAssertEqual(stuck.count, 1)
        let name = stuck[0][path: ["metadata", "name"]]!.string!
        XCTAssertEqual(container(cluster, name)["ready"]?.boolValue, true)
        // The container started at t+1 and hangs 10m later: the readiness probes at 601, 611
        // and 621 s time out, so it is not Ready from 621 s; liveness keeps passing.
        cluster.advance(by: 620 - 20)
        XCTAssertEqual(container(cluster, name)["ready"]?.boolValue, true)
        cluster.advance(by: 2)
        var c = container(cluster, name)
        XCTAssertEqual(c["ready"]?.boolValue, false)
        XCTAssertEqual(c["restartCount"]?.intValue, 0)
        XCTAssertNotNil(c[path: ["state", "running"]])
        let ip = stuck[0][path: ["status", "podIP"]]!.string!
        XCTAssertEqual(events(cluster, name).last,
                       "Warning Unhealthy \"Readiness probe failed: Get \"http://\(ip):80/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\" x3")
        cluster.advance(by: 3600)
        XCTAssertEqual(get(cluster, "/apis/apps/v1/namespaces/default/deployments/api")[path: ["status", "availableReplicas"]]?.intValue ?? 0, 0)
        c = container(cluster, name)
        XCTAssertEqual(c["restartCount"]?.intValue, 0, "liveness passes: the kubelet never restarts a hung app")
        XCTAssertEqual(c["ready"]?.boolValue, false)

        request(cluster, "DELETE", "/api/v1/namespaces/default/pods/\(name)")
        cluster.advance(by: 20)
        stuck = pods(cluster, selector: "app=api")
        XCTAssertEqual(stuck.count, 1)
        let replacement = stuck[0][path: ["metadata", "name"]]!.string!
        XCTAssertNotEqual(replacement, name)
        cluster.advance(by: 3600)
        XCTAssertEqual(container(cluster, replacement)["ready"]?.boolValue, true, "only the first pod of the image hangs")
        XCTAssertEqual(get(cluster, "/apis/apps/v1/namespaces/default/deployments/api")[path: ["status", "availableReplicas"]]?.intValue, 1)
    }

    func testNeverReadyImageFailsReadinessForever() throws {
        let cluster = makeCluster(try scenario("  - {match: \"app:*\", startup: 5s, ready: false}\n"))
        apply(cluster, Self.pod("unready", image: "app:1", container: """
                readinessProbe: {httpGet: {path: /ready, port: 8080}, initialDelaySeconds: 10, periodSeconds: 10}
            """))
        cluster.advance(by: 61)
        let c = container(cluster, "unready")
        XCTAssertEqual(c["ready"]?.boolValue, false)
        XCTAssertEqual(c["started"]?.boolValue, true)
        XCTAssertEqual(c["restartCount"]?.intValue, 0)
        XCTAssertEqual(condition(pod(cluster, "unready"), "Ready")?["reason"]?.string, "ContainersNotReady")
        XCTAssertEqual(events(cluster, "unready").last, "Warning Unhealthy \"Readiness probe failed: HTTP probe failed with statuscode: 503\" x6")
    }

    func testNeverReadyRolloutExceedsItsProgressDeadline() throws {
        let cluster = makeCluster(try scenario("  - {match: \"app:*\", startup: 5s, ready: false}\n"))
        let deployment = Self.deployment(name: "unready", image: "app:2", replicas: 1)
            .replacingOccurrences(of: "  replicas: 1\n", with: "  replicas: 1\n  progressDeadlineSeconds: 30\n")
            + "\n        readinessProbe: {httpGet: {path: /ready, port: 80}, periodSeconds: 5}\n"
        apply(cluster, deployment)
        cluster.advance(by: 40)
        let progressing = get(cluster, "/apis/apps/v1/namespaces/default/deployments/unready")[path: ["status", "conditions"]]?.array?
            .first { $0["type"]?.string == "Progressing" }
        XCTAssertEqual(progressing?["status"]?.string, "False")
        XCTAssertEqual(progressing?["reason"]?.string, "ProgressDeadlineExceeded")
        let name = pods(cluster, selector: "app=unready")[0][path: ["metadata", "name"]]!.string!
        XCTAssertEqual(container(cluster, name)["restartCount"]?.intValue, 0)
    }

    func testScenarioFieldsParseAndRejectNonsense() throws {
        let s = try scenario("  - {match: \"a:*\", stuck: {after: 10m, pods: 2}, ready: false}\n")
        XCTAssertEqual(s.images[0].stuckAfterSeconds, 600)
        XCTAssertEqual(s.images[0].stuckPods, 2)
        XCTAssertEqual(s.images[0].ready, false)
        XCTAssertThrowsError(try scenario("  - {match: \"a:*\", stuck: {pods: 2}}\n")) {
            XCTAssertEqual("\($0)", "scenario.yaml: images[0].stuck.after: required (a duration such as 10m)")
        }
        XCTAssertThrowsError(try scenario("  - {match: \"a:*\", ready: maybe}\n")) {
            XCTAssertEqual("\($0)", "scenario.yaml: images[0].ready: expected true or false")
        }
    }
}
