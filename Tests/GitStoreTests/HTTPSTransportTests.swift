import Foundation
import TestSupport
import XCTest
@testable import GitStore

/// Fetch and push over real HTTPS: nginx (TLS, basic auth) → fcgiwrap → git http-backend.
final class HTTPSTransportTests: XCTestCase {
    var fx: GitFixture!
    var server: HTTPSGitServer!
    var served: String!

    override func setUpWithError() throws {
        fx = try GitFixture("https")
        server = try HTTPSGitServer.start(in: fx.path(""))
        let seed = try fx.makeRepository("seed", files: ["values.yaml": "memory: 512Mi\n"])
        served = try server.serve(seed, as: "app.git")
    }

    override func tearDown() {
        server?.stop()
        server = nil
        fx = nil
    }

    var basic: GitCredentials {
        GitCredentials(.basic(username: "shipshape", password: HTTPSGitServer.users["shipshape"]!), caFile: server.caFile)
    }

    func testFetchAndPushOverHTTPSWithBasicAuth() throws {
        let cache = RemoteCache(root: fx.path("cache"))
        let (mirror, _) = try cache.sync(url: server.url("app.git"), options: FetchOptions(credentials: basic))
        XCTAssertEqual(try RevisionResolver(mirror).resolve("main").hex, try fx.revParse(served, "main"))
        fx.assertFsck(mirror.gitDirectory)

        // A work clone whose origin is the HTTPS URL: commit, then push over HTTPS.
        let clone = fx.path("clone")
        try Shell.run("git", ["clone", "-q", "file://" + served, clone])
        let repo = try Repository(at: clone)
        try repo.setRemote("origin", url: server.url("app.git"))
        let commit = try CommitBuilder(repo).commit(CommitRequest(
            changes: try changes(["values.yaml": "memory: 640Mi\n"]), branch: "main",
            message: CommitMessage(subject: "memory 640Mi", trailers: [.shipshape("Env", "prod")]), environment: testEnvironment))
        let pushed = try repo.push(branch: "main", options: PushOptions(credentials: basic))
        XCTAssertEqual(pushed.pushed, commit.commit)
        XCTAssertEqual(try fx.revParse(served, "main"), commit.commit?.hex)
        fx.assertFsck(served)

        // Someone else pushes; our next commit is replayed over HTTPS.
        let theirs = try fx.pushAsSomeoneElse(to: "file://" + served, files: ["README.md": "x\n"], message: "docs")
        let second = try CommitBuilder(repo).commit(CommitRequest(
            changes: try changes(["values.yaml": "memory: 768Mi\n"]), branch: "main",
            message: CommitMessage(subject: "memory 768Mi", trailers: [.shipshape("Env", "prod")]), environment: testEnvironment))
        let replayed = try repo.push(branch: "main", options: PushOptions(credentials: basic))
        XCTAssertEqual(replayed.replayed.map(\.original), [second.commit!])
        XCTAssertEqual(try fx.revParse(served, "main^"), theirs)
        XCTAssertEqual(try fx.git(served, "show", "main:values.yaml"), "memory: 768Mi\n")
        fx.assertFsck(served)

        // Incremental fetch of the mirror over HTTPS.
        let (again, result) = try cache.sync(url: server.url("app.git"), options: FetchOptions(credentials: basic))
        XCTAssertEqual(try RevisionResolver(again).resolve("main").hex, try fx.revParse(served, "main"))
        XCTAssertFalse(result.updates.isEmpty)
    }

