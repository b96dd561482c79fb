import Foundation

/// The alerts a job has open, and the resolutions it still owes to sinks, kept in the job's
/// checkpoint ConfigMap (key `alerts.json`) so a restarted job neither fires an alert again
/// nor forgets one it must resolve. Pure: `update` turns one run's findings into the next
/// state; `AlertSender` delivers and records what each sink took.
public struct AlertState: Sendable, Equatable, Codable {
    /// An alert whose condition still holds.
    public struct Open: Sendable, Equatable, Codable {
        public var alert: Alert
        /// The sinks that took its firing notice (Slack, PagerDuty, webhooks notify once;
        /// Alertmanager takes every re-send and deduplicates).
        public var notified: [String] = []
        /// When a run last saw the condition.
        public var lastSeen: Double

        public init(alert: Alert, notified: [String] = [], lastSeen: Double) {
            self.alert = alert
            self.notified = notified
            self.lastSeen = lastSeen
        }
    }

    /// A resolved alert some sink has not taken yet (it was down): sent again each run until
    /// every sink it is owed to took it.
    public struct Resolved: Sendable, Equatable, Codable {
        /// The alert with the resolution's annotations.
        public var alert: Alert
        public var endsAt: Double
        public var resolution: AlertResolution
        /// Sinks still owed the resolution.
        public var owed: [String]
    }

    /// An alert that resolved, kept after every sink took the resolution: what the weekly
    /// report lists as fired and resolved in its period. Only the `summary` annotation is kept
    /// (the others, evidence and sample lines, would crowd the job's checkpoint ConfigMap).
    public struct Closed: Sendable, Equatable, Codable {
        public var alert: Alert
        public var endsAt: Double
        public var resolution: AlertResolution
    }

    /// Open alerts by fingerprint.
    public var open: [String: Open] = [:]
    /// Oldest first; bounded by `maxResolved`.
    public var resolved: [Resolved] = []
    /// Every resolution, oldest first: those of the last `historySeconds`, at most
    /// `maxHistory`. States written before it existed load with an empty history.
    public var history: [Closed] = []

    public static let version = 1
    public static let maxResolved = 200
    public static let maxHistory = 200
    /// Eight days: a weekly report's period, with a day to spare.
    public static let historySeconds = 8 * 86400.0
    public static let dataKey = "alerts.json"

    public init() {}

    enum CodingKeys: String, CodingKey { case open, resolved, history }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        open = try c.decode([String: Open].self, forKey: .open)
        resolved = try c.decode([Resolved].self, forKey: .resolved)
        history = try c.decodeIfPresent([Closed].self, forKey: .history) ?? []
    }

    /// One run's outcome: what fires now, what the job resolved and why, and what it could not
    /// see this run (kept open as it was, neither re-fired with new details nor resolved).
    /// Open alerts that are in none of them resolve as cleared on their own.
    public struct Update: Sendable, Equatable {
        public var firing: [Alert]
        public var resolved: [String: AlertResolution]
        public var unseen: Set<String>
        /// The resolution of an open alert the job neither saw nor resolved.
        public var otherwise: AlertResolution

        public init(firing: [Alert], resolved: [String: AlertResolution] = [:], unseen: Set<String> = [],
                    otherwise: AlertResolution = .cleared("the condition no longer shows")) {
            self.firing = firing
            self.resolved = resolved
            self.unseen = unseen
            self.otherwise = otherwise
        }
    }

    /// Applies a run: new alerts open, open ones take the run's annotations (their labels and
    /// start stay), and the ones that no longer fire resolve with `endsAt` = `now` and the
    /// annotations `resolution` and `resolution_detail`. `resolutionSinks` are the sinks
    /// owed every resolution (Alertmanager); the others are owed one only when they took the
    /// firing notice. Returns the fingerprints opened and resolved, in order.
    @discardableResult
    public mutating func apply(_ update: Update, now: Double, resolutionSinks: [String]) -> (opened: [String], resolved: [String]) {
        var opened: [String] = []
        var closed: [String] = []
        var firing = Set<String>()
        for alert in update.firing {
            let fp = alert.fingerprint
            guard !firing.contains(fp) else { continue }
            firing.insert(fp)
            if var o = open[fp] {
                o.alert.annotations = alert.annotations
                o.alert.generatorURL = alert.generatorURL
                o.alert.source = alert.source
                o.lastSeen = now
                open[fp] = o
            } else {
                open[fp] = Open(alert: alert, lastSeen: now)
                opened.append(fp)
            }
        }
        for fp in open.keys.sorted() where !firing.contains(fp) {
            let o = open[fp]!
            if update.unseen.contains(o.alert.source) && update.resolved[o.alert.source] == nil { continue }
            let resolution = update.resolved[o.alert.source] ?? update.otherwise
            var alert = o.alert
            alert.annotations["resolution"] = resolution.annotation
            alert.annotations["resolution_detail"] = resolution.detail
            alert.generatorURL = update.firing.first?.generatorURL ?? alert.generatorURL
            var owed = resolutionSinks
            for s in o.notified where !owed.contains(s) { owed.append(s) }
            if !owed.isEmpty { resolved.append(Resolved(alert: alert, endsAt: now, resolution: resolution, owed: owed)) }
            var kept = alert
            kept.annotations = alert.annotations.filter { $0.key == "summary" }
            history.append(Closed(alert: kept, endsAt: now, resolution: resolution))
            open.removeValue(forKey: fp)
            closed.append(fp)
        }
        if resolved.count > Self.maxResolved { resolved.removeFirst(resolved.count - Self.maxResolved) }
        history.removeAll { $0.endsAt < now - Self.historySeconds }
        if history.count > Self.maxHistory { history.removeFirst(history.count - Self.maxHistory) }
        return (opened, closed)
    }

    /// The open alerts, oldest first (then by name and fingerprint).
    public var openAlerts: [Open] {
        open.values.sorted { ($0.alert.startsAt, $0.alert.name, $0.alert.fingerprint) < ($1.alert.startsAt, $1.alert.name, $1.alert.fingerprint) }
    }

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(Document(version: Self.version, state: self)), as: UTF8.self)
    }

    /// `place` names the document in errors (`ConfigMap chatbot-dev/shipshape-dev-heal key alerts.json`).
    public init(decoding text: String, place: String) throws {
        func invalid(_ error: Error) -> AlertsError {
            AlertsError("\(place) is not an alert state document (\(error)); delete the key to start afresh (open alerts are then forgotten and fire again)")
        }
        let version: Int
        do { version = try JSONDecoder().decode(Version.self, from: Data(text.utf8)).version } catch { throw invalid(error) }
        guard version == Self.version else {
            throw AlertsError("\(place): alert state version \(version) is not \(Self.version); delete the key to start afresh")
        }
        do { self = try JSONDecoder().decode(Document.self, from: Data(text.utf8)).state } catch { throw invalid(error) }
    }

    private struct Version: Codable {
        var version: Int
    }

    private struct Document: Codable {
        var version: Int
        var state: AlertState
    }
}
