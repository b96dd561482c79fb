import Foundation
import XCTest
import YAML
@testable import KubeClient

/// The client's API calls against the Sandbox over HTTP: discovery, reads, writes, server-side
/// apply, patches, deletes, subresources, logs, events, metrics and error decoding.
final class KubeAPISemanticsTests: SandboxClientTestCase {
    func testDiscoveryGivesTheRESTMappingOncePerRun() throws {
        let mapping = try api.mapping()
        let deployments = try XCTUnwrap(mapping.resource(apiVersion: "apps/v1", kind: "Deployment"))
        XCTAssertEqual(deployments.name, "deployments")
        XCTAssertTrue(deployments.namespaced)
        XCTAssertEqual(Set(deployments.subresources), ["status", "scale"])
        XCTAssertEqual(deployments.path(namespace: "chatbot-dev", name: "backend", subresource: "scale"),
                       "/apis/apps/v1/namespaces/chatbot-dev/deployments/backend/scale")
        let namespaces = try XCTUnwrap(mapping.resource(apiVersion: "v1", kind: "Namespace"))
        XCTAssertFalse(namespaces.namespaced)
        XCTAssertEqual(namespaces.path(namespace: "ignored", name: "x"), "/api/v1/namespaces/x")
        XCTAssertEqual(mapping.resource(named: "deploy")?.kind, "Deployment")
        XCTAssertEqual(mapping.resource(named: "hpa")?.groupVersion, "autoscaling/v2")
        XCTAssertEqual(mapping.resource(named: "leases.coordination.k8s.io")?.kind, "Lease")
        XCTAssertFalse(try XCTUnwrap(mapping.resource(apiVersion: "metrics.k8s.io/v1beta1", kind: "NodeMetrics")).namespaced)

        let before = server.cluster.requestCount
        _ = try api.mapping()
        _ = try api.resource(apiVersion: "v1", kind: "ConfigMap")
        XCTAssertEqual(server.cluster.requestCount, before, "the mapping is cached for the run")
        XCTAssertThrowsError(try api.resource(apiVersion: "example.com/v1", kind: "Widget")) { error in
            XCTAssertEqual("\(error)", "the server has no resource for example.com/v1 Widget (is the API group installed?)")
        }
    }

