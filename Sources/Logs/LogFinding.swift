/// How urgent a finding is (Alertmanager's `severity` label).
public enum FindingSeverity: String, Comparable, Sendable {
    case info, warning, critical

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// One thing the logs job found about a workload: a rule over its threshold, a surge (a
/// template or series far above its baseline), or a template never seen before. Typed, so it
/// can become an alert (`labels`, `annotations`) as well as a table row.
public struct LogFinding: Equatable, Sendable {
    public enum Kind: String, Sendable { case rule, surge, newTemplate }

    public var kind: Kind
    /// The alert's name: the rule's (`HighErrorRate`), `LogSurge` or `NewLogPattern`.
    public var alertname: String
    public var severity: FindingSeverity
    public var namespace: String
    public var workload: String
    /// The series (`errors`) or, for template findings, nil.
    public var series: LogSeries?
    /// The template, for template findings.
    public var template: String?
    /// Events counted in the window (for a rule: in its worst minute).
    public var count: Int
    /// Events a minute (for a rule: the worst minute's count).
    public var perMinute: Double
    /// The baseline rate a minute, for surges.
    public var baseline: Double?
    /// The rule's threshold a minute.
    public var threshold: Double?
    /// The worst minute's start, for rules.
    public var minute: Double?
    /// For rules: how many minutes of the window were over the threshold.
    public var minutesOver: Int?

    public init(kind: Kind, alertname: String, severity: FindingSeverity, namespace: String, workload: String, series: LogSeries? = nil,
                template: String? = nil, count: Int, perMinute: Double, baseline: Double? = nil, threshold: Double? = nil,
                minute: Double? = nil, minutesOver: Int? = nil) {
        self.kind = kind
        self.alertname = alertname
        self.severity = severity
        self.namespace = namespace
        self.workload = workload
        self.series = series
        self.template = template
        self.count = count
        self.perMinute = perMinute
        self.baseline = baseline
        self.threshold = threshold
        self.minute = minute
        self.minutesOver = minutesOver
    }

    /// One line for people.
    public var summary: String {
        func rate(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x) }
        switch kind {
        case .rule:
            let at = minute.map { " at \(LogTimestamp.minute($0))" } ?? ""
            let over = (minutesOver ?? 1) > 1 ? " (\(minutesOver!) minutes over)" : ""
            return "\(series?.rawValue ?? "events") \(count)/min\(at), above \(rate(threshold ?? 0))/min\(over)"
        case .surge:
            let what = template.map { "\"\($0)\"" } ?? series?.rawValue ?? "events"
            return "\(what): \(count) events, \(rate(perMinute))/min against a baseline of \(rate(baseline ?? 0))/min"
        case .newTemplate:
            return "new pattern \"\(template ?? "")\": \(count) events"
        }
    }

    /// Alertmanager labels: alertname, severity, namespace, workload (and the series).
    public var labels: [(String, String)] {
        var l = [("alertname", alertname), ("severity", severity.rawValue), ("namespace", namespace), ("workload", workload)]
        if let series { l.append(("series", series.rawValue)) }
        return l
    }

    /// Alertmanager annotations: the summary, and the template when there is one.
    public var annotations: [(String, String)] {
        var a = [("summary", summary)]
        if let template { a.append(("template", template)) }
        return a
    }

}
