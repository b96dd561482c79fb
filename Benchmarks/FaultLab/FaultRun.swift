import Environment
import Foundation
import GitStore
import Heal
import Insights
import KubeClient
import Reconcile
import Sandbox
import YAML

/// Plays one fault end to end, in simulated time: the chatbot chart installed by the real
/// reconciler into a Sandbox over HTTP, the fault's release committed to a real git
/// repository, then heal every simulated minute and reconcile every five, as the CronJobs run
/// them. Health waits step the simulated clock, so a run takes the same simulated seconds
/// every time: the figures are exact under a seed.
public final class FaultRun: @unchecked Sendable {
    public let spec: FaultSpec
    public let work: String
    public let server: SandboxServer
    public let api: KubeAPI
    public let environment: EnvironmentConfig.Environment
    public var log: [String] = []
    let lock = NSLock()

    /// 2026-01-05T09:50:00Z.
    public static let start = 1_767_606_600.0
    public static let namespace = "chatbot-dev"

    /// What happened, minute by minute.
    public struct Outcome: Sendable {
        public var reports: [HealReport] = []
        /// Seconds from the release (or the install) to the first finding of the expected class.
        public var onset: Double = 0
        public var detectedAt: Double?
        /// When the cluster first showed the fault, as the finding says.
        public var since: Double?
        public var firstAction: String?
        public var actionsTaken = 0
        public var resolvedAt: Double?
        public var escalated = false
        /// Every finding class seen, and every action taken (kind and finding id), in order.
        public var classesSeen: [FaultClass] = []
        public var actions: [String] = []
    }

    public init(_ spec: FaultSpec, repositoryRoot: String, seed: UInt64 = 7) throws {
        self.spec = spec
        work = NSTemporaryDirectory() + "shipshape-fault-\(spec.name)-\(UUID().uuidString.prefix(8))"
        let fm = FileManager.default
        let repo = work + "/config"
        try fm.createDirectory(atPath: repo + "/charts", withIntermediateDirectories: true)
        try fm.copyItem(atPath: repositoryRoot + "/charts/chatbot", toPath: repo + "/charts/chatbot")
        try fm.copyItem(atPath: repositoryRoot + "/policies", toPath: repo + "/policies")
        try fm.createDirectory(atPath: repo + "/overlays/dev", withIntermediateDirectories: true)
        let overlay = """
        global:
          namespace: \(Self.namespace)
          environment: dev
        # Heal and reconcile run from the harness, as their CronJobs would.
        monitoring:
          enabled: false

        """ + spec.values
        try overlay.write(toFile: repo + "/overlays/dev/values.yaml", atomically: true, encoding: .utf8)
        let config = """
        apiVersion: shipshape.dev/v1
        kind: Environments
        environments:
          dev:
            chart: charts/chatbot
            overlay: overlays/dev
            namespace: \(Self.namespace)
            releaseName: chatbot
            cluster: {context: sandbox}
            source: {repository: ., branch: main}
            policies: policies
            reconcile: {prune: true, healthTimeout: 3m, rollback: true, correctDrift: true}

        """
        try config.write(toFile: repo + "/shipshape.yaml", atomically: true, encoding: .utf8)
        try Self.git(["init", "-q", "-b", "main"], in: repo)
        try Self.git(["add", "-A"], in: repo)
        try Self.git(["commit", "-q", "-m", "chatbot: initial configuration"], in: repo)
        environment = try EnvironmentConfig(yaml: config, file: "shipshape.yaml").environment("dev")

        let scenario = try Self.scenario(spec)
        server = SandboxServer(cluster: Cluster(scenario: scenario, start: Self.start, seed: seed))
        let url = try server.start(port: 0, runClock: false)
        api = try KubeAPI(config: ClientConfig(server: url, namespace: Self.namespace))
        self.repositoryPath = repo
    }

    let repositoryPath: String
    /// The head last rendered for heal, its renderer, the environment and the policy.
    var rendered: (head: ObjectID, renderer: EnvironmentRenderer, environment: RenderedEnvironment, policy: RemediationPolicy)?

