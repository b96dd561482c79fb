/// The emitter's output buffer and layout state, with libyaml's primitive writes: the column
/// and indentation bookkeeping that decides where lines break and how far they are indented.
struct EmitterOutput {
    static let bestIndent = 2
    static let bestWidth = 80

    var bytes: [UInt8]
    /// Characters (not bytes) written on the current line.
    var column = 0
    /// The indentation of the current block; -1 before the root node. Callers save and restore
    /// it around nested nodes (libyaml's `indents` stack lives on the call stack here).
    var indent = -1
    /// The last thing written was whitespace (or nothing), so no separating space is needed.
    var whitespace = true
    /// Only indentation has been written on the current line.
    var indention = true
    /// Indent sequences under their mapping key, as go-yaml v3 does (Helm's `toYamlPretty`).
    var indentSequences = false

    init(reserving capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func resetForDocument() {
        column = 0
        indent = -1
        whitespace = true
        indention = true
    }

    @inline(__always)
    mutating func put(_ c: UInt8) {
        bytes.append(c)
        column += 1
    }

    @inline(__always)
    mutating func putBreak() {
        bytes.append(UInt8(ascii: "\n"))
        column = 0
    }

    /// Appends `run` as is; it holds `characters` characters and no line break.
    @inline(__always)
    mutating func append(_ run: UnsafeBufferPointer<UInt8>, characters: Int) {
        bytes.append(contentsOf: run)
        column += characters
    }

    /// Copies one UTF-8 character starting at `i`, advancing `i`; it counts as one column.
    @inline(__always)
    mutating func write(_ value: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        let w = YAMLChars.width(value[i])
        if w == 1 {
            bytes.append(value[i])
        } else {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[i..<min(i + w, value.count)]))
        }
        i += w
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
        if column < target {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: target - column))
            column = target
        }
        whitespace = true
        indention = true
    }

    @inline(__always)
    mutating func writeIndicator(_ indicator: UInt8, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(UInt8(ascii: " ")) }
        put(indicator)
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    /// libyaml's `yaml_emitter_increase_indent`; returns the indentation to restore afterwards.
    @inline(__always)
    mutating func increaseIndent(flow: Bool, indentless: Bool) -> Int {
        let saved = indent
        if indent < 0 {
            indent = flow ? Self.bestIndent : 0
        } else if !indentless {
            indent += Self.bestIndent
        }
        return saved
    }
}
