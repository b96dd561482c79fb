import Foundation
import KubeClient

/// Which sinks a job sends to, and their credentials: from environment variables (the chart
/// sets them from values) and from a credentials directory (the chart mounts the Secret
/// `alerts.secret` there). Outside the cluster the same variables do.
///
/// | variable | file in `SHIPSHAPE_ALERTS_CREDENTIALS_DIR` | what |
/// |---|---|---|
/// | `SHIPSHAPE_ALERTMANAGER_URL` | | Alertmanager's base URL |
/// | `SHIPSHAPE_ALERTMANAGER_TOKEN` | `token` | bearer token |
/// | `SHIPSHAPE_ALERTMANAGER_USERNAME`, `_PASSWORD` | `username`, `password` | basic auth |
/// | `SHIPSHAPE_ALERTMANAGER_CA_FILE` | `ca.crt` | CA bundle for its TLS |
/// | `SHIPSHAPE_SLACK_WEBHOOK_URL` | `slack-webhook-url` | Slack incoming webhook |
/// | `SHIPSHAPE_PAGERDUTY_ROUTING_KEY` | `pagerduty-routing-key` | PagerDuty Events v2 routing key |
/// | `SHIPSHAPE_PAGERDUTY_URL` | | Events API URL (default PagerDuty's) |
/// | `SHIPSHAPE_ALERT_WEBHOOK_URL` | `webhook-url` | generic webhook (Alertmanager format) |
public struct AlertSettings: Sendable, Equatable {
    public var alertmanagerURL: String?
    public var auth: AlertHTTP.Auth = .none
    public var caFile: String?
    public var slackURL: String?
    public var pagerDutyRoutingKey: String?
    public var pagerDutyURL = PagerDutySink.eventsURL
    public var webhookURL: String?

    public init() {}

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AlertSettings {
        let dir = env["SHIPSHAPE_ALERTS_CREDENTIALS_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        func file(_ name: String) -> String? {
            guard let dir, let data = FileManager.default.contents(atPath: dir + "/" + name) else { return nil }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        func value(_ variable: String, _ fileName: String? = nil) -> String? {
            if let v = env[variable], !v.isEmpty { return v }
            return fileName.flatMap(file)
        }
        var s = AlertSettings()
        s.alertmanagerURL = value("SHIPSHAPE_ALERTMANAGER_URL")
        if let token = value("SHIPSHAPE_ALERTMANAGER_TOKEN", "token") {
            s.auth = .bearer(token)
        } else if let user = value("SHIPSHAPE_ALERTMANAGER_USERNAME", "username") {
            guard let password = value("SHIPSHAPE_ALERTMANAGER_PASSWORD", "password") else {
                throw AlertsError("Alertmanager basic auth: a username but no password; set SHIPSHAPE_ALERTMANAGER_PASSWORD or the Secret's key password")
            }
            s.auth = .basic(username: user, password: password)
        }
        if let ca = env["SHIPSHAPE_ALERTMANAGER_CA_FILE"], !ca.isEmpty {
            s.caFile = ca
        } else if let dir, FileManager.default.fileExists(atPath: dir + "/ca.crt") {
            s.caFile = dir + "/ca.crt"
        }
        s.slackURL = value("SHIPSHAPE_SLACK_WEBHOOK_URL", "slack-webhook-url")
        s.pagerDutyRoutingKey = value("SHIPSHAPE_PAGERDUTY_ROUTING_KEY", "pagerduty-routing-key")
        if let u = value("SHIPSHAPE_PAGERDUTY_URL") { s.pagerDutyURL = u }
        s.webhookURL = value("SHIPSHAPE_ALERT_WEBHOOK_URL", "webhook-url")
        for (name, url) in [("SHIPSHAPE_ALERTMANAGER_URL", s.alertmanagerURL), ("SHIPSHAPE_SLACK_WEBHOOK_URL", s.slackURL),
                            ("SHIPSHAPE_PAGERDUTY_URL", s.pagerDutyRoutingKey == nil ? nil : s.pagerDutyURL), ("SHIPSHAPE_ALERT_WEBHOOK_URL", s.webhookURL)] {
            guard let url else { continue }
            guard let u = URLComponents(string: url), ["http", "https"].contains(u.scheme ?? ""), u.host?.isEmpty == false else {
                throw AlertsError("\(name): \(AlertHTTP.origin(url)) is not an http(s) URL with a host")
            }
        }
        return s
    }

    /// The sinks, Alertmanager first; `retry` overrides the back-off (tests keep it short).
    public func sinks(retry: RetryPolicy? = nil) -> [any AlertSink] {
        var out: [any AlertSink] = []
        let plain = AlertHTTP(retry: retry)
        if let url = alertmanagerURL {
            var tls = TLSSettings()
            if let caFile { tls.certificateAuthority = .file(caFile) }
            out.append(AlertmanagerSink(url: url, http: AlertHTTP(auth: auth, tls: tls, retry: retry)))
        }
        if let slackURL { out.append(SlackSink(url: slackURL, http: plain)) }
        if let key = pagerDutyRoutingKey { out.append(PagerDutySink(routingKey: key, url: pagerDutyURL, http: plain)) }
        if let webhookURL { out.append(WebhookSink(url: webhookURL, http: plain)) }
        return out
    }
}
