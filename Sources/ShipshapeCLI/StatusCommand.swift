import ArgumentParser
import Foundation
import Monitoring

/// `shipshape status --env ENV`: one screen on an environment's health — `kubectl get` plus
/// judgement against `policies/status.yaml`. Exit 0 when healthy, 1 when something is over a
/// threshold or unhealthy, 2 on errors.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show an environment's health: workloads, nodes, the last reconcile and heal, against thresholds.",
        discussion: """
            Per workload: ready/desired replicas, restarts in the last hour, CPU and memory
            of the busiest pod against its limit (or request), the HPA, the probes present,
            and a verdict. Per node: conditions, and CPU, memory and disk against the
            thresholds in policies/status.yaml (docs/status.md). Exit 0 when everything is
            ok, 1 when something is over a threshold or unhealthy.

            Examples:
              shipshape status --env dev
              shipshape status --env prod -o json
              shipshape status --env dev --watch
            """)

    @OptionGroup var options: EnvironmentOptions
    @Option(name: [.customShort("o"), .long], help: "Output: table or json.") var output = "table"
    @Flag(help: "Refresh in place every --interval seconds until interrupted (for a terminal).") var watch = false
    @Option(help: "With --watch: seconds between refreshes.") var interval = 5.0

    func validate() throws {
        guard ["table", "json"].contains(output) else { throw ValidationError("-o must be table or json, got \(output)") }
        guard interval > 0 else { throw ValidationError("--interval must be more than 0 seconds") }
    }

    func run() throws {
        var verdict = EnvironmentStatus.Verdict.ok
        try exitingOnError {
            let context = options.context()
            let e = try context.environment(options.environment)
            let policy = try StatusPolicy.load(policies: e.policies, in: try context.files(for: e).tree)
            let api = try context.kubeAPI(for: e)
            repeat {
                let snapshot = try StatusSnapshot.read(api: api, environment: e.name, namespace: e.namespace)
                let status = EnvironmentStatus(environment: e.name, namespace: e.namespace, snapshot: snapshot, policy: policy)
                let text = output == "json" ? try StatusReport.json(status) : StatusReport.table(status)
                // In place: home the cursor and clear the screen before each refresh.
                FileHandle.standardOutput.write(Data(((watch ? "\u{1B}[H\u{1B}[2J" : "") + text).utf8))
                verdict = status.verdict
                if watch { Thread.sleep(forTimeInterval: interval) }
            } while watch
        }
        if verdict != .ok { throw ExitCode(1) }
    }
}
