import Foundation
import XCTest

/// Runs the git CLI (and other tools) for tests, failing loudly with stderr on errors.
enum Shell {
    struct Failure: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let stderr: String
        var description: String { "`\(command)` exited \(status): \(stderr)" }
    }

    /// Runs `executable args` in `directory` and returns stdout; throws on a non-zero exit.
    @discardableResult
    static func run(_ executable: String, _ args: [String], in directory: String? = nil,
                    environment: [String: String] = [:], input: Data? = nil) throws -> String {
        let (status, out, err) = try runStatus(executable, args, in: directory, environment: environment, input: input)
        guard status == 0 else {
            throw Failure(command: ([executable] + args).joined(separator: " "), status: status, stderr: err)
        }
        return out
    }

    static func runStatus(_ executable: String, _ args: [String], in directory: String? = nil,
                          environment: [String: String] = [:], input: Data? = nil) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : try which(executable))
        process.arguments = args
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in GitFixture.gitEnvironment { env[k] = v }
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Drain both pipes concurrently so large outputs never deadlock.
        let errData = LockedData()
        let errThread = Thread { errData.set(errPipe.fileHandleForReading.readDataToEndOfFile()) }
        errThread.start()
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData.value, as: UTF8.self))
    }

    static func which(_ name: String) throws -> String {
        let path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let dirs: [String] = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
        for dir in dirs {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(command: name, status: 127, stderr: "\(name) not found on PATH")
    }

    static func exists(_ name: String) -> Bool { (try? which(name)) != nil }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var done = false
    func set(_ d: Data) { lock.lock(); data = d; done = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return done }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}

/// A temporary directory with git repositories made by the git CLI, removed at the end.
final class GitFixture {
    /// A fixed, isolated environment for the git CLI: no user/system config, fixed identity.
    static let gitEnvironment: [String: String] = [
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_AUTHOR_NAME": "Fixture Author",
        "GIT_AUTHOR_EMAIL": "author@example.com",
        "GIT_COMMITTER_NAME": "Fixture Committer",
        "GIT_COMMITTER_EMAIL": "committer@example.com",
        "GIT_TERMINAL_PROMPT": "0",
    ]

    let root: String

    init(_ name: String = "gitstore") throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// `git -C dir args...`, returning stdout.
    @discardableResult
    func git(_ dir: String, _ args: String..., environment: [String: String] = [:], input: String? = nil) throws -> String {
        try Shell.run("git", ["-C", dir] + args, environment: environment, input: input.map { Data($0.utf8) })
    }

    /// A non-bare repository on branch `main` with `files` committed in one commit.
    func makeRepository(_ name: String, files: [String: String], message: String = "initial") throws -> String {
        let dir = path(name)
        try Shell.run("git", ["init", "-q", "-b", "main", dir])
        try write(files, in: dir)
        try git(dir, "add", "-A")
        try git(dir, "commit", "-q", "-m", message)
        return dir
    }

    /// Writes files (creating directories) in a work tree.
    func write(_ files: [String: String], in dir: String) throws {
        for (relative, content) in files {
            let url = URL(fileURLWithPath: dir + "/" + relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
    }

    /// Commits `files` in `dir` with the git CLI and returns the new HEAD sha.
    @discardableResult
    func commit(_ dir: String, _ files: [String: String], message: String) throws -> String {
        try write(files, in: dir)
        try git(dir, "add", "-A")
        try git(dir, "commit", "-q", "-m", message)
        return try git(dir, "rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A bare clone of `source`, to serve as a `file://` remote.
    func makeBareRemote(from source: String, name: String = "remote.git") throws -> String {
        let dir = path(name)
        try Shell.run("git", ["clone", "-q", "--bare", source, dir])
        return dir
    }

    /// Fails the test unless `git fsck --strict` is clean.
    func assertFsck(_ dir: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let (status, out, err) = try Shell.runStatus("git", ["-C", dir, "fsck", "--strict", "--no-dangling"])
            XCTAssertEqual(status, 0, "git fsck --strict failed in \(dir): \(out)\(err)", file: file, line: line)
            XCTAssertFalse(err.contains("error") || err.contains("warning"), "git fsck reported: \(err)", file: file, line: line)
        } catch {
            XCTFail("git fsck could not run: \(error)", file: file, line: line)
        }
    }

    func revParse(_ dir: String, _ rev: String) throws -> String {
        try git(dir, "rev-parse", rev).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
