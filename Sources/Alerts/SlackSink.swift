import Foundation
import YAML

/// A Slack incoming webhook: one message when an alert fires and one when it resolves, with
/// `text` (the notification's fallback) and Block Kit `blocks` (a mrkdwn section with the
/// summary and labels, a context line with the run). Slack reads `&`, `<` and `>` as markup,
/// so text from logs is escaped.
public struct SlackSink: AlertSink {
    public let url: String
    public var http: AlertHTTP
    public var name: String { "slack" }
    public var target: String { AlertHTTP.origin(url) }
    public var resendsWhileFiring: Bool { false }

    public init(url: String, http: AlertHTTP = AlertHTTP()) {
        self.url = url
        self.http = http
    }

    public func send(_ notices: [AlertNotice]) throws {
        for n in notices { try http.post(Self.message(n), to: url, what: "Slack webhook \(target)") }
    }

    /// Posts one message that is not an alert (the weekly report's summary and where the
    /// report went); returns Slack's answer.
    @discardableResult
    public func post(title: String, text: String, context: String) throws -> String {
        try http.post(Self.message(title: title, text: text, context: context), to: url, what: "Slack webhook \(target)")
    }

    /// A plain message: `text` as the notification's fallback is the title; one mrkdwn section
    /// (cut at Slack's section limit) and one context line.
    public static func message(title: String, text: String, context: String) -> Value {
        var body = "*\(escape(title))*\n\(escape(text))"
        if body.count > sectionLimit { body = String(body.prefix(sectionLimit - 1)) + "…" }
        return [
            "text": .string(title),
            "blocks": [
                ["type": "section", "text": ["type": "mrkdwn", "text": .string(body)]],
                ["type": "context", "elements": [["type": "mrkdwn", "text": .string(escape(context))]]],
            ],
        ]
    }

    /// Slack's limit for a section's text.
    static let sectionLimit = 3000

    public static func message(_ n: AlertNotice) -> Value {
        let a = n.alert
        let icon = n.isResolved ? ":white_check_mark:" : a.severity == "critical" ? ":red_circle:" : a.severity == "warning" ? ":large_orange_circle:" : ":large_blue_circle:"
        let state = n.isResolved ? "RESOLVED (\(a.annotations["resolution"] == "fixed" ? "the fix worked" : "cleared on its own"))" : "FIRING"
        let title = "\(state): \(a.name) \(a.labels["namespace"] ?? "")/\(a.labels["workload"] ?? "")"
        var body = "\(icon) *\(escape(title))*\n\(escape(a.annotations["summary"] ?? ""))"
        if n.isResolved, let detail = a.annotations["resolution_detail"] { body += "\n_\(escape(detail))_" }
        if !n.isResolved, let action = a.annotations["action"] { body += "\nAction: \(escape(action))" }
        let labels = a.labels.keys.sorted().map { "`\($0)=\(escape(a.labels[$0]!))`" }.joined(separator: " ")
        body += "\n" + labels
        if body.count > sectionLimit { body = String(body.prefix(sectionLimit - 1)) + "…" }
        let context = "shipshape · \(escape(a.generatorURL)) · since \(AlertTime.format(a.startsAt))" + (n.endsAt.map { " · resolved \(AlertTime.format($0))" } ?? "")
        return [
            "text": .string(title),
            "blocks": [
                ["type": "section", "text": ["type": "mrkdwn", "text": .string(body)]],
                ["type": "context", "elements": [["type": "mrkdwn", "text": .string(context)]]],
            ],
        ]
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
