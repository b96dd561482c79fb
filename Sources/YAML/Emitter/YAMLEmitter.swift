import OrderedCollections

/// Writes `Value`s as YAML exactly as sigs.k8s.io/yaml's `Marshal` does — the bytes Helm's
/// `toYaml` and `kubectl get -o yaml` print — so rendered output can match them byte for byte.
///
/// sigs.k8s.io/yaml marshals to JSON, re-reads the JSON with go-yaml v2 and writes that, so map
/// keys come out in go-yaml's natural order, numbers in the form JSON gave them, and strings in
/// the plain, quoted or literal style libyaml picks. NaN and infinities (which JSON cannot hold)
/// are written as `.nan`, `.inf` and `-.inf`.
public enum YAMLEmitter {
    /// One document, ending with a newline.
    public static func emit(_ value: Value) -> String {
        var out = EmitterOutput(reserving: 256)
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

    /// Several documents, each introduced by `---` after the first.
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

/// How a scalar asks to be written before libyaml's analysis has its say.
enum RequestedStyle {
    case plain, doubleQuoted, literal
}

extension EmitterOutput {
    mutating func emitDocument(_ value: Value) {
        resetForDocument()
        emitNode(value, inMapping: false, simpleKey: false)
        indent = -1
        writeIndent()
    }

    mutating func emitNode(_ value: Value, inMapping: Bool, simpleKey: Bool) {
        switch value {
        case .object(let entries):
            if entries.isEmpty {
                emitEmptyFlow("{}")
            } else {
                emitMapping(entries)
            }
        case .array(let items):
            if items.isEmpty {
                emitEmptyFlow("[]")
            } else {
                emitSequence(items, inMapping: inMapping)
            }
        default:
            let (text, style) = Self.scalar(value)
            emitScalar(text, requested: style, simpleKey: simpleKey)
        }
    }

    private mutating func emitEmptyFlow(_ pair: StaticString) {
        let open: StaticString = pair.utf8Start[0] == UInt8(ascii: "{") ? "{" : "["
        let close: StaticString = pair.utf8Start[0] == UInt8(ascii: "{") ? "}" : "]"
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    private mutating func emitMapping(_ entries: OrderedDictionary<String, Value>) {
        increaseIndent(flow: false, indentless: false)
        let keys = entries.keys
        let values = entries.values
        for index in NaturalKeyOrder.sortedIndices(keys.elements) {
            let key = keys[index]
            let value = values[index]
            writeIndent()
            if key.utf8.count <= 128 && (!key.utf8.contains(where: Self.mayBreakLine) || !ScalarAnalysis(key).isMultiline) {
                // libyaml's check_simple_key: one line, at most 128 bytes.
                emitScalar(key, requested: Self.stringStyle(key), simpleKey: true)
                writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
            } else {
                writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                emitScalar(key, requested: Self.stringStyle(key), simpleKey: false)
                writeIndent()
                writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
            }
            emitNode(value, inMapping: true, simpleKey: false)
        }
        popIndent()
    }

    private mutating func emitSequence(_ items: [Value], inMapping: Bool) {
        increaseIndent(flow: false, indentless: inMapping && !indention)
        for item in items {
            writeIndent()
            writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
            emitNode(item, inMapping: false, simpleKey: false)
        }
        popIndent()
    }

    /// Bytes that start a line break (LF, CR, and the lead byte of NEL, LS and PS); a key
    /// without any is on one line, and one with them is checked properly by the analysis.
    static func mayBreakLine(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") || c == 0xC2 || c == 0xE2
    }

    mutating func emitScalar(_ text: String, requested: RequestedStyle, simpleKey: Bool) {
        var text = text
        text.withUTF8 { value in
            let analysis = ScalarAnalysis(utf8: value)
            var style = requested
            var singleQuoted = false
            if simpleKey && analysis.isMultiline { style = .doubleQuoted }
            if style == .plain {
                if !analysis.blockPlainAllowed || (value.isEmpty && simpleKey) { singleQuoted = true }
                if singleQuoted && !analysis.singleQuotedAllowed {
                    singleQuoted = false
                    style = .doubleQuoted
                }
            }
            if style == .literal && (!analysis.blockAllowed || simpleKey) { style = .doubleQuoted }

            increaseIndent(flow: true, indentless: false)
            switch style {
            case .plain where singleQuoted: writeSingleQuoted(value, allowBreaks: !simpleKey)
            case .plain: writePlain(value, allowBreaks: !simpleKey)
            case .doubleQuoted: writeDoubleQuoted(value, allowBreaks: !simpleKey)
            case .literal: writeLiteral(value)
            }
            popIndent()
        }
    }

    /// The text and requested style of a scalar value, after sigs.k8s.io/yaml's JSON round trip.
    static func scalar(_ value: Value) -> (String, RequestedStyle) {
        switch value {
        case .null: return ("null", .plain)
        case .bool(let b): return (b ? "true" : "false", .plain)
        case .int(let i): return (String(i), .plain)
        case .uint(let u): return (String(u), .plain)
        case .float(let f): return (floatText(f), .plain)
        case .string(let s): return (s, stringStyle(s))
        case .array, .object: return ("", .plain)
        }
    }

    /// go-yaml v2's `stringv`: literal for multi-line text, plain when the text reads back as
    /// the same string (and is not a base-60 lookalike), double-quoted otherwise.
    static func stringStyle(_ s: String) -> RequestedStyle {
        if s.utf8.contains(UInt8(ascii: "\n")) { return .literal }
        return ScalarResolver.isPlainString(s) && !isBase60Float(s) ? .plain : .doubleQuoted
    }
}

extension YAMLEmitter {
    /// Whether go-yaml would quote `s` as a YAML 1.1 base-60 number (`1:20`) although it reads
    /// it back as a string itself.
    public static func looksLikeBase60(_ s: String) -> Bool { EmitterOutput.isBase60Float(s) }
}

extension EmitterOutput {

    /// A float as it comes back from JSON: whole numbers JSON prints without an exponent are read
    /// back as integers; everything else is a float printed with Go's `%g`-style shortest form.
    static func floatText(_ f: Double) -> String {
        if f.isNaN { return ".nan" }
        if f.isInfinite { return f < 0 ? "-.inf" : ".inf" }
        let json = GoFloatFormat.json(f)
        switch ScalarResolver.resolve(json) {
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .float(let d): return GoFloatFormat.g(d)
        default: return GoFloatFormat.g(f)
        }
    }

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`: go-yaml quotes these for YAML 1.1 readers.
    static func isBase60Float(_ s: String) -> Bool {
        guard let first = s.utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")), s.utf8.contains(UInt8(ascii: ":"))
        else { return false }
        var bytes = Array(s.utf8)[...]
        guard !bytes.isEmpty else { return false }
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        guard let first = bytes.first, isDigit(first) else { return false }
        var i = bytes.startIndex + 1
        while i < bytes.endIndex, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        while i < bytes.endIndex, bytes[i] == UInt8(ascii: ":") {
            i += 1
            // [0-5]?[0-9]
            guard i < bytes.endIndex, isDigit(bytes[i]) else { return false }
            if i + 1 < bytes.endIndex, isDigit(bytes[i + 1]), bytes[i] <= UInt8(ascii: "5") {
                i += 2
            } else {
                i += 1
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.endIndex, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == bytes.endIndex
    }
}
