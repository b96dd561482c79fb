import XCTest
@testable import YAML

/// Expected outputs here are what kubectl 1.32 (sigs.k8s.io/yaml) printed for the same data under
/// a `spec` key, copied from its output; the differential tests check many more cases against
/// kubectl itself. Values go under `spec` so that columns, and so folding, match kubectl's.
final class EmitterTests: XCTestCase {
    private func assertEmits(_ spec: Value, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(YAMLEmitter.emit(["spec": spec]), expected, file: file, line: line)
    }

    // MARK: - Key order

    func testKeysSortInGoYAMLNaturalOrder() {
        let kubectlOrder = ["", "_u", "9", "10", "B", "Zed", "a", "a1", "a2", "a10", "ab", "b-c", "b.c", "b_c", "v1.9",
                            "v1.10", "z9", "z10", "é"]
        XCTAssertEqual(NaturalKeyOrder.sorted(kubectlOrder.reversed()), kubectlOrder)
        XCTAssertEqual(NaturalKeyOrder.sorted(kubectlOrder.shuffled()), kubectlOrder)
        var map: [(String, Value)] = []
        for (i, key) in kubectlOrder.enumerated().reversed() { map.append((key, .int(Int64(i)))) }
        assertEmits(.object(.init(uniqueKeysWithValues: map)), """
            spec:
              "": 0
              _u: 1
              "9": 2
              "10": 3
              B: 4
              Zed: 5
              a: 6
              a1: 7
              a2: 8
              a10: 9
              ab: 10
              b-c: 11
              b.c: 12
              b_c: 13
              v1.9: 14
              v1.10: 15
              z9: 16
              z10: 17
              é: 18

            """)
    }

    func testKeyOrderComparesLikeGoYAML() {
        XCTAssertTrue(NaturalKeyOrder.less("_u", "Zed"))  // a non-letter before a letter
        XCTAssertTrue(NaturalKeyOrder.less("Zed", "a"))  // letters by code point
        XCTAssertTrue(NaturalKeyOrder.less("z9", "z10"))  // digit runs by value
        XCTAssertTrue(NaturalKeyOrder.less("a1", "a01"))  // equal value: the shorter run first
        XCTAssertTrue(NaturalKeyOrder.less("a", "a1"))  // a prefix first
        XCTAssertTrue(NaturalKeyOrder.less("x10", "x1b"))  // at '0' vs 'b': the non-letter first
        XCTAssertTrue(NaturalKeyOrder.less("é1", "é2"))
        XCTAssertTrue(NaturalKeyOrder.less("x٣", "xa"))  // an Arabic-Indic digit is no letter
        XCTAssertFalse(NaturalKeyOrder.less("a", "a"))
    }

    // MARK: - Quoting

    func testStringsThatResolveToOtherTypesAreDoubleQuoted() {
        assertEmits([
            "bools": ["a": "true", "b": "False", "c": "yes", "d": "No", "e": "on", "f": "OFF", "g": "y", "h": "N",
                      "i": "~", "j": "null", "k": "NULL"],
            "numbers": ["a": "1", "b": "-1", "c": "+1", "d": "0777", "e": "0x1F", "f": "0b101", "g": "0o17",
                        "h": "1_000", "i": "1.5", "j": ".5", "k": "1e3", "l": "1.", "m": ".inf", "n": "-.Inf",
                        "o": ".NaN", "p": "08", "q": "12345678901234567890123"],
            "times": ["a": "2001-12-14", "b": "2001-12-14t21:59:43.10-05:00", "c": "2001-12-14 21:59:43.10",
                      "d": "2001-13-14", "e": "2001-02-29", "f": "1:20", "g": "-1:20:30.5", "h": "1:60",
                      "i": "190:20:30"],
            "empty": "",
        ], """
            spec:
              bools:
                a: "true"
                b: "False"
                c: "yes"
                d: "No"
                e: "on"
                f: "OFF"
                g: "y"
                h: "N"
                i: "~"
                j: "null"
                k: "NULL"
              empty: ""
              numbers:
                a: "1"
                b: "-1"
                c: "+1"
                d: "0777"
                e: "0x1F"
                f: "0b101"
                g: "0o17"
                h: "1_000"
                i: "1.5"
                j: ".5"
                k: "1e3"
                l: "1."
                m: ".inf"
                "n": "-.Inf"
                o: ".NaN"
                p: "08"
                q: "12345678901234567890123"
              times:
                a: "2001-12-14"
                b: "2001-12-14t21:59:43.10-05:00"
                c: "2001-12-14 21:59:43.10"
                d: 2001-13-14
                e: 2001-02-29
                f: "1:20"
                g: "-1:20:30.5"
                h: 1:60
                i: "190:20:30"

            """)
    }

