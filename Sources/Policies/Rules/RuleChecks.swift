import Kubernetes
import YAML

/// The code behind each rule kind. Each check returns one details map per violation; the
/// engine turns them into findings with the rule's message.
enum RuleChecks {
    static func check(_ rule: Rule, _ target: CheckedObject, _ context: RuleContext) -> [[String: String]] {
        switch rule.kind {
        case .containerProbes: return ContainerRules.probes(rule.params, target)
        case .containerResources: return ContainerRules.resources(rule.params, target)
        case .imageTag: return ContainerRules.imageTag(rule.params, target)
        case .securityContext: return ContainerRules.securityContext(rule.params, target)
        case .hpaBounds: return WorkloadRules.hpaBounds(rule.params, target)
        case .hpaOwnsReplicas: return WorkloadRules.hpaOwnsReplicas(target, context)
        case .pdbRequired: return WorkloadRules.pdbRequired(rule.params, target, context)
        case .serviceSelects: return WorkloadRules.serviceSelects(target, context)
        case .rbac: return RBACRules.check(rule.params, target, context)
        case .field: return FieldRule.check(rule.params, target)
        }
    }
}

extension Value {
    /// A boolean parameter, with a default.
    func flag(_ key: String, _ fallback: Bool) -> Bool {
        if case .bool(let b)? = self[key] { return b }
        return fallback
    }

    /// A numeric parameter.
    func number(_ key: String) -> Double? {
        switch self[key] {
        case .int(let i)?: return Double(i)
        case .uint(let u)?: return Double(u)
        case .float(let f)?: return f
        default: return nil
        }
    }

    var integer: Int? {
        switch self {
        case .int(let i): return Int(i)
        case .uint(let u): return Int(u)
        case .float(let f) where f == f.rounded(): return Int(checking: f)
        default: return nil
        }
    }
}
