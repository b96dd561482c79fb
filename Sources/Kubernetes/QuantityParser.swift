/// `resource.ParseQuantity` from k8s.io/apimachinery, step for step: the same split into sign,
/// numerator, denominator and suffix, the same rounding up to nano precision, the same cap, and
/// the same rule for when the text as written is already canonical.
enum QuantityParser {
    static func parse(_ text: String) throws -> Quantity {
        func fail(_ reason: QuantityError.Reason) -> QuantityError { QuantityError(text: text, reason: reason) }
        guard !text.isEmpty else { throw fail(.format) }
        if text == "0" { return Quantity(nanos: 0, format: .decimalSI, canonicalText: "0") }

        let parts = try split(Array(text.utf8), orThrow: fail(.format))
        guard let (base, exponent, format) = interpret(parts.suffix) else { throw fail(.suffix) }

        // The text is reused as is when apimachinery's int64 fast path accepts it in canonical form.
        var reusable = false
        var precision = -1
        var scale = 0
        var mantissaShift = 0
        switch format {
        case .decimalExponent, .decimalSI:
            scale = exponent
            precision = 18 - (parts.num.count + parts.denom.count)
        case .binarySI:
            if exponent >= 0 && parts.denom.isEmpty {
                mantissaShift = exponent
                precision = 15 - parts.num.count - Int(Float(exponent) * 3 / 10) - 1
            }
        }
        if precision >= 0 {
            scale -= parts.denom.count
            if scale >= -9 {
                let shifted = parts.num + parts.denom
                guard let value = Int64(String(decoding: shifted, as: UTF8.self)) else { throw fail(.numeric) }
                let (_, overflow) = value.multipliedReportingOverflow(by: Int64(1) << Int64(mantissaShift))
                if !overflow {
                    switch format {
                    case .binarySI:
                        reusable = exponent % 10 == 0 && value & 0x07 != 0
                    default:
                        reusable = scale % 3 == 0 && !shifted.hasSuffix([0x30, 0x30, 0x30]) && shifted.first != 0x30
                    }
                }
            }
        }

        var nanos = exactNanos(num: parts.num, denom: parts.denom, base: base, exponent: exponent)
        // apimachinery caps binary quantities that overflow its int64 fast path at 2^63-1 units.
        if format == .binarySI && !reusable && nanos > Quantity.binaryCapNanos { nanos = Quantity.binaryCapNanos }
        if !parts.positive { nanos = -nanos }
        var finalFormat = format
        if !reusable && format == .binarySI && nanos != 0 && nanos.magnitude < UInt128(Quantity.nanosPerUnit) {
            finalFormat = .decimalSI
        }
        return Quantity(nanos: nanos, format: finalFormat, canonicalText: reusable ? text : nil)
    }

    struct Parts {
        var positive = true
        var num: [UInt8] = []
        var denom: [UInt8] = []
        var suffix: [UInt8] = []
    }

    /// `parseQuantityString`: sign, leading zeros stripped, numerator, optional `.denominator`,
    /// then a suffix of `eEinumkKMGTP` letters with an optional signed exponent.
    static func split(_ s: [UInt8], orThrow error: QuantityError) throws -> Parts {
        var parts = Parts()
        var pos = 0
        let end = s.count
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        if pos < end {
            if s[0] == UInt8(ascii: "-") {
                parts.positive = false
                pos += 1
            } else if s[0] == UInt8(ascii: "+") {
                pos += 1
            }
        }
        while pos < end, s[pos] == UInt8(ascii: "0") { pos += 1 }
        if pos >= end {
            parts.num = [0x30]
            return parts
        }
        let numStart = pos
        while pos < end, isDigit(s[pos]) { pos += 1 }
        parts.num = Array(s[numStart..<pos])
        if parts.num.isEmpty { parts.num = [0x30] }
        if pos >= end { return parts }
        if s[pos] == UInt8(ascii: ".") {
            pos += 1
            let denomStart = pos
            while pos < end, isDigit(s[pos]) { pos += 1 }
            parts.denom = Array(s[denomStart..<pos])
            if pos >= end { return parts }
        }
        let suffixStart = pos
        let letters = Array("eEinumkKMGTP".utf8)
        while pos < end, letters.contains(s[pos]) { pos += 1 }
        if pos >= end {
            parts.suffix = Array(s[suffixStart...])
            return parts
        }
        if s[pos] == UInt8(ascii: "-") || s[pos] == UInt8(ascii: "+") { pos += 1 }
        while pos < end {
            guard isDigit(s[pos]) else { throw error }
            pos += 1
        }
        parts.suffix = Array(s[suffixStart...])
        return parts
    }

