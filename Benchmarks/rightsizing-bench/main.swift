import ArgumentParser
import Environment
import FaultLab
import Foundation
import GitStore
import Insights
import KubeClient
import Kubernetes
import Sandbox
import YAML

// rightsizing-bench: right-sizing in closed loop. The chatbot chart with its hand-set values
// (from the seeds) is installed by the real reconciler into a Sandbox over HTTP, in simulated
// time; then for a simulated month, every simulated hour, recommend runs as its CronJob does
// (checkpoint + one metrics sample, render the branch head, plan, commit on
// shipshape/recommendations/dev), the commit is merged into main (fast-forward, as an
// auto-merge would), and reconcile applies main. The load grows 30% over the month, peaks
// daily at 14:00, spikes ×1.5 every lunchtime and ×4 once in week 3. Memory follows load
// (Sandbox: baseline + per-request), and a container whose usage passes its limit is
// OOM-killed. Printed per week: requested CPU and memory (mean over the week's 5-minute
// ticks) against the hand-set baseline, usage p95 and peak, OOM kills, minutes over a CPU
// limit (throttled), failed requests (arriving while no backend or frontend pod was ready),
// and recommendation commits. Exact under the seed; it never fails on a figure.
//
//   rightsizing-bench [days] [--hand-set] [--verbose] [--trace]   (default 28 days)
//
// The closed loop also starts the control in a child process (the same binary with
// --hand-set, on the other core): the same month without recommend, whose weekly requests are
// what the hand-set values cost under the same load (the HPA scales both runs). The realized
// saving is each week's requests in the loop against the same week of the control.

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rightsizing-bench",
        abstract: "Right-sizing in closed loop on the Sandbox: a simulated month of recommend, merge and reconcile against a hand-set control.")

    @Argument(help: "Simulated days.")
    var days = 28
    @Flag(name: .customLong("hand-set"), help: "Run the control: the hand-set values without recommend (started as a child process otherwise).")
    var handSet = false
    @Flag(help: "Print each merged recommendation commit: its subject and changed lines.")
    var verbose = false
    @Flag(help: "Print every hour's pods per component and their mean CPU and memory per pod.")
    var trace = false
}
let options = Options.parseOrExit()
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let days = options.days
let handSet = options.handSet
/// The control, started beside the loop; its stdout carries `control-week N cpu memory` lines.
let control: (process: Process, output: Pipe)? = handSet ? nil : try {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    p.arguments = ["\(days)", "--hand-set"]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    return (p, pipe)
}()
/// --verbose prints each merged recommendation commit: its subject and changed lines.
let verbose = options.verbose
/// --trace prints every hour's pods per component and their mean CPU and memory per pod.
let trace = options.trace
let tick = 300.0
/// The seeds' traffic: the backend at 40 rps and the frontend at 60, as the default scenario has them.
let scenario = "traffic:\n" + [("backend", 40), ("frontend", 60)].map { target, rps in
    """
      - target: \(target)
        baseRPS: \(rps)
        diurnalAmplitude: 0.5
        peakHour: 14
        growth: 0.3
        growthPeriod: 28d
        spikes:
          - {at: 2h10m, duration: 30m, multiplier: 1.5, every: 24h}
          - {at: 389h10m, duration: 20m, multiplier: 4}

    """
}.joined()
let specText = """
    name: rightsizing
    description: a simulated month of recommend → merge → reconcile
    minutes: 1
    scenario: |
    \(scenario.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    """
let specFile = NSTemporaryDirectory() + "rightsizing-\(UUID().uuidString.prefix(8)).yaml"
try specText.write(toFile: specFile, atomically: true, encoding: .utf8)
let spec = try FaultSpec.load(specFile)
try? FileManager.default.removeItem(atPath: specFile)

// The simulation starts Monday 2026-01-05 09:50 (FaultRun.start): spikes are relative to
// it, so the lunchtime spike at +2h10m is 12:00 every day, and the surprise at +389h10m is
// Saturday of week 3 (day 17) at 15:00.
let load = try ScenarioLoader.parse(scenario, file: "rightsizing-bench scenario")
let run = try FaultRun(spec, repositoryRoot: root)
defer { run.shutdown() }
let cluster = run.server.cluster
let api = run.api
let namespace = FaultRun.namespace
let repo = run.work + "/config"
let wall = Date()
setenv("GIT_AUTHOR_NAME", "Shipshape", 1)
setenv("GIT_AUTHOR_EMAIL", "shipshape@example.com", 1)
setenv("GIT_COMMITTER_NAME", "Shipshape", 1)
setenv("GIT_COMMITTER_EMAIL", "shipshape@example.com", 1)
_ = try run.reconcile()

