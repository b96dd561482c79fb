import Foundation
import YAML

/// A Go `time.Time` as templates see it: `now`, `toDate` and `dateModify` return one, `date`
/// formats one, and its methods (`.Format`, `.Unix`, `.Year`...) are callable. It prints as
/// Go's `Time.String()` and marshals to JSON/YAML as RFC 3339 with nanoseconds, as Go does.
final class GoTime: TemplateObject, DataConvertible, @unchecked Sendable {
    /// Seconds since the Unix epoch and the nanoseconds within that second.
    let unix: Int64
    let nanos: Int
    let location: GoLocation
    /// The monotonic clock reading `time.Now` attaches (seconds since process start, in
    /// nanoseconds); `String()` prints it as `m=+0.001`. `In`, `UTC` and `Local` drop it.
    let monotonic: Int64?

    init(unix: Int64, nanos: Int = 0, location: GoLocation, monotonic: Int64? = nil) {
        self.unix = unix
        self.nanos = nanos
        self.location = location
        self.monotonic = monotonic
    }

    /// Go's zero `time.Time`: January 1, year 1, 00:00:00 UTC.
    static let zero = GoTime(unix: -62_135_596_800, location: .utc)

    private static let processStart = DispatchTime.now().uptimeNanoseconds

    /// `time.Now()` in the local zone, with a monotonic reading.
    static func now() -> GoTime {
        let ts = Date().timeIntervalSince1970
        let sec = Int64(ts.rounded(.down))
        let ns = Int(((ts - Double(sec)) * 1e9).rounded(.down))
        let start = processStart
        let mono = Int64(bitPattern: DispatchTime.now().uptimeNanoseconds &- start) + 1
        return GoTime(unix: sec, nanos: min(ns, 999_999_999), location: .local, monotonic: mono)
    }

    func `in`(_ loc: GoLocation) -> GoTime { GoTime(unix: unix, nanos: nanos, location: loc) }

    /// `t.Add(d)` with `d` in nanoseconds; the monotonic reading moves along.
    func adding(nanoseconds d: Int64) -> GoTime {
        let total = Int64(nanos) + d % 1_000_000_000
        var sec = unix + d / 1_000_000_000
        var ns = total
        if ns >= 1_000_000_000 { sec += 1; ns -= 1_000_000_000 } else if ns < 0 { sec -= 1; ns += 1_000_000_000 }
        return GoTime(unix: sec, nanos: Int(ns), location: location, monotonic: monotonic.map { $0 &+ d })
    }

    /// Nanoseconds from `other` to `self`, saturating as Go's `Sub` does.
    func nanoseconds(since other: GoTime) -> Int64 {
        let (s, o1) = (unix - other.unix).multipliedReportingOverflow(by: 1_000_000_000)
        let (d, o2) = s.addingReportingOverflow(Int64(nanos - other.nanos))
        if o1 || o2 { return unix > other.unix ? Int64.max : Int64.min }
        return d
    }

    /// The wall clock in the time's location.
    struct Wall {
        var year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int
        var weekday: Int, yearDay: Int
        var zoneName: String, offset: Int
    }

    var wall: Wall {
        let zone = location.lookup(unix)
        let local = unix + Int64(zone.offset)
        let days = GoCalendar.floorDiv(local, 86400)
        let secs = Int(local - days * 86400)
        let (y, m, d) = GoCalendar.civil(days)
        return Wall(year: y, month: m, day: d, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60,
                    weekday: Int(GoCalendar.floorMod(days + 4, 7)),
                    yearDay: Int(days - GoCalendar.days(y, 1, 1)) + 1,
                    zoneName: zone.name, offset: zone.offset)
    }

    /// `time.Date(...)` in `loc`: the instant whose wall clock there reads as given.
    static func date(_ year: Int64, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                     _ nanos: Int, _ loc: GoLocation) -> GoTime {
        let wall = GoCalendar.days(year, month, day) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        var unix = wall
        let off = loc.lookup(wall).offset
        if off != 0 {
            let guess = wall - Int64(off)
            let off2 = loc.lookup(guess).offset
            unix = wall - Int64(off2 == off ? off : off2)
        }
        return GoTime(unix: unix, nanos: nanos, location: loc)
    }

