import Charts
import Foundation
import GitStore
import YAML

/// The commit a recommendation becomes: byte-exact edits of the values lines that drive the
/// changed fields, a subject a reviewer reads at a glance
/// (`backend: cpu request 250m→180m, memory limit 512Mi→384Mi`), an evidence table and
/// machine-readable `Shipshape-*` trailers.
public struct RecommendationCommit {
    /// One values edit and the change behind it.
    public struct Edit: Sendable {
        public var change: FieldChange
        public var location: ValuesLocation
    }

    public var environment: String
    public var edits: [Edit]
    /// File path → new text, for every edited file.
    public var files: [String: String]
    /// File path → text before.
    public var originals: [String: String]
    public var message: CommitMessage

    public static func branch(environment: String) -> String { "shipshape/recommendations/\(environment)" }

    /// Locates and applies every change; nil when there is nothing to change.
    public static func make(environment: String, changes: [FieldChange], results: [ContainerResult],
                            render: ChartRenderer.Result, displayPath: (String) -> String = { $0 }) throws -> RecommendationCommit? {
        guard !changes.isEmpty else { return nil }
        var edits: [Edit] = []
        var originals: [String: String] = [:]
        var files: [String: String] = [:]
        var claimed: [String: String] = [:]
        for change in changes {
            let location = try ValuesLocator.locate(change, in: render)
            let key = "\(location.file)#\(location.path)"
            if let other = claimed[key], other != change.new {
                throw UsageError("\(displayPath(location.file)) \(location.path) drives two fields that want different values (\(other) and \(change.new)); split the value in the chart")
            }
            claimed[key] = change.new
            if originals[location.file] == nil {
                guard let data = FileManager.default.contents(atPath: location.file) else { throw UsageError("\(location.file): cannot read the values file") }
                originals[location.file] = String(decoding: data, as: UTF8.self)
                files[location.file] = originals[location.file]
            }
            let editor = try YAMLEditor(text: files[location.file]!, file: displayPath(location.file))
            files[location.file] = try editor.setting(location.path, to: change.new)
            edits.append(Edit(change: change, location: location))
        }
        let message = Self.message(environment: environment, edits: edits, results: results, displayPath: displayPath)
        return RecommendationCommit(environment: environment, edits: edits, files: files, originals: originals, message: message)
    }

    /// A unified diff of every edited file (`--dry-run`).
    public func diff(displayPath: (String) -> String = { $0 }) -> String {
        files.keys.sorted().map { f in
            LineDiff.unified(old: originals[f]!, new: files[f]!, oldName: "a/\(displayPath(f))", newName: "b/\(displayPath(f))")
        }.joined()
    }

    /// Commits on `shipshape/recommendations/<env>` (created from `base`). The files are the
    /// base's with the edits, so a re-run with the same recommendation changes nothing, and a
    /// new one replaces the open branch's recommendation commits (one commit on `base`), unless
    /// a person has committed to the branch, in which case it is merged on top (their lines
    /// kept; a line both changed stops it with an error naming the file). With `push` the
    /// branch is only ever added to, so a branch under review on the remote moves fast-forward.
    public func commit(base: String?, push: PushOptions? = nil) throws -> GitStore.Outcome {
        try GitStore.commit(files: files.mapValues { .write(Array($0.utf8), executable: nil) }, branch: Self.branch(environment: environment),
                            base: base, message: message, push: push,
                            ownTrailer: CommitMessage.shipshapeTrailerPrefix + "Recommend", supersede: push == nil,
                            derivedFrom: base ?? "HEAD")
    }

    // MARK: The message

