/// What the tokenizer knows about each byte value, in one table entry of 64 bits read once per
/// byte while splitting, so that a chunk's classes and counts are gathered in the same pass
/// that finds where it ends:
/// - bits 0–55, seven 8-bit counters (a 1 in the counter the byte belongs to): digits, hex
///   letters, other letters, colons, dots, dashes, anything else. Summed over a chunk, they are
///   the counts `kind(of:)` decides by (`CoreCounts`); a chunk of at most 255 bytes cannot
///   carry one counter into the next.
/// - bits 56–63, the byte's class bits (`letter`, `digit`, ...): OR-ed over a chunk, they tell
///   `classify` which checks cannot apply (a chunk of letters is a word; no `=`, no key=value).
///   `space` and `quote` mark where the splitter stops.
enum ByteClass {
    static let letter: UInt8 = 1, digit: UInt8 = 2, equals: UInt8 = 4, colon: UInt8 = 8, bracket: UInt8 = 16, other: UInt8 = 32
    /// Not kinds of a chunk's bytes but where the splitter stops: whitespace, and `"` or `'`.
    static let space: UInt8 = 64, quote: UInt8 = 128
    static let kinds: UInt8 = 63, stop: UInt8 = space | quote

    /// The class bits of an entry.
    @inline(__always) static func classes(_ entry: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: entry &>> 56) }
    /// The counters of an entry (or of a sum of entries).
    @inline(__always) static func counters(_ entry: UInt64) -> UInt64 { entry & 0x00FF_FFFF_FFFF_FFFF }
    static let stopBits = UInt64(stop) &<< 56, spaceBits = UInt64(space) &<< 56, kindBits = UInt64(kinds) &<< 56

    /// The counters of a colon, a dot and any other byte.
    static let colonCounter: UInt64 = 1 << 24, dotCounter: UInt64 = 1 << 32, otherCounter: UInt64 = 1 << 48

    /// Per byte value: its counter and its class bits. A pointer to memory made once and kept
    /// for the process, not an array: reading it needs no closure, which kept the optimizer
    /// from inlining into the splitter's loop.
    /// Written once, at first use, and only read after: `nonisolated(unsafe)` is safe here.
    nonisolated(unsafe) static let entries: UnsafePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 256)
        table.initialize(from: (0..<256).map(entry), count: 256)
        return UnsafePointer(table)
    }()

    private static func entry(_ b: Int) -> UInt64 {
        let counter: UInt64
        switch b {
        case 48...57: counter = 1
        case 97...102, 65...70: counter = 1 << 8
        case 103...122, 71...90: counter = 1 << 16
        case 58: counter = colonCounter
        case 46: counter = dotCounter
        case 45: counter = 1 << 40
        default: counter = otherCounter
        }
        let classes: UInt8
        switch b {
        case 65...90, 97...122: classes = letter
        case 48...57: classes = digit
        case 61: classes = equals
        case 58: classes = colon
        case 91: classes = bracket
        case 32, 9, 13, 10: classes = space
        case 34, 39: classes = other | quote
        default: classes = other
        }
        return counter | (UInt64(classes) &<< 56)
    }
}

/// The counts of a token core's bytes that `kind(of:)` decides by.
struct CoreCounts {
    var digits = 0, hexLetters = 0, letters = 0, colons = 0, dots = 0, dashes = 0, other = 0

    /// Unpacks summed `ByteClass.entries` counters (of at most 255 bytes).
    @inline(__always)
    init(packed: UInt64) {
        digits = Int(truncatingIfNeeded: packed & 0xff)
        hexLetters = Int(truncatingIfNeeded: (packed &>> 8) & 0xff)
        letters = hexLetters &+ Int(truncatingIfNeeded: (packed &>> 16) & 0xff)
        colons = Int(truncatingIfNeeded: (packed &>> 24) & 0xff)
        dots = Int(truncatingIfNeeded: (packed &>> 32) & 0xff)
        dashes = Int(truncatingIfNeeded: (packed &>> 40) & 0xff)
        other = Int(truncatingIfNeeded: (packed &>> 48) & 0xff)
    }

    /// The hex letters of summed counters, without unpacking the rest.
    @inline(__always)
    static func hexLetters(_ packed: UInt64) -> Int { Int(truncatingIfNeeded: (packed &>> 8) & 0xff) }

    /// The letters (hex or not) of summed counters, without unpacking the rest.
    @inline(__always)
    static func letters(_ packed: UInt64) -> Int {
        Int(truncatingIfNeeded: (packed &>> 8) & 0xff) &+ Int(truncatingIfNeeded: (packed &>> 16) & 0xff)
    }

    /// The other bytes (not letters, digits, `:`, `.` or `-`) of summed counters.
    @inline(__always)
    static func other(_ packed: UInt64) -> Int { Int(truncatingIfNeeded: (packed &>> 48) & 0xff) }

    /// Counts `line[from..<to]` a byte at a time (any length).
    init(_ line: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        var i = from
        while i < to {
            let b = line[i]
            if b >= 48 && b <= 57 { digits += 1 }
            else if (b >= 97 && b <= 102) || (b >= 65 && b <= 70) { hexLetters += 1; letters += 1 }
            else if (b >= 103 && b <= 122) || (b >= 71 && b <= 90) { letters += 1 }
            else if b == 58 { colons += 1 }
            else if b == 46 { dots += 1 }
            else if b == 45 { dashes += 1 }
            else { other += 1 }
            i += 1
        }
    }
}
