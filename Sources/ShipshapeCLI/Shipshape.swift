import ArgumentParser
import Foundation

/// The `shipshape` command: argument parsing and wiring only; the work lives in the libraries.
@main
struct Shipshape: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipshape",
        abstract: "Keep a Kubernetes application in the state its git repository describes.",
        discussion: """
            Git is the only author of desired state: every change Shipshape wants becomes a
            reviewed commit.
            """,
        version: "0.1.0",
        subcommands: [RenderCommand.self, CheckCommand.self, ValuesCommand.self, HistoryCommand.self, KubeCommand.self, SandboxCommand.self,
                      DiffCommand.self, ReconcileCommand.self, RollbackCommand.self,
                      RecommendCommand.self, LogsCommand.self, HealCommand.self, StatusCommand.self, ReportCommand.self, AlertsCommand.self])

    /// As ArgumentParser's, except that `shipshape check` and `shipshape logs` exit 2 on usage
    /// errors (as linters do, keeping 1 for findings) instead of 64.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if [CheckCommand.configuration.commandName, LogsCommand.configuration.commandName].contains(arguments.first),
               exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
