/// Splits a log line into tokens and decides which are variables, working on UTF-8 bytes.
///
/// Whitespace separates tokens, except inside a quoted string (one token). Brackets and
/// trailing punctuation stay as a token's prefix and suffix, so templates read like the lines.
/// Variables: timestamps (ISO 8601, syslog `Dec  2 10:00:00`, epoch), numbers (with units),
/// hex, UUIDs, IPv4/IPv6 (with ports), paths, URLs, quoted strings and the values of
/// `key=value` pairs (the key stays; `level=` values stay). klog headers (`I1202`) keep the
/// level letter; `file.go:123` keeps the file. JSON lines are mined by their `msg`/`message`
/// field, with the `level` field kept in front (see `JSONLogLine`).
public struct LogTokenizer: Sendable {
    private let wildcardHash = LogToken.wildcardHash

    public init() {}

    /// Tokenizes `line` into `tokens` (cleared first; reuse the array to avoid allocations).
    public func tokenize(_ line: UnsafeBufferPointer<UInt8>, into tokens: inout [LogToken]) {
        tokens.removeAll(keepingCapacity: true)
        var start = 0
        while start < line.count, isSpace(line[start]) { start += 1 }
        if start < line.count, line[start] == UInt8(ascii: "{"), let json = JSONLogLine(line, from: start) {
            if var level = json.level {
                level.hash = hash(level, in: line)
                tokens.append(level)
            }
            words(line, json.message.lowerBound, json.message.upperBound, into: &tokens)
        } else {
            words(line, start, line.count, into: &tokens)
        }
        markSyslogMonths(line, &tokens)
    }

    /// Tokenizes a String (convenience for tests and small inputs).
    public func tokenize(_ line: String) -> [String] {
        var copy = line
        return copy.withUTF8 { buffer in
            var tokens: [LogToken] = []
            tokenize(buffer, into: &tokens)
            return tokens.map { $0.text(in: buffer) }
        }
    }

    // MARK: - Splitting

    private func words(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into tokens: inout [LogToken]) {
        ByteClass.table.withUnsafeBufferPointer { classes in
            var i = from
            var inMessageQuote = false
            var pendingPrefix = -1
            while i < to {
                while i < to, classes[Int(line[i])] & ByteClass.space != 0 { i &+= 1 }
                if i >= to { break }
                let start = i
                // klog's structured message: `file.go:123] "Starting controller" k="v"` mines the words.
                if tokens.count == 4, line[i] == quote, tokens[0].kind == .timestamp, tokens[0].coreStart == tokens[0].start + 1,
                   line[tokens[3].end - 1] == 93 {
                    inMessageQuote = true
                }
                var j = i
                var quoted = false
                var messageKeyEnd = -1
                var seen: UInt8 = 0
                while j < to {
                    let c = classes[Int(line[j])]
                    if c & ByteClass.stop == 0 {
                        // Most bytes: neither a space nor a quote.
                        seen |= c
                        j &+= 1
                        continue
                    }
                    if c & ByteClass.space != 0 { break }
                    seen |= c & ByteClass.kinds
                    let b = line[j]
                    if !inMessageQuote && (j == start || line[j - 1] == equals || isOpener(line[j - 1])) {
                        if b == quote, j > start, line[j - 1] == equals, isMessageKey(line, start, j - 1) {
                            messageKeyEnd = j + 1
                            break
                        }
                        if let close = closingQuote(line, b, j + 1, to) {
                            quoted = true
                            j = close + 1
                            continue
                        }
                    }
                    j += 1
                }
                if messageKeyEnd >= 0 {
                    // logfmt `msg="starting server"`: the message is mined as words, `msg="` leads the first.
                    pendingPrefix = start
                    inMessageQuote = true
                    i = messageKeyEnd
                    continue
                }
                if inMessageQuote, j > start, line[j - 1] == quote { inMessageQuote = false }
                var token = classify(line, start, j, quoted: quoted, first: tokens.isEmpty, seen: seen)
                if pendingPrefix >= 0 {
                    if token.coreStart == token.start, token.prefixEnd < 0 { token.prefixEnd = start }
                    token.start = pendingPrefix
                    pendingPrefix = -1
                }
                token.hash = hash(token, in: line)
                tokens.append(token)
                i = j
            }
            if pendingPrefix >= 0 {
                // `msg="` ends the line: the key alone.
                var token = LogToken(start: pendingPrefix, coreStart: pendingPrefix, coreEnd: to, end: to, kind: .word)
                token.hash = hash(token, in: line)
                tokens.append(token)
            }
        }
    }

