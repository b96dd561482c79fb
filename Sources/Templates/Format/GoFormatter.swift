import Foundation
import YAML

/// Go's `fmt` package for template values: `Sprint`, `Sprintln` and `Sprintf` with verbs,
/// flags, width, precision, argument indexes and Go's error forms (`%!d(float64=80)`,
/// `%!s(MISSING)`, `%!(EXTRA int=1)`).
public struct GoFormatter {
    private var buf = ""
    private var sharp = false, zero = false, plus = false, minus = false, space = false
    private var sharpV = false, plusV = false
    private var wid = 0, widPresent = false
    private var prec = 0, precPresent = false

    private mutating func clearFlags() {
        sharp = false; zero = false; plus = false; minus = false; space = false
        sharpV = false; plusV = false
        wid = 0; widPresent = false; prec = 0; precPresent = false
    }

    /// `fmt.Sprint`: operands are separated by a space when neither side is a string.
    public static func sprint(_ args: [TemplateValue]) -> String {
        var p = GoFormatter()
        var prevString = false
        for (i, arg) in args.enumerated() {
            let isString: Bool
            if case .string = arg.plain { isString = true } else { isString = false }
            if i > 0 && !isString && !prevString { p.buf += " " }
            p.printArg(arg, "v")
            prevString = isString
        }
        return p.buf
    }

    /// `fmt.Sprintln`: operands always separated by a space, newline appended.
    public static func sprintln(_ args: [TemplateValue]) -> String {
        var p = GoFormatter()
        for (i, arg) in args.enumerated() {
            if i > 0 { p.buf += " " }
            p.printArg(arg, "v")
        }
        return p.buf + "\n"
    }

    /// `%v` of one value.
    public static func string(_ value: TemplateValue) -> String {
        var p = GoFormatter()
        p.printArg(value, "v")
        return p.buf
    }

    /// `fmt.Sprintf`.
    public static func sprintf(_ format: String, _ args: [TemplateValue]) -> String {
        var p = GoFormatter()
        p.doPrintf(Array(format.unicodeScalars), args)
        return p.buf
    }

    // MARK: - Printf

    /// Appends the format's literal text between verbs: encoded once into UTF-8 and appended
    /// as one string (appending scalar by scalar to `buf.unicodeScalars` was printf's main cost).
    private mutating func appendLiteral(_ scalars: ArraySlice<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        buf += String(decoding: bytes, as: UTF8.self)
    }

    private mutating func doPrintf(_ format: [Unicode.Scalar], _ a: [TemplateValue]) {
        let end = format.count
        var argNum = 0
        var afterIndex = false
        var reordered = false
        var i = 0
        formatLoop: while i < end {
            var goodArgNum = true
            let lasti = i
            while i < end && format[i] != "%" { i += 1 }
            if i > lasti { appendLiteral(format[lasti..<i]) }
            if i >= end { break }
            i += 1
            clearFlags()
            simple: while i < end {
                let c = format[i]
                switch c {
                case "#": sharp = true
                case "0": zero = true
                case "+": plus = true
                case "-": minus = true
                case " ": space = true
                default:
                    if c.value >= 0x61 && c.value <= 0x7A && argNum < a.count {
                        if c == "v" || c == "w" {
                            sharpV = sharp; sharp = false
                            plusV = plus; plus = false
                        }
                        printArg(a[argNum], Character(c))
                        argNum += 1
                        i += 1
                        continue formatLoop
                    }
                    break simple
                }
                i += 1
            }
            // Argument index, width.
            (argNum, i, afterIndex, reordered, goodArgNum) = argNumber(argNum, format, i, a.count, reordered, goodArgNum)
            if i < end && format[i] == "*" {
                i += 1
                (wid, widPresent, argNum) = intFromArg(a, argNum)
                if !widPresent { buf += "%!(BADWIDTH)" }
                if wid < 0 {
                    wid = -wid
                    minus = true
                    zero = false
                }
                afterIndex = false
            } else {
                (wid, widPresent, i) = parseNum(format, i, end)
                if afterIndex && widPresent { goodArgNum = false }
            }
            if i + 1 < end && format[i] == "." {
                i += 1
                if afterIndex { goodArgNum = false }
                (argNum, i, afterIndex, reordered, goodArgNum) = argNumber(argNum, format, i, a.count, reordered, goodArgNum)
                if i < end && format[i] == "*" {
                    i += 1
                    (prec, precPresent, argNum) = intFromArg(a, argNum)
                    if prec < 0 {
                        prec = 0
                        precPresent = false
                    }
                    if !precPresent { buf += "%!(BADPREC)" }
                    afterIndex = false
                } else {
                    (prec, precPresent, i) = parseNum(format, i, end)
                    if !precPresent {
                        prec = 0
                        precPresent = true
                    }
                }
            }
            if !afterIndex {
                (argNum, i, afterIndex, reordered, goodArgNum) = argNumber(argNum, format, i, a.count, reordered, goodArgNum)
            }
            if i >= end {
                buf += "%!(NOVERB)"
                break
            }
            let verb = Character(format[i])
            i += 1
            if verb == "%" {
                buf += "%"
            } else if !goodArgNum {
                buf += "%!" + String(verb) + "(BADINDEX)"
            } else if argNum >= a.count {
                buf += "%!" + String(verb) + "(MISSING)"
            } else {
                if verb == "v" || verb == "w" {
                    sharpV = sharp; sharp = false
                    plusV = plus; plus = false
                }
                printArg(a[argNum], verb)
                argNum += 1
            }
        }
        if !reordered && argNum < a.count {
            clearFlags()
            buf += "%!(EXTRA "
            for (k, arg) in a[argNum...].enumerated() {
                if k > 0 { buf += ", " }
                if isNil(arg) {
                    buf += "<nil>"
                } else {
                    buf += arg.goType.description + "="
                    printArg(arg, "v")
                }
            }
            buf += ")"
        }
    }

