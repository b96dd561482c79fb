import LogMining
import TestSupport
import XCTest

/// The miner's life cycle: generalising, merging, saving and loading, and its memory bound.
final class TemplateMinerTests: XCTestCase {
    /// Lines from every style of GroupingAccuracyTests, repeated with fresh variables.
    var corpus: [String] {
        var lines: [String] = []
        let styles = [GroupingAccuracyTests.access, GroupingAccuracyTests.app, GroupingAccuracyTests.klog,
                      GroupingAccuracyTests.json, GroupingAccuracyTests.syslog, GroupingAccuracyTests.logfmt]
        for round in 0..<3 {
            for style in styles {
                for (_, line) in style { lines.append(line.replacingOccurrences(of: "10:0", with: "1\(round):0")) }
            }
        }
        return lines
    }

    func testIdsAreGivenAsLinesArriveAndTemplatesGeneralise() {
        let miner = TemplateMiner()
        let first = miner.add("Connected to db-primary in 12ms")
        XCTAssertEqual(miner.template(for: first)?.text, "Connected to db-primary in <*>")
        let second = miner.add("Connected to cache in 7ms")
        XCTAssertEqual(second, first)
        XCTAssertEqual(miner.template(for: first)?.text, "Connected to <*> in <*>")
        XCTAssertEqual(miner.template(for: first)?.count, 2)
        XCTAssertNotEqual(miner.add("Disconnected from cache after 7ms"), first)
    }

    func testTemplatesThatTurnOutToBeOneMerge() {
        let miner = TemplateMiner()
        // Two templates of one group that differ in one word each, then a line that bridges them.
        let a = miner.add("worker alpha finished batch ok")
        let b = miner.add("worker beta finished task failed")
        XCTAssertNotEqual(a, b)
        let c = miner.add("worker gamma finished batch failed")
        XCTAssertEqual(miner.resolve(b), miner.resolve(c))
        XCTAssertEqual(miner.resolve(a), miner.resolve(c))
        XCTAssertEqual(miner.templates.map(\.text), ["worker <*> finished <*> <*>"])
        XCTAssertEqual(miner.templates.map(\.count), [3])
    }

    func testStateRoundTripContinuesWithIdenticalIdsAndCounts() throws {
        let lines = corpus
        let whole = TemplateMiner()
        let wholeIDs = lines.map { whole.add($0) }

        let half = lines.count / 2
        let before = TemplateMiner()
        var ids = lines[..<half].map { before.add($0) }
        let saved = before.serialized()
        let after = try TemplateMiner(serialized: saved)
        XCTAssertEqual(after.serialized(), saved)
        ids += lines[half...].map { after.add($0) }

        XCTAssertEqual(ids, wholeIDs)
        XCTAssertEqual(after.templates, whole.templates)
        XCTAssertEqual(after.serialized(), whole.serialized())
        XCTAssertEqual(after.lines, lines.count)
    }

    func testStateFormat() throws {
        let miner = TemplateMiner()
        miner.add("user alice logged in")
        miner.add("user bob logged in")
        miner.add(#"{"level":"warn","msg":"disk 91% full"}"#)
        XCTAssertEqual(miner.serialized(), """
            shipshape-log-templates 1
            state 3 3 3 0
            template 1 2 2\tuser <*> logged in
            template 2 1 3\tlevel=warn disk <*> full

            """)
        XCTAssertThrowsError(try TemplateMiner(serialized: "shipshape-log-templates 1\nbogus 1\n")) { error in
            XCTAssertEqual((error as? MinerStateError)?.line, 2)
            XCTAssertEqual((error as? MinerStateError)?.text, "bogus 1")
        }
    }

    func testCapacityEvictsTheLeastRecentlyUsedTemplate() {
        let miner = TemplateMiner(capacity: 2)
        let a = miner.add("alpha started")
        let b = miner.add("beta started now")
        miner.add("alpha started")           // alpha is now the most recent
        let c = miner.add("gamma stopped at once ok")
        XCTAssertEqual(miner.evictions, 1)
        XCTAssertNil(miner.template(for: b))
        XCTAssertEqual(miner.template(for: a)?.count, 2)
        XCTAssertEqual(miner.template(for: c)?.text, "gamma stopped at once ok")
        XCTAssertEqual(miner.templates.count, 2)
        XCTAssertNotEqual(miner.add("beta started now"), b)
        XCTAssertEqual(miner.evictions, 2)
        XCTAssertNil(miner.template(for: a))
    }
}

/// Arbitrary bytes (log-ish punctuation, unterminated quotes and JSON, invalid UTF-8) never
/// trap, every line gets a template, and the state still round-trips.
final class TemplateMinerRobustnessTests: XCTestCase {
    func testArbitraryBytesAreMinedAndSaved() throws {
        var random = SeededGenerator(seed: 17)
        let alphabet = Array(" \t\"'=:[]{}(),.;/-_0123456789abcdefxyzIEWDecJan\\@#%<>*".utf8)
        let starts = ["", "{\"msg\":\"", "I1202 10:00:00.1 1 a.go:1] \"", "level=info msg=\"", "{"]
        let miner = TemplateMiner(capacity: 500)
        for _ in 0..<20_000 {
            var line = Array(starts[Int(random.next() % UInt64(starts.count))].utf8)
            let length = Int(random.next() % 60)
            for _ in 0..<length {
                line.append(random.next() % 20 == 0 ? UInt8(truncatingIfNeeded: random.next() | 0x80) : alphabet[Int(random.next() % UInt64(alphabet.count))])
            }
            let id = line.withUnsafeBufferPointer { miner.add($0) }
            XCTAssertNotNil(miner.template(for: id))
        }
        XCTAssertEqual(miner.templates.count, 500)
        XCTAssertEqual(miner.lines, 20_000)
        XCTAssertEqual(try TemplateMiner(serialized: miner.serialized(), capacity: 500).serialized(), miner.serialized())
    }
}
