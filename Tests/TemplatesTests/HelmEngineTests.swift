import XCTest
import YAML
@testable import Templates

/// Helm's engine behaviour (pkg/engine/engine.go, funcs.go): late-bound functions, parse
/// order, `<no value>` removal and Helm's error wording.
final class HelmEngineTests: XCTestCase {
    private func scope(_ values: Value) -> TemplateMap {
        TemplateMap([
            "Values": .map(TemplateMap(TemplateValue(values).mapEntries, typeName: "common.Values")),
            "Release": .map(TemplateMap(["Name": "rel", "Namespace": "chatbot-dev", "Service": "Helm",
                                         "IsInstall": .bool(true), "IsUpgrade": .bool(false), "Revision": .goInt(1)])),
            "Capabilities": .object(Capabilities()),
        ], typeName: "common.Values")
    }

    private func render(_ files: [String: String], values: Value = [:], strict: Bool = false) throws -> [String: String] {
        let engine = HelmEngine()
        engine.strict = strict
        let renderables = files.map { HelmEngine.Renderable(name: $0.key, text: $0.value, scope: scope(values), basePath: "c/templates") }
        return try engine.render(renderables).mapValues(\.text)
    }

    private func renderOne(_ text: String, values: Value = [:]) throws -> String {
        try render(["c/templates/t.yaml": text], values: values)["c/templates/t.yaml"]!
    }

    func testMissingValuesPrintNothingAndNilPathsFailLikeHelm() throws {
        XCTAssertEqual(try renderOne("a: {{ .Values.missing }}|{{ .Values.nullish }}", values: ["nullish": nil]), "a: |")
        XCTAssertThrowsError(try renderOne("x\n  {{ .Values.x.y }}")) { error in
            XCTAssertEqual("\(error)", "template: c/templates/t.yaml:2:12: executing \"c/templates/t.yaml\" at <.Values.x.y>: nil pointer evaluating interface {}.y")
        }
    }

    func testValuesAreFloat64AsHelmReadsThem() throws {
        let values: Value = ["port": .float(80), "big": .float(1_000_000)]
        XCTAssertEqual(try renderOne("{{ .Values.port }} {{ .Values.big }} {{ printf \"%d\" .Values.port }}", values: values),
                       "80 1e+06 %!d(float64=80)")
    }

    func testIncludeAndParentDefinesWin() throws {
        let out = try render([
            "c/templates/_helpers.tpl": "{{ define \"name\" }}parent-{{ .x }}{{ end }}",
            "c/charts/sub/templates/_helpers.tpl": "{{ define \"name\" }}sub{{ end }}{{ define \"only\" }}only-sub{{ end }}",
            "c/templates/a.yaml": "{{ include \"name\" .Values }} {{ include \"only\" . }}",
        ], values: ["x": "v"])
        XCTAssertEqual(out["c/templates/a.yaml"], "parent-v only-sub")
        XCTAssertNil(out["c/templates/_helpers.tpl"], "partials are not rendered")
    }

    func testIncludeRecursionStopsWithHelmsMessage() throws {
        XCTAssertThrowsError(try renderOne("{{ define \"loop\" }}{{ include \"loop\" . }}{{ end }}{{ include \"loop\" . }}")) { error in
            XCTAssertTrue("\(error)".contains("rendering template has a nested reference name: loop: unable to execute template"), "\(error)")
        }
    }

    func testRequiredAndFailBecomeExecutionErrorsAtTheirPosition() throws {
        XCTAssertThrowsError(try renderOne("a: 1\nb: {{ required \"backend.image is required\" .Values.image }}")) { error in
            XCTAssertEqual("\(error)", "execution error at (c/templates/t.yaml:2:6): backend.image is required")
        }
        XCTAssertThrowsError(try renderOne("{{ fail \"no way\" }}")) { error in
            XCTAssertEqual("\(error)", "execution error at (c/templates/t.yaml:1:3): no way")
        }
        XCTAssertEqual(try renderOne("{{ required \"x\" .Values.v }}", values: ["v": "ok"]), "ok")
        XCTAssertThrowsError(try renderOne("{{ required \"empty\" .Values.v }}", values: ["v": ""]))
    }

