import Foundation
import YAML

/// What the simulated workloads do, by image: how long they take to start, whether they crash
/// or finish, how much CPU and memory they use under load, what they log; plus the request
/// rate each workload sees over simulated time and faults to inject into the API.
/// docs/sandbox.md documents the YAML form.
public struct Scenario: Sendable {
    public struct Node: Sendable {
        public var cpu = "8"
        public var memory = "32Gi"
    }

    public struct LogTemplate: Sendable {
        public var level: String
        /// Lines per simulated minute per pod, at 1 request/s (scaled by load when `perRequest`).
        public var ratePerMinute: Double
        public var perRequest: Bool
        public var template: String
    }

    public struct Image: Sendable {
        /// A glob over the image reference: `todo-chatbot/backend:*`.
        public var match: String
        public var startupSeconds: Double = 2
        /// Exits this long after starting with `crashExitCode`, every time.
        public var crashAfterSeconds: Double?
        public var crashExitCode = 1
        /// Exits 0 this long after starting (batch images).
        public var completeAfterSeconds: Double?
        /// Run the container for real: the Sandbox's Shipshape binary as the image's entrypoint,
        /// in a private mount namespace, under the pod's service account (docs/sandbox.md).
        public var execute = false
        /// The first `stuckPods` pods of this image (in the order the kubelet admits them) hang
        /// this long after their container starts: readiness probes time out, liveness still
        /// passes, so only a new pod (or a container restart) cures it.
        public var stuckAfterSeconds: Double?
        public var stuckPods = 1
        /// False: the app never passes its readiness probe (answers 503).
        public var ready = true
        public var cpuBaseMillicores: Double = 5
        public var cpuPerRequestMillicores: Double = 1
        public var memoryBaselineMi: Double = 64
        public var memoryPerRequestMi: Double = 0.5
        public var memoryLeakMiPerHour: Double = 0
        public var logs: [LogTemplate] = []
    }

    public struct Spike: Sendable {
        public var at: Double
        public var duration: Double
        public var multiplier: Double
        /// Repeats every this many seconds (a lunchtime spike: `at: 12h, every: 24h`); nil: once.
        public var every: Double?

        public init(at: Double, duration: Double, multiplier: Double, every: Double? = nil) {
            self.at = at
            self.duration = duration
            self.multiplier = multiplier
            self.every = every
        }

        /// Whether the spike is on `elapsed` seconds after the simulation started.
        func active(elapsed: Double) -> Bool {
            guard elapsed >= at else { return false }
            guard let every, every > 0 else { return elapsed < at + duration }
            return (elapsed - at).truncatingRemainder(dividingBy: every) < duration
        }
    }

    public struct Traffic: Sendable {
        /// Matches a pod's `app.kubernetes.io/name`, `app.kubernetes.io/component` or `app` label.
        public var target: String
        public var baseRPS: Double
        public var diurnalAmplitude: Double = 0
        public var peakHour: Double = 14
        /// The rate on Saturdays and Sundays (UTC) as a share of the weekday rate: a weekly
        /// cycle on top of the daily one (1: no weekly cycle).
        public var weekendFactor: Double = 1
        public var spikes: [Spike] = []
        /// Linear growth of the base rate: +`growth` (0.3 = 30%) every `growthPeriod` seconds
        /// since the simulation started.
        public var growth: Double = 0
        public var growthPeriod: Double = 30 * 86_400
    }

    public var node = Node()
    public var images: [Image] = []
    public var traffic: [Traffic] = []
    public var faults: [FaultRule] = []

    public init() {}

    /// The image profile for an image reference, or nil for an image the scenario does not
    /// know (the kubelet reports ImagePullBackOff for it).
    public func image(_ reference: String) -> Image? {
        images.first { Glob.matches($0.match, reference) }
    }

    /// Requests per second a target receives at simulated time `t`, `start` being when the
    /// simulation began (spikes are relative to it).
    public func requestRate(for labels: [String: String], at t: Double, start: Double) -> Double {
        let names = [labels["app.kubernetes.io/component"], labels["app.kubernetes.io/name"], labels["app"]].compactMap { $0 }
        guard let traffic = traffic.first(where: { names.contains($0.target) }) else { return 0 }
        var hour = (t.truncatingRemainder(dividingBy: 86_400)) / 3600
        if hour < 0 { hour += 24 }
        let phase: Double = (hour - traffic.peakHour) / 24 * 2 * Double.pi
        let elapsed = t - start
        let grown = traffic.baseRPS * (1 + traffic.growth * max(0, elapsed) / max(1, traffic.growthPeriod))
        var rate: Double = grown * (1 + traffic.diurnalAmplitude * Foundation.cos(phase))
        // 1970-01-01 was a Thursday: day 2 and 3 of each week from then are Saturday and Sunday.
        let weekday = Int(clamping: t / 86_400, to: Int(Int32.min)...Int(Int32.max), rounding: .down) % 7
        if weekday == 2 || weekday == 3 || weekday == -5 || weekday == -4 { rate *= traffic.weekendFactor }
        for spike in traffic.spikes where spike.active(elapsed: elapsed) {
            rate *= spike.multiplier
        }
        return max(0, rate)
    }
}

/// `*` and `?` globbing, for image matches.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) { pi += 1; ti += 1 }
            else if pi < p.count && p[pi] == "*" { star = pi; mark = ti; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; ti = mark }
            else { return false }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
