/// Go's float formatting, digit for digit: the shortest decimal that reads back as the same
/// float, laid out as `strconv.FormatFloat(f, 'g', -1, bits)` and as `encoding/json` do.
///
/// Swift's `description` also produces the shortest round-tripping digits, so the digits are
/// taken from it and only the layout follows Go.
public enum GoFloatFormat {
    /// Shortest decimal digits of `value` (no sign) and the position of the decimal point:
    /// value = 0.d1d2d3... × 10^pointPosition.
    public static func shortestDigits(_ value: Double, bits: Int = 64) -> (digits: [UInt8], point: Int) {
        let text = bits == 32 ? Float(value.magnitude).description : value.magnitude.description
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        var exponent = 0
        var iterator = text.utf8.makeIterator()
        while let c = iterator.next() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits.isEmpty && c == UInt8(ascii: "0") {
                    if seenPoint { point -= 1 }
                    continue
                }
                digits.append(c)
                if !seenPoint { point += 1 }
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                var rest = ""
                while let d = iterator.next() { rest.unicodeScalars.append(Unicode.Scalar(d)) }
                exponent = Int(rest) ?? 0
            default:
                break
            }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { return ([UInt8(ascii: "0")], 1) }
        return (digits, point + exponent)
    }

    /// `strconv.FormatFloat(value, 'g', -1, bits)`: what Go's `%v` prints for a float64.
    public static func g(_ value: Double, bits: Int = 64) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let (digits, point) = shortestDigits(value, bits: bits)
        let negative = value.sign == .minus
        if value == 0 { return negative ? "-0" : "0" }
        // With the shortest precision Go uses %e when the exponent is below -4 or at least 6.
        let exp = point - 1
        if exp < -4 || exp >= 6 {
            return (negative ? "-" : "") + exponentForm(digits, exp: exp, minExpDigits: 2)
        }
        return (negative ? "-" : "") + fixedForm(digits, point: point)
    }

    /// How `encoding/json` writes a float64: fixed notation unless the exponent is below -6 or
    /// at least 21, and then without a leading zero in the exponent (`1e-07` → `1e-7`).
    public static func json(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(value)
        let negative = value.sign == .minus
        let abs = value.magnitude
        if abs < 1e-6 || abs >= 1e21 {
            return (negative ? "-" : "") + exponentForm(digits, exp: point - 1, minExpDigits: 1)
        }
        return (negative ? "-" : "") + fixedForm(digits, point: point)
    }

    /// The form sigs.k8s.io/yaml gives a float map key: `FormatFloat(f, 'g', -1, 32)`, with
    /// YAML's spellings of infinity and NaN.
    public static func keyString(_ value: Double) -> String {
        switch g(value, bits: 32) {
        case "+Inf": ".inf"
        case "-Inf": "-.inf"
        case "NaN": ".nan"
        case let s: s
        }
    }

    static func exponentForm(_ digits: [UInt8], exp: Int, minExpDigits: Int) -> String {
        var out = String(decoding: digits[0..<1], as: UTF8.self)
        if digits.count > 1 {
            out += "." + String(decoding: digits[1...], as: UTF8.self)
        }
        out += exp < 0 ? "e-" : "e+"
        let e = String(abs(exp))
        if e.count < minExpDigits { out += String(repeating: "0", count: minExpDigits - e.count) }
        return out + e
    }

    static func fixedForm(_ digits: [UInt8], point: Int) -> String {
        if point <= 0 {
            return "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
        }
        if point >= digits.count {
            return String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: point - digits.count)
        }
        return String(decoding: digits[0..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
    }
}
