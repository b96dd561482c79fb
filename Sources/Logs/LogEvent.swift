/// One log event: a line, or a line with its continuation lines (a stack trace), which is
/// classified, mined and counted once. `time` is its first line's.
public struct LogEvent: Equatable, Sendable {
    public var time: Double
    public var first: String
    /// The last continuation line (a trace's exception line), when there are any.
    public var last: String?
    public var lineCount: Int
    /// Whether the continuation lines are a stack trace (`Traceback`, `at ...`, `Caused by:`).
    public var isTrace: Bool

    public init(time: Double, first: String, last: String? = nil, lineCount: Int = 1, isTrace: Bool = false) {
        self.time = time
        self.first = first
        self.last = last
        self.lineCount = lineCount
        self.isTrace = isTrace
    }

    /// The text mined for the event's template: the first line, and for a trace the exception
    /// line after it, cut at `limit` bytes (templates are kept in the checkpoint).
    public func minedText(limit: Int = 512) -> String {
        var text = first
        if let last, !last.hasPrefix(" "), !last.hasPrefix("\t") { text += " " + last }
        guard text.utf8.count > limit else { return text }
        var bytes = Array(text.utf8.prefix(limit))
        while let b = bytes.last, b & 0xC0 == 0x80 { bytes.removeLast() }      // not inside a character
        if let b = bytes.last, b >= 0xC0 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Joins continuation lines to the event they continue, per stream: a line starting with
/// whitespace, `Traceback (most recent call last):`, `Caused by:`, `at ` or `...`; a qualified
/// exception header (`java.lang.IllegalStateException: ...`); and after trace lines the
/// exception line that ends a Python trace (`KeyError: 42`). Each stream (container) needs its own joiner.
public struct LogEventJoiner: Sendable {
    private var pending: LogEvent?
    /// Lines past this many are counted in the event but not kept.
    public static let maxLines = 1000

    public init() {}

    /// Adds a line; returns the event it completes, if any.
    public mutating func add(time: Double, line: String) -> LogEvent? {
        if var event = pending, event.lineCount < Self.maxLines, Self.continues(line, trace: event.isTrace || event.lineCount > 1) {
            event.lineCount += 1
            event.last = line
            if Self.startsTrace(line) { event.isTrace = true }
            pending = event
            return nil
        }
        let done = pending
        pending = LogEvent(time: time, first: line, isTrace: false)
        return done
    }

    /// The event still open at the end of the stream.
    public mutating func finish() -> LogEvent? {
        defer { pending = nil }
        return pending
    }

    static func startsTrace(_ line: String) -> Bool {
        line.hasPrefix("Traceback (most recent call last)") || line.hasPrefix("Caused by:") || line.hasPrefix("\tat ")
            || line.hasPrefix("    at ") || line.hasPrefix("  File \"")
    }

    static func continues(_ line: String, trace: Bool) -> Bool {
        guard let first = line.first else { return false }
        if first == " " || first == "\t" { return true }
        if startsTrace(line) || line.hasPrefix("at ") || line.hasPrefix("...") { return true }
        // An exception line: Java's header after the logger's line (`java.lang.IllegalStateException: closed`,
        // qualified, so always), or the line ending a Python trace (`KeyError: 42`, only after trace lines).
        if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon]
            let type = name.split(separator: ".").last ?? name[...]
            let exception = !name.contains(" ") && (type.hasSuffix("Error") || type.hasSuffix("Exception") || type.hasSuffix("Exit") || type.hasSuffix("Interrupt"))
            return exception && (trace || name.contains("."))
        }
        return false
    }
}
