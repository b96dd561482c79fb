import LogMining
import XCTest

/// The tokenizer on the shapes logs take: exact tokens, as they print in templates.
final class LogTokenizerTests: XCTestCase {
    let tokenizer = LogTokenizer()

    func testTimestampsAreVariables() {
        XCTAssertEqual(tokenizer.tokenize("2024-12-02T10:00:00.123Z started"), ["<*>", "started"])
        XCTAssertEqual(tokenizer.tokenize("2024-12-02 10:00:00,123 started"), ["<*>", "<*>", "started"])
        XCTAssertEqual(tokenizer.tokenize("Dec  2 10:00:00 host-a sshd[42]: ok"), ["<*>", "<*>", "<*>", "<*>", "sshd[<*>]:", "ok"])
        // syslog's HOSTNAME, the word after a timestamp that opens the line, is a field's value;
        // a word after another timestamp is not.
        XCTAssertEqual(tokenizer.tokenize("Dec 10 06:55:46 LabSZ sshd[24200]: Accepted"), ["<*>", "<*>", "<*>", "<*>", "sshd[<*>]:", "Accepted"])
        XCTAssertEqual(tokenizer.tokenize("at Dec 10 06:55:46 LabSZ"), ["at", "<*>", "<*>", "<*>", "LabSZ"])
        XCTAssertEqual(tokenizer.tokenize("[1733133600] tick"), ["[<*>]", "tick"])
    }

    func testNumbersHexUUIDsAndAddressesAreVariables() {
        XCTAssertEqual(tokenizer.tokenize("took 12ms for 1.5 MB at 0x7ffe and deadbeefcafe"),
                       ["took", "<*>", "for", "<*>", "MB", "at", "<*>", "and", "<*>"])
        XCTAssertEqual(tokenizer.tokenize("order 5f3c9a2e-1b7d-4c1e-9f00-3a2b1c0d9e8f failed"), ["order", "<*>", "failed"])
        XCTAssertEqual(tokenizer.tokenize("from 10.0.0.1:8080 and [fe80::1]:443 and 2001:db8::7"),
                       ["from", "<*>", "and", "<*>", "and", "<*>"])
    }

    func testPathsURLsAndQuotedStringsAreVariables() {
        XCTAssertEqual(tokenizer.tokenize("GET /api/users/42 via https://example.com/x?q=1"), ["GET", "<*>", "via", "<*>"])
        XCTAssertEqual(tokenizer.tokenize("opened ./data/db and ~/cache"), ["opened", "<*>", "and", "<*>"])
        XCTAssertEqual(tokenizer.tokenize("request \"GET / HTTP/1.1\" agent \"curl/8.4.0\"."), ["request", "\"<*>\"", "agent", "\"<*>\"."])
        XCTAssertEqual(tokenizer.tokenize("KeyError: 'user_id'"), ["KeyError:", "'<*>'"])
    }