    private func isNil(_ v: TemplateValue) -> Bool {
        switch v.plain {
        case .invalid, .null: true
        default: false
        }
    }

    private func parseNum(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> (Int, Bool, Int) {
        var i = start
        var num = 0
        var isnum = false
        while i < end, s[i].value >= 0x30 && s[i].value <= 0x39 {
            if num > 1_000_000 { return (0, false, end) }
            num = num * 10 + Int(s[i].value - 0x30)
            isnum = true
            i += 1
        }
        return (num, isnum, i)
    }

    private func argNumber(_ argNum: Int, _ format: [Unicode.Scalar], _ i: Int, _ numArgs: Int, _ reordered: Bool,
                           _ goodArgNum: Bool) -> (Int, Int, Bool, Bool, Bool) {
        guard i < format.count, format[i] == "[" else { return (argNum, i, false, reordered, goodArgNum) }
        // Go's parseArgNumber.
        var j = i + 1
        while j < format.count {
            if format[j] == "]" {
                let (width, ok, newi) = parseNum(format, i + 1, j)
                if !ok || newi != j {
                    return (argNum, j + 1, false, true, false)
                }
                let index = width - 1
                if index >= 0 && index < numArgs { return (index, j + 1, true, true, goodArgNum) }
                return (argNum, j + 1, true, true, false)
            }
            j += 1
        }
        return (argNum, i + 1, false, true, false)
    }

    private func intFromArg(_ a: [TemplateValue], _ argNum: Int) -> (Int, Bool, Int) {
        guard argNum < a.count else { return (0, false, argNum) }
        var num = 0
        var ok = false
        switch a[argNum].plain {
        case .int(let i, _):
            num = Int(i); ok = true
        case .uint(let u, _):
            if u <= UInt64(Int.max) { num = Int(u); ok = true }
        default: break
        }
        if num > 1_000_000 || num < -1_000_000 { return (0, false, argNum + 1) }
        return (num, ok, argNum + 1)
    }

    // MARK: - Arguments

    private mutating func printArg(_ arg: TemplateValue, _ verb: Character) {
        let value = arg.plain
        if case .invalid = value { return printNil(verb) }
        if case .null = value { return printNil(verb) }
        if verb == "T" {
            fmtS(arg.goType.description)
            return
        }
        printValue(value, verb, depth: 0)
    }

    private mutating func printNil(_ verb: Character) {
        switch verb {
        case "T", "v": padString("<nil>")
        default: buf += "%!" + String(verb) + "(<nil>)"
        }
    }

    private mutating func badVerb(_ value: TemplateValue, _ verb: Character) {
        buf += "%!" + String(verb) + "("
        switch value.plain {
        case .invalid, .null: buf += "<nil>"
        default:
            // Go prints the value with %v but keeps the flags, width and precision.
            buf += value.goType.description + "="
            printValue(value, "v", depth: 0)
        }
        buf += ")"
    }

    private mutating func printValue(_ value: TemplateValue, _ verb: Character, depth: Int) {
        switch value.plain {
        case .invalid, .null:
            if depth == 0 { printNil(verb) } else { buf += sharpV ? "interface {}(nil)" : "<nil>" }
        case .bool(let b):
            switch verb {
            case "t", "v": padString(b ? "true" : "false")
            default: badVerb(value, verb)
            }
        case .int(let i, _):
            fmtInteger(value, i < 0 ? UInt64(bitPattern: i) : UInt64(i), signed: true, negative: i < 0, verb)
        case .uint(let u, _):
            fmtInteger(value, u, signed: false, negative: false, verb)
        case .float(let f):
            switch verb {
            case "v": fmtFloat(f, "g", -1)
            case "b", "g", "G", "x", "X": fmtFloat(f, verb, -1)
            case "f", "e", "E", "F": fmtFloat(f, verb, 6)
            default: badVerb(value, verb)
            }
        case .string(let s):
            fmtString(value, s, verb)
        case .list(let items, let element):
            if element == .integer(.uint8), verb == "s" || verb == "q" || verb == "x" || verb == "X" {
                let bytes = items.map { v -> UInt8 in
                    if case .uint(let u, _) = v.plain { return UInt8(truncatingIfNeeded: u) }
                    return 0
                }
                fmtString(value, String(decoding: bytes, as: UTF8.self), verb)
                return
            }
            if sharpV {
                buf += value.goType.description + "{"
                for (k, item) in items.enumerated() {
                    if k > 0 { buf += ", " }
                    printValue(item, verb, depth: depth + 1)
                }
                buf += "}"
                return
            }
            buf += "["
            for (k, item) in items.enumerated() {
                if k > 0 { buf += " " }
                printValue(item, verb, depth: depth + 1)
            }
            buf += "]"
        case .map(let m):
            if sharpV {
                buf += value.goType.description + "{"
            } else {
                buf += "map["
            }
            for (k, key) in m.sortedKeys.enumerated() {
                if k > 0 { buf += sharpV ? ", " : " " }
                printValue(.string(key), verb, depth: depth + 1)
                buf += ":"
                printValue(m.entries[key]!, verb, depth: depth + 1)
            }
            buf += sharpV ? "}" : "]"
        case .object(let o):
            padString(o.formatted)
        case .function:
            padString("0xfunc")
        case .traced, .namedList:
            break
        }
    }

    // MARK: - Kinds

    private mutating func fmtString(_ value: TemplateValue, _ s: String, _ verb: Character) {
        switch verb {
        case "v": if sharpV { fmtQ(s) } else { fmtS(s) }
        case "s": fmtS(s)
        case "x": fmtSx(Array(s.utf8), upper: false)
        case "X": fmtSx(Array(s.utf8), upper: true)
        case "q": fmtQ(s)
        default: badVerb(value, verb)
        }
    }

    private mutating func fmtS(_ s: String) {
        var s = s
        if precPresent {
            let scalars = s.unicodeScalars
            if scalars.count > prec {
                s = String(String.UnicodeScalarView(scalars.prefix(prec)))
            }
        }
        padString(s)
    }

    private mutating func fmtSx(_ bytes: [UInt8], upper: Bool) {
        let digits = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var length = bytes.count
        if precPresent && prec < length { length = prec }
        var out: [UInt8] = []
        for k in 0..<length {
            if space && k > 0 { out.append(0x20) }
            if sharp && (space || k == 0) {
                out.append(0x30)
                out.append(upper ? 0x58 : 0x78)
            }
            out.append(digits[Int(bytes[k] >> 4)])
            out.append(digits[Int(bytes[k] & 0xF)])
        }
        padString(String(decoding: out, as: UTF8.self))
    }

    private mutating func fmtQ(_ s: String) {
        var s = s
        if precPresent {
            let scalars = s.unicodeScalars
            if scalars.count > prec { s = String(String.UnicodeScalarView(scalars.prefix(prec))) }
        }
        if sharp && canBackquote(s) {
            padString("`" + s + "`")
            return
        }
        padString(GoQuote.quote(s, asciiOnly: plus))
    }

    private func canBackquote(_ s: String) -> Bool {
        for scalar in s.unicodeScalars {
            if scalar == "`" || scalar == "\u{FEFF}" { return false }
            if scalar.value < 0x20 && scalar != "\t" { return false }
            if scalar.value == 0x7F { return false }
        }
        return true
    }

    private mutating func fmtInteger(_ value: TemplateValue, _ v: UInt64, signed: Bool, negative: Bool, _ verb: Character) {
        switch verb {
        case "v":
            if sharpV && !signed {
                fmtIntegerBase(v, base: 16, negative: false, verb: "x", upper: false, forceSharp: true)
            } else {
                fmtIntegerBase(v, base: 10, negative: negative, verb: verb, upper: false)
            }
        case "d": fmtIntegerBase(v, base: 10, negative: negative, verb: verb, upper: false)
        case "b": fmtIntegerBase(v, base: 2, negative: negative, verb: verb, upper: false)
        case "o", "O": fmtIntegerBase(v, base: 8, negative: negative, verb: verb, upper: false)
        case "x": fmtIntegerBase(v, base: 16, negative: negative, verb: verb, upper: false)
        case "X": fmtIntegerBase(v, base: 16, negative: negative, verb: verb, upper: true)
        case "c":
            let r = negative ? 0xFFFD : (v > 0x10FFFF ? 0xFFFD : UInt32(v))
            padString(String(Character(Unicode.Scalar(r) ?? "\u{FFFD}")))
        case "q":
            let r = negative ? 0xFFFD : (v > 0x10FFFF ? 0xFFFD : UInt32(v))
            padString(GoQuote.quoteRune(Unicode.Scalar(r) != nil ? r : 0xFFFD, asciiOnly: plus))
        case "U":
            var hex = String(v, radix: 16, uppercase: true)
            let minDigits = precPresent && prec > 4 ? prec : 4
            if hex.count < minDigits { hex = String(repeating: "0", count: minDigits - hex.count) + hex }
            var out = "U+" + hex
            if sharp, v <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(v)), GoQuote.isPrint(scalar) {
                out += " '" + String(Character(scalar)) + "'"
            }
            padString(out)
        default:
            badVerb(value, verb)
        }
    }