@MainActor func git(_ arguments: [String]) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["git"] + arguments
    p.currentDirectoryURL = URL(fileURLWithPath: repo)
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw UsageError("git \(arguments.joined(separator: " ")) failed in \(repo)") }
}

/// `git` in the repository, its standard output.
@MainActor func gitOutput(_ arguments: [String]) throws -> String {
    let p = Process(), pipe = Pipe()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["git"] + arguments
    p.currentDirectoryURL = URL(fileURLWithPath: repo)
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// One recommend run as the hourly CronJob does it; returns whether it committed and merged.
@MainActor func recommendAndMerge() throws -> Bool {
    let now = cluster.now
    let stamp = "@\(Int(now)) +0000"
    setenv("GIT_AUTHOR_DATE", stamp, 1)
    setenv("GIT_COMMITTER_DATE", stamp, 1)
    let source = try RevisionSource(location: repo, branch: "main", base: repo, cacheDirectory: run.work + "/cache")
    let head = try source.head()
    let tree = RevisionTree(try source.snapshot(head))
    let policyFile = "policies/recommend.yaml"
    let policy = try tree.string(at: policyFile).map { try RecommendPolicy(yaml: $0, file: policyFile) } ?? RecommendPolicy()
    var session = RecommendSession(environment: run.environment, tree: tree, policy: policy)
    try session.sampleCluster(api: api)
    let plan = try session.plan(sinceLastRecommendation: RecommendSession.sinceLastRecommendation(in: source.repository, revision: head.hex, now: now))
    guard let commit = plan.commit else { return false }
    let outcome = try commit.commit(in: source.repository, base: head.hex)
    guard outcome.commit.commit != nil else { return false }
    try git(["merge", "-q", "--ff-only", RecommendationCommit.branch(environment: "dev")])
    if verbose { print("  day \(String(format: "%.2f", (now - FaultRun.start) / 86400)): \(try gitOutput(["show", "--format=%s", "-U0", "HEAD"]).split(separator: "\n").filter { !$0.hasPrefix("@@") && !$0.hasPrefix("diff") && !$0.hasPrefix("index") && !$0.hasPrefix("---") && !$0.hasPrefix("+++") }.joined(separator: " | "))") }
    return true
}

/// What one 5-minute tick saw.
struct Tick {
    var cpuRequested = 0.0, memoryRequested = 0.0
    var usage: [(cpu: Double, memory: Double)] = []
    var throttled = 0
    /// Per component: running pods, and their summed CPU and memory usage.
    var pods: [String: (count: Int, cpu: Double, memory: Double)] = [:]
}

func quantity(_ v: Value?) -> Double { v?.string.flatMap { try? Quantity(parsing: $0) }?.doubleValue ?? 0 }

/// Restarts seen per pod: a rise whose last termination was OOMKilled counts as kills.
var restartsSeen: [String: Int] = [:]
@MainActor func observe() throws -> (Tick, oomKills: Int, unready: [String]) {
    var t = Tick()
    var kills = 0
    var ready: [String: Int] = ["backend": 0, "frontend": 0]
    let pods = try api.list(try api.resource(apiVersion: "v1", kind: "Pod"), namespace: namespace)
    var limits: [String: (cpu: Double, memory: Double)] = [:]
    for pod in pods where pod[path: ["metadata", "deletionTimestamp"]] == nil {
        guard let name = pod[path: ["metadata", "name"]]?.string, let component = ["backend", "frontend"].first(where: { name.hasPrefix($0 + "-") }) else { continue }
        guard pod[path: ["status", "phase"]]?.string == "Running" else { continue }
        for c in pod[path: ["spec", "containers"]]?.array ?? [] {
            t.cpuRequested += quantity(c[path: ["resources", "requests", "cpu"]])
            t.memoryRequested += quantity(c[path: ["resources", "requests", "memory"]])
            limits[name] = (quantity(c[path: ["resources", "limits", "cpu"]]), quantity(c[path: ["resources", "limits", "memory"]]))
        }
        for s in pod[path: ["status", "containerStatuses"]]?.array ?? [] {
            let key = "\(name)/\(s["name"]?.string ?? "")"
            let restarts = s["restartCount"]?.intValue ?? 0
            if restarts > restartsSeen[key] ?? 0, s[path: ["lastState", "terminated", "reason"]]?.string == "OOMKilled" {
                kills += restarts - (restartsSeen[key] ?? 0)
            }
            restartsSeen[key] = restarts
        }
        if (pod[path: ["status", "conditions"]]?.array ?? []).contains(where: { $0["type"]?.string == "Ready" && $0["status"]?.string == "True" }) {
            ready[component, default: 0] += 1
        }
    }
    for item in try api.podMetrics(namespace: namespace) {
        guard let name = item[path: ["metadata", "name"]]?.string, let limit = limits[name] else { continue }
        for c in item["containers"]?.array ?? [] {
            let cpu = quantity(c[path: ["usage", "cpu"]]), memory = quantity(c[path: ["usage", "memory"]])
            t.usage.append((cpu, memory))
            if let component = ["backend", "frontend"].first(where: { name.hasPrefix($0 + "-") }) {
                let p = t.pods[component] ?? (0, 0, 0)
                t.pods[component] = (p.count + 1, p.cpu + cpu, p.memory + memory)
            }
            if limit.cpu > 0, cpu > limit.cpu { t.throttled += 1 }
        }
    }
    return (t, kills, ready.filter { $0.value == 0 }.map(\.key).sorted())
}

func p95(_ xs: [Double]) -> Double {
    guard !xs.isEmpty else { return 0 }
    let s = xs.sorted()
    return s[min(s.count - 1, Int((Double(s.count) * 0.95).rounded(.up)) - 1)]
}
func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

print(handSet ? "rightsizing-bench --hand-set: \(days) simulated days of the hand-set values, no recommend (the control)"
      : "rightsizing-bench: \(days) simulated days, recommend hourly, every commit merged, reconcile after each merge; 5-minute observation ticks")
print("load: backend 40 rps / frontend 60 rps base, diurnal ±50% peaking 14:00, +30% over 28 days, ×1.5 lunchtime 12:00–12:30, ×4 surprise day 17 15:00–15:20")
print("")
print([pad("week", 4), pad("CPU req", 8), pad("vs base", 8), pad("mem req", 9), pad("vs base", 8), pad("CPU p95", 8), pad("CPU max", 8),
       pad("mem p95", 8), pad("mem max", 8), pad("OOM", 4), pad("thrott", 7), pad("failed", 7), pad("commits", 8)].joined(separator: " "))
var baseline: (cpu: Double, memory: Double)?
var totals = (oom: 0, commits: 0, failed: 0.0)
var last: (cpu: Double, memory: Double) = (0, 0)
var weekly: [(cpu: Double, memory: Double)] = []
for week in 0..<((days + 6) / 7) {
    var ticks: [Tick] = []
    var oom = 0, commits = 0
    var failed = 0.0
    let hours = min(7, days - week * 7) * 24
    for hour in 0..<hours {
        for _ in 0..<Int(3600 / tick) {
            cluster.advance(by: tick, step: 15)
            let (t, kills, unready) = try observe()
            ticks.append(t)
            oom += kills
            for target in unready {
                let rate = load.requestRate(for: ["app.kubernetes.io/component": target], at: cluster.now, start: FaultRun.start)
                failed += rate * tick
            }
        }
        if trace {
            let last12 = ticks.suffix(12)
            let line = ["backend", "frontend"].map { c -> String in
                let n = last12.map { Double($0.pods[c]?.count ?? 0) }.reduce(0, +) / Double(last12.count)
                let cpu = last12.map { $0.pods[c].map { $0.cpu / Double(max(1, $0.count)) } ?? 0 }.reduce(0, +) / Double(last12.count)
                let mem = last12.map { $0.pods[c].map { $0.memory / Double(max(1, $0.count)) } ?? 0 }.reduce(0, +) / Double(last12.count)
                return String(format: "%@ %.1f pods %.0fm %.0fMi", c, n, cpu * 1000, mem / 1_048_576)
            }.joined(separator: "  ")
            print("  day \(week * 7 + hour / 24) \(String(format: "%02d", (hour + 10) % 24)):00  \(line)")
        }
        if baseline == nil, week == 0, hour == 0 { baseline = (ticks.map(\.cpuRequested).reduce(0, +) / Double(ticks.count), ticks.map(\.memoryRequested).reduce(0, +) / Double(ticks.count)) }
        // The reconcile CronJob applies main; between merges it has nothing to do.
        if !handSet, try recommendAndMerge() {
            commits += 1
            _ = try run.reconcile()
        }
    }
    let cpuReq = ticks.map(\.cpuRequested).reduce(0, +) / Double(ticks.count)
    let memReq = ticks.map(\.memoryRequested).reduce(0, +) / Double(ticks.count)
    last = (cpuReq, memReq)
    weekly.append((cpuReq, memReq))
    if handSet { print("control-week \(week + 1) \(cpuReq) \(memReq)") }
    let cpus = ticks.flatMap { $0.usage.map(\.cpu) }, mems = ticks.flatMap { $0.usage.map(\.memory) }
    let b = baseline!
    totals.oom += oom
    totals.commits += commits
    totals.failed += failed
    print([pad("\(week + 1)", 4), pad("\(Int((cpuReq * 1000).rounded()))m", 8), pad(String(format: "%+.0f%%", (cpuReq / b.cpu - 1) * 100), 8),
           pad("\(Int((memReq / 1_048_576).rounded()))Mi", 9), pad(String(format: "%+.0f%%", (memReq / b.memory - 1) * 100), 8),
           pad("\(Int((p95(cpus) * 1000).rounded()))m", 8), pad("\(Int(((cpus.max() ?? 0) * 1000).rounded()))m", 8),
           pad("\(Int((p95(mems) / 1_048_576).rounded()))Mi", 8), pad("\(Int(((mems.max() ?? 0) / 1_048_576).rounded()))Mi", 8),
           pad("\(oom)", 4), pad("\(ticks.map(\.throttled).reduce(0, +) * Int(tick / 60))m", 7), pad("\(Int(failed))", 7), pad("\(commits)", 8)].joined(separator: " "))
}
let b = baseline!
print("")
print("baseline (hand-set, first hour): CPU \(Int((b.cpu * 1000).rounded()))m, memory \(Int((b.memory / 1_048_576).rounded()))Mi requested across the backend and frontend pods")
print(String(format: "last week against the first hour: CPU %+.0f%%, memory %+.0f%% (the load grew); OOM kills %d (target 0); failed requests %d; recommendation commits %d",
             (last.cpu / b.cpu - 1) * 100, (last.memory / b.memory - 1) * 100, totals.oom, Int(totals.failed), totals.commits))
if let control {
    let text = String(decoding: control.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    control.process.waitUntilExit()
    let rows = text.split(separator: "\n").filter { $0.hasPrefix("control-week ") }.map { $0.split(separator: " ").dropFirst(2).compactMap { Double($0) } }
    guard control.process.terminationStatus == 0, rows.count == weekly.count, rows.allSatisfy({ $0.count == 2 && $0[0] > 0 && $0[1] > 0 }) else {
        print("the control failed (exit \(control.process.terminationStatus), \(rows.count) of \(weekly.count) weeks): no realized saving to print")
        exit(1)
    }
    print("")
    print("realized saving: the loop's requests against the control's (hand-set values, same load, same HPAs)")
    print([pad("week", 4), pad("CPU loop / control", 20), pad("saved", 7), pad("mem loop / control", 22), pad("saved", 7)].joined(separator: " "))
    var sums = (loop: (0.0, 0.0), control: (0.0, 0.0))
    for (i, row) in rows.enumerated() where row.count == 2 && i < weekly.count {
        let w = weekly[i]
        sums.loop.0 += w.cpu; sums.loop.1 += w.memory; sums.control.0 += row[0]; sums.control.1 += row[1]
        print([pad("\(i + 1)", 4), pad("\(Int((w.cpu * 1000).rounded()))m / \(Int((row[0] * 1000).rounded()))m", 20),
               pad(String(format: "%.1f%%", (1 - w.cpu / row[0]) * 100), 7),
               pad("\(Int((w.memory / 1_048_576).rounded()))Mi / \(Int((row[1] / 1_048_576).rounded()))Mi", 22),
               pad(String(format: "%.1f%%", (1 - w.memory / row[1]) * 100), 7)].joined(separator: " "))
    }
    print(String(format: "over the %d days: CPU %.1f%% freed, memory %.1f%% freed (target ≥ 20%% each) with %d OOM kills and %d failed requests (target 0)",
                 days, (1 - sums.loop.0 / sums.control.0) * 100, (1 - sums.loop.1 / sums.control.1) * 100, totals.oom, Int(totals.failed)))
}
print(String(format: "wall: %.1f s", Date().timeIntervalSince(wall)))
