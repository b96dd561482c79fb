import KubeClient
import Kubernetes
import YAML

/// Reads pod logs through the Kubernetes API (`GET pods/{name}/log`, which needs `get` on
/// `pods/log`, and `list` on `pods`): `timestamps=true` gives each line its time, `sinceTime`
/// (whole seconds) starts at the last run, and lines not later than the last run's newest are
/// dropped, so none is counted twice. A container that restarted and runs again is read with
/// `previous=true` as well; one waiting to restart already answers with its last instance.
public struct KubernetesLogSource: LogSource {
    public let api: KubeAPI
    public let namespace: String
    /// The most lines read from one container instance in a run (`tailLines`).
    public var tailLines = 50_000

    public init(api: KubeAPI, namespace: String) {
        self.api = api
        self.namespace = namespace
    }

    public func streams() throws -> [LogStream] {
        var out: [LogStream] = []
        let pods = try api.list(try api.resource(apiVersion: "v1", kind: "Pod"), namespace: namespace)
        for pod in pods where !PodWorkload.isJobPod(pod) {
            guard let name = pod[path: ["metadata", "name"]]?.string else { continue }
            let workload = PodWorkload.name(of: pod)
            for status in pod[path: ["status", "containerStatuses"]]?.array ?? [] {
                guard let container = status["name"]?.string else { continue }
                let restarts = status["restartCount"]?.intValue ?? 0
                let running = status[path: ["state", "running"]] != nil
                // Never started: nothing to read yet.
                if !running, restarts == 0, status[path: ["state", "terminated"]] == nil { continue }
                let finished = status[path: ["lastState", "terminated", "finishedAt"]]?.string.flatMap { LogTimestamp.parse($0) }
                out.append(LogStream(pod: name, container: container, workload: workload, previousFinishedAt: running ? finished : nil))
            }
        }
        return out.sorted { ($0.workload, $0.pod, $0.container) < ($1.workload, $1.pod, $1.container) }
    }

    public func lines(_ stream: LogStream, since: LogSince) throws -> [LogLine] {
        var out: [LogLine] = []
        if let finished = stream.previousFinishedAt, Self.after(finished, since) {
            out += try read(stream, since: since, previous: true)
        }
        out += try read(stream, since: since, previous: false)
        return out
    }

    private static func after(_ t: Double, _ since: LogSince) -> Bool {
        if case .after(let from) = since { return t > from }
        return true
    }

    private func read(_ stream: LogStream, since: LogSince, previous: Bool) throws -> [LogLine] {
        let text: String
        do {
            switch since {
            case .after(let t):
                text = try api.logs(pod: stream.pod, namespace: namespace, container: stream.container, sinceTime: LogTimestamp.seconds(t),
                                    tailLines: tailLines, previous: previous, timestamps: true)
            case .last(let seconds):
                text = try api.logs(pod: stream.pod, namespace: namespace, container: stream.container, sinceSeconds: seconds,
                                    tailLines: tailLines, previous: previous, timestamps: true)
            }
        } catch let e as KubeAPIError where e.code == 400 || e.code == 404 {
            // The pod went away or the container is between instances since it was listed.
            return []
        }
        let lines = Self.parse(text)
        if case .after(let t) = since { return lines.filter { $0.time > t } }
        return lines
    }

    /// `TIME text` lines as `timestamps=true` writes them; a line without a time takes the one before's.
    public static func parse(_ text: String) -> [LogLine] {
        var out: [LogLine] = []
        var last = 0.0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw
            if line.last == "\r" { line = line.dropLast() }
            if line.isEmpty, raw.endIndex == text.endIndex { continue }
            if let space = line.firstIndex(of: " "), let t = LogTimestamp.parse(line[..<space]) {
                last = t
                out.append(LogLine(time: t, text: String(line[line.index(after: space)...])))
            } else {
                out.append(LogLine(time: last, text: String(line)))
            }
        }
        return out
    }
}
