/// The tokenizer of Go's text/template (`text/template/parse/lex.go`), ported state for state
/// so that positions, trim markers and error texts agree with Go byte for byte.
///
/// It works on UTF-8 bytes: positions are byte offsets, as Go's are.
struct Lexer {
    enum Kind: Int, Comparable {
        case error, bool, char, charConstant, comment, complex, assign, declare, eof, field, identifier
        case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
        case keyword  // everything after this is a keyword
        case block, `break`, `continue`, dot, define, `else`, end, `if`, `nil`, range, template, with

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    struct Item {
        var kind: Kind
        var pos: Int
        var value: String
        var line: Int

        /// Go's `item.String()`, used in "unexpected X in Y" messages.
        var description: String {
            switch kind {
            case .eof: return "EOF"
            case .error: return value
            case _ where kind > .keyword: return "<\(value)>"
            default:
                let scalars = Array(value.unicodeScalars)
                if scalars.count > 10 {
                    return GoQuote.quote(String(String.UnicodeScalarView(scalars[0..<10]))) + "..."
                }
                return GoQuote.quote(value)
            }
        }
    }

    private static let keywords: [String: Kind] = [
        ".": .dot, "block": .block, "break": .break, "continue": .continue, "define": .define,
        "else": .else, "end": .end, "if": .if, "range": .range, "nil": .nil, "template": .template,
        "with": .with,
    ]

    private var input: [UInt8]
    private let leftDelim: [UInt8]
    private let rightDelim: [UInt8]
    private var pos = 0
    private var start = 0
    private var atEOF = false
    private var parenDepth = 0
    private var line = 1
    private var startLine = 1
    private var insideAction = false
    var breakOK = true
    var continueOK = true

    init(input: [UInt8], leftDelim: String = "{{", rightDelim: String = "}}") {
        self.input = input
        self.leftDelim = Array((leftDelim.isEmpty ? "{{" : leftDelim).utf8)
        self.rightDelim = Array((rightDelim.isEmpty ? "}}" : rightDelim).utf8)
    }

    private static let eof: UInt32 = 0xFFFF_FFFF

    // MARK: - Reading runes

    private mutating func next() -> UInt32 {
        if pos >= input.count {
            atEOF = true
            return Self.eof
        }
        let (r, w) = decodeRune(at: pos)
        pos += w
        if r == 0x0A { line += 1 }
        return r
    }

    private mutating func peek() -> UInt32 {
        let r = next()
        backup()
        return r
    }

    private mutating func backup() {
        guard !atEOF, pos > 0 else { return }
        var p = pos - 1
        while p > 0 && input[p] & 0xC0 == 0x80 && pos - p < 4 { p -= 1 }
        if input[p] == 0x0A { line -= 1 }
        pos = p
    }

