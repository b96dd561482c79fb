/// The periodicity test the forecaster runs before it trusts any seasonal model, after crane's
/// DSP predictor (candidate periods of a day and a week, checked by autocorrelation): for each
/// candidate period P the series is cleaned of what would make an unrelated series look
/// periodic, then the correlation of the residual with itself P hours later is measured.
///
/// - Daily (24 h): the trend is a centered 24-hour moving average; a random walk minus its
///   own daily mean leaves noise that does not repeat a day later, a diurnal load repeats.
/// - Weekly (168 h): the trend is a least-squares line and the daily profile (mean per hour
///   of day) is removed too, so only what differs between days of the week is left; it must
///   repeat a week later.
///
/// A period passes when that correlation reaches `threshold` over at least `minPairs` pairs.
public enum Periodicity {
    public static let day = 24
    public static let week = 168
    /// Lag correlation a period needs to pass.
    public static let threshold = 0.6
    /// Pairs of points (hours P apart) the correlation needs.
    public static let minPairs = 48

    public struct Finding: Sendable, Equatable {
        public var period: Int
        /// The residual's correlation with itself one period later (nil: too little history).
        public var correlation: Double?
        public var pairs: Int
        public var passed: Bool { (correlation ?? 0) >= Periodicity.threshold && pairs >= Periodicity.minPairs }
    }

    /// The daily and weekly findings for an hourly series.
    public static func test(_ values: [Double]) -> [Finding] {
        [daily(values), weekly(values)]
    }

    static func daily(_ x: [Double]) -> Finding {
        let p = day
        guard x.count >= 2 * p + p else { return Finding(period: p, correlation: nil, pairs: 0) }
        // Centered moving average over one period (even window: the 2×P MA of classical decomposition).
        var residual: [Double] = []
        var prefix = [0.0]
        for v in x { prefix.append(prefix.last! + v) }
        let half = p / 2
        for t in half..<(x.count - half) {
            let full = prefix[t + half] - prefix[t - half]
            let mean = (full + 0.5 * x[t + half] - 0.5 * x[t - half]) / Double(p)
            residual.append(x[t] - mean)
        }
        return finding(p, residual)
    }

    static func weekly(_ x: [Double]) -> Finding {
        let p = week
        guard x.count >= p + minPairs else { return Finding(period: p, correlation: nil, pairs: 0) }
        let line = LinearTrend(fitting: x)
        let detrended = x.indices.map { x[$0] - line.value(at: Double($0)) }
        var sums = [Double](repeating: 0, count: day), counts = [Double](repeating: 0, count: day)
        for (i, v) in detrended.enumerated() { sums[i % day] += v; counts[i % day] += 1 }
        let residual = detrended.indices.map { detrended[$0] - sums[$0 % day] / counts[$0 % day] }
        return finding(p, residual)
    }

    static func finding(_ p: Int, _ r: [Double]) -> Finding {
        let pairs = r.count - p
        guard pairs > 1 else { return Finding(period: p, correlation: nil, pairs: max(0, pairs)) }
        return Finding(period: p, correlation: Statistics.correlation(Array(r[0..<pairs]), Array(r[p...])), pairs: pairs)
    }
}

/// A least-squares line through an evenly spaced series (index = hour).
public struct LinearTrend: Sendable, Equatable {
    public var intercept: Double
    public var slope: Double

    public init(intercept: Double, slope: Double) {
        self.intercept = intercept
        self.slope = slope
    }

    public init(fitting y: [Double]) {
        let n = Double(y.count)
        guard y.count > 1 else { intercept = y.first ?? 0; slope = 0; return }
        let meanX = (n - 1) / 2
        let meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (i, v) in y.enumerated() {
            let dx = Double(i) - meanX
            sxy += dx * (v - meanY)
            sxx += dx * dx
        }
        slope = sxx > 0 ? sxy / sxx : 0
        intercept = meanY - slope * meanX
    }

    public func value(at x: Double) -> Double { intercept + slope * x }
}

enum Statistics {
    /// Pearson correlation; 0 when either side is constant.
    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in a.indices {
            sab += (a[i] - ma) * (b[i] - mb)
            saa += (a[i] - ma) * (a[i] - ma)
            sbb += (b[i] - mb) * (b[i] - mb)
        }
        return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : 0
    }
}
