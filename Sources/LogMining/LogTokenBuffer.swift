/// The tokens of one line, in memory the miner owns and reuses for every line: the tokenizer
/// writes each token in place (no `Array.append`, with its uniqueness and capacity checks a
/// token, and no 32-byte token returned through memory and copied again).
///
/// Room is made once a line, before tokenizing it: whitespace separates tokens, so a line of `n`
/// bytes has at most `(n + 1) / 2` of them, plus the JSON level's (`reserve(forLineOf:)`); the
/// tokenizer then appends without checking.
public final class LogTokenBuffer {
    // Only the tokenizer and the miner touch these, never across a call that could reach them
    // again: the runtime's exclusivity checks would cost more than the work on the hot path.
    /// The tokens: `base[0..<count]`.
    @exclusivity(unchecked) @usableFromInline private(set) var base: UnsafeMutablePointer<LogToken>
    @exclusivity(unchecked) public internal(set) var count = 0
    @exclusivity(unchecked) @usableFromInline private(set) var capacity: Int

    public init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for the tokens of a line of `length` bytes and empties the buffer.
    @inline(__always)
    func reserve(forLineOf length: Int) {
        count = 0
        let needed = length / 2 + 3
        if needed > capacity { grow(to: needed) }
    }

    @inline(never)
    private func grow(to needed: Int) {
        capacity = max(needed, capacity * 2)
        base.deallocate()
        base = .allocate(capacity: capacity)
    }

    /// The tokens, valid until the next line is tokenized into the buffer.
    @inline(__always)
    public var tokens: UnsafeBufferPointer<LogToken> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    public subscript(i: Int) -> LogToken { base[i] }
}
