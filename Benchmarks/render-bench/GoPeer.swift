import Charts
import Foundation
import OrderedCollections
import Templates
import TestSupport
import YAML

/// render-bench's measured peer: the same templates and values rendered by Go's own
/// text/template with Helm's engine core around it (Tests/TemplatesTests/GoOracle in `-bench`
/// mode: Helm's parse order, `include`, missingkey=zero, `<no value>` removal, and the
/// Helm/Sprig functions the generated chart calls, in Go's standard library). The Go program
/// times parse + execute in its own process, so the figure is engine work, not process start.
enum GoPeer {
    struct Run {
        var bestSeconds: Double
        /// The best run's process CPU time (user + system, Go's collector included).
        var bestCPUSeconds: Double
        /// Template name → rendered text, as Helm's engine returns it.
        var rendered: [String: String]
    }

    enum PeerError: Error, CustomStringConvertible {
        case runFailed(String)
        var description: String {
            switch self {
            case .runFailed(let s): "the Go peer failed: \(s)"
            }
        }
    }

    /// Builds the oracle program from `root`'s sources into a temporary file.
    static func build(root: String) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("render-bench-go-peer-\(getpid())").path
        try GoToolchain.build(URL(fileURLWithPath: root + "/Tests/TemplatesTests/GoOracle"), into: out)
        return out
    }

    /// Renders `prepared`'s templates `runs` times in the Go peer; returns its best time and output.
    static func render(_ prepared: ChartRenderer.Prepared, options: RenderOptions, runs: Int, binary: String) throws -> Run {
        let templates: [Value] = prepared.renderables.map {
            .object(["name": .string($0.name), "text": .string($0.text), "basePath": .string($0.basePath)])
        }
        let input: Value = .object(["templates": .array(templates), "data": scope(prepared, options: options),
                                    "runs": .int(Int64(runs))])
        let dir = FileManager.default.temporaryDirectory.path
        let inPath = dir + "/render-bench-go-in-\(getpid()).json", outPath = dir + "/render-bench-go-out-\(getpid()).json"
        defer { try? FileManager.default.removeItem(atPath: inPath); try? FileManager.default.removeItem(atPath: outPath) }
        try Data(JSONWriter(escapeHTML: false).string(input).utf8).write(to: URL(fileURLWithPath: inPath))
        let result = try Subprocess.run(binary, ["-bench", inPath, outPath], in: URL(fileURLWithPath: dir))
        guard result.status == 0 else { throw PeerError.runFailed(result.stderr) }
        let text = try String(contentsOfFile: outPath, encoding: .utf8)
        let output = try JSONParser(numbers: .json).parse(text)
        if let error = output["error"]?.string, !error.isEmpty { throw PeerError.runFailed(error) }
        var rendered: [String: String] = [:]
        for (name, value) in output["rendered"]?.object ?? [:] { rendered[name] = value.string ?? "" }
        return Run(bestSeconds: output["best_seconds"]?.doubleValue ?? .nan,
                   bestCPUSeconds: output["best_cpu_seconds"]?.doubleValue ?? .nan, rendered: rendered)
    }

    /// The top-level object of the root chart's templates, as JSON: `.Values`, `.Release`,
    /// `.Chart` (Chart.yaml under Go's field names) and `.Capabilities`. Values stay JSON
    /// numbers (float64 in Go), as Helm reads values files.
    static func scope(_ prepared: ChartRenderer.Prepared, options: RenderOptions) -> Value {
        let raw = prepared.chart.metadata.raw
        var chart: OrderedDictionary<String, Value> = ["Name": .string(prepared.chart.name)]
        for (go, key) in [("Version", "version"), ("AppVersion", "appVersion"), ("APIVersion", "apiVersion"),
                          ("Description", "description"), ("Type", "type"), ("KubeVersion", "kubeVersion")] {
            chart[go] = .string(raw[key]?.string ?? "")
        }
        let kube = KubeVersion(options.kubeVersion ?? Capabilities.defaultKubeVersion)
        return .object([
            "Values": .object(prepared.values),
            "Release": .object(["Name": .string(options.releaseName), "Namespace": .string(options.namespace),
                                "IsUpgrade": .bool(false), "IsInstall": .bool(true), "Revision": .int(1), "Service": "Helm"]),
            "Chart": .object(chart),
            "Capabilities": .object([
                "KubeVersion": .object(["Version": .string(kube?.version ?? ""), "Major": .string(kube?.major ?? ""),
                                        "Minor": .string(kube?.minor ?? "")]),
                "APIVersions": .array(Capabilities().apiVersions.map { .string($0) }),
            ]),
        ])
    }

    /// The first template whose outputs differ, with the byte offset and a little context.
    static func firstDifference(_ ours: [String: String], _ go: [String: String]) -> String? {
        if Set(ours.keys) != Set(go.keys) {
            return "template names differ: only Shipshape \(Set(ours.keys).subtracting(go.keys).sorted()), only Go \(Set(go.keys).subtracting(ours.keys).sorted())"
        }
        for name in ours.keys.sorted() where ours[name] != go[name] {
            let a = Array(ours[name]!.utf8), b = Array(go[name]!.utf8)
            var i = 0
            while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
            func around(_ x: [UInt8]) -> String {
                String(decoding: x[max(0, i - 60)..<min(x.count, i + 60)], as: UTF8.self).debugDescription
            }
            return "\(name) differs at byte \(i) (Shipshape \(a.count) bytes, Go \(b.count)):\n      Shipshape: \(around(a))\n      Go:        \(around(b))"
        }
        return nil
    }
}
