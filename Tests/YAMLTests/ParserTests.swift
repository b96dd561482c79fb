import XCTest
@testable import YAML

final class ParserTests: XCTestCase {
    func testMarksCarryOneBasedLinesAndByteOffsets() throws {
        let text = "a: 1\nb: \"ünï\"\nc: ünï ünï\n"
        let root = try XCTUnwrap(YAMLParser.parseSingle(text))
        let bytes = Array(text.utf8)
        func source(_ node: Node) -> String {
            String(decoding: bytes[node.start.offset..<node.end.offset], as: UTF8.self)
        }
        let b = try XCTUnwrap(root["b"])
        XCTAssertEqual(b.start, Mark(offset: 8, line: 2, column: 4))
        XCTAssertEqual(source(b), "\"ünï\"")
        let c = try XCTUnwrap(root["c"])
        XCTAssertEqual(source(c), "ünï ünï")
        XCTAssertEqual(c.start.line, 3)
        XCTAssertEqual(c.start.column, 4)
    }

    func testMarksAfterMultibyteCharactersOnEarlierLinesAreExact() throws {
        let text = "# ☃ snowman ☃\nkey: 'värde'  # kommentar\nlist:\n- 日本\n- x\n"
        let root = try XCTUnwrap(YAMLParser.parseSingle(text))
        let bytes = Array(text.utf8)
        let item = try XCTUnwrap(root["list"]?.items?[1])
        XCTAssertEqual(String(decoding: bytes[item.start.offset..<item.end.offset], as: UTF8.self), "x")
        let key = try XCTUnwrap(root["key"])
        XCTAssertEqual(String(decoding: bytes[key.start.offset..<key.end.offset], as: UTF8.self), "'värde'")
        XCTAssertEqual(key.content.scalarStyle, .singleQuoted)
    }

    func testMultiDocumentStreamsKeepEveryDocument() throws {
        let docs = try YAMLParser.parse("a: 1\n---\nb: 2\n---\n# only a comment\n")
        XCTAssertEqual(docs.count, 3)
        XCTAssertEqual(docs[1].root?["b"]?.scalarText, "2")
        XCTAssertEqual(docs[1].start.line, 2)
    }

    func testEmptyInputHasNoDocuments() throws {
        XCTAssertEqual(try YAMLParser.parse("").count, 0)
        XCTAssertNil(try YAMLParser.parseSingle("# nothing here\n"))
    }

    func testDuplicateKeyNamesBothPositions() {
        XCTAssertThrowsError(try YAMLParser.parse("a: 1\nb:\n  c: 1\n  c: 2\n", file: "values.yaml")) { error in
            let e = error as! YAMLError
            XCTAssertEqual(e.kind, .duplicateKey)
            XCTAssertEqual(e.mark?.line, 4)
            XCTAssertEqual(e.description,
                           "values.yaml:4:3: mapping key \"c\" already defined at line 3 column 3; remove one of them")
        }
    }

    func testDuplicateKeysInLargeMappingsAreFound() {
        var text = ""
        for i in 0..<50 { text += "k\(i): \(i)\n" }
        text += "k17: again\n"
        XCTAssertThrowsError(try YAMLParser.parse(text)) { error in
            XCTAssertEqual((error as! YAMLError).mark?.line, 51)
        }
    }

    func testQuotedAndPlainSpellingsOfTheSameKeyAreDuplicates() {
        XCTAssertThrowsError(try YAMLParser.parse("a: 1\n\"a\": 2\n"))
    }

    func testSyntaxErrorNamesFileLineAndColumn() {
        XCTAssertThrowsError(try YAMLParser.parse("a: [1\nb: 2\n", file: "bad.yaml")) { error in
            let e = error as! YAMLError
            XCTAssertEqual(e.kind, .syntax)
            XCTAssertTrue(e.description.hasPrefix("bad.yaml:2:2: did not find expected ',' or ']'"), e.description)
        }
    }

    func testTabIndentationIsASyntaxError() {
        XCTAssertThrowsError(try YAMLParser.parse("a:\n\tb: 1\n"))
    }

    func testUnknownAliasIsAnError() {
        XCTAssertThrowsError(try YAMLParser.parse("a: *nope\n")) { error in
            XCTAssertEqual((error as! YAMLError).kind, .unknownAnchor)
        }
    }

    func testAnchorsAndAliasesKeepTheirNames() throws {
        let root = try XCTUnwrap(YAMLParser.parseSingle("base: &b {x: 1}\nother: *b\n"))
        XCTAssertEqual(root["base"]?.anchor, "b")
        guard case .alias(let name, let target) = root["other"]?.content else { return XCTFail("not an alias") }
        XCTAssertEqual(name, "b")
        XCTAssertTrue(target === root["base"])
    }

    func testExplicitTagsAreKeptInLongForm() throws {
        let root = try XCTUnwrap(YAMLParser.parseSingle("a: !!str 1\nb: !local x\n"))
        XCTAssertEqual(root["a"]?.tag, "tag:yaml.org,2002:str")
        XCTAssertEqual(root["b"]?.tag, "!local")
    }

    func testNestingBeyondTheLimitIsRejectedNotCrashing() {
        let deep = String(repeating: "[", count: YAMLParser.maximumDepth + 5)
        XCTAssertThrowsError(try YAMLParser.parse(deep))
    }

    func testMarksOnALongNonASCIILineAreExact() throws {
        // One long flow line (as JSON often is): marks are found by walking forward from the
        // previous mark, so every one must still land on its scalar.
        let items = (0..<20_000).map { "\"é\($0)\"" }
        let text = "[" + items.joined(separator: ", ") + "]\n"
        let root = try XCTUnwrap(YAMLParser.parseSingle(text))
        let bytes = Array(text.utf8)
        for (i, node) in try XCTUnwrap(root.items).enumerated() where i % 997 == 0 {
            XCTAssertEqual(String(decoding: bytes[node.start.offset..<node.end.offset], as: UTF8.self), "\"é\(i)\"")
        }
    }

    func testCRLFLineEndingsCountAsOneLineBreak() throws {
        let text = "a: 1\r\nb: ü\r\nc: 3\r\n"
        let root = try XCTUnwrap(YAMLParser.parseSingle(text))
        let c = try XCTUnwrap(root["c"])
        XCTAssertEqual(c.start.line, 3)
        XCTAssertEqual(Array(text.utf8)[c.start.offset], UInt8(ascii: "3"))
    }
}

extension Node.Content {
    var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = self { return style }
        return nil
    }
}
