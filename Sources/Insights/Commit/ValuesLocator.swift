import Charts
import Environment
import Foundation
import YAML

/// Where a rendered field is set: the values file and values path render provenance names
/// (the overlay's values file when the overlay sets it, else the chart's), or — when no line
/// sets it — the place a sibling field's line says it belongs (`resources.limits.cpu` beside
/// `resources.limits.memory`), to insert a line.
public struct ValuesLocation: Sendable, Equatable {
    public var file: String
    public var path: ValuePath
    /// The line it replaces (`file:line:column`), nil for an inserted line.
    public var line: String?
}

public enum ValuesLocator {
    /// The line to edit for `change`, a field of an object of `rendered` (kustomization
    /// applied), by the pipeline's provenance: the values line, or the overlay patch line that
    /// sets it. A field no line sets is placed beside a sibling that is set.
    public static func locate(_ change: FieldChange, in rendered: RenderedEnvironment, renderer: EnvironmentRenderer) throws -> ValuesLocation {
        let query = try FieldTracer.Query(parsing: change.traceQuery)
        switch try? renderer.provenance(of: query, in: rendered) {
        case .patch(let file, let path, let line, _)?:
            return ValuesLocation(file: file, path: path, line: line)
        case .kustomization(let file, _, _)?:
            throw UsageError("\(change.apiVersion) \(change.kind) \(change.name): \(change.field) is set by \(file), not by a values line or a patch file Shipshape can edit; change it there by hand")
        case .values(let answer)?:
            if let found = try location(answer, query: query) { return found }
        case nil:
            break
        }
        // Nothing sets it: derive its place from a sibling that is set.
        let chartQuery = renderer.chartQuery(query, in: rendered)
        let field = query.field
        for sibling in siblings(of: field) + probeSiblings(of: field) {
            var siblingQuery = chartQuery
            siblingQuery.field = sibling
            guard let answer = try? FieldTracer.trace(siblingQuery, in: rendered.chart), let s = try? location(answer, query: siblingQuery) else { continue }
            let common = commonTrailingKeys(sibling, s.path)
            guard common > 0, common <= field.segments.count else { continue }
            var prefix = Array(s.path.segments.dropLast(common))
            // A sibling from another probe (`livenessProbe.periodSeconds` for a new
            // `startupProbe.periodSeconds`): its group key names that probe; rename it.
            if let renamed = renamedProbeGroup(field: field, sibling: sibling, prefixLast: prefix.last) { prefix[prefix.count - 1] = .key(renamed) }
            else if probeGroup(field) != probeGroup(sibling) { continue }
            let path = ValuePath(prefix + Array(field.segments.suffix(common)))
            return ValuesLocation(file: s.file, path: path, line: nil)
        }
        throw UsageError("\(change.apiVersion) \(change.kind) \(change.name): no values line sets \(change.field) nor a field beside it; set it in the chart's values.yaml first")
    }

    /// The values line of a provenance answer, if exactly one file line decides the field.
    static func location(_ answer: FieldTracer.Answer, query: FieldTracer.Query) throws -> ValuesLocation? {
        guard let origin = answer.origin else { return nil }
        // `path/to/values.yaml:87:15`; `--set ...` and computed values are not files.
        let parts = origin.source.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, Int(parts[parts.count - 1]) != nil, Int(parts[parts.count - 2]) != nil else {
            throw UsageError("\(query) is set by \(origin.source), not a values file line; Shipshape edits files only")
        }
        let file = parts.dropLast(2).joined(separator: ":")
        return ValuesLocation(file: file, path: try ValuePath(parsing: origin.path), line: origin.source)
    }

    /// Fields whose values line tells where `field` belongs, nearest first.
    static func siblings(of field: ValuePath) -> [ValuePath] {
        guard let last = field.segments.last, case .key(let leaf) = last else { return [] }
        let parent = field.parent
        var out: [ValuePath] = []
        let pairs = ["cpu": "memory", "memory": "cpu", "requests": "limits", "limits": "requests"]
        if let other = pairs[leaf] { out.append(ValuePath(parent.segments + [.key(other)])) }
        if case .key(let group)? = parent.segments.last, let otherGroup = pairs[group] {
            let grand = parent.parent
            out.append(ValuePath(grand.segments + [.key(otherGroup), .key(leaf)]))
            if let other = pairs[leaf] { out.append(ValuePath(grand.segments + [.key(otherGroup), .key(other)])) }
        }
        for key in ["failureThreshold", "periodSeconds", "timeoutSeconds", "initialDelaySeconds"] where key != leaf {
            out.append(ValuePath(parent.segments + [.key(key)]))
        }
        return out
    }

    static let probeKeys = ["startupProbe", "livenessProbe", "readinessProbe"]

    /// The probe a container field belongs to (`startupProbe`), nil for other fields.
    static func probeGroup(_ path: ValuePath) -> String? {
        for segment in path.segments { if case .key(let k) = segment, probeKeys.contains(k) { return k } }
        return nil
    }

    /// For a field of a probe no line sets yet, the same field of the container's other probes
    /// (`startupProbe.httpGet.path` → `livenessProbe.httpGet.path`): the chart's values keep
    /// probes side by side, so their lines tell where the new probe's lines go.
    static func probeSiblings(of field: ValuePath) -> [ValuePath] {
        guard let group = probeGroup(field) else { return [] }
        return probeKeys.filter { $0 != group }.map { other in
            ValuePath(field.segments.map { segment in
                if case .key(let k) = segment, k == group { return .key(other) }
                return segment
            })
        }
    }

    /// The values key for `field`'s probe, given the values key that holds `sibling`'s probe:
    /// `liveness` → `startup`, `livenessProbe` → `startupProbe`; nil when the probes are the same
    /// or the values key does not name the sibling's probe.
    static func renamedProbeGroup(field: ValuePath, sibling: ValuePath, prefixLast: ValuePath.Segment?) -> String? {
        guard let want = probeGroup(field), let have = probeGroup(sibling), want != have,
              case .key(let key)? = prefixLast else { return nil }
        let haveShort = String(have.dropLast("Probe".count)), wantShort = String(want.dropLast("Probe".count))
        if key == have { return want }
        if key == haveShort { return wantShort }
        return nil
    }

    /// How many trailing key segments two paths share.
    static func commonTrailingKeys(_ a: ValuePath, _ b: ValuePath) -> Int {
        var n = 0
        for (x, y) in zip(a.segments.reversed(), b.segments.reversed()) {
            guard case .key(let kx) = x, case .key(let ky) = y, kx == ky else { break }
            n += 1
        }
        return n
    }
}
