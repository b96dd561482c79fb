import Foundation

/// A Go `time.Location`: the zone abbreviations and offsets of one place over time, read from
/// the system's TZif files (/usr/share/zoneinfo) exactly as Go's `time.LoadLocation` reads them.
/// Foundation's `TimeZone` is not used because on Linux it names zones `GMT+1` where Go (and
/// tzdata) say `CET`, and `date "MST"` must print what Helm prints.
final class GoLocation: Sendable {
    struct Zone: Sendable {
        let name: String
        let offset: Int
        let isDST: Bool
    }

    /// The location's name as `Location.String()` gives it (`UTC`, `Local`, `Europe/Berlin`).
    let name: String
    let zones: [Zone]
    /// Transition instants (Unix seconds) and the zone in force from each.
    let transitions: [(at: Int64, zone: Int)]
    /// The POSIX TZ rule for instants after the last transition (the TZif footer).
    let extend: String

    init(name: String, zones: [Zone], transitions: [(at: Int64, zone: Int)] = [], extend: String = "") {
        self.name = name
        self.zones = zones
        self.transitions = transitions
        self.extend = extend
    }

    static let utc = GoLocation(name: "UTC", zones: [])

    /// Go's `time.Local`: `$TZ` if set (empty means UTC), else /etc/localtime.
    static let local: GoLocation = {
        let env = ProcessInfo.processInfo.environment
        if let tz = env["TZ"] {
            if tz.isEmpty || tz == "UTC" { return GoLocation(name: "Local", zones: [], extend: "") }
            let name = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
            let path = name.hasPrefix("/") ? name : "/usr/share/zoneinfo/" + name
            if let data = FileManager.default.contents(atPath: path), let loc = parse([UInt8](data), name: "Local") { return loc }
            return GoLocation(name: "Local", zones: [])
        }
        if let data = FileManager.default.contents(atPath: "/etc/localtime"), let loc = parse([UInt8](data), name: "Local") { return loc }
        return GoLocation(name: "Local", zones: [])
    }()

    /// A zone with a fixed offset (`time.FixedZone`).
    static func fixed(_ name: String, _ offset: Int) -> GoLocation {
        GoLocation(name: name, zones: [Zone(name: name, offset: offset, isDST: false)])
    }

    /// `time.LoadLocation`: "" and "UTC" are UTC, "Local" is the local zone, anything else a
    /// tzdata name; nil where Go returns an error. A tzdata zone is read and parsed once per
    /// process and then served from a cache (names that fail to load are not cached).
    static func load(_ name: String) -> GoLocation? {
        switch name {
        case "", "UTC": return utc
        case "Local": return local
        default:
            if name.hasPrefix("/") || name.hasPrefix("\\") || name.contains("..") { return nil }
            if let cached = loaded.get(name) { return cached }
            guard let data = FileManager.default.contents(atPath: "/usr/share/zoneinfo/" + name),
                  let location = parse([UInt8](data), name: name) else { return nil }
            return loaded.insert(name, location)
        }
    }

    /// tzdata zones already loaded, by name; `load` may run on several threads at once.
    private static let loaded = LocationCache()

    private final class LocationCache: @unchecked Sendable {
        private let lock = NSLock()
        private var locations: [String: GoLocation] = [:]

        func get(_ name: String) -> GoLocation? { lock.withLock { locations[name] } }
        /// Stores `location` unless another thread stored one for `name` first; returns the stored one.
        func insert(_ name: String, _ location: GoLocation) -> GoLocation {
            lock.withLock {
                if let existing = locations[name] { return existing }
                locations[name] = location
                return location
            }
        }
    }

    /// The zone abbreviation and offset east of UTC in force at `unix`.
    func lookup(_ unix: Int64) -> (name: String, offset: Int, isDST: Bool) {
        if zones.isEmpty { return ("UTC", 0, false) }
        if transitions.isEmpty || unix < transitions[0].at {
            let z = zones[firstZone()]
            return (z.name, z.offset, z.isDST)
        }
        var lo = 0, hi = transitions.count
        while hi - lo > 1 {
            let m = (lo + hi) / 2
            if unix < transitions[m].at { hi = m } else { lo = m }
        }
        if lo == transitions.count - 1, !extend.isEmpty, let rule = GoTZRule.evaluate(extend, unix) {
            return rule
        }
        let z = zones[transitions[lo].zone]
        return (z.name, z.offset, z.isDST)
    }

