/// A JSON log line (`{"level":"info","msg":"..."}`) seen just enough to mine it: the byte range
/// of the message string (`msg` or `message`) and the level field as a kept token. Other fields
/// (time, caller, ids) are left out: they vary per line and say nothing about the template.
/// A scanner over the top-level object, not a full parser: nested values are skipped.
struct JSONLogLine {
    /// The message's bytes, between its quotes (escapes left as they are).
    var message: Range<Int>
    /// The level field printed as `level=info`, when there is one.
    var level: LogToken?

    /// Nil when the line is not a JSON object with a string `msg` or `message`.
    init?(_ line: UnsafeBufferPointer<UInt8>, from start: Int) {
        var i = start + 1
        var message: Range<Int>?
        var level: LogToken?
        let n = line.count
        while i < n {
            Self.skipSpace(line, &i)
            guard i < n else { return nil }
            if line[i] == 125 { break }                       // }
            if line[i] == 44 { i += 1; continue }             // ,
            guard line[i] == 34, let keyEnd = Self.stringEnd(line, i + 1) else { return nil }
            let key = (i + 1)..<keyEnd
            i = keyEnd + 1
            Self.skipSpace(line, &i)
            guard i < n, line[i] == 58 else { return nil }    // :
            i += 1
            Self.skipSpace(line, &i)
            guard i < n else { return nil }
            if line[i] == 34 {
                guard let valueEnd = Self.stringEnd(line, i + 1) else { return nil }
                let value = (i + 1)..<valueEnd
                if message == nil, Self.named(line, key, "msg") || Self.named(line, key, "message") {
                    message = value
                } else if level == nil, Self.named(line, key, "level") || Self.named(line, key, "lvl") || Self.named(line, key, "severity"),
                          !line[value].contains(where: { $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 }) {
                    // (A level with whitespace, `"level":"very high"`, is not one: a token never
                    // holds whitespace, or a saved template would split it in two.)
                    // Printed `key=value`: the prefix is the key's bytes, the core the value's.
                    level = LogToken(start: key.lowerBound, coreStart: value.lowerBound, coreEnd: value.upperBound, end: value.upperBound,
                                     kind: .level, joinsWithEquals: true, prefixEnd: key.upperBound)
                }
                i = valueEnd + 1
            } else {
                guard Self.skipValue(line, &i) else { return nil }
            }
        }
        guard let message else { return nil }
        self.message = message
        self.level = level
    }

    private static func skipSpace(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < line.count, line[i] == 32 || line[i] == 9 || line[i] == 13 || line[i] == 10 { i += 1 }
    }

    /// The index of the quote closing a string whose content starts at `from`. While eight more
    /// bytes are readable they are tested at once for `"` and `\` (most of a JSON line is
    /// string contents that are neither), and only those bytes are looked at one by one.
    private static func stringEnd(_ line: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int? {
        var i = from
        let n = line.count
        while i < n {
            if n &- i >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(line.baseAddress! + i).loadUnaligned(as: UInt64.self))
                let found = zeroBytes(word ^ 0x2222_2222_2222_2222) | zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
                if found == 0 { i &+= 8; continue }
                i &+= found.trailingZeroBitCount &>> 3
            }
            if line[i] == 92 { i += 2; continue }
            if line[i] == 34 { return i }
            i += 1
        }
        return nil
    }

    /// The high bit set in the first zero byte of `x` (little-endian): bytes after a zero one
    /// may be marked too, so only the lowest mark is meaningful.
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Skips a number, literal, object or array (strings inside nested values included).
    private static func skipValue(_ line: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        var depth = 0
        while i < line.count {
            let b = line[i]
            if b == 34 {
                guard let end = Self.stringEnd(line, i + 1) else { return false }
                i = end + 1
                if depth == 0 { return true }
                continue
            }
            if b == 123 || b == 91 { depth += 1 }
            else if b == 125 || b == 93 {
                if depth == 0 { return true }
                depth -= 1
                if depth == 0 { i += 1; return true }
            } else if b == 44, depth == 0 { return true }
            i += 1
        }
        return depth == 0
    }

    private static func named(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for k in 0..<range.count where line[range.lowerBound + k] != p[k] { return false }
        return true
    }
}
