import Foundation

/// Go's `strconv.ParseInt(s, 0, 64)`, `ParseUint(s, 0, 64)` and `ParseFloat(s, 64)` for the
/// number literals the template lexer produces (prefixes, octal, underscores, hex floats).
enum GoNumber {
    static func parseInt(_ text: String) -> Int64? {
        var s = Substring(text)
        var negative = false
        if s.first == "+" || s.first == "-" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        guard let magnitude = parseUint(String(s)) else { return nil }
        if negative {
            if magnitude > UInt64(Int64.max) + 1 { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return magnitude > UInt64(Int64.max) ? nil : Int64(magnitude)
    }

    static func parseUint(_ text: String) -> UInt64? {
        guard !text.isEmpty, underscoreOK(text) else { return nil }
        var s = Substring(text)
        var base: UInt64 = 10
        if s.hasPrefix("0") && s.count > 1 {
            let second = s[s.index(after: s.startIndex)]
            switch second {
            case "x", "X": base = 16; s = s.dropFirst(2)
            case "o", "O": base = 8; s = s.dropFirst(2)
            case "b", "B": base = 2; s = s.dropFirst(2)
            default: base = 8; s = s.dropFirst(1)
            }
        }
        var value: UInt64 = 0
        var sawDigit = false
        for c in s {
            if c == "_" { continue }
            guard let d = c.hexDigitValue, UInt64(d) < base else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { return nil }
            value = a
            sawDigit = true
        }
        if !sawDigit && base != 8 { return nil }
        return value
    }

    static func parseFloat(_ text: String) -> Double? {
        guard underscoreOK(text) else { return nil }
        let stripped = text.replacingOccurrences(of: "_", with: "")
        var s = Substring(stripped)
        var sign = 1.0
        if s.first == "+" || s.first == "-" {
            if s.first == "-" { sign = -1 }
            s = s.dropFirst()
        }
        let lower = s.lowercased()
        if lower.hasPrefix("0x") {
            guard lower.contains("p") || !lower.contains(".") else { return nil }
            guard let v = Double(lower) else { return nil }
            return sign * v
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }),
              let v = Double(s) else { return nil }
        return sign * v
    }

    /// `strconv.underscoreOK`: underscores only between digits or after a base prefix.
    static func underscoreOK(_ text: String) -> Bool {
        var s = Array(text.utf8)
        if let f = s.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { s.removeFirst() }
        var saw = UInt8(ascii: "^")
        var i = 0
        var hex = false
        func lower(_ c: UInt8) -> UInt8 { c | 0x20 }
        if s.count >= 2 && s[0] == UInt8(ascii: "0")
            && [UInt8(ascii: "b"), UInt8(ascii: "o"), UInt8(ascii: "x")].contains(lower(s[1])) {
            i = 2
            saw = UInt8(ascii: "0")
            hex = lower(s[1]) == UInt8(ascii: "x")
        }
        while i < s.count {
            let c = s[i]
            if (c >= 0x30 && c <= 0x39) || (hex && lower(c) >= UInt8(ascii: "a") && lower(c) <= UInt8(ascii: "f")) {
                saw = UInt8(ascii: "0")
            } else if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = UInt8(ascii: "_")
            } else {
                if saw == UInt8(ascii: "_") { return false }
                saw = UInt8(ascii: "!")
            }
            i += 1
        }
        return saw != UInt8(ascii: "_")
    }
}
