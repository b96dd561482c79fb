import Foundation
import Kubernetes
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
        /// The environment the check ran for (`prod`), when known.
        public var environment: String?
        /// Rules that name environments other than this one (or any, when it is not known).
        public var skippedRules: [String]
        /// Rule id → objects that were exempted, with their reasons.
        public var exemptions: [(rule: String, object: String, reason: String)]
        public var checkedObjects: Int
        public var errors: Int { findings.filter { $0.severity == .error }.count }
        public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    }

    /// Checks `objects` against every rule that holds in `environment` (a `shipshape.yaml`
    /// environment name; rules whose `match.environments` leave it out are skipped).
    public func check(_ objects: [CheckedObject], environment: String? = nil) -> Report {
        var findings: [Finding] = []
        var exemptions: [(String, String, String)] = []
        var skipped: [String] = []
        let context = RuleContext(objects: objects)
        for rule in policies.rules {
            guard rule.match.applies(in: environment) else {
                skipped.append(rule.id)
                continue
            }
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
        return Report(findings: findings, environment: environment, skippedRules: skipped, exemptions: exemptions,
                      checkedObjects: objects.count)
    }

    /// Replaces `{word}` in a rule's message with the check's details (unknown words stay as
    /// written); without a message the check's own words are used.
    static func fill(_ template: String, _ details: [String: String]) -> String {
        guard !template.isEmpty else { return details["detail"] ?? "violates the rule" }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let word = String(rest[rest.index(after: open)..<close])
            out += details[word] ?? "{\(word)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

/// What rules may look up across objects (PDBs, HPAs, workloads, bindings), indexed once per
/// check so that cross-object rules stay linear in the number of objects.
struct RuleContext: Sendable {
    let objects: [CheckedObject]
    private var byKind: [String: [CheckedObject]] = [:]
    /// Namespace → the pod labels of its workloads.
    private var workloadPods: [String: LabelSetIndex] = [:]
    /// Namespace → the selectors of its PodDisruptionBudgets (empty selectors left out).
    private var budgets: [String: SelectorIndex] = [:]
    /// `namespace/Kind/name` of a scale target → the HPA that scales it.
    private var autoscalers: [String: CheckedObject] = [:]

    init(objects: [CheckedObject]) {
        self.objects = objects
        var pods: [String: [[String: String]]] = [:]
        var selectors: [String: [LabelSelector]] = [:]
        for o in objects {
            byKind[o.kind, default: []].append(o)
            switch o.kind {
            case _ where Workload.kinds.contains(o.kind):
                pods[o.namespace, default: []].append(Workload.podLabels(o.object))
            case "PodDisruptionBudget":
                if let selector = o.object["spec"]?["selector"], let s = try? LabelSelector(object: selector), !s.isEmpty {
                    selectors[o.namespace, default: []].append(s)
                }
            case "HorizontalPodAutoscaler":
                let ref = o.object["spec"]?["scaleTargetRef"]
                if let kind = ref?["kind"]?.string, let name = ref?["name"]?.string {
                    autoscalers["\(o.namespace)/\(kind)/\(name)"] = autoscalers["\(o.namespace)/\(kind)/\(name)"] ?? o
                }
            default:
                break
            }
        }
        workloadPods = pods.mapValues(LabelSetIndex.init)
        budgets = selectors.mapValues(SelectorIndex.init)
    }

    func all(_ kind: String, namespace: String? = nil) -> [CheckedObject] {
        (byKind[kind] ?? []).filter { namespace == nil || $0.namespace == namespace }
    }

    /// Whether some workload in `namespace` runs pods carrying every label of `selector`.
    func workloadSelected(by selector: [String: String], in namespace: String) -> Bool {
        workloadPods[namespace]?.anyContains(selector) ?? false
    }

    /// Whether some PodDisruptionBudget in `namespace` selects pods with `labels`.
    func disruptionBudgetCovers(_ labels: [String: String], in namespace: String) -> Bool {
        budgets[namespace]?.anyMatches(labels) ?? false
    }

    /// The HPA whose scaleTargetRef names `workload`, if any.
    func autoscaler(of workload: CheckedObject) -> CheckedObject? {
        autoscalers["\(workload.namespace)/\(workload.kind)/\(workload.metadataName)"]
    }
}
