import Foundation
import OrderedCollections
import YAML

/// PagerDuty's Events API v2 (`POST /v2/enqueue`): a `trigger` when an alert fires and a
/// `resolve` when it resolves, both with `dedup_key` = the alert's label-set fingerprint, so a
/// trigger sent again (a restarted job) lands on the same incident and the resolve closes it.
public struct PagerDutySink: AlertSink {
    public static let eventsURL = "https://events.pagerduty.com/v2/enqueue"
    public let url: String
    let routingKey: String
    public var http: AlertHTTP
    public var name: String { "pagerduty" }
    public var target: String { AlertHTTP.origin(url) }
    public var resendsWhileFiring: Bool { false }

    public init(routingKey: String, url: String = PagerDutySink.eventsURL, http: AlertHTTP = AlertHTTP()) {
        self.routingKey = routingKey
        self.url = url
        self.http = http
    }

    public func send(_ notices: [AlertNotice]) throws {
        for n in notices { try http.post(Self.event(n, routingKey: routingKey), to: url, what: "PagerDuty \(target)") }
    }

    /// PagerDuty's severities are critical, error, warning and info.
    static func severity(_ s: String) -> String { ["critical", "warning", "info"].contains(s) ? s : "error" }

    public static func event(_ n: AlertNotice, routingKey: String) -> Value {
        let a = n.alert
        if n.isResolved {
            return ["routing_key": .string(routingKey), "event_action": "resolve", "dedup_key": .string(a.fingerprint)]
        }
        var summary = "\(a.name): \(a.annotations["summary"] ?? "")"
        if summary.count > 1024 { summary = String(summary.prefix(1023)) + "…" }
        var details: OrderedDictionary<String, Value> = [:]
        for k in a.labels.keys.sorted() { details[k] = .string(a.labels[k]!) }
        for k in a.annotations.keys.sorted() where details[k] == nil { details[k] = .string(a.annotations[k]!) }
        details["generatorURL"] = .string(a.generatorURL)
        var payload: OrderedDictionary<String, Value> = [
            "summary": .string(summary),
            "source": .string("\(a.labels["namespace"] ?? "")/\(a.labels["workload"] ?? "")"),
            "severity": .string(severity(a.severity)),
            "timestamp": .string(AlertTime.format(a.startsAt)),
        ]
        if let c = a.labels["container"] ?? a.labels["workload"] { payload["component"] = .string(c) }
        if let g = a.labels["namespace"] { payload["group"] = .string(g) }
        payload["class"] = .string(a.labels["fault"] ?? a.name)
        payload["custom_details"] = .object(details)
        return .object([
            "routing_key": .string(routingKey), "event_action": "trigger", "dedup_key": .string(a.fingerprint),
            "payload": .object(payload), "client": "shipshape",
        ])
    }
}
