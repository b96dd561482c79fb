import XCTest
import YAML
@testable import Templates

/// Sprig's dict functions as Sprig v3.3's own tests (dict_test.go) and mergo v1's `deepMerge`
/// define them: `merge`/`mergeOverwrite` change the first map in place, skip null source values
/// (mergeOverwrite copies them as null), fill empty destination values, and never merge lists;
/// `deepCopy` returns maps and lists that share nothing with the original; `set` on a nested
/// map changes it where every holder sees it.
final class SprigDictTests: XCTestCase {
    private func render(_ text: String, _ data: Value = [:]) throws -> String {
        let set = TemplateSet(functions: SprigCore.functions.merging(DataFunctions.functions) { $1 })
        set.missingKey = .zero
        try set.parse(name: "t", text: text)
        return try set.execute("t", data: TemplateValue(intsOf: data)).text.replacingOccurrences(of: "<no value>", with: "")
    }

    /// dict_test.go `TestMerge` / `TestMergeOverwrite` data.
    private let sprigMergeData: Value = [
        "src2": ["h": 10, "i": "i", "j": "j"],
        "src1": ["a": 1, "b": 2, "d": ["e": "four"], "g": [6, 7], "i": "aye", "j": "jay", "k": ["l": false]],
        "dst": ["a": "one", "c": 3, "d": ["f": 5], "g": [8, 9], "i": "eye", "k": ["l": true]],
    ]

    func testSprigMergeTable() throws {
        XCTAssertEqual(try render("{{ $_ := merge .dst .src1 .src2 }}{{ toJson .dst }}", sprigMergeData),
                       #"{"a":"one","b":2,"c":3,"d":{"e":"four","f":5},"g":[8,9],"h":10,"i":"eye","j":"jay","k":{"l":true}}"#)
    }

    func testSprigMergeOverwriteTable() throws {
        XCTAssertEqual(try render("{{ $_ := mergeOverwrite .dst .src1 .src2 }}{{ toJson .dst }}", sprigMergeData),
                       #"{"a":1,"b":2,"c":3,"d":{"e":"four","f":5},"g":[6,7],"h":10,"i":"i","j":"j","k":{"l":false}}"#)
    }

    func testNullSourceValuesAreSkippedByMergeAndCopiedByMergeOverwrite() throws {
        let data: Value = ["dst": ["a": "keep", "m": ["x": 1]], "src": ["a": nil, "m": nil, "n": nil]]
        XCTAssertEqual(try render("{{ toJson (merge .dst .src) }}", data), #"{"a":"keep","m":{"x":1}}"#)
        XCTAssertEqual(try render("{{ toJson (mergeOverwrite .dst .src) }}", data), #"{"a":null,"m":null,"n":null}"#)
    }

    func testEmptyDestinationValuesAreFilled() throws {
        // mergo's isEmptyValue: "", 0, false, nil, an empty map and an empty list are all empty.
        let data: Value = ["dst": ["s": "", "i": 0, "b": false, "n": nil, "m": [:] as Value, "l": [] as Value, "full": "x"],
                           "src": ["s": "S", "i": 7, "b": true, "n": "N", "m": ["k": 1], "l": [1], "full": "y"]]
        XCTAssertEqual(try render("{{ toJson (merge .dst .src) }}", data),
                       #"{"b":true,"full":"x","i":7,"l":[1],"m":{"k":1},"n":"N","s":"S"}"#)
    }

    func testListsAndMapsAgainstNonEmptyValues() throws {
        // A non-empty destination keeps its list against a list; a map only merges into a map,
        // and with mergeOverwrite a map or scalar replaces a scalar or map.
        let data: Value = ["dst": ["l": [1], "s": "x", "m": ["a": 1]], "src": ["l": [2, 3], "s": ["k": 1], "m": "str"]]
        XCTAssertEqual(try render("{{ toJson (merge .dst .src) }}", data), #"{"l":[1],"m":{"a":1},"s":"x"}"#)
        XCTAssertEqual(try render("{{ toJson (mergeOverwrite .dst .src) }}", data), #"{"l":[2,3],"m":"str","s":{"k":1}}"#)
    }

    func testMergeChangesTheFirstMapInPlace() throws {
        XCTAssertEqual(try render("{{ $d := dict \"a\" 1 }}{{ $_ := merge $d (dict \"b\" 2) }}{{ $d }}"), "map[a:1 b:2]")
        XCTAssertEqual(try render("{{ $d := dict \"a\" (dict \"x\" 1) }}{{ $_ := merge $d (dict \"a\" (dict \"y\" 2)) }}{{ $d }}"),
                       "map[a:map[x:1 y:2]]")
    }

    func testDeepCopySharesNothingWithTheOriginal() throws {
        let template = """
            {{- $orig := dict "m" (dict "k" "v") "l" (list (dict "x" 1)) -}}
            {{- $copy := deepCopy $orig -}}
            {{- $_ := set $copy.m "k" "changed" -}}
            {{- $_ := set (index $copy.l 0) "x" 2 -}}
            {{- $_ := set $copy "new" 1 -}}
            {{ $orig }} {{ $copy }}
            """
        XCTAssertEqual(try render(template), "map[l:[map[x:1]] m:map[k:v]] map[l:[map[x:2]] m:map[k:changed] new:1]")
        XCTAssertEqual(try render("{{ $c := mustDeepCopy .v }}{{ $_ := set $c.a \"b\" 9 }}{{ .v }} {{ $c }}", ["v": ["a": ["b": 1]]]),
                       "map[a:map[b:1]] map[a:map[b:9]]")
        XCTAssertEqual(try render("{{ deepCopy \"s\" }} {{ deepCopy 3 }} {{ deepCopy (list 1 2) }}"), "s 3 [1 2]")
    }

    func testSetOnNestedMapsChangesThemForEveryHolder() throws {
        // dict_test.go TestSet, then the same through a nested map.
        XCTAssertEqual(try render(#"{{- $d := dict "one" 1 "two" 222222 -}}{{- $_ := set $d "two" 2 -}}{{- $_ := set $d "three" 3 -}}{{ $d.one }}{{ $d.two }}{{ $d.three }}"#), "123")
        XCTAssertEqual(try render(#"{{ $_ := set .a.b "c" "new" }}{{ $_ := set .a "d" 1 }}{{ toJson . }}"#, ["a": ["b": ["c": "old"]]]),
                       #"{"a":{"b":{"c":"new"},"d":1}}"#)
    }
}
