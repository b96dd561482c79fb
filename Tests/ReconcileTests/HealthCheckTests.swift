import XCTest
import YAML
@testable import Reconcile

/// Health by kstatus's and Argo CD's rules, on objects shaped as the API server returns them.
final class HealthCheckTests: XCTestCase {
    private func yaml(_ text: String) throws -> Value { try ValueDecoder.decode(text) }

    private func deployment(generation: Int = 2, observed: Int = 2, replicas: Int = 2, updated: Int = 2, total: Int = 2,
                            available: Int = 2, progressing: String = "NewReplicaSetAvailable") throws -> Value {
        try yaml("""
            kind: Deployment
            metadata: {name: backend-deployment, generation: \(generation)}
            spec: {replicas: \(replicas)}
            status:
              observedGeneration: \(observed)
              replicas: \(total)
              updatedReplicas: \(updated)
              availableReplicas: \(available)
              readyReplicas: \(available)
              conditions:
                - {type: Progressing, status: "True", reason: \(progressing), message: "deployment progress"}
            """)
    }

    func testDeploymentRollout() throws {
        XCTAssertEqual(HealthCheck.evaluate(try deployment()), .healthy)
        XCTAssertEqual(HealthCheck.evaluate(try deployment(generation: 3)), .progressing("the controller has not seen generation 3 yet"))
        XCTAssertEqual(HealthCheck.evaluate(try deployment(updated: 1)), .progressing("1 of 2 replicas updated"))
        XCTAssertEqual(HealthCheck.evaluate(try deployment(total: 3)), .progressing("1 old replicas are pending termination"))
        XCTAssertEqual(HealthCheck.evaluate(try deployment(available: 1)), .progressing("1 of 2 updated replicas available"))
        XCTAssertTrue(HealthCheck.evaluate(try deployment(progressing: "ProgressDeadlineExceeded")).isDegraded)
    }

    func testCrashLoopingPullFailingAndOOMKilledPodsAreDegraded() throws {
        let crash = try yaml("""
            kind: Pod
            metadata: {name: backend-deployment-7d5b8c9c-x2v4n}
            status:
              phase: Running
              containerStatuses:
                - name: backend
                  ready: false
                  restartCount: 4
                  state: {waiting: {reason: CrashLoopBackOff, message: "back-off 40s restarting failed container"}}
                  lastState: {terminated: {reason: Error, exitCode: 1}}
            """)
        XCTAssertEqual(HealthCheck.evaluate(try deployment(), pods: [crash]),
                       .degraded("pod backend-deployment-7d5b8c9c-x2v4n container backend: CrashLoopBackOff (last exit: Error, exit code 1, 4 restarts)"))
        let pull = try yaml("kind: Pod\nmetadata: {name: p}\nstatus: {containerStatuses: [{name: c, state: {waiting: {reason: ImagePullBackOff}}}]}")
        XCTAssertEqual(HealthCheck.evaluate(pull), .degraded("pod p container c: ImagePullBackOff"))
        let oom = try yaml("kind: Pod\nmetadata: {name: p}\nstatus: {containerStatuses: [{name: c, ready: false, restartCount: 1, state: {running: {}}, lastState: {terminated: {reason: OOMKilled, exitCode: 137}}}]}")
        XCTAssertEqual(HealthCheck.evaluate(oom), .degraded("pod p container c: OOMKilled (memory limit too low)"))
    }

    func testJobsAndHPAs() throws {
        XCTAssertEqual(HealthCheck.evaluate(try yaml("kind: Job\nstatus: {conditions: [{type: Complete, status: \"True\"}]}")), .healthy)
        XCTAssertTrue(HealthCheck.evaluate(try yaml("kind: Job\nstatus: {conditions: [{type: Failed, status: \"True\", reason: BackoffLimitExceeded}]}")).isDegraded)
        XCTAssertEqual(HealthCheck.evaluate(try yaml("kind: Job\nstatus: {active: 1}")), .progressing("job running"))
        XCTAssertEqual(HealthCheck.evaluate(try yaml("kind: HorizontalPodAutoscaler\nstatus: {conditions: [{type: ScalingLimited, status: \"True\"}]}")), .healthy)
        XCTAssertFalse(HealthCheck.evaluate(try yaml("kind: HorizontalPodAutoscaler\nstatus: {conditions: [{type: ScalingActive, status: \"False\", reason: FailedGetResourceMetric}]}")).isDegraded,
                       "missing metrics are what every new HPA reports until its pods are ready: progressing, not broken")
        XCTAssertTrue(HealthCheck.evaluate(try yaml("kind: HorizontalPodAutoscaler\nstatus: {conditions: [{type: AbleToScale, status: \"False\", reason: FailedGetScale}]}")).isDegraded)
    }
}
