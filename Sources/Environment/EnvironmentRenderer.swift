import Charts
import Overlays
import Policies
import Templates
import YAML

/// The one way Shipshape turns an environment's files into manifests, as Helm's `pkg/action`
/// is the one way `helm template` and `helm install` render: the chart at `chart`, with the
/// overlay's `values.yaml` layered over the chart's values and any further `-f` files over
/// that; then the overlay's kustomization (when the overlay has one) with the rendered chart
/// as its first resource; then, with `check`, the policies. `render`, `check`, `diff`,
/// `reconcile` and `recommend` all call it, on a work tree or a git revision (`FileTree`).
public struct EnvironmentRenderer: Sendable {
    public var tree: any FileTree
    /// The chart folder (or `.tgz`) in the tree.
    public var chart: String
    /// The overlay folder in the tree, if any: its `values.yaml` and kustomization.
    public var overlay: String?
    /// Values files after the overlay's (`render -f`), tree paths.
    public var valueFiles: [String]
    /// Release, namespace, `--set` flags, tracing and the template functions. Its
    /// `values.valueFiles` is replaced by the overlay's and `valueFiles`.
    public var options: RenderOptions

    public init(tree: any FileTree, chart: String, overlay: String? = nil, valueFiles: [String] = [], options: RenderOptions = RenderOptions()) {
        self.tree = tree
        self.chart = chart
        self.overlay = overlay
        self.valueFiles = valueFiles
        self.options = options
        if self.options.functions.isEmpty { self.options.functions = SprigCore.functions }
    }

    /// An environment of shipshape.yaml, as reconcile applies it. `trace` keeps the values
    /// provenance that recommend needs to edit the line that drives a field.
    public init(environment: EnvironmentConfig.Environment, tree: any FileTree, trace: Bool = false) {
        var options = RenderOptions()
        options.releaseName = environment.releaseName
        options.namespace = environment.namespace
        options.trace = trace
        self.init(tree: tree, chart: Self.normalize(environment.chart), overlay: environment.overlay.map(Self.normalize), options: options)
    }

    /// `overlay/values.yaml` when the overlay has one.
    public func overlayValuesFile() throws -> String? {
        guard let overlay else { return nil }
        // A mistyped overlay must not render the base silently as if it were the environment.
        guard tree.isDirectory(overlay) else {
            throw EnvironmentError("overlay \(overlay): no such folder in \(tree.name); check the overlay path (it is relative to the repository root)")
        }
        let path = OverlayFiles.join(overlay, "values.yaml")
        return try tree.read(path) != nil ? path : nil
    }

    /// The overlay's kustomization file, found as kustomize finds it; nil for a values-only overlay.
    public func kustomizationFile() throws -> String? {
        guard let overlay else { return nil }
        return try OverlayBuild.kustomizationFile(in: overlay, files: tree.overlayFiles)
    }

    /// Renders the chart with the overlay's values and `valueFiles`, as `helm template` would.
    public func renderChart() throws -> ChartRenderer.Result {
        let loaded = try tree.loadChart(at: chart)
        var options = self.options
        options.values.valueFiles = try ((try overlayValuesFile()).map { [$0] } ?? []).map(valuesFile) + valueFiles.map(valuesFile)
        return try ChartRenderer.render(loaded, options: options)
    }

    private func valuesFile(_ path: String) throws -> ValuesFile {
        // Worded as Helm words it, so `render -f missing.yaml` fails as `helm template` does.
        guard let text = try tree.string(at: path) else { throw EnvironmentError("open \(path): no such file or directory") }
        return try ValuesFile(path: path, text: text)
    }

    /// The whole pipeline short of the policies: chart, overlay values, kustomization.
    public func render() throws -> RenderedEnvironment {
        let result = try renderChart()
        return try kustomize(result, templates: Self.templates(result).map { (repositoryPath(ofTemplate: $0.name), $0.text) })
    }

    /// The kustomization applied to rendered `templates`, each named by its path in the tree
    /// (`render` passes `helm template`'s one stream, named by the chart), or the templates'
    /// objects as they are when the overlay has no kustomization.
    public func kustomize(_ result: ChartRenderer.Result, templates: [(origin: String, text: String)]) throws -> RenderedEnvironment {
        var rendered = RenderedEnvironment(chart: result, warnings: result.warnings)
        guard let overlay, let kustomization = try kustomizationFile() else {
            for template in templates {
                for document in ManifestSplitter.split(template.text) {
                    for value in try ValueDecoder.decodeAll(document, file: template.origin) {
                        guard case .object = value else { continue }
                        rendered.objects.append(RenderedObject(object: value, file: template.origin, template: template.origin, chartObject: value))
                    }
                }
            }
            return rendered
        }
        rendered.kustomization = kustomization
        let built = try OverlayRender(directory: overlay, files: tree.overlayFiles).applyTracked(toTemplates: templates.map { ($0.text, $0.origin) })
        rendered.objects = built.map { b in
            RenderedObject(object: b.object, file: kustomization, template: b.leadingObject == nil ? nil : b.origin, chartObject: b.leadingObject)
        }
        return rendered
    }

    /// Renders and checks: the policies at `policies` (a folder of PolicySet files, or one
    /// file) held to the objects, for `environment`'s environment-specific rules.
    public func renderAndCheck(policies: String, environment: String?) throws -> RenderedEnvironment {
        var rendered = try render()
        rendered.report = PolicyEngine(policies: try PolicyFiles.load(policies, in: tree)).check(rendered.checkedObjects, environment: environment)
        return rendered
    }

    /// The rendered templates in name order, without NOTES.txt, as `helm template` prints them.
    public static func templates(_ result: ChartRenderer.Result) -> [(name: String, text: String)] {
        result.rendered.keys.sorted().filter { !$0.hasSuffix("NOTES.txt") }.map { ($0, result.rendered[$0]!.text) }
    }

    /// Helm names rendered files after the chart (`chatbot/templates/backend.yaml`); messages
    /// name them where they are in the tree (`charts/chatbot/templates/backend.yaml`).
    public func repositoryPath(ofTemplate rendered: String) -> String {
        guard let slash = rendered.firstIndex(of: "/"), !chart.hasSuffix(".tgz") else { return rendered }
        return (chart.count > 1 && chart.hasSuffix("/") ? String(chart.dropLast()) : chart) + rendered[slash...]
    }

    static func normalize(_ path: String) -> String { WorkTree.normalize(path) }
}
