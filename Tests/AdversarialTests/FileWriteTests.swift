import Foundation
import TestSupport
import XCTest

/// Writes stay where they belong and are all or nothing: symlinks are not replaced by copies,
/// planted temporary names are not followed, `..` does not climb out of --output-dir, and a
/// failed step after a commit never reverts what HEAD holds.
final class FileWriteTests: HostileTestCase {
    func write(_ text: String, _ path: String) throws {
        let url = work.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func testValuesSetOnASymlinkEditsTheTargetAndKeepsTheLink() throws {
        try write("a: 1\n", "real.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: work.appendingPathComponent("real.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("link.yaml").path, withDestinationPath: "real.yaml")
        let r = try shipshape(["values", "set", "link.yaml", "a", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: work.appendingPathComponent("link.yaml").path), "real.yaml")
        XCTAssertEqual(try String(contentsOf: work.appendingPathComponent("real.yaml"), encoding: .utf8), "a: 2\n")
        let mode = try FileManager.default.attributesOfItem(atPath: work.appendingPathComponent("real.yaml").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640, "the target keeps its permissions")
        XCTAssertEqual(files(under: work).filter { $0.contains("shipshape") }, [], "no temporary file left")
    }

    func chart(named name: String) throws {
        try write("apiVersion: v2\nname: \"\(name)\"\nversion: 0.1.0\n", "chart/Chart.yaml")
        try write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", "chart/templates/a.yaml")
        try write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n", "chart/templates/b.yaml")
    }

    /// A symlink planted at the old fixed temporary name (`a.yaml.shipshape-tmp`) is not
    /// followed: the victim outside is untouched.
    func testOutputDirIgnoresPlantedTemporarySymlinks() throws {
        try chart(named: "chart")
        try write("precious\n", "victim")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("out/chart/templates"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("out/chart/templates/a.yaml.shipshape-tmp").path,
                                                   withDestinationPath: work.appendingPathComponent("victim").path)
        let r = try shipshape(["render", "chart", "--output-dir", "out"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOf: work.appendingPathComponent("victim"), encoding: .utf8), "precious\n")
        XCTAssertTrue(try String(contentsOf: work.appendingPathComponent("out/chart/templates/a.yaml"), encoding: .utf8).contains("name: a"))
    }

    func testAChartNamedDotDotWritesNothingAboveTheOutputDir() throws {
        try chart(named: "..")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("out/x"), withIntermediateDirectories: true)
        let before = files(under: work)
        let r = try shipshape(["render", "chart", "--output-dir", "out/x"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "Error: out/x/../templates/a.yaml is outside the output folder out/x (a chart or template name contains ..); nothing was written\n")
        XCTAssertEqual(files(under: work), before)
    }

    /// One file cannot be written (a folder is in its place): no file is written at all.
    func testOutputDirIsAllOrNothing() throws {
        try chart(named: "chart")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("out/chart/templates/b.yaml/inside"), withIntermediateDirectories: true)
        let before = files(under: work)
        let r = try shipshape(["render", "chart", "--output-dir", "out"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "Error: out/chart/templates/b.yaml: is a folder, not a file; nothing was written\n")
        XCTAssertEqual(files(under: work), before, "a.yaml was not written either")
    }

    func gitRepo() throws -> URL {
        let repo = work.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try "a: 1\n".write(to: repo.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        try git(["init", "-q", "-b", "main"])
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "initial"])
        return repo
    }

    /// `--push` with no remote: the commit is made, then the push fails. The file keeps the
    /// committed value (restoring it would silently revert HEAD) and the error says so.
    func testAFailedPushAfterTheCommitKeepsTheFileAsCommitted() throws {
        let repo = try gitRepo()
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_NAME"] = "T"; env["GIT_AUTHOR_EMAIL"] = "t@example.com"
        env["GIT_COMMITTER_NAME"] = "T"; env["GIT_COMMITTER_EMAIL"] = "t@example.com"
        let r = try shipshape(["values", "set", "values.yaml", "a", "2", "--commit", "--push"], in: repo, environment: env)
        XCTAssertEqual(r.status, 1, r.stderr)
        let head = try git(["rev-parse", "--short=7", "HEAD"])
        XCTAssertEqual(r.stderr, "Error: committed \(head) on main, but the push failed: remote 'origin' is not configured in repository \(repo.path)/. The commit stands; push it later with `git push origin main`\n")
        XCTAssertEqual(try String(contentsOf: repo.appendingPathComponent("values.yaml"), encoding: .utf8), "a: 2\n")
        XCTAssertEqual(try git(["show", "HEAD:values.yaml"]), "a: 2")
        XCTAssertEqual(try git(["status", "--porcelain"]), "", "work tree, index and HEAD agree")
    }

    func testAStaleIndexLockAfterTheCommitKeepsTheFileAsCommitted() throws {
        let repo = try gitRepo()
        try Data().write(to: repo.appendingPathComponent(".git/index.lock"))
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_NAME"] = "T"; env["GIT_AUTHOR_EMAIL"] = "t@example.com"
        env["GIT_COMMITTER_NAME"] = "T"; env["GIT_COMMITTER_EMAIL"] = "t@example.com"
        let r = try shipshape(["values", "set", "values.yaml", "a", "2", "--commit"], in: repo, environment: env)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("the index is locked"), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("The commit stands; remove a stale .git/index.lock if no git command is running, then run `git reset -q` to match the index to it\n"), r.stderr)
        XCTAssertEqual(try String(contentsOf: repo.appendingPathComponent("values.yaml"), encoding: .utf8), "a: 2\n")
        XCTAssertEqual(try git(["show", "HEAD:values.yaml"]), "a: 2")
    }
}
