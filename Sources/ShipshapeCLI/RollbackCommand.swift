import ArgumentParser
import Foundation
import Reconcile

/// `shipshape rollback --env ENV [--to REV]`: roll back by hand. The revision being replaced is
/// marked failed so the next reconcile keeps the rollback until a newer commit arrives.
struct RollbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Apply an earlier healthy revision of an environment by hand.",
        discussion: """
            Without --to: the last healthy revision, or the one before the current one.
            Exit status: 0 rolled back and healthy, 1 unhealthy, 2 error, 4 the lease is
            held by another run.

            Examples:
              shipshape rollback --env dev
              shipshape rollback --env prod --to 3f2a9c1
            """)

    @OptionGroup var options: EnvironmentOptions
    @Option(help: "The revision to roll back to (a sha, tag or branch).") var to: String?

    func run() throws {
        var code: Int32 = 0
        try exitingOnError {
            let report = try options.context().reconciler(environment: options.environment, log: say).rollback(to: to)
            switch report.outcome {
            case .rolledBack: say("result: \(options.environment) is at \(report.revision?.prefix(7) ?? "?") and healthy")
            case .failed(let reason): say("result: failed (\(reason))"); code = 1
            case .lockHeld(let why): say("result: \(why)"); code = 4
            default: code = report.exitCode
            }
        }
        if code != 0 { throw ExitCode(code) }
    }
}