    /// Go's `fmt.fmtInteger`: precision as minimum digits, zero padding, sign and prefixes.
    private mutating func fmtIntegerBase(_ u: UInt64, base: UInt64, negative: Bool, verb: Character, upper: Bool,
                                         forceSharp: Bool = false) {
        let magnitude = negative ? UInt64(bitPattern: -Int64(bitPattern: u)) : u
        var precision = 1
        var zeroPad = false
        if precPresent {
            precision = prec
            if precision == 0 && magnitude == 0 {
                let oldZero = zero
                zero = false
                writePadding(wid)
                zero = oldZero
                return
            }
        } else if zero && !minus && widPresent {
            precision = wid
            if negative || plus || space { precision -= 1 }
            zeroPad = true
        }
        _ = zeroPad
        var digits = magnitude == 0 ? "0" : String(magnitude, radix: Int(base), uppercase: upper)
        if digits.count < precision { digits = String(repeating: "0", count: precision - digits.count) + digits }
        var prefix = ""
        if sharp || forceSharp {
            switch base {
            case 2: prefix = "0b"
            case 8: if !digits.hasPrefix("0") { prefix = "0" }
            case 16: prefix = upper ? "0X" : "0x"
            default: break
            }
        }
        if verb == "O" { prefix = "0o" }
        var sign = ""
        if negative { sign = "-" } else if plus { sign = "+" } else if space { sign = " " }
        let oldZero = zero
        zero = false
        padString(sign + prefix + digits)
        zero = oldZero
    }

