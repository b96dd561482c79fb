@testable import Insights
import XCTest

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
        // ⌈6 × 187 / 204.8⌉ = 6. 187Mi is 91.3% of 80% of 256Mi: ⌈N × 0.913⌉ = N up to 11.
        let h = hours(24, pods: 6, cpu: { _ in 0.05 }, memory: { _ in 187 * self.mi })
        let finding = try XCTUnwrap(MemoryMetricCheck.check(hours: h, cpuRequestCores: 0.2, memoryRequestBytes: 256 * mi,
                                                            cpuTarget: 70, memoryTarget: 80, minReplicas: 2))
        XCTAssertEqual(finding.pinnedHours, 24)
        XCTAssertEqual(finding.hours, 24)
        XCTAssertEqual(finding.restMemoryBytes, 187 * mi)
        XCTAssertEqual(finding.heldPods, 11)
        XCTAssertEqual(finding.note, "memory metric removed: memory asked for more replicas than CPU needed in 24 of 24 h; a pod holds 187Mi "
                           + "even in the quietest hour, 91% of the 80% target, so the memory metric alone keeps up to 11 pods whatever the load")
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
        // Hours from a checkpoint written before per-pod memory was kept have none.
        var old = short
        old[1] = .init(replicas: 6, cpuSum: 3.6, instants: 12)
        XCTAssertNil(MemoryMetricCheck.memoryPerCPU(hours: old))
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
}