    private func decodeRune(at index: Int) -> (UInt32, Int) {
        let b0 = input[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        var need = 0
        var value: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { need = 1; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { need = 2; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { need = 3; value = UInt32(b0 & 0x07) }
        else { return (0xFFFD, 1) }
        guard index + need < input.count else { return (0xFFFD, 1) }
        for k in 1...need {
            let b = input[index + k]
            guard b & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return (value, need + 1)
    }

    // MARK: - Emitting

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: input[from..<to], as: UTF8.self)
    }

    private mutating func thisItem(_ kind: Kind) -> Item {
        let item = Item(kind: kind, pos: start, value: text(start, pos), line: startLine)
        start = pos
        startLine = line
        return item
    }

    private mutating func ignore() {
        line += count(newlinesFrom: start, to: pos)
        start = pos
        startLine = line
    }

    private func count(newlinesFrom from: Int, to: Int) -> Int {
        var n = 0
        var i = from
        while i < to { if input[i] == 0x0A { n += 1 }; i += 1 }
        return n
    }

    private mutating func accept(_ valid: String) -> Bool {
        let r = next()
        if r != Self.eof, valid.unicodeScalars.contains(where: { $0.value == r }) { return true }
        backup()
        return false
    }

    private mutating func acceptRun(_ valid: String) {
        while true {
            let r = next()
            if r == Self.eof || !valid.unicodeScalars.contains(where: { $0.value == r }) { break }
        }
        backup()
    }

    private mutating func errorItem(_ message: String) -> Item {
        let item = Item(kind: .error, pos: start, value: message, line: startLine)
        start = 0
        pos = 0
        input = []
        return item
    }

    private func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + prefix.count <= input.count else { return false }
        for k in 0..<prefix.count where input[index + k] != prefix[k] { return false }
        return true
    }

    private static func isSpace(_ r: UInt32) -> Bool { r == 0x20 || r == 0x09 || r == 0x0D || r == 0x0A }

    private static func isAlphaNumeric(_ r: UInt32) -> Bool {
        if r == 0x5F { return true }
        if r < 0x80 {
            return (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5A) || (r >= 0x61 && r <= 0x7A)
        }
        guard r != Self.eof, let scalar = Unicode.Scalar(r) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    private func hasLeftTrimMarker(at index: Int) -> Bool {
        index + 1 < input.count && input[index] == 0x2D && Self.isSpace(UInt32(input[index + 1]))
    }

    private func hasRightTrimMarker(at index: Int) -> Bool {
        index >= 0 && index + 1 < input.count && Self.isSpace(UInt32(input[index])) && input[index + 1] == 0x2D
    }

    private func rightTrimLength(_ from: Int, _ to: Int) -> Int {
        var i = to
        while i > from && Self.isSpace(UInt32(input[i - 1])) { i -= 1 }
        return to - i
    }

    private func leftTrimLength(from: Int) -> Int {
        var i = from
        while i < input.count && Self.isSpace(UInt32(input[i])) { i += 1 }
        return i - from
    }

    // MARK: - States

    /// The next token. After an error or EOF it keeps returning EOF.
    mutating func nextItem() -> Item {
        if insideAction { return lexInsideAction() }
        return lexText()
    }

    private mutating func lexText() -> Item {
        while true {
            if let x = firstIndex(of: leftDelim, from: pos) {
                if x > pos {
                    pos = x
                    var trimLength = 0
                    let delimEnd = pos + leftDelim.count
                    if hasLeftTrimMarker(at: delimEnd) {
                        trimLength = rightTrimLength(start, pos)
                    }
                    pos -= trimLength
                    line += count(newlinesFrom: start, to: pos)
                    let item = thisItem(.text)
                    pos += trimLength
                    ignore()
                    if !item.value.isEmpty { return item }
                }
                if let item = lexLeftDelim() { return item }
                continue  // a comment was skipped
            }
            pos = input.count
            if pos > start {
                line += count(newlinesFrom: start, to: pos)
                return thisItem(.text)
            }
            return thisItem(.eof)
        }
    }

    private func firstIndex(of needle: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, input.count >= needle.count else { return nil }
        var i = from
        let last = input.count - needle.count
        let first = needle[0]
        while i <= last {
            if input[i] == first && hasPrefix(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    private func atRightDelim() -> (delim: Bool, trim: Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix(rightDelim, at: pos + 2) { return (true, true) }
        if hasPrefix(rightDelim, at: pos) { return (true, false) }
        return (false, false)
    }

    /// Returns the left-delimiter item, or nil after skipping a comment (then lexing goes on
    /// with text).
    private mutating func lexLeftDelim() -> Item? {
        pos += leftDelim.count
        let trimSpace = hasLeftTrimMarker(at: pos)
        let afterMarker = trimSpace ? 2 : 0
        if hasPrefix(Array("/*".utf8), at: pos + afterMarker) {
            pos += afterMarker
            ignore()
            return lexComment()
        }
        let item = thisItem(.leftDelim)
        insideAction = true
        pos += afterMarker
        ignore()
        parenDepth = 0
        return item
    }

    private mutating func lexComment() -> Item? {
        pos += 2
        guard let x = firstIndex(of: Array("*/".utf8), from: pos) else {
            return errorItem("unclosed comment")
        }
        pos = x + 2
        let (delim, trimSpace) = atRightDelim()
        if !delim { return errorItem("comment ends before closing delimiter") }
        line += count(newlinesFrom: start, to: pos)
        _ = thisItem(.comment)
        if trimSpace { pos += 2 }
        pos += rightDelim.count
        if trimSpace { pos += leftTrimLength(from: pos) }
        ignore()
        return nil
    }

    private mutating func lexRightDelim() -> Item {
        let (_, trimSpace) = atRightDelim()
        if trimSpace {
            pos += 2
            ignore()
        }
        pos += rightDelim.count
        let item = thisItem(.rightDelim)
        if trimSpace {
            pos += leftTrimLength(from: pos)
            ignore()
        }
        insideAction = false
        return item
    }

    private mutating func lexInsideAction() -> Item {
        let (delim, _) = atRightDelim()
        if delim {
            if parenDepth == 0 { return lexRightDelim() }
            return errorItem("unclosed left paren")
        }
        let r = next()
        switch r {
        case Self.eof:
            return errorItem("unclosed action")
        case _ where Self.isSpace(r):
            backup()
            return lexSpace()
        case 0x3D:  // =
            return thisItem(.assign)
        case 0x3A:  // :
            if next() != 0x3D { return errorItem("expected :=") }
            return thisItem(.declare)
        case 0x7C:
            return thisItem(.pipe)
        case 0x22:
            return lexQuote()
        case 0x60:
            return lexRawQuote()
        case 0x24:
            return lexVariable()
        case 0x27:
            return lexChar()
        case 0x2E:  // .
            if pos < input.count {
                let c = input[pos]
                if c < 0x30 || c > 0x39 { return lexFieldOrVariable(.field) }
            }
            backup()
            return lexNumber()
        case 0x2B, 0x2D, 0x30...0x39:
            backup()
            return lexNumber()
        case _ where Self.isAlphaNumeric(r):
            backup()
            return lexIdentifier()
        case 0x28:
            parenDepth += 1
            return thisItem(.leftParen)
        case 0x29:
            parenDepth -= 1
            if parenDepth < 0 { return errorItem("unexpected right paren") }
            return thisItem(.rightParen)
        case 0x20...0x7E:
            return thisItem(.char)
        default:
            return errorItem("unrecognized character in action: \(GoQuote.runeDescription(r))")
        }
    }

    private mutating func lexSpace() -> Item {
        var numSpaces = 0
        while true {
            let r = peek()
            if !Self.isSpace(r) { break }
            _ = next()
            numSpaces += 1
        }
        if hasRightTrimMarker(at: pos - 1) && hasPrefix(rightDelim, at: pos - 1 + 2) {
            backup()
            if numSpaces == 1 { return lexRightDelim() }
        }
        return thisItem(.space)
    }

    private mutating func lexIdentifier() -> Item {
        while true {
            let r = next()
            if Self.isAlphaNumeric(r) { continue }
            backup()
            let word = text(start, pos)
            if !atTerminator() { return errorItem("bad character \(GoQuote.runeDescription(r))") }
            if let kind = Self.keywords[word], kind > .keyword {
                if (kind == .break && !breakOK) || (kind == .continue && !continueOK) {
                    return thisItem(.identifier)
                }
                return thisItem(kind)
            }
            if word.utf8.first == 0x2E { return thisItem(.field) }
            if word == "true" || word == "false" { return thisItem(.bool) }
            return thisItem(.identifier)
        }
    }

    private mutating func lexVariable() -> Item {
        if atTerminator() { return thisItem(.variable) }
        return lexFieldOrVariable(.variable)
    }

    private mutating func lexFieldOrVariable(_ kind: Kind) -> Item {
        if atTerminator() { return thisItem(kind == .variable ? .variable : .dot) }
        var r: UInt32
        while true {
            r = next()
            if !Self.isAlphaNumeric(r) {
                backup()
                break
            }
        }
        if !atTerminator() { return errorItem("bad character \(GoQuote.runeDescription(r))") }
        return thisItem(kind)
    }

    private mutating func atTerminator() -> Bool {
        let r = peek()
        if Self.isSpace(r) { return true }
        switch r {
        case Self.eof, 0x2E, 0x2C, 0x7C, 0x3A, 0x29, 0x28: return true
        default: return hasPrefix(rightDelim, at: pos)
        }
    }

    private mutating func lexChar() -> Item {
        while true {
            switch next() {
            case 0x5C:
                let r = next()
                if r != Self.eof && r != 0x0A { continue }
                return errorItem("unterminated character constant")
            case Self.eof, 0x0A:
                return errorItem("unterminated character constant")
            case 0x27:
                return thisItem(.charConstant)
            default:
                continue
            }
        }
    }

    private mutating func lexNumber() -> Item {
        if !scanNumber() { return errorItem("bad number syntax: \(GoQuote.quote(text(start, pos)))") }
        let sign = peek()
        if sign == 0x2B || sign == 0x2D {
            if !scanNumber() || input[pos - 1] != 0x69 {
                return errorItem("bad number syntax: \(GoQuote.quote(text(start, pos)))")
            }
            return thisItem(.complex)
        }
        return thisItem(.number)
    }

    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") { digits = "0123456789abcdefABCDEF_" }
            else if accept("oO") { digits = "01234567_" }
            else if accept("bB") { digits = "01_" }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if Self.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }

    private mutating func lexQuote() -> Item {
        while true {
            switch next() {
            case 0x5C:
                let r = next()
                if r != Self.eof && r != 0x0A { continue }
                return errorItem("unterminated quoted string")
            case Self.eof, 0x0A:
                return errorItem("unterminated quoted string")
            case 0x22:
                return thisItem(.string)
            default:
                continue
            }
        }
    }

    private mutating func lexRawQuote() -> Item {
        while true {
            switch next() {
            case Self.eof: return errorItem("unterminated raw quoted string")
            case 0x60: return thisItem(.rawString)
            default: continue
            }
        }
    }
}
