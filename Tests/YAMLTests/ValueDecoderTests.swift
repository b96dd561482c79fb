import XCTest
@testable import YAML

final class ValueDecoderTests: XCTestCase {
    func testYAML11ScalarsResolveAsGoYAMLv2Does() throws {
        let value = try ValueDecoder.decode("""
            bools: [yes, No, on, OFF, y, N, true, False]
            nulls: [~, null, Null, NULL, ]
            octal: 0777
            hex: 0x1F
            binary: 0b101
            underscore: 1_000
            notOctal: 08
            float: 1.5
            exp: 1e3
            dotFloat: .5
            inf: -.inf
            date: 2001-12-14
            badDate: 2001-13-14
            version: 1.4.0
            quotedTrue: "true"
            plainString: hello
            big: 12345678901234567890
            bigger: 123456789012345678901234567890
            negative: -42
            plus: +42
            """)
        XCTAssertEqual(value["bools"], [true, false, true, false, true, false, true, false])
        XCTAssertEqual(value["nulls"], [nil, nil, nil, nil], "a trailing comma adds no element")
        XCTAssertEqual(value["octal"], .int(511))
        XCTAssertEqual(value["hex"], .int(31))
        XCTAssertEqual(value["binary"], .int(5))
        XCTAssertEqual(value["underscore"], .int(1000))
        XCTAssertEqual(value["notOctal"], .float(8))
        XCTAssertEqual(value["float"], .float(1.5))
        XCTAssertEqual(value["exp"], .float(1000))
        XCTAssertEqual(value["dotFloat"], .float(0.5))
        XCTAssertEqual(value["inf"], .float(-.infinity))
        XCTAssertEqual(value["date"], .string("2001-12-14"))
        XCTAssertEqual(value["badDate"], .string("2001-13-14"))
        XCTAssertEqual(value["version"], .string("1.4.0"))
        XCTAssertEqual(value["quotedTrue"], .string("true"))
        XCTAssertEqual(value["plainString"], .string("hello"))
        XCTAssertEqual(value["big"], .uint(12345678901234567890))
        XCTAssertEqual(value["bigger"], .float(Double("123456789012345678901234567890")!))
        XCTAssertEqual(value["negative"], .int(-42))
        XCTAssertEqual(value["plus"], .int(42))
    }

    func testResolverTagsMatchGoYAMLForTheQuotingDecision() {
        XCTAssertEqual(ScalarResolver.tag(of: ""), .null)
        XCTAssertEqual(ScalarResolver.tag(of: "2001-12-14T21:59:43.10Z"), .timestamp)
        XCTAssertEqual(ScalarResolver.tag(of: "2001-12-14 21:59:43.10"), .timestamp)
        XCTAssertEqual(ScalarResolver.tag(of: "2001-2-3"), .timestamp)
        XCTAssertEqual(ScalarResolver.tag(of: "2001-02-30"), .string)
        XCTAssertEqual(ScalarResolver.tag(of: "<<"), .string, "merge keys are found by the decoder, not the resolver")
        XCTAssertEqual(ScalarResolver.tag(of: "-"), .string)
        XCTAssertEqual(ScalarResolver.tag(of: "+.inf"), .float)
        XCTAssertEqual(ScalarResolver.tag(of: ".nan"), .float)
        XCTAssertEqual(ScalarResolver.tag(of: ".5e3"), .float)
        XCTAssertEqual(ScalarResolver.tag(of: "1e400"), .string, "out of range floats stay strings in go-yaml")
        XCTAssertEqual(ScalarResolver.tag(of: "0o17"), .int)
        XCTAssertEqual(ScalarResolver.tag(of: "-0b11"), .int)
        XCTAssertEqual(ScalarResolver.tag(of: "1:20"), .string, "base 60 is not resolved, only quoted on output")
        XCTAssertEqual(ScalarResolver.tag(of: "yes please"), .string)
        XCTAssertEqual(ScalarResolver.tag(of: "Yes"), .bool)
        XCTAssertEqual(ScalarResolver.tag(of: "yES"), .string)
        XCTAssertEqual(ScalarResolver.resolve("-9223372036854775808"), .int(Int64.min))
        XCTAssertEqual(ScalarResolver.resolve("18446744073709551615"), .uint(UInt64.max))
    }

    func testJSONNumbersModeReadsEveryNumberAsFloat64LikeHelm() throws {
        let value = try ValueDecoder.decode("replicas: 3\nport: 8000\nratio: 0.5\n", numbers: .json)
        XCTAssertEqual(value["replicas"], .float(3))
        XCTAssertEqual(value["port"], .float(8000))
        XCTAssertEqual(value["ratio"], .float(0.5))
    }

