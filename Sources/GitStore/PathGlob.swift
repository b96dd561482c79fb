/// A shell-style pattern over repository paths: `*`, `?`, `[a-z]`, `[!x]`, `\` escapes
/// within one path segment, and `**` as a whole segment for any number of directories.
///
/// Pure logic with no I/O, so `TreeSnapshot.glob` and tests share one definition of a match.
public struct PathGlob: Sendable, Equatable {
    public let pattern: String
    let segments: [String]

    public init(_ pattern: String) {
        self.pattern = pattern
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// True when the whole `path` (forward slashes, no leading slash) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
        let pats = segments.map { Array($0.unicodeScalars) }
        return Self.match(pats[...], parts[...])
    }

    private static func match(_ pats: ArraySlice<[Unicode.Scalar]>, _ parts: ArraySlice<[Unicode.Scalar]>) -> Bool {
        guard let first = pats.first else { return parts.isEmpty }
        if first == ["*", "*"] {
            let rest = pats.dropFirst()
            var remaining = parts
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let part = parts.first, matchSegment(first[...], part[...]) else { return false }
        return match(pats.dropFirst(), parts.dropFirst())
    }

    /// fnmatch for one segment: `*` any run, `?` one character, `[...]` a class, `\` escape.
    static func matchSegment(_ pat: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = pat.startIndex, t = text.startIndex
        var starP: Int? = nil, starT = 0
        while t < text.endIndex {
            if p < pat.endIndex {
                let c = pat[p]
                if c == "*" {
                    starP = p; starT = t; p += 1; continue
                }
                if c == "?" { p += 1; t += 1; continue }
                if c == "[", let (matched, next) = matchClass(pat, p, text[t]) {
                    if matched { p = next; t += 1; continue }
                } else if c == "\\", p + 1 < pat.endIndex {
                    if pat[p + 1] == text[t] { p += 2; t += 1; continue }
                } else if c == text[t] {
                    p += 1; t += 1; continue
                }
            }
            guard let sp = starP else { return false }
            p = sp + 1; starT += 1; t = starT
        }
        while p < pat.endIndex, pat[p] == "*" { p += 1 }
        return p == pat.endIndex
    }

    /// Matches a `[...]` class at `start`; nil if the bracket is not a well-formed class.
    private static func matchClass(_ pat: ArraySlice<Unicode.Scalar>, _ start: Int, _ ch: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pat.endIndex, pat[i] == "!" || pat[i] == "^" { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < pat.endIndex {
            let c = pat[i]
            if c == "]" && !first { return (matched != negate, i + 1) }
            first = false
            if i + 2 < pat.endIndex, pat[i + 1] == "-", pat[i + 2] != "]" {
                if c <= ch && ch <= pat[i + 2] { matched = true }
                i += 3
            } else {
                if c == ch { matched = true }
                i += 1
            }
        }
        return nil
    }
}
