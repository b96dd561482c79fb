@testable import Insights
import XCTest
import YAML

/// The HPA memory-metric check and the per-pod memory fit, on hourly histories with known answers.
final class MemoryMetricCheckTests: XCTestCase {
    let mi = 1_048_576.0

    /// `count` hours of 12 instants, each with `pods` pods using `cpu` cores and `memory` bytes per pod.
    func hours(_ count: Int, pods: Int, cpu: (Int) -> Double, memory: (Int) -> Double) -> [Int: ContainerUsage.Hour] {
        var out: [Int: ContainerUsage.Hour] = [:]
        for h in 0..<count {
            out[500_000 + h] = .init(replicas: pods, cpuSum: 12 * Double(pods) * cpu(h), instants: 12,
                                     memorySum: 12 * Double(pods) * memory(h), podSum: 12 * pods)
        }
        return out
    }

    func testARestFootprintNearTheTargetPinsTheReplicas() throws {
        // Six pods at 50m and 187Mi each: CPU needs ⌈0.3 / 0.14⌉ = 3 pods, memory proposes
        // ⌈6 × 187 / 204.8⌉ = 6. 187Mi is 91.3% of 80% of 256Mi: ⌈N × 0.913⌉ = N up to 11, and
        // a ratio within the HPA's 10% tolerance of 1 changes nothing, so memory holds every pod.
        let h = hours(24, pods: 6, cpu: { _ in 0.05 }, memory: { _ in 187 * self.mi })
        let finding = try XCTUnwrap(MemoryMetricCheck.check(hours: h, cpuRequestCores: 0.2, memoryRequestBytes: 256 * mi,
                                                            cpuTarget: 70, memoryTarget: 80, minReplicas: 2))
        XCTAssertEqual(finding.pinnedHours, 24)
        XCTAssertEqual(finding.hours, 24)
        XCTAssertEqual(finding.restMemoryBytes, 187 * mi)
        XCTAssertEqual(finding.heldPods, Int.max)
        XCTAssertEqual(finding.note, "memory metric removed: memory asked for more replicas than CPU needed in 24 of 24 h; a pod holds 187Mi "
                           + "even in the quietest hour, 91% of the 80% target, so the memory metric alone keeps every pod up to maxReplicas whatever the load")
    }

    func testMemoryThatGrowsWithTheLoadIsANeedNotAPin() {
        // Memory asks for more pods than CPU every hour, but a quiet pod holds 60Mi (29% of the
        // target): ⌈N × 0.29⌉ < N from 2 pods on, so the metric can scale in. It stays.
        let h = hours(24, pods: 6, cpu: { _ in 0.05 }, memory: { $0 == 3 ? 60 * self.mi : 190 * self.mi })
        XCTAssertNil(MemoryMetricCheck.check(hours: h, cpuRequestCores: 0.2, memoryRequestBytes: 256 * mi, cpuTarget: 70, memoryTarget: 80, minReplicas: 2))
    }

    func testCPUThatDecidesMostHoursAndShortHistoryFindNothing() {
        // CPU needs 6 pods (0.8 cores / 0.14) and memory proposes 6: not above CPU's need.
        let busy = hours(24, pods: 6, cpu: { _ in 0.8 / 6 }, memory: { _ in 187 * self.mi })
        XCTAssertNil(MemoryMetricCheck.check(hours: busy, cpuRequestCores: 0.2, memoryRequestBytes: 256 * mi, cpuTarget: 70, memoryTarget: 80, minReplicas: 2))
        let short = hours(23, pods: 6, cpu: { _ in 0.05 }, memory: { _ in 187 * self.mi })
        XCTAssertNil(MemoryMetricCheck.check(hours: short, cpuRequestCores: 0.2, memoryRequestBytes: 256 * mi, cpuTarget: 70, memoryTarget: 80, minReplicas: 2))
        // An hour from a checkpoint written before per-pod memory was kept has none, and a
        // day of them is no history for the check.
        XCTAssertNil(ContainerUsage.Hour(replicas: 6, cpuSum: 3.6, instants: 12).perPod)
        // (The same hours with their memory pin the replicas: the first test.)
        let pinned = hours(24, pods: 6, cpu: { _ in 0.05 }, memory: { _ in 187 * self.mi })
        XCTAssertNil(MemoryMetricCheck.check(hours: pinned.mapValues { .init(replicas: $0.replicas, cpuSum: $0.cpuSum, instants: $0.instants) },
                                             cpuRequestCores: 0.2, memoryRequestBytes: 256 * mi, cpuTarget: 70, memoryTarget: 80, minReplicas: 2))
    }

