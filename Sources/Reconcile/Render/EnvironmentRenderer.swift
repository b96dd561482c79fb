import Charts
import Foundation
import GitStore
import Overlays
import Policies
import Templates
import YAML

/// An environment's manifests at one git revision, and what the policies say about them.
public struct RenderedEnvironment: Sendable {
    /// The objects as rendered (not yet prepared for applying), in render order.
    public var objects: [Value]
    /// The policy report on `objects`.
    public var report: PolicyEngine.Report
    public var warnings: [String]

    /// Error-severity findings: any stops a run before anything is applied.
    public var blockingFindings: [Finding] { report.findings.filter { $0.severity == .error } }
}

/// Renders an environment from a revision's tree: the chart at `environment.chart` with the
/// overlay's `values.yaml` layered over the chart's values, then the overlay's kustomization, then the policies in `environment.policies` checked against the result.
/// Everything is read from the `TreeSnapshot`, never from the work tree.
public enum EnvironmentRenderer {
    public static func render(_ environment: EnvironmentConfig.Environment, snapshot: TreeSnapshot) throws -> RenderedEnvironment {
        let chartPath = normalize(environment.chart)
        guard snapshot.isDirectory(chartPath) else {
            throw ReconcileError("revision \(snapshot.commit.short): no chart folder \(chartPath) (environments.\(environment.name).chart in shipshape.yaml)")
        }
        let chart = try ChartLoader(source: TreeSnapshotFileSource(snapshot: snapshot, root: chartPath), displayPath: chartPath).load()
        var options = RenderOptions()
        options.releaseName = environment.releaseName
        options.namespace = environment.namespace
        options.functions = SprigCore.functions
        var valueFiles: [ValuesFile] = []
        if let overlay = environment.overlay.map(normalize) {
            let path = overlay + "/values.yaml"
            if let text = snapshot.string(at: path) { valueFiles.append(try ValuesFile(path: path, text: text)) }
        }
        options.values = ValueOptions(valueFiles: valueFiles)
        let result = try ChartRenderer.render(chart, options: options)
        var objects: [Value] = []
        var files: [String] = []
        for name in result.rendered.keys.sorted() where !name.hasSuffix("NOTES.txt") {
            for document in ManifestSplitter.split(result.rendered[name]!.text) {
                let value = try ValueDecoder.decode(document, file: name)
                if case .object = value { objects.append(value); files.append(name) }
            }
        }
        var warnings = result.warnings

        // The overlay's kustomization, read from the same revision, with the rendered chart as
        // its first resource (`OverlayRender` would layer values.yaml too; the render above did).
        // An overlay may be values only; its kustomization file is found as kustomize finds it.
        let overlayFiles = OverlayFiles(read: { snapshot[$0] }, isDirectory: { snapshot.isDirectory($0) })
        if let overlay = environment.overlay.map(normalize),
           let kustomization = try OverlayBuild.kustomizationFile(in: overlay, files: overlayFiles) {
            let texts = result.rendered.keys.sorted().filter { !$0.hasSuffix("NOTES.txt") }.map { result.rendered[$0]!.text }
            objects = try OverlayRender(directory: overlay, files: overlayFiles).apply(toRendered: texts, origin: chartPath)
            files = objects.map { _ in kustomization }
        }

        let policies = try loadPolicies(environment, snapshot: snapshot)
        let report = PolicyEngine(policies: policies).check(zip(objects, files).map { CheckedObject($0, file: $1) }, environment: environment.name)
        return RenderedEnvironment(objects: objects, report: report, warnings: warnings)
    }

    /// The `PolicySet` files (`*.yaml` whose kind is PolicySet) in the policies folder or file.
    static func loadPolicies(_ environment: EnvironmentConfig.Environment, snapshot: TreeSnapshot) throws -> PolicySet {
        let path = normalize(environment.policies)
        let files: [String]
        if snapshot.isDirectory(path) {
            files = try snapshot.list(path).filter { $0.kind == .file && ($0.name.hasSuffix(".yaml") || $0.name.hasSuffix(".yml")) }
                .map { path + "/" + $0.name }
        } else if snapshot.file(path) != nil {
            files = [path]
        } else {
            throw ReconcileError("revision \(snapshot.commit.short): no policies at \(path) (environments.\(environment.name).policies in shipshape.yaml)")
        }
        var rules: [Rule] = []
        for file in files {
            guard let text = snapshot.string(at: file), text.contains("PolicySet") else { continue }
            rules += try PolicySet(yaml: text, file: file).rules
        }
        return PolicySet(rules: rules)
    }

    static func normalize(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        while p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }
}
