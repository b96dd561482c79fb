import Alerts
import ArgumentParser
import Environment
import Foundation
import GitStore
import Heal
import Insights
import KubeClient
import Monitoring
import Overlays
import Reconcile

/// `shipshape heal --env ENV`: one heal run, as the every-minute CronJob runs it.
struct HealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heal",
        abstract: "Find crash loops, OOM kills, bad rollouts and stuck pods, and fix them through git, by rollback or by a bounded restart.",
        discussion: """
            Each run reads the namespace once (one LIST per kind), keeps restart times and
            the faults it follows in the ConfigMap shipshape-ENV-heal, and climbs the
            ladder of POLICIES/remediation.yaml: a values commit (OOM kill: memory limit;
            liveness kills during startup: a startup probe; HPA pinned at max: maxReplicas)
            on shipshape/heal/ENV for review, or on the tracked branch where the policy
            merges that fault class; a rollback through the reconciler's own rollback; one
            pod deleted, within the hourly budget, for a stuck pod; otherwise an
            escalation, after which heal leaves the fault to a person.
            The next runs verify each action.

            It shares the Lease shipshape-ENV with reconcile: while reconcile holds it,
            heal only reports. docs/heal.md lists every analyzer, action and policy field.

            Exit status: 0 nothing needs a person, 1 a fault is escalated (a person must
            act), 2 error, 4 reconcile held the lease (findings only).

            Examples:
              shipshape heal --env dev
              shipshape heal --env dev --dry-run -o json
            """)

    @OptionGroup var options: EnvironmentOptions
    @Flag(help: "Find and plan, but act on nothing and save nothing.") var dryRun = false
    @Option(help: "The remote git fixes are pushed to.") var remote = "origin"
    @Flag(help: "Commit git fixes without pushing them (a local work tree only).") var noPush = false
    @Option(name: [.customShort("o"), .long], help: "Output: table or json.") var output = "table"

    func validate() throws {
        guard ["table", "json"].contains(output) else { throw ValidationError("-o must be table or json, got \(output)") }
    }

    func run() throws {
        var code: Int32 = 0
        try reportingJobMetrics(job: "heal", environment: options.environment) { metrics in
            try exitingOnError { code = try heal(metrics: &metrics) }
            return code == 0 || code == 1
        }
        if code != 0 { throw ExitCode(code) }
    }

    private func heal(metrics: inout JobMetrics) throws -> Int32 {
        let context = options.context()
        let e = try context.environment(options.environment)
        let files = try context.files(for: e)
        let policyFile = OverlayFiles.join(e.policies, "remediation.yaml")
        let policy = try files.tree.string(at: policyFile).map { try RemediationPolicy(yaml: $0, file: policyFile) } ?? RemediationPolicy()
        let api = try context.kubeAPI(for: e)
        // With -o json stdout is the document; the log goes to stderr.
        let log: @Sendable (String) -> Void = output == "json" ? sayToStandardError : say
        let reconciler = Reconciler(environment: e, cluster: api, source: try context.revisionSource(for: e), log: log)
        let renderer = EnvironmentRenderer(environment: e, tree: files.tree, trace: true)
        let rendered = try renderer.renderAndCheck(policies: e.policies, environment: e.name)
        let repository = HealFix.Repository(environment: e, rendered: rendered, renderer: renderer) { commit in
            try commitFix(commit, files: files)
        }
        let healer = Healer(environment: e, cluster: api, reconciler: reconciler, policy: policy, repository: repository, log: log)
        let report = try healer.run(dryRun: dryRun)
        metrics.set("findings", Double(report.items.count), help: "Faults the last heal run found.")
        metrics.set("actions", Double(report.actions.count), help: "Fixes the last heal run made (commits, rollbacks, restarts).")
        metrics.set("escalated", Double(report.escalated.count), help: "Faults a person has, as of the last heal run.")
        metrics.set("verified_fixes", Double(report.resolved.filter { !$0.action.isEmpty && !$0.escalated }.count),
                    help: "Faults the last heal run saw cleared after a heal action.")
        print(output == "json" ? try report.json() : report.table(), terminator: "")
        if !dryRun {
            // The report first: the alert lines follow it.
            fflush(nil)
            let lines = deliverAlerts(report.alertUpdate(runbookBase: ProcessInfo.processInfo.environment["SHIPSHAPE_RUNBOOK_BASE_URL"]),
                                      now: report.now, api: api, namespace: e.namespace, configMap: HealState.configMapName(environment: e.name))
            for line in lines { log(line) }
        }
        return report.exitCode
    }

    /// Commits a fix (and pushes it unless --no-push); returns the line for the log.
    private func commitFix(_ commit: RecommendationCommit, files: EnvironmentFiles) throws -> String {
        let push: PushOptions? = noPush ? nil : PushOptions(remote: remote, credentials: try GitCredentials.fromEnvironment())
        let outcome: GitStore.Outcome
        if let source = files.source, let revision = files.revision {
            guard let push else { throw HealError("the fix was built from \(source.remote.map { RemoteURL($0).redacted } ?? "a mirror"), not a work tree: it must be pushed; drop --no-push") }
            outcome = try commit.commit(in: source.repository, base: revision.hex, push: push)
        } else {
            outcome = try commit.commit(base: nil, push: push)
        }
        var line = outcome.commit.commit.map { "[\(outcome.commit.branch) \($0.short)] \(commit.message.subject)" }
            ?? "\(outcome.commit.branch) already holds this fix"
        if let pushed = outcome.push { line += pushed.upToDate ? "; \(remote)/\(pushed.branch) is up to date" : "; pushed \(pushed.branch) to \(remote)" }
        return line
    }
}

@Sendable func sayToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
