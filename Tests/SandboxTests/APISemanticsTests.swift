import XCTest
import YAML
@testable import Sandbox

/// Object bookkeeping, errors, selectors, paging, deletion and defaulting, as kube-apiserver
/// behaves.
final class APISemanticsTests: SandboxTestCase {
    func testCreateAssignsUIDResourceVersionGenerationAndTimestamp() {
        let cluster = makeCluster()
        let (status, created) = request(cluster, "POST", "/api/v1/namespaces/default/configmaps",
                                        body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"},"data":{"a":"1"}}"#)
        XCTAssertEqual(status, 201)
        XCTAssertEqual(created[path: ["metadata", "uid"]]?.string?.count, 36)
        XCTAssertEqual(created[path: ["metadata", "creationTimestamp"]]?.string, "2026-01-05T00:00:00Z")
        XCTAssertNotNil(created[path: ["metadata", "resourceVersion"]]?.string.flatMap(Int.init))
        XCTAssertNil(created[path: ["metadata", "generation"]], "ConfigMaps do not track generation")
        XCTAssertEqual(created[path: ["metadata", "managedFields"]]?.array?.count, 1)
        XCTAssertEqual(created[path: ["metadata", "managedFields"]]?.array?.first?["manager"]?.string, "sandbox-tests")

        let again = request(cluster, "POST", "/api/v1/namespaces/default/configmaps",
                            body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"}}"#)
        XCTAssertEqual(again.status, 409)
        XCTAssertEqual(again.body["reason"]?.string, "AlreadyExists")
        XCTAssertEqual(again.body["message"]?.string, "configmaps \"settings\" already exists")
    }

    func testStaleUpdateIsAConflictAndSpecChangesBumpGeneration() {
        let cluster = makeCluster()
        XCTAssertEqual(apply(cluster, Self.deployment()).status, 201)
        var live = get(cluster, "/apis/apps/v1/namespaces/default/deployments/web")
        XCTAssertEqual(live[path: ["metadata", "generation"]]?.intValue, 1)
        let staleRV = live[path: ["metadata", "resourceVersion"]]!.string!
        live[path: ["spec", "replicas"]] = 4
        let ok = request(cluster, "PUT", "/apis/apps/v1/namespaces/default/deployments/web", body: MergeKeys.json(live))
        XCTAssertEqual(ok.status, 200)
        XCTAssertEqual(ok.body[path: ["metadata", "generation"]]?.intValue, 2)
        XCTAssertGreaterThan(Int(ok.body[path: ["metadata", "resourceVersion"]]!.string!)!, Int(staleRV)!)

        live[path: ["spec", "replicas"]] = 5
        let stale = request(cluster, "PUT", "/apis/apps/v1/namespaces/default/deployments/web", body: MergeKeys.json(live))
        XCTAssertEqual(stale.status, 409)
        XCTAssertEqual(stale.body["reason"]?.string, "Conflict")
        XCTAssertEqual(stale.body["message"]?.string,
                       "Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again")

        // A status-only write does not bump generation.
        var status = ok.body
        status[path: ["status", "observedGeneration"]] = 2
        let statusWrite = request(cluster, "PUT", "/apis/apps/v1/namespaces/default/deployments/web/status", body: MergeKeys.json(status))
        XCTAssertEqual(statusWrite.status, 200)
        XCTAssertEqual(statusWrite.body[path: ["metadata", "generation"]]?.intValue, 2)
    }

    func testNotFoundAndMissingNamespaceAreStatusObjects() {
        let cluster = makeCluster()
        let missing = request(cluster, "GET", "/apis/apps/v1/namespaces/default/deployments/nope")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.body["kind"]?.string, "Status")
        XCTAssertEqual(missing.body["message"]?.string, "deployments.apps \"nope\" not found")
        XCTAssertEqual(missing.body[path: ["details", "group"]]?.string, "apps")
        let noNamespace = request(cluster, "POST", "/api/v1/namespaces/ghost/configmaps",
                                  body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}"#)
        XCTAssertEqual(noNamespace.status, 404)
        XCTAssertEqual(noNamespace.body["message"]?.string, "namespaces \"ghost\" not found")
        let invalid = request(cluster, "POST", "/api/v1/namespaces/default/configmaps",
                              body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}}"#)
        XCTAssertEqual(invalid.status, 422)
        XCTAssertEqual(invalid.body["reason"]?.string, "Invalid")
        XCTAssertTrue(invalid.body["message"]?.string?.hasPrefix("ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value") ?? false,
                      invalid.body["message"]?.string ?? "")
    }

