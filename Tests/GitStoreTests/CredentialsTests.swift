import Foundation
import XCTest
@testable import GitStore

final class RemoteURLTests: XCTestCase {
    func testRedactionStripsUserinfoEverywhere() {
        XCTAssertEqual(RemoteURL("https://bot:ghp_secret@github.com/org/repo.git").redacted, "https://github.com/org/repo.git")
        XCTAssertEqual(RemoteURL("https://github.com/org/repo.git").redacted, "https://github.com/org/repo.git")
        XCTAssertEqual(RemoteURL("git@github.com:org/repo.git").redacted, "github.com:org/repo.git")
        XCTAssertEqual(RemoteURL("git@github.com:org/repo.git").scheme, "ssh")
        XCTAssertEqual(RemoteURL("ssh://git@host:2222/repo.git").port, 2222)
        XCTAssertEqual(RemoteURL("ssh://git@host:2222/repo.git").host, "host")
        XCTAssertEqual(RemoteURL("ssh://git@host:2222/repo.git").user, "git")
        XCTAssertEqual(RemoteURL("/srv/git/repo.git").scheme, "local")
        XCTAssertEqual(RemoteURL("file:///srv/git/repo.git").scheme, "file")
        XCTAssertEqual(RemoteURL("https://u:p%40ss@h/r").password, "p@ss")
        XCTAssertEqual(RemoteURL.scrub("failed for 'https://u:tok@h/r.git' (tok)", secrets: ["tok"]), "failed for 'https://h/r.git' (***)")
    }
}

final class CredentialsTests: XCTestCase {
    func testEnvironmentPrecedenceAndDefaults() throws {
        let token = try GitCredentials.fromEnvironment(["SHIPSHAPE_GIT_TOKEN": "t0k", "SHIPSHAPE_GIT_PASSWORD": "pw", "HOME": "/home/x"])
        guard case .token("x-access-token", "t0k") = token.kind else { return XCTFail("\(token)") }
        XCTAssertEqual(token.knownHostsFile, "/home/x/.ssh/known_hosts")
        let basic = try GitCredentials.fromEnvironment(["SHIPSHAPE_GIT_USERNAME": "me", "SHIPSHAPE_GIT_PASSWORD": "pw"])
        guard case .basic("me", "pw") = basic.kind else { return XCTFail("\(basic)") }
        XCTAssertThrowsError(try GitCredentials.fromEnvironment(["SHIPSHAPE_GIT_PASSWORD": "pw"]), "a password needs a user")
        XCTAssertEqual(try GitCredentials.fromEnvironment([:]).method, .none)
    }

    func testMountedSecretDirectoryAndFilesAreRead() throws {
        let fx = try GitFixture()
        try fx.write(["secret/username": "robot\n", "secret/password": "hunter2\n", "secret/ca.crt": "PEM"], in: fx.root)
        let creds = try GitCredentials.fromEnvironment(["SHIPSHAPE_GIT_CREDENTIALS_DIR": fx.path("secret")])
        guard case .basic("robot", "hunter2") = creds.kind else { return XCTFail("\(creds)") }
        XCTAssertEqual(creds.caFile, fx.path("secret/ca.crt"))
        try fx.write(["tok": "abc\n"], in: fx.root)
        let fromFile = try GitCredentials.fromEnvironment(["SHIPSHAPE_GIT_TOKEN_FILE": fx.path("tok")])
        guard case .token(_, "abc") = fromFile.kind else { return XCTFail("\(fromFile)") }
        XCTAssertThrowsError(try GitCredentials.fromEnvironment(["SHIPSHAPE_GIT_TOKEN_FILE": fx.path("missing")]))
    }

    func testCredentialsNeverPrintTheirSecrets() {
        let creds = GitCredentials(.basic(username: "me", password: "hunter2"))
        for text in ["\(creds)", String(reflecting: creds), "\(Mirror(reflecting: creds).children.map { "\($0.value)" })"] {
            XCTAssertFalse(text.contains("hunter2"), text)
        }
    }
}

final class KnownHostsTests: XCTestCase {
    func testPlainHashedPortAndMismatchVerdictsWithRealKeys() throws {
        let fx = try GitFixture()
        try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", fx.path("host"), "-C", ""])
        try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", fx.path("impostor"), "-C", ""])
        let pub = try String(contentsOfFile: fx.path("host.pub"), encoding: .utf8).split(separator: " ")
        let impostor = try String(contentsOfFile: fx.path("impostor.pub"), encoding: .utf8).split(separator: " ")
        let key = Array(Data(base64Encoded: String(pub[1]))!)
        let otherKey = Array(Data(base64Encoded: String(impostor[1]))!)
        let contents = "# comment\ngit.example.com,10.0.0.1 \(pub[0]) \(pub[1])\n[git.example.com]:2222 \(pub[0]) \(pub[1])\n"
        try contents.write(toFile: fx.path("known_hosts"), atomically: true, encoding: .utf8)
        let plain = try KnownHosts(file: fx.path("known_hosts"))
        XCTAssertEqual(plain.verify(host: "git.example.com", port: nil, keyType: "ssh-ed25519", key: key), .trusted)
        XCTAssertEqual(plain.verify(host: "10.0.0.1", port: 22, keyType: "ssh-ed25519", key: key), .trusted)
        XCTAssertEqual(plain.verify(host: "git.example.com", port: 2222, keyType: "ssh-ed25519", key: key), .trusted)
        XCTAssertEqual(plain.verify(host: "git.example.com", port: 2200, keyType: "ssh-ed25519", key: key), .unknown)
        XCTAssertEqual(plain.verify(host: "git.example.com", port: nil, keyType: "ssh-ed25519", key: otherKey), .mismatch)
        XCTAssertEqual(plain.verify(host: "other.example.com", port: nil, keyType: "ssh-ed25519", key: key), .unknown)

        // ssh-keygen -H hashes the host names with HMAC-SHA1; our matcher must agree.
        try Shell.run("ssh-keygen", ["-q", "-H", "-f", fx.path("known_hosts")])
        let hashedText = try String(contentsOfFile: fx.path("known_hosts"), encoding: .utf8)
        XCTAssertTrue(hashedText.contains("|1|") && !hashedText.contains("git.example.com"))
        let hashed = try KnownHosts(file: fx.path("known_hosts"))
        XCTAssertEqual(hashed.verify(host: "git.example.com", port: nil, keyType: "ssh-ed25519", key: key), .trusted)
        XCTAssertEqual(hashed.verify(host: "git.example.com", port: 2222, keyType: "ssh-ed25519", key: key), .trusted)
        XCTAssertEqual(hashed.verify(host: "git.example.org", port: nil, keyType: "ssh-ed25519", key: key), .unknown)

        let revoked = KnownHosts(contents: "@revoked * \(pub[0]) \(pub[1])\ngit.example.com \(pub[0]) \(pub[1])\n")
        XCTAssertEqual(revoked.verify(host: "git.example.com", port: nil, keyType: "ssh-ed25519", key: key), .revoked)
    }

    func testSHA1MatchesKnownVectors() {
        let hex = { (b: [UInt8]) in b.map { String(format: "%02x", $0) }.joined() }
        XCTAssertEqual(hex(SHA1.hash(Array("abc".utf8))), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(hex(SHA1.hmac(key: Array("key".utf8), message: Array("The quick brown fox jumps over the lazy dog".utf8))),
                       "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9")
    }
}
