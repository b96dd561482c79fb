import Alerts
import ArgumentParser
import Foundation
import Heal
import KubeClient
import Logs

/// `shipshape alerts --env ENV` (the open alerts heal and logs hold) and `shipshape alerts test
/// --env ENV` (a test alert to every configured sink).
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List the alerts Shipshape holds open, or send a test alert to every sink.",
        discussion: """
            heal and logs raise an alert per finding, re-send it while it holds and resolve
            it when heal verified its fix or the condition cleared; each keeps its open
            alerts in its checkpoint ConfigMap (key alerts.json). The sinks come from the
            environment: SHIPSHAPE_ALERTMANAGER_URL (with _TOKEN, or _USERNAME and
            _PASSWORD, and _CA_FILE), SHIPSHAPE_SLACK_WEBHOOK_URL,
            SHIPSHAPE_PAGERDUTY_ROUTING_KEY, SHIPSHAPE_ALERT_WEBHOOK_URL, or the files of
            SHIPSHAPE_ALERTS_CREDENTIALS_DIR. See docs/alerts.md.

            Examples:
              shipshape alerts --env dev
              shipshape alerts --env dev -o json
              SHIPSHAPE_ALERTMANAGER_URL=http://localhost:9093 \\
                shipshape alerts test --env dev
            """,
        subcommands: [List.self, Test.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the open alerts of heal and logs, and resolutions not yet delivered (the default).")

        @OptionGroup var options: EnvironmentOptions
        @Option(name: [.customShort("o"), .long], help: "Output: table or json.") var output = "table"

        func validate() throws {
            guard ["table", "json"].contains(output) else { throw ValidationError("-o must be table or json, got \(output)") }
        }

        func run() throws {
            try exitingOnError {
                let context = options.context()
                let e = try context.environment(options.environment)
                let api = try context.kubeAPI(for: e)
                var states: [(job: String, state: AlertState)] = []
                for (job, name) in [("heal", HealState.configMapName(environment: e.name)), ("logs", LogCheckpoint.name(environment: e.name))] {
                    states.append((job, try AlertStateStore(api: api, namespace: e.namespace, configMap: name).load()))
                }
                let list = AlertList(environment: e.name, states: states)
                print(output == "json" ? try list.json() : list.table(), terminator: "")
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a test alert (ShipshapeTest, severity info), firing then resolved, to every configured sink.",
            discussion: """
                Reports each sink's result; exits 1 when one failed, 2 when none is set up.
                """)

        @OptionGroup var options: EnvironmentOptions

        func run() throws {
            var failed = false
            try exitingOnError {
                let context = options.context()
                let e = try context.environment(options.environment)
                let sinks = try AlertSettings.fromEnvironment().sinks()
                guard !sinks.isEmpty else {
                    throw AlertsError("no sink configured: set SHIPSHAPE_ALERTMANAGER_URL (or a webhook, docs/alerts.md)")
                }
                for d in AlertSender(sinks: sinks).test(environment: e.name, namespace: e.namespace, now: Date().timeIntervalSince1970) {
                    print(d.succeeded ? "\(d.sink) (\(d.target)): test alert delivered, fired and resolved" : "\(d.sink) (\(d.target)): FAILED: \(d.error ?? "")")
                    failed = failed || !d.succeeded
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