    func testStringsThatOnlyLookSpecialStayPlain() {
        assertEmits(["a": "1.2.3", "b": "0x", "c": "1e", "d": "true story", "e": "<<", "f": "=", "g": "a:b",
                     "h": "a#b", "i": "-x", "j": "?x", "k": "NaN", "l": "infinity"], """
            spec:
              a: 1.2.3
              b: 0x
              c: 1e
              d: true story
              e: <<
              f: =
              g: a:b
              h: a#b
              i: -x
              j: ?x
              k: NaN
              l: infinity

            """)
    }

    func testIndicatorsFallBackToSingleQuotes() {
        assertEmits(["a": "- dash", "b": "key: value", "c": "#comment", "d": "a #b", "e": "-", "f": "?", "g": ": x",
                     "h": "[a]", "i": "{a}", "j": "&a", "k": "*a", "l": "!a", "m": "|a", "n": ">a", "o": "'q'",
                     "p": "\"q\"", "q": "%a", "r": "@a", "s": "`a", "t": "---", "u": "...", "v": "a, b",
                     "w": "it's"], """
            spec:
              a: '- dash'
              b: 'key: value'
              c: '#comment'
              d: 'a #b'
              e: '-'
              f: '?'
              g: ': x'
              h: '[a]'
              i: '{a}'
              j: '&a'
              k: '*a'
              l: '!a'
              m: '|a'
              "n": '>a'
              o: '''q'''
              p: '"q"'
              q: '%a'
              r: '@a'
              s: '`a'
              t: '---'
              u: '...'
              v: a, b
              w: it's

            """)
    }

