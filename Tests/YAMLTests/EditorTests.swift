import XCTest
@testable import YAML

final class EditorTests: XCTestCase {
    func set(_ text: String, _ path: String, _ value: String, as kind: EditValue.Kind? = nil) throws -> String {
        try YAMLEditor(text: text, file: "values.yaml").setting(ValuePath(parsing: path), to: value, as: kind)
    }

    func testSettingAScalarChangesOnlyItsBytes() throws {
        let text = "backend:\n  resources:\n    limits:\n      memory: 512Mi   # OOM in March\n"
        XCTAssertEqual(try set(text, "backend.resources.limits.memory", "384Mi", as: .quantity),
                       "backend:\n  resources:\n    limits:\n      memory: 384Mi   # OOM in March\n")
    }

    func testQuoteStyleIsKeptAndStringsThatWouldChangeTypeAreQuoted() throws {
        XCTAssertEqual(try set("tag: \"1.4.0\"\n", "tag", "1.5.0"), "tag: \"1.5.0\"\n")
        XCTAssertEqual(try set("tag: '1.4.0'\n", "tag", "it's"), "tag: 'it''s'\n")
        XCTAssertEqual(try set("name: web\n", "name", "true"), "name: \"true\"\n")
        XCTAssertEqual(try set("name: web\n", "name", "1.5"), "name: \"1.5\"\n")
        XCTAssertEqual(try set("name: web\n", "name", "a: b"), "name: \"a: b\"\n")
        XCTAssertEqual(try set("name: web\n", "name", "line\nbreak"), "name: \"line\\nbreak\"\n")
    }

    func testAnExistingValueKeepsItsTypeUnlessATypeIsGiven() throws {
        XCTAssertEqual(try set("replicas: 2\n", "replicas", "5"), "replicas: 5\n")
        XCTAssertThrowsError(try set("replicas: 2\n", "replicas", "five")) { error in
            XCTAssertEqual("\(error)", "values.yaml:1:11: replicas is an int (2); \"five\" is not an int. Use --type string (or another --type) to change its type")
        }
        XCTAssertEqual(try set("replicas: 2\n", "replicas", "five", as: .string), "replicas: five\n")
        XCTAssertEqual(try set("enabled: true\n", "enabled", "no"), "enabled: false\n", "booleans are written as true/false")
        XCTAssertEqual(try set("cpu: 1\n", "cpu", "500m", as: .quantity), "cpu: 500m\n")
        XCTAssertEqual(try set("cpu: \"1\"\n", "cpu", "2", as: .quantity), "cpu: \"2\"\n")
        XCTAssertEqual(try set("cpu: 500m\n", "cpu", "2", as: .quantity), "cpu: 2\n")
    }

    func testListElementsByIndexAndByKey() throws {
        let text = "containers:\n- name: api\n  image: api:1\n- name: worker\n  image: worker:1\n"
        XCTAssertEqual(try set(text, "containers[name=worker].image", "worker:2"),
                       "containers:\n- name: api\n  image: api:1\n- name: worker\n  image: worker:2\n")
        XCTAssertEqual(try set(text, "containers[0].image", "api:2"),
                       "containers:\n- name: api\n  image: api:2\n- name: worker\n  image: worker:1\n")
        XCTAssertThrowsError(try set(text, "containers[5].image", "x")) { error in
            XCTAssertTrue("\(error)".contains("containers[5] is out of range: the list has 2 elements"), "\(error)")
        }
        XCTAssertThrowsError(try set(text, "containers[name=db].image", "x"))
    }

    func testMissingKeysBecomeCorrectlyIndentedLines() throws {
        let text = "backend:\n  probes:\n    liveness:\n      path: /health   # keep\n\n# next section\nfrontend: {}\n"
        XCTAssertEqual(try set(text, "backend.probes.startup.failureThreshold", "30"),
                       "backend:\n  probes:\n    liveness:\n      path: /health   # keep\n    startup:\n      failureThreshold: 30\n\n# next section\nfrontend: {}\n")
        XCTAssertEqual(try set(text, "frontend.replicas", "2"),
                       "backend:\n  probes:\n    liveness:\n      path: /health   # keep\n\n# next section\nfrontend: {replicas: 2}\n")
    }

