import YAML

/// Pod logs from the scenario's log templates: each template emits lines at its rate (scaled
/// by the pod's request rate when per-request) from the container's start, deterministically
/// for a given pod, so repeated reads agree. Crashing images end with their crash report.
extension Cluster {
    func podLog(_ key: ObjectKey, query: [String: String]) throws -> String {
        let pod = try getObject(podType, key)
        let containers = pod[path: ["spec", "containers"]]?.array?.compactMap { $0["name"]?.string } ?? []
        let name: String
        if let c = query["container"], !c.isEmpty {
            guard containers.contains(c) else {
                throw APIError.badRequest("container \(c) is not valid for pod \(key.name)")
            }
            name = c
        } else {
            guard containers.count == 1 else {
                throw APIError.badRequest("a container name must be specified for pod \(key.name), choose one of: [\(containers.joined(separator: " "))]")
            }
            name = containers[0]
        }
        guard let uid = pod[path: ["metadata", "uid"]]?.string, let runtime = kubelet.pods[uid],
              let c = runtime.containers.first(where: { $0.name == name }) else {
            throw APIError.badRequest("container \"\(name)\" in pod \"\(key.name)\" is waiting to start: ContainerCreating")
        }
        let previous = query["previous"] == "true"
        if scenario.image(c.image)?.execute == true {
            return try executedLog(c, uid: uid, pod: key.name, previous: previous, query: query)
        }
        var from: Double, to: Double, crashed: KubeletState.Termination?
        if previous {
            guard let t = c.lastTermination else {
                throw APIError.badRequest("previous terminated container \"\(name)\" in pod \"\(key.name)\" not found")
            }
            from = t.startedAt; to = t.finishedAt; crashed = t
        } else {
            switch c.phase {
            case .running(let since): from = since; to = clock.now
            case .terminated:
                guard let t = c.lastTermination else { return "" }
                from = t.startedAt; to = t.finishedAt; crashed = t
            case .backOff:
                guard let t = c.lastTermination else { return "" }
                from = t.startedAt; to = t.finishedAt; crashed = t
            default:
                let reason = PodStatusText.reason(pod)
                throw APIError.badRequest("container \"\(name)\" in pod \"\(key.name)\" is waiting to start: \(reason)")
            }
        }
        if let since = query["sinceSeconds"].flatMap(Double.init) { from = max(from, clock.now - since) }
        if let sinceTime = query["sinceTime"].flatMap(Timestamp.parse) { from = max(from, sinceTime) }
        guard let profile = scenario.image(c.image) else { return "" }
        let tail = query["tailLines"].flatMap(Int.init)
        // The pod's share of its target's requests, as metrics and the HPA see it.
        let rate = perPodRates(pods: store.list(podType).map(\.object))[uid] ?? 0
        var lines = LogGenerator.lines(profile: profile, seed: uid + name + String(c.restartCount - (previous ? 1 : 0)),
                                       from: from, to: to, requestRate: rate, limit: tail ?? 20_000)
        if let crashed, crashed.exitCode != 0 {
            let message = crashed.reason == "OOMKilled" ? "fatal: out of memory (container limit reached)" : "Traceback (most recent call last):\n  File \"/app/main.py\", line 42, in <module>\n    app.run()\nRuntimeError: unhandled exception, exiting with code \(crashed.exitCode)"
            // One event: the first line has the level, a trace's lines continue it as Python prints them.
            for (i, part) in message.split(separator: "\n").enumerated() {
                lines.append((crashed.finishedAt + Double(i) * 0.000001, i == 0 ? "[ERROR] " + part : String(part)))
            }
            if let tail, lines.count > tail { lines.removeFirst(lines.count - tail) }
        }
        return Self.formatLog(lines, query: query)
    }

    /// An executed container's own output: instance `restartCount` now, the one before it
    /// with `previous`, filtered by `sinceSeconds`/`sinceTime` and `tailLines`.
    private func executedLog(_ c: KubeletState.Container, uid: String, pod: String, previous: Bool, query: [String: String]) throws -> String {
        let instance = previous ? c.restartCount - 1 : c.restartCount
        guard let process = kubelet.processes[KubeletState.processKey(uid: uid, container: c.name, instance: instance)] else {
            if previous { throw APIError.badRequest("previous terminated container \"\(c.name)\" in pod \"\(pod)\" not found") }
            return ""
        }
        var from = -Double.infinity
        if let since = query["sinceSeconds"].flatMap(Double.init) { from = clock.now - since }
        if let sinceTime = query["sinceTime"].flatMap(Timestamp.parse) { from = max(from, sinceTime) }
        var lines = process.log.filter { $0.time >= from }.map { ($0.time, $0.text) }
        if let tail = query["tailLines"].flatMap(Int.init), tail >= 0, lines.count > tail { lines.removeFirst(lines.count - tail) }
        return Self.formatLog(lines, query: query)
    }

