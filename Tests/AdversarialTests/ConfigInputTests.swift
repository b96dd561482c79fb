import Foundation
import TestSupport
import XCTest

/// Broken configuration and paths: an error that names the setting or file and the cause,
/// never a silent default, a guess or a doubled prefix.
final class ConfigInputTests: HostileTestCase {
    func config(_ dev: String) throws -> URL {
        let repo = try makeRepository()
        try """
            apiVersion: shipshape.dev/v1
            kind: Environments
            environments:
              dev:
            \(dev)

            """.write(to: repo.appendingPathComponent("shipshape.yaml"), atomically: true, encoding: .utf8)
        return repo
    }

    func testMistypedSettingsAreErrorsNamingTheSetting() throws {
        let base = "    chart: charts/chatbot\n    namespace: chatbot-dev\n"
        let cases: [(String, String)] = [
            (base + "    reconcile: {healthTimeout: .inf}", "environments.dev.reconcile.healthTimeout must be a duration like 90s or 5m, at most 24h, got .inf"),
            (base + "    reconcile: {prune: \"yes\"}", "environments.dev.reconcile.prune must be true or false, got \"yes\""),
            (base + "    overlay: 5", "environments.dev.overlay must be a string, got 5"),
            ("    chart: charts/chatbot\n    namespace: \"\"", "environments.dev.namespace is required"),
        ]
        for (dev, message) in cases {
            try? FileManager.default.removeItem(at: work.appendingPathComponent("repo"))
            let repo = try config(dev)
            let r = try shipshape(["diff", "--env", "dev", "--config", repo.appendingPathComponent("shipshape.yaml").path], in: repo)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertEqual(r.stderr, "Error: \(repo.appendingPathComponent("shipshape.yaml").path): \(message)\n")
        }
    }

    func testANonexistentOverlayIsAnError() throws {
        let repo = try makeRepository()
        let r = try shipshape(["render", "charts/chatbot", "--overlay", "overlays/nope"], in: repo)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "Error: overlay overlays/nope: no such folder in \(repo.path); check the overlay path (it is relative to the repository root)\n")
    }

    func testReadingAFolderOrAMissingFileSaysWhich() throws {
        try FileManager.default.createDirectory(at: work.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        var r = try shipshape(["values", "get", "folder.yaml", "a"])
        XCTAssertEqual(r.stderr, "Error: folder.yaml: cannot read the file: it is a folder, not a file\n")
        r = try shipshape(["values", "get", "missing.yaml", "a"])
        XCTAssertEqual(r.stderr, "Error: missing.yaml: cannot read the file: no such file\n")
        let repo = try makeRepository()
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("samples"), withIntermediateDirectories: true)
        r = try shipshape(["recommend", "--env", "dev", "--samples", "samples", "--dry-run"], in: repo)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(r.stderr, "Error: samples: cannot read the samples file: it is a folder, not a file\n")
    }

    /// `kind: List`, as kubectl accepts it: its items are applied.
    func testKubeApplyAcceptsAList() throws {
        try startSandbox()
        try """
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: one, namespace: default}}
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: two, namespace: default}}

            """.write(to: work.appendingPathComponent("list.yaml"), atomically: true, encoding: .utf8)
        let r = try shipshape(["kube", "apply", "-f", "list.yaml", "--kubeconfig", kubeconfig])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "configmap/one serverside-applied\nconfigmap/two serverside-applied\n")
    }

    /// An overlay file that is a symlink out of the repository is refused, as kustomize's
    /// load restrictor refuses it, so nothing outside reaches the rendered output.
    func testOverlaySymlinksOutOfTheRepositoryAreRefused() throws {
        let repo = try makeRepository()
        let outside = work.appendingPathComponent("outside.yaml")
        try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: leak}\n".write(to: outside, atomically: true, encoding: .utf8)
        let overlay = repo.appendingPathComponent("overlays/x")
        try FileManager.default.createDirectory(at: overlay, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: overlay.appendingPathComponent("extra.yaml").path, withDestinationPath: outside.path)
        try "resources:\n- extra.yaml\n".write(to: overlay.appendingPathComponent("kustomization.yaml"), atomically: true, encoding: .utf8)
        let r = try shipshape(["render", "charts/chatbot", "--overlay", "overlays/x"], in: repo)
        XCTAssertEqual(r.status, 1, r.stderr)
        let real = URL(fileURLWithPath: outside.path).resolvingSymlinksInPath().path, root = URL(fileURLWithPath: repo.path).resolvingSymlinksInPath().path
        XCTAssertEqual(r.stderr, "Error: overlays/x/extra.yaml: security; file '\(real)' is not in or below '\(root)' (a symlink leads out of the repository; kustomize refuses it too)\n")
        XCTAssertFalse(r.stdout.contains("leak"))
    }
}
