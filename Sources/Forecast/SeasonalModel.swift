/// A forecasting method over an hourly series: fit on `history`, predict the `horizon` hours
/// that follow it. Index 0 of the history is hour 0 of the model's phase; forecasts continue
/// the same clock, so a history that starts at a week boundary keeps weekdays aligned.
public protocol SeasonalModel: Sendable {
    /// `fft(168h)`, `holt-winters(24h)`: what the backtest evidence names.
    var name: String { get }
    /// Hours of history the model needs at the least.
    var minimumHistory: Int { get }
    func forecast(history: [Double], horizon: Int) -> [Double]
}
