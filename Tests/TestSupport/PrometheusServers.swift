import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Debian's real `prometheus` and `prometheus-pushgateway`, started by tests on loopback with
/// their own configuration, a free port and their own storage directory, and stopped (by
/// process id) when the test ends. scripts/install-deps.sh installs both; a missing binary is
/// an error that says so, never a skipped test.
public final class MonitoringServer {
    public struct Missing: Error, CustomStringConvertible {
        public var binary: String
        public var description: String { "\(binary) is not on the PATH: apt-get install prometheus prometheus-pushgateway prometheus-alertmanager (scripts/install-deps.sh does)" }
    }

    public struct NotReady: Error, CustomStringConvertible {
        public var description: String
    }

    public let url: String
    public let directory: URL
    private let process: Process
    private let log: URL

    /// Prometheus scraping `targets` (host:port) every `interval` (e.g. "50ms") with
    /// `honor_timestamps: true`, so samples keep the Sandbox's simulated time, and an
    /// out-of-order window wide enough for simulated time and wall time (which stamps the
    /// scrape's own `up` series) to be months apart (docs/sandbox.md).
    public static func prometheus(scraping targets: [String], interval: String = "1s") throws -> MonitoringServer {
        guard let binary = Subprocess.find("prometheus") else { throw Missing(binary: "prometheus") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("prometheus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        let config = """
            global:
              scrape_interval: \(interval)
              scrape_timeout: \(interval)
            # Simulated time is far from the wall clock that stamps `up`: accept both.
            storage:
              tsdb:
                out_of_order_time_window: 400d
            scrape_configs:
              - job_name: sandbox
                honor_timestamps: true
                static_configs:
                  - targets: [\(targets.map { "\"\($0)\"" }.joined(separator: ", "))]

            """
        try config.write(to: dir.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        let port = try freePort()
        let server = try MonitoringServer(binary: binary, arguments: [
            "--config.file=\(dir.path)/prometheus.yml", "--storage.tsdb.path=\(dir.path)/data",
            "--web.listen-address=127.0.0.1:\(port)", "--storage.tsdb.retention.time=3650d",
        ], url: "http://127.0.0.1:\(port)", directory: dir)
        try server.waitUntilReady(path: "/-/ready")
        return server
    }

    /// A Pushgateway on a free loopback port, keeping its state in memory.
    public static func pushgateway() throws -> MonitoringServer {
        guard let binary = Subprocess.find("prometheus-pushgateway") else { throw Missing(binary: "prometheus-pushgateway") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pushgateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let port = try freePort()
        let server = try MonitoringServer(binary: binary, arguments: ["--web.listen-address=127.0.0.1:\(port)"],
                                          url: "http://127.0.0.1:\(port)", directory: dir)
        try server.waitUntilReady(path: "/-/ready")
        return server
    }

    /// Debian's Alertmanager (`prometheus-alertmanager`) on loopback with `config` (an
    /// alertmanager.yml) and its own storage, clustering off. `port` restarts one on the port
    /// an earlier one had (Alertmanager back after being down).
    public static func alertmanager(config: String, port: Int? = nil) throws -> MonitoringServer {
        guard let binary = Subprocess.find("prometheus-alertmanager") else { throw Missing(binary: "prometheus-alertmanager") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("alertmanager-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try config.write(to: dir.appendingPathComponent("alertmanager.yml"), atomically: true, encoding: .utf8)
        let port = try port ?? freePort()
        let server = try MonitoringServer(binary: binary, arguments: [
            "--config.file=\(dir.path)/alertmanager.yml", "--storage.path=\(dir.path)/data",
            "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=",
        ], url: "http://127.0.0.1:\(port)", directory: dir)
        try server.waitUntilReady(path: "/-/ready")
        return server
    }

    private init(binary: String, arguments: [String], url: String, directory: URL) throws {
        self.url = url
        self.directory = directory
        log = directory.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit { stop() }

    /// The server's own log (for failure messages).
    public var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Stops the server (SIGTERM to its process id, then waits) and removes its directory.
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// GET `path` on the server: status and body (status 0 when nothing answers).
    public func get(_ path: String) -> (status: Int, body: String) {
        Self.get(url + path)
    }

    static func get(_ url: String) -> (status: Int, body: String) {
        guard let u = URL(string: url) else { return (0, "") }
        nonisolated(unsafe) var result: (Int, String) = (0, "")
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: u) { data, response, _ in
            result = ((response as? HTTPURLResponse)?.statusCode ?? 0, data.map { String(decoding: $0, as: UTF8.self) } ?? "")
            done.signal()
        }.resume()
        done.wait()
        return result
    }

    private func waitUntilReady(path: String) throws {
        for _ in 0..<300 {
            if get(path).status == 200 { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let text = output
        stop()
        throw NotReady(description: "\(process.executableURL?.path ?? "server") did not become ready at \(url)\(path): \(text.suffix(2000))")
    }

    /// A TCP port nothing listens on now (the kernel's choice for port 0).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw NotReady(description: "socket: errno \(errno)") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        guard bound == 0 else { throw NotReady(description: "bind: errno \(errno)") }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
