import Foundation
import XCTest
@testable import GitStore

final class PushTests: XCTestCase {
    let evidence: [CommitMessage.Trailer] = [.shipshape("Evidence", "p99=580Mi n=2016"), .shipshape("Env", "prod")]

    func testFastForwardPushUpdatesTheRemoteBranch() throws {
        let fx = try GitFixture()
        let (origin, _, clone) = try fx.makeOriginAndClone(files: ["values.yaml": "memory: 512Mi\n"])
        let repo = try Repository(at: clone)
        let commit = try CommitBuilder(repo).commit(CommitRequest(
            changes: try changes(["values.yaml": "memory: 640Mi\n"]), branch: "main",
            message: CommitMessage(subject: "memory 640Mi", trailers: evidence), environment: testEnvironment))
        let result = try repo.push(branch: "main")
        XCTAssertFalse(result.upToDate)
        XCTAssertEqual(result.pushed, commit.commit)
        XCTAssertEqual(result.replayed, [])
        XCTAssertEqual(try fx.revParse(origin, "main"), commit.commit?.hex)
        XCTAssertEqual(try fx.revParse(clone, "origin/main"), commit.commit?.hex, "remote-tracking ref follows")
        fx.assertFsck(origin)

        let again = try repo.push(branch: "main")
        XCTAssertTrue(again.upToDate)
    }

    func testPushCreatesANewRemoteBranch() throws {
        let fx = try GitFixture()
        let (origin, _, clone) = try fx.makeOriginAndClone(files: ["a.yaml": "a\n"])
        let repo = try Repository(at: clone)
        let commit = try CommitBuilder(repo).commit(CommitRequest(
            changes: try changes(["a.yaml": "b\n"]), branch: "shipshape/tune", base: "main",
            message: CommitMessage(subject: "tune", trailers: evidence), environment: testEnvironment))
        _ = try repo.push(branch: "shipshape/tune")
        XCTAssertEqual(try fx.revParse(origin, "shipshape/tune"), commit.commit?.hex)
        fx.assertFsck(origin)
    }

    func testNonFastForwardReplaysShipshapeCommitsOntoTheNewRemoteTip() throws {
        let fx = try GitFixture()
        let values = (1...12).map { "key\($0): \($0)" }.joined(separator: "\n") + "\n"
        let (origin, url, clone) = try fx.makeOriginAndClone(files: ["values.yaml": values, "README.md": "readme\n"])
        let repo = try Repository(at: clone)
        let message = CommitMessage(subject: "key2 -> 20", body: "because", trailers: evidence)
        let ours = try CommitBuilder(repo).commit(CommitRequest(
            changes: try changes(["values.yaml": values.replacingOccurrences(of: "key2: 2\n", with: "key2: 20\n")]),
            branch: "main", message: message, environment: testEnvironment))
        // Meanwhile: someone edits another file, then a different line of the same file.
        try fx.pushAsSomeoneElse(to: url, files: ["README.md": "new readme\n"], message: "docs")
        let theirs = try fx.pushAsSomeoneElse(to: url, files: ["values.yaml": values.replacingOccurrences(of: "key11: 11\n", with: "key11: 110\n")], message: "key11")

        let result = try repo.push(branch: "main")
        XCTAssertEqual(result.replayed.count, 1)
        XCTAssertEqual(result.replayed.first?.original, ours.commit)
        XCTAssertEqual(result.previousRemoteTip?.hex, theirs)
        XCTAssertEqual(try fx.revParse(origin, "main"), result.pushed.hex)
        XCTAssertEqual(try fx.revParse(clone, "main"), result.pushed.hex, "the local branch moved to the replayed commit")
        XCTAssertEqual(try fx.revParse(origin, "main^"), theirs, "their commits are kept, ours on top")
        XCTAssertEqual(try fx.git(origin, "log", "-1", "--format=%B", "main"), try message.formatted() + "\n")
        XCTAssertEqual(try fx.git(origin, "show", "main:values.yaml"),
                       values.replacingOccurrences(of: "key2: 2\n", with: "key2: 20\n").replacingOccurrences(of: "key11: 11\n", with: "key11: 110\n"))
        let diff = try fx.git(origin, "diff", "--unified=0", "main^..main")
        XCTAssertEqual(diff.split(separator: "\n").filter { $0.hasPrefix("-key") || $0.hasPrefix("+key") }, ["-key2: 2", "+key2: 20"])
        XCTAssertEqual(try fx.git(origin, "show", "main:README.md"), "new readme\n")
        fx.assertFsck(origin)
        fx.assertFsck(clone)
    }

