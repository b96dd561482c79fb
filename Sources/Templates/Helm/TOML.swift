import Foundation
import OrderedCollections
import YAML

/// TOML as Helm's `toToml` writes it (BurntSushi/toml's encoder: sorted keys, plain keys
/// before tables, tables indented by two spaces per level).
enum TOMLEncoder {
    struct EncodeError: Error, CustomStringConvertible {
        let description: String
    }

    static func encode(_ value: Value) throws -> String {
        guard case .object(let root) = value else {
            throw EncodeError(description: "toml: top-level values must be Go maps or structs")
        }
        var out = ""
        try table(root, path: [], depth: 0, into: &out)
        return out
    }

    private static func isTable(_ v: Value) -> Bool {
        if case .object = v { return true }
        return false
    }

    private static func isTableArray(_ v: Value) -> Bool {
        if case .array(let items) = v, !items.isEmpty { return items.allSatisfy(isTable) }
        return false
    }

    private static func table(_ entries: OrderedDictionary<String, Value>, path: [String], depth: Int, into out: inout String) throws {
        let keys = entries.keys.sorted()
        let indent = String(repeating: "  ", count: depth)
        for key in keys {
            let v = entries[key]!
            if isTable(v) || isTableArray(v) || v == .null { continue }
            out += indent + quoteKey(key) + " = " + (try inline(v)) + "\n"
        }
        for key in keys {
            let v = entries[key]!
            if case .object(let sub) = v {
                let p = path + [key]
                // BurntSushi/toml separates top-level tables by a blank line, once anything is written.
                if depth == 0 && !out.isEmpty { out += "\n" }
                out += String(repeating: "  ", count: depth) + "[" + p.map(quoteKey).joined(separator: ".") + "]\n"
                try table(sub, path: p, depth: depth + 1, into: &out)
            } else if isTableArray(v), case .array(let items) = v {
                let p = path + [key]
                for item in items {
                    guard case .object(let sub) = item else { continue }
                    if !out.isEmpty { out += "\n" }
                    out += String(repeating: "  ", count: depth) + "[[" + p.map(quoteKey).joined(separator: ".") + "]]\n"
                    try table(sub, path: p, depth: depth + 1, into: &out)
                }
            }
        }
    }

    private static func quoteKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0x41 && $0.value <= 0x5A)
                || ($0.value >= 0x61 && $0.value <= 0x7A) || $0 == "_" || $0 == "-"
        }
        return bare ? key : quote(key)
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let h = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func inline(_ v: Value) throws -> String {
        switch v {
        case .null: throw EncodeError(description: "toml: cannot encode a nil value")
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .float(let f):
            if f.isNaN { return "nan" }
            if f.isInfinite { return f < 0 ? "-inf" : "inf" }
            let s = GoFloatFormat.json(f)
            return s.contains(".") || s.contains("e") ? s : s + ".0"
        case .string(let s): return quote(s)
        case .array(let items): return "[" + (try items.map(inline)).joined(separator: ", ") + "]"
        case .object(let o):
            return "{" + (try o.keys.sorted().map { quoteKey($0) + " = " + (try inline(o[$0]!)) }).joined(separator: ", ") + "}"
        }
    }
}

/// A small TOML reader for Helm's `fromToml`: tables, arrays of tables, dotted and quoted
/// keys, strings, integers, floats, booleans, arrays and inline tables.
enum TOMLDecoder {
    struct DecodeError: Error, CustomStringConvertible {
        let description: String
    }

    static func decode(_ text: String) throws -> Value {
        var parser = Parser(Array(text.utf8))
        return try parser.document()
    }

    private struct Parser {
        let b: [UInt8]
        var i = 0
        var line = 1
        init(_ b: [UInt8]) { self.b = b }

        var root = Value.object([:])
        var current: [String] = []

        mutating func document() throws -> Value {
            while true {
                skipTrivia(newlines: true)
                guard i < b.count else { break }
                if b[i] == UInt8(ascii: "[") {
                    let isArray = i + 1 < b.count && b[i + 1] == UInt8(ascii: "[")
                    i += isArray ? 2 : 1
                    skipTrivia(newlines: false)
                    let path = try key()
                    skipTrivia(newlines: false)
                    try expect("]")
                    if isArray { try expect("]") }
                    current = path
                    if isArray {
                        try mutate(&root, path) { v in
                            if case .array(var items) = v { items.append(.object([:])); v = .array(items) }
                            else { v = .array([.object([:])]) }
                        }
                    } else {
                        try mutate(&root, path) { v in if case .null = v { v = .object([:]) } }
                    }
                } else {
                    let path = try key()
                    skipTrivia(newlines: false)
                    try expect("=")
                    skipTrivia(newlines: false)
                    let value = try self.value()
                    try mutate(&root, current + path) { $0 = value }
                }
                skipTrivia(newlines: false)
                if i < b.count && b[i] != UInt8(ascii: "\n") { throw fail("expected newline") }
            }
            return root
        }

        func fail(_ message: String) -> DecodeError {
            DecodeError(description: "toml: line \(line): \(message)")
        }

        mutating func expect(_ c: Character) throws {
            guard i < b.count, b[i] == c.asciiValue! else { throw fail("expected '\(c)'") }
            i += 1
        }

