import Charts
import OrderedCollections
import XCTest
import YAML

/// Expected results follow helm/helm pkg/chart/common/util/coalesce.go (CoalesceValues,
/// coalesceGlobals, coalesceTablesFullKey) and pkg/chart/v2/util/dependencies.go.
final class ValuesCoalescerTests: XCTestCase {
    private func chart(_ name: String, _ values: Value, deps: [Chart] = []) -> Chart {
        var md = ChartMetadata()
        md.apiVersion = "v2"
        md.name = name
        md.version = "1.0.0"
        var c = Chart(metadata: md)
        c.values = values.object ?? [:]
        c.dependencies = deps
        return c
    }

    func testUserValuesWinMapsMergeListsReplace() throws {
        let c = chart("app", ["image": ["repo": "app", "tag": "1"], "ports": [.float(80), .float(443)], "n": .float(1)])
        var coalescer = ValuesCoalescer()
        let out = try coalescer.coalesce(c, ["image": ["tag": "2"], "ports": [.int(8080)]])
        XCTAssertEqual(Value.object(out), ["image": ["tag": "2", "repo": "app"], "ports": [.int(8080)], "n": .float(1)])
    }

    func testUserNullDeletesAChartDefault() throws {
        let c = chart("app", ["resources": ["limits": ["cpu": "1"]], "probe": ["path": "/", "port": .float(80)]])
        var coalescer = ValuesCoalescer()
        let out = try coalescer.coalesce(c, ["resources": .null, "probe": ["port": .null]])
        XCTAssertEqual(Value.object(out), ["probe": ["path": "/"]])
        // MergeValues keeps nulls.
        var merger = ValuesCoalescer()
        XCTAssertEqual(Value.object(try merger.merge(c, ["resources": .null]))["resources"], .null)
    }

    func testGlobalsFlowIntoSubchartsAndTheParentWins() throws {
        let sub = chart("backend", ["global": ["env": "dev", "region": "eu"], "replicas": .float(1), "unset": .null])
        let top = chart("shop", ["global": ["env": "prod", "db": ["host": "main"]], "backend": ["replicas": .float(2)]], deps: [sub])
        var coalescer = ValuesCoalescer()
        let out = try coalescer.coalesce(top, [:])
        XCTAssertEqual(out["backend"], ["replicas": .float(2),
                                        "global": ["env": "prod", "db": ["host": "main"], "region": "eu"]])
        XCTAssertEqual(out["global"], ["env": "prod", "db": ["host": "main"]])  // subchart globals do not flow up
    }

    func testTypeMismatchesAreSkippedWithHelmsWarnings() throws {
        let c = chart("app", ["a": "scalar", "b": ["x": .float(1)], "c": ["y": .float(1)]])
        var coalescer = ValuesCoalescer()
        let out = try coalescer.coalesce(c, ["a": ["k": "v"], "b": "flat"])
        XCTAssertEqual(out["a"], ["k": "v"])
        XCTAssertEqual(out["b"], "flat")
        XCTAssertEqual(coalescer.warnings, ["warning: skipped value for app.a: Not a table."])

        let (merged, warnings) = ValuesCoalescer.coalesceTables(["t": "text"], ["t": ["x": .float(1)]], merge: false)
        XCTAssertEqual(merged["t"], "text")
        XCTAssertEqual(warnings, ["warning: cannot overwrite table with non table for t (map[x:1])"])
    }

    func testASubchartSectionThatIsNotAMapIsAnError() throws {
        let top = chart("shop", [:], deps: [chart("backend", [:])])
        var coalescer = ValuesCoalescer()
        XCTAssertThrowsError(try coalescer.coalesce(top, ["backend": "off"])) { e in
            XCTAssertEqual((e as? ChartError)?.message, "type mismatch on backend: %!t(string=off)")
        }
    }

    func testDependenciesConditionsTagsAliasesAndImports() throws {
        let fixture = try ChartFixture(UmbrellaFiles.files)
        defer { fixture.remove() }
        let loaded = try fixture.load()

        var resolver = DependencyResolver()
        let all = try resolver.process(loaded, values: [:])
        XCTAssertEqual(all.dependencies.map(\.name), ["backend", "sessions", "pages"])
        // import-values: `data` imports exports.data at the top; child/parent nests conn.
        XCTAssertEqual(all.values["cachePort"], .float(6379))
        XCTAssertEqual(all.values["sessionConn"], ["url": "redis://cache"])
        XCTAssertEqual(all.metadata.dependencies[1].importValues,
                       [["child": "exports.data", "parent": "."], ["child": "conn", "parent": "sessionConn"]])

        var coalescer = ValuesCoalescer()
        let values = try coalescer.coalesce(all, [:])
        XCTAssertEqual(values["backend"]?["image"], ["tag": "1.0", "repo": "shop/backend"])
        XCTAssertEqual(values["pages"]?["global"]?["env"], "prod")
        XCTAssertNil(values["backend"]?.object?["resources"])  // subchart default nulls are cleaned

        // A condition that resolves to a bool wins; the first path that resolves decides.
        var r2 = DependencyResolver()
        let off = try r2.process(loaded, values: ["backend": ["enabled": false], "global": ["pages": false],
                                                  "tags": ["caching": false]])
        // `pages.enabled` resolves first, to the cache chart's own default (true), so
        // `global.pages: false` is never consulted.
        XCTAssertEqual(off.dependencies.map(\.name), ["pages"])
        var r3 = DependencyResolver()
        let pagesOff = try r3.process(loaded, values: ["pages": ["enabled": false], "tags": ["caching": true]])
        XCTAssertEqual(pagesOff.dependencies.map(\.name), ["backend", "sessions"])
        var r4 = DependencyResolver()
        _ = try r4.process(loaded, values: ["backend": ["enabled": "yes"]])
        XCTAssertEqual(r4.warnings, ["returned non-bool value path=backend.enabled chart=backend"])
    }
}
