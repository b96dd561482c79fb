import Foundation
import TestSupport
import XCTest
import YAML

/// Differential tests: YAMLEmitter against sigs.k8s.io/yaml inside kubectl, on the same JSON.
///
/// Each test builds many cases, one key per case under `spec`, writes them as one JSON object,
/// and has kubectl print it (`kubectl label --local … -o yaml` goes through sigs.k8s.io/yaml's
/// Marshal). Our side reads the same JSON text with `JSONParser` (integers stay integers, as in
/// kubectl's unstructured objects) and emits it. On a mismatch the cases are retried one by one,
/// so the failure names the cases that differ.
final class EmitterDifferentialTests: XCTestCase {
    override func setUpWithError() throws {
        guard KubectlOracle.isAvailable else { return XCTFail("kubectl is not on PATH (scripts/install-deps.sh installs it)") }
    }

    // MARK: - Hand-picked strings

    /// Strings whose quoting, folding or block style is decided by a special rule.
    static let trickyStrings: [String] = [
        "", " ", "  ", "a", "true", "True", "TRUE", "yes", "y", "Y", "n", "no", "on", "off", "null", "~", "Null",
        "1", "01", "0777", "08", "0x1F", "0o17", "0b101", "0b2", "1_000", "1.5", ".5", "1.", "1.e5", "1e3", "1E3",
        "-1", "+1", "+.5", "-", "+", ".", "..", ".inf", "-.inf", "+.INF", ".nan", ".NaN", "NaN", "inf", "infinity",
        "0x", "1e", "12345678901234567890123", "1.2.3", "2001-12-14", "2001-1-2", "2001-12-14T21:59:43.10Z",
        "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2001-13-14", "2001-02-29", "2000-02-29",
        "1:20", "-1:20:30.5", "1:60", "190:20:30", "1_0:2_0", "<<", "=", "--", "---", "---x", "...", "...x",
        "- x", "-x", "? x", "?x", ": x", ":x", "x:", "a:b", "a: b", "a :b", "a#b", "a #b", "#a", "[a]", "{a}",
        "a,b", "a, b", "a]", "&a", "*a", "!a", "|a", ">a", "'a'", "\"a\"", "%a", "@a", "`a", "a'b", "a\"b", "a\\b",
        "it's", "a\tb", "\ta", "a\t", "\t", "a\rb", "a\r\nb", "a\u{0}b", "a\u{7}b", "a\u{1b}b", "a\u{1f}b",
        "a\u{85}b", "a\u{a0}b", "\u{a0}", "a\u{2028}b", "a\u{2029}", "\u{feff}x", "x\u{feff}", "a\u{e000}b",
        "a\u{fffd}b", "é", "ünïcödé", "日本語", "smile 😀", "😀", "a ", " a", "a  b", "multi\nline",
        "multi\nline\n", "multi\nline\n\n", "\n", "\n\n", "\nleading", "  indented\nfirst", "trailing space \nnext",
        "next\n space", "tab\tin\nblock", "a\n\nb", "a\n\tb", "-\n-", "key: value\nother: x", "é\nü\n",
        "\u{2028}\n", "x\n\u{85}", "😀\n😀", "line\n#comment\n- item\n",
        String(repeating: "word ", count: 30),
        String(repeating: "word ", count: 30).trimmingCharacters(in: .whitespaces),
        String(repeating: "x", count: 120), "'" + String(repeating: "quoted words ", count: 12),
        "\t" + String(repeating: "tabbed words ", count: 12), String(repeating: "wide  gaps ", count: 16),
        String(repeating: "é ü ", count: 30), String(repeating: "日本語 ", count: 40),
        String(repeating: "line of words here\n", count: 3) + "end",
        String(repeating: "a ", count: 50) + "\n" + String(repeating: "b ", count: 10),
        String(repeating: "long line of words ", count: 8) + "\nnext line",
    ]

    /// Every hand-picked string as a value, a key, a list item and an item of a list of maps.
    func testTrickyStringsInEveryPositionMatchKubectl() throws {
        let cases = Self.trickyStrings.map { Self.inEveryPosition(.string($0)) }
        try assertSameAsKubectl(cases: cases)
    }

