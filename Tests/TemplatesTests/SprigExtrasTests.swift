import XCTest
import YAML
@testable import Templates

/// The Sprig functions added for completeness: lists, strings, encoding, URLs, semver, regex
/// must-forms, JSON, reflection, random values and dates. Expected values come from Go (Sprig's
/// code run on Go 1.27's net/url, encoding/base32 and time packages).
final class SprigExtrasTests: XCTestCase {
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

    private func error(_ template: String) -> String {
        do { _ = try render(template); return "" } catch { return "\(error)" }
    }

    func testLists() throws {
        try check([
            ("{{ mustAppend (list 1) 2 }} {{ mustPush (list) \"a\" }} {{ mustPrepend (list 1) 0 }}", "[1 2] [a] [0 1]"),
            ("{{ mustFirst (list 1 2) }} {{ mustRest (list 1 2 3) }} {{ mustLast (list 1 2) }} {{ mustInitial (list 1 2 3) }}", "1 [2 3] 2 [1 2]"),
            ("{{ mustReverse (list 1 2) }} {{ mustUniq (list 1 1 2) }} {{ mustWithout (list 1 2 3) 2 3 }} {{ mustHas 2 (list 1 2) }} {{ mustCompact (list 0 1 \"\") }}", "[2 1] [1 2] [1] true [1]"),
            ("{{ slice (list 1 2 3 4) 1 3 }} {{ slice (list 1 2 3 4) 2 }} {{ slice (list 1 2 3) }} {{ mustSlice (list 1 2 3) 0 1 }}", "[2 3] [3 4] [1 2 3] [1]"),
            ("{{ chunk 2 (list 1 2 3 4 5) }} {{ mustChunk 3 (list 1 2 3) }} {{ chunk 2 (list) }}", "[[1 2] [3 4] [5]] [[1 2 3]] []"),
            ("{{ has 1 .missing }}", "false"),
        ])
        XCTAssertEqual(try render("{{ $s := slice (splitList \",\" \"a,b,c\") 1 }}{{ printf \"%T %v\" $s $s }}"), "[]string [b c]")
        XCTAssertTrue(error("{{ mustAppend 3 1 }}").hasSuffix("error calling mustAppend: Cannot push on type int"), error("{{ mustAppend 3 1 }}"))
        XCTAssertTrue(error("{{ append \"x\" 1 }}").hasSuffix("error calling append: Cannot push on type string"))
        XCTAssertTrue(error("{{ mustHas 1 3 }}").hasSuffix("error calling mustHas: Cannot find has on type int"))
        XCTAssertTrue(error("{{ slice \"abc\" 1 }}").hasSuffix("error calling slice: list should be type of slice or array but string"))
        XCTAssertTrue(error("{{ slice (list 1 2) 1 5 }}").hasSuffix("error calling slice: reflect.Value.Slice: slice index out of bounds"))
        XCTAssertTrue(error("{{ mustChunk 2 5 }}").hasSuffix("error calling mustChunk: Cannot chunk type int"))
    }

