import XCTest
@testable import YAML

/// Expected outputs here are what kubectl (sigs.k8s.io/yaml) printed for the same data; the
/// differential tests check many more cases against kubectl itself.
final class EmitterTests: XCTestCase {
    func testKeysSortInGoYAMLNaturalOrder() {
        XCTAssertEqual(NaturalKeyOrder.sorted(["z10", "a", "Zed", "z9", "_u", "b1", "B"]),
                       ["_u", "B", "Zed", "a", "b1", "z9", "z10"])
    }

    func testStringsThatReadAsOtherTypesAreDoubleQuoted() {
        let value: Value = ["a": "true", "b": "1", "c": "on", "d": "", "h": "2001-12-14", "i": "1:20", "n": "x", "y": "y"]
        XCTAssertEqual(YAMLEmitter.emit(value), """
            a: "true"
            b: "1"
            c: "on"
            d: ""
            h: "2001-12-14"
            i: "1:20"
            "n": x
            "y": "y"

            """)
    }

    func testIndicatorsFallBackToSingleQuotes() {
        XCTAssertEqual(YAMLEmitter.emit(["f": "- dash", "g": "key: value", "h": "a #b", "k": "a:b", "l": "-x"]), """
            f: '- dash'
            g: 'key: value'
            h: 'a #b'
            k: a:b
            l: -x

            """)
    }

    func testMultilineStringsUseLiteralStyleWithChompingAndIndentIndicators() {
        XCTAssertEqual(YAMLEmitter.emit(["a": "l1\nl2", "b": "l1\nl2\n", "c": "l1\n\n", "d": "  x\ny\n", "e": "x \ny"]), """
            a: |-
              l1
              l2
            b: |
              l1
              l2
            c: |+
              l1

            d: |2
                x
              y
            e: "x \\ny"

            """)
    }

    func testSequencesAreNotIndentedUnderTheirKeyAndEmptyCollectionsAreFlow() {
        XCTAssertEqual(YAMLEmitter.emit(["list": [1, ["k": "v", "j": [[:], []]]], "m": [:]]), """
            list:
            - 1
            - j:
              - {}
              - []
              k: v
            m: {}

            """)
    }

    func testLongPlainStringsFoldAtTheFirstSpacePastColumnEighty() {
        let words = (0..<21).map { _ in "word" }.joined(separator: " ")
        XCTAssertEqual(YAMLEmitter.emit(["long": .string(words)]), """
            long: word word word word word word word word word word word word word word word word
              word word word word word

            """)
    }

    func testCharactersOutsideTheBMPAndControlsAreEscaped() {
        XCTAssertEqual(YAMLEmitter.emit(["e": "smile 😀", "t": "a\tb", "u": "ünï"]), """
            e: "smile \\U0001F600"
            t: "a\\tb"
            u: ünï

            """)
    }

    func testNumbersComeOutAsTheJSONRoundTripLeavesThem() {
        XCTAssertEqual(YAMLEmitter.emit(["a": 1_000_000.0, "b": 1e21, "c": 123456789.5, "d": 0.5, "e": 8000,
                                         "f": .float(.infinity), "g": nil, "h": true]), """
            a: 1000000
            b: 1e+21
            c: 1.234567895e+08
            d: 0.5
            e: 8000
            f: .inf
            g: null
            h: true

            """)
    }

    func testStreamsSeparateDocuments() {
        XCTAssertEqual(YAMLEmitter.emitStream([["a": 1], "x", []]), "a: 1\n---\nx\n---\n[]\n")
    }

    func testScalarAnalysisTellsWhichStylesHoldAString() {
        XCTAssertTrue(ScalarAnalysis("plain text").blockPlainAllowed)
        XCTAssertFalse(ScalarAnalysis("a, b").flowPlainAllowed)
        XCTAssertTrue(ScalarAnalysis("a, b").blockPlainAllowed)
        XCTAssertFalse(ScalarAnalysis(" lead").blockPlainAllowed)
        XCTAssertFalse(ScalarAnalysis("tab\there").singleQuotedAllowed)
        XCTAssertTrue(ScalarAnalysis("two\nlines").isMultiline)
        XCTAssertFalse(ScalarAnalysis("trailing \nspace").blockAllowed)
    }
}
