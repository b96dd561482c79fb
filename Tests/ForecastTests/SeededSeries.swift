import Foundation
import TestSupport

/// Deterministic hourly demand series for the forecaster's tests, each from a seeded generator.
enum SeededSeries {
    /// Requests per second: a daily cosine peaking at 14:00 UTC, ±`noise` uniform, `days` long,
    /// starting Monday 2026-11-02 00:00 UTC.
    static func diurnal(days: Int, seed: UInt64, base: Double = 100, amplitude: Double = 0.6, noise: Double = 4) -> [Double] {
        var g = SeededGenerator(seed: seed)
        return (0..<(days * 24)).map { h in
            base * (1 + amplitude * cos(Double(h % 24 - 14) / 24 * 2 * .pi)) + Double.random(in: -noise...noise, using: &g)
        }
    }

    /// The diurnal series with weekends (Saturday and Sunday) at `weekend` of the weekday load.
    static func weekly(days: Int, seed: UInt64, weekend: Double = 0.4) -> [Double] {
        let daily = diurnal(days: days, seed: seed)
        return daily.indices.map { h in
            let weekday = (h / 24) % 7 // 0 = Monday
            return weekday >= 5 ? daily[h] * weekend : daily[h]
        }
    }

    /// A random walk from 100 with uniform steps of ±`step`, kept above 1.
    static func randomWalk(days: Int, seed: UInt64, step: Double = 5) -> [Double] {
        var g = SeededGenerator(seed: seed)
        var x = 100.0
        return (0..<(days * 24)).map { _ in
            x = max(1, x + Double.random(in: -step...step, using: &g))
            return x
        }
    }

    /// 2026-11-02 00:00 UTC (a Monday), in hours since 1970.
    static let mondayHour = 1_793_577_600 / 3600
}
