/// Go's `%q` formatting (strconv.Quote and strconv.QuoteRune), for error messages that must
/// read exactly as Helm prints them.
enum GoQuote {
    /// `%q` of a string: double quotes, with `"`, `\` and non-printable characters escaped.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars { out += escape(scalar, quote: "\"") }
        return out + "\""
    }

    /// `%q` of a `[]rune`, which Go prints element by element: `['a' 'b']`.
    static func runes(_ runes: [Unicode.Scalar]) -> String {
        "[" + runes.map { "'" + escape($0, quote: "'") + "'" }.joined(separator: " ") + "]"
    }

    private static func escape(_ scalar: Unicode.Scalar, quote: Unicode.Scalar) -> String {
        switch scalar {
        case quote: return "\\" + String(quote)
        case "\\": return "\\\\"
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{0B}": return "\\v"
        default: break
        }
        if scalar.value < 0x20 || scalar.value == 0x7F { return "\\x" + hex(scalar.value, width: 2) }
        if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
            || scalar.properties.generalCategory == .unassigned
        {
            return scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, width: 8) : "\\u" + hex(scalar.value, width: 4)
        }
        return String(scalar)
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Go's `strconv.Atoi`, with its error text (`strconv.Atoi: parsing "x": invalid syntax`).
enum GoAtoi {
    static func parse(_ text: String) throws -> Int {
        if let value = Int(text) { return value }
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        let reason = !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? "value out of range" : "invalid syntax"
        throw StrvalsParser.Failure(message: "strconv.Atoi: parsing \(GoQuote.string(text)): \(reason)")
    }
}
