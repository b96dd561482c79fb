import YAML

/// Go's `time.Duration.String()` for whole seconds: `10s`, `1m20s`, `5m0s`, `1h0m0s`, the
/// form the kubelet's back-off messages use.
enum GoDuration {
    static func format(_ seconds: Double) -> String {
        let total = Int(clamping: seconds, to: Int(Int32.min)...Int(Int32.max), rounding: .toNearestOrAwayFromZero)
        if total == 0 { return "0s" }
        let h = total / 3600, m = (total % 3600) / 60, s = total % 60
        if h > 0 { return "\(h)h\(m)m\(s)s" }
        if m > 0 { return "\(m)m\(s)s" }
        return "\(s)s"
    }
}
