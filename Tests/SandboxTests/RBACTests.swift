import Foundation
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// Authentication and RBAC over real HTTPS: kubectl (`auth can-i`, `--as`, a service account's
/// kubeconfig) and curl against an in-process Sandbox, answered as kube-apiserver answers them.
/// HTTPS because kubectl sends a kubeconfig's token only over TLS.
final class RBACTests: SandboxHTTPTestCase {
    /// Starts an HTTPS Sandbox and writes its CA for curl.
    private func startSecureServer() throws {
        try startServer(tls: true)
        _ = try write(try XCTUnwrap(server.certificateAuthority?.caPEM), to: "ca.crt")
    }

    /// One request through curl, with the admin's token unless `token` says otherwise (nil: none).
    private func curl(_ method: String, _ target: String, body: String? = nil, contentType: String = "application/json",
                      token: String? = Cluster.adminToken, headers: [String: String] = [:]) throws -> HTTPResult {
        guard let curl = Subprocess.find("curl") else { throw TestServerError("curl is not installed (scripts/install-deps.sh installs it)") }
        var args = ["-sS", "--cacert", directory.appendingPathComponent("ca.crt").path, "-X", method, "-w", "\n%{http_code}"]
        if let token { args += ["-H", "Authorization: Bearer \(token)"] }
        for (name, value) in headers { args += ["-H", "\(name): \(value)"] }
        if let body { args += ["-H", "Content-Type: \(contentType)", "--data-binary", body] }
        let r = try Subprocess.run(curl, args + [server.url + target])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        return HTTPResult(status: Int(lines.last ?? "") ?? 0, headers: [:], body: Data(lines.dropLast().joined(separator: "\n").utf8))
    }

    private static let account = "system:serviceaccount:chatbot-dev:shipshape-reconcile"

    /// The reconcile job's rules in chatbot-dev, one per line so a test can drop one.
    private static let rules = [
        #"{apiGroups: [""], resources: [secrets], verbs: [get, list]}"#,
        #"{apiGroups: [apps], resources: [deployments], verbs: [get, patch]}"#,
        #"{apiGroups: [""], resources: [configmaps], resourceNames: [chatbot-config], verbs: [get, update]}"#,
        #"{apiGroups: [""], resources: [pods/log], verbs: [get]}"#,
    ]

