#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A standard five-field cron schedule (minute hour day-of-month month day-of-week) with
/// ranges, lists, steps and the `@hourly`-style macros, in UTC, as the CronJob controller
/// reads it. The Sandbox's CronJob controller and the reconciler's scaling windows
/// (`HPASchedule`) read schedules with it.
public struct CronSchedule: Sendable {
    private var minutes: Set<Int>, hours: Set<Int>, days: Set<Int>, months: Set<Int>, weekdays: Set<Int>
    private var dayRestricted: Bool, weekdayRestricted: Bool

    public init?(_ text: String) {
        var spec = text.trimmingCharacters(in: .whitespaces)
        if spec.hasPrefix("CRON_TZ=") || spec.hasPrefix("TZ=") { return nil }
        switch spec {
        case "@yearly", "@annually": spec = "0 0 1 1 *"
        case "@monthly": spec = "0 0 1 * *"
        case "@weekly": spec = "0 0 * * 0"
        case "@daily", "@midnight": spec = "0 0 * * *"
        case "@hourly": spec = "0 * * * *"
        default: break
        }
        let fields = spec.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count == 5,
              let mi = Self.field(fields[0], 0, 59), let h = Self.field(fields[1], 0, 23), let d = Self.field(fields[2], 1, 31),
              let mo = Self.field(fields[3], 1, 12), var w = Self.field(fields[4], 0, 7)
        else { return nil }
        if w.contains(7) { w.remove(7); w.insert(0) }
        minutes = mi; hours = h; days = d; months = mo; weekdays = w
        dayRestricted = fields[2] != "*" && fields[2] != "?"
        weekdayRestricted = fields[4] != "*" && fields[4] != "?"
    }

    private static func field(_ text: String, _ lo: Int, _ hi: Int) -> Set<Int>? {
        var out = Set<Int>()
        for part in text.split(separator: ",") {
            var range = String(part), step = 1
            if let slash = range.firstIndex(of: "/") {
                guard let s = Int(range[range.index(after: slash)...]), s > 0 else { return nil }
                step = s
                range = String(range[..<slash])
            }
            var a = lo, b = hi
            if range != "*" && range != "?" {
                let bounds = range.split(separator: "-")
                guard let first = Int(bounds[0]) else { return nil }
                a = first
                b = bounds.count > 1 ? (Int(bounds[1]) ?? -1) : (step > 1 ? hi : first)
            }
            guard a >= lo, b <= hi, a <= b else { return nil }
            for v in stride(from: a, through: b, by: step) { out.insert(v) }
        }
        return out.isEmpty ? nil : out
    }

    /// The first scheduled time strictly after `t` (seconds since the epoch), within four years.
    public func next(after t: Double) -> Double? {
        var minute = (Int(t) / 60 + 1) * 60
        let limit = minute + 4 * 366 * 86_400
        while minute < limit {
            var time = time_t(minute)
            var parts = tm()
            gmtime_r(&time, &parts)
            guard months.contains(Int(parts.tm_mon) + 1) else {
                minute = Self.startOfNextMonth(parts); continue
            }
            let dayOK = days.contains(Int(parts.tm_mday)), weekdayOK = weekdays.contains(Int(parts.tm_wday))
            let dayMatch = dayRestricted && weekdayRestricted ? (dayOK || weekdayOK) : (dayOK && weekdayOK)
            guard dayMatch else { minute = (minute / 86_400 + 1) * 86_400; continue }
            guard hours.contains(Int(parts.tm_hour)) else { minute = (minute / 3600 + 1) * 3600; continue }
            if minutes.contains(Int(parts.tm_min)) { return Double(minute) }
            minute += 60
        }
        return nil
    }

    private static func startOfNextMonth(_ parts: tm) -> Int {
        var p = parts
        p.tm_mday = 1; p.tm_hour = 0; p.tm_min = 0; p.tm_sec = 0
        p.tm_mon += 1
        return Int(timegm(&p))
    }
}
