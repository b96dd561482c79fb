import Environment
import Foundation
import GitStore
import TestSupport
import XCTest
import YAML

/// The one pipeline on this repository's chart, dev overlay (values, generator, patches) and
/// policies, read from a work tree and from a git revision of the same files.
final class EnvironmentRendererTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var repo: String!

    override func setUpWithError() throws {
        repo = FileManager.default.temporaryDirectory.appendingPathComponent("environment-\(UUID().uuidString)").path
        for dir in ["charts", "overlays"] { try FileManager.default.createDirectory(atPath: repo + "/" + dir, withIntermediateDirectories: true) }
        for item in ["charts/chatbot", "overlays/dev", "policies", "shipshape.yaml"] {
            try FileManager.default.copyItem(atPath: Self.root.path + "/" + item, toPath: repo + "/" + item)
        }
        for args in [["init", "-q", "-b", "main"], ["add", "."], ["commit", "-qm", "environment"]] {
            let r = try Subprocess.run(Subprocess.find("git")!, ["-c", "user.name=T", "-c", "user.email=t@example.com"] + args, in: URL(fileURLWithPath: repo))
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: repo) }

    func dev() throws -> EnvironmentConfig.Environment {
        try EnvironmentConfig(yaml: try String(contentsOfFile: repo + "/shipshape.yaml", encoding: .utf8), file: "shipshape.yaml").environment("dev")
    }

    func revision() throws -> RevisionTree {
        try RevisionSource(location: ".", branch: "main", base: repo).headTree()
    }

    func testAWorkTreeAndItsCommitRenderTheSameObjectsAndFindings() throws {
        let env = try dev()
        let fromDisk = try EnvironmentRenderer(environment: env, tree: WorkTree(root: repo)).renderAndCheck(policies: env.policies, environment: "dev")
        let fromGit = try EnvironmentRenderer(environment: env, tree: try revision()).renderAndCheck(policies: env.policies, environment: "dev")
        XCTAssertEqual(YAMLEmitter.emitStream(fromDisk.values), YAMLEmitter.emitStream(fromGit.values))
        XCTAssertEqual(fromDisk.kustomization, "overlays/dev/kustomization.yaml")
        XCTAssertEqual(fromDisk.report?.findings.map(\.rule), fromGit.report?.findings.map(\.rule))
        XCTAssertEqual(fromDisk.report?.errors, 0)
    }

    func testEveryKustomizedObjectKnowsItsTemplateAndItsChartForm() throws {
        let rendered = try EnvironmentRenderer(environment: try dev(), tree: try revision()).render()
        let backend = try XCTUnwrap(rendered.objects.first { $0.object["kind"]?.string == "Deployment" && $0.object[path: ["metadata", "name"]]?.string == "backend-deployment" })
        XCTAssertEqual(backend.template, "charts/chatbot/templates/backend.yaml")
        XCTAssertEqual(backend.file, "overlays/dev/kustomization.yaml")
        // The strategic-merge patch (overlays/dev/backend-startup.yaml) set the startup budget after the chart.
        let threshold = { (o: Value?) in o?[path: ["spec", "template", "spec", "containers"]]?.array?.first?[path: ["startupProbe", "failureThreshold"]] }
        XCTAssertEqual(threshold(backend.object), .int(60))
        XCTAssertNotEqual(threshold(backend.chartObject), .int(60))
        XCTAssertEqual(backend.chartObject?[path: ["metadata", "labels", "environment"]], nil, "commonLabels come from the kustomization")
        XCTAssertEqual(backend.object[path: ["metadata", "labels", "environment"]]?.string, "dev")
        // The generated ConfigMap has no template.
        let generated = try XCTUnwrap(rendered.objects.first { $0.object[path: ["metadata", "name"]]?.string?.hasPrefix("chatbot-environment-") == true })
        XCTAssertNil(generated.template)
        XCTAssertNil(generated.chartObject)
    }

    func testAMissingPolicyFolderNamesTheTreeAndTheSetting() throws {
        let tree = try revision()
        XCTAssertThrowsError(try PolicyFiles.load("nope", in: tree)) { error in
            XCTAssertEqual("\(error)", "\(tree.name): no policies at nope (pass --policies DIR, or set environments.ENV.policies in shipshape.yaml)")
        }
        XCTAssertGreaterThan(try PolicyFiles.load("./policies/", in: tree).rules.count, 0)
    }
}
