import XCTest
import YAML
@testable import Templates

/// Sprig functions as charts use them. Expected values follow Sprig v3.3's implementation
/// (strings.go, list.go, dict.go, numeric.go, defaults.go: mostly thin wrappers over Go's
/// strings, path, strconv and spf13/cast) and its documentation.
final class SprigCoreTests: XCTestCase {
    private func render(_ text: String, _ data: Value = [:]) throws -> String {
        let set = TemplateSet(functions: SprigCore.functions)
        set.missingKey = .zero
        try set.parse(name: "t", text: text)
        return try set.execute("t", data: TemplateValue(data)).text.replacingOccurrences(of: "<no value>", with: "")
    }

    private func check(_ cases: [(String, String)], data: Value = [:], file: StaticString = #filePath, line: UInt = #line) throws {
        for (template, expected) in cases {
            XCTAssertEqual(try render(template, data), expected, template, file: file, line: line)
        }
    }

    func testStrings() throws {
        try check([
            ("{{ upper \"hello\" }} {{ lower \"HeLLo\" }} {{ title \"hello world-wide\" }}", "HELLO hello Hello World-Wide"),
            ("{{ trim \"  x \\n\" }}|{{ trimAll \"$\" \"$5.00$\" }}|{{ trimSuffix \"-\" \"a-\" }}|{{ trimPrefix \"v\" \"v1.2\" }}", "x|5.00|a|1.2"),
            ("{{ \"x\" | repeat 3 }} {{ contains \"cat\" \"catch\" }} {{ hasPrefix \"ca\" \"cat\" }} {{ hasSuffix \"x\" \"cat\" }}", "xxx true true false"),
            ("{{ replace \"+\" \"_\" \"a+b+c\" }} {{ trunc 3 \"abcdef\" }} {{ trunc -2 \"abcdef\" }} {{ trunc 10 \"ab\" }}", "a_b_c abc ef ab"),
            ("{{ indent 2 \"a\\nb\" }}|{{ nindent 2 \"a\" }}", "  a\n  b|\n  a"),
            // Byte-exact as Go's strings.Replace: every "\n" (also inside "\r\n", and after
            // multi-byte text), none found in an empty string; replace is left to right and
            // does not overlap ("aaa" with "aa" → "b" gives "ba").
            ("{{ indent 2 \"é\\r\\nß\\n\" }}|{{ nindent 1 \"\" }}|{{ replace \"aa\" \"b\" \"aaa\" }}|{{ replace \"é\" \"e\" \"café é\" }}",
             "  é\r\n  ß\n  |\n |ba|cafe e"),
            ("{{ quote \"a\" 1 nil \"b\\\"c\" }} {{ squote \"a\" }}", "\"a\" \"1\" \"b\\\"c\" 'a'"),
            ("{{ cat \"a\" 1 nil \"b\" }}", "a 1 b"),
            ("{{ toString 80.0 }} {{ toString .n }} {{ .n | toString | quote }}", "80 80 \"80\""),
            ("{{ splitList \",\" \"a,b,,c\" }} {{ join \"-\" (list \"a\" 1 nil \"b\") }}", "[a b  c] a-1-b"),
            ("{{ (split \"$\" \"foo$bar$baz\")._1 }}", "bar"),
            ("{{ snakecase \"FirstName\" }} {{ kebabcase \"FirstName\" }} {{ camelcase \"http_server\" }}", "first_name first-name HttpServer"),
            ("{{ base \"a/b/c.yaml\" }} {{ dir \"a/b/c.yaml\" }} {{ ext \"c.tar.gz\" }} {{ clean \"a//b/../c\" }}", "c.yaml a/b .gz a/c"),
            ("{{ abbrev 5 \"hello world\" }} {{ substr 1 3 \"hello\" }} {{ nospace \"a b\\tc\" }}", "he... el abc"),
            ("{{ sortAlpha (list \"b\" \"a\" \"C\") }}", "[C a b]"),
        ], data: ["n": .float(80)])
    }

    func testDefaultsAndFlow() throws {
        try check([
            ("{{ default \"x\" .missing }} {{ default \"x\" \"\" }} {{ default \"x\" \"y\" }} {{ default 3 0 }} {{ .port | default 8080 }}", "x x y 3 80"),
            ("{{ empty \"\" }} {{ empty 0 }} {{ empty (list) }} {{ empty (dict) }} {{ empty .missing }} {{ empty \"a\" }} {{ empty false }}", "true true true true true false true"),
            ("{{ coalesce \"\" 0 \"x\" \"y\" }} {{ ternary \"yes\" \"no\" true }} {{ ternary \"yes\" \"no\" false }}", "x yes no"),
            ("{{ toPrettyJson (dict \"a\" 1 \"b\" (list 1 2)) }}", "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ]\n}"),
        ], data: ["port": .float(80)])
    }

