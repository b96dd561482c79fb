import ArgumentParser
import Foundation
import Reconcile
import YAML

/// `shipshape diff --env ENV`: what a reconcile would change, like `kubectl diff`. Exit 0 in
/// sync, 1 with differences, 2 on errors.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show how the cluster differs from a git revision of an environment.",
        discussion: """
            Only fields the desired state sets are compared: server defaults and fields
            other managers own (an HPA's replicas) are not drift; quantities compare by
            value. Secret values are shown as ***.
            Exit status: 0 in sync, 1 differences, 2 errors.

            Examples:
              shipshape diff --env dev
              shipshape diff --env prod --revision HEAD~1 -o json
            """)

    @OptionGroup var options: EnvironmentOptions
    @Option(help: "The revision to compare (default: the environment's branch head).") var revision: String?
    @Option(name: .shortAndLong, help: "Output format: text or json.") var output: Format = .text

    enum Format: String, ExpressibleByArgument { case text, json }

    func run() throws {
        var inSync = true
        try exitingOnError {
            let reconciler = try options.context().reconciler(environment: options.environment, log: { _ in })
            let diff = try reconciler.diff(revision: revision)
            for warning in diff.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            switch output {
            case .json: print(try JSONWriter(indent: 2, sortKeys: false).string(diff.json))
            case .text:
                for object in diff.objects { print(object.unified, terminator: object.unified.hasSuffix("\n") ? "" : "\n") }
            }
            inSync = diff.isInSync
        }
        if !inSync { throw ExitCode(1) }
    }
}
