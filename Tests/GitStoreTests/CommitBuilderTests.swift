import XCTest
@testable import GitStore

/// Identities fixed so commits are reproducible in tests.
let testEnvironment: [String: String] = [
    "GIT_AUTHOR_NAME": "Shipshape Bot", "GIT_AUTHOR_EMAIL": "bot@shipshape.test",
    "GIT_COMMITTER_NAME": "Shipshape Bot", "GIT_COMMITTER_EMAIL": "bot@shipshape.test",
]

final class CommitBuilderTests: XCTestCase {
    let values = """
        # backend resources
        backend:
          resources:
            limits:
              memory: 512Mi   # raised after OOM
            requests:
              cpu: 100m

        """

    func testCommitsEditsOnANewBranchFromBaseWithExactDiffAndTrailers() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["charts/values.yaml": values, "README.md": "hi\n"])
        let edited = values.replacingOccurrences(of: "memory: 512Mi", with: "memory: 640Mi")
        var changes = ChangeSet()
        try changes.write("charts/values.yaml", edited)
        try changes.write("overlays/prod/values.yaml", "replicas: 3\n")
        let message = CommitMessage(subject: "backend: memory 512Mi -> 640Mi", body: "3 OOM kills in 24h.",
                                    trailers: [.shipshape("Evidence", "p99=580Mi n=2016"), .shipshape("Env", "prod")])

        let repo = try Repository(at: dir)
        let result = try CommitBuilder(repo).commit(CommitRequest(
            changes: changes, branch: "shipshape/backend-memory", base: "main", message: message, environment: testEnvironment))

        XCTAssertTrue(result.createdBranch)
        XCTAssertEqual(result.changedPaths, ["charts/values.yaml", "overlays/prod/values.yaml"])
        XCTAssertEqual(result.parent.hex, try fx.revParse(dir, "main"))
        XCTAssertEqual(try fx.revParse(dir, "shipshape/backend-memory"), result.commit?.hex)
        XCTAssertFalse(result.branchIsCheckedOut)
        fx.assertFsck(dir)

        XCTAssertEqual(try fx.git(dir, "log", "-1", "--format=%B", "shipshape/backend-memory"), try message.formatted() + "\n")
        XCTAssertEqual(try fx.git(dir, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "shipshape/backend-memory"),
                       "Shipshape Bot <bot@shipshape.test>|Shipshape Bot <bot@shipshape.test>\n")
        XCTAssertEqual(try fx.git(dir, "rev-list", "--count", "main..shipshape/backend-memory"), "1\n")
        let diff = try fx.git(dir, "diff", "--unified=0", "main..shipshape/backend-memory")
        let changedLines = diff.split(separator: "\n").filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
        XCTAssertEqual(changedLines, ["-      memory: 512Mi   # raised after OOM", "+      memory: 640Mi   # raised after OOM", "+replicas: 3"])
        // Work tree and index untouched.
        XCTAssertEqual(try fx.git(dir, "status", "--porcelain"), "")
        XCTAssertEqual(repo.currentBranch, "main")
    }

    func testSecondCommitGoesOnTopOfTheOpenBranchAndDeletesFiles() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["a/one.yaml": "1\n", "a/two.yaml": "2\n", "b.yaml": "b\n"])
        let repo = try Repository(at: dir)
        let builder = CommitBuilder(repo)
        var first = ChangeSet()
        try first.write("b.yaml", "b2\n")
        let r1 = try builder.commit(CommitRequest(changes: first, branch: "work", message: .init(subject: "one"), environment: testEnvironment))
        try fx.commit(dir, ["unrelated.txt": "main moves on\n"], message: "main moved")

        var second = ChangeSet()
        try second.delete("a/one.yaml")
        try second.delete("a/two.yaml")
        let r2 = try builder.commit(CommitRequest(changes: second, branch: "work", base: "main", message: .init(subject: "two"), environment: testEnvironment))
        XCTAssertFalse(r2.createdBranch)
        XCTAssertEqual(r2.parent, r1.commit, "an open branch is extended, not restarted from base")
        XCTAssertEqual(try fx.git(dir, "ls-tree", "-r", "--name-only", "work"), "b.yaml\n", "empty directory a/ is gone")
        XCTAssertEqual(try fx.git(dir, "log", "--format=%s", "work"), "two\none\ninitial\n")
        fx.assertFsck(dir)
    }

    func testEditsThatChangeNothingMakeNoCommit() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["a.yaml": "same\n"])
        var changes = ChangeSet()
        try changes.write("a.yaml", "same\n")
        try changes.delete("never-existed.yaml")
        let result = try CommitBuilder(try Repository(at: dir)).commit(
            CommitRequest(changes: changes, branch: "main", message: .init(subject: "noop"), environment: testEnvironment))
        XCTAssertTrue(result.isNoOp)
        XCTAssertEqual(try fx.git(dir, "rev-list", "--count", "main"), "1\n")
    }

    func testExecutableBitIsKeptOrSet() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["run.sh": "echo 1\n"])
        try Shell.run("chmod", ["+x", dir + "/run.sh"])
        try fx.git(dir, "commit", "-qam", "exec")
        var changes = ChangeSet()
        try changes.write("run.sh", "echo 2\n")
        try changes.write("new.sh", Array("echo new\n".utf8), executable: true)
        _ = try CommitBuilder(try Repository(at: dir)).commit(
            CommitRequest(changes: changes, branch: "x", message: .init(subject: "modes"), environment: testEnvironment))
        let tree = try fx.git(dir, "ls-tree", "x")
        XCTAssertTrue(tree.contains("100755 blob") && tree.contains("\tnew.sh"))
        XCTAssertEqual(tree.split(separator: "\n").filter { $0.hasPrefix("100755") }.count, 2)
        fx.assertFsck(dir)
    }

    func testInvalidPathsAndBranchNamesAreRejectedBeforeWriting() throws {
        var changes = ChangeSet()
        XCTAssertThrowsError(try changes.write("/abs", "x"))
        XCTAssertThrowsError(try changes.write("a/../b", "x"))
        XCTAssertThrowsError(try changes.write(".git/config", "x"))
        XCTAssertThrowsError(try changes.write("a//b", "x"))
        try changes.write("dir/file", "x")
        XCTAssertThrowsError(try changes.write("dir", "x"), "a path cannot be a file and a directory")

        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["a": "1\n"])
        XCTAssertThrowsError(try CommitBuilder(try Repository(at: dir)).commit(
            CommitRequest(changes: changes, branch: "bad..name", message: .init(subject: "s"), environment: testEnvironment))) {
            XCTAssertEqual($0 as? GitError, .invalidReferenceName(name: "bad..name"))
        }
        var intoFile = ChangeSet()
        try intoFile.write("a/b", "x")
        XCTAssertThrowsError(try CommitBuilder(try Repository(at: dir)).commit(
            CommitRequest(changes: intoFile, branch: "x", message: .init(subject: "s"), environment: testEnvironment))) {
            guard case GitError.invalidPath("a", _) = $0 else { return XCTFail("\($0)") }
        }
    }

    func testRetryAfterTheBranchMovedMergesCleanlyOrReportsTheConflictingFile() throws {
        let fx = try GitFixture()
        let lines = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let dir = try fx.makeRepository("repo", files: ["v.yaml": lines, "w.yaml": "w\n"])
        let repo = try Repository(at: dir)
        let base = try RevisionResolver(repo).resolve("main")
        let tree = try repo.treeID(ofCommit: base)
        let editor = TreeEditor(repository: repo)
        // Our change: line 2; theirs (already on main): line 19 → clean 3-way merge.
        try fx.commit(dir, ["v.yaml": lines.replacingOccurrences(of: "line 19\n", with: "line nineteen\n")], message: "theirs")
        let ours = try repo.writeBlob(Array(lines.replacingOccurrences(of: "line 2\n", with: "line two\n").utf8))
        let change = FileChange(path: "v.yaml", ancestor: try editor.version(of: "v.yaml", in: tree),
                                ours: FileVersion(blob: ours, mode: FileVersion.regularMode))
        let newTip = try repo.treeID(ofCommit: try RevisionResolver(repo).resolve("main"))
        let edits = try editor.rebase([change], onto: newTip, branch: "main", commit: "c")
        let merged = try repo.blobData(edits["v.yaml"]!!.blob)
        XCTAssertEqual(String(decoding: merged, as: UTF8.self),
                       lines.replacingOccurrences(of: "line 2\n", with: "line two\n").replacingOccurrences(of: "line 19\n", with: "line nineteen\n"))

        // Theirs changed the very same line → conflict naming the file.
        try fx.commit(dir, ["v.yaml": lines.replacingOccurrences(of: "line 2\n", with: "line TWO\n")], message: "clash")
        let clashTip = try repo.treeID(ofCommit: try RevisionResolver(repo).resolve("main"))
        XCTAssertThrowsError(try editor.rebase([change], onto: clashTip, branch: "main", commit: "c")) {
            XCTAssertEqual($0 as? GitError, .conflict(branch: "main", commit: "c", paths: ["v.yaml"]))
        }
    }
}

