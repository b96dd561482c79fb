import Foundation
import OrderedCollections
import YAML

/// `shipshape recommend -o table|json|yaml|csv`: current vs recommended per container, with
/// bounds, savings and notes (too little history says how much more is needed).
public enum RecommendReport {
    public static func rows(_ results: [ContainerResult]) -> [Value] {
        results.map { r in
            let res = r.resources
            func q(_ x: CustomStringConvertible?) -> Value { x.map { .string($0.description) } ?? .null }
            var o: OrderedDictionary<String, Value> = [
                "namespace": .string(r.workload.namespace), "workload": .string(r.workload.name), "container": .string(r.container.name),
                "cpuRequest": ["current": q(r.container.resources.cpuRequest), "recommended": q(res.cpuRequest),
                               "lower": .string(EvidenceTable.cpu(res.cpuBounds.lower)), "upper": .string(EvidenceTable.cpu(res.cpuBounds.upper))],
                "cpuLimit": ["current": q(r.container.resources.cpuLimit), "recommended": q(res.cpuLimit)],
                "memoryRequest": ["current": q(r.container.resources.memoryRequest), "recommended": q(res.memoryRequest),
                                  "lower": .string(EvidenceTable.memory(res.memoryBounds.lower)), "upper": .string(EvidenceTable.memory(res.memoryBounds.upper))],
                "memoryLimit": ["current": q(r.container.resources.memoryLimit), "recommended": q(res.memoryLimit)],
                "samples": .int(Int64(res.evidence.samples)), "confidenceDays": .float((res.evidence.confidenceDays * 100).rounded() / 100),
                "oomKills": .int(Int64(res.evidence.oomKills)),
                "savedPerMonth": ["cpuCoreHours": .float((r.savedCPUCores * ContainerResult.hoursPerMonth).rounded()),
                                  "memoryGiBHours": .float((r.savedMemoryBytes / 1_073_741_824 * ContainerResult.hoursPerMonth).rounded())],
            ]
            if let h = r.hpa, let current = r.workload.hpa?.current {
                o["hpa"] = ["minReplicas": ["current": .int(Int64(current.minReplicas)), "recommended": h.minReplicas.map { .int(Int64($0)) } ?? .null],
                            "maxReplicas": ["current": .int(Int64(current.maxReplicas)), "recommended": h.maxReplicas.map { .int(Int64($0)) } ?? .null],
                            "lowestNeed": .int(Int64(h.lowestNeed)), "peakNeed": .int(Int64(h.peakNeed))]
            }
            if res.memoryLeakSuspected { o["memoryLeakSuspected"] = .bool(true) }
            let notes = res.notes + r.probes.map(\.message) + (r.hpa?.notes ?? [])
            o["notes"] = .array(notes.map(Value.string))
            return .object(o)
        }
    }

    public static func json(_ results: [ContainerResult]) throws -> String {
        try JSONWriter(indent: 2, sortKeys: false).string(.array(rows(results))) + "\n"
    }

    public static func yaml(_ results: [ContainerResult]) -> String {
        YAMLEmitter.emit(.array(rows(results)))
    }

    public static func csv(_ results: [ContainerResult]) -> String {
        var out = "namespace,workload,container,cpu_request,cpu_request_recommended,cpu_limit,cpu_limit_recommended,memory_request,memory_request_recommended,memory_limit,memory_limit_recommended,samples,confidence_days,oom_kills,cpu_core_hours_saved_per_month,memory_gib_hours_saved_per_month,notes\n"
        for r in results {
            let c = r.container.resources, x = r.resources
            func s(_ v: CustomStringConvertible?) -> String { v?.description ?? "" }
            let notes = (x.notes + r.probes.map(\.message)).joined(separator: "; ").replacingOccurrences(of: "\"", with: "\"\"")
            out += [r.workload.namespace, r.workload.name, r.container.name, s(c.cpuRequest), s(x.cpuRequest), s(c.cpuLimit), s(x.cpuLimit),
                    s(c.memoryRequest), s(x.memoryRequest), s(c.memoryLimit), s(x.memoryLimit), "\(x.evidence.samples)",
                    EvidenceTable.num(x.evidence.confidenceDays, 2), "\(x.evidence.oomKills)",
                    EvidenceTable.num(r.savedCPUCores * ContainerResult.hoursPerMonth, 0),
                    EvidenceTable.num(r.savedMemoryBytes / 1_073_741_824 * ContainerResult.hoursPerMonth, 0), "\"\(notes)\""].joined(separator: ",") + "\n"
        }
        return out
    }

    /// Current → recommended per container (`=` where nothing changes), then the notes.
    public static func table(_ results: [ContainerResult]) -> String {
        var lines = [["WORKLOAD", "CONTAINER", "CPU REQUEST", "CPU LIMIT", "MEMORY REQUEST", "MEMORY LIMIT", "SAMPLES", "CONFIDENCE", "SAVED/MONTH"]]
        var notes: [String] = []
        for r in results {
            let c = r.container.resources, x = r.resources
            func cell(_ key: String, _ old: CustomStringConvertible?, _ new: CustomStringConvertible?) -> String {
                let current = r.container.resourceTexts[key] ?? old?.description
                guard let new else { return current ?? "-" }
                return "\(current ?? "unset")→\(new)"
            }
            lines.append([r.workload.name, r.container.name, cell("requests.cpu", c.cpuRequest, x.cpuRequest), cell("limits.cpu", c.cpuLimit, x.cpuLimit),
                          cell("requests.memory", c.memoryRequest, x.memoryRequest), cell("limits.memory", c.memoryLimit, x.memoryLimit),
                          "\(x.evidence.samples)",
                          "\(EvidenceTable.num(x.evidence.confidenceDays))d", EvidenceTable.savings(r)])
            for n in x.notes + r.probes.map(\.message) + (r.hpa?.notes ?? []) { notes.append("\(r.key): \(n)") }
            if let h = r.hpa, let cur = r.workload.hpa?.current, h.changes {
                let parts = [h.minReplicas.map { "minReplicas \(cur.minReplicas)→\($0)" }, h.maxReplicas.map { "maxReplicas \(cur.maxReplicas)→\($0)" }]
                notes.append("\(r.workload.name): HPA \(parts.compactMap { $0 }.joined(separator: ", ")) (hourly need \(h.lowestNeed)–\(h.peakNeed) over \(h.hours) h)")
            }
        }
        let widths = lines[0].indices.map { i in lines.map { $0[i].count }.max()! }
        var out = lines.map { row in
            row.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
        if results.isEmpty { out = "no workload of the environment has usage history yet\n" }
        if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
        return out
    }
}