    /// Lines as the log endpoint returns them: with `timestamps`, each prefixed by its
    /// RFC 3339 nanosecond time; cut at `limitBytes`.
    private static func formatLog(_ lines: [(Double, String)], query: [String: String]) -> String {
        let timestamps = query["timestamps"] == "true"
        var out = ""
        for (t, text) in lines {
            if timestamps { out += LogGenerator.nanoTimestamp(t) + " " }
            out += text + "\n"
        }
        if let limit = query["limitBytes"].flatMap(Int.init), limit >= 0, out.utf8.count > limit {
            out = String(decoding: Array(out.utf8.prefix(limit)), as: UTF8.self)
        }
        return out
    }
}

/// Deterministic log lines from templates.
enum LogGenerator {
    /// Up to `limit` most recent lines in [from, to), time-ordered.
    static func lines(profile: Scenario.Image, seed: String, from: Double, to: Double, requestRate: Double, limit: Int) -> [(Double, String)] {
        guard to > from else { return [] }
        var all: [(Double, String)] = []
        for (index, template) in profile.logs.enumerated() {
            let perMinute = template.perRequest ? template.ratePerMinute * requestRate : template.ratePerMinute
            guard perMinute > 0 else { continue }
            let interval = 60 / perMinute
            let count = Int(((to - from) / interval).rounded(.down))
            let first = max(0, count - limit)
            guard count > first else { continue }
            for i in first..<count {
                var rng = SplitMix64(seed: UInt64(Cluster.fnv(seed)) &* 31 &+ UInt64(index) &* 1_000_003 &+ UInt64(i))
                let t = from + Double(i) * interval + rng.unit() * interval * 0.5
                // JSON lines and access lines (`level: none`) carry their own fields; the rest get `[LEVEL] `.
                let raw = template.level == "none" || template.template.hasPrefix("{")
                all.append((t, (raw ? "" : "[\(template.level.uppercased())] ") + fill(template.template, &rng)))
            }
        }
        all.sort { $0.0 < $1.0 }
        if all.count > limit { all.removeFirst(all.count - limit) }
        return all
    }

    /// Replaces `{latency}`, `{slowLatency}`, `{status}` (5xx), `{path}`, `{id}`, `{ip}` (a pod address), `{user}` and `{n}` with plausible values.
    static func fill(_ template: String, _ rng: inout SplitMix64) -> String {
        var s = template
        let paths = ["/api/todos", "/api/todos/42", "/api/chat", "/health", "/ready", "/api/users/me"]
        if s.contains("{latency}") { s = s.replacingOccurrences(of: "{latency}", with: String(5 + Int(rng.next() % 495))) }
        if s.contains("{slowLatency}") { s = s.replacingOccurrences(of: "{slowLatency}", with: String(1500 + Int(rng.next() % 3500))) }
        if s.contains("{path}") { s = s.replacingOccurrences(of: "{path}", with: paths[Int(rng.next() % UInt64(paths.count))]) }
        if s.contains("{status}") { s = s.replacingOccurrences(of: "{status}", with: ["500", "502", "503", "504"][Int(rng.next() % 4)]) }
        if s.contains("{id}") { s = s.replacingOccurrences(of: "{id}", with: String(rng.next() % 0xFFFF_FFFF, radix: 16)) }
        if s.contains("{ip}") { s = s.replacingOccurrences(of: "{ip}", with: "10.244.\(rng.next() % 4).\(1 + rng.next() % 254)") }
        if s.contains("{user}") { s = s.replacingOccurrences(of: "{user}", with: ["alice", "bob", "carol", "dave", "erin"][Int(rng.next() % 5)]) }
        if s.contains("{n}") { s = s.replacingOccurrences(of: "{n}", with: String(rng.next() % 1000)) }
        return s.replacingOccurrences(of: "\\n", with: "\n")
    }

    static func nanoTimestamp(_ t: Double) -> String {
        let base = Timestamp.format(t)
        let nanos = Int((t - t.rounded(.down)) * 1e9)
        let frac = String(nanos)
        return String(base.dropLast()) + "." + String(repeating: "0", count: 9 - frac.count) + frac + "Z"
    }
}
