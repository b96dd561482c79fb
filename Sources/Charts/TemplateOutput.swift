import Foundation

/// What `helm template` prints, or writes under `--output-dir`, for a chart's rendered
/// templates: helm/helm pkg/action/action.go `renderResources` (CRDs with `--include-crds`,
/// then manifests in install order, each as `---\n# Source: <path>\n<doc>\n`) followed by
/// pkg/cmd/template.go (the trimmed manifest text, then hooks unless `--skip-tests` drops test
/// hooks, then `--show-only` filtering by `filepath.Match` on the path after the chart name).
///
/// Pure: the caller writes `files` (in order, appending where `append` says so) and prints
/// `stdout`. NOTES.txt is left out, as Helm keeps it apart.
public struct TemplateOutput: Sendable {
    public struct Options: Sendable {
        public var includeCRDs = false
        public var skipTests = false
        public var disableHooks = false
        public var showOnly: [String] = []
        public var outputDir: String?
        /// `--release-name`: put manifests and hooks under `<output-dir>/<release>`.
        public var useReleaseName = false
        public var releaseName = "release-name"
        /// Files that already exist in the output directory (hooks append to them, as Helm's
        /// `os.Stat` check does).
        public var existingFiles: Set<String> = []

        public init() {}
    }

    /// One write under `--output-dir`.
    public struct FileWrite: Sendable, Equatable {
        public var path: String
        public var content: String
        /// Append to what this run (or an earlier one) wrote, rather than truncate.
        public var append: Bool
    }

    public var stdout: String
    public var files: [FileWrite]

    /// `rendered` maps template paths (`chart/templates/a.yaml`) to their rendered text.
    public static func make(chart: Chart, rendered: [String: String], options: Options) throws -> TemplateOutput {
        let files = rendered.filter { !$0.key.hasSuffix("NOTES.txt") }
        let (hooks, manifests) = try ManifestSorter.sort(files)
        var out = TemplateOutput(stdout: "", files: [])
        var releaseManifest = ""
        var written = Set<String>()

        func write(_ dir: String, _ name: String, _ data: String, append: Bool) {
            let path = dir + "/" + name
            out.files.append(FileWrite(path: path, content: "---\n# Source: \(name)\n\(data)\n", append: append))
            out.stdout += "wrote \(path)\n"
        }
        let manifestDir = options.outputDir.map { options.useReleaseName ? $0 + "/" + options.releaseName : $0 }

        if options.includeCRDs {
            for crd in chart.crdObjects() {
                if let dir = options.outputDir {
                    write(dir, crd.name, crd.file.text, append: written.contains(crd.name))
                    written.insert(crd.name)
                } else {
                    releaseManifest += "---\n# Source: \(crd.name)\n\(crd.file.text)\n"
                }
            }
        }
        for m in manifests {
            if let dir = manifestDir {
                write(dir, m.name, m.content, append: written.contains(m.name))
                written.insert(m.name)
            } else {
                releaseManifest += "---\n# Source: \(m.name)\n\(m.content)\n"
            }
        }

        var text = releaseManifest.goTrimSpace + "\n"
        if !options.disableHooks {
            var hookWritten = Set<String>()
            for hook in hooks where !(options.skipTests && hook.isTest) {
                if let dir = manifestDir {
                    let path = dir + "/" + hook.path
                    let exists = options.existingFiles.contains(path) || out.files.contains { $0.path == path }
                    if exists { hookWritten.insert(hook.path) }
                    write(dir, hook.path, hook.manifest, append: hookWritten.contains(hook.path))
                } else {
                    text += "---\n# Source: \(hook.path)\n\(hook.manifest)\n"
                }
            }
        }

        guard !options.showOnly.isEmpty else {
            out.stdout += text
            return out
        }
        let docs = ManifestSplitter.split(text)
        var selected: [String] = []
        for pattern in options.showOnly {
            var missing = true
            for doc in docs {
                guard let path = sourcePath(of: doc), GoPathMatch.match(pattern, path) == true else { continue }
                selected.append(doc)
                missing = false
            }
            if missing {
                throw ChartError(.manifest, "could not find template \(pattern) in chart",
                                 hint: "--show-only takes paths like templates/deployment.yaml, relative to the chart")
            }
        }
        for doc in selected { out.stdout += "---\n\(doc)\n" }
        return out
    }

    /// The first match of `# Source: [^/]+/(.+)` in a document: the path after the chart name.
    static func sourcePath(of doc: String) -> String? {
        guard let range = doc.range(of: "# Source: ") else { return nil }
        let rest = doc[range.upperBound...]
        guard let slash = rest.firstIndex(of: "/"), slash > rest.startIndex else { return nil }
        let path = rest[rest.index(after: slash)...].prefix { $0 != "\n" && $0 != "\r\n" }
        return path.isEmpty ? nil : String(path)
    }
}
