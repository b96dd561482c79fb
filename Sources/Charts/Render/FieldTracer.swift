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
        /// The values path and where it was set, or nil when no value drives the field.
        public var origin: Origin?

        public var description: String {
            if let origin { return "\(origin.source) \(origin.path) = \(text)" }
            return "\(query) = \(text) is not driven by any value (it is written in \(template))"
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
                let origin = best(for: text, field: query.field, accessed: output.accessed, origins: origins)
                return Answer(query: query, text: text, template: name, origin: origin)
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

    private static func best(for text: String, field: ValuePath, accessed: [Origin], origins: ValueOrigins) -> Origin? {
        let fieldKeys = field.segments.compactMap { s -> String? in if case .key(let k) = s { return k.lowercased() }; return nil }
        var seen = Set<String>()
        var best: (score: Int, direct: Bool, path: String)?
        for origin in accessed where seen.insert(origin.path).inserted {
            for (path, value) in origins.values where path == origin.path || path.hasPrefix(origin.path + ".") || path.hasPrefix(origin.path + "[") {
                guard prints(value, as: text) else { continue }
                let keys = path.split(separator: ".").map { String($0.split(separator: "[").first ?? "").lowercased() }
                var score = 0
                while score < min(keys.count, fieldKeys.count) && keys[keys.count - 1 - score] == fieldKeys[fieldKeys.count - 1 - score] {
                    score += 1
                }
                let direct = path == origin.path
                if let b = best {
                    if score < b.score { continue }
                    if score == b.score && (b.direct && !direct) { continue }
                    if score == b.score && b.direct == direct && path.count >= b.path.count { continue }
                }
                best = (score, direct, path)
            }
        }
        guard let best else { return nil }
        return Origin(path: best.path, source: origins.sources[best.path] ?? "(computed)")
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
