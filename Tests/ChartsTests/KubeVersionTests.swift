import Charts
import Templates
import XCTest

/// `--kube-version` and `.Capabilities.KubeVersion` as Helm 4.2 has them: helm/helm
/// pkg/chart/common/capabilities.go `ParseKubeVersion` (Kubernetes' `version.ParseGeneric`,
/// the text kept whole as `Version`, the numbers alone as `String()`), pkg/cmd/template.go's
/// `invalid kube version '%s': %w`, and the default `v1.36.0` (client-go v0.36 → v1.36.0).
final class KubeVersionTests: XCTestCase {
    private var fixtures: [ChartFixture] = []
    override func tearDown() { fixtures.forEach { $0.remove() } }

    private static let probe = "{{ .Capabilities.KubeVersion.Version }}|{{ .Capabilities.KubeVersion.GitVersion }}|"
        + "{{ .Capabilities.KubeVersion }}|{{ .Capabilities.KubeVersion.String }}|"
        + "{{ .Capabilities.KubeVersion.Major }}|{{ .Capabilities.KubeVersion.Minor }}"

    private func render(kubeVersion: String?, chartKubeVersion: String = "") throws -> String {
        let fixture = try ChartFixture([
            "Chart.yaml": "apiVersion: v2\nname: t\nversion: 0.1.0\n"
                + (chartKubeVersion.isEmpty ? "" : "kubeVersion: \"\(chartKubeVersion)\"\n"),
            "templates/t.yaml": Self.probe,
        ])
        fixtures.append(fixture)
        var options = RenderOptions()
        options.kubeVersion = kubeVersion
        return try ChartRenderer.render(try fixture.load(), options: options).texts["t/templates/t.yaml"] ?? ""
    }

    func testDefaultIsWhatHelm42Reports() throws {
        XCTAssertEqual(try render(kubeVersion: nil), "v1.36.0|v1.36.0|v1.36.0|v1.36.0|1|36")
    }

    /// helm#31528: vendor suffixes stay in `Version`/`GitVersion`; `String()` drops them.
    func testVendorSuffixesAreKeptInVersion() throws {
        XCTAssertEqual(try render(kubeVersion: "v1.33.4-gke.1245000"), "v1.33.4-gke.1245000|v1.33.4-gke.1245000|v1.33.4|v1.33.4|1|33")
        XCTAssertEqual(try render(kubeVersion: "1.30.7+IKS"), "v1.30.7+IKS|v1.30.7+IKS|v1.30.7|v1.30.7|1|30")
        XCTAssertEqual(try render(kubeVersion: "v1.31.2-eks-4096722"), "v1.31.2-eks-4096722|v1.31.2-eks-4096722|v1.31.2|v1.31.2|1|31")
        XCTAssertEqual(try render(kubeVersion: "1.28+"), "v1.28+|v1.28+|v1.28|v1.28|1|28")
    }

    /// ParseGeneric keeps as many components as given and prints them as numbers.
    func testComponentsAreKeptAsGiven() throws {
        XCTAssertEqual(try render(kubeVersion: "1.30"), "v1.30|v1.30|v1.30|v1.30|1|30")
        XCTAssertEqual(try render(kubeVersion: "v1.30.2.1"), "v1.30.2.1|v1.30.2.1|v1.30.2.1|v1.30.2.1|1|30")
        XCTAssertEqual(try render(kubeVersion: "1.05.0"), "v1.05.0|v1.05.0|v1.5.0|v1.5.0|1|5", "only the first component may not have a leading zero")
    }

    /// The chart's `kubeVersion` constraint is checked against `String()`, so a vendor suffix
    /// is not read as a pre-release that `>=1.30.0` would refuse.
    func testChartConstraintUsesTheNumbers() throws {
        XCTAssertEqual(try render(kubeVersion: "v1.33.4-gke.1245000", chartKubeVersion: ">=1.30.0"),
                       "v1.33.4-gke.1245000|v1.33.4-gke.1245000|v1.33.4|v1.33.4|1|33")
        XCTAssertThrowsError(try render(kubeVersion: "1.29.3-gke.1", chartKubeVersion: ">=1.30.0-0")) { error in
            XCTAssertEqual("\(error)", "chart requires kubeVersion: >=1.30.0-0 which is incompatible with Kubernetes v1.29.3 (pass --kube-version with a version the chart supports)")
        }
        XCTAssertThrowsError(try render(kubeVersion: "1.29", chartKubeVersion: ">=1.30.0-0")) { error in
            XCTAssertEqual("\(error)", "chart requires kubeVersion: >=1.30.0-0 which is incompatible with Kubernetes v1.29 (pass --kube-version with a version the chart supports)")
        }
    }

    /// k8s.io/apimachinery/pkg/util/version errors, behind template.go's prefix.
    func testInvalidVersionsAreRefusedInHelmsWords() throws {
        let cases: [(String, String)] = [
            ("1", "invalid kube version '1': illegal version string \"1\""),
            ("latest", "invalid kube version 'latest': could not parse \"latest\" as version"),
            ("v", "invalid kube version 'v': could not parse \"v\" as version"),
            ("01.30", "invalid kube version '01.30': illegal zero-prefixed version component \"01\" in \"01.30\""),
            ("1.99999999999999999999", "invalid kube version '1.99999999999999999999': illegal non-numeric version component \"99999999999999999999\" in \"1.99999999999999999999\": strconv.ParseUint: parsing \"99999999999999999999\": value out of range"),
            ("1.30\nx", "invalid kube version '1.30\nx': could not parse \"1.30\\nx\" as version"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try render(kubeVersion: text), text) { error in
                XCTAssertEqual((error as? ChartError)?.message, message, text)
            }
        }
    }

    func testParsingDirectly() throws {
        let v = try KubeVersion(parsing: "  v1.33.4-gke.1245000")
        XCTAssertEqual(v.version, "v  v1.33.4-gke.1245000", "the text is kept as given, a v put in front when it does not start with one")
        XCTAssertEqual(v.normalized, "v1.33.4")
        XCTAssertNil(KubeVersion("1"))
        XCTAssertEqual(KubeVersion("1.2.x")?.normalized, "v1.2", "a non-numeric tail is ignored, as ParseGeneric ignores it")
    }
}
