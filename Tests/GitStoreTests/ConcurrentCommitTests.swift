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

    /// Writers that all create one new branch at the same instant: exactly one swap may win,
    /// and the branch must hold the winner's commit. libgit2's `git_reference_create` without
    /// force checks that the ref is absent before it takes the lock, so under this race two
    /// "creates" used to succeed and the second silently overwrote the first.
    func testOnlyOneOfManyWritersCreatesANewBranch() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["seed.txt": "0\n"])
        let writers = 4
        let rounds = 400
        let repos = OnePerThread(try (0..<writers).map { _ in try Repository(at: dir) })
        let targets: [ObjectID] = try (0..<writers).map { w in
            let repo = repos.handles[w]
            let main = try RevisionResolver(repo).resolve("main")
            return try repo.createCommit(tree: repo.treeID(ofCommit: main), parents: [main], message: "writer \(w)\n",
                                         author: .fallback, committer: .fallback)
        }
        let errors = ErrorBox()
        let wins = WinnerTable(rounds: rounds)
        // All writers and this thread meet at the barrier before each round and after it.
        let barrier = RoundBarrier(parties: writers + 1)
        for w in 0..<writers {
            Thread {
                for round in 0..<rounds {
                    guard barrier.wait() else { return }
                    do {
                        if try repos.handles[w].compareAndSwap("refs/heads/new\(round)", to: targets[w], expected: nil, reflog: "test") {
                            wins.add(w, round: round)
                        }
                    } catch {
                        errors.add("round \(round) writer \(w): \(error)")
                    }
                    guard barrier.wait() else { return }
                }
            }.start()
        }
        for round in 0..<rounds where !(barrier.wait() && barrier.wait()) {
            return XCTFail("round \(round): the writers did not meet at the barrier within \(RoundBarrier.timeout) s")
        }
        for round in 0..<rounds {
            let winners = wins.winners(round: round)
            guard winners.count == 1 else { errors.add("round \(round): writers \(winners) all created the branch"); continue }
            let tip = try RevisionResolver(repos.handles[0]).referenceTarget("refs/heads/new\(round)")
            if tip != targets[winners[0]] { errors.add("round \(round): branch at \(tip?.hex ?? "nothing"), winner \(winners[0])") }
        }
        XCTAssertEqual(errors.all, [])
    }
}

/// libgit2 handles, each used by one thread only (writer `w`'s thread uses the `w`th).
struct OnePerThread: @unchecked Sendable {
    let handles: [Repository]
    init(_ handles: [Repository]) { self.handles = handles }
}

/// Which writers' swaps succeeded, per round.
final class WinnerTable: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [[Int]]
    init(rounds: Int) { table = Array(repeating: [], count: rounds) }
    func add(_ writer: Int, round: Int) { lock.lock(); table[round].append(writer); lock.unlock() }
    func winners(round: Int) -> [Int] { lock.lock(); defer { lock.unlock() }; return table[round].sorted() }
}

/// A reusable barrier, so that writers start each round at the same instant: `wait()` returns
/// true once `parties` threads are waiting, false after `timeout` seconds without them.
final class RoundBarrier: @unchecked Sendable {
    static let timeout = 60.0
    private let condition = NSCondition()
    private let parties: Int
    private var waiting = 0
    private var generation = 0
    init(parties: Int) { self.parties = parties }
    func wait() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let mine = generation
        waiting += 1
        if waiting == parties {
            waiting = 0
            generation += 1
            condition.broadcast()
            return true
        }
        let deadline = Date(timeIntervalSinceNow: Self.timeout)
        while generation == mine {
            if !condition.wait(until: deadline) { return generation != mine }
        }
        return true
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    func add(_ e: String) { lock.lock(); errors.append(e); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return errors }
}
