import Forecast
import Foundation

/// Scaling windows for an HPA from its workload's hourly history (docs/forecast.md): the
/// replicas each hour needed (mean CPU over the per-pod CPU at the HPA's target, as
/// `HPARecommender` counts them; hours the HPA sat at maxReplicas are counted as at least
/// maxReplicas, since the need it could not meet is hidden), forecast for the next week, and
/// proposed only when the forecast's backtest MAPE is within the policy's bound.
public enum ScheduleRecommender {
    /// Hours of history before windows are considered: a week held out and a day before it.
    public static let minHours = 8 * 24

    public struct Recommendation: Sendable, Equatable {
        public var forecast: Forecast?
        /// Empty when nothing is proposed (see `notes`).
        public var windows: [ScheduleProposal.Window]
        public var notes: [String]
        /// Hours the workload ran at the HPA's maxReplicas.
        public var hoursAtMax: Int

        /// The backtest in words, for the commit body: `forecast holt-winters(168h), backtest
        /// MAPE 3.5% on the last 168 h of 2.0 weeks of history`.
        public var summary: String? {
            guard let f = forecast, let method = f.method, let mape = f.mape, let b = f.backtests.first(where: { $0.method == method }) else { return nil }
            return "forecast \(method), backtest MAPE \(Forecast.percent(mape)) on the last \(b.hours) h of \(String(format: "%.1f", Double(b.trainedHours + b.hours) / 168)) weeks of history"
        }

        /// The `Shipshape-Evidence` trailer value for the backtest.
        public var evidence: String? {
            guard let f = forecast, let method = f.method, let mape = f.mape, let b = f.backtests.first(where: { $0.method == method }) else { return nil }
            return "forecast method=\(method) mape=\(String(format: "%.4f", mape)) history-weeks=\(String(format: "%.1f", Double(b.trainedHours + b.hours) / 168)) "
                + "backtest-hours=\(b.hours) trained-hours=\(b.trainedHours) periods=\(f.periods.map(String.init).joined(separator: ",")) hours-at-max=\(hoursAtMax)"
        }
    }

    /// The windows as the values file holds them: `[{cron: "0 7 * * 1-5", duration: 11h, minReplicas: 6}]`.
    public static func text(_ windows: [ScheduleProposal.Window]) -> String {
        "[" + windows.map { "{cron: \"\($0.cron)\", duration: \($0.duration), minReplicas: \($0.minReplicas)}" }.joined(separator: ", ") + "]"
    }

    public static func recommend(hours: [Int: ContainerUsage.Hour], cpuRequestCores: Double, current: HPARecommender.Current,
                                 policy: RecommendPolicy) -> Recommendation {
        var out = Recommendation(forecast: nil, windows: [], notes: [], hoursAtMax: 0)
        let perPod = cpuRequestCores * Double(current.targetCPUUtilization) / 100
        guard perPod > 0, let first = hours.keys.min(), let last = hours.keys.max() else {
            out.notes.append("no hourly history for a forecast")
            return out
        }
        // One value per hour from the first to the last; an hour without samples repeats the one before.
        var series: [Double] = []
        var previous = 0.0
        for h in first...last {
            if let hour = hours[h], hour.instants > 0 {
                var need = hour.meanCPU / perPod
                if hour.replicas >= current.maxReplicas {
                    out.hoursAtMax += 1
                    need = max(need, Double(current.maxReplicas))
                }
                previous = need
            }
            series.append(previous)
        }
        let forecast = Forecaster().forecast(series)
        out.forecast = forecast
        if out.hoursAtMax > 0 {
            out.notes.append("the HPA ran at maxReplicas (\(current.maxReplicas)) for \(out.hoursAtMax) h: the need above it is not seen")
        }
        guard forecast.canPredict, let mape = forecast.mape else {
            if case .cannotPredict(let why) = forecast.verdict { out.notes.append("no schedule: cannot predict (\(why))") }
            return out
        }
        guard mape <= policy.scheduleMaxMAPE else {
            out.notes.append("no schedule: the forecast's backtest MAPE \(Forecast.percent(mape)) (\(forecast.method!)) is above the bound of \(Forecast.percent(policy.scheduleMaxMAPE))")
            return out
        }
        out.windows = ScheduleProposal.windows(need: forecast.predicted, startHour: last + 1,
                                               baseMinReplicas: current.minReplicas, maxReplicas: current.maxReplicas)
        out.notes.append("forecast \(forecast.method!): backtest MAPE \(Forecast.percent(mape)) over the last \(forecast.backtests.first?.hours ?? 0) h; \(out.windows.count) window(s)")
        return out
    }
}