    func testMergeKeysMergeWithExplicitKeysAndEarlierSourcesWinning() throws {
        let value = try ValueDecoder.decode("""
            base: &base {a: 1, b: 2}
            other: &other {b: 3, c: 4}
            one:
              <<: *base
              a: 10
            many:
              <<: [*base, *other]
              d: 5
            """)
        XCTAssertEqual(value["one"], ["a": 10, "b": 2])
        XCTAssertEqual(value["many"]?["b"], .int(2), "the first map of a merge list wins")
        XCTAssertEqual(value["many"]?["c"], .int(4))
        XCTAssertEqual(value["many"]?["d"], .int(5))
    }

    func testMergeOfANonMapIsAnErrorWithAPosition() {
        XCTAssertThrowsError(try ValueDecoder.decode("a: &x 1\nb:\n  <<: *x\n", file: "v.yaml")) { error in
            let e = error as! YAMLError
            XCTAssertEqual(e.kind, .badValue)
            XCTAssertTrue(e.description.hasPrefix("v.yaml:3:7:"), e.description)
        }
    }

    func testExplicitTagsConvert() throws {
        let value = try ValueDecoder.decode("""
            s: !!str 123
            i: !!int "42"
            f: !!float 1
            b: !!bool "yes"
            bin: !!binary aGVsbG8=
            local: !thing 5
            nonspecific: ! 12
            """)
        XCTAssertEqual(value["s"], "123")
        XCTAssertEqual(value["i"], .int(42))
        XCTAssertEqual(value["f"], .float(1))
        XCTAssertEqual(value["b"], true)
        XCTAssertEqual(value["bin"], "hello")
        XCTAssertEqual(value["local"], "5")
        XCTAssertEqual(value["nonspecific"], "12")
    }

    func testATagThatDoesNotFitIsAnError() {
        XCTAssertThrowsError(try ValueDecoder.decode("a: !!int abc\n")) { error in
            XCTAssertEqual((error as! YAMLError).message, "cannot decode !!str `abc` as a !!int")
        }
    }

    func testNonStringKeysBecomeStringsAsSigsYAMLConvertsThem() throws {
        let value = try ValueDecoder.decode("1: a\nyes: b\n1.5: c\n~: d\n")
        XCTAssertEqual(Array(value.object!.keys), ["1", "true", "1.5", "null"])
    }

    func testBillionLaughsIsRejected() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        XCTAssertThrowsError(try ValueDecoder.decode(text)) { error in
            XCTAssertEqual((error as! YAMLError).kind, .excessiveAliasing)
        }
    }

    func testMapsKeepSourceOrder() throws {
        let value = try ValueDecoder.decode("z: 1\na: 2\nm: 3\n")
        XCTAssertEqual(Array(value.object!.keys), ["z", "a", "m"])
    }

    func testDecodeAllReadsEveryDocument() throws {
        let values = try ValueDecoder.decodeAll("a: 1\n---\n- x\n---\n")
        XCTAssertEqual(values, [["a": 1], ["x"], nil])
    }
}

final class GoFloatFormatTests: XCTestCase {
    func testGFormatMatchesGoStrconv() {
        // Expected strings are what Go's strconv.FormatFloat(f, 'g', -1, 64) prints.
        let cases: [(Double, String)] = [
            (0, "0"), (1, "1"), (80, "80"), (1_000_000, "1e+06"), (100_000, "100000"), (0.5, "0.5"),
            (0.0001, "0.0001"), (0.00001, "1e-05"), (123456789, "1.23456789e+08"), (1.5, "1.5"),
            (-2.25, "-2.25"), (1e21, "1e+21"), (3.14159, "3.14159"), (123456, "123456"),
            (1234567, "1.234567e+06"), (0.1 + 0.2, "0.30000000000000004"), (Double.leastNonzeroMagnitude, "5e-324"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(GoFloatFormat.g(value), expected, "\(value)")
        }
    }

    func testJSONFormatMatchesGoEncodingJSON() {
        let cases: [(Double, String)] = [
            (1_000_000, "1000000"), (1e21, "1e+21"), (1e20, "100000000000000000000"), (0.000001, "0.000001"),
            (0.0000001, "1e-7"), (123456789.5, "123456789.5"), (-0.5, "-0.5"), (0, "0"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(GoFloatFormat.json(value), expected, "\(value)")
        }
    }
}
