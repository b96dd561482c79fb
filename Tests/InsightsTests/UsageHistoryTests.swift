import Foundation
import Kubernetes
import XCTest
import YAML
@testable import Insights

/// Checkpoints, sample files and the per-hour load behind HPA bounds.
final class UsageHistoryTests: XCTestCase {
    private let mi = 1_048_576.0
    private let start = 1_795_000_000.0

    private func sample(_ minute: Int, pod: Int = 0, cpu: Double = 0.25, memory: Double = 268_435_456, oom: Bool = false) -> UsageSample {
        UsageSample(container: "ns/web/app", time: start + Double(minute) * 60, pod: "web-\(pod)", cpuCores: cpu, memoryBytes: memory,
                    cpuRequestCores: 0.5, memoryRequestBytes: 512 * mi, memoryLimitBytes: 512 * mi, oomKilled: oom)
    }

    func testCheckpointRoundTripsAndKeepsAccumulating() throws {
        var history = UsageHistory()
        history.add((0..<3000).map { sample($0, pod: $0 % 2, cpu: Double($0 % 7) / 10, memory: Double(200 + $0 % 50) * mi, oom: $0 == 1500) })
        history.containers["ns/web/app"]!.addStartup(seconds: 12)
        let cm = try UsageCheckpoint.configMap(name: "shipshape-usage-dev", namespace: "ns", history: history)
        XCTAssertEqual(cm["data"]?.object?.keys.map { $0 }, ["ns.web.app"])
        // Through the text a ConfigMap stores.
        let text = try JSONWriter().string(cm)
        let restored = try UsageCheckpoint.history(fromConfigMap: try JSONParser().parse(text))
        XCTAssertEqual(restored, history)
        XCTAssertLessThan(text.utf8.count, 20_000, "compact: only non-empty buckets and hours")
        // The next run continues where the last stopped: same state as never stopping.
        var continued = restored, uninterrupted = history
        let more = (3000..<4000).map { sample($0, pod: $0 % 2) }
        continued.add(more)
        uninterrupted.add(more)
        XCTAssertEqual(continued, uninterrupted)
    }

    func testContainersGoneForAFortnightAreDropped() {
        var history = UsageHistory()
        history.add([UsageSample(container: "ns/old/app", time: start, cpuCores: 0.1),
                     UsageSample(container: "ns/web/app", time: start + 14 * 86400, cpuCores: 0.1),
                     UsageSample(container: "ns/new/app", time: start + 14 * 86400 + 1, cpuCores: 0.1)])
        history.dropStale()
        XCTAssertEqual(history.containers.keys.sorted(), ["ns/new/app", "ns/web/app"])
    }

    func testACheckpointOfAnotherVersionSaysWhatToDo() {
        XCTAssertThrowsError(try UsageCheckpoint.decode(["version": 9], place: "ConfigMap ns/shipshape-usage-dev key ns.web.app")) { error in
            XCTAssertEqual("\(error)", "ConfigMap ns/shipshape-usage-dev key ns.web.app: checkpoint version 9 is not 1; delete the key to start over")
        }
    }

    func testBinaryFileFoldsLikeCSV() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("usage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "time,namespace,workload,container,pod,cpu,memory,cpu_request,memory_request,memory_limit,oom\n"
        var binary = UsageBinaryFile.header([.init(name: "ns/web/app", cpuRequestCores: 0.5, memoryRequestBytes: 512 * mi, memoryLimitBytes: 512 * mi)])
        for m in 0..<2000 {
            let cpu = Double(m % 8) / 8, memory = Double(256 + m % 16) * mi, oom = m == 900
            for pod in 0..<2 {
                csv += "\(Int(start) + m * 60),ns,web,app,web-\(pod),\(cpu),\(Int(memory)),0.5,\(Int(512 * mi)),\(Int(512 * mi)),\(oom && pod == 0)\n"
                UsageBinaryFile.appendRecord(container: 0, time: UInt32(Int(start) + m * 60), cpuCores: Float(cpu), memoryBytes: Float(memory),
                                             oomKilled: oom && pod == 0, to: &binary)
            }
        }
        try csv.write(to: dir.appendingPathComponent("u.csv"), atomically: true, encoding: .utf8)
        try Data(binary).write(to: dir.appendingPathComponent("u.ssu"))
        var fromCSV = UsageHistory(), fromBinary = UsageHistory()
        try UsageFile.load(path: dir.appendingPathComponent("u.csv").path, into: &fromCSV)
        try UsageFile.load(path: dir.appendingPathComponent("u.ssu").path, into: &fromBinary)
        XCTAssertEqual(fromBinary, fromCSV)
        XCTAssertEqual(fromCSV.containers["ns/web/app"]?.samples, 4000)
        XCTAssertEqual(fromCSV.containers["ns/web/app"]?.oomKills, 1)
        XCTAssertEqual(fromCSV.containers["ns/web/app"]?.hours.values.map(\.replicas).max(), 2)
        // A truncated record is an error naming the file.
        try Data(binary.dropLast(3)).write(to: dir.appendingPathComponent("cut.ssu"))
        var cut = UsageHistory()
        XCTAssertThrowsError(try UsageFile.load(path: dir.appendingPathComponent("cut.ssu").path, into: &cut)) { error in
            XCTAssertTrue("\(error)".hasSuffix("cut.ssu: the file ends inside a record (13 of 16 bytes)"), "\(error)")
        }
    }

