import ArgumentParser
import Environment
import Foundation
import GitStore
import Insights
import KubeClient
import Monitoring
import Overlays

/// `shipshape recommend`: right-size an environment's workloads from observed usage, and
/// commit the changes to the values lines that drive them.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend requests, limits, probes and HPA bounds from observed usage.",
        discussion: """
            Usage comes from --samples files (CSV, JSON or SSU1; see
            docs/recommend.md), from Prometheus (--prometheus), and otherwise from
            the cluster: each run loads the checkpoint ConfigMap shipshape-usage-ENV,
            takes one metrics.k8s.io sample and stores the checkpoint again, so an
            hourly CronJob accumulates history. The policy is POLICIES/recommend.yaml
            of the environment.

            The environment is rendered as reconcile applies it: chart, overlay values,
            then the overlay's kustomization, so a value a kustomize patch sets is the
            current value, and the commit edits that patch's line.

            With --commit the changes become one commit on
            shipshape/recommendations/ENV that edits exactly the values lines render
            provenance names; --dry-run prints that diff.

            Without a shipshape.yaml on disk (in the cluster), it is read from the
            branch head of SHIPSHAPE_REPOSITORY (SHIPSHAPE_BRANCH, default main), the
            environment is rendered from that revision, and the commit is built in the
            mirror under --cache-dir; it must be pushed (--commit --push), or it would
            be lost with the pod.

            Examples:
              shipshape recommend --env dev
              shipshape recommend --env dev --samples usage.csv -o json
              shipshape recommend --env prod --prometheus http://prometheus:9090 \\
                --commit --push
            """)

    @OptionGroup var options: EnvironmentOptions
    @Option(help: "A samples file (CSV, JSON or SSU1); repeatable. Without one, the cluster is sampled.") var samples: [String] = []
    @Option(help: "A Prometheus URL to read usage history from (query_range).") var prometheus: String?
    @Option(help: "With --prometheus: how far back to read, e.g. 14d.") var window = "14d"
    @Option(help: "With --prometheus: where the window ends, as RFC 3339 or Unix seconds (default: now). A Sandbox's simulated clock runs ahead of the wall clock.") var end: String?
    @Flag(help: "Do not sample the cluster; use only the checkpoint, files and Prometheus.") var noSample = false
    @Flag(help: "Commit the changes on shipshape/recommendations/ENV.") var commit = false
    @Flag(help: "With --commit: push the branch (never forced).") var push = false
    @Option(help: "With --push: the remote.") var remote = "origin"
    @Flag(help: "Print the values diff instead of committing.") var dryRun = false
    @Option(name: [.customShort("o"), .long], help: "Output: table, json, yaml or csv.") var output = "table"

    func validate() throws {
        guard ["table", "json", "yaml", "csv"].contains(output) else { throw ValidationError("-o must be table, json, yaml or csv, got \(output)") }
        if push && !commit { throw ValidationError("--push goes with --commit") }
        if commit && dryRun { throw ValidationError("--dry-run and --commit do not go together") }
    }

    func run() throws {
        try reportingJobMetrics(job: "recommend", environment: options.environment) { metrics in
            try exitingOnError { try recommend(&metrics) }
            return true
        }
    }

    private func recommend(_ metrics: inout JobMetrics) throws {
        let context = options.context()
        let env = options.environment
        let e = try context.environment(env)
        let files = try context.files(for: e)
        if commit && !push, let remote = files.source?.remote {
            throw ValidationError("--commit without --push would leave the commit in the mirror of \(RemoteURL(remote).redacted) under the cache directory, which is lost with the pod; add --push, or use --dry-run to see the change")
        }
        let policyFile = OverlayFiles.join(e.policies, "recommend.yaml")
        let policy = try files.tree.string(at: policyFile).map { try RecommendPolicy(yaml: $0, file: policyFile) } ?? RecommendPolicy()
        var session = RecommendSession(environment: e, tree: files.tree, policy: policy)
        for file in samples { try session.addSamples(file: file) }
        if let prometheus {
            guard let seconds = RecommendPolicy.duration(window) else { throw ValidationError("--window \(window) is not a duration like 14d") }
            let until = try end.map { text in
                guard let t = Double(text) ?? ISO8601DateFormatter().date(from: text)?.timeIntervalSince1970 else {
                    throw ValidationError("--end \(text) is neither RFC 3339 (2026-01-05T06:00:00Z) nor Unix seconds")
                }
                return t
            } ?? Date().timeIntervalSince1970
            try session.addPrometheus(try PrometheusSource(url: prometheus), end: until, window: seconds)
        }
        if samples.isEmpty && prometheus == nil {
            let api = try context.kubeAPI(for: e)
            if noSample {
                session.history = try UsageCheckpoint.load(api: api, namespace: e.namespace, name: RecommendSession.checkpointName(environment: env))
            } else {
                // A dry run reads the cluster but writes nothing, not even the checkpoint.
                let n = try session.sampleCluster(api: api, save: !dryRun)
                let checkpoint = RecommendSession.checkpointName(environment: env)
                FileHandle.standardError.write(Data("sampled \(n) containers in \(e.namespace); checkpoint \(checkpoint) \(dryRun ? "left as it was (--dry-run)" : "updated")\n".utf8))
            }
        }
        let now = Date().timeIntervalSince1970
        let since: [String: Double]
        if let source = files.source, let revision = files.revision {
            since = RecommendSession.sinceLastRecommendation(in: source.repository, revision: revision.hex, now: now)
        } else if let workTree = files.tree as? WorkTree, let repository = try? Repository.discover(containing: workTree.root) {
            since = RecommendSession.sinceLastRecommendation(in: repository, now: now)
        } else {
            since = [:]
        }
        let plan = try session.plan(sinceLastRecommendation: since)
        metrics.set("containers", Double(plan.results.count), help: "Containers the last recommend run sized.")
        metrics.set("samples", Double(plan.results.reduce(0) { $0 + $1.resources.evidence.samples }), help: "Usage samples behind the last recommendations.")
        metrics.set("changes", Double(plan.changes.count), help: "Values changes the last recommend run proposed.")
        switch output {
        case "json": print(try RecommendReport.json(plan.results), terminator: "")
        case "yaml": print(RecommendReport.yaml(plan.results), terminator: "")
        case "csv": print(RecommendReport.csv(plan.results), terminator: "")
        default: print(RecommendReport.table(plan.results), terminator: "")
        }
        guard let change = plan.commit else {
            if commit || dryRun { print("nothing to commit: no change reaches the significance threshold") }
            return
        }
        if dryRun {
            print("\n" + change.diff(), terminator: "")
        } else if commit {
            let options = push ? PushOptions(remote: remote, credentials: try GitCredentials.fromEnvironment()) : nil
            let outcome: GitStore.Outcome
            if let source = files.source, let revision = files.revision {
                outcome = try change.commit(in: source.repository, base: revision.hex, push: options)
            } else {
                outcome = try change.commit(base: nil, push: options)
            }
            if let id = outcome.commit.commit {
                print("[\(outcome.commit.branch)\(outcome.commit.createdBranch ? " (new branch)" : "") \(id.short)] \(change.message.subject)")
            } else {
                print("\(outcome.commit.branch) already holds this recommendation")
            }
            if let pushed = outcome.push { print(pushed.upToDate ? "\(remote)/\(pushed.branch) is up to date" : "pushed \(pushed.branch) to \(remote)") }
        }
    }
}