    /// The recommend CronJob's path: credentials only from the mounted folder named by
    /// SHIPSHAPE_GIT_CREDENTIALS_DIR, a mirror in the cache, a commit built in the mirror (no
    /// work tree) on a new branch, pushed over HTTPS.
    func testACommitInTheMirrorIsPushedWithTheCredentialsDirectory() throws {
        let secret = fx.path("secret")
        try FileManager.default.createDirectory(atPath: secret, withIntermediateDirectories: true)
        try "shipshape\n".write(toFile: secret + "/username", atomically: true, encoding: .utf8)
        try (HTTPSGitServer.users["shipshape"]! + "\n").write(toFile: secret + "/password", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: server.caFile, toPath: secret + "/ca.crt")
        let credentials = try GitCredentials.fromEnvironment(["SHIPSHAPE_GIT_CREDENTIALS_DIR": secret, "HOME": fx.path("home")])
        XCTAssertEqual(credentials.method, .basic)

        let (mirror, _) = try RemoteCache(root: fx.path("cache")).sync(url: server.url("app.git"), options: FetchOptions(credentials: credentials))
        XCTAssertNil(mirror.workTree)
        let base = try RevisionResolver(mirror).resolve("main")
        let outcome = try GitStore.commit(changes: try changes(["values.yaml": "memory: 384Mi\n"]), in: mirror,
                                          branch: "shipshape/recommendations/prod", base: base.hex,
                                          message: CommitMessage(subject: "memory 384Mi", trailers: [.shipshape("Recommend", "prod")]),
                                          push: PushOptions(credentials: credentials), environment: testEnvironment)
        XCTAssertTrue(outcome.commit.createdBranch)
        XCTAssertEqual(outcome.push?.pushed, outcome.commit.commit)
        XCTAssertEqual(try fx.revParse(served, "shipshape/recommendations/prod"), outcome.commit.commit?.hex)
        XCTAssertEqual(try fx.git(served, "show", "shipshape/recommendations/prod:values.yaml"), "memory: 384Mi\n")
        XCTAssertEqual(try fx.revParse(served, "shipshape/recommendations/prod^"), base.hex)
        fx.assertFsck(served)
    }

    func testTokenFromTheEnvironmentAuthenticates() throws {
        let credentials = try GitCredentials.fromEnvironment([
            "SHIPSHAPE_GIT_TOKEN": HTTPSGitServer.users["x-access-token"]!,
            "SHIPSHAPE_GIT_CA_FILE": server.caFile,
        ])
        XCTAssertEqual(credentials.method, .token)
        let (mirror, _) = try RemoteCache(root: fx.path("cache")).sync(url: server.url("app.git"), options: FetchOptions(credentials: credentials))
        XCTAssertEqual(try RevisionResolver(mirror).resolve("main").hex, try fx.revParse(served, "main"))
    }

    func testWrongPasswordIsAClearErrorNamingTheRemoteAndMethodButNotTheSecret() throws {
        let secret = "wrong-secret-8c1d"
        let wrong = GitCredentials(.basic(username: "shipshape", password: secret), caFile: server.caFile)
        XCTAssertThrowsError(try RemoteCache(root: fx.path("cache")).sync(url: server.url("app.git"), options: FetchOptions(credentials: wrong))) { error in
            XCTAssertEqual(error as? GitError, .authenticationFailed(remote: self.server.url("app.git"), method: .basic))
            XCTAssertFalse("\(error)".contains(secret))
            XCTAssertTrue("\(error)".contains("authentication to https://127.0.0.1:\(self.server.port)/app.git failed using basic"), "\(error)")
        }

        // Credentials embedded in the URL are stripped from every message too.
        let clone = try fx.makeRepository("work", files: ["a": "1\n"])
        let repo = try Repository(at: clone)
        try repo.setRemote("origin", url: "https://shipshape:\(secret)@127.0.0.1:\(server.port)/app.git")
        XCTAssertThrowsError(try repo.push(branch: "main", options: PushOptions(credentials: GitCredentials(.none, caFile: server.caFile)))) { error in
            let text = "\(error)"
            XCTAssertFalse(text.contains(secret), text)
            XCTAssertTrue(text.contains("https://127.0.0.1:\(self.server.port)/app.git"), text)
            guard case GitError.authenticationFailed(_, .basic) = error else { return XCTFail(text) }
        }
    }

    func testMissingCredentialsSayWhatToConfigure() throws {
        XCTAssertThrowsError(try RemoteCache(root: fx.path("cache")).sync(
            url: server.url("app.git"), options: FetchOptions(credentials: GitCredentials(.none, caFile: server.caFile)))) { error in
            XCTAssertEqual(error as? GitError, .authenticationRequired(remote: self.server.url("app.git"), offered: [.token, .basic]))
            XCTAssertTrue("\(error)".contains("SHIPSHAPE_GIT_TOKEN"))
        }
    }

    func testCertificateFromAnUntrustedCAIsRefused() throws {
        let untrusting = GitCredentials(.basic(username: "shipshape", password: HTTPSGitServer.users["shipshape"]!), caFile: server.otherCAFile)
        XCTAssertThrowsError(try RemoteCache(root: fx.path("cache")).sync(url: server.url("app.git"), options: FetchOptions(credentials: untrusting))) { error in
            guard case GitError.hostVerificationFailed(let remote, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(remote, self.server.url("app.git"))
        }
    }
}
