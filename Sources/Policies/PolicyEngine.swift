import Foundation
import YAML

/// Evaluates policy rules over rendered objects. An object opts out of a rule with the
/// annotation `shipshape.dev/exempt.<rule-id>: <reason>`; an exemption without a reason is
/// itself a finding.
public struct PolicyEngine: Sendable {
    public static let exemptionPrefix = "shipshape.dev/exempt."

    public let policies: PolicySet

    public init(policies: PolicySet) { self.policies = policies }

    public struct Report: Sendable {
        public var findings: [Finding]
        /// Rule id → objects that were exempted, with their reasons.
        public var exemptions: [(rule: String, object: String, reason: String)]
        public var checkedObjects: Int
        public var errors: Int { findings.filter { $0.severity == .error }.count }
    }

    public func check(_ objects: [CheckedObject]) -> Report {
        var findings: [Finding] = []
        var exemptions: [(String, String, String)] = []
        let context = RuleContext(objects: objects)
        for rule in policies.rules {
            for target in objects where rule.match.matches(target.object) {
                let annotation = target.object["metadata"]?["annotations"]?[Self.exemptionPrefix + rule.id]
                let violations = RuleChecks.check(rule, target, context)
                guard !violations.isEmpty else { continue }
                if let reason = annotation?.string {
                    if reason.trimmingCharacters(in: .whitespaces).isEmpty {
                        findings.append(Finding(rule: rule.id, severity: .error, object: target.name, file: target.file,
                                                message: "exemption \(Self.exemptionPrefix)\(rule.id) has no reason; say why the rule does not apply"))
                    } else {
                        exemptions.append((rule.id, target.name, reason))
                    }
                    continue
                }
                for details in violations {
                    findings.append(Finding(rule: rule.id, severity: rule.severity, object: target.name, file: target.file,
                                            message: Self.fill(rule.message, details)))
                }
            }
        }
        return Report(findings: findings, exemptions: exemptions, checkedObjects: objects.count)
    }

    /// Replaces `{word}` in a rule's message; without a message the check's own words are used.
    static func fill(_ template: String, _ details: [String: String]) -> String {
        guard !template.isEmpty else { return details["detail"] ?? "violates the rule" }
        var out = template
        for (k, v) in details { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
        return out
    }
}

/// What rules may look up across objects (PDBs, HPAs, workloads, bindings).
struct RuleContext: Sendable {
    let objects: [CheckedObject]

    func all(_ kind: String, namespace: String? = nil) -> [CheckedObject] {
        objects.filter { $0.kind == kind && (namespace == nil || $0.namespace == namespace) }
    }
}
