@testable import LogMining
import XCTest

/// Which word keys a line's group: the first kept word that is not a header field (a level,
/// punctuation, a word with a digit), in a line that has a message (a word followed by a kept
/// plain word); else its one kept word, or nothing for a record of several headers and fields.
final class GroupKeyTests: XCTestCase {
    /// The key's position for a line given as tokens: `<*>` a variable, anything else kept.
    func position(_ words: [String]) -> Int? {
        GroupKey.position(count: words.count, isKept: { words[$0] != "<*>" },
                          isPlain: { i in var text = words[i]; return text.withUTF8(WordField.isPlainWord) }) { i in
            var text = words[i]
            return text.withUTF8(GroupKey.isHeader)
        }
    }

    func testLevelsPunctuationAndNumberedWordsAreNotKeys() {
        XCTAssertEqual(position(["<*>", "<*>", "<*>", "INFO", "dfs.FSNamesystem:", "BLOCK*", "ask"]), 4)
        XCTAssertEqual(position(["<*>", "<*>", "-", "INFO", "<*>", "-", "caught", "end", "of"]), 6)
        XCTAssertEqual(position(["[warn]", "level=error", "ERROR:", "|", "upstream", "timed"]), 4)
        XCTAssertEqual(position(["<*>", "INF", "Starting", "worker", "pool=<*>"]), 2, "zerolog's console level")
        XCTAssertEqual(position(["<*>", "eth0:", "link", "up,"]), 2)
        XCTAssertEqual(position(["<*>", "INFO", "用户", "登录", "成功"]), 2, "UTF-8 letters are letters")
    }

    func testTheKeyDoesNotDependOnTheValueAfterIt() {
        XCTAssertEqual(position(["<*>", "Container", "istio-proxy", "failed", "liveness"]), 1)
        XCTAssertEqual(position(["<*>", "Container", "<*>", "failed", "liveness"]), 1)
        XCTAssertEqual(position(["user", "carol", "logged", "in"]), 0)
        XCTAssertEqual(position(["user", "<*>", "logged", "in"]), 0)
    }

    func testALineWithoutAMessageKeysOnItsOnlyKeptWordOrNothing() {
        // An access log's words are a header and fields' values (ident, user): the user does
        // not split it, since it keys on nothing.
        XCTAssertEqual(position(["<*>", "-", "alice", "<*>", "<*>", "<*>"]), nil)
        XCTAssertEqual(position(["<*>", "-", "-", "<*>", "<*>", "<*>"]), nil)
        XCTAssertEqual(position(["<*>", "<*>"]), nil)
        XCTAssertEqual(position(["done"]), 0)
        XCTAssertEqual(position(["<*>", "done", "<*>"]), 1)
        XCTAssertEqual(position(["<*>", "INFO", "done"]), nil)
    }

    /// Envoy's access log: the response flag and details are fields' values, and no word is
    /// followed by a plain word. Keyed on nothing, one template takes every flag.
    func testARecordOfSeveralFieldsKeysOnNothing() {
        XCTAssertEqual(position(["<*>", "<*>", "<*>", "UF", "via_upstream", "<*>", "<*>", "-", "default"]), nil)
        XCTAssertEqual(position(["<*>", "<*>", "<*>", "-", "via_upstream", "<*>", "<*>", "-", "default"]), nil)
        // A word followed by a plain word is a message, wherever it is; the key is the first word.
        XCTAssertEqual(position(["<*>", "UF", "via_upstream", "<*>", "upstream", "reset"]), 1)
        let miner = TemplateMiner()
        let envoy = { (flag: String, details: String) in
            #"[2024-12-02T10:00:00.000Z] "GET /api/todos HTTP/1.1" 503 \#(flag) \#(details) "-" 0 91 3 - "10.0.0.1" "curl/8.4.0" "\#(UUID().uuidString)" "backend.chatbot-dev:8000" "10.0.0.2:8000" outbound|8000||backend.chatbot-dev.svc.cluster.local 10.0.0.3:4321 10.0.0.2:8000 10.0.0.1:5678 - default"#
        }
        let first = miner.add(envoy("UF", "upstream_reset_before_response_started{connection_failure}"))
        for (flag, details) in [("-", "via_upstream"), ("UT", "-"), ("URX", "via_upstream"), ("-", "-"), ("UF", "via_upstream")] {
            XCTAssertEqual(miner.resolve(miner.add(envoy(flag, details))), first, flag)
        }
        XCTAssertEqual(miner.templates.count, 1)
    }

    func testEventsThatShareAHeaderAndALengthStayApart() {
        // ZooKeeper's header: `- LEVEL [thread] -`. Keyed on the first kept word, `-`, these two
        // met in one group and merged (3 of 5 words equal: `-`, `INFO`, `-`).
        let miner = TemplateMiner()
        let a = miner.add("2015-07-29 19:04:12,394 - INFO  [myid=1] - Reading snapshot /var/zk/snapshot.1")
        let b = miner.add("2015-07-29 19:04:13,001 - INFO  [myid=2] - Created server /var/zk/data")
        let c = miner.add("2015-07-29 19:05:40,010 - INFO  [myid=3] - Reading snapshot /var/zk/snapshot.2")
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(c, a)
        XCTAssertEqual(miner.templates.map(\.text).sorted(), ["<*> <*> - INFO [myid=<*>] - Created server <*>",
                                                              "<*> <*> - INFO [myid=<*>] - Reading snapshot <*>"])
    }

    func testAValueAfterTheKeyWordDoesNotSplitAnEvent() {
        let miner = TemplateMiner()
        let a = miner.add("Container istio-proxy failed liveness probe, will be restarted")
        XCTAssertEqual(miner.add("Container redis-0 failed liveness probe, will be restarted"), a)
        XCTAssertEqual(miner.add("Container nginx failed liveness probe, will be restarted"), a)
        XCTAssertEqual(miner.templates.map(\.text), ["Container <*> failed liveness probe, will be restarted"])
    }

    func testASavedTemplateKeysAsItsLinesDo() throws {
        // The lines key on `Container` (`istio-proxy failed`: a word followed by a plain word);
        // the template's text, `Container <*> failed`, has no message left and two kept words,
        // and would key on nothing: the saved key keeps it in the lines' group.
        let miner = TemplateMiner()
        let first = miner.add("Container istio-proxy failed")
        XCTAssertEqual(miner.add("Container envoy-proxy failed"), first)
        XCTAssertEqual(miner.templates.map(\.text), ["Container <*> failed"])
        let loaded = try TemplateMiner(serialized: miner.serialized())
        XCTAssertEqual(loaded.add("Container nginx-proxy failed"), first)
        XCTAssertEqual(loaded.templates.count, 1)
        // The same state without the key (as written before keys were saved) keys on nothing.
        let keyless = miner.serialized().replacingOccurrences(of: #" [0-9a-f]{16}\t"#, with: "\t", options: .regularExpression)
        XCTAssertFalse(keyless.contains(" \(String(TokenHash.hash("Container".utf8), radix: 16))"))
        let old = try TemplateMiner(serialized: keyless)
        XCTAssertNotEqual(old.add("Container nginx-proxy failed"), first)
    }
}
