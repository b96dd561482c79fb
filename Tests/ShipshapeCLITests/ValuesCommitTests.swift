import Foundation
import TestSupport
import XCTest

/// `shipshape values set --commit [--branch] [--push]` against real repositories made with git.
final class ValuesCommitTests: XCTestCase {
    var root: URL!
    var work: URL!
    var remote: URL!
    let git = Subprocess.find("git") ?? "/usr/bin/git"

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("values-commit-\(UUID().uuidString)")
        work = root.appendingPathComponent("work")
        remote = root.appendingPathComponent("remote.git")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try run(["init", "-q", "--bare", remote.path], in: root)
        try run(["init", "-q", "-b", "main"], in: work)
        try run(["config", "user.name", "Test Engineer"], in: work)
        try run(["config", "user.email", "engineer@example.com"], in: work)
        try run(["remote", "add", "origin", remote.path], in: work)
        try """
            backend:
              resources:
                limits:
                  cpu: 1000m     # raised after the March load test
                  memory: 1Gi

            """.write(to: work.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        try run(["add", "values.yaml"], in: work)
        try run(["commit", "-q", "-m", "initial values"], in: work)
        try run(["push", "-q", "origin", "main"], in: work)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    @discardableResult
    func run(_ arguments: [String], in dir: URL) throws -> String {
        let result = try Subprocess.run(git, arguments, in: dir)
        XCTAssertEqual(result.status, 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func testCommitOnANewBranchOfARealRemoteIsOneChangedLineWithItsTrailer() throws {
        let before = try String(contentsOf: work.appendingPathComponent("values.yaml"), encoding: .utf8)
        let result = try ShipshapeBinary.run(["values", "set", "values.yaml", "backend.resources.limits.memory", "768Mi",
                                              "--type", "quantity", "--commit", "--branch", "shipshape/recommendations/dev",
                                              "--push"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("pushed shipshape/recommendations/dev to origin"), result.stdout)

        // The remote has the branch; its commit changes exactly one line and carries the trailer.
        let patch = try run(["--git-dir", remote.path, "log", "-p", "-1", "--format=%B", "shipshape/recommendations/dev"], in: root)
        XCTAssertTrue(patch.hasPrefix("values.yaml: backend.resources.limits.memory 1Gi→768Mi\n\nShipshape-Edit: backend.resources.limits.memory 1Gi→768Mi\n"), patch)
        let changed = patch.split(separator: "\n").filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
        XCTAssertEqual(changed, ["-      memory: 1Gi", "+      memory: 768Mi"])
        XCTAssertEqual(try run(["--git-dir", remote.path, "rev-parse", "shipshape/recommendations/dev~1"], in: root),
                       try run(["rev-parse", "main"], in: work), "the branch starts at the checked-out tip")

        // The engineer's work tree and index are untouched; the repositories are sound.
        XCTAssertEqual(try String(contentsOf: work.appendingPathComponent("values.yaml"), encoding: .utf8), before)
        XCTAssertEqual(try run(["status", "--porcelain"], in: work), "")
        try run(["fsck", "--strict"], in: work)
        try run(["--git-dir", remote.path, "fsck", "--strict"], in: root)
    }

    func testCommitOnTheCheckedOutBranchWritesTheFileAndLeavesStatusClean() throws {
        let result = try ShipshapeBinary.run(["values", "set", "values.yaml", "backend.resources.limits.cpu", "750m",
                                              "--commit", "--message", "backend: cpu limit 1000m→750m"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("[main "), result.stdout)
        XCTAssertEqual(try run(["log", "-1", "--format=%s"], in: work), "backend: cpu limit 1000m→750m\n")
        XCTAssertEqual(try run(["status", "--porcelain"], in: work), "")
        XCTAssertTrue(try String(contentsOf: work.appendingPathComponent("values.yaml"), encoding: .utf8)
            .contains("      cpu: 750m     # raised after the March load test"))
    }

    func testHistoryListsTheCommitsThatTouchedAPathWithTheirTrailers() throws {
        XCTAssertEqual(try ShipshapeBinary.run(["values", "set", "values.yaml", "backend.resources.limits.cpu", "750m",
                                                "--commit"], in: work).status, 0)
        try "notes\n".write(to: work.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try run(["add", "README.md"], in: work)
        try run(["commit", "-q", "-m", "docs"], in: work)

        let text = try ShipshapeBinary.run(["history", "--path", "values.yaml"], in: work)
        XCTAssertEqual(text.status, 0, text.stderr)
        let subjects = text.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { $0.split(separator: " ", maxSplits: 2).last! }
        XCTAssertEqual(subjects.count, 2, text.stdout)
        XCTAssertTrue(text.stdout.contains("        Shipshape-Edit: backend.resources.limits.cpu 1000m→750m"), text.stdout)
        XCTAssertFalse(text.stdout.contains("docs"), "a commit that did not touch the path is not listed")

        let json = try ShipshapeBinary.run(["history", "--path", "values.yaml", "-n", "1", "-o", "json"], in: work)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.count, 1)
        let trailers = parsed?.first?["trailers"] as? [[String: String]]
        XCTAssertEqual(trailers?.first?["key"], "Shipshape-Edit")
        XCTAssertEqual(parsed?.first?["paths"] as? [String], ["values.yaml"])
    }

    func testOptionsThatNeedCommitAreRefused() throws {
        let result = try ShipshapeBinary.run(["values", "set", "values.yaml", "backend.resources.limits.cpu", "750m", "--push"], in: work)
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("go with --commit"), result.stderr)
    }
}
