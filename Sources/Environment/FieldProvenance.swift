import Charts
import Overlays
import YAML

/// Where a field of a rendered environment is decided, followed through the overlay's
/// kustomization: the values line the chart's render traces it to (the object named as the
/// chart rendered it, before the kustomization renamed it), or the line of the overlay's
/// strategic-merge patch file that sets it.
public enum FieldProvenance: Sendable, CustomStringConvertible {
    /// The chart decides the field: values provenance (`render --trace`).
    case values(FieldTracer.Answer)
    /// A patch file of the overlay sets it: the file, the field's path in the patch and its line.
    case patch(file: String, path: ValuePath, line: String, text: String)
    /// The kustomization sets it some other way (a JSON 6902 or inline patch, a transformer).
    case kustomization(file: String, query: FieldTracer.Query, text: String)

    public var description: String {
        switch self {
        case .values(let answer): return answer.description
        case .patch(_, let path, let line, let text): return "\(line) \(path) = \(text)"
        case .kustomization(let file, let query, let text):
            return "\(query) = \(text) is set by \(file) (a transformer, or a JSON 6902 or inline patch)"
        }
    }
}

extension EnvironmentRenderer {
    /// What decides `query` (the object named as the pipeline outputs it) in `rendered`, which
    /// this renderer rendered with tracing on.
    public func provenance(of query: FieldTracer.Query, in rendered: RenderedEnvironment) throws -> FieldProvenance {
        guard let kustomization = rendered.kustomization else { return .values(try FieldTracer.trace(query, in: rendered.chart)) }
        let object = try rendered.object(query)
        let final = object.object.value(at: query.field)
        guard let chartObject = object.chartObject, chartObject.value(at: query.field) == final else {
            let text = final?.scalarText ?? "null"
            if let patch = try patchLine(query.field, of: object, kustomization: kustomization) {
                return .patch(file: patch.file, path: query.field, line: patch.line, text: text)
            }
            return .kustomization(file: kustomization, query: query, text: text)
        }
        return .values(try FieldTracer.trace(chartQuery(query, in: rendered), in: rendered.chart))
    }

    /// `query` with the object named as the chart rendered it, which values provenance knows.
    public func chartQuery(_ query: FieldTracer.Query, in rendered: RenderedEnvironment) -> FieldTracer.Query {
        guard rendered.kustomization != nil, let object = try? rendered.object(query),
              let name = object.chartObject?[path: ["metadata", "name"]]?.string else { return query }
        var chartQuery = query
        chartQuery.name = name
        return chartQuery
    }

    /// The last patch file of the overlay whose document names `object` (by kind, and by the
    /// name the chart or the kustomization gave it) and sets `field` to its built value.
    private func patchLine(_ field: ValuePath, of object: RenderedObject, kustomization: String) throws -> (file: String, line: String)? {
        guard let overlay, let final = object.object.value(at: field)?.scalarText else { return nil }
        let kind = object.object["kind"]?.string
        let names = Set([object.object[path: ["metadata", "name"]]?.string, object.chartObject?[path: ["metadata", "name"]]?.string].compactMap { $0 })
        var found: (file: String, line: String)?
        for file in try OverlayBuild.patchFiles(in: overlay, files: tree.overlayFiles) {
            guard let text = try tree.string(at: file), let editor = try? YAMLEditor(text: text, file: file), let root = editor.root else { continue }
            if let k = root["kind"]?.scalarText, k != kind { continue }
            if let n = root["metadata"]?["name"]?.scalarText, !names.contains(n) { continue }
            guard let node = try? editor.node(at: field), node.scalarText == final else { continue }
            found = (file, "\(file):\(node.start.line):\(node.start.column)")
        }
        return found
    }
}

extension RenderedEnvironment {
    /// The object `query` names, as the pipeline output it.
    func object(_ query: FieldTracer.Query) throws -> RenderedObject {
        guard let object = objects.first(where: {
            $0.object["apiVersion"]?.string == query.apiVersion && $0.object["kind"]?.string == query.kind
                && $0.object[path: ["metadata", "name"]]?.string == query.name
        }) else {
            throw EnvironmentError("no rendered object \(query.apiVersion) \(query.kind) \"\(query.name)\" (names include the overlay's prefixes and suffixes; check them with shipshape render --overlay)")
        }
        return object
    }
}

extension Value {
    /// The value at `path` (keys, indexes and `[key=value]` matches), or nil.
    public func value(at path: ValuePath) -> Value? {
        var current: Value? = self
        for segment in path.segments {
            switch segment {
            case .key(let key): current = current?[key]
            case .index(let i): current = current?.array.flatMap { $0.indices.contains(i) ? $0[i] : nil }
            case .match(let key, let value): current = current?.array?.first { $0[key]?.scalarText == value }
            }
        }
        return current
    }

    /// A scalar as text (quantities may be written as numbers: `cpu: 1`), nil for maps and lists.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .float(let f): return String(f)
        case .bool(let b): return String(b)
        default: return nil
        }
    }
}
