/// Resolves plain scalars to typed values exactly as go-yaml v2 does (the YAML 1.1 rules that
/// sigs.k8s.io/yaml, kubectl and Helm read with): `yes`/`no`/`on`/`off`/`y`/`n` are booleans,
/// `0777` is octal, `0x1F` hex, `1_000` an integer, `~` null, `2001-12-14` a timestamp.
///
/// The emitter uses the same rules in reverse: a string that would resolve to anything but a
/// string is quoted.
public enum ScalarResolver {
    /// The YAML type a scalar resolves to.
    public enum Tag: String, Sendable, Hashable {
        case null = "tag:yaml.org,2002:null"
        case bool = "tag:yaml.org,2002:bool"
        case int = "tag:yaml.org,2002:int"
        case float = "tag:yaml.org,2002:float"
        case string = "tag:yaml.org,2002:str"
        case timestamp = "tag:yaml.org,2002:timestamp"
        case merge = "tag:yaml.org,2002:merge"
        case binary = "tag:yaml.org,2002:binary"
    }

    /// A resolved scalar.
    public enum Resolved: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        /// An integer beyond 64 bits, kept as its digits (Go reads it as a big.Int).
        case bigInt(String)
        case float(Double)
        case string(String)
        /// A timestamp; go-yaml v2 hands it to interface{} targets as the original string.
        case timestamp(String)

        public var tag: Tag {
            switch self {
            case .null: .null
            case .bool: .bool
            case .int, .uint, .bigInt: .int
            case .float: .float
            case .string: .string
            case .timestamp: .timestamp
            }
        }

        public static func == (lhs: Resolved, rhs: Resolved) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): true
            case (.bool(let a), .bool(let b)): a == b
            case (.int(let a), .int(let b)): a == b
            case (.uint(let a), .uint(let b)): a == b
            case (.bigInt(let a), .bigInt(let b)): a == b
            case (.float(let a), .float(let b)): a == b || (a.isNaN && b.isNaN)
            case (.string(let a), .string(let b)), (.timestamp(let a), .timestamp(let b)): a == b
            default: false
            }
        }
    }

    /// Resolves an untagged plain scalar.
    public static func resolve(_ text: String) -> Resolved {
        var utf8 = text
        return utf8.withUTF8 { resolve(utf8: $0, text: text) }
    }

    /// The tag an untagged plain scalar with this text would get.
    public static func tag(of text: String) -> Tag { resolve(text).tag }

    /// Whether `text` written as a plain scalar reads back as the same string.
    public static func isPlainString(_ text: String) -> Bool {
        if case .string = resolve(text) { return true }
        return false
    }

    static func resolve(utf8 s: UnsafeBufferPointer<UInt8>, text: String) -> Resolved {
        guard let first = s.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return lookup(text) ?? .string(text)
        case UInt8(ascii: "."):
            if let found = lookup(text) { return found }
            // strconv.ParseFloat takes `_` between digits, as Go literals do.
            if s.contains(UInt8(ascii: "_")) {
                guard GoNumberSyntax.underscoresOK(s) else { return .string(text) }
                let plain = s.filter { $0 != UInt8(ascii: "_") }
                if plain.withUnsafeBufferPointer(GoNumberSyntax.isDotFloat),
                    let value = Double(String(decoding: plain, as: UTF8.self)) { return .float(value) }
                return .string(text)
            }
            if GoNumberSyntax.isDotFloat(s), let value = Double(text) { return .float(value) }
            return .string(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let found = lookup(text) { return found }
            if TimestampSyntax.matches(s) { return .timestamp(text) }
            return resolveNumber(s, text: text)
        default:
            // `<<` is a string here too: go-yaml recognises merge keys in the decoder, by their
            // text and position, not by resolution (so the emitter writes `<<` plain).
            return .string(text)
        }
    }

    private static func lookup(_ text: String) -> Resolved? {
        guard text.utf8.count <= 5 else { return nil }  // the longest spelling is "false"/"-.inf"
        return switch text {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": .bool(false)
        case "~", "null", "Null", "NULL": .null
        case ".nan", ".NaN", ".NAN": .float(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": .float(-.infinity)
        default: nil
        }
    }

    private static func resolveNumber(_ s: UnsafeBufferPointer<UInt8>, text: String) -> Resolved {
        // go-yaml removes every underscore before trying the number forms.
        let plain: [UInt8] = s.contains(UInt8(ascii: "_")) ? s.filter { $0 != UInt8(ascii: "_") } : Array(s)
        switch GoNumberSyntax.parseInt(plain) {
        case .value(let v): return .int(v)
        case .outOfRange:
            if let u = GoNumberSyntax.parseUint(plain) { return .uint(u) }
            if GoNumberSyntax.isBigInt(plain) { return .bigInt(String(decoding: plain, as: UTF8.self)) }
            return .string(text)
        case .invalid:
            break
        }
        if GoNumberSyntax.isYAMLStyleFloat(plain), let value = Double(String(decoding: plain, as: UTF8.self)),
            value.isFinite
        {
            return .float(value)
        }
        return .string(text)
    }
}

/// The number grammars of Go's strconv (ParseInt/ParseUint with base 0) and of go-yaml's
/// float pattern, over ASCII bytes.
enum GoNumberSyntax {
    enum IntResult { case value(Int64), outOfRange, invalid }

