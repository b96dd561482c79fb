import OrderedCollections
import YAML

/// Loads a chart and its subcharts from a `ChartFileSource`, as helm/helm
/// pkg/chart/v2/loader (`LoadDir` then `LoadFiles`) does: .helmignore applies (plus the
/// default `templates/.?*`), files are walked in lexical order, a UTF-8 BOM is dropped,
/// Chart.yaml is decoded and validated, values.yaml keeps its marks, charts/<name>/ become
/// subcharts (names starting with `_` or `.` are skipped).
///
/// Subchart archives (`charts/*.tgz`) are unpacked in memory (`ChartArchive`).
public struct ChartLoader {
    public let source: any ChartFileSource
    /// How messages name the chart root (`charts/chatbot`).
    public let displayPath: String

    public init(source: any ChartFileSource, displayPath: String) {
        self.source = source
        self.displayPath = displayPath
    }

    /// Loads the chart in a directory on disk, or a packaged chart (`.tgz`).
    public static func load(directory: String) throws -> Chart {
        if directory.hasSuffix(".tgz") || directory.hasSuffix(".tar.gz") { return try ChartArchive.load(path: directory) }
        return try ChartLoader(source: DirectoryFileSource(path: directory), displayPath: directory).load()
    }

    public func load() throws -> Chart {
        var rules = HelmIgnore.empty
        if try source.entries(in: "").contains(where: { $0.name == ".helmignore" && !$0.isDirectory }) {
            rules = try HelmIgnore(parsing: String(decoding: try source.read(".helmignore"), as: UTF8.self),
                                   file: join(".helmignore"))
        }
        rules.addDefaults()
        var files: [ChartFile] = []
        try walk("", rules: rules, into: &files)
        return try Self.loadFiles(files, displayPath: displayPath)
    }

    private func join(_ path: String) -> String { displayPath.isEmpty ? path : displayPath + "/" + path }

    private func walk(_ directory: String, rules: HelmIgnore, into files: inout [ChartFile]) throws {
        let entries = try source.entries(in: directory).sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        for entry in entries {
            let path = directory.isEmpty ? entry.name : directory + "/" + entry.name
            if entry.isDirectory {
                if !rules.ignores(path, isDirectory: true) { try walk(path, rules: rules, into: &files) }
                continue
            }
            if rules.ignores(path, isDirectory: false) { continue }
            guard entry.isRegular else {
                throw ChartError(.load, "cannot load irregular file \(join(path)) as it has file mode type bits set")
            }
            var data = try source.read(path)
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
            files.append(ChartFile(name: path, data: data))
        }
    }

    /// `LoadFiles`: builds a chart from chart-relative files in load order.
    public static func loadFiles(_ files: [ChartFile], displayPath: String, budget: ChartArchive.Budget = .init()) throws -> Chart {
        func place(_ name: String) -> String { displayPath.isEmpty ? name : displayPath + "/" + name }
        guard let chartFile = files.first(where: { $0.name == "Chart.yaml" }) else {
            throw ChartError(.metadata, "Chart.yaml file is missing", file: place("Chart.yaml"),
                             hint: "a chart directory needs a Chart.yaml with apiVersion, name and version")
        }
        var metadata = try ChartMetadata.decode(chartFile.text, file: place("Chart.yaml"))
        if metadata.apiVersion.isEmpty { metadata.apiVersion = "v1" }
        var chart = Chart(metadata: metadata)
        chart.source = displayPath
        var subcharts = OrderedDictionary<String, [ChartFile]>()
        for f in files {
            switch f.name {
            case "Chart.yaml": continue
            case "Chart.lock", "requirements.lock":
                chart.lock = try? ValueDecoder.decode(f.text, file: place(f.name))
            case "values.yaml":
                let vf = try ValuesFile(path: place(f.name), text: f.text)
                chart.valuesFile = vf
                chart.values = vf.values
            case "values.schema.json":
                do {
                    chart.schema = try JSONParser(numbers: .json).parse(bytes: f.data)
                } catch let e as YAMLError {
                    throw ChartError(.schema, e.message, file: place(f.name), at: e.mark)
                }
                chart.schemaFile = place(f.name)
            case "requirements.yaml":
                if chart.metadata.apiVersion == "v1" {
                    let req = try ChartMetadata.decode(f.text, file: place(f.name))
                    chart.metadata.dependencies = req.dependencies
                    chart.files.append(f)
                }
            default:
                if f.name.hasPrefix("templates/") {
                    chart.templates.append(f)
                } else if f.name.hasPrefix("charts/") {
                    if f.name.hasSuffix(".prov") {
                        chart.files.append(f)
                        continue
                    }
                    let rest = f.name.dropFirst("charts/".count)
                    let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                    subcharts[String(parts[0]), default: []].append(
                        ChartFile(name: parts.count > 1 ? String(parts[1]) : "", data: f.data))
                } else {
                    chart.files.append(f)
                }
            }
        }
        try chart.metadata.validate(file: place("Chart.yaml"))
        for (name, subFiles) in subcharts.sorted(by: { $0.key < $1.key }) {
            if name.hasPrefix("_") || name.hasPrefix(".") { continue }
            if name.hasSuffix(".tgz") || name.hasSuffix(".tar.gz") {
                guard let archive = subFiles.first(where: { $0.name.isEmpty }) else { continue }
                do {
                    let sub = try loadFiles(try ChartArchive.files(archive.data, name: place("charts/" + name), budget: budget),
                                            displayPath: place("charts/" + name), budget: budget)
                    chart.dependencies.append(sub)
                } catch var e as ChartError {
                    e.message = "error unpacking subchart \(name) in \(chart.name): " + e.message
                    throw e
                }
                continue
            }
            do {
                let sub = try loadFiles(subFiles.filter { !$0.name.isEmpty }, displayPath: place("charts/" + name), budget: budget)
                chart.dependencies.append(sub)
            } catch var e as ChartError {
                e.message = "error unpacking subchart \(name) in \(chart.name): " + e.message
                throw e
            }
        }
        return chart
    }
}
