import Alerts
import Environment
import FaultLab
import Foundation
import GitStore
import Heal
import Insights
import KubeClient
import Kubernetes
import Logs
import Report
import Sandbox
import TestSupport
import XCTest
import YAML

/// A simulated week on the Sandbox, through the real jobs: the chatbot installed by the
/// reconciler, an OOM kill on Monday that heal fixes with a commit dev merges (the
/// fault library's oom-under-load), someone deleting the backend Service on Tuesday (drift
/// reconcile corrects), a recommendation merged on Thursday (backend CPU request 200m → 150m),
/// usage sampled every hour as the recommend CronJob does, and the logs job's last run. The
/// report of that week must carry the figures the scenario gives, worked out here from the
/// scenario and from what the test itself read from the cluster, not by the report's code.
final class WeeklyReportTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let week = 7 * 86400.0
    static let namespace = FaultRun.namespace
    /// Thursday 2026-01-08 00:00:00Z: the recommendation is merged.
    static let merged = 1_767_830_400.0
    /// Tuesday 2026-01-06 12:00:00Z: someone deletes the backend Service.
    static let drift = 1_767_700_800.0

    /// The simulated clock's step between the hourly samples (the cluster is steady then).
    static let step = 900.0

    /// What the test reads from metrics.k8s.io at each hourly sample: per workload
    /// (`backend-deployment`), its pods and their main container's CPU.
    struct HourSeen {
        var hour: Double
        var pods: [String: Int]
        var cpu: [String: Double]
    }
    static let workloads = ["backend-deployment": "backend", "frontend-deployment": "frontend"]

    struct Week {
        var run: FaultRun
        var outcome: FaultRun.Outcome
        var seen: [HourSeen]
        var logs: LogScan.Result
        /// The logs job's alerts step after that run (no sink: the state is kept all the same).
        var alerts: AlertRun.Result
        var inputs: ReportInputs
        var report: Report
    }

    /// The week is played once and shared by the tests of this class (it takes the longest).
    nonisolated(unsafe) static var played: Result<Week, any Error>?
    static let lock = NSLock()

    func week() throws -> Week {
        try Self.lock.withLock {
            if Self.played == nil { Self.played = Result { try Self.playWeek() } }
            return try Self.played!.get()
        }
    }

    override class func tearDown() {
        if case .success(let w)? = played { w.run.shutdown() }
        super.tearDown()
    }

    static func playWeek() throws -> Week {
        let spec = try FaultSpec.load(Self.root + "/Tests/HealTests/Faults/oom-under-load.yaml")
        let run = try FaultRun(spec, repositoryRoot: Self.root)
        let outcome = try run.play()
        // Heal's alerts step after each of its runs, as `shipshape heal` does (no sink configured:
        // the state is kept in shipshape-dev-heal all the same).
        let healAlerts = AlertRun(store: AlertStateStore(api: run.api, namespace: Self.namespace, configMap: "shipshape-dev-heal"),
                                  sender: AlertSender(sinks: []))
        for report in outcome.reports {
            XCTAssertNil(healAlerts.run(report.alertUpdate(), now: report.now).problem)
        }
        let api = run.api, cluster = run.server.cluster
        let repo = run.work + "/config"
        let checkpoint = RecommendSession.checkpointName(environment: "dev")
        var seen: [HourSeen] = []
        var driftDone = false, mergeDone = false
        while true {
            let next = ((cluster.now / 3600).rounded(.down) + 1) * 3600
            guard next < FaultRun.start + Self.week else { break }
            cluster.advance(by: next - cluster.now, step: Self.step)
            if !driftDone && cluster.now >= Self.drift {
                driftDone = true
                let service = try XCTUnwrap(try api.list(apiVersion: "v1", kind: "Service", namespace: Self.namespace)
                    .compactMap { $0[path: ["metadata", "name"]]?.string }.filter { $0.hasPrefix("backend") }.sorted().first)
                try api.delete(apiVersion: "v1", kind: "Service", namespace: Self.namespace, name: service, uid: nil)
                try run.reconcile()
            }
            if !mergeDone && cluster.now >= Self.merged {
                mergeDone = true
                try mergeRecommendation(repo: repo, at: cluster.now)
                try run.reconcile()
            }
            // The recommend CronJob's hourly sample, and the test's own reading of the same metrics.
            let metrics = try api.podMetrics(namespace: Self.namespace)
            var history = try UsageCheckpoint.load(api: api, namespace: Self.namespace, name: checkpoint)
            try MetricsSampler(api: api, namespace: Self.namespace).sample(into: &history)
            try UsageCheckpoint.save(api: api, namespace: Self.namespace, name: checkpoint, history: history)
            var hour = HourSeen(hour: 0, pods: [:], cpu: [:])
            var stamp = cluster.now
            for (workload, container) in Self.workloads {
                let pods = metrics.filter { $0[path: ["metadata", "name"]]?.string?.hasPrefix(workload + "-") == true }
                var cpu = 0.0
                for pod in pods {
                    if let t = pod["timestamp"]?.string, let d = ISO8601DateFormatter().date(from: t) { stamp = d.timeIntervalSince1970 }
                    for c in pod["containers"]?.array ?? [] where c["name"]?.string == container {
                        if let q = c[path: ["usage", "cpu"]]?.string { cpu += try Quantity(parsing: q).doubleValue }
                    }
                }
                hour.pods[workload] = pods.count
                hour.cpu[workload] = cpu
            }
            hour.hour = (stamp / 3600).rounded(.down) * 3600
            seen.append(hour)
        }
        cluster.advance(by: FaultRun.start + Self.week - cluster.now, step: Self.step)
        // The logs job's run at the end of the week (its first: it reads the last hour).
        // With one rule the backend's busiest minutes (4 errors) are over: a HighErrorRate alert.
        var scan = LogScan(namespace: Self.namespace, rules: AlertRules(rules: [.init(alert: "HighErrorRate", series: .errors, perMinuteAbove: 3, severity: .warning)]))
        scan.firstWindowSeconds = 3600
        let logs = try scan.run(source: KubernetesLogSource(api: api, namespace: Self.namespace), checkpoint: LogCheckpoint())
        try logs.checkpoint.save(api: api, namespace: Self.namespace, name: LogCheckpoint.name(environment: "dev"))
        let alertRun = AlertRun(store: AlertStateStore(api: api, namespace: Self.namespace, configMap: LogCheckpoint.name(environment: "dev")),
                                sender: AlertSender(sinks: []))
        let alerts = alertRun.run(LogFinding.alertUpdate(logs.findings, environment: "dev", now: cluster.now), now: cluster.now)
        XCTAssertNil(alerts.problem)

        let source = try RevisionSource(location: repo, branch: "main", base: repo, cacheDirectory: run.work + "/cache")
        let inputs = try ReportSources.read(environment: run.environment, api: api, source: source, since: Self.week)
        return Week(run: run, outcome: outcome, seen: seen, logs: logs, alerts: alerts, inputs: inputs, report: ReportBuilder.build(inputs))
    }

    /// The recommendation commit as `shipshape recommend --commit` writes it (its trailers),
    /// merged on main at `at`.
    static func mergeRecommendation(repo: String, at: Double) throws {
        let repository = try Repository.discover(containing: repo)
        let file = "overlays/dev/values.yaml"
        let source = try RevisionSource(location: repo, branch: "main", base: repo, cacheDirectory: repo + "/../cache")
        let head = try source.head()
        let text = try XCTUnwrap(try RevisionTree(try source.snapshot(head)).string(at: file))
        var changes = ChangeSet()
        try changes.write(file, try YAMLEditor(text: text, file: file).setting(try ValuePath(parsing: "backend.resources.requests.cpu"), to: "150m"))
        let message = CommitMessage(subject: "backend: cpu request 200m→150m", body: "Recommended by `shipshape recommend --env dev` from observed usage.",
                                    trailers: [.shipshape("Recommend", "dev"), .shipshape("Workload", "\(Self.namespace)/backend-deployment"),
                                               .shipshape("Change", "Deployment/backend-deployment spec.template.spec.containers[name=backend].resources.requests.cpu 200m→150m")])
        let date = "@\(Int(at)) +0000"
        _ = try GitStore.commit(changes: changes, in: repository, branch: "main", base: head.hex, message: message,
                                environment: ["GIT_AUTHOR_NAME": "Engineer", "GIT_AUTHOR_EMAIL": "engineer@example.com", "GIT_AUTHOR_DATE": date,
                                              "GIT_COMMITTER_NAME": "Engineer", "GIT_COMMITTER_EMAIL": "engineer@example.com", "GIT_COMMITTER_DATE": date])
    }

    /// Mean of `xs` (nil when empty).
    func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }

    func testTheReportOfASimulatedWeekCarriesTheScenariosFigures() throws {
        let w = try week()
        let r = w.report, o = w.outcome
        XCTAssertEqual(r.start, FaultRun.start)
        XCTAssertEqual(r.end, FaultRun.start + Self.week)

        // Self-healing: the OOM kill, seen by heal at 60 s, shown by the cluster at 31 s (the spike kills the running pods),
        // cleared at 330 s after heal's memory-limit commit (as the fault library has it).
        XCTAssertEqual(o.since.map { $0 - FaultRun.start }, 31)
        XCTAssertEqual(o.detectedAt.map { $0 - FaultRun.start }, 60)
        XCTAssertEqual(o.resolvedAt.map { $0 - FaultRun.start }, 330)
        let s = r.selfHealing
        XCTAssertEqual(s.classes.map { "\($0.faultClass) \($0.detected) \($0.resolvedWithoutPerson) \($0.escalated)" }, ["oom-killed 1 1 0"])
        XCTAssertEqual([s.detected, s.resolved, s.resolvedWithoutPerson], [1, 1, 1])
        XCTAssertEqual(s.autoResolutionRate, 1)
        XCTAssertEqual(s.medianTimeToDetect, 60 - 31)
        XCTAssertEqual(s.medianTimeToResolve, 330 - 60)
        XCTAssertEqual(s.escalations, [])
        XCTAssertEqual(s.actions, ["commit": 1])

        // Health: the backend had a fault open from 31 s to 330 s of the week; the install
        // failed its health wait (the OOM kill) and is marked failed; heal's fix and the
        // recommendation were rolled out; the deleted Service was drift, corrected.
        let backend = try XCTUnwrap(r.health.workloads.first { $0.workload == "backend-deployment" })
        XCTAssertEqual(backend.faultSeconds, 330 - 31)
        XCTAssertEqual(backend.availability, 1 - (330 - 31) / Self.week)
        XCTAssertEqual(backend.faults, 1)
        XCTAssertEqual(r.health.workloads.map(\.workload), ["backend-deployment", "frontend-deployment"])
        XCTAssertEqual(r.health.workloads.last?.availability, 1)
        XCTAssertEqual(r.health.rollouts, 2)
        XCTAssertEqual(r.health.rollbacks, 0)
        XCTAssertEqual(r.health.driftCorrected, ["v1 Service chatbot-dev/backend-service: missing"])
        let install = try XCTUnwrap(try History(try Repository.discover(containing: w.run.work + "/config")).commits(touching: [], from: "main").last)
        XCTAssertEqual(install.message.subject, "chatbot: initial configuration")
        XCTAssertEqual(r.health.failedRevisions.count, 1)
        XCTAssertTrue(r.health.failedRevisions.first?.hasPrefix("\(install.id.short): apps/v1 Deployment chatbot-dev/backend-deployment: pod ") == true,
                      r.health.failedRevisions.description)

        // Autoscaling and usage: every sampled hour as the test read it from metrics.k8s.io.
        XCTAssertEqual(w.seen.count, 167, "hourly samples from 11:00 on Monday to 09:00 on the next")
        for a in r.autoscaling {
            XCTAssertEqual(a.replicas, w.seen.map { Report.Point(t: $0.hour, v: Double($0.pods[a.workload] ?? 0)) }, a.workload)
            XCTAssertEqual(a.hoursSampled, 167)
            XCTAssertEqual(a.hoursAtMax, w.seen.filter { ($0.pods[a.workload] ?? 0) >= a.maxReplicas }.count, a.workload)
        }
        XCTAssertEqual(r.autoscaling.map { "\($0.hpa) \($0.minReplicas)-\($0.maxReplicas)" }, ["backend-hpa 2-10", "frontend-hpa 2-6"])
        for u in r.optimisation.usage {
            let workload = String(u.container.split(separator: "/")[0])
            let expected = w.seen.map { Report.Point(t: $0.hour, v: $0.cpu[workload]! / Double($0.pods[workload]!)) }
            XCTAssertEqual(u.cpu.count, expected.count)
            for (a, b) in zip(u.cpu, expected) { XCTAssertEqual(a.v, b.v, accuracy: 1e-9, "\(u.container) at \(a.t)") }
        }

        // Realized: 50m less per pod from Thursday 00:00, over the replicas seen after it.
        let after = w.seen.filter { $0.hour >= Self.merged }
        XCTAssertEqual(after.count, 106, "Thursday 00:00 to Monday 09:00, both included")
        let replicasAfter = try XCTUnwrap(mean(after.map { Double($0.pods["backend-deployment"]!) }))
        let usageAfter = try XCTUnwrap(mean(after.map { $0.cpu["backend-deployment"]! / Double($0.pods["backend-deployment"]!) }))
        XCTAssertEqual(r.optimisation.realized.count, 1)
        let realized = try XCTUnwrap(r.optimisation.realized.first)
        XCTAssertEqual([realized.container, realized.resource, realized.before, realized.after], ["backend-deployment/backend", "cpu", "200m", "150m"])
        XCTAssertEqual(realized.mergedAt, Self.merged)
        XCTAssertEqual(realized.subject, "backend: cpu request 200m→150m")
        XCTAssertEqual(try XCTUnwrap(realized.replicasAfter), replicasAfter, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(realized.savedPerMonth), 0.05 * replicasAfter * 730, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(realized.usageAfter), usageAfter, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(realized.utilisationAfter), usageAfter / 0.15, accuracy: 1e-9)

        // Optimisation: the requests and limits now in git (heal's 368Mi limit, the merged
        // 150m), and each saving is (current − recommended) × replicas × 730.
        let rows = Dictionary(uniqueKeysWithValues: r.optimisation.containers.map { ($0.container, $0) })
        let current = { (c: String) in rows[c].map { [$0.current.cpuRequest, $0.current.cpuLimit, $0.current.memoryRequest, $0.current.memoryLimit] } }
        XCTAssertEqual(current("backend-deployment/backend"), ["150m", "1000m", "240Mi", "368Mi"])
        XCTAssertEqual(current("frontend-deployment/frontend"), ["100m", "500m", "128Mi", "512Mi"])
        for row in r.optimisation.containers {
            let q = { (s: String?) in try s.map { try Quantity(parsing: $0).doubleValue } }
            let cpu = try q(row.recommended.cpuRequest).map { try q(row.current.cpuRequest)! - $0 } ?? 0
            let memory = try q(row.recommended.memoryRequest).map { try q(row.current.memoryRequest)! - $0 } ?? 0
            XCTAssertEqual(row.coreHoursPerMonth, cpu * row.replicas * 730, accuracy: 1e-6, row.container)
            XCTAssertEqual(row.gibHoursPerMonth, memory / 1_073_741_824 * row.replicas * 730, accuracy: 1e-6, row.container)
        }
        XCTAssertEqual(r.optimisation.projectedCoreHours, r.optimisation.containers.reduce(0) { $0 + $1.coreHoursPerMonth }, accuracy: 1e-9)

        // Errors: the logs job's last hour; its templates (fewer than ten) with the counts it made.
        let counted = w.logs.counts.flatMap { workload, c in c.templates.map { "\(workload) #\($0.key) \($0.value.count)" } }.sorted()
        XCTAssertEqual(r.errors.top.map { "\($0.workload) #\($0.id) \($0.count)" }.sorted(), counted)
        XCTAssertEqual(r.errors.top.first?.workload, "backend-deployment")
        XCTAssertEqual(r.errors.top.map(\.count), r.errors.top.map(\.count).sorted(by: >))
        // The error rate: the logs job's hour (08:50 to 09:50 on the next Monday) falls in two
        // clock hours, 08:00 (the backend's 18 errors of 08:50-08:59) and 09:00 (its other 60);
        // the frontend logged no error. The same as the job's minute counts summed per hour.
        let end = FaultRun.start + Self.week
        XCTAssertEqual(r.errors.errorsPerHour.map(\.workload), ["backend-deployment", "frontend-deployment"])
        XCTAssertEqual(r.errors.errorsPerHour.first?.points, [Report.Point(t: end - 6600, v: 18), Report.Point(t: end - 3000, v: 60)])
        XCTAssertEqual(r.errors.errorsPerHour.last?.points, [Report.Point(t: end - 6600, v: 0), Report.Point(t: end - 3000, v: 0)])
        for series in r.errors.errorsPerHour {
            let minutes = try XCTUnwrap(w.logs.counts[series.workload]).minutes
            var hours: [Double: Double] = [:]
            for (m, c) in minutes { hours[(Double(m * 60) / 3600).rounded(.down) * 3600, default: 0] += Double(c.errors) }
            XCTAssertEqual(series.points, hours.keys.sorted().map { Report.Point(t: $0, v: hours[$0]!) }, series.workload)
        }
        let stored = try LogCheckpoint.load(api: w.run.api, namespace: Self.namespace, name: LogCheckpoint.name(environment: "dev"))
        XCTAssertEqual(stored.workloads["backend-deployment"]?.errorsPerHour, [Int(end) - 6600: 18, Int(end) - 3000: 60])

        // Alerts of the week, from heal's and logs' alert states: heal's OOM alert, fired when the
        // cluster showed the kill (31 s) and resolved when heal saw it cleared (330 s); the logs
        // job's HighErrorRate (over 3 a minute: 4 errors at 09:04, 09:05 and 09:15), still open.
        XCTAssertEqual(r.errors.newTemplates, [])
        XCTAssertEqual(r.errors.surges, [])
        XCTAssertEqual(r.errors.alerts, [
            Report.AlertRecord(name: "ResourceExhaustion", job: "heal", workload: "backend-deployment",
                               detail: "container backend was OOM-killed at its 256Mi memory limit",
                               firedAt: FaultRun.start + 31, resolvedAt: FaultRun.start + 330),
            Report.AlertRecord(name: "HighErrorRate", job: "logs", workload: "backend-deployment",
                               detail: "errors 4/min at 09:04, above 3/min (3 minutes over)", firedAt: end - 2760, resolvedAt: nil),
        ])
        XCTAssertEqual(w.alerts.state.openAlerts.map(\.alert.name), ["HighErrorRate"])

        // Anomalies: the failed install, and the frontend HPA pinned at its maximum.
        XCTAssertEqual(r.anomalies.map(\.kind), ["failed-revision", "hpa-at-max"])
        XCTAssertEqual(r.anomalies.last?.detail, "167 of 167 sampled hours at maxReplicas 6")

        // The same report twice gives the same bytes.
        XCTAssertEqual(try r.json(), try ReportBuilder.build(w.inputs).json())
    }

    /// The page in headless Chromium: every chart laid out with a size, every line and bar
    /// drawn, and a screenshot taken.
    func testEveryChartOfTheHTMLRendersInHeadlessChromium() throws {
        let w = try week()
        let dir = NSTemporaryDirectory() + "shipshape-report-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        let html = HTMLReport.render(w.report)
        XCTAssertFalse(html.contains("<script"), "the report itself runs no scripts")
        XCTAssertFalse(html.contains("http://") && html.contains("src=\"http"), "the report fetches nothing")
        try html.write(toFile: dir + "/report.html", atomically: true, encoding: .utf8)
        let probed = html.replacingOccurrences(of: "</body>", with: HeadlessChromium.probe + "</body>")
        try probed.write(toFile: dir + "/probe.html", atomically: true, encoding: .utf8)

        let dom = try HeadlessChromium.dumpDOM(dir + "/probe.html")
        let start = try XCTUnwrap(dom.range(of: "<pre id=\"chart-sizes\">"), dom.suffix(2000).description)
        let json = String(dom[start.upperBound...].prefix { $0 != "<" })
        struct Size: Decodable { var id: String; var width: Double; var height: Double; var contentWidth: Double; var contentHeight: Double; var marks: Int; var allMarks: Int }
        let sizes = try JSONDecoder().decode([Size].self, from: Data(json.utf8))
        XCTAssertEqual(sizes.map(\.id), ["availability", "log-templates", "error-rate", "replicas-backend-deployment", "replicas-frontend-deployment",
                                         "cpu-backend-deployment/backend", "cpu-frontend-deployment/frontend", "savings", "realized"])
        for s in sizes {
            XCTAssertGreaterThan(s.width, 0, s.id)
            XCTAssertGreaterThan(s.height, 0, s.id)
            XCTAssertGreaterThan(s.contentWidth, 0, s.id)
            XCTAssertGreaterThan(s.contentHeight, 0, s.id)
            XCTAssertGreaterThan(s.allMarks, 0, s.id)
            XCTAssertEqual(s.marks, s.allMarks, "\(s.id): every line and bar has a size")
        }

        let png = (ProcessInfo.processInfo.environment["REPORT_SCREENSHOT_DIR"] ?? dir) + "/report-\(w.report.environment).png"
        try HeadlessChromium.screenshot(dir + "/report.html", to: png, height: 3200)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        XCTAssertGreaterThan(bytes.count, 10_000, "a page, not a blank")
    }

    /// The binary as users run it, at the same stopped clock: the same JSON; `--publish`
    /// writes the HTML into the ConfigMap policies/report.yaml names.
    func testTheCommandPrintsAndPublishesTheSameReport() throws {
        let w = try week()
        let repo = w.run.work + "/config"
        let kubeconfig = w.run.work + "/sandbox.kubeconfig"
        try """
            apiVersion: v1
            kind: Config
            clusters: [{name: sandbox, cluster: {server: "\(w.run.server.url)"}}]
            users: [{name: admin, user: {}}]
            contexts: [{name: sandbox, context: {cluster: sandbox, user: admin, namespace: \(Self.namespace)}}]
            current-context: sandbox
            """.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
        let common = ["--env", "dev", "--config", repo + "/shipshape.yaml", "--kubeconfig", kubeconfig, "--cache-dir", w.run.work + "/cli-cache"]
        let json = try ShipshapeBinary.run(["report"] + common + ["-o", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertEqual(json.stdout, try w.report.json())

        // With the alert sinks' Slack webhook configured, as the chart does for the report job,
        // the summary and where the report went are posted there once.
        let receiver = try AlertReceiver()
        defer { receiver.stop() }
        var environment = ProcessInfo.processInfo.environment
        environment["SHIPSHAPE_SLACK_WEBHOOK_URL"] = receiver.url + "/slack/T000/B000/XXXX"
        let published = try ShipshapeBinary.run(["report"] + common + ["--publish"], environment: environment)
        XCTAssertEqual(published.status, 0, published.stderr)
        XCTAssertEqual(published.stdout.split(separator: "\n").map(String.init), [
            "report: ConfigMap chatbot-dev/shipshape-dev-report key report.html",
            ReportSummary.text(w.report),
            "report summary posted to Slack \(receiver.url)",
        ])
        let posts = receiver.posts("/slack/T000/B000/XXXX")
        XCTAssertEqual(posts.count, 1)
        XCTAssertEqual(posts.first?.json, [
            "text": "Shipshape weekly report: dev",
            "blocks": [
                ["type": "section", "text": ["type": "mrkdwn", "text": .string("*Shipshape weekly report: dev*\n" + ReportSummary.text(w.report))]],
                ["type": "context", "elements": [["type": "mrkdwn", "text": "shipshape · ConfigMap chatbot-dev/shipshape-dev-report key report.html"]]],
            ],
        ])
        let cm = try XCTUnwrap(try w.run.api.get(apiVersion: "v1", kind: "ConfigMap", namespace: Self.namespace, name: "shipshape-dev-report"))
        XCTAssertEqual(cm[path: ["data", "report.html"]]?.string, HTMLReport.render(w.report))
        XCTAssertEqual(cm[path: ["data", "summary"]]?.string, ReportSummary.text(w.report))
    }

    /// Markdown carries the HTML's tables.
    func testTheMarkdownCarriesTheSameTables() throws {
        let w = try week()
        let md = MarkdownReport.render(w.report)
        for heading in ["## Health", "## Self-healing", "## Errors", "## Autoscaling", "## Optimisation", "## Realized savings", "## Anomalies"] {
            XCTAssertTrue(md.contains(heading), heading)
        }
        let r = try XCTUnwrap(w.report.optimisation.realized.first)
        XCTAssertTrue(md.contains("| \(r.commit) | 2026-01-08T00:00:00Z | backend-deployment/backend | cpu 200m → 150m |"), md)
        XCTAssertTrue(md.contains("| backend-deployment | 99.951% | 4m 59s | 1 | 0 |"), md)
        XCTAssertTrue(md.contains("| backend-deployment | ResourceExhaustion (heal): container backend was OOM-killed at its 256Mi memory limit; "
                                  + "fired 2026-01-05T09:50:31Z, resolved 2026-01-05T09:55:30Z | – | – |"), md)
    }
}
