import YAML

/// What the kubelet's probe workers see during one run of a container, computed from the pod
/// spec and the image's scenario profile: when the startup probe lets the container count as
/// started, whether a startup or liveness probe kills it (and when), when it is Ready, and the
/// `Unhealthy` and `Killing` events the prober records on the way.
///
/// The model (pkg/kubelet/prober/worker.go): each probe runs at `initialDelaySeconds` after
/// the container starts and every `periodSeconds` after that; liveness and readiness are off
/// until the container has started (the startup probe succeeded, or there is none); the
/// startup probe stops after its first success; a result changes only after
/// `failureThreshold` consecutive failures or `successThreshold` consecutive successes
/// (readiness starts as failed); a startup or liveness failure kills the container and puts
/// its worker on hold. The app listens `startup` after the container starts: before that an
/// HTTP, TCP or gRPC probe is refused (immediately, so `timeoutSeconds` adds nothing). A
/// `stuck` app still accepts connections but answers nothing (HTTP and gRPC probes time out,
/// TCP probes pass); a `ready: false` app answers its readiness check with 503.
struct ProbeTimeline {
    enum Kind: String {
        case startup = "Startup", liveness = "Liveness", readiness = "Readiness"
    }

    /// One probe of the container spec, with the API defaults the Sandbox applies.
    struct Probe {
        var kind: Kind
        var spec: Value
        var delay: Double
        var period: Double
        var timeout: Double
        var successThreshold: Int
        var failureThreshold: Int

        init?(_ kind: Kind, container: Value) {
            guard let spec = container[kind.field], spec.object != nil else { return nil }
            self.kind = kind
            self.spec = spec
            delay = Double(max(0, spec["initialDelaySeconds"]?.intValue ?? 0))
            period = Double(max(1, spec["periodSeconds"]?.intValue ?? 10))
            timeout = Double(max(1, spec["timeoutSeconds"]?.intValue ?? 1))
            successThreshold = kind == .readiness ? max(1, spec["successThreshold"]?.intValue ?? 1) : 1
            failureThreshold = max(1, spec["failureThreshold"]?.intValue ?? 3)
        }

        /// The time of probe `j` (0-based) of a container that started at `since`.
        func time(_ j: Int, since: Double) -> Double { since + delay + Double(j) * period }

        /// The index of the first probe at or after `t`.
        func index(atOrAfter t: Double, since: Double) -> Int {
            let k = ((t - since - delay) / period).rounded(.up)
            return k <= 0 ? 0 : Int(min(k, 1e12))
        }
    }

    /// An event the prober records, at the simulated time it happens.
    struct Event {
        var time: Double
        var type: String
        var reason: String
        var message: String
    }

    /// Why a probe fails at a given time.
    enum Failure {
        /// Nothing listens yet: connection refused.
        case refused
        /// The app accepts connections but answers nothing.
        case hung
        /// The app answers that it is not ready.
        case notReady
    }

    let since: Double
    let container: String
    let ip: String
    let spec: Value
    /// When the app starts listening.
    let listensAt: Double
    /// From when the app hangs (`stuck`), if it does.
    let hangsAt: Double?
    /// The app never reports ready (`ready: false`).
    let neverReady: Bool
    let startup: Probe?
    let liveness: Probe?
    let readiness: Probe?
    /// When the container counts as started; nil when a startup probe kills it first.
    private(set) var startedAt: Double?
    /// The probe kill: when the kubelet decides it, and which probe failed.
    private(set) var kill: (time: Double, kind: Kind)?

    init(since: Double, container spec: Value, ip: String, startupSeconds: Double, hangsAfter: Double?, neverReady: Bool) {
        self.since = since
        self.spec = spec
        container = spec["name"]?.string ?? ""
        self.ip = ip
        listensAt = since + max(0, startupSeconds)
        hangsAt = hangsAfter.map { since + max(0, $0) }
        self.neverReady = neverReady
        startup = Probe(.startup, container: spec)
        liveness = Probe(.liveness, container: spec)
        readiness = Probe(.readiness, container: spec)
        if let startup {
            // Failures until the app listens; started at the first success, unless the
            // failure threshold runs out first.
            let firstSuccess = startup.index(atOrAfter: listensAt, since: since)
            if firstSuccess >= startup.failureThreshold {
                kill = (startup.time(startup.failureThreshold - 1, since: since), .startup)
            } else {
                startedAt = startup.time(firstSuccess, since: since)
            }
        } else {
            startedAt = since
        }
        if let liveness, let startedAt, kill == nil {
            let first = liveness.index(atOrAfter: startedAt, since: since)
            let firstSuccess = max(first, liveness.index(atOrAfter: listensAt, since: since))
            if firstSuccess - first >= liveness.failureThreshold {
                kill = (liveness.time(first + liveness.failureThreshold - 1, since: since), .liveness)
            }
        }
    }

    /// The container's `started` status field at `t`.
    func started(at t: Double) -> Bool { startedAt.map { t >= $0 } ?? false }

    /// The readiness probe's verdict at `t` (without a readiness probe: started).
    func ready(at t: Double) -> Bool {
        guard let startedAt, t >= startedAt else { return false }
        guard let readiness else { return true }
        guard let window = readyWindow(readiness, startedAt: startedAt) else { return false }
        return t >= window.from && t < window.until
    }

