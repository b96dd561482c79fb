import Foundation
import Templates
import YAML

/// Answers "which values line decides this rendered field?" for `shipshape render --trace`.
///
/// The render ran in trace mode, so each template's output knows which values it looked up
/// (a map looked up whole, e.g. by `toYaml`, stands for every value under it). Among those,
/// the ones whose value prints as the field's text are candidates; the one whose trailing
/// keys best match the field's path wins (`resources.limits.memory` ↔
/// `backend.resources.limits.memory`).
public enum FieldTracer {
    /// `apps/v1/Deployment/backend-deployment:spec.replicas`.
    public struct Query: Sendable, CustomStringConvertible {
        public var apiVersion: String
        public var kind: String
        public var name: String
        public var field: ValuePath

        public init(parsing text: String) throws {
            guard let colon = text.firstIndex(of: ":") else {
                throw ChartError(.render, "invalid --trace \(GoQuote.quote(text)): expected APIVERSION/KIND/NAME:FIELD, e.g. apps/v1/Deployment/backend-deployment:spec.replicas")
            }
            let ref = text[..<colon].split(separator: "/").map(String.init)
            guard ref.count == 3 || ref.count == 4 else {
                throw ChartError(.render, "invalid --trace object \(GoQuote.quote(String(text[..<colon]))): expected GROUP/VERSION/KIND/NAME or VERSION/KIND/NAME")
            }
            apiVersion = ref.dropLast(2).joined(separator: "/")
            kind = ref[ref.count - 2]
            name = ref[ref.count - 1]
            do {
                field = try ValuePath(parsing: String(text[text.index(after: colon)...]))
            } catch {
                throw ChartError(.render, "invalid --trace field: \(error)")
            }
        }

        public var description: String { "\(apiVersion)/\(kind)/\(name):\(field)" }
    }

    /// What drives a field.
    public struct Answer: Sendable, CustomStringConvertible {
        public var query: Query
        /// The field's rendered text.
        public var text: String
        /// The template that wrote the object.
        public var template: String
        /// The values that drive the field, with where each was set: one, several when the
        /// template composes the field from them, none when the template writes it itself.
        public var origins: [(origin: Origin, value: String)]

        /// The single driving value, if exactly one drives the field.
        public var origin: Origin? { origins.count == 1 ? origins[0].origin : nil }

        public var description: String {
            if origins.count == 1 { return "\(origins[0].origin.source) \(origins[0].origin.path) = \(text)" }
            if origins.isEmpty { return "\(query) = \(text) is not driven by any value (it is written in \(template))" }
            var lines = origins.map { "\($0.origin.source) \($0.origin.path) = \($0.value)" }
            lines.append("(together they make \(query.field) = \(text))")
            return lines.joined(separator: "\n")
        }
    }

    public static func trace(_ query: Query, in result: ChartRenderer.Result) throws -> Answer {
        guard let origins = result.origins else { throw ChartError(.render, "the chart was not rendered with tracing") }
        for name in result.rendered.keys.sorted() {
            guard let output = result.rendered[name] else { continue }
            for document in ManifestSplitter.split(output.text) {
                guard let root = (try? YAMLParser.parse(document, file: name))?.first?.root,
                      root["apiVersion"]?.scalarText == query.apiVersion, root["kind"]?.scalarText == query.kind,
                      root["metadata"]?["name"]?.scalarText == query.name else { continue }
                guard let node = find(query.field, in: root) else {
                    throw ChartError(.render, "\(query.apiVersion)/\(query.kind)/\(query.name) has no field \(query.field)",
                                     file: name)
                }
                guard let text = node.dereferenced.scalarText else {
                    throw ChartError(.render, "\(query.field) of \(query.kind)/\(query.name) is not a single value; trace one of its fields")
                }
                let found = best(for: text, field: query.field, accessed: output.accessed, origins: origins)
                let described = found.map { o in (o, origins.values[o.path].map { FieldTracer.display($0) } ?? text) }
                return Answer(query: query, text: text, template: name, origins: described)
            }
        }
        throw ChartError(.render, "no rendered object \(query.apiVersion) \(query.kind) \(GoQuote.quote(query.name))",
                         hint: "check the name with shipshape render; names include the chart's prefixes")
    }

