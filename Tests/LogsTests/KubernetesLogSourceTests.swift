import KubeClient
import Logs
import Sandbox
import XCTest
import YAML

/// `KubernetesLogSource` against the Sandbox's logs API over HTTP: a restarted, running
/// container is read with `previous=true` too (the crash report of the instance that ended),
/// `sinceTime` reads on from the last run without a line twice, and Job pods are left out.
final class KubernetesLogSourceTests: XCTestCase {
    static let start = 1_767_606_600.0
    var server: SandboxServer!
    var cluster: Cluster!
    var api: KubeAPI!

    override func setUpWithError() throws {
        cluster = Cluster(scenario: .default, start: Self.start, seed: 7)
        server = SandboxServer(cluster: cluster, speed: 1)
        let url = try server.start(port: 0, runClock: false)
        api = try KubeAPI(config: ClientConfig(server: url, namespace: "chatbot-dev"))
        _ = try api.apply(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "chatbot-dev"]], fieldManager: "test")
    }

    override func tearDown() { server?.shutdown() }

    func deploy(_ name: String, image: String) throws {
        _ = try api.apply(["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name), "namespace": "chatbot-dev"],
                           "spec": ["replicas": 1, "selector": ["matchLabels": ["app": .string(name)]],
                                    "template": ["metadata": ["labels": ["app": .string(name)]],
                                                 "spec": ["containers": [["name": "main", "image": .string(image)]]]]]],
                          fieldManager: "test", force: true)
    }

    func testARestartedRunningContainerIsReadWithItsPreviousInstance() throws {
        try deploy("backend", image: "todo-chatbot/backend:1.4.1-crash")
        let source = KubernetesLogSource(api: api, namespace: "chatbot-dev")
        // Move on until the container runs again after a restart.
        var stream: LogStream?
        for _ in 0..<600 {
            cluster.advance(by: 1)
            if let s = try source.streams().first, s.previousFinishedAt != nil { stream = s; break }
        }
        let restarted = try XCTUnwrap(stream, "the crashing container never ran again after a restart")
        XCTAssertEqual(restarted.workload, "backend")
        XCTAssertEqual(restarted.container, "main")
        let lines = try source.lines(restarted, since: .last(seconds: 3600))
        // The ended instance's crash report (a trace: only its first line has the level), then the running one's start.
        let texts = lines.map(\.text)
        let report = try XCTUnwrap(texts.firstIndex(of: "[ERROR] Traceback (most recent call last):"), "\(texts)")
        XCTAssertEqual(Array(texts[report...].prefix(4)), ["[ERROR] Traceback (most recent call last):", "  File \"/app/main.py\", line 42, in <module>",
                                                            "    app.run()", "RuntimeError: unhandled exception, exiting with code 1"])
        XCTAssertEqual(lines.map(\.time), lines.map(\.time).sorted(), "oldest first")
        // From the newest line read on, nothing is read again; later lines are.
        let newest = try XCTUnwrap(lines.last?.time)
        XCTAssertEqual(try source.lines(restarted, since: .after(newest)), [])
        cluster.advance(by: 2)
        let next = try source.lines(try XCTUnwrap(source.streams().first), since: .after(newest))
        XCTAssertFalse(next.isEmpty)
        XCTAssertTrue(next.allSatisfy { $0.time > newest })
    }

    func testJobPodsAndContainersThatNeverStartedAreLeftOut() throws {
        _ = try api.apply(["apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "once", "namespace": "chatbot-dev"],
                           "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "c", "image": "busybox:1.36"]]]]]],
                          fieldManager: "test")
        try deploy("web", image: "nginx:1.27")
        try deploy("ghost", image: "no-such-image:1")
        cluster.advance(by: 30)
        XCTAssertEqual(try KubernetesLogSource(api: api, namespace: "chatbot-dev").streams().map { "\($0.workload)/\($0.container)" }, ["web/main"])
    }
}