    /// Go's `lookupFirstZone`: the zone for instants before the first transition.
    private func firstZone() -> Int {
        if !transitions.contains(where: { $0.zone == 0 }) { return 0 }
        if let first = transitions.first, zones[first.zone].isDST {
            var zi = first.zone - 1
            while zi >= 0 { if !zones[zi].isDST { return zi }; zi -= 1 }
        }
        return zones.firstIndex { !$0.isDST } ?? 0
    }

    /// Parses a TZif file (version 1 data, or the 64-bit version 2+ data and its footer).
    static func parse(_ bytes: [UInt8], name: String) -> GoLocation? {
        var p = 0
        func be(_ n: Int) -> Int64? {
            guard p + n <= bytes.count else { return nil }
            var v: Int64 = 0
            for i in 0..<n { v = v << 8 | Int64(bytes[p + i]) }
            p += n
            if n == 4 { return Int64(Int32(truncatingIfNeeded: v)) }
            return v
        }
        func header() -> (version: UInt8, counts: [Int])? {
            guard p + 44 <= bytes.count, bytes[p..<p + 4].elementsEqual("TZif".utf8) else { return nil }
            let version = bytes[p + 4]
            p += 20
            var counts: [Int] = []
            for _ in 0..<6 { guard let c = be(4) else { return nil }; counts.append(Int(c)) }
            return (version, counts)
        }
        guard var h = header() else { return nil }
        var width = 4
        if h.version >= UInt8(ascii: "2") {
            // Skip the 32-bit block and read the 64-bit one.
            let c = h.counts  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
            p += c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]
            guard let h2 = header() else { return nil }
            h = h2
            width = 8
        }
        let (leapcnt, timecnt, typecnt, charcnt) = (h.counts[2], h.counts[3], h.counts[4], h.counts[5])
        var times: [Int64] = []
        for _ in 0..<timecnt { guard let t = be(width) else { return nil }; times.append(t) }
        guard p + timecnt <= bytes.count else { return nil }
        let indices = bytes[p..<p + timecnt].map(Int.init)
        p += timecnt
        var types: [(offset: Int, isDST: Bool, abbr: Int)] = []
        for _ in 0..<typecnt {
            guard let off = be(4), p + 2 <= bytes.count else { return nil }
            types.append((Int(off), bytes[p] != 0, Int(bytes[p + 1])))
            p += 2
        }
        guard p + charcnt <= bytes.count else { return nil }
        let chars = Array(bytes[p..<p + charcnt])
        p += charcnt
        p += leapcnt * (width + 4) + h.counts[1] + h.counts[0]
        var extend = ""
        if width == 8, p < bytes.count, bytes[p] == UInt8(ascii: "\n") {
            if let end = bytes[(p + 1)...].firstIndex(of: UInt8(ascii: "\n")) {
                extend = String(decoding: bytes[(p + 1)..<end], as: UTF8.self)
            }
        }
        let zones = types.map { t -> Zone in
            var end = t.abbr
            while end < chars.count && chars[end] != 0 { end += 1 }
            let abbr = t.abbr < chars.count ? String(decoding: chars[t.abbr..<end], as: UTF8.self) : ""
            return Zone(name: abbr, offset: t.offset, isDST: t.isDST)
        }
        guard !zones.isEmpty, indices.allSatisfy({ $0 < zones.count }) else { return nil }
        return GoLocation(name: name, zones: zones, transitions: zip(times, indices).map { ($0, $1) }, extend: extend)
    }
}

/// Go's `tzset`: evaluates a POSIX TZ rule such as `CET-1CEST,M3.5.0,M10.5.0/3` at an instant.
enum GoTZRule {
    static func evaluate(_ rule: String, _ sec: Int64) -> (name: String, offset: Int, isDST: Bool)? {
        var s = Substring(rule)
        guard var stdName = name(&s), let stdOff = offset(&s) else { return nil }
        var stdOffset = -stdOff
        if s.isEmpty || s.first == "," { return (stdName, stdOffset, false) }
        guard var dstName = name(&s) else { return nil }
        var dstOffset: Int
        if s.isEmpty || s.first == "," {
            dstOffset = stdOffset + 3600
        } else {
            guard let o = offset(&s) else { return nil }
            dstOffset = -o
        }
        if s.isEmpty { s = ",M3.2.0,M11.1.0" }
        guard s.first == "," || s.first == ";" else { return nil }
        s = s.dropFirst()
        guard let startRule = ruleSpec(&s), s.first == "," else { return nil }
        s = s.dropFirst()
        guard let endRule = ruleSpec(&s), s.isEmpty else { return nil }

        let days = GoCalendar.floorDiv(sec, 86400)
        let year = GoCalendar.civil(days).year
        let yearStart = GoCalendar.days(year, 1, 1) * 86400
        let ysec = sec - yearStart
        var startSec = Int64(ruleTime(year, startRule, stdOffset))
        var endSec = Int64(ruleTime(year, endRule, dstOffset))
        var dstIsDST = true, stdIsDST = false
        if endSec < startSec {
            swap(&startSec, &endSec)
            swap(&stdName, &dstName)
            swap(&stdOffset, &dstOffset)
            swap(&stdIsDST, &dstIsDST)
        }
        if ysec < startSec || ysec >= endSec { return (stdName, stdOffset, stdIsDST) }
        return (dstName, dstOffset, dstIsDST)
    }