        mutating func skipTrivia(newlines: Bool) {
            while i < b.count {
                let c = b[i]
                if c == 0x20 || c == 0x09 || c == 0x0D { i += 1 }
                else if c == 0x0A && newlines { i += 1; line += 1 }
                else if c == UInt8(ascii: "#") { while i < b.count && b[i] != 0x0A { i += 1 } }
                else { break }
            }
        }

        mutating func key() throws -> [String] {
            var parts: [String] = []
            while true {
                skipTrivia(newlines: false)
                if i < b.count && (b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'")) {
                    guard case .string(let s) = try value() else { throw fail("bad key") }
                    parts.append(s)
                } else {
                    let start = i
                    while i < b.count, b[i] == UInt8(ascii: "_") || b[i] == UInt8(ascii: "-") || (b[i] >= 0x30 && b[i] <= 0x39)
                            || (b[i] | 0x20 >= UInt8(ascii: "a") && b[i] | 0x20 <= UInt8(ascii: "z")) { i += 1 }
                    if start == i { throw fail("expected a key") }
                    parts.append(String(decoding: b[start..<i], as: UTF8.self))
                }
                skipTrivia(newlines: false)
                if i < b.count && b[i] == UInt8(ascii: ".") { i += 1; continue }
                return parts
            }
        }

        mutating func value() throws -> Value {
            guard i < b.count else { throw fail("expected a value") }
            switch b[i] {
            case UInt8(ascii: "\""):
                i += 1
                var out: [UInt8] = []
                while i < b.count && b[i] != UInt8(ascii: "\"") {
                    if b[i] == UInt8(ascii: "\\"), i + 1 < b.count {
                        i += 1
                        switch b[i] {
                        case UInt8(ascii: "n"): out.append(0x0A)
                        case UInt8(ascii: "t"): out.append(0x09)
                        case UInt8(ascii: "r"): out.append(0x0D)
                        case UInt8(ascii: "b"): out.append(0x08)
                        case UInt8(ascii: "f"): out.append(0x0C)
                        case UInt8(ascii: "u"), UInt8(ascii: "U"):
                            let n = b[i] == UInt8(ascii: "u") ? 4 : 8
                            let hex = String(decoding: b[(i + 1)..<min(b.count, i + 1 + n)], as: UTF8.self)
                            guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { throw fail("bad escape") }
                            out += Array(String(Character(scalar)).utf8)
                            i += n
                        default: out.append(b[i])
                        }
                        i += 1
                    } else {
                        out.append(b[i])
                        i += 1
                    }
                }
                try expect("\"")
                return .string(String(decoding: out, as: UTF8.self))
            case UInt8(ascii: "'"):
                i += 1
                let start = i
                while i < b.count && b[i] != UInt8(ascii: "'") { i += 1 }
                let s = String(decoding: b[start..<i], as: UTF8.self)
                try expect("'")
                return .string(s)
            case UInt8(ascii: "["):
                i += 1
                var items: [Value] = []
                while true {
                    skipTrivia(newlines: true)
                    if i < b.count && b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                    items.append(try value())
                    skipTrivia(newlines: true)
                    if i < b.count && b[i] == UInt8(ascii: ",") { i += 1 }
                }
            case UInt8(ascii: "{"):
                i += 1
                var table = Value.object([:])
                while true {
                    skipTrivia(newlines: false)
                    if i < b.count && b[i] == UInt8(ascii: "}") { i += 1; return table }
                    let path = try key()
                    skipTrivia(newlines: false)
                    try expect("=")
                    skipTrivia(newlines: false)
                    let v = try value()
                    try mutate(&table, path) { $0 = v }
                    skipTrivia(newlines: false)
                    if i < b.count && b[i] == UInt8(ascii: ",") { i += 1 }
                }
            default:
                let start = i
                while i < b.count, !(b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D || b[i] == UInt8(ascii: ",")
                        || b[i] == UInt8(ascii: "]") || b[i] == UInt8(ascii: "}") || b[i] == UInt8(ascii: "#")) { i += 1 }
                let word = String(decoding: b[start..<i], as: UTF8.self)
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                let digits = word.replacingOccurrences(of: "_", with: "")
                if let n = Int64(digits) { return .int(n) }
                if let f = Double(digits) { return .float(f) }
                if word == "inf" || word == "+inf" { return .float(.infinity) }
                if word == "-inf" { return .float(-.infinity) }
                if word.hasSuffix("nan") { return .float(.nan) }
                if !word.isEmpty { return .string(word) }  // dates and times stay text
                throw fail("expected a value")
            }
        }

        /// Applies `change` to the value at `path`, creating tables on the way; inside an array
        /// of tables the last table is meant.
        func mutate(_ v: inout Value, _ path: [String], _ change: (inout Value) throws -> Void) throws {
            guard let first = path.first else { return try change(&v) }
            switch v {
            case .object(var o):
                var child = o[first] ?? .null
                if path.count > 1, case .null = child { child = .object([:]) }
                try mutate(&child, Array(path.dropFirst()), change)
                o[first] = child
                v = .object(o)
            case .array(var items) where !items.isEmpty:
                var last = items.removeLast()
                try mutate(&last, path, change)
                items.append(last)
                v = .array(items)
            default:
                throw fail("key \(path.joined(separator: ".")) is not a table")
            }
        }
    }
}
