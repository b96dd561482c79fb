/// The order go-yaml v2 sorts map keys in when it writes YAML (its `keyList.Less` for string
/// keys), which is the order `kubectl get -o yaml` and Helm's `toYaml` print.
///
/// At the first character where two keys differ: two letters compare by code point (so `Zed` <
/// `a`); a letter and a non-letter put the non-letter first (`_u` < `Zed`, `a1` < `ab`); two
/// non-letters compare the digit runs that start there by value (`z9` < `z10`), then by length,
/// then by code point. A key that is a prefix of another sorts first.
///
/// The comparison is not transitive for some key sets (`9$` < `25x` < `2b` < `9$`, or with zeros:
/// `a10` < `a1b` < `a01b` < `a10`); for those Go's own output depends on its random map
/// iteration order, so no order is "the" right one and any order the sort yields is as good.
public enum NaturalKeyOrder {
    /// Whether `a` sorts before `b`.
    public static func less(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { ab in b.withUTF8 { bb in less(utf8: ab, bb) } }
    }

    /// Keys sorted in this order.
    public static func sorted<S: Sequence>(_ keys: S) -> [String] where S.Element == String {
        keys.sorted(by: less)
    }

    /// The positions of `keys` in sorted order, or nil when they are in order already (checking
    /// that costs one comparison per key and no allocation).
    static func sortedIndices<C: RandomAccessCollection>(ifUnsorted keys: C) -> [Int]?
    where C.Element == String, C.Index == Int {
        var i = keys.startIndex + 1
        while i < keys.endIndex {
            if less(keys[i], keys[i - 1]) {
                var indices = Array(keys.indices)
                indices.sort { less(keys[$0], keys[$1]) }
                return indices
            }
            i += 1
        }
        return nil
    }

    /// keyList.Less over UTF-8 text. Where the keys differ in ASCII (the usual case) it works on
    /// the bytes; otherwise it compares the keys' code points as Go compares runes.
    static func less(utf8 a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(a.count, b.count)
        var i = 0
        while i < n && a[i] == b[i] { i += 1 }
        // A byte prefix is a rune prefix, and then the shorter key sorts first.
        if i == n { return a.count < b.count }
        if let result = asciiLess(a, b, at: i) { return result }
        return less(codes: a.unicodeScalarValues, b.unicodeScalarValues)
    }

    /// The comparison at the first differing byte `i` when it only needs ASCII characters; nil
    /// when a non-ASCII character is involved (it may be a letter or a digit).
    @inline(__always)
    private static func asciiLess(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool? {
        let ca = a[i], cb = b[i]
        guard ca < 0x80, cb < 0x80 else { return nil }
        let al = isASCIILetter(ca), bl = isASCIILetter(cb)
        if al && bl { return ca < cb }
        if al || bl { return bl }
        var an: Int64 = 0, bn: Int64 = 0
        if ca == UInt8(ascii: "0") || cb == UInt8(ascii: "0") {
            // A zero continuing a run that has a non-zero digit before it counts as a digit of
            // that run (go-yaml compares 1 followed by the rest).
            var j = i - 1
            while j >= 0 {
                let c = a[j]
                if c >= 0x80 { return nil }
                guard isASCIIDigit(c) else { break }
                if c != UInt8(ascii: "0") {
                    an = 1
                    bn = 1
                    break
                }
                j -= 1
            }
        }
        var ai = i
        while ai < a.count && isASCIIDigit(a[ai]) {
            an = an &* 10 &+ Int64(a[ai] &- UInt8(ascii: "0"))
            ai += 1
        }
        if ai < a.count && a[ai] >= 0x80 && ai > i { return nil }
        var bi = i
        while bi < b.count && isASCIIDigit(b[bi]) {
            bn = bn &* 10 &+ Int64(b[bi] &- UInt8(ascii: "0"))
            bi += 1
        }
        if bi < b.count && b[bi] >= 0x80 && bi > i { return nil }
        if an != bn { return an < bn }
        if ai != bi { return ai < bi }
        return ca < cb
    }

    @inline(__always)
    private static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }

    @inline(__always)
    private static func isASCIIDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// Go's `unicode.IsLetter`: categories Lu, Ll, Lt, Lm and Lo.
    private static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return isASCIILetter(UInt8(c)) }
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Go's `unicode.IsDigit`: category Nd.
    private static func isDigit(_ c: UInt32) -> Bool {
        if c < 0x80 { return isASCIIDigit(UInt8(c)) }
        guard let scalar = Unicode.Scalar(c) else { return false }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// keyList.Less over code points, as Go runs it over `[]rune`.
    static func less(codes ar: [UInt32], _ br: [UInt32]) -> Bool {
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] {
                i += 1
                continue
            }
            let al = isLetter(ar[i])
            let bl = isLetter(br[i])
            if al && bl { return ar[i] < br[i] }
            if al || bl { return bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if ar[i] == 0x30 || br[i] == 0x30 {
                var j = i - 1
                while j >= 0 && isDigit(ar[j]) {
                    if ar[j] != 0x30 {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(ar[ai]) {
                an = an &* 10 &+ Int64(Int32(bitPattern: ar[ai] &- 0x30))
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(br[bi]) {
                bn = bn &* 10 &+ Int64(Int32(bitPattern: br[bi] &- 0x30))
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i] < br[i]
        }
        return ar.count < br.count
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The code points of this UTF-8 text.
    fileprivate var unicodeScalarValues: [UInt32] {
        String(decoding: self, as: UTF8.self).unicodeScalars.map(\.value)
    }
}
