/// Go's `path/filepath.Match` on `/`-separated names: `*` and `?` never cross a `/`, classes are
/// `[abc]`, `[a-z]` and `[^a-z]`, and `\` escapes. Used by .helmignore and `--show-only`.
enum GoPathMatch {
    /// Whether `name` matches all of `pattern`; nil when the pattern is malformed
    /// (Go's `ErrBadPattern`: "syntax error in pattern").
    static func match(_ pattern: String, _ name: String) -> Bool? {
        let p = Array(pattern.unicodeScalars), n = Array(name.unicodeScalars)
        guard isWellFormed(p) else { return nil }
        return matchHere(p[...], n[...])
    }

    private static func matchHere(_ p: ArraySlice<Unicode.Scalar>, _ n: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = p, n = n
        while let c = p.first {
            switch c {
            case "*":
                let rest = p.dropFirst()
                // Try every split that keeps `*` inside one path element.
                var candidate = n
                while true {
                    if matchHere(rest, candidate) { return true }
                    guard let first = candidate.first, first != "/" else { return false }
                    candidate = candidate.dropFirst()
                }
            case "?":
                guard let first = n.first, first != "/" else { return false }
                p = p.dropFirst()
                n = n.dropFirst()
            case "[":
                guard let first = n.first, first != "/" else { return false }
                guard let (matched, rest) = matchClass(p.dropFirst(), first), matched else { return false }
                p = rest
                n = n.dropFirst()
            default:
                var literal = c
                if c == "\\" {
                    p = p.dropFirst()
                    guard let escaped = p.first else { return false }
                    literal = escaped
                }
                guard n.first == literal else { return false }
                p = p.dropFirst()
                n = n.dropFirst()
            }
        }
        return n.isEmpty
    }

    /// Matches `scalar` against a class starting after `[`; returns the pattern after `]`.
    private static func matchClass(_ p: ArraySlice<Unicode.Scalar>, _ scalar: Unicode.Scalar)
        -> (Bool, ArraySlice<Unicode.Scalar>)?
    {
        var p = p
        var negated = false
        if p.first == "^" {
            negated = true
            p = p.dropFirst()
        }
        var matched = false
        var first = true
        while let c = p.first {
            if c == "]", !first { return (matched != negated, p.dropFirst()) }
            first = false
            guard let (lo, afterLo) = classChar(p) else { return nil }
            p = afterLo
            var hi = lo
            if p.first == "-", let next = p.dropFirst().first, next != "]" {
                guard let (h, afterHi) = classChar(p.dropFirst()) else { return nil }
                hi = h
                p = afterHi
            }
            if lo <= scalar && scalar <= hi { matched = true }
        }
        return nil
    }

    private static func classChar(_ p: ArraySlice<Unicode.Scalar>) -> (Unicode.Scalar, ArraySlice<Unicode.Scalar>)? {
        guard let c = p.first else { return nil }
        if c == "\\" {
            guard let escaped = p.dropFirst().first else { return nil }
            return (escaped, p.dropFirst(2))
        }
        if c == "-" || c == "]" { return nil }
        return (c, p.dropFirst())
    }

    private static func isWellFormed(_ p: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < p.count {
            switch p[i] {
            case "\\":
                guard i + 1 < p.count else { return false }
                i += 2
            case "[":
                var rest = p[(i + 1)...]
                if rest.first == "^" { rest = rest.dropFirst() }
                var first = true
                var closed = false
                while let c = rest.first {
                    if c == "]", !first {
                        closed = true
                        rest = rest.dropFirst()
                        break
                    }
                    first = false
                    guard let (_, after) = classChar(rest) else { return false }
                    rest = after
                    if rest.first == "-", let next = rest.dropFirst().first, next != "]" {
                        guard let (_, afterHi) = classChar(rest.dropFirst()) else { return false }
                        rest = afterHi
                    }
                }
                guard closed else { return false }
                i = rest.startIndex
            default:
                i += 1
            }
        }
        return true
    }
}