    /// The node at `path` in a rendered document.
    static func find(_ path: ValuePath, in root: Node) -> Node? {
        var node = root
        for segment in path.segments {
            let current = node.dereferenced
            switch segment {
            case .key(let k):
                guard let next = current[k] else { return nil }
                node = next
            case .index(let i):
                guard let items = current.items, items.indices.contains(i) else { return nil }
                node = items[i]
            case .match(let k, let v):
                guard let next = current.items?.first(where: { $0.dereferenced[k]?.scalarText == v }) else { return nil }
                node = next
            }
        }
        return node
    }

    static func display(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return GoFormatter.string(TemplateValue(v))
    }

    private static func best(for text: String, field: ValuePath, accessed: [Origin], origins: ValueOrigins) -> [Origin] {
        let fieldKeys = field.segments.compactMap { s -> String? in if case .key(let k) = s { return k.lowercased() }; return nil }
        var seen = Set<String>()
        var best: (score: Double, direct: Bool, path: String)?
        for (path, value, direct) in candidates(accessed, origins, &seen) where prints(value, as: text) {
            let score = similarity(fieldKeys, keys(of: path))
            guard score > 0 else { continue }
            if let b = best {
                if score < b.score { continue }
                if score == b.score && (b.direct && !direct) { continue }
                if score == b.score && b.direct == direct && path.count >= b.path.count { continue }
            }
            best = (score, direct, path)
        }
        guard let best else { return composed(text, accessed: accessed, origins: origins) }
        return [Origin(path: best.path, source: origins.sources[best.path] ?? "(computed)")]
    }

    /// Every looked-up values path and the values under it.
    private static func candidates(_ accessed: [Origin], _ origins: ValueOrigins, _ seen: inout Set<String>) -> [(String, Value, Bool)] {
        var out: [(String, Value, Bool)] = []
        for origin in accessed where seen.insert(origin.path).inserted {
            for (path, value) in origins.values where path == origin.path || path.hasPrefix(origin.path + ".") || path.hasPrefix(origin.path + "[") {
                out.append((path, value, path == origin.path))
            }
        }
        return out
    }

    private static func keys(of path: String) -> [String] {
        path.split(separator: ".").map { String($0.split(separator: "[").first ?? "").lowercased() }
    }

    /// How well a values path's trailing keys match the field's: one point per equal key from
    /// the end; a half point when only the last keys are alike (`replicas` ~ `replicaCount`).
    static func similarity(_ field: [String], _ value: [String]) -> Double {
        var score = 0
        while score < min(field.count, value.count) && field[field.count - 1 - score] == value[value.count - 1 - score] { score += 1 }
        if score > 0 { return Double(score) }
        guard let f = field.last, let v = value.last else { return 0 }
        let common = zip(f, v).prefix { $0 == $1 }.count
        return common >= 4 || (f.count >= 3 && v.contains(f)) || (v.count >= 3 && f.contains(v)) ? 0.5 : 0
    }

    /// A field built from several values (`image: {{ repo }}:{{ tag }}`): the looked-up values
    /// whose text appears in it, named together.
    private static func composed(_ text: String, accessed: [Origin], origins: ValueOrigins) -> [Origin] {
        var seen = Set<String>()
        let parts = candidates(accessed, origins, &seen).compactMap { (path, value, _) -> String? in
            guard case .string(let s) = value, s.count >= 2, text.contains(s), s != text else { return nil }
            return path
        }
        let distinct = Array(Set(parts)).sorted()
        guard distinct.count >= 2 else { return [] }
        return distinct.map { Origin(path: $0, source: origins.sources[$0] ?? "(computed)") }
    }

    /// Whether a value, printed by a template (`%v`) or by `toYaml`, reads as `text`.
    static func prints(_ value: Value, as text: String) -> Bool {
        switch value {
        case .object, .array: return false
        case .null: return text == "null" || text.isEmpty
        case .string(let s): return s == text
        default:
            if GoFormatter.string(TemplateValue(value)) == text { return true }
            if let data = try? JSONWriter().string(value), data == text { return true }
            return false
        }
    }
}
