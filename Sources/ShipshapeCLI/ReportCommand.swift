import Alerts
import ArgumentParser
import Environment
import Foundation
import GitStore
import Kubernetes
import Report

/// `shipshape report --env ENV`: the period's health, self-healing, errors, autoscaling and
/// optimisation in one page, from what the other jobs keep. Reads only; `--publish` writes it
/// where policies/report.yaml says (the weekly CronJob).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build the weekly report: health, self-healing, errors, autoscaling, optimisation and realized savings.",
        discussion: """
            Built from reconcile's and heal's state ConfigMaps, the logs and usage
            checkpoints (shipshape-logs-ENV, shipshape-usage-ENV) and the tracked branch's
            recommendation and heal commits (their Shipshape-* trailers). The period ends
            at the cluster's clock. -o html is one self-contained page with inline SVG
            charts; md carries the same tables; json the whole model (docs/report.md).

            With --publish the report goes where POLICIES/report.yaml says: the ConfigMap
            shipshape-ENV-report, or a commit of reports/ENV/DATE.EXT on a branch.

            Examples:
              shipshape report --env dev -o html --output week.html
              shipshape report --env prod --since 30d -o md
              shipshape report --env dev --publish
            """)

    @OptionGroup var options: EnvironmentOptions
    @Option(help: "The period, ending now (default: 7d, or the policy's with --publish).") var since: String?
    @Option(name: [.customShort("o"), .long], help: "Format: html, md or json (default: html, or the policy's with --publish).") var format: String?
    @Option(name: .customLong("output"), help: "Write to this file (atomically) instead of standard output.") var file: String?
    @Flag(help: "Write the report where POLICIES/report.yaml says (ConfigMap or git branch), as the weekly CronJob does.") var publish = false
    @Flag(help: "With --publish to git: commit in the mirror only, do not push.") var noPush = false

    func validate() throws {
        if let format, ReportPolicy.Format(rawValue: format) == nil { throw ValidationError("-o must be html, md or json, got \(format)") }
        if let since, (DurationText.seconds(since) ?? 0) <= 0 { throw ValidationError("--since \(since) is not a duration like 7d") }
        if publish && file != nil { throw ValidationError("give either --publish or --output, not both") }
    }

    func run() throws {
        guard publish else { return try exitingOnError { try build() } }
        // As the weekly CronJob: its run's metrics go to the Pushgateway like the other jobs'.
        try reportingJobMetrics(job: "report", environment: options.environment) { _ in
            try exitingOnError { try build() }
            return true
        }
    }

    private func build() throws {
        let context = options.context()
        let e = try context.environment(options.environment)
        let source = try context.revisionSource(for: e)
        let policy = try ReportPolicy.load(policies: e.policies, in: try source.headTree())
        let api = try context.kubeAPI(for: e)
        let period = since.flatMap { DurationText.seconds($0) } ?? policy.since
        let report = ReportBuilder.build(try ReportSources.read(environment: e, api: api, source: source, since: period))
        let chosen = format.flatMap(ReportPolicy.Format.init(rawValue:)) ?? policy.format
        if publish {
            var p = policy
            p.format = chosen
            let published: ReportPublisher.Published
            switch p.destination {
            case .configmap: published = try ReportPublisher.toConfigMap(report, format: chosen, api: api)
            case .git:
                let push = noPush ? nil : try p.remote.map { PushOptions(remote: $0, credentials: try GitCredentials.fromEnvironment()) }
                published = try ReportPublisher.toGit(report, policy: p, repository: source.repository, base: try source.head().hex, push: push)
            }
            say("report: \(published.location)")
            say(published.summary)
            postToSlack(published, environment: e.name)
            return
        }
        let text = try ReportPublisher.render(report, as: chosen)
        if let file {
            try AtomicFile.write(Data(text.utf8), to: file)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Posts the summary and where the report went to the alert sinks' Slack webhook, where
    /// one is configured (`SHIPSHAPE_SLACK_WEBHOOK_URL` or the alerts Secret, as for heal and
    /// logs). A failed post is a line in the output; the report is already published.
    private func postToSlack(_ published: ReportPublisher.Published, environment: String) {
        let settings: AlertSettings
        do { settings = try AlertSettings.fromEnvironment() } catch {
            say("report summary not posted: \(error)")
            return
        }
        guard let url = settings.slackURL else { return }
        let sink = SlackSink(url: url)
        do {
            try sink.post(title: "Shipshape weekly report: \(environment)", text: published.summary, context: "shipshape · \(published.location)")
            say("report summary posted to Slack \(sink.target)")
        } catch {
            say("report summary not posted to Slack \(sink.target): \(error)")
        }
    }
}
