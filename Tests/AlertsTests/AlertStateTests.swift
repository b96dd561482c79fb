import Alerts
import XCTest

/// The open-alert state's transitions, pure: what opens, what re-sends keep, what resolves and
/// why, and what each kind of sink is owed.
final class AlertStateTests: XCTestCase {
    func crashLoop(_ summary: String = "container backend keeps crashing", source: String = "crash-loop/Deployment/backend-deployment/backend") -> Alert {
        Alert(alertname: "CrashLoop", severity: "critical", namespace: "chatbot-dev", workload: "backend-deployment", container: "backend",
              fault: "crash-loop", annotations: ["summary": summary], startsAt: 100, generatorURL: "shipshape://dev/heal/runs/x", source: source)
    }

    func testFingerprintIsAlertmanagersFNV64a() {
        // The values Alertmanager 0.25 answers for these label sets (AlertmanagerEndToEndTests
        // compares with the live one): FNV-1a over each name and value, each followed by 0xff.
        XCTAssertEqual(AlertFingerprint.of([:]), "cbf29ce484222325")
        XCTAssertEqual(crashLoop().fingerprint, "fc1435a8c0bd1d11")
        XCTAssertEqual(AlertFingerprint.of(["alertname": "CrashLoop", "severity": "critical"]), "5bd7959565d631bb")
    }

    func testReSendsKeepLabelsAndStartAndTakeNewAnnotations() {
        var state = AlertState()
        let first = state.apply(.init(firing: [crashLoop()]), now: 100, resolutionSinks: ["alertmanager"])
        XCTAssertEqual(first.opened.count, 1)
        var later = crashLoop("container backend keeps crashing: 4 restarts")
        later.startsAt = 160
        let second = state.apply(.init(firing: [later]), now: 160, resolutionSinks: ["alertmanager"])
        XCTAssertEqual(second.opened, [])
        XCTAssertEqual(second.resolved, [])
        let open = state.openAlerts
        XCTAssertEqual(open.count, 1)
        XCTAssertEqual(open[0].alert.startsAt, 100)
        XCTAssertEqual(open[0].alert.annotations["summary"], "container backend keeps crashing: 4 restarts")
        XCTAssertEqual(open[0].lastSeen, 160)
    }

    func testAResolutionSaysWhyAndIsOwedToAlertmanagerAndToSinksThatWereNotified() {
        var state = AlertState()
        state.apply(.init(firing: [crashLoop()]), now: 100, resolutionSinks: ["alertmanager"])
        state.open[crashLoop().fingerprint]?.notified = ["slack"]
        let r = state.apply(.init(firing: [], resolved: ["crash-loop/Deployment/backend-deployment/backend": .fixed("heal verified its fix")]),
                            now: 400, resolutionSinks: ["alertmanager"])
        XCTAssertEqual(r.resolved, [crashLoop().fingerprint])
        XCTAssertTrue(state.open.isEmpty)
        XCTAssertEqual(state.resolved.count, 1)
        XCTAssertEqual(state.resolved[0].endsAt, 400)
        XCTAssertEqual(state.resolved[0].owed, ["alertmanager", "slack"])
        XCTAssertEqual(state.resolved[0].alert.annotations["resolution"], "fixed")
        XCTAssertEqual(state.resolved[0].alert.annotations["resolution_detail"], "heal verified its fix")
    }

    func testAnAlertTheJobCouldNotSeeStaysOpenAndOneItNoLongerReportsClears() {
        var state = AlertState()
        let other = crashLoop(source: "crash-loop/Deployment/frontend-deployment/frontend")
        var otherAlert = other
        otherAlert.labels["workload"] = "frontend-deployment"
        state.apply(.init(firing: [crashLoop(), otherAlert]), now: 100, resolutionSinks: [])
        let r = state.apply(.init(firing: [], unseen: ["crash-loop/Deployment/backend-deployment/backend"]), now: 160, resolutionSinks: ["alertmanager"])
        XCTAssertEqual(r.resolved, [otherAlert.fingerprint])
        XCTAssertEqual(Array(state.open.keys), [crashLoop().fingerprint])
        XCTAssertEqual(state.resolved.map { $0.alert.annotations["resolution"] }, ["cleared"])
    }

    /// Every resolution goes into the history (the weekly report's list), owed to a sink or
    /// not; a state written before the history existed loads with an empty one.
    func testResolutionsAreKeptInTheHistoryAndOldStatesLoad() throws {
        var state = AlertState()
        state.apply(.init(firing: [crashLoop()]), now: 100, resolutionSinks: [])
        state.apply(.init(firing: []), now: 160, resolutionSinks: [])
        XCTAssertEqual(state.resolved, [], "no sink is owed it")
        XCTAssertEqual(state.history.map { "\($0.alert.name) \($0.alert.startsAt) \($0.endsAt) \($0.resolution.annotation)" },
                       ["\(crashLoop().name) \(crashLoop().startsAt) 160.0 cleared"])
        // The resolution's own annotations are in `resolution`; only the summary is kept.
        XCTAssertEqual(state.history.first?.alert.annotations, ["summary": "container backend keeps crashing"])
        XCTAssertEqual(try AlertState(decoding: try state.encoded(), place: "test"), state)
        // Eight days on, the next resolution drops it.
        state.apply(.init(firing: [crashLoop()]), now: 160 + AlertState.historySeconds, resolutionSinks: [])
        state.apply(.init(firing: []), now: 161 + AlertState.historySeconds, resolutionSinks: [])
        XCTAssertEqual(state.history.map(\.endsAt), [161 + AlertState.historySeconds])
        let old = try AlertState(decoding: #"{"state":{"open":{},"resolved":[]},"version":1}"#, place: "test")
        XCTAssertEqual(old, AlertState())
    }

    func testTheStateRoundTripsThroughItsDocument() throws {
        var state = AlertState()
        state.apply(.init(firing: [crashLoop()]), now: 100, resolutionSinks: [])
        let text = try state.encoded()
        XCTAssertEqual(try AlertState(decoding: text, place: "test"), state)
        XCTAssertThrowsError(try AlertState(decoding: "{\"version\":2,\"state\":{}}", place: "ConfigMap a/b key alerts.json")) { e in
            XCTAssertEqual("\(e)", "ConfigMap a/b key alerts.json: alert state version 2 is not 1; delete the key to start afresh")
        }
    }
}
