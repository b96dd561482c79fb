import Foundation
import XCTest
@testable import GitStore

final class FetchTests: XCTestCase {
    func testCacheClonesOnceThenFetchesIncrementallyAndMirrorsTags() throws {
        let fx = try GitFixture()
        let (origin, url, _) = try fx.makeOriginAndClone(files: ["values.yaml": "a: 1\n"])
        let cache = RemoteCache(root: fx.path("cache"))

        let (repo, first) = try cache.sync(url: url)
        XCTAssertTrue(repo.isBare)
        XCTAssertEqual(try RevisionResolver(repo).resolve("main").hex, try fx.revParse(origin, "main"))
        XCTAssertTrue(first.updates.contains { $0.name == "refs/heads/main" && $0.old == nil })
        fx.assertFsck(repo.gitDirectory)

        let newTip = try fx.pushAsSomeoneElse(to: url, files: ["values.yaml": "a: 2\n"], message: "bump")
        try fx.git(origin, "tag", "v2", newTip)
        let (again, second) = try cache.sync(url: url)
        XCTAssertEqual(again.gitDirectory, repo.gitDirectory, "same cache directory for the same URL")
        XCTAssertEqual(try RevisionResolver(again).resolve("main").hex, newTip)
        XCTAssertEqual(try RevisionResolver(again).resolve("v2").hex, newTip)
        XCTAssertEqual(second.updates.first { $0.name == "refs/heads/main" }?.new?.hex, newTip)
        XCTAssertLessThan(second.receivedObjects, 10, "only the new commit's objects travel")
        XCTAssertEqual(try TreeSnapshot(repository: again, revision: "main").string(at: "values.yaml"), "a: 2\n")
        fx.assertFsck(again.gitDirectory)

        let (_, third) = try cache.sync(url: url)
        XCTAssertEqual(third.updates, [], "nothing new, nothing moves")
    }

    func testInterruptedFetchLeavesTheCacheUsableAndTheNextFetchCompletes() throws {
        let fx = try GitFixture()
        let (origin, url, clone) = try fx.makeOriginAndClone(files: ["seed.txt": "seed\n"])
        let cache = RemoteCache(root: fx.path("cache"))
        let (repo, _) = try cache.sync(url: url)
        let before = try RevisionResolver(repo).resolve("main")

        // A large push: 400 files with distinct content.
        var files: [String: String] = [:]
        for i in 0..<400 { files["data/file\(i).txt"] = String(repeating: "line \(i) \(UUID().uuidString)\n", count: 20) }
        try fx.commit(clone, files, message: "big")
        try fx.git(clone, "push", "-q", "origin", "main")
        let target = try fx.revParse(origin, "main")

        var seen = 0
        XCTAssertThrowsError(try cache.sync(url: url, options: FetchOptions(progress: { progress in
            seen = progress.receivedObjects
            return progress.receivedObjects < 50
        }))) { error in
            guard case GitError.cancelled(_, let subject) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(subject, url)
        }
        XCTAssertGreaterThanOrEqual(seen, 50, "the fetch was stopped part-way through the pack")
        let reopened = try Repository(at: repo.gitDirectory)
        XCTAssertEqual(try RevisionResolver(reopened).resolve("main"), before, "refs are untouched by the interrupted fetch")
        XCTAssertEqual(try TreeSnapshot(repository: reopened, revision: "main").string(at: "seed.txt"), "seed\n")
        fx.assertFsck(repo.gitDirectory)

        let (done, result) = try cache.sync(url: url)
        XCTAssertEqual(try RevisionResolver(done).resolve("main").hex, target)
        XCTAssertGreaterThan(result.receivedObjects, 400)
        XCTAssertEqual(try TreeSnapshot(repository: done, revision: "main").paths.count, 401)
        fx.assertFsck(done.gitDirectory)
    }

    func testStaleRefLocksFromAKilledFetchAreCleared() throws {
        let fx = try GitFixture()
        let (_, url, _) = try fx.makeOriginAndClone(files: ["a": "1\n"])
        let cache = RemoteCache(root: fx.path("cache"))
        let (repo, _) = try cache.sync(url: url)
        let newTip = try fx.pushAsSomeoneElse(to: url, files: ["a": "2\n"], message: "two")
        // A process killed while updating refs leaves a lock behind.
        let lock = repo.gitDirectory + "refs/heads/main.lock"
        _ = FileManager.default.createFile(atPath: lock, contents: Data())
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: lock)
        let (again, _) = try cache.sync(url: url)
        XCTAssertEqual(try RevisionResolver(again).resolve("main").hex, newTip)
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock))
    }

    func testCacheNeverStoresCredentialsFromTheURL() throws {
        let fx = try GitFixture()
        let (origin, _, _) = try fx.makeOriginAndClone(files: ["a": "1\n"])
        let cache = RemoteCache(root: fx.path("cache"))
        // file:// ignores userinfo, so this still fetches; the config must not keep it.
        let (repo, _) = try cache.sync(url: "file://user:s3cret@" + origin)
        let config = try String(contentsOfFile: repo.gitDirectory + "config", encoding: .utf8)
        XCTAssertFalse(config.contains("s3cret"))
        XCTAssertTrue(config.contains("+refs/heads/*:refs/heads/*"))
    }

    func testSSHTransportIsEitherSupportedOrAClearError() throws {
        let fx = try GitFixture()
        let dir = try fx.makeRepository("repo", files: ["a": "1\n"])
        let repo = try Repository(at: dir)
        try repo.setRemote("origin", url: "ssh://git@127.0.0.1:1/nonexistent.git")
        let known = fx.path("known_hosts")
        _ = FileManager.default.createFile(atPath: known, contents: Data())
        XCTAssertThrowsError(try repo.fetch(options: FetchOptions(credentials: GitCredentials(.none, knownHostsFile: known)))) { error in
            let text = "\(error)"
            if Libgit2.features.contains(.ssh) {
                // Built with SSH: connecting to a closed port fails as a network error naming the remote.
                XCTAssertTrue(text.contains("ssh://127.0.0.1:1/nonexistent.git"), text)
            } else {
                guard case GitError.unsupportedTransport(_, "ssh", _) = error else { return XCTFail(text) }
            }
            XCTAssertFalse(text.contains("git@"), "userinfo is stripped: \(text)")
            print("ssh error as reported: \(text)")
        }
    }
}
