import OrderedCollections

/// Writes `Value`s as JSON exactly as Go's `encoding/json` does: what Helm's `toJson`, kubectl's
/// `-o json` and the API server produce, byte for byte.
///
/// Strings escape `<`, `>` and `&` (HTML-safe, as `json.Marshal` does by default), U+2028 and
/// U+2029; floats use Go's shortest form (`1e+21`, `0.5`); map keys are sorted as Go sorts a
/// `map[string]interface{}` unless the caller keeps their order.
public struct JSONWriter: Sendable {
    /// Spaces per nesting level for `json.MarshalIndent`; nil writes compact JSON.
    public var indent: Int?
    /// Sort map keys by their bytes, as Go does for maps; false keeps insertion order.
    public var sortKeys: Bool
    /// Escape `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`.
    public var escapeHTML: Bool

    public init(indent: Int? = nil, sortKeys: Bool = true, escapeHTML: Bool = true) {
        self.indent = indent
        self.sortKeys = sortKeys
        self.escapeHTML = escapeHTML
    }

    /// JSON cannot hold NaN or infinities; Go's encoder refuses them the same way.
    public struct UnsupportedValue: Error, Sendable, CustomStringConvertible {
        public var value: Double
        public var description: String { "json: unsupported value: \(GoFloatFormat.g(value))" }
    }

    public func string(_ value: Value) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public func write(_ value: Value, into out: inout [UInt8]) throws {
        try write(value, into: &out, depth: 0)
    }

    private func write(_ value: Value, into out: inout [UInt8], depth: Int) throws {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .uint(let u): out.append(contentsOf: String(u).utf8)
        case .float(let f):
            guard f.isFinite else { throw UnsupportedValue(value: f) }
            out.append(contentsOf: GoFloatFormat.json(f).utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, depth + 1)
                try write(item, into: &out, depth: depth + 1)
            }
            newline(&out, depth)
            out.append(UInt8(ascii: "]"))
        case .object(let entries):
            if entries.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            let keys = sortKeys ? entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) : Array(entries.keys)
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, depth + 1)
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                try write(entries[key]!, into: &out, depth: depth + 1)
            }
            newline(&out, depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ depth: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * depth))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let c = bytes[i]
                switch c {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    if escapeHTML {
                        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(c >> 4)], Self.hex[Int(c & 0xF)]])
                    } else {
                        out.append(c)
                    }
                case 0x00..<0x20:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(c >> 4)], Self.hex[Int(c & 0xF)]])
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    out.append(contentsOf: "\\u202".utf8)
                    out.append(bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    i += 2
                default:
                    out.append(c)
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
