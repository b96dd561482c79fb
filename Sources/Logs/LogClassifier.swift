import YAML

/// How severe a log event is: from its level field or token, else from its words.
public enum LogSeverity: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible {
    case debug, info, warning, error

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { ["debug", "info", "warning", "error"][rawValue] }

    /// A level as logs spell it (`ERROR`, `warn`, `E`, `fatal`, `Information`), or nil.
    public init?(level text: some StringProtocol) {
        switch text.lowercased() {
        case "error", "err", "fatal", "critical", "crit", "panic", "severe", "alert", "emerg", "emergency", "e", "f": self = .error
        case "warn", "warning", "w": self = .warning
        case "info", "information", "informational", "notice", "i": self = .info
        case "debug", "trace", "verbose", "d", "t": self = .debug
        default: return nil
        }
    }
}

/// What a log event says about the service: its severity, whether it reports a slow request
/// (a latency over the threshold) and whether it is an HTTP 5xx response.
public struct LogClass: Equatable, Sendable {
    public var severity: LogSeverity
    /// The request latency the line reports, in milliseconds.
    public var latencyMilliseconds: Double?
    public var slow: Bool
    /// The HTTP status the line reports.
    public var status: Int?
    public var serverError: Bool { (status ?? 0) >= 500 && (status ?? 0) <= 599 }

    public init(severity: LogSeverity, latencyMilliseconds: Double? = nil, slow: Bool = false, status: Int? = nil) {
        self.severity = severity
        self.latencyMilliseconds = latencyMilliseconds
        self.slow = slow
        self.status = status
    }
}

/// Classifies log events. The level comes from a JSON `level`/`severity`/`lvl` field, a
/// logfmt `level=`, a level token among the first words (`[ERROR]`, `WARN`, klog's `E1202`),
/// and otherwise from words (`exception`, `traceback`, `failed`, `error` → error; `warn` →
/// warning; else info). The latency from `latency=`/`duration=`/`took`/`elapsed` values or a
/// `123ms` token (JSON: `latency_ms`, `duration_ms`, or `latency`/`duration` in ms). The status
/// from `status=`/`"status":` or the 3-digit number after an HTTP method and path.
public struct LogClassifier: Sendable {
    /// A request at least this slow counts as a slow request.
    public var slowMilliseconds: Double

    public init(slowMilliseconds: Double = 1000) { self.slowMilliseconds = slowMilliseconds }

    static let methods: Set<Substring> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    static let latencyKeys: Set<Substring> = ["latency", "duration", "took", "elapsed", "response_time", "request_time", "rt", "time_ms",
                                              "latency_ms", "duration_ms", "elapsed_ms", "response_time_ms"]
    static let statusKeys: Set<Substring> = ["status", "status_code", "statuscode", "code", "http_status"]

    /// Classifies an event: its first line, and its other lines for words when the level is not written.
    public func classify(_ event: LogEvent) -> LogClass {
        var c = classify(line: event.first)
        if !c.explicitLevel, event.lineCount > 1, c.result.severity < .error, Self.errorWords(event.last ?? "") || event.isTrace {
            c.result.severity = .error
        }
        return c.result
    }

    /// Classifies one line.
    public func classify(_ line: String) -> LogClass { classify(line: line).result }

