/// One token of a log line, as byte ranges into the line: `prefix` and `suffix` keep their bytes
/// (brackets, `key=`, a trailing comma), the `core` is kept or, when variable, printed as `<*>`.
/// Ranges instead of Strings so tokenizing a line allocates nothing. Positions are stored as
/// `Int32` and the kind and flag as bytes, so a token is 32 bytes, not 56: the tokenizer writes
/// a line's tokens in place into a `LogTokenBuffer`, and the miner reads them a pass or two
/// later, and half the bytes is half the memory traffic. Lines are mined up to their first
/// `LogToken.maxLineLength` bytes (see `LogTokenizer.tokenize`).
public struct LogToken: Equatable, Sendable {
    @usableFromInline var start32: Int32
    @usableFromInline var coreStart32: Int32
    @usableFromInline var coreEnd32: Int32
    @usableFromInline var end32: Int32
    @usableFromInline var prefixEnd32: Int32
    /// What the core is: a word stays in templates, everything else is a variable.
    public var kind: LogTokenKind
    /// A `=` printed between prefix and core (a JSON field `"level":"info"` prints `level=info`).
    public var joinsWithEquals: Bool
    /// `TokenHash` of the printed text (with `<*>` for a variable core): what the miner compares.
    public var hash: UInt64 = 0

    /// The longest line whose positions a token can hold.
    public static let maxLineLength = Int(Int32.max)

    @inline(__always)
    public init(start: Int, coreStart: Int, coreEnd: Int, end: Int, kind: LogTokenKind, joinsWithEquals: Bool = false, prefixEnd: Int = -1) {
        start32 = Int32(truncatingIfNeeded: start)
        coreStart32 = Int32(truncatingIfNeeded: coreStart)
        coreEnd32 = Int32(truncatingIfNeeded: coreEnd)
        end32 = Int32(truncatingIfNeeded: end)
        prefixEnd32 = Int32(truncatingIfNeeded: prefixEnd)
        self.kind = kind
        self.joinsWithEquals = joinsWithEquals
    }

    /// Where the prefix starts; the core starts at `coreStart`.
    public var start: Int {
        @inline(__always) get { Int(start32) }
        @inline(__always) set { start32 = Int32(truncatingIfNeeded: newValue) }
    }
    public var coreStart: Int {
        @inline(__always) get { Int(coreStart32) }
        @inline(__always) set { coreStart32 = Int32(truncatingIfNeeded: newValue) }
    }
    public var coreEnd: Int {
        @inline(__always) get { Int(coreEnd32) }
        @inline(__always) set { coreEnd32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// Where the suffix ends.
    public var end: Int {
        @inline(__always) get { Int(end32) }
        @inline(__always) set { end32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// Where the prefix ends when it is not where the core starts (a JSON level's key), else -1.
    public var prefixEnd: Int {
        @inline(__always) get { Int(prefixEnd32) }
        @inline(__always) set { prefixEnd32 = Int32(truncatingIfNeeded: newValue) }
    }

    /// The end of the prefix's bytes.
    @inline(__always) public var prefixUpper: Int { prefixEnd >= 0 ? prefixEnd : coreStart }

    /// Whether the core prints as `<*>`.
    @inline(__always) public var isVariable: Bool { kind.isVariable }

    /// The token as it prints in a template.
    public func text(in line: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        printed(in: line, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes the token prints in a template, into `bytes` (emptied first; reuse it so that
    /// no String is made).
    public func printed(in line: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(end - start + 3)
        bytes.append(contentsOf: line[start..<prefixUpper])
        if joinsWithEquals { bytes.append(UInt8(ascii: "=")) }
        if isVariable { bytes.append(contentsOf: LogToken.wildcard) } else { bytes.append(contentsOf: line[coreStart..<coreEnd]) }
        bytes.append(contentsOf: line[coreEnd..<end])
    }

    /// How a variable prints.
    public static let wildcard: [UInt8] = Array("<*>".utf8)
    /// The hash of a bare `<*>`, the template position that matches anything.
    public static let wildcardHash: UInt64 = TokenHash.hash(wildcard)
}

/// What a token's core is. Only `.word` and `.level` are kept in templates.
public enum LogTokenKind: UInt8, Sendable {
    case word, level, timestamp, number, hex, uuid, ip, path, url, quoted, value, identifier

    @inline(__always) public var isVariable: Bool { rawValue > LogTokenKind.level.rawValue }
}

/// The 64-bit hash of a token's printed text: fed in pieces (prefix, `=`, core or `<*>`, suffix)
/// and equal to the hash of those pieces' concatenation, so the tokenizer (hashing ranges of the
/// line) and a loaded state (hashing template texts) agree. Eight bytes a multiply, not one, and
/// no chain of multiplies a byte: hashing a token costs a few cycles, not a few per byte.
public struct TokenHash {
    @usableFromInline var h: UInt64 = 0x243F_6A88_85A3_08D3
    /// Bytes not yet mixed (fewer than 8, little-endian) and how many.
    @usableFromInline var pending: UInt64 = 0
    @usableFromInline var pendingCount: Int = 0
    @usableFromInline var length: Int = 0

    @inline(__always) public init() {}

    @inline(__always) @usableFromInline mutating func mix(_ word: UInt64) {
        h = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        h ^= h &>> 29
    }

    @inline(__always) public mutating func add(_ byte: UInt8) {
        pending |= UInt64(byte) &<< UInt64(truncatingIfNeeded: pendingCount &* 8)
        pendingCount &+= 1
        length &+= 1
        if pendingCount == 8 { mix(pending); pending = 0; pendingCount = 0 }
    }

    /// Adds `count` bytes from `bytes`: whole words at once while nothing is pending. `readable`
    /// (at least `count`): how many bytes from `bytes` may be read, so that a last partial word
    /// can be one load, masked, instead of a byte at a time.
    @inline(__always) public mutating func add(_ bytes: UnsafePointer<UInt8>, _ count: Int, readable: Int = 0) {
        var i = 0
        if pendingCount == 0 {
            while i &+ 8 <= count {
                mix(UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)))
                i &+= 8
            }
            length &+= i
            let rest = count &- i
            if rest > 0, readable &- i >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
                pending = word & ((1 &<< UInt64(truncatingIfNeeded: rest &* 8)) &- 1)
                pendingCount = rest
                length &+= rest
                return
            }
        }
        while i < count { add(bytes[i]); i &+= 1 }
    }

    /// The hash of everything added.
    @inline(__always) public var value: UInt64 {
        var x = h ^ (pending | (UInt64(truncatingIfNeeded: length) &<< 56))
        x = (x ^ (x &>> 32)) &* 0xD6E8_FEB8_6659_FD93
        x = (x ^ (x &>> 32)) &* 0xD6E8_FEB8_6659_FD93
        return x ^ (x &>> 32)
    }

    /// The hash of `count` bytes (at most 8) given as one little-endian word, first byte
    /// lowest: the same as adding them one by one, in one step.
    @inline(__always) public static func hash(word: UInt64, count: Int) -> UInt64 {
        var hasher = TokenHash()
        hasher.length = count
        if count == 8 { hasher.mix(word) } else { hasher.pending = word; hasher.pendingCount = count }
        return hasher.value
    }

    /// The hash of a whole byte sequence.
    public static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hasher = TokenHash()
        for b in bytes { hasher.add(b) }
        return hasher.value
    }
}
