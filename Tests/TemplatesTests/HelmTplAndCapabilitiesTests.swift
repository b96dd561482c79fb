import XCTest
import YAML
@testable import Templates

/// Helm 4's `tpl` (a clone of the running template set, the text parsed as "gotpl") and
/// `.Capabilities.APIVersions` (a `common.VersionSet`, i.e. a `[]string` with `Has`), with
/// rows ported from helm/helm pkg/engine/engine_test.go.
final class HelmTplAndCapabilitiesTests: XCTestCase {
    private func scope(_ values: Value, capabilities: Capabilities = Capabilities()) -> TemplateMap {
        TemplateMap([
            "Values": .map(TemplateMap(TemplateValue(values).mapEntries, typeName: "common.Values")),
            "Release": .map(TemplateMap(["Name": "TestRelease"])),
            "Capabilities": .object(capabilities),
        ], typeName: "common.Values")
    }

    private func render(_ files: [String: String], values: Value = [:], strict: Bool = false,
                        capabilities: Capabilities = Capabilities()) throws -> [String: String] {
        let engine = HelmEngine(functions: SprigCore.functions)
        engine.strict = strict
        let renderables = files.map {
            HelmEngine.Renderable(name: $0.key, text: $0.value, scope: scope(values, capabilities: capabilities), basePath: "c/templates")
        }
        return try engine.render(renderables).mapValues(\.text)
    }

    /// engine_test.go `TestRenderTplRedefines`: a `define` inside `tpl` text wins inside it and
    /// leaves the outer definition alone; the calling file's own defines are visible.
    func testTplRedefinesLikeHelm() throws {
        let files = [
            "TplRedefines/templates/_partials": #"{{define "partial"}}original-in-partial{{end}}"#,
            "TplRedefines/templates/partial": "before: {{include \"partial\" .}}\n{{tpl .Values.partialText .}}\nafter: {{include \"partial\" .}}",
            "TplRedefines/templates/manifest": #"{{define "manifest"}}original-in-manifest{{end}}"#
                + "before: {{include \"manifest\" .}}\n{{tpl .Values.manifestText .}}\nafter: {{include \"manifest\" .}}",
            "TplRedefines/templates/manifest-only": #"{{define "manifest-only"}}only-in-manifest{{end}}"#
                + "before: {{include \"manifest-only\" .}}\n{{tpl .Values.manifestOnlyText .}}\nafter: {{include \"manifest-only\" .}}",
            "TplRedefines/templates/nested": #"{{define "nested"}}original-in-manifest{{end}}{{define "nested-outer"}}original-outer-in-manifest{{end}}"#
                + "before: {{include \"nested\" .}} {{include \"nested-outer\" .}}\n{{tpl .Values.nestedText .}}\nafter: {{include \"nested\" .}} {{include \"nested-outer\" .}}",
        ]
        let values: Value = [
            "partialText": #"{{define "partial"}}redefined-in-tpl{{end}}tpl: {{include "partial" .}}"#,
            "manifestText": #"{{define "manifest"}}redefined-in-tpl{{end}}tpl: {{include "manifest" .}}"#,
            "manifestOnlyText": #"tpl: {{include "manifest-only" .}}"#,
            "nestedText": .string(#"{{define "nested"}}redefined-in-tpl{{end}}{{define "nested-outer"}}redefined-outer-in-tpl{{end}}"#
                + "before-inner-tpl: {{include \"nested\" .}} {{include \"nested-outer\" . }}\n{{tpl .Values.innerText .}}\nafter-inner-tpl: {{include \"nested\" .}} {{include \"nested-outer\" . }}"),
            "innerText": #"{{define "nested"}}redefined-in-inner-tpl{{end}}inner-tpl: {{include "nested" .}} {{include "nested-outer" . }}"#,
        ]
        let out = try render(files, values: values)
        XCTAssertEqual(out["TplRedefines/templates/partial"], "before: original-in-partial\ntpl: redefined-in-tpl\nafter: original-in-partial")
        XCTAssertEqual(out["TplRedefines/templates/manifest"], "before: original-in-manifest\ntpl: redefined-in-tpl\nafter: original-in-manifest")
        XCTAssertEqual(out["TplRedefines/templates/manifest-only"], "before: only-in-manifest\ntpl: only-in-manifest\nafter: only-in-manifest")
        XCTAssertEqual(out["TplRedefines/templates/nested"], """
            before: original-in-manifest original-outer-in-manifest
            before-inner-tpl: redefined-in-tpl redefined-outer-in-tpl
            inner-tpl: redefined-in-inner-tpl redefined-outer-in-tpl
            after-inner-tpl: redefined-in-tpl redefined-outer-in-tpl
            after: original-in-manifest original-outer-in-manifest
            """)
    }

