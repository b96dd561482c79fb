import Foundation
import YAML

/// Probe advice from observed start-to-ready durations (docs/recommend.md, "Probes"):
/// the startup probe's budget (failureThreshold × periodSeconds) covers 1.5 × the p99 startup;
/// liveness only takes over after startup (a startup probe, or an initial delay past the p99);
/// identical liveness and readiness probes are flagged, since a slow dependency then restarts
/// pods that only needed to leave the load balancer.
public enum ProbeRecommender {
    public struct Finding: Sendable, Equatable {
        /// The container field to change (`startupProbe.failureThreshold`), nil for advice only.
        public var field: String?
        public var current: Int?
        public var recommended: Int?
        public var message: String
    }

    /// Observations needed before a startup budget is proposed.
    public static let minStartups = 3

    /// - Parameters: the container's `startupProbe`, `livenessProbe` and `readinessProbe` as rendered.
    public static func recommend(startupSeconds: [Double], startup: Value?, liveness: Value?, readiness: Value?,
                                 probeFailures: Int = 0, policy: RecommendPolicy) -> [Finding] {
        var out: [Finding] = []
        if let liveness, let readiness, handler(liveness) == handler(readiness), timings(liveness) == timings(readiness) {
            out.append(Finding(field: nil, current: nil, recommended: nil,
                               message: "liveness and readiness probes are identical: a slow dependency would restart pods instead of only taking them out of service"))
        }
        if probeFailures > 0 { out.append(Finding(field: nil, current: nil, recommended: nil, message: "\(probeFailures) probe failure\(probeFailures == 1 ? "" : "s") (Unhealthy events) in the window")) }
        guard startupSeconds.count >= minStartups else { return out }
        let p99 = percentile(startupSeconds, 0.99)
        let needed = policy.startupMargin * p99
        if let startup {
            let period = Double(startup["periodSeconds"]?.intValue ?? 10)
            let threshold = startup["failureThreshold"]?.intValue ?? 3
            let delay = Double(startup["initialDelaySeconds"]?.intValue ?? 0)
            if delay + Double(threshold) * period < needed {
                let want = Int(clamping: (needed - delay) / period - 1e-9, to: 0...Int(Int32.max), rounding: .up)
                out.append(Finding(field: "startupProbe.failureThreshold", current: threshold, recommended: want,
                                   message: "startup budget \(fmt(delay + Double(threshold) * period)) s is under \(fmt(policy.startupMargin))× the p99 start-to-ready of \(fmt(p99)) s (\(startupSeconds.count) starts)"))
            }
        } else if let liveness {
            let delay = Double(liveness["initialDelaySeconds"]?.intValue ?? 0)
            let grace = delay + Double(liveness["failureThreshold"]?.intValue ?? 3) * Double(liveness["periodSeconds"]?.intValue ?? 10)
            if grace < needed {
                out.append(Finding(field: nil, current: nil, recommended: nil,
                                   message: "liveness can fail a pod \(fmt(grace)) s after start, before \(fmt(policy.startupMargin))× the p99 start-to-ready of \(fmt(p99)) s: add a startupProbe so liveness takes over only after startup"))
            }
        }
        return out
    }

    /// Nearest-rank percentile.
    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        let sorted = xs.sorted()
        let rank = Int(clamping: p * Double(sorted.count), to: 1...max(1, sorted.count), rounding: .up)
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }

    static func handler(_ probe: Value) -> Value? {
        for key in ["httpGet", "tcpSocket", "exec", "grpc"] { if let h = probe[key] { return [key: h] } }
        return nil
    }

    static func timings(_ probe: Value) -> [Int?] {
        ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold"].map { probe[$0]?.intValue }
    }

    static func fmt(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x) }
}
