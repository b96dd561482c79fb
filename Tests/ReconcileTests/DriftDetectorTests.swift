import XCTest
import YAML
@testable import Reconcile

/// Drift is what git sets and the cluster does not have: defaults, status and other
/// managers' fields are not drift; quantities and numbers compare by value; list-maps by key.
final class DriftDetectorTests: XCTestCase {
    private func yaml(_ text: String) throws -> Value { try ValueDecoder.decode(text) }

    static let desired = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: backend-deployment, namespace: chatbot-dev, labels: {app: backend}}
        spec:
          selector: {matchLabels: {app: backend}}
          template:
            metadata: {labels: {app: backend}}
            spec:
              containers:
                - name: backend
                  image: todo-chatbot/backend:1.4.0
                  ports: [{containerPort: 8000}]
                  env: [{name: LOG_LEVEL, value: info}]
                  resources:
                    limits: {cpu: 1000m, memory: 1Gi}
                    requests: {cpu: 200m, memory: 256Mi}
        """

    /// What the API server returns for the same object: defaults, status, managedFields, the
    /// canonical quantity forms, extra containers from other tools, another order.
    static let live = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: backend-deployment
          namespace: chatbot-dev
          labels: {app: backend}
          uid: 7a1b
          resourceVersion: "4242"
          generation: 3
          creationTimestamp: "2026-11-20T10:00:00Z"
          annotations: {deployment.kubernetes.io/revision: "3"}
          managedFields: [{manager: shipshape, operation: Apply}]
        spec:
          replicas: 4
          progressDeadlineSeconds: 600
          revisionHistoryLimit: 10
          selector: {matchLabels: {app: backend}}
          strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}
          template:
            metadata: {labels: {app: backend}}
            spec:
              restartPolicy: Always
              dnsPolicy: ClusterFirst
              containers:
                - name: istio-proxy
                  image: istio/proxyv2:1.20
                - name: backend
                  image: todo-chatbot/backend:1.4.0
                  imagePullPolicy: IfNotPresent
                  terminationMessagePath: /dev/termination-log
                  ports: [{containerPort: 8000, protocol: TCP}]
                  env: [{name: LOG_LEVEL, value: info}]
                  resources:
                    limits: {cpu: "1", memory: 1Gi}
                    requests: {cpu: 200m, memory: 256Mi}
        status: {replicas: 4, readyReplicas: 4}
        """

    func testDefaultsStatusCanonicalQuantitiesAndOtherContainersAreNotDrift() throws {
        XCTAssertEqual(DriftDetector.drift(desired: try yaml(Self.desired), live: try yaml(Self.live)), [])
        XCTAssertNil(DiffReport.unified(desired: try yaml(Self.desired), live: try yaml(Self.live)))
    }

    func testAnImageEditedOutOfBandIsDriftAtItsPath() throws {
        let live = Self.live.replacingOccurrences(of: "image: todo-chatbot/backend:1.4.0", with: "image: todo-chatbot/backend:9.9.9")
        let drift = DriftDetector.drift(desired: try yaml(Self.desired), live: try yaml(live))
        XCTAssertEqual(drift.map(\.description), ["spec.template.spec.containers[name=backend].image: todo-chatbot/backend:9.9.9 → todo-chatbot/backend:1.4.0"])
        let diff = try XCTUnwrap(DiffReport.unified(desired: try yaml(Self.desired), live: try yaml(live)))
        XCTAssertTrue(diff.hasPrefix("--- live/apps.v1.Deployment.chatbot-dev.backend-deployment\n+++ desired/apps.v1.Deployment.chatbot-dev.backend-deployment\n"), diff)
        XCTAssertTrue(diff.contains("-        image: todo-chatbot/backend:9.9.9\n+        image: todo-chatbot/backend:1.4.0"), diff)
    }

    func testQuantitiesCompareByValue() throws {
        for (desired, live, drift) in [("500m", "0.5", false), ("1Gi", "1024Mi", false), ("1000m", "1", false), ("250m", "0.5", true)] {
            let d = try yaml("kind: Pod\nspec: {containers: [{name: a, resources: {limits: {cpu: \"\(desired)\"}}}]}")
            let l = try yaml("kind: Pod\nspec: {containers: [{name: a, resources: {limits: {cpu: \"\(live)\"}}}]}")
            XCTAssertEqual(!DriftDetector.drift(desired: d, live: l).isEmpty, drift, "\(desired) vs \(live)")
        }
        // Outside quantity fields, "1" and "1000m" are different strings.
        XCTAssertFalse(DriftDetector.drift(desired: try yaml("data: {a: 1000m}"), live: try yaml("data: {a: \"1\"}")).isEmpty)
    }

    func testReplicasOwnedByAnHPAAreIgnoredAndNeverApplied() throws {
        let deployment = try yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: backend-deployment}\nspec: {replicas: 2}")
        let hpa = try yaml("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: backend-hpa}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: backend-deployment}, minReplicas: 2, maxReplicas: 10}")
        let other = try yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: frontend-deployment}\nspec: {replicas: 2}")
        let prepared = DesiredState.prepare([deployment, hpa, other], namespace: "chatbot-dev")
        XCTAssertNil(prepared[0]["spec"]?["replicas"], "the HPA owns backend's replicas")
        XCTAssertEqual(prepared[2]["spec"]?["replicas"], .int(2), "frontend has no HPA")
        XCTAssertEqual(prepared[0]["metadata"]?["namespace"], "chatbot-dev")
        let scaledOut = try yaml("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: backend-deployment, namespace: chatbot-dev}\nspec: {replicas: 7}")
        XCTAssertEqual(DriftDetector.drift(desired: prepared[0], live: scaledOut), [], "an HPA scale-out is not drift")
    }

    func testMissingObjectsAndRemovedListEntries() throws {
        let d = try yaml(Self.desired)
        let drift = DriftDetector.drift(desired: d, live: try yaml(Self.live.replacingOccurrences(of: "env: [{name: LOG_LEVEL, value: info}]", with: "env: []")))
        XCTAssertEqual(drift.map(\.path), ["spec.template.spec.containers[name=backend].env[name=LOG_LEVEL]"])
        XCTAssertNotNil(DiffReport.unified(desired: d, live: nil), "an object missing from the cluster is all additions")
    }

    func testSecretValuesAreMaskedInDiffs() throws {
        let desired = try yaml("apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: n}\ndata: {token: bmV3, same: eA==}")
        let live = try yaml("apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: n}\ndata: {token: b2xk, same: eA==}")
        let diff = try XCTUnwrap(DiffReport.unified(desired: desired, live: live))
        XCTAssertFalse(diff.contains("bmV3") || diff.contains("b2xk") || diff.contains("eA=="), diff)
        XCTAssertTrue(diff.contains("-  token: '*** (before)'\n+  token: '*** (after)'"), diff)
    }

    func testApplyOrderPutsDependenciesFirst() throws {
        let kinds = ["CronJob", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Deployment", "Service", "ConfigMap",
                     "RoleBinding", "Role", "ServiceAccount", "Namespace", "Widget"]
        let objects = kinds.map { Value.object(["kind": .string($0)]) }
        XCTAssertEqual(ApplyOrder.sorted(objects).compactMap { $0["kind"]?.string },
                       ["Namespace", "ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Service", "Deployment",
                        "HorizontalPodAutoscaler", "PodDisruptionBudget", "CronJob", "Widget"])
    }
}
