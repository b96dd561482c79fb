import Charts
import OrderedCollections
import Templates
import XCTest
import YAML

/// helm/helm pkg/chart/common/util/coalesce_test.go `TestCoalesceValues` and `TestMergeValues`
/// (the moby → pequod → ahab, spouter charts), row for row: how user nulls delete chart
/// defaults, how globals flow down and which side wins, and that merging keeps nulls.
final class HelmCoalesceTableTests: XCTestCase {
    /// `testCoalesceValuesYaml`: YAML 1.2 nulls in every spelling.
    private let userYAML = """
        top: yup
        bottom: null
        right: Null
        left: NULL
        front: ~
        back: ""
        nested:
          boat: null

        global:
          name: Ishmael
          subject: Queequeg
          nested:
            boat: true

        pequod:
          boat: null
          global:
            name: Stinky
            harpooner: Tashtego
            nested:
              boat: false
              sail: true
              foo2: null
          ahab:
            scope: whale
            boat: null
            nested:
              foo: true
              boat: null
            object: null
        """

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

    /// The chart tree of the two tests; `coalesceCase` picks `TestCoalesceValues`' variant
    /// (defaults under pequod and ahab that the user's nulls delete) over `TestMergeValues`'.
    private func moby(coalesceCase: Bool) -> Chart {
        let ahab = chart("ahab", [
            "global": ["nested": coalesceCase ? ["foo": "bar", "foo2": "bar2"] : ["foo": "bar"], "nested2": ["l2": "ahab"]],
            "scope": "ahab", "name": "ahab", "boat": true,
            "nested": coalesceCase ? ["foo": false, "boat": true] : ["foo": false, "bar": true],
            "object": ["foo": "bar"],
        ])
        let pequodValues: Value = coalesceCase
            ? ["name": "pequod", "scope": "pequod", "global": ["nested2": ["l1": "pequod"]],
               "boat": false, "ahab": ["boat": false, "nested": ["boat": false]]]
            : ["name": "pequod", "scope": "pequod", "global": ["nested2": ["l1": "pequod"]]]
        let pequod = chart("pequod", pequodValues, deps: [ahab])
        let spouter = chart("spouter", ["scope": "spouter", "global": ["nested2": ["l1": "spouter"]]])
        var mobyValues: OrderedDictionary<String, Value> = [
            "back": "exists", "bottom": "exists", "front": "exists", "left": "exists", "name": "moby",
            "nested": ["boat": true], "override": "bad", "right": "exists", "scope": "moby", "top": "nope",
            "global": ["nested2": ["l0": "moby"]],
        ]
        if coalesceCase { mobyValues["pequod"] = ["boat": "maybe", "ahab": ["boat": "maybe", "nested": ["boat": "maybe"]]] }
        return chart("moby", .object(mobyValues), deps: [pequod, spouter])
    }

    private func expand(_ template: String, _ values: OrderedDictionary<String, Value>) throws -> String {
        let set = TemplateSet()
        try set.parse(name: "t", text: template)
        return try set.execute("t", data: TemplateValue(.object(values))).text
    }

    /// The rows both tests share.
    private let sharedRows: [(String, String)] = [
        ("{{.top}}", "yup"), ("{{.back}}", ""), ("{{.name}}", "moby"), ("{{.global.name}}", "Ishmael"),
        ("{{.global.subject}}", "Queequeg"), ("{{.global.harpooner}}", "<no value>"), ("{{.pequod.name}}", "pequod"),
        ("{{.pequod.ahab.name}}", "ahab"), ("{{.pequod.ahab.scope}}", "whale"), ("{{.pequod.ahab.nested.foo}}", "true"),
        ("{{.pequod.ahab.global.name}}", "Ishmael"), ("{{.pequod.ahab.global.nested.foo}}", "bar"),
        ("{{.pequod.ahab.global.subject}}", "Queequeg"), ("{{.pequod.ahab.global.harpooner}}", "Tashtego"),
        ("{{.pequod.global.name}}", "Ishmael"), ("{{.pequod.global.nested.foo}}", "<no value>"),
        ("{{.pequod.global.subject}}", "Queequeg"), ("{{.spouter.global.name}}", "Ishmael"),
        ("{{.spouter.global.harpooner}}", "<no value>"),
        ("{{.global.nested.boat}}", "true"), ("{{.pequod.global.nested.boat}}", "true"),
        ("{{.spouter.global.nested.boat}}", "true"), ("{{.pequod.global.nested.sail}}", "true"),
        ("{{.spouter.global.nested.sail}}", "<no value>"),
        ("{{.global.nested2.l0}}", "moby"), ("{{.global.nested2.l1}}", "<no value>"), ("{{.global.nested2.l2}}", "<no value>"),
        ("{{.pequod.global.nested2.l0}}", "moby"), ("{{.pequod.global.nested2.l1}}", "pequod"),
        ("{{.pequod.global.nested2.l2}}", "<no value>"), ("{{.pequod.ahab.global.nested2.l0}}", "moby"),
        ("{{.pequod.ahab.global.nested2.l1}}", "pequod"), ("{{.pequod.ahab.global.nested2.l2}}", "ahab"),
        ("{{.spouter.global.nested2.l0}}", "moby"), ("{{.spouter.global.nested2.l1}}", "spouter"),
        ("{{.spouter.global.nested2.l2}}", "<no value>"),
    ]

