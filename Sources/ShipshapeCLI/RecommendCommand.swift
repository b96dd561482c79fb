import ArgumentParser
import Foundation
import GitStore
import Insights
import KubeClient
import Reconcile

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

            With --commit the changes become one commit on
            shipshape/recommendations/ENV that edits exactly the values lines render
            provenance names; --dry-run prints that diff.

            Examples:
              shipshape recommend --env dev
              shipshape recommend --env dev --samples usage.csv -o json
              shipshape recommend --env prod --prometheus http://prometheus:9090 --commit --push
            """)

    @Option(help: "The environment in shipshape.yaml.") var env: String
    @Option(help: "The environments file.") var config = "shipshape.yaml"
    @Option(help: "A samples file (CSV, JSON or SSU1); repeatable. Without one, the cluster is sampled.") var samples: [String] = []
    @Option(help: "A Prometheus URL to read usage history from (query_range).") var prometheus: String?
    @Option(help: "With --prometheus: how far back to read, e.g. 14d.") var window = "14d"
    @Option(help: "A kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster).") var kubeconfig: String?
    @Option(help: "The kubeconfig context (default: the environment's).") var context: String?
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
        guard let data = FileManager.default.contents(atPath: config) else { throw CLIError("\(config): cannot read the environments file") }
        let root = URL(fileURLWithPath: config).standardizedFileURL.deletingLastPathComponent().path
        let e = try EnvironmentConfig(yaml: String(decoding: data, as: UTF8.self), file: config).environment(env)
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : root + "/" + p }
        func display(_ p: String) -> String { p.hasPrefix(root + "/") ? String(p.dropFirst(root.count + 1)) : p }
        let overlayValues = e.overlay.map { resolve($0) + "/values.yaml" }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
        let policyFile = resolve(e.policies) + "/recommend.yaml"
        let policy = try FileManager.default.contents(atPath: policyFile).map {
            try RecommendPolicy(yaml: String(decoding: $0, as: UTF8.self), file: display(policyFile))
        } ?? RecommendPolicy()
        var session = RecommendSession(
            environment: .init(name: env, chartDirectory: resolve(e.chart), overlayValues: overlayValues, namespace: e.namespace, releaseName: e.releaseName),
            policy: policy)
        for file in samples { try session.addSamples(file: file) }
        if let prometheus {
            guard let seconds = RecommendPolicy.duration(window) else { throw ValidationError("--window \(window) is not a duration like 14d") }
            try session.addPrometheus(try PrometheusSource(url: prometheus), end: Date().timeIntervalSince1970, window: seconds)
        }
        if samples.isEmpty && prometheus == nil {
            let client = try ClientConfig.load(kubeconfig: kubeconfig, context: context ?? e.context, namespace: e.namespace)
            let api = try KubeAPI(config: client)
            if noSample {
                session.history = try UsageCheckpoint.load(api: api, namespace: e.namespace, name: RecommendSession.checkpointName(environment: env))
            } else {
                // A dry run reads the cluster but writes nothing, not even the checkpoint.
                let n = try session.sampleCluster(api: api, save: !dryRun)
                let checkpoint = RecommendSession.checkpointName(environment: env)
                FileHandle.standardError.write(Data("sampled \(n) containers in \(e.namespace); checkpoint \(checkpoint) \(dryRun ? "left as it was (--dry-run)" : "updated")\n".utf8))
            }
        }
        let since = RecommendSession.sinceLastRecommendation(repositoryContaining: root, now: Date().timeIntervalSince1970)
        let plan = try session.plan(sinceLastRecommendation: since, displayPath: display)
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
            print("\n" + change.diff(displayPath: display), terminator: "")
        } else if commit {
            let options = push ? PushOptions(remote: remote, credentials: try GitCredentials.fromEnvironment()) : nil
            let outcome = try change.commit(base: nil, push: options)
            if let id = outcome.commit.commit {
                print("[\(outcome.commit.branch)\(outcome.commit.createdBranch ? " (new branch)" : "") \(id.short)] \(change.message.subject)")
            } else {
                print("\(outcome.commit.branch) already holds this recommendation")
            }
            if let pushed = outcome.push { print(pushed.upToDate ? "\(remote)/\(pushed.branch) is up to date" : "pushed \(pushed.branch) to \(remote)") }
        }
    }
}
