import Charts
import Foundation
import Templates
import XCTest

/// Whole charts rendered end to end (loader → dependencies → values → scopes → engine →
/// helm template output). Expectations follow Helm's engine (pkg/engine/engine.go recAllTpls:
/// a subchart sees its own values table with globals, `.Chart` is its own Chart.yaml,
/// `.Template.Name` is the full path) and pkg/cmd/template.go for the printed output.
final class ChartRenderTests: XCTestCase {
    private var fixtures: [ChartFixture] = []
    override func tearDown() { fixtures.forEach { $0.remove() } }

    private func chart(_ files: [String: String]) throws -> Chart {
        let f = try ChartFixture(files)
        fixtures.append(f)
        return try f.load()
    }

    private func render(_ files: [String: String], configure: (inout RenderOptions) -> Void = { _ in }) throws -> [String: String] {
        var options = RenderOptions()
        configure(&options)
        return try ChartRenderer.render(try chart(files), options: options).texts
    }

    static let umbrella: [String: String] = [
        "Chart.yaml": """
            apiVersion: v2
            name: app
            version: 1.2.3
            appVersion: "9.9"
            dependencies:
              - {name: db, version: "0.1.0", condition: db.enabled}
              - {name: lib, version: "0.1.0"}
            """,
        "values.yaml": """
            global:
              env: dev
            name: parent
            db:
              enabled: true
              port: 5432
            """,
        "templates/_helpers.tpl": "{{ define \"app.name\" }}app-{{ .Values.name }}{{ end }}",
        "templates/main.yaml": """
            name: {{ include "app.name" . }}
            chart: {{ .Chart.Name }}-{{ .Chart.Version }} {{ .Chart.AppVersion }} root={{ .Chart.IsRoot }}
            template: {{ .Template.Name }} in {{ .Template.BasePath }}
            dbport: {{ .Subcharts.db.Values.port }}
            lib: {{ include "lib.greeting" . }}
            release: {{ .Release.Name }}/{{ .Release.Namespace }} {{ .Release.Service }} install={{ .Release.IsInstall }} rev={{ .Release.Revision }}
            file: {{ .Files.Get "files/motd.txt" }}
            lines: {{ .Files.Lines "files/motd.txt" | len }}
            glob: {{ range $path, $_ := .Files.Glob "files/*.conf" }}{{ $path }} {{ end }}
            """,
        "templates/NOTES.txt": "Installed {{ .Release.Name }}",
        "files/motd.txt": "hello\nworld\n",
        "files/a.conf": "a=1",
        "files/b.conf": "b=2",
        "charts/db/Chart.yaml": "apiVersion: v2\nname: db\nversion: 0.1.0\n",
        "charts/db/values.yaml": "port: 1\nuser: admin\n",
        "charts/db/templates/db.yaml": """
            db: {{ .Values.port }} {{ .Values.user }} env={{ .Values.global.env }} chart={{ .Chart.Name }} root={{ .Chart.IsRoot }}
            name: {{ .Template.Name }}
            """,
        "charts/lib/Chart.yaml": "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n",
        "charts/lib/templates/_lib.tpl": "{{ define \"lib.greeting\" }}hi from {{ .Chart.Name }}{{ end }}",
        "charts/lib/templates/ignored.yaml": "this library template is never rendered",
    ]

    func testSubchartScopesGlobalsLibrariesAndRenderObjects() throws {
        let out = try render(Self.umbrella)
        XCTAssertEqual(out["app/templates/main.yaml"], """
            name: app-parent
            chart: app-1.2.3 9.9 root=true
            template: app/templates/main.yaml in app/templates
            dbport: 5432
            lib: hi from app
            release: release-name/default Helm install=true rev=1
            file: hello
            world

            lines: 2
            glob: files/a.conf files/b.conf\u{20}
            """)
        XCTAssertEqual(out["app/charts/db/templates/db.yaml"], """
            db: 5432 admin env=dev chart=db root=false
            name: app/charts/db/templates/db.yaml
            """)
        XCTAssertNil(out["app/charts/lib/templates/ignored.yaml"], "library charts only lend their partials")
        XCTAssertNil(out["app/templates/_helpers.tpl"])
        XCTAssertNotNil(out["app/templates/NOTES.txt"], "the engine renders NOTES.txt; helm template leaves it out of the output")
    }