    func testHourlySamplingCountsAsTheWholeWeek() {
        var u = ContainerUsage()
        for h in 0...(7 * 24) { u.add(sample(h * 60)) }
        XCTAssertEqual(u.confidenceDays, 7, accuracy: 1e-9)
        var burst = ContainerUsage()
        for s in 0..<100 { burst.add(UsageSample(container: "c", time: start + Double(s), cpuCores: 0.1, memoryBytes: 1e8)) }
        XCTAssertEqual(burst.confidenceDays, 99 / 86400, accuracy: 1e-12, "100 samples a second apart are 99 seconds of history")
    }

    func testOOMKillIsBumpedFromTheLimit() {
        var u = ContainerUsage()
        u.add(sample(0, memory: 100 * mi, oom: true))
        // Killed at the 512Mi limit: max(512Mi + 100Mi, 512Mi × 1.2) = 614.4Mi.
        XCTAssertEqual(u.maxOOMBumped, 512 * mi * 1.2)
        XCTAssertEqual(ContainerUsage.bumped(300 * mi), 400 * mi, "+100Mi beats ×1.2 below 500Mi")
    }
}

/// HPA bounds and probe advice from synthetic histories with known answers.
final class HPAAndProbeRecommenderTests: XCTestCase {
    func testHPABoundsFollowTheQuietestAndBusiestHours() {
        // A day of hourly means from 0.2 to 2.5 cores (0.1 per hour); pods request 0.5 at 70%,
        // so each pod carries 0.35 cores.
        var hours: [Int: ContainerUsage.Hour] = [:]
        for h in 0..<24 { hours[1000 + h] = .init(replicas: 3, cpuSum: (0.2 + 0.1 * Double(h)) * 60, instants: 60) }
        let r = HPARecommender.recommend(hours: hours, cpuRequestCores: 0.5, current: .init(minReplicas: 2, maxReplicas: 20, targetCPUUtilization: 70),
                                         policy: RecommendPolicy())
        XCTAssertEqual(r.lowestNeed, 1, "0.2 / 0.35 → 1")
        XCTAssertEqual(r.peakNeed, 8, "2.5 / 0.35 = 7.14 → 8")
        XCTAssertNil(r.minReplicas, "the floor of 2 is already the minimum")
        XCTAssertEqual(r.maxReplicas, 12, "8 × 1.5")
        let short = HPARecommender.recommend(hours: hours.filter { $0.key < 1010 }, cpuRequestCores: 0.5,
                                             current: .init(minReplicas: 2, maxReplicas: 20, targetCPUUtilization: 70), policy: RecommendPolicy())
        XCTAssertFalse(short.changes)
        XCTAssertEqual(short.notes, ["too little history for HPA bounds: 10 h of 24 h; needs 14 h more"])
    }

    func testMinReplicasComesDownToTheQuietestHourButNeverGoesUp() {
        // Every hour carries 1.2 to 1.5 cores; pods request 0.5 at 70% (0.35 each), so the
        // quietest hour needs ⌈1.2 / 0.35⌉ = 4 replicas and the busiest ⌈1.5 / 0.35⌉ = 5.
        var hours: [Int: ContainerUsage.Hour] = [:]
        for h in 0..<24 { hours[2000 + h] = .init(replicas: 4, cpuSum: (1.2 + 0.3 * Double(h % 2)) * 60, instants: 60) }
        let from2 = HPARecommender.recommend(hours: hours, cpuRequestCores: 0.5, current: .init(minReplicas: 2, maxReplicas: 20, targetCPUUtilization: 70),
                                             policy: RecommendPolicy())
        XCTAssertEqual(from2.lowestNeed, 4)
        XCTAssertNil(from2.minReplicas, "the HPA adds replicas as the load needs them: a floor of 4 would only hold pods through quieter minutes")
        XCTAssertEqual(from2.maxReplicas, 8, "5 × 1.5 = 7.5 → 8")
        let from6 = HPARecommender.recommend(hours: hours, cpuRequestCores: 0.5, current: .init(minReplicas: 6, maxReplicas: 20, targetCPUUtilization: 70),
                                             policy: RecommendPolicy())
        XCTAssertEqual(from6.minReplicas, 4, "a floor above the quietest hour's need comes down to it")
    }

