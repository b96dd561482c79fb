import Foundation
import OrderedCollections
import YAML

/// Prometheus Alertmanager's v2 API: every open alert, and every resolution still owed, in one
/// `POST /api/v2/alerts` per run. Alertmanager groups, deduplicates, inhibits, silences and
/// routes them to Slack, email and PagerDuty (docs/alerts.md ships the routing). Firing alerts
/// carry no `endsAt`: Alertmanager keeps them for its `resolve_timeout` and the next run's
/// re-send renews them; a resolution carries `endsAt` = the run's time.
public struct AlertmanagerSink: AlertSink {
    public let url: String
    public var http: AlertHTTP
    public var name: String { "alertmanager" }
    public var target: String { AlertHTTP.origin(url) }
    public var resendsWhileFiring: Bool { true }

    /// `url` is Alertmanager's base URL (with its route prefix, if any).
    public init(url: String, http: AlertHTTP = AlertHTTP()) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.http = http
    }

    public func send(_ notices: [AlertNotice]) throws {
        guard !notices.isEmpty else { return }
        try http.post(Self.body(notices), to: url + "/api/v2/alerts", what: "Alertmanager \(target)")
    }

    /// The `postableAlerts` array.
    public static func body(_ notices: [AlertNotice]) -> Value {
        .array(notices.map { n in
            var o: OrderedDictionary<String, Value> = [
                "labels": stringMap(n.alert.labels), "annotations": stringMap(n.alert.annotations),
                "startsAt": .string(AlertTime.format(n.alert.startsAt)),
            ]
            if let end = n.endsAt { o["endsAt"] = .string(AlertTime.format(max(end, n.alert.startsAt))) }
            o["generatorURL"] = .string(n.alert.generatorURL)
            return .object(o)
        })
    }

    /// A string map in key order (deterministic bodies).
    static func stringMap(_ map: [String: String]) -> Value {
        .object(OrderedDictionary(uniqueKeysWithValues: map.keys.sorted().map { ($0, Value.string(map[$0]!)) }))
    }
}
