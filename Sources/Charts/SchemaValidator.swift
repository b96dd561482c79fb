import Templates
import Foundation
import OrderedCollections
import YAML

/// One way the values break a chart's values.schema.json.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    /// The chart whose schema it is.
    public var chart: String
    public var schemaFile: String?
    /// JSON pointer into that chart's values (`/backend/replicaCount`), as Helm prints it.
    public var pointer: String
    /// The same place as a values path from the top chart (`backend.replicaCount`).
    public var path: String
    /// What was expected, in Helm's (santhosh-tekuri/jsonschema v6) words.
    public var message: String
    /// Nesting under an `allOf`/`anyOf`/`oneOf`/`not` failure (0 at the top).
    public var depth: Int = 0
    /// Where the offending value was set (`values.yaml:4:15`, `--set ...`), when known.
    public var source: String?

    public var description: String {
        var s = "\(path.isEmpty ? "(root)" : path): \(message)"
        if let source { s += " (set at \(source))" }
        return s
    }
}

/// Validates merged values against each chart's values.schema.json, recursively into subcharts
/// (each against its own section), as helm/helm pkg/chart/common/util/jsonschema.go
/// `ValidateAgainstSchema` does. Covers the keywords real charts use from draft-07 and
/// 2020-12: type, enum, const, required, properties, additionalProperties, patternProperties,
/// items / prefixItems / additionalItems, min/max (exclusive too), multipleOf, minLength,
/// maxLength, pattern, minItems, maxItems, uniqueItems, min/maxProperties, allOf, anyOf, oneOf,
/// not, if/then/else, dependentRequired, and local `$ref` (`#/definitions/...`, `#/$defs/...`).
/// `format` is not checked; remote `$ref`s are not fetched (they pass).
public enum SchemaValidator {
    public typealias Table = OrderedDictionary<String, Value>

