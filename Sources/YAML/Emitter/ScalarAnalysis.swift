/// Which YAML styles can hold a string exactly, by libyaml's rules (`yaml_emitter_analyze_scalar`
/// as go-yaml v2 ports it), and which style sigs.k8s.io/yaml picks for it.
///
/// The emitter chooses a style from this; the byte-exact editor uses it to decide how to spell a
/// new value so that it reads back as the same string and looks the way kubectl would print it.
public struct ScalarAnalysis: Sendable, Equatable {
    /// The text contains a line break (LF, CR, NEL, LS or PS).
    public private(set) var isMultiline = false
    /// Plain style is safe inside `[...]` / `{...}`.
    public private(set) var flowPlainAllowed = true
    /// Plain style is safe in block context (`key: value`, `- value`).
    public private(set) var blockPlainAllowed = true
    /// Single quotes can hold it (no character that needs an escape, no space next to a break).
    public private(set) var singleQuotedAllowed = true
    /// A literal or folded block scalar can hold it.
    public private(set) var blockAllowed = true
    /// Written plain, the text reads back as this same string: it does not resolve to a bool,
    /// number, null or timestamp (`"true"`, `"1"`, `"~"`, `"2001-12-14"`), and it is not a YAML 1.1
    /// base-60 number (`"1:20"`), which go-yaml quotes for older readers. go-yaml's `canUsePlain`.
    public private(set) var readsBackAsString = true

    // Facts for the writers' fast paths.
    /// Characters (not bytes): libyaml's columns.
    var characterCount = 0
    var containsSpace = false
    var containsLineFeed = false
    /// U+0085, which sigs.k8s.io/yaml's JSON round trip folds away (see `JSONRoundTrip`).
    var containsNextLine = false
    var containsSingleQuote = false
    /// Double quotes need escapes: a non-printable character, a break, `"` or `\`.
    var needsEscapes = false