    func testInsertionFollowsTheFilesIndentAndLineEndings() throws {
        XCTAssertEqual(try set("a:\n    b: 1\n", "a.c.d", "x"), "a:\n    b: 1\n    c:\n        d: x\n")
        XCTAssertEqual(try set("a:\r\n  b: 1\r\n", "a.c", "2"), "a:\r\n  b: 1\r\n  c: 2\r\n")
    }

    func testEmptyValuesAreFilledInPlace() throws {
        XCTAssertEqual(try set("a:\nb: 1\n", "a", "x"), "a: x\nb: 1\n")
        XCTAssertEqual(try set("resources:   # to be sized\nb: 1\n", "resources.cpu", "1"),
                       "resources: # to be sized\n  cpu: 1\nb: 1\n")
        XCTAssertEqual(try set("resources: ~\n", "resources.cpu", "1"), "resources:\n  cpu: 1\n")
        XCTAssertEqual(try set("", "a.b", "1"), "a:\n  b: 1\n")
    }

    func testEntriesWithoutAValueIndicatorAreRefusedNotCorrupted() {
        // Found by the fuzzer: a flow-map key with no ':' has nowhere to put a value.
        XCTAssertThrowsError(try set("m: {a-, b: 1}\n", "m.a-", "x")) { error in
            XCTAssertTrue("\(error)".contains("has no value indicator"), "\(error)")
        }
        XCTAssertThrowsError(try set("? k\n", "k", "x"))
        XCTAssertEqual(try set("list:\n-\n- b\n", "list[0]", "a"), "list:\n- a\n- b\n")
    }

    func testBlockScalarsAreReplacedKeepingFollowingBlankLines() throws {
        XCTAssertEqual(try set("msg: |\n  one\n  two\n\nnext: 1\n", "msg", "short"), "msg: short\n\nnext: 1\n")
    }

    func testAliasesAreNotEditedThroughAndTheAnchorIsNamed() throws {
        let text = "base: &b\n  x: 1\nother: *b\n"
        XCTAssertThrowsError(try set(text, "other.x", "2")) { error in
            XCTAssertTrue("\(error)".contains("edit the anchor &b at line 1 column 7"), "\(error)")
        }
        XCTAssertEqual(try set(text, "base.x", "2"), "base: &b\n  x: 2\nother: *b\n")
    }

    func testAnchorsAndTagsOnAValueAreKept() throws {
        XCTAssertEqual(try set("a: &x 1\nb: *x\n", "a", "2"), "a: &x 2\nb: *x\n")
        XCTAssertEqual(try set("a: &x\nb: *x\n", "a", "v"), "a: &x v\nb: *x\n")
        XCTAssertEqual(try set("a: !!str 123\n", "a", "456"), "a: !!str \"456\"\n")
        XCTAssertThrowsError(try set("a: !!int 1\n", "a", "x"))
        // libyaml ends an anchor name at `:`: `&x:y` is the anchor x on the value ":y" (yaml-fuzz).
        XCTAssertEqual(try set("a: &x:y\nb: *x\n", "a", "z"), "a: &x z\nb: *x\n")
    }

    /// A tag on its own line above an indented map: new keys go at the map's column, not the
    /// tag's (yaml-fuzz inserted one at column 0, which ended the document).
    func testAKeyIsInsertedAtTheColumnOfATaggedIndentedMap() throws {
        XCTAssertEqual(try set("!t:\n  n: 1\n", "fuzzNew.leaf", "42", as: .int), "!t:\n  n: 1\n  fuzzNew:\n    leaf: 42\n")
    }

