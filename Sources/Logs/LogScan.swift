import LogMining

/// One run of the logs job over a namespace: read every stream since the checkpoint, join
/// continuation lines into events, classify, mine and count them per workload, and compare
/// with the checkpoint's baselines and the alert rules. Returns the findings and the next
/// checkpoint; the caller saves it. Deterministic for the same lines and checkpoint.
public struct LogScan {
    public struct Result {
        public var findings: [LogFinding]
        public var checkpoint: LogCheckpoint
        public var streams = 0
        public var events = 0
        public var lines = 0
        /// Counts per workload, template ids resolved.
        public var counts: [String: WorkloadLogCounts] = [:]
        public var since: LogSince
        /// The window's length the rates are over.
        public var minutes: Double
    }

    public var namespace: String
    public var detector: LogDetector
    public var classifier: LogClassifier
    /// The most templates kept per workload.
    public var maxTemplates = 200
    /// How far back the first run (no checkpoint) reads, to learn from.
    public var firstWindowSeconds = 3600

    public init(namespace: String, rules: AlertRules) {
        self.namespace = namespace
        self.detector = LogDetector(rules: rules)
        self.classifier = LogClassifier(slowMilliseconds: rules.slowRequestMilliseconds)
    }

    public func run(source: any LogSource, checkpoint: LogCheckpoint) throws -> Result {
        let since: LogSince = checkpoint.newestLine.map { .after($0) } ?? .last(seconds: firstWindowSeconds)
        var miners: [String: TemplateMiner] = [:]
        var firstNew: [String: Int] = [:]
        var counts: [String: WorkloadLogCounts] = [:]
        var newest = checkpoint.newestLine
        // Per workload, its oldest line read this run: where a workload without a baseline
        // started logging (see `learningMinutes`).
        var oldest: [String: Double] = [:]
        var result = Result(findings: [], checkpoint: LogCheckpoint(), since: since, minutes: 1)
        for stream in try source.streams() {
            result.streams += 1
            let miner = try miners[stream.workload] ?? {
                let stored = checkpoint.workloads[stream.workload]?.templates ?? ""
                let m: TemplateMiner
                do {
                    m = stored.isEmpty ? TemplateMiner(capacity: maxTemplates) : try TemplateMiner(serialized: stored, capacity: maxTemplates)
                } catch {
                    throw LogsError("checkpoint key \(stream.workload).templates: \(error); delete the key to start learning this workload again")
                }
                firstNew[stream.workload] = m.nextTemplateID
                miners[stream.workload] = m
                return m
            }()
            var c = counts[stream.workload] ?? WorkloadLogCounts()
            var joiner = LogEventJoiner()
            func count(_ event: LogEvent) {
                let id = miner.add(event.minedText())
                c.add(event, classifier.classify(event), template: id)
            }
            for line in try source.lines(stream, since: since) where !line.text.isEmpty {
                result.lines += 1
                newest = max(newest ?? line.time, line.time)
                oldest[stream.workload] = min(oldest[stream.workload] ?? line.time, line.time)
                if let event = joiner.add(time: line.time, line: line.text) { count(event) }
            }
            if let event = joiner.finish() { count(event) }
            counts[stream.workload] = c
        }
        // The window: from the last run's newest line (or the first run's look-back) to this run's newest.
        switch since {
        case .after(let t): result.minutes = max(1, ((newest ?? t) - t) / 60)
        case .last(let seconds): result.minutes = max(1, Double(seconds) / 60)
        }
        var next = LogCheckpoint(newestLine: newest)
        for workload in miners.keys.sorted() {
            let miner = miners[workload]!
            let resolved = counts[workload]!.resolvingTemplates(miner.resolve)
            let live = Set(miner.templates.map(\.id))
            let fresh = Set(resolved.templates.keys.filter { $0 >= firstNew[workload]! && live.contains($0) })
            var baseline = checkpoint.workloads[workload]?.baseline ?? LogBaseline()
            result.findings += detector.findings(namespace: namespace, workload: workload, counts: resolved, minutes: result.minutes,
                                                 baseline: baseline, newTemplates: fresh, templateText: { miner.template(for: $0)?.text })
            let minutes = baseline.runs == 0 ? Self.learningMinutes(from: oldest[workload], to: newest, window: result.minutes) : result.minutes
            baseline.fold(resolved, minutes: minutes, smoothing: detector.smoothing, liveTemplates: live)
            let errors = LogCheckpoint.addingErrors(checkpoint.workloads[workload]?.errorsPerHour ?? [:],
                                                    minutes: resolved.minutes.mapValues(\.errors))
            next.workloads[workload] = LogCheckpoint.Workload(baseline: baseline, templates: miner.serialized(), errorsPerHour: errors)
            result.counts[workload] = resolved
            result.events += resolved.events
        }
        result.checkpoint = next
        return result
    }

    /// The minutes a workload without a baseline is learnt over: from its oldest line read to
    /// the run's newest, at most the window and at least 1. Not the whole window: pods that
    /// started 10 minutes into the first run's hour logged over 10 minutes, not 60, and their
    /// rate over 60 would be a sixth of what they log, so every next run would be a surge.
    public static func learningMinutes(from oldest: Double?, to newest: Double?, window: Double) -> Double {
        guard let oldest, let newest else { return window }
        return min(window, max(1, (newest - oldest) / 60))
    }
}
