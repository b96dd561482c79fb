/// Converts libyaml's marks (0-based line and column, counted in characters) into `Mark`s that
/// carry UTF-8 byte offsets.
///
/// For ASCII input a character index is a byte offset, so the conversion is free. Otherwise each
/// line's starting byte is recorded, with whether the line is pure ASCII: on such lines the column
/// is a byte count; on the others `column` characters are walked — from the previous mark when it
/// is earlier on the same line, so a long line costs one pass, not one pass per mark. libyaml
/// breaks lines at LF, CR, CRLF, NEL, LS and PS, and so does the table here.
struct SourceOffsets {
    /// The last mark computed on a non-ASCII line: (line, column, offset).
    private var cursor: (line: Int, column: Int, offset: Int) = (-1, 0, 0)
    private let isASCII: Bool
    /// Byte offset of each line's start; the sign bit marks lines with non-ASCII bytes.
    private let lines: [Int]
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
            lines = []
            return
        }
        var starts: [Int] = []
        var lineStart = 0
        var lineASCII = true
        var i = 0
        let n = bytes.count
        func endLine(next: Int) {
            starts.append(lineASCII ? lineStart : ~lineStart)
            lineStart = next
            lineASCII = true
        }
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                endLine(next: i + 1)
            } else if b == 0x0D {
                if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                endLine(next: i + 1)
            } else if b >= 0x80 {
                lineASCII = false
                if b == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 {  // NEL
                    i += 1
                    endLine(next: i + 1)
                } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    i += 2  // LS, PS
                    endLine(next: i + 1)
                }
            }
            i += 1
        }
        endLine(next: n)
        lines = starts
    }

    /// The `Mark` for libyaml's 0-based `index`, `line` and `column`.
    mutating func mark(index: Int, line: Int, column: Int) -> Mark {
        if isASCII { return Mark(offset: index, line: line + 1, column: column + 1) }
        guard line < lines.count else { return Mark(offset: bytes.count, line: line + 1, column: column + 1) }
        let entry = lines[line]
        if entry >= 0 {
            return Mark(offset: min(entry + column, bytes.count), line: line + 1, column: column + 1)
        }
        var offset = ~entry
        // A leading byte-order mark is not counted as a column by libyaml.
        if offset == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
        var remaining = column
        if cursor.line == line, cursor.column <= column {
            offset = cursor.offset
            remaining = column - cursor.column
        }
        defer { cursor = (line, column, min(offset, bytes.count)) }
        while remaining > 0, offset < bytes.count {
            let b = bytes[offset]
            offset += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            remaining -= 1
        }
        return Mark(offset: min(offset, bytes.count), line: line + 1, column: column + 1)
    }
}
