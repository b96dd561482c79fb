/// What sigs.k8s.io/yaml's detour through JSON does to values before go-yaml writes them:
/// `Marshal` is `json.Marshal`, then go-yaml v2 reading that JSON back, then go-yaml writing it.
enum JSONRoundTrip {
    /// A float as it comes back from JSON: whole numbers JSON prints without an exponent are read
    /// back as integers (`1e6` → `1000000`); everything else is a float printed with Go's
    /// `strconv.FormatFloat(f, 'g', -1, 64)` (`1e+21`, `1.234567895e+08`).
    ///
    /// NaN and infinities, which `json.Marshal` refuses, are written as go-yaml writes them
    /// (`.nan`, `.inf`, `-.inf`), so that emitting never fails.
    static func floatText(_ f: Double) -> String {
        if f.isNaN { return ".nan" }
        if f.isInfinite { return f < 0 ? "-.inf" : ".inf" }
        let json = GoFloatFormat.json(f)
        switch ScalarResolver.resolve(json) {
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .float(let d): return GoFloatFormat.g(d)
        default: return GoFloatFormat.g(f)  // beyond 64 bits: go-yaml reads the digits as a float
        }
    }

    /// A string as go-yaml reads it back from the JSON: `encoding/json` escapes every control
    /// character and LS/PS but writes U+0085 (NEL) raw, and inside a double-quoted scalar YAML
    /// folds a raw NEL as a line break: one NEL with the spaces around it becomes one space, and
    /// n NELs in a row become n − 1 newlines. Other text passes through unchanged.
    ///
    /// (A key with a NEL makes sigs.k8s.io/yaml fail outright — the folded key is no longer a
    /// simple key in the JSON flow mapping; the emitter folds keys the same way rather than fail.)
    static func foldingNextLines(_ s: UnsafeBufferPointer<UInt8>) -> String {
        // go-yaml's yaml_parser_scan_flow_scalar, where the only raw blank is ' ' and the only raw
        // break is NEL (JSON escapes tabs, CR and LF).
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        let n = s.count
        @inline(__always) func isNextLine(_ i: Int) -> Bool { s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0x85 }
        var i = 0
        while true {
            while i < n && s[i] != UInt8(ascii: " ") && !isNextLine(i) {
                out.append(s[i])
                i += 1
            }
            if i == n { break }
            var spaces = 0
            var leadingBreak = false
            var trailingBreaks = 0
            while i < n && (s[i] == UInt8(ascii: " ") || isNextLine(i)) {
                if s[i] == UInt8(ascii: " ") {
                    if !leadingBreak { spaces += 1 }
                    i += 1
                } else {
                    if leadingBreak { trailingBreaks += 1 } else { leadingBreak = true; spaces = 0 }
                    i += 2
                }
            }
            if leadingBreak {
                if trailingBreaks == 0 {
                    out.append(UInt8(ascii: " "))
                } else {
                    out.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: trailingBreaks))
                }
            } else {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
