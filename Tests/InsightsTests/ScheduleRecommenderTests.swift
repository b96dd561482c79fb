import Environment
import Forecast
import Foundation
import GitStore
import Insights
import TestSupport
import XCTest
import YAML

/// Scaling windows from a workload's hourly history: proposed with the backtest as evidence
/// when the forecast is accurate, refused with the reason when it is not.
final class ScheduleRecommenderTests: XCTestCase {
    /// 2026-11-02 00:00 UTC, a Monday.
    static let monday = 1_793_577_600.0
    let current = HPARecommender.Current(minReplicas: 2, maxReplicas: 10, targetCPUUtilization: 70)
    /// 0.25 cores × 70%: one replica's worth of CPU.
    let perPod = 0.25 * 0.7

    /// One sample an hour for 14 days of a single pod using `need(hour) × perPod` cores.
    private func usage(_ need: (Int) -> Double) -> ContainerUsage {
        var u = ContainerUsage()
        for h in 0..<(14 * 24) {
            u.add(time: Self.monday + Double(h) * 3600 + 1800, cpuCores: need(h) * perPod, memoryBytes: 200e6, cpuRequestCores: 0.25)
        }
        return u
    }

    func testWeekdayOfficeLoadBecomesWindowsWithTheBacktestAsEvidence() throws {
        var g = SeededGenerator(seed: 5)
        let u = usage { h in
            let weekday = (h / 24) % 7 < 5, hour = h % 24
            return (weekday && (8..<18).contains(hour) ? 6 : 1.5) + Double.random(in: -0.1...0.1, using: &g)
        }
        let r = ScheduleRecommender.recommend(hours: u.hours, cpuRequestCores: 0.25, current: current, policy: RecommendPolicy())
        XCTAssertEqual(r.windows.map(\.description), ["0 7 * * 1-5 for 11h: 6"])
        XCTAssertEqual(r.forecast?.method, "holt-winters(168h)")
        XCTAssertEqual(r.evidence, "forecast method=holt-winters(168h) mape=0.0348 history-weeks=2.0 backtest-hours=168 trained-hours=168 periods=24,168 hours-at-max=0")
        XCTAssertEqual(r.notes, ["forecast holt-winters(168h): backtest MAPE 3.5% over the last 168 h; 1 window(s)"])
    }

    func testABoundTighterThanTheBacktestProposesNothingAndSaysWhy() {
        var g = SeededGenerator(seed: 5)
        let u = usage { h in (1 + 0.5 * cos(Double(h % 24 - 14) / 24 * 2 * .pi)) * 4 + Double.random(in: -0.4...0.4, using: &g) }
        var policy = RecommendPolicy()
        policy.scheduleMaxMAPE = 0.01
        let r = ScheduleRecommender.recommend(hours: u.hours, cpuRequestCores: 0.25, current: current, policy: policy)
        XCTAssertEqual(r.windows, [])
        XCTAssertEqual(r.notes.count, 1)
        XCTAssertTrue(r.notes[0].hasPrefix("no schedule: the forecast's backtest MAPE "), r.notes[0])
        XCTAssertTrue(r.notes[0].hasSuffix(" is above the bound of 1.0%"), r.notes[0])
    }

    func testARandomWalkProposesNothing() {
        var g = SeededGenerator(seed: 9)
        var x = 4.0
        let u = usage { _ in x = max(0.5, x + Double.random(in: -0.3...0.3, using: &g)); return x }
        let r = ScheduleRecommender.recommend(hours: u.hours, cpuRequestCores: 0.25, current: current, policy: RecommendPolicy())
        XCTAssertEqual(r.windows, [])
        XCTAssertNil(r.evidence)
        XCTAssertTrue(r.notes.first?.hasPrefix("no schedule: cannot predict (no daily or weekly period") ?? false, "\(r.notes)")
    }

    // MARK: Committed through `recommend`

    let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let environment = EnvironmentConfig.Environment(name: "dev", chart: "charts/chatbot", overlay: "overlays/dev", namespace: "chatbot-dev", releaseName: "chatbot")

    @discardableResult
    private func git(_ repo: String, _ args: String...) throws -> String {
        let r = try Subprocess.run(Subprocess.find("git")!, ["-c", "user.name=T", "-c", "user.email=t@example.com"] + args, in: URL(fileURLWithPath: repo))
        XCTAssertEqual(r.status, 0, "git \(args.joined(separator: " ")): \(r.stderr)")
        return r.stdout
    }

    /// `git diff` without its `index` lines (blob ids change with the chart's other lines).
    private func diff(_ repo: String, _ args: String...) throws -> String {
        let r = try Subprocess.run(Subprocess.find("git")!, ["diff"] + args, in: URL(fileURLWithPath: repo))
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout.components(separatedBy: "\n").filter { !$0.hasPrefix("index ") }.joined(separator: "\n")
    }

