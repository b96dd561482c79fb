import Foundation
import TestSupport
import XCTest
@testable import Sandbox

/// `kubectl get --watch` and `--watch-only` against the Sandbox: kubectl lists (Table), watches
/// from the list's resourceVersion asking for Tables again, and prints one row per event. The
/// clock is stopped, so every change happens when the test advances it and every AGE is known.
final class KubectlWatchTests: SandboxHTTPTestCase {
    func testGetWatchPrintsTheListThenOneRowPerChange() throws {
        try startServer(start: Self.start)
        let manifest = try write(Self.deployment(name: "web", replicas: 2), to: "web.yaml")
        try kubectlOK("apply", "--server-side", "-f", manifest)
        try advance(30)
        let watch = try kubectlInBackground("get", "pods", "-l", "app=web", "--watch")
        defer { watch.stop() }
        XCTAssertEqual(try watch.lines(3), [
            "NAME                   READY   STATUS    RESTARTS   AGE",
            "web-59c4456dbf-222cg   1/1     Running   0          29s",
            "web-59c4456dbf-c9qrt   1/1     Running   0          29s",
        ])
        let deployments = try kubectlInBackground("get", "deployments", "--watch-only", "--output-watch-events")
        defer { deployments.stop() }
        try waitForWatches(2)
        try kubectlOK("scale", "deployment", "web", "--replicas=3")
        try advance(1)
        // The new pod: created, scheduled, running; in the columns of the list, no new header.
        XCTAssertEqual(try watch.lines(3), [
            "web-59c4456dbf-cq6fd   0/1     Pending   0          0s",
            "web-59c4456dbf-cq6fd   0/1     Pending   0          0s",
            "web-59c4456dbf-cq6fd   1/1     Running   0          0s",
        ])
        // --watch-only prints no list, and its header with the first event.
        // The scale (spec), then the controller's status pass; the pod is ready a pass later.
        XCTAssertEqual(try deployments.lines(3), [
            "EVENT      NAME   READY   UP-TO-DATE   AVAILABLE   AGE",
            "MODIFIED   web    2/3     2            2           30s",
            "MODIFIED   web    2/3     2            2           31s",
        ])
        try advance(10)
        XCTAssertEqual(try deployments.lines(2), ["MODIFIED   web    2/3     3            2           32s", "MODIFIED   web    3/3     3            3           33s"])
        try kubectlOK("delete", "pod", "web-59c4456dbf-222cg")
        try advance(1)
        // The deleted pod's last row, then its replacement.
        XCTAssertEqual(try watch.lines(4), [
            "web-59c4456dbf-222cg   1/1     Running   0          40s",
            "web-59c4456dbf-bmq2z   0/1     Pending   0          0s",
            "web-59c4456dbf-bmq2z   0/1     Pending   0          0s",
            "web-59c4456dbf-bmq2z   1/1     Running   0          0s",
        ])
        XCTAssertEqual(watch.unread, "", "no other change reached the watch")
    }
}