    func testParseErrorsUseHelmsWording() throws {
        XCTAssertThrowsError(try renderOne("ok\n{{ nosuch 1 }}")) { error in
            XCTAssertEqual("\(error)", "parse error at (c/templates/t.yaml:2): function \"nosuch\" not defined")
        }
    }

    func testTplRendersWithTheCallersScope() throws {
        let values: Value = ["greeting": "hello {{ .Values.name }}", "name": "chatbot"]
        XCTAssertEqual(try renderOne("{{ tpl .Values.greeting . }}", values: values), "hello chatbot")
        XCTAssertThrowsError(try renderOne("{{ tpl \"{{ .x }}\" \"str\" }}"))
    }

    func testToYamlToJsonFromYaml() throws {
        let values: Value = ["res": ["limits": ["memory": "512Mi", "cpu": .float(0.5)], "requests": ["cpu": "100m"]],
                             "list": ["a", .float(1), true], "html": "<a&b>", "on": "on"]
        XCTAssertEqual(try renderOne("{{ toYaml .Values.res }}", values: values),
                       "limits:\n  cpu: 0.5\n  memory: 512Mi\nrequests:\n  cpu: 100m")
        XCTAssertEqual(try renderOne("{{ toYaml .Values.list }}", values: values), "- a\n- 1\n- true")
        XCTAssertEqual(try renderOne("{{ toJson .Values.html }} {{ toRawJson .Values.html }}", values: values),
                       "\"\\u003ca\\u0026b\\u003e\" \"<a&b>\"")
        XCTAssertEqual(try renderOne("{{ toYaml .Values.on }}", values: values), "\"on\"")
        XCTAssertEqual(try renderOne("{{ toYaml .Values.missing }}"), "null")
        XCTAssertEqual(try renderOne("{{ (fromYaml \"a: 1\\nb: [x]\").b }} {{ (fromYaml \"a: 1\").a | printf \"%T\" }}"), "[x] float64")
        XCTAssertEqual(try renderOne("{{ (fromJson \"{\\\"a\\\": 2}\").a }} {{ fromJsonArray \"[1,2]\" }}"), "2 [1 2]")
        XCTAssertEqual(try renderOne("{{ toYamlPretty .Values.res }}", values: ["res": ["a": ["x", "y"]]]), "a:\n  - x\n  - \"y\"")
        XCTAssertEqual(try renderOne("{{ toToml .Values }}", values: ["a": ["b": "c"], "n": .float(1)]), "n = 1.0\n\n[a]\n  b = \"c\"\n")
        XCTAssertEqual(try renderOne("{{ toToml .Values }}", values: ["a": ["b": ["c": .float(2)]]]), "[a]\n  [a.b]\n    c = 2.0\n")
    }

    func testCapabilitiesAndLookup() throws {
        XCTAssertEqual(try renderOne("{{ .Capabilities.KubeVersion }} {{ .Capabilities.APIVersions.Has \"autoscaling/v2\" }} {{ .Capabilities.APIVersions.Has \"x/v9\" }}"),
                       "\(Capabilities.defaultKubeVersion) true false")
        XCTAssertEqual(try renderOne("{{ lookup \"v1\" \"Secret\" \"ns\" \"name\" }}|{{ (lookup \"v1\" \"Secret\" \"ns\" \"name\").data }}"), "map[]|")
        XCTAssertEqual(try renderOne("{{ .Template.Name }} {{ .Template.BasePath }}"), "c/templates/t.yaml c/templates")
    }

    func testTemplateOrderIsDeepestFirstThenReverseLexical() {
        XCTAssertEqual(HelmEngine.sortTemplates(["c/templates/a.yaml", "c/charts/s/templates/b.yaml", "c/templates/b.yaml", "c/templates/_h.tpl"]),
                       ["c/charts/s/templates/b.yaml", "c/templates/b.yaml", "c/templates/a.yaml", "c/templates/_h.tpl"])
    }
}

extension TemplateValue {
    var mapEntries: [String: TemplateValue] {
        if case .map(let m) = plain { return m.entries }
        return [:]
    }
}