    private enum Kind { case julian, dayOfYear, monthWeekDay }
    private struct Rule { var kind: Kind; var day = 0, week = 0, mon = 0, time = 7200 }

    private static func name(_ s: inout Substring) -> String? {
        if s.first == "<" {
            guard let end = s.firstIndex(of: ">") else { return nil }
            let n = String(s[s.index(after: s.startIndex)..<end])
            s = s[s.index(after: end)...]
            return n
        }
        let n = s.prefix { !($0.isNumber || $0 == "," || $0 == "-" || $0 == "+") }
        guard n.count >= 3 else { return nil }
        s = s.dropFirst(n.count)
        return String(n)
    }

    private static func number(_ s: inout Substring) -> Int? {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let n = Int(digits) else { return nil }
        s = s.dropFirst(digits.count)
        return n
    }

    private static func offset(_ s: inout Substring) -> Int? {
        var neg = false
        if s.first == "+" { s = s.dropFirst() } else if s.first == "-" { neg = true; s = s.dropFirst() }
        guard let hours = number(&s), hours <= 24 * 7 else { return nil }
        var off = hours * 3600
        if s.first == ":" {
            s = s.dropFirst()
            guard let m = number(&s), m < 60 else { return nil }
            off += m * 60
            if s.first == ":" {
                s = s.dropFirst()
                guard let sec = number(&s), sec < 60 else { return nil }
                off += sec
            }
        }
        return neg ? -off : off
    }

    private static func ruleSpec(_ s: inout Substring) -> Rule? {
        var r: Rule
        if s.first == "J" {
            s = s.dropFirst()
            guard let d = number(&s), (1...365).contains(d) else { return nil }
            r = Rule(kind: .julian, day: d)
        } else if s.first == "M" {
            s = s.dropFirst()
            guard let m = number(&s), (1...12).contains(m), s.first == "." else { return nil }
            s = s.dropFirst()
            guard let w = number(&s), (1...5).contains(w), s.first == "." else { return nil }
            s = s.dropFirst()
            guard let d = number(&s), (0...6).contains(d) else { return nil }
            r = Rule(kind: .monthWeekDay, day: d, week: w, mon: m)
        } else {
            guard let d = number(&s), d < 366 else { return nil }
            r = Rule(kind: .dayOfYear, day: d)
        }
        if s.first == "/" {
            s = s.dropFirst()
            guard let t = offset(&s) else { return nil }
            r.time = t
        }
        return r
    }

    /// Seconds since the start of `year` (UTC) at which the rule takes effect.
    private static func ruleTime(_ year: Int64, _ r: Rule, _ off: Int) -> Int {
        let leap = GoCalendar.isLeap(year)
        var s: Int
        switch r.kind {
        case .julian:
            var d = r.day - 1
            if leap && d >= 59 { d += 1 }
            s = d * 86400
        case .dayOfYear:
            s = r.day * 86400
        case .monthWeekDay:
            let first = GoCalendar.days(year, r.mon, 1)
            let dow = Int(GoCalendar.floorMod(first + 4, 7))
            var d = r.day - dow
            if d < 0 { d += 7 }
            for _ in 1..<r.week where d + 7 < GoCalendar.daysIn(r.mon, year) { d += 7 }
            s = Int(first - GoCalendar.days(year, 1, 1) + Int64(d)) * 86400
        }
        return s + r.time - off
    }
}

/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01.
enum GoCalendar {
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

    static func isLeap(_ y: Int64) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func daysIn(_ month: Int, _ year: Int64) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since the epoch of a civil date; months and days outside their range normalise.
    static func days(_ year: Int64, _ month: Int, _ day: Int) -> Int64 {
        var y = year + floorDiv(Int64(month - 1), 12)
        let m = Int(floorMod(Int64(month - 1), 12)) + 1
        if m <= 2 { y -= 1 }
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = Int64(m > 2 ? m - 3 : m + 9)
        let doy = (153 * mp + 2) / 5
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468 + Int64(day - 1)
    }

    /// The civil date of a day count.
    static func civil(_ days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719468
        let era = floorDiv(z, 146097)
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
