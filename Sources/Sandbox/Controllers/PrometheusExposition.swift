import Foundation

/// Prometheus' text exposition format (version 0.0.4): `# HELP`/`# TYPE` once per family, then
/// its samples, each optionally stamped with a time in milliseconds. Label values are escaped as
/// the format says (backslash, double quote, newline).
struct PrometheusExposition {
    enum Kind: String { case counter, gauge, histogram }

    private(set) var text = ""
    private var declared: Set<String> = []
    /// Milliseconds since the epoch written on every sample; nil leaves the time to the scraper.
    let timestampMillis: Int64?

    init(timestampMillis: Int64?) { self.timestampMillis = timestampMillis }

    /// Declares a family (once; later calls for the same name are ignored).
    mutating func family(_ name: String, _ kind: Kind, _ help: String) {
        guard declared.insert(name).inserted else { return }
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(kind.rawValue)\n"
    }

    /// One sample of a family declared before: `name{labels} value [timestamp]`.
    mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: Double) {
        sample(name, labels.map { ($0.key, $0.value) }, value)
    }

    mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",") + "}"
        }
        text += " " + Self.number(value)
        if let timestampMillis { text += " \(timestampMillis)" }
        text += "\n"
    }

    /// A histogram's buckets (cumulative counts by upper bound), `+Inf`, `_sum` and `_count`.
    mutating func histogram(_ name: String, _ labels: [(String, String)], buckets: [(le: Double, count: Double)], sum: Double, count: Double) {
        for b in buckets { sample(name + "_bucket", labels + [("le", Self.number(b.le))], b.count) }
        sample(name + "_bucket", labels + [("le", "+Inf")], count)
        sample(name + "_sum", labels, sum)
        sample(name + "_count", labels, count)
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for ch in value {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Go's `strconv.FormatFloat(v, 'g', -1, 64)` for the values the Sandbox writes: whole
    /// numbers without a fraction, others in Swift's shortest round-tripping form.
    static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