    func testDefaultingAndCanonicalQuantities() {
        let cluster = makeCluster()
        apply(cluster, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: default}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                  - name: api
                    image: todo-chatbot/backend:1.4.0
                    ports: [{containerPort: 8000}]
                    resources:
                      requests: {cpu: 0.5, memory: 1024Mi}
                      limits: {cpu: "1.5", memory: 2G}
                    readinessProbe: {httpGet: {path: /ready, port: 8000}}
            """)
        let d = get(cluster, "/apis/apps/v1/namespaces/default/deployments/api")
        XCTAssertEqual(d[path: ["spec", "replicas"]]?.intValue, 1)
        XCTAssertEqual(d[path: ["spec", "strategy", "type"]]?.string, "RollingUpdate")
        XCTAssertEqual(d[path: ["spec", "strategy", "rollingUpdate", "maxSurge"]]?.string, "25%")
        XCTAssertEqual(d[path: ["spec", "revisionHistoryLimit"]]?.intValue, 10)
        XCTAssertEqual(d[path: ["spec", "progressDeadlineSeconds"]]?.intValue, 600)
        let c = d[path: ["spec", "template", "spec", "containers"]]!.array![0]
        XCTAssertEqual(c["imagePullPolicy"]?.string, "IfNotPresent")
        XCTAssertEqual(c["terminationMessagePath"]?.string, "/dev/termination-log")
        XCTAssertEqual(c[path: ["ports"]]?.array?.first?["protocol"]?.string, "TCP")
        XCTAssertEqual(c[path: ["resources", "requests", "cpu"]]?.string, "500m")
        XCTAssertEqual(c[path: ["resources", "requests", "memory"]]?.string, "1Gi")
        XCTAssertEqual(c[path: ["resources", "limits", "cpu"]]?.string, "1500m")
        XCTAssertEqual(c[path: ["resources", "limits", "memory"]]?.string, "2G")
        XCTAssertEqual(c[path: ["readinessProbe", "periodSeconds"]]?.intValue, 10)
        XCTAssertEqual(c[path: ["readinessProbe", "httpGet", "scheme"]]?.string, "HTTP")
        XCTAssertEqual(d[path: ["spec", "template", "spec", "restartPolicy"]]?.string, "Always")
        XCTAssertEqual(d[path: ["spec", "template", "spec", "dnsPolicy"]]?.string, "ClusterFirst")
    }

    func testSelectorsAndPagination() {
        let cluster = makeCluster()
        for i in 0..<7 {
            request(cluster, "POST", "/api/v1/namespaces/default/configmaps",
                    body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-\#(i)","labels":{"tier":"\#(i % 2 == 0 ? "even" : "odd")"}}}"#)
        }
        let even = get(cluster, "/api/v1/namespaces/default/configmaps?labelSelector=tier%3Deven")["items"]!.array!
        XCTAssertEqual(even.compactMap { $0[path: ["metadata", "name"]]?.string }, ["cm-0", "cm-2", "cm-4", "cm-6"])
        XCTAssertNil(even[0]["kind"], "list items carry no kind, as the real server writes them")
        let notOdd = get(cluster, "/api/v1/namespaces/default/configmaps?labelSelector=tier!%3Dodd,tier")["items"]!.array!
        XCTAssertEqual(notOdd.count, 4)
        let byName = get(cluster, "/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Dcm-3")["items"]!.array!
        XCTAssertEqual(byName.count, 1)

        var names: [String] = []
        var token = ""
        var pages = 0
        repeat {
            let page = get(cluster, "/api/v1/namespaces/default/configmaps?limit=3" + (token.isEmpty ? "" : "&continue=\(token)"))
            names += page["items"]!.array!.compactMap { $0[path: ["metadata", "name"]]?.string }
            token = page[path: ["metadata", "continue"]]?.string ?? ""
            if !token.isEmpty { XCTAssertGreaterThan(page[path: ["metadata", "remainingItemCount"]]?.intValue ?? 0, 0) }
            pages += 1
        } while !token.isEmpty && pages < 10
        XCTAssertEqual(pages, 3)
        // With the root CA ConfigMap every namespace has.
        XCTAssertEqual(names, (0..<7).map { "cm-\($0)" } + ["kube-root-ca.crt"])
    }

    func testDeletionCascadesInBackgroundAndForegroundAndOrphans() {
        for policy in ["Background", "Foreground", "Orphan"] {
            let cluster = makeCluster()
            apply(cluster, Self.deployment(replicas: 2))
            cluster.advance(by: 5)
            XCTAssertEqual(get(cluster, "/apis/apps/v1/namespaces/default/replicasets")["items"]?.array?.count, 1)
            XCTAssertEqual(pods(cluster).count, 2)
            let r = request(cluster, "DELETE", "/apis/apps/v1/namespaces/default/deployments/web",
                            body: #"{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"\#(policy)"}"#)
            XCTAssertEqual(r.status, 200, policy)
            XCTAssertEqual(request(cluster, "GET", "/apis/apps/v1/namespaces/default/deployments/web").status, 404, policy)
            let rs = get(cluster, "/apis/apps/v1/namespaces/default/replicasets")["items"]!.array!
            if policy == "Orphan" {
                XCTAssertEqual(rs.count, 1)
                XCTAssertNil(rs[0][path: ["metadata", "ownerReferences"]], "orphaned dependents lose the owner reference")
                XCTAssertEqual(pods(cluster).count, 2)
            } else {
                XCTAssertEqual(rs.count, 0, policy)
                XCTAssertEqual(pods(cluster).count, 0, policy)
            }
        }
    }

    func testDeletePreconditionsAndDryRun() {
        let cluster = makeCluster()
        request(cluster, "POST", "/api/v1/namespaces/default/configmaps", body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}"#)
        let wrong = request(cluster, "DELETE", "/api/v1/namespaces/default/configmaps/x", body: #"{"preconditions":{"uid":"nope"}}"#)
        XCTAssertEqual(wrong.status, 409)
        XCTAssertTrue(wrong.body["message"]!.string!.contains("Precondition failed: UID in precondition: nope"))
        XCTAssertEqual(request(cluster, "DELETE", "/api/v1/namespaces/default/configmaps/x?dryRun=All").status, 200)
        XCTAssertEqual(request(cluster, "GET", "/api/v1/namespaces/default/configmaps/x").status, 200, "dry run deletes nothing")
        let created = request(cluster, "POST", "/api/v1/namespaces/default/configmaps?dryRun=All",
                              body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"y"}}"#)
        XCTAssertEqual(created.status, 201)
        XCTAssertEqual(request(cluster, "GET", "/api/v1/namespaces/default/configmaps/y").status, 404, "dry run creates nothing")
    }

    func testNamespaceDeletionRemovesItsObjects() {
        let cluster = makeCluster()
        request(cluster, "POST", "/api/v1/namespaces", body: #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"chatbot-dev"}}"#)
        request(cluster, "POST", "/api/v1/namespaces/chatbot-dev/configmaps", body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}"#)
        XCTAssertEqual(get(cluster, "/api/v1/namespaces/chatbot-dev")[path: ["metadata", "labels", "kubernetes.io/metadata.name"]]?.string, "chatbot-dev")
        XCTAssertEqual(request(cluster, "DELETE", "/api/v1/namespaces/chatbot-dev").body[path: ["status", "phase"]]?.string, "Terminating")
        XCTAssertEqual(request(cluster, "GET", "/api/v1/namespaces/chatbot-dev").status, 404)
        XCTAssertEqual(request(cluster, "GET", "/api/v1/namespaces/chatbot-dev/configmaps/x").status, 404)
    }

    func testDiscoveryListsEveryKindWithSubresources() {
        let cluster = makeCluster()
        let apps = get(cluster, "/apis/apps/v1")["resources"]!.array!.compactMap { $0["name"]?.string }
        XCTAssertEqual(apps, ["deployments", "deployments/status", "deployments/scale", "replicasets", "replicasets/status", "replicasets/scale", "daemonsets", "daemonsets/status", "controllerrevisions"])
        let groups = get(cluster, "/apis")["groups"]!.array!.compactMap { $0["name"]?.string }
        XCTAssertEqual(groups, ["apps", "autoscaling", "batch", "policy", "rbac.authorization.k8s.io", "coordination.k8s.io", "authorization.k8s.io", "authentication.k8s.io", "metrics.k8s.io"])
        XCTAssertEqual(get(cluster, "/version")["gitVersion"]?.string, APIServerVersion.gitVersion)
    }

    func testSecretStringDataBecomesData() {
        let cluster = makeCluster()
        let r = request(cluster, "POST", "/api/v1/namespaces/default/secrets",
                        body: #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"stringData":{"token":"hunter2"}}"#)
        XCTAssertEqual(r.body[path: ["data", "token"]]?.string, "aHVudGVyMg==")
        XCTAssertNil(r.body["stringData"])
        XCTAssertEqual(r.body["type"]?.string, "Opaque")
    }
}
