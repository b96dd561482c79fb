import ArgumentParser
import Foundation
import KubeClient
import Logs

extension LogsCommand {
    /// `shipshape logs --env ENV`: one run of the logs CronJob. Thin: the Logs module reads,
    /// classifies, counts and decides; this parses flags, loads and saves, and prints.
    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Report error surges, new log patterns and alert-rule breaches in an environment's pod logs (the default).",
            discussion: """
                Reads every container of the environment's workloads (Job pods left out)
                through the Kubernetes logs API since the last run (sinceTime from the
                checkpoint ConfigMap shipshape-logs-ENV; the first run reads --first-window
                back and only learns), with previous=true for containers that restarted. Lines
                are joined into events (a stack trace is one), classified (severity, slow
                request, HTTP 5xx), mined into templates and counted per workload, template and
                minute. The findings: the alert rules (alerts.yaml of the ConfigMap
                shipshape-alerts, or --alerts FILE) over their thresholds in some minute,
                surges against the baselines, and templates never seen before.
                See docs/logs.md.

                Exit status: 0 nothing found, 1 findings (0 with --exit-zero), 2 run failed.

                Examples:
                  shipshape logs --env dev
                  shipshape logs --env dev -o json --dry-run
                """)

        enum Format: String, ExpressibleByArgument { case table, json }

        @OptionGroup var options: EnvironmentOptions
        @Option(name: .shortAndLong, help: "Output format: table or json.") var output: Format = .table
        @Option(help: "An alerts.yaml to read the rules from (default: the ConfigMap shipshape-alerts in the environment's namespace).")
        var alerts: String?
        @Option(help: "The most templates kept per workload in the checkpoint.") var maxTemplates = 200
        @Option(help: "How far back the first run (no checkpoint yet) reads to learn from, e.g. 1h.") var firstWindow = "1h"
        @Flag(help: "Read and report, but leave the checkpoint as it was.") var dryRun = false
        @Flag(help: "Exit 0 when there are findings (the CronJob: findings are its output, not its failure).") var exitZero = false

        func validate() throws {
            guard maxTemplates > 0 else { throw ValidationError("--max-templates must be at least 1") }
            guard Self.seconds(firstWindow) != nil else { throw ValidationError("--first-window \(firstWindow) is not a duration like 30m or 1h") }
        }

        static func seconds(_ text: String) -> Int? {
            let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
            guard let unit = text.last.flatMap({ units[$0] }), let n = Int(text.dropLast()), n > 0, n <= 30 * 86_400 / unit else { return nil }
            return n * unit
        }

        func run() throws {
            var found = false
            try exitingOnError { found = try scan() }
            if found && !exitZero { throw ExitCode(1) }
        }

        private func scan() throws -> Bool {
            let context = options.context()
            let e = try context.environment(options.environment)
            let api = try context.kubeAPI(for: e)
            let rules = try alertRules(api: api, namespace: e.namespace)
            let name = LogCheckpoint.name(environment: options.environment)
            let checkpoint = try LogCheckpoint.load(api: api, namespace: e.namespace, name: name)
            var scan = LogScan(namespace: e.namespace, rules: rules)
            scan.maxTemplates = maxTemplates
            scan.firstWindowSeconds = Self.seconds(firstWindow)!
            let result = try scan.run(source: KubernetesLogSource(api: api, namespace: e.namespace), checkpoint: checkpoint)
            var note = "read \(result.lines) lines (\(result.events) events) from \(result.streams) containers in \(e.namespace)"
            switch result.since {
            case .after(let t): note += " since \(LogTimestamp.nanoseconds(t))"
            case .last: note += " over the last \(firstWindow) (first run: learning)"
            }
            if dryRun {
                note += "; checkpoint \(name) left as it was (--dry-run)"
            } else {
                let left = try result.checkpoint.save(api: api, namespace: e.namespace, name: name)
                note += "; checkpoint \(name) updated"
                if !left.isEmpty { note += " without \(left.joined(separator: ", ")) (over \(LogCheckpoint.maxBytes) bytes: they learn again)" }
            }
            FileHandle.standardError.write(Data((note + "\n").utf8))
            if !dryRun {
                let now = Date().timeIntervalSince1970
                for line in deliverAlerts(LogFinding.alertUpdate(result.findings, environment: e.name, now: now), now: now,
                                          api: api, namespace: e.namespace, configMap: name) {
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
            }
            switch output {
            case .table:
                print(result.findings.isEmpty ? "no findings\n" : LogFindingsReport.table(result.findings), terminator: "")
            case .json:
                print(try LogFindingsReport.json(result.findings), terminator: "")
            }
            return !result.findings.isEmpty
        }

        /// The rules from --alerts, else the ConfigMap the chart renders (none: no rules, said on stderr).
        private func alertRules(api: KubeAPI, namespace: String) throws -> AlertRules {
            if let alerts {
                guard let data = FileManager.default.contents(atPath: alerts) else {
                    throw ValidationError("cannot read --alerts \(alerts): no such file (the chart mounts the ConfigMap shipshape-alerts at /var/run/shipshape/alerts)")
                }
                return try AlertRules(yaml: String(decoding: data, as: UTF8.self), file: alerts)
            }
            let place = "ConfigMap \(namespace)/shipshape-alerts key alerts.yaml"
            guard let cm = try api.get(try api.resource(apiVersion: "v1", kind: "ConfigMap"), name: "shipshape-alerts", namespace: namespace),
                  let text = cm[path: ["data", "alerts.yaml"]]?.string else {
                FileHandle.standardError.write(Data("no \(place): no alert rules evaluated (alerts.enabled in the chart renders it)\n".utf8))
                return AlertRules()
            }
            return try AlertRules(yaml: text, file: place)
        }
    }
}