    /// `? a` alone before the document's end marker: a new key goes inside the document, before
    /// `...` (yaml-fuzz inserted it after the marker).
    func testAKeyIsInsertedBeforeTheDocumentEndMarker() throws {
        XCTAssertEqual(try set("? a\n...\n", "fuzzNew.leaf", "42", as: .int), "? a\nfuzzNew:\n  leaf: 42\n...\n")
    }

    /// A `|+` block scalar ending the file without a line break: a new key after it would change
    /// its value, so the edit is refused (yaml-fuzz appended the key to its last line).
    func testNoKeyIsAddedAfterAKeptBlockScalarThatEndsWithoutALineBreak() throws {
        XCTAssertThrowsError(try set("a: |+\n  x", "b", "1", as: .int)) { error in
            XCTAssertEqual("\(error)", "values.yaml:1:4: b cannot be added after a block scalar that keeps its line breaks (|+) and ends the file without one; add a line break at the end of the file first")
        }
        XCTAssertEqual(try set("a: |+\n  x\n", "b", "1", as: .int), "a: |+\n  x\nb: 1\n")
    }

    /// An insertion the editor cannot place right is refused after reading it back (yaml-fuzz:
    /// a lone `?` took the new key into the explicit key).
    func testAnInsertionThatDoesNotReadBackIsRefused() throws {
        XCTAssertThrowsError(try set("\r\r?", "fuzzNew.leaf", "42", as: .int)) { error in
            XCTAssertTrue("\(error)".contains("fuzzNew.leaf cannot be written safely where it stands"), "\(error)")
        }
    }

    /// `? bg` then a comment ending in `:`: the key has no value indicator, and the `:` in the
    /// comment is not one (yaml-fuzz wrote the value into the comment).
    func testAColonInACommentIsNotAValueIndicator() throws {
        XCTAssertThrowsError(try set("? bg\n  #    0  <<:", "bg", "x")) { error in
            XCTAssertEqual("\(error)", "values.yaml:3:1: bg has no value indicator (':') to write after; edit this entry by hand")
        }
    }

    func testDeletingRemovesTheEntrysLines() throws {
        let editor = try YAMLEditor(text: "a: 1\nb:\n  c: 2   # gone too\n  d: 3\ne: 4\n")
        XCTAssertEqual(try editor.deleting(ValuePath(parsing: "b.c")), "a: 1\nb:\n  d: 3\ne: 4\n")
        XCTAssertEqual(try editor.deleting(ValuePath(parsing: "b")), "a: 1\ne: 4\n")
        XCTAssertEqual(try YAMLEditor(text: "m: {a: 1, b: 2}\n").deleting(ValuePath(parsing: "m.a")), "m: {b: 2}\n")
        XCTAssertThrowsError(try YAMLEditor(text: "m:\n  only: 1\n").deleting(ValuePath(parsing: "m.only")))
    }

    func testPathsParseWithEscapesAndReportBadSyntax() throws {
        XCTAssertEqual(try ValuePath(parsing: "a.b\\.c[0][k=v].d").segments,
                       [.key("a"), .key("b.c"), .index(0), .match(key: "k", value: "v"), .key("d")])
        XCTAssertEqual(try ValuePath(parsing: "[1].x").segments, [.index(1), .key("x")])
        for bad in ["", "a..b", "a.", ".a", "a[", "a[x]", "a[0]b", "a.[0]"] {
            XCTAssertThrowsError(try ValuePath(parsing: bad), bad)
        }
        XCTAssertEqual(try ValuePath(parsing: "annotations.prometheus\\.io/scrape").description, "annotations.prometheus\\.io/scrape")
    }

