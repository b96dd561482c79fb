import ArgumentParser
import Foundation
import GitStore

/// `shipshape history`: the commits that changed a path, newest first, with the evidence
/// trailers Shipshape wrote — the audit trail of why a value is what it is.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the commits that changed a path, with their Shipshape trailers.",
        discussion: """
            Reads history straight from the repository (no work tree needed). A path may be a \
            file or a directory, given relative to the repository root or as a path on disk.

            Examples:
              shipshape history --path overlays/prod/values.yaml
              shipshape history --path charts/chatbot --revision origin/main -n 5 -o json
            """)

    @Option(name: .long, help: "A file or directory to follow (repeat for several).")
    var path: [String]

    @Option(name: .long, help: "The repository (or any directory inside it).")
    var repo: String = "."

    @Option(name: .long, help: "Where to start: a branch, tag, sha or HEAD~n.")
    var revision: String = "HEAD"

    @Option(name: .customShort("n"), help: "Show at most this many commits.")
    var limit: Int?

    @Option(name: [.customShort("o"), .long], help: "Output format: text or json.")
    var output: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if path.isEmpty { throw ValidationError("give at least one --path") }
        if let limit, limit < 1 { throw ValidationError("-n must be at least 1") }
    }

    func run() throws {
        let repository = try Repository.discover(containing: repo)
        let paths = try path.map { try Self.repositoryPath($0, in: repository) }
        let commits = try History(repository).commits(touching: paths, from: revision, limit: limit)
        switch output {
        case .text: print(HistoryFormat.text(commits), terminator: "")
        case .json: print(try HistoryFormat.json(commits))
        }
    }

    /// A path on disk inside the work tree becomes repository-relative; anything else is
    /// taken as already relative to the repository root.
    static func repositoryPath(_ path: String, in repository: Repository) throws -> String {
        if repository.workTree != nil, FileManager.default.fileExists(atPath: path),
           let relative = try? repository.relativePath(of: path) {
            return relative
        }
        return path
    }
}

/// How `shipshape history` prints commits: pure formatting, deterministic for the same input.
enum HistoryFormat {
    static func text(_ commits: [CommitInfo]) -> String {
        var out = ""
        for commit in commits {
            out += "commit \(commit.id.hex)\n"
            out += "Author: \(commit.author.name) <\(commit.author.email)>\n"
            out += "Date:   \(commit.author.time?.iso8601 ?? "-")\n"
            out += "Paths:  \(commit.touchedPaths.joined(separator: ", "))\n\n"
            out += "    \(commit.message.subject)\n"
            if !commit.message.body.isEmpty {
                out += "\n" + commit.message.body.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n") + "\n"
            }
            if !commit.message.trailers.isEmpty {
                out += "\n" + commit.message.trailers.map { "    \($0.key): \($0.value)" }.joined(separator: "\n") + "\n"
            }
            out += "\n"
        }
        return out
    }

    struct Person: Codable { let name: String; let email: String; let date: String? }
    struct Entry: Codable {
        let commit: String
        let parents: [String]
        let author: Person
        let committer: Person
        let subject: String
        let body: String
        let trailers: [CommitMessage.Trailer]
        let paths: [String]
    }

    static func json(_ commits: [CommitInfo]) throws -> String {
        let entries = commits.map { c in
            Entry(commit: c.id.hex, parents: c.parents.map(\.hex),
                  author: Person(name: c.author.name, email: c.author.email, date: c.author.time?.iso8601),
                  committer: Person(name: c.committer.name, email: c.committer.email, date: c.committer.time?.iso8601),
                  subject: c.message.subject, body: c.message.body, trailers: c.message.trailers, paths: c.touchedPaths)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }
}
