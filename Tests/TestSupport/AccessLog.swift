import Foundation

/// An access log a test server (nginx) writes. nginx writes a request's line after the
/// response has gone out, so the last line can land a moment after the client has read its
/// answer: tests read the log through `lines(until:)`, which waits for the line they expect.
public struct AccessLog {
    public let path: String
    public init(_ path: String) { self.path = path }

    /// The log's lines once `done` holds for them, or after `timeout` seconds (the caller's
    /// assertions then report what was there).
    public func lines(timeout: TimeInterval = 10, until done: ([Substring]) -> Bool) throws -> [Substring] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [Substring] = []
        repeat {
            lines = (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n") ?? []
            if done(lines) { return lines }
            Thread.sleep(forTimeInterval: 0.02)
        } while Date() < deadline
        return lines
    }
}
