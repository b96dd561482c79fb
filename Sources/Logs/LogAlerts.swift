import Alerts
import Foundation

/// The logs job's findings as alerts: a rule over its threshold raises the rule's alert
/// (`HighErrorRate`, …), a surge `LogSurge`, a new template `NewLogPattern`; the template,
/// when there is one, is a label (it identifies the alert), counts and rates are annotations.
/// A finding that does not come back in the next run has cleared on its own.
extension LogFinding {
    /// The job's key for the alert (rule, workload, series, template).
    public var alertSource: String {
        ([alertname, workload, series?.rawValue ?? ""] + (template.map { [$0] } ?? [])).joined(separator: "/")
    }

    public func alert(startsAt: Double, generatorURL: String) -> Alert {
        var annotations = Dictionary(annotations, uniquingKeysWith: { a, _ in a })
        annotations.removeValue(forKey: "template")
        annotations["count"] = String(count)
        annotations["per_minute"] = String(format: "%.2f", perMinute)
        if let baseline { annotations["baseline_per_minute"] = String(format: "%.2f", baseline) }
        if let threshold { annotations["threshold_per_minute"] = String(format: "%.2f", threshold) }
        if let minute { annotations["worst_minute"] = AlertTime.format(minute) }
        return Alert(alertname: alertname, severity: severity.rawValue, namespace: namespace, workload: workload, template: template,
                     extraLabels: series.map { ["series": $0.rawValue] } ?? [:], annotations: annotations,
                     startsAt: startsAt, generatorURL: generatorURL, source: alertSource)
    }

    /// One logs run as an alert update.
    public static func alertUpdate(_ findings: [LogFinding], environment: String, now: Double) -> AlertState.Update {
        let url = Alert.generatorURL(environment: environment, job: "logs", run: now)
        return AlertState.Update(firing: findings.map { $0.alert(startsAt: $0.minute ?? now, generatorURL: url) },
                                 otherwise: .cleared("cleared on its own: the logs no longer show it"))
    }
}