    func testCreateGetAndAlreadyExists() throws {
        let cm = try yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: settings, namespace: default}, data: {mode: fast}}")
        let created = try api.create(cm)
        XCTAssertFalse((created["metadata"]?["uid"]?.string ?? "").isEmpty)
        let configmaps = try resource("v1", "ConfigMap")
        let read = try XCTUnwrap(api.get(configmaps, name: "settings", namespace: "default"))
        XCTAssertEqual(read["data"]?["mode"], "fast")
        XCTAssertEqual(read["metadata"]?["uid"], created["metadata"]?["uid"])
        XCTAssertNil(try api.get(configmaps, name: "missing", namespace: "default"))

        let error = try XCTUnwrap(apiError { try self.api.create(cm) })
        XCTAssertEqual(error.code, 409)
        XCTAssertEqual(error.reason, "AlreadyExists")
        XCTAssertTrue(error.isAlreadyExists)
        XCTAssertEqual("\(error)", "v1 ConfigMap default/settings: Error from server (AlreadyExists): configmaps \"settings\" already exists")
    }

    func testListWithSelectorsAndPagination() throws {
        for i in 0..<12 {
            _ = try api.create(yaml("""
                {apiVersion: v1, kind: ConfigMap, metadata: {name: cm-\(String(format: "%02d", i)), namespace: default,
                 labels: {tier: \(i % 2 == 0 ? "a" : "b")}}, data: {i: "\(i)"}}
                """))
        }
        let configmaps = try resource("v1", "ConfigMap")
        let first = try api.listPage(configmaps, namespace: "default", limit: 5)
        XCTAssertEqual(first.items.compactMap { $0["metadata"]?["name"]?.string }, ["cm-00", "cm-01", "cm-02", "cm-03", "cm-04"])
        XCTAssertEqual(first.items.first?["kind"], "ConfigMap", "list items get their kind back")
        XCTAssertEqual(first.remainingItemCount, 8, "seven more, and kube-root-ca.crt (every namespace has it)")
        let token = try XCTUnwrap(first.continue)
        let second = try api.listPage(configmaps, namespace: "default", limit: 5, continue: token)
        XCTAssertEqual(second.items.first?["metadata"]?["name"], "cm-05")

        let before = server.cluster.requestCount
        let all = try api.list(configmaps, namespace: "default", pageSize: 5)
        XCTAssertEqual(all.count, 13)
        XCTAssertEqual(Set(all.compactMap { $0["metadata"]?["name"]?.string }).count, 13)
        XCTAssertEqual(server.cluster.requestCount - before, 3, "13 objects in pages of 5 take three requests")

        XCTAssertEqual(try api.list(configmaps, namespace: "default", labelSelector: "tier=a").count, 6)
        XCTAssertEqual(try api.list(configmaps, namespace: "default", labelSelector: "tier in (a,b),tier!=b", pageSize: 2).count, 6)
        XCTAssertEqual(try api.list(configmaps, namespace: "default", fieldSelector: "metadata.name=cm-07")
            .map { $0["data"]?["i"] }, ["7"])
        XCTAssertEqual(try api.list(configmaps, namespace: "kube-system").compactMap { $0["metadata"]?["name"]?.string }, ["kube-root-ca.crt"])
        let error = try XCTUnwrap(apiError { try self.api.list(configmaps, namespace: "default", labelSelector: "tier in (a") })
        XCTAssertEqual(error.code, 400)
        XCTAssertEqual(error.reason, "BadRequest")
    }

    func testServerSideApplyWithFieldManagerDryRunAndForce() throws {
        let deployment = try yaml(Self.deployment())
        let applied = try api.apply(deployment, fieldManager: "shipshape")
        XCTAssertEqual(applied["spec"]?["replicas"], 3)
        let managers = (applied["metadata"]?["managedFields"]?.array ?? []).map { "\($0["manager"]?.string ?? ""):\($0["operation"]?.string ?? "")" }
        XCTAssertTrue(managers.contains("shipshape:Apply"), "\(managers)")

        var five = deployment
        five[path: ["spec", "replicas"]] = 5
        let dry = try api.apply(five, fieldManager: "shipshape", dryRun: true)
        XCTAssertEqual(dry["spec"]?["replicas"], 5, "the dry run answers with the result")
        let deployments = try resource("apps/v1", "Deployment")
        XCTAssertEqual(try api.get(deployments, name: "web", namespace: "default")?["spec"]?["replicas"], 3, "and stores nothing")

        // Another manager setting the same fields to other values conflicts, field by field.
        // (A ConfigMap: on a Deployment the Sandbox also reports the container list item itself,
        // `containers[name="main"]`, as a conflict, which a real API server does not.)
        let settings = try yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: settings, namespace: default, labels: {tier: web}}, data: {mode: fast, size: '3'}}")
        _ = try api.apply(settings, fieldManager: "shipshape")
        var other = settings
        other[path: ["data", "mode"]] = "slow"
        other[path: ["metadata", "labels", "tier"]] = "api"
        let conflict = try XCTUnwrap(apiError { try self.api.apply(other, fieldManager: "hotfix") })
        XCTAssertEqual(conflict.code, 409)
        XCTAssertEqual(conflict.reason, "Conflict")
        XCTAssertTrue(conflict.isApplyConflict)
        XCTAssertEqual(conflict.conflicts.map(\.manager), ["shipshape", "shipshape"])
        XCTAssertEqual(Set(conflict.conflicts.map(\.field)), [".data.mode", ".metadata.labels.tier"])
        XCTAssertEqual("\(conflict)", """
            v1 ConfigMap default/settings: apply conflict (409): 2 fields are owned by another field manager:
              \(conflict.conflicts[0].field): owned by "shipshape"
              \(conflict.conflicts[1].field): owned by "shipshape"
            Apply with force (--force-conflicts) to take these fields over, or stop setting them in this configuration.
            """)
        let configmaps = try resource("v1", "ConfigMap")
        XCTAssertEqual(try api.get(configmaps, name: "settings", namespace: "default")?["data"]?["mode"], "fast", "a conflict changes nothing")

        // The same value is shared ownership, not a conflict; force takes the fields over.
        var same = settings
        same[path: ["data"]] = ["size": "3"]
        XCTAssertEqual(try api.apply(same, fieldManager: "hotfix")["data"]?["size"], "3")
        let forced = try api.apply(other, fieldManager: "hotfix", force: true)
        XCTAssertEqual(forced["data"]?["mode"], "slow")
        let owners = (forced["metadata"]?["managedFields"]?.array ?? []).compactMap { $0["manager"]?.string }
        XCTAssertTrue(owners.contains("hotfix"), "\(owners)")
    }

    func testMergeAndJSONPatches() throws {
        _ = try api.apply(yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: p, namespace: default}, data: {a: '1', b: '2'}}"),
                          fieldManager: "shipshape")
        let configmaps = try resource("v1", "ConfigMap")
        let merged = try api.patch(configmaps, name: "p", namespace: "default", patch: ["data": ["a": .null, "c": "3"]], type: .merge)
        XCTAssertEqual(merged["data"], ["b": "2", "c": "3"])
        let patched = try api.patch(configmaps, name: "p", namespace: "default",
                                    patch: [["op": "replace", "path": "/data/b", "value": "20"], ["op": "add", "path": "/data/d", "value": "4"]],
                                    type: .json, fieldManager: "fixer")
        XCTAssertEqual(patched["data"]?["b"], "20")
        XCTAssertEqual(patched["data"]?["d"], "4")
        let managers = (patched["metadata"]?["managedFields"]?.array ?? []).compactMap { $0["manager"]?.string }
        XCTAssertTrue(managers.contains("fixer"), "\(managers)")

        let failed = try XCTUnwrap(apiError {
            try self.api.patch(configmaps, name: "p", namespace: "default", patch: [["op": "test", "path": "/data/b", "value": "nope"]], type: .json)
        })
        XCTAssertEqual(failed.object, "v1 ConfigMap default/p")
        XCTAssertTrue([409, 422].contains(failed.code), "\(failed)")
        let missing = try XCTUnwrap(apiError { try self.api.patch(configmaps, name: "absent", namespace: "default", patch: ["data": [:]], type: .merge) })
        XCTAssertEqual("\(missing)", "v1 ConfigMap default/absent: Error from server (NotFound): configmaps \"absent\" not found")
    }

    func testDeleteWithPreconditionsAndPropagation() throws {
        let deployments = try resource("apps/v1", "Deployment")
        let replicasets = try resource("apps/v1", "ReplicaSet")
        let created = try api.apply(yaml(Self.deployment(name: "keep", replicas: 1)), fieldManager: "shipshape")
        advance(2)
        XCTAssertEqual(try api.list(replicasets, namespace: "default", labelSelector: "app=keep").count, 1)

        let wrongUID = try XCTUnwrap(apiError { try self.api.delete(deployments, name: "keep", namespace: "default", uid: "0000") })
        XCTAssertEqual(wrongUID.code, 409)
        XCTAssertTrue(wrongUID.message.contains("Precondition failed: UID in precondition: 0000"), wrongUID.message)
        let staleVersion = try XCTUnwrap(apiError {
            try self.api.delete(deployments, name: "keep", namespace: "default", resourceVersion: "1")
        })
        XCTAssertTrue(staleVersion.message.contains("Precondition failed: ResourceVersion in precondition: 1"), staleVersion.message)
        XCTAssertNotNil(try api.get(deployments, name: "keep", namespace: "default"))

        let uid = try XCTUnwrap(created["metadata"]?["uid"]?.string)
        try api.delete(deployments, name: "keep", namespace: "default", propagation: "Orphan", uid: uid)
        advance(2)
        XCTAssertNil(try api.get(deployments, name: "keep", namespace: "default"))
        XCTAssertEqual(try api.list(replicasets, namespace: "default", labelSelector: "app=keep").count, 1, "Orphan leaves the ReplicaSet")

        _ = try api.apply(yaml(Self.deployment(name: "drop", replicas: 1)), fieldManager: "shipshape")
        advance(2)
        let live = try XCTUnwrap(api.get(deployments, name: "drop", namespace: "default"))
        try api.delete(deployments, name: "drop", namespace: "default", propagation: "Background",
                       resourceVersion: live["metadata"]?["resourceVersion"]?.string)
        advance(2)
        XCTAssertEqual(try api.list(replicasets, namespace: "default", labelSelector: "app=drop").count, 0, "Background deletes dependents")
        try api.delete(deployments, name: "drop", namespace: "default")  // already gone: not an error
    }

    func testStatusAndScaleSubresources() throws {
        let deployments = try resource("apps/v1", "Deployment")
        _ = try api.apply(yaml(Self.deployment(replicas: 2)), fieldManager: "shipshape")
        let scale = try api.scale(deployments, name: "web", namespace: "default")
        XCTAssertEqual(scale["kind"], "Scale")
        XCTAssertEqual(scale["spec"]?["replicas"], 2)
        let scaled = try api.scale(deployments, name: "web", namespace: "default", replicas: 4)
        XCTAssertEqual(scaled["spec"]?["replicas"], 4)
        XCTAssertEqual(try api.get(deployments, name: "web", namespace: "default")?["spec"]?["replicas"], 4)

        // The status subresource changes status only; spec in the same patch is ignored.
        let patched = try api.patch(deployments, name: "web", namespace: "default",
                                    patch: ["spec": ["replicas": 9], "status": ["observedGeneration": 42]], type: .merge,
                                    subresource: "status", fieldManager: "status-writer")
        XCTAssertEqual(patched["status"]?["observedGeneration"], 42)
        XCTAssertEqual(patched["spec"]?["replicas"], 4)
        // And the main resource ignores status.
        let main = try api.patch(deployments, name: "web", namespace: "default", patch: ["status": ["observedGeneration": 7]], type: .merge)
        XCTAssertEqual(main["status"]?["observedGeneration"], 42)
    }

    func testPodLogsWithContainerSinceTailAndPrevious() throws {
        _ = try api.apply(yaml(Self.deployment(name: "backend", image: "todo-chatbot/backend:1.4.0-crash", replicas: 1)),
                          fieldManager: "shipshape")
        advance(60)
        let pods = try api.list(resource("v1", "Pod"), namespace: "default", labelSelector: "app=backend")
        let pod = try XCTUnwrap(pods.first?["metadata"]?["name"]?.string)
        let restarts = pods.first?["status"]?["containerStatuses"]?.array?.first?["restartCount"]?.intValue ?? 0
        XCTAssertGreaterThan(restarts, 0, "the crashing image has restarted")

        let previous = try api.logs(pod: pod, namespace: "default", previous: true)
        XCTAssertTrue(previous.contains("exiting with code 1"), previous)
        let all = try api.logs(pod: pod, namespace: "default", container: "main")
        let allLines = all.split(separator: "\n")
        XCTAssertGreaterThan(allLines.count, 1, all)
        let tail = try api.logs(pod: pod, namespace: "default", tailLines: 1).split(separator: "\n")
        XCTAssertEqual(tail.count, 1)
        XCTAssertEqual(tail.last, allLines.last)
        let recent = try api.logs(pod: pod, namespace: "default", sinceSeconds: 1)
        XCTAssertLessThan(recent.split(separator: "\n").count, allLines.count)

        let wrong = try XCTUnwrap(apiError { try self.api.logs(pod: pod, namespace: "default", container: "sidecar") })
        XCTAssertEqual(wrong.code, 400)
        XCTAssertEqual("\(wrong)", "v1 Pod default/\(pod): Error from server (BadRequest): container sidecar is not valid for pod \(pod)")
    }

    func testEventsAndMetrics() throws {
        _ = try api.apply(yaml(Self.deployment(replicas: 2)), fieldManager: "shipshape")
        advance(30)
        let events = try api.events(namespace: "default")
        XCTAssertFalse(events.isEmpty)
        XCTAssertTrue(events.allSatisfy { $0["kind"] == "Event" })
        let about = try api.events(namespace: "default", involving: "web")
        XCTAssertFalse(about.isEmpty)
        XCTAssertTrue(about.allSatisfy { $0["involvedObject"]?["name"] == "web" })
        XCTAssertTrue(about.contains { $0["reason"] == "ScalingReplicaSet" }, "\(about.map { $0["reason"] ?? .null })")

        let podMetrics = try api.podMetrics(namespace: "default")
        XCTAssertEqual(podMetrics.count, 2)
        for metrics in podMetrics {
            let usage = try XCTUnwrap(metrics["containers"]?.array?.first?["usage"])
            XCTAssertNotNil(usage["cpu"]?.string)
            XCTAssertNotNil(usage["memory"]?.string)
        }
        let nodes = try api.nodeMetrics()
        XCTAssertEqual(nodes.map { $0["metadata"]?["name"] }, ["sandbox"])
        XCTAssertNotNil(nodes.first?["usage"]?["cpu"]?.string)
    }

    func testInvalidObjectsDecodeEveryCause() throws {
        let bad = try yaml("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: broken, namespace: default}
            spec:
              selector: {matchLabels: {app: broken}}
              template:
                metadata: {labels: {app: broken}}
                spec:
                  containers: [{name: a}, {name: a, image: x}]
            """)
        let error = try XCTUnwrap(apiError { try self.api.create(bad) })
        XCTAssertEqual(error.code, 422)
        XCTAssertEqual(error.reason, "Invalid")
        XCTAssertEqual(error.causes.map(\.field), ["spec.template.spec.containers[0].image", "spec.template.spec.containers[1].name"])
        XCTAssertEqual(error.causes.map(\.reason), ["FieldValueRequired", "FieldValueDuplicate"])
        XCTAssertTrue("\(error)".hasPrefix("apps/v1 Deployment default/broken: Error from server (Invalid): "), "\(error)")
    }
}
