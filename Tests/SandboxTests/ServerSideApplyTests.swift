import XCTest
import YAML
@testable import Sandbox

/// Server-side apply: ownership per manager, conflicts and force, removal of fields a manager
/// stops applying, list-map merge keys and duplicate keys.
final class ServerSideApplyTests: SandboxTestCase {
    private let path = "/apis/apps/v1/namespaces/default/deployments/web"

    func testManagedFieldsRecordApplyAndUpdateOperations() {
        let cluster = makeCluster()
        XCTAssertEqual(apply(cluster, Self.deployment(), manager: "shipshape").status, 201)
        let scaled = request(cluster, "PATCH", "/apis/apps/v1/namespaces/default/deployments/web/scale?fieldManager=hpa",
                             body: #"{"spec":{"replicas":6}}"#, contentType: "application/merge-patch+json")
        XCTAssertEqual(scaled.status, 200)
        XCTAssertEqual(scaled.body["kind"]?.string, "Scale")
        XCTAssertEqual(scaled.body[path: ["spec", "replicas"]]?.intValue, 6)
        let managed = get(cluster, path)[path: ["metadata", "managedFields"]]!.array!
        let owners = managed.map { "\($0["manager"]!.string!)/\($0["operation"]!.string!)/\($0["subresource"]?.string ?? "-")" }
        XCTAssertEqual(owners, ["shipshape/Apply/-", "hpa/Update/scale"])
        XCTAssertEqual(managed[1][path: ["fieldsV1", "f:spec", "f:replicas"]], .object([:]))
        XCTAssertNil(managed[0][path: ["fieldsV1", "f:spec", "f:replicas"]], "the scale update took replicas from the applier")
        let containers = managed[0][path: ["fieldsV1", "f:spec", "f:template", "f:spec", "f:containers"]]!
        XCTAssertNotNil(containers[#"k:{"name":"main"}"#]?["f:image"], "containers are owned by name")
        XCTAssertNotNil(containers[#"k:{"name":"main"}"#]?["f:ports"]?[#"k:{"containerPort":80,"protocol":"TCP"}"#],
                        "container ports are keyed by containerPort and protocol")
    }

    func testConflictNamesTheOwnerAndFieldAndForceTakesOwnership() {
        let cluster = makeCluster()
        apply(cluster, Self.deployment(), manager: "shipshape")
        request(cluster, "PATCH", "/apis/apps/v1/namespaces/default/deployments/web/scale?fieldManager=kube-controller-manager",
                body: #"{"spec":{"replicas":5}}"#, contentType: "application/merge-patch+json")
        let conflict = apply(cluster, Self.deployment(replicas: 2), manager: "shipshape")
        XCTAssertEqual(conflict.status, 409)
        XCTAssertEqual(conflict.body["reason"]?.string, "Conflict")
        XCTAssertEqual(conflict.body["message"]?.string,
                       #"Apply failed with 1 conflict: conflict with "kube-controller-manager" with subresource "scale" using apps/v1: .spec.replicas"#)
        XCTAssertEqual(conflict.body[path: ["details", "causes"]]?.array?.first?["field"]?.string, ".spec.replicas")
        XCTAssertEqual(conflict.body[path: ["details", "causes"]]?.array?.first?["reason"]?.string, "FieldManagerConflict")
        XCTAssertEqual(get(cluster, path)[path: ["spec", "replicas"]]?.intValue, 5, "a failed apply changes nothing")

        // Applying the same value is not a conflict: shared ownership.
        XCTAssertEqual(apply(cluster, Self.deployment(replicas: 5), manager: "shipshape").status, 200)

        let forced = apply(cluster, Self.deployment(replicas: 2), manager: "shipshape", force: true)
        XCTAssertEqual(forced.status, 200)
        XCTAssertEqual(forced.body[path: ["spec", "replicas"]]?.intValue, 2)
        let managers = forced.body[path: ["metadata", "managedFields"]]!.array!.compactMap { $0["manager"]?.string }
        XCTAssertEqual(managers, ["shipshape"], "force takes the field; the loser owns nothing more and is dropped")
    }

    func testQuantitiesAreComparedByValueWhenOwnershipIsChecked() {
        let cluster = makeCluster()
        XCTAssertEqual(apply(cluster, Self.deployment(), manager: "shipshape").status, 201)
        // Another manager applying the same limit as `0.2` (live: `200m`) co-owns it: no conflict.
        let same = apply(cluster, Self.deployment().replacingOccurrences(of: "cpu: 200m", with: "cpu: \"0.2\""), manager: "tuner")
        XCTAssertEqual(same.status, 200, "\(same.body)")
        let container = same.body[path: ["spec", "template", "spec", "containers"]]?.array?.first
        XCTAssertEqual(container?[path: ["resources", "limits", "cpu"]]?.string, "200m")
        // A different value still conflicts, naming the field.
        let other = apply(cluster, Self.deployment().replacingOccurrences(of: "cpu: 200m", with: "cpu: \"0.3\""), manager: "tuner2")
        XCTAssertEqual(other.status, 409)
        XCTAssertTrue(other.body["message"]?.string?.contains(".resources.limits.cpu") == true, "\(other.body)")
    }

    func testFieldsAManagerStopsApplyingAreRemovedUnlessSomeoneElseOwnsThem() {
        let cluster = makeCluster()
        func configMap(labels: String, data: String) -> String {
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: default
              labels: {\(labels)}
            data: {\(data)}
            """
        }
        XCTAssertEqual(apply(cluster, configMap(labels: "team: chatbot, tier: backend", data: #"a: "1", b: "2""#), manager: "shipshape").status, 201)
        // Another applier shares `b` (same value), and an updater adds a label.
        XCTAssertEqual(apply(cluster, configMap(labels: "", data: #"b: "2""#), manager: "other").status, 200)
        request(cluster, "PATCH", "/api/v1/namespaces/default/configmaps/settings?fieldManager=ops",
                body: #"{"metadata":{"labels":{"owner":"ops"}}}"#, contentType: "application/merge-patch+json")

        let r = apply(cluster, configMap(labels: "team: chatbot", data: #"a: "1""#), manager: "shipshape")
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.body["data"]?.object?.keys.sorted(), ["a", "b"], "b is still applied by \"other\"")
        XCTAssertEqual(r.body[path: ["metadata", "labels"]]?.object?.keys.sorted(), ["owner", "team"],
                       "tier had no other owner and goes; the updater's label stays")

        apply(cluster, configMap(labels: "team: chatbot", data: #"a: "1", c: "3""#), manager: "shipshape")
        let dropped = apply(cluster, configMap(labels: "team: chatbot", data: #"a: "1""#), manager: "shipshape")
        XCTAssertNil(dropped.body[path: ["data", "c"]])
    }

    func testContainersMergeByNameAndRemovedContainersGo() {
        let cluster = makeCluster()
        let two = Self.deployment().replacingOccurrences(
            of: "      - name: main\n", with: "      - name: sidecar\n        image: busybox:1.36\n      - name: main\n")
        apply(cluster, two)
        XCTAssertEqual(get(cluster, path)[path: ["spec", "template", "spec", "containers"]]?.array?.count, 2)
        let one = apply(cluster, Self.deployment(image: "nginx:1.28"))
        XCTAssertEqual(one.status, 200, "\(one.body)")
        let containers = one.body[path: ["spec", "template", "spec", "containers"]]!.array!
        XCTAssertEqual(containers.compactMap { $0["name"]?.string }, ["main"])
        XCTAssertEqual(containers[0]["image"]?.string, "nginx:1.28")
    }

    func testDuplicateListMapKeysAreRejected() {
        let cluster = makeCluster()
        let dup = Self.deployment().replacingOccurrences(of: "ports: [{containerPort: 80}]", with: "ports: [{containerPort: 80}, {containerPort: 80, protocol: TCP}]")
        let r = apply(cluster, dup)
        XCTAssertEqual(r.status, 500)
        XCTAssertTrue(r.body["message"]?.string?.contains("duplicate entries for key [containerPort=80,protocol=\"TCP\"]") ?? false,
                      r.body["message"]?.string ?? "")
        XCTAssertEqual(request(cluster, "GET", path).status, 404, "nothing was created")
    }

    func testApplyDryRunWritesNothing() {
        let cluster = makeCluster()
        let r = request(cluster, "PATCH", "\(path)?fieldManager=kubectl&dryRun=All", body: Self.deployment(),
                        contentType: "application/apply-patch+yaml")
        XCTAssertEqual(r.status, 201)
        XCTAssertEqual(r.body[path: ["spec", "strategy", "type"]]?.string, "RollingUpdate", "dry run returns the defaulted object")
        XCTAssertEqual(request(cluster, "GET", path).status, 404)
    }

    func testStrategicMergeAndJSONPatches() {
        let cluster = makeCluster()
        apply(cluster, Self.deployment())
        let smp = request(cluster, "PATCH", "\(path)?fieldManager=kubectl-edit",
                          body: #"{"spec":{"template":{"spec":{"containers":[{"name":"main","env":[{"name":"MODE","value":"fast"}]}]}}}}"#,
                          contentType: "application/strategic-merge-patch+json")
        XCTAssertEqual(smp.status, 200)
        let c = smp.body[path: ["spec", "template", "spec", "containers"]]!.array![0]
        XCTAssertEqual(c["image"]?.string, "nginx:1.27", "strategic merge keeps the rest of the container")
        XCTAssertEqual(c["env"]?.array?.first?["value"]?.string, "fast")
        let jp = request(cluster, "PATCH", path,
                         body: #"[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.29"},{"op":"test","path":"/spec/replicas","value":3}]"#,
                         contentType: "application/json-patch+json")
        XCTAssertEqual(jp.status, 200)
        XCTAssertEqual(jp.body[path: ["spec", "template", "spec", "containers"]]?.array?.first?["image"]?.string, "nginx:1.29")
        let failed = request(cluster, "PATCH", path, body: #"[{"op":"test","path":"/spec/replicas","value":9}]"#,
                             contentType: "application/json-patch+json")
        XCTAssertEqual(failed.status, 422)
    }
}