    static func isDigit(_ c: UInt8, base: UInt64) -> UInt64? {
        let d: UInt64
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): d = UInt64(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = UInt64(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
        return d < base ? d : nil
    }

    /// Splits a base prefix as `strconv.ParseUint(s, 0, 64)` does: 0x, 0o, 0b, or a leading 0 (octal).
    static func baseAndDigits(_ s: ArraySlice<UInt8>) -> (UInt64, ArraySlice<UInt8>)? {
        guard !s.isEmpty else { return nil }
        if s.first == UInt8(ascii: "0"), s.count > 1 {
            let second = s[s.startIndex + 1] | 0x20
            switch second {
            case UInt8(ascii: "x"): return (16, s.dropFirst(2))
            case UInt8(ascii: "o"): return (8, s.dropFirst(2))
            case UInt8(ascii: "b"): return (2, s.dropFirst(2))
            default: return (8, s.dropFirst(1))
            }
        }
        return (10, s)
    }

    /// Parses an unsigned magnitude; nil on bad syntax, `.max + overflow flag` on range error.
    static func magnitude(_ s: ArraySlice<UInt8>) -> (UInt64, overflow: Bool)? {
        guard let (base, digits) = baseAndDigits(s), !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        var overflow = false
        for c in digits {
            guard let d = isDigit(c, base: base) else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { overflow = true }
            value = a
        }
        return (value, overflow)
    }

    static func parseInt(_ s: [UInt8]) -> IntResult {
        var body = s[...]
        var negative = false
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard let (mag, overflow) = magnitude(body) else { return .invalid }
        if overflow { return .outOfRange }
        if negative {
            if mag <= UInt64(Int64.max) { return .value(-Int64(mag)) }
            if mag == UInt64(Int64.max) + 1 { return .value(Int64.min) }
            return .outOfRange
        }
        return mag <= UInt64(Int64.max) ? .value(Int64(mag)) : .outOfRange
    }

    static func parseUint(_ s: [UInt8]) -> UInt64? {
        guard let (mag, overflow) = magnitude(s[...]), !overflow else { return nil }
        return mag
    }

    static func isBigInt(_ s: [UInt8]) -> Bool {
        var body = s[...]
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { body = body.dropFirst() }
        return magnitude(body) != nil
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat<C: Collection>(_ s: C) -> Bool where C.Element == UInt8 {
        var i = s.startIndex
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        if i < s.endIndex, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i = s.index(after: i) }
        var intDigits = 0
        while i < s.endIndex, isDigit(s[i]) { i = s.index(after: i); intDigits += 1 }
        if intDigits == 0 {
            guard i < s.endIndex, s[i] == UInt8(ascii: ".") else { return false }
            i = s.index(after: i)
            var frac = 0
            while i < s.endIndex, isDigit(s[i]) { i = s.index(after: i); frac += 1 }
            if frac == 0 { return false }
        } else if i < s.endIndex, s[i] == UInt8(ascii: ".") {
            i = s.index(after: i)
            while i < s.endIndex, isDigit(s[i]) { i = s.index(after: i) }
        }
        if i < s.endIndex, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i = s.index(after: i)
            if i < s.endIndex, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i = s.index(after: i) }
            var exp = 0
            while i < s.endIndex, isDigit(s[i]) { i = s.index(after: i); exp += 1 }
            if exp == 0 { return false }
        }
        return i == s.endIndex
    }

    /// Go's `underscoreOK`: every `_` sits between two digits.
    static func underscoresOK(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousDigit = false
        for (i, c) in s.enumerated() {
            let digit = c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
            if c == UInt8(ascii: "_") {
                guard previousDigit, i + 1 < s.count, s[i + 1] >= UInt8(ascii: "0"), s[i + 1] <= UInt8(ascii: "9") else {
                    return false
                }
            }
            previousDigit = digit
        }
        return true
    }

    /// What `strconv.ParseFloat` accepts for text starting with '.': `\.[0-9]+([eE][-+]?[0-9]+)?`.
    static func isDotFloat(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        s.count > 1 && s[0] == UInt8(ascii: ".") && isYAMLStyleFloat(s)
    }
}

/// The timestamp forms go-yaml v2 recognises (a subset of yaml.org/type/timestamp):
/// `2006-1-2`, `2006-1-2T15:4:5.999999999Z07:00` (T or t), and `2006-1-2 15:4:5.999999999`.
enum TimestampSyntax {
    static func matches(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        func digits(max: Int) -> Int? {
            var value = 0, count = 0
            while i < n, count < max, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") {
                value = value &* 10 &+ Int(s[i] - UInt8(ascii: "0"))
                i += 1
                count += 1
            }
            return count == 0 ? nil : value
        }
        func expect(_ c: Character) -> Bool {
            guard i < n, s[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let year = digits(max: 4), i == 4, expect("-"),
            let month = digits(max: 2), (1...12).contains(month), expect("-"),
            let day = digits(max: 2), day >= 1, day <= daysIn(month: month, year: year)
        else { return false }
        if i == n { return true }
        let separator = s[i]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else {
            return false
        }
        i += 1
        guard let hour = digits(max: 2), hour < 24, expect(":"), let minute = digits(max: 2), minute < 60,
            expect(":"), let second = digits(max: 2), second < 60
        else { return false }
        if i < n, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") {
            // time.Parse accepts either separator before fractional seconds, and any number of digits.
            i += 1
            guard digits(max: Int.max) != nil else { return false }
        }
        if separator == UInt8(ascii: " ") { return i == n }
        guard i < n else { return false }
        if s[i] == UInt8(ascii: "Z") { return i + 1 == n }
        guard s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") else { return false }
        i += 1
        // time.Parse allows offsets up to +24:00 and minutes up to 60.
        let hStart = i
        guard let zh = digits(max: 2), i - hStart == 2, zh <= 24, expect(":") else { return false }
        let mStart = i
        guard let zm = digits(max: 2), i - mStart == 2, zm <= 60 else { return false }
        return i == n
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
