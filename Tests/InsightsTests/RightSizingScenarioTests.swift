import Foundation
import Kubernetes
import XCTest
import YAML
@testable import Insights

/// The recommender on the classes of workload a right-sizer meets — steady, diurnal, growing,
/// spiky, leaking, HPA-managed — with the exact values it proposes, and the memory-limit
/// safety rules on the week that exposed the bug: a backend whose peak was 305Mi got a 320Mi
/// limit (5% over the peak, cut from 512Mi) and would have been OOM-killed by the next peak.
final class RightSizingScenarioTests: XCTestCase {
    private let mi = 1_048_576.0
    private let start = 1_767_571_200.0  // 2026-01-05T00:00:00Z: midnight, so hours of day are exact

    /// Two pods sampled every 5 minutes for `days`; `load` gives (cores, MiB) per pod at a
    /// minute since the start; `limit` the memory limit (MiB) in force at that minute.
    private func week(days: Double = 7, cpuRequest: Double = 0.2, limit: (Int) -> Double = { _ in 512 },
                      oomAt: Set<Int> = [], load: (Int) -> (cpu: Double, mib: Double)) -> ContainerUsage {
        var usage = ContainerUsage()
        for minute in stride(from: 0, to: Int(days * 1440), by: 5) {
            let (cpu, mib) = load(minute)
            for pod in 0..<2 {
                usage.add(UsageSample(container: "chatbot-dev/backend-deployment/backend", time: start + Double(minute) * 60, pod: "backend-\(pod)",
                                      cpuCores: cpu, memoryBytes: mib * mi, cpuRequestCores: cpuRequest, memoryRequestBytes: 256 * mi,
                                      memoryLimitBytes: limit(minute) * mi, oomKilled: pod == 0 && oomAt.contains(minute)))
            }
        }
        return usage
    }

    /// A daily cycle peaking at 14:00, between 0 and 1.
    private func diurnal(_ minute: Int) -> Double {
        0.5 + 0.5 * cos((Double(minute % 1440) / 60 - 14) / 24 * 2 * .pi)
    }

    private func q(_ s: String) -> Quantity? { try? Quantity(parsing: s) }

    private let seeds = ResourceRecommender.Current(cpuRequest: try! Quantity(parsing: "250m"), cpuLimit: try! Quantity(parsing: "500m"),
                                                    memoryRequest: try! Quantity(parsing: "256Mi"), memoryLimit: try! Quantity(parsing: "512Mi"))

    /// The week: a diurnal 200–260Mi, and a lunchtime spike to 305Mi on Wednesday.
    private func backendWeek() -> ContainerUsage {
        week { m in
            let lunch = m >= 2 * 1440 + 720 && m < 2 * 1440 + 730
            let mib = lunch ? 305 : 200 + 60 * self.diurnal(m)
            return (0.05 + 0.1 * self.diurnal(m), mib)
        }
    }

