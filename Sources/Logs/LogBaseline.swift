/// A workload's usual log rates, per minute, as exponentially weighted means over the runs
/// (each run's rate weighs `smoothing`): one per series (`errors`, ...) and one per template
/// id. Kept in the checkpoint between runs; a template the miner has dropped is dropped here.
public struct LogBaseline: Equatable, Sendable {
    /// Runs folded in (0: nothing known yet, so nothing can be new or a surge).
    public var runs = 0
    /// Series name (`errors`) or `template.<id>` → events a minute.
    public var rates: [String: Double] = [:]

    public init(runs: Int = 0, rates: [String: Double] = [:]) {
        self.runs = runs
        self.rates = rates
    }

    public static func key(_ series: LogSeries) -> String { series.rawValue }
    public static func key(template id: Int) -> String { "template.\(id)" }

    /// Folds in one run's counts over `minutes`, keeping templates in `liveTemplates`.
    public mutating func fold(_ counts: WorkloadLogCounts, minutes: Double, smoothing: Double, liveTemplates: Set<Int>) {
        var observed: [String: Double] = [:]
        for s in LogSeries.allCases { observed[Self.key(s)] = Double(counts.total(s)) / minutes }
        for (id, t) in counts.templates { observed[Self.key(template: id)] = Double(t.count) / minutes }
        var next: [String: Double] = [:]
        for key in Set(observed.keys).union(rates.keys) {
            if key.hasPrefix("template."), let id = Int(key.dropFirst(9)), !liveTemplates.contains(id) { continue }
            let now = observed[key] ?? 0
            // A series first seen now starts at its rate; an old one moves toward it.
            next[key] = rates[key].map { $0 + smoothing * (now - $0) } ?? now
        }
        rates = next
        runs += 1
    }
}

/// Turns one run's counts into findings: the alert rules over their thresholds, surges (a
/// series or template whose rate is at least `surgeFactor` times its baseline, floored at
/// `baselineFloor` a minute, and at least `surgeMinimum` events so one line is no surge), and
/// templates the workload has never logged before. Nothing is new or a surge until a
/// baseline exists (the first run learns).
public struct LogDetector: Sendable {
    public var rules: AlertRules
    public var surgeFactor = 5.0
    public var surgeMinimum = 10
    public var baselineFloor = 0.2
    /// The weight of one run in the baseline.
    public var smoothing = 0.3

    public init(rules: AlertRules) { self.rules = rules }

    /// Findings for one workload, in a fixed order: rules (in file order), series surges,
    /// template surges and new templates (by count, then template).
    /// - Parameters:
    ///   - counts: the run's counts, template ids resolved.
    ///   - minutes: the window's length in minutes (at least 1).
    ///   - newTemplates: template ids first made in this run.
    ///   - templateText: an id's template as text.
    public func findings(namespace: String, workload: String, counts: WorkloadLogCounts, minutes: Double, baseline: LogBaseline,
                         newTemplates: Set<Int>, templateText: (Int) -> String?) -> [LogFinding] {
        var out: [LogFinding] = []
        for rule in rules.rules {
            let over = counts.minutes.filter { Double($0.value[rule.series]) > rule.perMinuteAbove }
            guard let worst = over.max(by: { a, b in a.value[rule.series] != b.value[rule.series] ? a.value[rule.series] < b.value[rule.series] : a.key > b.key }) else { continue }
            out.append(LogFinding(kind: .rule, alertname: rule.alert, severity: rule.severity, namespace: namespace, workload: workload,
                                  series: rule.series, count: worst.value[rule.series], perMinute: Double(worst.value[rule.series]),
                                  threshold: rule.perMinuteAbove, minute: Double(worst.key * 60), minutesOver: over.count))
        }
        guard baseline.runs > 0 else { return out }
        func surge(_ count: Int, _ key: String) -> (rate: Double, base: Double)? {
            let rate = Double(count) / minutes
            guard count >= surgeMinimum, let base = baseline.rates[key] else { return nil }
            return rate >= surgeFactor * max(base, baselineFloor) ? (rate, base) : nil
        }
        for series in LogSeries.allCases {
            let count = counts.total(series)
            guard let s = surge(count, LogBaseline.key(series)) else { continue }
            out.append(LogFinding(kind: .surge, alertname: "LogSurge", severity: series == .warnings ? .warning : .critical,
                                  namespace: namespace, workload: workload, series: series, count: count,
                                  perMinute: Self.round(s.rate), baseline: Self.round(s.base)))
        }
        let ordered = counts.templates.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : (templateText(a.key) ?? "") < (templateText(b.key) ?? "")
        }
        for (id, t) in ordered where !newTemplates.contains(id) {
            guard let s = surge(t.count, LogBaseline.key(template: id)) else { continue }
            out.append(LogFinding(kind: .surge, alertname: "LogSurge", severity: t.severity == .error ? .critical : .warning,
                                  namespace: namespace, workload: workload, template: templateText(id), count: t.count,
                                  perMinute: Self.round(s.rate), baseline: Self.round(s.base)))
        }
        for (id, t) in ordered where newTemplates.contains(id) {
            out.append(LogFinding(kind: .newTemplate, alertname: "NewLogPattern", severity: t.severity == .error ? .warning : .info,
                                  namespace: namespace, workload: workload, template: templateText(id), count: t.count,
                                  perMinute: Self.round(Double(t.count) / minutes)))
        }
        return out
    }

    /// Rates to two decimals, so findings print and compare the same everywhere.
    static func round(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
