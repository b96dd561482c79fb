/// The four scalar styles sigs.k8s.io/yaml output uses, written exactly as go-yaml v2's port of
/// libyaml writes them, including where long lines fold at the best width of 80 columns.
///
/// Each writer copies the text in one piece when it cannot fold (no space, or the text ends
/// before column 81) and needs no escapes; otherwise it walks the text as libyaml does.
extension EmitterOutput {
    /// Whether libyaml could fold the text at one of its spaces, starting at the current column
    /// (`leading` characters, such as an opening quote, come first). A space folds only when
    /// the column before it is past the best width.
    @inline(__always)
    func mayFold(_ analysis: ScalarAnalysis, leading: Int, allowBreaks: Bool) -> Bool {
        allowBreaks && analysis.containsSpace && column + leading + analysis.characterCount > Self.bestWidth + 1
    }

    mutating func writePlain(_ value: UnsafeBufferPointer<UInt8>, _ analysis: ScalarAnalysis, allowBreaks: Bool) {
        if !whitespace { put(UInt8(ascii: " ")) }
        if !mayFold(analysis, leading: 0, allowBreaks: allowBreaks) {
            append(value, characters: analysis.characterCount)  // plain text has no breaks
        } else {
            var spaces = false
            var breaks = false
            var i = 0
            while i < value.count {
                if value[i] == UInt8(ascii: " ") {
                    if allowBreaks && !spaces && column > Self.bestWidth && YAMLChars.byte(value, i + 1) != UInt8(ascii: " ") {
                        writeIndent()
                        i += 1
                    } else {
                        write(value, &i)
                    }
                    spaces = true
                } else if YAMLChars.isBreak(value, i) {
                    if !breaks && value[i] == UInt8(ascii: "\n") { putBreak() }
                    writeBreak(value, &i)
                    indention = true
                    breaks = true
                } else {
                    if breaks { writeIndent() }
                    write(value, &i)
                    indention = false
                    spaces = false
                    breaks = false
                }
            }
        }
        whitespace = false
        indention = false
    }

