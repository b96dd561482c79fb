/// Masterminds/semver v3 versions and constraints, for `semverCompare`: `>=1.20-0`, `^1.2`,
/// `~1.2.3`, `1.2.x`, `>1, <3`, `1.x || 2.x`.
struct SemanticVersion: Comparable {
    var major: Int, minor: Int, patch: Int
    var prerelease: [String]

    init?(_ text: String) {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if t.hasPrefix("v") { t = t.dropFirst() }
        if let plus = t.firstIndex(of: "+") { t = t[..<plus] }
        var pre: [String] = []
        if let dash = t.firstIndex(of: "-") {
            pre = t[t.index(after: dash)...].split(separator: ".").map(String.init)
            t = t[..<dash]
        }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), let a = Int(parts[0]) else { return nil }
        let b = parts.count > 1 ? Int(parts[1]) : 0, c = parts.count > 2 ? Int(parts[2]) : 0
        guard let b, let c else { return nil }
        major = a; minor = b; patch = c; prerelease = pre
    }

    init(_ major: Int, _ minor: Int, _ patch: Int, prerelease: [String] = []) {
        self.major = major; self.minor = minor; self.patch = patch; self.prerelease = prerelease
    }

    static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        if (a.major, a.minor, a.patch) != (b.major, b.minor, b.patch) { return (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch) }
        if a.prerelease.isEmpty != b.prerelease.isEmpty { return !a.prerelease.isEmpty }
        for (x, y) in zip(a.prerelease, b.prerelease) where x != y {
            if let i = Int(x), let j = Int(y) { return i < j }
            if Int(x) != nil { return true }
            if Int(y) != nil { return false }
            return x < y
        }
        return a.prerelease.count < b.prerelease.count
    }
}

struct VersionConstraint {
    /// OR of ANDs of (operator, version, wildcard depth).
    private var groups: [[(op: String, version: SemanticVersion, wildcard: Int, allowsPrerelease: Bool)]] = []

    init?(_ text: String) {
        for group in text.components(separatedBy: "||") {
            var terms: [(String, SemanticVersion, Int, Bool)] = []
            let normalized = group.replacingOccurrences(of: ",", with: " ")
            var tokens = normalized.split(separator: " ").map(String.init)[...]
            while let token = tokens.first {
                tokens = tokens.dropFirst()
                var op = String(token.prefix { "<>=!~^".contains($0) })
                var rest = String(token.dropFirst(op.count))
                if rest.isEmpty, let next = tokens.first { rest = next; tokens = tokens.dropFirst() }
                if op.isEmpty { op = "=" }
                var wildcard = 3
                let raw = rest.hasPrefix("v") ? String(rest.dropFirst()) : rest
                let core = raw.split(separator: "-").first.map(String.init) ?? raw
                let parts = core.split(separator: ".")
                if let i = parts.firstIndex(where: { $0 == "x" || $0 == "X" || $0 == "*" }) { wildcard = i }
                else if parts.count < 3 { wildcard = parts.count }
                let cleaned = parts.prefix(wildcard).joined(separator: ".") + (raw.contains("-") ? "-" + raw.split(separator: "-", maxSplits: 1)[1] : "")
                guard let v = wildcard == 0 ? SemanticVersion(0, 0, 0) : SemanticVersion(cleaned) else { return nil }
                terms.append((op, v, wildcard, raw.contains("-")))
            }
            groups.append(terms.map { (op: $0.0, version: $0.1, wildcard: $0.2, allowsPrerelease: $0.3) })
        }
    }

    func allows(_ v: SemanticVersion) -> Bool {
        groups.contains { group in
            group.allSatisfy { term in
                if !v.prerelease.isEmpty && !term.allowsPrerelease { return false }
                return check(term.op, term.version, term.wildcard, v)
            }
        }
    }

    private func next(_ c: SemanticVersion, _ wildcard: Int) -> SemanticVersion {
        switch wildcard {
        case 0: return SemanticVersion(Int.max, 0, 0)
        case 1: return SemanticVersion(c.major + 1, 0, 0)
        case 2: return SemanticVersion(c.major, c.minor + 1, 0)
        default: return SemanticVersion(c.major, c.minor, c.patch + 1)
        }
    }

    private func check(_ op: String, _ c: SemanticVersion, _ wildcard: Int, _ v: SemanticVersion) -> Bool {
        let base = SemanticVersion(c.major, c.minor, c.patch, prerelease: c.prerelease)
        let plain = SemanticVersion(v.major, v.minor, v.patch)
        switch op {
        case "=", "==":
            if wildcard < 3 { return plain >= SemanticVersion(c.major, c.minor, c.patch) && plain < next(c, wildcard) }
            return v == base
        case "!=": return !(v == base)
        case ">": return wildcard < 3 ? plain >= next(c, wildcard) : v > base
        case ">=": return v >= base
        case "<": return v < base
        case "<=": return wildcard < 3 ? plain < next(c, wildcard) : v <= base
        case "~", "~>":
            return v >= base && plain < (wildcard <= 1 ? SemanticVersion(c.major + 1, 0, 0) : SemanticVersion(c.major, c.minor + 1, 0))
        case "^":
            let upper = c.major > 0 || wildcard <= 1 ? SemanticVersion(c.major + 1, 0, 0)
                : c.minor > 0 || wildcard == 2 ? SemanticVersion(0, c.minor + 1, 0) : SemanticVersion(0, 0, c.patch + 1)
            return v >= base && plain < upper
        default: return false
        }
    }
}

import Foundation
