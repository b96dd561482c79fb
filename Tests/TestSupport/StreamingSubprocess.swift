import Foundation

/// A program left running in the background whose output a test reads line by line as it
/// comes (`kubectl get --watch`): the test waits for the lines it expects, acts, and waits
/// again. A deadline only turns a hang into a failure; nothing asserts how long anything took.
public final class StreamingSubprocess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSCondition()
    private var buffer = Data()
    private var stderrBuffer = Data()
    private var consumed = 0
    private var finished = false

    public init(_ executable: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            if data.isEmpty { self.finished = true; handle.readabilityHandler = nil } else { self.buffer.append(data) }
            self.lock.broadcast()
            self.lock.unlock()
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            if data.isEmpty { handle.readabilityHandler = nil } else { self.stderrBuffer.append(data) }
            self.lock.unlock()
        }
        try process.run()
    }

    /// The next `count` complete lines of standard output, waiting up to `deadline` seconds
    /// for them; throws (with what did arrive) when they do not.
    public func lines(_ count: Int, deadline: TimeInterval = 30) throws -> [String] {
        let until = Date().addingTimeInterval(deadline)
        lock.lock()
        defer { lock.unlock() }
        while true {
            let pending = buffer[consumed...]
            let newlines = pending.enumerated().filter { $0.element == 0x0A }.map(\.offset)
            if newlines.count >= count {
                let end = pending.startIndex + newlines[count - 1] + 1
                let text = String(decoding: buffer[consumed..<end], as: UTF8.self)
                consumed = end
                return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            }
            if finished || !lock.wait(until: until) {
                throw StreamingSubprocessError(expected: count, received: String(decoding: pending, as: UTF8.self),
                                               stderr: String(decoding: stderrBuffer, as: UTF8.self), exited: finished)
            }
        }
    }

    /// Everything written to standard output since the last `lines` call, without waiting.
    public var unread: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: buffer[consumed...], as: UTF8.self)
    }

    /// Ends the program (SIGTERM) and waits for it.
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

public struct StreamingSubprocessError: Error, CustomStringConvertible {
    public var expected: Int
    public var received: String
    public var stderr: String
    public var exited: Bool
    public var description: String {
        "expected \(expected) more line(s) of output; \(exited ? "the program exited" : "none came before the deadline") after:\n\(received)\nstderr:\n\(stderr)"
    }
}
