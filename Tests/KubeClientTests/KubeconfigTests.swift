import Foundation
import TestSupport
import XCTest
import YAML
@testable import KubeClient

/// Kubeconfig loading against kubectl itself: `kubectl config view --merge --raw -o json`
/// over the same files must agree with Shipshape's merge.
final class KubeconfigTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubeconfig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("b"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func write(_ path: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(path)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private static let fileA = """
        apiVersion: v1
        kind: Config
        current-context: ""
        clusters:
        - name: one
          cluster:
            server: https://one:6443
            certificate-authority: ca.crt
        - name: shared
          cluster:
            server: https://from-a
        users:
        - name: u1
          user:
            token: abc
            client-certificate: certs/u1.crt
            client-key: /abs/u1.key
        contexts:
        - name: c1
          context: {cluster: one, user: u1, namespace: ns1}
        """

    private static let fileB = """
        apiVersion: v1
        kind: Config
        current-context: c2
        clusters:
        - name: shared
          cluster:
            server: https://from-b
            insecure-skip-tls-verify: true
            tls-server-name: kube.local
        - name: two
          cluster:
            server: http://127.0.0.1:8080
            proxy-url: http://proxy:3128
        users:
        - name: u2
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: ./plugin.sh
              args: [a, b]
        - name: u1
          user:
            token: from-b
        contexts:
        - name: c2
          context: {cluster: shared, user: u2}
        - name: c1
          context: {cluster: two, user: u2}
        - name: c3
          context: {cluster: two}
        """

    func testMergeMatchesKubectlConfigViewMerge() throws {
        let a = try write("a/config", Self.fileA)
        let b = try write("b/config", Self.fileB)
        for order in [[a, b], [b, a]] {
            let env = ["KUBECONFIG": order.joined(separator: ":"), "HOME": dir.path]
            let ours = try KubeconfigLoader(environment: env).load()
            let kubectl = try kubectlView(env)
            XCTAssertEqual(ours.currentContext, kubectl["current-context"]?.string ?? "", "order \(order)")
            let clusters = kubectl["clusters"]?.array ?? []
            XCTAssertEqual(Set(ours.clusters.keys), Set(clusters.compactMap { $0["name"]?.string }))
            for entry in clusters {
                let name = entry["name"]!.string!, c = entry["cluster"]!
                let mine = try XCTUnwrap(ours.clusters[name])
                XCTAssertEqual(mine.server, c["server"]?.string, "cluster \(name)")
                XCTAssertEqual(mine.insecureSkipTLSVerify, c["insecure-skip-tls-verify"] == .bool(true), "cluster \(name)")
                XCTAssertEqual(mine.tlsServerName, c["tls-server-name"]?.string)
                XCTAssertEqual(mine.proxyURL, c["proxy-url"]?.string)
                XCTAssertEqual(mine.certificateAuthority, c["certificate-authority"]?.string.map { resolve($0, mine.origin) })
            }
            let users = kubectl["users"]?.array ?? []
            XCTAssertEqual(Set(ours.users.keys), Set(users.compactMap { $0["name"]?.string }))
            for entry in users {
                let name = entry["name"]!.string!, u = entry["user"]!
                let mine = try XCTUnwrap(ours.users[name])
                XCTAssertEqual(mine.token, u["token"]?.string, "user \(name)")
                XCTAssertEqual(mine.clientCertificate, u["client-certificate"]?.string.map { resolve($0, mine.origin) })
                XCTAssertEqual(mine.clientKey, u["client-key"]?.string.map { resolve($0, mine.origin) })
                XCTAssertEqual(mine.exec?.args, u["exec"]?["args"]?.array?.compactMap(\.string))
                XCTAssertEqual(mine.exec?.command, u["exec"]?["command"]?.string.map { resolve($0, mine.origin) })
            }
            let contexts = kubectl["contexts"]?.array ?? []
            XCTAssertEqual(Set(ours.contexts.keys), Set(contexts.compactMap { $0["name"]?.string }))
            for entry in contexts {
                let name = entry["name"]!.string!, c = entry["context"]!
                let mine = try XCTUnwrap(ours.contexts[name])
                XCTAssertEqual(mine.cluster, c["cluster"]?.string ?? "", "context \(name)")
                XCTAssertEqual(mine.user, c["user"]?.string ?? "", "context \(name)")
                XCTAssertEqual(mine.namespace, c["namespace"]?.string, "context \(name)")
            }
        }
    }

    /// kubectl prints paths as written; Shipshape resolves them against the file's folder.
    private func resolve(_ path: String, _ origin: String?) -> String {
        path.hasPrefix("/") ? path : ((origin! as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
    }

    private func kubectlView(_ env: [String: String]) throws -> Value {
        let kubectl = try XCTUnwrap(Subprocess.find("kubectl"), "kubectl is needed as the reference")
        let script = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ") + " '\(kubectl)' config view --merge --raw -o json"
        let result = try Subprocess.run("/bin/sh", ["-c", script])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONParser().parse(result.stdout)
    }

    func testContextSelectionAndErrorsNameWhatIsMissing() throws {
        let a = try write("a/config", Self.fileA)
        let b = try write("b/config", Self.fileB)
        let merged = try KubeconfigLoader(environment: ["KUBECONFIG": "\(a):\(b)"]).load()
        let current = try ClientConfig.from(merged)
        XCTAssertEqual(current.server, "https://from-a")
        XCTAssertEqual(current.namespace, "default")
        XCTAssertEqual(current.tls.insecureSkipVerify, false, "cluster shared comes from the first file")
        let c1 = try ClientConfig.from(merged, context: "c1", namespace: nil)
        XCTAssertEqual(c1.namespace, "ns1")
        XCTAssertEqual(c1.tls.certificateAuthority, .file(dir.appendingPathComponent("a/ca.crt").path))
        if case .bearer(let source) = c1.credentials { XCTAssertEqual(try source.token(), "abc") } else { XCTFail("bearer expected") }
        XCTAssertEqual(try ClientConfig.from(merged, context: "c1", namespace: "override").namespace, "override")
        XCTAssertThrowsError(try ClientConfig.from(merged, context: "nope")) { error in
            XCTAssertEqual("\(error)", "context \"nope\" does not exist in the kubeconfig")
        }
        XCTAssertThrowsError(try KubeconfigLoader(explicitPath: dir.appendingPathComponent("missing").path).load())
    }

    func testExecPluginCredentialIsCachedUntilItExpires() throws {
        let counter = dir.appendingPathComponent("runs").path
        let plugin = try write("a/plugin.sh", """
            #!/bin/sh
            echo run >> '\(counter)'
            case "$KUBERNETES_EXEC_INFO" in *ExecCredential*) ;; *) echo "no exec info" >&2; exit 3;; esac
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"tok-'"$1"'","expirationTimestamp":"2099-01-01T00:00:00Z"}}'
            """)
        chmod(plugin, 0o755)
        let config = try write("a/config", """
            apiVersion: v1
            kind: Config
            current-context: x
            clusters: [{name: c, cluster: {server: "https://k:6443"}}]
            users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: ./plugin.sh, args: [one]}}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            """)
        let client = try ClientConfig.load(kubeconfig: config, environment: [:])
        guard case .exec(let provider) = client.credentials else { return XCTFail("exec credentials expected") }
        XCTAssertEqual(try provider.credential().token, "tok-one")
        XCTAssertEqual(try provider.credential().token, "tok-one")
        XCTAssertEqual(provider.runs, 1, "a credential valid until 2099 is reused")
        _ = try provider.credential(now: Date(timeIntervalSince1970: 4_200_000_000))
        XCTAssertEqual(provider.runs, 2, "an expired credential is fetched again")
    }

    func testExecPluginFailureSaysWhy() throws {
        let plugin = try write("a/bad.sh", "#!/bin/sh\necho 'token expired, run login' >&2\nexit 1\n")
        chmod(plugin, 0o755)
        let provider = ExecCredentialProvider(config: .init(apiVersion: "client.authentication.k8s.io/v1", command: plugin),
                                              server: "https://k")
        XCTAssertThrowsError(try provider.credential()) { error in
            XCTAssertEqual("\(error)", "exec plugin \(plugin) failed with exit status 1: token expired, run login")
        }
    }

    func testInClusterConfigReadsTheServiceAccountAndFollowsTokenRotation() throws {
        let root = dir.appendingPathComponent("sa")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("first\n".utf8).write(to: root.appendingPathComponent("token"))
        try Data("chatbot-dev".utf8).write(to: root.appendingPathComponent("namespace"))
        try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(to: root.appendingPathComponent("ca.crt"))
        let env = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443", "HOME": dir.path]
        let config = try ClientConfig.load(environment: env, serviceAccountRoot: root.path)
        XCTAssertEqual(config.server, "https://10.96.0.1:443")
        XCTAssertEqual(config.namespace, "chatbot-dev")
        XCTAssertEqual(config.tls.certificateAuthority, .file(root.appendingPathComponent("ca.crt").path))
        guard case .bearer(let source) = config.credentials else { return XCTFail("bearer expected") }
        XCTAssertEqual(try source.token(), "first")
        try Data("second\n".utf8).write(to: root.appendingPathComponent("token"))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)],
                                              ofItemAtPath: root.appendingPathComponent("token").path)
        XCTAssertEqual(try source.token(), "second", "a rotated token is picked up")
        XCTAssertThrowsError(try ClientConfig.inCluster(environment: [:], root: root.path))
    }
}
