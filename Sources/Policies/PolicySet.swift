#if canImport(Glibc)
import Glibc
#endif
import YAML

/// The rules of a policy file (`policies/guardrails.yaml`): each has an id, a kind (the code
/// that checks it), a severity, a message and parameters. A new rule of an existing kind is a
/// YAML edit; only a new kind needs code.
public struct PolicySet: Sendable {
    public var rules: [Rule]

    public init(rules: [Rule]) { self.rules = rules }

    /// Reads every `*.yaml` policy document in `text`; errors name the file, line and rule.
    public init(yaml text: String, file: String) throws {
        let documents: [Document]
        do { documents = try YAMLParser.parse(text, file: file) } catch {
            throw PolicyError("\(error)")
        }
        var rules: [Rule] = []
        var decoder = ValueDecoder(file: file)
        for document in documents {
            guard let root = document.root else { continue }
            let value = try decoder.decode(root)
            guard value["kind"]?.string == "PolicySet" else {
                throw PolicyError("\(file):\(root.start): expected kind: PolicySet")
            }
            for (index, node) in (root["rules"]?.items ?? []).enumerated() {
                let raw = try decoder.decode(node)
                let place = "\(file):\(node.start)"
                guard let id = raw["id"]?.string, !id.isEmpty else { throw PolicyError("\(place): rules[\(index)] has no id") }
                guard let kind = raw["kind"]?.string, let ruleKind = Rule.Kind(rawValue: kind) else {
                    let known = Rule.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw PolicyError("\(place): rule \(id): unknown kind \(raw["kind"]?.string ?? "(none)"); known kinds: \(known)")
                }
                let severity = Severity(rawValue: raw["severity"]?.string ?? "error")
                guard let severity else { throw PolicyError("\(place): rule \(id): severity must be error, warning or info") }
                if rules.contains(where: { $0.id == id }) { throw PolicyError("\(place): rule id \(id) is used twice") }
                rules.append(Rule(id: id, kind: ruleKind, severity: severity, message: raw["message"]?.string ?? "",
                                  description: raw["description"]?.string ?? "",
                                  params: raw["params"] ?? .object([:]), match: Match(raw["match"] ?? .object([:])),
                                  source: place))
            }
        }
        self.rules = rules
    }
}

public enum Severity: String, Sendable, Comparable {
    case info, warning, error
    public static func < (a: Severity, b: Severity) -> Bool {
        let order: [Severity] = [.info, .warning, .error]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// One rule.
public struct Rule: Sendable {
    /// The code that checks a rule; its parameters are documented in policies/README.md.
    public enum Kind: String, Sendable, CaseIterable {
        case containerProbes, containerResources, imageTag, hpaBounds, hpaOwnsReplicas, pdbRequired, serviceSelects, rbac,
             securityContext, field
    }

    public var id: String
    public var kind: Kind
    public var severity: Severity
    /// The message template: `{object}`, `{container}` and rule-specific words are filled in.
    public var message: String
    /// What the rule asks for, in a sentence (SARIF's rule description, `shipshape check` docs).
    public var description: String = ""
    public var params: Value
    public var match: Match
    /// Where the rule is written (`policies/guardrails.yaml:12:5`).
    public var source: String
}

/// Which objects a rule looks at: kinds, namespaces (glob `*` allowed), a label selector, and
/// the environments (`shipshape.yaml` names: dev, prod) the rule holds in. A rule that names
/// environments is skipped when the check does not know its environment.
public struct Match: Sendable {
    public var kinds: [String]
    public var namespaces: [String]
    public var labels: [String: String]
    public var environments: [String]

    init(_ value: Value) {
        environments = (value["environments"]?.array ?? []).compactMap(\.string)
        kinds = (value["kinds"]?.array ?? []).compactMap(\.string)
        namespaces = (value["namespaces"]?.array ?? []).compactMap(\.string)
        var labels: [String: String] = [:]
        for (k, v) in value["labels"]?.object ?? [:] { labels[k] = v.string ?? "" }
        self.labels = labels
    }

    /// Whether the rule holds in `environment` (nil: not known).
    func applies(in environment: String?) -> Bool {
        environments.isEmpty || environment.map(environments.contains) == true
    }

    func matches(_ object: Value) -> Bool {
        if !kinds.isEmpty, !kinds.contains(object["kind"]?.string ?? "") { return false }
        let ns = object["metadata"]?["namespace"]?.string ?? ""
        if !namespaces.isEmpty, !namespaces.contains(where: { glob($0, ns) }) { return false }
        for (k, v) in labels where object["metadata"]?["labels"]?[k]?.string != v { return false }
        return true
    }

    /// Shell-style patterns (`*-prod`, `chatbot-*`).
    private func glob(_ pattern: String, _ text: String) -> Bool {
        fnmatch(pattern, text, 0) == 0
    }
}

/// A policy file that cannot be used, with the place and what is wrong.
public struct PolicyError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