    private mutating func fmtFloat(_ v: Double, _ verb: Character, _ defaultPrec: Int) {
        let p = precPresent ? prec : defaultPrec
        var num = Self.formatFloat(v, verb == "F" ? "f" : verb, p)
        if !(num.hasPrefix("-") || num.hasPrefix("+")) { num = "+" + num }
        if space && num.hasPrefix("+") && !plus { num = " " + num.dropFirst() }
        if num.dropFirst().hasPrefix("Inf") || num.dropFirst().hasPrefix("NaN") {
            let oldZero = zero
            zero = false
            if num.dropFirst().hasPrefix("NaN") && !space && !plus { num = String(num.dropFirst()) }
            padString(num)
            zero = oldZero
            return
        }
        if sharp && verb != "b" {
            var digits = 0
            if "vgGx".contains(verb) { digits = p == -1 ? 6 : p }
            var body = Array(num.utf8)
            var tail: [UInt8] = []
            var hasPoint = false
            var sawNonzero = false
            var k = 1
            while k < body.count {
                let c = body[k]
                if c == UInt8(ascii: ".") {
                    hasPoint = true
                } else if c == UInt8(ascii: "p") || c == UInt8(ascii: "P") || ((c == UInt8(ascii: "e") || c == UInt8(ascii: "E")) && verb != "x" && verb != "X") {
                    tail = Array(body[k...])
                    body = Array(body[..<k])
                    break
                } else {
                    if c != UInt8(ascii: "0") { sawNonzero = true }
                    if sawNonzero { digits -= 1 }
                }
                k += 1
            }
            if !hasPoint {
                if body.count == 2 && body[1] == UInt8(ascii: "0") { digits -= 1 }
                body.append(UInt8(ascii: "."))
            }
            while digits > 0 {
                body.append(UInt8(ascii: "0"))
                digits -= 1
            }
            num = String(decoding: body + tail, as: UTF8.self)
        }
        if plus || !num.hasPrefix("+") {
            if zero && !minus && widPresent && wid > num.count {
                buf += String(num.prefix(1))
                buf += String(repeating: "0", count: wid - num.count)
                buf += String(num.dropFirst())
                return
            }
            padString(num)
            return
        }
        padString(String(num.dropFirst()))
    }

