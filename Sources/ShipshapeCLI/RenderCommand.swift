import ArgumentParser
import Charts
import Environment
import Foundation
import YAML

/// `shipshape render CHART`: what `helm template` prints for the chart and flags, byte for
/// byte, without Helm; `--trace` says which values line drives a rendered field.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a Helm chart as helm template does.",
        discussion: """
            Flags are named as helm template names them.

            Examples:
              shipshape render charts/chatbot -f overlays/dev/values.yaml
              shipshape render charts/chatbot --overlay overlays/prod
              shipshape render charts/chatbot --set backend.replicaCount=3 \\
                -s templates/backend.yaml
              shipshape render charts/chatbot --trace \\
                'autoscaling/v2/HorizontalPodAutoscaler/backend-hpa:spec.maxReplicas'
            """)

    @Argument(help: "The chart directory.") var chart: String
    @Option(name: [.customShort("f"), .customLong("values")], help: "A values file (repeatable; later files win).") var valueFiles: [String] = []
    @Option(name: .customLong("set"), help: "Set values on the command line (a.b=c,d=e).") var set: [String] = []
    @Option(name: .customLong("set-string"), help: "Set STRING values on the command line.") var setString: [String] = []
    @Option(name: .customLong("set-file"), help: "Set values from files (key=path).") var setFile: [String] = []
    @Option(name: .customLong("set-json"), help: "Set JSON values on the command line.") var setJSON: [String] = []
    @Option(name: .customLong("set-literal"), help: "Set a literal STRING value.") var setLiteral: [String] = []
    @Option(name: .shortAndLong, help: "The release namespace.") var namespace = "default"
    @Option(name: .customLong("release-name"), help: "The release name.") var releaseName = "release-name"
    @Option(name: .customLong("kube-version"), help: "The Kubernetes version for .Capabilities.KubeVersion.") var kubeVersion: String?
    @Option(name: [.customShort("a"), .customLong("api-versions")], help: "Extra API versions for .Capabilities.APIVersions (comma-separated, repeatable).") var apiVersions: [String] = []
    @Flag(name: .customLong("include-crds"), help: "Include the chart's CRDs.") var includeCRDs = false
    @Option(name: [.customShort("s"), .customLong("show-only")], help: "Only show manifests from these templates.") var showOnly: [String] = []
    @Option(name: .customLong("output-dir"), help: "Write files into this folder instead of printing.") var outputDir: String?
    @Flag(name: .customLong("skip-tests"), help: "Leave out test hooks.") var skipTests = false
    @Flag(name: .customLong("strict"), help: "Fail on a missing map key instead of printing nothing.") var strict = false
    @Option(help: "Which values line (or, with --overlay, which patch line) drives a field: APIVERSION/KIND/NAME:FIELD.") var trace: String?
    @Option(help: "An overlay folder: its values.yaml goes under the -f files, its kustomization.yaml is applied to the result.") var overlay: String?

    func validate() throws {
        if overlay != nil && outputDir != nil { throw ValidationError("--overlay prints one kustomized stream; it cannot be combined with --output-dir") }
    }

    func run() throws {
        var options = RenderOptions()
        options.releaseName = releaseName
        options.namespace = namespace
        options.kubeVersion = kubeVersion
        do {
            options.apiVersions = try StringSliceFlag.split(apiVersions)
        } catch {
            throw ExitMessage("Error: \(error)")
        }
        options.strict = strict
        options.trace = trace != nil
        options.readFile = { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path) (from --set-file)")
            }
            return Array(data)
        }
        options.values = ValueOptions(jsonValues: setJSON, values: set, stringValues: setString, fileValues: setFile, literalValues: setLiteral)
        let renderer = EnvironmentRenderer(tree: WorkTree(), chart: chart, overlay: overlay, valueFiles: valueFiles, options: options)
        let result: ChartRenderer.Result
        do {
            result = try renderer.renderChart()
        } catch let error as EnvironmentError {
            throw ExitMessage("Error: \(error)")
        }
        for warning in result.warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        if let trace {
            // Through the kustomization when there is one: a field a patch sets is traced to
            // the patch line; objects are named as the overlay outputs them.
            let rendered = try renderer.kustomize(result, templates: EnvironmentRenderer.templates(result).map { (renderer.repositoryPath(ofTemplate: $0.name), $0.text) })
            print(try renderer.provenance(of: try FieldTracer.Query(parsing: trace), in: rendered))
            return
        }
        var outputOptions = TemplateOutput.Options()
        outputOptions.includeCRDs = includeCRDs
        outputOptions.skipTests = skipTests
        outputOptions.showOnly = showOnly
        outputOptions.outputDir = outputDir
        outputOptions.releaseName = releaseName
        if let outputDir {
            outputOptions.existingFiles = OutputDirectory.existingFiles(under: outputDir)
        }
        let output = try TemplateOutput.make(chart: result.chart, rendered: result.texts, options: outputOptions)
        if overlay != nil, try renderer.kustomizationFile() != nil {
            // The kustomization takes the stream `helm template` prints as its first resource.
            let rendered = try renderer.kustomize(result, templates: [(chart, output.stdout)])
            FileHandle.standardOutput.write(Data(YAMLEmitter.emitStream(rendered.values).utf8))
        } else if let outputDir {
            try OutputDirectory.write(output.files, under: outputDir)
            print(output.stdout, terminator: "")
        } else {
            FileHandle.standardOutput.write(Data(output.stdout.utf8))
        }
    }
}

/// Writes `--output-dir` files all or nothing: contents are assembled in memory first, then
/// each file goes to a temporary name and is renamed into place.
enum OutputDirectory {
    static func existingFiles(under dir: String) -> Set<String> {
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out = Set<String>()
        while let path = walker.nextObject() as? String { out.insert(dir + "/" + path) }
        return out
    }

    static func write(_ writes: [TemplateOutput.FileWrite], under dir: String) throws {
        var contents: [(path: String, text: String)] = []
        for w in writes {
            if w.append, let i = contents.firstIndex(where: { $0.path == w.path }) {
                contents[i].text += w.content
            } else if w.append, let existing = try? String(contentsOfFile: w.path, encoding: .utf8) {
                contents.append((w.path, existing + w.content))
            } else if let i = contents.firstIndex(where: { $0.path == w.path }) {
                contents[i].text = w.content
            } else {
                contents.append((w.path, w.content))
            }
        }
        // Every path stays inside the output folder (a chart named `..` would climb out), and
        // no folder on the way may be a symlink out of it.
        let root = URL(fileURLWithPath: dir).standardizedFileURL.path
        for (path, _) in contents {
            let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
            guard standardized.hasPrefix(root + "/") else {
                throw ExitMessage("Error: \(path) is outside the output folder \(dir) (a chart or template name contains ..); nothing was written")
            }
        }
        // All or nothing: every file is staged under a new temporary name first; only when all
        // are written are they renamed into place.
        var staged: [AtomicFile.Staged] = []
        do {
            for (path, text) in contents {
                let folder = (path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
                let realFolder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
                guard realFolder == realRoot || realFolder.hasPrefix(realRoot + "/") else {
                    throw ExitMessage("Error: \(folder) leads outside the output folder \(dir) through a symlink; nothing was written")
                }
                staged.append(try AtomicFile.stage(Data(text.utf8), for: path))
            }
        } catch {
            for s in staged { s.discard() }
            throw (error as? CLIError).map { ExitMessage("Error: \($0.description); nothing was written") } ?? error
        }
        for s in staged { try s.commit() }
    }
}
