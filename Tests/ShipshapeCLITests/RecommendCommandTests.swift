import Foundation
import TestSupport
import XCTest

/// `shipshape recommend` as engineers run it: the real binary, a real git repository holding
/// the chatbot chart, and a samples file.
final class RecommendCommandTests: XCTestCase {
    var work: URL!
    let git = Subprocess.find("git") ?? "/usr/bin/git"
    let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("recommend-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("charts"), withIntermediateDirectories: true)
        for item in ["charts/chatbot", "overlays", "policies", "shipshape.yaml"] {
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent(item), to: work.appendingPathComponent(item))
        }
        try run(["init", "-q", "-b", "main"])
        try run(["config", "user.name", "Test Engineer"])
        try run(["config", "user.email", "engineer@example.com"])
        try run(["add", "."])
        try run(["commit", "-q", "-m", "chart"])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(git, arguments, in: work)
        XCTAssertEqual(result.status, 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// `hours` of 5-minute samples of the backend: two pods at a steady `cpu` (0.18 core) and 300Mi.
    func writeSamples(hours: Int, cpu: String = "180m") throws {
        var csv = "time,namespace,workload,container,pod,cpu,memory,cpu_request,memory_request\n"
        for i in stride(from: 0, to: hours * 60, by: 5) {
            for pod in 0..<2 { csv += "\(1_795_000_000 + i * 60),chatbot-dev,backend-deployment,backend,backend-\(pod),\(cpu),300Mi,200m,256Mi\n" }
        }
        try csv.write(to: work.appendingPathComponent("usage.csv"), atomically: true, encoding: .utf8)
    }

    func testDryRunPrintsTheTableAndTheValuesDiff() throws {
        try writeSamples(hours: 72)
        let result = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", "usage.csv", "--dry-run"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        // p90 of 0.18 core = 0.195986 (bucket end) / 0.70 HPA target = 0.27998 → 280m (the HPA
        // scales on CPU: raised, never lowered); memory, which the HPA also scales on at 80%:
        // 300Mi's bucket end 311.4Mi / 0.80 = 389.3Mi → 400Mi, capped at +50%: 384Mi.
        XCTAssertTrue(result.stdout.contains("backend-deployment  backend    200m→280m"), result.stdout)
        XCTAssertTrue(result.stdout.contains("256Mi→384Mi"), result.stdout)
        XCTAssertTrue(result.stdout.contains("""
            --- a/charts/chatbot/values.yaml
            +++ b/charts/chatbot/values.yaml
            """), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n-      cpu: 200m\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n+      cpu: 280m\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n-    maxReplicas: 10\n+    maxReplicas: 3\n"), "two pods' load at most: 2 × 1.5 = 3\n\(result.stdout)")
        XCTAssertEqual(try run(["status", "--porcelain"]), "?? usage.csv\n", "a dry run writes nothing")
    }

    func testCommitThenRerunMakesOneCommit() throws {
        try writeSamples(hours: 72)
        let first = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", "usage.csv", "--commit", "-o", "json"], in: work)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("[shipshape/recommendations/dev (new branch) "), first.stdout)
        XCTAssertTrue(first.stdout.contains("\"recommended\": \"280m\""), first.stdout)
        let subject = try run(["log", "-1", "--format=%s", "shipshape/recommendations/dev"])
        XCTAssertTrue(subject.hasPrefix("backend: cpu request 200m→280m, memory request 256Mi→384Mi"), subject)
        let names = try run(["diff", "--name-only", "main", "shipshape/recommendations/dev"])
        XCTAssertEqual(names, "charts/chatbot/values.yaml\n")
        let trailers = try run(["log", "-1", "--format=%(trailers:key=Shipshape-Change,valueonly)", "shipshape/recommendations/dev"])
        XCTAssertTrue(trailers.contains("Deployment/backend-deployment spec.template.spec.containers[name=backend].resources.requests.cpu 200m→280m"), trailers)
        let again = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", "usage.csv", "--commit"], in: work)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("shipshape/recommendations/dev already holds this recommendation"), again.stdout)
        XCTAssertEqual(try run(["rev-list", "--count", "main..shipshape/recommendations/dev"]), "1\n")
    }

    func testANewRecommendationReplacesTheOpenBranchCommitUnlessSomeoneCommittedThere() throws {
        try writeSamples(hours: 72)
        XCTAssertEqual(try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", "usage.csv", "--commit"], in: work).status, 0)
        let first = try run(["rev-parse", "shipshape/recommendations/dev"])

        // Usage moved: the open branch now holds only the new recommendation, on main.
        try writeSamples(hours: 72, cpu: "200m")
        let second = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", "usage.csv", "--commit"], in: work)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try run(["rev-list", "--count", "main..shipshape/recommendations/dev"]), "1\n")
        XCTAssertNotEqual(try run(["rev-parse", "shipshape/recommendations/dev"]), first)
        let subject = try run(["log", "-1", "--format=%s", "shipshape/recommendations/dev"])
        XCTAssertFalse(subject.contains("200m→280m"), "the superseded recommendation is gone: \(subject)")
        XCTAssertEqual(try run(["diff", "--name-only", "main", "shipshape/recommendations/dev"]), "charts/chatbot/values.yaml\n")

        // A reviewer edits the values file on the branch: from then on Shipshape merges onto the
        // branch and never drops their line; where its own earlier line and the new one differ
        // on a branch a person touched, it stops and says so instead of choosing.
        try run(["checkout", "-q", "shipshape/recommendations/dev"])
        let values = work.appendingPathComponent("charts/chatbot/values.yaml")
        let reviewed = try String(contentsOf: values, encoding: .utf8)
            .replacingOccurrences(of: "# Values for the todo chatbot", with: "# Reviewed. Values for the todo chatbot")
        XCTAssertTrue(reviewed.contains("# Reviewed. Values"), "the chart's values open with a comment to edit")
        try reviewed.write(to: values, atomically: true, encoding: .utf8)
        try run(["commit", "-q", "-am", "review notes"])
        let reviewedTip = try run(["rev-parse", "HEAD"])
        try run(["checkout", "-q", "main"])

        let same = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", "usage.csv", "--commit"], in: work)
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.contains("already holds this recommendation"), "the branch's recommendation still stands: \(same.stdout)")
        XCTAssertEqual(try run(["rev-parse", "shipshape/recommendations/dev"]), reviewedTip)

        try writeSamples(hours: 72)
        let changed = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", "usage.csv", "--commit"], in: work)
        XCTAssertNotEqual(changed.status, 0, "a changed recommendation on lines a reviewed branch already changed is not forced")
        XCTAssertTrue(changed.stderr.contains("charts/chatbot/values.yaml"), changed.stderr)
        XCTAssertEqual(try run(["rev-parse", "shipshape/recommendations/dev"]), reviewedTip, "nothing of the reviewer's is lost")
    }

    func testTooLittleHistorySaysHowMuchMore() throws {
        try writeSamples(hours: 6)
        let result = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", "usage.csv", "--commit"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("backend-deployment/backend: too little history: 5.9 h of 24 h; needs about 18.1 h more"), result.stdout)
        XCTAssertTrue(result.stdout.contains("nothing to commit: no change reaches the significance threshold"), result.stdout)
        XCTAssertEqual(try run(["branch", "--list", "shipshape/*"]), "")
    }
}
