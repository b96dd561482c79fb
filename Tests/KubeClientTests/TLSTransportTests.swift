import Foundation
import TestSupport
import XCTest
import YAML
@testable import KubeClient

/// The client's TLS and authentication against nginx as a TLS front: a test CA, a server
/// certificate for `kube.local` only, client certificates and a bearer token.
final class TLSTransportTests: XCTestCase {
    private static let token = "test-token-7f3a"
    private var dir: String!
    private var certs: TestCertificates!
    private var nginx: NginxServer!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)").path
        certs = try TestCertificates(dir: dir + "/pki")
        try certs.authority("ca")
        try certs.authority("other-ca")
        try certs.authority("client-ca")
        try certs.certificate("server", signedBy: "ca", commonName: "kube.local", subjectAltNames: ["DNS:kube.local"])
        try certs.certificate("alice", signedBy: "client-ca", commonName: "alice", client: true)
        let pki = dir + "/pki"
        // /api answers only a verified client certificate or the right bearer token, as the
        // API server does; anything else gets a 401 Status.
        nginx = try NginxServer(dir: dir + "/nginx", servers: """
            log_format conn '$connection';
            server {
                listen 127.0.0.1:PORT ssl;
                access_log \(dir!)/connections.log conn;
                ssl_certificate \(pki)/server.crt;
                ssl_certificate_key \(pki)/server.key;
                ssl_client_certificate \(pki)/client-ca.crt;
                ssl_verify_client optional;
                location = /api {
                    set $ok "";
                    if ($ssl_client_verify = SUCCESS) { set $ok "cert"; }
                    if ($http_authorization = "Bearer \(Self.token)") { set $ok "token"; }
                    if ($ok = "") { return 401 '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}'; }
                    return 200 '{"kind":"APIVersions","versions":["v1"],"by":"$ok","cn":"$ssl_client_s_dn"}';
                }
            }
            """)
    }

    override func tearDownWithError() throws {
        nginx?.stop()
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func get(_ config: ClientConfig) throws -> HTTPResponse {
        let client = try RESTClient(config: config)
        client.retry = RetryPolicy(maxAttempts: 1)
        return try client.send(HTTPRequest(method: "GET", url: client.url("/api")))
    }

    private func config(ca: String = "ca", serverName: String? = "kube.local", credentials: Credentials = .none,
                        clientCert: Bool = false) -> ClientConfig {
        var tls = TLSSettings()
        tls.certificateAuthority = .file(dir + "/pki/\(ca).crt")
        tls.serverName = serverName
        if clientCert {
            tls.clientCertificate = .file(dir + "/pki/alice.crt")
            tls.clientKey = .pem(Array(FileManager.default.contents(atPath: dir + "/pki/alice.key")!))
        }
        return ClientConfig(server: "https://127.0.0.1:\(nginx.port)", tls: tls, credentials: credentials)
    }

    func testClientCertificateAuthenticates() throws {
        let response = try get(config(clientCert: true))
        XCTAssertEqual(response.status, 200)
        XCTAssertTrue(response.text.contains("\"by\":\"cert\""), response.text)
        XCTAssertTrue(response.text.contains("CN=alice"), response.text)
    }

    func testBearerTokenAuthenticates() throws {
        let response = try get(config(credentials: .bearer(TokenSource(token: Self.token))))
        XCTAssertTrue(response.text.contains("\"by\":\"token\""), response.text)
    }

    func testMissingCredentialsDecodeTheStatus() throws {
        XCTAssertThrowsError(try get(config())) { error in
            let apiError = error as? KubeAPIError
            XCTAssertEqual(apiError?.code, 401)
            XCTAssertEqual(apiError?.reason, "Unauthorized")
            XCTAssertEqual("\(error)", "Error from server (Unauthorized): Unauthorized")
        }
    }

    func testWrongCertificateAuthorityFailsClearly() throws {
        XCTAssertThrowsError(try get(config(ca: "other-ca", credentials: .bearer(TokenSource(token: Self.token))))) { error in
            let transport = error as? TransportError
            XCTAssertEqual(transport?.kind, .tls, "\(error)")
            XCTAssertTrue("\(error)".contains("TLS with https://127.0.0.1:\(nginx.port)/api failed"), "\(error)")
            XCTAssertTrue("\(error)".contains("certificate-authority"), "the message says what to check: \(error)")
        }
    }

    func testTLSServerNameIsWhatTheCertificateIsCheckedAgainst() throws {
        // The certificate names kube.local, not 127.0.0.1: without tls-server-name it fails.
        XCTAssertThrowsError(try get(config(serverName: nil, credentials: .bearer(TokenSource(token: Self.token))))) { error in
            XCTAssertEqual((error as? TransportError)?.kind, .tls, "\(error)")
        }
        XCTAssertEqual(try get(config(serverName: "kube.local", credentials: .bearer(TokenSource(token: Self.token)))).status, 200)
    }

    func testConnectionsAreReused() throws {
        let client = try RESTClient(config: config(credentials: .bearer(TokenSource(token: Self.token))))
        for _ in 0..<5 { _ = try client.send(HTTPRequest(method: "GET", url: client.url("/api"))) }
        XCTAssertEqual(client.transport.requestCount, 5)
        let connections = try AccessLog(dir + "/connections.log").lines { $0.count >= 5 }
        XCTAssertEqual(connections.count, 5)
        XCTAssertEqual(Set(connections).count, 1, "all five requests went over one kept-alive connection")
    }

    /// A plugin that prints the credential in `dir/credential-N.json` on its Nth run (the last
    /// one again after that), and counts its runs in `dir/runs`.
    private func plugin(_ credentials: [Value], apiVersion: String) throws -> ExecCredentialProvider {
        for (i, status) in credentials.enumerated() {
            let document: Value = ["apiVersion": .string(apiVersion), "kind": "ExecCredential", "status": status]
            try JSONWriter().string(document).write(toFile: dir + "/credential-\(i + 1).json", atomically: true, encoding: .utf8)
        }
        let script = dir + "/plugin.sh"
        try """
            #!/bin/sh
            echo run >> '\(dir!)/runs'
            n=$(wc -l < '\(dir!)/runs')
            [ "$n" -gt \(credentials.count) ] && n=\(credentials.count)
            cat '\(dir!)/credential-'$n'.json'
            """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return ExecCredentialProvider(config: .init(apiVersion: apiVersion, command: script), server: "https://127.0.0.1:\(nginx.port)")
    }

    private var pluginRuns: Int {
        ((try? String(contentsOfFile: dir + "/runs", encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    func testExecPluginTokenIsCachedUntilItExpires() throws {
        for apiVersion in ["client.authentication.k8s.io/v1beta1", "client.authentication.k8s.io/v1"] {
            try? FileManager.default.removeItem(atPath: dir + "/runs")
            let provider = try plugin([["token": .string(Self.token), "expirationTimestamp": "2099-01-01T00:00:00Z"]], apiVersion: apiVersion)
            let client = try RESTClient(config: config(credentials: .exec(provider)))
            for _ in 0..<3 {
                let response = try client.send(HTTPRequest(method: "GET", url: client.url("/api")))
                XCTAssertTrue(response.text.contains("\"by\":\"token\""), response.text)
            }
            XCTAssertEqual(pluginRuns, 1, "\(apiVersion): one run serves every request until 2099")
        }
    }

    func testExecPluginRunsAgainWhenItsTokenExpiresOrIsRefused() throws {
        // The first credential has already expired; the second is refused (401); the third works.
        let provider = try plugin([["token": "old", "expirationTimestamp": "2001-01-01T00:00:00Z"],
                                   ["token": "revoked", "expirationTimestamp": "2099-01-01T00:00:00Z"],
                                   ["token": .string(Self.token)]], apiVersion: "client.authentication.k8s.io/v1")
        let client = try RESTClient(config: config(credentials: .exec(provider)))
        XCTAssertEqual(try provider.credential().token, "old")
        let response = try client.send(HTTPRequest(method: "GET", url: client.url("/api")))
        XCTAssertTrue(response.text.contains("\"by\":\"token\""), response.text)
        XCTAssertEqual(pluginRuns, 3, "expired → run again; 401 → run again")
    }

    func testExecPluginClientCertificateAuthenticates() throws {
        let certificate = try String(contentsOfFile: dir + "/pki/alice.crt", encoding: .utf8)
        let key = try String(contentsOfFile: dir + "/pki/alice.key", encoding: .utf8)
        let provider = try plugin([["clientCertificateData": .string(certificate), "clientKeyData": .string(key)]],
                                  apiVersion: "client.authentication.k8s.io/v1beta1")
        let response = try get(config(credentials: .exec(provider)))
        XCTAssertTrue(response.text.contains("\"by\":\"cert\""), response.text)
        XCTAssertTrue(response.text.contains("CN=alice"), response.text)
    }

    func testInClusterServiceAccountAuthenticatesAndFollowsTokenRotation() throws {
        // The API server's certificate names its service IP, as a cluster's does.
        try certs.certificate("apiserver", signedBy: "ca", commonName: "kube-apiserver", subjectAltNames: ["IP:127.0.0.1"])
        let apiserver = try NginxServer(dir: dir + "/nginx-in-cluster", servers: """
            server {
                listen 127.0.0.1:PORT ssl;
                ssl_certificate \(dir!)/pki/apiserver.crt;
                ssl_certificate_key \(dir!)/pki/apiserver.key;
                location = /api {
                    if ($http_authorization != "Bearer \(Self.token)") { return 401 '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}'; }
                    return 200 '{"kind":"APIVersions","versions":["v1"]}';
                }
            }
            """)
        defer { apiserver.stop() }
        let root = dir + "/serviceaccount"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: dir + "/pki/ca.crt", toPath: root + "/ca.crt")
        try "chatbot-dev\n".write(toFile: root + "/namespace", atomically: true, encoding: .utf8)
        try "expired-token\n".write(toFile: root + "/token", atomically: true, encoding: .utf8)
        let env = ["KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": String(apiserver.port), "HOME": dir + "/nohome"]
        let config = try ClientConfig.load(environment: env, serviceAccountRoot: root)
        XCTAssertEqual(config.namespace, "chatbot-dev")
        let client = try RESTClient(config: config)
        client.retry = RetryPolicy(maxAttempts: 1)
        XCTAssertThrowsError(try client.send(HTTPRequest(method: "GET", url: client.url("/api")))) { error in
            XCTAssertEqual((error as? KubeAPIError)?.code, 401, "\(error)")
        }
        // The kubelet rotates the projected token: written aside, then renamed into place.
        try "\(Self.token)\n".write(toFile: root + "/token.new", atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(10)], ofItemAtPath: root + "/token.new")
        XCTAssertEqual(rename(root + "/token.new", root + "/token"), 0)
        XCTAssertEqual(try client.send(HTTPRequest(method: "GET", url: client.url("/api"))).status, 200, "the rotated token is read")
    }
}
