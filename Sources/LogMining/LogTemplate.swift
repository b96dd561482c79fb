/// A template the miner has learned: its tokens (`<*>` where lines vary) and how many lines it
/// has taken. `id` is stable for the template's life; merged templates answer to the survivor.
public struct LogTemplate: Equatable, Sendable {
    public var id: Int
    public var count: Int
    /// The tokens as printed; a variable position prints `<*>`.
    public var tokens: [String]

    /// The template as one line.
    public var text: String { tokens.joined(separator: " ") }
}

/// One position of a stored template: what the miner compares a line's token against.
struct TemplateSlot {
    var id: Int
    var count: Int
    var lastSeen: UInt64
    var hashes: [UInt64]
    /// 0: a kept word; 1: a shaped variable (`[<*>]`, `key=<*>`); 2: a bare `<*>` (matches anything).
    var kinds: [UInt8]
    var texts: [String]
    var key: GroupKey
    /// The kept positions that held a plain word when the template was made (`WordField`).
    var plainWords: UInt64 = 0

    static let constant: UInt8 = 0, variable: UInt8 = 1, wildcard: UInt8 = 2

    static func kind(ofText text: String) -> UInt8 {
        text == "<*>" ? wildcard : (text.contains("<*>") ? variable : constant)
    }

    /// The plain-word positions of a template's printed tokens (its kept words only).
    static func plainWords(texts: [String], kinds: [UInt8]) -> UInt64 {
        WordField.mask(count: texts.count) { i in
            var text = texts[i]
            return kinds[i] == constant && text.withUTF8(WordField.isPlainWord)
        }
    }

    var template: LogTemplate { LogTemplate(id: id, count: count, tokens: texts) }
}
