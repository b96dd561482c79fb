/// The emitter's output buffer and layout state, with libyaml's primitive writes: the column
/// and indentation bookkeeping that decides where lines break and how far they are indented.
struct EmitterOutput {
    static let bestIndent = 2
    static let bestWidth = 80

    var bytes: [UInt8]
    /// Characters (not bytes) written on the current line.
    var column = 0
    var indent = -1
    var indents: [Int] = []
    /// The last thing written was whitespace (or nothing), so no separating space is needed.
    var whitespace = true
    /// Only indentation has been written on the current line.
    var indention = true

    init(reserving capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func resetForDocument() {
        column = 0
        indent = -1
        indents.removeAll(keepingCapacity: true)
        whitespace = true
        indention = true
    }

    @inline(__always)
    mutating func put(_ c: UInt8) {
        bytes.append(c)
        column += 1
    }

    mutating func putBreak() {
        bytes.append(UInt8(ascii: "\n"))
        column = 0
    }

    /// Copies one UTF-8 character starting at `i`, advancing `i`; it counts as one column.
    @inline(__always)
    mutating func write(_ value: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        let w = YAMLChars.width(value[i])
        var k = 0
        while k < w, i < value.count {
            bytes.append(value[i])
            i += 1
            k += 1
        }
        column += 1
    }

    /// Writes a line break from the value: LF as a newline, other breaks (CR, NEL, LS, PS) as is.
    mutating func writeBreak(_ value: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        if value[i] == UInt8(ascii: "\n") {
            putBreak()
            i += 1
        } else {
            write(value, &i)
            column = 0
        }
    }

    mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) {
            putBreak()
        }
        while column < target { put(UInt8(ascii: " ")) }
        whitespace = true
        indention = true
    }

    mutating func writeIndicator(_ indicator: StaticString, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(UInt8(ascii: " ")) }
        indicator.withUTF8Buffer { buffer in
            for c in buffer { put(c) }
        }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? Self.bestIndent : 0
        } else if !indentless {
            indent += Self.bestIndent
        }
    }

    mutating func popIndent() {
        indent = indents.removeLast()
    }
}
