/// How to write a new scalar so that it reads back as exactly the intended value, keeping the
/// quote style the engineer chose when that style can hold the new text.
enum ScalarSpelling {
    /// Where the scalar sits: flow collections forbid more characters in plain scalars.
    enum Context { case block, flow }

    /// The source text for `value`; `existing` is the style of the scalar being replaced, if any.
    static func spell(_ value: EditValue, existing: ScalarStyle?, context: Context) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let text): return text
        case .quantity(let text):
            // A quantity that YAML reads as a number (`2`, `0.5`) stays a bare number where the
            // engineer wrote one; anything else is a string.
            if existing == nil || existing == .plain, !ScalarResolver.isPlainString(text),
                case .int = ScalarResolver.resolve(text)
            {
                return text
            }
            if existing == nil || existing == .plain, case .float = ScalarResolver.resolve(text) { return text }
            return string(text, existing: existing, context: context)
        case .string(let s):
            return string(s, existing: existing, context: context)
        case .flowMappings(let items):
            // Strings with blanks (a cron line) are double-quoted for the reader, as the docs
            // write them; everything inside is spelled for a flow context.
            let maps = items.map { entries in
                "{" + entries.map { e -> String in
                    let key = string(e.key, existing: nil, context: .flow)
                    if case .string(let s) = e.value, s.contains(" ") { return key + ": " + doubleQuoted(s) }
                    return key + ": " + spell(e.value, existing: nil, context: .flow)
                }.joined(separator: ", ") + "}"
            }
            return "[" + maps.joined(separator: ", ") + "]"
        }
    }

    static func string(_ s: String, existing: ScalarStyle?, context: Context) -> String {
        let analysis = ScalarAnalysis(s)
        let readsAsString = ScalarResolver.isPlainString(s) && !YAMLEmitter.looksLikeBase60(s)
        let plainAllowed = context == .block ? analysis.blockPlainAllowed : analysis.flowPlainAllowed
        switch existing {
        case .singleQuoted where analysis.singleQuotedAllowed && !analysis.isMultiline:
            return "'" + s.replacingAll("'", with: "''") + "'"
        case .doubleQuoted, .singleQuoted:
            return doubleQuoted(s)
        case .plain, .literal, .folded, nil:
            if readsAsString && plainAllowed && !s.isEmpty { return s }
            return doubleQuoted(s)
        }
    }

    /// A double-quoted scalar with YAML escapes for quotes, backslashes and control characters.
    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028
                    || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self {
            if c == target { out += replacement } else { out.append(c) }
        }
        return out
    }
}
