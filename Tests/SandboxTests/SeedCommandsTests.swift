import Foundation
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// Every kubectl command of the seeds' implementation report (002) that talks to a cluster,
/// run against the Sandbox as the report runs it: its `kubectl apply -f -` heredocs as given
/// (Fixtures/seed-002, fed on stdin), then its reads, patches, scaling, rollouts and logs in
/// the chatbot-dev namespace. The report's backend-deployment (8000) and frontend-deployment
/// (3000) come from the chart, not the report, so the test applies minimal ones first. Left
/// out: the `create`/`run`/`expose`/`autoscale` generators (protobuf bodies, tested with the
/// decoder), kubectl-ai and docker. Where the report's own text is wrong (a Service without
/// the label it is listed by, a heredoc kubectl cannot parse), kubectl's answer is asserted.
final class SeedCommandsTests: SandboxHTTPTestCase {
    /// The default scenario plus the seeds' images (kagent:latest, the fluentd collector), so
    /// their pods run as the report shows them running.
    static let seedScenario: Scenario = {
        let images = """
            images:
              - match: "kagent:*"
                startup: 2s
                cpu: {baseMillicores: 30}
                memory: {baselineMi: 120}
                logs:
                  - {level: info, ratePerMinute: 2, template: "Starting log analysis..."}
              - match: "fluent/fluentd-kubernetes-daemonset:*"
                startup: 2s
                memory: {baselineMi: 150}

            """
        let text = Scenario.defaultText.replacingOccurrences(of: "images:\n", with: images.replacingOccurrences(of: "\n\n", with: "\n"))
        return try! ScenarioLoader.parse(text, file: "seed-scenario.yaml")
    }()

    static let chatbot = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: chatbot-dev}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: backend-deployment, namespace: chatbot-dev, labels: {app: backend}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: backend}}
          template:
            metadata: {labels: {app: backend}}
            spec:
              containers:
              - name: backend
                image: todo-chatbot/backend:1.0.0
                ports: [{containerPort: 8000}]
                resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {cpu: 500m, memory: 512Mi}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: frontend-deployment, namespace: chatbot-dev, labels: {app: frontend}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: frontend}}
          template:
            metadata: {labels: {app: frontend}}
            spec:
              containers:
              - name: frontend
                image: todo-chatbot/frontend:1.0.0
                ports: [{containerPort: 3000}]
                resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 200m, memory: 256Mi}}

        """

    /// A heredoc of the report, by its fixture file name.
    func heredoc(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seed-002/\(name).yaml")
        return try String(contentsOf: url, encoding: .utf8)
    }

    var transcript = ""
    @discardableResult
    func k(_ arguments: String..., input: String? = nil) throws -> Subprocess.Result {
        let r = try kubectl(arguments, input: input)
        transcript += "$ kubectl \(arguments.joined(separator: " "))\n[\(r.status)]\n\(r.stdout)--- stderr\n\(r.stderr)\n"
        return r
    }

    func testSeedCommands() throws {
        try startServer(scenario: Self.seedScenario, start: Self.start)
        try k("apply", "-f", "-", input: Self.chatbot)
        for name in ["01-kagent", "02-kagent-rbac", "03-monitoring-config", "04-crash-detection-config", "05-crash-loop-detector-job",
                     "06-test-crash-loop", "07-backend-metrics", "08-backend-hpa", "09-scaling-agent", "10-fluentd",
                     "11-log-analysis-agent", "12-alert-config", "13-deployment-scheduler", "14-resource-analyzer",
                     "15-resource-optimization-report"] {
            try k("apply", "-f", "-", input: try heredoc(name))
        }
        try advance(120)
        try k("get", "pods", "-n", "chatbot-dev", "-l", "app=kagent")
        try k("get", "svc", "-n", "chatbot-dev", "-l", "app=kagent")
        try k("patch", "deployment", "backend-deployment", "-n", "chatbot-dev", "-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"backend","livenessProbe":{"httpGet":{"path":"/health","port":8000},"initialDelaySeconds":30,"periodSeconds":10,"timeoutSeconds":5,"failureThreshold":3},"readinessProbe":{"httpGet":{"path":"/ready","port":8000},"initialDelaySeconds":5,"periodSeconds":5,"timeoutSeconds":3,"failureThreshold":3}}]}}}}"#)
        try k("patch", "deployment", "frontend-deployment", "-n", "chatbot-dev", "-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"frontend","livenessProbe":{"httpGet":{"path":"/health","port":3000},"initialDelaySeconds":30,"periodSeconds":10,"timeoutSeconds":5,"failureThreshold":3},"readinessProbe":{"httpGet":{"path":"/ready","port":3000},"initialDelaySeconds":5,"periodSeconds":5,"timeoutSeconds":3,"failureThreshold":3}}]}}}}"#)
        try advance(60)
        try k("get", "pods", "-n", "kube-system")
        try k("top", "nodes")
        try k("top", "pods", "-n", "chatbot-dev")
        try k("get", "configmap", "monitoring-config", "-n", "chatbot-dev", "-o", "yaml")
        try k("describe", "deployment", "backend-deployment", "-n", "chatbot-dev")
        try k("get", "hpa", "-n", "chatbot-dev")
        try k("get", "pods", "-n", "chatbot-dev", "--field-selector=status.phase!=Running", "-o", "json")
        try k("get", "pod", "test-crash-loop", "-n", "chatbot-dev", "-o", "jsonpath={.status.containerStatuses[0].restartCount}")
        try k("get", "events", "-n", "chatbot-dev", "--sort-by=.lastTimestamp")
        try k("get", "daemonset", "-n", "chatbot-dev")
        try k("logs", "-n", "chatbot-dev", "deployment/log-analysis-agent", "--tail=10")
        try k("logs", "-n", "chatbot-dev", "deployment/backend-deployment", "--since=1m")
        try k("get", "configmaps", "-n", "chatbot-dev", "-l", "managed-by=ai-scheduler", "-o", "json")
        try k("patch", "deployment", "-n", "chatbot-dev", "-l", "config-dependent=x", "-p", #"{"spec":{"template":{"metadata":{"annotations":{"config-checksum":"1"}}}}}"#)
        try k("get", "all", "-n", "chatbot-dev")
        print(transcript)
    }
}
