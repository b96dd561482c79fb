import Charts
import XCTest
import YAML

/// Expected behaviour follows helm/helm pkg/chart/v2/loader (directory.go, load.go),
/// pkg/ignore/rules.go and pkg/chart/v2/metadata.go.
final class ChartLoaderTests: XCTestCase {
    func testLoadsTemplatesFilesAndSubchartsHonouringHelmignore() throws {
        let fixture = try ChartFixture(UmbrellaFiles.files)
        defer { fixture.remove() }
        let chart = try fixture.load()
        XCTAssertEqual(chart.name, "shop")
        XCTAssertEqual(chart.templates.map(\.name), ["templates/NOTES.txt", "templates/_helpers.tpl"])
        XCTAssertEqual(chart.files.map(\.name), [".helmignore", "README.md", "crds/widget.yaml"])
        XCTAssertEqual(chart.dependencies.map(\.name), ["backend", "cache"])  // _skipped is not a chart
        XCTAssertEqual(chart.dependencies[0].source, fixture.path + "/charts/backend")
        XCTAssertEqual(chart.metadata.dependencies.map(\.alias), ["", "sessions", "pages"])
        XCTAssertEqual(chart.crdObjects().map(\.name), ["shop/crds/widget.yaml", "shop/charts/cache/crds/cache.yaml"])
    }

    func testValuesKeepTheirSourceMarks() throws {
        let fixture = try ChartFixture(UmbrellaFiles.files)
        defer { fixture.remove() }
        let chart = try fixture.load()
        XCTAssertEqual(chart.values["backend"]?["replicaCount"], .float(2))  // Helm reads values numbers as float64
        let mark = try XCTUnwrap(chart.valuesFile?.location(of: ["backend", "replicaCount"]))
        XCTAssertEqual("\(mark)", "6:17")
        XCTAssertEqual(chart.valuesFile?.path, fixture.path + "/values.yaml")
    }

    func testMultiDocumentValuesMerge() throws {
        let file = try ValuesFile(path: "v.yaml", text: "a: {b: 1, c: 2}\n---\na: {c: 3}\nlist: [1]\n")
        XCTAssertEqual(Value.object(file.values), ["a": ["b": .float(1), "c": .float(3)], "list": [.float(1)]])
        XCTAssertEqual(file.location(of: ["a", "c"]).map { "\($0)" }, "3:8")
    }

