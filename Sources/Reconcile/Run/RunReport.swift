/// What one run did, and the exit code a Job reports for it (docs/reconcile.md).
public struct RunReport: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Nothing differed; nothing was written.
        case inSync
        /// Objects were applied or pruned and everything is healthy.
        case applied
        /// Drift was found and, as configured, only reported.
        case driftReported
        /// The branch head is marked failed; the last healthy revision was kept.
        case skippedFailed(String)
        /// An error-severity policy finding stopped the run before anything was applied.
        case blockedByPolicy([String])
        /// The revision was unhealthy; the last healthy revision was re-applied.
        case rolledBack(reason: String)
        /// The revision was unhealthy and could not be rolled back (none healthy yet, or
        /// rollback is off, or the rollback was unhealthy too).
        case failed(reason: String)
        /// Another run holds the lease; this one did nothing.
        case lockHeld(String)
    }

    public var outcome: Outcome
    public var environment: String
    /// The revision the run aimed at (full sha), if it got that far.
    public var revision: String?
    public var applied: [String] = []
    public var pruned: [String] = []
    /// `apps/v1 Deployment ns/name: spec.replicas` for each drifted field found.
    public var drift: [String] = []
    public var warnings: [String] = []

    /// 0 converged (or in sync, or a known-bad head skipped), 1 unhealthy revision (rolled back
    /// or not), 2 error (raised as an error, not a report), 3 blocked by policy, 4 lease held.
    public var exitCode: Int32 {
        switch outcome {
        case .inSync, .applied, .driftReported, .skippedFailed: 0
        case .rolledBack, .failed: 1
        case .blockedByPolicy: 3
        case .lockHeld: 4
        }
    }
}
