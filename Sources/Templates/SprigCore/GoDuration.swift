/// Go's `time.Duration` (int64 nanoseconds): `String()` (`1h2m3.5s`, `1.5ms`, `0s`),
/// `ParseDuration` and `Round`, ported from Go's time package for `duration`, `ago` and
/// `dateModify`.
enum GoDuration {
    static let second: Int64 = 1_000_000_000

    /// `Duration.String()`.
    static func string(_ d: Int64) -> String {
        var u = d.magnitude
        let neg = d < 0
        var out = ""
        if u < UInt64(second) {
            let prec: Int
            var unit: String
            switch u {
            case 0: return "0s"
            case ..<1_000: prec = 0; unit = "ns"
            case ..<1_000_000: prec = 3; unit = "µs"
            default: prec = 6; unit = "ms"
            }
            let (frac, rest) = fraction(u, prec)
            u = rest
            unit = String(u) + frac + unit
            out = unit
        } else {
            let (frac, secs) = fraction(u, 9)
            u = secs
            out = String(u % 60) + frac + "s"
            u /= 60
            if u > 0 {
                out = String(u % 60) + "m" + out
                u /= 60
                if u > 0 { out = String(u) + "h" + out }
            }
        }
        return neg ? "-" + out : out
    }

    /// Go's `fmtFrac`: the fraction of v/10^prec without trailing zeros, and the integer part.
    private static func fraction(_ v: UInt64, _ prec: Int) -> (String, UInt64) {
        var v = v
        var digits: [Character] = []
        var printing = false
        for _ in 0..<prec {
            let digit = v % 10
            printing = printing || digit != 0
            if printing { digits.append(Character(String(digit))) }
            v /= 10
        }
        if !printing { return ("", v) }
        return ("." + String(digits.reversed()), v)
    }

    struct ParseError: Error, CustomStringConvertible { let description: String }

    private static let units: [String: UInt64] = [
        "ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`.
    static func parse(_ text: String) throws -> Int64 {
        let quoted = "\"" + text + "\""
        let invalid = ParseError(description: "time: invalid duration " + quoted)
        var s = Substring(text)
        var neg = false
        if let c = s.first, c == "-" || c == "+" { neg = c == "-"; s = s.dropFirst() }
        if s == "0" { return 0 }
        if s.isEmpty { throw invalid }
        var d: UInt64 = 0
        let limit: UInt64 = 1 << 63
        while !s.isEmpty {
            guard let c = s.first, c == "." || c.isASCII && c.isNumber else { throw invalid }
            var v: UInt64 = 0
            let intDigits = s.prefix { $0.isASCII && $0.isNumber }
            for ch in intDigits.utf8 {
                guard v <= (limit - 1) / 10 else { throw invalid }
                v = v * 10 + UInt64(ch - 48)
                guard v <= limit else { throw invalid }
            }
            s = s.dropFirst(intDigits.count)
            var f: UInt64 = 0, scale = 1.0, post = false
            if s.first == "." {
                s = s.dropFirst()
                let fracDigits = s.prefix { $0.isASCII && $0.isNumber }
                var overflow = false
                for ch in fracDigits.utf8 where !overflow {
                    if f > (limit - 1) / 10 { overflow = true; continue }
                    let y = f * 10 + UInt64(ch - 48)
                    if y > limit { overflow = true; continue }
                    f = y
                    scale *= 10
                }
                post = !fracDigits.isEmpty
                s = s.dropFirst(fracDigits.count)
            }
            if intDigits.isEmpty && !post { throw invalid }
            let unitText = s.prefix { !($0 == "." || $0.isASCII && $0.isNumber) }
            if unitText.isEmpty { throw ParseError(description: "time: missing unit in duration " + quoted) }
            s = s.dropFirst(unitText.count)
            guard let unit = units[String(unitText)] else {
                throw ParseError(description: "time: unknown unit \"\(unitText)\" in duration " + quoted)
            }
            if v > limit / unit { throw invalid }
            v *= unit
            if f > 0 {
                v += UInt64(Double(f) * (Double(unit) / scale))
                if v > limit { throw invalid }
            }
            d += v
            if d > limit { throw invalid }
        }
        if neg { return d == limit ? Int64.min : -Int64(d) }
        if d > limit - 1 { throw invalid }
        return Int64(d)
    }

    /// `Duration.Round(m)`.
    static func round(_ d: Int64, _ m: Int64) -> Int64 {
        if m <= 0 { return d }
        var r = d % m
        func lessThanHalf(_ x: Int64, _ y: Int64) -> Bool { UInt64(x) &+ UInt64(x) < UInt64(y) }
        if d < 0 {
            r = -r
            if lessThanHalf(r, m) { return d + r }
            let (d1, o) = d.subtractingReportingOverflow(m - r)
            return !o && d1 < d ? d1 : Int64.min
        }
        if lessThanHalf(r, m) { return d - r }
        let (d1, o) = d.addingReportingOverflow(m - r)
        return !o && d1 > d ? d1 : Int64.max
    }
}