    func testMetadataErrorsNameTheFile() throws {
        func loadError(_ chartYAML: String) throws -> String {
            let fixture = try ChartFixture(["Chart.yaml": chartYAML])
            defer { fixture.remove() }
            XCTAssertThrowsError(try fixture.load()) { _ in }
            do { _ = try fixture.load() } catch { return "\(error)".replacingOccurrences(of: fixture.path, with: "CHART") }
            return ""
        }
        XCTAssertEqual(try loadError("apiVersion: v2\nversion: 1.0.0\n"),
                       "CHART/Chart.yaml: validation: chart.metadata.name is required")
        XCTAssertEqual(try loadError("apiVersion: v2\nname: x\nversion: one\n"),
                       #"CHART/Chart.yaml: validation: chart.metadata.version "one" is invalid"#)
        XCTAssertEqual(try loadError("apiVersion: v2\nname: x\nversion: 1.0.0\ntype: app\n"),
                       "CHART/Chart.yaml: validation: chart.metadata.type must be application or library")
        XCTAssertEqual(try loadError("apiVersion: v2\nname: x\nversion: 1.0\n"),
                       "CHART/Chart.yaml:3:10: cannot load Chart.yaml: json: cannot unmarshal number into Go struct field Metadata.version of type string")
        XCTAssertEqual(try loadError("apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies:\n- name: a\n- name: a\n"),
                       #"CHART/Chart.yaml: validation: more than one dependency with name or alias "a". Try using distinct aliases for dependencies with the same chart name."#)
        XCTAssertEqual(try loadError("apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies:\n- name: a\n  alias: a.b\n"),
                       #"CHART/Chart.yaml: validation: dependency "a" has disallowed characters in the alias"#)
    }

    func testMissingChartYAMLSaysWhatToDo() throws {
        let fixture = try ChartFixture(["values.yaml": "a: 1\n"])
        defer { fixture.remove() }
        XCTAssertThrowsError(try fixture.load()) { error in
            XCTAssertEqual((error as? ChartError)?.message, "Chart.yaml file is missing")
            XCTAssertNotNil((error as? ChartError)?.hint)
        }
    }

    func testSubchartErrorsSayWhichSubchart() throws {
        let fixture = try ChartFixture(["Chart.yaml": "apiVersion: v2\nname: top\nversion: 1.0.0\n",
                                        "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\n"])
        defer { fixture.remove() }
        XCTAssertThrowsError(try fixture.load()) { error in
            XCTAssertEqual((error as? ChartError)?.message,
                           "error unpacking subchart sub in top: validation: chart.metadata.version is required")
        }
    }

    func testHelmignoreRules() throws {
        var rules = try HelmIgnore(parsing: "*.md\n/docs/\nsecrets/*.yaml\n")
        rules.addDefaults()
        XCTAssertTrue(rules.ignores("templates/.swp", isDirectory: false))
        XCTAssertTrue(rules.ignores("sub/README.md", isDirectory: false))  // no slash: base name only
        XCTAssertTrue(rules.ignores("docs", isDirectory: true))
        XCTAssertFalse(rules.ignores("docs", isDirectory: false))  // trailing slash: directories only
        XCTAssertFalse(rules.ignores("a/docs", isDirectory: true))  // leading slash: the chart root only
        XCTAssertTrue(rules.ignores("secrets/a.yaml", isDirectory: false))
        XCTAssertFalse(rules.ignores("other/secrets/a.yaml", isDirectory: false))
        // rules.go: a negated rule that does not match ignores the path.
        let negated = try HelmIgnore(parsing: "!README.md\n")
        XCTAssertTrue(negated.ignores("values.txt", isDirectory: false))
        XCTAssertFalse(negated.ignores("README.md", isDirectory: false))
        XCTAssertThrowsError(try HelmIgnore(parsing: "a/**/b")) { e in
            XCTAssertEqual((e as? ChartError)?.message, "double-star (**) syntax is not supported")
        }
    }

    func testInMemorySourceLoadsLikeADirectory() throws {
        let source = InMemoryFileSource(texts: ["Chart.yaml": "apiVersion: v2\nname: mem\nversion: 0.1.0\n",
                                                "templates/a.yaml": "kind: ConfigMap"])
        let chart = try ChartLoader(source: source, displayPath: "mem").load()
        XCTAssertEqual(chart.templates.map(\.name), ["templates/a.yaml"])
    }

    func testSemverRanges() {
        XCTAssertTrue(SemverRange.isCompatible(range: "~0.1.0", version: "0.1.9"))
        XCTAssertFalse(SemverRange.isCompatible(range: "~0.1.0", version: "0.2.0"))
        XCTAssertTrue(SemverRange.isCompatible(range: "^1.2", version: "1.9.0"))
        XCTAssertTrue(SemverRange.isCompatible(range: ">= 1.20.0-0, < 1.30.0-0", version: "1.29.3"))
        XCTAssertFalse(SemverRange.isCompatible(range: ">=1.0.0", version: "1.2.0-beta.1"))
        XCTAssertTrue(SemverRange.isCompatible(range: "1.0 - 2.0", version: "1.5.0"))
        XCTAssertTrue(SemverRange.isCompatible(range: "0.2.x || 3", version: "3.1.0"))
        XCTAssertTrue(SemverRange.isCompatible(range: "", version: "9.9.9"))
        XCTAssertFalse(SemverRange.isCompatible(range: "1.0.0", version: "not-a-version"))
    }
}
