/// Which YAML styles can hold a string exactly, by libyaml's rules (`yaml_emitter_analyze_scalar`
/// as go-yaml v2 ports it).
///
/// The emitter picks a style from this; the byte-exact editor uses it to decide how to spell a
/// new value so that it reads back as the same string.
public struct ScalarAnalysis: Sendable, Equatable {
    /// The text contains a line break (LF, CR, NEL, LS or PS).
    public var isMultiline = false
    /// Plain style is safe inside `[...]` / `{...}`.
    public var flowPlainAllowed = true
    /// Plain style is safe in block context (`key: value`, `- value`).
    public var blockPlainAllowed = true
    /// Single quotes can hold it (no character that needs an escape, no space next to a break).
    public var singleQuotedAllowed = true
    /// A literal or folded block scalar can hold it.
    public var blockAllowed = true

    /// Analyses the UTF-8 text of a scalar.
    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { ScalarAnalysis(utf8: $0) }
    }

    init(utf8 value: UnsafeBufferPointer<UInt8>) {
        if value.isEmpty {
            flowPlainAllowed = false
            blockAllowed = false
            return
        }
        var blockIndicators = false
        var flowIndicators = false
        var lineBreaks = false
        var specialCharacters = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var previousSpace = false, previousBreak = false

        if value.count >= 3,
            (value[0] == UInt8(ascii: "-") && value[1] == UInt8(ascii: "-") && value[2] == UInt8(ascii: "-"))
                || (value[0] == UInt8(ascii: ".") && value[1] == UInt8(ascii: ".") && value[2] == UInt8(ascii: "."))
        {
            blockIndicators = true
            flowIndicators = true
        }

        var precededByWhitespace = true
        var i = 0
        while i < value.count {
            let c = value[i]
            let w = YAMLChars.width(c)
            let followedByWhitespace = i + w >= value.count || YAMLChars.isBlank(value, i + w)
            if i == 0 {
                switch c {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                    UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                    UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                    UInt8(ascii: "`"):
                    flowIndicators = true
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "-"):
                    if followedByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default:
                    break
                }
            } else {
                switch c {
                case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                    UInt8(ascii: "}"):
                    flowIndicators = true
                case UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default:
                    break
                }
            }

            if !YAMLChars.isPrintable(value, i) { specialCharacters = true }
            if c == UInt8(ascii: " ") {
                if i == 0 { leadingSpace = true }
                if i + w == value.count { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if YAMLChars.isBreak(value, i) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if i + w == value.count { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = YAMLChars.isBlankOrBreak(value, i)
            i += w
        }

        isMultiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
            blockAllowed = false
        }
        if lineBreaks {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if flowIndicators { flowPlainAllowed = false }
        if blockIndicators { blockPlainAllowed = false }
    }
}

/// libyaml's character classes over UTF-8 bytes.
enum YAMLChars {
    @inline(__always)
    static func width(_ c: UInt8) -> Int {
        c & 0x80 == 0 ? 1 : c & 0xE0 == 0xC0 ? 2 : c & 0xF0 == 0xE0 ? 3 : c & 0xF8 == 0xF0 ? 4 : 1
    }

    @inline(__always)
    static func byte(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }

    static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = byte(b, i)
        return c == UInt8(ascii: " ") || c == UInt8(ascii: "\t")
    }

    static func isBreak(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = byte(b, i)
        if c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n") { return true }
        if c == 0xC2 { return byte(b, i + 1) == 0x85 }
        if c == 0xE2 { return byte(b, i + 1) == 0x80 && (byte(b, i + 2) == 0xA8 || byte(b, i + 2) == 0xA9) }
        return false
    }

    static func isBlankOrBreak(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        isBlank(b, i) || isBreak(b, i) || byte(b, i) == 0
    }

    static func isBOM(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        byte(b, i) == 0xEF && byte(b, i + 1) == 0xBB && byte(b, i + 2) == 0xBF
    }

    /// go-yaml's `is_printable`: LF, printable ASCII, and the printable ranges of the BMP; tabs,
    /// CR, other controls, NEL, the BOM and characters beyond U+FFFF are not.
    static func isPrintable(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = byte(b, i)
        if c == 0x0A || (c >= 0x20 && c <= 0x7E) { return true }
        if c == 0xC2 { return byte(b, i + 1) >= 0xA0 }
        if c > 0xC2 && c < 0xED { return true }
        if c == 0xED { return byte(b, i + 1) < 0xA0 }
        if c == 0xEE { return true }
        if c == 0xEF {
            let c1 = byte(b, i + 1), c2 = byte(b, i + 2)
            return !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF))
        }
        return false
    }
}
