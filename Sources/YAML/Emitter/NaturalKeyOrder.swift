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
        if a.utf8.count < 64, b.utf8.count < 64, isASCII(a), isASCII(b) {
            return withASCII(a) { ar in withASCII(b) { br in lessRunes(ar, br) } }
        }
        return lessRunes(a.unicodeScalars.map { $0.value }, b.unicodeScalars.map { $0.value })
    }

    /// Keys sorted in this order.
    public static func sorted<S: Sequence>(_ keys: S) -> [String] where S.Element == String {
        keys.sorted(by: less)
    }

    private static func isASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }

    private static func withASCII<R>(_ s: String, _ body: ([UInt32]) -> R) -> R {
        body(s.utf8.map { UInt32($0) })
    }

    private static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        guard let scalar = Unicode.Scalar(c) else { return false }
        return scalar.properties.generalCategory.isLetter
    }

    private static func isDigit(_ c: UInt32) -> Bool {
        if c < 0x80 { return c >= 0x30 && c <= 0x39 }
        guard let scalar = Unicode.Scalar(c) else { return false }
        return scalar.properties.generalCategory == .decimalNumber
    }

    static func lessRunes(_ ar: [UInt32], _ br: [UInt32]) -> Bool {
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
                an = an &* 10 &+ Int64(ar[ai]) &- 0x30
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(br[bi]) {
                bn = bn &* 10 &+ Int64(br[bi]) &- 0x30
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i] < br[i]
        }
        return ar.count < br.count
    }
}

extension Unicode.GeneralCategory {
    /// Go's `unicode.IsLetter`: categories Lu, Ll, Lt, Lm, Lo.
    var isLetter: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }
}
