import Forecast
import XCTest

/// The forecaster on seeded series: a diurnal load, a weekly one (quiet weekends) and a random
/// walk. Figures are exact for the seeds; MAPE is compared to four decimals.
final class ForecasterTests: XCTestCase {
    private func rounded(_ x: Double?) -> Double? { x.map { ($0 * 10_000).rounded() / 10_000 } }

    func testDiurnalLoadIsPeriodicDailyAndTheFFTWinsTheBacktest() {
        let f = Forecaster().forecast(SeededSeries.diurnal(days: 14, seed: 1))
        XCTAssertEqual(f.periodicity.map(\.period), [24, 168])
        XCTAssertEqual(f.periodicity.map { rounded($0.correlation) }, [0.9973, 0.0595])
        XCTAssertEqual(f.periods, [24])
        XCTAssertEqual(f.backtests.map(\.method), ["fft(24h)", "holt-winters(24h)"])
        XCTAssertEqual(f.backtests.map { rounded($0.mape) }, [0.0248, 0.0257])
        XCTAssertEqual(f.backtests.map(\.trainedHours), [168, 168])
        XCTAssertEqual(f.method, "fft(24h)")
        XCTAssertEqual(Forecast.percent(f.mape!), "2.5%")
        XCTAssertEqual(f.verdict, .predictable)
        XCTAssertEqual(f.predicted.count, 168)
        // The forecast peaks at 14:00 like the load: 100 × 1.6, within the noise.
        let peakHour = f.predicted.indices.max { f.predicted[$0] < f.predicted[$1] }!
        XCTAssertEqual(peakHour % 24, 14)
        XCTAssertEqual(f.predicted[14], 160, accuracy: 2)
    }

    func testWeeklyLoadFindsTheWeekAndHoltWintersWinsTheBacktest() {
        let f = Forecaster().forecast(SeededSeries.weekly(days: 14, seed: 2))
        XCTAssertEqual(f.periodicity.map { rounded($0.correlation) }, [0.9391, 0.9950])
        XCTAssertEqual(f.periods, [24, 168])
        XCTAssertEqual(f.backtests.map(\.method), ["fft(168h)", "holt-winters(168h)", "fft(24h)", "holt-winters(24h)"])
        XCTAssertEqual(f.backtests.map { rounded($0.mape) }, [0.1126, 0.0311, 1.2838, 0.5677])
        XCTAssertEqual(f.method, "holt-winters(168h)")
        XCTAssertEqual(Forecast.percent(f.mape!), "3.1%")
        // Saturday 14:00 of the next week (hour 5 × 24 + 14) is predicted at the weekend level.
        XCTAssertEqual(f.predicted[5 * 24 + 14], 64, accuracy: 4)
        XCTAssertEqual(f.predicted[14], 160, accuracy: 6)
    }

    func testMoreWeeksOfHistoryKeepTheWeeklyModel() {
        let f = Forecaster().forecast(SeededSeries.weekly(days: 21, seed: 2))
        XCTAssertEqual(f.method, "holt-winters(168h)")
        XCTAssertEqual(rounded(f.mape), 0.0307)
        XCTAssertEqual(f.backtests.first?.trainedHours, 336)
    }

    func testRandomWalkCannotBePredicted() {
        let f = Forecaster().forecast(SeededSeries.randomWalk(days: 14, seed: 3))
        XCTAssertEqual(f.periods, [])
        XCTAssertEqual(f.verdict, .cannotPredict("no daily or weekly period: lag correlation 24h 0.033, 168h -0.517; needs 0.600"))
        XCTAssertNil(f.mape)
        XCTAssertEqual(f.predicted, [])
        XCTAssertFalse(f.canPredict)
    }

    func testRandomWalksOfOtherSeedsAreNotPeriodicEither() {
        for seed in UInt64(10)..<UInt64(20) {
            XCTAssertFalse(Forecaster().forecast(SeededSeries.randomWalk(days: 14, seed: seed)).canPredict, "seed \(seed)")
        }
    }

    func testTwoDaysAreTooFewForTheTestsAndTheBacktest() {
        let f = Forecaster().forecast(SeededSeries.diurnal(days: 2, seed: 1))
        XCTAssertEqual(f.verdict, .cannotPredict("no daily or weekly period: lag correlation 24h n/a (0 pairs, needs 48), 168h n/a (0 pairs, needs 48); needs 0.600"))
        let g = Forecaster().forecast(SeededSeries.diurnal(days: 5, seed: 1))
        XCTAssertEqual(g.periods, [24])
        XCTAssertEqual(g.verdict, .cannotPredict("too little history for a backtest: 120 h; needs 168 h held out after at least one period"))
    }
}