    func testConditionsDisableSubchartsAndUserValuesWin() throws {
        var files = Self.umbrella
        files["templates/main.yaml"] = "name: {{ include \"app.name\" . }} db={{ .Subcharts.db }}"
        let out = try render(files) { options in
            options.values = ValueOptions(values: ["db.enabled=false", "name=cli"])
        }
        XCTAssertNil(out["app/charts/db/templates/db.yaml"])
        XCTAssertEqual(out["app/templates/main.yaml"], "name: app-cli db=", "a disabled subchart has no scope")
    }

    func testSetGivesInt64AndValuesFilesGiveFloat64() throws {
        let files = ["Chart.yaml": "apiVersion: v2\nname: t\nversion: 0.1.0\n", "values.yaml": "port: 80\nbig: 1000000\nn: 1\n",
                     "templates/t.yaml": "{{ .Values.port }} {{ .Values.big }} {{ printf \"%T %T\" .Values.port .Values.big }} {{ .Values.false }}"]
        // `n:` is YAML 1.1's false, so go-yaml v2 (and Helm) read that key as "false".
        XCTAssertEqual(try render(files)["t/templates/t.yaml"], "80 1e+06 float64 float64 1")
        let set = try render(files) { $0.values = ValueOptions(values: ["port=80", "big=1000000"]) }
        XCTAssertEqual(set["t/templates/t.yaml"], "80 1000000 int64 int64 1")
    }

    func testRequiredNamesTheTemplateLineAndColumn() throws {
        let files = ["Chart.yaml": "apiVersion: v2\nname: t\nversion: 0.1.0\n",
                     "templates/t.yaml": "a: 1\nimage: {{ required \"backend.image.tag is required\" .Values.tag }}\n"]
        XCTAssertThrowsError(try render(files)) { error in
            XCTAssertEqual("\(error)", "execution error at (t/templates/t.yaml:2:10): backend.image.tag is required")
        }
    }

    func testKubeVersionConstraintAndCapabilities() throws {
        let files = ["Chart.yaml": "apiVersion: v2\nname: t\nversion: 0.1.0\nkubeVersion: \">=1.30.0-0\"\n",
                     "templates/t.yaml": "{{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.APIVersions.Has \"example.com/v1\" }}"]
        XCTAssertThrowsError(try render(files) { $0.kubeVersion = "1.29" }) { error in
            XCTAssertEqual("\(error)", "chart requires kubeVersion: >=1.30.0-0 which is incompatible with Kubernetes v1.29 (pass --kube-version with a version the chart supports)")
        }
        let out = try render(files) { $0.kubeVersion = "v1.31.2"; $0.apiVersions = ["example.com/v1"] }
        XCTAssertEqual(out["t/templates/t.yaml"], "v1.31.2 true")
    }

    func testSchemaErrorsNameTheValuesPathAndTheFileThatSetIt() throws {
        let files = ["Chart.yaml": "apiVersion: v2\nname: t\nversion: 0.1.0\n",
                     "values.yaml": "replicas: 2\n",
                     "values.schema.json": #"{"type":"object","properties":{"replicas":{"type":"integer","minimum":1}}}"#,
                     "templates/t.yaml": "r: {{ .Values.replicas }}"]
        XCTAssertNoThrow(try render(files))
        XCTAssertThrowsError(try render(files) { $0.values = ValueOptions(values: ["replicas=0"]) }) { error in
            XCTAssertTrue("\(error)".contains("replicas"), "\(error)")
            XCTAssertTrue("\(error)".contains("minimum"), "\(error)")
        }
    }

    func testHelmTemplateOutputOrdersByKindAndPrintsHooksLast() throws {
        let files = ["Chart.yaml": "apiVersion: v2\nname: t\nversion: 0.1.0\n",
                     "templates/a.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n",
                     "templates/b.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
                     "templates/hook.yaml": "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: post-install\n"]
        let c = try chart(files)
        let result = try ChartRenderer.render(c, options: RenderOptions())
        let output = try TemplateOutput.make(chart: result.chart, rendered: result.texts, options: TemplateOutput.Options())
        XCTAssertEqual(output.stdout, """
            ---
            # Source: t/templates/b.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c

            ---
            # Source: t/templates/a.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            ---
            # Source: t/templates/hook.yaml
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: j
              annotations:
                helm.sh/hook: post-install


            """)
    }

