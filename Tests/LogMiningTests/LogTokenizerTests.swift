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
    }

    func testLogfmtMessageIsMinedAsWords() {
        XCTAssertEqual(tokenizer.tokenize("time=2024-12-02T10:00:00Z level=info msg=\"starting server\" addr=:8080"),
                       ["time=<*>", "level=info", "msg=\"starting", "server\"", "addr=<*>"])
        XCTAssertEqual(tokenizer.tokenize("level=warn msg=\""), ["level=warn", "msg=\""])
    }

    func testKlogHeaderKeepsLevelAndFile() {
        XCTAssertEqual(tokenizer.tokenize("I1202 10:00:00.123456       1 controller.go:123] \"Starting controller\" controller=\"job\""),
                       ["I<*>", "<*>", "<*>", "controller.go:<*>]", "\"Starting", "controller\"", "controller=\"<*>\""])
        XCTAssertEqual(tokenizer.tokenize("E1202 10:00:03.000000 1 reflector.go:147] Failed to watch"),
                       ["E<*>", "<*>", "<*>", "reflector.go:<*>]", "Failed", "to", "watch"])
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
