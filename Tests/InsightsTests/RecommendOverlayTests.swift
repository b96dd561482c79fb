import Environment
import Foundation
import GitStore
import TestSupport
import XCTest
import YAML
@testable import Insights

/// Recommend sizes what reconcile applies: the environment rendered through its overlay's
/// kustomization, so a resource a kustomize patch sets is the current value, and the commit
/// edits the patch line that sets it (the values line would change nothing).
final class RecommendOverlayTests: XCTestCase {
    let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var repo: String!

    private func git(_ args: String...) throws -> String {
        let r = try Subprocess.run(Subprocess.find("git")!, ["-c", "user.name=T", "-c", "user.email=t@example.com"] + args, in: URL(fileURLWithPath: repo))
        XCTAssertEqual(r.status, 0, "git \(args.joined(separator: " ")): \(r.stderr)")
        return r.stdout
    }

    override func setUpWithError() throws {
        repo = FileManager.default.temporaryDirectory.appendingPathComponent("recommend-overlay-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: repo + "/charts", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: repo + "/overlays/dev", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repoRoot.path + "/charts/chatbot", toPath: repo + "/charts/chatbot")
        try """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: chatbot-dev
            patches:
              - path: backend-resources.yaml
                target: {kind: Deployment, name: backend-deployment}

            """.write(toFile: repo + "/overlays/dev/kustomization.yaml", atomically: true, encoding: .utf8)
        try """
            # dev's backend asks for more CPU than the chart's default.
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: backend-deployment
            spec:
              template:
                spec:
                  containers:
                    - name: backend
                      resources:
                        requests:
                          cpu: 300m   # set for dev

            """.write(toFile: repo + "/overlays/dev/backend-resources.yaml", atomically: true, encoding: .utf8)
        // Three days of two backend pods at a steady 0.3 core and 300Mi: above what the patched 300m holds at the HPA's 70% target (p90 0.305 / 0.70 → 440m).
        var csv = "time,namespace,workload,container,pod,cpu,memory,cpu_request,memory_request\n"
        for i in stride(from: 0, to: 72 * 60, by: 5) {
            for pod in 0..<2 { csv += "\(1_795_000_000 + i * 60),chatbot-dev,backend-deployment,backend,backend-\(pod),300m,300Mi,300m,256Mi\n" }
        }
        try csv.write(toFile: repo + "/usage.csv", atomically: true, encoding: .utf8)
        _ = try git("init", "-q", "-b", "main")
        _ = try git("add", "charts", "overlays")
        _ = try git("commit", "-qm", "chart and dev overlay")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: repo) }

    let environment = EnvironmentConfig.Environment(name: "dev", chart: "charts/chatbot", overlay: "overlays/dev", namespace: "chatbot-dev", releaseName: "chatbot")

    func testAValueSetByAKustomizePatchIsTheCurrentValueAndTheCommitEditsThePatchLine() throws {
        var session = RecommendSession(environment: environment, tree: WorkTree(root: repo), policy: RecommendPolicy())
        try session.addSamples(file: repo + "/usage.csv")
        let plan = try session.plan()
        let backend = try XCTUnwrap(plan.results.first { $0.key == "backend-deployment/backend" })
        XCTAssertEqual(backend.container.resourceTexts["requests.cpu"], "300m", "the patched request, not the chart's 200m")
        XCTAssertEqual(backend.resources.cpuRequest?.description, "440m")
        let cpu = try XCTUnwrap(plan.changes.first { $0.field.hasSuffix("resources.requests.cpu") })
        XCTAssertEqual(cpu.old, "300m")

        let commit = try XCTUnwrap(plan.commit)
        XCTAssertEqual(commit.files.keys.sorted(), ["charts/chatbot/values.yaml", "overlays/dev/backend-resources.yaml"])
        let cpuEdit = try XCTUnwrap(commit.edits.first { $0.change.field.hasSuffix("resources.requests.cpu") })
        XCTAssertEqual(cpuEdit.location, ValuesLocation(file: "overlays/dev/backend-resources.yaml",
                                                        path: try ValuePath(parsing: "spec.template.spec.containers[name=backend].resources.requests.cpu"),
                                                        line: "overlays/dev/backend-resources.yaml:13:20"))
        XCTAssertEqual(commit.diff().components(separatedBy: "\n").filter { $0.hasPrefix("-  ") || $0.hasPrefix("+  ") }
            .filter { $0.contains("cpu:") }, ["-              cpu: 300m   # set for dev", "+              cpu: 440m   # set for dev"])

        // Committed, the branch renders the recommended request through the same pipeline reconcile uses.
        let outcome = try commit.commit(base: "main")
        let branch = try XCTUnwrap(outcome.commit.commit)
        let repository = try Repository.discover(containing: repo)
        let applied = try EnvironmentRenderer(environment: environment, tree: RevisionTree(try TreeSnapshot(repository: repository, commit: branch))).render()
        let deployment = try XCTUnwrap(applied.values.first { $0[path: ["metadata", "name"]]?.string == "backend-deployment" && $0["kind"]?.string == "Deployment" })
        XCTAssertEqual(deployment[path: ["spec", "template", "spec", "containers"]]?.array?.first?[path: ["resources", "requests", "cpu"]]?.string, "440m")
    }

    func testRecommendRendersTheObjectsReconcileApplies() throws {
        let session = RecommendSession(environment: environment, tree: WorkTree(root: repo), policy: RecommendPolicy())
        let repository = try Repository.discover(containing: repo)
        let head = try XCTUnwrap(try RevisionResolver(repository).branchTip("main"))
        let reconciled = try EnvironmentRenderer(environment: environment, tree: RevisionTree(try TreeSnapshot(repository: repository, commit: head))).render()
        XCTAssertEqual(YAMLEmitter.emitStream(try session.render().values), YAMLEmitter.emitStream(reconciled.values))
    }
}
