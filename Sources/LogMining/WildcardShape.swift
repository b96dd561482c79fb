/// The punctuation a template's `<*>` keeps: the brackets and quotes that every value seen at
/// that place opened with, and the closing brackets, quotes and trailing punctuation they all
/// closed with. kubelet's `"SyncLoop ADD"`, `"SyncLoop UPDATE"` and `"SyncLoop DELETE"` make
/// `"SyncLoop <*>"`, not `"SyncLoop <*>` with its closing quote lost; `(root)`, `(admin)` and
/// `(guest)` make `(<*>)`; `failed:` and `closed;` make a bare `<*>`. A place generalised to
/// `<*>` still matches any token (the punctuation is what the template prints, not what it
/// compares), as a shaped variable (`[<*>]`, `key=<*>`, made from tokens that are variables
/// themselves) keeps its own.
enum WildcardShape {
    /// The text of a place that held `a` and now also takes `b` (either may be a word, a shaped
    /// variable or a `<*>` with its punctuation): `<*>` between the openers both start with and
    /// the closers both end with.
    static func merged(_ a: String, _ b: String) -> String {
        let (aLead, aTrail) = punctuation(Array(a.utf8)), (bLead, bTrail) = punctuation(Array(b.utf8))
        var lead = 0
        while lead < min(aLead.count, bLead.count), aLead[lead] == bLead[lead] { lead += 1 }
        var trail = 0
        while trail < min(aTrail.count, bTrail.count), aTrail[aTrail.count - 1 - trail] == bTrail[bTrail.count - 1 - trail] { trail += 1 }
        if lead == 0, trail == 0 { return "<*>" }
        return String(decoding: aLead.prefix(lead), as: UTF8.self) + "<*>" + String(decoding: aTrail.suffix(trail), as: UTF8.self)
    }

    /// The openers a text starts with and the closers it ends with, around its value: its first
    /// `<*>` and last `<*>` when it has one (`"<*>"`, `[<*>]`), else its letters and digits
    /// (`"SyncLoop`, `ADD"`, `(root)`). After a key (`source="<*>"`, `pods=<*>"]`) the value's
    /// quotes and brackets went with the key, so only trailing punctuation (`,;.:!?`) counts:
    /// `<*>"` alone would print a quote that opens nowhere. A text of punctuation only has none:
    /// it is not a value with punctuation around it.
    static func punctuation(_ bytes: [UInt8]) -> (lead: [UInt8], trail: [UInt8]) {
        var from = 0, to = bytes.count
        if let star = firstWildcard(bytes) {
            from = star
            to = lastWildcard(bytes)! + 3
        } else {
            while from < to, !GroupKey.isAlphanumeric(bytes[from]) { from += 1 }
            while to > from, !GroupKey.isAlphanumeric(bytes[to - 1]) { to -= 1 }
            if from == to { return ([], []) }
        }
        var lead = 0
        while lead < from, LogTokenizer.isOpener(bytes[lead]) { lead += 1 }
        let afterKey = lead < from
        var trail = bytes.count
        while trail > to, LogTokenizer.isCloser(bytes[trail - 1]), !afterKey || !closesAValue(bytes[trail - 1]) { trail -= 1 }
        return (afterKey ? [] : Array(bytes[..<lead]), Array(bytes[trail...]))
    }

    /// `] ) } > " '`: a closer that ends a bracketed or quoted value.
    private static func closesAValue(_ b: UInt8) -> Bool { b == 93 || b == 41 || b == 125 || b == 62 || b == 34 || b == 39 }

    /// Where `<*>` first starts in `bytes`.
    private static func firstWildcard(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 3 else { return nil }
        return (0...(bytes.count - 3)).first { bytes[$0] == 60 && bytes[$0 + 1] == 42 && bytes[$0 + 2] == 62 }
    }

    /// Where `<*>` last starts in `bytes`.
    private static func lastWildcard(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 3 else { return nil }
        return (0...(bytes.count - 3)).last { bytes[$0] == 60 && bytes[$0 + 1] == 42 && bytes[$0 + 2] == 62 }
    }
}
