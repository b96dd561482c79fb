/// One container's log: what the logs job reads, and which workload its events count for.
public struct LogStream: Hashable, Sendable {
    public var pod: String
    public var container: String
    public var workload: String
    /// The container is running and an earlier instance ended at this time (a restart): that
    /// instance's lines since the last run are read too.
    public var previousFinishedAt: Double?

    public init(pod: String, container: String, workload: String, previousFinishedAt: Double? = nil) {
        self.pod = pod
        self.container = container
        self.workload = workload
        self.previousFinishedAt = previousFinishedAt
    }
}

/// Where reading starts: after the last run's newest line, or (the first run) a window back from now.
public enum LogSince: Equatable, Sendable {
    case after(Double)
    case last(seconds: Int)
}

/// A log line with its time (seconds since the epoch).
public struct LogLine: Equatable, Sendable {
    public var time: Double
    public var text: String

    public init(time: Double, text: String) {
        self.time = time
        self.text = text
    }
}

/// Where the logs job reads logs from: the streams of a namespace's workloads, and each
/// stream's lines since a point, oldest first. The Kubernetes logs API
/// (`KubernetesLogSource`) is the one source today; a Loki reader would be another.
public protocol LogSource {
    /// The namespace's containers that have logged something, Job pods left out.
    func streams() throws -> [LogStream]
    /// The stream's lines after `since` (strictly later than `.after`), restarted instances included.
    func lines(_ stream: LogStream, since: LogSince) throws -> [LogLine]
}
