import Charts
import XCTest

/// Expected output follows helm/helm pkg/release/v1/util/manifest.go (SplitManifests),
/// kind_sorter.go (InstallOrder), manifest_sorter.go (SortManifests), pkg/action/action.go
/// (renderResources) and pkg/cmd/template.go (hooks, --show-only, --output-dir).
final class ManifestOutputTests: XCTestCase {
    func testSplitFollowsHelmsSeparatorRegexp() {
        // `---\s*` swallows the newlines after a separator, so a second `---` right after it
        // no longer follows a newline and is content; `  ---` is not at a line start either.
        XCTAssertEqual(ManifestSplitter.split("\n\n---\na: 1\n---\n\n---   \nb: 2\n  ---\nc: 3\n---d: 4"),
                       ["a: 1", "---   \nb: 2\n  ---\nc: 3", "d: 4"])
        XCTAssertEqual(ManifestSplitter.split("a: '---'\nb: x---y\n"), ["a: '---'\nb: x---y\n"])
        XCTAssertEqual(ManifestSplitter.split("# only a comment\n---\nkind: A\n"), ["# only a comment", "kind: A\n"])
        XCTAssertEqual(ManifestSplitter.split("  \n\t"), [])
    }

    func testInstallOrderPutsUnknownKindsLastAlphabeticallyAndIsStable() {
        let kinds = ["Zebra", "Deployment", "Alpha", "Namespace", "Service", "Deployment", "ConfigMap"]
        let sorted = InstallOrder.sorted(Array(kinds.enumerated()), kind: \.element)
        XCTAssertEqual(sorted.map(\.element), ["Namespace", "ConfigMap", "Service", "Deployment", "Deployment", "Alpha", "Zebra"])
        XCTAssertEqual(sorted.filter { $0.element == "Deployment" }.map(\.offset), [1, 5])
    }

    private let rendered: [String: String] = [
        "shop/templates/deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n",
        "shop/templates/config.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n",
        "shop/templates/hooks.yaml": "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-install,pre-upgrade\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: smoke\n  annotations:\n    \"helm.sh/hook\": test\n---\nkind: Pod\nmetadata:\n  name: odd\n  annotations:\n    helm.sh/hook: sometime\n",
        "shop/templates/empty.yaml": "\n  \n",
        "shop/templates/_helpers.tpl": "kind: Secret",
        "shop/templates/NOTES.txt": "Thanks",
        "shop/charts/db/templates/sts.yaml": "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n",
    ]

    private var chart: Chart {
        var md = ChartMetadata()
        md.name = "shop"
        var c = Chart(metadata: md)
        c.files = [ChartFile(name: "crds/w.yaml", data: Array("kind: CustomResourceDefinition".utf8))]
        return c
    }

    func testTemplateOutputSortsManifestsThenPrintsHooks() throws {
        var options = TemplateOutput.Options()
        options.includeCRDs = true
        let out = try TemplateOutput.make(chart: chart, rendered: rendered, options: options)
        XCTAssertEqual(out.stdout, """
            ---
            # Source: shop/crds/w.yaml
            kind: CustomResourceDefinition
            ---
            # Source: shop/templates/config.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cfg

            ---
            # Source: shop/templates/deploy.yaml
            apiVersion: v1
            kind: Service
            metadata:
              name: web

            ---
            # Source: shop/templates/deploy.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            ---
            # Source: shop/charts/db/templates/sts.yaml
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            ---
            # Source: shop/templates/hooks.yaml
            apiVersion: v1
            kind: Pod
            metadata:
              name: smoke
              annotations:
                "helm.sh/hook": test
            ---
            # Source: shop/templates/hooks.yaml
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              annotations:
                helm.sh/hook: pre-install,pre-upgrade

            """)
        XCTAssertEqual(out.files, [])
    }

    /// The documents are re-split from the printed text, so the last one keeps its trailing
    /// newline (template.go prints each as `---\n%s\n`).
    func testSkipTestsAndShowOnly() throws {
        var options = TemplateOutput.Options()
        options.skipTests = true
        options.showOnly = ["templates/hooks.yaml", "charts/db/templates/*.yaml"]
        let out = try TemplateOutput.make(chart: chart, rendered: rendered, options: options)
        XCTAssertEqual(out.stdout, """
            ---
            # Source: shop/templates/hooks.yaml
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
              annotations:
                helm.sh/hook: pre-install,pre-upgrade

            ---
            # Source: shop/charts/db/templates/sts.yaml
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db

            """)
        options.showOnly = ["templates/missing.yaml"]
        XCTAssertThrowsError(try TemplateOutput.make(chart: chart, rendered: rendered, options: options)) { e in
            XCTAssertEqual((e as? ChartError)?.message, "could not find template templates/missing.yaml in chart")
        }
    }

    func testOutputDirAppendsDocumentsPerTemplateFile() throws {
        var options = TemplateOutput.Options()
        options.outputDir = "out"
        let out = try TemplateOutput.make(chart: chart, rendered: rendered, options: options)
        XCTAssertEqual(out.files.map { "\($0.path) append=\($0.append)" }, [
            "out/shop/templates/config.yaml append=false",
            "out/shop/templates/deploy.yaml append=false",
            "out/shop/templates/deploy.yaml append=true",
            "out/shop/charts/db/templates/sts.yaml append=false",
            "out/shop/templates/hooks.yaml append=false",
            "out/shop/templates/hooks.yaml append=true",
        ])
        XCTAssertEqual(out.files[1].content, "---\n# Source: shop/templates/deploy.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n\n")
        XCTAssertTrue(out.stdout.hasPrefix("wrote out/shop/templates/config.yaml\n"))
        XCTAssertTrue(out.stdout.hasSuffix("wrote out/shop/templates/hooks.yaml\n\n"))
    }

    func testUnparsableDocumentNamesTheTemplate() {
        XCTAssertThrowsError(try ManifestSorter.sort(["shop/templates/bad.yaml": "kind: [unclosed\n"])) { e in
            XCTAssertTrue((e as? ChartError)?.message.hasPrefix("YAML parse error on shop/templates/bad.yaml: ") ?? false)
        }
    }
}
