import ArgumentParser
import FaultLab
import Foundation
import Heal

// heal-bench: plays every fault of Tests/HealTests/Faults through the real reconciler and
// heal on the Sandbox in simulated time, and prints per fault class: detection latency (from
// when the cluster first showed the fault, by the finding's own evidence, to the heal run that
// reported it), the action, time to resolve, whether a person was needed, and actions on the
// healthy soak. Detection latency runs from when the fault met its rule (by the objects'
// own times: the restart that crossed the threshold, the OOM kill, the end of a hold time) to
// the heal run that reported it; time to resolve from that run to the run that saw it gone.
// Figures are simulated seconds, exact under the seed; the wall time is printed
// for reference. It never fails on a figure.
//
//   swift build --product heal-bench && .build/debug/heal-bench [folder]   (default Tests/HealTests/Faults)

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heal-bench",
        abstract: "Plays every fault of a fault library through the real reconciler and heal on the Sandbox, and prints figures per fault class.")

    @Argument(help: "The folder of fault specs to play (default: Tests/HealTests/Faults).")
    var folder: String?
}
let options = Options.parseOrExit()
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let folder = options.folder ?? root + "/Tests/HealTests/Faults"
let specs = try FaultSpec.library(folder)
let period = 60.0
print("heal-bench: \(specs.count) faults from \(folder); heal every \(Int(period)) s, reconcile every 300 s (simulated)")
print("")
func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
print([pad("fault", 20), pad("class", 18), pad("detect", 8), pad("≤1 period", 10), pad("action", 18), pad("resolve", 9), pad("no person", 10), "wall"].joined(separator: " "))
var resolvable = 0, resolvedAlone = 0, soakActions = 0
for spec in specs {
    let wall = Date()
    let run = try FaultRun(spec, repositoryRoot: root)
    defer { run.shutdown() }
    let o = try run.play()
    let seconds = Date().timeIntervalSince(wall)
    if spec.expect.faultClass == nil {
        soakActions += o.actionsTaken
        print([pad(spec.name, 20), pad("(healthy)", 18), pad("-", 8), pad("-", 10), pad("\(o.actionsTaken) actions", 18), pad("-", 9), pad("-", 10),
               String(format: "%.1fs", seconds)].joined(separator: " ") + "  (\(spec.minutes) simulated min)")
        continue
    }
    var latency: Double?
    if let detected = o.detectedAt, let since = o.since { latency = detected - since }
    let ttr = zip(o.resolvedAt.map { [$0] } ?? [], o.detectedAt.map { [$0] } ?? []).map { $0 - $1 }.first
    if spec.expect.resolvable {
        resolvable += 1
        if o.resolvedAt != nil && !o.escalated { resolvedAlone += 1 }
    }
    print([pad(spec.name, 20), pad(spec.expect.faultClass!.rawValue, 18), pad(latency.map { "\(Int($0))s" } ?? "missed", 8),
           pad(latency.map { $0 <= period ? "yes" : "no" } ?? "-", 10), pad(o.firstAction ?? "none", 18),
           pad(ttr.map { "\(Int($0))s" } ?? "-", 9), pad(spec.expect.resolvable ? (o.resolvedAt != nil && !o.escalated ? "yes" : "no") : "n/a", 10),
           String(format: "%.1fs", seconds)].joined(separator: " "))
}
print("")
print("resolved without a person: \(resolvedAlone) of \(resolvable) resolvable faults (\(resolvable == 0 ? 0 : 100 * resolvedAlone / resolvable)%); target ≥ 95%")
print("actions on the healthy soak: \(soakActions); target 0")
