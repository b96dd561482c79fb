import Foundation
import OrderedCollections
import Templates
import YAML

/// Renders a loaded chart as `helm template` does: values from the chart and the user,
/// dependencies enabled or not, schema checked, one scope per (sub)chart as Helm's
/// `recAllTpls` builds it, then the template engine.
public enum ChartRenderer {
    /// The rendered templates and what went into them.
    public struct Result: Sendable {
        /// Template name (`chatbot/templates/backend.yaml`) → rendered text.
        public var rendered: [String: RenderedText]
        /// The chart after dependency processing (disabled subcharts removed, aliases applied).
        public var chart: Chart
        /// The final values of the top chart.
        public var values: OrderedDictionary<String, Value>
        public var warnings: [String]
        /// With tracing: every values path → its value and where it was set.
        public var origins: ValueOrigins?

        public var texts: [String: String] { rendered.mapValues(\.text) }
    }

    /// Everything `render` does before the template engine runs: values, dependencies, schema,
    /// and one `Renderable` per template file with its scope. render-bench times the engine
    /// alone from here (and hands the same templates and values to Go's text/template).
    public struct Prepared: Sendable {
        public var renderables: [HelmEngine.Renderable]
        public var chart: Chart
        public var values: OrderedDictionary<String, Value>
        public var warnings: [String]
        public var origins: ValueOrigins?
    }

    public static func render(_ chart: Chart, options: RenderOptions) throws -> Result {
        let prepared = try prepare(chart, options: options)
        let engine = HelmEngine(functions: options.functions)
        engine.strict = options.strict
        engine.tracing = options.trace
        let rendered: [String: RenderedText]
        do {
            rendered = try engine.render(prepared.renderables)
        } catch let error as HelmEngine.RenderError {
            throw ChartError(.render, error.message)
        }
        return Result(rendered: rendered, chart: prepared.chart, values: prepared.values,
                      warnings: prepared.warnings, origins: prepared.origins)
    }

    public static func prepare(_ chart: Chart, options: RenderOptions) throws -> Prepared {
        try InstallPreconditions.check(chart, releaseName: options.releaseName)
        let user = try options.values.merge(readFile: options.readFile)
        let kube: KubeVersion
        if let text = options.kubeVersion {
            do {
                kube = try KubeVersion(parsing: text)
            } catch let error as KubeVersion.ParseError {
                // pkg/cmd/template.go: `invalid kube version '%s': %w`.
                throw ChartError(.render, "invalid kube version '\(text)': \(error.message)",
                                 hint: "--kube-version takes a version like v1.33.4, 1.33 or v1.33.4-gke.1245000")
            }
        } else {
            kube = KubeVersion(Capabilities.defaultKubeVersion)!
        }
        if !chart.metadata.kubeVersion.isEmpty,
           !SemverRange.isCompatible(range: chart.metadata.kubeVersion, version: kube.normalized) {
            throw ChartError(.render, "chart requires kubeVersion: \(chart.metadata.kubeVersion) which is incompatible with Kubernetes \(kube.normalized)",
                             hint: "pass --kube-version with a version the chart supports")
        }
        var resolver = DependencyResolver()
        let processed = try resolver.process(chart, values: user)
        var coalescer = ValuesCoalescer()
        let values = try coalescer.coalesce(processed, user)
        let origins = options.trace ? ValueOrigins(chart: processed, options: options.values, final: values) : nil
        try SchemaValidator.check(chart: processed, values: values, locate: { origins?.source(of: $0) })

        let capabilities = Capabilities(kubeVersion: kube, extraAPIVersions: options.apiVersions)
        let release: TemplateValue = .map(TemplateMap([
            "Name": .string(options.releaseName), "Namespace": .string(options.namespace), "IsUpgrade": false,
            "IsInstall": true, "Revision": .goInt(1), "Service": "Helm",
        ]))
        let rootValues = origins.map { $0.traced(values) } ?? TemplateValue(.object(values))
        var renderables: [HelmEngine.Renderable] = []
        _ = scope(processed, parentPath: nil, parentValues: rootValues, isRoot: true, release: release,
                  capabilities: .object(capabilities), into: &renderables)
        return Prepared(renderables: renderables, chart: processed, values: values,
                        warnings: resolver.warnings + coalescer.warnings, origins: origins)
    }

