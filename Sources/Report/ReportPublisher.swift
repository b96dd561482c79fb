import Foundation
import GitStore
import KubeClient
import YAML

/// Puts a rendered report where the policy says: the ConfigMap `shipshape-<env>-report`
/// (server-side apply; key `report.<ext>` plus `summary`), or a commit of
/// `reports/<env>/<end date>.<ext>` on the policy's branch. Returns where it went and the
/// one-paragraph summary, which is what a chat sink posts (the alerts job's Slack sink takes
/// `Published.summary` and `Published.location`; the report job itself posts nothing).
public enum ReportPublisher {
    public struct Published: Sendable, Equatable {
        /// `ConfigMap chatbot-dev/shipshape-dev-report key report.html`, or `commit 1a2b3c4 reports/dev/2026-01-12.html on shipshape/reports`.
        public var location: String
        public var summary: String
    }

    /// Under the API server's 1 MiB object limit, with room for the summary and metadata.
    public static let maxConfigMapBytes = 900_000

    public static func configMapName(environment: String) -> String { "shipshape-\(environment)-report" }

    public static func path(environment: String, end: Double, format: ReportPolicy.Format) -> String {
        "reports/\(environment)/\(ReportFormat.time(end).prefix(10)).\(format.fileExtension)"
    }

    public static func render(_ report: Report, as format: ReportPolicy.Format) throws -> String {
        switch format {
        case .html: return HTMLReport.render(report)
        case .md: return MarkdownReport.render(report)
        case .json: return try report.json()
        }
    }

    /// Writes the report into its ConfigMap.
    public static func toConfigMap(_ report: Report, format: ReportPolicy.Format, api: KubeAPI) throws -> Published {
        let text = try render(report, as: format)
        let name = configMapName(environment: report.environment)
        guard text.utf8.count <= maxConfigMapBytes else {
            throw ReportError("v1 ConfigMap \(report.namespace)/\(name): the \(format.rawValue) report is \(text.utf8.count) bytes, over the \(maxConfigMapBytes) a ConfigMap holds; set destination: git in policies/report.yaml")
        }
        let summary = ReportSummary.text(report)
        let object: Value = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": .string(name), "namespace": .string(report.namespace),
                         "labels": ["app.kubernetes.io/managed-by": "shipshape", "shipshape.dev/environment": .string(report.environment)]],
            "data": .object(["report.\(format.fileExtension)": .string(text), "summary": .string(summary)]),
        ]
        _ = try api.apply(object, fieldManager: "shipshape-report", force: true)
        return Published(location: "ConfigMap \(report.namespace)/\(name) key report.\(format.fileExtension)", summary: summary)
    }

    /// Commits the report on `policy.branch` (started from `base` when it does not exist yet).
    public static func toGit(_ report: Report, policy: ReportPolicy, repository: Repository, base: String, push: PushOptions?,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Published {
        let path = path(environment: report.environment, end: report.end, format: policy.format)
        var changes = ChangeSet()
        try changes.write(path, try render(report, as: policy.format))
        let summary = ReportSummary.text(report)
        let message = CommitMessage(subject: "report: \(report.environment) \(ReportFormat.time(report.start).prefix(10)) to \(ReportFormat.time(report.end).prefix(10))",
                                    body: summary, trailers: [.shipshape("Report", report.environment)])
        let outcome = try GitStore.commit(changes: changes, in: repository, branch: policy.branch, base: base, message: message, push: push,
                                          environment: environment)
        return Published(location: "commit \(outcome.commit.commit?.short ?? "(unchanged)") \(path) on \(policy.branch)", summary: summary)
    }
}

/// The report in one paragraph: what a chat message or a commit body says.
public enum ReportSummary {
    public static func text(_ r: Report) -> String {
        let worst = r.health.workloads.min { ($0.availability, $0.workload) < ($1.availability, $1.workload) }
        let s = r.selfHealing, o = r.optimisation
        var parts = ["\(r.environment) \(ReportFormat.time(r.start).prefix(10)) to \(ReportFormat.time(r.end).prefix(10))"]
        if let worst { parts.append("lowest availability \(worst.workload) \(ReportFormat.percent(worst.availability, digits: 3))") }
        parts.append("\(s.detected) faults, \(s.resolvedWithoutPerson) of \(s.resolved) resolved without a person, \(s.escalations.count) escalated")
        parts.append("\(r.health.rollouts) rollouts, \(r.health.rollbacks) rollbacks")
        parts.append("projected savings \(ReportFormat.num(o.projectedCoreHours, 0)) core-h and \(ReportFormat.num(o.projectedGiBHours, 0)) GiB-h a month")
        if !o.realized.isEmpty { parts.append("\(o.realized.count) merged request changes measured") }
        parts.append("\(r.anomalies.count) anomalies")
        return parts.joined(separator: "; ") + "."
    }
}
