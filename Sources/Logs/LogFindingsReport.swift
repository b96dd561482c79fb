import YAML

/// Findings as the logs command prints them: a table for people, JSON for programs (each
/// finding with its alert labels and annotations, as the alerting issue will send them).
public enum LogFindingsReport {
    public static func table(_ findings: [LogFinding]) -> String {
        let rows = findings.map { [$0.severity.rawValue, $0.workload, $0.alertname, $0.summary] }
        let header = ["SEVERITY", "WORKLOAD", "FINDING", "DETAIL"]
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < 3 { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i < 3 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : c }.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    public static func json(_ findings: [LogFinding]) throws -> String {
        let items: [Value] = findings.map { f in
            var o: [(String, Value)] = [("kind", .string(f.kind.rawValue)), ("alertname", .string(f.alertname)),
                                        ("severity", .string(f.severity.rawValue)), ("namespace", .string(f.namespace)),
                                        ("workload", .string(f.workload))]
            if let s = f.series { o.append(("series", .string(s.rawValue))) }
            if let t = f.template { o.append(("template", .string(t))) }
            o.append(("count", .int(Int64(f.count))))
            o.append(("perMinute", .float(f.perMinute)))
            if let b = f.baseline { o.append(("baseline", .float(b))) }
            if let t = f.threshold { o.append(("threshold", .float(t))) }
            if let m = f.minute { o.append(("minute", .string(LogTimestamp.seconds(m)))) }
            if let n = f.minutesOver { o.append(("minutesOver", .int(Int64(n)))) }
            o.append(("labels", .object(.init(uniqueKeysWithValues: f.labels.map { ($0.0, Value.string($0.1)) }))))
            o.append(("annotations", .object(.init(uniqueKeysWithValues: f.annotations.map { ($0.0, Value.string($0.1)) }))))
            return .object(.init(uniqueKeysWithValues: o))
        }
        return try JSONWriter(indent: 2, sortKeys: false, escapeHTML: false).string(.array(items)) + "\n"
    }
}
