import Foundation
import TestSupport
import XCTest
@testable import Sandbox

/// The kubectl commands that need a container runtime (exec, attach, cp, port-forward, debug,
/// and `run -it`'s attach) fail at once with the Sandbox's 501, which says why and what to use
/// instead, over kubectl's WebSocket attempt and its SPDY fallback alike.
final class KubectlContainerStreamTests: SandboxHTTPTestCase {
    func testExecAttachCopyAndPortForwardFailWithTheSandboxsReason() throws {
        try startServer(start: Self.start)
        try kubectlOK("apply", "--server-side", "-f", try write(Self.deployment(name: "web", replicas: 1), to: "web.yaml"))
        try advance(10)
        let pod = try kubectlOK("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[0].metadata.name}")
        let exec = "Error from server (NotImplemented): the Sandbox has no container runtime to exec into pod \"\(pod)\" (its containers are simulated): read its output with \"kubectl logs \(pod)\" and its state with \"kubectl describe pod \(pod)\"\n"
        let cases: [(arguments: [String], stderr: String)] = [
            (["exec", pod, "--", "ls"], exec),
            (["exec", "-i", "deployment/web", "--", "sh"], exec),
            (["cp", "\(pod):/etc/hosts", directory.appendingPathComponent("hosts").path], exec),
            (["cp", try write("x", to: "upload"), "\(pod):/tmp/upload"], exec),
            (["attach", pod], "If you don't see a command prompt, try pressing enter.\n"
                + "Error from server (NotImplemented): the Sandbox has no container runtime to attach to pod \"\(pod)\" (its containers are simulated): read its output with \"kubectl logs \(pod)\" and its state with \"kubectl describe pod \(pod)\"\n"),
            (["port-forward", pod, "8080:80"], "error: error upgrading connection: the Sandbox has no container runtime to forward ports to pod \"\(pod)\" (its containers are simulated): nothing listens on its ports; read its state with \"kubectl describe pod \(pod)\" and its usage with \"kubectl top pod \(pod)\"\n"),
            (["exec", "nope", "--", "ls"], "Error from server (NotFound): pods \"nope\" not found\n"),
        ]
        for c in cases {
            let r = try kubectl(c.arguments)
            XCTAssertEqual(r.status, 1, c.arguments.joined(separator: " "))
            XCTAssertEqual(r.stderr, c.stderr, c.arguments.joined(separator: " "))
            XCTAssertEqual(r.stdout, "", c.arguments.joined(separator: " "))
        }
        // kubectl debug adds an ephemeral container: refused the same way (kubectl names the
        // container itself, with a random suffix, on stdout).
        let debug = try kubectl("debug", pod, "--image=busybox", "--profile=general")
        XCTAssertEqual(debug.status, 1)
        XCTAssertTrue(debug.stdout.hasPrefix("Defaulting debug container name to debugger-"), debug.stdout)
        XCTAssertEqual(debug.stderr, "Error from server (NotImplemented): the Sandbox has no container runtime to add a debug container to pod \"\(pod)\" (its containers are simulated): read its output with \"kubectl logs \(pod)\" and its state with \"kubectl describe pod \(pod)\", or run a debugging pod of its own with kubectl apply\n")
        XCTAssertEqual(try http("GET", "/api/v1/namespaces/default/pods/\(pod)/ephemeralcontainers").json[path: ["metadata", "name"]]?.string, pod)
        // Discovery names the subresources as kube-apiserver does.
        let resources = try http("GET", "/api/v1").json["resources"]?.array ?? []
        let execResource = resources.first { $0["name"]?.string == "pods/exec" }
        XCTAssertEqual(execResource?["kind"], "PodExecOptions")
        XCTAssertEqual(execResource?["verbs"], ["create", "get"])
    }
}
