import Foundation

/// Semantic versions and version ranges as github.com/Masterminds/semver/v3 reads them, which
/// is what Helm uses for `version`, dependency `version` ranges and `kubeVersion`.
///
/// Covers the forms charts use: `1.2.3`, `v1.2`, `>=1.2.0 <2.0.0`, `>= 1.2, < 2`, `^1.2`,
/// `~1.2.3`, `1.2.x`, `*`, `1.0 - 2.0`, `a || b`, and prereleases (`>=1.20.0-0`). A version
/// with a prerelease matches only ranges that name a prerelease, as in Masterminds v3.
public struct Semver: Comparable, Sendable, CustomStringConvertible {
    public var major: UInt64
    public var minor: UInt64
    public var patch: UInt64
    public var prerelease: String
    public var metadata: String

    /// Parses a version as `semver.NewVersion` does (a leading `v`, and missing minor or patch,
    /// are allowed); nil if it is not one.
    public init?(_ text: String) {
        var rest = Substring(text)
        if rest.first == "v" { rest = rest.dropFirst() }
        var meta = ""
        if let plus = rest.firstIndex(of: "+") {
            meta = String(rest[rest.index(after: plus)...])
            rest = rest[..<plus]
            guard Semver.validIdentifiers(meta) else { return nil }
        }
        var pre = ""
        if let dash = rest.firstIndex(of: "-") {
            pre = String(rest[rest.index(after: dash)...])
            rest = rest[..<dash]
            guard Semver.validIdentifiers(pre) else { return nil }
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = UInt64(part) else { return nil }
            numbers.append(n)
        }
        while numbers.count < 3 { numbers.append(0) }
        (major, minor, patch, prerelease, metadata) = (numbers[0], numbers[1], numbers[2], pre, meta)
    }

