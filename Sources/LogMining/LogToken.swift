/// One token of a log line, as byte ranges into the line: `prefix` and `suffix` keep their bytes
/// (brackets, `key=`, a trailing comma), the `core` is kept or, when variable, printed as `<*>`.
/// Ranges instead of Strings so tokenizing a line allocates nothing.
public struct LogToken: Equatable, Sendable {
    /// Where the prefix starts; the core starts at `coreStart`.
    public var start: Int
    public var coreStart: Int
    public var coreEnd: Int
    /// Where the suffix ends.
    public var end: Int
    /// What the core is: a word stays in templates, everything else is a variable.
    public var kind: LogTokenKind
    /// A `=` printed between prefix and core (a JSON field `"level":"info"` prints `level=info`).
    public var joinsWithEquals: Bool = false
    /// Where the prefix ends when it is not where the core starts (a JSON level's key), else -1.
    public var prefixEnd: Int = -1
    /// FNV-1a of the printed text (with `<*>` for a variable core): what the miner compares.
    public var hash: UInt64 = 0

    /// The end of the prefix's bytes.
    @inline(__always) public var prefixUpper: Int { prefixEnd >= 0 ? prefixEnd : coreStart }

    /// Whether the core prints as `<*>`.
    public var isVariable: Bool { kind.isVariable }

    /// The token as it prints in a template.
    public func text(in line: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start + 3)
        bytes.append(contentsOf: line[start..<prefixUpper])
        if joinsWithEquals { bytes.append(UInt8(ascii: "=")) }
        if isVariable { bytes.append(contentsOf: LogToken.wildcard) } else { bytes.append(contentsOf: line[coreStart..<coreEnd]) }
        bytes.append(contentsOf: line[coreEnd..<end])
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How a variable prints.
    public static let wildcard: [UInt8] = Array("<*>".utf8)
    /// The hash of a bare `<*>`, the template position that matches anything.
    public static let wildcardHash: UInt64 = FNV1a.hash(wildcard)
}

/// What a token's core is. Only `.word` and `.level` are kept in templates.
public enum LogTokenKind: UInt8, Sendable {
    case word, level, timestamp, number, hex, uuid, ip, path, url, quoted, value, identifier

    public var isVariable: Bool { self != .word && self != .level }
}

/// FNV-1a, 64-bit: a fast, allocation-free hash over bytes, good enough to tell tokens apart.
public enum FNV1a {
    public static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x100_0000_01b3

    @inline(__always)
    public static func add(_ hash: inout UInt64, _ byte: UInt8) {
        hash = (hash ^ UInt64(byte)) &* prime
    }

    public static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h = offset
        for b in bytes { add(&h, b) }
        return h
    }
}
