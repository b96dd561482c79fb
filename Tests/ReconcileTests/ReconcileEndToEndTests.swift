import Environment
import Foundation
import KubeClient
import Reconcile
import XCTest
import YAML

/// The reconciler end to end: a real git repository, the Sandbox's API server over HTTP, and
/// the requests counted as they went over the wire.
final class ReconcileEndToEndTests: XCTestCase {
    var h: ReconcileHarness!

    override func setUpWithError() throws { h = try ReconcileHarness() }
    override func tearDown() { h?.shutdown() }

    private func image(_ deployment: Value) -> String? {
        deployment["spec"]?["template"]?["spec"]?["containers"]?.array?.first?["image"]?.string
    }

    private func replicas(_ deployment: Value) -> Int? {
        if case .int(let n)? = deployment["spec"]?["replicas"] { return Int(n) }
        return nil
    }

    func testFirstRunAppliesInDependencyOrderAndANoOpRunWritesNothing() throws {
        let first = try h.reconcile()
        XCTAssertEqual(first.outcome, .applied)
        XCTAssertTrue(first.applied.contains("apps/v1 Deployment chatbot-e2e/backend-deployment"))
        let kinds = first.applied.map { $0.split(separator: " ")[1] }
        let ranks = kinds.map { ApplyOrder.rank(String($0)) }
        XCTAssertEqual(ranks, ranks.sorted(), "applied in dependency order: \(kinds)")
        XCTAssertEqual(kinds.first, "ServiceAccount")
        XCTAssertEqual(kinds.last, "CronJob")
        let state = try h.state()
        XCTAssertEqual(state.lastHealthy, try h.git("rev-parse", "HEAD"))
        XCTAssertEqual(state.lastApplied, state.lastHealthy)
        XCTAssertNil(state.inProgress)
        XCTAssertEqual(state.inventory.count, first.applied.count)

        h.resetLog()
        let second = try h.reconcile()
        XCTAssertEqual(second.outcome, .inSync)
        XCTAssertEqual(second.exitCode, 0)
        XCTAssertEqual(h.writes, [], "a no-op reconcile writes nothing but its lease")
        let objectReads = h.requests.filter { $0.hasPrefix("GET ") && !$0.contains("?limit=") && !$0.contains("/leases/") }
            .filter { $0.contains("/namespaces/") }
        XCTAssertLessThanOrEqual(objectReads.count, 2, "live state comes from one LIST per kind, not a GET per object: \(objectReads)")
        let lists = h.requests.filter { $0.contains("?limit=") }
        XCTAssertEqual(lists.count, Set(kinds).count, "one LIST per kind")
    }

    func testDriftIsDetectedShownAndCorrected() throws {
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        let released = try XCTUnwrap(image(try h.deployment("backend-deployment")))
        // Out of band, as kubectl scale and kubectl set image would.
        let deployments = try h.api.resource(apiVersion: "apps/v1", kind: "Deployment")
        _ = try h.api.scale(deployments, name: "frontend-deployment", namespace: ReconcileHarness.namespace, replicas: 5)
        _ = try h.api.patch(deployments, name: "backend-deployment", namespace: ReconcileHarness.namespace,
                            patch: ["spec": ["template": ["spec": ["containers": [["name": "backend", "image": "todo-chatbot/backend:9.9.9"]]]]]],
                            type: .strategic, fieldManager: "kubectl-set")

        let diff = try h.reconciler().diff()
        XCTAssertEqual(diff.objects.map(\.object).sorted(), ["apps/v1 Deployment chatbot-e2e/backend-deployment",
                                                             "apps/v1 Deployment chatbot-e2e/frontend-deployment"])
        let fields = diff.objects.flatMap(\.fields).map(\.path).sorted()
        XCTAssertEqual(fields, ["spec.replicas", "spec.template.spec.containers[name=backend].image"])
        let backend = try XCTUnwrap(diff.objects.first { $0.object.hasSuffix("backend-deployment") })
        XCTAssertTrue(backend.unified.contains("-        image: todo-chatbot/backend:9.9.9\n+        image: \(released)"), backend.unified)

        let run = try h.reconcile()
        XCTAssertEqual(run.outcome, .applied)
        XCTAssertEqual(run.drift.sorted(), ["apps/v1 Deployment chatbot-e2e/backend-deployment: spec.template.spec.containers[name=backend].image",
                                            "apps/v1 Deployment chatbot-e2e/frontend-deployment: spec.replicas"])
        XCTAssertEqual(replicas(try h.deployment("frontend-deployment")), 2)
        XCTAssertEqual(image(try h.deployment("backend-deployment")), released)
        XCTAssertEqual(try h.state().runs.last?.outcome, "drift-corrected")
        XCTAssertEqual(try h.state().runs.last?.driftCorrected.count, 2)
        XCTAssertTrue(try h.reconciler().diff().isInSync)
    }