    /// chatbot-dev with the `shipshape-reconcile` ServiceAccount, its Role and RoleBinding.
    private func applyReconcileRole(rules: [String] = RBACTests.rules) throws {
        let manifest = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: chatbot-dev}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: shipshape-reconcile, namespace: chatbot-dev}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: shipshape-reconcile, namespace: chatbot-dev}
            rules: [\(rules.joined(separator: ", "))]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: shipshape-reconcile, namespace: chatbot-dev}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: shipshape-reconcile}
            subjects: [{kind: ServiceAccount, name: shipshape-reconcile, namespace: chatbot-dev}]

            """
        let path = try write(manifest, to: "rbac-\(UUID().uuidString.prefix(6)).yaml")
        try kubectlOK("apply", "--server-side", "--force-conflicts", "-f", path)
    }

    /// `kubectl auth can-i` as the reconcile account: its answer and exit status.
    private func canI(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try kubectl(["auth", "can-i", "--as", Self.account] + arguments)
        let answer = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(r.status, answer == "yes" ? 0 : 1, "exit status for \(answer): \(r.stderr)", file: file, line: line)
        return answer
    }

    /// The account's token from the TokenRequest API, asked by the admin.
    private func reconcileToken(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try curl("POST", "/api/v1/namespaces/chatbot-dev/serviceaccounts/shipshape-reconcile/token",
                         body: #"{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{}}"#)
        XCTAssertEqual(r.status, 201, r.text, file: file, line: line)
        return try XCTUnwrap(r.json[path: ["status", "token"]]?.string, file: file, line: line)
    }

    /// A kubeconfig that presents `token` instead of the admin's.
    private func kubeconfig(token: String) throws -> String {
        try write(server.kubeconfig(namespace: "chatbot-dev").replacingOccurrences(of: "token: sandbox", with: "token: \(token)"),
                  to: "kubeconfig-\(UUID().uuidString.prefix(6))")
    }

    func testCanIAnswersAsTheRoleSaysForVerbsResourceNamesSubresourcesAndGroups() throws {
        try startSecureServer()
        try applyReconcileRole()
        XCTAssertEqual(try canI("list", "secrets", "-n", "chatbot-dev"), "yes")
        XCTAssertEqual(try canI("get", "secrets", "-n", "chatbot-dev"), "yes")
        XCTAssertEqual(try canI("delete", "secrets", "-n", "chatbot-dev"), "no")
        XCTAssertEqual(try canI("list", "secrets", "-n", "default"), "no", "a Role grants in its own namespace only")
        XCTAssertEqual(try canI("patch", "deployments.apps", "-n", "chatbot-dev"), "yes")
        XCTAssertEqual(try canI("create", "deployments.apps", "-n", "chatbot-dev"), "no")
        XCTAssertEqual(try canI("patch", "replicasets.apps", "-n", "chatbot-dev"), "no")
        // resourceNames: the named object only, not the whole collection.
        XCTAssertEqual(try canI("update", "configmaps/chatbot-config", "-n", "chatbot-dev"), "yes")
        XCTAssertEqual(try canI("update", "configmaps/other", "-n", "chatbot-dev"), "no")
        XCTAssertEqual(try canI("get", "configmaps", "-n", "chatbot-dev"), "no")
        // pods/log is its own resource: the log, not the pods.
        XCTAssertEqual(try canI("get", "pods", "--subresource=log", "-n", "chatbot-dev"), "yes")
        XCTAssertEqual(try canI("get", "pods", "-n", "chatbot-dev"), "no")
        // Every authenticated user may ask (system:basic-user), and the admin may do anything.
        XCTAssertEqual(try canI("create", "selfsubjectaccessreviews.authorization.k8s.io"), "yes")
        let admin = try kubectl("auth", "can-i", "*", "*", "--all-namespaces")
        XCTAssertEqual(admin.stdout, "yes\n", admin.stderr)
        XCTAssertEqual(try kubectl("auth", "can-i", "delete", "nodes").stdout, "yes\n")
    }

    func testCanIWithAsWorksAgainstAPlainHTTPSandbox() throws {
        // kubectl sends no token over plain HTTP: the Sandbox's kubeconfig is still the admin,
        // which may impersonate, so `--as` answers as the Role says.
        try startServer()
        try applyReconcileRole()
        XCTAssertEqual(try canI("list", "secrets", "-n", "chatbot-dev"), "yes")
        try applyReconcileRole(rules: Array(Self.rules.dropFirst()))
        XCTAssertEqual(try canI("list", "secrets", "-n", "chatbot-dev"), "no")
    }

    func testRemovingARuleFromTheRoleFlipsTheAnswerAndTheJobGetsThe403() throws {
        try startSecureServer()
        try applyReconcileRole()
        let config = try kubeconfig(token: try reconcileToken())
        XCTAssertEqual(try kubectl("get", "secrets", kubeconfig: config).status, 0)
        XCTAssertEqual(try canI("list", "secrets", "-n", "chatbot-dev"), "yes")

        try applyReconcileRole(rules: Array(Self.rules.dropFirst()))
        XCTAssertEqual(try canI("list", "secrets", "-n", "chatbot-dev"), "no")
        let denied = try kubectl("get", "secrets", kubeconfig: config)
        XCTAssertEqual(denied.status, 1)
        XCTAssertEqual(denied.stderr, "Error from server (Forbidden): secrets is forbidden: User \"\(Self.account)\" cannot list resource \"secrets\" in API group \"\" in the namespace \"chatbot-dev\"\n")
        XCTAssertEqual(try canI("patch", "deployments.apps", "-n", "chatbot-dev"), "yes", "the other rules stay")
    }

    func testADeniedTokenRequestGetsKubernetes403Status() throws {
        try startSecureServer()
        try applyReconcileRole(rules: [#"{apiGroups: [""], resources: [configmaps], verbs: [list]}"#])
        let token = try reconcileToken()
        let list = try curl("GET", "/api/v1/namespaces/chatbot-dev/secrets", token: token)
        XCTAssertEqual(list.status, 403)
        XCTAssertEqual(list.text, #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"secrets is forbidden: User \"system:serviceaccount:chatbot-dev:shipshape-reconcile\" cannot list resource \"secrets\" in API group \"\" in the namespace \"chatbot-dev\"","reason":"Forbidden","details":{"kind":"secrets"},"code":403}"# + "\n")
        let named = try curl("GET", "/apis/apps/v1/namespaces/chatbot-dev/deployments/web", token: token)
        XCTAssertEqual(named.status, 403)
        XCTAssertEqual(named.text, #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"web\" is forbidden: User \"system:serviceaccount:chatbot-dev:shipshape-reconcile\" cannot get resource \"deployments\" in API group \"apps\" in the namespace \"chatbot-dev\"","reason":"Forbidden","details":{"name":"web","group":"apps","kind":"deployments"},"code":403}"# + "\n")
        let log = try curl("GET", "/api/v1/namespaces/chatbot-dev/pods/web-1/log", token: token)
        XCTAssertEqual(log.json["message"]?.string, #"pods "web-1" is forbidden: User "system:serviceaccount:chatbot-dev:shipshape-reconcile" cannot get resource "pods/log" in API group "" in the namespace "chatbot-dev""#)
        let cluster = try curl("GET", "/api/v1/namespaces", token: token)
        XCTAssertEqual(cluster.json["message"]?.string, #"namespaces is forbidden: User "system:serviceaccount:chatbot-dev:shipshape-reconcile" cannot list resource "namespaces" in API group "" at the cluster scope"#)
        let apply = try curl("PATCH", "/api/v1/namespaces/chatbot-dev/configmaps/app?fieldManager=shipshape",
                             body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app"}}"#, contentType: "application/apply-patch+yaml", token: token)
        XCTAssertEqual(apply.json["message"]?.string, #"configmaps "app" is forbidden: User "system:serviceaccount:chatbot-dev:shipshape-reconcile" cannot patch resource "configmaps" in API group "" in the namespace "chatbot-dev""#)
        let sweep = try curl("DELETE", "/api/v1/namespaces/chatbot-dev/configmaps", token: token)
        XCTAssertEqual(sweep.json["message"]?.string, #"configmaps is forbidden: User "system:serviceaccount:chatbot-dev:shipshape-reconcile" cannot deletecollection resource "configmaps" in API group "" in the namespace "chatbot-dev""#)
        let watch = try curl("GET", "/api/v1/namespaces/chatbot-dev/configmaps?watch=true", token: token)
        XCTAssertEqual(watch.json["message"]?.string, #"configmaps is forbidden: User "system:serviceaccount:chatbot-dev:shipshape-reconcile" cannot watch resource "configmaps" in API group "" in the namespace "chatbot-dev""#)
        XCTAssertEqual(try curl("GET", "/api/v1/namespaces/chatbot-dev/configmaps", token: token).status, 200)
        // A service account may not impersonate; the admin may.
        let impersonating = try curl("GET", "/api/v1/namespaces/chatbot-dev/configmaps", token: token, headers: ["Impersonate-User": "alice"])
        XCTAssertEqual(impersonating.json["message"]?.string, #"users "alice" is forbidden: User "system:serviceaccount:chatbot-dev:shipshape-reconcile" cannot impersonate resource "users" in API group "" at the cluster scope"#)
        let asAccount = try curl("GET", "/api/v1/namespaces/chatbot-dev/secrets", headers: ["Impersonate-User": Self.account])
        XCTAssertEqual(asAccount.json["message"]?.string, list.json["message"]?.string)
    }

    /// kube-apiserver's escalation prevention: an account may write a Role only with rights it
    /// holds, and bind a role only when it holds that role's rights (or may `escalate`/`bind`).
    func testARoleGrantingMoreThanTheWriterHoldsIsForbidden() throws {
        try startSecureServer()
        try applyReconcileRole(rules: [
            #"{apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [get, create, patch]}"#,
            #"{apiGroups: [""], resources: [pods], verbs: [get, list]}"#,
        ])
        let token = try reconcileToken()
        func applyRole(_ rules: String) throws -> HTTPResult {
            try curl("PATCH", "/apis/rbac.authorization.k8s.io/v1/namespaces/chatbot-dev/roles/worker?fieldManager=shipshape",
                     body: #"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"worker"},"rules":"# + rules + "}",
                     contentType: "application/apply-patch+yaml", token: token)
        }
        // What it holds, it may grant.
        XCTAssertEqual(try applyRole(#"[{"apiGroups":[""],"resources":["pods"],"verbs":["list"]}]"#).status, 201)
        // More than it holds: the 403 lists exactly the rights it lacks, compacted and sorted.
        let escalating = try applyRole(#"[{"apiGroups":[""],"resources":["pods"],"verbs":["list","delete"]},{"apiGroups":["metrics.k8s.io"],"resources":["pods"],"verbs":["get","list"]},{"apiGroups":[""],"resources":["configmaps"],"resourceNames":["state"],"verbs":["update"]}]"#)
        XCTAssertEqual(escalating.status, 403)
        XCTAssertEqual(escalating.json["message"]?.string, """
            roles.rbac.authorization.k8s.io "worker" is forbidden: user "system:serviceaccount:chatbot-dev:shipshape-reconcile" (groups=["system:serviceaccounts" "system:serviceaccounts:chatbot-dev" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:
            {APIGroups:[""], Resources:["configmaps"], ResourceNames:["state"], Verbs:["update"]}
            {APIGroups:[""], Resources:["pods"], Verbs:["delete"]}
            {APIGroups:["metrics.k8s.io"], Resources:["pods"], Verbs:["get" "list"]}
            """)
        XCTAssertEqual(try kubectlOK("get", "role", "worker", "-n", "chatbot-dev", "-o", "jsonpath={.rules[0].verbs}"), #"["list"]"#, "nothing was written")
        // Binding a role whose rights it lacks is an escalation too; the admin may do both.
        try kubectlOK("create", "-f", try write("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: deleter, namespace: chatbot-dev}
            rules: [{apiGroups: [""], resources: [pods], verbs: [delete]}]
            """, to: "deleter.yaml"))
        let binding = try curl("PATCH", "/apis/rbac.authorization.k8s.io/v1/namespaces/chatbot-dev/rolebindings/deleter?fieldManager=shipshape",
                               body: #"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"deleter"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"deleter"},"subjects":[{"kind":"ServiceAccount","name":"shipshape-reconcile","namespace":"chatbot-dev"}]}"#,
                               contentType: "application/apply-patch+yaml", token: token)
        XCTAssertEqual(binding.json["message"]?.string, """
            rolebindings.rbac.authorization.k8s.io "deleter" is forbidden: user "system:serviceaccount:chatbot-dev:shipshape-reconcile" (groups=["system:serviceaccounts" "system:serviceaccounts:chatbot-dev" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:
            {APIGroups:[""], Resources:["pods"], Verbs:["delete"]}
            """)
    }

    func testAnySubresourceRulesAndResourceNamesOnANamedList() throws {
        try startSecureServer()
        try applyReconcileRole(rules: [
            #"{apiGroups: [apps], resources: ["*/scale"], verbs: [get]}"#,
            #"{apiGroups: [""], resources: [configmaps], resourceNames: [chatbot-config], verbs: [list, watch]}"#,
        ])
        let token = try reconcileToken()
        // Allowed, so the request reaches the store, which has no such Deployment.
        let scale = try curl("GET", "/apis/apps/v1/namespaces/chatbot-dev/deployments/web/scale", token: token)
        XCTAssertEqual(scale.json["message"]?.string, #"deployments.apps "web" not found"#)
        let deployment = try curl("GET", "/apis/apps/v1/namespaces/chatbot-dev/deployments/web", token: token)
        XCTAssertEqual(deployment.status, 403)
        // A list narrowed to one name is a request for that name, as resourceNames need.
        let named = try curl("GET", "/api/v1/namespaces/chatbot-dev/configmaps?fieldSelector=metadata.name%3Dchatbot-config", token: token)
        XCTAssertEqual(named.status, 200, named.text)
        let all = try curl("GET", "/api/v1/namespaces/chatbot-dev/configmaps", token: token)
        XCTAssertEqual(all.json["message"]?.string, #"configmaps is forbidden: User "system:serviceaccount:chatbot-dev:shipshape-reconcile" cannot list resource "configmaps" in API group "" in the namespace "chatbot-dev""#)
        // The Sandbox's own endpoint is a non-resource URL only the admin has.
        let status = try curl("GET", "/sandbox/status", token: token)
        XCTAssertEqual(status.json["message"]?.string, #"forbidden: User "system:serviceaccount:chatbot-dev:shipshape-reconcile" cannot get path "/sandbox/status""#)
    }

    func testUnknownTokensAndADeletedAccountsTokenAre401() throws {
        try startSecureServer()
        try applyReconcileRole()
        let unauthorized = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"# + "\n"
        let unknown = try curl("GET", "/api/v1/namespaces/chatbot-dev/secrets", token: "not-a-token")
        XCTAssertEqual(unknown.status, 401)
        XCTAssertEqual(unknown.text, unauthorized)

        let token = try reconcileToken()
        let second = try reconcileToken()
        XCTAssertNotEqual(second, token, "every TokenRequest mints a new token")
        XCTAssertEqual(try curl("GET", "/api/v1/namespaces/chatbot-dev/secrets", token: token).status, 200)
        XCTAssertEqual(try curl("GET", "/api/v1/namespaces/chatbot-dev/secrets", token: second).status, 200)
        try kubectlOK("delete", "serviceaccount", "shipshape-reconcile", "-n", "chatbot-dev")
        let revoked = try curl("GET", "/api/v1/namespaces/chatbot-dev/secrets", token: token)
        XCTAssertEqual(revoked.status, 401)
        XCTAssertEqual(try curl("GET", "/api/v1/namespaces/chatbot-dev/secrets", token: second).status, 401)
        XCTAssertEqual(revoked.text, unauthorized)
        let rejected = try kubectl("get", "secrets", kubeconfig: try kubeconfig(token: token))
        XCTAssertEqual(rejected.status, 1)
        XCTAssertTrue(rejected.stderr.hasSuffix("error: You must be logged in to the server (Unauthorized)\n"), rejected.stderr)

        // A new account of the same name is a new identity with a new token.
        try applyReconcileRole()
        let fresh = try reconcileToken()
        XCTAssertNotEqual(fresh, token)
        XCTAssertEqual(try curl("GET", "/api/v1/namespaces/chatbot-dev/secrets", token: fresh).status, 200)
        XCTAssertEqual(try curl("GET", "/api/v1/namespaces/chatbot-dev/secrets", token: token).status, 401)
    }

    func testAnonymousRequestsReadVersionButNotPods() throws {
        try startSecureServer()
        let version = try curl("GET", "/version", token: nil)
        XCTAssertEqual(version.status, 200)
        XCTAssertEqual(version.json["gitVersion"]?.string, APIServerVersion.gitVersion)
        XCTAssertEqual(try curl("GET", "/healthz", token: nil).text, "ok")
        let pods = try curl("GET", "/api/v1/namespaces/default/pods", token: nil)
        XCTAssertEqual(pods.status, 403)
        XCTAssertEqual(pods.text, #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"system:anonymous\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}"# + "\n")
        let discovery = try curl("GET", "/api", token: nil)
        XCTAssertEqual(discovery.text, #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"forbidden: User \"system:anonymous\" cannot get path \"/api\"","reason":"Forbidden","details":{},"code":403}"# + "\n")
        XCTAssertEqual(try curl("GET", "/sandbox/status", token: nil).status, 403)
        XCTAssertEqual(try curl("GET", "/sandbox/status").status, 200, "the admin reaches the Sandbox's own endpoint")

        // In-process callers without credentials are the admin; the network never is.
        let local = APIRequest(method: "GET", target: "/api/v1/namespaces/default/pods")
        guard case .response(let inProcess) = server.cluster.handle(local) else { return XCTFail("expected a response") }
        XCTAssertEqual(inProcess.status, 200)
        var plain = local
        plain.fromNetwork = true
        guard case .response(let overHTTP) = server.cluster.handle(plain) else { return XCTFail("expected a response") }
        XCTAssertEqual(overHTTP.status, 200, "kubectl sends no credentials over plain HTTP: such requests are the admin")
        var secure = plain
        secure.overTLS = true
        guard case .response(let overHTTPS) = server.cluster.handle(secure) else { return XCTFail("expected a response") }
        XCTAssertEqual(overHTTPS.status, 403)
    }

    func testTheAdminKubeconfigStillDoesEverything() throws {
        try startSecureServer()
        try applyReconcileRole()
        XCTAssertEqual(try kubectlOK("auth", "can-i", "impersonate", "users"), "yes\n")
        XCTAssertEqual(try kubectlOK("get", "clusterrolebinding", "cluster-admin", "-o", "jsonpath={.subjects[0].name}"), "system:masters")
        try kubectlOK("delete", "role", "shipshape-reconcile", "-n", "chatbot-dev")
        try kubectlOK("get", "secrets", "-n", "chatbot-dev")
        // The binding now names a missing Role: denied, and the 403 says why.
        let token = try reconcileToken()
        let denied = try curl("GET", "/api/v1/namespaces/chatbot-dev/secrets", token: token)
        XCTAssertEqual(denied.json["message"]?.string, #"secrets is forbidden: User "system:serviceaccount:chatbot-dev:shipshape-reconcile" cannot list resource "secrets" in API group "" in the namespace "chatbot-dev": RBAC: role.rbac.authorization.k8s.io "shipshape-reconcile" not found"#)
    }

    func testSubjectAccessReviewRulesReviewAndWhoami() throws {
        try startSecureServer()
        try applyReconcileRole()
        let review = try curl("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", body: """
            {"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview","spec":{"user":"\(Self.account)",
             "groups":["system:serviceaccounts","system:serviceaccounts:chatbot-dev","system:authenticated"],
             "resourceAttributes":{"namespace":"chatbot-dev","verb":"get","resource":"pods","subresource":"log","name":"web-1"}}}
            """)
        XCTAssertEqual(review.status, 201, review.text)
        XCTAssertEqual(review.json["status"], ["allowed": true, "reason": #"RBAC: allowed by RoleBinding "shipshape-reconcile/chatbot-dev" of Role "shipshape-reconcile" to ServiceAccount "shipshape-reconcile/chatbot-dev""#])
        let token = try reconcileToken()
        let forbidden = try curl("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", body: review.text, token: token)
        XCTAssertEqual(forbidden.json["message"]?.string, #"subjectaccessreviews.authorization.k8s.io is forbidden: User "system:serviceaccount:chatbot-dev:shipshape-reconcile" cannot create resource "subjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope"#)

        let whoami = try kubectl("auth", "whoami", "-o", "jsonpath={.status.userInfo.username} {.status.userInfo.groups}", "--as", Self.account)
        XCTAssertEqual(whoami.stdout, #"system:serviceaccount:chatbot-dev:shipshape-reconcile ["system:serviceaccounts","system:serviceaccounts:chatbot-dev","system:authenticated"]"#, whoami.stderr)
        let admin = try kubectl("auth", "whoami", "-o", "jsonpath={.status.userInfo.username} {.status.userInfo.groups}")
        XCTAssertEqual(admin.stdout, #"sandbox-admin ["system:masters","system:authenticated"]"#, admin.stderr)

        let list = try kubectl("auth", "can-i", "--list", "-n", "chatbot-dev", "--as", Self.account)
        XCTAssertEqual(list.status, 0, list.stderr)
        let rows = list.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        XCTAssertTrue(rows.contains("secrets [] [] [get list]"), list.stdout)
        XCTAssertTrue(rows.contains("configmaps [] [chatbot-config] [get update]"), list.stdout)
        XCTAssertTrue(rows.contains("pods/log [] [] [get]"), list.stdout)
        XCTAssertTrue(rows.contains("deployments.apps [] [] [get patch]"), list.stdout)
    }
}
