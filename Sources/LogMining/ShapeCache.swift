/// Remembers, for a line's exact shape (its token count and every token's hash and kind), the
/// template such a line joined last time without changing it, so the next line of that shape
/// skips the similarity search. Most lines of a steady stream repeat a shape: only the values of
/// their variables differ, and those are hashed as `<*>`.
///
/// Why a hit gives the id the search would: a line's search depends only on its shape and on
/// the templates of its group (their tokens and order). An entry is stored only when the line
/// joined its template without changing it, together with the group's `stamp`; every change to
/// a group (a template created in it, generalised, merged or evicted from it) gives all its
/// members a new stamp, so an entry is used only while its group is exactly as it was when the
/// search chose that template. A hit compares the whole shape, not just its hash.
///
/// Memory is fixed: `entries` entries of at most `maxTokens` tokens (lines with more tokens are
/// always searched), direct-mapped by the shape's hash; a new entry replaces the old one there.
final class ShapeCache {
    static let maxTokens = 48

    struct Entry {
        var shape: UInt64 = 0
        var stamp: UInt64 = 0
        var id: Int = 0
        var slot: Int = -1
        var count: Int = -1
        /// Bit i set: token i is a variable.
        var variables: UInt64 = 0
    }

    let mask: Int
    private let entries: UnsafeMutablePointer<Entry>
    /// `maxTokens` token hashes for each entry.
    private let hashes: UnsafeMutablePointer<UInt64>

    /// `size` is rounded up to a power of two.
    init(size: Int) {
        var n = 1
        while n < size { n <<= 1 }
        mask = n - 1
        entries = .allocate(capacity: n)
        entries.initialize(repeating: Entry(), count: n)
        hashes = .allocate(capacity: n * Self.maxTokens)
        hashes.initialize(repeating: 0, count: n * Self.maxTokens)
    }

    deinit {
        entries.deallocate()
        hashes.deallocate()
    }

    /// The shape's hash and variable mask, nil when the line has too many tokens to be cached.
    @inline(__always)
    static func shape(of tokens: UnsafeBufferPointer<LogToken>) -> (hash: UInt64, variables: UInt64)? {
        guard tokens.count <= maxTokens else { return nil }
        // Each token's hash, with its position, is mixed on its own and the results are summed:
        // the multiplies do not wait for one another, as a chain of one a token did (a line's
        // tokens cost a few cycles each, not one multiply's latency each). A hit compares every
        // token's hash, so a weaker mix can only cost a slot, never give a wrong template.
        var h = UInt64(truncatingIfNeeded: tokens.count) &* 0x9E37_79B9_7F4A_7C15
        var variables: UInt64 = 0
        for i in 0..<tokens.count {
            let t = tokens[i]
            if t.kind.isVariable { variables |= 1 &<< UInt64(truncatingIfNeeded: i) }
            let m = (t.hash &+ UInt64(truncatingIfNeeded: i) &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
            h &+= m ^ (m &>> 32)
        }
        h ^= variables &* 0xC4CE_B9FE_1A85_EC53
        h ^= h &>> 31
        h &*= 0xD6E8_FEB8_6659_FD93
        return (h ^ (h &>> 29), variables)
    }

    /// The entry for this exact shape, if one is stored.
    @inline(__always)
    func find(_ shape: UInt64, _ variables: UInt64, _ tokens: UnsafeBufferPointer<LogToken>) -> Entry? {
        let index = Int(truncatingIfNeeded: shape) & mask
        let entry = entries[index]
        guard entry.shape == shape, entry.count == tokens.count, entry.variables == variables else { return nil }
        let stored = hashes + index * Self.maxTokens
        for i in 0..<tokens.count where stored[i] != tokens[i].hash { return nil }
        return entry
    }

    func store(_ shape: UInt64, _ variables: UInt64, _ tokens: UnsafeBufferPointer<LogToken>, slot: Int, id: Int, stamp: UInt64) {
        let index = Int(truncatingIfNeeded: shape) & mask
        entries[index] = Entry(shape: shape, stamp: stamp, id: id, slot: slot, count: tokens.count, variables: variables)
        let stored = hashes + index * Self.maxTokens
        for i in 0..<tokens.count { stored[i] = tokens[i].hash }
    }
}
