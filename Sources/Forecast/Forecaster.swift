/// Learns an hourly demand series (replicas, CPU, requests per second) and says whether it
/// can be predicted: it tests for daily and weekly periods, backtests every method that
/// fits the periods found on the last week (predicted from the weeks before), keeps the
/// method with the lowest MAPE, and forecasts the next `horizon` hours with it. Without a
/// period it says it cannot predict, whatever a backtest would score by luck.
public struct Forecaster: Sendable {
    /// Hours forecast ahead (AWS predictive scaling looks 48 h ahead; schedules span a week).
    public var horizon = 168
    /// Hours held out for the backtest: the last week.
    public var backtestHours = 168

    public init() {}

    public func forecast(_ values: [Double]) -> Forecast {
        let findings = Periodicity.test(values)
        let periods = findings.filter(\.passed).map(\.period)
        var out = Forecast(periodicity: findings, periods: periods)
        guard !periods.isEmpty else {
            let said = findings.map { f in
                "\(f.period)h " + (f.correlation.map { Forecast.format($0) } ?? "n/a (\(f.pairs) pairs, needs \(Periodicity.minPairs))")
            }
            out.verdict = .cannotPredict("no daily or weekly period: lag correlation \(said.joined(separator: ", ")); needs \(Forecast.format(Periodicity.threshold))")
            return out
        }
        var models: [any SeasonalModel] = []
        for p in periods.sorted(by: >) { models += [HarmonicModel(period: p), HoltWinters(period: p)] }
        var best: (model: any SeasonalModel, test: Backtest)?
        for m in models {
            guard let b = Backtest.run(m, values: values, hours: backtestHours) else { continue }
            out.backtests.append(b)
            if best == nil || b.mape < best!.test.mape { best = (m, b) }
        }
        guard let best else {
            out.verdict = .cannotPredict("too little history for a backtest: \(values.count) h; needs \(backtestHours) h held out after at least one period")
            return out
        }
        out.method = best.test.method
        out.mape = best.test.mape
        out.predicted = best.model.forecast(history: values, horizon: horizon)
        out.verdict = .predictable
        return out
    }
}

/// What the forecaster found: the periodicity test, the backtests, the chosen method and its
/// forecast, and whether it can predict at all.
public struct Forecast: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable {
        case predictable
        /// Why not, in words for a person.
        case cannotPredict(String)
    }

    public var periodicity: [Periodicity.Finding]
    public var periods: [Int]
    public var backtests: [Backtest] = []
    public var method: String?
    /// The chosen method's backtest MAPE (fraction).
    public var mape: Double?
    /// The hours after the history, by the chosen method.
    public var predicted: [Double] = []
    public var verdict: Verdict = .predictable

    public var canPredict: Bool { verdict == .predictable }

    /// `0.042` → `0.042`: three decimals, for evidence and messages.
    static func format(_ x: Double) -> String {
        let scaled = (x * 1000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let a = Int(abs(scaled))
        let frac = String(a % 1000)
        return "\(sign)\(a / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac)"
    }

    /// `4.2%`: a fraction as a percentage with one decimal.
    public static func percent(_ x: Double) -> String {
        let tenths = Int((x * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
