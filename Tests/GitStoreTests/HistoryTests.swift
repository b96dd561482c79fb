import XCTest
@testable import GitStore

final class HistoryTests: XCTestCase {
    func testListsCommitsTouchingPathsWithParsedTrailers() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["overlays/prod/values.yaml": "a: 1\n", "README.md": "r\n"])
        let repo = try Repository(at: dir)
        let builder = CommitBuilder(repo)
        let c1 = try builder.commit(CommitRequest(changes: try changes(["overlays/prod/values.yaml": "a: 2\n"]), branch: "main",
            message: CommitMessage(subject: "prod a=2", trailers: [.shipshape("Evidence", "p95=1 n=10"), .shipshape("Env", "prod")]),
            environment: testEnvironment))
        // CommitBuilder leaves the work tree alone; sync it before committing with the git CLI.
        try fx.git(dir, "reset", "-q", "--hard")
        try fx.commit(dir, ["README.md": "r2\n"], message: "docs only")
        let c3 = try builder.commit(CommitRequest(changes: try changes(["overlays/prod/values.yaml": "a: 3\n"]), branch: "main",
            message: CommitMessage(subject: "prod a=3", body: "more", trailers: [.shipshape("Env", "prod")]), environment: testEnvironment))

        let history = History(repo)
        let touching = try history.commits(touching: ["overlays/prod/values.yaml"])
        XCTAssertEqual(touching.map(\.id), [c3.commit!, c1.commit!, try RevisionResolver(repo).resolve("HEAD~3")])
        XCTAssertEqual(touching[1].message.value(for: "Shipshape-Evidence"), "p95=1 n=10")
        XCTAssertEqual(touching[0].message.body, "more")
        XCTAssertEqual(touching[0].touchedPaths, ["overlays/prod/values.yaml"])
        XCTAssertEqual(touching[0].author.name, "Shipshape Bot")
        XCTAssertEqual(try history.commits(touching: ["overlays"], limit: 1).map(\.id), [c3.commit!], "directories work, -n limits")
        XCTAssertEqual(try history.commits(touching: ["README.md"]).map(\.message.subject), ["docs only", "initial"])
        XCTAssertEqual(try history.commits(touching: [], from: "HEAD~1").count, 3)
        // Matches git's own answer.
        XCTAssertEqual(touching.map(\.id.hex).joined(separator: "\n") + "\n",
                       try fx.git(dir, "log", "--format=%H", "--", "overlays/prod/values.yaml"))
    }

    func testRevertCreatesOneCommitUndoingTheChange() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["v.yaml": "memory: 512Mi\ncpu: 1\n"])
        let repo = try Repository(at: dir)
        let bad = try CommitBuilder(repo).commit(CommitRequest(changes: try changes(["v.yaml": "memory: 64Mi\ncpu: 1\n"]),
            branch: "main", message: CommitMessage(subject: "shrink memory", trailers: [.shipshape("Env", "prod")]), environment: testEnvironment))
        try fx.git(dir, "reset", "-q", "--hard")
        try fx.commit(dir, ["other.txt": "x\n"], message: "unrelated")
        let result = try History(repo).revert(bad.commit!.hex, on: "main", trailers: [.shipshape("Reason", "OOMKilled after rollout")],
                                              environment: testEnvironment)
        XCTAssertEqual(try fx.revParse(dir, "main"), result.commit.hex)
        XCTAssertEqual(try fx.git(dir, "show", "main:v.yaml"), "memory: 512Mi\ncpu: 1\n")
        XCTAssertEqual(try fx.git(dir, "show", "main:other.txt"), "x\n")
        let message = try fx.git(dir, "log", "-1", "--format=%B", "main")
        XCTAssertTrue(message.hasPrefix("Revert \"shrink memory\"\n\nThis reverts commit \(bad.commit!.hex).\n\n"))
        XCTAssertTrue(message.contains("Shipshape-Reverts: \(bad.commit!.hex)\nShipshape-Reason: OOMKilled after rollout\n"))
        XCTAssertEqual(try fx.git(dir, "diff", "--stat", "main~1..main").contains("v.yaml"), true)
        fx.assertFsck(dir)
        // The reverted file was then changed again: reverting the old commit now conflicts.
        try fx.git(dir, "reset", "-q", "--hard")
        try fx.commit(dir, ["v.yaml": "memory: 128Mi\ncpu: 1\n"], message: "again")
        XCTAssertThrowsError(try History(repo).revert(bad.commit!.hex, on: "main", environment: testEnvironment)) { error in
            guard case GitError.conflict(_, _, let paths) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(paths, ["v.yaml"])
        }
    }
}