    /// A git repository with the chart and a dev overlay whose values set the backend's HPA
    /// ceiling, and a CSV of 14 days of one backend pod under weekday office load (6 replicas'
    /// worth of CPU 08:00–18:00 on weekdays, 1.5 otherwise, seeded noise).
    private func officeRepository() throws -> String {
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("schedule-commit-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: repo) }
        try FileManager.default.createDirectory(atPath: repo + "/charts", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: repo + "/overlays/dev", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repoRoot.path + "/charts/chatbot", toPath: repo + "/charts/chatbot")
        try "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: chatbot-dev\n"
            .write(toFile: repo + "/overlays/dev/kustomization.yaml", atomically: true, encoding: .utf8)
        try "# dev's own values\nbackend:\n  hpa:\n    maxReplicas: 10   # dev ceiling\n\n# end\n"
            .write(toFile: repo + "/overlays/dev/values.yaml", atomically: true, encoding: .utf8)
        var g = SeededGenerator(seed: 5)
        let perPod = 0.2 * 0.7  // the chart's 200m request at the HPA's 70%
        var csv = "time,namespace,workload,container,pod,cpu,memory,cpu_request,memory_request\n"
        for h in 0..<(14 * 24) {
            let weekday = (h / 24) % 7 < 5, hour = h % 24
            let need = (weekday && (8..<18).contains(hour) ? 6 : 1.5) + Double.random(in: -0.1...0.1, using: &g)
            csv += "\(Int(Self.monday) + h * 3600 + 1800),chatbot-dev,backend-deployment,backend,backend-0,\(String(format: "%.4f", need * perPod)),200Mi,200m,256Mi\n"
        }
        try csv.write(toFile: repo + "/usage.csv", atomically: true, encoding: .utf8)
        try git(repo, "init", "-q", "-b", "main")
        try git(repo, "add", "charts", "overlays")
        try git(repo, "commit", "-qm", "chart and dev overlay")
        return repo
    }

    /// The windows go into the environment's values beside the HPA's other values (the dev
    /// overlay sets `maxReplicas`, so `schedules` is inserted there), in the same commit as the
    /// resource and HPA bound changes, with the backtest in the body and an evidence trailer;
    /// the committed branch renders the HPA annotation reconcile applies (HPAScheduleTests
    /// applies that annotation on the Sandbox).
    func testProposedWindowsAreCommittedIntoTheEnvironmentsValuesWithTheBacktestAsEvidence() throws {
        let repo = try officeRepository()
        var session = RecommendSession(environment: environment, tree: WorkTree(root: repo), policy: RecommendPolicy())
        try session.addSamples(file: repo + "/usage.csv")
        let plan = try session.plan()
        let commit = try XCTUnwrap(plan.commit)
        XCTAssertNotNil(try commit.commit(base: "main").commit.commit)
        let branch = RecommendationCommit.branch(environment: "dev")

        XCTAssertEqual(try diff(repo, "main", branch), """
            diff --git a/charts/chatbot/values.yaml b/charts/chatbot/values.yaml
            --- a/charts/chatbot/values.yaml
            +++ b/charts/chatbot/values.yaml
            @@ -92,9 +92,9 @@ backend:
               resources:
                 limits:
                   cpu: 1000m
            -      memory: 1Gi
            +      memory: 832Mi
                 requests:
            -      cpu: 200m
            +      cpu: 310m
                   memory: 256Mi
               probes:
                 liveness:
            diff --git a/overlays/dev/values.yaml b/overlays/dev/values.yaml
            --- a/overlays/dev/values.yaml
            +++ b/overlays/dev/values.yaml
            @@ -1,6 +1,7 @@
             # dev's own values
             backend:
               hpa:
            -    maxReplicas: 10   # dev ceiling
            +    maxReplicas: 6   # dev ceiling
            +    schedules: [{cron: "0 7 * * 1-5", duration: 11h, minReplicas: 4}]
             \n\
             # end

            """)
        XCTAssertEqual(try git(repo, "log", "-1", "--format=%B", branch), """
            backend: cpu request 200m→310m, memory limit 1Gi→832Mi; backend-deployment hpa: maxReplicas 10→6, schedules []→[{cron: "0 7 * * 1-5", duration: 11h, minReplicas: 4}]

            Recommended by `shipshape recommend --env dev` from observed usage.

            Changes (values file line → new value):
              charts/chatbot/values.yaml:97:12 backend.resources.requests.cpu: 200m → 310m
              charts/chatbot/values.yaml:95:15 backend.resources.limits.memory: 1Gi → 832Mi
              overlays/dev/values.yaml:4:18 backend.hpa.maxReplicas: 10 → 6
              overlays/dev/values.yaml (new line) backend.hpa.schedules: [] → [{cron: "0 7 * * 1-5", duration: 11h, minReplicas: 4}]

            Evidence:
              container                   window  samples  cpu p50/p90/p95/max  memory p50/p90/p95/max   OOM  confidence  saved/month
              backend-deployment/backend  14.0d   336      216m/851m/851m/854m  206Mi/206Mi/206Mi/200Mi  0    14.0d       -80 core-h, 0 GiB-h
              backend-deployment/backend scaling windows: forecast holt-winters(168h), backtest MAPE 3.5% on the last 168 h of 2.0 weeks of history

            Shipshape-Recommend: dev
            Shipshape-Workload: chatbot-dev/backend-deployment
            Shipshape-Change: Deployment/backend-deployment spec.template.spec.containers[name=backend].resources.requests.cpu 200m→310m
            Shipshape-Change: Deployment/backend-deployment spec.template.spec.containers[name=backend].resources.limits.memory 1Gi→832Mi
            Shipshape-Change: HorizontalPodAutoscaler/backend-hpa spec.maxReplicas 10→6
            Shipshape-Change: HorizontalPodAutoscaler/backend-hpa metadata.annotations[shipshape.dev/schedules] []→[{cron: "0 7 * * 1-5", duration: 11h, minReplicas: 4}]
            Shipshape-Evidence: backend-deployment/backend forecast method=holt-winters(168h) mape=0.0348 history-weeks=2.0 backtest-hours=168 trained-hours=168 periods=24,168 hours-at-max=0
            Shipshape-Evidence: backend-deployment/backend window=14.0d samples=336 confidence=14.0d cpu-p50=0.2158 cpu-p90=0.8507 cpu-p95=0.8507 cpu-max=0.8537 memory-p50=215785635 memory-p90=215785635 memory-p95=215785635 memory-max=209715200 oom-kills=0 cpu-saved-cores=-0.110 memory-saved-bytes=0


            """)

        // The committed branch renders the annotation reconcile reads; a re-run proposes the same and commits nothing.
        let repository = try Repository.discover(containing: repo)
        let tip = try XCTUnwrap(try RevisionResolver(repository).branchTip(branch))
        let rendered = try EnvironmentRenderer(environment: environment, tree: RevisionTree(try TreeSnapshot(repository: repository, commit: tip))).render()
        let hpa = try XCTUnwrap(rendered.values.first { $0["kind"]?.string == "HorizontalPodAutoscaler" && $0[path: ["metadata", "name"]]?.string == "backend-hpa" })
        XCTAssertEqual(hpa[path: ["metadata", "annotations", "shipshape.dev/schedules"]]?.string, #"[{"cron":"0 7 * * 1-5","duration":"11h","minReplicas":4}]"#)
        XCTAssertEqual(hpa[path: ["spec", "maxReplicas"]]?.intValue, 6)
        XCTAssertNil(try XCTUnwrap(try session.plan().commit).commit(base: "main").commit.commit, "the same recommendation again is no new commit")
    }

    /// With a bound tighter than the backtest's MAPE, no window is written: the commit holds
    /// only the other changes, carries no forecast evidence, and the report says why.
    func testAWindowOverTheMAPEBoundIsNotCommittedAndTheReportSaysWhy() throws {
        let repo = try officeRepository()
        var policy = RecommendPolicy()
        policy.scheduleMaxMAPE = 0.02
        var session = RecommendSession(environment: environment, tree: WorkTree(root: repo), policy: policy)
        try session.addSamples(file: repo + "/usage.csv")
        let plan = try session.plan()
        XCTAssertEqual(plan.changes.filter { $0.valuesEdit != nil }, [])
        let backend = try XCTUnwrap(plan.results.first { $0.key == "backend-deployment/backend" })
        XCTAssertTrue(try XCTUnwrap(backend.hpa).notes.contains("no schedule: the forecast's backtest MAPE 3.5% (holt-winters(168h)) is above the bound of 2.0%"),
                      "\(backend.hpa?.notes ?? [])")
        let commit = try XCTUnwrap(plan.commit)
        XCTAssertNotNil(try commit.commit(base: "main").commit.commit)
        let branch = RecommendationCommit.branch(environment: "dev")
        XCTAssertEqual(try diff(repo, "main", branch, "--", "overlays/dev/values.yaml"), """
            diff --git a/overlays/dev/values.yaml b/overlays/dev/values.yaml
            --- a/overlays/dev/values.yaml
            +++ b/overlays/dev/values.yaml
            @@ -1,6 +1,6 @@
             # dev's own values
             backend:
               hpa:
            -    maxReplicas: 10   # dev ceiling
            +    maxReplicas: 6   # dev ceiling
             \n\
             # end

            """)
        let message = try git(repo, "log", "-1", "--format=%B", branch)
        XCTAssertFalse(message.contains("schedules"), message)
        XCTAssertFalse(message.contains("forecast"), message)
    }
}