    func testConflictingRemoteChangeStopsThePushAndNamesTheFile() throws {
        let fx = try GitFixture()
        let (origin, url, clone) = try fx.makeOriginAndClone(files: ["values.yaml": "memory: 512Mi\n", "other.yaml": "x\n"])
        let repo = try Repository(at: clone)
        let local = try CommitBuilder(repo).commit(CommitRequest(
            changes: try changes(["values.yaml": "memory: 640Mi\n", "other.yaml": "y\n"]), branch: "main",
            message: CommitMessage(subject: "ours", trailers: evidence), environment: testEnvironment))
        let theirs = try fx.pushAsSomeoneElse(to: url, files: ["values.yaml": "memory: 1Gi\n"], message: "theirs")
        XCTAssertThrowsError(try repo.push(branch: "main")) { error in
            guard case GitError.conflict(let branch, let commit, let paths) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(branch, "origin/main")
            XCTAssertEqual(commit, local.commit?.short)
            XCTAssertEqual(paths, ["values.yaml"], "other.yaml applies cleanly; only values.yaml conflicts")
            XCTAssertTrue("\(error)".contains("values.yaml"))
        }
        XCTAssertEqual(try fx.revParse(origin, "main"), theirs, "remote untouched")
        XCTAssertEqual(try fx.revParse(clone, "main"), local.commit?.hex, "local untouched")
        fx.assertFsck(origin)
    }

    func testForeignLocalCommitsAreNotReplayedAndForceIsOnlyOnRequest() throws {
        let fx = try GitFixture()
        let (origin, url, clone) = try fx.makeOriginAndClone(files: ["a.yaml": "a\n"])
        let handMade = try fx.commit(clone, ["b.yaml": "b\n"], message: "hand-made, no trailers")
        let theirs = try fx.pushAsSomeoneElse(to: url, files: ["c.yaml": "c\n"], message: "theirs")
        let repo = try Repository(at: clone)
        XCTAssertThrowsError(try repo.push(branch: "main")) { error in
            XCTAssertEqual(error as? GitError, .foreignCommits(branch: "main", commits: [String(handMade.prefix(7))]))
        }
        XCTAssertEqual(try fx.revParse(origin, "main"), theirs)

        // Commits this run made are replayable even without trailers.
        let own = try PushOptions(ownCommits: [XCTUnwrap(ObjectID(hex: handMade))])
        let replayed = try repo.push(branch: "main", options: own)
        XCTAssertEqual(try fx.revParse(origin, "main^"), theirs)
        XCTAssertEqual(replayed.replayed.count, 1)

        // Forcing is explicit.
        let (_, _, clone2) = (origin, url, fx.path("clone2"))
        try Shell.run("git", ["clone", "-q", url, clone2])
        try fx.git(clone2, "reset", "-q", "--hard", "HEAD~1")
        let forced = try fx.commit(clone2, ["d.yaml": "d\n"], message: "diverged")
        let repo2 = try Repository(at: clone2)
        XCTAssertThrowsError(try repo2.push(branch: "main"))
        _ = try repo2.push(branch: "main", options: PushOptions(force: true))
        XCTAssertEqual(try fx.revParse(origin, "main"), forced)
        fx.assertFsck(origin)
    }

    func testGitStoreFacadeCommitsFileEditsOnTheCheckedOutBranchAndPushes() throws {
        let fx = try GitFixture()
        let (origin, url, clone) = try fx.makeOriginAndClone(files: ["charts/app/values.yaml": "replicas: 1\n"])
        let file = clone + "/charts/app/values.yaml"
        // `values set` has written the new bytes to the file; now commit and push them.
        try Data("replicas: 2\n".utf8).write(to: URL(fileURLWithPath: file))
        try fx.pushAsSomeoneElse(to: url, files: ["README.md": "docs\n"], message: "docs meanwhile")
        let outcome = try GitStore.commit(
            files: [file: .write(Array("replicas: 2\n".utf8), executable: nil)],
            message: CommitMessage(subject: "app: replicas 2"), push: PushOptions(), environment: testEnvironment)
        XCTAssertEqual(outcome.commit.branch, "main")
        XCTAssertEqual(outcome.commit.changedPaths, ["charts/app/values.yaml"])
        XCTAssertEqual(outcome.push?.replayed.count, 1, "replayed though it has no trailers: this run made it")
        XCTAssertEqual(try fx.git(origin, "show", "main:charts/app/values.yaml"), "replicas: 2\n")
        XCTAssertEqual(try fx.git(origin, "log", "-1", "--format=%s", "main"), "app: replicas 2\n")
        // Index matched to the commit where the work tree already had the bytes.
        XCTAssertEqual(try fx.git(clone, "diff", "--cached", "--name-only", "HEAD~1", "--", "charts"), "charts/app/values.yaml\n")
        XCTAssertEqual(try fx.git(clone, "status", "--porcelain", "--", "charts"), "")
        fx.assertFsck(origin)
    }
}