    private static func validIdentifiers(_ s: String) -> Bool {
        !s.isEmpty && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { id in
            !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    public var description: String {
        var s = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { s += "-" + prerelease }
        if !metadata.isEmpty { s += "+" + metadata }
        return s
    }

    /// SemVer precedence; build metadata is ignored.
    public static func < (a: Semver, b: Semver) -> Bool { compare(a, b) < 0 }
    public static func == (a: Semver, b: Semver) -> Bool { compare(a, b) == 0 }

    static func compare(_ a: Semver, _ b: Semver) -> Int {
        for (x, y) in [(a.major, b.major), (a.minor, b.minor), (a.patch, b.patch)] where x != y {
            return x < y ? -1 : 1
        }
        if a.prerelease == b.prerelease { return 0 }
        if a.prerelease.isEmpty { return 1 }
        if b.prerelease.isEmpty { return -1 }
        let ap = a.prerelease.split(separator: "."), bp = b.prerelease.split(separator: ".")
        for (x, y) in zip(ap, bp) where x != y {
            switch (UInt64(x), UInt64(y)) {
            case let (xi?, yi?): return xi < yi ? -1 : 1
            case (.some, nil): return -1
            case (nil, .some): return 1
            default: return x < y ? -1 : 1
            }
        }
        return ap.count == bp.count ? 0 : (ap.count < bp.count ? -1 : 1)
    }
}

/// A version range (`semver.NewConstraint`): alternatives separated by `||`, each a list of
/// comparisons that must all hold.
public struct SemverRange: Sendable {
    struct Comparison: Sendable {
        var op: String
        var version: Semver
        /// How many of major.minor.patch were given as numbers (the rest were absent or x).
        var fixedParts: Int
    }

    var alternatives: [[Comparison]]

    /// Parses a range; nil if Masterminds would reject it.
    public init?(_ text: String) {
        var alternatives: [[Comparison]] = []
        for alternative in text.components(separatedBy: "||") {
            guard let comparisons = SemverRange.parseAlternative(alternative) else { return nil }
            alternatives.append(comparisons)
        }
        self.alternatives = alternatives
    }

    /// `chartutil.IsCompatibleRange`: false when either side does not parse.
    public static func isCompatible(range: String, version: String) -> Bool {
        guard let v = Semver(version), let r = SemverRange(range) else { return false }
        return r.contains(v)
    }

    public func contains(_ v: Semver) -> Bool {
        alternatives.contains { $0.allSatisfy { SemverRange.check($0, v) } }
    }

    private static let operators = ["!=", ">=", "=>", "<=", "=<", "~>", ">", "<", "=", "~", "^"]

    private static func parseAlternative(_ text: String) -> [Comparison]? {
        // Hyphen ranges `a - b` become `>= a, <= b`; operators may be followed by spaces.
        var tokens = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        var i = 0
        var merged: [String] = []
        while i < tokens.count {
            if i + 2 < tokens.count, tokens[i + 1] == "-" {
                merged.append(">=" + tokens[i])
                merged.append("<=" + tokens[i + 2])
                i += 3
                continue
            }
            if operators.contains(tokens[i]), i + 1 < tokens.count {
                tokens[i + 1] = tokens[i] + tokens[i + 1]
                i += 1
                continue
            }
            merged.append(tokens[i])
            i += 1
        }
        // An empty range is `*` (`>=0.0.0`), as Masterminds v3 reads "".
        guard !merged.isEmpty else { return [Comparison(op: "", version: Semver("0.0.0")!, fixedParts: 0)] }
        return merged.map(parseComparison).allSatisfy { $0 != nil } ? merged.compactMap(parseComparison) : nil
    }

    private static func parseComparison(_ token: String) -> Comparison? {
        let op = operators.first { token.hasPrefix($0) } ?? ""
        var rest = Substring(token.dropFirst(op.count))
        if rest.first == "v" { rest = rest.dropFirst() }
        var suffix = ""
        if let dash = rest.firstIndex(where: { $0 == "-" || $0 == "+" }) {
            suffix = String(rest[dash...])
            rest = rest[..<dash]
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [String] = []
        var fixed = 0
        for part in parts {
            if ["x", "X", "*"].contains(String(part)) { break }
            guard UInt64(part) != nil else { return nil }
            numbers.append(String(part))
            fixed += 1
        }
        while numbers.count < 3 { numbers.append("0") }
        guard let version = Semver(numbers.joined(separator: ".") + suffix) else { return nil }
        return Comparison(op: op, version: version, fixedParts: fixed)
    }

    /// The upper bound (exclusive) a partial version implies: `1.2` → `1.3.0`, `1` → `2.0.0`.
    private static func bump(_ v: Semver, fixedParts: Int) -> Semver? {
        var next = v
        next.prerelease = ""
        switch fixedParts {
        case 0: return nil
        case 1: (next.major, next.minor, next.patch) = (v.major + 1, 0, 0)
        case 2: (next.minor, next.patch) = (v.minor + 1, 0)
        default: next.patch = v.patch + 1
        }
        return next
    }

    private static func check(_ c: Comparison, _ v: Semver) -> Bool {
        // Prereleases match only comparisons that name one.
        if !v.prerelease.isEmpty, c.version.prerelease.isEmpty { return false }
        let con = c.version
        let cmp = Semver.compare(v, con)
        switch c.op {
        case "", "=":
            guard c.fixedParts < 3 else { return cmp == 0 }
            return cmp >= 0 && (bump(con, fixedParts: c.fixedParts).map { v < $0 } ?? true)
        case "!=":
            guard c.fixedParts < 3 else { return cmp != 0 }
            return !(cmp >= 0 && (bump(con, fixedParts: c.fixedParts).map { v < $0 } ?? true))
        case ">": return c.fixedParts < 3 ? (bump(con, fixedParts: c.fixedParts).map { v >= $0 } ?? false) : cmp > 0
        case ">=", "=>": return cmp >= 0
        case "<": return cmp < 0
        case "<=", "=<":
            guard c.fixedParts < 3 else { return cmp <= 0 }
            return bump(con, fixedParts: c.fixedParts).map { v < $0 } ?? true
        case "~", "~>":
            guard cmp >= 0 else { return false }
            if c.fixedParts == 0 { return true }
            return v < (bump(con, fixedParts: min(c.fixedParts, 2)) ?? v)
        default:  // "^"
            guard cmp >= 0 else { return false }
            if c.fixedParts == 0 { return true }
            if con.major > 0 || c.fixedParts == 1 { return v.major == con.major }
            if con.minor > 0 || c.fixedParts == 2 { return v.major == 0 && v.minor == con.minor }
            return v.major == 0 && v.minor == 0 && v.patch == con.patch
        }
    }
}
