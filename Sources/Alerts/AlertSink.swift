import Foundation

/// One alert on its way to a sink: firing (no `endsAt`) or resolved at `endsAt`.
public struct AlertNotice: Sendable, Equatable {
    public var alert: Alert
    public var endsAt: Double?

    public init(alert: Alert, endsAt: Double? = nil) {
        self.alert = alert
        self.endsAt = endsAt
    }

    public var isResolved: Bool { endsAt != nil }
    public var status: String { isResolved ? "resolved" : "firing" }
}

/// Where alerts go. Alertmanager takes every open alert on every run (`resendsWhileFiring`)
/// and deduplicates, groups and routes them itself; the direct webhooks (Slack, PagerDuty, a
/// generic receiver) have no memory of their own, so they get one notice when an alert fires
/// and one when it resolves.
public protocol AlertSink: Sendable {
    /// `alertmanager`, `slack`, `pagerduty`, `webhook`: the name state and reports use.
    var name: String { get }
    /// Where it sends, for reports, with no secret in it (a host, never a webhook's token).
    var target: String { get }
    var resendsWhileFiring: Bool { get }
    /// Delivers the notices (transition sinks are handed one at a time); throws when the sink
    /// did not take them after its retries.
    func send(_ notices: [AlertNotice]) throws
}
