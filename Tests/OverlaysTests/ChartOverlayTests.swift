import Charts
import Foundation
import Overlays
import Templates
import TestSupport
import XCTest

/// The real umbrella chart through an overlay: Shipshape's `OverlayRender` (rendered chart as the
/// first resource, overlay values layered over the chart's) against `kubectl kustomize` on the
/// same rendered stream written to a file and listed first under `resources`.
final class ChartOverlayTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func renderChart(valuesFiles: [String]) throws -> String {
        let chart = try ChartLoader.load(directory: Self.repository.appendingPathComponent("charts/chatbot").path)
        var options = RenderOptions()
        options.functions = SprigCore.functions
        options.values = ValueOptions(valueFiles: try valuesFiles.map { path in
            try Charts.ValuesFile(path: path, text: String(contentsOfFile: path, encoding: .utf8))
        })
        let result = try ChartRenderer.render(chart, options: options)
        return try TemplateOutput.make(chart: result.chart, rendered: result.texts, options: TemplateOutput.Options()).stdout
    }

    func testChatbotChartThroughAnOverlayMatchesKubectlKustomize() throws {
        let kustomization = """
            namespace: chatbot-dev
            namePrefix: dev-
            labels:
            - pairs:
                env: dev
              includeSelectors: true
            commonAnnotations:
              owner: platform
            images:
            - name: todo-chatbot/backend
              newTag: "1.5.0"
            configMapGenerator:
            - name: chatbot-flags
              literals:
              - FEATURE_X=on
            patches:
            - target:
                kind: HorizontalPodAutoscaler
              patch: |-
                - op: replace
                  path: /spec/minReplicas
                  value: 3
            - target:
                kind: Deployment
                labelSelector: app.kubernetes.io/name=backend
              patch: |-
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: any
                spec:
                  template:
                    spec:
                      containers:
                      - name: backend
                        envFrom:
                        - configMapRef:
                            name: chatbot-flags

            """
        let overlay = try KustomizeOracle.write(["kustomization.yaml": kustomization, "values.yaml": "backend:\n  replicaCount: 3\n"])
        defer { try? FileManager.default.removeItem(at: overlay) }
        let render = try OverlayRender(directory: overlay.path)
        XCTAssertEqual(render.valuesFiles, [overlay.path + "/values.yaml"])
        let rendered = try renderChart(valuesFiles: render.valuesFiles)
        let ours = try render.render(rendered: [rendered], origin: "charts/chatbot")

        let reference = try KustomizeOracle.write([
            "rendered.yaml": rendered,
            "kustomization.yaml": "resources:\n- rendered.yaml\n" + kustomization,
        ])
        defer { try? FileManager.default.removeItem(at: reference) }
        let kubectl = try Subprocess.run(try XCTUnwrap(Subprocess.find("kubectl")), ["kustomize", reference.path])
        XCTAssertEqual(kubectl.status, 0, kubectl.stderr)
        XCTAssertEqual(ours, kubectl.stdout)
        XCTAssertTrue(ours.contains("name: dev-backend"), "the chart's objects are in the output")
        XCTAssertTrue(ours.contains("dev-chatbot-flags-"), "the generated ConfigMap carries its hash")
    }

    func testOverlayErrorsNameTheKustomizationLine() throws {
        let overlay = try KustomizeOracle.write(["kustomization.yaml": "namespace: x\npatches:\n- path: missing.yaml\n"])
        defer { try? FileManager.default.removeItem(at: overlay) }
        let render = try OverlayRender(directory: overlay.path)
        XCTAssertEqual(render.valuesFiles, [])
        XCTAssertThrowsError(try render.apply(toRendered: [try renderChart(valuesFiles: [])], origin: "charts/chatbot")) { error in
            XCTAssertTrue("\(error)".hasPrefix(overlay.path + "/kustomization.yaml:3:3: patches[0]: cannot read patch file missing.yaml"), "\(error)")
        }
    }
}