    func testKeyValuePairsKeepTheKey() {
        XCTAssertEqual(tokenizer.tokenize("retry=3 user=alice err=\"connection refused\" level=warn empty="),
                       ["retry=<*>", "user=<*>", "err=\"<*>\"", "level=warn", "empty="])
        // A bracketed value keeps its brackets and quotes on both sides.
        XCTAssertEqual(tokenizer.tokenize(#"pods=["web-1"] ids=[1,2] none=[] event={"ID":"c1","Type":"Started"}"#),
                       [#"pods=["<*>"]"#, "ids=[<*>]", "none=[]", #"event={"<*>"}"#])
    }

    func testLogfmtMessageIsMinedAsWords() throws {
        XCTAssertEqual(tokenizer.tokenize("time=2024-12-02T10:00:00Z level=info msg=\"starting server\" addr=:8080"),
                       ["time=<*>", "level=info", "msg=\"starting", "server\"", "addr=<*>"])
        XCTAssertEqual(tokenizer.tokenize("level=warn msg=\""), ["level=warn", "msg=\""])
        // A message that starts with a space: `msg="` stands alone (no token holds whitespace,
        // so a saved template reloads with the tokens it had).
        XCTAssertEqual(tokenizer.tokenize("a=1 msg=\" x-ray done\" n=2"), ["a=<*>", "msg=\"", "x-ray", "done\"", "n=<*>"])
        XCTAssertEqual(tokenizer.tokenize("level=warn msg=\"  "), ["level=warn", "msg=\""])
        let miner = TemplateMiner()
        let id = miner.add("a=1 msg=\" x-ray done\" n=2")
        XCTAssertEqual(try TemplateMiner(serialized: miner.serialized()).add("a=3 msg=\" x-ray done\" n=4"), id)
    }

    func testKlogHeaderKeepsLevelAndFile() {
        XCTAssertEqual(tokenizer.tokenize("I1202 10:00:00.123456       1 controller.go:123] \"Starting controller\" controller=\"job\""),
                       ["I<*>", "<*>", "<*>", "controller.go:<*>]", "\"Starting", "controller\"", "controller=\"<*>\""])
        XCTAssertEqual(tokenizer.tokenize("E1202 10:00:03.000000 1 reflector.go:147] Failed to watch"),
                       ["E<*>", "<*>", "<*>", "reflector.go:<*>]", "Failed", "to", "watch"])
    }

    /// klog quotes names inside its quoted message with escaped quotes: `\"` opens and closes a
    /// value as `"` does, so a template prints `\"<*>\")`, not `<*>")` with a quote that opens
    /// nowhere. A quoted value holding escaped quotes ends at its own closing quote.
    func testKlogsEscapedQuotesAreTheValuesPunctuation() {
        let line = #"I1202 10:00:00.465219    2871 reconciler_common.go:231] "operationExecutor.MountVolume started for volume \"kube-api-access-nnfzp\" (UniqueName: \"kubernetes.io/projected/fc370425-2156-4284-abac-417eb0a92383-kube-api-access-nnfzp\") pod \"worker-84c7d5b9f6-szpsq\" (UID: \"fc370425-2156-4284-abac-417eb0a92383\") " pod="chatbot-dev/worker-84c7d5b9f6-szpsq""#
        XCTAssertEqual(Array(tokenizer.tokenize(line).suffix(10)),
                       ["volume", #"\"kube-api-access-nnfzp\""#, "(UniqueName:", #"\"<*>\")"#, "pod", #"\"<*>\""#, "(UID:", #"\"<*>\")"#, #"""#, #"pod="<*>""#])
        let error = #"E1202 10:00:00.358989    4052 pod_workers.go:1300] "Error syncing pod, skipping" err="failed to \"StartContainer\" for \"frontend\" with CreateContainerConfigError: \"secret \\\"frontend-env\\\" not found\"" pod="chatbot-dev/frontend-5c8d7f9b4-qxcbn""#
        XCTAssertEqual(Array(tokenizer.tokenize(error).suffix(2)), [#"err="<*>""#, #"pod="<*>""#])
        XCTAssertEqual(tokenizer.tokenize(#"status="done." code='a\'b'"#), [#"status="<*>""#, "code='<*>'"])
        // A bracket closed inside a value is the value's; one opened before it stays around it.
        XCTAssertEqual(tokenizer.tokenize("in pod web-7d9f_default(3f0c-11) at [10.0.0.1] (0x1f). f(x) ok"),
                       ["in", "pod", "<*>", "at", "[<*>]", "(<*>).", "f(x)", "ok"])
        XCTAssertEqual(tokenizer.tokenize("[QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:QuorumPeer@670] - LOOKING at [fe80::1]:443"),
                       ["[<*>]", "-", "LOOKING", "at", "<*>"])
        XCTAssertEqual(tokenizer.tokenize("pod=web-7d9f_default(3f0c-11) x 1((((2))))."), ["pod=<*>", "x", "<*>."])
        // A quoted string opened by an escaped quote closes with one.
        XCTAssertEqual(tokenizer.tokenize(#"got "\"a b\"" now"#), ["got", #""\"<*>\"""#, "now"])
        XCTAssertEqual(tokenizer.tokenize(#"say "he said \"hi\"" now"#), ["say", #""<*>""#, "now"])
        // An escaped backslash before a quote leaves the quote unescaped: klog's message ends there.
        XCTAssertEqual(tokenizer.tokenize(#"I1202 10:00:00.1 1 a.go:12] "Read C:\\" path="a b" n=1"#),
                       ["I<*>", "<*>", "<*>", "a.go:<*>]", #""Read"#, #"C:\\""#, #"path="<*>""#, "n=<*>"])
    }

    /// A value of many brackets is read in one pass (each closer after it is not a scan of it
    /// again): 200,000 of them tokenize as one variable.
    func testAValueOfManyBracketsIsReadInOnePass() {
        let depth = 100_000
        let line = "x 1" + String(repeating: "(", count: depth) + "2" + String(repeating: ")", count: depth) + " y"
        XCTAssertEqual(tokenizer.tokenize(line), ["x", "<*>", "y"])
    }

    func testJSONLinesMineTheMessageAndKeepTheLevel() {
        XCTAssertEqual(tokenizer.tokenize(#"{"level":"error","ts":1733133600.5,"nested":{"a":[1,"}"]},"msg":"upstream timeout after 30s","attempt":3}"#),
                       ["level=error", "upstream", "timeout", "after", "<*>"])
        XCTAssertEqual(tokenizer.tokenize(#"{"message":"user alice logged in","severity":"INFO"}"#),
                       ["severity=INFO", "user", "alice", "logged", "in"])
        // A level with whitespace is not kept (a token holds none, so a saved state stays whole).
        XCTAssertEqual(tokenizer.tokenize(#"{"level":"very high","msg":"disk full now"}"#), ["disk", "full", "now"])
        // Not a log object (no message): tokenized as text, the quoted key a quoted string.
        XCTAssertEqual(tokenizer.tokenize(#"{"a":1}"#), [#"{"<*>":1}"#])
    }

    func testInstanceNumbersAndVersionsAreTold() {
        XCTAssertEqual(tokenizer.tokenize("node-1 web01 v1 k8s http2 systemd[1]: localhost:8080"),
                       ["<*>", "<*>", "v1", "k8s", "http2", "systemd[<*>]:", "localhost:<*>"])
    }
}
