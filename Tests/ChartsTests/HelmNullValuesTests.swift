import Charts
import OrderedCollections
import Templates
import XCTest
import YAML

/// Null values through subchart and global coalescing, as Helm has them: helm/helm
/// pkg/cmd/template_test.go "ensure nil/null values pass to subcharts delete values"
/// (testdata/testcharts/issue-9027, with and without the dependency declared in Chart.yaml),
/// and the rows of pkg/chart/common/util/coalesce_test.go not ported in HelmCoalesceTableTests
/// (which now has `TestMergeTables` too): `TestCoalesceValuesEmptyMapWithNils` (helm#31643), the
/// second halves of `TestCoalesceTables` and `TestMergeTables`, and `TestCoalesceValuesWarnings`.
///
/// The issue-9027 expectation is what Helm's coalesce.go (the version with helm#32530's
/// top-level null preservation) computes for that chart, traced by hand: the parent keeps its
/// own `global.hash` nulls, and in the subchart the parent's nulls delete the subchart's
/// defaults `key1`/`key2`. The golden file `output/issue-9027.txt` stored in the search index
/// shows the reverse (nulls kept in the subchart, dropped from the parent's global); it could
/// not be dated, and Helm 4.2.x's null handling is itself under repair (helm#32530, #32132,
/// #32093), so docs/render.md records the difference rather than copy either blindly.
final class HelmNullValuesTests: XCTestCase {
    private var fixtures: [ChartFixture] = []
    override func tearDown() { fixtures.forEach { $0.remove() } }

    /// testdata/testcharts/issue-9027: the parent nulls keys of its own `global.hash` and of
    /// the subchart's `hash`; both templates print `.Values | toYaml`.
    private func issue9027(declareDependency: Bool) -> [String: String] {
        [
            "Chart.yaml": "apiVersion: v2\nname: issue-9027\nversion: 0.1.0\n"
                + (declareDependency ? "dependencies:\n  - name: subchart\n    version: 0.1.0\n" : ""),
            "values.yaml": "global:\n  hash:\n    key1: null\n    key2: null\n    key3: 13\n\nsubchart:\n  hash:\n    key1: null\n    key2: null\n    key3: 13\n",
            "templates/values.yaml": "{{ .Values | toYaml }}\n",
            "charts/subchart/Chart.yaml": "apiVersion: v2\nname: subchart\nversion: 0.1.0\n",
            "charts/subchart/values.yaml": "global:\n  hash:\n    key1: 1\n    key2: 2\n    key3: 3\n    key4: 4\n    key5: 5\n    key6: 6\n\n\nhash:\n  key1: 1\n  key2: 2\n  key3: 3\n  key4: 4\n  key5: 5\n  key6: 6\n",
            "charts/subchart/templates/values.yaml": "{{ .Values | toYaml }}\n",
        ]
    }

    /// `helm template` of issue-9027 by Helm's coalesce.go (see the type's comment).
    static let expected = """
        ---
        # Source: issue-9027/charts/subchart/templates/values.yaml
        global:
          hash:
            key3: 13
            key4: 4
            key5: 5
            key6: 6
        hash:
          key3: 13
          key4: 4
          key5: 5
          key6: 6

        ---
        # Source: issue-9027/templates/values.yaml
        global:
          hash:
            key1: null
            key2: null
            key3: 13
        subchart:
          global:
            hash:
              key3: 13
              key4: 4
              key5: 5
              key6: 6
          hash:
            key3: 13
            key4: 4
            key5: 5
            key6: 6

        """

    private func template(_ files: [String: String], showOnly: [String] = []) throws -> String {
        let fixture = try ChartFixture(files)
        fixtures.append(fixture)
        var options = RenderOptions()
        options.functions = SprigCore.functions
        let result = try ChartRenderer.render(try fixture.load(), options: options)
        var out = TemplateOutput.Options()
        out.showOnly = showOnly
        return try TemplateOutput.make(chart: result.chart, rendered: result.texts, options: out).stdout
    }

    func testIssue9027ParentNullsDeleteTheSubchartsDefaults() throws {
        XCTAssertEqual(try template(issue9027(declareDependency: false)), Self.expected)
        XCTAssertEqual(try template(issue9027(declareDependency: true)), Self.expected,
                       "declared or not, the dependency gives the same output")
    }

