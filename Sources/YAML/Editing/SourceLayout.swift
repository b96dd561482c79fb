/// Facts about a YAML file's text that edits must respect: its line ending, its indentation
/// unit, and where lines start and end.
struct SourceLayout {
    let bytes: [UInt8]
    /// "\r\n" if the file uses CRLF line endings, else "\n".
    let lineEnding: String

    init(_ text: String) {
        bytes = Array(text.utf8)
        var crlf = false
        if let lf = bytes.firstIndex(of: UInt8(ascii: "\n")), lf > 0, bytes[lf - 1] == UInt8(ascii: "\r") { crlf = true }
        lineEnding = crlf ? "\r\n" : "\n"
    }

    /// The offset of the first byte of the line holding `offset`.
    func lineStart(_ offset: Int) -> Int {
        var i = min(offset, bytes.count)
        while i > 0, bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return i
    }

    /// The offset of the line break (or end of text) ending the line holding `offset`; a CR of a
    /// CRLF pair counts as the break.
    func lineEnd(_ offset: Int) -> Int {
        var i = offset
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return i > offset && bytes[i - 1] == UInt8(ascii: "\r") ? i - 1 : i
    }

    /// The offset just past the line break ending the line holding `offset` (or end of text).
    func nextLineStart(_ offset: Int) -> Int {
        var i = offset
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return min(i + 1, bytes.count)
    }

    /// The indentation step the file uses: the smallest positive difference between a block
    /// mapping's key column and its parent key's column; 2 when nothing nests.
    static func indentUnit(of root: Node?) -> Int {
        var unit = Int.max
        func visit(_ node: Node, parentColumn: Int?) {
            switch node.content {
            case .mapping(let pairs, .block):
                let column = pairs.first.map { $0.key.start.column } ?? 0
                if let parentColumn, column > parentColumn { unit = min(unit, column - parentColumn) }
                for pair in pairs { visit(pair.value, parentColumn: column) }
            case .sequence(let items, .block):
                for item in items { visit(item, parentColumn: parentColumn) }
            default:
                break
            }
        }
        if let root { visit(root, parentColumn: nil) }
        return unit == Int.max ? 2 : unit
    }
}
