import Logs
import YAML
import XCTest

/// Rules, surges and new templates from counts, with exact values.
final class LogDetectorTests: XCTestCase {
    let rules = AlertRules(rules: [.init(alert: "HighErrorRate", series: .errors, perMinuteAbove: 5, severity: .critical)])

    func counts(errorsPerMinute: [Int], template: Int = 1) -> WorkloadLogCounts {
        var c = WorkloadLogCounts()
        for (minute, n) in errorsPerMinute.enumerated() {
            for i in 0..<n {
                c.add(LogEvent(time: Double(minute * 60 + i), first: "[ERROR] x"), LogClass(severity: .error, slow: false), template: template)
            }
        }
        return c
    }

    func testARuleFiresOnItsWorstMinuteOverTheThreshold() {
        let d = LogDetector(rules: rules)
        let found = d.findings(namespace: "ns", workload: "api", counts: counts(errorsPerMinute: [5, 7, 6]), minutes: 3,
                               baseline: LogBaseline(), newTemplates: [], templateText: { _ in "t" })
        XCTAssertEqual(found, [LogFinding(kind: .rule, alertname: "HighErrorRate", severity: .critical, namespace: "ns", workload: "api",
                                          series: .errors, count: 7, perMinute: 7, threshold: 5, minute: 60, minutesOver: 2)])
        XCTAssertEqual(found[0].summary, "errors 7/min at 00:01, above 5/min (2 minutes over)")
        XCTAssertEqual(found[0].labels.map { "\($0.0)=\($0.1)" }, ["alertname=HighErrorRate", "severity=critical", "namespace=ns", "workload=api", "series=errors"])
        let atThreshold = d.findings(namespace: "ns", workload: "api", counts: counts(errorsPerMinute: [5, 5]), minutes: 2,
                                     baseline: LogBaseline(), newTemplates: [], templateText: { _ in nil })
        XCTAssertEqual(atThreshold, [], "5 is not above 5")
    }

    func testASurgeNeedsTheFactorAndTheMinimumAndABaseline() {
        let d = LogDetector(rules: AlertRules())
        let baseline = LogBaseline(runs: 3, rates: ["errors": 1, "template.1": 1])
        // 12 events over 2 minutes: 6/min, 6× the baseline of 1.
        let found = d.findings(namespace: "ns", workload: "api", counts: counts(errorsPerMinute: [6, 6]), minutes: 2,
                               baseline: baseline, newTemplates: [], templateText: { _ in "[ERROR] x" })
        XCTAssertEqual(found.map(\.summary), ["errors: 12 events, 6/min against a baseline of 1/min",
                                             "\"[ERROR] x\": 12 events, 6/min against a baseline of 1/min"])
        // 8 events at 8× the baseline: under the minimum of 10, so no surge.
        let few = d.findings(namespace: "ns", workload: "api", counts: counts(errorsPerMinute: [8]), minutes: 1,
                             baseline: baseline, newTemplates: [], templateText: { _ in nil })
        XCTAssertEqual(few, [])
        // Nothing learnt yet: nothing is a surge or new.
        let learning = d.findings(namespace: "ns", workload: "api", counts: counts(errorsPerMinute: [60]), minutes: 1,
                                  baseline: LogBaseline(), newTemplates: [1], templateText: { _ in nil })
        XCTAssertEqual(learning, [])
    }

    func testANewTemplateIsReportedOnceABaselineExists() {
        let d = LogDetector(rules: AlertRules())
        let found = d.findings(namespace: "ns", workload: "api", counts: counts(errorsPerMinute: [2], template: 9), minutes: 5,
                               baseline: LogBaseline(runs: 1, rates: ["errors": 0.4]), newTemplates: [9], templateText: { _ in "[ERROR] boom <*>" })
        XCTAssertEqual(found, [LogFinding(kind: .newTemplate, alertname: "NewLogPattern", severity: .warning, namespace: "ns", workload: "api",
                                          template: "[ERROR] boom <*>", count: 2, perMinute: 0.4)])
    }

