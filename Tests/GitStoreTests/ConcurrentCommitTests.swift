import Foundation
import XCTest
@testable import GitStore

final class ConcurrentCommitTests: XCTestCase {
    /// Two writers (threads, each with its own libgit2 handle) commit to one branch at once;
    /// the compare-and-swap retry must keep every commit.
    func testTwoWritersRacingOnOneBranchLoseNoCommit() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["seed.txt": "0\n"])
        let perWriter = 15
        let errors = ErrorBox()
        let group = DispatchGroup()
        for writer in 0..<2 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let repo = try Repository(at: dir)
                    let builder = CommitBuilder(repo)
                    for i in 0..<perWriter {
                        var changes = ChangeSet()
                        try changes.write("writer\(writer)/file\(i).txt", "writer \(writer) edit \(i)\n")
                        try changes.write("writer\(writer)/latest.txt", "\(i)\n")
                        let result = try builder.commit(CommitRequest(
                            changes: changes, branch: "race", base: "main",
                            message: CommitMessage(subject: "writer \(writer) commit \(i)", trailers: [.shipshape("Writer", "\(writer)")]),
                            environment: testEnvironment))
                        if result.isNoOp { errors.add("writer \(writer) commit \(i) was a no-op") }
                    }
                } catch {
                    errors.add("writer \(writer): \(error)")
                }
            }.start()
        }
        group.wait()
        XCTAssertEqual(errors.all, [])
        XCTAssertEqual(try fx.git(dir, "rev-list", "--count", "main..race"), "\(2 * perWriter)\n")
        let subjects = Set(try fx.git(dir, "log", "--format=%s", "main..race").split(separator: "\n").map(String.init))
        XCTAssertEqual(subjects.count, 2 * perWriter)
        let files = try fx.git(dir, "ls-tree", "-r", "--name-only", "race").split(separator: "\n")
        XCTAssertEqual(files.count, 1 + 2 * (perWriter + 1), "every file every writer wrote is in the final tree")
        XCTAssertEqual(try fx.git(dir, "show", "race:writer0/latest.txt"), "\(perWriter - 1)\n")
        XCTAssertEqual(try fx.git(dir, "show", "race:writer1/latest.txt"), "\(perWriter - 1)\n")
        fx.assertFsck(dir)
    }

    /// A writer in another process (the git CLI) moves the branch between our read and our
    /// swap: simulated by committing with git right before each attempt's update.
    func testCommitMadeByAnotherProcessIsNeverOverwritten() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["a.txt": "a\n"])
        let repo = try Repository(at: dir)
        let resolver = RevisionResolver(repo)
        let staleTip = try resolver.resolve("main")
        let external = try fx.commit(dir, ["b.txt": "from git cli\n"], message: "external")
        // Our commit was built on the stale tip: the swap must refuse it.
        let tree = try repo.treeID(ofCommit: staleTip)
        let ours = try repo.createCommit(tree: tree, parents: [staleTip], message: "stale\n",
                                         author: .fallback, committer: .fallback)
        XCTAssertFalse(try repo.compareAndSwap("refs/heads/main", to: ours, expected: staleTip, reflog: "test"))
        XCTAssertEqual(try fx.revParse(dir, "main"), external)
        // The builder re-reads and lands on top.
        var changes = ChangeSet()
        try changes.write("a.txt", "a2\n")
        let result = try CommitBuilder(repo).commit(CommitRequest(changes: changes, branch: "main", message: .init(subject: "ours"), environment: testEnvironment))
        XCTAssertEqual(result.parent.hex, external)
        XCTAssertTrue(result.branchIsCheckedOut)
        fx.assertFsck(dir)
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    func add(_ e: String) { lock.lock(); errors.append(e); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return errors }
}