    /// `strconv.FormatFloat(v, fmt, prec, 64)` for the `e`, `E`, `f`, `g`, `G` formats.
    static func formatFloat(_ v: Double, _ fmt: Character, _ prec: Int) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        let upper = fmt == "E" || fmt == "G"
        switch fmt {
        case "g", "G":
            if prec < 0 {
                let s = GoFloatFormat.g(v)
                return upper ? s.uppercased() : s
            }
            let p = prec == 0 ? 1 : prec
            var (digits, dp) = roundedDigits(v, significant: p)
            while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
            let nd = digits.count
            var eprec = p
            if eprec > nd && nd >= dp { eprec = nd }
            let exp = dp - 1
            let neg = v.sign == .minus ? "-" : ""
            if exp < -4 || exp >= eprec {
                let q = min(p, nd)
                return neg + layoutE(digits, dp: dp, prec: q - 1, upper: upper)
            }
            let q = p > dp ? nd : p
            return neg + layoutF(digits, dp: dp, prec: max(q - dp, 0))
        case "e", "E":
            if prec < 0 {
                let (digits, dp) = GoFloatFormat.shortestDigits(v)
                return (v.sign == .minus ? "-" : "") + layoutE(digits, dp: v == 0 ? 1 : dp, prec: digits.count - 1, upper: upper)
            }
            return String(format: "%.\(prec)\(upper ? "E" : "e")", v)
        case "f":
            if prec < 0 {
                let (digits, dp) = GoFloatFormat.shortestDigits(v)
                return (v.sign == .minus ? "-" : "") + layoutF(digits, dp: v == 0 ? 1 : dp, prec: max(digits.count - dp, 0))
            }
            return String(format: "%.\(prec)f", v)
        case "x", "X":
            return hexFloat(v, prec, upper: fmt == "X")
        default:
            return binaryFloat(v)
        }
    }

    /// The IEEE fields of `v`: mantissa with the implicit bit, and the unbiased exponent.
    private static func fields(_ v: Double) -> (mant: UInt64, exp: Int) {
        let bits = v.bitPattern
        var exp = Int((bits >> 52) & 0x7FF)
        var mant = bits & ((1 << 52) - 1)
        if exp == 0 { exp += 1 } else { mant |= 1 << 52 }
        return (mant, exp - 1023)
    }

    /// strconv's `%b`: decimal mantissa and binary exponent, `6755399441055744p-52`.
    private static func binaryFloat(_ v: Double) -> String {
        let (mant, e) = fields(v)
        let exp = e - 52
        return (v.sign == .minus ? "-" : "") + String(mant) + "p" + (exp >= 0 ? "+" : "-") + String(abs(exp))
    }

    /// strconv's `%x`: `-0x1.yyyyp±dd`.
    private static func hexFloat(_ v: Double, _ prec: Int, upper: Bool) -> String {
        var (mant, exp) = fields(v)
        if mant == 0 { exp = 0 }
        mant <<= 8
        while mant != 0 && mant & (1 << 60) == 0 {
            mant <<= 1
            exp -= 1
        }
        if prec >= 0 && prec < 15 {
            let shift = UInt64(prec * 4)
            let extra = (mant << shift) & ((1 << 60) - 1)
            mant >>= 60 - shift
            if extra | (mant & 1) > 1 << 59 { mant += 1 }
            mant <<= 60 - shift
            if mant & (1 << 61) != 0 {
                mant >>= 1
                exp += 1
            }
        }
        let digits = Array((upper ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out: [UInt8] = []
        if v.sign == .minus { out.append(UInt8(ascii: "-")) }
        out += [UInt8(ascii: "0"), upper ? UInt8(ascii: "X") : UInt8(ascii: "x"), UInt8(ascii: "0") + UInt8((mant >> 60) & 1)]
        mant <<= 4
        if prec < 0 && mant != 0 {
            out.append(UInt8(ascii: "."))
            while mant != 0 {
                out.append(digits[Int((mant >> 60) & 15)])
                mant <<= 4
            }
        } else if prec > 0 {
            out.append(UInt8(ascii: "."))
            for _ in 0..<prec {
                out.append(digits[Int((mant >> 60) & 15)])
                mant <<= 4
            }
        }
        out.append(upper ? UInt8(ascii: "P") : UInt8(ascii: "p"))
        out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let e = String(abs(exp))
        out += Array((e.count < 2 ? "0" + e : e).utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// The first `significant` decimal digits of |v|, correctly rounded, and the decimal point.
    private static func roundedDigits(_ v: Double, significant: Int) -> ([UInt8], Int) {
        if v == 0 { return (Array(repeating: UInt8(ascii: "0"), count: significant), 1) }
        let s = String(format: "%.\(significant - 1)e", v.magnitude)
        let parts = s.split(separator: "e")
        let mantissa = parts[0].utf8.filter { $0 != UInt8(ascii: ".") }
        let exp = Int(parts[1]) ?? 0
        return (Array(mantissa), exp + 1)
    }

    private static func layoutE(_ digits: [UInt8], dp: Int, prec: Int, upper: Bool) -> String {
        var out = String(decoding: digits.prefix(1), as: UTF8.self)
        if prec > 0 {
            out += "."
            var frac = Array(digits.dropFirst().prefix(prec))
            while frac.count < prec { frac.append(UInt8(ascii: "0")) }
            out += String(decoding: frac, as: UTF8.self)
        }
        let exp = digits.first == UInt8(ascii: "0") ? 0 : dp - 1
        out += upper ? "E" : "e"
        out += exp < 0 ? "-" : "+"
        let e = String(abs(exp))
        return out + (e.count < 2 ? "0" + e : e)
    }

    private static func layoutF(_ digits: [UInt8], dp: Int, prec: Int) -> String {
        var out = ""
        if dp > 0 {
            for k in 0..<dp { out.append(k < digits.count ? Character(Unicode.Scalar(digits[k])) : "0") }
        } else {
            out = "0"
        }
        if prec > 0 {
            out += "."
            for k in 0..<prec {
                let index = dp + k
                out.append(index >= 0 && index < digits.count ? Character(Unicode.Scalar(digits[index])) : "0")
            }
        }
        return out
    }

    // MARK: - Padding

    private mutating func writePadding(_ n: Int) {
        guard n > 0 else { return }
        buf += String(repeating: zero && !minus ? "0" : " ", count: n)
    }

    private mutating func padString(_ s: String) {
        guard widPresent && wid != 0 else {
            buf += s
            return
        }
        let width = wid - s.unicodeScalars.count
        if !minus {
            writePadding(width)
            buf += s
        } else {
            buf += s
            writePadding(width)
        }
    }
}
