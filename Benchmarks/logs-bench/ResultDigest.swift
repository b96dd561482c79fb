import LogMining

/// `--digest`: one hash of everything the miner decides, so that a change meant only to make it
/// faster can be shown to give byte-identical results (print it before and after; it must not
/// move). It covers every line's template id, the saved state (templates, counts, merges), and
/// every token (printed text, kind, hash) of the corpus and of random lines built from the bytes
/// that steer the tokenizer (quotes, brackets, `=`, `:`, digits, hex, months, JSON), where the
/// corpus's 26 templates would leave most of its branches untested.
struct ResultDigest {
    private var h: UInt64 = 0xCBF2_9CE4_8422_2325

    /// FNV-1a over bytes: stable across runs and builds (Swift's Hasher is seeded per process).
    mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { add($0) }
    }

    var value: UInt64 { h }

    /// The digest of every line's template id alone: what a change to how templates print
    /// (their texts, in the full digest) must leave as it was.
    static func of(ids: [Int]) -> UInt64 {
        var digest = ResultDigest()
        for id in ids { digest.add(UInt64(bitPattern: Int64(id))) }
        return digest.value
    }

    /// The digest of a mining run and of the tokens of its lines and of `randomLines` random lines.
    static func of(miner: TemplateMiner, ids: [Int], lines buffer: UnsafeBufferPointer<UInt8>, randomLines: Int) -> UInt64 {
        var digest = ResultDigest()
        for id in ids { digest.add(UInt64(bitPattern: Int64(id))) }
        digest.add(miner.serialized().utf8)
        let tokenizer = LogTokenizer()
        var tokens: [LogToken] = []
        func addTokens(_ line: UnsafeBufferPointer<UInt8>) {
            tokenizer.tokenize(line, into: &tokens)
            digest.add(UInt64(tokens.count))
            for t in tokens {
                digest.add(t.text(in: line).utf8)
                digest.add(UInt64(t.kind.rawValue))
                digest.add(t.hash)
            }
        }
        LogLines.forEach(in: buffer, addTokens)
        // The random lines also go through a small miner: groups, merges and evictions get busy.
        var random = Corpus.Random(state: 7)
        let small = TemplateMiner(capacity: 200)
        for _ in 0..<randomLines {
            let line = randomLine(&random)
            line.withUnsafeBufferPointer { line in
                addTokens(line)
                digest.add(UInt64(bitPattern: Int64(small.add(line))))
            }
        }
        digest.add(small.serialized().utf8)
        return digest.value
    }

    /// Pieces a random line is made of: separators, brackets and quotes, and fragments of the
    /// values the tokenizer recognises, so that odd combinations of them come up.
    static let pieces: [String] = [
        " ", " ", " ", "  ", "\t", "a", "Dec", "dec", "Jan", "2", "12", "123", "10:00:00", "10:00:00.123", "2024-12-02", "T",
        "Z", "-", "_", ".", ":", "::", "=", "==", "\"", "\"", "'", "[", "]", "(", ")", "{", "}", "<", ">", ",", ";", "!", "?",
        "/", "./", "~/", "://", "http", "x", "0x", "0X", "ff", "deadbeef", "fe80", "10.0.0.1", "5f3c9a2e-1b7d-4c1e-9f00-3a2b1c0d9e8f",
        "level", "lvl", "LEVEL", "severity", "msg", "message", "info", "warn", "I1202", "E1202", "W", "node-1", "sshd", "ms", "Mi",
        "+", "\\", "é", "ok", "error", "go", "file.go", "\",\"ts\":1}",
        "\"a\":[1,{\"b\":2}],", "abcdefghij", "ABCDEFGH", "12345678901",
    ]

    static let jsonStarts = ["{\"level\":\"info\",\"msg\":\"", "{\"message\":\"", " {\"lvl\":\"warn\",\"x\":{\"y\":[1]},\"msg\":\"", "{"]

    static func randomLine(_ random: inout Corpus.Random) -> [UInt8] {
        var line: [UInt8] = random.int(6) == 0 ? Array(random.pick(jsonStarts).utf8) : []
        for _ in 0..<(1 + random.int(24)) { line.append(contentsOf: random.pick(pieces).utf8) }
        return line
    }
}