    func testTheMemoryLimitNeverComesDownToJustAboveThePeak() {
        let usage = backendWeek()
        XCTAssertEqual(usage.maxMemory, 305 * mi)
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: seeds, policy: RecommendPolicy())
        // The request covers the peak (p90 × 1.15 is below it): 305Mi → 320Mi, as before.
        XCTAssertEqual(r.memoryRequest, q("320Mi"))
        // The limit: the floor is 305Mi × 1.15 = 350.75Mi, but it comes down at most 20% a step:
        // 512Mi × 0.8 = 409.6Mi → 416Mi. Not 320Mi.
        XCTAssertEqual(r.memoryLimit, q("416Mi"))
        XCTAssertTrue(r.notes.contains("memory limit kept 15% above the observed peak 305Mi"), "\(r.notes)")
        XCTAssertTrue(r.notes.contains("memory limit lowered at most 20% per step"), "\(r.notes)")
        // The next step (the limit now 416Mi) stops at the floor: 350.75Mi → 352Mi.
        var next = seeds
        next.memoryRequest = q("320Mi")
        next.memoryLimit = q("416Mi")
        let r2 = ResourceRecommender.recommend(container: "backend", usage: usage, current: next, policy: RecommendPolicy())
        XCTAssertNil(r2.memoryRequest)
        XCTAssertEqual(r2.memoryLimit, q("352Mi"))
        // And from there nothing lower is ever proposed.
        next.memoryLimit = q("352Mi")
        XCTAssertNil(ResourceRecommender.recommend(container: "backend", usage: usage, current: next, policy: RecommendPolicy()).memoryLimit)
    }

    func testNoPolicyOrStartingPointGivesALimitUnderPeakPlusMargin() throws {
        let usage = backendWeek()
        var policies: [RecommendPolicy] = []
        for text in ["memoryLimit: request", "memoryLimit: {ratio: 1.05}", "memoryLimit: none", "margin: 0", "maxChange: 1"] {
            policies.append(try RecommendPolicy(yaml: "kind: RecommendPolicy\nresources: {\(text)}", file: "recommend.yaml"))
        }
        let floor = 305 * mi * 1.15
        for policy in policies {
            for limit in ["320Mi", "336Mi", "352Mi", "384Mi", "512Mi", "1Gi"] {
                var current = seeds
                current.memoryLimit = q(limit)!
                let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: current, policy: policy)
                let proposed = (r.memoryLimit ?? current.memoryLimit!).doubleValue
                XCTAssertGreaterThanOrEqual(proposed, floor, "from \(limit) under \(policy): \(r.notes)")
                XCTAssertGreaterThanOrEqual(proposed, (r.memoryRequest ?? current.memoryRequest!).doubleValue)
            }
        }
    }

    func testTheMarginGrowsWithShortHistoryAndOOMKills() throws {
        let s = RecommendPolicy().memoryLimitSafety
        XCTAssertEqual(s.margin(confidenceDays: 7, oomKills: 0), 0.15, accuracy: 1e-12)
        XCTAssertEqual(s.margin(confidenceDays: 30, oomKills: 0), 0.15, accuracy: 1e-12)
        XCTAssertEqual(s.margin(confidenceDays: 3.5, oomKills: 0), 0.225, accuracy: 1e-12)
        XCTAssertEqual(s.margin(confidenceDays: 1, oomKills: 1), 0.15 + 0.15 * 6 / 7 + 0.1, accuracy: 1e-12)
        XCTAssertEqual(s.margin(confidenceDays: 7, oomKills: 5), 0.5, accuracy: 1e-12, "capped at maxMargin")
        // Two days of the week: the margin is 15% + 15% × 5/7 = 25.7%: 305Mi → 383.4Mi → 384Mi.
        let usage = week(days: 2) { m in (0.1, m == 1440 + 720 ? 305 : 250) }
        var current = seeds
        current.memoryLimit = q("400Mi")
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: current, policy: RecommendPolicy())
        XCTAssertNil(r.memoryLimit, "384Mi is 4% under 400Mi: not significant, and safe")
        current.memoryLimit = q("352Mi")
        XCTAssertEqual(ResourceRecommender.recommend(container: "backend", usage: usage, current: current, policy: RecommendPolicy()).memoryLimit,
                       q("384Mi"), "a limit under the floor is raised even by a small step")
    }

    func testThePolicyFileCarriesTheSafetyRules() throws {
        let p = try RecommendPolicy(yaml: """
            kind: RecommendPolicy
            resources:
              memoryLimitSafety: {peakMargin: 0.25, fullHistoryDays: 14, shortHistoryMargin: 0.2, oomMargin: 0.05, maxMargin: 0.6, maxDecrease: 0.1, leakKillLevels: 3}
            """, file: "recommend.yaml")
        XCTAssertEqual(p.memoryLimitSafety.peakMargin, 0.25)
        XCTAssertEqual(p.memoryLimitSafety.fullHistoryDays, 14)
        XCTAssertEqual(p.memoryLimitSafety.shortHistoryMargin, 0.2)
        XCTAssertEqual(p.memoryLimitSafety.oomMargin, 0.05)
        XCTAssertEqual(p.memoryLimitSafety.maxMargin, 0.6)
        XCTAssertEqual(p.memoryLimitSafety.maxDecrease, 0.1)
        XCTAssertEqual(p.memoryLimitSafety.leakKillLevels, 3)
        XCTAssertThrowsError(try RecommendPolicy(yaml: "kind: RecommendPolicy\nresources: {memoryLimitSafety: {maxDecrease: 1}}", file: "r.yaml")) {
            XCTAssertEqual("\($0)", "r.yaml: resources.memoryLimitSafety.maxDecrease 1.0 must be at least 0 and below 1")
        }
        XCTAssertThrowsError(try RecommendPolicy(yaml: "kind: RecommendPolicy\nresources: {memoryLimitSafety: {peakMargin: 0.3, maxMargin: 0.2}}", file: "r.yaml")) {
            XCTAssertEqual("\($0)", "r.yaml: resources.memoryLimitSafety: margins must be ≥ 0 and maxMargin ≥ peakMargin (a limit never comes down to the peak)")
        }
    }

    // MARK: Scenario classes

    func testSteady() {
        let usage = week { _ in (0.1, 200) }
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: seeds, policy: RecommendPolicy())
        // CPU p90 = 0.110266 (the bucket end) × 1.15 = 0.1268 → 130m; memory 200Mi's bucket
        // end × 1.15 is under the 250 MB floor → 240Mi (6% under 256Mi: not proposed).
        XCTAssertEqual(r.cpuRequest, q("130m"))
        XCTAssertNil(r.memoryRequest)
        // The limit follows the request (256Mi), lowered 20% a step from 512Mi: 409.6 → 416Mi.
        XCTAssertEqual(r.memoryLimit, q("416Mi"))
        XCTAssertNil(r.cpuLimit, "CPU limits stay unset or ratio-bound")
    }

    func testDiurnal() {
        let usage = week { m in (0.05 + 0.2 * self.diurnal(m), 180 + 80 * self.diurnal(m)) }
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: seeds, policy: RecommendPolicy())
        // Sized for the daily peak, not the mean: CPU p90 near the 0.25-core top × 1.15 → 300m;
        // memory is one peak a day (260Mi) → bucket end × 1.15 → 320Mi.
        XCTAssertEqual(r.cpuRequest, q("300m"))
        XCTAssertEqual(r.memoryRequest, q("320Mi"))
        // Limit = request, but from 512Mi at most 20% down a step.
        XCTAssertEqual(r.memoryLimit, q("416Mi"))
        XCTAssertEqual(r.notes, ["memory limit lowered at most 20% per step"])
    }

    func testGrowing() {
        // Load growing 30% over two weeks: the newest days weigh most (24 h half-life), and
        // the limit stays 15% over the newest, highest peak.
        let usage = week(days: 14) { m in
            let g = 1 + 0.3 * Double(m) / (14 * 1440)
            return (0.1 * g, 200 * g)
        }
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: seeds, policy: RecommendPolicy())
        XCTAssertEqual(usage.maxMemory / mi, 260, accuracy: 0.1)
        // CPU: the newest days (0.13 core) dominate → 170m, where the mean of the fortnight
        // (0.115) would give 140m; memory's newest peaks (≈260Mi) × 1.15 → 320Mi.
        XCTAssertEqual(r.cpuRequest, q("170m"))
        XCTAssertEqual(r.memoryRequest, q("320Mi"))
        XCTAssertEqual(r.memoryLimit, q("416Mi"))
        XCTAssertEqual(r.notes, ["memory limit lowered at most 20% per step"])
    }

    func testSpiky() {
        // A 4× spike for 10 minutes once on day 3: p90 ignores it, the memory peak does not.
        let usage = week { m in
            let spike = m >= 3 * 1440 + 720 && m < 3 * 1440 + 730
            return spike ? (0.4, 440) : (0.1, 200)
        }
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: seeds, policy: RecommendPolicy())
        XCTAssertEqual(r.cpuRequest, q("130m"), "one 10-minute spike does not move the CPU p90")
        XCTAssertEqual(r.memoryRequest, q("448Mi"), "the request covers the 440Mi peak")
        // The limit's floor is 440Mi × 1.15 = 506Mi → 512Mi: the seeds' limit already, so it stays.
        XCTAssertNil(r.memoryLimit)
        XCTAssertEqual(r.notes, ["memory kept at the observed peak", "memory limit kept 15% above the observed peak 440Mi"])
    }

    func testLeakingIsFlaggedNotRaisedAgain() {
        // Memory grows 10Mi an hour from each restart. Killed at 512Mi on day 2; the limit was
        // raised to 640Mi, and it was killed there too on day 4.
        let firstKill = 1 * 1440 + 480, secondKill = 3 * 1440 + 540
        let usage = week(limit: { $0 <= firstKill ? 512 : 640 }, oomAt: [firstKill, secondKill]) { m in
            let since = m <= firstKill ? 0 : m <= secondKill ? firstKill : secondKill
            return (0.1, min(m <= firstKill ? 512 : 640, 200 + 10 * Double(m - since) / 60))
        }
        XCTAssertEqual(usage.oomKillLevels.map { $0 / mi }, [512, 640])
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: seeds, policy: RecommendPolicy())
        XCTAssertTrue(r.memoryLeakSuspected)
        XCTAssertNil(r.memoryRequest)
        XCTAssertNil(r.memoryLimit)
        XCTAssertEqual(r.cpuRequest, q("130m"), "CPU is still sized")
        XCTAssertEqual(r.notes, ["memory leak suspected: OOM-killed at rising limits (512Mi, 640Mi); memory is not raised again — fix the leak"])
        // One kill alone is sizing, not a leak: bumped above the kill and the limit with it.
        let once = week(oomAt: [firstKill]) { m in (0.1, m == firstKill ? 512 : 300) }
        let r1 = ResourceRecommender.recommend(container: "backend", usage: once, current: seeds, policy: RecommendPolicy())
        XCTAssertFalse(r1.memoryLeakSuspected)
        // 512Mi × 1.2 = 614.4Mi → 624Mi; the limit's margin is 15% + 10% for the kill (+0.1% for
        // the week's last 5 minutes not yet seen): 512Mi × 1.2508 = 640.4Mi → 656Mi.
        XCTAssertEqual(r1.memoryRequest, q("624Mi"))
        XCTAssertEqual(r1.memoryLimit, q("656Mi"))
    }

    func testHPAManaged() {
        // Per-pod CPU at the replica counts the HPA chose: p90 sits at its 70% target.
        let usage = week { m in (0.05 + 0.2 * self.diurnal(m), 220) }
        let r = ResourceRecommender.recommend(container: "backend", usage: usage, current: seeds, policy: RecommendPolicy(), hpaCPUUtilization: 70)
        // p90 (the 0.25-core bucket end) / 0.70, where without the HPA it is × 1.15 → 300m.
        XCTAssertEqual(r.cpuRequest, q("370m"), "0.259 / 0.70 = 0.370")
        XCTAssertEqual(ResourceRecommender.recommend(container: "backend", usage: usage, current: seeds, policy: RecommendPolicy()).cpuRequest, q("300m"))
        XCTAssertNil(r.memoryRequest, "220Mi × 1.15 → 256Mi: the seeds' request")
        XCTAssertEqual(r.memoryLimit, q("416Mi"))
        XCTAssertEqual(r.notes, ["CPU sized so p90 usage sits at the HPA's 70% target", "memory limit lowered at most 20% per step"])
    }
    func testHPAManagedOnMemory() {
        // A pod whose HPA also scales on memory at 80%: a steady 100Mi.
        let usage = week { _ in (0.05, 100) }
        let r = ResourceRecommender.recommend(container: "frontend", usage: usage, current: seeds, policy: RecommendPolicy(),
                                              hpaCPUUtilization: 70, hpaMemoryUtilization: 80)
        // 100Mi falls in the memory bucket [1e7·(1.05⁸−1)/0.05, 1e7·(1.05⁹−1)/0.05) bytes; p90 is its
        // end, 110,265,640 bytes; / 0.80 = 137,832,050 bytes = 131.4Mi. Under the seeds' 256Mi it
        // is not lowered (a smaller request only adds replicas), and the CPU p90 (0.05 core) / 0.70
        // under 250m is not lowered either.
        XCTAssertNil(r.memoryRequest)
        XCTAssertNil(r.cpuRequest)
        XCTAssertEqual(r.notes, ["CPU sized so p90 usage sits at the HPA's 70% target",
                                 "CPU not lowered: the HPA scales on it, and a smaller request only adds replicas",
                                 "memory sized so p90 usage sits at the HPA's 80% target",
                                 "memory not lowered: the HPA scales on it, and a smaller request only adds replicas",
                                 "memory limit lowered at most 20% per step"])
        // From the frontend's 128Mi: 131.4Mi rounds up to 144Mi (16Mi steps), and no per-pod floor
        // lifts it further; without the memory metric the 250M floor would take it to 240Mi,
        // capped at +50% a step: 192Mi.
        var frontend = seeds
        frontend.memoryRequest = q("128Mi")
        let small = ResourceRecommender.recommend(container: "frontend", usage: usage, current: frontend, policy: RecommendPolicy(),
                                                  hpaCPUUtilization: 70, hpaMemoryUtilization: 80)
        XCTAssertEqual(small.memoryRequest, q("144Mi"))
        let cpuOnly = ResourceRecommender.recommend(container: "frontend", usage: usage, current: frontend, policy: RecommendPolicy(), hpaCPUUtilization: 70)
        XCTAssertEqual(cpuOnly.memoryRequest, q("192Mi"))
        // Raised when usage outgrows the target: a steady 250Mi (262,144,000 bytes) falls in bucket
        // 17, whose end is 1e7·(1.05¹⁸−1)/0.05 = 281,323,800 bytes = 268.3Mi; / 0.80 = 335.4Mi → 336Mi.
        let grown = ResourceRecommender.recommend(container: "frontend", usage: week { _ in (0.05, 250) }, current: seeds, policy: RecommendPolicy(),
                                                  hpaCPUUtilization: 70, hpaMemoryUtilization: 80)
        XCTAssertEqual(grown.memoryRequest, q("336Mi"))
    }
    func testTheHPAsMemoryTargetIsReadFromTheRenderedAutoscaler() {
        func metric(_ name: String, _ u: Int64) -> Value {
            ["type": "Resource", "resource": ["name": .string(name), "target": ["type": "Utilization", "averageUtilization": .int(u)]]]
        }
        let deployment: Value = ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "frontend-deployment"],
                                 "spec": ["template": ["spec": ["containers": [["name": "frontend", "image": "todo-chatbot/frontend:1.4.0"]]]]]]
        func hpa(_ metrics: [Value]) -> Value {
            ["apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": ["name": "frontend-hpa"],
             "spec": ["scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "frontend-deployment"],
                      "minReplicas": 2, "maxReplicas": 6, "metrics": .array(metrics)]]
        }
        let both = RenderedWorkload.parse(objects: [deployment, hpa([metric("cpu", 70), metric("memory", 80)])], namespace: "chatbot-dev")
        XCTAssertEqual(both.first?.hpa?.current, .init(minReplicas: 2, maxReplicas: 6, targetCPUUtilization: 70))
        XCTAssertEqual(both.first?.hpa?.targetMemoryUtilization, 80)
        let cpuOnly = RenderedWorkload.parse(objects: [deployment, hpa([metric("cpu", 70)])], namespace: "chatbot-dev")
        XCTAssertNil(cpuOnly.first?.hpa?.targetMemoryUtilization)
    }
}