    func testTheBaselineMovesTowardEachRunAndForgetsDroppedTemplates() {
        var b = LogBaseline()
        b.fold(counts(errorsPerMinute: [10], template: 1), minutes: 5, smoothing: 0.3, liveTemplates: [1])
        XCTAssertEqual(b, LogBaseline(runs: 1, rates: ["errors": 2, "warnings": 0, "slowRequests": 0, "serverErrors": 0, "template.1": 2]))
        b.fold(WorkloadLogCounts(), minutes: 5, smoothing: 0.3, liveTemplates: [])
        XCTAssertEqual(b.runs, 2)
        XCTAssertEqual(b.rates["errors"]!, 1.4, accuracy: 1e-9)
        XCTAssertNil(b.rates["template.1"], "the miner dropped template 1")
    }

    func testAlertRulesAreReadAsDataAndErrorsNameTheRule() throws {
        let r = try AlertRules(yaml: """
            slowRequestMilliseconds: 800
            rules:
              - {alert: HighErrorRate, series: errors, perMinuteAbove: 5, severity: critical}
              - {alert: PerformanceDegradation, series: slowRequests, perMinuteAbove: 5, severity: warning}
            """, file: "alerts.yaml")
        XCTAssertEqual(r, AlertRules(rules: [.init(alert: "HighErrorRate", series: .errors, perMinuteAbove: 5, severity: .critical),
                                             .init(alert: "PerformanceDegradation", series: .slowRequests, perMinuteAbove: 5, severity: .warning)],
                                     slowRequestMilliseconds: 800))
        XCTAssertThrowsError(try AlertRules(yaml: "rules: [{alert: X, series: errs, perMinuteAbove: 1, severity: critical}]", file: "alerts.yaml")) {
            XCTAssertEqual("\($0)", "alerts.yaml: rules[0] (X): series must be one of errors, warnings, slowRequests, serverErrors, got errs")
        }
        XCTAssertThrowsError(try AlertRules(yaml: "rules: [{alert: X, series: errors, perMinuteAbove: -1, severity: critical}]", file: "a.yaml")) {
            XCTAssertEqual("\($0)", "a.yaml: rules[0] (X): perMinuteAbove must be a number of events a minute, 0 or more")
        }
    }
}

