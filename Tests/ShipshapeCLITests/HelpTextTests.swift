import Foundation
import TestSupport
import XCTest

/// Every command's `--help`, as a user reads it in an 80-column terminal: the parser wraps a
/// discussion line longer than the terminal where it overflows, which left a word or two on a
/// line of its own ("Timestamps,\nnumbers,\nids ..."). So each discussion (and example) line must
/// fit in 80 columns as written. Read through the real binary, every command and subcommand.
final class HelpTextTests: XCTestCase {
    /// The help of `path` (`[]`: the root command) at a terminal `columns` wide.
    private func help(_ path: [String], columns: Int) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = String(columns)
        let r = try ShipshapeBinary.run(["help"] + path, environment: environment)
        XCTAssertEqual(r.status, 0, "shipshape help \(path.joined(separator: " ")): \(r.stderr)")
        return r.stdout
    }

    /// The discussion: what comes between the overview's paragraph and `USAGE:`.
    private func discussion(_ help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let usage = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }),
              let blank = lines.firstIndex(where: { $0.isEmpty }), blank < usage else { return [] }
        return Array(lines[blank..<usage])
    }

    /// The subcommands the help lists.
    private func subcommands(_ help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
            // `  name (default)   text`: a name at the first indent; wrapped text is indented further.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    func testEveryDiscussionLineFitsEightyColumns() throws {
        // The width must reach the parser, or both reads wrap alike and nothing could fail:
        // the root's list of commands has abstracts longer than 80 columns.
        XCTAssertNotEqual(try help([], columns: 80), try help([], columns: 400), "COLUMNS did not reach the parser")
        var queue: [[String]] = [[]]
        var seen = 0
        while let path = queue.popLast() {
            let narrow = try help(path, columns: 80)
            let wide = try help(path, columns: 400)
            XCTAssertEqual(discussion(narrow), discussion(wide),
                           "shipshape help \(path.joined(separator: " ")): a discussion line is longer than 80 columns and wraps")
            queue += subcommands(wide).map { path + [$0] }
            seen += 1
        }
        // The root, its 15 commands and the two subcommands each of kube, logs, alerts and values.
        XCTAssertEqual(seen, 24, "commands whose help was read")
    }

    /// `render`'s examples, as its help prints them (a `\` line goes on on the next), run
    /// from the repository's root: each renders, so the help shows nothing a user would
    /// copy and see fail (an example tracing a field the chart does not render did).
    func testRendersHelpExamplesRun() throws {
        let lines = try help(["render"], columns: 80).split(separator: "\n").map(String.init)
        var commands: [String] = []
        var pending = ""
        for line in lines.drop(while: { $0 != "Examples:" }).dropFirst() {
            guard line.hasPrefix("  ") else { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("\\") { pending += text.dropLast() ; continue }
            commands.append(pending + text)
            pending = ""
        }
        XCTAssertEqual(commands.count, 4, "\(commands)")
        for command in commands {
            // Split as a shell would these examples: at spaces, with '...' kept whole.
            var words: [String] = []
            for (n, part) in command.split(separator: "'", omittingEmptySubsequences: false).enumerated() {
                if n % 2 == 1 { words.append(String(part)) } else { words += part.split(separator: " ").map(String.init) }
            }
            XCTAssertEqual(words.first, "shipshape", command)
            let r = try Subprocess.run(ShipshapeBinary.path, Array(words.dropFirst()), in: Repository.root)
            XCTAssertEqual(r.status, 0, "\(command): \(r.stderr)")
            XCTAssertFalse(r.stdout.isEmpty, command)
        }
    }
}