    mutating func writeSingleQuoted(_ value: UnsafeBufferPointer<UInt8>, _ analysis: ScalarAnalysis, allowBreaks: Bool) {
        writeIndicator(UInt8(ascii: "'"), needWhitespace: true, isWhitespace: false, isIndention: false)
        if !analysis.containsSingleQuote && !analysis.isMultiline && !mayFold(analysis, leading: 0, allowBreaks: allowBreaks) {
            append(value, characters: analysis.characterCount)
        } else {
            var spaces = false
            var breaks = false
            var i = 0
            while i < value.count {
                if value[i] == UInt8(ascii: " ") {
                    if allowBreaks && !spaces && column > Self.bestWidth && i > 0 && i < value.count - 1
                        && YAMLChars.byte(value, i + 1) != UInt8(ascii: " ")
                    {
                        writeIndent()
                        i += 1
                    } else {
                        write(value, &i)
                    }
                    spaces = true
                } else if YAMLChars.isBreak(value, i) {
                    if !breaks && value[i] == UInt8(ascii: "\n") { putBreak() }
                    writeBreak(value, &i)
                    indention = true
                    breaks = true
                } else {
                    if breaks { writeIndent() }
                    if value[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                    write(value, &i)
                    indention = false
                    spaces = false
                    breaks = false
                }
            }
        }
        writeIndicator(UInt8(ascii: "'"), needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    mutating func writeDoubleQuoted(_ value: UnsafeBufferPointer<UInt8>, _ analysis: ScalarAnalysis, allowBreaks: Bool) {
        writeIndicator(UInt8(ascii: "\""), needWhitespace: true, isWhitespace: false, isIndention: false)
        if !analysis.needsEscapes && !mayFold(analysis, leading: 0, allowBreaks: allowBreaks) {
            append(value, characters: analysis.characterCount)
        } else {
            // go-yaml's `is_bom(b, i)` looks at b[0...2] whatever i is, so after a leading BOM
            // every character is escaped (`"\uFEFF\x61\x62"`), spaces too, and nothing folds.
            let escapeAll = YAMLChars.isBOM(value, 0)
            var spaces = false
            var i = 0
            while i < value.count {
                let c = value[i]
                if escapeAll || !YAMLChars.isPrintable(value, i) || YAMLChars.isBreak(value, i)
                    || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\")
                {
                    let (codePoint, width) = Self.decode(value, i)
                    i += width
                    put(UInt8(ascii: "\\"))
                    writeEscape(codePoint)
                    spaces = false
                } else if c == UInt8(ascii: " ") {
                    if allowBreaks && !spaces && column > Self.bestWidth && i > 0 && i < value.count - 1 {
                        writeIndent()
                        if YAMLChars.byte(value, i + 1) == UInt8(ascii: " ") { put(UInt8(ascii: "\\")) }
                        i += 1
                    } else {
                        write(value, &i)
                    }
                    spaces = true
                } else {
                    write(value, &i)
                    spaces = false
                }
            }
        }
        writeIndicator(UInt8(ascii: "\""), needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    /// libyaml's escapes: the short ones YAML defines, then `\xXX`, `\uXXXX` or `\UXXXXXXXX`.
    private mutating func writeEscape(_ v: UInt32) {
        let short: UInt8?
        switch v {
        case 0x00: short = UInt8(ascii: "0")
        case 0x07: short = UInt8(ascii: "a")
        case 0x08: short = UInt8(ascii: "b")
        case 0x09: short = UInt8(ascii: "t")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0B: short = UInt8(ascii: "v")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x1B: short = UInt8(ascii: "e")
        case 0x22: short = UInt8(ascii: "\"")
        case 0x5C: short = UInt8(ascii: "\\")
        case 0x85: short = UInt8(ascii: "N")
        case 0xA0: short = UInt8(ascii: "_")
        case 0x2028: short = UInt8(ascii: "L")
        case 0x2029: short = UInt8(ascii: "P")
        default: short = nil
        }
        if let short {
            put(short)
            return
        }
        let digits: Int
        if v <= 0xFF {
            put(UInt8(ascii: "x"))
            digits = 2
        } else if v <= 0xFFFF {
            put(UInt8(ascii: "u"))
            digits = 4
        } else {
            put(UInt8(ascii: "U"))
            digits = 8
        }
        var shift = (digits - 1) * 4
        while shift >= 0 {
            let digit = UInt8((v >> UInt32(shift)) & 0x0F)
            put(digit < 10 ? digit + UInt8(ascii: "0") : digit - 10 + UInt8(ascii: "A"))
            shift -= 4
        }
    }

    private static func decode(_ value: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let octet = value[i]
        var width = 1
        var v: UInt32
        if octet & 0x80 == 0 {
            v = UInt32(octet & 0x7F)
        } else if octet & 0xE0 == 0xC0 {
            width = 2
            v = UInt32(octet & 0x1F)
        } else if octet & 0xF0 == 0xE0 {
            width = 3
            v = UInt32(octet & 0x0F)
        } else {
            width = 4
            v = UInt32(octet & 0x07)
        }
        var k = 1
        while k < width, i + k < value.count {
            v = (v << 6) + UInt32(value[i + k] & 0x3F)
            k += 1
        }
        return (v, width)
    }

    /// A literal block scalar: `|` with its hints, then the text's lines at the scalar's
    /// indentation, copied line by line (a literal never folds).
    mutating func writeLiteral(_ value: UnsafeBufferPointer<UInt8>) {
        writeIndicator(UInt8(ascii: "|"), needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints(value)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var i = 0
        let n = value.count
        while i < n {
            if YAMLChars.isBreak(value, i) {
                writeBreak(value, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                // The rest of the line in one piece.
                var j = i
                var continuationBytes = 0
                while j < n {
                    let c = value[j]
                    if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") || ((c == 0xC2 || c == 0xE2) && YAMLChars.isBreak(value, j)) {
                        break
                    }
                    if c & 0xC0 == 0x80 { continuationBytes += 1 }
                    j += 1
                }
                append(UnsafeBufferPointer(rebasing: value[i..<j]), characters: j - i - continuationBytes)
                i = j
                indention = false
                breaks = false
            }
        }
    }

    /// The indentation indicator (when the text starts with a space or break) and the chomping
    /// indicator (`-` without a final break, `+` with more than one).
    private mutating func writeBlockScalarHints(_ value: UnsafeBufferPointer<UInt8>) {
        if value.first == UInt8(ascii: " ") || YAMLChars.isBreak(value, 0) {
            writeIndicator(UInt8(ascii: "0") + UInt8(Self.bestIndent), needWhitespace: false, isWhitespace: false,
                           isIndention: false)
        }
        var chomp: UInt8 = 0
        if value.isEmpty {
            chomp = UInt8(ascii: "-")
        } else {
            var i = value.count - 1
            while i > 0, value[i] & 0xC0 == 0x80 { i -= 1 }
            if !YAMLChars.isBreak(value, i) {
                chomp = UInt8(ascii: "-")
            } else if i == 0 {
                chomp = UInt8(ascii: "+")
            } else {
                i -= 1
                while i > 0, value[i] & 0xC0 == 0x80 { i -= 1 }
                if YAMLChars.isBreak(value, i) { chomp = UInt8(ascii: "+") }
            }
        }
        if chomp != 0 {
            writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false)
        }
    }
}
