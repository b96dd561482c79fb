import Foundation
import Heal
import Reconcile

/// `shipshape history --env` as text: the revisions now applied and healthy, each run newest
/// first (outcome, counts, drift corrected) with heal's actions between them, and the failed
/// revisions with their reasons.
enum EnvironmentHistory {
    static func text(_ state: ReconcileState, heal: HealState? = nil, environment: String, subject: (String) -> String?, limit: Int?) -> String {
        func rev(_ r: String?) -> String {
            guard let r else { return "(none)" }
            return String(r.prefix(7)) + (subject(r).map { " \"\($0)\"" } ?? "")
        }
        var lines = ["environment \(environment)",
                     "  last applied: \(rev(state.lastApplied))",
                     "  last healthy: \(rev(state.lastHealthy))"]
        if let interrupted = state.inProgress { lines.append("  in progress:  \(rev(interrupted)) (an interrupted run; the next run finishes it)") }
        lines.append("runs (newest first):")
        if state.runs.isEmpty { lines.append("  (none yet)") }
        // Reconcile and heal runs, by time (both are stamped by the API server's clock); heal
        // runs that did nothing are left out.
        var entries: [(at: String, lines: [String])] = state.runs.map { run in
            (run.at, ["  \(run.at)  \(rev(run.revision))  \(run.outcome)  applied \(run.applied), pruned \(run.pruned)"]
                + run.driftCorrected.map { "      drift corrected: \($0)" })
        }
        for run in heal?.runs ?? [] where !(run.actions.isEmpty && run.resolved.isEmpty && run.escalated.isEmpty) {
            let at = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: run.at))
            entries.append((at, ["  \(at)  heal     \(run.findings) finding\(run.findings == 1 ? "" : "s")"]
                + run.actions.map { "      action: \($0)" } + run.escalated.map { "      escalated: \($0)" } + run.resolved.map { "      resolved: \($0)" }))
        }
        for entry in entries.enumerated().sorted(by: { ($0.element.at, $0.offset) > ($1.element.at, $1.offset) }).prefix(limit ?? Int.max) {
            lines.append(contentsOf: entry.element.lines)
        }
        if !state.failures.isEmpty {
            lines.append("failed revisions (not retried until a newer commit):")
            for failure in state.failures.reversed() {
                lines.append("  \(failure.at)  \(rev(failure.revision))")
                lines.append("      \(failure.reason)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
