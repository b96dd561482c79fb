/// The punctuation a template's `<*>` keeps: the brackets and quotes that every value seen at
/// that place opened with, and the closing brackets, quotes and trailing punctuation they all
/// closed with. kubelet's `"SyncLoop ADD"`, `"SyncLoop UPDATE"` and `"SyncLoop DELETE"` make
/// `"SyncLoop <*>"`, not `"SyncLoop <*>` with its closing quote lost; `(root)`, `(admin)` and
/// `(guest)` make `(<*>)`; `failed:` and `closed;` make a bare `<*>`. A place generalised to
/// `<*>` still matches any token (the punctuation is what the template prints, not what it
/// compares), as a shaped variable (`[<*>]`, `key=<*>`, made from tokens that are variables
/// themselves) keeps its own.
///
/// What a place keeps is the longest run of openers that all its values start with and the
/// longest run of closers that all of them have right after the value (`(root)` and `(admin),`
/// keep `(<*>)`): a meet, so the text does not depend on the order the values came in.
enum WildcardShape {
    /// The text of a place that held `a` and now also takes `b` (either may be a word, a shaped
    /// variable or a `<*>` with its punctuation): `<*>` between the openers both start with and
    /// the closers both follow their values with.
    static func merged(_ a: String, _ b: String) -> String {
        var b = b
        return b.withUTF8 { merged(a, $0) } ?? a
    }

    /// `merged(a, b)` for `b`'s printed bytes; nil when it is `a` (most lines: no String is made).
    static func merged(_ a: String, _ b: UnsafeBufferPointer<UInt8>) -> String? {
        var a = a
        return a.withUTF8 { a -> String? in
            let (aLead, aTrail) = bounds(a), (bLead, bTrail) = bounds(b)
            var lead = 0
            while lead < aLead, lead < bLead, a[lead] == b[lead] { lead += 1 }
            var trail = 0
            while aTrail.lowerBound + trail < aTrail.upperBound, bTrail.lowerBound + trail < bTrail.upperBound,
                  a[aTrail.lowerBound + trail] == b[bTrail.lowerBound + trail] { trail += 1 }
            // A `\` kept without its quote would escape whatever follows it (`\"` and `\'` differ).
            if lead > 0, a[lead - 1] == 92 { lead -= 1 }
            if trail > 0, a[aTrail.lowerBound + trail - 1] == 92 { trail -= 1 }
            if lead == aLead, trail == aTrail.count, isWildcard(a, aLead, aTrail) { return nil }
            if lead == 0, trail == 0 { return "<*>" }
            return String(decoding: a[..<lead], as: UTF8.self) + "<*>"
                + String(decoding: a[aTrail.lowerBound..<(aTrail.lowerBound + trail)], as: UTF8.self)
        }
    }

    /// Whether `text` is a `<*>` printed as this type prints one: openers, `<*>`, closers.
    static func isShaped(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let (lead, trail) = bounds(bytes)
            return isWildcard(bytes, lead, trail)
        }
    }

    /// Whether `bytes` is exactly its `lead` openers, `<*>` and its `trail` closers, with nothing
    /// after them (`<*>x` and `(<*>)foo` are words that hold a `<*>`, not a shaped one).
    private static func isWildcard(_ bytes: UnsafeBufferPointer<UInt8>, _ lead: Int, _ trail: Range<Int>) -> Bool {
        trail.lowerBound == lead + 3 && trail.upperBound == bytes.count
            && bytes[lead] == 60 && bytes[lead + 1] == 42 && bytes[lead + 2] == 62
    }

    /// How many openers a text starts with, and where the closers that follow its value are:
    /// around its first and last `<*>` when it has one (`"<*>"`, `[<*>]`), else around its
    /// letters and digits (`"SyncLoop`, `ADD"`, `(root)`). After a key or a name (`source="<*>"`,
    /// `pods=<*>"]`, a kept `msg="done"`, `sshd[<*>]:`) the value's quotes and brackets went with
    /// it, so no openers count and only the `,;.:!?` the text ends with do: `<*>"` alone would
    /// print a quote that opens nowhere. A text of punctuation only has neither: it is not a value with punctuation
    /// around it.
    static func bounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (lead: Int, trail: Range<Int>) {
        let none = (0, bytes.count..<bytes.count)
        var from = 0, to = bytes.count
        if let star = firstWildcard(bytes) {
            from = star
            to = lastWildcard(bytes)! + 3
        } else {
            while from < to, !GroupKey.isAlphanumeric(bytes[from]) { from += 1 }
            while to > from, !GroupKey.isAlphanumeric(bytes[to - 1]) { to -= 1 }
            if from == to { return none }
        }
        var lead = 0
        while lead < from {
            let n = LogTokenizer.openerLength(bytes, lead, from)
            if n == 0 { break }
            lead += n
        }
        // A bracket closed inside the value is the value's (`Thread[main,5,main]`).
        to = LogTokenizer.closedInside(bytes, from, to, bytes.count)
        let afterKey = lead < from || bytes[from..<to].contains(61)
        if afterKey {
            // Only the plain punctuation the text ends with (`sshd[<*>]:` keeps `:`).
            var start = bytes.count
            while start > to, LogTokenizer.isCloser(bytes[start - 1]), !closesAValue(bytes[start - 1]) { start -= 1 }
            return (0, start..<bytes.count)
        }
        var trail = to
        while trail < bytes.count {
            let n = LogTokenizer.closerLength(bytes, trail, bytes.count)
            if n == 0 { break }
            trail += n
        }
        return (lead, to..<trail)
    }

    /// `] ) } > " '`: a closer that ends a bracketed or quoted value.
    private static func closesAValue(_ b: UInt8) -> Bool { b == 93 || b == 41 || b == 125 || b == 62 || b == 34 || b == 39 }

    /// Where `<*>` first starts in `bytes`.
    private static func firstWildcard(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 3 else { return nil }
        return (0...(bytes.count - 3)).first { bytes[$0] == 60 && bytes[$0 + 1] == 42 && bytes[$0 + 2] == 62 }
    }

    /// Where `<*>` last starts in `bytes`.
    private static func lastWildcard(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 3 else { return nil }
        return (0...(bytes.count - 3)).last { bytes[$0] == 60 && bytes[$0 + 1] == 42 && bytes[$0 + 2] == 62 }
    }
}