    // MARK: - Classifying

    /// `seen`: the `ByteClass` bits of the chunk's bytes, to skip the checks that cannot apply.
    private func classify(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, quoted: Bool, first: Bool, seen: UInt8) -> LogToken {
        if seen & ~ByteClass.letter == 0, end - start < 8 {
            // A few letters only: a word (the common case, decided without another pass).
            return LogToken(start: start, coreStart: start, coreEnd: end, end: end, kind: .word)
        }
        var cs = start, ce = end
        while cs < ce, isOpener(line[cs]) { cs += 1 }
        while ce > cs, isCloser(line[ce - 1]) { ce -= 1 }
        var token = LogToken(start: start, coreStart: cs, coreEnd: ce, end: end, kind: .word)
        if cs == ce { return token }
        if quoted, cs > start, line[cs - 1] == quote || line[cs - 1] == apostrophe {
            // A quoted string: one variable, its quotes and what surrounds them kept.
            if let close = lastIndex(of: line[cs - 1], in: line, cs, end) { token.coreEnd = close }
            token.kind = .quoted
            return token
        }
        // key=value: keep the key, mask the value (a level's value stays).
        if seen & ByteClass.equals != 0, let eq = keyValueSplit(line, cs, ce) {
            token.coreStart = eq + 1
            if token.coreStart < ce, line[token.coreStart] == quote || line[token.coreStart] == apostrophe {
                token.coreStart += 1
                token.kind = .quoted
            } else if token.coreStart == ce {
                token.kind = .word
            } else if isLevelKey(line, cs, eq) {
                token.kind = .level
            } else {
                token.kind = .value
            }
            return token
        }
        // klog header `I1202`: the level letter stays, the date goes.
        if first, ce - cs == 5, isKlogLevel(line[cs]), allDigits(line, cs + 1, ce) {
            token.coreStart = cs + 1
            token.kind = .timestamp
            return token
        }
        token.kind = kind(of: line, cs, ce)
        // `[fe80::1]:443`: a bracketed address is one variable, brackets included.
        if token.isVariable, cs > start, line[cs - 1] == 91, firstIndex(of: 93, in: line, cs, ce) != nil {
            token.coreStart = cs - 1
            return token
        }
        // `sshd[1234]`: keep the program name.
        if token.kind != .word, seen & ByteClass.bracket != 0, let bracket = firstIndex(of: 91, in: line, cs, ce), bracket > cs,
           allDigits(line, bracket + 1, ce), kind(of: line, cs, bracket) == .word {
            token.coreStart = bracket + 1
            token.kind = .number
            return token
        }
        // `file.go:123`, `localhost:8080`: keep what is before the colon when it is a word.
        if seen & ByteClass.colon != 0, token.kind != .word, token.kind != .ip, token.kind != .url, token.kind != .timestamp {
            if let colon = lastIndex(of: colon, in: line, cs, ce), colon > cs, colon + 1 < ce,
               allDigits(line, colon + 1, ce), kind(of: line, cs, colon) == .word {
                token.coreStart = colon + 1
                token.kind = .number
            }
        }
        return token
    }

