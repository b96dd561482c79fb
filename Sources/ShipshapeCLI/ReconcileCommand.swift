import ArgumentParser
import Foundation
import Reconcile

/// `shipshape reconcile --env ENV`: one reconcile run, as the CronJob runs it. The exit status
/// tells the Job what happened (docs/reconcile.md).
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Bring an environment to its branch head: apply, prune, wait for health, roll back.",
        discussion: """
            Exit status: 0 converged or in sync (also when a known-bad head was skipped),
            1 the revision was unhealthy (rolled back, or could not be), 2 error,
            3 blocked by an error-severity policy finding (nothing applied),
            4 another run holds the lease (nothing done).

            Examples:
              shipshape reconcile --env dev
              shipshape reconcile --env dev --kubeconfig /tmp/sandbox.kubeconfig
            """)

    @OptionGroup var options: EnvironmentOptions

    func run() throws {
        var code: Int32 = 0
        try reportingJobMetrics(job: "reconcile", environment: options.environment) { metrics in
          try exitingOnError {
            let report = try options.context().reconciler(environment: options.environment, log: say).reconcile()
            metrics.set("objects_applied", Double(report.applied.count), help: "Objects the last reconcile applied.")
            metrics.set("drift_found", Double(report.drift.count), help: "Objects whose live state had drifted from git in the last reconcile.")
            metrics.set("objects_pruned", Double(report.pruned.count), help: "Objects the last reconcile pruned.")
            switch report.outcome {
            case .inSync: say("result: in sync")
            case .applied: say("result: applied \(report.applied.count), pruned \(report.pruned.count), healthy")
            case .driftReported: say("result: drift reported, not corrected")
            case .skippedFailed(let head): say("result: head \(head.prefix(7)) is marked failed; kept the last healthy revision")
            case .blockedByPolicy(let findings): say("result: blocked by \(findings.count) policy finding(s); nothing applied")
            case .rolledBack(let reason): say("result: rolled back (\(reason))")
            case .failed(let reason): say("result: failed (\(reason))")
            case .lockHeld(let why): say("result: \(why)")
            }
            code = report.exitCode
          }
          return code == 0
        }
        if code != 0 { throw ExitCode(code) }
    }
}