    func testDriftIsOnlyReportedWhenCorrectionIsOff() throws {
        h.shutdown()
        h = try ReconcileHarness(correctDrift: false)
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        let deployments = try h.api.resource(apiVersion: "apps/v1", kind: "Deployment")
        _ = try h.api.scale(deployments, name: "frontend-deployment", namespace: ReconcileHarness.namespace, replicas: 5)
        h.resetLog()
        let run = try h.reconcile()
        XCTAssertEqual(run.outcome, .driftReported)
        XCTAssertEqual(run.exitCode, 0)
        XCTAssertEqual(run.drift, ["apps/v1 Deployment chatbot-e2e/frontend-deployment: spec.replicas"])
        XCTAssertEqual(h.writes, [], "reported, not corrected")
        XCTAssertEqual(replicas(try h.deployment("frontend-deployment")), 5)
    }

    func testHPAScaleOutsAreNeverReverted() throws {
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        let deployments = try h.api.resource(apiVersion: "apps/v1", kind: "Deployment")
        // What the HPA controller does: write the scale subresource.
        _ = try h.api.scale(deployments, name: "backend-deployment", namespace: ReconcileHarness.namespace, replicas: 7)
        XCTAssertTrue(try h.reconciler().diff().isInSync, "an HPA's replicas are not drift")
        h.resetLog()
        XCTAssertEqual(try h.reconcile().outcome, .inSync)
        XCTAssertEqual(h.writes, [])
        XCTAssertFalse(ReplicaHandover.ownsReplicas(try h.deployment("backend-deployment"), manager: Reconciler.fieldManager),
                       "Shipshape never owns spec.replicas of an HPA target")
    }

    func testHandingADeploymentToANewHPAKeepsItsReplicas() throws {
        try h.commit("frontend: 3 replicas", overlay: .init(frontendReplicas: 3))
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        XCTAssertEqual(replicas(try h.deployment("frontend-deployment")), 3)
        XCTAssertTrue(ReplicaHandover.ownsReplicas(try h.deployment("frontend-deployment"), manager: Reconciler.fieldManager))

        try h.commit("frontend: autoscale", overlay: .init(frontendHPA: true, frontendReplicas: 3))
        let reconciler = try h.reconciler()
        var replicasWhenHPAArrives: Int?
        reconciler.beforeApply = { [h] _, name in
            if name.hasSuffix("frontend-hpa") { replicasWhenHPAArrives = self.replicas(try h!.deployment("frontend-deployment")) }
        }
        XCTAssertEqual(try reconciler.reconcile().outcome, .applied)
        XCTAssertEqual(replicasWhenHPAArrives, 3, "handing the Deployment to the HPA kept its 3 replicas (not the default 1)")
        let live = try h.deployment("frontend-deployment")
        XCTAssertFalse(ReplicaHandover.ownsReplicas(live, manager: Reconciler.fieldManager))
        // The handover manager holds spec.replicas until the HPA controller first scales, which
        // takes the field over (the Sandbox's clock runs, so that may already have happened).
        let owners = (live["metadata"]?["managedFields"]?.array ?? []).filter { $0["fieldsV1"]?["f:spec"]?["f:replicas"] != nil }.compactMap { $0["manager"]?.string }
        XCTAssertEqual(owners.count, 1, "\(owners)")
        XCTAssertTrue([ReplicaHandover.fieldManager, "kube-controller-manager"].contains(owners.first ?? ""), "\(owners)")

        // The control: dropping replicas from an applied configuration without the handover
        // does reset them, which is what the handover prevents.
        let control: Value = try ValueDecoder.decode("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: control, namespace: chatbot-e2e}
            spec:
              replicas: 3
              selector: {matchLabels: {app: control}}
              template:
                metadata: {labels: {app: control}}
                spec: {containers: [{name: main, image: nginx:1.27}]}
            """)
        _ = try h.api.apply(control, fieldManager: "control", force: true)
        guard case .object(var withoutReplicas) = control, case .object(var spec)? = withoutReplicas["spec"] else { return XCTFail() }
        spec.removeValue(forKey: "replicas")
        withoutReplicas["spec"] = .object(spec)
        _ = try h.api.apply(.object(withoutReplicas), fieldManager: "control", force: true)
        XCTAssertEqual(replicas(try h.deployment("control")), 1)
    }

    func testPruneRemovesOnlyOurObjects() throws {
        let extra = h.repo + "/charts/chatbot/templates/extra.yaml"
        try """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: extra-a}
            data: {k: a}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: extra-b}
            data: {k: b}