    /// What a core (no brackets or trailing punctuation) is.
    func kind(of line: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int) -> LogTokenKind {
        let n = ce - cs
        let first = line[cs]
        if first == slash, n > 1 { return .path }
        if n > 2, first == dot || first == tilde, line[cs + 1] == slash { return .path }
        var digits = 0, hexLetters = 0, letters = 0, colons = 0, dots = 0, dashes = 0, other = 0
        var i = cs
        if n <= 255 {
            // One table add a byte: seven 8-bit counters packed in a word (a core this short cannot overflow one).
            let packed: UInt64 = ByteClass.counters.withUnsafeBufferPointer { counters in
                var sum: UInt64 = 0
                var k = cs
                while k < ce { sum &+= counters[Int(line[k])]; k &+= 1 }
                return sum
            }
            digits = Int(truncatingIfNeeded: packed & 0xff)
            hexLetters = Int(truncatingIfNeeded: (packed &>> 8) & 0xff)
            letters = hexLetters &+ Int(truncatingIfNeeded: (packed &>> 16) & 0xff)
            colons = Int(truncatingIfNeeded: (packed &>> 24) & 0xff)
            dots = Int(truncatingIfNeeded: (packed &>> 32) & 0xff)
            dashes = Int(truncatingIfNeeded: (packed &>> 40) & 0xff)
            other = Int(truncatingIfNeeded: (packed &>> 48) & 0xff)
            if colons > 0 {
                while i < ce {
                    if line[i] == colon, i + 2 < ce, line[i + 1] == slash, line[i + 2] == slash { return .url }
                    i += 1
                }
            }
            i = ce
        }
        while i < ce {
            let b = line[i]
            if b >= 48 && b <= 57 { digits += 1 }
            else if (b >= 97 && b <= 102) || (b >= 65 && b <= 70) { hexLetters += 1; letters += 1 }
            else if (b >= 103 && b <= 122) || (b >= 71 && b <= 90) { letters += 1 }
            else if b == colon {
                colons += 1
                if i + 2 < ce, line[i + 1] == slash, line[i + 2] == slash { return .url }
            }
            else if b == dot { dots += 1 }
            else if b == dash { dashes += 1 }
            else { other += 1 }
            i += 1
        }
        if digits == 0 {
            if n >= 8, hexLetters == n { return .hex }
            if colons >= 2, colons + hexLetters == n, n > 2 { return .ip }  // `fe::`, `::a` (no digits)
            return .word
        }
        if n == 36, dashes == 4, line[cs + 8] == dash, line[cs + 13] == dash, line[cs + 18] == dash, line[cs + 23] == dash { return .uuid }
        if first == 48, n > 2, line[cs + 1] == 120 || line[cs + 1] == 88 { return .hex }
        if letters == 0 {
            if colons >= 2 && dots <= 1 && dashes == 0 { return .timestamp }  // 10:00:00(.123)
            if dots == 3 && colons <= 1 { return .ip }                        // 10.0.0.1(:8080)
            if dashes == 2 && dots == 0 && colons == 0 && n == 10 { return .timestamp }  // 2024-12-02
            if other == 0 || (other == 1 && (first == plus)) { return .number }
            return .identifier
        }
        if colons >= 2, other == 0, letters == hexLetters { return .ip }   // fe80::1, 2001:db8::1
        if n >= 10, line[cs + 4] == dash, digitAt(line, cs), digitAt(line, cs + 3), line[cs + 7] == dash, colons >= 1 { return .timestamp }  // ISO 8601
        if digitAt(line, cs) {
            // 12ms, 1.5s, 200Mi: a number with a unit; 3f9a2c...: hex.
            if letters == hexLetters, n >= 8 { return .hex }
            return .number
        }
        if digits >= 2 { return .identifier }
        // One digit after a separator (`node-1`, `worker_3`, `pool.2`) numbers an instance.
        i = cs + 1
        while i < ce {
            let b = line[i - 1]
            if digitAt(line, i), b == dash || b == 95 || b == dot || b == 91 { return .identifier }
            i += 1
        }
        return .word
    }

    /// Syslog `Dec  2 10:00:00`: a month name before a day number is part of the timestamp.
    private func markSyslogMonths(_ line: UnsafeBufferPointer<UInt8>, _ tokens: inout [LogToken]) {
        var i = 0
        while i + 1 < tokens.count {
            let t = tokens[i]
            if t.kind == .word, t.coreEnd - t.coreStart == 3, t.start == t.coreStart, t.end == t.coreEnd,
               tokens[i + 1].kind == .number, tokens[i + 1].coreEnd - tokens[i + 1].coreStart <= 2,
               isMonth(line[t.coreStart], line[t.coreStart + 1], line[t.coreStart + 2]) {
                tokens[i].kind = .timestamp
                tokens[i].hash = hash(tokens[i], in: line)
                tokens[i + 1].kind = .timestamp
            }
            i += 1
        }
    }

    // MARK: - Hashing

    /// `TokenHash` of the token's printed text: what templates store and compare.
    @inline(__always)
    func hash(_ token: LogToken, in line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let base = line.baseAddress!
        var h = TokenHash()
        if !token.isVariable, !token.joinsWithEquals, token.prefixEnd < 0 {
            // A kept word prints its bytes as they are: one range.
            h.add(base + token.start, token.end &- token.start, readable: line.count &- token.start)
            return h.value
        }
        if token.start == token.coreStart, token.coreEnd == token.end, !token.joinsWithEquals, token.prefixEnd < 0 {
            return wildcardHash  // a bare variable prints `<*>`
        }
        h.add(base + token.start, token.prefixUpper &- token.start)
        if token.joinsWithEquals { h.add(equals) }
        if token.isVariable {
            h.add(60); h.add(42); h.add(62)
        } else {
            h.add(base + token.coreStart, token.coreEnd &- token.coreStart)
        }
        h.add(base + token.coreEnd, token.end &- token.coreEnd)
        return h.value
    }

    // MARK: - Byte classes

