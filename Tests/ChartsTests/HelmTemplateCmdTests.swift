import Charts
import Foundation
import XCTest

/// helm/helm pkg/cmd/template_test.go `TestTemplateCmd`, ported: each test names its Helm case
/// and asserts the output of the golden file `pkg/cmd/testdata/output/<golden>.txt` for the
/// same input, through the same steps `shipshape render` takes (ChartRenderer, then
/// TemplateOutput with the flags mapped as RenderCommand maps them).
///
/// The chart is written here, reproducing the structure of Helm's
/// `testdata/testcharts/subchart` that these cases depend on: a parent `subchart` whose
/// `templates/service.yaml` prints the release name, `.Capabilities.KubeVersion` and two
/// `.Capabilities.APIVersions.Has` labels; `templates/subdir/` with a ServiceAccount, Role and
/// RoleBinding; two `helm.sh/hook: test` templates under `templates/tests/`; a CRD; and the
/// subcharts `subcharta` (service `apache`) and `subchartb` (service `nginx`). Reduced: the
/// testdata's `import-values`, tags and `templates/subdir/configmap.yaml` (off by default)
/// are left out, so the cases that exercise them (`template-subchart-cm*`) are not ported.
///
/// The layout is Helm 4.2's (template.txt, template-values-files.txt, template-skip-tests.txt):
/// a document that ends its template file keeps its final newline, so a blank line follows it.
/// Older stored copies of template-with-crds.txt and template-with-api-version.txt show Helm 3's
/// layout (no blank lines); their documents are asserted in the 4.2 layout.
///
/// Left out (see docs/render.md): "check no args" (cobra), "chart with template with invalid
/// yaml" (go-yaml's wording differs), the app-chart-as-library and import-values cases, and
/// `--wait=ordered`.
///
/// Helm's command tests run with the kube version its test build reports (v1.20, which the
/// goldens print); Shipshape defaults to Helm 4.2's release default instead, so the cases
/// here pass `--kube-version 1.20.0` except "check kube version", which passes 1.16.0.
final class HelmTemplateCmdTests: XCTestCase {
    private var fixture: ChartFixture!

    override func setUpWithError() throws {
        let service = """
            apiVersion: v1
            kind: Service
            metadata:
              name: {{ .Chart.Name }}
              labels:
                helm.sh/chart: "{{ .Chart.Name }}-{{ .Chart.Version }}"
            spec:
              type: {{ .Values.service.type }}
              ports:
              - port: {{ .Values.service.externalPort }}
                targetPort: {{ .Values.service.internalPort }}
                protocol: TCP
                name: {{ .Values.service.name }}
              selector:
                app.kubernetes.io/name: {{ .Chart.Name }}

            """
        let serviceValues = { (name: String) in "service:\n  name: \(name)\n  type: ClusterIP\n  externalPort: 80\n  internalPort: 80\n" }
        fixture = try ChartFixture([
            "Chart.yaml": """
                apiVersion: v2
                name: subchart
                version: 0.1.0
                dependencies:
                  - name: subcharta
                    version: 0.1.0
                    condition: subcharta.enabled
                  - name: subchartb
                    version: 0.1.0
                    condition: subchartb.enabled

                """,
            "values.yaml": serviceValues("nginx"),
            "crds/crdA.yaml": "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: testcrds.testcrdgroups.example.com\n",
            "templates/service.yaml": """
                apiVersion: v1
                kind: Service
                metadata:
                  name: {{ .Chart.Name }}
                  labels:
                    helm.sh/chart: "{{ .Chart.Name }}-{{ .Chart.Version }}"
                    app.kubernetes.io/instance: "{{ .Release.Name }}"
                    kube-version/major: "{{ .Capabilities.KubeVersion.Major }}"
                    kube-version/minor: "{{ .Capabilities.KubeVersion.Minor }}"
                    kube-version/version: "v{{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }}.0"
                {{- if .Capabilities.APIVersions.Has "helm.k8s.io/test" }}
                    kube-api-version/test: v1
                {{- end }}
                {{- if .Capabilities.APIVersions.Has "helm.k8s.io/test2" }}
                    kube-api-version/test2: v2
                {{- end }}
                spec:
                  type: {{ .Values.service.type }}
                  ports:
                  - port: {{ .Values.service.externalPort }}
                    targetPort: {{ .Values.service.internalPort }}
                    protocol: TCP
                    name: {{ .Values.service.name }}
                  selector:
                    app.kubernetes.io/name: {{ .Chart.Name }}

                """,
            "templates/subdir/serviceaccount.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{ .Chart.Name }}-sa\n",
            "templates/subdir/role.yaml": Self.role,
            "templates/subdir/rolebinding.yaml": Self.roleBinding("{{ .Release.Namespace }}").replacingOccurrences(of: "subchart-", with: "{{ .Chart.Name }}-"),
            "templates/tests/test-config.yaml": Self.testConfig("{{ .Release.Name }}"),
            "templates/tests/test-nothing.yaml": Self.testNothing("{{ .Release.Name }}"),
            "charts/subcharta/Chart.yaml": "apiVersion: v2\nname: subcharta\nversion: 0.1.0\n",
            "charts/subcharta/values.yaml": serviceValues("apache"),
            "charts/subcharta/templates/service.yaml": service,
            "charts/subchartb/Chart.yaml": "apiVersion: v2\nname: subchartb\nversion: 0.1.0\n",
            "charts/subchartb/values.yaml": serviceValues("nginx"),
            "charts/subchartb/templates/service.yaml": service,
        ])
    }

