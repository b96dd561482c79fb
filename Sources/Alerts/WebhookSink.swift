import Foundation
import OrderedCollections
import YAML

/// A generic JSON webhook in Alertmanager's webhook format (version 4), so a receiver written
/// for Alertmanager works unchanged: one payload when an alert fires and one when it resolves.
public struct WebhookSink: AlertSink {
    public let url: String
    public var http: AlertHTTP
    public var name: String { "webhook" }
    public var target: String { AlertHTTP.origin(url) }
    public var resendsWhileFiring: Bool { false }

    public init(url: String, http: AlertHTTP = AlertHTTP()) {
        self.url = url
        self.http = http
    }

    public func send(_ notices: [AlertNotice]) throws {
        guard !notices.isEmpty else { return }
        try http.post(Self.payload(notices), to: url, what: "webhook \(target)")
    }

    /// The zero time Alertmanager writes for a firing alert's `endsAt`.
    static let zeroTime = "0001-01-01T00:00:00Z"

    public static func payload(_ notices: [AlertNotice]) -> Value {
        let alerts = notices.map(\.alert)
        func common(_ maps: [[String: String]]) -> [String: String] {
            guard var out = maps.first else { return [:] }
            for m in maps.dropFirst() { out = out.filter { m[$0.key] == $0.value } }
            return out
        }
        let commonLabels = common(alerts.map(\.labels))
        let group = commonLabels["alertname"].map { ["alertname": $0] } ?? [:]
        let groupKey = "{}:{" + group.keys.sorted().map { "\($0)=\"\(group[$0]!)\"" }.joined(separator: ", ") + "}"
        let external = alerts.first.map { a -> String in
            guard let range = a.generatorURL.range(of: "://") else { return a.generatorURL }
            let rest = a.generatorURL[range.upperBound...]
            return String(a.generatorURL[..<range.upperBound]) + String(rest.prefix { $0 != "/" })
        } ?? ""
        return .object([
            "version": "4",
            "groupKey": .string(groupKey),
            "truncatedAlerts": 0,
            "status": .string(notices.allSatisfy(\.isResolved) ? "resolved" : "firing"),
            "receiver": "shipshape",
            "groupLabels": AlertmanagerSink.stringMap(group),
            "commonLabels": AlertmanagerSink.stringMap(commonLabels),
            "commonAnnotations": AlertmanagerSink.stringMap(common(alerts.map(\.annotations))),
            "externalURL": .string(external),
            "alerts": .array(notices.map { n in
                .object([
                    "status": .string(n.status),
                    "labels": AlertmanagerSink.stringMap(n.alert.labels),
                    "annotations": AlertmanagerSink.stringMap(n.alert.annotations),
                    "startsAt": .string(AlertTime.format(n.alert.startsAt)),
                    "endsAt": .string(n.endsAt.map(AlertTime.format) ?? zeroTime),
                    "generatorURL": .string(n.alert.generatorURL),
                    "fingerprint": .string(n.alert.fingerprint),
                ])
            }),
        ])
    }
}
