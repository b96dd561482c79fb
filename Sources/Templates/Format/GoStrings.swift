/// Go's `strings.ReplaceAll` and `strings.Contains`: byte-exact searches over UTF-8. Foundation's
/// `replacingOccurrences(of:with:)` and `contains` go through NSString's UTF-16 search, which
/// made `indent`/`nindent` and Helm's `<no value>` removal the engine's hottest path (about a
/// third of render-bench's engine time on the generated chart).
enum GoStrings {
    /// Every non-overlapping `old` (non-empty) replaced by `new`, left to right.
    static func replaceAll(_ s: String, _ old: String, _ new: String) -> String {
        var s = s, old = old, new = new
        return s.withUTF8 { src in
            old.withUTF8 { pattern in
                new.withUTF8 { replacement in
                    guard let first = firstIndex(of: pattern, in: src, from: 0) else { return String(decoding: src, as: UTF8.self) }
                    var out: [UInt8] = []
                    out.reserveCapacity(src.count + replacement.count * 4)
                    var start = 0
                    var next: Int? = first
                    while let at = next {
                        out.append(contentsOf: src[start..<at])
                        out.append(contentsOf: replacement)
                        start = at + pattern.count
                        next = firstIndex(of: pattern, in: src, from: start)
                    }
                    out.append(contentsOf: src[start...])
                    return String(decoding: out, as: UTF8.self)
                }
            }
        }
    }

    /// Whether `sub` occurs in `s`, byte for byte.
    static func contains(_ s: String, _ sub: String) -> Bool {
        var s = s, sub = sub
        return s.withUTF8 { src in sub.withUTF8 { firstIndex(of: $0, in: src, from: 0) != nil } }
    }

    /// The first offset at or after `from` where `pattern` (non-empty) starts.
    static func firstIndex(of pattern: UnsafeBufferPointer<UInt8>, in src: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = pattern.count
        guard n > 0, src.count - from >= n else { return nil }
        let head = pattern[0]
        var i = from
        let last = src.count - n
        while i <= last {
            if src[i] == head {
                var j = 1
                while j < n && src[i + j] == pattern[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }
}