    /// The suffix's base (10 or 2), exponent and format; nil when it is not a suffix.
    static func interpret(_ suffix: [UInt8]) -> (Int, Int, Quantity.Format)? {
        switch String(decoding: suffix, as: UTF8.self) {
        case "n": return (10, -9, .decimalSI)
        case "u": return (10, -6, .decimalSI)
        case "m": return (10, -3, .decimalSI)
        case "": return (10, 0, .decimalSI)
        case "k": return (10, 3, .decimalSI)
        case "M": return (10, 6, .decimalSI)
        case "G": return (10, 9, .decimalSI)
        case "T": return (10, 12, .decimalSI)
        case "P": return (10, 15, .decimalSI)
        case "E": return (10, 18, .decimalSI)
        case "Ki": return (2, 10, .binarySI)
        case "Mi": return (2, 20, .binarySI)
        case "Gi": return (2, 30, .binarySI)
        case "Ti": return (2, 40, .binarySI)
        case "Pi": return (2, 50, .binarySI)
        case "Ei": return (2, 60, .binarySI)
        default:
            guard suffix.count > 1, suffix[0] == UInt8(ascii: "e") || suffix[0] == UInt8(ascii: "E"),
                let exponent = Int64(String(decoding: suffix[1...], as: UTF8.self))
            else { return nil }
            return (10, Int(Int32(truncatingIfNeeded: exponent)), .decimalExponent)
        }
    }

    /// |num.denom| × base^exponent in nano-units, rounded up (away from zero) to a whole nano-unit.
    /// Values beyond 128 bits (10^29 units and more) saturate.
    static func exactNanos(num: [UInt8], denom: [UInt8], base: Int, exponent: Int) -> Int128 {
        let cap = Quantity.maxNanos
        // digits × 10^(power) nanos, with digits = num ++ denom.
        var digits: [UInt8] = (num + denom).drop(while: { $0 == 0x30 }).map { $0 }
        if digits.isEmpty { return 0 }
        var power = 9 - denom.count
        if base == 10 { power += exponent }
        // Multiply by 2^exponent first for binary suffixes (exact in decimal digits).
        if base == 2 {
            for _ in 0..<exponent { digits = doubled(digits) }
        }
        if power >= 0 {
            if digits.count + power > 39 { return cap }
            var value: Int128 = 0
            for d in digits {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int128(d - 0x30))
                if o1 || o2 { return cap }
                value = a
            }
            for _ in 0..<power {
                let (m, o) = value.multipliedReportingOverflow(by: 10)
                if o { return cap }
                value = m
            }
            return min(value, cap)
        }
        // Drop -power trailing digits, rounding up if any dropped digit is non-zero.
        let drop = -power
        if drop >= digits.count { return 1 }
        let kept = digits[..<(digits.count - drop)]
        let roundUp = digits[(digits.count - drop)...].contains(where: { $0 != 0x30 })
        if kept.count > 39 { return cap }
        var value: Int128 = 0
        for d in kept {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int128(d - 0x30))
            if o1 || o2 { return cap }
            value = a
        }
        if roundUp { value += 1 }
        return min(value, cap)
    }

    /// A decimal digit string times two.
    static func doubled(_ digits: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0x30, count: digits.count + 1)
        var carry: UInt8 = 0
        for i in stride(from: digits.count - 1, through: 0, by: -1) {
            let d = (digits[i] - 0x30) * 2 + carry
            out[i + 1] = d % 10 + 0x30
            carry = d / 10
        }
        out[0] = carry + 0x30
        return out.first == 0x30 ? Array(out.dropFirst()) : out
    }
}

extension Array where Element == UInt8 {
    fileprivate func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
