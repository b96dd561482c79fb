/// Lines are compared only with templates of the same token count and the same key word: the
/// word an event's message starts with, as Drain routes lines by their leading tokens.
///
/// The key word is the first kept word that is not a header field, in a line that has a
/// message: a kept word (not a header field) followed by another kept word.
///
/// - A header field is a level (`INFO`, `[warn]`, `level=error`, zerolog's `INF`) or a word of
///   punctuation only (`-`, `|`): they stand before the message in many formats (HDFS's `INFO
///   dfs.FSNamesystem: BLOCK* ...`, ZooKeeper's `- INFO [thread] - message`) and say nothing
///   about which event a line is, so keying on them leaves the similarity alone to tell every
///   message of a length apart. A word with a digit (`eth0:`, `worker2`) names an instance more
///   often than an event, and Drain routes no token with a digit either.
/// - Before the message, the words of a bracket (`[main]`, `[AsyncDispatcher event handler]`,
///   Spring Boot's `[           main]`) name a thread, module or component, as log4j's `LEVEL
///   [thread] logger: message` prints it: header fields too. Keyed on `[main]`, every line of a
///   Java program's main thread met in one group, where a template generalised by one event
///   took the others of its length. (A bracketed word is still a plain word for `WordField`.)
/// - Nor does a message start at a quoted value followed by a variable (`"GET /api HTTP/1.1"
///   503`) that no message word precedes: the words after it are more fields' values, as in
///   Envoy's access log (`[...] "GET /api HTTP/1.1" 503 UF via_upstream ...`, where `UF` is the
///   response flag). Such a line keys on a kept word before the quoted value, or on 0. A quoted
///   name that a word follows (nginx's `"/index.html" is not found`) starts a message.
///
/// A line without a message (an access log: `- alice [...]`, its only words fields' values)
/// keys on its first kept word, whatever those values are; a line without kept words on 0.
/// Whether the word after the key word is a word or a variable (`Container istio-proxy failed`,
/// `Container redis-0 failed`) does not change the key.
struct GroupKey: Hashable {
    var count: Int
    var first: UInt64

    /// The most tokens a header's bracket spans (`[IPC Server handler 3 on 62270]`: 6); a `[`
    /// never closed ends there.
    static let bracketTokens = 6

    /// The key word's position among `count` tokens, given which are kept words, which of
    /// those are header fields (`isHeader`), and each token's first and last printed byte;
    /// nil when none is kept. One rule for a mined line and for a template loaded from a
    /// state saved without keys (`position(texts:)`), which print the same bytes there but for
    /// a bare variable whose line starts it with a `[` (`[::1]:443`) or ends it with a bracket
    /// it opened (`x-1[a,22]`), both printed `<*>`: a line reads its own bytes, as the states
    /// saved with keys were keyed (reading the printed ones would key their lines apart).
    /// `headerBrackets` false: the rule of states format 1, without the bracket and quoted-value
    /// rules (see `position(texts:)`).
    @inline(__always)
    static func position(count: Int, isKept: (Int) -> Bool, isHeader: (Int) -> Bool, ends: (Int) -> (first: UInt8, last: UInt8),
                         headerBrackets: Bool = true) -> Int? {
        var firstKept: Int?, firstWord: Int?
        var bracketLeft = 0
        var i = 0
        while i < count {
            let (first, last) = headerBrackets ? ends(i) : (0, 0)
            var bracketed = false
            if firstWord == nil, bracketLeft > 0 || first == UInt8(ascii: "[") {
                bracketed = true
                bracketLeft = last == UInt8(ascii: "]") ? 0 : (bracketLeft > 0 ? bracketLeft : bracketTokens) - 1
            }
            if isKept(i) {
                if firstKept == nil { firstKept = i }
                if !bracketed, !isHeader(i) {
                    if firstWord == nil { firstWord = i }
                    if i + 1 < count, isKept(i + 1) { return firstWord }
                }
            } else if firstWord == nil, first == 34 || first == 39, i + 1 < count, !isKept(i + 1) {
                return firstKept
            }
            i += 1
        }
        return firstKept
    }

    /// The key word's position in a template's printed tokens (a state saved without keys);
    /// `headerBrackets` false: by the rule before brackets and quoted values ended the search,
    /// which keyed the templates of states format 1.
    static func position(texts: [String], headerBrackets: Bool = true) -> Int? {
        position(count: texts.count, isKept: { TemplateSlot.kind(ofText: texts[$0]) == TemplateSlot.constant }, isHeader: { i in
            var text = texts[i]
            return text.withUTF8(isHeader)
        }, ends: { (texts[$0].utf8.first ?? 0, texts[$0].utf8.last ?? 0) }, headerBrackets: headerBrackets)
    }

    /// Whether a kept word's printed bytes are a header field: no letter or digit; a level
    /// name, any case, once the punctuation around it is set aside (`[INFO]`, `warn:`); a
    /// `level=`/`lvl=`/`severity=` pair; or a word with a digit (`eth0:`, `worker2`). Bytes of
    /// UTF-8 sequences count as letters (`用户`, `ошибка`).
    static func isHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (from, to) = core(bytes)
        if from == to || bytes[from..<to].contains(where: { $0 >= 48 && $0 <= 57 }) { return true }
        if let equals = bytes[from..<to].firstIndex(of: UInt8(ascii: "=")) {
            return isOneOf(bytes, from, equals, levelKeys)
        }
        return isOneOf(bytes, from, to, levelNames)
    }

    static let levelKeys = ["level", "lvl", "severity"]
    static let levelNames = ["trace", "debug", "info", "notice", "warn", "warning", "error", "err", "crit",
                             "critical", "fatal", "severe", "alert", "emerg", "panic",
                             "trc", "dbg", "inf", "wrn", "ftl"]  // zerolog's console writer

    /// Where a word's letters and digits start and end once the punctuation around it is set
    /// aside (`[INFO]` → `INFO`, `failure;` → `failure`); empty (from == to) when it has none.
    static func core(_ bytes: UnsafeBufferPointer<UInt8>) -> (from: Int, to: Int) {
        var from = 0, to = bytes.count
        while from < to, !isAlphanumeric(bytes[from]) { from += 1 }
        while to > from, !isAlphanumeric(bytes[to - 1]) { to -= 1 }
        return (from, to)
    }

    /// A letter or digit; bytes of UTF-8 sequences count as letters.
    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122) || b >= 0x80
    }

    /// Whether `bytes[from..<to]`, lowercased, is one of `words`.
    private static func isOneOf(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ words: [String]) -> Bool {
        guard to - from <= 8 else { return false }
        return words.contains { word in
            word.utf8.count == to - from && zip(word.utf8, bytes[from..<to]).allSatisfy { $0 == $1 | 0x20 }
        }
    }
}