    static func message(environment: String, edits: [Edit], results: [ContainerResult], displayPath: (String) -> String) -> CommitMessage {
        var owners: [String] = []
        var byOwner: [String: [String]] = [:]
        for e in edits {
            if byOwner[e.change.owner] == nil { owners.append(e.change.owner) }
            byOwner[e.change.owner, default: []].append("\(e.change.label) \(e.change.old)→\(e.change.new)")
        }
        let subject = owners.map { "\($0): \(byOwner[$0]!.joined(separator: ", "))" }.joined(separator: "; ")
        var body = "Recommended by `shipshape recommend --env \(environment)` from observed usage.\n\n"
        body += "Changes (values file line → new value):\n"
        for e in edits {
            let place = e.location.line.map { displayPath(String($0.split(separator: ":").dropLast(2).joined(separator: ":"))) + ":" + $0.split(separator: ":").suffix(2).joined(separator: ":") }
                ?? "\(displayPath(e.location.file)) (new line)"
            body += "  \(place) \(e.location.path): \(e.change.old) → \(e.change.new)\n"
        }
        let touched = Set(edits.map { "\($0.change.name)" })
        let rows = results.filter { touched.contains($0.workload.name) || touched.contains($0.workload.hpa?.name ?? "\u{0}") }
        if !rows.isEmpty {
            body += "\nEvidence:\n"
            body += EvidenceTable.text(rows)
        }
        var trailers: [CommitMessage.Trailer] = [.shipshape("Recommend", environment)]
        for w in Set(rows.map { "\($0.workload.namespace)/\($0.workload.name)" }).sorted() { trailers.append(.shipshape("Workload", w)) }
        for e in edits {
            trailers.append(.shipshape("Change", "\(e.change.kind)/\(e.change.name) \(e.change.field) \(e.change.old)→\(e.change.new)"))
        }
        for r in rows {
            let ev = r.resources.evidence
            trailers.append(.shipshape("Evidence", [
                r.key, "window=\(EvidenceTable.num(ev.windowDays))d", "samples=\(ev.samples)", "confidence=\(EvidenceTable.num(ev.confidenceDays))d",
                "cpu-p50=\(EvidenceTable.num(ev.cpu.p50, 4))", "cpu-p90=\(EvidenceTable.num(ev.cpu.p90, 4))", "cpu-p95=\(EvidenceTable.num(ev.cpu.p95, 4))",
                "cpu-max=\(EvidenceTable.num(ev.cpu.max, 4))", "memory-p50=\(Int(ev.memory.p50))", "memory-p90=\(Int(ev.memory.p90))",
                "memory-p95=\(Int(ev.memory.p95))", "memory-max=\(Int(ev.memory.max))", "oom-kills=\(ev.oomKills)",
                "cpu-saved-cores=\(EvidenceTable.num(r.savedCPUCores, 3))", "memory-saved-bytes=\(Int(r.savedMemoryBytes))",
            ].joined(separator: " ")))
        }
        return CommitMessage(subject: subject, body: body, trailers: trailers)
    }
}

/// The evidence table in commit bodies and `-o table` notes.
public enum EvidenceTable {
    public static func text(_ rows: [ContainerResult]) -> String {
        var lines = [["container", "window", "samples", "cpu p50/p90/p95/max", "memory p50/p90/p95/max", "OOM", "confidence", "saved/month"]]
        for r in rows {
            let e = r.resources.evidence
            lines.append([r.key, "\(num(e.windowDays))d", "\(e.samples)",
                          [e.cpu.p50, e.cpu.p90, e.cpu.p95, e.cpu.max].map { cpu($0) }.joined(separator: "/"),
                          [e.memory.p50, e.memory.p90, e.memory.p95, e.memory.max].map { memory($0) }.joined(separator: "/"),
                          "\(e.oomKills)", "\(num(e.confidenceDays))d", savings(r)])
        }
        let widths = lines[0].indices.map { i in lines.map { $0[i].count }.max()! }
        return lines.map { row in
            "  " + row.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    /// `102 core-h, 187 GiB-h` over a month of 730 hours (negative: more is requested).
    public static func savings(_ r: ContainerResult) -> String {
        "\(num(r.savedCPUCores * ContainerResult.hoursPerMonth, 0)) core-h, \(num(r.savedMemoryBytes / 1_073_741_824 * ContainerResult.hoursPerMonth, 0)) GiB-h"
    }

    public static func cpu(_ cores: Double) -> String { "\(Int((cores * 1000).rounded()))m" }
    public static func memory(_ bytes: Double) -> String { "\(Int((bytes / 1_048_576).rounded()))Mi" }

    public static func num(_ x: Double, _ digits: Int = 1) -> String {
        let s = String(format: "%.\(digits)f", x)
        return s == "-0" || s.hasPrefix("-0.") && Double(s) == 0 ? String(s.dropFirst()) : s
    }
}
