import Foundation

/// Inline SVG charts for the HTML report: a time series with horizontal reference lines
/// (request, limit, HPA bounds) and a horizontal bar chart. No scripts, fixed sizes, numbers
/// printed with one decimal, so the same data gives the same bytes.
enum SVGChart {
    struct Series {
        var name: String
        var points: [Report.Point]
        var color: String
    }

    struct Reference {
        var name: String
        var value: Double
        var color: String
    }

    static let width = 640.0
    static let height = 220.0
    static let left = 56.0, right = 16.0, top = 16.0, bottom = 40.0

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A line chart of `series` over time, with dashed `references`; `label` formats y values.
    static func timeSeries(id: String, title: String, series: [Series], references: [Reference], label: (Double) -> String) -> String {
        let points = series.flatMap(\.points)
        guard let t0 = points.map(\.t).min(), let t1 = points.map(\.t).max() else { return "" }
        let yMax = max((points.map(\.v) + references.map(\.value)).max() ?? 1, 1e-9) * 1.1
        let span = max(t1 - t0, 1)
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ t: Double) -> Double { left + (t - t0) / span * plotW }
        func y(_ v: Double) -> Double { top + plotH - v / yMax * plotH }
        var s = "<svg class=\"chart\" data-chart=\"\(escape(id))\" role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        s += "<title>\(escape(title))</title>\n"
        s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" class=\"plot\"/>\n"
        for k in 0...4 {
            let v = yMax * Double(k) / 4
            s += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" class=\"grid\"/>"
            s += "<text x=\"\(f(left - 4))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" class=\"axis\">\(escape(label(v)))</text>\n"
        }
        // Day ticks on the time axis.
        var day = (t0 / 86400).rounded(.up) * 86400
        while day <= t1 {
            s += "<line x1=\"\(f(x(day)))\" x2=\"\(f(x(day)))\" y1=\"\(f(top))\" y2=\"\(f(top + plotH))\" class=\"grid\"/>"
            s += "<text x=\"\(f(x(day)))\" y=\"\(f(top + plotH + 14))\" text-anchor=\"middle\" class=\"axis\">\(String(ReportFormat.time(day).prefix(10)))</text>\n"
            day += 86400
        }
        for r in references {
            s += "<line x1=\"\(f(left))\" x2=\"\(f(left + plotW))\" y1=\"\(f(y(r.value)))\" y2=\"\(f(y(r.value)))\" stroke=\"\(r.color)\" stroke-dasharray=\"6 4\" class=\"ref\"/>\n"
        }
        for sr in series where !sr.points.isEmpty {
            // A single point is drawn as a short dash, so it shows (and has a size).
            let d = sr.points.count == 1
                ? "\(f(x(sr.points[0].t) - 3)),\(f(y(sr.points[0].v))) \(f(x(sr.points[0].t) + 3)),\(f(y(sr.points[0].v)))"
                : sr.points.map { "\(f(x($0.t))),\(f(y($0.v)))" }.joined(separator: " ")
            s += "<polyline points=\"\(d)\" fill=\"none\" stroke=\"\(sr.color)\" stroke-width=\"2\" class=\"series\"/>\n"
        }
        // Legend under the axis.
        var lx = left
        for (name, color, dashed) in series.map({ ($0.name, $0.color, false) }) + references.map({ ($0.name, $0.color, true) }) {
            s += "<line x1=\"\(f(lx))\" x2=\"\(f(lx + 18))\" y1=\"\(f(height - 8))\" y2=\"\(f(height - 8))\" stroke=\"\(color)\" stroke-width=\"2\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")/>"
            s += "<text x=\"\(f(lx + 22))\" y=\"\(f(height - 4))\" class=\"axis\">\(escape(name))</text>\n"
            lx += 30 + Double(name.count) * 6.5
        }
        return s + "</svg>\n"
    }

    /// Horizontal bars, one per item; negative values go left of the zero line.
    static func bars(id: String, title: String, items: [(label: String, value: Double)], unit: String, digits: Int = 1) -> String {
        guard !items.isEmpty else { return "" }
        let rowH = 24.0, labelW = 220.0, valueW = 110.0
        let h = top + Double(items.count) * rowH + 8
        let plotW = width - labelW - valueW - right
        let maxAbs = max(items.map { abs($0.value) }.max() ?? 1, 1e-9)
        let hasNegative = items.contains { $0.value < 0 }
        let zero = labelW + (hasNegative ? plotW / 2 : 0)
        let scale = (hasNegative ? plotW / 2 : plotW) / maxAbs
        var s = "<svg class=\"chart\" data-chart=\"\(escape(id))\" role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 \(f(width)) \(f(h))\" width=\"\(f(width))\" height=\"\(f(h))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        s += "<title>\(escape(title))</title>\n"
        for (k, item) in items.enumerated() {
            let y = top + Double(k) * rowH
            // A bar of a zero value still shows as a hairline, so every bar has a size.
            let w = max(abs(item.value) * scale, 1)
            let x = item.value < 0 ? zero - w : zero
            s += "<text x=\"\(f(labelW - 6))\" y=\"\(f(y + 15))\" text-anchor=\"end\" class=\"axis\">\(escape(item.label))</text>"
            s += "<rect x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowH - 8))\" class=\"\(item.value < 0 ? "bar negative" : "bar")\"/>"
            s += "<text x=\"\(f(labelW + plotW + 6))\" y=\"\(f(y + 15))\" class=\"axis\">\(escape(ReportFormat.num(item.value, digits) + " " + unit))</text>\n"
        }
        s += "<line x1=\"\(f(zero))\" x2=\"\(f(zero))\" y1=\"\(f(top))\" y2=\"\(f(h - 8))\" class=\"zero\"/>\n"
        return s + "</svg>\n"
    }
}
