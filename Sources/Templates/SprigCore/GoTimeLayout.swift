/// Go's reference-time layouts (`2006-01-02 15:04:05.000 -0700 MST`): `Time.Format` and
/// `time.ParseInLocation`, ported from Go's time/format.go so that `date`, `toDate` and the
/// `.Format` method print and accept exactly what Helm's do.
enum GoTimeLayout {
    static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let longDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// One layout element (Go's `std*` constants).
    enum Element: Equatable {
        case longMonth, month, numMonth, zeroMonth
        case longWeekDay, weekDay
        case day, underDay, zeroDay, underYearDay, zeroYearDay
        case hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
        case longYear, year, pm, lowerPM, tz
        case iso8601TZ, iso8601SecondsTZ, iso8601ShortTZ, iso8601ColonTZ, iso8601ColonSecondsTZ
        case numTZ, numSecondsTZ, numShortTZ, numColonTZ, numColonSecondsTZ
        /// `.000` (fixed digits) or `.999` (trailing zeros trimmed), with `.` or `,`.
        case fracSecond(digits: Int, trim: Bool, separator: UInt8)
    }

    /// Go's `nextStdChunk`: the literal text before the next element, the element, and the rest.
    static func nextChunk(_ layout: [UInt8]) -> (prefix: [UInt8], element: Element?, suffix: [UInt8]) {
        let n = layout.count
        func has(_ i: Int, _ s: String) -> Bool {
            let b = Array(s.utf8)
            return i + b.count <= n && Array(layout[i..<i + b.count]) == b
        }
        func lowerAt(_ i: Int) -> Bool { i < n && layout[i] >= 97 && layout[i] <= 122 }
        func split(_ i: Int, _ e: Element, _ len: Int) -> ([UInt8], Element?, [UInt8]) {
            (Array(layout[0..<i]), e, Array(layout[(i + len)...]))
        }
        var i = 0
        while i < n {
            switch layout[i] {
            case UInt8(ascii: "J"):
                if has(i, "Jan") {
                    if has(i, "January") { return split(i, .longMonth, 7) }
                    if !lowerAt(i + 3) { return split(i, .month, 3) }
                }
            case UInt8(ascii: "M"):
                if has(i, "Mon") {
                    if has(i, "Monday") { return split(i, .longWeekDay, 6) }
                    if !lowerAt(i + 3) { return split(i, .weekDay, 3) }
                }
                if has(i, "MST") { return split(i, .tz, 3) }
            case UInt8(ascii: "0"):
                if i + 1 < n, layout[i + 1] >= UInt8(ascii: "1"), layout[i + 1] <= UInt8(ascii: "6") {
                    let zeros: [Element] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
                    return split(i, zeros[Int(layout[i + 1] - UInt8(ascii: "1"))], 2)
                }
                if has(i, "002") { return split(i, .zeroYearDay, 3) }
            case UInt8(ascii: "1"):
                if has(i, "15") { return split(i, .hour, 2) }
                return split(i, .numMonth, 1)
            case UInt8(ascii: "2"):
                if has(i, "2006") { return split(i, .longYear, 4) }
                return split(i, .day, 1)
            case UInt8(ascii: "_"):
                if has(i, "_2") {
                    if has(i + 1, "2006") { return (Array(layout[0...i]), .longYear, Array(layout[(i + 5)...])) }
                    return split(i, .underDay, 2)
                }
                if has(i, "__2") { return split(i, .underYearDay, 3) }
            case UInt8(ascii: "3"): return split(i, .hour12, 1)
            case UInt8(ascii: "4"): return split(i, .minute, 1)
            case UInt8(ascii: "5"): return split(i, .second, 1)
            case UInt8(ascii: "P"):
                if has(i, "PM") { return split(i, .pm, 2) }
            case UInt8(ascii: "p"):
                if has(i, "pm") { return split(i, .lowerPM, 2) }
            case UInt8(ascii: "-"):
                if has(i, "-070000") { return split(i, .numSecondsTZ, 7) }
                if has(i, "-07:00:00") { return split(i, .numColonSecondsTZ, 9) }
                if has(i, "-0700") { return split(i, .numTZ, 5) }
                if has(i, "-07:00") { return split(i, .numColonTZ, 6) }
                if has(i, "-07") { return split(i, .numShortTZ, 3) }
            case UInt8(ascii: "Z"):
                if has(i, "Z070000") { return split(i, .iso8601SecondsTZ, 7) }
                if has(i, "Z07:00:00") { return split(i, .iso8601ColonSecondsTZ, 9) }
                if has(i, "Z0700") { return split(i, .iso8601TZ, 5) }
                if has(i, "Z07:00") { return split(i, .iso8601ColonTZ, 6) }
                if has(i, "Z07") { return split(i, .iso8601ShortTZ, 3) }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if i + 1 < n, layout[i + 1] == UInt8(ascii: "0") || layout[i + 1] == UInt8(ascii: "9") {
                    let ch = layout[i + 1]
                    var j = i + 1
                    while j < n && layout[j] == ch { j += 1 }
                    if !(j < n && isDigit(layout[j])) {
                        let e = Element.fracSecond(digits: j - (i + 1), trim: ch == UInt8(ascii: "9"), separator: layout[i])
                        return (Array(layout[0..<i]), e, Array(layout[j...]))
                    }
                }
            default:
                break
            }
            i += 1
        }
        return (layout, nil, [])
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v.magnitude)
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }

    // MARK: Format

    static func format(_ t: GoTime, _ layout: String) -> String {
        let w = t.wall
        var out = ""
        var rest = Array(layout.utf8)
        while !rest.isEmpty {
            let (prefix, element, suffix) = nextChunk(rest)
            out += String(decoding: prefix, as: UTF8.self)
            guard let element else { break }
            rest = suffix
            switch element {
            case .year: out += pad(w.year % 100, 2)
            case .longYear: out += pad(w.year, 4)
            case .month: out += String(longMonths[w.month - 1].prefix(3))
            case .longMonth: out += longMonths[w.month - 1]
            case .numMonth: out += String(w.month)
            case .zeroMonth: out += pad(Int64(w.month), 2)
            case .weekDay: out += String(longDays[w.weekday].prefix(3))
            case .longWeekDay: out += longDays[w.weekday]
            case .day: out += String(w.day)
            case .underDay: out += (w.day < 10 ? " " : "") + String(w.day)
            case .zeroDay: out += pad(Int64(w.day), 2)
            case .underYearDay: out += (w.yearDay < 100 ? " " : "") + (w.yearDay < 10 ? " " : "") + String(w.yearDay)
            case .zeroYearDay: out += pad(Int64(w.yearDay), 3)
            case .hour: out += pad(Int64(w.hour), 2)
            case .hour12: out += String(w.hour % 12 == 0 ? 12 : w.hour % 12)
            case .zeroHour12: out += pad(Int64(w.hour % 12 == 0 ? 12 : w.hour % 12), 2)
            case .minute: out += String(w.minute)
            case .zeroMinute: out += pad(Int64(w.minute), 2)
            case .second: out += String(w.second)
            case .zeroSecond: out += pad(Int64(w.second), 2)
            case .pm: out += w.hour >= 12 ? "PM" : "AM"
            case .lowerPM: out += w.hour >= 12 ? "pm" : "am"
            case .iso8601TZ, .iso8601ColonTZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonSecondsTZ,
                 .numTZ, .numColonTZ, .numSecondsTZ, .numShortTZ, .numColonSecondsTZ:
                let iso = [.iso8601TZ, .iso8601ColonTZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonSecondsTZ].contains(element)
                if w.offset == 0 && iso { out += "Z"; break }
                var zone = w.offset / 60
                var abs = w.offset
                if zone < 0 { out += "-"; zone = -zone; abs = -abs } else { out += "+" }
                out += pad(Int64(zone / 60), 2)
                if [.iso8601ColonTZ, .numColonTZ, .iso8601ColonSecondsTZ, .numColonSecondsTZ].contains(element) { out += ":" }
                if element != .numShortTZ && element != .iso8601ShortTZ { out += pad(Int64(zone % 60), 2) }
                if [.iso8601SecondsTZ, .numSecondsTZ, .numColonSecondsTZ, .iso8601ColonSecondsTZ].contains(element) {
                    if element == .numColonSecondsTZ || element == .iso8601ColonSecondsTZ { out += ":" }
                    out += pad(Int64(abs % 60), 2)
                }
            case .tz:
                if !w.zoneName.isEmpty { out += w.zoneName; break }
                var zone = w.offset / 60
                if zone < 0 { out += "-"; zone = -zone } else { out += "+" }
                out += pad(Int64(zone / 60), 2) + pad(Int64(zone % 60), 2)
            case .fracSecond(let digits, let trim, let sep):
                out += fraction(t.nanos, digits: digits, trim: trim, separator: sep)
            }
        }
        return out
    }

    /// Go's `appendNano`.
    static func fraction(_ nanos: Int, digits: Int, trim: Bool, separator: UInt8) -> String {
        if trim && (digits == 0 || nanos == 0) { return "" }
        var s = Array(pad(Int64(nanos), 9).prefix(digits))
        if trim { while s.last == "0" { s.removeLast() } }
        if s.isEmpty { return "" }
        return String(UnicodeScalar(separator)) + String(s)
    }

    // MARK: Parse

    /// A `time.ParseError`, worded as Go words it.
    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    private static func quote(_ s: String) -> String { GoQuote.quote(s) }

    /// `time.ParseInLocation(layout, value, loc)`.
    static func parse(_ layoutText: String, _ valueText: String, in loc: GoLocation) throws -> GoTime {
        let alayout = layoutText, avalue = valueText
        var layout = Array(layoutText.utf8), value = Array(valueText.utf8)
        var rangeErr = ""
        var amSet = false, pmSet = false
        var year: Int64 = 1, month = -1, day = -1, yday = -1, hour = 0, minute = 0, second = 0, nanos = 0
        var zoneOffset = -1
        var zoneName = ""

        func fail(_ valueElem: [UInt8], _ layoutElem: String, _ message: String = "") -> ParseError {
            if !message.isEmpty {
                return ParseError(description: "parsing time \(quote(avalue))\(message)")
            }
            return ParseError(description: "parsing time \(quote(avalue)) as \(quote(alayout)): cannot parse \(quote(String(decoding: valueElem, as: UTF8.self))) as \(quote(layoutElem))")
        }
        func getnum(_ s: [UInt8], fixed: Bool) -> (Int, [UInt8])? {
            guard let f = s.first, isDigit(f) else { return nil }
            if s.count < 2 || !isDigit(s[1]) {
                if fixed { return nil }
                return (Int(f - 48), Array(s.dropFirst()))
            }
            return (Int(f - 48) * 10 + Int(s[1] - 48), Array(s.dropFirst(2)))
        }
        func getnum3(_ s: [UInt8], fixed: Bool) -> (Int, [UInt8])? {
            var n = 0, i = 0
            while i < 3 && i < s.count && isDigit(s[i]) { n = n * 10 + Int(s[i] - 48); i += 1 }
            if i == 0 || (fixed && i != 3) { return nil }
            return (n, Array(s.dropFirst(i)))
        }
        func lookupName(_ table: [String], _ s: [UInt8]) -> (Int, [UInt8])? {
            for (i, name) in table.enumerated() {
                let b = Array(name.utf8)
                if s.count >= b.count, String(decoding: s[0..<b.count], as: UTF8.self).lowercased() == name.lowercased() {
                    return (i, Array(s.dropFirst(b.count)))
                }
            }
            return nil
        }
        func skipSpaces(_ prefix: [UInt8], _ v: [UInt8]) -> [UInt8]? {
            var p = prefix[...], v = v[...]
            while let c = p.first {
                if c == 32 {
                    if let f = v.first, f != 32 { return nil }
                    while p.first == 32 { p = p.dropFirst() }
                    while v.first == 32 { v = v.dropFirst() }
                    continue
                }
                guard v.first == c else { return nil }
                p = p.dropFirst(); v = v.dropFirst()
            }
            return Array(v)
        }

        while true {
            let (prefix, element, suffix) = nextChunk(layout)
            let stdText = String(decoding: layout[prefix.count..<(layout.count - suffix.count)], as: UTF8.self)
            guard let rest = skipSpaces(prefix, value) else {
                throw fail(value, String(decoding: prefix, as: UTF8.self))
            }
            value = rest
            guard let element else {
                if !value.isEmpty { throw fail([], "", ": extra text: \(quote(String(decoding: value, as: UTF8.self)))") }
                break
            }
            layout = suffix
            let hold = value
            var ok = true
            switch element {
            case .year:
                if value.count < 2 { ok = false; break }
                guard let (n, r) = getnum(Array(value.prefix(2)), fixed: true) else { ok = false; break }
                year = Int64(n >= 69 ? n + 1900 : n + 2000)
                value = Array(value.dropFirst(2)) + r
            case .longYear:
                if value.count < 4 || !value.prefix(4).allSatisfy(isDigit) { ok = false; break }
                year = Int64(String(decoding: value.prefix(4), as: UTF8.self))!
                value = Array(value.dropFirst(4))
            case .month, .longMonth:
                let table = element == .month ? longMonths.map { String($0.prefix(3)) } : longMonths
                guard let (m, r) = lookupName(table, value) else { ok = false; break }
                month = m + 1; value = r
            case .numMonth, .zeroMonth:
                guard let (m, r) = getnum(value, fixed: element == .zeroMonth) else { ok = false; break }
                month = m; value = r
                if month <= 0 || month > 12 { rangeErr = "month" }
            case .weekDay, .longWeekDay:
                let table = element == .weekDay ? longDays.map { String($0.prefix(3)) } : longDays
                guard let (_, r) = lookupName(table, value) else { ok = false; break }
                value = r
            case .day, .underDay, .zeroDay:
                if element == .underDay, value.first == 32 { value = Array(value.dropFirst()) }
                guard let (d, r) = getnum(value, fixed: element == .zeroDay) else { ok = false; break }
                day = d; value = r
            case .underYearDay, .zeroYearDay:
                for _ in 0..<2 where element == .underYearDay && value.first == 32 { value = Array(value.dropFirst()) }
                guard let (d, r) = getnum3(value, fixed: element == .zeroYearDay) else { ok = false; break }
                yday = d; value = r
                if yday < 1 || yday > 366 { rangeErr = "day-of-year" }
            case .hour:
                guard let (h, r) = getnum(value, fixed: false) else { ok = false; break }
                hour = h; value = r
                if hour < 0 || hour >= 24 { rangeErr = "hour" }
            case .hour12, .zeroHour12:
                guard let (h, r) = getnum(value, fixed: element == .zeroHour12) else { ok = false; break }
                hour = h; value = r
                if hour < 0 || hour > 12 { rangeErr = "hour" }
            case .minute, .zeroMinute:
                guard let (m, r) = getnum(value, fixed: element == .zeroMinute) else { ok = false; break }
                minute = m; value = r
                if minute < 0 || minute >= 60 { rangeErr = "minute" }
            case .second, .zeroSecond:
                guard let (s, r) = getnum(value, fixed: element == .zeroSecond) else { ok = false; break }
                second = s; value = r
                if second < 0 || second >= 60 { rangeErr = "second"; break }
                // A fractional second in the value but not the layout is accepted.
                if value.count >= 2, value[0] == UInt8(ascii: ".") || value[0] == UInt8(ascii: ","), isDigit(value[1]) {
                    let (next, _, _) = nextChunk(layout)
                    if case .fracSecond = nextChunk(layout).element, next.isEmpty { break }
                    var n = 1
                    while n < value.count && isDigit(value[n]) { n += 1 }
                    nanos = nanosOf(Array(value[1..<n]))
                    value = Array(value.dropFirst(n))
                }
            case .pm, .lowerPM:
                if value.count < 2 { ok = false; break }
                let p = String(decoding: value.prefix(2), as: UTF8.self)
                if element == .pm ? p == "PM" : p == "pm" { pmSet = true } else if element == .pm ? p == "AM" : p == "am" { amSet = true } else { ok = false; break }
                value = Array(value.dropFirst(2))
            case .iso8601TZ, .iso8601ColonTZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonSecondsTZ,
                 .numTZ, .numShortTZ, .numColonTZ, .numSecondsTZ, .numColonSecondsTZ:
                let iso = [.iso8601TZ, .iso8601ColonTZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonSecondsTZ].contains(element)
                if iso && value.first == UInt8(ascii: "Z") {
                    value = Array(value.dropFirst()); zoneName = "UTC"; zoneOffset = 0; break
                }
                var sign: UInt8 = 0, hh = "", mm = "00", ss = "00"
                let v = value
                func digits(_ r: Range<Int>) -> String? {
                    guard r.upperBound <= v.count, v[r].allSatisfy(isDigit) else { return nil }
                    return String(decoding: v[r], as: UTF8.self)
                }
                switch element {
                case .iso8601ColonTZ, .numColonTZ:
                    guard v.count >= 6, v[3] == 58, let h = digits(1..<3), let m = digits(4..<6) else { ok = false; break }
                    sign = v[0]; hh = h; mm = m; value = Array(v.dropFirst(6))
                case .numShortTZ, .iso8601ShortTZ:
                    guard v.count >= 3, let h = digits(1..<3) else { ok = false; break }
                    sign = v[0]; hh = h; value = Array(v.dropFirst(3))
                case .iso8601ColonSecondsTZ, .numColonSecondsTZ:
                    guard v.count >= 9, v[3] == 58, v[6] == 58, let h = digits(1..<3), let m = digits(4..<6), let s = digits(7..<9) else { ok = false; break }
                    sign = v[0]; hh = h; mm = m; ss = s; value = Array(v.dropFirst(9))
                case .iso8601SecondsTZ, .numSecondsTZ:
                    guard v.count >= 7, let h = digits(1..<3), let m = digits(3..<5), let s = digits(5..<7) else { ok = false; break }
                    sign = v[0]; hh = h; mm = m; ss = s; value = Array(v.dropFirst(7))
                default:
                    guard v.count >= 5, let h = digits(1..<3), let m = digits(3..<5) else { ok = false; break }
                    sign = v[0]; hh = h; mm = m; value = Array(v.dropFirst(5))
                }
                if !ok { break }
                let (h, m, s) = (Int(hh)!, Int(mm)!, Int(ss)!)
                if h > 24 { rangeErr = "time zone offset hour" }
                if m > 60 { rangeErr = "time zone offset minute" }
                if s > 60 { rangeErr = "time zone offset second" }
                zoneOffset = (h * 60 + m) * 60 + s
                if sign == UInt8(ascii: "-") { zoneOffset = -zoneOffset } else if sign != UInt8(ascii: "+") { ok = false }
            case .tz:
                if value.count >= 3, String(decoding: value.prefix(3), as: UTF8.self) == "UTC" {
                    zoneName = "UTC"; value = Array(value.dropFirst(3)); break
                }
                guard let n = tzLength(value) else { ok = false; break }
                zoneName = String(decoding: value.prefix(n), as: UTF8.self)
                value = Array(value.dropFirst(n))
            case .fracSecond(let digits, let trim, _):
                if !trim {
                    let ndigit = 1 + digits
                    if value.count < ndigit || !(value[0] == UInt8(ascii: ".") || value[0] == UInt8(ascii: ",")) || !value[1..<ndigit].allSatisfy(isDigit) {
                        ok = false; break
                    }
                    nanos = nanosOf(Array(value[1..<ndigit]))
                    value = Array(value.dropFirst(ndigit))
                } else {
                    if value.count < 2 || !(value[0] == UInt8(ascii: ".") || value[0] == UInt8(ascii: ",")) || !isDigit(value[1]) { break }
                    var i = 0
                    while i + 1 < value.count && i < 9 && isDigit(value[i + 1]) { i += 1 }
                    nanos = nanosOf(Array(value[1...i]))
                    value = Array(value.dropFirst(1 + i))
                }
            }
            if !rangeErr.isEmpty {
                throw fail([], "", ": \(rangeErr) out of range")
            }
            if !ok {
                throw fail(hold, stdText)
            }
        }
        if pmSet && hour < 12 { hour += 12 } else if amSet && hour == 12 { hour = 0 }

        if yday >= 0 {
            let computed = GoCalendar.civil(GoCalendar.days(year, 1, 1) + Int64(yday - 1))
            if month >= 0 && month != computed.month { throw fail([], "", ": day-of-year does not match month") }
            if day >= 0 && day != computed.day { throw fail([], "", ": day-of-year does not match day") }
            month = computed.month; day = computed.day
        } else {
            if month < 0 { month = 1 }
            if day < 0 { day = 1 }
        }
        if day < 1 || day > GoCalendar.daysIn(month, year) {
            throw fail([], "", ": day out of range")
        }

        if zoneOffset != -1 {
            var t = GoTime.date(year, month, day, hour, minute, second, nanos, .utc)
            t = GoTime(unix: t.unix - Int64(zoneOffset), nanos: nanos, location: .utc)
            let local = loc.lookup(t.unix)
            if local.offset == zoneOffset && (zoneName.isEmpty || local.name == zoneName) {
                return t.in(loc)
            }
            return t.in(.fixed(zoneName, zoneOffset))
        }
        if !zoneName.isEmpty {
            let t = GoTime.date(year, month, day, hour, minute, second, nanos, .utc)
            // A known abbreviation of the location (its offset at that time) wins.
            for z in loc.zones where z.name == zoneName {
                let u = GoTime(unix: t.unix - Int64(z.offset), nanos: nanos, location: loc)
                if loc.lookup(u.unix).name == zoneName { return u }
            }
            if zoneName.count > 3, zoneName.hasPrefix("GMT") {
                let off = (Int(zoneName.dropFirst(3)) ?? 0) * 3600
                return GoTime(unix: t.unix - Int64(off), nanos: nanos, location: .fixed(zoneName, off))
            }
            if zoneName == "UTC" { return t }
            return GoTime(unix: t.unix, nanos: nanos, location: .fixed(zoneName, 0))
        }
        return GoTime.date(year, month, day, hour, minute, second, nanos, loc)
    }

    private static func nanosOf(_ digits: [UInt8]) -> Int {
        var n = 0
        for (i, d) in digits.enumerated() where i < 9 { n = n * 10 + Int(d - 48) }
        for _ in min(digits.count, 9)..<9 { n *= 10 }
        return n
    }

    /// Go's `parseTimeZone`: how many bytes of `value` form a zone abbreviation.
    private static func tzLength(_ value: [UInt8]) -> Int? {
        if value.count < 3 { return nil }
        if value.count >= 4, String(decoding: value.prefix(4), as: UTF8.self) == "ChST" || String(decoding: value.prefix(4), as: UTF8.self) == "MeST" {
            return 4
        }
        if String(decoding: value.prefix(3), as: UTF8.self) == "GMT" {
            var n = 3
            if n < value.count, value[n] == UInt8(ascii: "+") || value[n] == UInt8(ascii: "-") {
                var j = n + 1
                while j < value.count && isDigit(value[j]) { j += 1 }
                if j > n + 1, let x = Int(String(decoding: value[(n + 1)..<j], as: UTF8.self)), x <= 23 { n = j }
            }
            return n
        }
        if value[0] == UInt8(ascii: "+") || value[0] == UInt8(ascii: "-") {
            var j = 1
            while j < value.count && isDigit(value[j]) { j += 1 }
            return [3, 5].contains(j) ? j : nil
        }
        var upper = 0
        while upper < value.count && value[upper] >= 65 && value[upper] <= 90 { upper += 1 }
        switch upper {
        case 0, 1, 2, 6: return nil
        case 5: return value.count > 5 && value[5] == UInt8(ascii: "T") ? 6 : nil
        case 4: return value[3] == UInt8(ascii: "T") || String(decoding: value.prefix(4), as: UTF8.self) == "WITA" ? 4 : nil
        default: return 3
        }
    }
}