    private func classify(line: String) -> (result: LogClass, explicitLevel: Bool) {
        var level: LogSeverity?
        var latency: Double?
        var status: Int?
        var words = line[...]
        if line.first == "{", let json = try? JSONParser().parse(line), let object = json.object {
            for key in ["level", "severity", "lvl", "loglevel"] where level == nil { level = object[key]?.string.flatMap { LogSeverity(level: $0) } }
            for (key, value) in object {
                let k = Substring(key.lowercased())
                if latency == nil, Self.latencyKeys.contains(k) {
                    if let n = value.doubleValue { latency = k.hasSuffix("_s") ? n * 1000 : n } else if let s = value.string { latency = Self.duration(s[...]) }
                }
                if status == nil, Self.statusKeys.contains(k) { status = value.intValue ?? value.string.flatMap { Int($0) } }
            }
            words = (object["msg"]?.string ?? object["message"]?.string ?? line)[...]
        }
        let tokens = words.split(whereSeparator: { $0 == " " || $0 == "\t" })
        for (index, raw) in tokens.enumerated() {
            let token = raw.trimmingPunctuation
            if let eq = token.firstIndex(where: { $0 == "=" || $0 == ":" }), eq != token.startIndex, token.index(after: eq) != token.endIndex {
                let key = token[..<eq].lowercased()
                var value = token[token.index(after: eq)...]
                if value.first == "\"" { value = value.dropFirst() }
                if value.last == "\"" { value = value.dropLast() }
                if level == nil, key == "level" || key == "lvl" || key == "severity" { level = LogSeverity(level: value) }
                if latency == nil, Self.latencyKeys.contains(Substring(key)) {
                    latency = key.hasSuffix("_ms") ? Double(value) ?? Self.duration(value) : Self.duration(value)
                }
                if status == nil, Self.statusKeys.contains(Substring(key)), let code = Int(value), (100...599).contains(code) { status = code }
                continue
            }
            if level == nil, index < 4 {
                var word = token
                while let f = word.first, f == "[" || f == "(" || f == "<" { word = word.dropFirst() }
                while let l = word.last, l == "]" || l == ")" || l == ">" || l == ":" { word = word.dropLast() }
                if word.count >= 4, word.count <= 8, word.dropFirst().allSatisfy(\.isNumber), let first = word.first, "IWEF".contains(first) {
                    level = LogSeverity(level: String(first))                       // klog: I1202
                } else if word.count >= 3, let l = LogSeverity(level: word) {
                    level = l
                }
            }
            if latency == nil, token.hasSuffix("ms"), let ms = Double(token.dropLast(2)) { latency = ms }
            if latency == nil, index > 0, ["took", "in", "after"].contains(tokens[index - 1].lowercased()), let d = Self.duration(token) { latency = d }
            if status == nil, Self.methods.contains(token.drop(while: { $0 == "\"" })) {
                // `GET /path 503 12ms`, `"GET /path HTTP/1.1" 503 1234`: the first 3-digit number after the path.
                for next in tokens.dropFirst(index + 2).prefix(3) {
                    let n = next.trimmingPunctuation
                    if n.count == 3, let code = Int(n), (100...599).contains(code) { status = code; break }
                }
            }
        }
        let explicit = level != nil
        let severity = level ?? (Self.errorWords(line) ? .error : line.lowercased().contains("warn") ? .warning : .info)
        let slow = (latency ?? 0) >= slowMilliseconds
        return (LogClass(severity: severity, latencyMilliseconds: latency, slow: slow, status: status), explicit)
    }

    /// Words that make a line without a level an error.
    static func errorWords(_ line: some StringProtocol) -> Bool {
        let lower = line.lowercased()
        return ["exception", "traceback", "fatal", "panic", "failed", "error"].contains { lower.contains($0) }
    }

    /// `1500ms`, `1.5s`, `250us`, `2m`: milliseconds; a bare number is milliseconds.
    static func duration(_ text: Substring) -> Double? {
        let units: [(String, Double)] = [("ms", 1), ("µs", 0.001), ("us", 0.001), ("ns", 0.000001), ("s", 1000), ("m", 60_000)]
        for (unit, scale) in units where text.hasSuffix(unit) {
            if let n = Double(text.dropLast(unit.count)) { return n * scale }
        }
        return Double(text)
    }
}

extension Substring {
    /// Without trailing `,;)]` and a leading `(`/`[`.
    var trimmingPunctuation: Substring {
        var s = self
        while let l = s.last, ",;)]".contains(l) { s = s.dropLast() }
        while let f = s.first, "([".contains(f) { s = s.dropFirst() }
        return s
    }
}
