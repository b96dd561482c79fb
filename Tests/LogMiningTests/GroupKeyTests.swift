@testable import LogMining
import XCTest

/// Which word keys a line's group: the first kept word that is not a header field (a level,
/// punctuation, a word with a digit), in a line that has a message (a word followed by another
/// kept word); else the first kept word.
final class GroupKeyTests: XCTestCase {
    /// The key's position for a line given as tokens: `<*>` a variable, anything else kept.
    func position(_ words: [String]) -> Int? { GroupKey.position(texts: words) }

    func testLevelsPunctuationAndNumberedWordsAreNotKeys() {
        XCTAssertEqual(position(["<*>", "<*>", "<*>", "INFO", "dfs.FSNamesystem:", "BLOCK*", "ask"]), 4)
        XCTAssertEqual(position(["<*>", "<*>", "-", "INFO", "<*>", "-", "caught", "end", "of"]), 6)
        XCTAssertEqual(position(["[warn]", "level=error", "ERROR:", "|", "upstream", "timed"]), 4)
        XCTAssertEqual(position(["<*>", "INF", "Starting", "worker", "pool=<*>"]), 2, "zerolog's console level")
        XCTAssertEqual(position(["<*>", "eth0:", "link", "up,"]), 2)
        XCTAssertEqual(position(["<*>", "INFO", "用户", "登录", "成功"]), 2, "UTF-8 letters are letters")
    }

    func testABracketBeforeTheMessageIsAHeaderField() {
        // log4j: `date time LEVEL [thread] logger: message`; a logger with a digit is a header too.
        XCTAssertEqual(position(["<*>", "<*>", "INFO", "[main]", "org.apache.hadoop.mapreduce.v2.app.MRAppMaster:", "Executing", "with", "tokens:"]), 5)
        XCTAssertEqual(position(["<*>", "[Scheduler]", "Starting", "job", "<*>"]), 2)
        // A thread name of several words, and Spring Boot's padded one, `[           main]`.
        XCTAssertEqual(position(["<*>", "INFO", "[AsyncDispatcher", "event", "handler]", "org.apache.hadoop.mapreduce.v2.app.job.impl.TaskImpl:", "<*>", "Task", "Transitioned"]), 7)
        XCTAssertEqual(position(["<*>", "<*>", "INFO", "<*>", "---", "[", "main]", "o.s.b.StartupInfoLogger", ":", "Starting", "App"]), 7)
        // A `[` never closed spans at most `GroupKey.bracketTokens` tokens.
        XCTAssertEqual(position(["[", "a", "b", "c", "d", "e", "Starting", "worker"]), 6)
        // After the message starts, a bracket is a word like any other.
        XCTAssertEqual(position(["<*>", "Bye", "Bye", "[preauth]"]), 1)
        // Lines the miner keeps apart by it: GroupingAccuracyTests+Hadoop's E25, E42, E66, E67,
        // E75, E111 and E114 (four-word `[main]` messages of five loggers).
    }