    /// Every violation, top chart first. `locate` names where a values path (from the top
    /// chart) was set, for messages.
    public static func validate(chart: Chart, values: Table, locate: @escaping ([String]) -> String? = { _ in nil }) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        validate(chart: chart, values: values, prefix: [], locate: locate, into: &out)
        return out
    }

    /// Throws Helm's error (`values don't meet the specifications of the schema(s) in the
    /// following chart(s):\nchart:\n- at '/x': ...`) if anything fails.
    public static func check(chart: Chart, values: Table, locate: @escaping ([String]) -> String? = { _ in nil }) throws {
        let violations = validate(chart: chart, values: values, locate: locate)
        guard !violations.isEmpty else { return }
        var text = "values don't meet the specifications of the schema(s) in the following chart(s):\n"
        var current: String?
        for v in violations {
            if v.chart != current {
                text += "\(v.chart):\n"
                current = v.chart
            }
            let indent = String(repeating: "  ", count: v.depth)
            text += v.pointer == "\u{0}" ? "\(v.message)\n" : "\(indent)- at '\(v.pointer)': \(v.message)\n"
        }
        let first = violations[0]
        throw ChartError(.schema, text, file: first.schemaFile,
                         hint: "fix \(first.path.isEmpty ? "the values" : first.path)\(first.source.map { " (set at \($0))" } ?? "")")
    }

    private static func validate(chart: Chart, values: Table, prefix: [String], locate: @escaping ([String]) -> String?,
                                 into out: inout [SchemaViolation])
    {
        if let schema = chart.schema {
            var run = Run(root: schema, chart: chart.name, schemaFile: chart.schemaFile, prefix: prefix, locate: locate)
            run.check(.object(values), schema, at: [], depth: 0)
            out += run.violations
        }
        for sub in chart.dependencies {
            guard let raw = values[sub.name], !raw.isNull else { continue }
            guard case .object(let section) = raw else {
                out.append(SchemaViolation(chart: sub.name, schemaFile: sub.schemaFile, pointer: "\u{0}",
                                           path: (prefix + [sub.name]).joined(separator: "."),
                                           message: "invalid type for values: expected object (map), got \(GoTypeName.of(raw))"))
                continue
            }
            validate(chart: sub, values: section, prefix: prefix + [sub.name], locate: locate, into: &out)
        }
    }

    private struct Run {
        let root: Value
        let chart: String
        let schemaFile: String?
        let prefix: [String]
        let locate: ([String]) -> String?
        var violations: [SchemaViolation] = []
        var refDepth = 0

        mutating func fail(_ at: [String], _ message: String, depth: Int) {
            let pointer = at.isEmpty ? "" : "/" + at.map { $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined(separator: "/")
            var path = ""
            for segment in prefix + at {
                if Int(segment) != nil, !path.isEmpty, segment.allSatisfy(\.isNumber) { path += "[\(segment)]" } else { path += path.isEmpty ? segment : "." + segment }
            }
            violations.append(SchemaViolation(chart: chart, schemaFile: schemaFile, pointer: pointer, path: path,
                                              message: message, depth: depth, source: locate(prefix + at)))
        }

        /// Runs `schema` against `value` in a scratch copy; true if it passes.
        func passes(_ value: Value, _ schema: Value, at: [String]) -> Bool {
            var scratch = self
            scratch.violations = []
            scratch.check(value, schema, at: at, depth: 0)
            return scratch.violations.isEmpty
        }

        mutating func nested(_ value: Value, _ schema: Value, at: [String], depth: Int) {
            check(value, schema, at: at, depth: depth)
        }

        mutating func check(_ value: Value, _ schema: Value, at: [String], depth: Int) {
            if case .bool(let allowed) = schema {
                if !allowed { fail(at, "false schema", depth: depth) }
                return
            }
            guard case .object(let s) = schema else { return }
            if case .string(let ref)? = s["$ref"], let target = resolve(ref), refDepth < 64 {
                refDepth += 1
                check(value, target, at: at, depth: depth)
                refDepth -= 1
            }
            if let type = s["type"] {
                let wanted: [String] = type.array?.compactMap(\.string) ?? [type.string].compactMap { $0 }
                if !wanted.isEmpty, !wanted.contains(where: { Self.hasType(value, $0) }) {
                    fail(at, "got \(Self.typeName(value)), want \(wanted.joined(separator: " or "))", depth: depth)
                    return
                }
            }
            if case .array(let options)? = s["enum"], !options.contains(where: { Self.equal($0, value) }) {
                let allPrimitive = options.allSatisfy { $0.array == nil && $0.object == nil }
                fail(at, allPrimitive
                        ? (options.count == 1 ? "value must be \(Self.display(options[0]))"
                            : "value must be one of \(options.map(Self.display).joined(separator: ", "))")
                        : "enum failed", depth: depth)
            }
            if let c = s["const"], !Self.equal(c, value) {
                fail(at, c.array == nil && c.object == nil ? "value must be \(Self.display(c))" : "const failed", depth: depth)
            }
            switch value {
            case .object(let map): checkObject(map, s, at: at, depth: depth)
            case .array(let items): checkArray(items, s, at: at, depth: depth)
            case .string(let str): checkString(str, s, at: at, depth: depth)
            case .int, .uint, .float: checkNumber(Self.number(value)!, s, at: at, depth: depth)
            default: break
            }
            if case .array(let all)? = s["allOf"] {
                for sub in all { check(value, sub, at: at, depth: depth) }
            }
            if case .array(let any)? = s["anyOf"], !any.contains(where: { passes(value, $0, at: at) }) {
                fail(at, "anyOf failed", depth: depth)
                for sub in any { nested(value, sub, at: at, depth: depth + 1) }
            }
            if case .array(let one)? = s["oneOf"] {
                let matched = one.indices.filter { passes(value, one[$0], at: at) }
                if matched.isEmpty {
                    fail(at, "oneOf failed, none matched", depth: depth)
                    for sub in one { nested(value, sub, at: at, depth: depth + 1) }
                } else if matched.count > 1 {
                    fail(at, "oneOf failed, subschemas \(matched[0]), \(matched[1]) matched", depth: depth)
                }
            }
            if let not = s["not"], passes(value, not, at: at) { fail(at, "not failed", depth: depth) }
            if let cond = s["if"] {
                if passes(value, cond, at: at) {
                    if let then = s["then"] { check(value, then, at: at, depth: depth) }
                } else if let otherwise = s["else"] {
                    check(value, otherwise, at: at, depth: depth)
                }
            }
        }

        mutating func checkObject(_ map: Table, _ s: Table, at: [String], depth: Int) {
            if case .array(let required)? = s["required"] {
                let missing = required.compactMap(\.string).filter { map[$0] == nil }
                if missing.count == 1 {
                    fail(at, "missing property \(Self.quote(missing[0]))", depth: depth)
                } else if missing.count > 1 {
                    fail(at, "missing properties \(missing.map(Self.quote).joined(separator: ", "))", depth: depth)
                }
            }
            if let n = s["minProperties"].flatMap(Self.number), Double(map.count) < n {
                fail(at, "minProperties: got \(map.count), want \(Int(n))", depth: depth)
            }
            if let n = s["maxProperties"].flatMap(Self.number), Double(map.count) > n {
                fail(at, "maxProperties: got \(map.count), want \(Int(n))", depth: depth)
            }
            if case .object(let deps)? = s["dependentRequired"] {
                for (prop, needs) in deps where map[prop] != nil {
                    let missing = (needs.array ?? []).compactMap(\.string).filter { map[$0] == nil }
                    if !missing.isEmpty {
                        fail(at, "properties \(missing.map(Self.quote).joined(separator: ", ")) required, if \(Self.quote(prop)) exists", depth: depth)
                    }
                }
            }
            let properties = s["properties"]?.object ?? [:]
            let patterns = s["patternProperties"]?.object ?? [:]
            var additional: [String] = []
            for (key, child) in map {
                var covered = false
                if let sub = properties[key] {
                    covered = true
                    check(child, sub, at: at + [key], depth: depth)
                }
                for (pattern, sub) in patterns where Self.search(pattern, key) {
                    covered = true
                    check(child, sub, at: at + [key], depth: depth)
                }
                if !covered, let extra = s["additionalProperties"] {
                    if case .bool(false) = extra { additional.append(key) } else { check(child, extra, at: at + [key], depth: depth) }
                }
            }
            if !additional.isEmpty {
                fail(at, "additional properties \(additional.map(Self.quote).joined(separator: ", ")) not allowed", depth: depth)
            }
        }

        mutating func checkArray(_ items: [Value], _ s: Table, at: [String], depth: Int) {
            if let n = s["minItems"].flatMap(Self.number), Double(items.count) < n {
                fail(at, "minItems: got \(items.count), want \(Int(n))", depth: depth)
            }
            if let n = s["maxItems"].flatMap(Self.number), Double(items.count) > n {
                fail(at, "maxItems: got \(items.count), want \(Int(n))", depth: depth)
            }
            if case .bool(true)? = s["uniqueItems"] {
                outer: for i in items.indices {
                    for j in items.indices where j > i && Self.equal(items[i], items[j]) {
                        fail(at, "items at \(i) and \(j) are equal", depth: depth)
                        break outer
                    }
                }
            }
            var tuple: [Value] = []
            if case .array(let prefix)? = s["prefixItems"] { tuple = prefix }
            if case .array(let legacy)? = s["items"] { tuple = legacy }
            for (i, item) in items.enumerated() {
                if i < tuple.count {
                    check(item, tuple[i], at: at + [String(i)], depth: depth)
                } else if s["items"]?.array == nil, let every = s["items"] {
                    check(item, every, at: at + [String(i)], depth: depth)
                } else if let extra = s["additionalItems"], s["items"]?.array != nil {
                    if case .bool(false) = extra {
                        fail(at, "last \(items.count - tuple.count) additionalItem(s) not allowed", depth: depth)
                        break
                    }
                    check(item, extra, at: at + [String(i)], depth: depth)
                }
            }
        }

        mutating func checkString(_ str: String, _ s: Table, at: [String], depth: Int) {
            let length = str.unicodeScalars.count
            if let n = s["minLength"].flatMap(Self.number), Double(length) < n {
                fail(at, "minLength: got \(length), want \(Int(n))", depth: depth)
            }
            if let n = s["maxLength"].flatMap(Self.number), Double(length) > n {
                fail(at, "maxLength: got \(length), want \(Int(n))", depth: depth)
            }
            if case .string(let pattern)? = s["pattern"], !Self.search(pattern, str) {
                fail(at, "\(Self.quote(str)) does not match pattern \(Self.quote(pattern))", depth: depth)
            }
        }

        mutating func checkNumber(_ n: Double, _ s: Table, at: [String], depth: Int) {
            let g = GoFloatFormat.g
            if let m = s["minimum"].flatMap(Self.number), n < m { fail(at, "minimum: got \(g(n, 64)), want \(g(m, 64))", depth: depth) }
            if let m = s["maximum"].flatMap(Self.number), n > m { fail(at, "maximum: got \(g(n, 64)), want \(g(m, 64))", depth: depth) }
            if let m = s["exclusiveMinimum"].flatMap(Self.number), n <= m {
                fail(at, "exclusiveMinimum: got \(g(n, 64)), want \(g(m, 64))", depth: depth)
            } else if case .bool(true)? = s["exclusiveMinimum"], let m = s["minimum"].flatMap(Self.number), n == m {
                fail(at, "exclusiveMinimum: got \(g(n, 64)), want \(g(m, 64))", depth: depth)
            }
            if let m = s["exclusiveMaximum"].flatMap(Self.number), n >= m {
                fail(at, "exclusiveMaximum: got \(g(n, 64)), want \(g(m, 64))", depth: depth)
            } else if case .bool(true)? = s["exclusiveMaximum"], let m = s["maximum"].flatMap(Self.number), n == m {
                fail(at, "exclusiveMaximum: got \(g(n, 64)), want \(g(m, 64))", depth: depth)
            }
            if let m = s["multipleOf"].flatMap(Self.number), m > 0 {
                let q = n / m
                if q.rounded() != q { fail(at, "multipleOf: got \(g(n, 64)), want \(g(m, 64))", depth: depth) }
            }
        }

        /// A local reference: `#`, `#/definitions/x`, `#/$defs/x` (JSON pointer, ~0 ~1 escapes).
        func resolve(_ ref: String) -> Value? {
            guard ref.hasPrefix("#") else { return nil }
            var node = root
            for raw in ref.dropFirst().split(separator: "/") {
                let key = String(raw).removingPercentEncoding?.replacingOccurrences(of: "~1", with: "/")
                    .replacingOccurrences(of: "~0", with: "~") ?? String(raw)
                if let child = node[key] {
                    node = child
                } else if let items = node.array, let i = Int(key), items.indices.contains(i) {
                    node = items[i]
                } else {
                    return nil
                }
            }
            return node
        }

        static func hasType(_ v: Value, _ type: String) -> Bool {
            switch (type, v) {
            case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
            case ("number", .int), ("number", .uint), ("number", .float): return true
            case ("integer", .int), ("integer", .uint): return true
            case ("integer", .float(let f)): return f.rounded() == f && f.isFinite
            default: return false
            }
        }

        static func typeName(_ v: Value) -> String {
            switch v {
            case .null: return "null"
            case .bool: return "boolean"
            case .string: return "string"
            case .array: return "array"
            case .object: return "object"
            default: return "number"
            }
        }

        static func number(_ v: Value) -> Double? {
            switch v {
            case .int(let i): return Double(i)
            case .uint(let u): return Double(u)
            case .float(let f): return f
            default: return nil
            }
        }

        /// JSON equality: numbers by value, maps regardless of key order.
        static func equal(_ a: Value, _ b: Value) -> Bool {
            if let x = number(a), let y = number(b) { return x == y }
            switch (a, b) {
            case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
            case (.object(let x), .object(let y)):
                return x.count == y.count && x.allSatisfy { k, v in y[k].map { equal(v, $0) } ?? false }
            default: return a == b
            }
        }

        /// kind.go `quote`: Go's %q with single quotes outside.
        static func quote(_ s: String) -> String {
            var q = GoQuote.quote(s)
            q = String(q.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "'", with: "\\'")
            return "'" + q + "'"
        }

        static func display(_ v: Value) -> String {
            switch v {
            case .string(let s): return quote(s)
            case .array, .object: return "value"
            default: return GoValueFormat.v(v)
            }
        }

        /// Unanchored regular-expression search (ECMA 262 in the spec; NSRegularExpression here).
        static func search(_ pattern: String, _ text: String) -> Bool {
            guard let re = try? NSRegularExpression(pattern: pattern) else { return false }
            return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }
}
