import Foundation
import OrderedCollections
import YAML

/// `shipshape status` output: a table for people (one screen: workloads, nodes, the last
/// reconcile and heal) and JSON for programs, with the same facts and verdicts.
public enum StatusReport {
    public static func table(_ s: EnvironmentStatus) -> String {
        var out = "ENVIRONMENT \(s.environment)  NAMESPACE \(s.namespace)  AT \(timestamp(s.at))  VERDICT \(s.verdict.rawValue.uppercased())\n"
        out += "reconcile: \(s.reconcile ?? "no run recorded")\n"
        out += "heal: \(s.heal ?? "no heal state")\n\n"
        var rows = [["WORKLOAD", "READY", "RESTARTS/1H", "CPU", "MEMORY", "HPA CUR/DESIRED (TARGET, MIN-MAX)", "PROBES", "VERDICT"]]
        for w in s.workloads {
            let hpa = w.hpa.map { "\($0.current)/\($0.desired) (\($0.targets.joined(separator: ", ")), \($0.minReplicas)-\($0.maxReplicas))" } ?? "-"
            rows.append([w.name, "\(w.ready)/\(w.desired)", "\(w.restartsLastHour)", usage(w.cpu, cpu: true), usage(w.memory, cpu: false), hpa,
                         w.probes.isEmpty ? "none" : w.probes.joined(separator: ","), verdict(w.verdict, w.problems)])
        }
        out += align(rows) + "\n"
        rows = [["NODE", "CONDITIONS", "CPU", "MEMORY", "DISK", "VERDICT"]]
        for n in s.nodes {
            let conditions = n.conditions.filter { $0.type == "Ready" || $0.status != "False" }.map { $0.status == "True" ? $0.type : "\($0.type)=\($0.status)" }
            rows.append([n.name, conditions.joined(separator: ","), pct(n.cpu), pct(n.memory), pct(n.disk), verdict(n.verdict, n.problems)])
        }
        out += align(rows)
        return out
    }

    public static func json(_ s: EnvironmentStatus) throws -> String {
        func num(_ d: Double?) -> Value { d.map { .float(($0 * 10_000).rounded() / 10_000) } ?? .null }
        func usage(_ u: EnvironmentStatus.Usage?) -> Value {
            guard let u else { return .null }
            return ["used": num(u.used), "request": num(u.request), "limit": num(u.limit), "fraction": num(u.fraction), "of": .string(u.basis)]
        }
        let workloads: [Value] = s.workloads.map { w in
            var o: OrderedDictionary<String, Value> = [
                "name": .string(w.name), "ready": .int(Int64(w.ready)), "desired": .int(Int64(w.desired)),
                "restartsLastHour": .int(Int64(w.restartsLastHour)), "cpu": usage(w.cpu), "memory": usage(w.memory),
            ]
            o["hpa"] = w.hpa.map { h in
                ["name": .string(h.name), "current": .int(Int64(h.current)), "desired": .int(Int64(h.desired)),
                 "minReplicas": .int(Int64(h.minReplicas)), "maxReplicas": .int(Int64(h.maxReplicas)), "targets": .array(h.targets.map(Value.string))]
            } ?? .null
            o["probes"] = .array(w.probes.map(Value.string))
            o["verdict"] = .string(w.verdict.rawValue)
            o["problems"] = .array(w.problems.map(Value.string))
            return .object(o)
        }
        let nodes: [Value] = s.nodes.map { n in
            ["name": .string(n.name),
             "conditions": .object(OrderedDictionary(uniqueKeysWithValues: n.conditions.map { ($0.type, Value.string($0.status)) })),
             "cpu": num(n.cpu), "memory": num(n.memory), "disk": num(n.disk),
             "verdict": .string(n.verdict.rawValue), "problems": .array(n.problems.map(Value.string))]
        }
        let doc: Value = [
            "environment": .string(s.environment), "namespace": .string(s.namespace), "at": .string(timestamp(s.at)),
            "verdict": .string(s.verdict.rawValue),
            "reconcile": ["last": s.reconcile.map(Value.string) ?? .null, "verdict": .string(s.reconcileVerdict.rawValue)],
            "heal": ["last": s.heal.map(Value.string) ?? .null, "verdict": .string(s.healVerdict.rawValue)],
            "workloads": .array(workloads), "nodes": .array(nodes),
        ]
        return try JSONWriter(indent: 2, sortKeys: false).string(doc) + "\n"
    }

    static func verdict(_ v: EnvironmentStatus.Verdict, _ problems: [String]) -> String {
        problems.isEmpty ? v.rawValue : "\(v.rawValue): \(problems.joined(separator: "; "))"
    }

    /// `110m/200m 55% of limit` or `230Mi/256Mi 89% of request`.
    static func usage(_ u: EnvironmentStatus.Usage?, cpu: Bool) -> String {
        guard let u else { return "-" }
        func q(_ x: Double) -> String { cpu ? "\(Int((x * 1000).rounded()))m" : "\(Int((x / 1_048_576).rounded()))Mi" }
        guard let f = u.fraction else { return q(u.used) }
        return "\(q(u.used))/\(q(u.limit ?? u.request!)) \(EnvironmentStatus.percent(f)) of \(u.basis)"
    }

    static func pct(_ f: Double?) -> String { f.map(EnvironmentStatus.percent) ?? "-" }

    static func align(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { r in
            r.enumerated().map { i, cell in i == r.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func timestamp(_ t: Double) -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: Date(timeIntervalSince1970: t.rounded(.down)))
    }
}
