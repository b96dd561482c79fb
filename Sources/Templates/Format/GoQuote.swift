/// Go's `strconv` quoting and unquoting: `Quote`, `QuoteToASCII`, `QuoteRune`, `Unquote` and
/// `UnquoteChar`, as the template parser and `%q` use them.
public enum GoQuote {
    struct SyntaxError: Error {}

    /// `strconv.Quote`: a double-quoted Go string literal; printable runes stay as they are.
    public static func quote(_ s: String, asciiOnly: Bool = false, quoteMark: Character = "\"") -> String {
        var out = String(quoteMark)
        for scalar in s.unicodeScalars {
            appendEscaped(scalar, to: &out, asciiOnly: asciiOnly, quoteMark: quoteMark)
        }
        out.append(quoteMark)
        return out
    }

    /// `strconv.QuoteRune`: a single-quoted Go rune literal.
    public static func quoteRune(_ r: UInt32, asciiOnly: Bool = false) -> String {
        let scalar = Unicode.Scalar(r) ?? "\u{FFFD}"
        var out = "'"
        appendEscaped(scalar, to: &out, asciiOnly: asciiOnly, quoteMark: "'")
        return out + "'"
    }

    /// `fmt`'s `%#U`: `U+0041 'A'` (the quoted form only for printable runes).
    static func runeDescription(_ r: UInt32) -> String {
        var hex = String(r, radix: 16, uppercase: true)
        if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
        if let scalar = Unicode.Scalar(r), isPrint(scalar) {
            return "U+\(hex) '\(Character(scalar))'"
        }
        return "U+\(hex)"
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout String, asciiOnly: Bool, quoteMark: Character) {
        let v = scalar.value
        if Character(scalar) == quoteMark || scalar == "\\" {
            out.append("\\")
            out.unicodeScalars.append(scalar)
            return
        }
        if asciiOnly {
            if v < 0x80 && isPrint(scalar) {
                out.unicodeScalars.append(scalar)
                return
            }
        } else if isPrint(scalar) {
            out.unicodeScalars.append(scalar)
            return
        }
        switch v {
        case 0x07: out += "\\a"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x0B: out += "\\v"
        default:
            if v < 0x20 || v == 0x7F {
                out += "\\x" + hex(v, width: 2)
            } else if v == 0xFFFD {
                out += "\\ufffd"
            } else if v < 0x10000 {
                out += "\\u" + hex(v, width: 4)
            } else {
                out += "\\U" + hex(v, width: 8)
            }
        }
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// `strconv.Unquote` for the literal forms the template parser accepts.
    static func unquote(_ literal: String) throws -> String {
        let bytes = Array(literal.utf8)
        guard bytes.count >= 2, let q = bytes.first, bytes.last == q else { throw SyntaxError() }
        let body = Array(bytes[1..<(bytes.count - 1)])
        if q == UInt8(ascii: "`") {
            if body.contains(UInt8(ascii: "`")) { throw SyntaxError() }
            return String(decoding: body.filter { $0 != 0x0D }, as: UTF8.self)
        }
        guard q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") else { throw SyntaxError() }
        if !body.contains(UInt8(ascii: "\\")) && !body.contains(q) && !body.contains(0x0A) {
            if q == UInt8(ascii: "\"") { return String(decoding: body, as: UTF8.self) }
        }
        var out: [UInt8] = []
        var rest = body[...]
        var runes = 0
        while !rest.isEmpty {
            let (bytesOut, tail) = try unquoteChar(rest, quote: q)
            out += bytesOut
            rest = tail
            runes += 1
            if q == UInt8(ascii: "'") && runes > 1 { throw SyntaxError() }
        }
        if q == UInt8(ascii: "'") && runes != 1 { throw SyntaxError() }
        return String(decoding: out, as: UTF8.self)
    }

    /// `strconv.UnquoteChar`: decodes one character or escape; returns its UTF-8 bytes and the rest.
    static func unquoteChar(_ s: ArraySlice<UInt8>, quote: UInt8) throws -> (bytes: [UInt8], tail: ArraySlice<UInt8>) {
        guard let c = s.first else { throw SyntaxError() }
        if c == quote && (quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")) { throw SyntaxError() }
        if c >= 0x80 {
            var n = 1
            while s.startIndex + n < s.endIndex && s[s.startIndex + n] & 0xC0 == 0x80 && n < 4 { n += 1 }
            return (Array(s.prefix(n)), s.dropFirst(n))
        }
        if c != UInt8(ascii: "\\") {
            if c == 0x0A { throw SyntaxError() }
            return ([c], s.dropFirst())
        }
        var rest = s.dropFirst()
        guard let e = rest.first else { throw SyntaxError() }
        rest = rest.dropFirst()
        func utf8(_ v: UInt32) throws -> [UInt8] {
            guard let scalar = Unicode.Scalar(v) else { throw SyntaxError() }
            return Array(String(Character(scalar)).utf8)
        }
        switch e {
        case UInt8(ascii: "a"): return ([0x07], rest)
        case UInt8(ascii: "b"): return ([0x08], rest)
        case UInt8(ascii: "f"): return ([0x0C], rest)
        case UInt8(ascii: "n"): return ([0x0A], rest)
        case UInt8(ascii: "r"): return ([0x0D], rest)
        case UInt8(ascii: "t"): return ([0x09], rest)
        case UInt8(ascii: "v"): return ([0x0B], rest)
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let n = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
            guard rest.count >= n else { throw SyntaxError() }
            var v: UInt32 = 0
            for b in rest.prefix(n) {
                guard let d = hexDigit(b) else { throw SyntaxError() }
                v = v << 4 | d
            }
            rest = rest.dropFirst(n)
            if e == UInt8(ascii: "x") {
                if quote == UInt8(ascii: "'") { return (try utf8(v), rest) }
                return ([UInt8(v)], rest)
            }
            return (try utf8(v), rest)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard rest.count >= 2 else { throw SyntaxError() }
            var v = UInt32(e - 0x30)
            for b in rest.prefix(2) {
                guard b >= 0x30 && b <= 0x37 else { throw SyntaxError() }
                v = v << 3 | UInt32(b - 0x30)
            }
            guard v <= 255 else { throw SyntaxError() }
            return ([UInt8(v)], rest.dropFirst(2))
        case UInt8(ascii: "\\"): return ([e], rest)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            guard e == quote else { throw SyntaxError() }
            return ([e], rest)
        default:
            throw SyntaxError()
        }
    }

    private static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - 55)
        default: nil
        }
    }
}
