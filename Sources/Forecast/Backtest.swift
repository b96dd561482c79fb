/// How well a method would have done: fit on everything but the last `hours`, predict those
/// hours, and compare. MAPE is over the hours whose actual demand is above zero.
public struct Backtest: Sendable, Equatable {
    public var method: String
    /// Mean absolute percentage error, as a fraction (0.042 = 4.2%).
    public var mape: Double
    public var hours: Int
    public var trainedHours: Int

    public static func run(_ model: any SeasonalModel, values: [Double], hours: Int) -> Backtest? {
        let train = values.count - hours
        guard hours > 0, train >= model.minimumHistory else { return nil }
        let predicted = model.forecast(history: Array(values[0..<train]), horizon: hours)
        return Backtest(method: model.name, mape: mape(actual: Array(values[train...]), predicted: predicted), hours: hours, trainedHours: train)
    }

    public static func mape(actual: [Double], predicted: [Double]) -> Double {
        var sum = 0.0, count = 0
        for (a, p) in zip(actual, predicted) where a > 0 {
            sum += abs(a - p) / a
            count += 1
        }
        return count > 0 ? sum / Double(count) : 0
    }
}
