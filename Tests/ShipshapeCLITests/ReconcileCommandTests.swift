import Foundation
import TestSupport
import XCTest

/// `shipshape diff`, `reconcile`, `history --env` and `rollback` as a Job and an engineer run
/// them: the real binary, against `shipshape sandbox` (a separate process serving the API on
/// loopback) and a real git repository. What is checked is what a caller sees: output and
/// exit status.
final class ReconcileCommandTests: XCTestCase {
    var work: URL!
    var sandbox: Process!
    var kubeconfig: String { work.appendingPathComponent("sandbox.kubeconfig").path }
    var config: String { work.appendingPathComponent("repo/shipshape.yaml").path }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-cli-reconcile-\(UUID().uuidString)")
        let repo = work.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("charts/chatbot"), to: repo.appendingPathComponent("charts/chatbot"))
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("policies"), to: repo.appendingPathComponent("policies"))
        try """
            apiVersion: shipshape.dev/v1
            kind: Environments
            environments:
              dev:
                chart: charts/chatbot
                namespace: chatbot-dev
                releaseName: chatbot
                cluster: {context: minikube}
                source: {repository: ., branch: main}
                policies: policies
                reconcile: {prune: true, healthTimeout: 60s, rollback: true, correctDrift: true}

            """.write(toFile: config, atomically: true, encoding: .utf8)
        try """
            apiVersion: v1
            kind: Secret
            metadata: {name: backend-credentials}
            stringData: {password: hunter2}

            """.write(to: repo.appendingPathComponent("charts/chatbot/templates/secret.yaml"), atomically: true, encoding: .utf8)
        try git("init", "-q", "-b", "main")
        try git("add", "-A")
        try git("commit", "-q", "-m", "initial")

        sandbox = Process()
        sandbox.executableURL = URL(fileURLWithPath: ShipshapeBinary.path)
        sandbox.arguments = ["sandbox", "--port", "0", "--speed", "30", "--kubeconfig", kubeconfig]
        sandbox.standardOutput = FileHandle.nullDevice
        try sandbox.run()
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: kubeconfig) { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: kubeconfig), "shipshape sandbox wrote its kubeconfig")
    }

    override func tearDown() {
        if let sandbox, sandbox.isRunning { sandbox.terminate(); sandbox.waitUntilExit() }
        if let work { try? FileManager.default.removeItem(at: work) }
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let r = try Subprocess.run("/usr/bin/env", ["git", "-c", "user.name=T", "-c", "user.email=t@example.com"] + arguments,
                                   in: work.appendingPathComponent("repo"))
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `shipshape COMMAND --env dev --config … --kubeconfig … --context sandbox EXTRA…`
    func shipshape(_ command: String, _ extra: [String] = [], env: String = "dev") throws -> Subprocess.Result {
        try ShipshapeBinary.run([command, "--env", env, "--config", config, "--kubeconfig", kubeconfig, "--context", "sandbox"] + extra)
    }

    func testDiffReconcileHistoryAndRollbackExitCodes() throws {
        var r = try shipshape("diff")
        XCTAssertEqual(r.status, 1, "differences before the first reconcile: \(r.stderr)")
        XCTAssertTrue(r.stdout.contains("+++ desired/apps.v1.Deployment.chatbot-dev.backend-deployment"), r.stdout)
        XCTAssertTrue(r.stdout.contains("+  password: '*** (after)'"), r.stdout)
        XCTAssertFalse(r.stdout.contains("hunter2") || r.stdout.contains("aHVudGVyMg"), "Secret values never printed")

        r = try shipshape("reconcile")
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("created apps/v1 Deployment chatbot-dev/backend-deployment"), r.stdout)
        XCTAssertTrue(r.stdout.contains("result: applied"), r.stdout)
        XCTAssertFalse(r.stdout.contains("hunter2") || r.stdout.contains("aHVudGVyMg"))

        r = try shipshape("diff")
        XCTAssertEqual(r.status, 0, "in sync after the reconcile (stringData compared as stored): \(r.stdout)")
        XCTAssertEqual(r.stdout, "")
        r = try shipshape("diff", ["-o", "json"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("\"inSync\": true"), r.stdout)

        // A new password in git: the diff says it changed without showing either value.
        let secret = work.appendingPathComponent("repo/charts/chatbot/templates/secret.yaml")
        try String(contentsOf: secret, encoding: .utf8).replacingOccurrences(of: "hunter2", with: "correct-horse")
            .write(to: secret, atomically: true, encoding: .utf8)
        try git("commit", "-q", "-am", "rotate the password")
        r = try shipshape("diff")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("*** (before)") && r.stdout.contains("*** (after)"), r.stdout)
        XCTAssertFalse(r.stdout.contains("hunter2") || r.stdout.contains("correct-horse") || r.stdout.contains("aHVudGVyMg"))
        r = try shipshape("diff", ["-o", "json"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("\"path\": \"data.password\""), r.stdout)
        XCTAssertFalse(r.stdout.contains("aHVudGVyMg") || r.stdout.contains("Y29ycmVjdC1ob3JzZQ"), "JSON fields are masked too")
        XCTAssertEqual(try shipshape("reconcile").status, 0)

        r = try shipshape("history")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("last healthy: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("\"rotate the password\""), r.stdout)

        r = try shipshape("rollback")
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("\"initial\""), r.stdout)
        r = try shipshape("reconcile")
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("marked failed"), "the rolled-back revision is not re-applied: \(r.stdout)")

        // In the cluster there is no shipshape.yaml on disk: it is read from the repository.
        r = try Subprocess.run("/usr/bin/env", ["SHIPSHAPE_REPOSITORY=" + work.appendingPathComponent("repo").path, "SHIPSHAPE_BRANCH=main",
                                                ShipshapeBinary.path, "diff", "--env", "dev", "--kubeconfig", kubeconfig, "--context", "sandbox"],
                               in: work)
        XCTAssertEqual(r.status, 1, "shipshape.yaml read from SHIPSHAPE_REPOSITORY's branch head: \(r.stdout)\(r.stderr)")
        XCTAssertTrue(r.stdout.contains("+++ desired/v1.Secret.chatbot-dev.backend-credentials"),
                      "the head (rolled back by hand) still differs from the cluster in the password: \(r.stdout)")

        r = try shipshape("diff", env: "staging")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no environment \"staging\" in shipshape.yaml (known: dev)"), r.stderr)
    }

    /// The reconcile CronJob: shipshape.yaml and the revisions come from a remote (file://)
    /// mirrored under SHIPSHAPE_CACHE_DIR, the Job's only writable folder; the current and the
    /// temporary directories stay empty.
    func testReconcileFromARemoteWritesOnlyUnderTheCacheDirectory() throws {
        let remote = work.appendingPathComponent("remote.git").path
        let cwd = work.appendingPathComponent("cwd"), tmp = work.appendingPathComponent("tmp"), cache = work.appendingPathComponent("cache")
        for dir in [cwd, tmp] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        try git("clone", "-q", "--bare", ".", remote)
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SHIPSHAPE_") }
        env["SHIPSHAPE_REPOSITORY"] = "file://" + remote
        env["SHIPSHAPE_CACHE_DIR"] = cache.path
        env["TMPDIR"] = tmp.path
        let r = try ShipshapeBinary.run(["reconcile", "--env", "dev", "--kubeconfig", kubeconfig, "--context", "sandbox"], in: cwd, environment: env)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("result: applied"), r.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cwd.path), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.path), ["git"])
    }

    /// The loop the issue promises: usage → a recommendation commit → review (a merge) → the
    /// next reconcile applies exactly the new requests.
    func testARecommendationCommitIsWhatTheNextReconcileApplies() throws {
        XCTAssertEqual(try shipshape("reconcile").status, 0)
        let repo = work.appendingPathComponent("repo")
        // Three days of the backend at a steady 0.18 core and 300Mi on two pods: under the HPA the
        // requests are raised to its targets (280m for 70% CPU; 384Mi, +50% capped, for 80% memory).
        var csv = "time,namespace,workload,container,pod,cpu,memory,cpu_request,memory_request\n"
        for minute in stride(from: 0, to: 72 * 60, by: 5) {
            for pod in 0..<2 { csv += "\(1_795_000_000 + minute * 60),chatbot-dev,backend-deployment,backend,backend-\(pod),180m,300Mi,200m,256Mi\n" }
        }
        try csv.write(to: work.appendingPathComponent("usage.csv"), atomically: true, encoding: .utf8)

        let recommend = try ShipshapeBinary.run(["recommend", "--env", "dev", "--config", config, "--samples",
                                                 work.appendingPathComponent("usage.csv").path, "--commit"], in: repo)
        XCTAssertEqual(recommend.status, 0, recommend.stdout + recommend.stderr)
        XCTAssertEqual(try git("diff", "--name-only", "main", "shipshape/recommendations/dev"), "charts/chatbot/values.yaml")
        try git("merge", "-q", "--ff-only", "shipshape/recommendations/dev")

        let r = try shipshape("reconcile")
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("spec.template.spec.containers[name=backend].resources.requests.cpu: 200m → 280m"), r.stdout)
        let live = try ShipshapeBinary.run(["kube", "get", "deployment", "backend-deployment", "-n", "chatbot-dev", "-o", "json",
                                            "--kubeconfig", kubeconfig])
        XCTAssertEqual(live.status, 0, live.stderr)
        XCTAssertTrue(live.stdout.contains("\"cpu\": \"280m\""), live.stdout)
        XCTAssertTrue(live.stdout.contains("\"memory\": \"384Mi\""), live.stdout)
        XCTAssertEqual(try shipshape("diff").status, 0, "in sync with the merged recommendation")
    }
}
