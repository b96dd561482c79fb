/// Splits a log line into tokens and decides which are variables, working on UTF-8 bytes.
///
/// Whitespace separates tokens, except inside a quoted string (one token). Brackets and
/// trailing punctuation stay as a token's prefix and suffix, so templates read like the lines.
/// Variables: timestamps (ISO 8601, syslog `Dec  2 10:00:00`, ctime `Sun Dec  4 ...`, epoch),
/// numbers (with units), hex, UUIDs, IPv4/IPv6 (with ports), paths, URLs, quoted strings and the values of
/// `key=value` pairs (the key stays; `level=` values stay). klog headers (`I1202`) keep the
/// level letter; `file.go:123` keeps the file. JSON lines are mined by their `msg`/`message`
/// field, with the `level` field kept in front (see `JSONLogLine`).
///
/// Built for a million lines a second and more: one table read a byte finds where a chunk ends
/// and gathers its byte classes and counts on the way (`ByteClass`), so deciding its kind needs
/// no second pass; chunks of only letters or only digits (most of them) skip classification;
/// tokens are written in place into a reused `LogTokenBuffer`.
public struct LogTokenizer: Sendable {
    private let wildcardHash = LogToken.wildcardHash

    public init() {}

    /// Tokenizes `line` into `tokens` (emptied first; reuse the buffer so no line allocates).
    /// A line longer than `LogToken.maxLineLength` bytes is tokenized up to that length.
    public func tokenize(_ line: UnsafeBufferPointer<UInt8>, into tokens: LogTokenBuffer) {
        let line = line.count <= LogToken.maxLineLength ? line : UnsafeBufferPointer(rebasing: line.prefix(LogToken.maxLineLength))
        tokens.reserve(forLineOf: line.count)
        var start = 0
        while start < line.count, isSpace(line[start]) { start += 1 }
        if start < line.count, line[start] == UInt8(ascii: "{"), let json = JSONLogLine(line, from: start) {
            if var level = json.level {
                level.hash = hash(level, in: line)
                tokens.base[0] = level
                tokens.count = 1
            }
            words(line, json.message.lowerBound, json.message.upperBound, into: tokens)
        } else {
            words(line, start, line.count, into: tokens)
        }
    }

