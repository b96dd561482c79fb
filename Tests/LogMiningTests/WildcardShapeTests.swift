@testable import LogMining
import XCTest

/// The punctuation a template's `<*>` keeps (`WildcardShape`): what all its values share, the
/// openers before them and the closers right after them, and nothing a key took.
final class WildcardShapeTests: XCTestCase {
    func testAPlaceKeepsThePunctuationItsValuesShare() {
        let cases: [(String, String, String)] = [
            (#"ADD""#, #"UPDATE""#, #"<*>""#),            // kubelet's quoted message, its last word
            ("(root)", "(admin)", "(<*>)"),
            ("(root)", "(admin),", "(<*>)"),                  // the closers right after the value
            ("[a]", "[b].", "[<*>]"),
            ("alice.", "bob.", "<*>."),
            ("failed:", "closed;", "<*>"),
            (#""SyncLoop"#, #""Sync"#, #""<*>"#),
            (#"msg="done""#, #"msg="fail""#, "<*>"),       // a key's quote opens nowhere in `<*>"`
            (#"source="<*>""#, #"probe="<*>""#, "<*>"),
            (#"pods=<*>"]"#, #"pods=<*>"],"#, "<*>"),
            ("user=<*>,", "uid=<*>,", "<*>,"),                // after a key, trailing punctuation stays
            ("sshd[<*>]:", "su(pam_unix)[<*>]:", "<*>:"),     // after a program's name too
            ("[<*>]", "[main]", "[<*>]"),                     // a shaped variable and a word
            ("<<*>", "<x", "<<*>"),
            ("<*>>", "x>", "<*>>"),
            ("(<*>:<*>)", "(a:b)", "(<*>)"),
            ("-", "x", "<*>"),
            ("\"", "(x)", "<*>"),
            ("", "x", "<*>"),
            ("«ja»", "«nein»", "<*>"),                        // UTF-8 bytes count as letters
            (#"\"tmp\""#, #"\"kube-api-access\")"#, #"\"<*>\""#),  // klog's escaped quotes are one opener
            (#"\"tmp\")"#, #"\"cache\")."#, #"\"<*>\")"#),
            (#"\"tmp\""#, #"\'tmp\'"#, "<*>"),                 // not half of an escaped quote
            (#"\"tmp\""#, #""tmp""#, "<*>"),
            ("Thread[main,5,main]", "Thread[io,5,main]", "<*>"),           // a bracket closed inside the value
            ("(Thread[main,5,main]).", "(Thread[io,5,main]).", "(<*>)."),
        ]
        for (a, b, expected) in cases {
            XCTAssertEqual(WildcardShape.merged(a, b), expected, "\(a) + \(b)")
            XCTAssertEqual(WildcardShape.merged(b, a), expected, "\(b) + \(a)")
        }
    }

    /// The byte overload says nil exactly when the text does not change: a `<*>` that already
    /// keeps only what the value shares. A word, or a `<*>` that loses punctuation, changes.
    func testTheByteOverloadIsNilOnlyWhenTheTextStays() {
        func bytesMerged(_ a: String, _ b: String) -> String? {
            Array(b.utf8).withUnsafeBufferPointer { WildcardShape.merged(a, $0) }
        }
        XCTAssertNil(bytesMerged("(<*>)", "(root)"))
        XCTAssertNil(bytesMerged("(<*>)", "(admin),"))
        XCTAssertNil(bytesMerged("<*>", "anything"))
        XCTAssertNil(bytesMerged("<*>:", "sshd[<*>]:"))
        XCTAssertEqual(bytesMerged("(<*>)", "root"), "<*>")
        XCTAssertEqual(bytesMerged("root", "root"), "<*>")       // a word is never left as it was
        XCTAssertEqual(bytesMerged("<*>x", "<*>x"), "<*>")      // a word holding <*>, not a shaped one
        XCTAssertEqual(bytesMerged("(<*>)foo", "(a)"), "(<*>)")
    }

    /// Merging is a meet: for every three texts, (a + b) + c is a + (b + c), and a + b is b + a,
    /// including texts after a key or a name.
    func testMergingIsAssociativeAndCommutative() {
        let texts = ["(root)", "(admin),", "[a]", "alice.", #"ADD""#, #""SyncLoop"#, "<*>", "(<*>)", "[<*>]:",
                     "sshd[<*>]:", "user=<*>,", #"msg="done""#, "-", "x", "<*>x", "(<*>)foo", "«ja»",
                     #"\"tmp\")"#, #"\'tmp\'"#, #"\"<*>\""#, #"(\"a\")"#, "Thread[a,1]", "f(x)", "(f(x))"]
        for a in texts {
            for b in texts {
                XCTAssertEqual(WildcardShape.merged(a, b), WildcardShape.merged(b, a), "\(a) + \(b)")
                for c in texts {
                    XCTAssertEqual(WildcardShape.merged(WildcardShape.merged(a, b), c),
                                   WildcardShape.merged(a, WildcardShape.merged(b, c)), "\(a) + \(b) + \(c)")
                }
            }
        }
    }

    /// A `<*>` with punctuation merged with itself is itself, and values met in any order leave
    /// the same text (it is the meet of what they share).
    func testTheTextDoesNotDependOnTheOrderOfTheValues() {
        for text in ["<*>", #""<*>""#, "(<*>)", "[<*>]:", "<*>.", "<<*>>"] {
            XCTAssertEqual(WildcardShape.merged(text, text), text)
            XCTAssertTrue(WildcardShape.isShaped(text), text)
        }
        let values = ["(root)", "(admin),", "(guest).", "(x)", "((y))"]
        var texts: Set<String> = []
        for rotation in 0..<values.count {
            let order = Array(values[rotation...] + values[..<rotation])
            texts.insert(order.dropFirst().reduce(order[0]) { WildcardShape.merged($0, $1) })
            texts.insert(order.reversed().dropFirst().reduce(order.last!) { WildcardShape.merged($0, $1) })
        }
        XCTAssertEqual(texts, ["(<*>)"])
        XCTAssertFalse(WildcardShape.isShaped(#"source="<*>""#))
        XCTAssertFalse(WildcardShape.isShaped("alice"))
        XCTAssertFalse(WildcardShape.isShaped("<*>x"))
        XCTAssertFalse(WildcardShape.isShaped("(<*>)foo"))
    }

    /// Two templates merging where one has a shaped variable (`[<*>]`, from variables: it takes
    /// only variables) and the other a `<*>` printed `[<*>]` (from words: it takes any token):
    /// the texts are one, but the place becomes a `<*>`, so the words the second took still join.
    func testAShapedVariableMergedWithAWildcardOfTheSameTextBecomesAWildcard() {
        // At 0.8, `job [guest] done` joins only if the middle place takes any token (2 of 3 is not enough).
        let miner = TemplateMiner(threshold: 0.8)
        let key = GroupKey(count: 3, first: TokenHash.hash("job".utf8))
        func slot(_ id: Int, _ kinds: [UInt8], _ texts: [String]) -> TemplateSlot {
            TemplateSlot(id: id, count: 1, lastSeen: UInt64(id), hashes: zip(kinds, texts).map { $0 == TemplateSlot.wildcard ? LogToken.wildcardHash : TokenHash.hash($1.utf8) },
                         kinds: kinds, texts: texts, key: key)
        }
        miner.insert(slot(1, [0, 1, 0], ["job", "[<*>]", "done"]))
        miner.insert(slot(2, [0, 2, 0], ["job", "[<*>]", "done"]))
        miner.nextID = 3
        miner.merge(1, into: 0, key: key)
        XCTAssertEqual(miner.slots[0]?.kinds, [0, TemplateSlot.wildcard, 0])
        XCTAssertEqual(miner.slots[0]?.texts, ["job", "[<*>]", "done"])
        XCTAssertEqual(miner.add("job [guest] done"), 1)
        XCTAssertEqual(miner.template(for: 1)?.count, 3)
    }
}
