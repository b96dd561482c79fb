import Foundation

/// The FFT method, after crane's DSP predictor: a trend through the means of whole periods plus the seasonal
/// profile of one period (the mean, over the whole periods in the history, of each hour of
/// the period), transformed to its harmonics; only the strongest harmonics that together
/// hold `energy` of the profile's variance are kept, so noise that does not repeat is
/// filtered out, and the rebuilt profile is repeated into the future on top of the trend.
public struct HarmonicModel: SeasonalModel {
    public var period: Int
    /// Share of the seasonal variance the kept harmonics must hold (1: keep all).
    public var energy: Double

    public init(period: Int, energy: Double = 0.95) {
        self.period = period
        self.energy = energy
    }

    public var name: String { "fft(\(period)h)" }
    public var minimumHistory: Int { period }

    public func forecast(history: [Double], horizon: Int) -> [Double] {
        let n = history.count, p = period
        let cycles = n / p
        guard cycles > 0 else { return [Double](repeating: history.last ?? 0, count: horizon) }
        let trend = Self.trend(history, period: p)
        var profile = [Double](repeating: 0, count: p)
        for i in (n - cycles * p)..<n { profile[i % p] += (history[i] - trend.value(at: Double(i))) / Double(cycles) }
        let smooth = Self.lowPass(profile, energy: energy)
        return (0..<horizon).map { h in trend.value(at: Double(n + h)) + smooth[(n + h) % p] }
    }

    /// The line through the means of the whole periods at the end of the history, placed at
    /// each period's middle: a period's mean holds no seasonality, where a least-squares line
    /// through the raw hours takes a slope from the shape of the cycle (a weekday-high,
    /// weekend-low week looks like a falling trend). One period: no slope.
    static func trend(_ x: [Double], period p: Int) -> LinearTrend {
        let n = x.count, cycles = n / p, first = n - cycles * p
        let means = (0..<cycles).map { c in x[(first + c * p)..<(first + (c + 1) * p)].reduce(0, +) / Double(p) }
        let line = LinearTrend(fitting: means)
        // Cycle c is centered at hour first + c·p + (p − 1)/2.
        let slope = line.slope / Double(p)
        let intercept = line.intercept - slope * (Double(first) + Double(p - 1) / 2)
        return LinearTrend(intercept: intercept, slope: slope)
    }

    /// The profile rebuilt from its mean and the fewest harmonics (by amplitude) that hold
    /// `energy` of its variance. A plain DFT: one period is at most 168 points.
    static func lowPass(_ x: [Double], energy: Double) -> [Double] {
        let n = x.count
        let mean = x.reduce(0, +) / Double(n)
        var harmonics: [(k: Int, re: Double, im: Double, power: Double)] = []
        for k in 1...(n / 2) {
            var re = 0.0, im = 0.0
            for (t, v) in x.enumerated() {
                let angle = 2 * Double.pi * Double(k * t % n) / Double(n)
                re += (v - mean) * cos(angle)
                im -= (v - mean) * sin(angle)
            }
            // Both halves of the spectrum, except the Nyquist bin, which has no twin.
            let weight = (2 * k == n) ? 1.0 : 2.0
            harmonics.append((k, re, im, weight * (re * re + im * im)))
        }
        let total = harmonics.reduce(0) { $0 + $1.power }
        var out = [Double](repeating: mean, count: n)
        guard total > 0 else { return out }
        var kept = 0.0
        for h in harmonics.sorted(by: { $0.power != $1.power ? $0.power > $1.power : $0.k < $1.k }) {
            if kept >= energy * total { break }
            kept += h.power
            let scale = (2 * h.k == n) ? 1.0 / Double(n) : 2.0 / Double(n)
            for t in 0..<n {
                let angle = 2 * Double.pi * Double(h.k * t % n) / Double(n)
                out[t] += scale * (h.re * cos(angle) - h.im * sin(angle))
            }
        }
        return out
    }
}
