import YAML

/// A `fieldSelector` such as `metadata.name=web,status.phase!=Running`: each term compares
/// the string form of the field at a dotted path.
struct FieldSelector: Sendable {
    struct Term: Sendable {
        var path: [String]
        var value: String
        var negated: Bool
    }
    var terms: [Term]

    init(parsing text: String) throws {
        terms = []
        for raw in text.split(separator: ",") where !raw.isEmpty {
            let part = String(raw)
            let (op, negated): (String, Bool) = part.contains("!=") ? ("!=", true) : (part.contains("==") ? ("==", false) : ("=", false))
            guard let range = part.range(of: op) else {
                throw APIError.badRequest("invalid field selector: '\(part)': operator must be one of =, ==, !=")
            }
            let field = String(part[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            let value = String(part[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            terms.append(Term(path: field.split(separator: ".").map(String.init), value: value, negated: negated))
        }
    }

    func matches(_ object: Value) -> Bool {
        terms.allSatisfy { term in
            let actual: String
            switch object[path: term.path] {
            case .string(let s)?: actual = s
            case .int(let i)?: actual = String(i)
            case .bool(let b)?: actual = b ? "true" : "false"
            default: actual = ""
            }
            return (actual == term.value) != term.negated
        }
    }
}