    /// The built-in scenario with the fault's additions: its images first (the first match
    /// wins), its traffic in place of the built-in traffic for the same targets, its node.
    static func scenario(_ spec: FaultSpec) throws -> Scenario {
        var s = Scenario.default
        guard let text = spec.scenario else { return s }
        let extra = try ScenarioLoader.parse(text, file: "\(spec.name).yaml: scenario")
        s.images = extra.images + s.images
        let targets = Set(extra.traffic.map(\.target))
        s.traffic = extra.traffic + s.traffic.filter { !targets.contains($0.target) }
        if try ValueDecoder.decode(text, file: spec.name)["node"] != nil { s.node = extra.node }
        s.faults = extra.faults
        return s
    }

    public func shutdown() {
        server.shutdown()
        try? FileManager.default.removeItem(atPath: work)
    }

    static let identity = ["GIT_AUTHOR_NAME": "Engineer", "GIT_AUTHOR_EMAIL": "engineer@example.com",
                           "GIT_COMMITTER_NAME": "Engineer", "GIT_COMMITTER_EMAIL": "engineer@example.com"]

    static func git(_ arguments: [String], in directory: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-c", "user.name=Engineer", "-c", "user.email=engineer@example.com", "-c", "commit.gpgsign=false"] + arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw HealError("git \(arguments.joined(separator: " ")) failed in \(directory)") }
    }

    /// The subjects of `branch`'s commits, newest first (what heal committed, and the release).
    public func subjects(_ branch: String = "main") throws -> [String] {
        let p = Process()
        let out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "log", "--format=%s", branch]
        p.currentDirectoryURL = URL(fileURLWithPath: repositoryPath)
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A file at the head of `branch`.
    public func file(_ path: String, branch: String = "main") throws -> String? {
        let source = try source()
        guard let tip = try RevisionResolver(source.repository).branchTip(branch) else { return nil }
        return try RevisionTree(try source.snapshot(tip)).string(at: path)
    }