    func testPerPodMemoryIsFittedAsALineOfCPU() throws {
        // The Sandbox backend's model: 20m + 8m and 180Mi + 2Mi per request/s, so memory is
        // 175Mi + 250Mi per core of CPU; at its 1000m limit a pod holds 425Mi.
        let h = hours(48, pods: 3, cpu: { 0.02 + 0.008 * Double(5 + $0) }, memory: { (180 + 2 * Double(5 + $0)) * self.mi })
        let fit = try XCTUnwrap(MemoryMetricCheck.memoryPerCPU(hours: h))
        XCTAssertEqual(fit.intercept / mi, 175, accuracy: 1e-9)
        XCTAssertEqual(fit.slope / mi, 250, accuracy: 1e-9)
        XCTAssertEqual((fit.intercept + fit.slope * 1.0) / mi, 425, accuracy: 1e-9)
        let flat = hours(48, pods: 3, cpu: { _ in 0.1 }, memory: { _ in 200 * self.mi })
        XCTAssertNil(MemoryMetricCheck.memoryPerCPU(hours: flat), "CPU that never varied says nothing about memory per CPU")
    }

    func testCheckpointHoursKeepPerPodMemoryAndOlderEntriesStillLoad() throws {
        var u = ContainerUsage()
        let t = 1_767_600_000.0  // an hour boundary
        u.add(time: t + 60, cpuCores: 0.1, memoryBytes: 100 * mi)
        u.add(time: t + 60, cpuCores: 0.2, memoryBytes: 120 * mi)
        u.add(time: t + 3700, cpuCores: 0.1, memoryBytes: 90 * mi)  // the next hour closes the first
        let encoded = UsageCheckpoint.encode(u)
        let restored = try UsageCheckpoint.decode(encoded, place: "test")
        XCTAssertEqual(restored, u)
        let first = try XCTUnwrap(restored.hours[Int(t / 3600)])
        XCTAssertEqual(first.podSum, 2)
        XCTAssertEqual(first.memorySum, 220 * mi)
        XCTAssertEqual(first.perPod?.memory, 110 * mi)
        // A checkpoint written before memory was kept: four fields an hour, no per-pod memory.
        let hours = try XCTUnwrap(encoded["hours"]?.array)
        let old = try UsageCheckpoint.decode(withHours(encoded, hours.map { .array(Array($0.array!.prefix(4))) }), place: "test")
        XCTAssertEqual(old.hours[Int(t / 3600)]?.memorySum, 0)
        XCTAssertNil(old.hours[Int(t / 3600)]?.perPod)
        // Memory without pods, a negative pod count, or more memory than the pods could hold is refused.
        for bad: [Value] in [[.int(Int64(t / 3600)), 2, 0.3, 1, 1e9, 0], [.int(Int64(t / 3600)), 2, 0.3, 1, 0, -1], [.int(Int64(t / 3600)), 2, 0.3, 1, 1e300, 1]] {
            XCTAssertThrowsError(try UsageCheckpoint.decode(withHours(encoded, [.array(bad)]), place: "ConfigMap x key y"), "\(bad)")
        }
    }

    func withHours(_ v: Value, _ hours: [Value]) -> Value {
        guard case .object(var o) = v else { return v }
        o["hours"] = .array(hours)
        return .object(o)
    }

    func testANearlyConstantCPUGivesNoFit() {
        // Per-pod CPU within 1% of its mean: any slope is noise, and extrapolating it to a CPU
        // limit could propose any limit at all.
        let h = hours(48, pods: 3, cpu: { 0.1 + 0.0001 * Double($0 % 2) }, memory: { (100 + Double($0 % 7)) * self.mi })
        XCTAssertNil(MemoryMetricCheck.memoryPerCPU(hours: h))
    }
}