    func testLeadingAndTrailingSpacesAndTabs() {
        assertEmits(["a": " lead", "b": "trail ", "c": "  ", "d": "a\tb", "e": "\tlead", "f": "trail\t", "g": "a  b"],
                    #"""
            spec:
              a: ' lead'
              b: 'trail '
              c: '  '
              d: "a\tb"
              e: "\tlead"
              f: "trail\t"
              g: a  b

            """#)
    }

    // MARK: - Multi-line strings

    func testMultilineStringsUseLiteralStyleWithChompingAndIndentIndicators() {
        assertEmits(["a": "l1\nl2", "b": "l1\nl2\n", "c": "l1\n\n", "d": "  x\ny\n", "e": "x \ny", "f": "\nx",
                     "g": "\n", "h": "x\n y", "i": "a\n\nb\n", "j": "tab\there\nnext", "k": "x\r\ny"], #"""
            spec:
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
              e: "x \ny"
              f: |2-

                x
              g: |2+

              h: |-
                x
                 y
              i: |
                a

                b
              j: "tab\there\nnext"
              k: "x\r\ny"

            """#)
    }

    func testMultilineKeysAndListItems() {
        assertEmits(["multi\nline key": ["a": 1], "k": ["- a", "b\nc"]], """
            spec:
              k:
              - '- a'
              - |-
                b
                c
              ? |-
                multi
                line key
              : a: 1

            """)
    }

    // MARK: - Long strings

    func testLongStringsFoldAtTheFirstSpacePastColumnEighty() {
        let lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"
        assertEmits([
            "long": [
                "plain": .string(lorem + " et dolore magna aliqua."),
                "word": .string(String(repeating: "x", count: 112) + " yes"),
                "single": .string("- " + lorem + " it's"),
                "double": .string("\t" + lorem + " et dolore"),
                "gaps": "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor  incididunt  ut  labore  et  dolore",
                "literal": .string(lorem + " et dolore\nshort\n"),
            ],
            "list": .array([.string(lorem + " et dolore")]),
        ], #"""
            spec:
              list:
              - Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor
                incididunt ut labore et dolore
              long:
                double: "\tLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod
                  tempor incididunt ut labore et dolore"
                gaps: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod
                  tempor  incididunt  ut  labore  et  dolore
                literal: |
                  Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore
                  short
                plain: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod
                  tempor incididunt ut labore et dolore magna aliqua.
                single: '- Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod
                  tempor incididunt ut labore it''s'
                word: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
                  yes

            """#)
    }

    func testKeysOver128BytesAreWrittenAsComplexKeys() {
        let key127 = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim"
        let key130 = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim"
        assertEmits(.object([key127: "key of 127", key130: "key of 130"]), """
            spec:
              Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim: key
                of 127
              ? Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor
                incididunt ut labore et dolore magna aliqua. Ut enim
              : key of 130

            """)
    }

    // MARK: - Characters

    func testUnicodeIsWrittenAsIsAndControlsAreEscaped() {
        assertEmits([
            "unicode": ["accents": "ünïcödé", "cjk": "日本語", "emoji": "smile 😀", "nbsp": "a\u{a0}b", "ls": "a\u{2028}b"],
            "controls": ["nul": "a\u{0}b", "bell": "a\u{7}b", "esc": "a\u{1b}b", "unit": "a\u{1f}b", "cr": "a\rb",
                         "quote": "tab\t\"q\" \\ end", "bom": "\u{feff}ab", "innerBom": "a\u{feff}b"],
        ], #"""
            spec:
              controls:
                bell: "a\ab"
                bom: "\uFEFF\x61\x62"
                cr: "a\rb"
                esc: "a\eb"
                innerBom: "a\uFEFFb"
                nul: "a\0b"
                quote: "tab\t\"q\" \\ end"
                unit: "a\x1Fb"
              unicode:
                accents: ünïcödé
                cjk: 日本語
                emoji: "smile \U0001F600"

            """# + "    ls: 'a\u{2028}      b'\n    nbsp: a\u{a0}b\n")
    }

    /// JSON leaves U+0085 raw, and go-yaml reading the JSON back folds it like a line break.
    func testNextLineIsFoldedAsTheJSONRoundTripFoldsIt() {
        assertEmits(["one": "a\u{85}b", "spaced": "a \u{85} b", "two": "a\u{85}\u{85}b", "three": "a\u{85}\u{85}\u{85}b",
                     "lead": "\u{85}x"], """
            spec:
              lead: ' x'
              one: a b
              spaced: a b
              three: |-
                a

                b
              two: |-
                a
                b

            """)
    }

    // MARK: - Numbers and other scalars

    func testNumbersComeOutAsTheJSONRoundTripLeavesThem() {
        assertEmits([
            "numbers": ["int": 8000, "neg": -42, "max": .int(.max), "min": .int(.min), "whole": 1_000_000.0,
                        "big": 1e21, "bigger": 1.5e300, "frac": 123456789.5, "half": 0.5, "tiny": 1e-7,
                        "small": 0.000001, "twenty": 1e20, "negzero": -0.0, "sum": .float(0.1 + 0.2)],
            "other": ["t": true, "f": false, "n": nil],
        ], """
            spec:
              numbers:
                big: 1e+21
                bigger: 1.5e+300
                frac: 1.234567895e+08
                half: 0.5
                int: 8000
                max: 9223372036854775807
                min: -9223372036854775808
                neg: -42
                negzero: 0
                small: 1e-06
                sum: 0.30000000000000004
                tiny: 1e-07
                twenty: 1e+20
                whole: 1000000
              other:
                f: false
                "n": null
                t: true

            """)
    }

    /// JSON cannot hold these; go-yaml's own spellings are used (documented on YAMLEmitter).
    func testNaNAndInfinitiesUseYAMLSpellings() {
        XCTAssertEqual(YAMLEmitter.emit([.float(.nan), .float(.infinity), .float(-.infinity)]), "- .nan\n- .inf\n- -.inf\n")
        XCTAssertEqual(YAMLEmitter.emit(.uint(.max)), "18446744073709551615\n")
    }

    // MARK: - Collections and documents

    func testCollectionsNestEmptyOnesInFlowStyleAndListsUnindentedUnderKeys() {
        assertEmits([
            "empty": ["map": [:], "list": [], "nested": ["a": ["b": [:]], "c": [[], [:]]]],
            "lists": [[1, 2], [[3, [4]]], [], [[:]]],
            "maps": [["name": "a", "ports": [["port": 80], ["port": 443]]], ["name": "b", "env": []]],
            "deep": ["a": ["b": [["c": ["d": ["e", ["f": "g"]]]]]]],
        ], """
            spec:
              deep:
                a:
                  b:
                  - c:
                      d:
                      - e
                      - f: g
              empty:
                list: []
                map: {}
                nested:
                  a:
                    b: {}
                  c:
                  - []
                  - {}
              lists:
              - - 1
                - 2
              - - - 3
                  - - 4
              - []
              - - {}
              maps:
              - name: a
                ports:
                - port: 80
                - port: 443
              - env: []
                name: b

            """)
    }

    /// Root nodes as go-yaml's emitter writes them: a root scalar's continuation lines are
    /// indented two columns, like those of any scalar one level down.
    func testRootNodes() {
        XCTAssertEqual(YAMLEmitter.emit("x"), "x\n")
        XCTAssertEqual(YAMLEmitter.emit(""), "\"\"\n")
        XCTAssertEqual(YAMLEmitter.emit(nil), "null\n")
        XCTAssertEqual(YAMLEmitter.emit([:]), "{}\n")
        XCTAssertEqual(YAMLEmitter.emit([]), "[]\n")
        XCTAssertEqual(YAMLEmitter.emit(["a", ["b"]]), "- a\n- - b\n")
        XCTAssertEqual(YAMLEmitter.emit("a\nb\n"), "|\n  a\n  b\n")
        XCTAssertEqual(YAMLEmitter.emit(.string(String(repeating: "word ", count: 17) + "end")),
                       String(repeating: "word ", count: 16) + "word\n  end\n")
    }

    func testStreamsSeparateDocumentsAndBuffersAppend() {
        XCTAssertEqual(YAMLEmitter.emitStream([["a": 1], "x", []]), "a: 1\n---\nx\n---\n[]\n")
        XCTAssertEqual(YAMLEmitter.emitStream([]), "")
        var buffer = Array("# head\n".utf8)
        YAMLEmitter.emit(["k": "v"], into: &buffer)
        YAMLEmitter.emitStream(["a", "b"], into: &buffer)
        XCTAssertEqual(String(decoding: buffer, as: UTF8.self), "# head\nk: v\na\n---\nb\n")
    }

    // MARK: - The public analysis

    func testScalarAnalysisTellsWhichStylesHoldAString() {
        XCTAssertTrue(ScalarAnalysis("plain text").blockPlainAllowed)
        XCTAssertFalse(ScalarAnalysis("a, b").flowPlainAllowed)
        XCTAssertTrue(ScalarAnalysis("a, b").blockPlainAllowed)
        XCTAssertFalse(ScalarAnalysis(" lead").blockPlainAllowed)
        XCTAssertTrue(ScalarAnalysis(" lead").singleQuotedAllowed)
        XCTAssertFalse(ScalarAnalysis("tab\there").singleQuotedAllowed)
        XCTAssertTrue(ScalarAnalysis("two\nlines").isMultiline)
        XCTAssertTrue(ScalarAnalysis("two\nlines").blockAllowed)
        XCTAssertFalse(ScalarAnalysis("trailing \nspace").blockAllowed)
        XCTAssertFalse(ScalarAnalysis("").flowPlainAllowed)
        XCTAssertFalse(ScalarAnalysis("true").readsBackAsString)
        XCTAssertFalse(ScalarAnalysis("1:20").readsBackAsString)
        XCTAssertTrue(ScalarAnalysis("1:60").readsBackAsString)
        XCTAssertTrue(ScalarAnalysis("nginx").readsBackAsString)
    }

    func testScalarAnalysisPicksTheStyleKubectlPrints() {
        XCTAssertEqual(ScalarAnalysis("nginx").style(), .plain)
        XCTAssertEqual(ScalarAnalysis("true").style(), .doubleQuoted)
        XCTAssertEqual(ScalarAnalysis("- dash").style(), .singleQuoted)
        XCTAssertEqual(ScalarAnalysis("a\tb").style(), .doubleQuoted)
        XCTAssertEqual(ScalarAnalysis("l1\nl2").style(), .literal)
        XCTAssertEqual(ScalarAnalysis("l1\nl2").style(asSimpleKey: true), .doubleQuoted)
        XCTAssertEqual(ScalarAnalysis("x \ny").style(), .doubleQuoted)
        XCTAssertEqual(ScalarAnalysis("").style(), .doubleQuoted)
        XCTAssertEqual(ScalarAnalysis("a\u{2028}b").style(), .singleQuoted)
    }

    /// The analysis skips runs of "quiet" ASCII with two bit masks; they must say exactly which
    /// characters those are.
    func testQuietCharacterMasksMatchTheirDefinition() {
        for c in UInt8(0)..<0x80 {
            let expected = c > 0x20 && c < 0x7F && !"\"#',:?[\\]{}".utf8.contains(c)
            XCTAssertEqual(YAMLChars.isQuiet(c), expected, "character \(c)")
        }
    }
}
