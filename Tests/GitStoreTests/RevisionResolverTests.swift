import XCTest
@testable import GitStore

final class RevisionResolverTests: XCTestCase {
    func testResolvesBranchTagShaShortShaAndAncestry() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["a.txt": "1\n"])
        let first = try fx.revParse(dir, "HEAD")
        try fx.git(dir, "tag", "-a", "v1", "-m", "release 1")
        try fx.git(dir, "tag", "light")
        let second = try fx.commit(dir, ["a.txt": "2\n"], message: "second")
        let third = try fx.commit(dir, ["a.txt": "3\n"], message: "third")
        try fx.git(dir, "branch", "feature", second)

        let repo = try Repository(at: dir)
        let resolver = RevisionResolver(repo)
        XCTAssertEqual(try resolver.resolve("main").hex, third)
        XCTAssertEqual(try resolver.resolve("HEAD").hex, third)
        XCTAssertEqual(try resolver.resolve("feature").hex, second)
        XCTAssertEqual(try resolver.resolve("v1").hex, first, "annotated tags peel to their commit")
        XCTAssertEqual(try resolver.resolve("light").hex, first)
        XCTAssertEqual(try resolver.resolve(second).hex, second)
        XCTAssertEqual(try resolver.resolve(String(second.prefix(8))).hex, second)
        XCTAssertEqual(try resolver.resolve("HEAD~2").hex, first)
        XCTAssertEqual(try resolver.resolve("main^").hex, second)
        XCTAssertEqual(try resolver.branchTip("feature")?.hex, second)
        XCTAssertNil(try resolver.branchTip("missing"))
    }

    func testUnknownRevisionIsATypedErrorNamingRepoAndRevision() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["a.txt": "1\n"])
        let repo = try Repository(at: dir)
        XCTAssertThrowsError(try RevisionResolver(repo).resolve("no-such-branch")) { error in
            guard case GitError.revisionNotFound(let repoPath, let rev) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(rev, "no-such-branch")
            XCTAssertTrue(repoPath.hasPrefix(dir))
        }
        XCTAssertThrowsError(try RevisionResolver(repo).resolve("HEAD~5"))
    }

    func testOpeningANonRepositoryFailsClearly() throws {
        let fx = try GitFixture()
        XCTAssertThrowsError(try Repository(at: fx.root)) { error in
            XCTAssertEqual(error as? GitError, .repositoryNotFound(path: fx.root))
        }
    }

    func testDiscoverFindsTheRepositoryContainingAFile() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["charts/app/values.yaml": "a: 1\n"])
        let repo = try Repository.discover(containing: dir + "/charts/app/values.yaml")
        XCTAssertEqual(repo.workTree, dir + "/")
        XCTAssertEqual(try repo.relativePath(of: dir + "/charts/app/values.yaml"), "charts/app/values.yaml")
        XCTAssertEqual(repo.currentBranch, "main")
    }
}
