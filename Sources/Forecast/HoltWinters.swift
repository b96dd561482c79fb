/// Additive Holt-Winters (level, trend, one seasonal period), with the smoothing constants
/// picked from a small grid by the in-sample one-step error. The trend is damped so a week
/// of extrapolation cannot run away on a slope learned from a few noisy hours.
public struct HoltWinters: SeasonalModel {
    public var period: Int
    public static let alphas = [0.05, 0.2, 0.5]
    public static let betas = [0.0, 0.01]
    public static let gammas = [0.05, 0.2, 0.5]
    /// Trend damping per step (φ).
    public static let damping = 0.98

    public init(period: Int) { self.period = period }

    public var name: String { "holt-winters(\(period)h)" }
    public var minimumHistory: Int { period }

    struct State {
        var level: Double, trend: Double, season: [Double], sse: Double
    }

    public func forecast(history: [Double], horizon: Int) -> [Double] {
        let n = history.count, p = period
        guard n >= p else { return [Double](repeating: history.last ?? 0, count: horizon) }
        var best: State?
        for a in Self.alphas { for b in Self.betas { for g in Self.gammas {
            let s = run(history, alpha: a, beta: b, gamma: g)
            if best == nil || s.sse < best!.sse { best = s }
        } } }
        let s = best!
        var out: [Double] = []
        var damp = 0.0, factor = 1.0
        for h in 1...max(1, horizon) {
            factor *= Self.damping
            damp += factor
            out.append(s.level + damp * s.trend + s.season[(n + h - 1) % p])
        }
        return Array(out.prefix(horizon))
    }

    func run(_ x: [Double], alpha: Double, beta: Double, gamma: Double) -> State {
        let p = period, n = x.count
        let first = x[0..<p].reduce(0, +) / Double(p)
        var trend = 0.0
        if n >= 2 * p { trend = (x[p..<(2 * p)].reduce(0, +) / Double(p) - first) / Double(p) }
        var season = (0..<p).map { x[$0] - first }
        var level = first, sse = 0.0
        let phi = Self.damping
        for t in p..<n {
            let predicted = level + phi * trend + season[t % p]
            sse += (x[t] - predicted) * (x[t] - predicted)
            let previous = level
            level = alpha * (x[t] - season[t % p]) + (1 - alpha) * (level + phi * trend)
            trend = beta * (level - previous) + (1 - beta) * phi * trend
            season[t % p] = gamma * (x[t] - level) + (1 - gamma) * season[t % p]
        }
        return State(level: level, trend: trend, season: season, sse: sse)
    }
}