    func testATemplateLoadedWithoutItsKeyKeysAsItsLinesDid() throws {
        // The two rules read the bytes a token prints, which the line and its template share.
        let miner = TemplateMiner()
        let lines = [
            #"[2024-12-02T10:00:01.123Z] "GET /api/todos HTTP/1.1" 503 UF via_upstream "-" 0 91 100 - "10.0.0.1" "curl/8.4.0" - default"#,
            #"[2024-12-02T10:00:02.123Z] "GET /api/todos HTTP/1.1" 503 UT - "-" 0 91 200 - "10.0.0.2" "curl/8.4.0" - default"#,
            "2015-10-10 02:59:48,979 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Executing with tokens:",
            "2015-10-19 02:56:15,680 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Using mapred newApiCommitter.",
        ]
        let ids = lines.map { miner.add($0) }
        let keyless = miner.serialized().replacingOccurrences(of: #" [0-9a-f]{16}\t"#, with: "\t", options: .regularExpression)
        XCTAssertNotEqual(keyless, miner.serialized())
        let loaded = try TemplateMiner(serialized: keyless)
        XCTAssertEqual(loaded.add(#"[2024-12-02T10:00:03.123Z] "POST /api/chat HTTP/1.1" 504 URX - "-" 0 91 300 - "10.0.0.3" "curl/8.4.0" - default"#), ids[0])
        XCTAssertEqual(loaded.add("2015-10-11 03:00:00,000 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Executing with tokens:"), ids[2])
        XCTAssertEqual(loaded.add("2015-10-11 03:00:01,000 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Using mapred newApiCommitter."), ids[3])
        XCTAssertEqual(loaded.templates.count, 3)
    }

    func testAFormatOneStateKeysByTheTextWhereTheBracketAndQuoteRulesMovedTheKey() throws {
        // Saved in format 1, Envoy's template kept the key its line chose then, its flag (`UF`),
        // and `INFO start <*>` the key its lines chose (`start`; its text alone would say `INFO`).
        let envoy = #"[2024-12-02T10:00:01.123Z] "GET /api/todos HTTP/1.1" 503 UF via_upstream "-" 0 91 100 - "10.0.0.1" "curl/8.4.0" - default"#
        let miner = TemplateMiner()
        let first = miner.add(envoy)
        let start = miner.add("INFO start job-a")
        XCTAssertEqual(miner.add("INFO start job-c"), start)
        var old = miner.serialized().replacingOccurrences(of: "shipshape-log-templates 3", with: "shipshape-log-templates 1")
        old = old.replacingOccurrences(of: " 0000000000000000\t[", with: " \(stateKey(TokenHash.hash("UF".utf8)))\t[")
        XCTAssertTrue(old.contains(stateKey(TokenHash.hash("UF".utf8))), old)
        let loaded = try TemplateMiner(serialized: old)
        XCTAssertEqual(loaded.add(envoy.replacingOccurrences(of: "503 UF via_upstream", with: "504 UF -")), first, "keyed by its text, as its lines now are")
        XCTAssertEqual(loaded.add("INFO start job-d"), start, "the saved key, which the new rules do not move")
        XCTAssertEqual(loaded.templates.count, 2)
        // The same text in format 2 keeps the key it saved, even where its text says otherwise.
        let kept = try TemplateMiner(serialized: old.replacingOccurrences(of: "shipshape-log-templates 1", with: "shipshape-log-templates 2"))
        XCTAssertNotEqual(kept.add(envoy.replacingOccurrences(of: "503 UF via_upstream", with: "504 UF -")), first)
    }


    func testTheKeyDoesNotDependOnTheValueAfterIt() {
        XCTAssertEqual(position(["<*>", "Container", "istio-proxy", "failed", "liveness"]), 1)
        XCTAssertEqual(position(["<*>", "Container", "<*>", "failed", "liveness"]), 1)
        XCTAssertEqual(position(["user", "carol", "logged", "in"]), 0)
        XCTAssertEqual(position(["user", "<*>", "logged", "in"]), 0)
    }

    func testALineWithoutAMessageKeysOnItsFirstKeptWord() {
        // An access log's words are fields' values (ident, user): keyed on the first, `-`, the
        // user does not split it.
        XCTAssertEqual(position(["<*>", "-", "alice", "<*>", "<*>", "<*>"]), 1)
        XCTAssertEqual(position(["<*>", "-", "-", "<*>", "<*>", "<*>"]), 1)
        XCTAssertEqual(position(["<*>", "<*>"]), nil)
        XCTAssertEqual(position(["done"]), 0)
    }

    func testWordsAfterAQuotedValueThatNoMessageWordPrecedesAreNotAMessage() {
        // Envoy's access log: the response flag and details follow the quoted request and status.
        XCTAssertEqual(position(["[<*>]", "\"<*>\"", "<*>", "UF", "via_upstream", "\"<*>\"", "<*>", "-", "default"]), nil)
        XCTAssertEqual(position(["<*>", "-", "'<*>'", "<*>", "failed", "again"]), 1, "a kept word before the quoted value")
        // A message word before the quoted value: the quoted value does not end the search.
        XCTAssertEqual(position(["<*>", "Deleted", "\"<*>\"", "from", "table", "<*>"]), 1)
        XCTAssertEqual(position(["<*>", "INFO", "Successfully", "started", "service", "'<*>'"]), 2)
        // A quoted name that a word follows starts the message (nginx, Python's warnings).
        XCTAssertEqual(position(["<*>", "<*>", "[error]", "<*>", "<*>", "\"<*>\"", "is", "not", "found"]), 6)
        XCTAssertEqual(position(["WARNING", "'<*>'", "is", "deprecated"]), 2)
    }

    func testEnvoysResponseFlagsAreOneEventsFields() {
        // Before quoted values ended the search, each flag keyed a group of its own: 4 templates.
        let miner = TemplateMiner()
        let lines = ["UF via_upstream", "UT -", "- upstream_reset_before_response_started{connection_failure}", "URX via_upstream", "- -"].enumerated().map { n, flags in
            #"[2024-12-02T10:00:0\#(n).123Z] "GET /api/todos HTTP/1.1" 503 \#(flags) "-" 0 91 \#(n)00 - "10.0.0.\#(n)" "curl/8.4.0" "d1e2f3a4-0000-4000-8000-00000000000\#(n)" "backend.chatbot-dev:8000" "10.1.0.\#(n):8000" outbound|8000||backend.chatbot-dev.svc.cluster.local 10.1.0.\#(n):4\#(n)000 10.2.0.1:8000 10.0.0.\#(n):5\#(n)000 - default"#
        }
        let ids = lines.map { miner.add($0) }.map { miner.resolve($0) }
        XCTAssertEqual(Set(ids).count, 1, miner.templates.map(\.text).joined(separator: "\n"))
        XCTAssertEqual(miner.templates.map(\.text), [#"[<*>] "<*>" <*> <*> <*> "<*>" <*> <*> <*> - "<*>" "<*>" "<*>" "<*>" "<*>" <*> <*> - default"#], "the three addresses are one list")
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
        // The lines key on `start`; the template's text, `INFO start <*>`, has no message left
        // and would key on `INFO`: the saved key keeps it in the lines' group.
        let miner = TemplateMiner()
        let first = miner.add("INFO start job-a")
        XCTAssertEqual(miner.add("INFO start job-c"), first)
        let loaded = try TemplateMiner(serialized: miner.serialized())
        XCTAssertEqual(loaded.add("INFO start job-d"), first)
        XCTAssertEqual(loaded.templates.count, 1)
        // The same state without the key (as written before keys were saved) keys on `INFO`.
        let keyless = miner.serialized().replacingOccurrences(of: #" [0-9a-f]{16}\t"#, with: "\t", options: .regularExpression)
        XCTAssertFalse(keyless.contains(" \(String(TokenHash.hash("start".utf8), radix: 16))"))
        let old = try TemplateMiner(serialized: keyless)
        XCTAssertNotEqual(old.add("INFO start job-d"), first)
    }
}
