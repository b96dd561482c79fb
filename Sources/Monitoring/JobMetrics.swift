import Foundation
import KubeClient

/// One run of a Shipshape job, as metrics pushed to a Prometheus Pushgateway the way batch jobs
/// report in Kubernetes: a group per job and environment (`/metrics/job/<job>/instance/<env>`)
/// holding the run's duration, result and times, plus what the job counted (objects applied,
/// drift found, …). Each job adds its own counts with `set`; `push` sends the group.
public struct JobMetrics: Sendable {
    public let job: String
    public let instance: String
    public let started: Double
    /// Metric name → (help, value), in the order set.
    private(set) var values: [(name: String, help: String, value: Double)] = []

    /// Where the Pushgateway is: `SHIPSHAPE_PUSHGATEWAY_URL`, which the chart sets from
    /// `monitoring.pushgateway.url`. Nil (no push) when unset or empty.
    public static func pushgatewayURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let url = environment["SHIPSHAPE_PUSHGATEWAY_URL"], !url.isEmpty else { return nil }
        return url
    }

    public init(job: String, instance: String, started: Double = Date().timeIntervalSince1970) {
        self.job = job
        self.instance = instance
        self.started = started
    }

    /// Sets `shipshape_<job>_<name>` (e.g. `shipshape_reconcile_objects_applied`) for this run.
    public mutating func set(_ name: String, _ value: Double, help: String) {
        let full = "shipshape_\(job)_\(name)"
        values.removeAll { $0.name == full }
        values.append((full, help, value))
    }

    /// The exposition text of the run that ended at `finished` with `succeeded`. A failed run
    /// leaves out the last-success time, so a POST keeps the previous one in the Pushgateway.
    public func exposition(succeeded: Bool, finished: Double) -> String {
        var lines: [String] = []
        func gauge(_ name: String, _ help: String, _ value: Double) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) gauge")
            lines.append("\(name) \(Self.number(value))")
        }
        gauge("shipshape_job_duration_seconds", "How long the last run of the job took.", max(0, finished - started))
        gauge("shipshape_job_success", "1 if the last run of the job succeeded, 0 if it failed.", succeeded ? 1 : 0)
        gauge("shipshape_job_last_run_timestamp_seconds", "When the last run of the job finished (Unix seconds).", finished.rounded(.down))
        if succeeded {
            gauge("shipshape_job_last_success_timestamp_seconds", "When a run of the job last succeeded (Unix seconds).", finished.rounded(.down))
        }
        for v in values { gauge(v.name, v.help, v.value) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `<url>/metrics/job/<job>/instance/<instance>`, path segments escaped.
    public func groupURL(_ base: String) -> String {
        let base = base.hasSuffix("/") ? String(base.dropLast()) : base
        func segment(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s }
        return "\(base)/metrics/job/\(segment(job))/instance/\(segment(instance))"
    }

    /// Pushes the run: PUT (replacing the group) when it succeeded, POST (keeping the last
    /// success time) when it failed.
    public func push(to base: String, succeeded: Bool, finished: Double = Date().timeIntervalSince1970,
                     transport: CurlTransport? = nil) throws {
        let transport = try transport ?? CurlTransport(tls: TLSSettings())
        let url = groupURL(base)
        let response: HTTPResponse
        do {
            response = try transport.perform(HTTPRequest(method: succeeded ? "PUT" : "POST", url: url,
                                                         headers: [("Content-Type", "text/plain; version=0.0.4")],
                                                         body: Array(exposition(succeeded: succeeded, finished: finished).utf8)))
        } catch {
            throw StatusError("Pushgateway \(base) did not answer (is it up, and is SHIPSHAPE_PUSHGATEWAY_URL its base URL?): \(error)")
        }
        guard (200..<300).contains(response.status) else {
            throw StatusError("Pushgateway \(url): HTTP \(response.status): \(String(response.text.prefix(300)))")
        }
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
