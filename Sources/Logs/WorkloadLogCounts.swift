/// What one run read of a workload's pods: events per severity, slow requests and 5xx per
/// minute (for the rules), and events per template (for surges and new templates).
public struct WorkloadLogCounts: Equatable, Sendable {
    public struct Minute: Equatable, Sendable {
        public var errors = 0, warnings = 0, slowRequests = 0, serverErrors = 0
        public subscript(series: LogSeries) -> Int {
            switch series {
            case .errors: errors
            case .warnings: warnings
            case .slowRequests: slowRequests
            case .serverErrors: serverErrors
            }
        }
    }

    public struct TemplateCount: Equatable, Sendable {
        public var count = 0
        /// The most severe class of its events.
        public var severity = LogSeverity.debug
    }

    /// Events (a stack trace is one).
    public var events = 0
    /// Lines, continuation lines included.
    public var lines = 0
    /// Minute (seconds since the epoch / 60) → counts.
    public var minutes: [Int: Minute] = [:]
    /// Template id (as the miner gave it; resolve merges before reading) → count.
    public var templates: [Int: TemplateCount] = [:]

    public init() {}

    public mutating func add(_ event: LogEvent, _ c: LogClass, template: Int) {
        events += 1
        lines += event.lineCount
        let m = Int((event.time / 60).rounded(.down))
        var minute = minutes[m] ?? Minute()
        if c.severity == .error { minute.errors += 1 }
        if c.severity == .warning { minute.warnings += 1 }
        if c.slow { minute.slowRequests += 1 }
        if c.serverError { minute.serverErrors += 1 }
        minutes[m] = minute
        var t = templates[template] ?? TemplateCount()
        t.count += 1
        t.severity = max(t.severity, c.severity)
        templates[template] = t
    }

    /// All events of a series in the window.
    public func total(_ series: LogSeries) -> Int { minutes.values.reduce(0) { $0 + $1[series] } }

    /// Counts with template ids resolved through merges (`resolve`).
    public func resolvingTemplates(_ resolve: (Int) -> Int) -> WorkloadLogCounts {
        var out = self
        out.templates = [:]
        for (id, t) in templates {
            let to = resolve(id)
            var merged = out.templates[to] ?? TemplateCount()
            merged.count += t.count
            merged.severity = max(merged.severity, t.severity)
            out.templates[to] = merged
        }
        return out
    }
}
