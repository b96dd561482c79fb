@testable import LogMining
import XCTest

/// Which word keys a line's group: the first kept word that starts a message (not a level, not
/// punctuation, without a digit, followed by another kept word), else the first kept word.
final class GroupKeyTests: XCTestCase {
    /// The key's position for a line given as tokens: `<*>` a variable, anything else kept.
    func position(_ words: [String]) -> Int? {
        GroupKey.position(count: words.count, isKept: { words[$0] != "<*>" }) { i in
            var text = words[i]
            return text.withUTF8(GroupKey.isHeader)
        }
    }

    func testLevelsPunctuationAndNumberedWordsAreNotKeys() {
        XCTAssertEqual(position(["<*>", "<*>", "<*>", "INFO", "dfs.FSNamesystem:", "BLOCK*", "ask"]), 4)
        XCTAssertEqual(position(["<*>", "<*>", "-", "INFO", "<*>", "-", "caught", "end", "of"]), 6)
        XCTAssertEqual(position(["[warn]", "level=error", "ERROR:", "|", "upstream", "timed"]), 4)
        XCTAssertEqual(position(["<*>", "kernel:", "<*>", "eth0:", "link", "up,"]), 4)
    }

    func testAWordBetweenVariablesIsAFieldsValue() {
        // syslog's host and an access log's user stand between variables: not a message's start.
        XCTAssertEqual(position(["<*>", "<*>", "<*>", "LabSZ", "<*>", "Accepted", "password"]), 5)
        XCTAssertEqual(position(["<*>", "-", "alice", "<*>", "<*>", "<*>"]), 1, "no message word: the first kept word")
        XCTAssertEqual(position(["<*>", "<*>"]), nil)
        XCTAssertEqual(position(["done"]), 0)
    }

    func testEventsThatShareAHeaderAndALengthStayApart() {
        // ZooKeeper's header: `- LEVEL [thread] -`. Keyed on `-`, these two met in one group, and
        // a template generalised by a third event took both (a word against `<*>` scores ½).
        let miner = TemplateMiner()
        let a = miner.add("2015-07-29 19:04:12,394 - INFO  [main:QuorumPeer@913] - tickTime set to 2000")
        let b = miner.add("2015-07-29 19:04:29,071 - WARN  [RecvWorker:188978561024:QuorumCnxManager$RecvWorker@765] - caught end of stream exception")
        let c = miner.add("2015-07-29 19:04:31,112 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:Follower@63] - Getting a snapshot from leader")
        let d = miner.add("2015-07-29 19:04:40,010 - WARN  [RecvWorker:188978561025:QuorumCnxManager$RecvWorker@765] - caught end of stream exception")
        XCTAssertEqual(Set([a, b, c]).count, 3)
        XCTAssertEqual(miner.resolve(d), miner.resolve(b))
        XCTAssertEqual(miner.templates.count, 3)
    }

    func testASavedTemplateKeysAsItsLinesDo() throws {
        let miner = TemplateMiner()
        let first = miner.add("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating")
        let loaded = try TemplateMiner(serialized: miner.serialized())
        XCTAssertEqual(loaded.add("081109 203807 222 INFO dfs.DataNode$PacketResponder: PacketResponder 0 for block blk_-6952295868487656571 terminating"), first)
        XCTAssertEqual(loaded.templates.count, 1)
    }
}