/// The checkpoint's ConfigMap form: round trip, and the size bound.
final class LogCheckpointTests: XCTestCase {
    func testTheCheckpointRoundTripsThroughItsConfigMap() throws {
        let cp = LogCheckpoint(newestLine: 1_767_610_200.25, workloads: [
            "backend-deployment": .init(baseline: LogBaseline(runs: 2, rates: ["errors": 1.5, "template.3": 0.25]),
                                        templates: "shipshape-log-templates 1\nstate 3 3 4 0\ntemplate 3 3 3\t[ERROR] x <*>\n")])
        let (cm, left) = try cp.configMap(name: "shipshape-logs-dev", namespace: "chatbot-dev")
        XCTAssertEqual(left, [])
        XCTAssertEqual(cm[path: ["data", "newest-line"]]?.string, "2026-01-05T10:50:00.250000000Z")
        XCTAssertEqual(cm[path: ["data", "backend-deployment.baseline"]]?.string, #"{"rates":{"errors":1.5,"template.3":0.25},"runs":2}"#)
        XCTAssertEqual(try LogCheckpoint(configMap: cm), cp)
    }

    /// The hourly error series: stored as `HOUR COUNT` lines, read back; a checkpoint written
    /// before it existed loads with an empty series; a run's minutes add to their hours and
    /// hours older than `errorHours` before the newest are dropped.
    func testTheHourlyErrorSeriesRoundTripsLoadsFromOldCheckpointsAndIsBounded() throws {
        let hour = 1_767_603_600 // 2026-01-05T09:00:00Z
        var cp = LogCheckpoint(newestLine: 1_767_610_200, workloads: [
            "backend-deployment": .init(baseline: LogBaseline(runs: 1), templates: "", errorsPerHour: [hour: 3, hour + 3600: 0])])
        let (cm, _) = try cp.configMap(name: "shipshape-logs-dev", namespace: "chatbot-dev")
        XCTAssertEqual(cm[path: ["data", "backend-deployment.errors-hourly"]]?.string, "1767603600 3\n1767607200 0\n")
        XCTAssertEqual(try LogCheckpoint(configMap: cm), cp)

        let old: Value = ["metadata": ["name": "shipshape-logs-dev", "namespace": "chatbot-dev"],
                          "data": ["version": "1", "backend-deployment.baseline": #"{"rates":{},"runs":1}"#, "backend-deployment.templates": ""]]
        XCTAssertEqual(try LogCheckpoint(configMap: old).workloads["backend-deployment"]?.errorsPerHour, [:])

        // Minute 09:59 adds 2 to 09:00; minute 10:00 eight days on opens a new hour, and only
        // the 192 hours up to it are kept: 09:00 and 10:00 of the first day are 192 and 191 hours old.
        let eightDays = LogCheckpoint.errorHours * 3600
        cp.workloads["backend-deployment"]!.errorsPerHour = LogCheckpoint.addingErrors(
            [hour: 3, hour + 3600: 0], minutes: [(hour + 3540) / 60: 2, (hour + eightDays) / 60: 4])
        XCTAssertEqual(cp.workloads["backend-deployment"]!.errorsPerHour, [hour + 3600: 0, hour + eightDays: 4])
        XCTAssertEqual(LogCheckpoint.addingErrors([hour: 3], minutes: [(hour + 3540) / 60: 2, (hour + 3600) / 60: 1]), [hour: 5, hour + 3600: 1])

        let broken: Value = ["metadata": ["name": "shipshape-logs-dev", "namespace": "chatbot-dev"],
                             "data": ["version": "1", "backend-deployment.baseline": #"{"rates":{},"runs":1}"#,
                                      "backend-deployment.errors-hourly": "09:00 three\n"]]
        XCTAssertThrowsError(try LogCheckpoint(configMap: broken)) {
            XCTAssertEqual("\($0)", "ConfigMap chatbot-dev/shipshape-logs-dev key backend-deployment.errors-hourly: line \"09:00 three\" is not `HOUR-START COUNT`; delete the key to start the series again")
        }
    }

    func testWorkloadsPastTheSizeBoundAreLeftOut() throws {
        let big = String(repeating: "x", count: 400_000)
        var cp = LogCheckpoint()
        for name in ["a", "b", "c"] { cp.workloads[name] = .init(baseline: LogBaseline(), templates: big) }
        let (cm, left) = try cp.configMap(name: "shipshape-logs-dev", namespace: "ns")
        XCTAssertEqual(left, ["c"])
        XCTAssertNotNil(cm[path: ["data", "b.templates"]])
    }

    func testAnUnknownVersionSaysWhatToDo() {
        XCTAssertThrowsError(try LogCheckpoint(configMap: ["metadata": ["name": "shipshape-logs-dev", "namespace": "ns"], "data": ["version": "9"]])) {
            XCTAssertEqual("\($0)", "ConfigMap ns/shipshape-logs-dev: checkpoint version 9 is not 1; delete the ConfigMap to start learning again")
        }
    }

    func testTimestampsParseAndPrintAsTheLogsAPIWritesThem() {
        XCTAssertEqual(LogTimestamp.parse("2026-01-05T10:50:00.250000000Z"), 1_767_610_200.25)
        XCTAssertEqual(LogTimestamp.parse("2026-01-05T12:50:00+02:00"), 1_767_610_200)
        XCTAssertNil(LogTimestamp.parse("10:50:00 2026-01-05"))
        XCTAssertEqual(LogTimestamp.seconds(1_767_610_200.9), "2026-01-05T10:50:00Z")
        XCTAssertEqual(KubernetesLogSource.parse("2026-01-05T10:50:00.5Z a\n2026-01-05T10:50:01Z   File \"x\"\nno time\n"),
                       [LogLine(time: 1_767_610_200.5, text: "a"), LogLine(time: 1_767_610_201, text: "  File \"x\""),
                        LogLine(time: 1_767_610_201, text: "no time")])
    }
}

/// A whole run over lines from a source, through `LogScan`, with a damaged checkpoint named.
final class LogScanTests: XCTestCase {
    /// Lines held in memory: a source for the scan's own logic (the Kubernetes one is tested against the Sandbox).
    struct Lines: LogSource {
        var byStream: [LogStream: [LogLine]]
        func streams() throws -> [LogStream] { byStream.keys.sorted { $0.pod < $1.pod } }
        func lines(_ stream: LogStream, since: LogSince) throws -> [LogLine] {
            guard case .after(let t) = since else { return byStream[stream] ?? [] }
            return (byStream[stream] ?? []).filter { $0.time > t }
        }
    }

    func testTheSecondRunReportsOnlyWhatIsNewAndTracesCountOnce() throws {
        let stream = LogStream(pod: "api-1", container: "main", workload: "api")
        var lines: [LogLine] = (0..<100).map { LogLine(time: Double($0 * 6), text: "[INFO] served request \($0) in \($0 % 50)ms") }
        let scan = LogScan(namespace: "ns", rules: AlertRules())
        let first = try scan.run(source: Lines(byStream: [stream: lines]), checkpoint: LogCheckpoint())
        XCTAssertEqual(first.findings, [])
        XCTAssertEqual(first.checkpoint.newestLine, 594)
        lines += [LogLine(time: 600, text: "[ERROR] unhandled exception"), LogLine(time: 600, text: "Traceback (most recent call last):"),
                  LogLine(time: 600, text: "  File \"/app/x.py\", line 1, in f"), LogLine(time: 600, text: "KeyError: 7"),
                  LogLine(time: 606, text: "[INFO] served request 101 in 3ms")]
        let second = try scan.run(source: Lines(byStream: [stream: lines]), checkpoint: first.checkpoint)
        XCTAssertEqual(second.lines, 5)
        XCTAssertEqual(second.events, 2)
        XCTAssertEqual(second.findings.map(\.summary), ["new pattern \"[ERROR] unhandled exception KeyError: <*>\": 1 events"])
        XCTAssertEqual(second.counts["api"]?.total(.errors), 1)
    }

    /// The first run learns a workload's rates over the span its lines cover, not the whole
    /// look-back: 100 lines over the last 9.9 minutes of a 1-hour window are 10.1 a minute, so
    /// the same rate in the next run is no surge (over 60 minutes the baseline was 1.7 a minute,
    /// and the next run's 10 a minute a 6× surge of every template).
    func testTheFirstRunLearnsOverTheSpanItsLinesCover() throws {
        let stream = LogStream(pod: "api-1", container: "main", workload: "api")
        var lines: [LogLine] = (0..<100).map { LogLine(time: 3000 + Double($0 * 6), text: "[INFO] served request \($0) in 3ms") }
        let scan = LogScan(namespace: "ns", rules: AlertRules())
        let first = try scan.run(source: Lines(byStream: [stream: lines]), checkpoint: LogCheckpoint())
        XCTAssertEqual(first.minutes, 60)
        XCTAssertEqual(first.checkpoint.workloads["api"]?.baseline.rates["template.1"], 100 / 9.9)
        lines += (100..<150).map { LogLine(time: 3000 + Double($0 * 6), text: "[INFO] served request \($0) in 3ms") }
        let second = try scan.run(source: Lines(byStream: [stream: lines]), checkpoint: first.checkpoint)
        XCTAssertEqual(second.minutes, 5)
        XCTAssertEqual(second.findings, [])
        XCTAssertEqual(LogScan.learningMinutes(from: nil, to: nil, window: 60), 60)
        XCTAssertEqual(LogScan.learningMinutes(from: 100, to: 110, window: 60), 1)
        XCTAssertEqual(LogScan.learningMinutes(from: 0, to: 7200, window: 60), 60)
    }

    func testADamagedTemplatesKeyIsNamedWithWhatToDo() {
        let stream = LogStream(pod: "api-1", container: "main", workload: "api")
        let damaged = LogCheckpoint(newestLine: 0, workloads: ["api": .init(baseline: LogBaseline(runs: 1), templates: "garbage\n")])
        XCTAssertThrowsError(try LogScan(namespace: "ns", rules: AlertRules()).run(source: Lines(byStream: [stream: []]), checkpoint: damaged)) {
            XCTAssertEqual("\($0)", "checkpoint key api.templates: log template state, line 1: unexpected \"garbage\"; expected a file written by the template miner; delete the key to start learning this workload again")
        }
    }
}