    func testStringsEncodingAndReflection() throws {
        try check([
            ("{{ hello }}", "Hello!"),
            ("{{ abbrevboth 5 10 \"1234 5678 9123\" }}|{{ abbrevboth 0 10 \"1234 5678 9123\" }}|{{ abbrevboth 1 3 \"abcdef\" }}", "...5678...|1234 56...|abcdef"),
            ("{{ b32enc \"Hello, World!\" }} {{ b32enc \"a\" }} {{ b32dec \"JBSWY3DPFQQFO33SNRSCC===\" }} {{ b32dec \"ME======\" }}", "JBSWY3DPFQQFO33SNRSCC=== ME====== Hello, World! a"),
            ("{{ b32dec \"!!\" }}|{{ b32dec \"MZXW6\" }}", "illegal base32 data at input byte 0|illegal base32 data at input byte 0"),
            ("{{ typeIsLike \"string\" \"x\" }} {{ typeIsLike \"int\" 1 }} {{ typeIsLike \"semver.Version\" (semver \"1.0.0\") }} {{ typeIsLike \"int\" \"x\" }}", "true true true false"),
            ("{{ sha512sum \"abc\" }}", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
            ("{{ shuffle \"aabbc\" | len }}", "5"),
        ])
        let shuffled = try render("{{ shuffle \"abcdefgh\" }}")
        XCTAssertEqual(String(shuffled.sorted()), "abcdefgh")
    }

    func testURLs() throws {
        try check([
            ("{{ $u := urlParse \"https://user:p%40ss@example.com:8080/a/b%20c?x=1&y=2#frag%21\" }}{{ $u.scheme }}|{{ $u.host }}|{{ $u.hostname }}|{{ $u.path }}|{{ $u.query }}|{{ $u.opaque }}|{{ $u.fragment }}|{{ $u.userinfo }}",
             "https|example.com:8080|example.com|/a/b c|x=1&y=2||frag!|user:p%40ss"),
            ("{{ $u := urlParse \"mailto:joe@example.com\" }}{{ $u.scheme }}|{{ $u.opaque }}|{{ $u.path }}", "mailto|joe@example.com|"),
            ("{{ $u := urlParse \"http://[::1]:9000/x\" }}{{ $u.host }}|{{ $u.hostname }}", "[::1]:9000|::1"),
            ("{{ (urlParse \"HTTP://Example.COM\").scheme }} {{ (urlParse \"/relative/path?q\").query }}", "http q"),
            ("{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"example.com:443\" \"path\" \"/a b\" \"query\" \"x=1\" \"fragment\" \"f g\" \"userinfo\" \"user:pass\") }}",
             "https://user:pass@example.com:443/a%20b?x=1#f%20g"),
            ("{{ urlJoin (urlParse \"file:///etc/hosts\") }} {{ urlJoin (urlParse \"mailto:joe@example.com\") }}", "file:///etc/hosts mailto:joe@example.com"),
        ])
        XCTAssertTrue(error("{{ urlParse \":foo\" }}").hasSuffix("error calling urlParse: unable to parse url: parse \":foo\": missing protocol scheme"))
    }

    func testSemverRegexAndJSON() throws {
        try check([
            ("{{ $v := semver \"v1.2.3-beta.1+build.5\" }}{{ $v.Major }} {{ $v.Minor }} {{ $v.Patch }} {{ $v.Prerelease }} {{ $v.Metadata }} {{ $v.Original }} {{ $v }}",
             "1 2 3 beta.1 build.5 v1.2.3-beta.1+build.5 1.2.3-beta.1+build.5"),
            ("{{ (semver \"1.2\").String }} {{ (semver \"1.2.3\").Compare (semver \"1.3.0\") }} {{ (semver \"2.0.0\").GreaterThan (semver \"2.0.0-rc.1\") }}", "1.2.0 -1 true"),
            // Precedence: numeric prerelease identifiers compare as numbers, metadata is ignored.
            ("{{ (semver \"1.0.0-alpha.10\").Compare (semver \"1.0.0-alpha.9\") }} {{ (semver \"1.0.0+a\").Equal (semver \"v1.0.0+b\") }} {{ (semver \"1.0.0-alpha\").LessThan (semver \"1.0.0-alpha.1\") }} {{ (semver \"1.10\").Compare (semver \"1.9.9\") }}", "1 true true 1"),
            ("{{ mustRegexFind \"[0-9]+\" \"ab123cd45\" }} {{ mustRegexFindAll \"[0-9]+\" \"ab123cd45\" -1 }} {{ mustRegexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }}", "123 [123 45] -W-xxW-"),
            ("{{ mustRegexReplaceAllLiteral \"a(x*)b\" \"-ab-axxb-\" \"${1}\" }} {{ mustRegexSplit \"z+\" \"pizza\" -1 }}", "-${1}-${1}- [pi a]"),
            ("{{ (mustFromJson \"{\\\"a\\\":[1,2]}\").a }} {{ mustFromJson \"[1, \\\"x\\\"]\" }} {{ mustToPrettyJson (dict \"a\" 1) }}", "[1 2] [1 x] {\n  \"a\": 1\n}"),
        ])
        XCTAssertTrue(error("{{ semver \"1.2.x\" }}").hasSuffix("error calling semver: Invalid Semantic Version"))
        XCTAssertTrue(error("{{ mustRegexFind \"[\" \"x\" }}").contains("error calling mustRegexFind: error parsing regexp"))
        XCTAssertTrue(error("{{ mustFromJson \"{\" }}").contains("error calling mustFromJson"))
    }

    func testRandomValuesHaveTheirShape() throws {
        for _ in 0..<20 {
            let n = Int(try render("{{ randInt 5 8 }}"))!
            XCTAssertTrue((5..<8).contains(n))
        }
        let bytes = try render("{{ randBytes 24 }}")
        XCTAssertEqual(Base64.decode(bytes)?.count, 24)
        XCTAssertTrue(error("{{ randInt 5 5 }}").hasSuffix("error calling randInt: invalid argument to Intn"))
    }

    func testNetwork() throws {
        // Helm without --enable-dns: "" for every name, resolvable or not, through the engine's functions.
        let set = TemplateSet(functions: HelmEngine(functions: SprigCore.functions).functions)
        try set.parse(name: "t", text: "[{{ getHostByName \"localhost\" }}] [{{ getHostByName \"no-such-host.invalid\" | printf \"%T\" }}]")
        XCTAssertEqual(try set.execute("t", data: TemplateValue([:] as Value)).text, "[] [string]")
    }

    func testDates() throws {
        // Fixed instants print through the zone files as Go prints them.
        try check([
            ("{{ dateInZone \"2006-01-02 15:04:05 MST\" 1700000000 \"Europe/Berlin\" }}", "2023-11-14 23:13:20 CET"),
            ("{{ date_in_zone \"Mon Jan _2 15:04 -07:00\" 1690000000 \"America/New_York\" }}", "Sat Jul 22 00:26 -04:00"),
            ("{{ htmlDateInZone 1700000000 \"Asia/Kolkata\" }} {{ dateInZone \"15:04 MST\" 0 \"No/Such_Zone\" }}", "2023-11-15 00:00 UTC"),
            ("{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-02-29T13:14:15+05:30\" | unixEpoch }}", "1709192655"),
            ("{{ $t := toDate \"2006-01-02 15:04\" \"2024-03-01 10:30\" }}{{ $t | date \"2006-01-02 15:04\" }} {{ $t.Year }} {{ $t.Month }} {{ $t.Format \"Jan 2\" }}", "2024-03-01 10:30 2024 March Mar 1"),
            ("{{ toDate \"2006-01-02\" \"x\" }}", "0001-01-01 00:00:00 +0000 UTC"),
            ("{{ toDate \"2006-01-02\" \"2024-01-01\" | dateModify \"nonsense\" | date \"2006-01-02\" }}", "2024-01-01"),
            // Sprig's duration takes int64 or a string; a template's int literal falls through to 0.
            ("{{ duration (int64 3661) }} {{ duration \"90\" }} {{ duration \"x\" }} {{ duration 1.5 }} {{ duration 3661 }}", "1h1m1s 1m30s 0s 0s 0s"),
            ("{{ durationRound \"2h10m5s\" }} {{ durationRound \"2400h\" }} {{ durationRound \"9000h\" }} {{ durationRound \"-3m\" }} {{ durationRound \"\" }} {{ durationRound 3 }}", "2h 3mo 1y 3m 0s 0s"),
            ("{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-02-29T13:14:15Z\" | toPrettyJson }}", "\"2024-02-29T13:14:15Z\""),
        ])
        XCTAssertEqual(try render("{{ dateInZone \"2006-01-02T15:04:05Z07:00\" (toDate \"2006-01-02T15:04:05Z07:00\" \"2024-02-29T13:14:15+05:30\" | dateModify \"-1.5h\") \"UTC\" }}"), "2024-02-29T06:14:15Z")
        XCTAssertTrue(error("{{ mustToDate \"2006-01-02\" \"x\" }}").hasSuffix("error calling mustToDate: parsing time \"x\" as \"2006-01-02\": cannot parse \"x\" as \"2006\""))
        XCTAssertTrue(error("{{ now | mustDateModify \"x\" }}").hasSuffix("error calling mustDateModify: time: invalid duration \"x\""))
        XCTAssertTrue(error("{{ now | must_date_modify \"10d\" }}").hasSuffix("time: unknown unit \"d\" in duration \"10d\""))
        XCTAssertTrue(error("{{ dateModify \"1h\" (toString 2024) }}").contains("wrong type for value; expected time.Time; got string"), error("{{ dateModify \"1h\" (toString 2024) }}"))

        // now-based functions: the same shape every run.
        let now = try render("{{ now }}")
        XCTAssertNotNil(now.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4} \S+ m=\+\d+\.\d{9}$"#, options: .regularExpression), now)
        XCTAssertNotNil(try render("{{ now | date \"2006-01-02\" }}").range(of: #"^\d{4}-\d\d-\d\d$"#, options: .regularExpression))
        XCTAssertNotNil(try render("{{ htmlDate now }}").range(of: #"^\d{4}-\d\d-\d\d$"#, options: .regularExpression))
        XCTAssertNotNil(try render("{{ now | unixEpoch }}").range(of: #"^\d{10}$"#, options: .regularExpression))
        // ago is the time elapsed since its argument, rounded to seconds: how many seconds pass
        // between `now` and `ago` depends on the machine, so only the shape is fixed.
        let ago = try render("{{ now | ago }} {{ ago 0 | len | lt 5 }}")
        XCTAssertNotNil(ago.range(of: #"^\d{1,2}s true$"#, options: .regularExpression), ago)
        let agoShifted = try render("{{ now | dateModify \"-2h\" | ago }} {{ now | dateModify \"-26h\" | durationRound }}")
        XCTAssertNotNil(agoShifted.range(of: #"^2h0m\d{1,2}s 1d$"#, options: .regularExpression), agoShifted)
        XCTAssertEqual(try render("{{ printf \"%T\" now }} {{ (now).IsZero }}"), "time.Time false")
    }
}
