/// The order go-yaml v2 sorts map keys in when it writes YAML (its `keyList.Less`), which is the
/// order `kubectl get -o yaml` and Helm's `toYaml` print.
///
/// Runs of digits compare by numeric value (`z9` < `z10`); where exactly one of two differing
/// characters is a letter, the non-letter sorts first (`_u` < `Zed` < `a`); letters compare by
/// code point, so upper case precedes lower case.
///
/// The comparison is not transitive for some key sets (`a10` < `a1b` < `a01b` < `a10`); for those
/// Go's own output depends on its random map iteration order, so no order is "the" right one and
/// any order the sort yields is as good as kubectl's.
public enum NaturalKeyOrder {
    /// Whether `a` sorts before `b`.
    public static func less(_ a: String, _ b: String) -> Bool {
        var au = a, bu = b
        let ascii: Bool? = au.withUTF8 { ab in
            bu.withUTF8 { bb in isASCII(ab) && isASCII(bb) ? less(codes: ab, bb) : nil }
        }
        return ascii ?? less(codes: a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }

    /// Keys sorted in this order.
    public static func sorted<S: Sequence>(_ keys: S) -> [String] where S.Element == String {
        keys.sorted(by: less)
    }

    /// The positions of `keys` in sorted order; keys that are already in order cost one pass.
    static func sortedIndices<C: RandomAccessCollection>(_ keys: C) -> [Int] where C.Element == String, C.Index == Int {
        var indices = Array(keys.indices)
        var i = keys.startIndex + 1
        while i < keys.endIndex {
            if less(keys[i], keys[i - 1]) {
                indices.sort { less(keys[$0], keys[$1]) }
                break
            }
            i += 1
        }
        return indices
    }

    private static func isASCII(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in s where c >= 0x80 { return false }
        return true
    }

    private static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {  // Go's unicode.IsLetter: Lu, Ll, Lt, Lm, Lo
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isDigit(_ c: UInt32) -> Bool {
        if c < 0x80 { return c >= 0x30 && c <= 0x39 }
        guard let scalar = Unicode.Scalar(c) else { return false }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// keyList.Less over code points (bytes for ASCII keys, scalars otherwise); both collections
    /// are indexed from 0.
    static func less<C: RandomAccessCollection>(codes ar: C, _ br: C) -> Bool
    where C.Element: FixedWidthInteger, C.Index == Int {
        @inline(__always) func a(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: ar[i]) }
        @inline(__always) func b(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: br[i]) }
        var i = 0
        while i < ar.count && i < br.count {
            if a(i) == b(i) {
                i += 1
                continue
            }
            let al = isLetter(a(i))
            let bl = isLetter(b(i))
            if al && bl { return a(i) < b(i) }
            if al || bl { return bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if a(i) == 0x30 || b(i) == 0x30 {
                var j = i - 1
                while j >= 0 && isDigit(a(j)) {
                    if a(j) != 0x30 {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(a(ai)) {
                an = an &* 10 &+ Int64(a(ai)) &- 0x30
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(b(bi)) {
                bn = bn &* 10 &+ Int64(b(bi)) &- 0x30
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return a(i) < b(i)
        }
        return ar.count < br.count
    }
}
