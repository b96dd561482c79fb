import BenchmarkSupport
import Foundation
import LogMining

/// logs-bench: mines a generated multi-source corpus (2,000,000 lines by default, seeded) and
/// prints lines/s, templates found, grouping accuracy against the generator's labels and peak
/// RSS. When Python's drain3 is installed, mines the same lines with drain3's default
/// TemplateMiner and prints its figures and the ratio. Never fails on time.
///
///   swift build -c release --product logs-bench && .build/release/logs-bench [--lines N] [--rounds N] [--no-drain3] [--digest]
///
/// `--digest` also prints a hash of every id, template and token (see `ResultDigest`).
let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int { arguments.firstIndex(of: name).flatMap { Int(arguments[$0 + 1]) } ?? fallback }
let lineCount = option("--lines", 2_000_000)

func now() -> Double { ProcessClock.now() }
func peakRSSMB() -> Int { ProcessClock.peakRSS(RUSAGE_SELF.rawValue) }

var start = now()
let corpus = Corpus(lines: lineCount, seed: 42)
print("corpus: \(lineCount) lines, \(corpus.bytes.count / 1_048_576) MiB, \(Corpus.templates.count) true templates, generated in \(String(format: "%.1f", now() - start)) s")
let rssBefore = peakRSSMB()

// `--rounds N`: mine the corpus N times, each with a new miner, and report the fastest round
// (the machine is shared: one round can be slowed by a neighbour, the best of several is not).
var miner = TemplateMiner()
var ids: [Int] = []
var elapsed = Double.infinity, cpu = Double.infinity
for _ in 0..<max(1, option("--rounds", 1)) {
    miner = TemplateMiner()
    ids.removeAll(keepingCapacity: true)
    ids.reserveCapacity(lineCount)
    let start = now()
    let cpuStart = ProcessClock.threadCPU()
    corpus.bytes.withUnsafeBufferPointer { buffer in
        LogLines.forEach(in: buffer) { ids.append(miner.add($0)) }
    }
    elapsed = min(elapsed, now() - start)
    cpu = min(cpu, ProcessClock.threadCPU() - cpuStart)
}
let ours = Double(lineCount) / elapsed
let resolved = ids.map { miner.resolve($0) }
print(String(format: "shipshape: %.2f s, %.0f lines/s (%.2f s CPU, %.0f lines/s of CPU), %d templates, grouping accuracy %.4f, peak RSS %d MB (%d MB before mining)",
             elapsed, ours, cpu, Double(lineCount) / cpu, miner.templates.count, groupingAccuracy(predicted: resolved, truth: corpus.labels), peakRSSMB(), rssBefore))
print("  \(miner.shapeCacheHits) lines placed by the shape cache without a search")
for t in miner.templates.prefix(40) { print(String(format: "  %8d  %@", t.count, t.text)) }
if arguments.contains("--digest") {
    let digest = corpus.bytes.withUnsafeBufferPointer { ResultDigest.of(miner: miner, ids: ids, lines: $0, randomLines: 300_000) }
    print("digest: \(String(digest, radix: 16)) (ids, state and tokens; must not change with a speed-up)")
}

// drain3, when installed: the same lines through its default TemplateMiner.
guard !arguments.contains("--no-drain3") else { exit(0) }
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logs-bench-\(getpid())")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: dir) }
let input = dir.appendingPathComponent("lines.log"), output = dir.appendingPathComponent("ids.txt"), script = dir.appendingPathComponent("drain3_bench.py")
try Data(corpus.bytes).write(to: input)
try """
    import sys, time, logging
    logging.disable(logging.CRITICAL)
    from drain3 import TemplateMiner
    miner = TemplateMiner()
    ids = []
    start = time.perf_counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            ids.append(miner.add_log_message(line.rstrip("\\n"))["cluster_id"])
    elapsed = time.perf_counter() - start
    with open(sys.argv[2], "w") as out:
        out.write("\\n".join(map(str, ids)))
    print(f"{elapsed} {len(miner.drain.clusters)}")
    """.write(to: script, atomically: true, encoding: .utf8)
let process = Process()
process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
process.arguments = ["python3", script.path, input.path, output.path]
let pipe = Pipe()
process.standardOutput = pipe
try process.run()
let result = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
process.waitUntilExit()
guard process.terminationStatus == 0, let last = result.split(separator: "\n").last else {
    print("drain3: not run (python3 with drain3 failed, exit \(process.terminationStatus); pip install drain3)")
    exit(0)
}
let fields = last.split(separator: " ")
let drainSeconds = Double(fields[0]) ?? .nan, drainClusters = Int(fields[1]) ?? -1
let drainIDs = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map { Int($0) ?? -1 }
let drainRate = Double(lineCount) / drainSeconds
print(String(format: "drain3:    %.2f s, %.0f lines/s, %d clusters, grouping accuracy %.4f", drainSeconds, drainRate, drainClusters,
             groupingAccuracy(predicted: drainIDs, truth: corpus.labels)))
print(String(format: "ratio: shipshape is %.1fx drain3's lines/s", ours / drainRate))
