import Foundation
import TestSupport
import XCTest

/// `shipshape recommend` as the hourly CronJob runs it: no shipshape.yaml on disk and no work
/// tree (the current directory is an empty folder), only SHIPSHAPE_REPOSITORY naming a remote
/// (served over file://), a cache directory (the Job's emptyDir) and a read-only-in-spirit
/// temporary directory that must stay empty. Samples come from a file, so no cluster is needed.
final class RecommendInClusterTests: XCTestCase {
    var work: URL!
    let git = Subprocess.find("git") ?? "/usr/bin/git"
    var remote: String { work.appendingPathComponent("remote.git").path }
    var cwd: URL { work.appendingPathComponent("cwd") }
    var cache: String { work.appendingPathComponent("cache").path }
    var tmp: String { work.appendingPathComponent("tmp").path }

    override func setUpWithError() throws {
        work = try Repository.scratch("recommend-in-cluster")
        let seed = work.appendingPathComponent("seed")
        for dir in [seed.appendingPathComponent("charts"), cwd, URL(fileURLWithPath: tmp)] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        for item in ["charts/chatbot", "overlays", "policies", "shipshape.yaml"] {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(item), to: seed.appendingPathComponent(item))
        }
        try run(["init", "-q", "-b", "main"], in: seed)
        try run(["add", "."], in: seed)
        try run(["commit", "-q", "-m", "chart"], in: seed)
        try run(["clone", "-q", "--bare", seed.path, remote], in: work)
        var csv = "time,namespace,workload,container,pod,cpu,memory,cpu_request,memory_request\n"
        for i in stride(from: 0, to: 72 * 60, by: 5) {
            for pod in 0..<2 { csv += "\(1_795_000_000 + i * 60),chatbot-dev,backend-deployment,backend,backend-\(pod),180m,300Mi,200m,256Mi\n" }
        }
        try csv.write(to: work.appendingPathComponent("usage.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    @discardableResult
    func run(_ arguments: [String], in directory: URL) throws -> String {
        let result = try Subprocess.run(git, ["-c", "user.name=T", "-c", "user.email=t@example.com"] + arguments, in: directory)
        XCTAssertEqual(result.status, 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// The Job's environment: the repository, the cache, and nothing else of Shipshape's.
    var jobEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SHIPSHAPE_") && !$0.key.hasPrefix("GIT_") }
        env["SHIPSHAPE_REPOSITORY"] = "file://" + remote
        env["SHIPSHAPE_BRANCH"] = "main"
        env["SHIPSHAPE_CACHE_DIR"] = cache
        env["TMPDIR"] = tmp
        env["GIT_AUTHOR_NAME"] = "Shipshape"
        env["GIT_AUTHOR_EMAIL"] = "shipshape@example.com"
        env["GIT_COMMITTER_NAME"] = "Shipshape"
        env["GIT_COMMITTER_EMAIL"] = "shipshape@example.com"
        return env
    }

    func testCommitAndPushFromTheRepositoryAloneWritesOnlyUnderTheCacheDirectory() throws {
        let samples = work.appendingPathComponent("usage.csv").path
        let result = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", samples, "--commit", "--push"], in: cwd, environment: jobEnvironment)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("[shipshape/recommendations/dev (new branch) "), result.stdout)
        XCTAssertTrue(result.stdout.contains("pushed shipshape/recommendations/dev to origin"), result.stdout)

        // The remote has the branch: one commit on main editing the values lines.
        let subject = try run(["log", "-1", "--format=%s", "shipshape/recommendations/dev"], in: URL(fileURLWithPath: remote))
        XCTAssertTrue(subject.hasPrefix("backend: cpu request 200m→280m, memory request 256Mi→384Mi"), subject)
        XCTAssertEqual(try run(["rev-list", "--count", "main..shipshape/recommendations/dev"], in: URL(fileURLWithPath: remote)), "1\n")
        XCTAssertEqual(try run(["diff", "--name-only", "main", "shipshape/recommendations/dev"], in: URL(fileURLWithPath: remote)),
                       "charts/chatbot/values.yaml\n")

        // Only the cache directory was written: the mirror lives there.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cwd.path), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp), [])
        let mirrors = try FileManager.default.contentsOfDirectory(atPath: cache + "/git")
        XCTAssertEqual(mirrors.count, 1, "\(mirrors)")
        XCTAssertTrue(mirrors[0].hasPrefix("remote-") && mirrors[0].hasSuffix(".git"), mirrors[0])

        // The next hourly run finds its recommendation already there.
        let again = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", samples, "--commit", "--push"], in: cwd, environment: jobEnvironment)
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("shipshape/recommendations/dev already holds this recommendation"), again.stdout)
        XCTAssertEqual(try run(["rev-list", "--count", "main..shipshape/recommendations/dev"], in: URL(fileURLWithPath: remote)), "1\n")
    }

    func testCommitWithoutPushFromARemoteIsRefused() throws {
        let samples = work.appendingPathComponent("usage.csv").path
        let result = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", samples, "--commit"], in: cwd, environment: jobEnvironment)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--commit without --push would leave the commit in the mirror of file://\(remote)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("add --push"), result.stderr)
        XCTAssertEqual(try run(["branch", "--list", "shipshape/*"], in: URL(fileURLWithPath: remote)), "")
    }

    func testTheCacheDirectoryFlagWinsOverTheVariable() throws {
        let samples = work.appendingPathComponent("usage.csv").path
        let flagged = work.appendingPathComponent("flagged").path
        let result = try ShipshapeBinary.run(["recommend", "--env", "dev", "--samples", samples, "--dry-run", "--cache-dir", flagged],
                                             in: cwd, environment: jobEnvironment)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("+      cpu: 280m"), result.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: flagged + "/git").count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache), "SHIPSHAPE_CACHE_DIR is not used when --cache-dir is given")
    }
}
