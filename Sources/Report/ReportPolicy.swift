import Environment
import Foundation
import Kubernetes
import YAML

/// Where the weekly report job puts its report (`policies/report.yaml`): the ConfigMap
/// `shipshape-<env>-report`, or a commit of `reports/<env>/<date>.<ext>` on a branch.
public struct ReportPolicy: Sendable, Equatable {
    public enum Destination: String, Sendable, Equatable { case configmap, git }
    public enum Format: String, Sendable, Equatable, CaseIterable {
        case html, md, json
        public var fileExtension: String { rawValue }
    }

    public var destination = Destination.configmap
    public var format = Format.html
    /// The period, in seconds.
    public var since = 7 * 86400.0
    /// The branch reports are committed to (git destination).
    public var branch = "shipshape/reports"
    /// Push the branch to this remote after committing (nil: commit only in the mirror).
    public var remote: String? = "origin"

    public init() {}

    static let keys: Set<String> = ["apiVersion", "kind", "destination", "format", "since", "branch", "remote"]

    /// Strict: unknown keys and bad values are errors naming the file and the key.
    public init(yaml text: String, file: String) throws {
        self.init()
        let v = try ValueDecoder.decode(text, file: file)
        guard v["kind"]?.string == "ReportPolicy" else { throw ReportError("\(file): expected kind: ReportPolicy") }
        for key in (v.object ?? [:]).keys where !Self.keys.contains(key) {
            throw ReportError("\(file): unknown key \(key); expected one of \(Self.keys.sorted().joined(separator: ", "))")
        }
        if let d = v["destination"] {
            guard let s = d.string, let x = Destination(rawValue: s) else { throw ReportError("\(file): destination must be configmap or git") }
            destination = x
        }
        if let f = v["format"] {
            guard let s = f.string, let x = Format(rawValue: s) else { throw ReportError("\(file): format must be html, md or json") }
            format = x
        }
        if let s = v["since"] {
            guard let text = s.string, let seconds = DurationText.seconds(text), seconds > 0 else {
                throw ReportError("\(file): since must be a duration like 7d")
            }
            since = seconds
        }
        if let b = v["branch"] {
            guard let s = b.string, !s.isEmpty else { throw ReportError("\(file): branch must be a branch name") }
            branch = s
        }
        if let r = v["remote"] { remote = r.string.flatMap { $0.isEmpty ? nil : $0 } }
    }

    /// `report.yaml` in the environment's policies folder, or the defaults when there is none.
    public static func load(policies: String, in tree: any FileTree) throws -> ReportPolicy {
        let file = policies == "." || policies.isEmpty ? "report.yaml" : policies + "/report.yaml"
        return try tree.string(at: file).map { try ReportPolicy(yaml: $0, file: file) } ?? ReportPolicy()
    }
}

/// A problem building or publishing a report, naming the file or object.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
