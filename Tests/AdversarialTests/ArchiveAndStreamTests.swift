import Foundation
import TestSupport
import XCTest

/// Hostile archives, arguments and streams: each is a clean error with a bounded cost.
final class ArchiveAndStreamTests: HostileTestCase {
    /// gzip-compresses `bytes` with the system's gzip (what `helm package` output is).
    func gzip(_ bytes: [UInt8], to path: String) throws {
        let raw = work.appendingPathComponent("raw.tar")
        try Data(bytes).write(to: raw)
        let r = try Subprocess.run("/usr/bin/env", ["sh", "-c", "gzip -1 -c \"$0\" > \"$1\"", raw.path, path])
        XCTAssertEqual(r.status, 0, r.stderr)
        try FileManager.default.removeItem(at: raw)
    }

    /// One ustar header for a regular file `name` whose size field reads `size`.
    func tarHeader(_ name: String, size: String) -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 512)
        h.replaceSubrange(0..<name.utf8.count, with: Array(name.utf8))
        let field = Array(size.utf8)
        h.replaceSubrange(124..<(124 + field.count), with: field)
        h[156] = UInt8(ascii: "0")
        return h
    }

    func testTarEntryOfSizeMinusOneIsACorruptHeader() throws {
        let archive = work.appendingPathComponent("chart.tgz").path
        try gzip(tarHeader("chart/Chart.yaml", size: "-1") + [UInt8](repeating: 0, count: 1024), to: archive)
        let r = try shipshape(["render", "chart.tgz"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "Error: \(archive): corrupt tar header at byte 0\n")
        XCTAssertEqual(r.stdout, "")
    }

    /// Two archived sub-charts of 300 MB each: each is under the 512 MB cap, together they
    /// are not, and the load stops at the cap instead of unpacking them all.
    func testTheUnpackCapAppliesToAllSubchartArchivesTogether() throws {
        let chart = work.appendingPathComponent("parent")
        try FileManager.default.createDirectory(at: chart.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try "apiVersion: v2\nname: parent\nversion: 0.1.0\n".write(to: chart.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        let size = 300 << 20
        let chartYAML = Array("apiVersion: v2\nname: big\nversion: 1.0.0\n".utf8)
        var tar = tarHeader("big/Chart.yaml", size: String(chartYAML.count, radix: 8))
        tar += chartYAML + [UInt8](repeating: 0, count: 512 - chartYAML.count)
        tar += tarHeader("big/files.bin", size: String(size, radix: 8))
        tar += [UInt8](repeating: 0, count: size + 1024)
        try gzip(tar, to: chart.appendingPathComponent("charts/a.tgz").path)
        tar = []
        try FileManager.default.copyItem(at: chart.appendingPathComponent("charts/a.tgz"), to: chart.appendingPathComponent("charts/b.tgz"))
        let r = try shipshape(["render", "parent"], timeout: 300)
        XCTAssertFalse(r.timedOut)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "Error: parent/charts/b.tgz: error unpacking subchart b.tgz in parent: archive expands beyond 512 MB (the chart and its archived sub-charts together)\n")
    }

    func testSetWith40000NestedIndexesIsAnErrorNotAStackOverflow() throws {
        try FileManager.default.createDirectory(at: work.appendingPathComponent("chart/templates"), withIntermediateDirectories: true)
        try "apiVersion: v2\nname: chart\nversion: 0.1.0\n".write(to: work.appendingPathComponent("chart/Chart.yaml"), atomically: true, encoding: .utf8)
        let set = "a" + String(repeating: "[0]", count: 40_000) + "=1"
        var r = try shipshape(["render", "chart", "--set", set])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "Error: failed parsing --set data: list index nested level is greater than maximum supported nested level of 100 (in --set a"
                       + String(repeating: "[0]", count: 66) + "[… (120003 characters))\n")
        let json = "a=" + String(repeating: "[", count: 40_000) + String(repeating: "]", count: 40_000)
        r = try shipshape(["render", "chart", "--set-json", json])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "Error: failed parsing --set-json data a=" + String(repeating: "[", count: 198) + "… (80002 characters)\n")
        r = try shipshape(["render", "chart", "--set", "a" + String(repeating: "[0]", count: 99) + "=1"])
        XCTAssertEqual(r.status, 0, "99 levels are still fine: \(r.stderr)")
    }

    /// An exec credential plugin that never answers is killed with its children after the
    /// timeout, and the command fails naming it.
    func testExecPluginThatNeverReturnsIsKilledWithItsGroup() throws {
        let plugin = work.appendingPathComponent("plugin.sh")
        try """
            #!/bin/sh
            echo $$ > "\(work.path)/plugin.pid"
            sleep 1000 &
            echo $! > "\(work.path)/child.pid"
            wait

            """.write(to: plugin, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
        try """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]
            users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: \(plugin.path), interactiveMode: Never}}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            current-context: c

            """.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["SHIPSHAPE_EXEC_TIMEOUT"] = "2"
        let r = try shipshape(["kube", "get", "pods", "--kubeconfig", kubeconfig], timeout: 60, environment: env)
        XCTAssertFalse(r.timedOut, "the wait is bounded")
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "Error: exec plugin \(plugin.path) did not answer within 2 s; it and its children were killed (is it waiting for input? exec plugins run non-interactively)\n")
        for file in ["plugin.pid", "child.pid"] {
            let pid = Int32(try String(contentsOf: work.appendingPathComponent(file), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
            XCTAssertTrue(isGone(pid), "\(file) \(pid) was killed")
        }
    }

    /// Gone, or a zombie waiting for init to reap it.
    func isGone(_ pid: Int32) -> Bool {
        for _ in 0..<100 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// A server whose response never ends: the client stops at its body limit.
    func testAResponseWithNoEndIsCutAtTheBodyLimit() throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let portFile = work.appendingPathComponent("port").path
        server.arguments = ["python3", "-c", """
            import socket, sys
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(4)
            open(sys.argv[1], "w").write(str(s.getsockname()[1]))
            chunk = b"x" * 65536
            while True:
                c, _ = s.accept()
                c.recv(65536)
                c.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\n\\r\\n")
                try:
                    while True: c.sendall(chunk)
                except Exception:
                    c.close()
            """, portFile]
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        for _ in 0..<100 where (try? String(contentsOfFile: portFile, encoding: .utf8))?.isEmpty ?? true { Thread.sleep(forTimeInterval: 0.05) }
        let port = try String(contentsOfFile: portFile, encoding: .utf8)
        try """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:\(port)"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: c, context: {cluster: c, user: u, namespace: default}}]
            current-context: c

            """.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
        let r = try shipshape(["kube", "get", "configmap", "x", "--kubeconfig", kubeconfig], timeout: 120)
        XCTAssertFalse(r.timedOut)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("Error: the response from http://127.0.0.1:\(port)/"), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix(" is larger than 256 MiB; stopped reading it (is the server an API server?)\n"), r.stderr)
    }
}