    func testStartupBudgetCoversOneAndAHalfTimesP99() throws {
        let startups = (1...100).map(Double.init)  // p99 = 99 s → budget ≥ 148.5 s
        let startup: Value = ["httpGet": ["path": "/health", "port": 8000], "periodSeconds": 5, "failureThreshold": 10]
        let findings = ProbeRecommender.recommend(startupSeconds: startups, startup: startup, liveness: nil, readiness: nil, policy: RecommendPolicy())
        XCTAssertEqual(findings.first?.field, "startupProbe.failureThreshold")
        XCTAssertEqual(findings.first?.current, 10)
        XCTAssertEqual(findings.first?.recommended, 30, "30 × 5 s = 150 s ≥ 148.5 s")
        // Enough budget: nothing.
        let enough: Value = ["httpGet": ["path": "/health", "port": 8000], "periodSeconds": 5, "failureThreshold": 30]
        XCTAssertEqual(ProbeRecommender.recommend(startupSeconds: startups, startup: enough, liveness: nil, readiness: nil, policy: RecommendPolicy()), [])
    }

    func testLivenessBeforeStartupAndIdenticalProbesAreFlagged() {
        let probe: Value = ["httpGet": ["path": "/health", "port": 8000], "periodSeconds": 10, "failureThreshold": 3]
        let findings = ProbeRecommender.recommend(startupSeconds: [20, 25, 40], startup: nil, liveness: probe, readiness: probe, policy: RecommendPolicy())
        XCTAssertEqual(findings.map(\.message), [
            "liveness and readiness probes are identical: a slow dependency would restart pods instead of only taking them out of service",
            "liveness can fail a pod 30 s after start, before 1.5× the p99 start-to-ready of 40 s: add a startupProbe so liveness takes over only after startup",
        ])
        XCTAssertTrue(findings.allSatisfy { $0.field == nil })
    }

    func testCooldownHoldsAStepBack() {
        var usage = ContainerUsage()
        for i in 0..<(3 * 1440) { usage.add(UsageSample(container: "c", time: Double(i) * 60, cpuCores: 0.05, memoryBytes: 1e8, cpuRequestCores: 0.5)) }
        let current = ResourceRecommender.Current(cpuRequest: try! Quantity(parsing: "500m"))
        let held = ResourceRecommender.recommend(container: "c", usage: usage, current: current, policy: RecommendPolicy(), sinceLastRecommendation: 6 * 3600)
        XCTAssertFalse(held.changes)
        XCTAssertEqual(held.notes, ["cooldown: recommended 6 h ago; the next step is due in 18 h"])
        let due = ResourceRecommender.recommend(container: "c", usage: usage, current: current, policy: RecommendPolicy(), sinceLastRecommendation: 30 * 3600)
        XCTAssertEqual(due.cpuRequest, try! Quantity(parsing: "250m"), "p90 0.0525 × 1.15 is far below, but a step moves at most 50%")
    }

    func testCPULimitFollowsARequestThatWouldExceedIt() {
        var usage = ContainerUsage()
        for i in 0..<(2 * 1440) { usage.add(UsageSample(container: "c", time: Double(i) * 60, cpuCores: 0.6, memoryBytes: 3e8, cpuRequestCores: 0.5)) }
        let r = ResourceRecommender.recommend(container: "c", usage: usage,
                                              current: .init(cpuRequest: try! Quantity(parsing: "500m"), cpuLimit: try! Quantity(parsing: "600m")),
                                              policy: RecommendPolicy())
        // p90 = end of 0.6's bucket (0.62323) × 1.15 = 0.7167 → 720m, above the 600m limit.
        XCTAssertEqual(r.cpuRequest, try! Quantity(parsing: "720m"))
        XCTAssertEqual(r.cpuLimit, r.cpuRequest)
        XCTAssertTrue(r.notes.contains("CPU limit raised to the new request"))
    }
}