    private var quote: UInt8 { 34 }
    private var apostrophe: UInt8 { 39 }
    private var equals: UInt8 { 61 }
    private var colon: UInt8 { 58 }
    private var slash: UInt8 { 47 }
    private var dot: UInt8 { 46 }
    private var dash: UInt8 { 45 }
    private var tilde: UInt8 { 126 }
    private var plus: UInt8 { 43 }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 || b == 10 }
    @inline(__always) private func isOpener(_ b: UInt8) -> Bool { b == 91 || b == 40 || b == 123 || b == 60 || b == 34 || b == 39 }
    @inline(__always) private func isCloser(_ b: UInt8) -> Bool {
        b == 93 || b == 41 || b == 125 || b == 62 || b == 44 || b == 59 || b == 46 || b == 58 || b == 34 || b == 39 || b == 33 || b == 63
    }
    @inline(__always) private func digitAt(_ line: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { line[i] >= 48 && line[i] <= 57 }
    private func isKlogLevel(_ b: UInt8) -> Bool { b == 73 || b == 87 || b == 69 || b == 70 }  // I W E F
    private func allDigits(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to { if !digitAt(line, i) { return false }; i += 1 }
        return from < to
    }
    private func firstIndex(of byte: UInt8, in line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var i = from
        while i < to { if line[i] == byte { return i }; i += 1 }
        return nil
    }
    private func lastIndex(of byte: UInt8, in line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var i = to - 1
        while i >= from { if line[i] == byte { return i }; i -= 1 }
        return nil
    }
    private func closingQuote(_ line: UnsafeBufferPointer<UInt8>, _ q: UInt8, _ from: Int, _ to: Int) -> Int? {
        var i = from
        while i < to {
            if line[i] == 92 { i += 2; continue }
            if line[i] == q { return i }
            i += 1
        }
        return nil
    }
    /// The `=` of `key=value` when the key is an identifier (letters, digits, `_.-`).
    private func keyValueSplit(_ line: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int) -> Int? {
        var i = cs
        while i < ce {
            let b = line[i]
            if b == equals { return i > cs ? i : nil }
            let ok = (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95 || b == dot || b == dash
            if !ok { return nil }
            i += 1
        }
        return nil
    }
    private func matches(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ word: StaticString) -> Bool {
        guard to - from == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for k in 0..<(to - from) where line[from + k] | 0x20 != p[k] { return false }
        return true
    }
    private func isLevelKey(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        matches(line, from, to, "level") || matches(line, from, to, "lvl") || matches(line, from, to, "severity")
    }
    private func isMessageKey(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        matches(line, from, to, "msg") || matches(line, from, to, "message")
    }
    private func isMonth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        let key = (UInt32(a | 0x20) << 16) | (UInt32(b | 0x20) << 8) | UInt32(c | 0x20)
        return LogTokenizer.months.contains(key)
    }
    private static let months: Set<UInt32> = Set(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { s in
        let u = Array(s.utf8)
        return (UInt32(u[0]) << 16) | (UInt32(u[1]) << 8) | UInt32(u[2])
    })
}

/// Byte classes the splitter collects per chunk (one table lookup a byte), so classifying a
/// chunk of plain letters, or one without `=`, `:` or `[`, skips the passes that cannot match.
enum ByteClass {
    static let letter: UInt8 = 1, digit: UInt8 = 2, equals: UInt8 = 4, colon: UInt8 = 8, bracket: UInt8 = 16, other: UInt8 = 32
    /// Not kinds of a chunk's bytes but where the splitter stops: whitespace, and `"` or `'`.
    static let space: UInt8 = 64, quote: UInt8 = 128
    static let kinds: UInt8 = 63, stop: UInt8 = space | quote

    /// Per byte, the counter `kind(of:)` adds it to, as 1 in that counter's byte of a word:
    /// digits, hex letters, other letters, colons, dots, dashes, anything else.
    static let counters: [UInt64] = (0..<256).map { b -> UInt64 in
        switch b {
        case 48...57: return 1
        case 97...102, 65...70: return 1 << 8
        case 103...122, 71...90: return 1 << 16
        case 58: return 1 << 24
        case 46: return 1 << 32
        case 45: return 1 << 40
        default: return 1 << 48
        }
    }

    static let table: [UInt8] = (0..<256).map { b -> UInt8 in
        switch b {
        case 65...90, 97...122: return letter
        case 48...57: return digit
        case 61: return equals
        case 58: return colon
        case 91: return bracket
        case 32, 9, 13, 10: return space
        case 34, 39: return other | quote
        default: return other
        }
    }
}