    func format(_ layout: String) -> String { GoTimeLayout.format(self, layout) }

    // MARK: TemplateObject

    var goTypeName: String { "time.Time" }

    /// `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`, plus `m=±s.nnnnnnnnn`.
    var formatted: String {
        var s = format("2006-01-02 15:04:05.999999999 -0700 MST")
        if let m = monotonic {
            let sign = m < 0 ? "-" : "+"
            let a = m.magnitude
            let frac = String(a % 1_000_000_000)
            s += " m=" + sign + String(a / 1_000_000_000) + "." + String(repeating: "0", count: 9 - frac.count) + frac
        }
        return s
    }

    var dataValue: Value { .string(format("2006-01-02T15:04:05.999999999Z07:00")) }

    func field(_ name: String) -> TemplateValue? { nil }

    func method(_ name: String) -> TemplateFunction? {
        @Sendable func w() -> Wall { self.wall }
        let timeType = GoType.named("time.Time", kind: .struct)
        switch name {
        case "Format":
            return TemplateFunction(name, [.string], returns: "string") { call in
                guard case .string(let layout) = call[0].plain else { return .string("") }
                return .string(self.format(layout))
            }
        case "String": return TemplateFunction(name, [], returns: "string") { _ in .string(self.formatted) }
        case "Unix": return TemplateFunction(name, [], returns: "int64") { _ in .int64(self.unix) }
        case "UnixMilli":
            return TemplateFunction(name, [], returns: "int64") { _ in .int64(self.unix &* 1000 &+ Int64(self.nanos / 1_000_000)) }
        case "UnixNano":
            return TemplateFunction(name, [], returns: "int64") { _ in .int64(self.unix &* 1_000_000_000 &+ Int64(self.nanos)) }
        case "UTC": return TemplateFunction(name, [], returns: "time.Time") { _ in .object(self.in(.utc)) }
        case "Local": return TemplateFunction(name, [], returns: "time.Time") { _ in .object(self.in(.local)) }
        case "Year": return TemplateFunction(name, [], returns: "int") { _ in .goInt(Int(w().year)) }
        case "Month": return TemplateFunction(name, [], returns: "time.Month") { _ in .string(GoTimeLayout.longMonths[w().month - 1]) }
        case "Day": return TemplateFunction(name, [], returns: "int") { _ in .goInt(w().day) }
        case "Hour": return TemplateFunction(name, [], returns: "int") { _ in .goInt(w().hour) }
        case "Minute": return TemplateFunction(name, [], returns: "int") { _ in .goInt(w().minute) }
        case "Second": return TemplateFunction(name, [], returns: "int") { _ in .goInt(w().second) }
        case "Nanosecond": return TemplateFunction(name, [], returns: "int") { _ in .goInt(self.nanos) }
        case "YearDay": return TemplateFunction(name, [], returns: "int") { _ in .goInt(w().yearDay) }
        case "Weekday": return TemplateFunction(name, [], returns: "time.Weekday") { _ in .string(GoTimeLayout.longDays[w().weekday]) }
        case "IsZero": return TemplateFunction(name, [], returns: "bool") { _ in .bool(self.unix == GoTime.zero.unix && self.nanos == 0) }
        case "AddDate":
            return TemplateFunction(name, [.int, .int, .int], returns: "time.Time") { call in
                let c = w()
                let dy = SprigConversion.int64(call[0]), dm = Int(SprigConversion.int64(call[1])), dd = Int(SprigConversion.int64(call[2]))
                let secs = Int(GoCalendar.floorMod(self.unix + Int64(c.offset), 86400))
                return .object(GoTime.date(c.year + dy, c.month + dm, c.day + dd, secs / 3600, secs / 60 % 60, secs % 60, self.nanos, self.location))
            }
        case "Before", "After", "Equal":
            return TemplateFunction(name, [timeType], returns: "bool") { call in
                guard case .object(let o) = call[0].plain, let other = o as? GoTime else { return .bool(false) }
                let d = self.nanoseconds(since: other)
                return .bool(name == "Before" ? d < 0 : name == "After" ? d > 0 : d == 0)
            }
        default:
            return nil
        }
    }
}
