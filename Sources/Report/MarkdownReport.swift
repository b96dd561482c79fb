/// The report as Markdown: the same tables as the HTML page, without the charts.
public enum MarkdownReport {
    public static func render(_ r: Report) -> String {
        var out = "# \(r.environment): weekly report\n\n"
        out += "Namespace `\(r.namespace)`, \(ReportFormat.time(r.start)) to \(ReportFormat.time(r.end)).\n"
        for t in ReportFormat.tables(r) {
            out += "\n## \(t.title)\n\n\(t.intro)\n"
            guard !t.rows.isEmpty else { out += "\n(nothing in the period)\n"; continue }
            out += "\n| " + t.header.joined(separator: " | ") + " |\n"
            out += "|" + t.header.map { _ in " --- |" }.joined() + "\n"
            for row in t.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        }
        return out
    }

    /// A table cell: pipes escaped, one line.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