    /// From when to when the readiness probe says Ready, or nil when it never does.
    private func readyWindow(_ p: Probe, startedAt: Double) -> (from: Double, until: Double)? {
        guard !neverReady else { return nil }
        let first = p.index(atOrAfter: startedAt, since: since)
        let a = max(first, p.index(atOrAfter: listensAt, since: since))
        let b = hangsAt.map { max(a, p.index(atOrAfter: $0, since: since)) }
        if let b, b - a < p.successThreshold { return nil }
        let from = p.time(a + p.successThreshold - 1, since: since)
        let until = b.map { p.time($0 + p.failureThreshold - 1, since: since) } ?? .infinity
        return (from, until)
    }

    /// Why probe `p` fails at time `t`, or nil when it passes.
    private func failure(_ p: Probe, at t: Double) -> Failure? {
        if t < listensAt { return .refused }
        guard p.kind == .readiness else { return nil }
        if let hangsAt, t >= hangsAt { return .hung }
        return neverReady ? .notReady : nil
    }

    /// The prober's events in (`after`, `through`], in time order. Readiness is probed until
    /// `through`, which callers cap at the end of the run.
    func events(after: Double, through: Double) -> [Event] {
        guard through > after else { return [] }
        var out: [Event] = []
        func failures(_ p: Probe, from: Double, to: Double) {
            let hi = min(to, through)
            var j = max(p.index(atOrAfter: from, since: since), p.index(atOrAfter: after, since: since))
            if p.time(j, since: since) <= after { j += 1 }
            // Refused until the app listens.
            while p.time(j, since: since) < listensAt, p.time(j, since: since) <= hi {
                out.append(unhealthy(p, at: p.time(j, since: since), output(p, .refused)))
                j += 1
            }
            // Readiness of an app that hangs or never reports ready fails from then on.
            guard p.kind == .readiness else { return }
            let bad = neverReady ? listensAt : hangsAt.map { max($0, listensAt) }
            guard let bad else { return }
            j = max(j, p.index(atOrAfter: bad, since: since))
            while p.time(j, since: since) <= hi {
                let t = p.time(j, since: since)
                guard let why = failure(p, at: t), let text = output(p, why) else { return }
                out.append(unhealthy(p, at: t, text))
                j += 1
            }
        }
        if let startup {
            failures(startup, from: since, to: startedAt ?? kill?.time ?? since)
        }
        if let liveness, let startedAt {
            failures(liveness, from: startedAt, to: kill?.time ?? .infinity)
        }
        if let readiness, let startedAt {
            failures(readiness, from: startedAt, to: .infinity)
        }
        if let kill, kill.time > after, kill.time <= through {
            out.append(Event(time: kill.time, type: "Normal", reason: "Killing",
                             message: "Container \(container) failed \(kill.kind.rawValue.lowercased()) probe, will be restarted"))
        }
        // Stable: probes that fire at the same time keep startup, liveness, readiness order;
        // the kill follows the failure that caused it.
        return out.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    private func unhealthy(_ p: Probe, at t: Double, _ output: String?) -> Event {
        Event(time: t, type: "Warning", reason: "Unhealthy", message: "\(p.kind.rawValue) probe failed: \(output ?? "")")
    }

    /// The probe's failure output as the kubelet's prober words it; nil when the check passes.
    private func output(_ p: Probe, _ why: Failure) -> String? {
        let host = p.spec[path: ["httpGet", "host"]]?.string ?? p.spec[path: ["tcpSocket", "host"]]?.string ?? ip
        if let http = p.spec["httpGet"], http.object != nil {
            let scheme = (http["scheme"]?.string ?? "HTTP").lowercased()
            let port = Self.port(http["port"], container: spec)
            var path = http["path"]?.string ?? ""
            if !path.isEmpty, !path.hasPrefix("/") { path = "/" + path }
            let url = "\(scheme)://\(host):\(port)\(path)"
            switch why {
            case .refused: return "Get \"\(url)\": dial tcp \(host):\(port): connect: connection refused"
            case .hung: return "Get \"\(url)\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
            case .notReady: return "HTTP probe failed with statuscode: 503"
            }
        }
        if let tcp = p.spec["tcpSocket"], tcp.object != nil {
            let port = Self.port(tcp["port"], container: spec)
            return why == .refused ? "dial tcp \(host):\(port): connect: connection refused" : nil
        }
        if let grpc = p.spec["grpc"], grpc.object != nil {
            let port = grpc["port"]?.intValue ?? 0
            switch why {
            case .refused, .hung: return "timeout: failed to connect service \"\(host):\(port)\" within \(Int(p.timeout))s: context deadline exceeded"
            case .notReady: return "service unhealthy (responded with \"NOT_SERVING\")"
            }
        }
        // An exec probe: the command fails without output.
        return ""
    }

    /// A probe's port: a number, or the name of one of the container's ports.
    static func port(_ value: Value?, container: Value) -> String {
        if let n = value?.intValue { return String(n) }
        let name = value?.string ?? ""
        let named = container["ports"]?.array?.first { $0["name"]?.string == name }?["containerPort"]?.intValue
        return named.map(String.init) ?? name
    }
}

extension ProbeTimeline.Kind {
    var field: String {
        switch self {
        case .startup: return "startupProbe"
        case .liveness: return "livenessProbe"
        case .readiness: return "readinessProbe"
        }
    }
}
