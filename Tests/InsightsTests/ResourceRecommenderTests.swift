import Foundation
import Kubernetes
import XCTest
@testable import Insights

/// Synthetic usage with known distributions, and the exact recommendations VPA's rules give.
final class ResourceRecommenderTests: XCTestCase {
    private let mi = 1_048_576.0
    private let start = 1_795_000_000.0  // a fixed instant; the arithmetic does not depend on it

    /// One sample per minute for `days`.
    private func series(days: Double, cpu: (Int) -> Double, memory: (Int) -> Double, request: Double = 0.2,
                        oomAt: Set<Int> = []) -> ContainerUsage {
        var usage = ContainerUsage()
        for i in 0..<Int(days * 24 * 60) {
            usage.add(UsageSample(container: "chatbot-dev/backend/backend", time: start + Double(i) * 60, pod: "backend-\(i / 1440)",
                                  cpuCores: cpu(i), memoryBytes: memory(i), cpuRequestCores: request,
                                  memoryRequestBytes: 512 * mi, oomKilled: oomAt.contains(i)))
        }
        return usage
    }

    private func q(_ s: String) -> Quantity { try! Quantity(parsing: s) }

    func testHistogramBucketsAndPercentilesFollowVPA() {
        let o = DecayingHistogram.Options.cpu
        XCTAssertEqual(o.bucket(for: 0.005), 0)
        XCTAssertEqual(o.bucket(for: 0.1), 8)
        XCTAssertEqual(o.bucketStart(9), 0.01 * (pow(1.05, 9) - 1) / 0.05, accuracy: 1e-12)
        var h = DecayingHistogram(options: o, halfLife: 86400)
        for i in 1...100 { h.add(Double(i) / 100, at: 0) }
        // The 50th sample (0.50) lies in bucket 26, whose end is 0.5106…
        XCTAssertEqual(h.percentile(0.5), o.bucketStart(o.bucket(for: 0.5) + 1), accuracy: 1e-12)
        XCTAssertEqual(h.percentile(0.9), o.bucketStart(o.bucket(for: 0.9) + 1), accuracy: 1e-12)
        // A sample a half-life later weighs twice as much.
        var d = DecayingHistogram(options: o, halfLife: 3600)
        d.add(0.1, at: 0)
        d.add(1.0, at: 3600)
        XCTAssertEqual(d.totalWeight, 3, accuracy: 1e-12)
        XCTAssertEqual(d.percentile(0.4), o.bucketStart(o.bucket(for: 1.0) + 1), accuracy: 1e-12, "2/3 of the weight is the newer sample")
    }

