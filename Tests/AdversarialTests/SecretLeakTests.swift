import Foundation
import TestSupport
import XCTest

/// Secret values never reach output at any verbosity: reconcile and rollback log lines (a
/// CronJob's logs), check findings in text and SARIF, and `--v 8` request bodies.
final class SecretLeakTests: HostileTestCase {
    let secret = """
        apiVersion: v1
        kind: Secret
        metadata: {name: backend-credentials}
        stringData: {password: hunter2}

        """
    /// Every form the two passwords could take in output: clear and base64.
    let leaks = ["hunter2", "aHVudGVyMg", "correct-horse", "Y29ycmVjdC1ob3JzZQ"]

    func assertNoLeak(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for leak in leaks { XCTAssertFalse(text.contains(leak), "\(what) shows \(leak):\n\(text)", file: file, line: line) }
    }

    func environmentCommand(_ command: String, _ extra: [String] = []) throws -> Outcome {
        try shipshape([command, "--env", "dev", "--config", work.appendingPathComponent("repo/shipshape.yaml").path,
                       "--kubeconfig", kubeconfig, "--context", "sandbox"] + extra)
    }

    /// Drift correction and a rotation print which Secret field changed, as `*** (before)` →
    /// `*** (after)`, never the values; rollback likewise.
    func testReconcileAndRollbackNeverPrintSecretValues() throws {
        try startSandbox(["--speed", "30"])
        try makeRepository(extraFiles: ["charts/chatbot/templates/secret.yaml": secret])
        var r = try environmentCommand("reconcile")
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        assertNoLeak(r.stdout + r.stderr, "the first reconcile")

        // Rotation in git: the next reconcile applies it and names the field only.
        let file = work.appendingPathComponent("repo/charts/chatbot/templates/secret.yaml")
        try secret.replacingOccurrences(of: "hunter2", with: "correct-horse").write(to: file, atomically: true, encoding: .utf8)
        try git(["commit", "-q", "-am", "rotate the password"])
        r = try environmentCommand("reconcile")
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("applied v1 Secret chatbot-dev/backend-credentials: data.password: *** (before) → *** (after)"), r.stdout)
        assertNoLeak(r.stdout + r.stderr, "reconcile after a rotation")

        // Drift: someone edits the Secret in the cluster; the reconcile corrects it, masked.
        let patch = #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"backend-credentials","namespace":"chatbot-dev"},"stringData":{"password":"hunter2"}}"#
        try patch.write(to: work.appendingPathComponent("drift.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try shipshape(["kube", "apply", "-f", "drift.json", "--kubeconfig", kubeconfig, "--field-manager", "someone"]).status, 0)
        r = try environmentCommand("reconcile", ["--v", "8"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        assertNoLeak(r.stdout + r.stderr, "drift correction at --v 8")

        r = try environmentCommand("rollback")
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        assertNoLeak(r.stdout + r.stderr, "rollback")
    }

    /// A field rule on a Secret's data reports the path and `***`, in text, JSON and SARIF.
    func testCheckFindingsOnSecretsMaskTheValue() throws {
        try """
            apiVersion: shipshape.dev/v1
            kind: PolicySet
            metadata: {name: secrets}
            rules:
              - id: secrets.no-default-password
                kind: field
                severity: error
                description: Passwords are not the default.
                message: "{detail}"
                params: {path: stringData.password, op: notEquals, value: hunter2}

            """.write(to: work.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
        try secret.write(to: work.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
        for output in ["text", "json", "sarif"] {
            let r = try shipshape(["check", "--manifests", "secret.yaml", "--policies", "policy.yaml", "-o", output])
            XCTAssertEqual(r.status, 1, "\(output): \(r.stderr)")
            XCTAssertTrue(r.stdout.contains("stringData.password is ***"), "\(output): \(r.stdout)")
            assertNoLeak(r.stdout + r.stderr, "check -o \(output)")
        }
    }

    /// `--v 8` logs request bodies: a Secret whose stringData is a list (invalid, but sent
    /// as written) is masked whole.
    func testVerboseBodiesMaskStringDataOfAnyShape() throws {
        try startSandbox()
        try """
            apiVersion: v1
            kind: Secret
            metadata: {name: odd, namespace: default}
            stringData: [hunter2, correct-horse]

            """.write(to: work.appendingPathComponent("odd.yaml"), atomically: true, encoding: .utf8)
        let r = try shipshape(["kube", "apply", "-f", "odd.yaml", "--kubeconfig", kubeconfig, "--v", "8"])
        XCTAssertFalse(r.timedOut)
        XCTAssertTrue(r.stderr.contains("\"stringData\":\"<redacted>\""), r.stderr)
        assertNoLeak(r.stdout + r.stderr, "kube apply --v 8")
    }
}
