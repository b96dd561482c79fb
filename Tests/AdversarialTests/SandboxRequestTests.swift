import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import XCTest

/// The Sandbox answers hostile requests as a real API server does: 413 past 3 MiB, 400 for
/// nesting past the decoder's depth, 422 with the field path, bounded watches; and it lives on.
final class SandboxRequestTests: HostileTestCase {
    func testOversizedBodyIs413() throws {
        let base = try startSandbox()
        let body = String(repeating: "a", count: 4 << 20)
        let r = try request("POST", base + "/api/v1/namespaces/default/configmaps", body: body, contentType: "application/json")
        XCTAssertEqual(r.status, 413, r.body)
        XCTAssertEqual(r.body.trimmingCharacters(in: .whitespacesAndNewlines), #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Request entity too large: limit is 3145728","reason":"RequestEntityTooLarge","code":413}"#)
        XCTAssertEqual(try request("GET", base + "/sandbox/status").status, 200)
    }

    func testDeeplyNestedBodiesAre400NotAStackOverflow() throws {
        let base = try startSandbox()
        let json = String(repeating: #"{"a":"#, count: 5000) + "1" + String(repeating: "}", count: 5000)
        var r = try request("POST", base + "/api/v1/namespaces/default/configmaps", body: json, contentType: "application/json")
        XCTAssertEqual(r.status, 400, r.body)
        XCTAssertTrue(r.body.contains("nesting deeper than 1000 levels"), r.body)
        let yaml = "a: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        r = try request("POST", base + "/api/v1/namespaces/default/configmaps", body: yaml, contentType: "application/yaml")
        XCTAssertEqual(r.status, 400, r.body)
        XCTAssertTrue(r.body.contains("nesting deeper than 512 levels"), r.body)
        XCTAssertEqual(try request("GET", base + "/sandbox/status").status, 200)
    }

    func testInvalidObjectIs422WithTheFieldPath() throws {
        let base = try startSandbox()
        let r = try request("POST", base + "/apis/apps/v1/namespaces/default/deployments",
                            body: #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":-1,"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}"#,
                            contentType: "application/json")
        XCTAssertEqual(r.status, 422, r.body)
        XCTAssertTrue(r.body.contains(#""field":"spec.replicas""#), r.body)
    }

    /// `timeoutSeconds=inf` on a watch: the server bounds it (an hour) instead of trapping.
    func testAWatchWithAnInfiniteTimeoutDoesNotKillTheServer() throws {
        let base = try startSandbox()
        var r = URLRequest(url: URL(string: base + "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=inf")!)
        r.setValue("Bearer sandbox", forHTTPHeaderField: "Authorization")
        r.timeoutInterval = 2
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: r) { _, _, _ in done.signal() }.resume()
        _ = done.wait(timeout: .now() + 10)
        XCTAssertEqual(try request("GET", base + "/sandbox/status").status, 200, "the server is still up")
        XCTAssertTrue(sandbox!.isRunning)
    }

    /// A client that opens a watch and stops reading: the server keeps at most 8 MiB of events
    /// for it, then ends the watch and closes the connection (kube-apiserver closes a watcher
    /// whose buffer stays full), and goes on serving everyone else.
    func testAWatchClientThatStopsReadingIsCutOffNotBuffered() throws {
        let base = try startSandbox()
        let port = try XCTUnwrap(URL(string: base)?.port)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var small: Int32 = 4096
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        XCTAssertEqual(connected, 0)
        let watch = "GET /api/v1/namespaces/default/configmaps?watch=true HTTP/1.1\r\nHost: sandbox\r\nAuthorization: Bearer sandbox\r\n\r\n"
        XCTAssertEqual(watch.withCString { send(fd, $0, strlen($0), 0) }, watch.utf8.count)
        Thread.sleep(forTimeInterval: 0.2)

        // 40 ConfigMaps of 700 KiB: 28 MiB of events, far past the backlog, the kernel's
        // socket buffers and the watcher's share.
        let data = String(repeating: "x", count: 700 << 10)
        for i in 0..<40 {
            let r = try request("POST", base + "/api/v1/namespaces/default/configmaps",
                                body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"big-\#(i)"},"data":{"k":"\#(data)"}}"#,
                                contentType: "application/json")
            XCTAssertEqual(r.status, 201, r.body)
        }
        // Now read: what was sent arrives, then the end of the connection, well short of the
        // whole stream.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var ended = false
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { ended = true; break }
            if n < 0 { break }
            received += n
        }
        XCTAssertTrue(ended, "the server closed the stalled watch (read \(received) bytes, then \(ended ? "EOF" : "a timeout"))")
        XCTAssertLessThan(received, 40 * (700 << 10), "the watch was cut off before its whole stream")
        XCTAssertEqual(try request("GET", base + "/api/v1/namespaces/default/configmaps/big-39").status, 200, "the server goes on serving")
    }
}