    /// Tokenizes `line` into an array (convenience: allocates a buffer for the call).
    public func tokenize(_ line: UnsafeBufferPointer<UInt8>, into tokens: inout [LogToken]) {
        let buffer = LogTokenBuffer()
        tokenize(line, into: buffer)
        tokens = Array(buffer.tokens)
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

    /// Splits `line[from..<to]` at whitespace and appends a classified, hashed token a chunk.
    /// The tokens are written straight into the buffer's memory (`out`, `n` of them so far),
    /// which `reserve(forLineOf:)` made big enough. Chunks of only letters or only digits (most
    /// of them) are made right here; the others go to `makeToken`, one call a token. One copy of
    /// the loop, not one inlined into each of `tokenize`'s two calls.
    @inline(never)
    private func words(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, into tokens: LogTokenBuffer) {
        let out = tokens.base
        var n = tokens.count
        let entries = ByteClass.entries
        var i = from
        var inMessageQuote = false
        var pendingPrefix = -1
        while i < to {
            while i < to, entries[Int(line[i])] & ByteClass.spaceBits != 0 { i &+= 1 }
            if i >= to { break }
            let start = i
            // klog's structured message: `file.go:123] "Starting controller" k="v"` mines the words.
            // (A bracketed timestamp, `[Sun` or `[2024-12-02T...`, is not klog's level letter.)
            if n == 4, line[i] == quote, out[0].kind == .timestamp, out[0].coreStart == out[0].start + 1,
               isKlogLevel(line[out[0].start]), line[out[3].end - 1] == 93 {
                inMessageQuote = true
            }
            var j = i
            var quoted = false
            var messageKeyEnd = -1
            // The bytes' entries OR-ed (class bits in the top byte) and summed (counters below).
            var seen: UInt64 = 0, sum: UInt64 = 0
            while j < to {
                let e = entries[Int(line[j])]
                if e & ByteClass.stopBits == 0 {
                    // Most bytes: neither a space nor a quote.
                    seen |= e
                    sum &+= e
                    j &+= 1
                    continue
                }
                if e & ByteClass.spaceBits != 0 { break }
                seen |= e & ByteClass.kindBits
                sum &+= e
                if inMessageQuote {
                    j &+= 1
                    continue
                }
                switch quoteStep(line, start, j, to) {
                case .messageKey(let end):
                    messageKeyEnd = end
                case .quoted(let next):
                    quoted = true
                    j = next
                    continue
                case .none:
                    j &+= 1
                    continue
                }
                break
            }
            if messageKeyEnd >= 0 {
                // logfmt `msg="starting server"`: the message is mined as words, `msg="` leads the
                // first. Before a space or the line's end (`msg=" x"`, `msg="`) it is a token of
                // its own: a token never holds whitespace (a saved template splits at it).
                inMessageQuote = true
                i = messageKeyEnd
                if messageKeyEnd < to, entries[Int(line[messageKeyEnd])] & ByteClass.spaceBits == 0 {
                    pendingPrefix = start
                } else {
                    out[n] = LogToken(start: start, coreStart: start, coreEnd: messageKeyEnd, end: messageKeyEnd, kind: .word)
                    out[n].hash = hash(out[n], in: line)
                    n &+= 1
                }
                continue
            }
            // The message's closing quote; an escaped one (`pod \"web\"`) quotes a name inside it.
            if inMessageQuote, j > start, line[j - 1] == quote, !Self.isEscaped(line, j - 1, after: start) { inMessageQuote = false }
            let classes = ByteClass.classes(seen), length = j &- start
            if pendingPrefix < 0, length <= 255, classes == ByteClass.letter || classes == ByteClass.digit {
                // Letters only or digits only (most tokens): made here, without a call, as `classify`
                // would make them; none of its checks can apply to a chunk without brackets,
                // punctuation, `=`, `:` or quotes. Letters are a word, or hex when 8 or more hex
                // letters; digits are a number. A word hashes as its one range, a variable as `<*>`.
                let kind: LogTokenKind = classes == ByteClass.digit
                    ? .number : (length >= 8 && CoreCounts.hexLetters(sum) == length ? .hex : .word)
                out[n] = LogToken(start: start, coreStart: start, coreEnd: j, end: j, kind: kind)
                if kind == .word, length < 8, line.count &- start >= 8 {
                    // Most words: one load, masked, hashed in one step.
                    out[n].hash = TokenHash.hash(word: load(line.baseAddress! + start) & lowBytes(length), count: length)
                } else if kind == .word {
                    var h = TokenHash()
                    h.add(line.baseAddress! + start, length, readable: line.count &- start)
                    out[n].hash = h.value
                } else {
                    out[n].hash = wildcardHash
                }
                n &+= 1
                if kind == .hex, continuesList(line, out, n) { n &-= 1 }
                if kind == .number, length <= 2, mayBeMonth(out, n) { markSyslogMonth(line, out, n) }
                if n == 4, kind == .word { markSyslogHost(line, out) }
                i = j
                continue
            }
            let kind = makeToken(line, start, j, quoted: quoted, first: n == 0, seen: classes,
                                 packed: quoted || length > 255 ? nil : sum, prefixFrom: pendingPrefix, into: out + n)
            pendingPrefix = -1
            n &+= 1
            if continuesList(line, out, n) { n &-= 1 }
            if n == 4, kind == .word { markSyslogHost(line, out) }
            // Only a number completes a month pair.
            if kind == .number, mayBeMonth(out, n) { markSyslogMonth(line, out, n) }
            i = j
        }
        tokens.count = n
    }

    /// What a quote at `j`, in a chunk that started at `start`, does (outside a message's quotes).
    enum QuoteStep {
        /// Nothing: a quote inside a word.
        case none
        /// A quoted string, at the chunk's start or after `=` or a bracket: the chunk goes on at `next`.
        case quoted(next: Int)
        /// logfmt's `msg="`: the chunk ends at `end`, and the message's words follow.
        case messageKey(end: Int)
    }

    /// The token of the chunk `line[start..<end]`, classified, led by a pending `msg="` at
    /// `prefixFrom` (-1: none) and hashed, written to `slot`; its kind. One call a token from
    /// the splitter, in which `classify` and `hash` are inlined and the token stays in
    /// registers until it is stored (returned by value, it went through memory twice).
    @inline(never)
    private func makeToken(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, quoted: Bool, first: Bool, seen: UInt8,
                           packed: UInt64?, prefixFrom: Int, into slot: UnsafeMutablePointer<LogToken>) -> LogTokenKind {
        var token = classify(line, start, end, quoted: quoted, first: first, seen: seen, packed: packed)
        if prefixFrom >= 0 {
            if token.coreStart == token.start, token.prefixEnd < 0 { token.prefixEnd = start }
            token.start = prefixFrom
        }
        token.hash = hash(token, in: line)
        slot.initialize(to: token)
        return token.kind
    }

    /// Out of the splitter's loop (quotes are rare there), so the loop keeps its registers.
    @inline(never)
    private func quoteStep(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ j: Int, _ to: Int) -> QuoteStep {
        guard j == start || line[j - 1] == equals || isOpener(line[j - 1]) else { return .none }
        let b = line[j]
        if b == quote, j > start, line[j - 1] == equals, isMessageKey(line, start, j - 1) { return .messageKey(end: j + 1) }
        if let close = closingQuote(line, b, j + 1, to) { return .quoted(next: close + 1) }
        return .none
    }

    /// Syslog `Dec  2 10:00:00`: a month name before a day number is part of the timestamp, and
    /// so is a weekday name just before them, as C's `ctime` writes it (Apache's error log,
    /// Java's `Date.toString`: `[Sun Dec 04 04:47:44 2005]`); the weekday may have a prefix
    /// (`[`, `(`, a quote) but no suffix. Checked as each token is appended (`n` tokens so far)
    /// on the last two, and the weekday on the one before them: a pair's second is a number and
    /// its first a word, so pairs never overlap and marking as tokens arrive marks what a pass
    /// over the finished line would.
    /// Out of the splitter's loop, called only when `mayBeMonth` (a 3-byte token before the
    /// number): the call and its checks were paid on every number.
    @inline(never)
    private func markSyslogMonth(_ line: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeMutablePointer<LogToken>, _ n: Int) {
        guard n >= 2, tokens[n - 1].kind == .number, tokens[n - 2].kind == .word else { return }
        let t = tokens[n - 2]
        if t.coreEnd - t.coreStart == 3, t.start == t.coreStart, t.end == t.coreEnd,
           tokens[n - 1].coreEnd - tokens[n - 1].coreStart <= 2,
           isMonth(line[t.coreStart], line[t.coreStart + 1], line[t.coreStart + 2]) {
            tokens[n - 2].kind = .timestamp
            tokens[n - 2].hash = hash(tokens[n - 2], in: line)
            tokens[n - 1].kind = .timestamp
            guard n >= 3, tokens[n - 3].kind == .word else { return }
            let day = tokens[n - 3]
            if day.coreEnd - day.coreStart == 3, day.end == day.coreEnd,
               isWeekday(line[day.coreStart], line[day.coreStart + 1], line[day.coreStart + 2]) {
                tokens[n - 3].kind = .timestamp
                tokens[n - 3].hash = hash(tokens[n - 3], in: line)
            }
        }
    }

    /// A list of names (`blk_1 blk_2 blk_3`, `10.0.0.1:50010 10.0.0.2:50010`) is one variable,
    /// however many it names, as Loghub's templates write it (`to delete <*>`): so its length
    /// does not split one event into a template a length. When the last token (`n` so far) and
    /// the one before it are variables of the same kind that names things, the one before is
    /// widened over the last, and the caller drops the last. Both are bare (no prefix), but for a
    /// comma after the one before (`blk_1, blk_2`) and any suffix after the last (`blk_2.`),
    /// which the widened token keeps. Hex, UUIDs and addresses are values through and through;
    /// identifiers need the same family (`sameFamily`). Numbers, timestamps and quoted strings
    /// stand side by side as separate fields, and so do paths and URLs (a copy's source and
    /// destination), so they never join.
    @inline(__always)
    private func continuesList(_ line: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<LogToken>, _ n: Int) -> Bool {
        guard n >= 2 else { return false }
        let last = out[n &- 1], previous = out[n &- 2]
        guard last.kind == previous.kind else { return false }
        switch last.kind {
        case .hex, .uuid, .ip, .identifier:
            break
        default:
            return false
        }
        return joinList(line, out, n)
    }

    /// The rest of `continuesList`, out of line: only two neighbouring names of one kind get here.
    @inline(never)
    private func joinList(_ line: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<LogToken>, _ n: Int) -> Bool {
        let last = out[n &- 1], previous = out[n &- 2]
        guard last.start == last.coreStart, previous.start == previous.coreStart,
              !last.joinsWithEquals, !previous.joinsWithEquals, last.prefixEnd < 0, previous.prefixEnd < 0,
              previous.end == previous.coreEnd || (previous.end == previous.coreEnd &+ 1 && line[previous.coreEnd] == 44)
        else { return false }
        if last.kind == .identifier, !sameFamily(line, previous.coreStart, previous.coreEnd, last.coreStart, last.coreEnd) { return false }
        out[n &- 2].coreEnd = last.coreEnd
        out[n &- 2].end = last.end
        out[n &- 2].hash = hash(out[n &- 2], in: line)
        return true
    }

    /// Whether two identifiers, `line[a..<aEnd]` and `line[b..<bEnd]`, have the same family: the
    /// same bytes before their first digit or dash, at least one of them a letter (`blk_` of
    /// `blk_-42` and `blk_42`; not `cxid:` and `zxid:`, nor the empty family of `-12ms`).
    private func sameFamily(_ line: UnsafeBufferPointer<UInt8>, _ a: Int, _ aEnd: Int, _ b: Int, _ bEnd: Int) -> Bool {
        var i = 0, letters = 0
        while true {
            let xEnds = a &+ i >= aEnd || line[a &+ i] &- 48 <= 9 || line[a &+ i] == dash
            let yEnds = b &+ i >= bEnd || line[b &+ i] &- 48 <= 9 || line[b &+ i] == dash
            if xEnds || yEnds { return xEnds && yEnds && letters > 0 }
            let x = line[a &+ i]
            if x != line[b &+ i] { return false }
            if (x | 0x20) &- 97 < 26 { letters &+= 1 }
            i &+= 1
        }
    }

    /// syslog's `Dec  2 10:00:00 host-a sshd[42]: msg` (RFC 3164): the word after a timestamp
    /// that opens the line is the HOSTNAME field, a variable like the timestamp (one host's name
    /// would otherwise be a kept word and the line's key, and each host its own templates).
    /// Called with the line's fourth token just appended, a word; the three before it must be
    /// the month, the day and the time, as `markSyslogMonth` and `kind(of:)` marked them.
    @inline(never)
    private func markSyslogHost(_ line: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeMutablePointer<LogToken>) {
        guard tokens[0].kind == .timestamp, tokens[0].start == tokens[0].coreStart, tokens[0].end - tokens[0].start == 3,
              tokens[1].kind == .timestamp, tokens[2].kind == .timestamp, tokens[2].end == tokens[2].coreEnd else { return }
        tokens[3].kind = .identifier
        tokens[3].hash = hash(tokens[3], in: line)
    }

    /// Whether the token before the last one (`n` tokens so far) is 3 bytes long, as a month
    /// before a day number must be: the cheap part of `markSyslogMonth`'s test.
    @inline(__always)
    private func mayBeMonth(_ tokens: UnsafeMutablePointer<LogToken>, _ n: Int) -> Bool {
        n >= 2 && tokens[n &- 2].end32 &- tokens[n &- 2].start32 == 3
    }

    // MARK: - Hashing

    /// `TokenHash` of the token's printed text: what templates store and compare.
    @inline(__always)
    func hash(_ token: LogToken, in line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let base = line.baseAddress!
        if !token.isVariable, !token.joinsWithEquals, token.prefixEnd < 0 {
            // A kept word prints its bytes as they are: one range.
            var h = TokenHash()
            h.add(base + token.start, token.end &- token.start, readable: line.count &- token.start)
            return h.value
        }
        if token.start == token.coreStart, token.coreEnd == token.end, !token.joinsWithEquals, token.prefixEnd < 0 {
            return wildcardHash  // a bare variable prints `<*>`
        }
        let prefixCount = token.prefixUpper &- token.start, suffixCount = token.end &- token.coreEnd
        if token.isVariable, !token.joinsWithEquals, prefixCount &+ suffixCount <= 5,
           line.count &- token.start >= 8, line.count &- token.coreEnd >= 8 {
            // `[<*>]`, `key=<*>`, `sshd[<*>]:`: at most 8 printed bytes, put together in one word
            // (prefix, `<*>`, suffix) from two loads, not added a byte at a time.
            let prefix = load(base + token.start) & lowBytes(prefixCount)
            let suffix = load(base + token.coreEnd) & lowBytes(suffixCount)
            let word = prefix | (0x3E_2A3C &<< UInt64(truncatingIfNeeded: prefixCount &* 8))
                | (suffix &<< UInt64(truncatingIfNeeded: (prefixCount &+ 3) &* 8))
            return TokenHash.hash(word: word, count: prefixCount &+ 3 &+ suffixCount)
        }
        return hashInPieces(token, in: line)
    }

    /// The printed text's hash fed piece by piece (prefix, `=`, core or `<*>`, suffix): the rare
    /// case, out of line so that `hash` stays small enough to be inlined.
    @inline(never)
    private func hashInPieces(_ token: LogToken, in line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let base = line.baseAddress!
        var h = TokenHash()
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

    /// Eight bytes from `p`, the first lowest.
    @inline(__always)
    private func load(_ p: UnsafePointer<UInt8>) -> UInt64 { UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) }
    /// A mask of the low `count` (0...7) bytes.
    @inline(__always)
    private func lowBytes(_ count: Int) -> UInt64 { (1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1 }

    // MARK: - Byte classes

    var quote: UInt8 { 34 }
    var apostrophe: UInt8 { 39 }
    var equals: UInt8 { 61 }
    var colon: UInt8 { 58 }
    var slash: UInt8 { 47 }
    var dot: UInt8 { 46 }
    var dash: UInt8 { 45 }
    var tilde: UInt8 { 126 }
    var plus: UInt8 { 43 }

    @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 || b == 10 }
    @inline(__always) func isOpener(_ b: UInt8) -> Bool { Self.isOpener(b) }
    @inline(__always) func isCloser(_ b: UInt8) -> Bool { Self.isCloser(b) }
    /// `[ ( { < " '`: what a token's prefix may hold before its core.
    @inline(__always) static func isOpener(_ b: UInt8) -> Bool { b == 91 || b == 40 || b == 123 || b == 60 || b == 34 || b == 39 }
    /// `] ) } > " '` and `, ; . : ! ?`: what a token's suffix may hold after its core.
    @inline(__always) static func isCloser(_ b: UInt8) -> Bool {
        b == 93 || b == 41 || b == 125 || b == 62 || b == 44 || b == 59 || b == 46 || b == 58 || b == 34 || b == 39 || b == 33 || b == 63
    }
    /// Where a value `line[cs..<ce]` ends once the closing brackets right after it whose
    /// openers are inside it are its own: `web-1_default(3f0c-11)` prints `<*>`, not `<*>)`
    /// with a bracket that opens nowhere; `[<*>]` keeps its `]`. One pass over the value, then
    /// one step a closer (a line of many brackets costs its length, not its square).
    static func closedInside(_ line: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int, _ end: Int) -> Int {
        guard ce < end, isBracketCloser(line[ce]) else { return ce }
        // How many of each bracket the value leaves open: ( [ {.
        var round = 0, square = 0, curly = 0
        var k = cs
        while k < ce {
            switch line[k] {
            case 40: round &+= 1
            case 41: round &-= 1
            case 91: square &+= 1
            case 93: square &-= 1
            case 123: curly &+= 1
            case 125: curly &-= 1
            default: break
            }
            k &+= 1
        }
        var ce = ce
        while ce < end {
            switch line[ce] {
            case 41 where round > 0: round &-= 1
            case 93 where square > 0: square &-= 1
            case 125 where curly > 0: curly &-= 1
            default: return ce
            }
            ce &+= 1
        }
        return ce
    }
    /// `) ] }`: a closer that may close a bracket opened inside a value (`closedInside`).
    @inline(__always) static func isBracketCloser(_ b: UInt8) -> Bool { b == 41 || b == 93 || b == 125 }
    /// How many bytes of `bytes[i..<end]`'s start are one opener: 1 for `isOpener`, 2 for an
    /// escaped quote (`\"`: klog quotes names inside its quoted message, `volume \"tmp\"`), else 0.
    @inline(__always) static func openerLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        isOpener(bytes[i]) ? 1 : isEscapedQuote(bytes, i, end) ? 2 : 0
    }
    /// How many bytes of `bytes[i..<end]`'s start are one closer: 1 for `isCloser`, 2 for an
    /// escaped quote (`\")` closes `\"`, `)`), else 0.
    @inline(__always) static func closerLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        isCloser(bytes[i]) ? 1 : isEscapedQuote(bytes, i, end) ? 2 : 0
    }
    /// Whether `bytes[i..<end]` starts with `\"` or `\'`.
    @inline(__always) private static func isEscapedQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        bytes[i] == 92 && i &+ 1 < end && (bytes[i &+ 1] == 34 || bytes[i &+ 1] == 39)
    }
    /// How many bytes of `bytes[start..<i]`'s end are one closer: 1 for `isCloser`, 2 for an
    /// escaped quote, else 0.
    @inline(__always) static func closerLength(_ bytes: UnsafeBufferPointer<UInt8>, before i: Int, after start: Int) -> Int {
        let b = bytes[i &- 1]
        guard isCloser(b) else { return 0 }
        return (b == 34 || b == 39) && isEscaped(bytes, i &- 1, after: start) ? 2 : 1
    }
    /// Whether the byte at `i` is escaped: an odd run of `\` right before it, within
    /// `bytes[start..<i]` (`\"` is an escaped quote; `\\"` a backslash, then a quote).
    @inline(__always) static func isEscaped(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, after start: Int) -> Bool {
        var k = i
        while k > start, bytes[k &- 1] == 92 { k &-= 1 }
        return (i &- k) & 1 == 1
    }
    @inline(__always) func digitAt(_ line: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { line[i] >= 48 && line[i] <= 57 }
    func isKlogLevel(_ b: UInt8) -> Bool { b == 73 || b == 87 || b == 69 || b == 70 }  // I W E F
    func allDigits(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to { if !digitAt(line, i) { return false }; i += 1 }
        return from < to
    }
    func firstIndex(of byte: UInt8, in line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var i = from
        while i < to { if line[i] == byte { return i }; i += 1 }
        return nil
    }
    func lastIndex(of byte: UInt8, in line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var i = to - 1
        while i >= from { if line[i] == byte { return i }; i -= 1 }
        return nil
    }
    func closingQuote(_ line: UnsafeBufferPointer<UInt8>, _ q: UInt8, _ from: Int, _ to: Int) -> Int? {
        var i = from
        while i < to {
            if line[i] == 92 { i += 2; continue }
            if line[i] == q { return i }
            i += 1
        }
        return nil
    }
    /// The `=` of `key=value` when the key is an identifier (letters, digits, `_.-`).
    func keyValueSplit(_ line: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int) -> Int? {
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
    func matches(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ word: StaticString) -> Bool {
        guard to - from == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for k in 0..<(to - from) where line[from + k] | 0x20 != p[k] { return false }
        return true
    }
    func isLevelKey(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        matches(line, from, to, "level") || matches(line, from, to, "lvl") || matches(line, from, to, "severity")
    }
    func isMessageKey(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        matches(line, from, to, "msg") || matches(line, from, to, "message")
    }
    /// Whether three letters name a day of the week (any case), as `isMonth` compares them.
    func isWeekday(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        let key = (UInt32(a | 0x20) << 16) | (UInt32(b | 0x20) << 8) | UInt32(c | 0x20)
        switch key {
        case 0x6D_6F6E, 0x74_7565, 0x77_6564, 0x74_6875, 0x66_7269, 0x73_6174, 0x73_756E:  // mon tue wed thu fri sat sun
            return true
        default:
            return false
        }
    }

    /// Whether three letters name a month (any case): compared as one number, no set lookup.
    func isMonth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        let key = (UInt32(a | 0x20) << 16) | (UInt32(b | 0x20) << 8) | UInt32(c | 0x20)
        switch key {
        case 0x6A_616E, 0x66_6562, 0x6D_6172, 0x61_7072, 0x6D_6179, 0x6A_756E,  // jan feb mar apr may jun
             0x6A_756C, 0x61_7567, 0x73_6570, 0x6F_6374, 0x6E_6F76, 0x64_6563:  // jul aug sep oct nov dec
            return true
        default:
            return false
        }
    }
}
