import ArgumentParser
import Foundation
import LogMining
import YAML

/// `shipshape logs --env ENV` (the CronJob: findings from an environment's pod logs) and
/// `shipshape logs patterns` (the templates a log's lines follow, with how often each occurs).
struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Find error surges, new patterns and alert-rule breaches in pod logs; mine logs for their patterns.",
        subcommands: [Scan.self, Patterns.self],
        defaultSubcommand: Scan.self)

    struct Patterns: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the templates of log lines (variables as <*>) with their counts, most frequent first.",
            discussion: """
                Reads FILEs (or stdin when none is given, or -) line by line. Timestamps,
                numbers, ids, addresses, paths, quoted strings and key=value values are
                variables; JSON lines are mined by their msg/message field with the level kept.
                See docs/logs.md.

                Output forms:
                  table  COUNT and TEMPLATE columns (default)
                  json   [{"id":1,"count":12,"template":"..."}, ...]
                  jsonl  {"line":N,"template":"..."} for every input line, in order (N from 1),
                         with the template each line belongs to once all lines are mined

                Examples:
                  kubectl logs deploy/backend | shipshape logs patterns
                  shipshape logs patterns app.log -o json
                """)

        enum Format: String, ExpressibleByArgument { case table, json, jsonl }

        @Argument(help: "Log files to read (default: stdin).") var files: [String] = []
        @Option(name: .shortAndLong, help: "Output format: table, json or jsonl.") var output: Format = .table
        @Option(help: "The most templates kept; beyond it the least recently used is dropped.") var maxTemplates = 10_000

        func validate() throws {
            guard maxTemplates > 0 else { throw ValidationError("--max-templates must be at least 1") }
        }

        func run() throws {
            let miner = TemplateMiner(capacity: maxTemplates)
            var ids: [Int32] = []
            let keepIDs = output == .jsonl
            let sources = files.isEmpty ? ["-"] : files
            for name in sources {
                do {
                    try LogLineReader(path: name).forEachLine { line in
                        let id = miner.add(line)
                        if keepIDs { ids.append(Int32(id)) }
                    }
                } catch let error as LogLineReader.ReadError {
                    FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                    throw ExitCode(2)
                }
            }
            switch output {
            case .table: print(table(miner.templates), terminator: "")
            case .json: print(json(miner.templates))
            case .jsonl:
                var out = ""
                var encoded: [Int32: String] = [:]
                for (index, id) in ids.enumerated() {
                    let template = encoded[id] ?? { () -> String in
                        let text = miner.template(for: Int(id)).map { quoted($0.text) } ?? "null"
                        encoded[id] = text
                        return text
                    }()
                    out += "{\"line\":\(index + 1),\"template\":\(template)}\n"
                    if out.utf8.count > 1 << 16 { print(out, terminator: ""); out = "" }
                }
                print(out, terminator: "")
            }
        }

        func table(_ templates: [LogTemplate]) -> String {
            let width = max(5, templates.map { String($0.count).count }.max() ?? 0)
            var out = "COUNT".padding(toLength: width, withPad: " ", startingAt: 0) + "  TEMPLATE\n"
            for t in templates {
                let count = String(t.count)
                out += String(repeating: " ", count: width - count.count) + count + "  " + t.text + "\n"
            }
            return out
        }

        func json(_ templates: [LogTemplate]) -> String {
            "[" + templates.map { "{\"id\":\($0.id),\"count\":\($0.count),\"template\":\(quoted($0.text))}" }.joined(separator: ",\n ") + "]"
        }

        /// A JSON string literal (the project's JSON writer, `<*>` left unescaped).
        func quoted(_ text: String) -> String {
            (try? JSONWriter(sortKeys: false, escapeHTML: false).string(.string(text))) ?? "null"
        }
    }
}
