import Foundation
import Sandbox
import TestSupport
import XCTest
import YAML

/// `shipshape kube get|apply`, the built binary against the Sandbox: over plain HTTP, and over
/// TLS through nginx with a test CA, compared with what kubectl prints for the same server.
final class KubeCommandTests: XCTestCase {
    private var dir: String!
    private var server: SandboxServer!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kube-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        server = SandboxServer(cluster: Cluster(start: 1_767_571_200, seed: 7))
        try server.start(port: 0, runClock: false)
        try server.writeKubeconfig(to: dir + "/kubeconfig")
    }

    override func tearDownWithError() throws {
        server?.shutdown()
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A token of the CLI's own: a ServiceAccount bound to cluster-admin, its token from the
    /// TokenRequest API (asked in-process, as the admin). The Sandbox rejects unknown tokens.
    private func serviceAccountToken() throws -> String {
        func send(_ method: String, _ target: String, _ body: String) throws -> Value {
            let request = APIRequest(method: method, target: target, headers: ["Content-Type": "application/json"], body: Array(body.utf8))
            guard case .response(let response) = server.cluster.handle(request) else { throw XCTSkip("unexpected watch") }
            return try JSONParser().parse(bytes: response.body)
        }
        _ = try send("POST", "/api/v1/namespaces/default/serviceaccounts", #"{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"cli"}}"#)
        _ = try send("POST", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", """
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"cli-admin"},
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},
             "subjects":[{"kind":"ServiceAccount","name":"cli","namespace":"default"}]}
            """)
        let issued = try send("POST", "/api/v1/namespaces/default/serviceaccounts/cli/token", #"{"kind":"TokenRequest","apiVersion":"authentication.k8s.io/v1","spec":{}}"#)
        return try XCTUnwrap(issued[path: ["status", "token"]]?.string)
    }

    private func shipshape(_ args: [String]) throws -> Subprocess.Result {
        try ShipshapeBinary.run(args)
    }

    private func kubectl(_ args: [String]) throws -> Subprocess.Result {
        let kubectl = try XCTUnwrap(Subprocess.find("kubectl"), "kubectl is needed as the reference")
        return try Subprocess.run(kubectl, args)
    }

    static let chatbot = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: chatbot-dev}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: backend, namespace: chatbot-dev, labels: {app: backend}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: backend}}
          template:
            metadata: {labels: {app: backend}}
            spec:
              containers:
              - name: backend
                image: todo-chatbot/backend:1.4.0
                ports: [{containerPort: 8000}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: frontend, namespace: chatbot-dev, labels: {app: frontend}}
        spec:
          replicas: 1
          selector: {matchLabels: {app: frontend}}
          template:
            metadata: {labels: {app: frontend}}
            spec:
              containers:
              - name: frontend
                image: todo-chatbot/frontend:1.4.0
                ports: [{containerPort: 3000}]
        """

    /// Applies the chatbot with `shipshape kube apply` and lets the Sandbox roll it out.
    private func applyChatbot(kubeconfig: String) throws {
        let manifest = try write("chatbot.yaml", Self.chatbot)
        let applied = try shipshape(["kube", "apply", "-f", manifest, "--kubeconfig", kubeconfig])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertEqual(applied.stdout, """
            namespace/chatbot-dev serverside-applied
            deployment.apps/backend serverside-applied
            deployment.apps/frontend serverside-applied

            """)
        server.cluster.advance(by: 30)
    }

    func testGetDeploymentsOverPlainHTTPMatchesKubectl() throws {
        let kubeconfig = dir + "/kubeconfig"
        try applyChatbot(kubeconfig: kubeconfig)
        let ours = try shipshape(["kube", "get", "deployments", "-n", "chatbot-dev", "--kubeconfig", kubeconfig])
        XCTAssertEqual(ours.status, 0, ours.stderr)
        XCTAssertTrue(ours.stdout.hasPrefix("NAME       READY   UP-TO-DATE   AVAILABLE   AGE\nbackend    2/2 "), ours.stdout)
        let theirs = try kubectl(["get", "deployments", "-n", "chatbot-dev", "--kubeconfig", kubeconfig])
        XCTAssertEqual(theirs.status, 0, theirs.stderr)
        XCTAssertEqual(ours.stdout, theirs.stdout)

        let json = try shipshape(["kube", "get", "deploy", "backend", "-n", "chatbot-dev", "-o", "json", "--kubeconfig", kubeconfig])
        XCTAssertEqual(json.status, 0, json.stderr)
        let backend = try JSONParser().parse(json.stdout)
        XCTAssertEqual(backend["kind"], "Deployment")
        XCTAssertEqual(backend["status"]?["availableReplicas"], 2)

        let selected = try shipshape(["kube", "get", "deployments", "-n", "chatbot-dev", "-l", "app=frontend", "-o", "yaml",
                                      "--kubeconfig", kubeconfig])
        let list = try ValueDecoder.decode(selected.stdout)
        XCTAssertEqual(list["items"]?.array?.compactMap { $0["metadata"]?["name"]?.string }, ["frontend"])

        let missing = try shipshape(["kube", "get", "deployment", "nope", "-n", "chatbot-dev", "--kubeconfig", kubeconfig])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("Error from server (NotFound): deployments.apps \"nope\" not found"), missing.stderr)
    }

    func testApplyDryRunConflictsAndForce() throws {
        let kubeconfig = dir + "/kubeconfig"
        let settings = try write("settings.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, labels: {tier: web}}
            data: {mode: fast}
            """)
        XCTAssertEqual(try shipshape(["kube", "apply", "-f", settings, "--kubeconfig", kubeconfig]).stdout,
                       "configmap/settings serverside-applied\n")
        let changed = try write("changed.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, labels: {tier: api}}
            data: {mode: slow}
            """)
        let dry = try shipshape(["kube", "apply", "-f", changed, "--dry-run=server", "--force-conflicts", "--kubeconfig", kubeconfig])
        XCTAssertEqual(dry.stdout, "configmap/settings serverside-applied (server dry run)\n", dry.stderr)

        let conflict = try shipshape(["kube", "apply", "-f", changed, "--field-manager", "hotfix", "--kubeconfig", kubeconfig])
        XCTAssertNotEqual(conflict.status, 0)
        XCTAssertTrue(conflict.stderr.contains("""
            v1 ConfigMap default/settings: apply conflict (409): 2 fields are owned by another field manager:
            """), conflict.stderr)
        XCTAssertTrue(conflict.stderr.contains("  .data.mode: owned by \"shipshape\""), conflict.stderr)
        XCTAssertTrue(conflict.stderr.contains("  .metadata.labels.tier: owned by \"shipshape\""), conflict.stderr)
        XCTAssertTrue(conflict.stderr.contains("--force-conflicts"), conflict.stderr)

        let get = { try self.shipshape(["kube", "get", "cm", "settings", "-o", "json", "--kubeconfig", kubeconfig]).stdout }
        XCTAssertEqual(try JSONParser().parse(get())["data"]?["mode"], "fast", "neither the dry run nor the conflict changed it")
        let forced = try shipshape(["kube", "apply", "-f", changed, "--field-manager", "hotfix", "--force-conflicts", "--kubeconfig", kubeconfig])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try JSONParser().parse(get())["data"]?["mode"], "slow")
    }

    func testVerboseLogsRedactTheToken() throws {
        let token = try serviceAccountToken()
        let kubeconfig = try write("token-kubeconfig", server.kubeconfig().replacingOccurrences(of: "token: sandbox", with: "token: \(token)"))
        let secret = try write("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: cli-hunter2}\n")
        let applied = try shipshape(["kube", "apply", "-f", secret, "--v", "8", "--kubeconfig", kubeconfig])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertTrue(applied.stderr.contains("Authorization: Bearer <redacted>"), applied.stderr)
        XCTAssertTrue(applied.stderr.contains("PATCH \(server.url)/api/v1/namespaces/default/secrets/db?fieldManager=shipshape 201"), applied.stderr)
        XCTAssertFalse(applied.stderr.contains(token))
        XCTAssertFalse(applied.stderr.contains("cli-hunter2"))
    }

    func testGetDeploymentsOverTLSThroughNginx() throws {
        let certs = try TestCertificates(dir: dir + "/pki")
        try certs.authority("ca")
        try certs.authority("other-ca")
        try certs.certificate("server", signedBy: "ca", commonName: "kube.local", subjectAltNames: ["DNS:kube.local"])
        let upstream = try XCTUnwrap(URL(string: server.url)?.port)
        let nginx = try NginxServer(dir: dir + "/nginx", servers: """
            server {
                listen 127.0.0.1:PORT ssl;
                ssl_certificate \(dir!)/pki/server.crt;
                ssl_certificate_key \(dir!)/pki/server.key;
                location / {
                    proxy_pass http://127.0.0.1:\(upstream);
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_buffering off;
                }
            }
            """)
        defer { nginx.stop() }
        func kubeconfig(ca: String, serverName: String?) throws -> String {
            try write("tls-\(ca)-\(serverName ?? "none")", """
                apiVersion: v1
                kind: Config
                clusters:
                - name: tls
                  cluster:
                    server: https://127.0.0.1:\(nginx.port)
                    certificate-authority: pki/\(ca).crt
                \(serverName.map { "    tls-server-name: \($0)" } ?? "")
                contexts:
                - name: tls
                  context: {cluster: tls, user: tls, namespace: chatbot-dev}
                current-context: tls
                users:
                - name: tls
                  user: {token: sandbox}
                """)
        }
        let good = try kubeconfig(ca: "ca", serverName: "kube.local")
        try applyChatbot(kubeconfig: good)
        let ours = try shipshape(["kube", "get", "deployments", "-n", "chatbot-dev", "--kubeconfig", good])
        XCTAssertEqual(ours.status, 0, ours.stderr)
        XCTAssertTrue(ours.stdout.contains("backend    2/2"), ours.stdout)
        let theirs = try kubectl(["get", "deployments", "-n", "chatbot-dev", "--kubeconfig", good])
        XCTAssertEqual(theirs.status, 0, theirs.stderr)
        XCTAssertEqual(ours.stdout, theirs.stdout)

        let wrongCA = try shipshape(["kube", "get", "deployments", "--kubeconfig", try kubeconfig(ca: "other-ca", serverName: "kube.local")])
        XCTAssertNotEqual(wrongCA.status, 0)
        XCTAssertTrue(wrongCA.stderr.contains("TLS with https://127.0.0.1:\(nginx.port)/api failed"), wrongCA.stderr)
        XCTAssertTrue(wrongCA.stderr.contains("Check certificate-authority, tls-server-name"), wrongCA.stderr)

        let noName = try shipshape(["kube", "get", "deployments", "--kubeconfig", try kubeconfig(ca: "ca", serverName: nil)])
        XCTAssertNotEqual(noName.status, 0, "the certificate names kube.local, not 127.0.0.1")
        XCTAssertTrue(noName.stderr.contains("TLS with https://127.0.0.1:\(nginx.port)"), noName.stderr)
    }
}
