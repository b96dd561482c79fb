import Charts
import XCTest

/// What `helm template` checks and how it reads its flags before rendering: pflag's
/// string-slice CSV for `-a/--api-versions`, `CheckDependencies`, `ValidateReleaseName`, and
/// manifests with a repeated key passing through as rendered.
final class HelmCommandChecksTests: XCTestCase {
    func testAPIVersionsFlagSplitsOnCommasAsPflagDoes() throws {
        XCTAssertEqual(try StringSliceFlag.split(["networking.k8s.io/v1,cert-manager.io/v1", "x/v1"]),
                       ["networking.k8s.io/v1", "cert-manager.io/v1", "x/v1"])
        XCTAssertEqual(try StringSliceFlag.split([""]), [])
        XCTAssertEqual(try StringSliceFlag.split(["a,,b"]), ["a", "", "b"])
        XCTAssertEqual(try StringSliceFlag.split([#""a,b",c"#, #""say ""hi""""#]), ["a,b", "c", #"say "hi""#])
        XCTAssertThrowsError(try StringSliceFlag.split([#"a"b"#])) { error in
            XCTAssertEqual("\(error)", #"invalid argument "a\"b" for "-a, --api-versions" flag: parse error on line 1, column 2: bare " in non-quoted-field"#)
        }
    }

    private func chart(_ files: [String: String]) throws -> Chart {
        let fixture = try ChartFixture(files)
        defer { fixture.remove() }
        return try fixture.load()
    }

    func testADeclaredDependencyMissingFromChartsIsRefusedInHelmsWords() throws {
        let c = try chart([
            "Chart.yaml": """
                apiVersion: v2
                name: shop
                version: 1.0.0
                dependencies:
                  - {name: db, version: 0.1.0, condition: db.enabled}
                  - {name: cache, version: 0.1.0}
                  - {name: web, version: 0.1.0, alias: frontend}
                """,
            "values.yaml": "db: {enabled: false}\n",
            "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
            "templates/t.yaml": "a: 1\n",
        ])
        // Helm checks every listed dependency, enabled or not, by chart name (an alias is not
        // a chart name).
        XCTAssertThrowsError(try ChartRenderer.render(c, options: RenderOptions())) { error in
            XCTAssertEqual((error as? ChartError)?.message,
                           "an error occurred while checking for chart dependencies. You may need to run 'helm dependency build' to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: db, cache")
        }
    }

    func testReleaseNamesAreValidatedAsHelmValidatesThem() throws {
        let c = try chart(["Chart.yaml": "apiVersion: v2\nname: t\nversion: 0.1.0\n", "templates/t.yaml": "n: {{ .Release.Name }}\n"])
        for good in ["chatbot", "a", "my-app.v2", String(repeating: "a", count: 53)] {
            var options = RenderOptions()
            options.releaseName = good
            XCTAssertEqual(try ChartRenderer.render(c, options: options).texts["t/templates/t.yaml"], "n: \(good)\n")
        }
        let pattern = #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#
        for bad in ["Chatbot", "my_app", "-app", "app-", "a..b", String(repeating: "a", count: 54), "app\n"] {
            var options = RenderOptions()
            options.releaseName = bad
            XCTAssertThrowsError(try ChartRenderer.render(c, options: options), bad) { error in
                XCTAssertEqual((error as? ChartError)?.message,
                               "release name \(GoQuoteForTests.quote(bad)): invalid release name, must match regex \(pattern) and the length must not be longer than 53")
            }
        }
        var empty = RenderOptions()
        empty.releaseName = ""
        XCTAssertThrowsError(try ChartRenderer.render(c, options: empty)) { error in
            XCTAssertEqual((error as? ChartError)?.message, #"release name "": no name provided"#)
        }
    }

    /// Helm reads a manifest's head with go-yaml v2, which takes the later of two equal keys,
    /// and prints the document as rendered.
    func testDuplicateKeysInRenderedManifestsArePrintedAsRendered() throws {
        let c = try chart(["Chart.yaml": "apiVersion: v2\nname: t\nversion: 0.1.0\n",
                           "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\ndata:\n  k: 1\n  k: 2\n"])
        let result = try ChartRenderer.render(c, options: RenderOptions())
        let output = try TemplateOutput.make(chart: result.chart, rendered: result.texts, options: TemplateOutput.Options())
        XCTAssertEqual(output.stdout, "---\n# Source: t/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\ndata:\n  k: 1\n  k: 2\n")
        let (_, manifests) = try ManifestSorter.sort(result.texts)
        XCTAssertEqual(manifests.map(\.kind), ["ConfigMap"])
    }
}

/// Go's `%q` for the ASCII names above (a newline as `\n`).
enum GoQuoteForTests {
    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
