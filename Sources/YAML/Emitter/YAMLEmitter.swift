import OrderedCollections

/// Writes `Value`s as YAML exactly as sigs.k8s.io/yaml's `Marshal` does — the bytes Helm's
/// `toYaml` and `kubectl get -o yaml` print — so rendered output can match them byte for byte.
///
/// sigs.k8s.io/yaml marshals to JSON, re-reads the JSON with go-yaml v2 and writes that, so map
/// keys come out in go-yaml's natural order (`NaturalKeyOrder`), numbers in the form JSON gave
/// them, and strings in the plain, quoted or literal style libyaml picks (`ScalarAnalysis`).
///
/// Where sigs.k8s.io/yaml fails instead of writing anything, the emitter still writes YAML:
/// NaN and infinities (which JSON cannot hold) come out as `.nan`, `.inf` and `-.inf`; strings
/// with DEL, C1 controls or U+FFFE/U+FFFF (which go-yaml's reader rejects) are double-quoted
/// with escapes; keys of 1023 characters or more are written as `? key`, and keys with a NEL
/// are folded as values with one are (see `JSONRoundTrip`).
public enum YAMLEmitter {
    /// One document, ending with a newline.
    public static func emit(_ value: Value) -> String {
        var out = EmitterOutput(reserving: 256)
        out.emitDocument(value)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// One document with sequences indented under their keys, the layout of go-yaml v3 with
    /// an indent of 2 (Helm's `toYamlPretty`).
    public static func emitIndentingSequences(_ value: Value) -> String {
        var out = EmitterOutput(reserving: 256)
        out.indentSequences = true
        out.emitDocument(value)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Appends one document to `buffer`.
    public static func emit(_ value: Value, into buffer: inout [UInt8]) {
        var out = EmitterOutput()
        swap(&out.bytes, &buffer)
        out.emitDocument(value)
        swap(&out.bytes, &buffer)
    }

    /// Several documents, each after the first introduced by a `---` line, as Helm joins the
    /// manifests it renders.
    public static func emitStream(_ values: [Value]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 2048)
        emitStream(values, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends several documents to `buffer`; a caller that writes the bytes out (a file, stdout)
    /// can reuse one buffer and skip building a `String`.
    public static func emitStream(_ values: [Value], into buffer: inout [UInt8]) {
        var out = EmitterOutput()
        swap(&out.bytes, &buffer)
        for (index, value) in values.enumerated() {
            if index > 0 { out.bytes.append(contentsOf: "---\n".utf8) }
            out.emitDocument(value)
        }
        swap(&out.bytes, &buffer)
    }
}

/// The document and collection structure, as libyaml's emitter state machine lays out a block
/// document that go-yaml v2 sends it: one implicit document, block mappings and sequences,
/// empty ones in flow style (`{}`, `[]`), sequences not indented under their mapping key.
extension EmitterOutput {
    mutating func emitDocument(_ value: Value) {
        resetForDocument()
        emitNode(value, inMapping: false)
        indent = -1
        writeIndent()
    }

    /// `inMapping`: the node is a mapping value (libyaml's `mapping_context`), where a block
    /// sequence is indentless unless it starts on a line of its own.
    mutating func emitNode(_ value: Value, inMapping: Bool) {
        switch value {
        case .object(let entries):
            if entries.isEmpty {
                emitEmptyFlow(UInt8(ascii: "{"), UInt8(ascii: "}"))
            } else {
                emitMapping(entries)
            }
        case .array(let items):
            if items.isEmpty {
                emitEmptyFlow(UInt8(ascii: "["), UInt8(ascii: "]"))
            } else {
                emitSequence(items, inMapping: inMapping)
            }
        case .string(let s):
            emitString(s, simpleKey: false)
        case .null:
            emitWord("null")
        case .bool(let b):
            emitWord(b ? "true" : "false")
        case .int(let i):
            emitInteger(magnitude: i.magnitude, negative: i < 0)
        case .uint(let u):
            emitInteger(magnitude: u, negative: false)
        case .float(let f):
            var text = JSONRoundTrip.floatText(f)
            text.withUTF8 { emitWord($0) }
        }
    }

    private mutating func emitEmptyFlow(_ open: UInt8, _ close: UInt8) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    private mutating func emitMapping(_ entries: OrderedDictionary<String, Value>) {
        let saved = increaseIndent(flow: false, indentless: false)
        let keys = entries.keys
        let values = entries.values
        if let order = NaturalKeyOrder.sortedIndices(ifUnsorted: keys) {
            for index in order { emitEntry(keys[index], values[index]) }
        } else {
            for index in keys.indices { emitEntry(keys[index], values[index]) }
        }
        indent = saved
    }

    private mutating func emitEntry(_ key: String, _ value: Value) {
        writeIndent()
        emitKey(key)
        emitNode(value, inMapping: true)
    }

    private mutating func emitSequence(_ items: [Value], inMapping: Bool) {
        let saved = increaseIndent(flow: false, indentless: inMapping && !indention && !indentSequences)
        for item in items {
            writeIndent()
            writeIndicator(UInt8(ascii: "-"), needWhitespace: true, isWhitespace: false, isIndention: true)
            emitNode(item, inMapping: false)
        }
        indent = saved
    }

    /// A key and its `:`. libyaml writes a key as a simple key (`key:`) when it is on one line and
    /// at most 128 bytes long, and otherwise as `? key` with the `:` on a line of its own.
    private mutating func emitKey(_ key: String) {
        var key = key
        key.withUTF8 { bytes in
            let analysis = ScalarAnalysis(utf8: bytes)
            if analysis.containsNextLine {
                emitKey(JSONRoundTrip.foldingNextLines(bytes))
                return
            }
            if bytes.count <= 128 && !analysis.isMultiline {
                emitScalar(bytes, analysis, style: RequestedStyle.forString(analysis), simpleKey: true)
                writeIndicator(UInt8(ascii: ":"), needWhitespace: false, isWhitespace: false, isIndention: false)
            } else {
                writeIndicator(UInt8(ascii: "?"), needWhitespace: true, isWhitespace: false, isIndention: true)
                emitScalar(bytes, analysis, style: RequestedStyle.forString(analysis), simpleKey: false)
                writeIndent()
                writeIndicator(UInt8(ascii: ":"), needWhitespace: true, isWhitespace: false, isIndention: true)
            }
        }
    }

    mutating func emitString(_ s: String, simpleKey: Bool) {
        var s = s
        s.withUTF8 { bytes in
            let analysis = ScalarAnalysis(utf8: bytes)
            if analysis.containsNextLine {
                emitString(JSONRoundTrip.foldingNextLines(bytes), simpleKey: simpleKey)
                return
            }
            emitScalar(bytes, analysis, style: RequestedStyle.forString(analysis), simpleKey: simpleKey)
        }
    }

    /// libyaml's `yaml_emitter_emit_scalar`: select the style, then write the scalar one
    /// indentation step in (where its continuation lines go).
    private mutating func emitScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ analysis: ScalarAnalysis,
                                     style requested: ScalarStyle, simpleKey: Bool)
    {
        let style = ScalarAnalysis.select(requested, analysis, simpleKey: simpleKey, empty: bytes.isEmpty)
        let saved = increaseIndent(flow: true, indentless: false)
        switch style {
        case .plain: writePlain(bytes, analysis, allowBreaks: !simpleKey)
        case .singleQuoted: writeSingleQuoted(bytes, analysis, allowBreaks: !simpleKey)
        case .doubleQuoted: writeDoubleQuoted(bytes, analysis, allowBreaks: !simpleKey)
        case .literal, .folded: writeLiteral(bytes)
        }
        indent = saved
    }

    /// A plain scalar without spaces or special characters (a number, `true`, `null`): libyaml
    /// writes it as is after a separating space.
    private mutating func emitWord(_ word: StaticString) {
        word.withUTF8Buffer { emitWord($0) }
    }

    private mutating func emitWord(_ word: UnsafeBufferPointer<UInt8>) {
        if !whitespace { put(UInt8(ascii: " ")) }
        append(word, characters: word.count)
        whitespace = false
        indention = false
    }

    /// An integer in decimal, written straight into the buffer.
    private mutating func emitInteger(magnitude: UInt64, negative: Bool) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var v = magnitude
            var start = 21
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v != 0
            if negative {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            emitWord(UnsafeBufferPointer(rebasing: digits[start..<21]))
        }
    }
}
