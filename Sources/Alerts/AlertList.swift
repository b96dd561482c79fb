import Foundation
import OrderedCollections
import YAML

/// `shipshape alerts --env ENV`: the alerts each job holds open, and the resolutions still owed
/// to a sink that was down, as a table or JSON. Pure: the states are read by the caller.
public struct AlertList: Sendable {
    /// Job name (`heal`, `logs`) → its state.
    public var states: [(job: String, state: AlertState)]
    public var environment: String

    public init(environment: String, states: [(job: String, state: AlertState)]) {
        self.environment = environment
        self.states = states
    }

    var open: [(job: String, open: AlertState.Open)] {
        states.flatMap { s in s.state.openAlerts.map { (s.job, $0) } }
    }

    var owed: [(job: String, resolved: AlertState.Resolved)] {
        states.flatMap { s in s.state.resolved.map { (s.job, $0) } }
    }

    public func table() -> String {
        var out = ""
        let open = self.open
        if open.isEmpty {
            out += "no open alerts in \(environment)\n"
        } else {
            var rows = [["JOB", "ALERT", "SEVERITY", "WORKLOAD", "SINCE", "NOTIFIED", "SUMMARY"]]
            for (job, o) in open {
                let a = o.alert
                let workload = [a.labels["workload"], a.labels["container"]].compactMap { $0 }.joined(separator: "/")
                rows.append([job, a.name, a.severity, workload, AlertTime.format(a.startsAt), o.notified.isEmpty ? "-" : o.notified.joined(separator: ","),
                             a.annotations["summary"] ?? ""])
            }
            out += Self.columns(rows)
        }
        let owed = self.owed
        if !owed.isEmpty {
            out += "\nresolved, not yet delivered:\n"
            var rows = [["JOB", "ALERT", "WORKLOAD", "RESOLVED", "RESOLUTION", "OWED TO"]]
            for (job, r) in owed {
                rows.append([job, r.alert.name, r.alert.labels["workload"] ?? "", AlertTime.format(r.endsAt), r.resolution.annotation, r.owed.joined(separator: ",")])
            }
            out += Self.columns(rows)
        }
        return out
    }

    public func json() throws -> String {
        func strings(_ m: [String: String]) -> Value { AlertmanagerSink.stringMap(m) }
        let doc: Value = .object([
            "environment": .string(environment),
            "open": .array(open.map { job, o in
                .object(["job": .string(job), "fingerprint": .string(o.alert.fingerprint), "labels": strings(o.alert.labels),
                         "annotations": strings(o.alert.annotations), "startsAt": .string(AlertTime.format(o.alert.startsAt)),
                         "lastSeen": .string(AlertTime.format(o.lastSeen)), "generatorURL": .string(o.alert.generatorURL),
                         "notified": .array(o.notified.map { .string($0) })])
            }),
            "owedResolutions": .array(owed.map { job, r in
                .object(["job": .string(job), "fingerprint": .string(r.alert.fingerprint), "labels": strings(r.alert.labels),
                         "endsAt": .string(AlertTime.format(r.endsAt)), "resolution": .string(r.resolution.annotation),
                         "detail": .string(r.resolution.detail), "owedTo": .array(r.owed.map { .string($0) })])
            }),
        ])
        return try JSONWriter(indent: 2, sortKeys: false).string(doc) + "\n"
    }

    static func columns(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
