import Foundation
import TestSupport
import XCTest

/// The reference for `shipshape render CHART --overlay DIR`: the chart rendered with the
/// overlay's values.yaml (`render -f`), then the overlay's kustomization.yaml applied by the real
/// `kubectl kustomize` (kustomize v5.5), with the rendered manifests as the first resource, as
/// overlays/README.md says. Tests compare Shipshape's own overlay render with this output.
enum KubectlOverlayOracle {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Renders `overlay` into `work` and returns the path of the kustomized manifests.
    static func render(chart: String, overlay: URL, into work: URL) throws -> String {
        let build = work.appendingPathComponent("kustomize-\(overlay.lastPathComponent)")
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
        let rendered = try ShipshapeBinary.run(["render", chart, "--release-name", "chatbot",
                                                "-f", overlay.appendingPathComponent("values.yaml").path])
        guard rendered.status == 0 else { throw Failure(description: "render \(overlay.path): \(rendered.stderr)") }
        try rendered.stdout.write(to: build.appendingPathComponent("rendered.yaml"), atomically: true, encoding: .utf8)
        for name in try FileManager.default.contentsOfDirectory(atPath: overlay.path) where name != "values.yaml" {
            try FileManager.default.copyItem(at: overlay.appendingPathComponent(name), to: build.appendingPathComponent(name))
        }
        let kustomization = build.appendingPathComponent("kustomization.yaml")
        var text = try String(contentsOf: kustomization, encoding: .utf8)
        if let range = text.range(of: "\nresources:\n") {
            text.replaceSubrange(range, with: "\nresources:\n  - rendered.yaml\n")
        } else {
            text += "\nresources:\n  - rendered.yaml\n"
        }
        try text.write(to: kustomization, atomically: true, encoding: .utf8)
        guard let kubectl = Subprocess.find("kubectl") else {
            throw Failure(description: "kubectl (with kustomize v5.5 built in) is not on the PATH")
        }
        let kustomized = try Subprocess.run(kubectl, ["kustomize", build.path])
        guard kustomized.status == 0 else { throw Failure(description: "kubectl kustomize \(overlay.path): \(kustomized.stderr)") }
        let out = work.appendingPathComponent("\(overlay.lastPathComponent).yaml")
        try kustomized.stdout.write(to: out, atomically: true, encoding: .utf8)
        return out.path
    }
}