    /// A value in each place libyaml treats differently: map value, simple or complex key, block
    /// sequence item (indented under a list, not under a key), and inside a list of maps.
    static func inEveryPosition(_ value: Value) -> Value {
        var positions: [(String, Value)] = [
            ("value", value),
            ("list", [value, [value]]),
            ("items", [["name": value, "deeper": ["x": value]]]),
        ]
        if let key = value.string, kubectlAcceptsKey(key) { positions.append(("key", .object([key: 1]))) }
        return .object(.init(uniqueKeysWithValues: positions))
    }

    /// sigs.k8s.io/yaml fails on keys with a NEL or of 1023 characters or more: its go-yaml
    /// reads them from the JSON as no simple key ("did not find expected ',' or '}'"). The
    /// emitter writes them anyway (see `YAMLEmitter`), so there is nothing to compare.
    static func kubectlAcceptsKey(_ key: String) -> Bool {
        !key.unicodeScalars.contains("\u{85}") && key.unicodeScalars.count < 1023
    }

    // MARK: - Generated strings

    func testGeneratedStringsMatchKubectl() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        let cases = (0..<600).map { i -> Value in
            let length = Int(generator.next() % 14) + (i % 8 == 0 ? 30 : 0)
            return Self.inEveryPosition(.string(TrickyText.fragments(length, using: &generator)))
        }
        try assertSameAsKubectl(cases: cases)
    }

    /// Long strings, at depths that start them at different columns, in every style libyaml folds.
    func testLongStringsFoldLikeKubectl() throws {
        var generator = SeededGenerator(seed: 0xF01D)
        let cases = (0..<300).map { _ -> Value in
            let text = TrickyText.longText(using: &generator)
            let depth = Int(generator.next() % 12)
            return TrickyText.nest(Self.inEveryPosition(.string(text)), depth: depth, using: &generator)
        }
        try assertSameAsKubectl(cases: cases)
    }

    /// Keys around libyaml's 128-byte limit for simple keys, counted in bytes, not characters.
    func testLongKeysMatchKubectl() throws {
        var generator = SeededGenerator(seed: 0x4B45)
        var cases: [Value] = []
        for length in 120...136 {
            for piece in ["x", "é", "ab ", "日", "- "] {
                var key = ""
                while key.utf8.count + piece.utf8.count <= length { key += piece }
                cases.append(["k": .object([key: .string(key)]), "list": .object([key: [1, ["a": 1]]])])
            }
        }
        for _ in 0..<40 {
            let key = TrickyText.longText(using: &generator)
            cases.append(.object([key: ["nested": .string(key)]]))
        }
        // Just under the 1023 characters at which sigs.k8s.io/yaml gives up on a key.
        let longest = String(repeating: "key ", count: 254) + "ends"
        cases.append(.object([longest: [.string(longest)], String(repeating: "é", count: 1022): "x"]))
        try assertSameAsKubectl(cases: cases)
    }

    // MARK: - Numbers

    func testNumbersMatchKubectl() throws {
        let floats: [Double] = [
            0, -0.0, 0.5, -0.5, 1, 1.5, 100, 1e6, 1e15, 1e20, -1e19, 1e21, 1.5e21, 9.999e20, 1e-6, 1e-7, 1.5e-7,
            123456789.5, 0.1 + 0.2, 3.14159, -2.5e-10, 1234567, 12345678901234568, 9007199254740992,
            9223372036854775808, -9223372036854775808, -9223372036854777856, 18446744073709551616,
            36893488147419103232, .leastNonzeroMagnitude, 2.2250738585072014e-308, .greatestFiniteMagnitude,
            1e100, 0.000001, 0.0000012345, 4.35, 2.5e-5, 1e-5, 123456.789e3, 0.1, 1e300, 1.25e-300,
        ]
        let ints: [Int64] = [0, 1, -1, 42, 8000, 1_000_000, Int64.max, Int64.min, Int64.max - 1, 1 << 53]
        var cases: [Value] = floats.map { ["f": .float($0), "list": [.float($0)], "neg": .float(-$0)] }
        cases += ints.map { ["i": .int($0), "list": [.int($0)]] }
        cases += [["bools": [true, false], "nulls": [nil, ["inner": nil]], "t": true, "n": nil]]
        try assertSameAsKubectl(cases: cases)
    }

    /// Plain text that go-yaml resolves to a float or timestamp by Go's less obvious rules:
    /// `strconv.ParseFloat` takes `_` between digits on the `.` path; `time.Parse` takes `,`
    /// before fractional seconds and zone offsets up to +24:00 / :60. kubectl quotes all of them.
    static let resolverEdgeCases: [String] = [
        ".5_0", ".1_2e3", "2001-12-14 21:59:43,5", "2001-12-14T21:59:43,5Z", "2001-12-14T21:59:43+24:00",
        "2001-12-14T21:59:43+23:60",
    ]

    func testResolverEdgeCasesMatchKubectl() throws {
        let cases = Self.resolverEdgeCases.map { Value.string($0) }
        for difference in try differencesFromKubectl(cases, limit: cases.count) { XCTFail(difference.report) }
    }

    // MARK: - Shapes and key order

    func testShapesMatchKubectl() throws {
        var deep: Value = "bottom of a very deep nest with text long enough to fold several times over the line"
        for level in 0..<45 { deep = level % 3 == 0 ? [deep, "x"] : ["k\(level)": deep] }
        let cases: [Value] = [
            ["emptyMap": [:], "emptyList": [], "listOfLists": [[1, 2], [[3]], [], [[:]], [[[]]]]],
            ["listOfMaps": [["a": 1, "b": ["c": [1, 2]]], [:], ["x": []], ["y": [[:]]]]],
            ["deep": ["a": ["b": ["c": ["d": ["e": ["f": "g"]]]]]]],
            ["deeper": deep],
            ["mixed": [1, "two", 3.5, true, nil, ["k": "v"], ["x"], [[:]], [[]]]],
            ["multiLineInLists": [["a\nb", ["c\nd\n"]], ["k": ["e\n"]]]],
        ]
        try assertSameAsKubectl(cases: cases)
    }

    func testKeyOrderMatchesKubectl() throws {
        var cases: [Value] = [[
            "z9": 1, "z10": 2, "Zed": 3, "_u": 4, "a1b": 5, "a1c": 7, "a10": 8, "A": 9, "é": 10, "v1.2": 11,
            "v1.10": 12, "a": 13, "a-b": 14, "a_b": 15, "a.b": 16, "a/b": 17, "a b": 18, "1": 19, "2": 20, "10": 21,
            "-1": 22, "ß": 23, "Ω": 24, "日本": 25, "x1y2": 26, "x1y10": 27, "x12y1": 28, "": 29, "~": 30,
        ]]
        XCTAssertTrue(TrickyText.isTotallyOrdered(Array(cases[0].object!.keys)), "the hand-picked keys are in a cycle")
        var generator = SeededGenerator(seed: 0x0DE5)
        for _ in 0..<80 {
            var keys: [(String, Value)] = []
            for i in 0..<Int(generator.next() % 25 + 2) {
                TrickyText.insert(TrickyText.key(using: &generator), .int(Int64(i)), into: &keys)
            }
            cases.append(.object(.init(uniqueKeysWithValues: keys)))
        }
        try assertSameAsKubectl(cases: cases)
    }

    /// Random documents: nested maps and lists of every kind of scalar.
    func testGeneratedDocumentsMatchKubectl() throws {
        var generator = SeededGenerator(seed: 0xD0C5)
        let cases = (0..<250).map { _ in TrickyText.document(depth: 0, using: &generator) }
        try assertSameAsKubectl(cases: cases)
    }

    // MARK: - The oracle

    /// The number of cases compared in this process, printed so that a run shows its coverage.
    nonisolated(unsafe) static var casesCompared = 0

    /// Checks `cases` against kubectl and names the first few that differ.
    private func assertSameAsKubectl(cases: [Value], file: StaticString = #filePath, line: UInt = #line) throws {
        for difference in try differencesFromKubectl(cases, limit: 5) {
            XCTFail(difference.report, file: file, line: line)
        }
    }

    /// Runs `cases` through kubectl in one batch; when the batch differs, runs them one by one
    /// and returns the first `limit` that differ (index -1: only the batch differs).
    private func differencesFromKubectl(_ cases: [Value], limit: Int) throws -> [(index: Int, report: String)] {
        let keyed = cases.enumerated().map { ("c\($0.offset + 1)", $0.element) }
        let (expected, actual) = try outputs(spec: .object(.init(uniqueKeysWithValues: keyed)))
        Self.casesCompared += cases.count
        print("emitter differential: \(cases.count) cases in \(name), \(Self.casesCompared) so far")
        guard expected != actual else { return [] }

        var differences: [(index: Int, report: String)] = []
        for (index, (key, value)) in keyed.enumerated() {
            let (e, a) = try outputs(spec: .object([key: value]))
            guard e != a else { continue }
            differences.append((index, "case \(key) differs from kubectl: \((try? JSONWriter().string(value)) ?? "(not JSON)")\n\(Self.firstDifference(e, a))"))
            if differences.count == limit { break }
        }
        if differences.isEmpty {
            differences.append((-1, "the batch differs from kubectl although no case does alone\n\(Self.firstDifference(expected, actual))"))
        }
        return differences
    }

    /// kubectl's output and ours for a ConfigMap-shaped object holding `spec`.
    private func outputs(spec: Value) throws -> (kubectl: String, emitter: String) {
        let object: Value = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": "oracle", "labels": ["shipshape-oracle": "1"]],
            "spec": spec,
        ]
        let expected = try KubectlOracle.marshal(object)
        let decoded = try JSONParser(numbers: .yaml).parse(JSONWriter().string(object))
        return (expected, YAMLEmitter.emit(decoded))
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var first = 0
        while first < min(e.count, a.count), e[first] == a[first] { first += 1 }
        let window = max(0, first - 3)..<(first + 4)
        return """
            first difference at line \(first + 1)
            --- kubectl
            \(e[window.clamped(to: 0..<e.count)].joined(separator: "\n"))
            --- YAMLEmitter
            \(a[window.clamped(to: 0..<a.count)].joined(separator: "\n"))
            """
    }
}

