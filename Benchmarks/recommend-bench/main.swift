import ArgumentParser
import Foundation
import Insights

/// recommend-bench: a fleet's usage history from a file into recommendations.
///
/// Generates 1,000 containers × 14 days × 1-minute samples (20,160,000 samples) as an SSU1
/// binary samples file (16 bytes a sample, 323 MB; docs/recommend.md) in a temporary
/// directory, then times reading it into VPA-style histograms and recommending every
/// container. Prints time, samples/s and peak memory; never fails on time.
///
///   swift build -c release --product recommend-bench && .build/release/recommend-bench [--containers N] [--days D]
struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend-bench",
        abstract: "A fleet's usage history from an SSU1 samples file into recommendations: time, samples/s and peak memory.")

    @Option(help: "Containers in the generated fleet.")
    var containers = 1000
    @Option(help: "Days of 1-minute samples per container.")
    var days = 14
}
let options = Options.parseOrExit()
let containers = options.containers
let days = options.days

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSMB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) / 1024
}

/// Writes the samples file: a diurnal CPU curve per container with deterministic noise,
/// memory that drifts within a day, and an OOM kill on one container in fifty.
func generate(path: String) throws -> Int {
    guard let file = fopen(path, "wb") else { throw UsageError("cannot create \(path)") }
    defer { fclose(file) }
    let header = UsageBinaryFile.header((0..<containers).map { i in
        .init(name: "team-\(i % 20)/service-\(i)/app", cpuRequestCores: 0.5, memoryRequestBytes: 512 * 1_048_576, memoryLimitBytes: 1024 * 1_048_576)
    })
    _ = header.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(4 << 20)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let start: UInt32 = 1_795_000_000
    var count = 0
    for minute in 0..<(days * 1440) {
        let phase = sin(Double(minute % 1440) / 1440 * 2 * Double.pi)
        for c in 0..<containers {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = Double(state >> 40) / Double(1 << 24)
            let base = 0.05 + Double(c % 10) * 0.04
            let cpu = Float(base * (1 + 0.5 * phase) + 0.03 * noise)
            let memory = Float((150 + Double(c % 7) * 60 + 40 * phase + 10 * noise) * 1_048_576)
            let oom = c % 50 == 0 && minute == days * 1440 - 600
            UsageBinaryFile.appendRecord(container: c, time: start + UInt32(minute * 60), cpuCores: cpu, memoryBytes: memory, oomKilled: oom, to: &buffer)
            count += 1
        }
        if buffer.count >= 4 << 20 {
            _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            buffer.removeAll(keepingCapacity: true)
        }
    }
    _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    return count
}

print("recommend-bench: \(containers) containers × \(days) days × 1-minute samples, SSU1 binary file")
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recommend-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: dir) }
let path = dir + "/usage.ssu"
let generateStart = now()
let written = try generate(path: path)
let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
print(String(format: "  generated %d samples, %.0f MB in %.1f s (not timed below)", written, Double(size) / 1e6, now() - generateStart))
let rssBefore = peakRSSMB()

let readStart = now()
var history = UsageHistory()
let read = try UsageBinaryFile.read(path: path, into: &history)
let readSeconds = now() - readStart

let recommendStart = now()
var changed = 0, bumped = 0
for (name, usage) in history.containers {
    let r = ResourceRecommender.recommend(container: name, usage: usage,
                                          current: .init(cpuRequest: try .init(parsing: "500m"), memoryRequest: try .init(parsing: "512Mi"),
                                                         memoryLimit: try .init(parsing: "1Gi")),
                                          policy: RecommendPolicy())
    if r.changes { changed += 1 }
    if usage.oomKills > 0 { bumped += 1 }
}
let recommendSeconds = now() - recommendStart
let total = readSeconds + recommendSeconds
print(String(format: "  read + fold: %d samples in %.2f s (%.1f M samples/s)", read, readSeconds, Double(read) / readSeconds / 1e6))
print(String(format: "  recommend:   %d containers in %.3f s (%d with changes, %d OOM-bumped)", history.containers.count, recommendSeconds, changed, bumped))
print(String(format: "  total:       %.2f s, %.1f M samples/s   (target: under 10 s)", total, Double(read) / total / 1e6))
print("  peak RSS:    \(peakRSSMB()) MB (\(rssBefore) MB after generating)   (target: under 200 MB)")
