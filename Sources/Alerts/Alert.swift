import Foundation

/// One alert as Shipshape raises it: labels that identify it and never change while it is
/// open (`alertname`, `namespace`, `workload`, `container`, `severity`, and `fault` or
/// `template`), annotations for everything that varies from run to run (counts, rates, a
/// sample line, the action taken, the commit, a runbook link), and where it came from.
/// The same labels in every run are what lets Alertmanager (and PagerDuty's `dedup_key`)
/// deduplicate the re-sends.
public struct Alert: Sendable, Equatable, Codable {
    public var labels: [String: String]
    public var annotations: [String: String]
    /// When the condition began (or was first seen).
    public var startsAt: Double
    /// Names the environment, the job and the run (`shipshape://dev/heal/runs/2026-01-05T09:53:00Z`).
    public var generatorURL: String
    /// The job's own name for what the alert is about (heal's finding id, the logs finding's
    /// key): a job resolves an alert by it.
    public var source: String

    /// The label set from the identifying fields; nil and empty values are left out (as
    /// Alertmanager drops empty labels).
    public init(alertname: String, severity: String, namespace: String, workload: String?, container: String? = nil,
                fault: String? = nil, template: String? = nil, extraLabels: [String: String] = [:],
                annotations: [String: String], startsAt: Double, generatorURL: String, source: String) {
        var labels = extraLabels
        let pairs: [(String, String?)] = [("alertname", alertname), ("severity", severity), ("namespace", namespace), ("workload", workload),
                                          ("container", container), ("fault", fault), ("template", template)]
        for (k, v) in pairs { if let v, !v.isEmpty { labels[k] = v } }
        self.init(labels: labels, annotations: annotations, startsAt: startsAt, generatorURL: generatorURL, source: source)
    }

    public init(labels: [String: String], annotations: [String: String], startsAt: Double, generatorURL: String, source: String) {
        self.labels = labels
        self.annotations = annotations.filter { !$0.value.isEmpty }
        self.startsAt = startsAt
        self.generatorURL = generatorURL
        self.source = source
    }

    public var name: String { labels["alertname"] ?? "" }
    public var severity: String { labels["severity"] ?? "" }
    /// Alertmanager's fingerprint of the label set: the alert's identity everywhere.
    public var fingerprint: String { AlertFingerprint.of(labels) }

    /// `generatorURL` for a job's run: the environment, the job and the run's time.
    public static func generatorURL(environment: String, job: String, run: Double) -> String {
        "shipshape://\(environment)/\(job)/runs/\(AlertTime.format(run))"
    }
}

/// Why an open alert was resolved: heal verified that its fix worked, or the condition
/// went away without one. Written into the resolved alert's annotations (`resolution`:
/// `fixed` or `cleared`; `resolution_detail`: what happened).
public struct AlertResolution: Sendable, Equatable, Codable {
    public var fixed: Bool
    public var detail: String

    public init(fixed: Bool, detail: String) {
        self.fixed = fixed
        self.detail = detail
    }

    public static func fixed(_ detail: String) -> AlertResolution { AlertResolution(fixed: true, detail: detail) }
    public static func cleared(_ detail: String) -> AlertResolution { AlertResolution(fixed: false, detail: detail) }

    /// The annotation values.
    public var annotation: String { fixed ? "fixed" : "cleared" }
}

/// Alertmanager's label-set fingerprint (Prometheus `model.LabelSet.Fingerprint`): FNV-1a 64
/// over the names in byte order, each name and value followed by the byte 0xff, printed as 16
/// hex digits. Used as PagerDuty's `dedup_key` and the webhook payload's `fingerprint`, so one
/// alert has one identity in every sink.
public enum AlertFingerprint {
    public static func of(_ labels: [String: String]) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for b in bytes {
                hash ^= UInt64(b)
                hash = hash &* 1_099_511_628_211
            }
        }
        for name in labels.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            add(name.utf8)
            add([0xff])
            add(labels[name]!.utf8)
            add([0xff])
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// RFC 3339 times as Alertmanager, Slack and PagerDuty read them (UTC, whole seconds).
public enum AlertTime {
    public static func format(_ t: Double) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: t.isFinite ? t.rounded(.down) : 0))
    }
}

/// A problem with alert configuration or delivery, naming the sink or setting and what to do.
public struct AlertsError: Error, CustomStringConvertible, Equatable, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
