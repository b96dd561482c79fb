/// The style go-yaml v2's encoder asks libyaml for (`encoder.stringv`), before libyaml's own
/// analysis may overrule it: literal for text with a newline, plain when plain text reads back as
/// the same string, double-quoted otherwise.
enum RequestedStyle {
    static func forString(_ analysis: ScalarAnalysis) -> ScalarStyle {
        analysis.containsLineFeed ? .literal : analysis.readsBackAsString ? .plain : .doubleQuoted
    }

    /// go-yaml's `canUsePlain`: the text resolves to a string and is no base-60 lookalike.
    static func readsBackAsString(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = s.first else { return false }  // "" resolves to null
        // Only these first bytes can resolve to anything but a string (go-yaml's resolve table).
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"),
            UInt8(ascii: "~"):
            // These resolve only by table lookup, and the longest spelling is "false".
            guard s.count <= 5 else { return true }
            return ScalarResolver.isPlainString(String(decoding: s, as: UTF8.self))
        case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let text = String(decoding: s, as: UTF8.self)
            guard case .string = ScalarResolver.resolve(utf8: s, text: text) else { return false }
            return !isBase60Float(s)
        default:
            return true
        }
    }

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`: YAML 1.1 base-60 numbers (`1:20`),
    /// which go-yaml reads as strings but quotes on the way out for older readers.
    static func isBase60Float(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        var i = 0
        let n = s.count
        if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, isDigit(s[i]) else { return false }
        i += 1
        while i < n, isDigit(s[i]) || s[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        while i < n, s[i] == UInt8(ascii: ":") {
            i += 1
            // [0-5]?[0-9]: taking two digits when the first is 0-5 never loses a match, because
            // only ':' , '.' or the end may follow a group.
            guard i < n, isDigit(s[i]) else { return false }
            i += (i + 1 < n && isDigit(s[i + 1]) && s[i] <= UInt8(ascii: "5")) ? 2 : 1
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < n, s[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, isDigit(s[i]) || s[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == n
    }
}

extension YAMLEmitter {
    /// Whether go-yaml would quote `s` as a YAML 1.1 base-60 number (`1:20`) although it reads
    /// it back as a string itself.
    public static func looksLikeBase60(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { RequestedStyle.isBase60Float($0) }
    }
}
