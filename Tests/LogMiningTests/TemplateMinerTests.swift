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
        // Two templates of one group that differ in three words, then a line that bridges them.
        // (Words with a dash: plain words at one place would be events until a third, `WordField`.)
        let a = miner.add("worker node-a finished load-batch all-ok")
        let b = miner.add("worker node-b finished load-task some-failed")
        XCTAssertNotEqual(a, b)
        let c = miner.add("worker node-c finished load-batch some-failed")
        XCTAssertEqual(miner.resolve(b), miner.resolve(c))
        XCTAssertEqual(miner.resolve(a), miner.resolve(c))
        XCTAssertEqual(miner.templates.map(\.text), ["worker <*> finished <*> <*>"])
        XCTAssertEqual(miner.templates.map(\.count), [3])
    }

    /// Two different plain words at one place are two events (`Login succeeded`/`Login
    /// failed`); a third word there makes the place a field, and the templates that differ only
    /// there become the oldest one.
    func testTwoWordsAtOnePlaceAreTwoEventsAThirdMakesAField() throws {
        let miner = TemplateMiner()
        let succeeded = miner.add("Login succeeded for user alice from 10.0.0.1")
        let failed = miner.add("Login failed for user alice from 10.0.0.2")
        XCTAssertNotEqual(succeeded, failed)
        XCTAssertEqual(miner.add("Login failed for user alice from 10.0.0.3"), failed)
        XCTAssertEqual(miner.template(for: failed)?.text, "Login failed for user alice from <*>")

        let alice = miner.add("Connection from alice closed")
        let bob = miner.add("Connection from bob closed")
        XCTAssertNotEqual(alice, bob)
        // A saved and loaded miner knows which places hold plain words, as the one that made them.
        let loaded = try TemplateMiner(serialized: miner.serialized())
        for m in [miner, loaded] {
            // The third word: the line joins the oldest of the two, which takes the other in.
            XCTAssertEqual(m.add("Connection from carol closed"), alice)
            XCTAssertEqual(m.resolve(bob), alice)
            XCTAssertEqual(m.template(for: alice)?.text, "Connection from <*> closed")
            XCTAssertEqual(m.template(for: alice)?.count, 3)
            XCTAssertEqual(m.add("Connection from dave closed"), alice)
            // The login events still differ in a word that has seen two values: apart, and a
            // line with a second user is kept out of both (two users so far at that place).
            XCTAssertNotEqual(m.resolve(succeeded), m.resolve(failed))
            let bobLogin = m.add("Login succeeded for user bob from 10.0.0.4")
            XCTAssertNotEqual(bobLogin, succeeded)
            XCTAssertNotEqual(bobLogin, failed)
        }

        // Two templates apart by a word do not merge when one generalises elsewhere.
        let opened = miner.add("Session opened on host-1 port 22")
        let closed = miner.add("Session closed on host-1 port 22")
        XCTAssertNotEqual(opened, closed)
        XCTAssertEqual(miner.add("Session opened on host-2 port 22"), opened)
        XCTAssertEqual(miner.add("Session closed on host-3 port 22"), closed)
        XCTAssertEqual(miner.template(for: opened)?.text, "Session opened on <*> port <*>")
        XCTAssertEqual(miner.template(for: closed)?.text, "Session closed on <*> port <*>")

        // Words with other characters, and variables, are scored by similarity alone.
        let eu = miner.add("replica eu-west synced")
        XCTAssertEqual(miner.add("replica us-east synced"), eu)
        XCTAssertEqual(miner.template(for: eu)?.text, "replica <*> synced")
    }

    /// A field's third word merges only the templates that differ from the oldest at fields:
    /// one that also differs from it in another word (`done`/`failed`) stays apart, even when
    /// the line itself was kept out of it only at the field (its `42` is a variable there).
    func testAFieldMergesOnlyTemplatesThatDifferFromTheOldestAtFields() {
        let miner = TemplateMiner()
        let a = miner.add("job alice done ka-x kb-x kc-x la-x lb-x lc-x end")
        let b = miner.add("job bob failed kd-x ke-x kf-x ld-x le-x lf-x end")
        XCTAssertNotEqual(a, b)
        // Half of the line's words are a's, half b's: similar enough to both (5 of 10).
        XCTAssertEqual(miner.add("job carol 42 ka-x kb-x kc-x ld-x le-x lf-x end"), a)
        XCTAssertNotEqual(miner.resolve(b), a)
        XCTAssertEqual(miner.templates.map(\.text), ["job <*> <*> ka-x kb-x kc-x <*> <*> <*> end",
                                                     "job bob failed kd-x ke-x kf-x ld-x le-x lf-x end"])
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

    /// A place generalised to `<*>` prints the punctuation its values share, and still matches
    /// any token; a value without it takes it away. Saved, such a place is listed (`w=`), so a
    /// loaded miner matches as the one that saved it: by its text alone, `(<*>)` would be a
    /// shaped variable, which takes only variables.
    func testAWildcardKeepsThePunctuationItsValuesShare() throws {
        let miner = TemplateMiner()
        for op in ["ADD", "UPDATE", "DELETE"] {
            miner.add(#"I1202 10:00:00.000000    4052 kubelet.go:2430] "SyncLoop \#(op)" source="api""#)
        }
        for user in ["root", "admin", "guest"] { miner.add("session opened for user (\(user)) by uid 0") }
        XCTAssertEqual(miner.templates.map(\.text), [
            #"I<*> <*> <*> kubelet.go:<*>] "SyncLoop <*>" source="<*>""#,
            "session opened for user (<*>) by uid <*>",
        ])
        let saved = miner.serialized()
        XCTAssertEqual(saved, """
            shipshape-log-templates 3
            state 6 6 5 0
            merged 2 1
            merged 4 3
            template 1 3 3 \(stateKey(TokenHash.hash(#""SyncLoop"#.utf8))) w=5\tI<*> <*> <*> kubelet.go:<*>] "SyncLoop <*>" source="<*>"
            template 3 3 6 \(stateKey(TokenHash.hash("session".utf8))) w=4\tsession opened for user (<*>) by uid <*>

            """)
        let loaded = try TemplateMiner(serialized: saved)
        XCTAssertEqual(loaded.serialized(), saved)
        // A word joins the loaded `(<*>)` as it joins the saved one's, and takes its brackets away.
        for m in [miner, loaded] {
            XCTAssertEqual(m.add("session opened for user nobody by uid 0"), 3)
            XCTAssertEqual(m.template(for: 3)?.text, "session opened for user <*> by uid <*>")
        }
        XCTAssertEqual(loaded.serialized(), miner.serialized())
        // Not what `serialized()` writes: a place beyond the tokens, not a plain number, listed
        // twice, a word (it would print as a word and match anything), a bare `<*>`.
        for bad in ["w=9", "w=x", "w=", "w=4,4", "w=4,", "w=+4", "w=0", "w=6", "x=4"] {
            XCTAssertThrowsError(try TemplateMiner(serialized: saved.replacingOccurrences(of: "w=4\t", with: "\(bad)\t"))) { error in
                XCTAssertEqual((error as? MinerStateError)?.line, 6)
            }
        }
        // A place an earlier version of format 3 saved with a text that holds a `<*>` but is not
        // shaped (`<*>x`) loads, matches any token, and its next merge shapes it.
        let older = saved.replacingOccurrences(of: "by uid <*>\n", with: "by uid <*>x\n").replacingOccurrences(of: "w=4\t", with: "w=4,7\t")
        XCTAssertNotEqual(older, saved)
        let fromOlder = try TemplateMiner(serialized: older)
        XCTAssertEqual(fromOlder.add("session opened for user (root) by uid 0"), 3)
        XCTAssertEqual(fromOlder.template(for: 3)?.text, "session opened for user (<*>) by uid <*>")
    }


    func testStateFormat() throws {
        let miner = TemplateMiner()
        miner.add("user alice logged in")
        miner.add("user bob logged in")
        miner.add("user carol logged in")
        miner.add(#"{"level":"warn","msg":"disk 91% full"}"#)
        XCTAssertEqual(miner.serialized(), """
            shipshape-log-templates 3
            state 4 4 4 0
            merged 2 1
            template 1 3 3 87d1baa20dcda608\tuser <*> logged in
            template 3 1 4 a0aac0ca743cdf83\tlevel=warn disk <*> full

            """)
        // `bob` made a template of its own (2); `carol`, a third word at that place, made it a
        // field, and 2 answers to 1 since. The key is the hash of the word the line chose (`user`; the JSON line has no message
        // word followed by another, so its first kept word, `level=warn`).
        XCTAssertEqual(TokenHash.hash("user".utf8), 0x87d1_baa2_0dcd_a608)
        XCTAssertEqual(TokenHash.hash("level=warn".utf8), 0xa0aa_c0ca_743c_df83)
        // A state from before the key was saved keys each template by the rule applied to its
        // text: `user <*> logged in` on `user`, as its lines.
        let old = try TemplateMiner(serialized: "shipshape-log-templates 1\nstate 2 2 2 0\ntemplate 1 2 2\tuser <*> logged in\n")
        XCTAssertEqual(old.add("user carol logged in"), 1)
        XCTAssertEqual(old.add("42 7 logged in"), 2)
        XCTAssertThrowsError(try TemplateMiner(serialized: "shipshape-log-templates 1\ntemplate 1 2 2 12\tuser\n")) { error in
            XCTAssertEqual((error as? MinerStateError)?.line, 2)
        }
        XCTAssertThrowsError(try TemplateMiner(serialized: "shipshape-log-templates 1\ntemplate 1 2 2 87d1baa20dcda608 x\tuser\n")) { error in
            XCTAssertEqual((error as? MinerStateError)?.line, 2)
        }
        XCTAssertThrowsError(try TemplateMiner(serialized: "shipshape-log-templates 4\n")) { error in
            XCTAssertEqual((error as? MinerStateError)?.line, 1)
        }
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

    /// The LRU order holds over more templates than the list first has room for: the ones used
    /// again stay, the others go in the order they were last used.
    func testEvictionFollowsUseAcrossManyTemplates() {
        let miner = TemplateMiner(capacity: 40)
        // One template per token count: 1 to 40 tokens.
        let line = { (n: Int) in Array(repeating: "tok", count: n).joined(separator: " ") }
        let ids = (1...40).map { miner.add(line($0)) }
        for n in 1...20 { XCTAssertEqual(miner.add(line(n)), ids[n - 1]) }
        for n in 41...50 { miner.add(line(n)) }
        XCTAssertEqual(miner.evictions, 10)
        XCTAssertEqual((0..<40).filter { miner.template(for: ids[$0]) == nil }, Array(20..<30))
        XCTAssertEqual(miner.template(for: ids[0])?.count, 2)
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

/// The shape cache only skips searches: a miner with it gives every line the id, and ends with
/// the templates, counts, merges and evictions, of a miner that searches for every line.
final class ShapeCacheTests: XCTestCase {
    /// Mines `lines` with and without the cache and asserts identical results; the cache's hits.
    @discardableResult
    func assertSameAsSearching(_ lines: [[UInt8]], capacity: Int = 10_000, file: StaticString = #filePath, line: UInt = #line) -> Int {
        let cached = TemplateMiner(capacity: capacity), searching = TemplateMiner(capacity: capacity, shapeCacheSize: 0)
        for (n, bytes) in lines.enumerated() {
            let a = bytes.withUnsafeBufferPointer { cached.add($0) }, b = bytes.withUnsafeBufferPointer { searching.add($0) }
            if a != b {
                XCTFail("line \(n + 1) \"\(String(decoding: bytes, as: UTF8.self))\": id \(a) with the cache, \(b) without", file: file, line: line)
                return 0
            }
        }
        XCTAssertEqual(cached.templates, searching.templates, file: file, line: line)
        XCTAssertEqual(cached.serialized(), searching.serialized(), file: file, line: line)
        XCTAssertEqual(cached.evictions, searching.evictions, file: file, line: line)
        XCTAssertEqual(searching.shapeCacheHits, 0, file: file, line: line)
        return cached.shapeCacheHits
    }

    /// Every labelled style, in rounds with fresh values: most lines after the first round hit.
    func testLabelledCorporaGiveTheSameIds() {
        let styles = [GroupingAccuracyTests.access, GroupingAccuracyTests.app, GroupingAccuracyTests.klog,
                      GroupingAccuracyTests.json, GroupingAccuracyTests.syslog, GroupingAccuracyTests.logfmt]
        var lines: [[UInt8]] = []
        for round in 0..<6 {
            for style in styles {
                for (_, text) in style { lines.append(Array(text.replacingOccurrences(of: "10:0", with: "1\(round):0").utf8)) }
            }
        }
        XCTAssertEqual(assertSameAsSearching(lines), 239)
    }

    /// Templates generalising, merging and being evicted while their shapes are cached.
    func testGeneralisingMergingAndEvictingGiveTheSameIds() {
        let lines = [
            "worker alpha finished batch ok", "worker alpha finished batch ok", "worker beta finished task failed",
            "worker beta finished task failed", "worker gamma finished batch failed", "worker alpha finished batch ok",
            "worker beta finished task failed", "alpha started", "beta started now", "alpha started", "gamma stopped at once ok",
            "beta started now", "alpha started", "worker delta finished batch ok", "gamma stopped at once ok",
        ].map { Array($0.utf8) }
        for capacity in [1, 2, 3, 10] {
            assertSameAsSearching(lines + lines, capacity: capacity)
        }
        XCTAssertGreaterThan(assertSameAsSearching(lines + lines), 10)
    }

    /// Arbitrary bytes through a small miner: constant churn of templates and evictions.
    func testArbitraryBytesGiveTheSameIds() {
        var random = SeededGenerator(seed: 29)
        let alphabet = Array(" \t\"'=:[]{}(),.;/-_0123456789abcdefxyzIEWDecJan\\@#%<>*".utf8)
        let starts = ["", "{\"msg\":\"", "I1202 10:00:00.1 1 a.go:1] \"", "level=info msg=\"", "{", "a b ", "x=1 y "]
        var lines: [[UInt8]] = []
        for _ in 0..<20_000 {
            var line = Array(starts[Int(random.next() % UInt64(starts.count))].utf8)
            for _ in 0..<Int(random.next() % 12) {
                line.append(random.next() % 40 == 0 ? UInt8(truncatingIfNeeded: random.next() | 0x80) : alphabet[Int(random.next() % UInt64(alphabet.count))])
            }
            lines.append(line)
        }
        for capacity in [20, 300] {
            XCTAssertGreaterThan(assertSameAsSearching(lines, capacity: capacity), 1000)
        }
    }
}
