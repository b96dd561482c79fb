import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import XCTest

/// What every adversarial test needs: a scratch folder, the real `shipshape` binary run with a
/// bounded wait (a hang is a failure, not a stuck suite), and a Sandbox in its own process.
class HostileTestCase: XCTestCase {
    var work: URL!
    var sandbox: Process?
    var kubeconfig: String { work.appendingPathComponent("sandbox.kubeconfig").path }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let sandbox, sandbox.isRunning { sandbox.terminate(); sandbox.waitUntilExit() }
        if let work { try? FileManager.default.removeItem(at: work) }
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Killed after the wait ran out.
        var timedOut: Bool
    }

    /// Runs `shipshape ARGUMENTS` in `directory` (the scratch folder by default), killing it
    /// after `timeout` seconds: the answer says whether it had to be killed.
    func shipshape(_ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 60,
                   environment: [String: String]? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ShipshapeBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? work
        if let environment { process.environment = environment }
        let outFile = work.appendingPathComponent(".out-\(UUID().uuidString)"), errFile = work.appendingPathComponent(".err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile); try? FileManager.default.removeItem(at: errFile) }
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        return Outcome(status: process.terminationStatus,
                       stdout: (try? String(contentsOf: outFile, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOf: errFile, encoding: .utf8)) ?? "", timedOut: timedOut)
    }

    /// Starts `shipshape sandbox` (with `extra` arguments) and waits for its kubeconfig.
    /// Returns the API's base URL.
    @discardableResult
    func startSandbox(_ extra: [String] = []) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ShipshapeBinary.path)
        p.arguments = ["sandbox", "--port", "0", "--kubeconfig", kubeconfig] + extra
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        sandbox = p
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: kubeconfig) { Thread.sleep(forTimeInterval: 0.05) }
        let text = try String(contentsOfFile: kubeconfig, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("server:") }) else {
            throw TestServerError("the sandbox wrote no server to its kubeconfig \(kubeconfig)")
        }
        return line.split(separator: " ").last.map(String.init) ?? ""
    }

    /// One HTTP request to the Sandbox with its bearer token: status and body.
    func request(_ method: String, _ url: String, body: String? = nil, contentType: String = "application/yaml") throws -> (status: Int, body: String) {
        var r = URLRequest(url: URL(string: url)!)
        r.httpMethod = method
        r.timeoutInterval = 30
        r.setValue("Bearer sandbox", forHTTPHeaderField: "Authorization")
        if let body { r.httpBody = Data(body.utf8); r.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, String) = (0, "")
        URLSession.shared.dataTask(with: r) { data, response, error in
            result = ((response as? HTTPURLResponse)?.statusCode ?? 0, data.map { String(decoding: $0, as: UTF8.self) } ?? "\(error!)")
            done.signal()
        }.resume()
        done.wait()
        return result
    }

    /// A git repository holding the chatbot chart, the policies and a shipshape.yaml for `dev`
    /// against the Sandbox; `extraFiles` are written (path relative to the repo) before the commit.
    @discardableResult
    func makeRepository(extraFiles: [String: String] = [:], reconcile: String = "{prune: true, healthTimeout: 60s, rollback: true, correctDrift: true}") throws -> URL {
        let repo = work.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("charts/chatbot"), to: repo.appendingPathComponent("charts/chatbot"))
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("policies"), to: repo.appendingPathComponent("policies"))
        try EnvironmentsFile.write(to: repo, source: true, reconcile: reconcile, context: "minikube")
        for (path, text) in extraFiles {
            let url = repo.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try git(["init", "-q", "-b", "main"])
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "initial"])
        return repo
    }

    @discardableResult
    func git(_ arguments: [String]) throws -> String {
        let r = try Subprocess.run("/usr/bin/env", ["git", "-c", "user.name=T", "-c", "user.email=t@example.com"] + arguments,
                                   in: work.appendingPathComponent("repo"))
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every file under `directory`, relative, sorted (to prove nothing was written).
    func files(under directory: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: directory.path)
        var out: [String] = []
        while let next = e?.nextObject() as? String { out.append(next) }
        return out.sorted()
    }
}
