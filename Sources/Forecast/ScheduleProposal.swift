/// Scaling windows (`{cron, duration, minReplicas}`) from a forecast of the replicas each hour
/// needs: each hour's floor is the need (to the nearest replica) of that hour and the next (`leadHours`), so pods are
/// up before a ramp, not after; hours whose floor is above the base minReplicas become
/// windows, hours of one weekday with the same floor merge, and weekdays with the same
/// windows share one cron line. Times are UTC, as the reconciler reads them.
public enum ScheduleProposal {
    public struct Window: Sendable, Equatable, CustomStringConvertible {
        /// `0 7 * * 1-5`.
        public var cron: String
        public var hours: Int
        public var minReplicas: Int
        /// `1h`, `3h`: the Go duration form the values file and the annotation carry.
        public var duration: String { "\(hours)h" }
        public var description: String { "\(cron) for \(duration): \(minReplicas)" }
    }

    public static let leadHours = 1

    /// - Parameters:
    ///   - need: replicas needed per hour, starting at `startHour` (hours since 1970, UTC).
    ///   - baseMinReplicas: the values' minReplicas; windows only raise the floor above it.
    ///   - maxReplicas: the HPA's ceiling; a floor never goes above it.
    public static func windows(need: [Double], startHour: Int, baseMinReplicas: Int, maxReplicas: Int) -> [Window] {
        guard !need.isEmpty else { return [] }
        // Floor per (weekday, hour of day), from the latest forecast hour that lands there.
        var floor = [[Int]](repeating: [Int](repeating: baseMinReplicas, count: 24), count: 7)
        // The nearest whole replica: a window is a head start, and the HPA (with its 10%
        // tolerance) covers a fraction above it; rounding up would turn forecast noise around
        // a whole number into a patchwork of windows one replica apart.
        let whole = need.map { v in min(maxReplicas, max(baseMinReplicas, Int(min(1e9, max(0, v.rounded()))))) }
        for i in whole.indices {
            var f = whole[i]
            for l in 1...leadHours where i + l < whole.count { f = max(f, whole[i + l]) }
            let hour = startHour + i
            floor[weekday(hour)][((hour % 24) + 24) % 24] = f
        }
        // Runs per weekday.
        var byRun: [String: (start: Int, hours: Int, min: Int, days: [Int])] = [:]
        for day in 0..<7 {
            var h = 0
            while h < 24 {
                let f = floor[day][h]
                var end = h + 1
                while end < 24 && floor[day][end] == f { end += 1 }
                if f > baseMinReplicas {
                    let key = "\(h)/\(end - h)/\(f)"
                    byRun[key, default: (h, end - h, f, [])].days.append(day)
                }
                h = end
            }
        }
        return byRun.values
            .sorted { ($0.start, $0.days.first ?? 0, $0.min) < ($1.start, $1.days.first ?? 0, $1.min) }
            .map { Window(cron: "0 \($0.start) * * \(days($0.days))", hours: $0.hours, minReplicas: $0.min) }
    }

    /// 0 = Sunday; 1970-01-01 was a Thursday.
    static func weekday(_ hour: Int) -> Int {
        let day = hour >= 0 ? hour / 24 : (hour - 23) / 24
        return ((day + 4) % 7 + 7) % 7
    }

    /// `*`, `1-5`, `0,6`, `1,3-5`: the cron day-of-week field for sorted weekdays.
    static func days(_ list: [Int]) -> String {
        let d = list.sorted()
        if d == Array(0..<7) { return "*" }
        var parts: [String] = []
        var i = 0
        while i < d.count {
            var j = i
            while j + 1 < d.count && d[j + 1] == d[j] + 1 { j += 1 }
            parts.append(j - i >= 2 ? "\(d[i])-\(d[j])" : (i...j).map { String(d[$0]) }.joined(separator: ","))
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}
