import TestSupport
import XCTest
@testable import YAML

final class JSONTests: XCTestCase {
    func testWriterEscapesAsGoEncodingJSON() throws {
        let writer = JSONWriter()
        XCTAssertEqual(try writer.string(["b": "<a & b>", "a": "line\nbreak\t\"q\" \\ \u{1} \u{8} \u{c} \u{2028}"]),
                       #"{"a":"line\nbreak\t\"q\" \\ \u0001 \b \f \u2028","b":"\u003ca \u0026 b\u003e"}"#)
        XCTAssertEqual(try JSONWriter(escapeHTML: false).string(["x": "<&>"]), #"{"x":"<&>"}"#)
        XCTAssertEqual(try writer.string([1_000_000.0, 1e21, 0.5, 1e-7, 42, true, nil, [], [:]]),
                       "[1000000,1e+21,0.5,1e-7,42,true,null,[],{}]")
        XCTAssertThrowsError(try writer.string(.float(.nan)))
    }

    func testWriterCanKeepInsertionOrder() throws {
        XCTAssertEqual(try JSONWriter(sortKeys: false).string(["kind": "Pod", "apiVersion": "v1"]),
                       #"{"kind":"Pod","apiVersion":"v1"}"#)
    }

    func testParserReadsNumbersStringsAndNesting() throws {
        let value = try JSONParser().parse(#" {"a": [1, -2.5, 1e3, 12345678901234567890, true, null], "b": "\u00e9\ud83d\ude00\n", "c": {}} "#)
        XCTAssertEqual(value, ["a": [1, -2.5, 1000.0, .uint(12345678901234567890), true, nil], "b": "é😀\n", "c": [:]])
        XCTAssertEqual(try JSONParser(numbers: .json).parse("[3]"), [.float(3)])
        XCTAssertEqual(try JSONParser().parse(#"{"k": 1, "k": 2}"#), ["k": 2], "the last duplicate wins, as in Go")
    }

    func testParserErrorsGiveLineAndColumn() {
        XCTAssertThrowsError(try JSONParser().parse("{\n  \"a\": 1,\n  \"b\" 2\n}")) { error in
            XCTAssertEqual("\(error)", "3:7: invalid JSON: expected ':' after a key")
        }
        for bad in ["", "[1,]", "{\"a\"}", "01", "1.", "-", "\"\\x\"", "tru", "[1] x", "\"a\nb\""] {
            XCTAssertThrowsError(try JSONParser().parse(bad), bad)
        }
    }

    /// A number no float64 holds is an error, as in Go's encoding/json, never +Inf (found by
    /// json-fuzz: `+Inf` then could not be written back).
    func testNumbersBeyondFloat64AreRefusedNotInfinite() {
        XCTAssertThrowsError(try JSONParser().parse(#"{"d": 4467184407370935e351615}"#)) { error in
            XCTAssertEqual("\(error)", "1:30: invalid JSON: number 4467184407370935e351615 is out of the range of a 64-bit float")
        }
        XCTAssertThrowsError(try JSONParser().parse("-" + String(repeating: "9", count: 400))) { error in
            XCTAssertEqual("\(error)", "1:402: invalid JSON: number -999999999999999999999999999999999999999… is out of the range of a 64-bit float")
        }
        XCTAssertEqual(try JSONParser().parse("1e-400"), .float(0), "underflow is zero in Go too")
    }

    func testIndentedOutputMatchesKubectlAndReadsBack() throws {
        guard KubectlOracle.isAvailable else { return XCTFail("kubectl is not on PATH (scripts/install-deps.sh installs it)") }
        var values: [(String, Value)] = []
        for (i, s) in EmitterDifferentialTests.trickyStrings.enumerated() { values.append((String(format: "s%03d", i), .string(s))) }
        let object: Value = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": "oracle", "labels": ["shipshape-oracle": "1"]],
            "spec": ["strings": .object(.init(uniqueKeysWithValues: values)),
                     "numbers": [0.5, 1e21, 1e-7, 123456789.5, 3, -4, 1_000_000.0], "nested": [[[:]], [], ["k": [1]]]],
        ]
        let expected = try KubectlOracle.marshal(object, output: "json")
        XCTAssertEqual(try JSONWriter(indent: 4).string(object) + "\n", expected)
        XCTAssertEqual(try JSONParser().parse(expected), try JSONParser().parse(try JSONWriter().string(object)))
    }
}