    /// The case users hit: a chart defines a helper in the template that calls `tpl`, and the
    /// values text includes it.
    func testTplIncludesATemplateDefinedInTheCallingFile() throws {
        let files = ["c/templates/cm.yaml": #"{{- define "c.host" -}}{{ .Release.Name }}.svc{{- end -}}url: {{ tpl .Values.url . }}"#]
        XCTAssertEqual(try render(files, values: ["url": #"http://{{ include "c.host" . }}:80"#])["c/templates/cm.yaml"],
                       "url: http://TestRelease.svc:80")
    }

    /// engine_test.go `TestRenderTplMissingKey` / `TestRenderTplMissingKeyString`, and the
    /// error wording of a failing `tpl` (the text runs as "gotpl").
    func testTplMissingKeysAndErrors() throws {
        let files = ["c/templates/manifest": #"missingValue: {{tpl "{{.Values.noSuchKey}}" .}}"#]
        XCTAssertEqual(try render(files)["c/templates/manifest"], "missingValue: ")
        XCTAssertThrowsError(try render(files, strict: true)) { XCTAssertTrue("\($0)".contains("noSuchKey"), "\($0)") }
        XCTAssertThrowsError(try render(["c/templates/t": #"{{ tpl "{{ include \"nope\" . }}" . }}"#])) { error in
            XCTAssertEqual("\(error)", #"template: c/templates/t:1:3: executing "c/templates/t" at <tpl "{{ include \"nope\" . }}" .>: error calling tpl: error during tpl function execution for "{{ include \"nope\" . }}": template: gotpl:1:3: executing "gotpl" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl""#)
        }
        XCTAssertThrowsError(try render(["c/templates/t": #"{{ tpl "{{ .x " . }}"#])) { error in
            XCTAssertTrue("\(error)".contains(#"error calling tpl: cannot parse template "{{ .x ": template: gotpl:1: "#), "\(error)")
        }
        XCTAssertEqual(try render(["c/templates/t": #"[{{ tpl "" . }}]"#])["c/templates/t"], "[]")
    }

    /// `.Capabilities.APIVersions` is a `[]string` to every function, with `Has` on top.
    func testAPIVersionsIsAPlainListOfStrings() throws {
        let caps = Capabilities(extraAPIVersions: ["example.com/v1", "networking.k8s.io/v1/IngressClass"])
        let n = KnownAPIVersions.all.count
        let cases: [(String, String)] = [
            (#"{{ has "apps/v1" .Capabilities.APIVersions }} {{ has "x/v9" .Capabilities.APIVersions }}"#, "true false"),
            ("{{ len .Capabilities.APIVersions }}", "\(n + 2)"),
            ("{{ first .Capabilities.APIVersions }} {{ last .Capabilities.APIVersions }}",
             "\(KnownAPIVersions.all[0]) networking.k8s.io/v1/IngressClass"),
            ("{{ kindOf .Capabilities.APIVersions }} {{ typeOf .Capabilities.APIVersions }} {{ printf \"%T\" .Capabilities.APIVersions }}",
             "slice common.VersionSet common.VersionSet"),
            (#"{{ .Capabilities.APIVersions.Has "example.com/v1" }} {{ .Capabilities.APIVersions.Has "example.com" }}"#, "true false"),
            (#"{{ range .Capabilities.APIVersions }}{{ if hasPrefix "example" . }}{{ . }};{{ end }}{{ end }}"#, "example.com/v1;"),
            (#"{{ slice .Capabilities.APIVersions 0 2 | join "," }}"#, KnownAPIVersions.all[0..<2].joined(separator: ",")),
            (#"{{ .Capabilities.APIVersions | toJson | fromJsonArray | len }}"#, "\(n + 2)"),
            (#"{{ index .Capabilities.APIVersions 0 }}"#, KnownAPIVersions.all[0]),
        ]
        for (template, expected) in cases {
            XCTAssertEqual(try render(["c/templates/t": template], capabilities: caps)["c/templates/t"], expected, template)
        }
        XCTAssertEqual(try render(["c/templates/t": #"{{ .Capabilities.APIVersions | toJson }}"#], capabilities: caps)["c/templates/t"],
                       "[" + (KnownAPIVersions.all + ["example.com/v1", "networking.k8s.io/v1/IngressClass"]).map { "\"\($0)\"" }.joined(separator: ",") + "]")
        XCTAssertThrowsError(try render(["c/templates/t": "{{ .Capabilities.APIVersions.Nope }}"])) { error in
            XCTAssertTrue("\(error)".hasSuffix("can't evaluate field Nope in type common.VersionSet"), "\(error)")
        }
    }

    /// Helm's default set has group/version strings only: a kind-level query is false.
    func testDefaultAPIVersionsHoldOnlyGroupVersions() throws {
        let out = try render(["c/templates/t": """
            {{ .Capabilities.APIVersions.Has "networking.k8s.io/v1" }} {{ .Capabilities.APIVersions.Has "networking.k8s.io/v1/IngressClass" }} \
            {{ .Capabilities.APIVersions.Has "v1" }} {{ .Capabilities.APIVersions.Has "policy/v1beta1" }} {{ .Capabilities.APIVersions.Has "apiextensions.k8s.io/v1" }} \
            {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" }}
            """])["c/templates/t"]
        XCTAssertEqual(out, "true false true true true false")
        XCTAssertTrue(KnownAPIVersions.all.allSatisfy { $0.split(separator: "/").count <= 2 })
        XCTAssertEqual(Set(KnownAPIVersions.all).count, KnownAPIVersions.all.count, "no duplicates")
    }
}
