import YAML

/// A check's outcome as `shipshape check` prints it, in text (one line per finding) or JSON.
/// Pure: it formats what the engine found and decides nothing.
public struct FindingReport: Sendable {
    public let report: PolicyEngine.Report
    /// What was checked, as the engineer named it: `overlays/prod`, `charts/chatbot`, a file.
    public let source: String
    /// How many rules the check held the objects to.
    public let ruleCount: Int

    public init(_ report: PolicyEngine.Report, source: String, ruleCount: Int) {
        self.report = report
        self.source = source
        self.ruleCount = ruleCount
    }

    /// `overlays/prod: apps/v1 Deployment chatbot-prod/backend-deployment: container "backend"
    /// has no readiness probe [probes.readiness]` per finding, the exemptions, then a summary.
    public var text: String {
        var lines = report.findings.map { "\(source): \($0)" }
        lines += report.exemptions.map { "\(source): \($0.object): exempt from [\($0.rule)]: \($0.reason)" }
        var summary = "\(source): \(report.checkedObjects) objects checked against \(ruleCount - report.skippedRules.count) rules"
        if let environment = report.environment { summary += " for \(environment)" }
        summary += ": \(report.errors) errors, \(report.warnings) warnings, \(report.exemptions.count) exemptions"
        if !report.skippedRules.isEmpty {
            summary += report.environment == nil
                ? "; \(report.skippedRules.count) environment rules skipped (no environment: pass --env)"
                : "; \(report.skippedRules.count) rules for other environments skipped"
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same as a JSON document: `source`, `environment`, counts, `findings`, `exemptions`.
    public func json() throws -> String {
        let findings: [Value] = report.findings.map { f in
            ["rule": .string(f.rule), "severity": .string(f.severity.rawValue), "object": .string(f.object),
             "file": f.file.map { .string($0) } ?? .null, "message": .string(f.message)]
        }
        let exemptions: [Value] = report.exemptions.map { ["rule": .string($0.rule), "object": .string($0.object), "reason": .string($0.reason)] }
        let document: Value = [
            "source": .string(source),
            "environment": report.environment.map { .string($0) } ?? .null,
            "checked": .int(Int64(report.checkedObjects)),
            "errors": .int(Int64(report.errors)),
            "warnings": .int(Int64(report.warnings)),
            "skippedRules": .array(report.skippedRules.map { .string($0) }),
            "findings": .array(findings),
            "exemptions": .array(exemptions),
        ]
        return try JSONWriter(indent: 2, sortKeys: false).string(document) + "\n"
    }
}
