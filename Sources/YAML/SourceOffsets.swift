/// Converts libyaml's marks (0-based line and column, counted in characters) into `Mark`s that
/// carry UTF-8 byte offsets.
///
/// For ASCII input a character index is a byte offset, so the conversion is free. Otherwise the
/// line's starting byte is looked up and `column` characters are walked from there. libyaml breaks
/// lines at LF, CR, CRLF, NEL, LS and PS, and so does the table here.
struct SourceOffsets {
    private let isASCII: Bool
    private let lineStarts: [Int]
    private let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        isASCII = ascii
        guard !ascii else {
            lineStarts = []
            return
        }
        var starts = [0]
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 {  // NEL
                i += 1
                starts.append(i + 1)
            } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                i += 2  // LS, PS
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
    }

    /// The `Mark` for libyaml's 0-based `index`, `line` and `column`.
    func mark(index: Int, line: Int, column: Int) -> Mark {
        if isASCII { return Mark(offset: index, line: line + 1, column: column + 1) }
        var offset = line < lineStarts.count ? lineStarts[line] : bytes.count
        var remaining = column
        // A leading byte-order mark is not counted as a column by libyaml.
        if offset == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
        while remaining > 0, offset < bytes.count {
            let b = bytes[offset]
            offset += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            remaining -= 1
        }
        return Mark(offset: min(offset, bytes.count), line: line + 1, column: column + 1)
    }
}
