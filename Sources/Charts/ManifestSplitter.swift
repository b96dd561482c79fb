/// Splits rendered template output into YAML documents exactly as helm/helm
/// pkg/release/v1/util/manifest.go `SplitManifests` does: leading white space is dropped, the
/// separator is `(?:^|\s*\n)---\s*` (so `---` must start the text or a line, and white space
/// around it goes with it), empty pieces are dropped, and each piece loses its leading white
/// space. A comment-only document is kept, as in Helm.
public enum ManifestSplitter {
    public static func split(_ text: String) -> [String] {
        let bytes = Array(text.trimmingLeadingGoSpace.utf8)
        let start = 0
        var docs: [String] = []
        var pieceStart = start
        var i = start
        // The regexp engine finds leftmost matches; a match at i is `---` at the very start, or
        // white space ending in a newline followed by `---`.
        func emit(_ end: Int) {
            if end > pieceStart {
                let piece = String(decoding: bytes[pieceStart..<end], as: UTF8.self)
                docs.append(piece.trimmingLeadingGoSpace)
            }
        }
        while i < bytes.count {
            if i == start, hasDashes(bytes, at: i) {
                emit(i)
                i = skipSpace(bytes, from: i + 3)
                pieceStart = i
                continue
            }
            if isGoSpace(bytes[i]) {
                // Longest run of white space starting here that ends in "\n" right before "---".
                var j = i
                var lastNewline = -1
                while j < bytes.count, isGoSpace(bytes[j]) {
                    if bytes[j] == 0x0A, hasDashes(bytes, at: j + 1) { lastNewline = j }
                    j += 1
                }
                if lastNewline >= 0 {
                    emit(i)
                    i = skipSpace(bytes, from: lastNewline + 4)
                    pieceStart = i
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        emit(bytes.count)
        return docs
    }

    private static func hasDashes(_ b: [UInt8], at i: Int) -> Bool {
        i + 2 < b.count && b[i] == 0x2D && b[i + 1] == 0x2D && b[i + 2] == 0x2D
    }

    private static func skipSpace(_ b: [UInt8], from i: Int) -> Int {
        var i = i
        while i < b.count, isGoSpace(b[i]) { i += 1 }
        return i
    }

    /// RE2's `\s`: tab, newline, form feed, carriage return, space (not vertical tab).
    static func isGoSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
}

extension String {
    /// `strings.TrimLeftFunc(s, unicode.IsSpace)`.
    var trimmingLeadingGoSpace: String {
        var s = Substring(self)
        while let f = s.unicodeScalars.first, f.properties.isWhitespace { s = s.dropFirst() }
        return String(s)
    }
}
