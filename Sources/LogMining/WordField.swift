/// When a place where lines differ in a word is a field.
///
/// Two different words at one place of otherwise alike lines are most often two events: Loghub
/// labels OpenSSH's `Too many authentication failures for admin` and `... for root` apart, and
/// an operator tells `Test Case ... started` from `Test Suite ... started`, `Failed none` from
/// `Failed password`, `opened` from `closed`. A third word at that place makes it a field (user
/// names, states, table names), and from then on the place is a variable, `<*>`. Until then a
/// line joins no template it differs from in a word at the same place (see `TemplateMiner`):
/// a split keeps the information, a wrong merge loses it.
///
/// Only plain words count, letters once the punctuation around them is set aside (`root`,
/// `failure;`, `[preauth]`): a word with a digit, a dot or a dash (`eth0`, `mapred.job.id`,
/// `D-Link`) and a level name (`INFO`, `[warn]`) are scored as before, by similarity alone.
enum WordField {
    /// Distinct words at one place that make it a field.
    static let distinctWords = 3

    /// The most token positions tracked (a bit each): a place past it never blocks a join.
    static let positions = 64

    /// Whether printed bytes are a plain word: after leading and trailing bytes that are not
    /// letters or digits, only letters remain (and at least one), and they are not a level name
    /// (`INFO`, `[warn]`: a header field, `GroupKey`, which says nothing about the event).
    /// UTF-8 bytes count as letters.
    static func isPlainWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // A core with a digit is a header field too, so what passes both tests is letters only.
        let (from, to) = GroupKey.core(bytes)
        return from < to && bytes[from..<to].allSatisfy(GroupKey.isAlphanumeric) && !GroupKey.isHeader(bytes)
    }

    /// The positions among the first `positions` of `count` tokens that hold plain words, a bit each.
    @inline(__always)
    static func mask(count: Int, isPlainWord: (Int) -> Bool) -> UInt64 {
        var mask: UInt64 = 0
        for i in 0..<min(count, positions) where isPlainWord(i) { mask |= 1 << UInt64(i) }
        return mask
    }

}
