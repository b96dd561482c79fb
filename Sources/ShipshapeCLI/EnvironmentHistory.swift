import Reconcile

/// `shipshape history --env` as text: the revisions now applied and healthy, each run newest
/// first (outcome, counts, drift corrected), and the failed revisions with their reasons.
enum EnvironmentHistory {
    static func text(_ state: ReconcileState, environment: String, subject: (String) -> String?, limit: Int?) -> String {
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
        for run in state.runs.reversed().prefix(limit ?? Int.max) {
            lines.append("  \(run.at)  \(rev(run.revision))  \(run.outcome)  applied \(run.applied), pruned \(run.pruned)")
            for drift in run.driftCorrected { lines.append("      drift corrected: \(drift)") }
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