    static func files(under root: String) throws -> [String] {
        var out: [String] = []
        let e = FileManager.default.enumerator(atPath: root)
        while let p = e?.nextObject() as? String {
            var dir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &dir), !dir.boolValue, !p.hasPrefix(".git/") { out.append(p) }
        }
        return out.sorted()
    }

    var cluster: Cluster { server.cluster }
    public var now: Double { cluster.now }

    func source() throws -> RevisionSource {
        try RevisionSource(location: repositoryPath, branch: "main", base: repositoryPath, cacheDirectory: work + "/cache")
    }

    func say(_ line: String) {
        lock.withLock { log.append("[\(Int(now - Self.start))s] \(line)") }
    }

    func reconciler() throws -> Reconciler {
        let r = Reconciler(environment: environment, cluster: api, source: try source(), identity: "reconcile", log: { [weak self] in self?.say("reconcile: \($0)") })
        r.pollInterval = 5
        let cluster = self.cluster
        r.waitClock = WaitClock(now: { cluster.now }, sleep: { cluster.advance(by: $0) })
        return r
    }

    /// One reconcile run, as the CronJob's.
    @discardableResult
    public func reconcile() throws -> RunReport { try reconciler().reconcile() }

    /// One heal run, as the CronJob's: fixes commit to the repository's branches.
    public func heal() throws -> HealReport {
        let source = try source()
        let head = try source.head()
        // The CronJob renders the head on every run; the harness renders a head once.
        if rendered?.head != head {
            let tree = RevisionTree(try source.snapshot(head))
            let renderer = EnvironmentRenderer(environment: environment, tree: tree, trace: true)
            let policyFile = "policies/remediation.yaml"
            rendered = (head, renderer, try renderer.renderAndCheck(policies: environment.policies, environment: environment.name),
                        try tree.string(at: policyFile).map { try RemediationPolicy(yaml: $0, file: policyFile) } ?? RemediationPolicy())
        }
        let (_, renderer, rendered, policy) = self.rendered!
        let fixes = HealFix.Repository(environment: environment, rendered: rendered, renderer: renderer) { commit in
            let outcome = try commit.commit(in: source.repository, base: head.hex, push: nil)
            return "[\(outcome.commit.branch) \(outcome.commit.commit?.short ?? "-")] \(commit.message.subject)"
        }
        let healer = Healer(environment: environment, cluster: api, reconciler: try reconciler(), policy: policy, repository: fixes,
                            log: { [weak self] in self?.say("heal: \($0)") })
        return try healer.run()
    }

    /// Commits the fault's release: the values edits on overlays/dev/values.yaml.
    public func release() throws {
        guard !spec.release.isEmpty else { return }
        let source = try source()
        let head = try source.head()
        let file = "overlays/dev/values.yaml"
        var text = try RevisionTree(try source.snapshot(head)).string(at: file) ?? ""
        for (path, value) in spec.release {
            text = try YAMLEditor(text: text, file: file).setting(try ValuePath(parsing: path), to: value)
        }
        var changes = ChangeSet()
        try changes.write(file, text)
        _ = try GitStore.commit(changes: changes, in: source.repository, branch: "main", base: head.hex,
                                message: CommitMessage(subject: "release: " + spec.release.map { "\($0.path)=\($0.value)" }.joined(separator: ", ")),
                                environment: Self.identity)
        say("released " + spec.release.map { "\($0.path)=\($0.value)" }.joined(separator: ", "))
    }

    /// Does what the disruption says, through the API as kubectl or a kubelet would.
    func disrupt(_ d: FaultSpec.Disruption) throws {
        switch d {
        case .delete(_, let apiVersion, let kind, let name):
            try api.delete(apiVersion: apiVersion, kind: kind, namespace: Self.namespace, name: name, uid: nil)
            say("someone deleted \(kind) \(name)")
        case .deletePod(_, let prefix):
            let pods = try api.list(apiVersion: "v1", kind: "Pod", namespace: Self.namespace)
                .compactMap { $0["metadata"]?["name"]?.string }.filter { $0.hasPrefix(prefix) }.sorted()
            guard let pod = pods.first else { throw HealError("\(spec.name): no pod named \(prefix)* to delete") }
            try api.delete(apiVersion: "v1", kind: "Pod", namespace: Self.namespace, name: pod, uid: nil)
            say("drained pod \(pod)")
        case .nodeCondition(_, let type, let status, let reason, let message):
            let stamp = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: now))
            guard var node = try api.get(apiVersion: "v1", kind: "Node", namespace: nil, name: "sandbox") else { throw HealError("no node sandbox") }
            var conditions = (node["status"]?["conditions"]?.array ?? []).filter { $0["type"]?.string != type }
            conditions.append(["type": .string(type), "status": .string(status), "reason": .string(reason), "message": .string(message),
                               "lastHeartbeatTime": .string(stamp), "lastTransitionTime": .string(stamp)])
            node[path: ["status", "conditions"]] = .array(conditions)
            _ = try api.replace(node, subresource: "status")
            say("node sandbox reports \(type)=\(status)")
        }
    }

    /// Install, release, then `spec.minutes` of heal runs (reconcile every fifth minute).
    public func play() throws -> Outcome {
        var out = Outcome()
        let installed = try reconcile()
        say("install: \(installed.outcome)")
        if case .blockedByPolicy(let findings) = installed.outcome {
            throw HealError("\(spec.name): the install is blocked by policy: \(findings.joined(separator: "; "))")
        }
        try release()
        if !spec.release.isEmpty { try reconcile() }
        out.onset = now
        var resolvedIDs = Set<String>()
        for minute in 1...spec.minutes {
            // The CronJobs' schedules: heal at every whole minute, reconcile every fifth.
            let next = Self.start + ((now - Self.start) / 60).rounded(.down) * 60 + 60
            cluster.advance(by: next - now)
            for d in spec.disrupt where d.minute == minute { try disrupt(d) }
            if Int((now - Self.start) / 60) % 5 == 0 { try reconcile() }
            let report = try heal()
            out.reports.append(report)
            for item in report.items {
                if !out.classesSeen.contains(item.finding.faultClass) { out.classesSeen.append(item.finding.faultClass) }
                if item.finding.faultClass == spec.expect.faultClass, out.detectedAt == nil {
                    out.detectedAt = report.now
                    out.since = item.finding.since
                }
                if item.actionKind != "none" {
                    out.actions.append("\(item.actionKind) \(item.finding.id)")
                    if item.finding.faultClass == spec.expect.faultClass, out.firstAction == nil { out.firstAction = item.actionKind }
                    if item.actionKind != "escalate" { out.actionsTaken += 1 }
                }
                if item.verdict == "escalated", item.finding.faultClass == spec.expect.faultClass { out.escalated = true }
            }
            for r in report.resolved where r.faultClass == spec.expect.faultClass && !resolvedIDs.contains(r.id) {
                resolvedIDs.insert(r.id)
                if !r.escalated, out.resolvedAt == nil { out.resolvedAt = r.resolvedAt }
            }
        }
        return out
    }
}
