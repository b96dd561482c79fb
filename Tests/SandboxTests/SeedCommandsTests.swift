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

    /// What kubectl printed for every command, in order: compared whole with
    /// Fixtures/seed-002/transcript.txt (run with SHIPSHAPE_UPDATE_TRANSCRIPT=1 to rewrite it
    /// after a deliberate change to the Sandbox, and review the diff).
    var transcript = ""

    /// Runs one command of the report; `pipe` is the report's shell filter (grep, tail) over
    /// standard output, applied as the shell would.
    @discardableResult
    func k(_ arguments: String..., input: String? = nil, pipe: ((String) -> String)? = nil, pipeText: String = "") throws -> Subprocess.Result {
        var r = try kubectl(arguments, input: input)
        if let pipe { r.stdout = pipe(r.stdout) }
        transcript += "$ kubectl \(arguments.joined(separator: " "))\(pipeText)\n"
        if let input { transcript += "  (stdin: \(input.split(separator: "\n").count) lines)\n" }
        transcript += r.stdout + (r.stdout.isEmpty || r.stdout.hasSuffix("\n") ? "" : "\n")
        if !r.stderr.isEmpty { transcript += "[stderr] " + r.stderr + (r.stderr.hasSuffix("\n") ? "" : "\n") }
        transcript += "[exit \(r.status)]\n\n"
        return r
    }

    /// `grep -A n pattern`.
    static func grepAfter(_ pattern: String, _ n: Int) -> (String) -> String {
        { text in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let i = lines.firstIndex(where: { $0.contains(pattern) }) else { return "" }
            return lines[i..<min(lines.count, i + n + 1)].joined(separator: "\n") + "\n"
        }
    }

    /// `tail -n`.
    static func tail(_ n: Int) -> (String) -> String {
        { text in text.split(separator: "\n").suffix(n).map { $0 + "\n" }.joined() }
    }

    func testEveryClusterCommandOfTheReport() throws {
        try startServer(scenario: Self.seedScenario, start: Self.start)
        // Step 1-5: the report's heredocs, each piped to kubectl apply -f -.
        try k("apply", "-f", "-", input: Self.chatbot)
        for name in ["01-kagent", "02-kagent-rbac", "03-monitoring-config", "04-crash-detection-config", "05-crash-loop-detector-job",
                     "06-test-crash-loop", "07-backend-metrics", "08-backend-hpa", "09-scaling-agent", "10-fluentd",
                     "11-log-analysis-agent", "12-alert-config", "13-deployment-scheduler", "14-resource-analyzer",
                     "15-resource-optimization-report"] {
            try k("apply", "-f", "-", input: try heredoc(name))
        }
        try advance(120)
        // Step 1: verification.
        let kagent = try k("get", "pods", "-n", "chatbot-dev", "-l", "app=kagent")
        let kagentRows = kagent.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(kagentRows.map { Array($0[1...3]) }, [["1/1", "Running", "0"]], kagent.stdout)
        // The report lists kagent-service by a label its manifest does not give it.
        XCTAssertEqual(try k("get", "svc", "-n", "chatbot-dev", "-l", "app=kagent").stderr, "No resources found in chatbot-dev namespace.\n")
        try k("exec", "-it", "-n", "chatbot-dev", "deployment/kagent-deployment", "--", "/bin/sh", "-c", "kubectl-ai get pods")
        // Step 2: probes by strategic merge (containers merge by name), metrics, the HPA.
        for (name, port) in [("backend", 8000), ("frontend", 3000)] {
            let patched = try k("patch", "deployment", "\(name)-deployment", "-n", "chatbot-dev", "-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"\#(name)","livenessProbe":{"httpGet":{"path":"/health","port":\#(port)},"initialDelaySeconds":30,"periodSeconds":10,"timeoutSeconds":5,"failureThreshold":3},"readinessProbe":{"httpGet":{"path":"/ready","port":\#(port)},"initialDelaySeconds":5,"periodSeconds":5,"timeoutSeconds":3,"failureThreshold":3}}]}}}}"#)
            XCTAssertEqual(patched.stdout, "deployment.apps/\(name)-deployment patched\n", patched.stderr)
        }
        try advance(60)
        try k("get", "pods", "-n", "kube-system", pipe: { $0.split(separator: "\n").filter { $0.contains("metrics-server") }.map { $0 + "\n" }.joined() },
              pipeText: " | grep metrics-server")
        try k("top", "nodes")
        try k("top", "pods", "-n", "chatbot-dev")
        let config = try k("get", "configmap", "monitoring-config", "-n", "chatbot-dev", "-o", "yaml")
        XCTAssertEqual(try ValueDecoder.decode(config.stdout)["data"], try ValueDecoder.decode(try heredoc("03-monitoring-config"))["data"])
        for name in ["backend", "frontend"] {
            let port = name == "backend" ? 8000 : 3000
            let liveness = try k("describe", "deployment", "\(name)-deployment", "-n", "chatbot-dev", pipe: Self.grepAfter("Liveness", 10), pipeText: " | grep -A 10 \"Liveness\"")
            XCTAssertEqual(liveness.stdout.split(separator: "\n").first, "    Liveness:      http-get http://:\(port)/health delay=30s timeout=5s period=10s #success=1 #failure=3")
        }
        try k("get", "hpa", "-n", "chatbot-dev")
        // Step 3: the crash-loop detector's reads and deletes. A pod in CrashLoopBackOff is
        // in phase Running, so the report's field selector finds none.
        try k("get", "pods", "-n", "chatbot-dev", "--field-selector=status.phase!=Running", "-o", "json")
        XCTAssertEqual(try k("get", "pod", "test-crash-loop", "-n", "chatbot-dev", "-o", "jsonpath={.status.containerStatuses[0].restartCount}").stdout, "5")
        try k("get", "events", "-n", "chatbot-dev", "--sort-by=.lastTimestamp", pipe: Self.tail(10), pipeText: " | tail -10")
        try k("delete", "pod", "test-crash-loop", "-n", "chatbot-dev", "--grace-period=0")
        try k("apply", "-f", "-", input: try heredoc("06-test-crash-loop"))
        try k("delete", "pod", "test-crash-loop", "-n", "chatbot-dev", "--grace-period=0", "--force")
        try k("apply", "-f", "-", input: try heredoc("06-test-crash-loop"))
        try k("delete", "pod", "test-crash-loop", "-n", "chatbot-dev")
        // Step 4: scaling.
        try k("top", "pods", "-n", "chatbot-dev", pipe: { $0.split(separator: "\n").filter { $0.contains("backend") }.map { $0 + "\n" }.joined() }, pipeText: " | grep backend")
        try k("get", "deployment", "backend-deployment", "-n", "chatbot-dev", "-o", "jsonpath={.spec.replicas}")
        try k("scale", "deployment", "backend-deployment", "-n", "chatbot-dev", "--replicas=3")
        try k("get", "pods", "-n", "chatbot-dev", "-l", "app=scaling-agent")
        // Step 5: logs.
        try advance(30)
        let since = try k("logs", "-n", "chatbot-dev", "deployment/backend-deployment", "--since=1m")
        XCTAssertFalse(since.stdout.isEmpty)
        try k("get", "pods", "-n", "chatbot-dev", "-l", "app=log-analysis-agent")
        try k("get", "daemonset", "-n", "chatbot-dev")
        try k("logs", "-n", "chatbot-dev", "deployment/log-analysis-agent", "--tail=10")
        // Step 6: the deployment scheduler's commands.
        try k("get", "deployments", "-n", "chatbot-dev", "-o", "json", pipe: { text in
            let items = (try? JSONParser().parse(bytes: Array(text.utf8)))?["items"]?.array ?? []
            return items.compactMap { $0[path: ["metadata", "name"]]?.string }.joined(separator: "\n") + "\n"
        }, pipeText: " | jq -r '.items[].metadata.name'")
        try k("get", "deployment", "backend-deployment", "-n", "chatbot-dev", "-o", "jsonpath={.status.readyReplicas}")
        try k("rollout", "status", "deployment/backend-deployment", "-n", "chatbot-dev", "--timeout=10s")
        try k("get", "events", "-n", "chatbot-dev", "--field-selector", "involvedObject.name=backend-deployment", "--sort-by=.lastTimestamp",
              pipe: Self.tail(5), pipeText: " | tail -5")
        try k("get", "configmaps", "-n", "chatbot-dev", "-l", "managed-by=ai-scheduler", "-o", "json")
        try k("patch", "deployment", "-n", "chatbot-dev", "-l", "config-dependent=x", "-p", #"{"spec":{"template":{"metadata":{"annotations":{"config-checksum":"1"}}}}}"#)
        try k("get", "pods", "-n", "chatbot-dev", "-l", "app=deployment-scheduler")
        try k("get", "deployments", "-n", "chatbot-dev")
        try k("set", "image", "deployment/backend-deployment", "-n", "chatbot-dev", "backend=todo-chatbot/backend:latest")
        let rollout = try kubectlInBackground("rollout", "status", "deployment/backend-deployment", "-n", "chatbot-dev")
        defer { rollout.stop() }
        try waitForWatches(1)
        try advance(60)
        let rolled = try rollout.lines(1, deadline: 30)
        var following = rolled
        while following.last?.hasSuffix("successfully rolled out") != true { following += try rollout.lines(1) }
        transcript += "$ kubectl rollout status deployment/backend-deployment -n chatbot-dev\n" + following.map { $0 + "\n" }.joined() + "\n"
        XCTAssertEqual(following.last, "deployment \"backend-deployment\" successfully rolled out")
        try k("rollout", "undo", "deployment/backend-deployment", "-n", "chatbot-dev")
        try advance(60)
        try k("get", "deployment", "backend-deployment", "-n", "chatbot-dev", "-o", "jsonpath={.spec.template.spec.containers[0].image}")
        // Step 7: the resource analyzer's reads.
        let backendPods = try k("get", "pods", "-n", "chatbot-dev", "-l", "app=backend", "-o", "jsonpath={.items[*].metadata.name}")
        for pod in backendPods.stdout.split(separator: " ").map(String.init) {
            XCTAssertEqual(try k("get", "pod", pod, "-n", "chatbot-dev", "-o", "jsonpath={.spec.containers[0].resources.requests.cpu}").stdout, "250m")
            for field in ["requests.memory", "limits.cpu", "limits.memory"] {
                try k("get", "pod", pod, "-n", "chatbot-dev", "-o", "jsonpath={.spec.containers[0].resources.\(field)}")
            }
        }
        try k("get", "pods", "-n", "chatbot-dev", "-l", "app=frontend", "-o", "jsonpath={.items[*].metadata.name}")
        try k("top", "pods", "-n", "chatbot-dev", "-l", "app=backend", "--containers=true")
        try k("top", "pods", "-n", "chatbot-dev", "-l", "app=frontend", "--containers=true")
        try k("create", "configmap", "resource-recommendations", "-n", "chatbot-dev", "--from-literal=resource_recommendations.json={\"recommendations\":[]}",
              "--dry-run=client", "-o", "yaml")
        let generated = try kubectl(["create", "configmap", "resource-recommendations", "-n", "chatbot-dev",
                                     "--from-literal=resource_recommendations.json={\"recommendations\":[]}", "--dry-run=client", "-o", "yaml"]).stdout
        try k("apply", "-f", "-", input: generated)
        try k("get", "deployments", "-n", "chatbot-dev", "-o", "wide")
        try k("get", "configmap", "resource-recommendations", "-n", "chatbot-dev", "-o", #"jsonpath={.data.resource_recommendations\.json}"#)
        try k("get", "deployment", "backend-deployment", "-n", "chatbot-dev", "-o", "jsonpath={.spec.template.spec.containers[0].resources.requests.cpu}")
        try k("get", "pods", "-n", "chatbot-dev", "-l", "app=resource-analyzer")
        try k("get", "configmap", "resource-recommendations", "-n", "chatbot-dev", "-o", "yaml")
        try k("get", "jobs", "-n", "chatbot-dev", "-l", "job-name=resource-optimization-report")
        try k("get", "all", "-n", "chatbot-dev")

        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seed-002/transcript.txt")
        if ProcessInfo.processInfo.environment["SHIPSHAPE_UPDATE_TRANSCRIPT"] == "1" {
            try transcript.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let got = transcript.split(separator: "\n", omittingEmptySubsequences: false), want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = zip(got, want).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            XCTFail("transcript line \(first.offset + 1) differs:\n got: \(first.element.0)\nwant: \(first.element.1)")
        }
        XCTAssertEqual(got.count, want.count, "transcript length")
    }
}
