/// The report as one self-contained HTML page: the Markdown's tables plus inline SVG charts
/// (CPU per pod against request and limit, replicas against HPA bounds, log templates,
/// savings and availability). No scripts and nothing fetched; the CSS prints on A4.
public enum HTMLReport {
    static let css = """
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2733; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
    h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; border-bottom: 2px solid #d6dde5; padding-bottom: .2rem; margin-top: 2rem; }
    table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: 13px; }
    th, td { border: 1px solid #d6dde5; padding: .25rem .45rem; text-align: left; vertical-align: top; }
    th { background: #eef2f6; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .meta { color: #5a6775; } .charts { display: flex; flex-wrap: wrap; gap: .8rem; }
    figure { margin: .4rem 0; } figcaption { font-size: 12px; color: #5a6775; }
    svg.chart { background: #fff; border: 1px solid #e3e8ee; }
    svg .plot { fill: #fbfcfd; stroke: #c9d2dc; } svg .grid { stroke: #e6ebf0; } svg .zero { stroke: #5a6775; }
    svg .axis { font: 11px system-ui, sans-serif; fill: #44505c; }
    svg .bar { fill: #2f7bbf; } svg .bar.negative { fill: #c0504d; }
    @media print {
      body { margin: 0; max-width: none; font-size: 11px; } h2 { break-after: avoid; }
      figure, table, svg.chart { break-inside: avoid; } svg.chart { border: none; }
      @page { size: A4; margin: 14mm; }
    }
    """

    public static func render(_ r: Report) -> String {
        let e = SVGChart.escape
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(e(r.environment)): weekly report</title>\n<style>\n\(css)\n</style>\n</head>\n<body>\n"
        out += "<h1>\(e(r.environment)): weekly report</h1>\n"
        out += "<p class=\"meta\">Namespace <code>\(e(r.namespace))</code>, \(ReportFormat.time(r.start)) to \(ReportFormat.time(r.end)).</p>\n"
        for t in ReportFormat.tables(r) {
            out += "<section id=\"\(t.id)\">\n<h2>\(e(t.title))</h2>\n<p>\(e(t.intro))</p>\n"
            out += charts(section: t.id, r)
            if t.rows.isEmpty {
                out += "<p class=\"meta\">(nothing in the period)</p>\n"
            } else {
                out += "<table>\n<thead><tr>" + t.header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in t.rows {
                    out += "<tr>" + row.map { "<td\(isNumber($0) ? " class=\"num\"" : "")>\(e($0))</td>" }.joined() + "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    static func isNumber(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { "0123456789.-%".contains($0) }
    }

    static func figure(_ svg: String, _ caption: String) -> String {
        svg.isEmpty ? "" : "<figure>\n\(svg)<figcaption>\(SVGChart.escape(caption))</figcaption>\n</figure>\n"
    }

    /// The charts of one section (empty when it has no data to plot).
    static func charts(section: String, _ r: Report) -> String {
        var out = ""
        switch section {
        case "health":
            out += figure(SVGChart.bars(id: "availability", title: "Availability per workload",
                                        items: r.health.workloads.map { ($0.workload, $0.availability * 100) }, unit: "%", digits: 3),
                          "Share of the period with no open fault, per workload.")
        case "errors":
            out += figure(SVGChart.bars(id: "log-templates", title: "Top log templates",
                                        items: r.errors.top.map { ("\($0.workload) #\($0.id)", Double($0.count)) }, unit: "lines"),
                          "Lines per template, as the logs job has counted them.")
            let colors = ["#c0504d", "#2f7bbf", "#e0a030", "#5a9e4b", "#8a5db0", "#7a8896"]
            out += figure(SVGChart.timeSeries(id: "error-rate", title: "Errors per hour",
                                              series: r.errors.errorsPerHour.enumerated().map { k, s in
                                                  .init(name: s.workload, points: s.points, color: colors[k % colors.count])
                                              }, references: [], label: { ReportFormat.num($0, 0) }),
                          "Error events per hour per workload, as the logs job counted them (hours it did not read are left out).")
        case "autoscaling":
            for a in r.autoscaling where !a.replicas.isEmpty {
                out += figure(SVGChart.timeSeries(id: "replicas-\(a.workload)", title: "\(a.workload) replicas",
                                                  series: [.init(name: "replicas", points: a.replicas, color: "#2f7bbf")],
                                                  references: [.init(name: "min \(a.minReplicas)", value: Double(a.minReplicas), color: "#7a8896"),
                                                               .init(name: "max \(a.maxReplicas)", value: Double(a.maxReplicas), color: "#c0504d")],
                                                  label: { ReportFormat.num($0, 1) }),
                              "\(a.workload): replicas per sampled hour against the HPA \(a.hpa)'s bounds.")
            }
        case "optimisation":
            out += "<div class=\"charts\">\n"
            for u in r.optimisation.usage where !u.cpu.isEmpty {
                var refs: [SVGChart.Reference] = []
                if let q = u.cpuRequest { refs.append(.init(name: "request \(ReportFormat.cores(q))", value: q, color: "#e0a030")) }
                if let q = u.cpuLimit { refs.append(.init(name: "limit \(ReportFormat.cores(q))", value: q, color: "#c0504d")) }
                out += figure(SVGChart.timeSeries(id: "cpu-\(u.container)", title: "\(u.container) CPU per pod",
                                                  series: [.init(name: "CPU per pod", points: u.cpu, color: "#2f7bbf")], references: refs,
                                                  label: { ReportFormat.cores($0) }),
                              "\(u.container): mean CPU per pod each sampled hour against its request and limit.")
            }
            out += "</div>\n"
            out += figure(SVGChart.bars(id: "savings", title: "Projected savings per container",
                                        items: r.optimisation.containers.map { ($0.container, $0.coreHoursPerMonth) }, unit: "core-h"),
                          "Core-hours a month the recommendations would free (negative: more would be requested).")
        case "realized":
            out += figure(SVGChart.bars(id: "realized", title: "Realized savings",
                                        items: r.optimisation.realized.compactMap { x in
                                            x.savedPerMonth.map { ("\(x.container) \(x.resource)", $0) }
                                        }, unit: "/month"),
                          "Requests freed by merged recommendations, over the replicas seen after the merge (core-h or GiB-h a month).")
        default: break
        }
        return out
    }
}
