import Foundation

/// Go `regexp` (RE2 syntax) over Foundation's engine, for Sprig's regex functions. The common
/// syntax is shared; Go's `$1`/`${1}`/`${name}` replacement templates are translated.
struct GoRegex {
    let regex: NSRegularExpression

    init(_ pattern: String) throws {
        do {
            regex = try NSRegularExpression(pattern: pattern.replacingOccurrences(of: "(?P<", with: "(?<"))
        } catch {
            throw FunctionError("error parsing regexp: invalid pattern: `\(pattern)`")
        }
    }

    private func range(_ s: String) -> NSRange { NSRange(s.startIndex..., in: s) }

    func matches(_ s: String) -> Bool { regex.firstMatch(in: s, range: range(s)) != nil }

    func find(_ s: String) -> String {
        guard let m = regex.firstMatch(in: s, range: range(s)), let r = Range(m.range, in: s) else { return "" }
        return String(s[r])
    }

    func findAll(_ s: String, limit: Int) -> [String] {
        var out: [String] = []
        for m in regex.matches(in: s, range: range(s)) {
            if limit >= 0 && out.count >= limit { break }
            if let r = Range(m.range, in: s) { out.append(String(s[r])) }
        }
        return out
    }

    func replaceAll(_ s: String, with replacement: String, literal: Bool) -> String {
        let template = literal ? NSRegularExpression.escapedTemplate(for: replacement) : Self.goTemplate(replacement)
        return regex.stringByReplacingMatches(in: s, range: range(s), withTemplate: template)
    }

    func split(_ s: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        var out: [String] = []
        var last = s.startIndex
        for m in regex.matches(in: s, range: range(s)) {
            if limit > 0 && out.count == limit - 1 { break }
            guard let r = Range(m.range, in: s) else { continue }
            out.append(String(s[last..<r.lowerBound]))
            last = r.upperBound
        }
        out.append(String(s[last...]))
        return out
    }

    /// Go's `$1`, `${1}`, `${name}` and `$$` in ICU's template syntax.
    static func goTemplate(_ t: String) -> String {
        var out = ""
        var chars = Array(t)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "\\" { out += "\\\\"; continue }
            guard c == "$" else { out.append(c); continue }
            if chars.first == "$" { out += "\\$"; chars = chars.dropFirst(); continue }
            if chars.first == "{", let close = chars.firstIndex(of: "}") {
                let name = String(chars[chars.index(after: chars.startIndex)..<close])
                out += name.allSatisfy(\.isNumber) ? "$" + name : "${" + name + "}"
                chars = chars[chars.index(after: close)...]
                continue
            }
            let digits = chars.prefix { $0.isNumber }
            if !digits.isEmpty {
                out += "$" + String(digits)
                chars = chars.dropFirst(digits.count)
            } else {
                out += "\\$"
            }
        }
        return out
    }
}
