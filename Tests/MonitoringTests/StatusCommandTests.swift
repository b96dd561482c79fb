import Foundation
import Heal
import KubeClient
import Reconcile
import Sandbox
import TestSupport
import XCTest
import YAML

/// `shipshape status` as engineers run it — the real binary — against the Sandbox on loopback
/// with a stopped clock (deterministic under its seed), in the four states the users watch
/// for: healthy, overloaded, crash-looping and node pressure. The verdicts are exact.
final class StatusCommandTests: XCTestCase {
    /// 2026-01-05T00:00:00Z, as the other Sandbox tests start.
    static let start: Double = 1_767_571_200
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var work: URL!
    var server: SandboxServer!
    var cluster: Cluster!
    var api: KubeAPI!
    var kubeconfig: String { work.appendingPathComponent("sandbox.kubeconfig").path }

    /// The backend (HPA, both probes) and the frontend (readiness only, no HPA), as the users run them.
    static func manifests(backendImage: String = "todo-chatbot/backend:1.4.0", frontendCPULimit: String = "500m", backendMemoryRequest: String = "256Mi") -> [String] {
        ["""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: backend-deployment, namespace: chatbot-dev}
        spec:
          replicas: 2
          selector: {matchLabels: {app: backend}}
          template:
            metadata: {labels: {app: backend}}
            spec:
              containers:
              - name: backend
                image: \(backendImage)
                ports: [{containerPort: 8000}]
                resources: {requests: {cpu: 200m, memory: \(backendMemoryRequest)}, limits: {cpu: "1", memory: 1Gi}}
                readinessProbe: {httpGet: {path: /ready, port: 8000}, initialDelaySeconds: 5, periodSeconds: 5}
                livenessProbe: {httpGet: {path: /health, port: 8000}, initialDelaySeconds: 30, periodSeconds: 10}
        """, """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: backend-hpa, namespace: chatbot-dev}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: backend-deployment}
          minReplicas: 2
          maxReplicas: 5
          metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
        """, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: frontend-deployment, namespace: chatbot-dev}
        spec:
          replicas: 1
          selector: {matchLabels: {app: frontend}}
          template:
            metadata: {labels: {app: frontend}}
            spec:
              containers:
              - name: frontend
                image: todo-chatbot/frontend:1.0.0
                ports: [{containerPort: 3000}]
                resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: \(frontendCPULimit), memory: 256Mi}}
                readinessProbe: {httpGet: {path: /ready, port: 3000}, initialDelaySeconds: 5, periodSeconds: 5}
        """]
    }

    /// A repository holding shipshape.yaml and the policies (with status.yaml), and a Sandbox
    /// running `manifests` for `minutes` simulated minutes.
    func start(nodeMemory: String = "32Gi", manifests: [String] = StatusCommandTests.manifests(), minutes: Int = 10) throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("policies"), to: work.appendingPathComponent("policies"))
        try EnvironmentsFile.write(to: work)
        let scenario = try ScenarioLoader.parse(Scenario.defaultText.replacingOccurrences(of: "memory: 32Gi", with: "memory: \(nodeMemory)"))
        cluster = Cluster(scenario: scenario, start: Self.start, seed: 7)
        server = SandboxServer(cluster: cluster, speed: 1)
        let url = try server.start(port: 0, runClock: false)
        try server.writeKubeconfig(to: kubeconfig, namespace: "chatbot-dev")
        api = try KubeAPI(config: ClientConfig(server: url, namespace: "chatbot-dev"))
        _ = try api.apply(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "chatbot-dev"]], fieldManager: "test")
        for m in manifests { _ = try api.apply(try ValueDecoder.decode(m), fieldManager: "test") }
        cluster.advance(by: Double(minutes * 60), step: 5)
    }

    override func tearDown() {
        server?.shutdown()
        if let work { try? FileManager.default.removeItem(at: work) }
    }

    func status(_ extra: [String] = []) throws -> Subprocess.Result {
        try ShipshapeBinary.run(["status", "--env", "dev", "--kubeconfig", kubeconfig, "--context", "sandbox"] + extra, in: work)
    }

    func testHealthy() throws {
        try start()
        let r = try status()
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout, """
            ENVIRONMENT dev  NAMESPACE chatbot-dev  AT 2026-01-05T00:10:00Z  VERDICT OK
            reconcile: no run recorded
            heal: no heal state

            WORKLOAD             READY  RESTARTS/1H  CPU                      MEMORY                     HPA CUR/DESIRED (TARGET, MIN-MAX)  PROBES              VERDICT
            backend-deployment   2/2    0            109m/1000m 10% of limit  202Mi/1024Mi 19% of limit  2/2 (cpu 70%, 2-5)                 readiness,liveness  ok
            frontend-deployment  1/1    0            110m/500m 22% of limit   107Mi/256Mi 41% of limit   -                                  readiness           ok

            NODE     CONDITIONS  CPU  MEMORY  DISK  VERDICT
            sandbox  Ready       4%   1%      10%   ok

            """)
        let json = try JSONParser().parse(bytes: Array(try status(["-o", "json"]).stdout.utf8))
        XCTAssertEqual(json["verdict"]?.string, "ok")
        XCTAssertEqual(json["workloads"]?.array?[0][path: ["hpa", "maxReplicas"]]?.intValue, 5)
        XCTAssertEqual(json["nodes"]?.array?[0][path: ["conditions", "Ready"]]?.string, "True")
    }

    /// At 00:10 the frontend gets 60 × (1 + 0.5 cos(2π (0.1667 − 14) / 24)) = 33.39 requests/s:
    /// 10m + 3m × 33.39 = 110m of its 120m limit, 91%.
    func testOverloaded() throws {
        try start(manifests: Self.manifests(frontendCPULimit: "120m"))
        let r = try status(["-o", "json"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        let json = try JSONParser().parse(bytes: Array(r.stdout.utf8))
        XCTAssertEqual(json["verdict"]?.string, "over")
        XCTAssertEqual(json["workloads"]?.array?[0][path: ["verdict"]]?.string, "ok")
        XCTAssertEqual(json["workloads"]?.array?[1][path: ["verdict"]]?.string, "over")
        XCTAssertEqual(json["workloads"]?.array?[1][path: ["problems"]], ["CPU 91% of limit ≥ 80%"])
    }

    /// The crashing build exits 5 s after its 3 s start, and the kubelet restarts it with back-off.
    func testCrashLooping() throws {
        try start(manifests: Self.manifests(backendImage: "todo-chatbot/backend:1.4.0-crash"))
        let r = try status(["-o", "json"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        let json = try JSONParser().parse(bytes: Array(r.stdout.utf8))
        XCTAssertEqual(json["verdict"]?.string, "unhealthy")
        XCTAssertEqual(json["workloads"]?.array?[0][path: ["verdict"]]?.string, "unhealthy")
        XCTAssertEqual(json["workloads"]?.array?[0][path: ["problems"]], ["0/2 ready", "CrashLoopBackOff", "12 restarts in the last hour"])
        XCTAssertEqual(json["workloads"]?.array?[1][path: ["verdict"]]?.string, "ok")
        XCTAssertEqual(json["nodes"]?.array?[0][path: ["verdict"]]?.string, "ok")
    }

    /// Two backends at 180Mi + 2Mi × 11.13 requests/s and the frontend at 90Mi + 0.5Mi × 33.39:
    /// 511Mi of the node's 560Mi, 91%, over the nodes' 90% memory threshold. The requests
    /// (2 × 128Mi + 128Mi) fit, so the scheduler places every pod: usage over requests is how
    /// a node comes under memory pressure.
    func testNodePressure() throws {
        try start(nodeMemory: "560Mi", manifests: Self.manifests(backendMemoryRequest: "128Mi"))
        let r = try status(["-o", "json"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        let json = try JSONParser().parse(bytes: Array(r.stdout.utf8))
        XCTAssertEqual(json["verdict"]?.string, "over")
        XCTAssertEqual(json["workloads"]?.array?[0][path: ["verdict"]]?.string, "ok")
        XCTAssertEqual(json["workloads"]?.array?[1][path: ["verdict"]]?.string, "ok")
        XCTAssertEqual(json["nodes"]?.array?[0][path: ["verdict"]]?.string, "over")
        XCTAssertEqual(json["nodes"]?.array?[0][path: ["problems"]], ["memory 91% ≥ 90%"])
    }

    /// The last reconcile run and the heal job's state, read from their ConfigMaps.
    func testReconcileAndHealVerdictsComeFromTheirConfigMaps() throws {
        try start()
        // What a reconcile that rolled back records (ReconcileState's own encoding).
        let state = try ReconcileState(decoding: #"{"lastApplied":"3f2a9c1d0e","lastHealthy":null,"inProgress":null,"failures":[],"inventory":[],"runs":[{"revision":"3f2a9c1d0e","at":"2026-01-05T00:05:00Z","outcome":"rolled-back","applied":3,"pruned":0,"driftCorrected":[]}]}"#)
        _ = try api.apply(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "shipshape-dev-state", "namespace": "chatbot-dev"],
                           "data": ["state.json": .string(try state.encoded())]], fieldManager: "test")
        // What heal records after escalating a crash loop (HealState's own encoding).
        var heal = HealState()
        heal.faults["crash-loop/Deployment/backend-deployment/backend"] = HealState.Fault(
            id: "crash-loop/Deployment/backend-deployment/backend", faultClass: .crashLoop, workload: WorkloadRef(kind: "Deployment", name: "backend-deployment"),
            container: "backend", severity: .critical, summary: "container backend keeps crashing", since: 1_767_571_500, detectedAt: 1_767_571_560,
            lastSeen: 1_767_571_560, escalated: true)
        heal.faults["node-pressure/Node/sandbox/MemoryPressure"] = HealState.Fault(
            id: "node-pressure/Node/sandbox/MemoryPressure", faultClass: .nodePressure, workload: WorkloadRef(kind: "Node", name: "sandbox"),
            container: "MemoryPressure", severity: .warning, summary: "node sandbox reports MemoryPressure", since: nil, detectedAt: 1_767_571_560, lastSeen: 1_767_571_560)
        heal.runs = [HealState.Run(at: 1_767_571_560, findings: 2, actions: [], resolved: [], escalated: ["crash-loop/Deployment/backend-deployment/backend"])]
        _ = try api.apply(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "shipshape-dev-heal", "namespace": "chatbot-dev"],
                           "data": ["heal.json": .string(try heal.encoded())]], fieldManager: "test")
        let r = try status(["-o", "json"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        let json = try JSONParser().parse(bytes: Array(r.stdout.utf8))
        XCTAssertEqual(json["reconcile"], ["last": "rolled-back 3f2a9c1 at 2026-01-05T00:05:00Z", "verdict": "unhealthy"])
        // The node condition is heal's report only; the escalated crash loop is open.
        XCTAssertEqual(json["heal"], ["last": "1 open, 1 escalated: crash-loop/Deployment/backend-deployment/backend (last run 2026-01-05T00:06:00Z)",
                                      "verdict": "unhealthy"])
        XCTAssertEqual(json["verdict"]?.string, "unhealthy")
    }

    func testThresholdsComeFromPoliciesStatusYAML() throws {
        try start()
        let file = work.appendingPathComponent("policies/status.yaml")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "cpu: 80%", with: "cpu: 10%").write(to: file, atomically: true, encoding: .utf8)
        let r = try status(["-o", "json"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        let json = try JSONParser().parse(bytes: Array(r.stdout.utf8))
        XCTAssertEqual(json["workloads"]?.array?[0][path: ["problems"]], ["CPU 10% of limit ≥ 10%"])
        try "kind: StatusPolicy\npods: {cpu: lots}\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try status()
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "Error: policies/status.yaml: pods.cpu must be a percentage like 80%\n")
    }
}
