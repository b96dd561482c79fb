// template-fuzz: the input is one template file of a small chart, rendered as `helm template`
// renders it (parse and execute, with Sprig and Helm's own functions). Any error is fine; a
// crash, a hang or a leak is not.
import Charts
import FuzzSupport
import Templates
import YAML

enum TemplateFuzzCase {
    static let chartYAML = Array("apiVersion: v2\nname: fuzz\nversion: 0.1.0\n".utf8)
    static let valuesYAML = Array("""
        replicaCount: 2
        image: {repository: nginx, tag: "1.27"}
        list: [1, "two", 3.5, null, true]
        nested: {a: {b: {c: [x, y]}}}
        big: 9223372036854775807
        float: 1e308
        """.utf8)
    static let helpers = Array(#"{{- define "fuzz.name" -}}{{ .Chart.Name | trunc 63 }}{{- end -}}"#.utf8)

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let files = [
            ChartFile(name: "Chart.yaml", data: chartYAML),
            ChartFile(name: "values.yaml", data: valuesYAML),
            ChartFile(name: "templates/_helpers.tpl", data: helpers),
            ChartFile(name: "templates/fuzz.yaml", data: Array(bytes)),
        ]
        guard let chart = try? ChartLoader.loadFiles(files, displayPath: "fuzz") else { return }
        var options = RenderOptions()
        options.functions = SprigCore.functions
        _ = try? ChartRenderer.render(chart, options: options)
    }
}

@main
struct TemplateFuzz {
    static func main() {
        // Sprig's function table and the Go types it names are made once, on first use; made
        // here, LeakSanitizer does not take them for a leak of the first input.
        _ = SprigCore.functions
        FuzzDriver.main(name: "template-fuzz") { TemplateFuzzCase.run($0) }
    }
}
