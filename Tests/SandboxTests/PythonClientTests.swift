import Foundation
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// The PyPI `kubernetes` client (scripts/install-deps.sh installs it) against a Sandbox on
/// loopback: it lists pods and watches Deployments, seeing the changes the test makes.
final class PythonClientTests: SandboxHTTPTestCase {
    /// Lists pods, notes the Deployments' resourceVersion, says it is ready (a marker file),
    /// then watches Deployments from that version until it sees `web` at 4 replicas.
    static let script = """
        import sys, pathlib
        from kubernetes import client, config, watch

        kubeconfig, ready = sys.argv[1], sys.argv[2]
        config.load_kube_config(config_file=kubeconfig)
        core, apps = client.CoreV1Api(), client.AppsV1Api()
        for pod in core.list_namespaced_pod("default", label_selector="app=api").items:
            print("POD", pod.metadata.name, pod.status.phase, pod.spec.containers[0].image)
        listed = apps.list_namespaced_deployment("default")
        print("LISTED", len(listed.items), "deployments")
        pathlib.Path(ready).write_text(listed.metadata.resource_version)
        w = watch.Watch()
        for event in w.stream(apps.list_namespaced_deployment, "default",
                              resource_version=listed.metadata.resource_version, timeout_seconds=60):
            d = event["object"]
            print("EVENT", event["type"], d.metadata.name, d.spec.replicas, d.metadata.generation)
            if event["type"] == "MODIFIED" and d.metadata.name == "web" and d.spec.replicas == 4:
                w.stop()
        print("DONE")
        """

    func testListAndWatchWithThePythonClient() throws {
        guard let python = Subprocess.find("python3") else { throw TestServerError("python3 is not on PATH") }
        let probe = try Subprocess.run(python, ["-c", "import kubernetes"])
        XCTAssertEqual(probe.status, 0, "the kubernetes Python package is missing: run scripts/install-deps.sh (\(probe.stderr))")
        guard probe.status == 0 else { return }

        try startServer()
        let cluster = server.cluster
        apply(cluster, Self.deployment(name: "api", replicas: 2))
        try advance(20)
        let scriptPath = try write(Self.script, to: "list_and_watch.py")
        let ready = directory.appendingPathComponent("ready").path

        nonisolated(unsafe) var result: Subprocess.Result?
        let finished = DispatchSemaphore(value: 0)
        let kubeconfig = kubeconfigPath
        Thread.detachNewThread {
            result = try? Subprocess.run(python, [scriptPath, kubeconfig, ready])
            finished.signal()
        }
        // Changes made after the client's list: the watch from its resourceVersion must see them.
        while !FileManager.default.fileExists(atPath: ready) {
            if finished.wait(timeout: .now() + 0.05) == .success { finished.signal(); break }
        }
        apply(cluster, Self.deployment(name: "web", replicas: 2))
        apply(cluster, Self.deployment(name: "web", replicas: 4))
        finished.wait()

        let output = try XCTUnwrap(result)
        XCTAssertEqual(output.status, 0, output.stderr)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        let pods = lines.filter { $0.hasPrefix("POD ") }
        XCTAssertEqual(pods.count, 2, output.stdout)
        for pod in pods { XCTAssertTrue(pod.hasSuffix(" Running nginx:1.27") && pod.hasPrefix("POD api-"), pod) }
        XCTAssertTrue(lines.contains("LISTED 1 deployments"), output.stdout)
        XCTAssertTrue(lines.contains("EVENT ADDED web 2 1"), output.stdout)
        XCTAssertTrue(lines.contains("EVENT MODIFIED web 4 2"), output.stdout)
        XCTAssertFalse(lines.contains { $0.hasPrefix("EVENT ADDED api") }, "api existed before the watch's resourceVersion")
        XCTAssertEqual(lines.last, "DONE")
    }
}