    func testListsAndDicts() throws {
        try check([
            ("{{ list 1 \"a\" 2.5 }} {{ first (list 1 2) }} {{ last (list 1 2) }} {{ rest (list 1 2 3) }} {{ initial (list 1 2 3) }}", "[1 a 2.5] 1 2 [2 3] [1 2]"),
            ("{{ reverse (list 1 2 3) }} {{ uniq (list 1 1 2 1) }} {{ without (list 1 2 3) 2 }} {{ has 2 (list 1 2) }} {{ compact (list 0 1 \"\" 2) }}", "[3 2 1] [1 2] [1 3] true [1 2]"),
            ("{{ append (list 1) 2 }} {{ prepend (list 1) 0 }} {{ concat (list 1) (list 2 3) }}", "[1 2] [0 1] [1 2 3]"),
            ("{{ $d := dict \"a\" 1 \"b\" \"x\" }}{{ $d.b }} {{ get $d \"a\" }} [{{ get $d \"zz\" }}] {{ hasKey $d \"a\" }} {{ keys $d | sortAlpha }}", "x 1 [] true [a b]"),
            ("{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ $d }} {{ unset $d \"a\" }} {{ pick (dict \"a\" 1 \"b\" 2) \"a\" }} {{ omit (dict \"a\" 1 \"b\" 2) \"a\" }}", "map[a:1 b:2] map[b:2] map[a:1] map[b:2]"),
            ("{{ merge (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"b\" 3 \"n\" (dict \"y\" 2)) }}", "map[a:1 b:3 n:map[x:1 y:2]]"),
            ("{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" 2 \"b\" 3) }}", "map[a:2 b:3]"),
            ("{{ dig \"a\" \"b\" \"none\" (dict \"a\" (dict \"b\" \"found\")) }} {{ dig \"a\" \"z\" \"none\" (dict \"a\" (dict)) }}", "found none"),
            ("{{ pluck \"a\" (dict \"a\" 1) (dict \"a\" 2) (dict \"b\" 3) }}", "[1 2]"),
            ("{{ until 3 }} {{ untilStep 0 10 3 }} {{ seq 3 }} {{ seq 2 4 }}", "[0 1 2] [0 3 6 9] 1 2 3 2 3 4"),
            ("{{ mustFirst .s }}", ""),
        ], data: ["s": []])
        XCTAssertThrowsError(try render("{{ mustFirst 3 }}")) { error in
            XCTAssertTrue("\(error)".hasSuffix("error calling mustFirst: Cannot find first on type int"), "\(error)")
        }
    }

    func testMathFollowsCastConversions() throws {
        try check([
            ("{{ add 1 2 \"3\" }} {{ sub 5 2 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 2 }} {{ add1 .n }}", "6 3 24 3 1 81"),
            ("{{ max 1 5 3 }} {{ min 4 2 \"8\" }} {{ printf \"%T\" (add 1 1) }}", "5 2 int64"),
            ("{{ int 3.9 }} {{ int64 \"0x10\" }} {{ int \"12.0\" }} {{ float64 \"1.5\" }} {{ atoi \"42\" }} {{ atoi \"x\" }}", "3 16 12 1.5 42 0"),
            ("{{ addf 1.5 2 }} {{ mulf 1.5 2 }} {{ divf 1 4 }} {{ ceil 1.2 }} {{ floor 1.8 }} {{ round 1.2345 2 }}", "3.5 3 0.25 2 1 1.23"),
            ("{{ .n | int }} {{ printf \"%d\" (.n | int) }}", "80 80"),
        ], data: ["n": .float(80)])
        XCTAssertThrowsError(try render("{{ div 1 0 }}"))
    }

    func testEncodingHashingRegexAndTypes() throws {
        try check([
            ("{{ b64enc \"hello\" }} {{ b64dec \"aGVsbG8=\" }}", "aGVsbG8= hello"),
            ("{{ sha256sum \"hello\" }}", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
            ("{{ sha1sum \"hello\" }} {{ adler32sum \"hello\" }}", "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d 103547413"),
            ("{{ regexMatch \"^[a-z]+$\" \"abc\" }} {{ regexFind \"[0-9]+\" \"ab12cd34\" }} {{ regexFindAll \"[0-9]\" \"a1b2c3\" 2 }}", "true 12 [1 2]"),
            ("{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }} {{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-\" \"${1}\" }}", "-W-xxW- -${1}-"),
            ("{{ regexSplit \"z+\" \"pizza\" -1 }}", "[pi a]"),
            ("{{ typeOf 1 }} {{ typeOf .n }} {{ typeOf (list) }} {{ kindOf (dict) }} {{ kindIs \"string\" \"x\" }} {{ typeOf nil }}", "int float64 []interface {} map true <nil>"),
            ("{{ semverCompare \">=1.20-0\" \"v1.27.3\" }} {{ semverCompare \"^1.2\" \"2.0.0\" }} {{ semverCompare \"~1.2.3\" \"1.2.9\" }} {{ semverCompare \"1.2.x\" \"1.3.0\" }}", "true false true false"),
            ("{{ len (randAlphaNum 12) }} {{ len uuidv4 }}", "12 36"),
        ], data: ["n": .float(80)])
    }

    func testWrongArgumentTypesFailAsInHelm() {
        XCTAssertThrowsError(try render("{{ upper .n }}", ["n": .float(80)])) { error in
            XCTAssertTrue("\(error)".hasSuffix("wrong type for value; expected string; got float64"), "\(error)")
        }
        XCTAssertThrowsError(try render("{{ indent \"2\" \"x\" }}")) { error in
            XCTAssertTrue("\(error)".hasSuffix("expected integer; found \"2\""), "\(error)")
        }
    }
}