/// Deterministic generators of text and documents that hit libyaml's special cases.
enum TrickyText {
    /// Pieces that, combined, trigger indicators, quoting, escapes, folding and block styles.
    /// Characters kubectl itself rejects (DEL, C1 controls other than NEL, U+FFFE/U+FFFF) are
    /// left out: sigs.k8s.io/yaml fails on them, so there is no output to compare.
    static let alphabet: [String] = [
        " ", " ", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\n", "\n", "\t", "{", "}", "[", "]",
        ",", "&", "*", "!", "|", ">", "%", "@", "`", "é", "日", "😀", "\u{2028}", "\u{85}", "\u{a0}", "\u{feff}",
        "\r", "\u{1}", "0", "1", "9", "12", "a", "b", "y", "n", "~", ".", "e", "x", "_", "\\", "word", "yes",
        "true", "null", "0x", "1e", "---", "...", "1:2", "2001-12-14", "<<", "=", "/",
    ]

    static func fragments(_ count: Int, using generator: inout SeededGenerator) -> String {
        var s = ""
        for _ in 0..<count { s += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        return s
    }

    static let words = ["a", "an", "of", "word", "longer", "configuration", "é", "日本語", "x1", "--flag", "key:",
                        "#tag", "it's", "\"q\"", "supercalifragilisticexpialidocious", "😀", "1:20", "true"]

    /// 40 to 300 characters of words, sometimes with a prefix or an inner character that forces
    /// single quotes, double quotes or a literal block, and sometimes with double spaces.
    static func longText(using generator: inout SeededGenerator) -> String {
        let target = Int(generator.next() % 260) + 40
        var s = ""
        switch generator.next() % 8 {
        case 0: s = "- "
        case 1: s = "'"
        case 2: s = "\t"
        case 3: s = " "
        default: break
        }
        while s.utf8.count < target {
            let roll = generator.next() % 20
            if roll == 0 {
                s += String(repeating: "y", count: Int(generator.next() % 90))
            } else {
                s += words[Int(generator.next() % UInt64(words.count))]
            }
            switch generator.next() % 24 {
            case 0: s += "  "
            case 1: s += "\n"
            case 2: s += "\t"
            case 3: s += " \n"
            default: s += " "
            }
        }
        if generator.next() % 4 == 0 { s.removeLast() }
        return s
    }

    /// Wraps `value` in `depth` levels of maps and lists.
    static func nest(_ value: Value, depth: Int, using generator: inout SeededGenerator) -> Value {
        var v = value
        for _ in 0..<depth { v = generator.next() % 2 == 0 ? ["n": v] : [v] }
        return v
    }

    /// A map key drawn from letters, digit runs, punctuation and non-ASCII letters and digits.
    static func key(using generator: inout SeededGenerator) -> String {
        let pieces = ["a", "b", "z", "A", "Z", "_", "-", ".", "/", " ", "1", "2", "9", "10", "25", "0", "07", "é", "ß",
                      "Ω", "日", "x", "$", "~", ":", "٣"]
        var s = ""
        for _ in 0..<Int(generator.next() % 6 + 1) { s += pieces[Int(generator.next() % UInt64(pieces.count))] }
        return s
    }

    /// go-yaml's key order is cyclic for some key sets (`9$` < `25x` < `2b` < `9$`), and then
    /// kubectl's order follows Go's random map iteration. Generated maps only take a key when
    /// their keys stay totally ordered, so kubectl's output is deterministic.
    static func insert(_ key: String, _ value: Value, into map: inout [(String, Value)]) {
        guard !map.contains(where: { $0.0 == key }), EmitterDifferentialTests.kubectlAcceptsKey(key),
            isTotallyOrdered(map.map(\.0) + [key])
        else { return }
        map.append((key, value))
    }

    /// Whether go-yaml's comparison orders `keys` consistently: sorted, every pair is in order.
    static func isTotallyOrdered(_ keys: [String]) -> Bool {
        let sorted = NaturalKeyOrder.sorted(keys)
        for i in sorted.indices {
            for j in sorted.indices where j > i {
                if !NaturalKeyOrder.less(sorted[i], sorted[j]) || NaturalKeyOrder.less(sorted[j], sorted[i]) { return false }
            }
        }
        return true
    }

    static let floats: [Double] = [0, 0.5, -1.25, 1e6, 1e21, 123456789.5, 1e-7, 3.0, 2.5e-5, 100, 1e20]
    static let ints: [Int64] = [0, 1, -7, 8080, Int64.max, Int64.min, 1_000_000_000_000]

    /// A random document of nested maps (keys are unique per map and free of order cycles),
    /// lists and scalars.
    static func document(depth: Int, using generator: inout SeededGenerator) -> Value {
        let roll = generator.next() % (depth >= 5 ? 6 : 10)
        switch roll {
        case 0: return .string(fragments(Int(generator.next() % 8), using: &generator))
        case 1: return .string(words[Int(generator.next() % UInt64(words.count))])
        case 2: return .int(ints[Int(generator.next() % UInt64(ints.count))])
        case 3: return .float(floats[Int(generator.next() % UInt64(floats.count))])
        case 4: return generator.next() % 3 == 0 ? .null : .bool(generator.next() % 2 == 0)
        case 5: return .string(generator.next() % 3 == 0 ? longText(using: &generator) : "plain")
        case 6, 7:
            let count = Int(generator.next() % 5)
            return .array((0..<count).map { _ in document(depth: depth + 1, using: &generator) })
        default:
            var entries: [(String, Value)] = []
            for _ in 0..<Int(generator.next() % 6) {
                let key = generator.next() % 4 == 0 ? fragments(3, using: &generator) : self.key(using: &generator)
                insert(key, document(depth: depth + 1, using: &generator), into: &entries)
            }
            return .object(.init(uniqueKeysWithValues: entries))
        }
    }
}