    /// Helm's `recAllTpls`: the scope of one chart (its `.Values` is the parent's table under
    /// the chart's name), its templates, then its subcharts'. Returns the scope, which the
    /// parent exposes as `.Subcharts.<name>`.
    @discardableResult
    private static func scope(_ chart: Chart, parentPath: String?, parentValues: TemplateValue, isRoot: Bool,
                              release: TemplateValue, capabilities: TemplateValue,
                              into renderables: inout [HelmEngine.Renderable]) -> TemplateMap {
        var chartValues: TemplateValue
        if isRoot {
            chartValues = parentValues
        } else if case .map(let parent) = parentValues.plain, let own = parent[chart.name], case .map = own.plain {
            chartValues = own
        } else {
            chartValues = .map(TemplateMap())
        }
        chartValues = Self.named(chartValues)
        let fullPath = chart.fullPath(parentPath: parentPath)
        var subcharts = TemplateMap()
        var next = TemplateMap([
            "Chart": .object(ChartObject(fields: chartFields(chart, isRoot: isRoot))),
            "Files": .object(ChartFiles(Dictionary(chart.files.map { ($0.name, $0.data) }, uniquingKeysWith: { $1 }))),
            "Release": release,
            "Capabilities": capabilities,
            "Values": chartValues,
        ], typeName: "common.Values")
        for child in chart.dependencies {
            let childScope = scope(child, parentPath: fullPath, parentValues: chartValues, isRoot: false, release: release,
                                   capabilities: capabilities, into: &renderables)
            subcharts[child.name] = .map(childScope)
        }
        next["Subcharts"] = .map(subcharts)
        let library = chart.metadata.isLibrary
        for template in chart.templates {
            if library && !(template.name as NSString).lastPathComponent.hasPrefix("_") { continue }
            renderables.append(HelmEngine.Renderable(name: fullPath + "/" + template.name, text: template.text,
                                                     scope: next, basePath: fullPath + "/templates"))
        }
        return next
    }

    /// `.Values` has Helm's named map type (`common.Values`), which `tpl` and methods rely on.
    private static func named(_ value: TemplateValue) -> TemplateValue {
        switch value {
        case .map(var m):
            m.typeName = "common.Values"
            return .map(m)
        case .traced(let inner, let origin):
            return .traced(named(inner), origin)
        default:
            return value
        }
    }

    /// Chart.yaml's fields under the Go names of `chart.Metadata`, plus `IsRoot`.
    static func chartFields(_ chart: Chart, isRoot: Bool) -> [String: TemplateValue] {
        let raw = chart.metadata.raw
        func string(_ key: String) -> TemplateValue { .string(raw[key]?.string ?? "") }
        func strings(_ key: String) -> TemplateValue { .stringList((raw[key]?.array ?? []).compactMap(\.string)) }
        var fields: [String: TemplateValue] = [
            "Name": .string(chart.name), "Home": string("home"), "Sources": strings("sources"),
            "Version": string("version"), "Description": string("description"), "Keywords": strings("keywords"),
            "Icon": string("icon"), "APIVersion": string("apiVersion"), "Condition": string("condition"),
            "Tags": string("tags"), "AppVersion": string("appVersion"), "KubeVersion": string("kubeVersion"),
            "Type": string("type"), "IsRoot": .bool(isRoot),
            "Deprecated": .bool(raw["deprecated"] == .bool(true)),
        ]
        var annotations: [String: TemplateValue] = [:]
        for (k, v) in raw["annotations"]?.object ?? [:] { annotations[k] = .string(v.string ?? "") }
        fields["Annotations"] = .map(TemplateMap(annotations))
        fields["Maintainers"] = .list((raw["maintainers"]?.array ?? []).map { m in
            .map(TemplateMap(["Name": .string(m["name"]?.string ?? ""), "Email": .string(m["email"]?.string ?? ""),
                              "URL": .string(m["url"]?.string ?? "")]))
        }, element: .named("*chart.Maintainer", kind: .pointer))
        fields["Dependencies"] = .list((raw["dependencies"]?.array ?? []).map { TemplateValue($0) },
                                       element: .named("*chart.Dependency", kind: .pointer))
        return fields
    }
}