final class ReplayDecisionTests: XCTestCase {
    func testDecisions() {
        XCTAssertEqual(ReplayDecision.decide(ancestor: 1, ours: 1, theirs: 2), .keepTheirs)
        XCTAssertEqual(ReplayDecision.decide(ancestor: 1, ours: 2, theirs: 1), .takeOurs)
        XCTAssertEqual(ReplayDecision.decide(ancestor: 1, ours: 2, theirs: 2), .keepTheirs)
        XCTAssertEqual(ReplayDecision.decide(ancestor: 1, ours: 2, theirs: 3), .mergeContent)
        XCTAssertEqual(ReplayDecision.decide(ancestor: 1, ours: nil, theirs: 3), .conflict, "we delete what they changed")
        XCTAssertEqual(ReplayDecision.decide(ancestor: 1, ours: 2, theirs: nil), .conflict, "we change what they deleted")
        XCTAssertEqual(ReplayDecision.decide(ancestor: nil, ours: 2, theirs: 3), .conflict, "both added differently")
        XCTAssertEqual(ReplayDecision.decide(ancestor: nil, ours: 2, theirs: nil), .takeOurs)
        XCTAssertEqual(ReplayDecision.decide(ancestor: Int?.none, ours: nil, theirs: nil), .keepTheirs)
    }
}
