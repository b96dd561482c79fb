import Foundation

/// RFC 3339 times as the Kubernetes logs API writes them (`2026-01-05T10:00:00.123456789Z`,
/// with `timestamps=true`) and reads them (`sinceTime`, whole seconds): seconds since the epoch
/// as a Double, parsed from bytes without a formatter (a log has one per line).
public enum LogTimestamp {
    /// Seconds since the epoch, or nil when `text` does not start with an RFC 3339 time. Offsets
    /// other than `Z` (`+02:00`) are honoured.
    public static func parse<S: StringProtocol>(_ text: S) -> Double? {
        let b = Array(text.utf8.prefix(40))
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var v = 0
            for i in at..<(at + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 20, let year = digits(0, 4), b[4] == 45, let month = digits(5, 2), b[7] == 45, let day = digits(8, 2),
              b[10] == 84 || b[10] == 116 || b[10] == 32, let hour = digits(11, 2), b[13] == 58, let minute = digits(14, 2), b[16] == 58,
              let second = digits(17, 2), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 46 {
            i += 1
            var scale = 0.1
            while i < b.count, b[i] >= 48, b[i] <= 57 { fraction += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 90 || b[i] == 122 { offset = 0 } else if b[i] == 43 || b[i] == 45, let oh = digits(i + 1, 2), i + 3 < b.count, b[i + 3] == 58, let om = digits(i + 4, 2) {
            offset = (oh * 3600 + om * 60) * (b[i] == 43 ? 1 : -1)
        } else { return nil }
        return Double(daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
    }

    /// `2026-01-05T10:00:00Z`: whole seconds, rounded down, as `sinceTime` takes it.
    public static func seconds(_ t: Double) -> String {
        let s = Int(t.rounded(.down))
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        let rest = s - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, rest / 3600, rest / 60 % 60, rest % 60)
    }

    /// `2026-01-05T10:00:00.123456789Z`: nanoseconds, as the logs API prints line times.
    public static func nanoseconds(_ t: Double) -> String {
        let whole = t.rounded(.down)
        let nanos = min(999_999_999, Int(((t - whole) * 1e9).rounded()))
        return String(seconds(whole).dropLast()) + String(format: ".%09dZ", nanos)
    }

    /// `10:03`: the minute of a time, for findings.
    public static func minute(_ t: Double) -> String {
        let s = seconds(t)
        let time = s.split(separator: "T").last.map(String.init) ?? s
        return String(time.prefix(5))
    }

    // Howard Hinnant's days-from-civil algorithms.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
