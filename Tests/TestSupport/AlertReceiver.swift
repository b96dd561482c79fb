import Foundation
import YAML

/// The test's receivers (Fixtures/receiver.py): webhooks over HTTP and email over SMTP
/// (aiosmtpd), each request or mail kept as one record, read back by the test. Alert tests
/// route Alertmanager here; the report test receives its Slack summary here.
public final class AlertReceiver {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public struct Record {
        public var kind: String
        public var path: String
        public var body: String
        public var subject: String
        public var authorization: String
        public var json: Value? { try? JSONParser().parse(body) }
    }

    public let url: String
    public let smtpPort: Int
    private let process: Process
    private let out: String

    public init() throws {
        let python = try Self.python()
        let http = try MonitoringServer.freePort(), smtp = try MonitoringServer.freePort()
        out = NSTemporaryDirectory() + "alert-receiver-\(UUID().uuidString).jsonl"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/receiver.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--http", String(http), "--smtp", String(smtp), "--out", out]
        // Its own log file: a child holding the test's stdout open would keep `swift test` waiting.
        FileManager.default.createFile(atPath: out + ".log", contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: out + ".log"))
        process.standardOutput = log
        process.standardError = log
        try process.run()
        url = "http://127.0.0.1:\(http)"
        smtpPort = smtp
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: out + ".ready") {
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard FileManager.default.fileExists(atPath: out + ".ready") else {
            stop()
            throw Failure(description: "Fixtures/receiver.py did not start (is aiosmtpd installed? pip install aiosmtpd; scripts/install-deps.sh does)")
        }
    }

    private static func python() throws -> String {
        guard let p = Subprocess.find("python3") else { throw Failure(description: "python3 is not on the PATH (scripts/install-deps.sh needs it)") }
        return p
    }

    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: out)
        try? FileManager.default.removeItem(atPath: out + ".ready")
        try? FileManager.default.removeItem(atPath: out + ".log")
    }

    deinit { stop() }

    /// Everything received so far, in order.
    public var records: [Record] {
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let v = try? JSONParser().parse(String(line)) else { return nil }
            return Record(kind: v["kind"]?.string ?? "", path: v["path"]?.string ?? "", body: v["body"]?.string ?? "", subject: v["subject"]?.string ?? "",
                          authorization: v["authorization"]?.string ?? "")
        }
    }

    public func posts(_ path: String) -> [Record] { records.filter { $0.kind == "http" && $0.path == path } }
    public var mails: [Record] { records.filter { $0.kind == "smtp" } }

    /// Waits until `condition` holds (Alertmanager notifies asynchronously); false after `seconds`.
    public func wait(seconds: Double = 30, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }
}
