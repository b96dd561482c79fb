import Environment
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
    /// File path in the tree → new text, for every edited file.
    public var files: [String: String]
    /// File path in the tree → text before.
    public var originals: [String: String]
    public var message: CommitMessage
    /// The files the edits were read from: a work tree, or a revision's tree.
    public var tree: any FileTree
    /// The branch it goes on: `shipshape/recommendations/<env>` for recommend, heal's own
    /// `shipshape/heal/<env>` or the tracked branch for fixes heal merges by policy.
    public var branch: String
    /// The trailer that marks the branch's own commits (`Shipshape-Recommend`), so a re-run
    /// replaces them but never a person's.
    public var ownTrailer = CommitMessage.shipshapeTrailerPrefix + "Recommend"

    public static func branch(environment: String) -> String { "shipshape/recommendations/\(environment)" }

    /// Locates and applies every change; nil when there is nothing to change. With
    /// `valuesFile`, a change that a line of another values file drives (the chart's defaults)
    /// is written to that file instead, at the same values path: heal keeps its fixes inside
    /// the environment's overlay.
    public static func make(environment: String, changes: [FieldChange], results: [ContainerResult],
                            rendered: RenderedEnvironment, renderer: EnvironmentRenderer, valuesFile: String? = nil) throws -> RecommendationCommit? {
        let tree = renderer.tree
        guard !changes.isEmpty else { return nil }
        var edits: [Edit] = []
        var originals: [String: String] = [:]
        var files: [String: String] = [:]
        var claimed: [String: String] = [:]
        for change in changes {
            var location: ValuesLocation
            do {
                location = try Self.locate(change, in: rendered, renderer: renderer)
            } catch {
                // A field no line sets, beside a field of the same parent this commit already
                // places (a new probe's port beside its path). Any other reason stands.
                guard "\(error)".contains("no values line sets"), let placed = Self.besidePlaced(change, edits: edits) else { throw error }
                location = placed
            }
            if let valuesFile, location.file != valuesFile, location.file.hasSuffix(".yaml") || location.file.hasSuffix(".yml"),
               !(try tree.string(at: location.file).map { Self.isPatch($0) } ?? false) {
                let existing = try tree.string(at: valuesFile).flatMap { try? YAMLEditor(text: $0, file: valuesFile).node(at: location.path) }
                location = ValuesLocation(file: valuesFile, path: location.path, line: existing.map { "\(valuesFile):\($0.start.line):\($0.start.column)" })
            }
            let key = "\(location.file)#\(location.path)"
            if let other = claimed[key], other != change.new {
                throw UsageError("\(location.file) \(location.path) drives two fields that want different values (\(other) and \(change.new)); split the value in the chart")
            }
            claimed[key] = change.new
            if originals[location.file] == nil {
                guard let text = try tree.string(at: location.file) else { throw UsageError("\(location.file): cannot read the values file in \(tree.name)") }
                originals[location.file] = text
                files[location.file] = text
            }
            let editor = try YAMLEditor(text: files[location.file]!, file: location.file)
            if let v = change.valuesEdit {
                files[location.file] = try editor.setting(location.path, to: v.value)
            } else {
                files[location.file] = try editor.setting(location.path, to: change.new)
            }
            edits.append(Edit(change: change, location: location))
        }
        let message = Self.message(environment: environment, edits: edits, results: results)
        return RecommendationCommit(environment: environment, edits: edits, files: files, originals: originals, message: message, tree: tree,
                                    branch: Self.branch(environment: environment))
    }

    /// Where `change` is written: its field's values line, or for a values entry with no
    /// rendered field of its own (`hpa.schedules`) the key beside the line that drives the
    /// object's `besideField`, in that line's file (the line of the key when it is set there).
    static func locate(_ change: FieldChange, in rendered: RenderedEnvironment, renderer: EnvironmentRenderer) throws -> ValuesLocation {
        guard let v = change.valuesEdit else { return try ValuesLocator.locate(change, in: rendered, renderer: renderer) }
        var beside = change
        beside.field = v.besideField
        beside.valuesEdit = nil
        let anchor = try ValuesLocator.locate(beside, in: rendered, renderer: renderer)
        let path = ValuePath(anchor.path.parent.segments + [.key(v.key)])
        let existing = try renderer.tree.string(at: anchor.file).flatMap { try? YAMLEditor(text: $0, file: anchor.file).node(at: path) }
        return ValuesLocation(file: anchor.file, path: path, line: existing.map { "\(anchor.file):\($0.start.line):\($0.start.column)" })
    }

    /// The place for `change` next to an earlier edit of the same object whose field has the
    /// same parent: the same values parent, the field's last key.
    static func besidePlaced(_ change: FieldChange, edits: [Edit]) -> ValuesLocation? {
        guard let field = try? ValuePath(parsing: change.field), case .key(let leaf)? = field.segments.last else { return nil }
        for e in edits.reversed() where e.change.kind == change.kind && e.change.name == change.name {
            guard let other = try? ValuePath(parsing: e.change.field), other.parent == field.parent else { continue }
            // The edit's values path ends in as many keys as its field shares with it (`path`).
            return ValuesLocation(file: e.location.file, path: ValuePath(e.location.path.parent.segments + [.key(leaf)]), line: nil)
        }
        return nil
    }

    /// A kustomize patch file (it has `kind:`), not a values file.
    static func isPatch(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix("kind:") || $0.hasPrefix("apiVersion:") }
    }

    /// A unified diff of every edited file (`--dry-run`).
    public func diff() -> String {
        files.keys.sorted().map { f in
            LineDiff.unified(old: originals[f]!, new: files[f]!, oldName: "a/\(f)", newName: "b/\(f)")
        }.joined()
    }

    /// Commits on `shipshape/recommendations/<env>` (created from `base`) of the repository
    /// holding the work tree. The files are the base's with the edits, so a re-run with the
    /// same recommendation changes nothing, and a new one replaces the open branch's
    /// recommendation commits (one commit on `base`), unless a person has committed to the
    /// branch, in which case it is merged on top (their lines kept; a line both changed stops
    /// it with an error naming the file). With `push` the branch is only ever added to, so a
    /// branch under review on the remote moves fast-forward.
    public func commit(base: String?, push: PushOptions? = nil) throws -> GitStore.Outcome {
        guard let workTree = tree as? WorkTree else {
            throw UsageError("the recommendation was read from \(tree.name), not a work tree; commit it into that repository with commit(in:base:push:)")
        }
        return try GitStore.commit(files: Dictionary(uniqueKeysWithValues: files.map { (workTree.location(of: $0.key), .write(Array($0.value.utf8), executable: nil)) }),
                                   branch: branch, base: base, message: message, push: push,
                                   ownTrailer: ownTrailer, supersede: push == nil,
                                   derivedFrom: base ?? "HEAD")
    }

    /// The same commit built from in-memory trees in `repository`, which needs no work tree
    /// (the mirror in the cache directory, in the cluster): the files are the tree's paths,
    /// `base` the revision they were read from.
    public func commit(in repository: Repository, base: String, push: PushOptions? = nil) throws -> GitStore.Outcome {
        var changes = ChangeSet()
        for (path, text) in files { try changes.write(path, text) }
        return try GitStore.commit(changes: changes, in: repository, branch: branch, base: base,
                                   message: message, push: push, ownTrailer: ownTrailer,
                                   supersede: push == nil, derivedFrom: base)
    }

    // MARK: The message

    static func message(environment: String, edits: [Edit], results: [ContainerResult]) -> CommitMessage {
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
            let place = e.location.line ?? "\(e.location.file) (new line)"
            body += "  \(place) \(e.location.path): \(e.change.old) → \(e.change.new)\n"
        }
        let touched = Set(edits.map { "\($0.change.name)" })
        let scheduled = Set(edits.filter { $0.change.valuesEdit?.key == "schedules" }.map(\.change.name))
        let rows = results.filter { touched.contains($0.workload.name) || touched.contains($0.workload.hpa?.name ?? "\u{0}") }
        if !rows.isEmpty {
            body += "\nEvidence:\n"
            body += EvidenceTable.text(rows)
            for r in rows {
                if let h = r.workload.hpa, scheduled.contains(h.name), let summary = r.schedule?.summary {
                    body += "  \(r.key) scaling windows: \(summary)\n"
                }
            }
        }
        var trailers: [CommitMessage.Trailer] = [.shipshape("Recommend", environment)]
        for w in Set(rows.map { "\($0.workload.namespace)/\($0.workload.name)" }).sorted() { trailers.append(.shipshape("Workload", w)) }
        for e in edits {
            trailers.append(.shipshape("Change", "\(e.change.kind)/\(e.change.name) \(e.change.field) \(e.change.old)→\(e.change.new)"))
        }
        // The backtest behind committed scaling windows, beside its container's usage evidence.
        for r in rows {
            if let h = r.workload.hpa, scheduled.contains(h.name), let forecast = r.schedule?.evidence {
                trailers.append(.shipshape("Evidence", "\(r.key) \(forecast)"))
            }
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

    public static func cpu(_ cores: Double) -> String { "\(Int(clamping: cores * 1000, to: Int.min...Int.max, rounding: .toNearestOrAwayFromZero))m" }
    public static func memory(_ bytes: Double) -> String { "\(Int(clamping: bytes / 1_048_576, to: Int.min...Int.max, rounding: .toNearestOrAwayFromZero))Mi" }

    public static func num(_ x: Double, _ digits: Int = 1) -> String {
        let s = String(format: "%.\(digits)f", x)
        return s == "-0" || s.hasPrefix("-0.") && Double(s) == 0 ? String(s.dropFirst()) : s
    }
}
