import YAML

/// A Kubernetes label selector: the `-l` string form (`app=web,tier!=db,env in (dev,prod),!legacy`)
/// and the object form (`matchLabels` / `matchExpressions`), with the apiserver's matching rules.
public struct LabelSelector: Hashable, Sendable, CustomStringConvertible {
    /// One requirement on one label key.
    public struct Requirement: Hashable, Sendable {
        public enum Operator: String, Sendable {
            case equals = "=", notEquals = "!=", `in` = "in", notIn = "notin", exists = "exists",
                doesNotExist = "!"
        }

        public var key: String
        public var op: Operator
        public var values: [String]

        public init(key: String, op: Operator, values: [String] = []) {
            self.key = key
            self.op = op
            self.values = values
        }

        /// Whether a label set satisfies this requirement (`!=` and `notin` match a missing key).
        public func matches(_ labels: [String: String]) -> Bool {
            let value = labels[key]
            switch op {
            case .equals, .in: return value.map(values.contains) ?? false
            case .notEquals, .notIn: return value.map { !values.contains($0) } ?? true
            case .exists: return value != nil
            case .doesNotExist: return value == nil
            }
        }

        var text: String {
            switch op {
            case .equals: "\(key)=\(values.first ?? "")"
            case .notEquals: "\(key)!=\(values.first ?? "")"
            case .in: "\(key) in (\(values.joined(separator: ",")))"
            case .notIn: "\(key) notin (\(values.joined(separator: ",")))"
            case .exists: key
            case .doesNotExist: "!\(key)"
            }
        }
    }

    /// All requirements must hold; an empty selector matches everything.
    public var requirements: [Requirement]

    public init(requirements: [Requirement] = []) {
        self.requirements = requirements
    }

    /// A selector from equality requirements, e.g. a Deployment's `matchLabels`.
    public init(matchLabels: [String: String]) {
        requirements = matchLabels.keys.sorted().map { Requirement(key: $0, op: .equals, values: [matchLabels[$0]!]) }
    }

    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels) }
    }

    public var isEmpty: Bool { requirements.isEmpty }

    public var description: String { requirements.map(\.text).joined(separator: ",") }
}

/// Why a selector could not be read.
public struct LabelSelectorError: Error, Sendable, CustomStringConvertible, Equatable {
    public var selector: String
    public var message: String

    public var description: String { "unable to parse requirement: \(message) in selector \"\(selector)\"" }
}

extension LabelSelector {
    /// Parses the string form kubectl's `-l` and the API's `labelSelector` take.
    public init(parsing text: String) throws {
        var parser = SelectorParser(text: text)
        requirements = try parser.parse()
    }

    /// Reads the object form: `{matchLabels: {...}, matchExpressions: [{key, operator, values}]}`.
    public init(object: Value) throws {
        var requirements: [Requirement] = []
        if let labels = object["matchLabels"]?.object {
            for key in labels.keys.sorted() {
                requirements.append(Requirement(key: key, op: .equals, values: [labels[key]?.string ?? ""]))
            }
        }
        for expression in object["matchExpressions"]?.array ?? [] {
            guard let key = expression["key"]?.string, let op = expression["operator"]?.string else {
                throw LabelSelectorError(selector: "matchExpressions", message: "each expression needs key and operator")
            }
            let values = (expression["values"]?.array ?? []).compactMap(\.string)
            switch op {
            case "In": requirements.append(Requirement(key: key, op: .in, values: values))
            case "NotIn": requirements.append(Requirement(key: key, op: .notIn, values: values))
            case "Exists": requirements.append(Requirement(key: key, op: .exists))
            case "DoesNotExist": requirements.append(Requirement(key: key, op: .doesNotExist))
            default:
                throw LabelSelectorError(selector: "matchExpressions", message: "\"\(op)\" is not a valid label selector operator")
            }
        }
        self.requirements = requirements
    }
}

/// A hand-written parser for the selector grammar of k8s.io/apimachinery/pkg/labels.
private struct SelectorParser {
    let text: String
    let chars: [Character]
    var index = 0

    init(text: String) {
        self.text = text
        chars = Array(text)
    }

    mutating func parse() throws -> [LabelSelector.Requirement] {
        var out: [LabelSelector.Requirement] = []
        skipSpaces()
        if index == chars.count { return out }
        while true {
            out.append(try requirement())
            skipSpaces()
            if index == chars.count { return out }
            guard chars[index] == "," else { throw fail("expected ','") }
            index += 1
        }
    }

    mutating func requirement() throws -> LabelSelector.Requirement {
        skipSpaces()
        if peek("!") {
            index += 1
            return LabelSelector.Requirement(key: try key(), op: .doesNotExist)
        }
        let k = try key()
        skipSpaces()
        if index == chars.count || chars[index] == "," {
            return LabelSelector.Requirement(key: k, op: .exists)
        }
        if peek("!=") { index += 2; return LabelSelector.Requirement(key: k, op: .notEquals, values: [try value()]) }
        if peek("==") { index += 2; return LabelSelector.Requirement(key: k, op: .equals, values: [try value()]) }
        if peek("=") { index += 1; return LabelSelector.Requirement(key: k, op: .equals, values: [try value()]) }
        if peekWord("notin") { index += 5; return LabelSelector.Requirement(key: k, op: .notIn, values: try set()) }
        if peekWord("in") { index += 2; return LabelSelector.Requirement(key: k, op: .in, values: try set()) }
        throw fail("found '\(chars[index])', expected: '=', '!=', '==', 'in', notin'")
    }

    mutating func key() throws -> String {
        skipSpaces()
        let start = index
        while index < chars.count, isNameCharacter(chars[index]) { index += 1 }
        guard index > start else { throw fail("expected a label key") }
        return String(chars[start..<index])
    }

    mutating func value() throws -> String {
        skipSpaces()
        let start = index
        while index < chars.count, isNameCharacter(chars[index]) { index += 1 }
        return String(chars[start..<index])
    }

    mutating func set() throws -> [String] {
        skipSpaces()
        guard peek("(") else { throw fail("expected '('") }
        index += 1
        var values: [String] = []
        while true {
            values.append(try value())
            skipSpaces()
            if peek(")") { index += 1; return values }
            guard peek(",") else { throw fail("expected ',' or ')'") }
            index += 1
        }
    }

    func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." || c == "/"
    }

    func peek(_ s: String) -> Bool {
        var i = index
        for c in s {
            guard i < chars.count, chars[i] == c else { return false }
            i += 1
        }
        return true
    }

    func peekWord(_ word: String) -> Bool {
        guard peek(word) else { return false }
        let after = index + word.count
        return after == chars.count || !isNameCharacter(chars[after])
    }

    mutating func skipSpaces() {
        while index < chars.count, chars[index] == " " { index += 1 }
    }

    func fail(_ message: String) -> LabelSelectorError {
        LabelSelectorError(selector: text, message: message)
    }
}
