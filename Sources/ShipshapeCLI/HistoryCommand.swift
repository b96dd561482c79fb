import ArgumentParser
import Foundation
import GitStore
import Heal
import YAML

/// `shipshape history --path P`: the commits that changed the given files, with Shipshape's
/// trailers parsed, newest first — what changed a value, when, and on what evidence.
/// `shipshape history --env ENV`: an environment's reconcile runs, health and rollbacks, as
/// recorded in its state ConfigMap.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the commits that changed files, or an environment's reconcile history.",
        discussion: """
            Examples:
              shipshape history --path charts/chatbot/values.yaml
              shipshape history --path overlays/prod/values.yaml -n 5 -o json
              shipshape history --env dev
            """)

    @Option(name: .customLong("path"), help: "A file or folder whose history to show (repeatable).")
    var paths: [String] = []

    @Option(help: "A folder inside the repository (default: the current folder).")
    var repo = "."

    @Option(help: "The revision to start from: a branch, tag, sha or HEAD~n.")
    var revision = "HEAD"

    @Option(name: .customShort("n"), help: "Show at most this many commits.")
    var limit: Int?

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var output: OutputFormat = .text

    @Option(name: .customLong("env"), help: "Show this environment's reconcile runs instead (from its state ConfigMap).")
    var environment: String?

    @OptionGroup var connection: EnvironmentConnection

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func validate() throws {
        if environment != nil && !paths.isEmpty { throw ValidationError("give either --env or --path, not both") }
        if paths.isEmpty && environment == nil { throw ValidationError("name at least one --path, or an environment with --env") }
        if let limit, limit < 1 { throw ValidationError("-n must be at least 1") }
    }

    func run() throws {
        if let environment {
            try exitingOnError {
                let context = CommandContext(connection)
                let reconciler = try context.reconciler(environment: environment, log: { _ in })
                let state = try reconciler.state()
                let heal = try HealStateReader.load(cluster: reconciler.cluster, environment: try context.environment(environment))
                switch output {
                case .json: print(try state.encoded())
                case .text: print(EnvironmentHistory.text(state, heal: heal, environment: environment, subject: reconciler.source.subject, limit: limit))
                }
            }
            return
        }
        let repository = try Repository.discover(containing: repo)
        let relative = try paths.map { path -> String in
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            return try repository.relativePath(of: absolute)
        }
        let commits = try History(repository).commits(touching: relative, from: revision, limit: limit)
        switch output {
        case .json:
            print(try JSONWriter(indent: 2, sortKeys: false).string(.array(commits.map(Self.json))))
        case .text:
            if commits.isEmpty { print("no commits touch \(relative.joined(separator: ", ")) from \(revision)") }
            for commit in commits { print(Self.text(commit)) }
        }
    }

    static func text(_ commit: CommitInfo) -> String {
        var lines = ["\(commit.id.short) \(commit.author.time?.iso8601 ?? "") \(commit.author.name)  \(commit.message.subject)"]
        for trailer in commit.message.trailers { lines.append("        \(trailer.key): \(trailer.value)") }
        lines.append("        files: \(commit.touchedPaths.joined(separator: ", "))")
        return lines.joined(separator: "\n")
    }

    static func json(_ commit: CommitInfo) -> Value {
        [
            "commit": .string(commit.id.description),
            "parents": .array(commit.parents.map { .string($0.description) }),
            "author": ["name": .string(commit.author.name), "email": .string(commit.author.email),
                       "time": .string(commit.author.time?.iso8601 ?? "")],
            "subject": .string(commit.message.subject),
            "body": .string(commit.message.body),
            "trailers": .array(commit.message.trailers.map { ["key": .string($0.key), "value": .string($0.value)] }),
            "paths": .array(commit.touchedPaths.map(Value.string)),
        ]
    }
}
