import OrderedCollections
import YAML

/// Decides which subcharts take part in a render and what values they export, as
/// helm/helm pkg/chart/v2/util/dependencies.go `ProcessDependencies` does:
///
/// - `alias` renames a subchart (a copy per alias, so one chart can serve twice);
/// - `tags`: a subchart is off when all of its tags that are set are false;
/// - `condition`: comma-separated paths, the first that resolves to a bool decides, and it
///   overrides tags;
/// - disabled subcharts are removed, recursively;
/// - `import-values` (`- name` for `exports.name`, or `- child: a.b  parent: c`) copy child
///   values into the parent's defaults, under the parent's own values.
///
/// Subcharts under charts/ that Chart.yaml does not list stay, as in Helm. Library charts stay
/// (their templates define helpers; the renderer does not print them).
public struct DependencyResolver {
    public typealias Table = OrderedDictionary<String, Value>

    /// Helm's warnings (non-bool conditions or tags, missing import tables), in order.
    public private(set) var warnings: [String] = []

    public init() {}

    /// Returns `chart` with disabled subcharts removed, aliases applied and imports merged.
    public mutating func process(_ chart: Chart, values: Table) throws -> Chart {
        var chart = try enable(chart, values: values, path: "")
        try importValues(&chart)
        return chart
    }

    private mutating func enable(_ chart: Chart, values: Table, path: String) throws -> Chart {
        var chart = chart
        guard !chart.metadata.dependencies.isEmpty else { return chart }
        var reqs = chart.metadata.dependencies
        var subcharts = chart.dependencies.filter { existing in
            !reqs.contains { $0.name == existing.name && SemverRange.isCompatible(range: $0.version, version: existing.metadata.version) }
        }
        for i in reqs.indices {
            if var aliased = chart.dependencies.first(where: {
                $0.name == reqs[i].name && SemverRange.isCompatible(range: reqs[i].version, version: $0.metadata.version)
            }) {
                if !reqs[i].alias.isEmpty { aliased.metadata.name = reqs[i].alias }
                subcharts.append(aliased)
            }
            if !reqs[i].alias.isEmpty { reqs[i].name = reqs[i].alias }
            reqs[i].enabled = true
        }
        chart.dependencies = subcharts
        chart.metadata.dependencies = reqs

        var coalescer = ValuesCoalescer()
        let cvals = try coalescer.coalesce(chart, values)
        warnings += coalescer.warnings
        applyTags(&reqs, cvals)
        applyConditions(&reqs, cvals, path: path)

        let removed = Set(reqs.filter { !$0.enabled }.map(\.name))
        var kept: [Chart] = []
        for sub in chart.dependencies where !removed.contains(sub.name) {
            kept.append(try enable(sub, values: cvals, path: path + sub.name + "."))
        }
        chart.metadata.dependencies = reqs.filter { !removed.contains($0.name) }
        chart.dependencies = kept
        return chart
    }

    private mutating func applyTags(_ reqs: inout [ChartDependency], _ cvals: Table) {
        guard let tags = ValuesTable.table(cvals, "tags") else { return }
        for i in reqs.indices {
            var hasTrue = false, hasFalse = false
            for tag in reqs[i].tags {
                guard let value = tags[tag] else { continue }
                if case .bool(let b) = value {
                    if b { hasTrue = true } else { hasFalse = true }
                } else {
                    warnings.append("returned non-bool value tag=\(tag) chart=\(reqs[i].name)")
                }
            }
            if !hasTrue && hasFalse {
                reqs[i].enabled = false
            } else {
                reqs[i].enabled = true
            }
        }
    }

    private mutating func applyConditions(_ reqs: inout [ChartDependency], _ cvals: Table, path: String) {
        for i in reqs.indices {
            for condition in reqs[i].condition.goTrimSpace.split(separator: ",", omittingEmptySubsequences: false)
            where !condition.isEmpty {
                guard let value = ValuesTable.pathValue(cvals, path + condition) else { continue }
                if case .bool(let b) = value {
                    reqs[i].enabled = b
                    break
                }
                warnings.append("returned non-bool value path=\(condition) chart=\(reqs[i].name)")
            }
        }
    }

    /// `processDependencyImportValues` with merge: children first, then this chart.
    private mutating func importValues(_ chart: inout Chart) throws {
        for i in chart.dependencies.indices { try importValues(&chart.dependencies[i]) }
        guard !chart.metadata.dependencies.isEmpty else { return }
        var coalescer = ValuesCoalescer()
        let cvals = try coalescer.merge(chart, [:])
        warnings += coalescer.warnings
        var imported = Table()
        for r in chart.metadata.dependencies.indices {
            let req = chart.metadata.dependencies[r]
            var normalized: [Value] = []
            for entry in req.importValues {
                switch entry {
                case .object(let pair):
                    let child = GoValueFormat.v(pair["child"] ?? .null)
                    let parent = GoValueFormat.v(pair["parent"] ?? .null)
                    normalized.append(["child": .string(child), "parent": .string(parent)])
                    guard let table = ValuesTable.table(cvals, req.name + "." + child) else {
                        warnings.append("ImportValues missing table from chart chart=\(req.name) child=\(child)")
                        continue
                    }
                    imported = ValuesCoalescer.coalesceTables(imported, Self.pathToMap(parent, table), merge: true).0
                case .string(let name):
                    let child = "exports." + name
                    normalized.append(["child": .string(child), "parent": "."])
                    guard let table = ValuesTable.table(cvals, req.name + "." + child) else {
                        warnings.append("ImportValues missing table child=\(child)")
                        continue
                    }
                    imported = ValuesCoalescer.coalesceTables(imported, table, merge: true).0
                default:
                    continue
                }
            }
            chart.metadata.dependencies[r].importValues = normalized
        }
        // Imported values rank below the parent's own: `cvals` wins over `imported`.
        chart.values = ValuesCoalescer.coalesceTables(cvals, imported, merge: true).0
    }

    /// `pathToMap`: nests `data` under the dotted `path` (`.` is the top).
    static func pathToMap(_ path: String, _ data: Table) -> Table {
        if path == "." { return data }
        var current = data
        for key in path.split(separator: ".", omittingEmptySubsequences: false).reversed() {
            current = [String(key): .object(current)]
        }
        return current
    }
}
