import Foundation
import TestSupport
import XCTest

/// `shipshape logs patterns` as people and scripts run it: the real binary on real files.
final class LogsCommandTests: XCTestCase {
    var dir: URL!
    var file: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("logs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        file = dir.appendingPathComponent("app.log")
        // Three users: two words at one place would be two events (docs/logs.md, "Word fields").
        try "user alice logged in\nuser bob logged in\nuser dave logged in\ndisk 91% full on /dev/sda1\n".write(to: file, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testTableIsTheDefaultMostFrequentFirst() throws {
        let result = try ShipshapeBinary.run(["logs", "patterns", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            COUNT  TEMPLATE
                3  user <*> logged in
                1  disk <*> full on <*>

            """)
        XCTAssertEqual(result.stderr, "")
    }

    func testJSON() throws {
        let result = try ShipshapeBinary.run(["logs", "patterns", "-o", "json", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            [{"id":1,"count":3,"template":"user <*> logged in"},
             {"id":3,"count":1,"template":"disk <*> full on <*>"}]

            """)
    }

    func testJSONEscapesQuotesInTemplates() throws {
        try "KeyError raised for \"user id\" in C:\\app\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try ShipshapeBinary.run(["logs", "patterns", "-o", "json", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, #"[{"id":1,"count":1,"template":"KeyError raised for \"<*>\" in C:\\app"}]"# + "\n")
    }

    func testJSONLinesGiveEveryLineItsTemplateInOrder() throws {
        let result = try ShipshapeBinary.run(["logs", "patterns", "-o", "jsonl", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            {"line":1,"template":"user <*> logged in"}
            {"line":2,"template":"user <*> logged in"}
            {"line":3,"template":"user <*> logged in"}
            {"line":4,"template":"disk <*> full on <*>"}

            """)
    }

    func testSeveralFilesAndStdinAreOneStream() throws {
        let second = dir.appendingPathComponent("more.log")
        try "user carol logged in\r\nsegfault at 0x7ffe\n".write(to: second, atomically: true, encoding: .utf8)
        let files = try ShipshapeBinary.run(["logs", "patterns", file.path, second.path])
        XCTAssertEqual(files.stdout, """
            COUNT  TEMPLATE
                4  user <*> logged in
                1  disk <*> full on <*>
                1  segfault at <*>

            """)
        let piped = try Subprocess.run("/bin/sh", ["-c", "cat \"$1\" \"$2\" | \"$0\" logs patterns", ShipshapeBinary.path, file.path, second.path])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stdout, files.stdout)
    }

    func testAMissingFileIsNamedAndExitsTwo() throws {
        let missing = dir.appendingPathComponent("missing.log").path
        let result = try ShipshapeBinary.run(["logs", "patterns", file.path, missing])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "Error: \(missing): no such file\n")
    }

    func testADirectoryIsNamedAndExitsTwo() throws {
        let result = try ShipshapeBinary.run(["logs", "patterns", dir.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "Error: \(dir.path): is a directory, not a log file\n")
    }

    /// Lines across the reader's 1 MiB blocks, and a last line without a newline, are whole.
    func testLinesAcrossBlocksAreWhole() throws {
        var text = ""
        for i in 0..<40_000 { text += "request \(i) served in \(i % 97)ms by worker-\(i % 5)\n" }
        text += "shutting down"
        try text.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertGreaterThan(text.utf8.count, 1 << 20)
        let result = try ShipshapeBinary.run(["logs", "patterns", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            COUNT  TEMPLATE
            40000  request <*> served in <*> by <*>
                1  shutting down

            """)
    }

    /// A line longer than the reader's 16 MiB is mined cut to its first 16 MiB, once, and the
    /// rest of it is skipped to its newline (here across two more full buffers, and at the end
    /// of the file without one): each input line gets one `-o jsonl` line, numbered as the input.
    func testALineOverSixteenMiBIsOneLineCut() throws {
        var data = Data("huge".utf8)
        data.append(Data(repeating: 32, count: 40 << 20))
        data.append(Data("1\nuser alice logged in\nuser bob logged in\nuser dave logged in\ntail".utf8))
        data.append(Data(repeating: 32, count: 17 << 20))
        data.append(Data("x".utf8))
        try data.write(to: file)
        let result = try ShipshapeBinary.run(["logs", "patterns", "-o", "jsonl", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            {"line":1,"template":"huge"}
            {"line":2,"template":"user <*> logged in"}
            {"line":3,"template":"user <*> logged in"}
            {"line":4,"template":"user <*> logged in"}
            {"line":5,"template":"tail"}

            """)
    }

    func testAnUnknownOutputFormIsAUsageError() throws {
        let result = try ShipshapeBinary.run(["logs", "patterns", "-o", "xml", file.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("Error: The value 'xml' is invalid for '-o <output>'\n"), result.stderr)
    }
}
