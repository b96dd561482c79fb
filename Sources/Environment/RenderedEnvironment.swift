import Charts
import Policies
import YAML

/// One object of a rendered environment and where it came from.
public struct RenderedObject: Sendable {
    /// The object as the pipeline produced it (not yet prepared for applying).
    public var object: Value
    /// The file findings name: its template, or the kustomization that changed or made it.
    public var file: String
    /// The chart template it was rendered from (`charts/chatbot/templates/backend.yaml`); nil
    /// for objects the kustomization added.
    public var template: String?
    /// The object as the chart rendered it, before the kustomization: its name there is the
    /// one values provenance knows, and a field that differs was set by the kustomization.
    public var chartObject: Value?
}

/// An environment's manifests, and what the policies say about them.
public struct RenderedEnvironment: Sendable {
    /// The chart render, with values provenance when tracing was asked for.
    public var chart: ChartRenderer.Result
    public var objects: [RenderedObject] = []
    /// The overlay's kustomization file when one was applied.
    public var kustomization: String?
    /// The policy report on `objects`, once checked.
    public var report: PolicyEngine.Report?
    public var warnings: [String]

    public init(chart: ChartRenderer.Result, warnings: [String]) {
        self.chart = chart
        self.warnings = warnings
    }

    /// The objects alone, in render order.
    public var values: [Value] { objects.map(\.object) }

    /// The objects as the policy engine takes them.
    public var checkedObjects: [CheckedObject] { objects.map { CheckedObject($0.object, file: $0.file) } }

    /// Error-severity findings: any stops a run before anything is applied.
    public var blockingFindings: [Finding] { (report?.findings ?? []).filter { $0.severity == .error } }
}
