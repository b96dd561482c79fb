import Logs
import XCTest

/// Severity, slow requests and 5xx from the line shapes the Sandbox and real services write.
final class LogClassifierTests: XCTestCase {
    let classifier = LogClassifier(slowMilliseconds: 1000)

    func c(_ line: String) -> LogClass { classifier.classify(line) }

    func testTheLevelComesFromTheFieldOrTokenBeforeWords() {
        XCTAssertEqual(c("[ERROR] database connection refused").severity, .error)
        XCTAssertEqual(c("2026-01-05 10:00:00,123 WARN  [main] cache almost full").severity, .warning)
        XCTAssertEqual(c("E1202 10:00:00.123456 1 controller.go:123] sync failed").severity, .error)
        XCTAssertEqual(c("W1202 10:00:00.123456 1 controller.go:123] slow sync").severity, .warning)
        XCTAssertEqual(c("time=2026-01-05T10:00:00Z level=info msg=\"retry failed once\"").severity, .info, "level= wins over words")
        XCTAssertEqual(c(#"{"level":"warn","msg":"backend responded slowly","latency_ms":2300}"#).severity, .warning)
        XCTAssertEqual(c(#"{"severity":"ERROR","message":"boom"}"#).severity, .error)
        XCTAssertEqual(c("[INFO] user login failed? no: retried").severity, .info)
        // No level: words decide.
        XCTAssertEqual(c("java.lang.IllegalStateException: closed").severity, .error)
        XCTAssertEqual(c("payment failed for order 12").severity, .error)
        XCTAssertEqual(c("deprecated flag, warning: use --x").severity, .warning)
        XCTAssertEqual(c("10.244.0.7 - - \"GET /api/todos HTTP/1.1\" 200 12ms").severity, .info)
    }

    func testSlowRequestsComeFromALatencyOverTheThreshold() {
        XCTAssertEqual(c("[WARNING] slow request: GET /api/chat took 1500ms").latencyMilliseconds, 1500)
        XCTAssertTrue(c("[WARNING] slow request: GET /api/chat took 1500ms").slow)
        XCTAssertFalse(c("10.244.0.7 - - \"GET /api/todos HTTP/1.1\" 200 999ms").slow)
        XCTAssertTrue(c("request served latency=1.2s path=/x").slow)
        XCTAssertEqual(c("request served duration_ms=250").latencyMilliseconds, 250)
        XCTAssertTrue(c(#"{"level":"info","msg":"GET / 200","latency_ms":1000}"#).slow)
        XCTAssertFalse(c(#"{"level":"info","msg":"GET / 200","latency_ms":999}"#).slow)
        XCTAssertNil(c("[INFO] starting todo-chatbot backend on :8000").latencyMilliseconds)
    }

    func testHTTP5xxComesFromTheStatusAfterMethodAndPathOrAStatusField() {
        XCTAssertEqual(c("10.244.0.7 - - \"GET /api/todos HTTP/1.1\" 503 12ms").status, 503)
        XCTAssertTrue(c("[ERROR] POST /api/chat 504 upstream model timeout request_id=ab12").serverError)
        XCTAssertFalse(c("10.244.0.7 - - \"GET /api/todos HTTP/1.1\" 404 3ms").serverError)
        XCTAssertTrue(c("handled request status=500 path=/x").serverError)
        XCTAssertTrue(c(#"{"level":"info","msg":"GET /x","status":502}"#).serverError)
        XCTAssertNil(c("[INFO] todo 500 updated by bob in 12ms").status, "a number without a method is no status")
    }

    func testATraceWithoutALevelIsAnError() {
        let event = LogEvent(time: 0, first: "unhandled exception in /api/todos", last: "KeyError: 42", lineCount: 5, isTrace: true)
        XCTAssertEqual(classifier.classify(event).severity, .error)
        let info = LogEvent(time: 0, first: "[INFO] config:", last: "  port: 8000", lineCount: 2)
        XCTAssertEqual(classifier.classify(info).severity, .info)
    }
}

/// Continuation lines join the event they continue, so a trace is mined and counted once.
final class LogEventJoinerTests: XCTestCase {
    func events(_ lines: [String]) -> [LogEvent] {
        var joiner = LogEventJoiner()
        var out: [LogEvent] = []
        for (i, line) in lines.enumerated() { if let e = joiner.add(time: Double(i), line: line) { out.append(e) } }
        if let e = joiner.finish() { out.append(e) }
        return out
    }

    func testAPythonTraceIsOneEventEndingAtItsExceptionLine() {
        let out = events(["[ERROR] unhandled exception in /api/todos", "Traceback (most recent call last):",
                          "  File \"/app/todos.py\", line 88, in update", "    todo = db.get(todo_id)", "KeyError: 42",
                          "[INFO] next request"])
        XCTAssertEqual(out, [LogEvent(time: 0, first: "[ERROR] unhandled exception in /api/todos", last: "KeyError: 42", lineCount: 5, isTrace: true),
                             LogEvent(time: 5, first: "[INFO] next request")])
        XCTAssertEqual(out[0].minedText(), "[ERROR] unhandled exception in /api/todos KeyError: 42")
    }

    func testAJavaTraceWithCausedByIsOneEvent() {
        let out = events(["ERROR Handler failed", "java.lang.IllegalStateException: closed", "\tat com.x.Y.run(Y.java:10)",
                          "Caused by: java.io.IOException: reset", "\t... 3 more", "INFO ok"])
        XCTAssertEqual(out.map(\.lineCount), [5, 1])
        XCTAssertEqual(out.map(\.first), ["ERROR Handler failed", "INFO ok"])
    }

    func testAnExceptionLookingLineAloneStartsAnEvent() {
        XCTAssertEqual(events(["[INFO] a", "ValueError: not after a trace"]).count, 2)
    }

    func testMinedTextIsCutAtTheLimitOnACharacterBoundary() {
        let e = LogEvent(time: 0, first: String(repeating: "é", count: 400))
        XCTAssertEqual(e.minedText(limit: 9), "éééé")
    }
}
