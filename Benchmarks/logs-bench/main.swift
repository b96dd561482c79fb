import ArgumentParser
import BenchmarkSupport
import Foundation
import LogMining

/// logs-bench: mines generated log corpora and prints lines/s (wall and this thread's CPU),
/// templates found, grouping accuracy against the generator's labels and peak RSS; with
/// Python's drain3 installed, drain3's default TemplateMiner mines the same lines in the same
/// run and its figures print beside Shipshape's. Never fails on time.
///
/// - The six-style corpus (2,000,000 lines by default, seeded): HTTP access, a Java app, klog,
///   JSON, syslog and logfmt, 26 templates. The styles the tokenizer was written for; `--digest`
///   hashes the results on it (see `ResultDigest`).
/// - The all-style corpus (as many lines): those six and the held-out styles
///   (`HeldOutStyles`), as a cluster's many sources give them.
/// - Each style alone (`--style-lines`, 20,000 by default): accuracy by style.
///
///   swift build -c release --product logs-bench && .build/release/logs-bench [--lines N] [--rounds N] [--style-lines N] [--without STYLE,...] [--no-drain3] [--digest]
///   .build/release/logs-bench --print-style NAME [--draws N]
///
/// `--rounds N` mines each mixed corpus N times and reports the fastest round (the machine is
/// shared: one round can be slowed by a neighbour, the best of several is not).
struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs-bench",
        abstract: "Mines generated log corpora and prints lines/s, templates, grouping accuracy and peak RSS, beside drain3's when installed.")

    @Option(help: "Lines in each mixed corpus (the six-style and the all-style one).")
    var lines = 2_000_000
    @Option(help: "Mine each mixed corpus N times and report the fastest round.")
    var rounds = 1
    @Option(name: .customLong("style-lines"), help: "Lines of each style mined alone, for accuracy by style.")
    var styleLines = 20_000
    @Option(help: ArgumentHelp("Styles left out of the all-style corpus and the table, comma-separated.", valueName: "STYLE,..."))
    var without: String?
    @Flag(name: .customLong("no-drain3"), help: "Do not run drain3 beside Shipshape's miner.")
    var noDrain3 = false
    @Flag(help: "Hash the results on the six-style corpus (see ResultDigest).")
    var digest = false
    @Option(name: .customLong("print-style"), help: ArgumentHelp("Print --draws lines of each of the style's templates and stop.", valueName: "NAME"))
    var printStyle: String?
    @Option(help: "Lines drawn of each template with --print-style.")
    var draws = 3
}
let options = Options.parseOrExit()
let lineCount = options.lines
let rounds = max(1, options.rounds)
// `--without a,b`: styles left out of the all-style corpus and the table (to see how much one style moves the figures).
let without = Set(options.without?.split(separator: ",").map(String.init) ?? [])
let allStyles = (Corpus.styles + Corpus.heldOutStyles).filter { !without.contains($0.name) }
// `--print-style NAME`: prints `--draws N` (3) lines of each of the style's templates, drawn
// with `Random(state: 1)` in the templates' order and one fixed timestamp, as
// `index<TAB>line`, and stops: a look at what a generator prints, and lines for a test's table.
if let name = options.printStyle {
    guard let style = allStyles.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("logs-bench: no style \(name); styles: \(allStyles.map(\.name).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    var r = Corpus.Random(state: 1)
    for (n, template) in style.templates.enumerated() {
        for _ in 0..<options.draws { print("\(n)\t\(template(&r, "2024-12-02T10:00:00.123456Z"))") }
    }
    exit(0)
}
var drain3 = options.noDrain3 ? nil : try Drain3Bench()

/// Mines a mixed corpus and prints Shipshape's figures; returns its wall-clock lines/s.
func mineMixed(_ name: String, _ corpus: Corpus, templates: Int, generated seconds: Double) throws -> Double {
    print("\n\(name): \(lineCount) lines, \(corpus.bytes.count / 1_048_576) MiB, \(templates) true templates, generated in \(String(format: "%.1f", seconds)) s")
    // The ids' storage is touched before the memory figure starts, so that what mining adds
    // to the resident set is the miners' own.
    var ids = [Int](repeating: 0, count: lineCount)
    ProcessClock.resetResidentPeak()
    let before = ProcessClock.resident()
    var miner = TemplateMiner()
    var elapsed = Double.infinity, cpu = Double.infinity
    for _ in 0..<rounds {
        miner = TemplateMiner()
        ids.removeAll(keepingCapacity: true)
        let start = ProcessClock.now()
        let cpuStart = ProcessClock.threadCPU()
        corpus.bytes.withUnsafeBufferPointer { buffer in
            LogLines.forEach(in: buffer) { ids.append(miner.add($0)) }
        }
        elapsed = min(elapsed, ProcessClock.now() - start)
        cpu = min(cpu, ProcessClock.threadCPU() - cpuStart)
    }
    let after = ProcessClock.resident()
    let resolved = ids.map { miner.resolve($0) }
    // Peak RSS while mining, above what was resident before (the corpus, its labels and ids).
    let memory = before.flatMap { b in after.map { a in "peak RSS while mining \(a.peak) MB: \(a.peak - b.current) MB above the \(b.current) MB resident before (corpus, labels, ids)" } }
        ?? "peak RSS \(ProcessClock.peakRSS(RUSAGE_SELF.rawValue)) MB (/proc/self/status unreadable: corpus included)"
    print(String(format: "shipshape: %.2f s, %.0f lines/s (%.2f s CPU, %.0f lines/s of CPU), %d templates, grouping accuracy %.4f, %@",
                 elapsed, Double(lineCount) / elapsed, cpu, Double(lineCount) / cpu, miner.templates.count,
                 groupingAccuracy(predicted: resolved, truth: corpus.labels), memory))
    print("  \(miner.shapeCacheHits) lines placed by the shape cache without a search")
    for t in miner.templates.prefix(40) { print(String(format: "  %8d  %@", t.count, t.text)) }
    if options.digest, name == "six styles" {
        let digest = corpus.bytes.withUnsafeBufferPointer { ResultDigest.of(miner: miner, ids: ids, lines: $0, randomLines: 300_000) }
        print("digest: \(String(digest, radix: 16)) (ids, state and tokens; must not change with a speed-up)")
        print("ids: \(String(ResultDigest.of(ids: ids), radix: 16)) (every line's template id; must not change when only how templates print does)")
    }
    return Double(lineCount) / elapsed
}

// The two mixed corpora, one at a time (each is about 250 MiB at 2,000,000 lines).
var start = ProcessClock.now()
var six: Corpus? = Corpus(lines: lineCount, seed: 42)
let sixLabels = six!.labels
let sixRate = try mineMixed("six styles", six!, templates: Corpus.templates.count, generated: ProcessClock.now() - start)
try drain3?.queue(six!.bytes)
six = nil
start = ProcessClock.now()
let mixedName = "\(allStyles.count) styles"
var mixed: Corpus? = Corpus(lines: lineCount, seed: 43, styles: allStyles)
let mixedLabels = mixed!.labels
let mixedRate = try mineMixed(mixedName, mixed!, templates: allStyles.map(\.templates.count).reduce(0, +), generated: ProcessClock.now() - start)
try drain3?.queue(mixed!.bytes)
mixed = nil

// Accuracy by style: each style mined alone, as Loghub evaluates a parser on each system's log.
let styleLines = options.styleLines
let heldOut = Set(Corpus.heldOutStyles.map(\.name))
let styleCorpora = allStyles.enumerated().map { n, style in Corpus(lines: styleLines, seed: 1000 + UInt64(n), styles: [style]) }
let ourStyles = styleCorpora.map { corpus -> (accuracy: Double, templates: Int) in
    let miner = TemplateMiner()
    var ids: [Int] = []
    corpus.bytes.withUnsafeBufferPointer { buffer in LogLines.forEach(in: buffer) { ids.append(miner.add($0)) } }
    return (groupingAccuracy(predicted: ids.map { miner.resolve($0) }, truth: corpus.labels), miner.templates.count)
}
for corpus in styleCorpora { try drain3?.queue(corpus.bytes) }

// drain3, when installed: the same lines through its default TemplateMiner.
var runs: [Drain3Run]? = nil
var drain3Missing = "--no-drain3"
switch try drain3?.run() {
case .success(let done)?: runs = done
case .failure(let why)?: drain3Missing = why.description
case nil: break
}
print("")
for (n, (name, labels, rate)) in [("six styles", sixLabels, sixRate), (mixedName, mixedLabels, mixedRate)].enumerated() {
    guard let run = runs?[n] else { print("drain3 on \(name): not run (\(drain3Missing))"); continue }
    let drainRate = Double(lineCount) / run.seconds
    print(String(format: "drain3 on %@: %.2f s, %.0f lines/s, %d clusters, grouping accuracy %.4f; shipshape is %.1fx drain3's lines/s",
                 name, run.seconds, drainRate, run.clusters, groupingAccuracy(predicted: run.ids, truth: labels), rate / drainRate))
}

print("\ngrouping accuracy by style: \(styleLines) lines of each style mined alone (* held out: a style the tokenizer was not written for; unmarked: the six-style corpus's hand-picked templates)")
print("style            true  shipshape  templates   drain3  clusters")
var ahead = 0, even: [String] = [], behind: [String] = []
for (n, style) in allStyles.enumerated() {
    let mine = ourStyles[n]
    var row = "\(style.name)\(heldOut.contains(style.name) ? " *" : "")".padding(toLength: 16, withPad: " ", startingAt: 0)
    row += String(format: " %4d  %9.4f  %9d", style.templates.count, mine.accuracy, mine.templates)
    if let theirs = runs?[n + 2] {
        let accuracy = groupingAccuracy(predicted: theirs.ids, truth: styleCorpora[n].labels)
        row += String(format: "   %.4f  %8d", accuracy, theirs.clusters)
        if mine.accuracy > accuracy { ahead += 1 } else if mine.accuracy == accuracy { even.append(style.name) } else { behind.append(style.name) }
    }
    print(row)
}
if runs != nil {
    print("shipshape is ahead of drain3 on \(ahead) of \(allStyles.count) styles\(even.isEmpty ? "" : ", even on \(even.count) (\(even.joined(separator: ", ")))")\(behind.isEmpty ? "" : ", behind on \(behind.joined(separator: ", "))")")
}
