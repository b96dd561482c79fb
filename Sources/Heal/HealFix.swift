import Environment
import Foundation
import GitStore
import Insights

/// A git fix as a commit: the recommend commit's byte-exact values edits, kept in the
/// environment's overlay values file, with heal's evidence and `Shipshape-*` trailers, on
/// `shipshape/heal/<env>` for review or on the tracked branch when the policy merges it.
public enum HealFix {
    public static func branch(environment: String) -> String { "shipshape/heal/\(environment)" }

    /// What heal needs to turn field changes into a commit: the environment as rendered at the
    /// branch head, its renderer, and how to commit (the CLI's git plumbing).
    public struct Repository {
        public var environment: EnvironmentConfig.Environment
        public var rendered: RenderedEnvironment
        public var renderer: EnvironmentRenderer
        /// Commits and pushes; returns a line for the log (`[main 1a2b3c4] backend: ...`).
        public var commit: (RecommendationCommit) throws -> String

        public init(environment: EnvironmentConfig.Environment, rendered: RenderedEnvironment, renderer: EnvironmentRenderer,
                    commit: @escaping (RecommendationCommit) throws -> String) {
            self.environment = environment
            self.rendered = rendered
            self.renderer = renderer
            self.commit = commit
        }
    }

    public static func make(_ changes: [FieldChange], for finding: HealFinding, autoMerge: Bool, in repository: Repository) throws -> RecommendationCommit? {
        let env = repository.environment
        guard var commit = try RecommendationCommit.make(environment: env.name, changes: changes, results: [], rendered: repository.rendered,
                                                         renderer: repository.renderer, valuesFile: try repository.renderer.overlayValuesFile()) else { return nil }
        commit.branch = autoMerge ? env.branch : branch(environment: env.name)
        commit.ownTrailer = CommitMessage.shipshapeTrailerPrefix + "Heal"
        commit.message = message(finding, commit: commit, environment: env.name)
        return commit
    }

    static func message(_ f: HealFinding, commit: RecommendationCommit, environment: String) -> CommitMessage {
        var owners: [String] = []
        var byOwner: [String: [String]] = [:]
        for e in commit.edits {
            if byOwner[e.change.owner] == nil { owners.append(e.change.owner) }
            byOwner[e.change.owner, default: []].append("\(e.change.label) \(e.change.old)→\(e.change.new)")
        }
        let subject = owners.map { "\($0): \(byOwner[$0]!.joined(separator: ", "))" }.joined(separator: "; ")
        var body = "Fixed by `shipshape heal --env \(environment)`: \(f.summary).\n\n"
        body += "Changes (values file line → new value):\n"
        for e in commit.edits {
            body += "  \(e.location.line ?? "\(e.location.file) (new line)") \(e.location.path): \(e.change.old) → \(e.change.new)\n"
        }
        body += "\nEvidence:\n" + f.evidence.map { "  \($0)\n" }.joined()
        var trailers: [CommitMessage.Trailer] = [.shipshape("Heal", environment), .shipshape("Fault", f.id),
                                                 .shipshape("Workload", f.workload.description)]
        for e in commit.edits {
            trailers.append(.shipshape("Change", "\(e.change.kind)/\(e.change.name) \(e.change.field) \(e.change.old)→\(e.change.new)"))
        }
        for line in f.evidence { trailers.append(.shipshape("Evidence", line)) }
        return CommitMessage(subject: subject, body: body, trailers: trailers)
    }
}
