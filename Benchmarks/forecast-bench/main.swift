import ArgumentParser
import Forecast
import Foundation
import Reconcile
import Sandbox
import YAML

/// forecast-bench: predictive scaling on the Sandbox. Prints figures; never fails on time.
///
///   swift run -c release forecast-bench [--step 15] [--compare-days 7] [--scenario diurnal|weekly|random-walk]
///
/// For each load scenario (diurnal; diurnal with quiet weekends) the Sandbox runs a backend
/// Deployment under its HPA (min 2, max 12, CPU 70%) for two simulated weeks at high speed
/// (controllers every `--step` simulated seconds). The hourly peak demand the HPA saw
/// (current replicas × current CPU utilization ÷ target) is the forecaster's history: it
/// prints the periodicity test, the backtest MAPE of each method (the last week predicted
/// from the week before) and the windows it proposes. Then the third week is run twice from
/// the same start: the HPA alone, and the HPA with the windows (its minReplicas set to the
/// open window's floor every 5 simulated minutes by `HPASchedule`, as reconcile sets it).
/// For both it prints the time the backend had fewer ready pods than the load needed, and
/// p95 latency by the bench's queue model (each ready pod an M/M/1 queue serving
/// (request − base CPU) ÷ CPU-per-request requests/s: p95 = ln 20 ÷ (μ − λ), 10 s when
/// saturated). A random walk of the same mean closes: the forecaster must refuse it.
/// Prints a line at once (stdout to a file is otherwise flushed only at exit).
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast-bench",
        abstract: "Predictive scaling on the Sandbox: forecasts from two simulated weeks of HPA history, then a third week with and without the proposed windows.")

    /// The load scenarios the bench runs; all of them unless `--scenario` names one.
    enum ScenarioName: String, CaseIterable, ExpressibleByArgument {
        case diurnal, weekly
        case randomWalk = "random-walk"
    }

    @Option(help: "Simulated seconds between controller passes.")
    var step = 15.0
    @Option(name: .customLong("compare-days"), help: "Days of the third week run twice (HPA alone, with windows), from its Monday.")
    var compareDays = 7.0
    @Option(help: "Only this scenario, or all.")
    var scenario: ScenarioName?
}
let options = Options.parseOrExit()
let step = options.step
/// Simulated seconds between the bench's looks at the Deployment and the HPA.
let sample = 60.0
/// Days of the third week run twice (HPA alone, with windows), from its Monday.
let compareDays = options.compareDays
/// Only this scenario (`diurnal`, `weekly`, `random-walk`), or all.
let only = options.scenario?.rawValue

/// 2026-11-02 00:00 UTC, a Monday.
let monday = 1_793_577_600.0
let week = 7 * 86_400.0
let namespace = "bench"
let cpuRequestMillicores = 250.0, cpuBase = 20.0, cpuPerRequest = 2.0, target = 70.0
let minReplicas = 2, maxReplicas = 12
let latencyTarget = 0.25

func scenario(weekendFactor: Double) throws -> Scenario {
    try ScenarioLoader.parse("""
    images:
      - match: "bench/backend:*"
        startup: 20s
        cpu: {baseMillicores: \(cpuBase), perRequestMillicores: \(cpuPerRequest)}
        memory: {baselineMi: 100, perRequestMi: 0}
    traffic:
      - target: backend
        baseRPS: 400
        diurnalAmplitude: 0.6
        peakHour: 14
        weekendFactor: \(weekendFactor)
    """, file: "forecast-bench")
}

func request(_ cluster: Cluster, _ method: String, _ path: String, _ body: Value? = nil, contentType: String = "application/json") throws -> Value {
    let bytes = try body.map { Array(try JSONWriter().string($0).utf8) } ?? []
    guard case .response(let r) = cluster.handle(APIRequest(method: method, target: path, headers: ["content-type": contentType], body: bytes)) else {
        throw ReconcileError("\(method) \(path): a watch, not a response")
    }
    let value = try ValueDecoder.decode(String(decoding: r.body, as: UTF8.self), numbers: .json)
    guard r.status < 300 else { throw ReconcileError("\(method) \(path): \(r.status) \(value["message"]?.string ?? "")") }
    return value
}

