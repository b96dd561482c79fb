import YAML

/// The users' log alert rules, as data: `alerts.yaml` in the `shipshape-alerts` ConfigMap the
/// chart renders from `alerts.rules` (docs/logs.md):
///
///     slowRequestMilliseconds: 1000
///     rules:
///       - {alert: HighErrorRate, series: errors, perMinuteAbove: 5, severity: critical}
///
/// A rule fires for a workload when, in some minute of the window, the workload's pods logged
/// more than `perMinuteAbove` events of the series.
public struct AlertRules: Equatable, Sendable {
    public struct Rule: Equatable, Sendable {
        public var alert: String
        public var series: LogSeries
        public var perMinuteAbove: Double
        public var severity: FindingSeverity

        public init(alert: String, series: LogSeries, perMinuteAbove: Double, severity: FindingSeverity) {
            self.alert = alert
            self.series = series
            self.perMinuteAbove = perMinuteAbove
            self.severity = severity
        }
    }

    public var rules: [Rule] = []
    /// A request at least this slow is a slow request.
    public var slowRequestMilliseconds: Double = 1000

    public init(rules: [Rule] = [], slowRequestMilliseconds: Double = 1000) {
        self.rules = rules
        self.slowRequestMilliseconds = slowRequestMilliseconds
    }

    /// The rules in `text`; `file` names the source in errors (`ConfigMap chatbot-dev/shipshape-alerts key alerts.yaml`).
    public init(yaml text: String, file: String) throws {
        let v = try ValueDecoder.decode(text, file: file)
        guard v.object != nil || v.isNull else { throw LogsError("\(file): expected a mapping with rules: [...]") }
        if let s = v["slowRequestMilliseconds"], !s.isNull {
            guard let ms = s.doubleValue, ms > 0 else { throw LogsError("\(file): slowRequestMilliseconds must be a positive number of milliseconds") }
            slowRequestMilliseconds = ms
        }
        for (i, r) in (v["rules"]?.array ?? []).enumerated() {
            let place = "\(file): rules[\(i)]"
            guard let alert = r["alert"]?.string, !alert.isEmpty else { throw LogsError("\(place): alert (the alert's name) is required") }
            guard let seriesName = r["series"]?.string, let series = LogSeries(rawValue: seriesName) else {
                throw LogsError("\(place) (\(alert)): series must be one of \(LogSeries.allCases.map(\.rawValue).joined(separator: ", ")), got \(r["series"]?.string ?? "nothing")")
            }
            guard let limit = r["perMinuteAbove"]?.doubleValue, limit >= 0 else {
                throw LogsError("\(place) (\(alert)): perMinuteAbove must be a number of events a minute, 0 or more")
            }
            guard let severityName = r["severity"]?.string, let severity = FindingSeverity(rawValue: severityName) else {
                throw LogsError("\(place) (\(alert)): severity must be critical, warning or info, got \(r["severity"]?.string ?? "nothing")")
            }
            rules.append(Rule(alert: alert, series: series, perMinuteAbove: limit, severity: severity))
        }
    }
}

/// What is counted per workload and minute, and what rules and baselines are kept of.
public enum LogSeries: String, CaseIterable, Sendable {
    case errors, warnings, slowRequests, serverErrors
}

/// A problem in the Logs module's inputs, naming where it is and what to do.
public struct LogsError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