    func testTraceFindsTheValuesLineBehindAField() throws {
        let files = ["Chart.yaml": "apiVersion: v2\nname: t\nversion: 0.1.0\n",
                     "values.yaml": "backend:\n  replicas: 2\n  resources:\n    limits:\n      memory: 512Mi\n",
                     "templates/d.yaml": """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: backend
                        spec:
                          replicas: {{ .Values.backend.replicas }}
                          template:
                            spec:
                              containers:
                                - name: backend
                                  image: app:1
                                  resources:
                                    {{- toYaml .Values.backend.resources | trim | printf "\\n%s" | replace "\\n" "\\n            " }}
                        """]
        let c = try chart(files)
        var options = RenderOptions()
        options.trace = true
        options.functions = ["trim": TemplateFunction("trim", [.string], returns: "string") { call in
            if case .string(let s) = call[0].plain { return .string(s.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return .string("")
        }, "replace": TemplateFunction("replace", [.string, .string, .string], returns: "string") { call in
            guard case .string(let old) = call[0].plain, case .string(let new) = call[1].plain, case .string(let s) = call[2].plain else { return .string("") }
            return .string(s.replacingOccurrences(of: old, with: new))
        }]
        let result = try ChartRenderer.render(c, options: options)
        let memory = try FieldTracer.trace(try FieldTracer.Query(parsing: "apps/v1/Deployment/backend:spec.template.spec.containers[name=backend].resources.limits.memory"), in: result)
        XCTAssertEqual(memory.description, "\(c.source)/values.yaml:5:15 backend.resources.limits.memory = 512Mi")
        let replicas = try FieldTracer.trace(try FieldTracer.Query(parsing: "apps/v1/Deployment/backend:spec.replicas"), in: result)
        XCTAssertEqual(replicas.description, "\(c.source)/values.yaml:2:13 backend.replicas = 2")
        let image = try FieldTracer.trace(try FieldTracer.Query(parsing: "apps/v1/Deployment/backend:spec.template.spec.containers[0].image"), in: result)
        XCTAssertEqual(image.description, "apps/v1/Deployment/backend:spec.template.spec.containers[0].image = app:1 is not driven by any value (it is written in t/templates/d.yaml)")
        XCTAssertThrowsError(try FieldTracer.trace(try FieldTracer.Query(parsing: "apps/v1/Deployment/nope:spec.replicas"), in: result))
    }
}

/// Packaged charts (`helm package` output is a gzip'd tar with the chart directory inside),
/// made here with the system's tar.
final class ChartArchiveTests: XCTestCase {
    func testPackagedChartsAndPackagedSubchartsLoadAndRender() throws {
        let sub = try ChartFixture(["sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.0\n",
                                    "sub/values.yaml": "greeting: from the archive\n",
                                    "sub/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub\ndata:\n  g: {{ .Values.greeting }}\n"])
        defer { sub.remove() }
        let parent = try ChartFixture(["app/Chart.yaml": "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - {name: sub, version: 0.1.0}\n",
                                       "app/templates/a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"])
        defer { parent.remove() }
        try FileManager.default.createDirectory(atPath: parent.path + "/app/charts", withIntermediateDirectories: true)
        try tar(["czf", parent.path + "/app/charts/sub-0.1.0.tgz", "-C", sub.path, "sub"])
        let archive = parent.path + "/app-1.0.0.tgz"
        try tar(["czf", archive, "-C", parent.path, "app"])
        let chart = try ChartLoader.load(directory: archive)
        XCTAssertEqual(chart.name, "app")
        XCTAssertEqual(chart.dependencies.map(\.name), ["sub"])
        let out = try ChartRenderer.render(chart, options: RenderOptions()).texts
        XCTAssertEqual(out["app/charts/sub/templates/cm.yaml"], "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub\ndata:\n  g: from the archive\n")
        XCTAssertThrowsError(try ChartArchive.files([0x50, 0x4B, 3, 4], name: "x.tgz")) { error in
            XCTAssertEqual("\(error)", "x.tgz: file is not gzip-compressed (a chart archive is a .tgz made by helm package)")
        }
    }

    private func tar(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/tar")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
