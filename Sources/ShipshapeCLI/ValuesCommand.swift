import ArgumentParser
import Foundation
import GitStore
import Kubernetes
import YAML

/// `shipshape values get|set`: read and edit values files byte-exactly, as scripts and people do.
struct ValuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "values",
        abstract: "Read and edit YAML values files without disturbing comments or layout.",
        discussion: """
            Paths are dotted keys with list elements as [N] or [key=value], e.g.
            backend.resources.limits.memory or containers[name=backend].image; write a dot
            inside a key as \\. (annotations.prometheus\\.io/scrape).
            """,
        subcommands: [Get.self, Set.self])

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the value at PATH (a scalar as plain text, a map or list as its YAML source).")

        @Argument(help: "The YAML file to read.") var file: String
        @Argument(help: "The path of the value, e.g. backend.resources.limits.cpu.") var path: String

        func run() throws {
            let editor = try ValuesFile.editor(file)
            let node = try editor.node(at: try ValuePath(parsing: path))
            if case .scalar(let text, _) = node.content {
                print(text)
            } else {
                print(ValuesFile.dedented(editor.source(of: node), column: node.start.column))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the value at PATH, changing only the bytes of that value.",
            discussion: """
                Without --type, an existing value keeps its type (an int stays an int, a string
                stays a string) and a new key is read as YAML would read it. The file is
                written to a temporary file and renamed, so it is never half-written; on any
                error it is left untouched.

                With --commit the change becomes one commit touching only this file, with a
                subject saying what changed and a Shipshape-Edit trailer. On the checked-out
                branch the file is written and committed (and restored if the commit fails); on
                another --branch (created from the checked-out branch if missing) the work tree
                is not touched at all. --push pushes the branch afterwards, never forced; if
                the remote moved, the commit is replayed onto it when its file still applies.

                Examples:
                  shipshape values set values.yaml backend.resources.limits.cpu 750m \\
                      --type quantity
                  shipshape values set values.yaml backend.hpa.maxReplicas 12
                  shipshape values set values.yaml frontend.image.tag 1.5.0 --dry-run
                  shipshape values set values.yaml backend.resources.limits.memory 384Mi \\
                      --commit --branch shipshape/recommendations/dev --push
                """)

        @Argument(help: "The YAML file to edit.") var file: String
        @Argument(help: "The path of the value, e.g. backend.resources.limits.memory.") var path: String
        @Argument(help: "The new value.") var value: String

        @Option(help: "The type the value must have: \(EditValue.Kind.allCases.map(\.rawValue).joined(separator: "|")).")
        var type: EditValue.Kind?

        @Flag(help: "Print the change as a unified diff instead of writing the file.")
        var dryRun = false

        @Flag(help: "Commit the change to git as one reviewable commit.")
        var commit = false

        @Option(help: "With --commit: the branch to commit on (default: the checked-out branch).")
        var branch: String?

        @Option(help: "With --commit: the commit subject (default: says what changed).")
        var message: String?

        @Flag(help: "With --commit: push the branch afterwards (never forced).")
        var push = false

        @Option(help: "With --push: the remote to push to.")
        var remote = "origin"

        func validate() throws {
            if !commit && (branch != nil || message != nil || push) {
                throw ValidationError("--branch, --message and --push go with --commit")
            }
            if commit && dryRun { throw ValidationError("--dry-run and --commit do not go together") }
            if type == .quantity {
                do {
                    _ = try Quantity(parsing: value)
                } catch {
                    throw ValidationError("\(error)")
                }
            }
        }

        func run() throws {
            let editor = try ValuesFile.editor(file)
            let updated = try editor.setting(try ValuePath(parsing: path), to: value, as: type)
            if dryRun {
                let (old, new) = file.hasPrefix("/") ? (file, file) : ("a/\(file)", "b/\(file)")
                print(LineDiff.unified(old: editor.text, new: updated, oldName: old, newName: new), terminator: "")
                return
            }
            if commit {
                try commitChange(editor: editor, updated: updated)
            } else if updated != editor.text {
                try ValuesFile.write(updated, to: file)
            }
        }

        private func commitChange(editor: YAMLEditor, updated: String) throws {
            guard updated != editor.text else {
                print("\(path) is already \(value) in \(file); nothing to commit")
                return
            }
            let valuePath = try ValuePath(parsing: path)
            let old = (try? editor.node(at: valuePath)).flatMap(\.scalarText) ?? "(unset)"
            let subject = message ?? "\(file): \(path) \(old)→\(value)"
            let commitMessage = CommitMessage(subject: subject, trailers: [.shipshape("Edit", "\(path) \(old)→\(value)")])
            let repository = try Repository.discover(containing: file)
            let onCheckedOutBranch = branch == nil || branch == repository.currentBranch
            if onCheckedOutBranch { try ValuesFile.write(updated, to: file) }
            let outcome: GitStore.Outcome
            do {
                let pushOptions = push ? PushOptions(remote: remote, credentials: try GitCredentials.fromEnvironment()) : nil
                outcome = try GitStore.commit(files: [file: .write(Array(updated.utf8), executable: nil)], branch: branch,
                                              message: commitMessage, push: pushOptions)
            } catch let committed as CommittedButFailed {
                throw committed  // the file holds what HEAD holds now: restoring it would revert HEAD
            } catch {
                if onCheckedOutBranch { try? ValuesFile.write(editor.text, to: file) }
                throw error
            }
            if let id = outcome.commit.commit {
                print("[\(outcome.commit.branch)\(outcome.commit.createdBranch ? " (new branch)" : "") \(id.short)] \(subject)")
            }
            if let pushed = outcome.push {
                let replayed = pushed.replayed.isEmpty ? "" : ", replayed onto the remote's new commits"
                // The remote's name, not its URL: a URL may carry credentials.
                print(pushed.upToDate ? "\(remote)/\(pushed.branch) is up to date"
                                      : "pushed \(pushed.branch) to \(remote) at \(pushed.pushed.short)\(replayed)")
            }
        }
    }
}

extension EditValue.Kind: ExpressibleByArgument {}

/// File access for the values commands: reading with a clear error, and atomic writes.
enum ValuesFile {
    static func editor(_ file: String) throws -> YAMLEditor {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError("\(file): cannot read the file: \(FileProblem.reason(file))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(file): the file is not UTF-8 text")
        }
        return try YAMLEditor(text: text, file: file)
    }

    /// Replaces `file` atomically, keeping its permissions (and a symlink, editing its target).
    static func write(_ text: String, to file: String) throws {
        try AtomicFile.write(Data(text.utf8), to: file)
    }

    /// A collection's source with the indentation of its first line removed from every line.
    static func dedented(_ source: String, column: Int) -> String {
        let indent = column - 1
        var lines = LineDiff.lines(source).map { line -> Substring in
            let spaces = line.prefix(while: { $0 == " " }).count
            return line.dropFirst(min(spaces, indent))
        }
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\r" }) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

/// An error the CLI prints as is.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
