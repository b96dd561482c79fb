import ArgumentParser
import BenchmarkSupport
import Charts
import Foundation
import Policies
import Templates
import YAML

/// check-bench: `shipshape check` over a 4,000-document render (render-bench's generated
/// 1,000-service chart) against policies/guardrails.yaml. Prints the policy evaluation alone
/// (target under 200 ms), decoding, render + check, the whole process, and peak RSS. Never
/// fails on time.
///
///   swift build -c release --product check-bench --product shipshape
///   .build/release/check-bench [--services N] [--per-rule]
struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-bench",
        abstract: "shipshape check over a 4,000-document render against policies/guardrails.yaml; prints figures, never fails on time.")

    @Option(help: "Services in the generated chart (4 documents each).")
    var services = 1000
    @Flag(name: .customLong("per-rule"), help: "Also time each rule on its own and print the 8 slowest.")
    var perRule = false
}
let options = Options.parseOrExit()
let services = options.services
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let policyFile = root + "/policies/guardrails.yaml"
let policies = try PolicySet(yaml: String(contentsOfFile: policyFile, encoding: .utf8), file: "policies/guardrails.yaml")

print("check-bench")
let fleet = FileManager.default.temporaryDirectory.appendingPathComponent("check-bench-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: fleet) }
try GeneratedChart.write(services: services, to: fleet)

/// Best of `runs`, in seconds, and the last result.
func best<T>(_ runs: Int, _ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
    var fastest = Double.infinity
    var last: T?
    for _ in 0..<runs {
        let start = ProcessClock.now()
        last = try body()
        fastest = min(fastest, ProcessClock.now() - start)
    }
    return (fastest, last!)
}

func render() throws -> [String: String] {
    let chart = try ChartLoader.load(directory: fleet)
    var options = RenderOptions()
    options.functions = SprigCore.functions
    return try ChartRenderer.render(chart, options: options).texts
}

func decode(_ rendered: [String: String]) throws -> [CheckedObject] {
    try rendered.keys.sorted().flatMap { try CheckedObject.decodeAll(rendered[$0]!, file: $0) }
}

let engine = PolicyEngine(policies: policies)
let rendering = try best(3, render)
let decoding = try best(3) { try decode(rendering.result) }
let objects = decoding.result
let checking = best(10) { engine.check(objects, environment: "prod") }
let report = checking.result
let together = try best(3) { engine.check(try decode(try render()), environment: "prod") }

print("  \(objects.count) documents from a \(services)-service chart, \(policies.rules.count) rules (environment prod): \(report.findings.count) findings (\(report.errors) errors)")
print(String(format: "  check (policy evaluation):      %7.1f ms  (best of 10; target under 200 ms)", checking.seconds * 1000))
print(String(format: "  decode rendered YAML to values: %7.1f ms  (best of 3)", decoding.seconds * 1000))
print(String(format: "  render (load + template):       %7.1f ms  (best of 3)", rendering.seconds * 1000))
print(String(format: "  render + decode + check:        %7.1f ms  (best of 3)", together.seconds * 1000))
if options.perRule {
    // Where the time goes: each rule on its own, slowest first.
    let perRule = policies.rules.map { rule in
        (rule.id, best(3) { PolicyEngine(policies: PolicySet(rules: [rule])).check(objects, environment: "prod") }.seconds)
    }
    for (id, seconds) in perRule.sorted(by: { $0.1 > $1.1 }).prefix(8) {
        print(String(format: "    %-32@ %7.1f ms", id as NSString, seconds * 1000))
    }
}
print("  peak RSS of this process: \(ProcessClock.peakRSS(RUSAGE_SELF.rawValue)) MB")

// The whole process, as CI runs it (exit status 1: the generated chart has findings).
let binary = root + "/.build/release/shipshape"
if FileManager.default.isExecutableFile(atPath: binary),
   let whole = ProcessClock.bestProcessTime(binary, ["check", fleet, "--env", "prod", "--policies", policyFile], runs: 3) {
    print(String(format: "  shipshape check (whole process, render included): %.1f ms (best of 3); peak RSS %d MB",
                 whole * 1000, ProcessClock.peakRSS(RUSAGE_CHILDREN.rawValue)))
} else {
    print("  whole-process figure skipped: build .build/release/shipshape first (swift build -c release --product shipshape)")
}