func deploy(_ cluster: Cluster) throws {
    let labels: Value = ["app.kubernetes.io/name": "backend"]
    _ = try request(cluster, "POST", "/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(namespace)]])
    _ = try request(cluster, "POST", "/apis/apps/v1/namespaces/\(namespace)/deployments", [
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "backend", "labels": labels],
        "spec": ["replicas": .int(Int64(minReplicas)), "selector": ["matchLabels": labels], "template": [
            "metadata": ["labels": labels],
            "spec": ["containers": [["name": "backend", "image": "bench/backend:1", "resources": ["requests": ["cpu": "250m", "memory": "128Mi"]]]]],
        ]],
    ])
    _ = try request(cluster, "POST", "/apis/autoscaling/v2/namespaces/\(namespace)/horizontalpodautoscalers", [
        "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": ["name": "backend"],
        "spec": ["scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "backend"],
                 "minReplicas": .int(Int64(minReplicas)), "maxReplicas": .int(Int64(maxReplicas)),
                 "metrics": [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": .int(Int64(target))]]]]],
    ])
}

struct Week {
    /// Hourly peak demand in replicas, as the HPA saw it.
    var hourlyPeak: [Double] = []
    var secondsBelowNeed = 0.0
    var secondsOverLatencyTarget = 0.0
    var latencies: [Double] = []
    var seconds = 0.0
    var p95: Double {
        let sorted = latencies.sorted()
        return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
    }
}

/// Runs `weeks` simulated weeks from `start`; with `schedule`, the HPA's minReplicas follows it.
func simulate(_ s: Scenario, start: Double, weeks: Double, schedule: HPASchedule?) throws -> Week {
    let cluster = Cluster(scenario: s, start: start)
    try deploy(cluster)
    var out = Week()
    var hourPeak = 0.0, hourStart = start
    var floorSet = minReplicas
    let capacity = (cpuRequestMillicores - cpuBase) / cpuPerRequest
    let perPodAtTarget = (cpuRequestMillicores * target / 100 - cpuBase) / cpuPerRequest
    var t = start
    while t < start + weeks * week {
        if let schedule, Int(t - start) % 300 < Int(sample) {
            let floor = schedule.floor(at: t, base: minReplicas, max: maxReplicas).minReplicas
            if floor != floorSet {
                _ = try request(cluster, "PATCH", "/apis/autoscaling/v2/namespaces/\(namespace)/horizontalpodautoscalers/backend",
                                ["spec": ["minReplicas": .int(Int64(floor))]], contentType: "application/merge-patch+json")
                floorSet = floor
            }
        }
        // Controllers every `step`; the bench looks every minute (4 passes at 15 s).
        cluster.advance(by: sample, step: step)
        t = cluster.now
        let rate = s.requestRate(for: ["app.kubernetes.io/name": "backend"], at: t, start: start)
        let deployment = try request(cluster, "GET", "/apis/apps/v1/namespaces/\(namespace)/deployments/backend")
        let ready = deployment["status"]?["readyReplicas"]?.intValue ?? 0
        let need = Int((rate / perPodAtTarget - 1e-9).rounded(.up))
        if ready < need { out.secondsBelowNeed += sample }
        let lambda = rate / Double(max(1, ready))
        let latency = ready == 0 || lambda >= capacity ? 10 : min(10, log(20) / (capacity - lambda))
        out.latencies.append(latency)
        if latency > latencyTarget { out.secondsOverLatencyTarget += sample }
        out.seconds += sample
        let hpa = try request(cluster, "GET", "/apis/autoscaling/v2/namespaces/\(namespace)/horizontalpodautoscalers/backend")
        let current = Double(hpa["status"]?["currentReplicas"]?.intValue ?? 0)
        let utilization = Double(hpa["status"]?["currentMetrics"]?.array?.first?["resource"]?["current"]?["averageUtilization"]?.intValue ?? 0)
        hourPeak = max(hourPeak, current * utilization / target)
        if Int(t - start) % 86_400 < Int(sample) { FileHandle.standardError.write(Data("  day \(Int((t - start) / 86_400)) simulated\n".utf8)) }
        if t - hourStart >= 3600 {
            out.hourlyPeak.append(hourPeak)
            hourPeak = 0
            hourStart += 3600
        }
    }
    return out
}

func percent(_ x: Double) -> String { Forecast.percent(x) }
func hours(_ seconds: Double) -> String { String(format: "%.1f h", seconds / 3600) }

func annotation(_ windows: [ScheduleProposal.Window]) -> String {
    "[" + windows.map { #"{"cron":"\#($0.cron)","duration":"\#($0.duration)","minReplicas":\#($0.minReplicas)}"# }.joined(separator: ",") + "]"
}

say("forecast-bench: backend under its HPA (min \(minReplicas), max \(maxReplicas), cpu \(Int(target))%), controllers every \(Int(step)) s")
let wall = Date()
for (name, weekend) in [("diurnal", 1.0), ("weekly", 0.4)] where only == nil || only == name {
    let s = try scenario(weekendFactor: weekend)
    let history = try simulate(s, start: monday, weeks: 2, schedule: nil)
    let forecast = Forecaster().forecast(history.hourlyPeak)
    say("\n[\(name)] two weeks of HPA history: \(history.hourlyPeak.count) hourly peaks")
    say("  periodicity: " + forecast.periodicity.map { "\($0.period)h r=\($0.correlation.map { String(format: "%.3f", $0) } ?? "n/a")" }.joined(separator: ", ")
          + " → periods \(forecast.periods)")
    for b in forecast.backtests { say("  backtest \(b.method): MAPE \(percent(b.mape)) (trained on \(b.trainedHours) h)") }
    guard forecast.canPredict, let mape = forecast.mape else {
        say("  cannot predict: \(forecast.verdict)")
        continue
    }
    say("  chosen: \(forecast.method!) MAPE \(percent(mape))")
    let windows = ScheduleProposal.windows(need: forecast.predicted, startHour: Int((monday + 2 * week) / 3600),
                                           baseMinReplicas: minReplicas, maxReplicas: maxReplicas)
    say("  windows proposed: \(windows.count)" + (windows.isEmpty ? "" : ", e.g. " + windows.prefix(3).map(\.description).joined(separator: "; ")))
    let schedule = try HPASchedule.of(["metadata": ["name": "backend", "annotations": [.init(HPASchedule.annotation): .string(annotation(windows))]]])
    let plain = try simulate(s, start: monday + 2 * week, weeks: compareDays / 7, schedule: nil)
    let scheduled = try simulate(s, start: monday + 2 * week, weeks: compareDays / 7, schedule: schedule)
    say("  week 3 (\(Int(compareDays)) d), HPA alone:      below need \(hours(plain.secondsBelowNeed)) (\(percent(plain.secondsBelowNeed / plain.seconds))), p95 latency \(Int(plain.p95 * 1000)) ms, over \(Int(latencyTarget * 1000)) ms for \(hours(plain.secondsOverLatencyTarget))")
    say("  week 3 (\(Int(compareDays)) d), with schedules: below need \(hours(scheduled.secondsBelowNeed)) (\(percent(scheduled.secondsBelowNeed / scheduled.seconds))), p95 latency \(Int(scheduled.p95 * 1000)) ms, over \(Int(latencyTarget * 1000)) ms for \(hours(scheduled.secondsOverLatencyTarget))")
}

// A random walk of the same mean: no period, so no forecast and no schedule.
var state: UInt64 = 7
var walk: [Double] = []
var x = 5.0
for _ in 0..<(14 * 24) {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    x = max(0.5, x + (Double(z >> 11) / Double(1 << 53) - 0.5))
    walk.append(x)
}
if only == nil || only == "random-walk" {
let refused = Forecaster().forecast(walk)
say("\n[random-walk] \(refused.canPredict ? "PREDICTED (wrong)" : "cannot predict"): \(refused.verdict)")
}
say(String(format: "\nwall time %.1f s", Date().timeIntervalSince(wall)))
