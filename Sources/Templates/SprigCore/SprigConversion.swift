import Foundation

/// Sprig's conversions between Go values: `strval` (how most string functions see their
/// argument), spf13/cast's `ToInt64`/`ToFloat64`, and Sprig's emptiness rule.
enum SprigConversion {
    /// Sprig's `strval`: strings as is, byte slices as text, anything else as `%v`.
    static func string(_ v: TemplateValue) -> String {
        switch v.plain {
        case .string(let s): return s
        case .list(let items, .integer(.uint8)): return String(decoding: items.map { bytesValue($0) }, as: UTF8.self)
        case .object(let o): return o.formatted
        default: return GoFormatter.string(v)
        }
    }

    private static func bytesValue(_ v: TemplateValue) -> UInt8 {
        if case .uint(let u, _) = v.plain { return UInt8(truncatingIfNeeded: u) }
        return 0
    }

    /// spf13/cast `ToInt64`: numbers truncate, strings parse (base prefixes, a trailing `.0`),
    /// booleans are 0/1, anything else 0.
    static func int64(_ v: TemplateValue) -> Int64 {
        switch v.plain {
        case .int(let i, _): return i
        case .uint(let u, _): return Int64(truncatingIfNeeded: u)
        case .float(let f): return f.isFinite && abs(f) < 9.2e18 ? Int64(f) : 0
        case .bool(let b): return b ? 1 : 0
        case .string(let s):
            var t = s
            if let dot = t.firstIndex(of: "."), t[t.index(after: dot)...].allSatisfy({ $0 == "0" }) { t = String(t[..<dot]) }
            return GoNumberParsing.int(t) ?? 0
        default: return 0
        }
    }

    /// spf13/cast `ToFloat64`.
    static func float64(_ v: TemplateValue) -> Double {
        switch v.plain {
        case .int(let i, _): return Double(i)
        case .uint(let u, _): return Double(u)
        case .float(let f): return f
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces)) ?? 0
        default: return 0
        }
    }

    /// Sprig's `empty`: zero numbers, false, empty strings and collections, and nil.
    static func isEmpty(_ v: TemplateValue) -> Bool {
        switch v.plain {
        case .invalid, .null: return true
        case .bool(let b): return !b
        case .int(let i, _): return i == 0
        case .uint(let u, _): return u == 0
        case .float(let f): return f == 0
        case .string(let s): return s.isEmpty
        case .list(let items, _): return items.isEmpty
        case .map(let m): return m.count == 0
        case .object(let o): return o.mapEntries.map { $0.count == 0 } ?? false
        case .function: return false
        case .traced, .namedList: return false
        }
    }

    /// The elements of a list value (Sprig's list functions accept any slice).
    static func items(_ v: TemplateValue) -> [TemplateValue]? {
        if case .list(let items, _) = v.plain { return items }
        return nil
    }

    /// Sprig's `strslice`: a slice's elements as strings (nil elements dropped), or `[strval(v)]`.
    static func strings(_ v: TemplateValue) -> [String] {
        switch v.plain {
        case .list(let items, _):
            return items.compactMap { item in
                if case .null = item.plain { return nil }
                if case .invalid = item.plain { return nil }
                return string(item)
            }
        case .invalid, .null: return []
        default: return [string(v)]
        }
    }

    /// A single traced argument keeps its provenance on a derived string.
    static func traced(_ result: TemplateValue, from arguments: TemplateValue...) -> TemplateValue {
        for a in arguments { if let origin = a.origin { return .traced(result, origin) } }
        return result
    }
}

/// `strconv.ParseInt(s, 0, 64)` for cast's string conversion.
enum GoNumberParsing {
    static func int(_ s: String) -> Int64? {
        GoNumber.parseInt(s)
    }
}
