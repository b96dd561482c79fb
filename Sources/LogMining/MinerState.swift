/// Saves a miner's templates and counts as lines of text and loads them to continue mining:
///
///     shipshape-log-templates 3
///     state <lines> <tick> <next-id> <evictions>
///     merged <id> <into-id>
///     template <id> <count> <last-seen> <key>[ w=<place>,<place>...]\t<token> <token> ...
///
/// Tokens never contain whitespace, so a space separates them. `<key>` is the hash of the word
/// the template's group is keyed on (`GroupKey`, 16 hex digits), as the line that made it
/// chose it: the template's text cannot always tell (a `<*>` after the key word may have been a
/// word or a variable then). A state without it (written before 2026-12-03) keys each template
/// by the rule applied to its text. Format 1 saved keys chosen before a bracket or a quoted value
/// followed by a variable ended the key word's search (2026-12-04, `GroupKey`): a format-1
/// template whose text that rule keys differently (a log4j `[main]` line, Envoy's access log)
/// is keyed by its text, as its lines now are; the others keep their saved key. `w=` (format 3)
/// lists the places (from 0) that are a `<*>` printed with punctuation (`"<*>"`,
/// `WildcardShape`): they match any token, which their text alone would not tell from a shaped
/// variable's (`[<*>]`, made from variables, matches only those). Loading rebuilds the groups
/// and the LRU order, so a loaded miner gives the same ids and counts as one never stopped.
extension TemplateMiner {
    /// The miner's state as text (deterministic: templates in id order, merges sorted).
    public func serialized() -> String {
        var out = "shipshape-log-templates 3\nstate \(lines) \(tick) \(nextID) \(evictions)\n"
        for (from, to) in mergedInto.sorted(by: { $0.key < $1.key }) { out += "merged \(from) \(to)\n" }
        for slot in slots.compactMap({ $0 }).sorted(by: { $0.id < $1.id }) {
            let key = String(slot.key.first, radix: 16)
            let shaped = slot.texts.indices.filter { slot.kinds[$0] == TemplateSlot.wildcard && slot.texts[$0] != "<*>" }
            let places = shaped.isEmpty ? "" : " w=" + shaped.map(String.init).joined(separator: ",")
            out += "template \(slot.id) \(slot.count) \(slot.lastSeen) \(String(repeating: "0", count: 16 - key.count))\(key)\(places)\t\(slot.texts.joined(separator: " "))\n"
        }
        return out
    }

    /// A miner continuing from `serialized()` text.
    public convenience init(serialized text: String, threshold: Double = 0.5, capacity: Int = 10_000) throws {
        self.init(threshold: threshold, capacity: capacity)
        var loaded: [TemplateSlot] = []
        var format = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty { continue }
            let head = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let fields = head[0].split(separator: " ")
            func int(_ i: Int) throws -> Int {
                guard i < fields.count, let value = Int(fields[i]) else { throw MinerStateError(line: number + 1, text: String(line)) }
                return value
            }
            switch fields.first {
            case "shipshape-log-templates" where number == 0:
                format = try int(1)
                guard (1...3).contains(format) else { throw MinerStateError(line: number + 1, text: String(line)) }
            case "state":
                lines = try int(1); tick = UInt64(try int(2)); nextID = try int(3); evictions = try int(4)
            case "merged":
                mergedInto[try int(1)] = try int(2)
            case "template":
                let texts = head.count > 1 && !head[1].isEmpty ? head[1].split(separator: " ").map(String.init) : []
                var kinds = texts.map(TemplateSlot.kind(ofText:))
                var hashes = texts.map { TokenHash.hash($0.utf8) }
                if format >= 3, fields.count == 6 {
                    // The `<*>`s printed with punctuation: they match any token. Only what
                    // `serialized()` writes: places as plain numbers, each once, whose text holds
                    // a `<*>` (a word marked so would print as a word and match anything). Not
                    // only a shaped one: a version of 2026-12-04 could save `<*>x` as such a place,
                    // and its next merge makes a shaped text of it.
                    let items = fields[5].hasPrefix("w=") ? fields[5].dropFirst(2).split(separator: ",", omittingEmptySubsequences: false) : []
                    let places = items.compactMap { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) ? Int($0) : nil }
                    guard !items.isEmpty, places.count == items.count, Set(places).count == places.count,
                          places.allSatisfy({ texts.indices.contains($0) && texts[$0] != "<*>" && texts[$0].contains("<*>") }) else {
                        throw MinerStateError(line: number + 1, text: String(line))
                    }
                    for place in places {
                        kinds[place] = TemplateSlot.wildcard
                        hashes[place] = LogToken.wildcardHash
                    }
                }
                let first: UInt64
                if fields.count > 4 {
                    guard fields.count == 5 || (format >= 3 && fields.count == 6), fields[4].count == 16, let stored = UInt64(fields[4], radix: 16) else {
                        throw MinerStateError(line: number + 1, text: String(line))
                    }
                    if format == 1, case let now = GroupKey.position(texts: texts), now != GroupKey.position(texts: texts, headerBrackets: false) {
                        first = now.map { hashes[$0] } ?? 0
                    } else {
                        first = stored
                    }
                } else {
                    first = GroupKey.position(texts: texts).map { hashes[$0] } ?? 0
                }
                let key = GroupKey(count: texts.count, first: first)
                loaded.append(TemplateSlot(id: try int(1), count: try int(2), lastSeen: UInt64(try int(3)),
                                           hashes: hashes, kinds: kinds, texts: texts, key: key,
                                           plainWords: TemplateSlot.plainWords(texts: texts, kinds: kinds)))
            default:
                throw MinerStateError(line: number + 1, text: String(line))
            }
        }
        // Least recent first, so the most recent ends at the LRU head; then groups in id order.
        for slot in loaded.sorted(by: { $0.lastSeen < $1.lastSeen }) { insert(slot) }
        for (key, members) in groups { groups[key] = members.sorted { slots[$0]!.id < slots[$1]!.id } }
    }
}

/// A state file line that is not in the format `serialized()` writes.
public struct MinerStateError: Error, CustomStringConvertible, Equatable {
    public var line: Int
    public var text: String
    public var description: String { "log template state, line \(line): unexpected \"\(text)\"; expected a file written by the template miner" }
}