    /// Analyses a string.
    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { ScalarAnalysis(utf8: $0) }
    }

    /// The style go-yaml v2 writes this string in, as sigs.k8s.io/yaml's output shows it:
    /// `.literal` for text with a newline (when a block scalar can hold it), `.plain` when that is
    /// safe and reads back as the string, otherwise `.singleQuoted` or `.doubleQuoted`.
    ///
    /// `asSimpleKey` is for a mapping key on one line (`key: value`); such keys are never
    /// block scalars. A multi-line or longer-than-128-byte key is written after `? ` instead,
    /// in the style of a value.
    public func style(asSimpleKey: Bool = false) -> ScalarStyle {
        let requested: ScalarStyle = containsLineFeed ? .literal : readsBackAsString ? .plain : .doubleQuoted
        return Self.select(requested, self, simpleKey: asSimpleKey, empty: characterCount == 0)
    }

    /// libyaml's `yaml_emitter_select_scalar_style` for block context (flow level 0).
    static func select(_ requested: ScalarStyle, _ analysis: ScalarAnalysis, simpleKey: Bool, empty: Bool) -> ScalarStyle {
        var style = requested
        if simpleKey && analysis.isMultiline { style = .doubleQuoted }
        if style == .plain && (!analysis.blockPlainAllowed || (empty && simpleKey)) { style = .singleQuoted }
        if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
        if (style == .literal || style == .folded) && (!analysis.blockAllowed || simpleKey) { style = .doubleQuoted }
        return style
    }

    init(utf8 value: UnsafeBufferPointer<UInt8>) {
        let n = value.count
        readsBackAsString = RequestedStyle.readsBackAsString(value)
        if n == 0 {
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

        if n >= 3,
            (value[0] == UInt8(ascii: "-") && value[1] == UInt8(ascii: "-") && value[2] == UInt8(ascii: "-"))
                || (value[0] == UInt8(ascii: ".") && value[1] == UInt8(ascii: ".") && value[2] == UInt8(ascii: "."))
        {
            blockIndicators = true
            flowIndicators = true
        }

        // Indicators that only matter as the first character.
        let firstFollowedByWhitespace = YAMLChars.width(value[0]) >= n || YAMLChars.isBlank(value, YAMLChars.width(value[0]))
        switch value[0] {
        case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"):
            flowIndicators = true
            blockIndicators = true
        case UInt8(ascii: "?"), UInt8(ascii: ":"):
            flowIndicators = true
            if firstFollowedByWhitespace { blockIndicators = true }
        case UInt8(ascii: "-"):
            if firstFollowedByWhitespace {
                flowIndicators = true
                blockIndicators = true
            }
        default:
            break
        }

        // The rest applies to every character, the first included (for it, the checks below
        // only repeat what the first-character checks above already found).
        var precededByWhitespace = true
        var characters = 0
        var i = 0
        while i < n {
            let c = value[i]
            if c < 0x80 && YAMLChars.isQuiet(c) {
                // A run of printable ASCII that is no indicator, space or quote: nothing to note.
                var j = i + 1
                while j < n, value[j] < 0x80, YAMLChars.isQuiet(value[j]) { j += 1 }
                characters += j - i
                previousSpace = false
                previousBreak = false
                precededByWhitespace = false
                i = j
                continue
            }
            let w = YAMLChars.width(c)
            switch c {
            case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                UInt8(ascii: "}"):
                flowIndicators = true
            case UInt8(ascii: ":"):
                flowIndicators = true
                if i + w >= n || YAMLChars.isBlank(value, i + w) { blockIndicators = true }
            case UInt8(ascii: "#"):
                if precededByWhitespace {
                    flowIndicators = true
                    blockIndicators = true
                }
            case UInt8(ascii: "'"):
                containsSingleQuote = true
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                needsEscapes = true
            default:
                break
            }

            if !YAMLChars.isPrintable(value, i) {
                specialCharacters = true
                needsEscapes = true
            }
            if c == UInt8(ascii: " ") {
                containsSpace = true
                if i == 0 { leadingSpace = true }
                if i + w == n { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if YAMLChars.isBreak(value, i) {
                lineBreaks = true
                needsEscapes = true
                if c == UInt8(ascii: "\n") { containsLineFeed = true }
                if c == 0xC2 { containsNextLine = true }
                if i == 0 { leadingBreak = true }
                if i + w == n { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = YAMLChars.isBlankOrBreak(value, i)
            characters += 1
            i += w
        }
        characterCount = characters

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

/// libyaml's character classes over UTF-8 bytes (the text is valid UTF-8, so a lead byte is
/// always followed by its continuation bytes).
enum YAMLChars {
    @inline(__always)
    static func width(_ c: UInt8) -> Int {
        c & 0x80 == 0 ? 1 : c & 0xE0 == 0xC0 ? 2 : c & 0xF0 == 0xE0 ? 3 : c & 0xF8 == 0xF0 ? 4 : 1
    }

    /// Printable ASCII that is not a space, an indicator that matters after the first character
    /// (`,?[]{}:#`), a quote or a backslash: the analysis has nothing to note for it. `c` < 0x80.
    @inline(__always)
    static func isQuiet(_ c: UInt8) -> Bool {
        c < 64 ? (quietBelow64 >> UInt64(c)) & 1 != 0 : (quietFrom64 >> UInt64(c &- 64)) & 1 != 0
    }

    /// Bit c set for the quiet characters below 64 and from 64 (0x21…0x7E without
    /// `"#',:?[\]{}`); `EmitterTests` checks the masks against that definition.
    static let quietBelow64: UInt64 = 0x7BFF_EF72_0000_0000
    static let quietFrom64: UInt64 = 0x57FF_FFFF_C7FF_FFFF

    @inline(__always)
    static func byte(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }

    @inline(__always)
    static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = byte(b, i)
        return c == UInt8(ascii: " ") || c == UInt8(ascii: "\t")
    }

    @inline(__always)
    static func isBreak(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = byte(b, i)
        if c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n") { return true }
        if c == 0xC2 { return byte(b, i + 1) == 0x85 }
        if c == 0xE2 { return byte(b, i + 1) == 0x80 && (byte(b, i + 2) == 0xA8 || byte(b, i + 2) == 0xA9) }
        return false
    }

    @inline(__always)
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