            """.write(toFile: extra, atomically: true, encoding: .utf8)
        try h.git("add", "-A")
        try h.commitAll("two extra ConfigMaps")
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        XCTAssertNotNil(try h.object("v1", "ConfigMap", "extra-a"))
        let foreign: Value = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "someone-elses", "namespace": "chatbot-e2e"],
                              "data": ["owner": "another team"]]
        _ = try h.api.create(foreign)
        let configMaps = try h.api.resource(apiVersion: "v1", kind: "ConfigMap")
        _ = try h.api.patch(configMaps, name: "extra-b", namespace: ReconcileHarness.namespace,
                            patch: ["metadata": ["annotations": ["shipshape.dev/prune": "disabled"]]], type: .merge)
        try h.git("rm", "-q", "charts/chatbot/templates/extra.yaml")
        try h.commitAll("drop the extra ConfigMaps")

        let diff = try h.reconciler().diff()
        XCTAssertEqual(diff.objects.map(\.object), ["v1 ConfigMap chatbot-e2e/extra-a"])
        XCTAssertEqual(diff.objects.first?.action, .prune)
        let run = try h.reconcile()
        XCTAssertEqual(run.outcome, .applied)
        XCTAssertEqual(run.pruned, ["v1/ConfigMap/chatbot-e2e/extra-a"])
        XCTAssertNil(try h.object("v1", "ConfigMap", "extra-a"))
        XCTAssertNotNil(try h.object("v1", "ConfigMap", "extra-b"), "opted out by annotation")
        XCTAssertNotNil(try h.object("v1", "ConfigMap", "someone-elses"), "never created by Shipshape, never pruned")
        XCTAssertNotNil(try h.object("v1", "ConfigMap", "shipshape-e2e-state"))
        let inventory = try h.state().inventory
        XCTAssertFalse(inventory.contains { $0.contains("extra-") || $0.hasSuffix("someone-elses") })
        h.resetLog()
        XCTAssertEqual(try h.reconcile().outcome, .inSync)
        XCTAssertEqual(h.writes, [])
    }

    func testABrokenImageTagIsRolledBackAndNotRetriedUntilANewerCommit() throws {
        let good = try h.git("rev-parse", "HEAD")
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        let released = image(try h.deployment("backend-deployment"))
        let bad = try h.commit("backend 1.5.0", overlay: .init(backendTag: "1.5.0-crash"))
        let run = try h.reconcile()
        guard case .rolledBack(let reason) = run.outcome else { return XCTFail("expected a rollback, got \(run.outcome)") }
        XCTAssertEqual(run.exitCode, 1)
        XCTAssertTrue(reason.contains("apps/v1 Deployment chatbot-e2e/backend-deployment"), reason)
        XCTAssertTrue(reason.contains("CrashLoopBackOff"), reason)
        XCTAssertTrue(reason.contains("pod backend-deployment-"), reason)
        XCTAssertTrue(reason.contains("events: "), reason)
        XCTAssertEqual(image(try h.deployment("backend-deployment")), released)
        let state = try h.state()
        XCTAssertEqual(state.lastHealthy, good)
        XCTAssertEqual(state.lastApplied, good)
        XCTAssertTrue(state.isFailed(bad))
        XCTAssertEqual(state.runs.suffix(2).map(\.outcome), ["failed", "rolled-back"])

        h.resetLog()
        let again = try h.reconcile()
        XCTAssertEqual(again.outcome, .skippedFailed(bad))
        XCTAssertEqual(h.writes, [], "the failed revision is not retried")

        let fixed = try h.commit("backend 1.5.1", overlay: .init(backendTag: "1.5.1"))
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        XCTAssertEqual(try h.state().lastHealthy, fixed)
        XCTAssertEqual(image(try h.deployment("backend-deployment")), "todo-chatbot/backend:1.5.1")
    }

    func testAnUnknownImageIsCaughtAsImagePullBackOff() throws {
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        let released = image(try h.deployment("frontend-deployment"))
        try h.commit("frontend from a typo'd registry", overlay: .init(frontendRepository: "todo-chatbot/frontnd"))
        let run = try h.reconcile()
        guard case .rolledBack(let reason) = run.outcome else { return XCTFail("expected a rollback, got \(run.outcome)") }
        XCTAssertTrue(reason.contains("ImagePullBackOff") || reason.contains("ErrImagePull"), reason)
        XCTAssertEqual(image(try h.deployment("frontend-deployment")), released)
    }

    func testManualRollbackMarksTheReplacedRevisionFailed() throws {
        let first = try h.git("rev-parse", "HEAD")
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        let released = image(try h.deployment("backend-deployment"))
        let second = try h.commit("backend 1.4.1", overlay: .init(backendTag: "1.4.1"))
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        let back = try h.reconciler().rollback(to: nil)
        XCTAssertEqual(back.outcome, .rolledBack(reason: "by hand"))
        XCTAssertEqual(back.revision, first)
        XCTAssertEqual(image(try h.deployment("backend-deployment")), released)
        XCTAssertTrue(try h.state().isFailed(second))
        XCTAssertEqual(try h.reconcile().outcome, .skippedFailed(second))
        XCTAssertEqual(image(try h.deployment("backend-deployment")), released)
    }

    func testAPolicyErrorStopsTheRunBeforeAnythingIsApplied() throws {
        try h.commit("backend on latest", overlay: .init(backendTag: "latest"))
        let run = try h.reconcile()
        guard case .blockedByPolicy(let findings) = run.outcome else { return XCTFail("expected a policy block, got \(run.outcome)") }
        XCTAssertEqual(run.exitCode, 3)
        XCTAssertFalse(findings.isEmpty)
        XCTAssertNil(try h.object("apps/v1", "Deployment", "backend-deployment"), "nothing applied")
    }
}

/// `shipshape diff` against the real tool: after out-of-band changes, the objects Shipshape
/// reports as drifted are exactly those `kubectl diff --server-side` reports for the same
/// manifests (applied as the same field manager), on the same cluster.
final class ReconcileKubectlDifferentialTests: XCTestCase {
    func testDriftedObjectsMatchKubectlDiff() throws {
        guard let kubectl = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map({ "\($0)/kubectl" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return XCTFail("kubectl is not installed (scripts/install-deps.sh installs it)")
        }
        let h = try ReconcileHarness()
        defer { h.shutdown() }
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        let deployments = try h.api.resource(apiVersion: "apps/v1", kind: "Deployment")
        _ = try h.api.scale(deployments, name: "frontend-deployment", namespace: ReconcileHarness.namespace, replicas: 4)
        _ = try h.api.patch(deployments, name: "backend-deployment", namespace: ReconcileHarness.namespace,
                            patch: ["spec": ["template": ["spec": ["containers": [["name": "backend", "image": "todo-chatbot/backend:9.9.9"]]]]]],
                            type: .strategic, fieldManager: "kubectl-set")
        let services = try h.api.resource(apiVersion: "v1", kind: "Service")
        _ = try h.api.patch(services, name: "backend-service", namespace: ReconcileHarness.namespace,
                            patch: ["metadata": ["labels": ["app.kubernetes.io/part-of": "someone-else"]]], type: .merge, fieldManager: "kubectl-label")
        // An HPA scale-out: not drift for either tool (the manifests carry no replicas for it).
        _ = try h.api.scale(deployments, name: "backend-deployment", namespace: ReconcileHarness.namespace, replicas: 6)

        // Controllers update the HPA's and the PDB's status as they run: between kubectl's read
        // of an object and its dry-run apply, such a write is a difference (1 run in ~25 failed
        // on it). Both tools read one cluster state with the clock stopped.
        h.server.pauseClock()
        defer { h.server.resumeClock() }
        let reconciler = try h.reconciler()
        let ours = Set(try reconciler.diff().objects.map(\.object))

        let source = try RevisionSource(location: ".", branch: "main", base: h.repo)
        let rendered = try EnvironmentRenderer(environment: h.environment, tree: try source.headTree()).render()
        let manifests = h.repo + "/desired.yaml"
        try YAMLEmitter.emitStream(DesiredState.prepare(rendered.values, namespace: ReconcileHarness.namespace))
            .write(toFile: manifests, atomically: true, encoding: .utf8)
        let kubeconfig = h.repo + "/kubeconfig"
        try h.server.writeKubeconfig(to: kubeconfig, namespace: ReconcileHarness.namespace)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectl)
        process.arguments = ["--kubeconfig", kubeconfig, "diff", "--server-side", "--field-manager=shipshape", "--force-conflicts", "-f", manifests]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, "kubectl diff found differences")
        // kubectl names each object `group.version.Kind.namespace.name` in its `diff -u -N` header.
        var theirs = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("diff -u -N ") {
            guard let last = line.split(separator: " ").last?.split(separator: "/").last else { continue }
            theirs.insert(String(last))
        }
        let ourFiles = Set(ours.map { name -> String in
            // `apps/v1 Deployment ns/name` → `apps.v1.Deployment.ns.name`
            let parts = name.split(separator: " ")
            return "\(parts[0].replacingOccurrences(of: "/", with: ".")).\(parts[1]).\(parts[2].replacingOccurrences(of: "/", with: "."))"
        })
        XCTAssertEqual(ourFiles, theirs, "kubectl diff output:\n\(text)")
        XCTAssertEqual(ourFiles.count, 3)
    }
}
