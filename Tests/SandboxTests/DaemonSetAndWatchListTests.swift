import XCTest
import YAML
@testable import Sandbox

/// The DaemonSet controller (one pod per matching node, rolling and OnDelete updates) and
/// the watch-list protocol (`sendInitialEvents`), in-process.
final class DaemonSetAndWatchListTests: SandboxTestCase {
    static func daemonSet(image: String = "nginx:1.27", nodeSelector: String = "{}", strategy: String = "RollingUpdate") -> String {
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: default}
        spec:
          selector: {matchLabels: {app: agent}}
          updateStrategy: {type: \(strategy)}
          template:
            metadata: {labels: {app: agent}}
            spec:
              nodeSelector: \(nodeSelector)
              containers: [{name: agent, image: "\(image)"}]
        """
    }

    private func agentPods(_ cluster: Cluster) -> [(name: String, image: String)] {
        pods(cluster, selector: "app%3Dagent").map {
            ($0[path: ["metadata", "name"]]?.string ?? "", $0[path: ["spec", "containers"]]?.array?.first?["image"]?.string ?? "")
        }
    }

    func testOnePodPerNodeReplacedOnATemplateChangeAndDefaultsAsUpstream() {
        let cluster = makeCluster()
        XCTAssertEqual(apply(cluster, Self.daemonSet()).status, 201)
        let stored = get(cluster, "/apis/apps/v1/namespaces/default/daemonsets/agent")
        XCTAssertEqual(stored[path: ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"]], 1)
        XCTAssertEqual(stored[path: ["spec", "updateStrategy", "rollingUpdate", "maxSurge"]], 0)
        XCTAssertEqual(stored[path: ["spec", "revisionHistoryLimit"]], 10)
        cluster.advance(by: 10)
        let first = agentPods(cluster)
        XCTAssertEqual(first.count, 1)
        XCTAssertEqual(first.first?.image, "nginx:1.27")
        let status = get(cluster, "/apis/apps/v1/namespaces/default/daemonsets/agent")["status"]
        XCTAssertEqual(status?["desiredNumberScheduled"], 1)
        XCTAssertEqual(status?["currentNumberScheduled"], 1)
        XCTAssertEqual(status?["numberReady"], 1)
        XCTAssertEqual(status?["numberAvailable"], 1)
        XCTAssertEqual(status?["updatedNumberScheduled"], 1)
        let pod = pods(cluster, selector: "app%3Dagent")[0]
        XCTAssertEqual(pod[path: ["metadata", "ownerReferences"]]?.array?.first?["kind"], "DaemonSet")
        XCTAssertEqual(pod[path: ["metadata", "labels", "pod-template-generation"]], "1")
        XCTAssertNotNil(pod[path: ["metadata", "labels", "controller-revision-hash"]])

        XCTAssertEqual(apply(cluster, Self.daemonSet(image: "nginx:1.28")).status, 200)
        cluster.advance(by: 10)
        let second = agentPods(cluster)
        XCTAssertEqual(second.map(\.image), ["nginx:1.28"])
        XCTAssertNotEqual(second.first?.name, first.first?.name)
        let reasons = get(cluster, "/api/v1/namespaces/default/events")["items"]?.array?
            .filter { $0[path: ["involvedObject", "kind"]] == "DaemonSet" }.compactMap { $0["reason"]?.string }
        XCTAssertEqual(reasons, ["SuccessfulCreate", "SuccessfulDelete", "SuccessfulCreate"])
    }

    func testEachTemplateIsAControllerRevisionAndUndoRenumbersTheOldOne() {
        let cluster = makeCluster()
        apply(cluster, Self.daemonSet())
        cluster.advance(by: 5)
        apply(cluster, Self.daemonSet(image: "nginx:1.28"))
        cluster.advance(by: 5)
        func revisions() -> [String: Int] {
            var out: [String: Int] = [:]
            for r in get(cluster, "/apis/apps/v1/namespaces/default/controllerrevisions?labelSelector=app%3Dagent")["items"]?.array ?? [] {
                let image = r[path: ["data", "spec", "template", "spec", "containers"]]?.array?.first?["image"]?.string ?? ""
                out[image] = r["revision"]?.intValue
            }
            return out
        }
        XCTAssertEqual(revisions(), ["nginx:1.27": 1, "nginx:1.28": 2])
        // kubectl rollout undo: the revision's data as a strategic merge patch.
        let first = get(cluster, "/apis/apps/v1/namespaces/default/controllerrevisions?labelSelector=app%3Dagent")["items"]!.array!
            .first { $0["revision"]?.intValue == 1 }!
        let patch = MergeKeys.json(first["data"]!)
        XCTAssertTrue(patch.contains(#""$patch":"replace""#), patch)
        XCTAssertEqual(request(cluster, "PATCH", "/apis/apps/v1/namespaces/default/daemonsets/agent", body: patch,
                               contentType: "application/strategic-merge-patch+json").status, 200)
        cluster.advance(by: 5)
        XCTAssertEqual(revisions(), ["nginx:1.27": 3, "nginx:1.28": 2])
        XCTAssertEqual(agentPods(cluster).map(\.image), ["nginx:1.27"])
        let pod = pods(cluster, selector: "app%3Dagent")[0]
        XCTAssertEqual(pod[path: ["metadata", "labels", "controller-revision-hash"]]?.string,
                       first[path: ["metadata", "labels", "controller-revision-hash"]]?.string)
    }

    func testOnDeleteKeepsTheOldPodAndANodeSelectorNoNodeMatchesWantsNone() {
        let cluster = makeCluster()
        apply(cluster, Self.daemonSet(strategy: "OnDelete"))
        cluster.advance(by: 5)
        apply(cluster, Self.daemonSet(image: "nginx:1.28", strategy: "OnDelete"))
        cluster.advance(by: 5)
        XCTAssertEqual(agentPods(cluster).map(\.image), ["nginx:1.27"], "OnDelete waits for the pod to be deleted")
        XCTAssertEqual(get(cluster, "/apis/apps/v1/namespaces/default/daemonsets/agent")[path: ["status", "updatedNumberScheduled"]], 0)

        let other = makeCluster()
        apply(other, Self.daemonSet(nodeSelector: "{disktype: ssd}"))
        other.advance(by: 5)
        XCTAssertEqual(agentPods(other).count, 0)
        XCTAssertEqual(get(other, "/apis/apps/v1/namespaces/default/daemonsets/agent")[path: ["status", "desiredNumberScheduled"]], 0)
    }

    func testWatchListSendsTheStateThenTheInitialEventsEndBookmark() throws {
        let cluster = makeCluster()
        request(cluster, "POST", "/api/v1/namespaces/default/configmaps", body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}"#)
        let r = APIRequest(method: "GET", target: "/api/v1/namespaces/default/configmaps?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan",
                           headers: ["Accept": "application/json"], body: [])
        guard case .watch(let stream) = cluster.handle(r) else { return XCTFail("expected a watch") }
        var lines: [Value] = []
        stream.start { bytes in lines.append((try? JSONParser().parse(bytes: bytes)) ?? .null) }
        defer { stream.stop() }
        XCTAssertEqual(lines.map { $0["type"]?.string }, ["ADDED", "ADDED", "BOOKMARK"])
        XCTAssertEqual(lines.prefix(2).compactMap { $0[path: ["object", "metadata", "name"]]?.string }, ["a", "kube-root-ca.crt"])
        let bookmark = lines[2]["object"]
        XCTAssertEqual(bookmark?["kind"], "ConfigMap")
        XCTAssertEqual(bookmark?[path: ["metadata", "annotations", "k8s.io/initial-events-end"]], "true")
        XCTAssertEqual(bookmark?[path: ["metadata", "resourceVersion"]]?.string, String(cluster.withLock { cluster.store.resourceVersion }))
    }
}
