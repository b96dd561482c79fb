import Environment
import Foundation
import XCTest
import YAML
@testable import Reconcile

final class ReconcileStateTests: XCTestCase {
    func testStateRoundTripsThroughTheConfigMapText() throws {
        var state = ReconcileState()
        state.lastApplied = "abc123"
        state.lastHealthy = "abc123"
        state.failures = [.init(revision: "bad999", reason: "pod backend-x: CrashLoopBackOff", at: "2026-11-23T05:00:00Z")]
        state.inventory = ["apps/v1/Deployment/chatbot-dev/backend-deployment", "v1/Service/chatbot-dev/backend-service"]
        state.record(.init(revision: "abc123", at: "2026-11-23T05:01:00Z", outcome: "applied", applied: 3, pruned: 1,
                           driftCorrected: ["apps/v1/Deployment/chatbot-dev/backend-deployment: spec.template.spec.containers[name=backend].image"]))
        let decoded = try ReconcileState(decoding: try state.encoded())
        XCTAssertEqual(decoded, state)
        XCTAssertTrue(decoded.isFailed("bad999"))
        XCTAssertFalse(decoded.isFailed("abc123"))
        XCTAssertEqual(ReconcileState.configMapName(environment: "dev"), "shipshape-dev-state")
    }

    func testPruneOnlyTouchesOurObjectsAndHonoursTheOptOut() throws {
        let desired = [try ValueDecoder.decode("apiVersion: v1\nkind: Service\nmetadata: {name: backend-service, namespace: chatbot-dev}")]
        let kept = try ValueDecoder.decode("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: keep, namespace: chatbot-dev, annotations: {shipshape.dev/prune: \"false\"}}")
        let inventory = ["v1/Service/chatbot-dev/backend-service", "v1/ConfigMap/chatbot-dev/old-config", "v1/ConfigMap/chatbot-dev/keep"]
        XCTAssertEqual(PrunePlan.prune(inventory: inventory, desired: desired, live: [Inventory.key(kept): kept]),
                       ["v1/ConfigMap/chatbot-dev/old-config"], "only inventory entries git dropped; never objects we did not create")
    }

    func testEnvironmentsFileOfThisRepository() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("shipshape.yaml"), encoding: .utf8)
        let config = try EnvironmentConfig(yaml: text, file: "shipshape.yaml")
        XCTAssertEqual(Set(config.environments.keys), ["dev", "prod"])
        let dev = try config.environment("dev")
        XCTAssertEqual(dev.namespace, "chatbot-dev")
        XCTAssertEqual(dev.healthTimeoutSeconds, 180)
        XCTAssertTrue(try config.environment("prod").inCluster)
        XCTAssertThrowsError(try config.environment("staging")) { error in
            XCTAssertEqual("\(error)", "no environment \"staging\" in shipshape.yaml (known: dev, prod)")
        }
    }
}
