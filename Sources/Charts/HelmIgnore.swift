import Templates
/// `.helmignore` rules, as helm/helm pkg/ignore/rules.go applies them when loading a chart
/// directory: one `filepath.Match` pattern a line, `#` comments, `!` negation, a trailing `/`
/// for directories only, a leading `/` for the chart root, no `**`. Patterns without a `/`
/// match the base name only. `templates/.?*` (dotfiles in templates/) is always added.
public struct HelmIgnore: Sendable {
    struct Pattern: Sendable {
        var raw: String
        var rule: String
        var negate: Bool
        var mustDir: Bool
        var anchored: Bool
        var structural: Bool
    }

    var patterns: [Pattern] = []

    /// No rules at all.
    public static let empty = HelmIgnore()

    /// Parses a .helmignore file; errors are Helm's ("double-star (**) syntax is not supported").
    public init(parsing text: String, file: String = ".helmignore") throws {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(line)
            if line.last == "\r" { line = line.dropLast() }
            try add(String(line), file: file)
        }
    }

    init() {}

    /// `AddDefaults`: ignore dotfiles in templates/.
    public mutating func addDefaults() {
        try? add("templates/.?*", file: ".helmignore")
    }

    private mutating func add(_ line: String, file: String) throws {
        var rule = line.goTrimSpace
        if rule.isEmpty || rule.hasPrefix("#") { return }
        if rule.contains("**") { throw ChartError(.load, "double-star (**) syntax is not supported", file: file) }
        guard GoPathMatch.match(rule, "abc") != nil else {
            throw ChartError(.load, "syntax error in pattern", file: file, hint: "check the brackets in \(GoQuote.quote(rule))")
        }
        let raw = rule
        var negate = false, mustDir = false
        if rule.hasPrefix("!") {
            negate = true
            rule.removeFirst()
        }
        if rule.hasSuffix("/") {
            mustDir = true
            rule.removeLast()
        }
        let anchored = rule.hasPrefix("/")
        if anchored { rule.removeFirst() }
        patterns.append(Pattern(raw: raw, rule: rule, negate: negate, mustDir: mustDir, anchored: anchored,
                                structural: rule.contains("/")))
    }

    /// Whether the chart-relative `path` (a file, or a directory when `isDirectory`) is ignored.
    /// Rules are tried in order; the first match decides, and a negated rule that does not match
    /// ignores the path (Helm's inverted reading of `!`).
    public func ignores(_ path: String, isDirectory: Bool) -> Bool {
        if path.isEmpty || path == "." || path == "./" { return false }
        for p in patterns {
            let matches: Bool
            if p.anchored || p.structural {
                matches = GoPathMatch.match(p.rule, path) ?? false
            } else {
                matches = GoPathMatch.match(p.rule, ChartMetadata.goBase(path)) ?? false
            }
            if p.negate {
                if p.mustDir && !isDirectory { return true }
                if !matches { return true }
                continue
            }
            if p.mustDir && !isDirectory { continue }
            if matches { return true }
        }
        return false
    }
}

extension String {
    /// Go's `strings.TrimSpace`: Unicode white space off both ends.
    var goTrimSpace: String {
        var s = Substring(self)
        while let f = s.unicodeScalars.first, f.properties.isWhitespace { s = s.dropFirst() }
        while let l = s.unicodeScalars.last, l.properties.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
