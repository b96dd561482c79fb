import Forecast
import Foundation
import Insights
import TestSupport
import XCTest

/// Scaling windows from a workload's hourly history: proposed with the backtest as evidence
/// when the forecast is accurate, refused with the reason when it is not.
final class ScheduleRecommenderTests: XCTestCase {
    /// 2026-11-02 00:00 UTC, a Monday.
    static let monday = 1_793_577_600.0
    let current = HPARecommender.Current(minReplicas: 2, maxReplicas: 10, targetCPUUtilization: 70)
    /// 0.25 cores × 70%: one replica's worth of CPU.
    let perPod = 0.25 * 0.7

    /// One sample an hour for 14 days of a single pod using `need(hour) × perPod` cores.
    private func usage(_ need: (Int) -> Double) -> ContainerUsage {
        var u = ContainerUsage()
        for h in 0..<(14 * 24) {
            u.add(time: Self.monday + Double(h) * 3600 + 1800, cpuCores: need(h) * perPod, memoryBytes: 200e6, cpuRequestCores: 0.25)
        }
        return u
    }

    func testWeekdayOfficeLoadBecomesWindowsWithTheBacktestAsEvidence() throws {
        var g = SeededGenerator(seed: 5)
        let u = usage { h in
            let weekday = (h / 24) % 7 < 5, hour = h % 24
            return (weekday && (8..<18).contains(hour) ? 6 : 1.5) + Double.random(in: -0.1...0.1, using: &g)
        }
        let r = ScheduleRecommender.recommend(hours: u.hours, cpuRequestCores: 0.25, current: current, policy: RecommendPolicy())
        XCTAssertEqual(r.windows.map(\.description), ["0 7 * * 1-5 for 11h: 6"])
        XCTAssertEqual(r.forecast?.method, "holt-winters(168h)")
        XCTAssertEqual(r.evidence, "forecast method=holt-winters(168h) mape=0.0348 backtest-hours=168 trained-hours=168 periods=24,168 hours-at-max=0")
        XCTAssertEqual(r.notes, ["forecast holt-winters(168h): backtest MAPE 3.5% over the last 168 h; 1 window(s)"])
    }

    func testABoundTighterThanTheBacktestProposesNothingAndSaysWhy() {
        var g = SeededGenerator(seed: 5)
        let u = usage { h in (1 + 0.5 * cos(Double(h % 24 - 14) / 24 * 2 * .pi)) * 4 + Double.random(in: -0.4...0.4, using: &g) }
        var policy = RecommendPolicy()
        policy.scheduleMaxMAPE = 0.01
        let r = ScheduleRecommender.recommend(hours: u.hours, cpuRequestCores: 0.25, current: current, policy: policy)
        XCTAssertEqual(r.windows, [])
        XCTAssertEqual(r.notes.count, 1)
        XCTAssertTrue(r.notes[0].hasPrefix("no schedule: the forecast's backtest MAPE "), r.notes[0])
        XCTAssertTrue(r.notes[0].hasSuffix(" is above the bound of 1.0%"), r.notes[0])
    }

    func testARandomWalkProposesNothing() {
        var g = SeededGenerator(seed: 9)
        var x = 4.0
        let u = usage { _ in x = max(0.5, x + Double.random(in: -0.3...0.3, using: &g)); return x }
        let r = ScheduleRecommender.recommend(hours: u.hours, cpuRequestCores: 0.25, current: current, policy: RecommendPolicy())
        XCTAssertEqual(r.windows, [])
        XCTAssertNil(r.evidence)
        XCTAssertTrue(r.notes.first?.hasPrefix("no schedule: cannot predict (no daily or weekly period") ?? false, "\(r.notes)")
    }
}
