import Charts
import OrderedCollections
import XCTest
import YAML

/// Expected results follow helm/helm pkg/strvals/parser.go and literal_parser.go (and the
/// cases of their parser_test.go).
final class StrvalsParserTests: XCTestCase {
    private func set(_ text: String, _ mode: StrvalsParser.Mode = .typed) throws -> Value {
        .object(try StrvalsParser.parse(text, mode: mode))
    }

    private func error(_ text: String, _ mode: StrvalsParser.Mode = .typed) -> String? {
        do {
            _ = try StrvalsParser.parse(text, mode: mode)
            return nil
        } catch let e as ChartError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    func testTypedValuesFollowTypedVal() throws {
        XCTAssertEqual(try set("a=1,b=true,c=FALSE,d=null,e=0,f=007,g=1.5,h=-3,i=+4,j=9223372036854775808"),
                       ["a": .int(1), "b": true, "c": false, "d": .null, "e": .int(0), "f": "007", "g": "1.5",
                        "h": .int(-3), "i": .int(4), "j": "9223372036854775808"])
    }

    func testSetStringKeepsEverythingAsStrings() throws {
        XCTAssertEqual(try set("a=1,b=true,c=null", .string), ["a": "1", "b": "true", "c": "null"])
    }

    func testNestedKeysAndListIndexes() throws {
        XCTAssertEqual(try set("a.b[0].c=x,a.b[0].d=y"), ["a": ["b": [["c": "x", "d": "y"]]]])
        XCTAssertEqual(try set("list[2]=z"), ["list": [.null, .null, "z"]])
        XCTAssertEqual(try set("m[0][1]=v"), ["m": [[.null, "v"]]])
    }

    func testEscapesKeepSeparatorsInKeysAndValues() throws {
        XCTAssertEqual(try set(#"annotations.prometheus\.io/scrape=true"#), ["annotations": ["prometheus.io/scrape": true]])
        XCTAssertEqual(try set(#"a=b\,c,d=e\=f"#), ["a": "b,c", "d": "e=f"])
    }

    func testBraceListsAndTheirQuirks() throws {
        XCTAssertEqual(try set("a={1,two,true}"), ["a": [.int(1), "two", true]])
        XCTAssertEqual(try set("a={},b=c"), ["a": [""], "b": "c"])  // valList: `{}` is one empty string
        XCTAssertEqual(error("a={1,2"), "list must terminate with '}'")
    }

    func testEmptyValuesAndTruncatedIndexes() throws {
        XCTAssertEqual(try set("a="), ["a": ""])
        XCTAssertEqual(try set("a[1"), [:])  // "error parsing index: EOF" wraps io.EOF, which parse() treats as the end
        XCTAssertEqual(try set("a[0]"), ["a": []])
    }

    func testErrorMessagesAreHelms() {
        XCTAssertEqual(error("name"), #"key "name" has no value"#)
        XCTAssertEqual(error("name,a=b"), #"key "name" has no value (cannot end with ,)"#)
        XCTAssertEqual(error("a.=1"), #"key map "a" has no value"#)
        XCTAssertEqual(error("a[x]=1"), #"error parsing index: strconv.Atoi: parsing "x": invalid syntax"#)
        XCTAssertEqual(error("a[-1]=1"), "negative -1 index not allowed")
        XCTAssertEqual(error("a[65537]=1"), "index of 65537 is greater than maximum supported index of 65536")
        XCTAssertEqual(error("a[0]x=1"), "unexpected data at end of array index: ['x']")
        XCTAssertEqual(error("a=1,a.b=2"), "unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}")
        XCTAssertEqual(error("a=1,a[0]=2"), "unable to parse key: interface conversion: interface {} is int64, not []interface {}")
        let deep = (0...31).map { "k\($0)" }.joined(separator: ".") + "=1"
        XCTAssertEqual(error(deep), "value name nested level is greater than maximum supported nested level of 30")
    }

    func testLaterArgumentsOverwriteIntoTheSameMap() throws {
        var dest = OrderedDictionary<String, Value>()
        try StrvalsParser.parse("a.b=1,list[1]=x", into: &dest, mode: .typed)
        try StrvalsParser.parse("a.c=2,list[0]=y", into: &dest, mode: .typed)
        XCTAssertEqual(Value.object(dest), ["a": ["b": .int(1), "c": .int(2)], "list": ["y", "x"]])
    }

    func testJSONValuesDecodeAsGoDoes() throws {
        XCTAssertEqual(try set(#"a={"b":[1,2]},c=3,d=,e="x""#, .json),
                       ["a": ["b": [.float(1), .float(2)]], "c": .float(3), "d": .null, "e": "x"])
        XCTAssertEqual(try set(#"l[1]={"k":true}"#, .json), ["l": [.null, ["k": true]]])
        XCTAssertNotNil(error("a=nope", .json))
    }

    func testLiteralTakesTheRestOfTheArgument() throws {
        XCTAssertEqual(try set(#"a.b=x,y=z\n"#, .literal), ["a": ["b": #"x,y=z\n"#]])
        XCTAssertEqual(try set("l[0]={1,2}", .literal), ["l": ["{1,2}"]])
    }

    func testSetFileReadsThroughTheInjectedReader() throws {
        let files = ["cert.pem": "PEM\n"]
        let mode = StrvalsParser.Mode.file(read: { path in
            guard let text = files[path] else { throw ChartError(.strvals, "open \(path): no such file or directory") }
            return .string(text)
        })
        XCTAssertEqual(try set("tls.cert=cert.pem", mode), ["tls": ["cert": "PEM\n"]])
        XCTAssertEqual(error("tls.key=missing.pem", mode), "open missing.pem: no such file or directory")
    }

    /// pkg/cli/values/options.go MergeValues: -f files, then --set-json, --set, --set-string,
    /// --set-file, --set-literal; errors are prefixed with the flag.
    func testValueOptionsMergeInHelmsOrder() throws {
        let file = try ValuesFile(path: "dev.yaml", text: "a: 1\nmap: {x: 1, w: 2}\nlist: [1, 2]\n")
        let options = ValueOptions(valueFiles: [file], jsonValues: [#"{"map":{"z":3}}"#, "j=[1]"],
                                   values: ["a=2", "list={3}"], stringValues: ["a=3"], literalValues: ["lit=a,b"])
        XCTAssertEqual(Value.object(try options.merge()),
                       ["a": "3", "map": ["x": .float(1), "w": .float(2), "z": .float(3)], "list": [.int(3)],
                        "j": [.float(1)], "lit": "a,b"])
        XCTAssertThrowsError(try ValueOptions(values: ["broken"]).merge()) { e in
            XCTAssertEqual((e as? ChartError)?.message, #"failed parsing --set data: key "broken" has no value"#)
        }
        XCTAssertThrowsError(try ValueOptions(jsonValues: ["{bad"]).merge()) { e in
            XCTAssertEqual((e as? ChartError)?.message, "failed parsing --set-json data JSON: {bad")
        }
    }
}
