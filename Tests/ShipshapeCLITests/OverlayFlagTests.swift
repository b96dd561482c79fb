import Foundation
import TestSupport
import XCTest

/// `--overlay` on `shipshape render` and `shipshape check`, through the real binary: the
/// overlay's values.yaml is layered in, its kustomization applied, and errors name the
/// kustomization line.
final class OverlayFlagTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    var chart: String { Self.repository.appendingPathComponent("charts/chatbot").path }
    var policies: String { Self.repository.appendingPathComponent("policies").path }
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-flag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func overlay(_ kustomization: String, values: String? = nil) throws -> String {
        let path = dir.appendingPathComponent("overlay")
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        try Data(kustomization.utf8).write(to: path.appendingPathComponent("kustomization.yaml"))
        if let values { try Data(values.utf8).write(to: path.appendingPathComponent("values.yaml")) }
        return path.path
    }

    func testRenderWithOverlayEqualsKubectlKustomizeOfTheRenderedChart() throws {
        let overlay = try overlay("namespace: chatbot-prod\nnameSuffix: -prod\ncommonAnnotations:\n  env: prod\n",
                                  values: "backend:\n  image:\n    tag: 9.9.9\n")
        let ours = try ShipshapeBinary.run(["render", chart, "--overlay", overlay])
        XCTAssertEqual(ours.status, 0, ours.stderr)
        XCTAssertTrue(ours.stdout.contains(":9.9.9"), "the overlay's values.yaml is layered over the chart's")

        let plain = try ShipshapeBinary.run(["render", chart, "-f", overlay + "/values.yaml"])
        let reference = dir.appendingPathComponent("reference")
        try FileManager.default.createDirectory(at: reference, withIntermediateDirectories: true)
        try Data(plain.stdout.utf8).write(to: reference.appendingPathComponent("rendered.yaml"))
        try Data("resources:\n- rendered.yaml\nnamespace: chatbot-prod\nnameSuffix: -prod\ncommonAnnotations:\n  env: prod\n".utf8)
            .write(to: reference.appendingPathComponent("kustomization.yaml"))
        let kubectl = try Subprocess.run(try XCTUnwrap(Subprocess.find("kubectl")), ["kustomize", reference.path])
        XCTAssertEqual(kubectl.status, 0, kubectl.stderr)
        XCTAssertEqual(ours.stdout, kubectl.stdout)
    }

    func testCheckWithOverlayChecksTheKustomizedObjects() throws {
        let clean = try overlay("namespace: chatbot-dev\n")
        let ok = try ShipshapeBinary.run(["check", chart, "--overlay", clean, "--policies", policies])
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)

        let pinnedToLatest = try overlay("images:\n- name: todo-chatbot/backend\n  newTag: latest\n")
        let bad = try ShipshapeBinary.run(["check", chart, "--overlay", pinnedToLatest, "--policies", policies])
        XCTAssertEqual(bad.status, 1, bad.stdout + bad.stderr)
        XCTAssertTrue(bad.stdout.contains("[images.pinned]"), bad.stdout)
    }

    func testOverlayErrorsNameTheKustomizationLine() throws {
        let broken = try overlay("namespace: x\npatches:\n- target:\n    kind: Deployment\n  patch: |-\n    - op: remove\n      path: /spec/nothing\n")
        let r = try ShipshapeBinary.run(["render", chart, "--overlay", broken])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains(broken + "/kustomization.yaml:3:3: patches[0]: apps/v1 Deployment chatbot-dev/"), r.stderr)
        XCTAssertEqual(r.stdout, "", "nothing is printed when the overlay fails")
    }

    /// `--trace` follows a field through the overlay's kustomization: to the patch line that
    /// sets it, or to the values line when the chart decides it.
    func testTraceWithOverlayNamesThePatchLineOrTheValuesLine() throws {
        let overlay = Repository.overlay("dev").path
        let field = "apps/v1/Deployment/backend-deployment:spec.template.spec.containers[name=backend]"
        let patched = try ShipshapeBinary.run(["render", Repository.chart, "--release-name", "chatbot", "--overlay", overlay,
                                               "--trace", field + ".startupProbe.failureThreshold"])
        XCTAssertEqual(patched.status, 0, patched.stderr)
        XCTAssertEqual(patched.stdout, "\(overlay)/backend-startup.yaml:11:31 spec.template.spec.containers[name=backend].startupProbe.failureThreshold = 60\n")
        let valued = try ShipshapeBinary.run(["render", Repository.chart, "--release-name", "chatbot", "--overlay", overlay,
                                              "--trace", "v1/ConfigMap/backend-config:data.LOG_LEVEL"])
        XCTAssertEqual(valued.status, 0, valued.stderr)
        XCTAssertEqual(valued.stdout, "\(overlay)/values.yaml:12:16 backend.config.LOG_LEVEL = debug\n")
    }
}
