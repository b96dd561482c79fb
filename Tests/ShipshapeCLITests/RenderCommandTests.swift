import TestSupport
import Foundation
import XCTest

/// `shipshape render` and `shipshape check` as engineers run them: the real binary on the
/// repository's chart and on charts written into temp directories.
final class RenderCommandTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    var chart: String { Self.repository.appendingPathComponent("charts/chatbot").path }
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testTheUmbrellaChartRendersEveryWorkloadAndJob() throws {
        let r = try ShipshapeBinary.run(["render", chart, "--release-name", "chatbot", "-n", "chatbot-dev"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for name in ["kind: Deployment\nmetadata:\n  name: backend-deployment", "name: frontend-deployment", "name: backend-service",
                     "name: backend-hpa", "name: backend-pdb", "name: shipshape-reconcile", "name: shipshape-recommend",
                     "concurrencyPolicy: Forbid", "app.kubernetes.io/instance: chatbot"] {
            XCTAssertTrue(r.stdout.contains(name), "missing \(name)")
        }
        XCTAssertFalse(r.stdout.contains("replicas: 2\n  revisionHistoryLimit"), "an HPA owns the replicas, so the Deployment sets none")
        XCTAssertFalse(r.stdout.contains("NOTES"), "NOTES.txt is not a manifest")
        // The same flags give the same bytes.
        XCTAssertEqual(try ShipshapeBinary.run(["render", chart, "--release-name", "chatbot", "-n", "chatbot-dev"]).stdout, r.stdout)
    }

    func testDisablingTheHPAPutsReplicasBackAndShowOnlyFilters() throws {
        let r = try ShipshapeBinary.run(["render", chart, "--set", "backend.hpa.enabled=false", "--set", "backend.replicaCount=3",
                                         "-s", "templates/backend.yaml"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("spec:\n  replicas: 3\n"), r.stdout)
        XCTAssertFalse(r.stdout.contains("frontend-deployment"))
        XCTAssertFalse(r.stdout.contains("HorizontalPodAutoscaler"))
    }

    /// `-a` is a string slice as in Helm (`-a a,b -a c`), and `.Capabilities.APIVersions` is a
    /// plain list with `.Has`; kind-level entries exist only when `-a` adds them.
    func testAPIVersionsFlagSplitsOnCommas() throws {
        let chart = dir.appendingPathComponent("caps")
        try FileManager.default.createDirectory(at: chart.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "apiVersion: v2\nname: caps\nversion: 0.1.0\n".write(to: chart.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        try #"""
            a: {{ has "x.io/v1" .Capabilities.APIVersions }} {{ .Capabilities.APIVersions.Has "y.io/v2" }} {{ .Capabilities.APIVersions.Has "z.io/v3" }}
            ic: {{ .Capabilities.APIVersions.Has "networking.k8s.io/v1/IngressClass" }} {{ .Capabilities.KubeVersion }}
            """#.write(to: chart.appendingPathComponent("templates/t.yaml"), atomically: true, encoding: .utf8)
        let plain = try ShipshapeBinary.run(["render", chart.path])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(plain.stdout, "---\n# Source: caps/templates/t.yaml\na: false false false\nic: false v1.36.0\n")
        let r = try ShipshapeBinary.run(["render", chart.path, "-a", "x.io/v1,y.io/v2", "--api-versions", "z.io/v3,networking.k8s.io/v1/IngressClass"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "---\n# Source: caps/templates/t.yaml\na: true true true\nic: true v1.36.0\n")
    }

    func testTraceNamesTheValuesLine() throws {
        let r = try ShipshapeBinary.run(["render", chart, "--trace",
                                         "apps/v1/Deployment/backend-deployment:spec.template.spec.containers[name=backend].resources.limits.memory"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let values = try String(contentsOfFile: chart + "/values.yaml", encoding: .utf8).components(separatedBy: "\n")
        let line = try XCTUnwrap(r.stdout.split(separator: " ").first).split(separator: ":")
        XCTAssertEqual(line.count, 3, r.stdout)
        let lineNumber = Int(line[1])!, column = Int(line[2])!
        XCTAssertTrue(r.stdout.hasSuffix("backend.resources.limits.memory = 1Gi\n"), r.stdout)
        XCTAssertEqual(String(values[lineNumber - 1].dropFirst(column - 1)).hasPrefix("1Gi"), true, "line \(lineNumber) column \(column) is the value")
    }

    func testOutputDirGetsHelmsLayoutAndNothingOnError() throws {
        let out = dir.appendingPathComponent("out").path
        let ok = try ShipshapeBinary.run(["render", chart, "--output-dir", out])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/chatbot/templates/backend.yaml"))
        XCTAssertTrue(ok.stdout.contains("wrote \(out)/chatbot/templates/backend.yaml"), ok.stdout)
        let failing = dir.appendingPathComponent("failing").path
        let bad = try ShipshapeBinary.run(["render", chart, "--set", "backend.probes=null", "--output-dir", failing])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("at '/backend': missing property 'probes'"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: failing), "nothing is written when rendering fails")
    }

    func testCheckPassesTheChartAndFailsABrokenOverride() throws {
        let ok = try ShipshapeBinary.run(["check", chart, "--policies", Self.repository.appendingPathComponent("policies").path])
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        let bad = try ShipshapeBinary.run(["check", chart, "--set", "backend.image.tag=latest",
                                           "--policies", Self.repository.appendingPathComponent("policies").path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains(#"\#(chart): apps/v1 Deployment chatbot-dev/backend-deployment: container "backend" uses image todo-chatbot/backend:latest; pin a version tag or digest [images.pinned]"#), bad.stdout)
    }
}
