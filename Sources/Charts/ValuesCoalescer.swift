import Templates
import OrderedCollections
import YAML

/// Puts user values on top of a chart's defaults, and each subchart's defaults under its
/// section, by helm/helm pkg/chart/common/util/coalesce.go: maps merge, scalars and lists
/// replace, a user `null` deletes the key (when coalescing, not when merging), `global` is
/// copied down into every subchart, and type clashes are skipped with Helm's warnings
/// (`warning: skipped value for chart.key: Not a table.`), collected in `warnings`.
///
/// Go's map aliasing is not reproduced where it only leaks a subchart's user-supplied globals
/// back into nested parent globals.
public struct ValuesCoalescer {
    /// Helm's log lines for skipped values, in the order they arose.
    public private(set) var warnings: [String] = []

    public init() {}

    public typealias Table = OrderedDictionary<String, Value>

    /// `CoalesceValues`: nulls delete keys.
    public mutating func coalesce(_ chart: Chart, _ values: Table) throws -> Table {
        try run(chart, values, prefix: "", merge: false)
    }

    /// `MergeValues`: nulls are kept (used while processing import-values).
    public mutating func merge(_ chart: Chart, _ values: Table) throws -> Table {
        try run(chart, values, prefix: "", merge: true)
    }

    mutating func run(_ chart: Chart, _ dest: Table, prefix: String, merge: Bool) throws -> Table {
        var dest = dest
        coalesceValues(chart, &dest, prefix: prefix, merge: merge)
        try coalesceDeps(chart, &dest, prefix: prefix, merge: merge)
        return dest
    }

    static func concat(_ a: String, _ b: String) -> String { a.isEmpty ? b : a + "." + b }

    private mutating func coalesceDeps(_ chart: Chart, _ dest: inout Table, prefix: String, merge: Bool) throws {
        for sub in chart.dependencies {
            let name = sub.name
            switch dest[name] {
            case nil: dest[name] = .object([:])
            case .object?: break
            case let other?: throw ChartError(.values, "type mismatch on \(name): \(GoValueFormat.t(other))",
                                              hint: "the values for subchart \(name) must be a map")
            }
            guard case .object(var section)? = dest[name] else { continue }
            let subPrefix = Self.concat(prefix, chart.name)
            coalesceGlobals(&section, from: dest, prefix: subPrefix)
            dest[name] = .object(try run(sub, section, prefix: subPrefix, merge: merge))
        }
    }

    /// Copies the parent's `global` into a subchart's values; the parent's win.
    private mutating func coalesceGlobals(_ dest: inout Table, from src: Table, prefix: String) {
        guard var dg = globals(of: dest, side: "destination"), let sg = globals(of: src, side: "source") else { return }
        for (key, val) in sg {
            if case .object(var vv) = val {
                switch dg[key] {
                case nil: dg[key] = .object(vv)
                case .object(let destv)?:
                    coalesceTables(&vv, destv, prefix: Self.concat(prefix, key), merge: true)
                    dg[key] = .object(vv)
                default:
                    warnings.append("Conflict: cannot merge map onto non-map for \(GoQuote.quote(key)). Skipping.")
                }
            } else if case .object? = dg[key] {
                warnings.append("key \(key) is table. Skipping")
            } else {
                dg[key] = val
            }
        }
        dest["global"] = .object(dg)
    }

    /// The `global` map of `values` (empty when absent), or nil with Helm's warning when it is
    /// not a map.
    private mutating func globals(of values: Table, side: String) -> Table? {
        switch values["global"] {
        case nil: return [:]
        case .object(let m)?: return m
        default:
            warnings.append("warning: skipping globals because \(side) global is not a table.")
            return nil
        }
    }

    /// Puts the chart's own defaults under `v` (the values destined for this chart).
    private mutating func coalesceValues(_ chart: Chart, _ v: inout Table, prefix: String, merge: Bool) {
        let subPrefix = Self.concat(prefix, chart.name)
        let subchartNames = Set(chart.dependencies.map(\.name))
        for (key, val) in chart.values {
            if let value = v[key] {
                if value.isNull && !merge {
                    v[key] = nil
                } else if case .object(var dest) = value {
                    guard case .object(var src) = val else {
                        if !val.isNull { warnings.append("warning: skipped value for \(subPrefix).\(key): Not a table.") }
                        continue
                    }
                    let childMerge = subchartNames.contains(key) ? true : merge
                    if !childMerge && !prefix.isEmpty { Self.cleanNils(&src) }
                    coalesceTables(&dest, src, prefix: Self.concat(subPrefix, key), merge: childMerge)
                    v[key] = .object(dest)
                }
            } else {
                var val = val
                if !merge && !prefix.isEmpty {
                    if val.isNull { continue }
                    if case .object(var m) = val {
                        Self.cleanNils(&m)
                        val = .object(m)
                    }
                }
                v[key] = val
            }
        }
    }

    /// `CoalesceTables` (merge false) or `MergeTables` (merge true): `dst` wins over `src`.
    public static func coalesceTables(_ dst: Table, _ src: Table, merge: Bool) -> (Table, [String]) {
        var coalescer = ValuesCoalescer()
        var dst = dst
        coalescer.coalesceTables(&dst, src, prefix: "", merge: merge)
        return (dst, coalescer.warnings)
    }

    mutating func coalesceTables(_ dst: inout Table, _ src: Table, prefix: String, merge: Bool) {
        var src = src
        let srcNonNil = Set(src.filter { !$0.value.isNull }.map(\.key))
        for (key, val) in dst where val.isNull { src[key] = .null }
        for (key, val) in src {
            let fullKey = Self.concat(prefix, key)
            let dv = dst[key]
            if let dv, !merge, dv.isNull, srcNonNil.contains(key) {
                dst[key] = nil
            } else if dv == nil {
                dst[key] = val
            } else if case .object(let srcMap) = val {
                if case .object(var dvMap)? = dv {
                    coalesceTables(&dvMap, srcMap, prefix: fullKey, merge: merge)
                    dst[key] = .object(dvMap)
                } else {
                    warnings.append("warning: cannot overwrite table with non table for \(fullKey) (\(GoValueFormat.v(val)))")
                }
            } else if case .object? = dv, !val.isNull {
                warnings.append("warning: destination for \(fullKey) is a table. Ignoring non-table value (\(GoValueFormat.v(val)))")
            }
        }
    }

    /// `cleanNilValues`: drops nulls, recursively through maps.
    static func cleanNils(_ m: inout Table) {
        for (key, val) in m {
            if val.isNull {
                m[key] = nil
            } else if case .object(var sub) = val {
                cleanNils(&sub)
                m[key] = .object(sub)
            }
        }
    }
}