    /// pkg/cmd/template.go prints each `--show-only` document as `---\n%s\n` after
    /// `SplitManifests`, which trims only leading white space: the document that ends the
    /// whole output keeps its final newline (a blank line follows it), the others do not.
    /// Documents come out per pattern, in the order the patterns are given.
    func testShowOnlyLayoutIsHelmsByteForByte() throws {
        let files = [
            "Chart.yaml": "apiVersion: v2\nname: shop\nversion: 0.1.0\n",
            "templates/a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
            "templates/b.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
            "charts/db/Chart.yaml": "apiVersion: v2\nname: db\nversion: 0.1.0\n",
            "charts/db/templates/svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n",
        ]
        // The whole output, for reference: ConfigMaps a and b, then the Service (install
        // order); each template's own final newline plus the `%s\n` of renderResources leave a
        // blank line before the next `---`, and the whole text is trimmed.
        XCTAssertEqual(try template(files), """
            ---
            # Source: shop/templates/a.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a

            ---
            # Source: shop/templates/b.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: b

            ---
            # Source: shop/charts/db/templates/svc.yaml
            apiVersion: v1
            kind: Service
            metadata:
              name: db

            """)
        XCTAssertEqual(try template(files, showOnly: ["templates/a.yaml"]),
                       "---\n# Source: shop/templates/a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n")
        XCTAssertEqual(try template(files, showOnly: ["charts/db/templates/svc.yaml"]),
                       "---\n# Source: shop/charts/db/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\n\n",
                       "the last document of the whole output keeps its newline: a blank line follows")
        XCTAssertEqual(try template(files, showOnly: ["charts/*/templates/*.yaml", "templates/*.yaml"]), """
            ---
            # Source: shop/charts/db/templates/svc.yaml
            apiVersion: v1
            kind: Service
            metadata:
              name: db

            ---
            # Source: shop/templates/a.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
            ---
            # Source: shop/templates/b.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: b

            """)
    }

    private func chart(_ name: String, _ values: OrderedDictionary<String, Value>, deps: [Chart] = []) -> Chart {
        var md = ChartMetadata()
        md.apiVersion = "v2"
        md.name = name
        md.version = "1.0.0"
        var c = Chart(metadata: md)
        c.values = values
        c.dependencies = deps
        return c
    }

    /// `TestCoalesceValuesEmptyMapWithNils` (helm#31643): a user null under a key the chart
    /// defaults to `{}` is kept as null, since it deletes nothing.
    func testUserNullUnderAnEmptyChartMapIsKept() throws {
        var coalescer = ValuesCoalescer()
        let v = try coalescer.coalesce(chart("test", ["data": .object([:])]), ["data": ["foo": "bar", "baz": nil]])
        XCTAssertEqual(v["data"]?["foo"], "bar")
        XCTAssertEqual(v["data"]?.object?.keys.contains("baz"), true, "data.baz is present")
        XCTAssertEqual(v["data"]?["baz"], .null)
    }

    /// `TestCoalesceTables` and `TestMergeTables`, second halves: with no source (Helm's
    /// `--reuse-values` with nothing new) the destination comes back whole, nulls included.
    func testCoalesceAndMergeTablesWithNoSourceKeepTheDestination() throws {
        let dst: OrderedDictionary<String, Value> = [
            "name": "Ishmael", "address": ["street": "123 Spouter Inn Ct.", "city": "Nantucket", "country": "US"],
            "details": ["friends": ["Tashtego"]], "boat": "pequod", "hole": "black", "nilval": nil,
        ]
        for merge in [false, true] {
            let (out, warnings) = ValuesCoalescer.coalesceTables(dst, [:], merge: merge)
            XCTAssertEqual(out, dst, "merge=\(merge)")
            XCTAssertEqual(warnings, [])
        }
    }

    /// `TestCoalesceValuesWarnings`: Helm's three warnings for tables against scalars, with
    /// the chart path in front.
    func testCoalesceValuesWarnings() throws {
        let level3 = chart("level3", ["name": "ahab", "boat": true, "spear": ["tip": true, "sail": ["cotton": true]]])
        let level2 = chart("level2", ["name": "pequod"], deps: [level3])
        let level1 = chart("level1", ["name": "moby"], deps: [level2])
        var coalescer = ValuesCoalescer()
        _ = try coalescer.coalesce(level1, ["level2": ["level3": [
            "boat": ["mast": true], "spear": ["tip": ["sharp": true], "sail": true],
        ]]])
        for expected in [
            "warning: skipped value for level1.level2.level3.boat: Not a table.",
            "warning: destination for level1.level2.level3.spear.tip is a table. Ignoring non-table value (true)",
            "warning: cannot overwrite table with non table for level1.level2.level3.spear.sail (map[cotton:true])",
        ] {
            XCTAssertTrue(coalescer.warnings.contains(expected), "\(expected) in \(coalescer.warnings)")
        }
    }
}
