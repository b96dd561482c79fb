extension LogTokenizer {
    // MARK: - Classifying

    /// The token of the chunk `line[start..<end]`.
    ///
    /// `seen`: the `ByteClass` bits of the bytes the splitter read, to skip the checks that
    /// cannot apply. `packed`: the chunk's summed `ByteClass.entries` counters when the splitter
    /// read every byte of it (no quoted part skipped) and it is at most 255 bytes long, so
    /// `kind(of:)` need not count the core again; nil otherwise.
    ///
    /// Inlined into `makeToken` (its one caller), so the token is built in registers and
    /// stored once, not returned through memory and read back.
    @inline(__always)
    func classify(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, quoted: Bool, first: Bool, seen: UInt8,
                  packed: UInt64?) -> LogToken {
        if seen & ~ByteClass.letter == 0, end - start < 8 {
            // A few letters only: a word (the common case, decided without another pass).
            return LogToken(start: start, coreStart: start, coreEnd: end, end: end, kind: .word)
        }
        var cs = start, ce = end
        while cs < ce {
            let n = Self.openerLength(line, cs, ce)
            if n == 0 { break }
            cs &+= n
        }
        while ce > cs {
            let n = Self.closerLength(line, before: ce, after: cs)
            if n == 0 { break }
            ce &-= n
        }
        var token = LogToken(start: start, coreStart: cs, coreEnd: ce, end: end, kind: .word)
        if cs == ce { return token }
        if quoted, cs > start, line[cs - 1] == quote || line[cs - 1] == apostrophe {
            // A quoted string: one variable, its quotes and what surrounds them kept; as many
            // escaped quotes as open it close it (`"\"a b\""` prints `"\"<*>\""`; `"said
            // \"hi\""` prints `"<*>"`, its escaped quotes inside the value).
            if let close = lastIndex(of: line[cs - 1], in: line, cs, end) {
                token.coreEnd = close
                var escapedOpeners = 0, k = start
                while k < cs { if line[k] == 92 { escapedOpeners &+= 1; k &+= 2 } else { k &+= 1 } }
                while escapedOpeners > 0, token.coreEnd > cs, Self.closerLength(line, before: token.coreEnd, after: cs) == 2 {
                    token.coreEnd &-= 2
                    escapedOpeners &-= 1
                }
            }
            token.kind = .quoted
            return token
        }
        if let packed, ce &- cs == CoreCounts.letters(packed) || (ce &- cs == 1 && line[cs] &- 48 > 9) {
            // Letters only inside brackets and punctuation (`failed:`, `(root)`, `"Starting`), or
            // one byte that is not a digit (`-`): what the checks below would decide, without them.
            // The trimmed bytes are none of them letters, so the chunk's letters are the core's; a
            // core of letters has no `=`, `:`, `[` or digit, so no later check could apply: it is
            // hex when 8 or more hex letters (`kind(of:)`), else a word.
            let n = ce &- cs
            token.kind = n >= 8 && CoreCounts.hexLetters(packed) == n ? .hex : .word
            return token
        }
        // key=value: keep the key, mask the value (a level's value stays).
        if seen & ByteClass.equals != 0, let eq = keyValueSplit(line, cs, ce) {
            token.coreStart = eq + 1
            // A bracketed value keeps its brackets as the key does: `pods=["web-1"]` prints
            // `pods=["<*>"]`, not `pods=<*>"]`.
            while token.coreStart < ce, line[token.coreStart] != quote, line[token.coreStart] != apostrophe {
                let n = Self.openerLength(line, token.coreStart, ce)
                if n == 0 { break }
                token.coreStart &+= n
            }
            if token.coreStart < ce, line[token.coreStart] == quote || line[token.coreStart] == apostrophe {
                // The value ends at its closing quote, the chunk's last (the splitter took the
                // escaped ones inside as the value's): `err="not \"found\""` prints `err="<*>"`,
                // not `err="<*>\""`.
                if let close = lastIndex(of: line[token.coreStart], in: line, token.coreStart + 1, end) { token.coreEnd = close }
                token.coreStart += 1
                token.kind = .quoted
            } else if token.coreStart == ce {
                token.kind = .word
            } else if isLevelKey(line, cs, eq) {
                token.kind = .level
            } else {
                token.kind = .value
                // `pod=web-1_default(3f0c-11)` prints `pod=<*>`, as the value alone would.
                if token.coreEnd < end, Self.isBracketCloser(line[token.coreEnd]) {
                    token.coreEnd = Self.closedInside(line, token.coreStart, token.coreEnd, end)
                }
            }
            return token
        }
        // klog header `I1202`: the level letter stays, the date goes.
        if first, ce - cs == 5, isKlogLevel(line[cs]), allDigits(line, cs + 1, ce) {
            token.coreStart = cs + 1
            token.kind = .timestamp
            return token
        }
        let core = packed.map { coreCounters($0, line, start, cs, ce, end) }
        token.kind = kind(of: line, cs, ce, packed: core)
        // Brackets count as other bytes: a core known to have none skips the two bracket checks.
        let mayHaveBrackets = core.map { CoreCounts.other($0) > 0 } ?? true
        // `[fe80::1]:443`: a bracketed address is one variable, brackets included. (Not ZooKeeper's
        // `[QuorumPeer[myid=1]/...@670]`: its first `]` closes a `[` inside, and it prints `[<*>]`.)
        if token.isVariable, cs > start, line[cs - 1] == 91, mayHaveBrackets, let close = firstIndex(of: 93, in: line, cs, ce),
           firstIndex(of: 91, in: line, cs, close) == nil {
            token.coreStart = cs - 1
            return token
        }
        // `sshd[1234]`: keep the program name.
        if token.kind != .word, seen & ByteClass.bracket != 0, mayHaveBrackets, let bracket = firstIndex(of: 91, in: line, cs, ce), bracket > cs,
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
        // (Only a core with brackets can hold an opener: most have none, and skip the scan.)
        if token.isVariable, mayHaveBrackets, token.coreEnd < end, Self.isBracketCloser(line[token.coreEnd]) {
            token.coreEnd = Self.closedInside(line, token.coreStart, token.coreEnd, end)
        }
        return token
    }

    /// The counters of the core `line[cs..<ce]`: the chunk's (`packed`, over `start..<end`)
    /// less those of the brackets and punctuation trimmed off either side. Those are all
    /// counted as other bytes but `.` and `:`, so no table is read for them.
    @inline(__always)
    private func coreCounters(_ packed: UInt64, _ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ cs: Int, _ ce: Int, _ end: Int) -> UInt64 {
        var sum = ByteClass.counters(packed) &- UInt64(truncatingIfNeeded: cs &- start) &* ByteClass.otherCounter
        var k = ce
        while k < end {
            let b = line[k]
            sum &-= b == dot ? ByteClass.dotCounter : b == colon ? ByteClass.colonCounter : ByteClass.otherCounter
            k &+= 1
        }
        return sum
    }

    /// What a core (no brackets or trailing punctuation) is.
    func kind(of line: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int) -> LogTokenKind {
        kind(of: line, cs, ce, packed: nil)
    }

    /// `packed`: the core's summed `ByteClass.entries` counters when the splitter has them.
    func kind(of line: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int, packed: UInt64?) -> LogTokenKind {
        let n = ce - cs
        let first = line[cs]
        if first == slash, n > 1 { return .path }
        if n > 2, first == dot || first == tilde, line[cs + 1] == slash { return .path }
        let counts: CoreCounts
        if let packed {
            counts = CoreCounts(packed: packed)
        } else if n <= 255 {
            // One table add a byte: the counters packed in a word (a core this short cannot overflow one).
            let entries = ByteClass.entries
            var sum: UInt64 = 0
            var k = cs
            while k < ce { sum &+= entries[Int(line[k])]; k &+= 1 }
            counts = CoreCounts(packed: ByteClass.counters(sum))
        } else {
            counts = CoreCounts(line, cs, ce)
        }
        if counts.colons > 0, counts.other > 0 {
            // `://` needs a slash too, and a slash counts as other.
            var i = cs
            while i < ce {
                if line[i] == colon, i + 2 < ce, line[i + 1] == slash, line[i + 2] == slash { return .url }
                i += 1
            }
        }
        if counts.digits == 0 {
            if n >= 8, counts.hexLetters == n { return .hex }
            if counts.colons >= 2, counts.colons + counts.hexLetters == n, n > 2 { return .ip }  // `fe::`, `::a` (no digits)
            return .word
        }
        if n == 36, counts.dashes == 4, line[cs + 8] == dash, line[cs + 13] == dash, line[cs + 18] == dash, line[cs + 23] == dash { return .uuid }
        if first == 48, n > 2, line[cs + 1] == 120 || line[cs + 1] == 88 { return .hex }
        if counts.letters == 0 {
            if counts.colons >= 2 && counts.dots <= 1 && counts.dashes == 0 { return .timestamp }  // 10:00:00(.123)
            if counts.dots == 3 && counts.colons <= 1 { return .ip }                        // 10.0.0.1(:8080)
            if counts.dashes == 2 && counts.dots == 0 && counts.colons == 0 && n == 10 { return .timestamp }  // 2024-12-02
            if counts.other == 0 || (counts.other == 1 && (first == plus)) { return .number }
            return .identifier
        }
        if counts.colons >= 2, counts.other == 0, counts.letters == counts.hexLetters { return .ip }   // fe80::1, 2001:db8::1
        if n >= 10, line[cs + 4] == dash, digitAt(line, cs), digitAt(line, cs + 3), line[cs + 7] == dash, counts.colons >= 1 { return .timestamp }  // ISO 8601
        if digitAt(line, cs) {
            // 12ms, 1.5s, 200Mi: a number with a unit; 3f9a2c...: hex.
            if counts.letters == counts.hexLetters, n >= 8 { return .hex }
            return .number
        }
        if counts.digits >= 2 { return .identifier }
        // One digit after a separator (`node-1`, `worker_3`, `pool.2`) numbers an instance.
        var i = cs + 1
        while i < ce {
            let b = line[i - 1]
            if digitAt(line, i), b == dash || b == 95 || b == dot || b == 91 { return .identifier }
            i += 1
        }
        return .word
    }
}
