import Foundation

/// Delivers a job's alerts to every configured sink and records in the state what each sink
/// took: Alertmanager gets all open alerts and owed resolutions each run; the direct webhooks
/// get the firing notices they have not had and the resolutions they are owed. A sink that
/// fails is reported and retried on the next run (nothing it was owed is dropped); it never
/// fails the job.
public struct AlertSender: Sendable {
    public var sinks: [any AlertSink]

    public init(sinks: [any AlertSink]) {
        self.sinks = sinks
    }

    /// Sinks owed every resolution (those that see every open alert).
    public var resolutionSinks: [String] { sinks.filter(\.resendsWhileFiring).map(\.name) }

    /// Sends what `state` says is due and marks what was taken.
    public func deliver(_ state: inout AlertState) -> [AlertDelivery] {
        var out: [AlertDelivery] = []
        for sink in sinks {
            var d = AlertDelivery(sink: sink.name, target: sink.target)
            let open = state.openAlerts
            let owed = state.resolved.indices.filter { state.resolved[$0].owed.contains(sink.name) }
            if sink.resendsWhileFiring {
                let notices = open.map { AlertNotice(alert: $0.alert) } + owed.map { AlertNotice(alert: state.resolved[$0].alert, endsAt: state.resolved[$0].endsAt) }
                if notices.isEmpty { out.append(d); continue }
                do {
                    try sink.send(notices)
                    d.firing = open.count
                    d.resolved = owed.count
                    for o in open where !o.notified.contains(sink.name) { state.open[o.alert.fingerprint]?.notified.append(sink.name) }
                    for i in owed { state.resolved[i].owed.removeAll { $0 == sink.name } }
                } catch {
                    d.error = "\(error)"
                    d.kept = notices.count
                }
            } else {
                for o in open where !o.notified.contains(sink.name) {
                    do {
                        try sink.send([AlertNotice(alert: o.alert)])
                        state.open[o.alert.fingerprint]?.notified.append(sink.name)
                        d.firing += 1
                    } catch {
                        d.error = d.error ?? "\(error)"
                        d.kept += 1
                    }
                }
                for i in owed {
                    do {
                        try sink.send([AlertNotice(alert: state.resolved[i].alert, endsAt: state.resolved[i].endsAt)])
                        state.resolved[i].owed.removeAll { $0 == sink.name }
                        d.resolved += 1
                    } catch {
                        d.error = d.error ?? "\(error)"
                        d.kept += 1
                    }
                }
            }
            out.append(d)
        }
        state.resolved.removeAll { $0.owed.isEmpty }
        return out
    }

    /// `shipshape alerts test`: a test alert (`alertname=ShipshapeTest`, severity info) fired
    /// and at once resolved at every sink; one result per sink.
    public func test(environment: String, namespace: String, now: Double) -> [AlertDelivery] {
        let alert = Alert(alertname: "ShipshapeTest", severity: "info", namespace: namespace, workload: "shipshape",
                          annotations: ["summary": "A test alert from shipshape alerts test: delivery works; it resolves at once."],
                          startsAt: now, generatorURL: Alert.generatorURL(environment: environment, job: "alerts-test", run: now),
                          source: "test")
        var resolved = alert
        resolved.annotations["resolution"] = "cleared"
        resolved.annotations["resolution_detail"] = "a test alert: resolved as soon as it was sent"
        return sinks.map { sink in
            var d = AlertDelivery(sink: sink.name, target: sink.target)
            do {
                try sink.send([AlertNotice(alert: alert)])
                d.firing = 1
                try sink.send([AlertNotice(alert: resolved, endsAt: now)])
                d.resolved = 1
            } catch {
                d.error = "\(error)"
            }
            return d
        }
    }
}

/// What one sink took in one run, or why it did not.
public struct AlertDelivery: Sendable, Equatable {
    public var sink: String
    public var target: String
    public var firing = 0
    public var resolved = 0
    /// Notices not delivered this run, kept for the next.
    public var kept = 0
    public var error: String?

    public init(sink: String, target: String) {
        self.sink = sink
        self.target = target
    }

    public var succeeded: Bool { error == nil }

    /// One line for the job's output.
    public var line: String {
        var s = "alerts: \(sink) (\(target)): "
        if let error { return s + "FAILED: \(error)" + (kept > 0 ? "; \(kept) kept for the next run" : "") }
        s += firing == 0 && resolved == 0 ? "nothing to send" : "\(firing) firing, \(resolved) resolved delivered"
        return s
    }
}