    func testSteadyWorkloadGetsP90PlusMarginRounded() {
        let usage = series(days: 7, cpu: { _ in 0.1 }, memory: { _ in 200 * self.mi })
        let current = ResourceRecommender.Current(cpuRequest: q("200m"), cpuLimit: q("1"), memoryRequest: q("256Mi"), memoryLimit: q("512Mi"))
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: current, policy: RecommendPolicy())
        // p90 = end of 0.1's bucket = 0.110266 cores; ×1.15 = 0.1268 → 130m.
        XCTAssertEqual(r.cpuRequest, q("130m"))
        // p90 ×1.15 = 236.7Mi, below the 250 MB minimum (238.4Mi) → 240Mi: 6% under 256Mi, not significant.
        XCTAssertNil(r.memoryRequest)
        XCTAssertEqual(r.memoryLimit, q("416Mi"), "memory limit = request (256Mi), but down at most 20% a step: 512Mi × 0.8 → 416Mi")
        XCTAssertNil(r.cpuLimit, "CPU limits are left alone by default")
        XCTAssertEqual(r.evidence.samples, 10080)
        XCTAssertEqual(r.evidence.confidenceDays, 7, accuracy: 0.01)
        // Bounds: VPA's estimators with the margin and the confidence multipliers.
        let p = DecayingHistogram.Options.cpu.bucketStart(DecayingHistogram.Options.cpu.bucket(for: 0.1) + 1)
        let c = r.evidence.confidenceDays
        XCTAssertEqual(r.cpuBounds.lower, p * 1.15 * pow(1 + 0.001 / c, -2), accuracy: 1e-12)
        XCTAssertEqual(r.cpuBounds.upper, p * 1.15 * (1 + 1 / c), accuracy: 1e-12)
    }

    func testOOMKillBumpsMemoryAboveTheKill() {
        let oomMinute = 6 * 1440 + 600  // on the last day
        let usage = series(days: 7, cpu: { _ in 0.1 }, memory: { _ in 400 * self.mi }, oomAt: [oomMinute])
        let current = ResourceRecommender.Current(cpuRequest: q("200m"), memoryRequest: q("512Mi"), memoryLimit: q("512Mi"))
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: current, policy: RecommendPolicy())
        // The kill at 512Mi used (the request) becomes a 614.4Mi peak (×1.2 beats +100Mi); p90
        // lands in its bucket (the last day weighs most) and gets the margin.
        let bumped = 512 * mi * 1.2
        XCTAssertGreaterThan(r.memoryRequest!.doubleValue, bumped)
        XCTAssertTrue(r.notes.contains("1 OOM kill: memory bumped by max(+100Mi, ×1.2)"), "\(r.notes)")
        XCTAssertEqual(r.memoryLimit, r.memoryRequest)
    }

    func testMemoryIsNeverBelowTheObservedPeak() {
        // A single 900Mi spike on an otherwise 100Mi workload: p90 ignores it, the peak does not.
        let usage = series(days: 7, cpu: { _ in 0.05 }, memory: { $0 == 3000 ? 900 * self.mi : 100 * self.mi })
        let r = ResourceRecommender.recommend(container: "c", usage: usage, current: .init(memoryRequest: q("1Gi")), policy: RecommendPolicy())
        XCTAssertEqual(r.memoryRequest, q("912Mi"))
        XCTAssertTrue(r.notes.contains("memory kept at the observed peak"))
    }

    func testHPAScaledWorkloadIsSizedForTheTargetUtilisation() {
        let usage = series(days: 3, cpu: { _ in 0.35 }, memory: { _ in 300 * self.mi })
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: .init(cpuRequest: q("500m"), memoryRequest: q("384Mi")),
                                              policy: RecommendPolicy(), hpaCPUUtilization: 70)
        // p90 = end of 0.35's bucket = 0.35719; / 0.70 = 0.5103 → 520m (a 4% change: not significant).
        XCTAssertNil(r.cpuRequest)
        let r2 = ResourceRecommender.recommend(container: "backend", usage: usage, current: .init(cpuRequest: q("900m"), memoryRequest: q("384Mi")),
                                               policy: RecommendPolicy(), hpaCPUUtilization: 70)
        // From 900m it would be a cut to 520m, but under the HPA a smaller request only adds
        // replicas: not lowered.
        XCTAssertNil(r2.cpuRequest)
        XCTAssertTrue(r2.notes.contains("CPU not lowered: the HPA scales on it, and a smaller request only adds replicas"), "\(r2.notes)")
        // From 300m it is raised to 520m (+73%, capped at +50%: 450m).
        let r3 = ResourceRecommender.recommend(container: "backend", usage: usage, current: .init(cpuRequest: q("300m"), memoryRequest: q("384Mi")),
                                               policy: RecommendPolicy(), hpaCPUUtilization: 70)
        XCTAssertEqual(r3.cpuRequest, q("450m"))
    }

    func testTooLittleHistorySaysHowMuchMoreIsNeeded() {
        let usage = series(days: 0.25, cpu: { _ in 0.1 }, memory: { _ in 100 * self.mi })
        let r = ResourceRecommender.recommend(container: "c", usage: usage, current: .init(cpuRequest: q("1")), policy: RecommendPolicy())
        XCTAssertFalse(r.changes)
        XCTAssertEqual(r.notes, ["too little history: 6 h of 24 h; needs about 18 h more"])
    }

    func testChangesAreCappedPerStep() {
        let usage = series(days: 7, cpu: { _ in 2.0 }, memory: { _ in 300 * self.mi })
        let r = ResourceRecommender.recommend(container: "c", usage: usage, current: .init(cpuRequest: q("500m"), memoryRequest: q("384Mi")), policy: RecommendPolicy())
        XCTAssertEqual(r.cpuRequest, q("750m"), "at most +50% per step")
        XCTAssertTrue(r.notes.contains("CPU change capped at 50% per step"))
    }

    func testHumanRounding() {
        XCTAssertEqual(HumanRounding.cpu(0.0421).description, "45m")
        XCTAssertEqual(HumanRounding.cpu(0.1768).description, "180m")
        XCTAssertEqual(HumanRounding.cpu(1.01).description, "1050m")
        XCTAssertEqual(HumanRounding.cpu(2.0).description, "2")
        XCTAssertEqual(HumanRounding.memory(370 * mi).description, "384Mi")
        XCTAssertEqual(HumanRounding.memory(1000 * mi).description, "1008Mi")
        XCTAssertEqual(HumanRounding.memory(1025 * mi).description, "1088Mi")
        XCTAssertEqual(HumanRounding.memory(2048 * mi).description, "2Gi")
    }

    func testUsageFilesInCSVAndJSON() throws {
        let csv = """
            time,namespace,workload,container,pod,cpu,memory,cpu_request,oom
            2026-11-20T10:00:00Z,chatbot-dev,backend,backend,backend-1,250m,300Mi,200m,
            1795000060,chatbot-dev,backend,backend,backend-1,0.3,314572800,0.2,true
            """
        let samples = try UsageFile.read(csv, file: "usage.csv")
        XCTAssertEqual(samples.count, 2)
        XCTAssertEqual(samples[0].container, "chatbot-dev/backend/backend")
        XCTAssertEqual(samples[0].cpuCores, 0.25)
        XCTAssertEqual(samples[0].memoryBytes, 300 * mi)
        XCTAssertTrue(samples[1].oomKilled)
        XCTAssertThrowsError(try UsageFile.read("time,container\nyesterday,x\n", file: "u.csv")) { error in
            XCTAssertEqual("\(error)", "u.csv:2: time yesterday is not Unix seconds or RFC 3339")
        }
        let json = #"[{"time": 1795000000, "namespace": "n", "workload": "w", "container": "c", "cpu": "100m", "memory": "64Mi"}]"#
        XCTAssertEqual(try UsageFile.read(json, file: "u.json").first?.memoryBytes, 64 * mi)
    }
}

final class RecommendPolicyTests: XCTestCase {
    func testTheRepositoryPolicyIsTheVPADefaults() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("policies/recommend.yaml"), encoding: .utf8)
        let policy = try RecommendPolicy(yaml: text, file: "policies/recommend.yaml")
        XCTAssertEqual(policy, RecommendPolicy())
        XCTAssertThrowsError(try RecommendPolicy(yaml: "kind: RecommendPolicy\nresources: {cooldown: soon}", file: "r.yaml")) { error in
            XCTAssertEqual("\(error)", "r.yaml: resources.cooldown \"soon\" is not a duration like 12h")
        }
    }
}
