import Foundation
import OrderedCollections
import YAML

/// What one heal run found, did and verified: the `shipshape heal` output (table or JSON).
public struct HealReport: Sendable {
    public struct Item: Sendable {
        public var finding: HealFinding
        /// new, open, verifying, escalated, awaiting-review, reported
        public var verdict: String
        /// What was done this run (`restart pod backend-7d9c-abcde`), or why nothing was.
        public var action: String
        public var actionKind: String
    }

    public var environment: String
    public var namespace: String
    public var now: Double
    public var items: [Item] = []
    public var resolved: [HealState.Resolution] = []
    public var unreadable: [String] = []
    /// Faults heal follows that this run could not see (their kind was unreadable): neither
    /// resolved nor re-reported, their alerts stay open as they were.
    public var unseen: [String] = []
    /// Set when reconcile held the Lease: nothing was acted on.
    public var leaseHeld: String?
    public var dryRun = false

    /// Actions taken this run (not `none`).
    public var actions: [Item] { items.filter { !["none", "escalate"].contains($0.actionKind) } }
    public var escalated: [Item] { items.filter { $0.verdict == "escalated" } }

    /// 0: nothing needs a person; 1: a fault is escalated (a person must act); 4: reconcile
    /// held the Lease (findings only). Errors exit 2 (the CLI).
    public var exitCode: Int32 {
        if !escalated.isEmpty { return 1 }
        if leaseHeld != nil, items.contains(where: { !$0.finding.faultClass.isReportOnly }) { return 4 }
        return 0
    }

    public func table() -> String {
        var out = "heal \(environment) (namespace \(namespace)) at \(Timestamps.format(now))\(dryRun ? " — dry run, nothing acted on" : "")\n"
        if let leaseHeld { out += "reconcile holds the lease (\(leaseHeld)): findings only, no actions\n" }
        if items.isEmpty && resolved.isEmpty { out += "no findings\n" }
        if !items.isEmpty {
            var rows = [["FINDING", "SEVERITY", "VERDICT", "ACTION"]]
            for i in items { rows.append([i.finding.id, i.finding.severity.rawValue, i.verdict, i.action]) }
            out += Self.columns(rows)
            for i in items {
                out += "\n\(i.finding.id): \(i.finding.summary)\n"
                for e in i.finding.evidence { out += "  - \(e)\n" }
            }
        }
        if !resolved.isEmpty {
            out += "\nresolved:\n"
            for r in resolved {
                let ttd = r.since.map { "\(Int(r.detectedAt - $0)) s" } ?? "?"
                out += "  \(r.id): after \(r.action.isEmpty ? "no action" : r.action); detected \(ttd) after it began, resolved \(Int(r.resolvedAt - r.detectedAt)) s after detection\n"
            }
        }
        for u in unreadable { out += "note: could not read \(u)\n" }
        return out
    }

    static func columns(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    public func json() throws -> String {
        func finding(_ f: HealFinding) -> OrderedDictionary<String, Value> {
            var o: OrderedDictionary<String, Value> = ["id": .string(f.id), "class": .string(f.faultClass.rawValue),
                                                       "workload": .string(f.workload.description)]
            if let c = f.container { o["container"] = .string(c) }
            o["severity"] = .string(f.severity.rawValue)
            o["summary"] = .string(f.summary)
            o["evidence"] = .array(f.evidence.map { .string($0) })
            o["pods"] = .array(f.pods.map { .string($0) })
            if let s = f.since { o["since"] = .string(Timestamps.format(s)) }
            return o
        }
        let doc: Value = .object([
            "environment": .string(environment), "namespace": .string(namespace), "time": .string(Timestamps.format(now)),
            "dryRun": .bool(dryRun), "leaseHeldBy": leaseHeld.map { .string($0) } ?? .null,
            "findings": .array(items.map { i in
                var o = finding(i.finding)
                o["verdict"] = .string(i.verdict)
                o["action"] = .object(["kind": .string(i.actionKind), "detail": .string(i.action)])
                return .object(o)
            }),
            "resolved": .array(resolved.map { r in
                .object(["id": .string(r.id), "class": .string(r.faultClass.rawValue),
                         "since": r.since.map { .string(Timestamps.format($0)) } ?? .null,
                         "detected": .string(Timestamps.format(r.detectedAt)), "resolved": .string(Timestamps.format(r.resolvedAt)),
                         "timeToDetectSeconds": r.since.map { .int(Int64(max(0, r.detectedAt - $0))) } ?? .null,
                         "timeToResolveSeconds": .int(Int64(max(0, r.resolvedAt - r.detectedAt))),
                         "action": .string(r.action), "escalated": .bool(r.escalated)])
            }),
            "unreadable": .array(unreadable.map { .string($0) }),
        ])
        return try JSONWriter(indent: 2, sortKeys: false).string(doc) + "\n"
    }
}
