import XCTest
@testable import GitStore

final class TreeSnapshotTests: XCTestCase {
    func testReadsARevisionsTreeWithoutTouchingTheWorkTree() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: [
            "Chart.yaml": "name: app\n",
            "templates/deployment.yaml": "kind: Deployment\n",
            "templates/hpa.yaml": "kind: HorizontalPodAutoscaler\n",
            "overlays/prod/values.yaml": "replicas: 3\n",
            "overlays/dev/values.yaml": "replicas: 1\n",
        ])
        let first = try fx.revParse(dir, "HEAD")
        try fx.commit(dir, ["Chart.yaml": "name: app2\n"], message: "rename")
        // Dirty work tree and index: the snapshot must ignore both.
        try fx.write(["Chart.yaml": "dirty\n", "untracked.txt": "x"], in: dir)
        try fx.write(["templates/hpa.yaml": "staged\n"], in: dir)
        try fx.git(dir, "add", "templates/hpa.yaml")

        let repo = try Repository(at: dir)
        let head = try TreeSnapshot(repository: repo, revision: "HEAD")
        XCTAssertEqual(head.string(at: "Chart.yaml"), "name: app2\n")
        XCTAssertEqual(head.string(at: "templates/hpa.yaml"), "kind: HorizontalPodAutoscaler\n")
        XCTAssertNil(head["untracked.txt"])
        XCTAssertEqual(head.paths, ["Chart.yaml", "overlays/dev/values.yaml", "overlays/prod/values.yaml",
                                    "templates/deployment.yaml", "templates/hpa.yaml"])
        let old = try TreeSnapshot(repository: repo, revision: first)
        XCTAssertEqual(old.string(at: "Chart.yaml"), "name: app\n")
        XCTAssertEqual(old.commit.hex, first)

        XCTAssertEqual(try head.list().map(\.name), ["Chart.yaml", "overlays", "templates"])
        XCTAssertEqual(try head.list().map(\.kind), [.file, .directory, .directory])
        XCTAssertEqual(try head.list("overlays").map(\.name), ["dev", "prod"])
        XCTAssertTrue(head.isDirectory("overlays/prod"))
        XCTAssertFalse(head.isDirectory("Chart.yaml"))
        XCTAssertThrowsError(try head.list("nope"))
        XCTAssertThrowsError(try head.contents(of: "nope.yaml")) { error in
            guard case GitError.pathNotFound(_, "nope.yaml") = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(head.glob("overlays/*/values.yaml"), ["overlays/dev/values.yaml", "overlays/prod/values.yaml"])
        XCTAssertEqual(head.glob("**/*.yaml").count, 5)
        XCTAssertEqual(head.glob("templates/h*.yaml"), ["templates/hpa.yaml"])

        // Matches git's own view of the tree, byte for byte.
        let lsTree = try fx.git(dir, "ls-tree", "-r", "--name-only", "HEAD").split(separator: "\n").map(String.init)
        XCTAssertEqual(head.paths, lsTree)
        for path in head.paths {
            XCTAssertEqual(head.file(path)?.blob.hex, try fx.revParse(dir, "HEAD:\(path)"))
        }
    }

    func testBinaryExecutableAndSymlinkEntriesKeepBytesAndMode() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["run.sh": "#!/bin/sh\n"])
        try Data([0, 1, 2, 255, 0]).write(to: URL(fileURLWithPath: dir + "/blob.bin"))
        try Shell.run("chmod", ["+x", dir + "/run.sh"])
        try Shell.run("ln", ["-s", "run.sh", dir + "/link"])
        try fx.git(dir, "add", "-A")
        try fx.git(dir, "commit", "-q", "-m", "more")
        let snap = try TreeSnapshot(repository: try Repository(at: dir), revision: "main")
        XCTAssertEqual(snap["blob.bin"], [0, 1, 2, 255, 0])
        XCTAssertEqual(snap.file("run.sh")?.mode, .executable)
        XCTAssertEqual(snap.file("link")?.mode, .symlink)
        XCTAssertEqual(snap.string(at: "link"), "run.sh")
    }
}

final class PathGlobTests: XCTestCase {
    func testSegmentWildcardsDoNotCrossSlashes() {
        XCTAssertTrue(PathGlob("*.yaml").matches("values.yaml"))
        XCTAssertFalse(PathGlob("*.yaml").matches("dir/values.yaml"))
        XCTAssertTrue(PathGlob("a/?.txt").matches("a/b.txt"))
        XCTAssertFalse(PathGlob("a/?.txt").matches("a/bc.txt"))
    }

    func testDoubleStarMatchesZeroOrMoreDirectories() {
        XCTAssertTrue(PathGlob("**/values.yaml").matches("values.yaml"))
        XCTAssertTrue(PathGlob("**/values.yaml").matches("a/b/c/values.yaml"))
        XCTAssertTrue(PathGlob("charts/**").matches("charts/x/y.tpl"))
        XCTAssertFalse(PathGlob("charts/**/x.yaml").matches("other/x.yaml"))
    }

    func testClassesAndEscapes() {
        XCTAssertTrue(PathGlob("v[0-9].yaml").matches("v3.yaml"))
        XCTAssertFalse(PathGlob("v[!0-9].yaml").matches("v3.yaml"))
        XCTAssertTrue(PathGlob("v[!0-9].yaml").matches("vx.yaml"))
        XCTAssertTrue(PathGlob("a\\*b").matches("a*b"))
        XCTAssertFalse(PathGlob("a\\*b").matches("axb"))
    }
}
