import Environment
import Foundation
import GitStore
import KubeClient
import Kubernetes
import Sandbox
import TestSupport
import XCTest
import YAML
@testable import Insights

/// The chatbot chart's backend on the Sandbox under the default scenario's diurnal load,
/// sampled every simulated hour into the checkpoint ConfigMap (a fresh session each hour, as
/// an hourly CronJob would run), then recommended and committed to a real git repository
/// that the git CLI inspects.
final class RecommendSandboxTests: XCTestCase {
    static let start: Double = 1_767_571_200  // 2026-01-05T00:00:00Z
    let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func git(_ args: [String], in dir: String) throws -> String {
        let r = try Subprocess.run(Subprocess.find("git")!, args, in: URL(fileURLWithPath: dir))
        XCTAssertEqual(r.status, 0, "git \(args.joined(separator: " ")): \(r.stderr)")
        return r.stdout
    }

    /// A git repository holding a copy of the chart, the policies and shipshape.yaml.
    private func makeRepository() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recommend-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/charts", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repoRoot.path + "/charts/chatbot", toPath: dir + "/charts/chatbot")
        try FileManager.default.copyItem(atPath: repoRoot.path + "/policies", toPath: dir + "/policies")
        try FileManager.default.copyItem(atPath: repoRoot.path + "/shipshape.yaml", toPath: dir + "/shipshape.yaml")
        _ = try git(["init", "-q", "-b", "main"], in: dir)
        _ = try git(["-c", "user.name=T", "-c", "user.email=t@example.com", "add", "."], in: dir)
        _ = try git(["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "initial"], in: dir)
        return dir
    }

    /// The default scenario's cluster, served on loopback; its clock moves only when the test advances it.
    private func startSandbox() throws -> (Cluster, SandboxServer, KubeAPI) {
        let cluster = Cluster(scenario: .default, start: Self.start, seed: 7)
        let server = SandboxServer(cluster: cluster, speed: 1)
        let url = try server.start(port: 0, runClock: false)
        return (cluster, server, try KubeAPI(config: ClientConfig(server: url, namespace: "chatbot-dev")))
    }

    /// dev as this repository's shipshape.yaml has it, without its overlay (the copy holds none).
    private func environment(_ repo: String) -> EnvironmentConfig.Environment {
        EnvironmentConfig.Environment(name: "dev", chart: "charts/chatbot", namespace: "chatbot-dev", releaseName: "chatbot")
    }

    private func makeSession(_ repo: String) -> RecommendSession {
        RecommendSession(environment: environment(repo), tree: WorkTree(root: repo), policy: RecommendPolicy())
    }

    /// Applies the rendered backend Deployment and HPA (and the namespace) to the sandbox.
    private func deploy(_ api: KubeAPI, repo: String, image: String? = nil, memoryLimit: String? = nil) throws {
        _ = try api.apply(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "chatbot-dev"]], fieldManager: "test")
        for var object in try makeSession(repo).render().values {
            let kind = object["kind"]?.string ?? ""
            let name = object[path: ["metadata", "name"]]?.string ?? ""
            // The ConfigMap too: the container's envFrom names it, and without it the kubelet
            // holds the container in CreateContainerConfigError, as a node would.
            let backend = ["backend-deployment", "backend-hpa"].contains(name) && ["Deployment", "HorizontalPodAutoscaler"].contains(kind)
            guard backend || (kind == "ConfigMap" && name.hasPrefix("backend")) else { continue }
            object = object.setting(["metadata", "namespace"], to: "chatbot-dev")
            if kind == "Deployment", let image {
                object = object.setting(["spec", "template", "spec", "containers", "0", "image"], to: .string(image))
            }
            if kind == "Deployment", let memoryLimit {
                object = object.setting(["spec", "template", "spec", "containers", "0", "resources", "limits", "memory"], to: .string(memoryLimit))
            }
            _ = try api.apply(object, fieldManager: "test", force: true)
        }
    }

    /// Samples every simulated hour for `hours`, each time as a new run that loads and stores the checkpoint.
    private func run(hours: Int, cluster: Cluster, api: KubeAPI, repo: String) throws {
        for _ in 0..<hours {
            cluster.advance(by: 3600, step: 60)
            var session = makeSession(repo)
            try session.sampleCluster(api: api)
        }
    }

    func testAWeekOfDiurnalLoadConvergesAndCommitsOnlyTheIntendedLines() throws {
        let repo = try makeRepository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let (cluster, server, api) = try startSandbox()
        defer { server.shutdown() }
        try deploy(api, repo: repo)
        try run(hours: 7 * 24, cluster: cluster, api: api, repo: repo)

        // The checkpoint holds the week: one JSON document per container.
        var session = makeSession(repo)
        session.history = try UsageCheckpoint.load(api: api, namespace: "chatbot-dev", name: "shipshape-usage-dev")
        let usage = try XCTUnwrap(session.history.containers["chatbot-dev/backend-deployment/backend"])
        // 168 hourly samples of two pods, the first an hour in: 6 23/24 days.
        XCTAssertEqual(usage.confidenceDays, 167.0 / 24)
        XCTAssertEqual(usage.samples, 7 * 24 * 2 * 3, "two pods every hour, three readings an hour")

        let plan = try session.plan()
        print(RecommendReport.table(plan.results))
        let result = try XCTUnwrap(plan.results.first { $0.container.name == "backend" })
        let r = result.resources
        // The HPA targets 70% CPU: p90 per-pod usage / 0.7 would be 158m, below the seeds' 200m,
        // and under an HPA scaling on CPU a request is never lowered (it would only add replicas).
        XCTAssertEqual(r.evidence.cpu.p90, 0.110_265_643_195_703_14, accuracy: 1e-12)
        XCTAssertNil(r.cpuRequest, "\(r.notes)")
        XCTAssertEqual(result.container.resources.cpuRequest?.doubleValue, 0.2)
        // The backend holds 180Mi at rest (docs/sandbox.md's default scenario) and 2Mi per
        // request/s: per pod, 187Mi in the quietest hour, 91% of 80% of 256Mi. The HPA's memory
        // proposal ⌈N × 0.91⌉ stays N for every N up to 11 (and 0.91 is within the 10% tolerance
        // that holds any count), so memory, not CPU, kept the pods.
        XCTAssertEqual(r.notes, [
            "CPU sized so p90 usage sits at the HPA's 70% target",
            "CPU not lowered: the HPA scales on it, and a smaller request only adds replicas",
            "memory limit covers 425Mi, what a pod holds at its CPU limit (175Mi + 250Mi per core, fitted over the hours)",
            "memory limit lowered at most 20% per step",
            "memory metric removed: memory asked for more replicas than CPU needed in 168 of 168 h; a pod holds 187Mi even in the quietest hour, "
                + "91% of the 80% target, so the memory metric alone keeps every pod up to maxReplicas whatever the load",
        ])
        // Memory: the peak is 200Mi; the seeds' 256Mi request already covers it and stays.
        XCTAssertEqual(usage.maxMemory, 200 * 1_048_576)
        XCTAssertNil(r.memoryRequest)
        XCTAssertEqual(result.container.resources.memoryRequest?.doubleValue, 256 * 1_048_576)
        // The limit comes down from 1Gi by the 20% step; it would stop at 425Mi (180Mi + 2Mi per
        // request/s at the 1000m CPU limit's 122.5 request/s), not at the peak plus 15% (230Mi).
        XCTAssertEqual(r.memoryLimit?.doubleValue, 832 * 1_048_576)
        XCTAssertEqual(result.hpa?.hours, 7 * 24)

        // The commit: exactly the intended values lines, comments intact, evidence in the message.
        let commit = try XCTUnwrap(plan.commit)
        let outcome = try commit.commit(base: "main")
        XCTAssertTrue(outcome.commit.createdBranch)
        let branch = "shipshape/recommendations/dev"
        let diff = try git(["diff", "-U0", "main", branch], in: repo)
        let changed = diff.split(separator: "\n").filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
        XCTAssertEqual(changed.count, 2 * commit.edits.count, diff)
        XCTAssertEqual(try git(["diff", "--name-only", "main", branch], in: repo), "charts/chatbot/values.yaml\n")
        let expectedLines = Set(commit.edits.map { e -> String in
            let key: String
            if case .key(let k)? = e.location.path.segments.last { key = k } else { key = "" }
            return "+\(String(repeating: " ", count: 2 * (e.location.path.segments.count - 1)))\(key): \(e.change.new)"
        })
        XCTAssertEqual(Set(changed.filter { $0.hasPrefix("+") }.map(String.init)), expectedLines)
        let before = try git(["show", "main:charts/chatbot/values.yaml"], in: repo)
        let after = try git(["show", "\(branch):charts/chatbot/values.yaml"], in: repo)
        XCTAssertEqual(before.split(separator: "\n").filter { $0.contains("#") }, after.split(separator: "\n").filter { $0.contains("#") }, "comments survive")
        let message = try git(["show", "-s", "--format=%B", branch], in: repo)
        print(message, try git(["diff", "main", branch], in: repo))
        XCTAssertTrue(message.hasPrefix("backend: "), message)
        XCTAssertTrue(message.contains("Evidence:"), message)
        XCTAssertTrue(message.contains("\n  charts/chatbot/values.yaml:"), "lines are named relative to the repository: \(message)")
        XCTAssertTrue(message.contains("Shipshape-Recommend: dev"), message)
        XCTAssertTrue(message.contains("Shipshape-Workload: chatbot-dev/backend-deployment"), message)
        XCTAssertTrue(message.contains("Shipshape-Evidence: backend-deployment/backend window="), message)

        // A re-run with the same recommendation does not stack a duplicate commit.
        let again = try XCTUnwrap(try session.plan().commit).commit(base: "main")
        XCTAssertNil(again.commit.commit)
        XCTAssertEqual(try git(["rev-list", "--count", "main..\(branch)"], in: repo), "1\n")

        // Applying the committed values, as the reconciler does with that commit, rolls the pods
        // onto the new requests.
        try git(["show", "\(branch):charts/chatbot/values.yaml"], in: repo).write(toFile: repo + "/charts/chatbot/values.yaml", atomically: true, encoding: .utf8)
        try deploy(api, repo: repo)
        cluster.advance(by: 900, step: 5)
        let pods = try api.list(try api.resource(apiVersion: "v1", kind: "Pod"), namespace: "chatbot-dev").filter {
            $0[path: ["metadata", "deletionTimestamp"]] == nil && $0[path: ["status", "phase"]]?.string == "Running"
        }
        XCTAssertFalse(pods.isEmpty)
        // Under the HPA the CPU request is raised, never lowered; the commit may change only memory.
        XCTAssertTrue(r.cpuRequest != nil || r.memoryRequest != nil || r.memoryLimit != nil, "\(r.notes)")
        let wanted = [("requests", "cpu", r.cpuRequest), ("requests", "memory", r.memoryRequest), ("limits", "memory", r.memoryLimit)].map { kind, resource, new in
            (kind, resource, new?.description ?? result.container.resourceTexts["\(kind).\(resource)"])
        }
        for pod in pods {
            for (kind, resource, value) in wanted {
                XCTAssertEqual(pod[path: ["spec", "containers"]]?.array?.first?[path: ["resources", kind, resource]]?.string, value, "\(kind).\(resource)")
            }
        }
    }

    func testAnOOMKillingWorkloadGetsAMemoryBump() throws {
        let repo = try makeRepository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let (cluster, server, api) = try startSandbox()
        defer { server.shutdown() }
        try deploy(api, repo: repo, image: "todo-chatbot/backend:1.4.0-leak", memoryLimit: "512Mi")
        try run(hours: 30, cluster: cluster, api: api, repo: repo)

        var session = makeSession(repo)
        session.history = try UsageCheckpoint.load(api: api, namespace: "chatbot-dev", name: "shipshape-usage-dev")
        let usage = try XCTUnwrap(session.history.containers["chatbot-dev/backend-deployment/backend"])
        XCTAssertGreaterThan(usage.oomKills, 0)
        let workloads = [try XCTUnwrap(RenderedWorkload.parse(try session.render(), namespace: "chatbot-dev").first { $0.name == "backend-deployment" })]
        var leaking = workloads
        leaking[0].containers[0].resources.memoryLimit = try Quantity(parsing: "512Mi")
        let result = try XCTUnwrap(EnvironmentRecommender.recommend(workloads: leaking, history: session.history, policy: RecommendPolicy()).results.first)
        let request = try XCTUnwrap(result.resources.memoryRequest)
        // Killed at the 512Mi limit: max(+100Mi, ×1.2) = 614.4Mi, rounded up to 624Mi at least.
        XCTAssertGreaterThanOrEqual(request, try Quantity(parsing: "624Mi"))
        XCTAssertTrue(result.resources.notes.contains { $0.contains("OOM kill") && $0.contains("memory bumped by max(+100Mi, ×1.2)") }, "\(result.resources.notes)")
        let limit = try XCTUnwrap(result.resources.memoryLimit)
        XCTAssertGreaterThanOrEqual(limit, request)
        XCTAssertGreaterThanOrEqual(limit.doubleValue, usage.maxMemory * 1.25, "the peak plus 15% and 10% per OOM kill")
    }
}

extension Value {
    /// This value with `path` (keys, or list indexes as digits) set to `new`.
    fileprivate func setting(_ path: [String], to new: Value) -> Value {
        guard let first = path.first else { return new }
        let rest = Array(path.dropFirst())
        switch self {
        case .object(var o):
            o[first] = (o[first] ?? .object([:])).setting(rest, to: new)
            return .object(o)
        case .array(var a):
            guard let i = Int(first), a.indices.contains(i) else { return self }
            a[i] = a[i].setting(rest, to: new)
            return .array(a)
        default:
            return rest.isEmpty ? new : Value.object([first: Value.object([:]).setting(rest, to: new)])
        }
    }
}