    /// Scaling windows as `recommend` writes them.
    let windows = EditValue.flowMappings([
        [.init("cron", .string("0 7 * * 1-5")), .init("duration", .string("11h")), .init("minReplicas", .int(6))],
        [.init("cron", .string("@daily")), .init("duration", .string("1h30m")), .init("minReplicas", .int(3))],
    ])
    let windowsText = #"[{cron: "0 7 * * 1-5", duration: 11h, minReplicas: 6}, {cron: "@daily", duration: 1h30m, minReplicas: 3}]"#
    let windowsValue: Value = [["cron": "0 7 * * 1-5", "duration": "11h", "minReplicas": 6], ["cron": "@daily", "duration": "1h30m", "minReplicas": 3]]

    func setWindows(_ text: String) throws -> String {
        let edited = try YAMLEditor(text: text, file: "values.yaml").setting(ValuePath(parsing: "backend.hpa.schedules"), to: windows)
        // The edited text reads back as exactly the intended list.
        XCTAssertEqual(try ValueDecoder.decode(edited)[path: ["backend", "hpa", "schedules"]], windowsValue)
        return edited
    }

    func testAListOfFlowMapsReplacesAnEmptyFlowListKeepingItsComment() throws {
        let text = "backend:\n  hpa:\n    minReplicas: 2   # floor\n    # windows (UTC)\n    schedules: []   # none yet\n  pdb:\n    enabled: true\n"
        XCTAssertEqual(try setWindows(text),
                       "backend:\n  hpa:\n    minReplicas: 2   # floor\n    # windows (UTC)\n    schedules: \(windowsText)   # none yet\n  pdb:\n    enabled: true\n")
    }

    func testAListOfFlowMapsReplacesABlockListAndTheLinesAfterItStay() throws {
        let text = "backend:\n  hpa:\n    schedules:\n      - {cron: \"0 8 * * *\", duration: 2h, minReplicas: 4}\n      - cron: \"0 12 * * *\"\n        duration: 1h\n        minReplicas: 5\n\n    maxReplicas: 10 # ceiling\n"
        XCTAssertEqual(try setWindows(text), "backend:\n  hpa:\n    schedules: \(windowsText)\n\n    maxReplicas: 10 # ceiling\n")
    }

    func testAListOfFlowMapsIsInsertedWhenTheKeyIsAbsent() throws {
        let text = "backend:\n  hpa:\n    minReplicas: 2\n    maxReplicas: 10   # ceiling\n\nfrontend: {}\n"
        XCTAssertEqual(try setWindows(text),
                       "backend:\n  hpa:\n    minReplicas: 2\n    maxReplicas: 10   # ceiling\n    schedules: \(windowsText)\n\nfrontend: {}\n")
        XCTAssertEqual(try setWindows("backend:\n  hpa:\n"), "backend:\n  hpa:\n    schedules: \(windowsText)\n")
        XCTAssertEqual(try setWindows("backend: {hpa: {schedules: [], minReplicas: 2}}\n"),
                       "backend: {hpa: {schedules: \(windowsText), minReplicas: 2}}\n")
    }

    func testAnEmptyListOfFlowMapsIsWrittenAsEmpty() throws {
        let edited = try YAMLEditor(text: "schedules:\n  - {cron: \"@daily\", duration: 1h, minReplicas: 3}\n", file: "values.yaml")
            .setting(ValuePath(parsing: "schedules"), to: .flowMappings([]))
        XCTAssertEqual(edited, "schedules: []\n")
    }

    func testCollectionsCannotBeSetAsScalars() {
        XCTAssertThrowsError(try set("a:\n  b: 1\n", "a", "x")) { error in
            XCTAssertTrue("\(error)".contains("a is a map, not a single value"), "\(error)")
        }
    }

    func testUnifiedDiffShowsOnlyTheChangedLine() {
        let diff = LineDiff.unified(old: "a\nb\nc\nd\ne\nf\ng\nh\n", new: "a\nb\nc\nd\nE\nf\ng\nh\n", oldName: "a/v", newName: "b/v")
        XCTAssertEqual(diff, "--- a/v\n+++ b/v\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n")
    }
}