    override func tearDown() { fixture?.remove() }

    // MARK: The golden files' documents

    private static let role = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: subchart-role
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["get","list","watch"]

        """

    private static func roleBinding(_ namespace: String) -> String {
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: subchart-binding
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: subchart-role
        subjects:
        - kind: ServiceAccount
          name: subchart-sa
          namespace: \(namespace)

        """
    }

    private static func testConfig(_ release: String) -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: "\(release)-testconfig"
          annotations:
            "helm.sh/hook": test
        data:
          message: Hello World

        """
    }

    private static func testNothing(_ release: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: "\(release)-test"
          annotations:
            "helm.sh/hook": test
        spec:
          containers:
            - name: test
              image: "alpine:latest"
              envFrom:
                - configMapRef:
                    name: "\(release)-testconfig"
              command:
                - echo
                - "$message"
          restartPolicy: Never

        """
    }

    private static func subService(_ chart: String, port: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(chart)
          labels:
            helm.sh/chart: "\(chart)-0.1.0"
        spec:
          type: ClusterIP
          ports:
          - port: 80
            targetPort: 80
            protocol: TCP
            name: \(port)
          selector:
            app.kubernetes.io/name: \(chart)

        """
    }

    private static func parentService(release: String = "release-name", port: String = "nginx", minor: String = "20",
                                      apiLabels: Bool = false) -> String
    {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: subchart
          labels:
            helm.sh/chart: "subchart-0.1.0"
            app.kubernetes.io/instance: "\(release)"
            kube-version/major: "1"
            kube-version/minor: "\(minor)"
            kube-version/version: "v1.\(minor).0"

        """ + (apiLabels ? "    kube-api-version/test: v1\n    kube-api-version/test2: v2\n" : "") + """
        spec:
          type: ClusterIP
          ports:
          - port: 80
            targetPort: 80
            protocol: TCP
            name: \(port)
          selector:
            app.kubernetes.io/name: subchart

        """
    }

    /// One printed document: `---`, the `# Source:` line, the rendered text as rendered.
    private static func doc(_ template: String, _ text: String) -> String { "---\n# Source: subchart/\(template)\n\(text)" }

    /// template.txt's layout: the manifests (the last one's trailing newline trimmed, as Helm
    /// trims `rel.Manifest`), then every hook printed `---\n# Source: PATH\nTEXT\n`.
    private static func full(release: String = "release-name", namespace: String = "default", port: String = "nginx",
                             minor: String = "20", apiLabels: Bool = false, tests: Bool = true, crds: String = "") -> String
    {
        var out = crds
        out += doc("templates/subdir/serviceaccount.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: subchart-sa\n") + "\n"
        out += doc("templates/subdir/role.yaml", role) + "\n"
        out += doc("templates/subdir/rolebinding.yaml", roleBinding(namespace)) + "\n"
        out += doc("charts/subcharta/templates/service.yaml", subService("subcharta", port: "apache")) + "\n"
        out += doc("charts/subchartb/templates/service.yaml", subService("subchartb", port: "nginx")) + "\n"
        out += doc("templates/service.yaml", parentService(release: release, port: port, minor: minor, apiLabels: apiLabels))
        if tests {
            out += doc("templates/tests/test-config.yaml", testConfig(release)) + "\n"
            out += doc("templates/tests/test-nothing.yaml", testNothing(release)) + "\n"
        }
        return out
    }

    // MARK: Running a case

    /// The flags of one `helm template` case, named as RenderCommand names them.
    private struct Flags {
        var set: [String] = []
        var valueFiles: [(path: String, text: String)] = []
        var releaseName = "release-name"
        var namespace = "default"
        var kubeVersion = "1.20.0"
        var apiVersions: [String] = []
        var includeCRDs = false
        var skipTests = false
        var showOnly: [String] = []
        var outputDir: String?
    }

    private func template(_ flags: Flags) throws -> String { try output(flags).stdout }

    private func output(_ flags: Flags) throws -> TemplateOutput {
        var options = RenderOptions()
        options.releaseName = flags.releaseName
        options.namespace = flags.namespace
        options.kubeVersion = flags.kubeVersion
        options.apiVersions = try StringSliceFlag.split(flags.apiVersions)
        options.values = ValueOptions(valueFiles: try flags.valueFiles.map { try ValuesFile(path: $0.path, text: $0.text) },
                                      values: flags.set)
        let result = try ChartRenderer.render(try fixture.load(), options: options)
        var output = TemplateOutput.Options()
        output.includeCRDs = flags.includeCRDs
        output.skipTests = flags.skipTests
        output.showOnly = flags.showOnly
        output.releaseName = flags.releaseName
        output.outputDir = flags.outputDir
        return try TemplateOutput.make(chart: result.chart, rendered: result.texts, options: output)
    }

    // MARK: The cases

    /// "check name" → template.txt.
    func testCheckName() throws {
        XCTAssertEqual(try template(Flags()), Self.full())
    }

    /// "check set name" (`--set service.name=apache`) → template-set.txt: only the parent's
    /// service port name changes; the subcharts keep their own values.
    func testCheckSetName() throws {
        XCTAssertEqual(try template(Flags(set: ["service.name=apache"])), Self.full(port: "apache"))
    }

    /// "check values files" (`--values charts/subchartA/values.yaml`) → template-values-files.txt:
    /// subcharta's values file names the parent's service `apache`.
    func testCheckValuesFiles() throws {
        let subchartValues = try String(contentsOfFile: fixture.path + "/charts/subcharta/values.yaml", encoding: .utf8)
        XCTAssertEqual(try template(Flags(valueFiles: [("charts/subcharta/values.yaml", subchartValues)])), Self.full(port: "apache"))
    }

    /// "check name template" → template-name-template.txt. Shipshape has no `--name-template`;
    /// the name Helm's template `foobar-{{ b64enc "abc" | lower }}-baz` yields is given as
    /// `--release-name`, and the output is the golden's.
    func testCheckNameTemplate() throws {
        XCTAssertEqual(try template(Flags(releaseName: "foobar-ywjj-baz")), Self.full(release: "foobar-ywjj-baz"))
    }

    /// "check kube version" (`--kube-version 1.16.0`) → template-with-kube-version.txt.
    func testCheckKubeVersion() throws {
        XCTAssertEqual(try template(Flags(kubeVersion: "1.16.0")), Self.full(minor: "16"))
    }

    /// Both "check kube api versions" cases → template-with-api-version.txt: one comma-separated
    /// `--api-versions`, and the flag repeated.
    func testCheckKubeAPIVersions() throws {
        XCTAssertEqual(try template(Flags(apiVersions: ["helm.k8s.io/test,helm.k8s.io/test2"])), Self.full(apiLabels: true))
        XCTAssertEqual(try template(Flags(apiVersions: ["helm.k8s.io/test", "helm.k8s.io/test2"])), Self.full(apiLabels: true))
    }

    /// "template with CRDs" (`--include-crds`) → template-with-crds.txt: the CRD first,
    /// printed as read. Reduced: the testdata's crdA spec is left out.
    func testTemplateWithCRDs() throws {
        let crd = Self.doc("crds/crdA.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: testcrds.testcrdgroups.example.com\n") + "\n"
        XCTAssertEqual(try template(Flags(includeCRDs: true)), Self.full(crds: crd))
    }

    /// "template skip-tests" → template-skip-tests.txt: the `test` hooks are left out.
    func testSkipTests() throws {
        XCTAssertEqual(try template(Flags(skipTests: true)), Self.full(tests: false))
    }

    /// "template with show-only one" → template-show-only-one.txt. The stored copy of that
    /// golden ends with a blank line; Helm 4.2's code (and template-show-only-multiple.txt, for
    /// the same document) prints none, because the test hooks follow the service and the
    /// separator takes its newline. docs/render.md records the difference.
    func testShowOnlyOne() throws {
        XCTAssertEqual(try template(Flags(showOnly: ["templates/service.yaml"])),
                       Self.doc("templates/service.yaml", Self.parentService()))
    }

    /// "template with show-only multiple" → template-show-only-multiple.txt: in the order the
    /// flags name them, a subchart's template too. Re-split documents lose their trailing
    /// whitespace to the next separator, so no blank line follows either.
    func testShowOnlyMultiple() throws {
        XCTAssertEqual(try template(Flags(showOnly: ["templates/service.yaml", "charts/subcharta/templates/service.yaml"])),
                       Self.doc("templates/service.yaml", Self.parentService())
                           + Self.doc("charts/subcharta/templates/service.yaml", Self.subService("subcharta", port: "apache")))
    }

    /// "template with show-only glob" (`templates/subdir/role*`, repeated as Helm repeats it to
    /// catch ordering regressions) → template-show-only-glob.txt.
    func testShowOnlyGlob() throws {
        for _ in 0..<3 {
            XCTAssertEqual(try template(Flags(showOnly: ["templates/subdir/role*"])),
                           Self.doc("templates/subdir/role.yaml", Self.role)
                               + Self.doc("templates/subdir/rolebinding.yaml", Self.roleBinding("default")))
        }
    }

    /// A `--show-only` naming no template fails with template.go's wording.
    func testShowOnlyMissingTemplate() throws {
        XCTAssertThrowsError(try template(Flags(showOnly: ["templates/service.yaml", "templates/missing.yaml"]))) { error in
            XCTAssertEqual((error as? ChartError)?.message, "could not find template templates/missing.yaml in chart")
        }
    }

    /// `--namespace` (not a golden case of its own): `.Release.Namespace` in the RoleBinding.
    func testNamespace() throws {
        XCTAssertEqual(try template(Flags(namespace: "shop")), Self.full(namespace: "shop"))
    }

    /// Release names as `helm template NAME` validates them (action.ValidateReleaseName).
    func testInvalidReleaseNameIsRefused() throws {
        XCTAssertThrowsError(try template(Flags(releaseName: "Foo_Bar"))) { error in
            XCTAssertEqual((error as? ChartError)?.message,
                           #"release name "Foo_Bar": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53"#)
        }
    }

    /// A one-file chart of Helm's error cases, loaded from disk as `shipshape render` loads it.
    private func chart(_ chartYAML: String, _ templates: [String: String] = [:]) throws -> Chart {
        var files = ["Chart.yaml": chartYAML]
        for (name, text) in templates { files["templates/" + name] = text }
        let f = try ChartFixture(files)
        defer { f.remove() }
        return try f.load()
    }

    /// "check library chart" (testdata/testcharts/lib-chart) → template-lib-chart.txt:
    /// `helm template` refuses a library chart before anything else (checkIfInstallable).
    func testLibraryChartIsNotInstallable() throws {
        let lib = try chart("apiVersion: v2\nname: lib-chart\nversion: 0.1.0\ntype: library\n",
                            ["_helpers.tpl": "{{- define \"lib.name\" }}lib{{ end }}\n"])
        XCTAssertThrowsError(try ChartRenderer.render(lib, options: RenderOptions())) { error in
            XCTAssertEqual((error as? ChartError)?.message, "library charts are not installable")
        }
    }

    /// "check chart bad type" (testdata/testcharts/chart-bad-type) → template-chart-bad-type.txt:
    /// the chart is refused when it is loaded.
    func testChartBadType() throws {
        XCTAssertThrowsError(try chart("apiVersion: v2\nname: chart-bad-type\nversion: 0.1.0\ntype: foobar\n")) { error in
            XCTAssertEqual((error as? ChartError)?.message, "validation: chart.metadata.type must be application or library")
        }
    }

    /// "sorted output of manifests (order of filenames, then order of objects within each YAML
    /// file)" (testdata/testcharts/object-order, repeated as Helm repeats it) → object-order.txt:
    /// manifests in install order (all NetworkPolicies before the Deployment), ties kept in file
    /// name order and then in document order (the 11th document of a file comes after the 10th,
    /// not after the 1st), hooks last. Reduced: the objects' specs are left out.
    func testObjectOrder() throws {
        let np = { (n: Int, name: String, hook: Bool) in
            "# \(n)\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
                + (hook ? "  annotations:\n    \"helm.sh/hook\": pre-install\n" : "") + "  name: \(name)\n"
        }
        let deployment = "# 4\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fourth\n"
        let names = [5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh",
                     12: "twelfth", 13: "thirteenth", 14: "fourteenth", 15: "fifteenth"]
        let a = [np(1, "first", false), np(2, "second", false), np(3, "third", false), deployment]
        let b = (5...15).map { np($0, names[$0]!, $0 == 6) }
        let c = try chart("apiVersion: v2\nname: object-order\nversion: 0.1.0\n",
                          ["01-a.yml": a.joined(separator: "---\n"), "02-b.yml": b.joined(separator: "---\n")])
        // A document followed by `---` in its file loses its final newline to the separator;
        // the last of a file keeps it (a blank line follows), except the very last manifest,
        // which Helm trims.
        func printed(_ file: String, _ text: String) -> String { "---\n# Source: object-order/templates/\(file)\n\(text)" }
        let trimmed = { (t: String) in String(t.dropLast()) + "\n" }
        var expected = a.prefix(3).map { printed("01-a.yml", trimmed($0)) }.joined()
        expected += b.enumerated().filter { $0.offset != 1 }.map { printed("02-b.yml", $0.offset == 10 ? $0.element + "\n" : $0.element) }.joined()
        expected += printed("01-a.yml", deployment) + printed("02-b.yml", b[1]) 
        for _ in 0..<3 {
            let result = try ChartRenderer.render(c, options: RenderOptions())
            XCTAssertEqual(try TemplateOutput.make(chart: result.chart, rendered: result.texts, options: TemplateOutput.Options()).stdout, expected)
        }
    }

    /// `--output-dir` (no golden in Helm's table; pkg/action/action.go renderResources and
    /// template.go writeToFile): each template's documents go to DIR/CHART/PATH as
    /// `---\n# Source: PATH\nTEXT\n`, manifests in install order and then hooks, each file
    /// announced on stdout as `wrote FILE`; the empty manifest buffer still prints its newline.
    func testOutputDir() throws {
        let out = try output(Flags(outputDir: "out"))
        let files = ["templates/subdir/serviceaccount.yaml", "templates/subdir/role.yaml", "templates/subdir/rolebinding.yaml",
                     "charts/subcharta/templates/service.yaml", "charts/subchartb/templates/service.yaml", "templates/service.yaml",
                     "templates/tests/test-config.yaml", "templates/tests/test-nothing.yaml"]
        XCTAssertEqual(out.files.map(\.path), files.map { "out/subchart/" + $0 })
        XCTAssertEqual(out.files.map(\.append), Array(repeating: false, count: files.count))
        XCTAssertEqual(out.files[1].content, Self.doc("templates/subdir/role.yaml", Self.role) + "\n")
        XCTAssertEqual(out.files[7].content, Self.doc("templates/tests/test-nothing.yaml", Self.testNothing("release-name")) + "\n")
        XCTAssertEqual(out.stdout, files.map { "wrote out/subchart/\($0)\n" }.joined() + "\n")
    }
}
