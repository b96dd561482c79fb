/// Durations as Shipshape's own files and flags write them: `90s`, `5m`, `1h30m`, `1.5h`,
/// `14d`, or a bare number of seconds. One parser, so `healthTimeout`, `cooldown`, `--window`
/// and the Sandbox's scenario all accept the same forms. (Go's `time.ParseDuration`, which has
/// no `d`, is ported separately for Sprig.)
public enum DurationText {
    /// The duration in seconds, or nil when `text` is not one.
    public static func seconds(_ text: String) -> Double? {
        var total = 0.0
        var number = ""
        var sawUnit = false
        for ch in text {
            if ch.isNumber || ch == "." { number.append(ch); continue }
            guard let n = Double(number) else { return nil }
            switch ch {
            case "s": total += n
            case "m": total += n * 60
            case "h": total += n * 3600
            case "d": total += n * 86_400
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        if !number.isEmpty { return sawUnit ? nil : Double(number) }
        return sawUnit ? total : nil
    }
}