    func testCoalesceValuesTable() throws {
        let user = try ValueDecoder.decode(userYAML).object!
        var coalescer = ValuesCoalescer()
        let v = try coalescer.coalesce(moby(coalesceCase: true), user)
        for (template, expected) in sharedRows + [("{{.pequod.ahab.global.nested.foo2}}", "<no value>")] {
            XCTAssertEqual(try expand(template, v), expected, template)
        }
        for key in ["bottom", "right", "left", "front"] { XCTAssertNil(v[key], "\(key) is removed") }
        XCTAssertNil(v["nested"]?["boat"], "nested boat is removed")
        let pequod = try XCTUnwrap(v["pequod"]?.object)
        XCTAssertNil(pequod["boat"], "the subchart's boat is removed")
        let ahab = try XCTUnwrap(pequod["ahab"]?.object)
        XCTAssertNil(ahab["boat"], "the sub-subchart's boat is removed")
        XCTAssertNil(ahab["nested"]?["boat"], "the sub-subchart's nested boat is removed")
        XCTAssertNil(ahab["object"], "the sub-subchart's object map is removed")
    }

    func testMergeValuesKeepsNulls() throws {
        let user = try ValueDecoder.decode(userYAML).object!
        var coalescer = ValuesCoalescer()
        let v = try coalescer.merge(moby(coalesceCase: false), user)
        for (template, expected) in sharedRows {
            XCTAssertEqual(try expand(template, v), expected, template)
        }
        for key in ["bottom", "right", "left", "front"] { XCTAssertEqual(v[key], .null, "\(key) stays null") }
        XCTAssertNotNil(v["nested"]?["boat"], "nested boat stays")
        let ahab = try XCTUnwrap(v["pequod"]?["ahab"]?.object)
        XCTAssertNotNil(ahab["boat"], "the subchart's boat stays")
        XCTAssertNotNil(ahab["nested"]?["bar"], "the subchart's nested bar stays")
    }

    /// The tables of `TestCoalesceTables` and `TestMergeTables`.
    static let tablesDst: OrderedDictionary<String, Value> = [
        "name": "Ishmael", "address": ["street": "123 Spouter Inn Ct.", "city": "Nantucket", "country": nil],
        "details": ["friends": ["Tashtego"]], "boat": "pequod", "hole": nil,
    ]
    static let tablesSrc: OrderedDictionary<String, Value> = [
        "occupation": "whaler", "address": ["state": "MA", "street": "234 Spouter Inn Ct.", "country": "US"],
        "details": "empty", "boat": ["mast": true], "hole": "black",
    ]

    /// `TestCoalesceTables`: dst wins, nulls in dst delete the key, tables never replace scalars.
    func testCoalesceTablesTable() throws {
        let dst = Self.tablesDst, src = Self.tablesSrc
        let (out, _) = ValuesCoalescer.coalesceTables(dst, src, merge: false)
        XCTAssertEqual(out["name"], "Ishmael")
        XCTAssertEqual(out["occupation"], "whaler")
        XCTAssertEqual(out["address"]?["street"], "123 Spouter Inn Ct.")
        XCTAssertEqual(out["address"]?["city"], "Nantucket")
        XCTAssertEqual(out["address"]?["state"], "MA")
        XCTAssertNil(out["address"]?["country"], "the country is left out")
        XCTAssertNotNil(out["details"]?["friends"])
        XCTAssertEqual(out["boat"], "pequod")
        XCTAssertNil(out["hole"], "the hole is gone")
        let (merged, _) = ValuesCoalescer.coalesceTables(dst, src, merge: true)
        XCTAssertEqual(merged["address"]?["country"], .null, "merging keeps the null")
        XCTAssertEqual(merged["hole"], .null)
    }

    /// `TestMergeTables`, first half, every assertion: merging keeps the nulls coalescing drops.
    func testMergeTablesTable() throws {
        let (out, warnings) = ValuesCoalescer.coalesceTables(Self.tablesDst, Self.tablesSrc, merge: true)
        XCTAssertEqual(out["name"], "Ishmael")
        XCTAssertEqual(out["occupation"], "whaler")
        XCTAssertEqual(out["address"], ["street": "123 Spouter Inn Ct.", "city": "Nantucket", "country": nil, "state": "MA"])
        XCTAssertEqual(out["details"], ["friends": ["Tashtego"]])
        XCTAssertEqual(out["boat"], "pequod")
        XCTAssertEqual(out["hole"], .null, "the hole is still there, as null")
        XCTAssertEqual(Set(warnings), [
            "warning: destination for details is a table. Ignoring non-table value (empty)",
            "warning: cannot overwrite table with non table for boat (map[mast:true])",
        ])
    }
}
