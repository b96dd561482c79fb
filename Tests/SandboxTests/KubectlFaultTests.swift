import XCTest
import YAML
@testable import Sandbox

/// The faults of KubeletFaultTests as kubectl, a second client, sees them over HTTP.
final class KubectlFaultTests: SandboxHTTPTestCase {
    func testKubectlSeesALivenessKillAndAnUnschedulablePod() throws {
        try startServer(scenario: try ScenarioLoader.parse("""
            node: {cpu: "2", memory: 1Gi}
            images:
              - {match: "slow:*", startup: 2m}
            """), start: 1_767_571_200)
        let manifests = try write("""
            apiVersion: v1
            kind: Pod
            metadata: {name: slow, namespace: default}
            spec:
              terminationGracePeriodSeconds: 5
              containers:
              - name: main
                image: slow:1
                resources: {requests: {memory: 256Mi}}
                livenessProbe: {httpGet: {path: /healthz, port: 8080}, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: huge, namespace: default}
            spec:
              containers:
              - name: main
                image: slow:1
                resources: {requests: {memory: 2Gi}}
            """, to: "pods.yaml")
        try kubectlOK("apply", "--server-side", "-f", manifests)
        try advance(75)
        let slow = try kubectlOK("get", "pod", "slow", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason} "
                                 + "{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.exitCode} "
                                 + "{.status.containerStatuses[0].lastState.terminated.reason}")
        XCTAssertEqual(slow, "CrashLoopBackOff 1 137 Error")
        let killing = try kubectlOK("get", "events", "--field-selector", "involvedObject.name=slow,reason=Killing",
                                    "-o", "jsonpath={.items[*].message} x{.items[*].count}")
        XCTAssertEqual(killing, "Container main failed liveness probe, will be restarted x2")
        let unhealthy = try kubectlOK("get", "events", "--field-selector", "involvedObject.name=slow,reason=Unhealthy",
                                      "-o", "jsonpath={.items[*].message} x{.items[*].count}")
        XCTAssertEqual(unhealthy, "Liveness probe failed: Get \"http://10.244.0.2:8080/healthz\": dial tcp 10.244.0.2:8080: connect: connection refused x6")

        let huge = try kubectlOK("get", "pod", "huge", "-o", "jsonpath={.status.phase} {.status.conditions[0].reason}: {.status.conditions[0].message}")
        XCTAssertEqual(huge, "Pending Unschedulable: 0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.")
        let describe = try kubectlOK("describe", "pod", "huge")
        XCTAssertTrue(describe.contains("Warning  FailedScheduling"), describe)
        XCTAssertTrue(describe.contains("Node:             <none>"), describe)
    }
}
