/// Learns log templates online (a Drain-family miner): each line gets a template id as it
/// arrives, templates generalise as lines vary (`<*>`), templates that turn out to be one merge.
///
/// Lines are grouped by token count and key word (the word their message starts with:
/// `GroupKey`). Within a group a line joins the most similar template when the similarity
/// reaches `threshold`, except one it differs from in a plain word at the same place: two words
/// there are two events until a third makes the place a field (`WordField`). Similarity ignores positions where
/// both sides are variables (timestamps and ids say nothing about the template), so it does not
/// depend on how long a header is: equal words score 1, a word against a learned `<*>` scores ½,
/// anything else 0, over the positions that are not both variable. Memory is bounded by
/// `capacity` templates; beyond it the least recently used template is evicted (`evictions`).
/// A line whose exact shape joined a template unchanged before, in a group unchanged since,
/// skips the search (`ShapeCache`): same ids, counts and templates as searching every line.
public final class TemplateMiner {
    /// The similarity a line needs to join a template.
    public let threshold: Double
    /// The most templates kept.
    public let capacity: Int
    /// Templates evicted to stay within `capacity`.
    public internal(set) var evictions = 0
    /// Lines mined.
    @exclusivity(unchecked) public internal(set) var lines = 0
    /// Lines that the shape cache placed without a search.
    @exclusivity(unchecked) public internal(set) var shapeCacheHits = 0

    let tokenizer = LogTokenizer()
    // Only this class touches these, never across a call that could reach them again: the
    // runtime's exclusivity checks cost more than the work on the hot path.
    @exclusivity(unchecked) var slots: [TemplateSlot?] = []
    var freeSlots: [Int] = []
    var slotOfID: [Int: Int] = [:]
    var groups: [GroupKey: [Int]] = [:]
    /// Merged template ids → the id that absorbed them.
    var mergedInto: [Int: Int] = [:]
    var nextID = 1
    @exclusivity(unchecked) var tick: UInt64 = 0
    /// The slots in least-recently-used order.
    @exclusivity(unchecked) var lru = LRUList()
    /// The current line's tokens.
    private let tokens = LogTokenBuffer()
    /// A token's printed bytes, reused (`absorb`, against a `<*>` that keeps punctuation).
    @exclusivity(unchecked) private var printedToken: [UInt8] = []
    /// Per slot, the stamp its group got at its last change (see `ShapeCache`); 0 when free.
    @exclusivity(unchecked) var groupStamps: [UInt64] = []
    var lastStamp: UInt64 = 0
    /// Not an optional: binding one (`if let`) retained and released it on every line.
    let shapeCache: ShapeCache
    /// Whether lines are looked up in `shapeCache` (`shapeCacheSize` > 0); when not, it is a
    /// one-entry cache that is never read or written.
    let usesShapeCache: Bool

    /// `shapeCacheSize`: entries of the shape cache (0: search for every line; same results).
    public init(threshold: Double = 0.5, capacity: Int = 10_000, shapeCacheSize: Int = 4096) {
        self.threshold = threshold
        self.capacity = max(1, capacity)
        usesShapeCache = shapeCacheSize > 0
        shapeCache = ShapeCache(size: max(1, shapeCacheSize))
    }

    deinit { lru.deallocate() }

    /// Mines one line (without its newline); returns its template id.
    @discardableResult
    public func add(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        tokenizer.tokenize(line, into: tokens)
        lines &+= 1
        tick &+= 1
        var shape: (hash: UInt64, variables: UInt64)?
        if usesShapeCache {
            shape = ShapeCache.shape(of: tokens.tokens)
            if let shape, let hit = shapeCache.find(shape.hash, shape.variables, tokens.tokens), groupStamps[hit.slot] == hit.stamp {
                // The search would choose this template and leave it as it is: count the line.
                slots[hit.slot]!.count &+= 1
                slots[hit.slot]!.lastSeen = tick
                touch(hit.slot)
                shapeCacheHits &+= 1
                return hit.id
            }
        }
        let key = GroupKey(count: tokens.count, first: keyWord(line))
        if let members = groups[key] {
            let lineWords = plainWords(line)
            var best = -1
            var bestScore = -1.0
            // Templates the line would join but for a different word at a place (`WordField`).
            var blocked: [(slot: Int, places: UInt64)] = []
            for slot in members {
                let (score, conflicts) = similarity(slots[slot]!, lineWords: lineWords)
                if conflicts != 0 {
                    if score >= threshold { blocked.append((slot, conflicts)) }
                } else if score > bestScore {
                    bestScore = score; best = slot
                }
            }
            if best >= 0, bestScore >= threshold {
                let id = slots[best]!.id
                if !absorb(best, key: key, line: line), let shape {
                    shapeCache.store(shape.hash, shape.variables, tokens.tokens, slot: best, id: id, stamp: groupStamps[best])
                }
                return id
            }
            if !blocked.isEmpty, let survivor = joinField(blocked, key: key, line: line) {
                _ = absorb(survivor, key: key, line: line)
                return slots[survivor]!.id
            }
        }
        return create(line, key: key)
    }

    /// Mines one line given as a String.
    @discardableResult
    public func add(_ line: String) -> Int {
        var copy = line
        return copy.withUTF8 { add($0) }
    }

    /// The id the next new template will get: ids from it on are templates made after now
    /// (the logs job's "new template" test, across runs of a saved miner).
    public var nextTemplateID: Int { nextID }

    /// The template a line's id stands for now (following merges); nil once evicted.
    public func template(for id: Int) -> LogTemplate? {
        guard let slot = slotOfID[resolve(id)] else { return nil }
        return slots[slot]!.template
    }

    /// The id that `id` is now known by (a merged template answers to the one that absorbed it).
    public func resolve(_ id: Int) -> Int {
        var id = id
        while let target = mergedInto[id] { id = target }
        return id
    }

    /// All templates, most frequent first (ties by id).
    public var templates: [LogTemplate] {
        slots.compactMap { $0?.template }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }
    }

    // MARK: - Matching

    /// The hash of the line's key word (see `GroupKey`), 0 when it has no kept word.
    private func keyWord(_ line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let tokens = tokens.tokens
        let position = GroupKey.position(count: tokens.count, isKept: { !tokens[$0].isVariable }, isHeader: { i in
            let t = tokens[i]
            return t.kind == .level || GroupKey.isHeader(UnsafeBufferPointer(rebasing: line[t.start..<t.end]))
        }, ends: { (line[tokens[$0].start], line[tokens[$0].end - 1]) })
        return position.map { tokens[$0].hash } ?? 0
    }

    /// The line's plain-word positions (`WordField`), a bit each.
    private func plainWords(_ line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let tokens = tokens.tokens
        return WordField.mask(count: tokens.count) { i in
            let t = tokens[i]
            return !t.isVariable && WordField.isPlainWord(UnsafeBufferPointer(rebasing: line[t.start..<t.end]))
        }
    }

    /// The line's similarity to a template, and the places where both hold different plain
    /// words (which keep the line out of it: `WordField`).
    private func similarity(_ slot: TemplateSlot, lineWords: UInt64) -> (score: Double, conflicts: UInt64) {
        var score = 0.0
        var counted = 0
        var conflicts: UInt64 = 0
        let words = slot.plainWords & lineWords
        slot.hashes.withUnsafeBufferPointer { hashes in
            slot.kinds.withUnsafeBufferPointer { kinds in
                for i in 0..<tokens.count {
                    let t = tokens[i]
                    switch kinds[i] {
                    case TemplateSlot.wildcard:
                        if !t.isVariable { score += 0.5; counted += 1 }
                    case TemplateSlot.variable:
                        if t.hash != hashes[i] || !t.isVariable { counted += 1 }
                    default:
                        counted += 1
                        if t.hash == hashes[i] {
                            score += 1
                        } else if i < WordField.positions, words & (1 << UInt64(i)) != 0 {
                            conflicts |= 1 << UInt64(i)
                        }
                    }
                }
            }
        }
        return (counted == 0 ? 1 : score / Double(counted), conflicts)
    }

    /// A line kept out of the `blocked` templates by different words at some places: where a
    /// place now has `WordField.distinctWords` different words (the line's and theirs), it is a
    /// field. The oldest template that differs from the line only at fields takes the line
    /// (those places become `<*>`), and each other such template whose plain words differ from
    /// it only at fields merges in (its id answers to the oldest's from then on); then the
    /// group is compared with it again, as after any change. Returns the template for the line
    /// to join; nil when no place is a field yet, and the line makes a template of its own.
    private func joinField(_ blocked: [(slot: Int, places: UInt64)], key: GroupKey, line: UnsafeBufferPointer<UInt8>) -> Int? {
        var fields: UInt64 = 0
        var places = blocked.reduce(0) { $0 | $1.places }
        while places != 0 {
            let place = places.trailingZeroBitCount
            places &= places - 1
            var words: Set<UInt64> = [tokens[place].hash]
            for b in blocked where b.places & (1 << UInt64(place)) != 0 { words.insert(slots[b.slot]!.hashes[place]) }
            if words.count >= WordField.distinctWords { fields |= 1 << UInt64(place) }
        }
        let candidates = blocked.filter { $0.places & ~fields == 0 }.sorted { slots[$0.slot]!.id < slots[$1.slot]!.id }
        guard let oldest = candidates.first else { return nil }
        let survivor = oldest.slot
        var own = oldest.places
        while own != 0 {
            let place = own.trailingZeroBitCount
            generalise(survivor, at: place, with: tokens[place].text(in: line))
            own &= own - 1
        }
        for other in candidates.dropFirst() where wordConflicts(slots[survivor]!, slots[other.slot]!) & ~fields == 0 {
            merge(other.slot, into: survivor, key: key)
        }
        mergeSimilar(into: survivor, key: key)
        restamp(key)
        return survivor
    }

    /// The places where two templates of a group both hold plain words, different ones (`WordField`).
    private func wordConflicts(_ a: TemplateSlot, _ b: TemplateSlot) -> UInt64 {
        var conflicts: UInt64 = 0
        var words = a.plainWords & b.plainWords
        while words != 0 {
            let i = words.trailingZeroBitCount
            words &= words - 1
            if a.kinds[i] == TemplateSlot.constant, b.kinds[i] == TemplateSlot.constant, a.hashes[i] != b.hashes[i] {
                conflicts |= 1 << UInt64(i)
            }
        }
        return conflicts
    }

    /// Counts the line into `slot`, turning positions where they differ into `<*>` (and a
    /// `<*>`'s punctuation into what the line's token shares of it, `WildcardShape`); whether
    /// the template changed.
    private func absorb(_ slot: Int, key: GroupKey, line: UnsafeBufferPointer<UInt8>) -> Bool {
        var changed = false
        slots[slot]!.count += 1
        slots[slot]!.lastSeen = tick
        for i in 0..<tokens.count {
            if slots[slot]!.kinds[i] != TemplateSlot.wildcard {
                guard slots[slot]!.hashes[i] != tokens[i].hash else { continue }
                generalise(slot, at: i, with: tokens[i].text(in: line))
                changed = true
            } else if slots[slot]!.texts[i] != "<*>" {
                tokens[i].printed(in: line, into: &printedToken)
                if let text = printedToken.withUnsafeBufferPointer({ WildcardShape.merged(slots[slot]!.texts[i], $0) }) {
                    slots[slot]!.texts[i] = text
                    changed = true
                }
            }
        }
        touch(slot)
        if changed {
            mergeSimilar(into: slot, key: key)
            restamp(key)
        }
        return changed
    }

    /// Templates of the group that `slot` has grown to resemble are one template with it: each
    /// one as similar to it as a line would need to be merges in (positions that differ become
    /// `<*>`), its count added and its id answering to the survivor's from then on.
    private func mergeSimilar(into slot: Int, key: GroupKey) {
        guard var members = groups[key], members.count > 1 else { return }
        var merged = true
        while merged {
            merged = false
            for other in members where other != slot {
                guard let candidate = slots[other], templateSimilarity(slots[slot]!, candidate) >= threshold else { continue }
                merge(other, into: slot, key: key)
                members = groups[key] ?? []
                merged = true
                break
            }
        }
    }

    /// Merges template `other` into `slot` (same group): positions where they differ become
    /// `<*>`, the counts add up, and `other`'s id answers to `slot`'s from then on.
    func merge(_ other: Int, into slot: Int, key: GroupKey) {
        let candidate = slots[other]!
        // Where they differ, or either is a `<*>` (a shaped variable's `[<*>]` and a `<*>` printed
        // `[<*>]` have one text but match differently), the place becomes a `<*>`.
        for i in 0..<candidate.hashes.count where slots[slot]!.hashes[i] != candidate.hashes[i]
            || slots[slot]!.kinds[i] == TemplateSlot.wildcard || candidate.kinds[i] == TemplateSlot.wildcard {
            generalise(slot, at: i, with: candidate.texts[i])
        }
        slots[slot]!.count += candidate.count
        slots[slot]!.lastSeen = max(slots[slot]!.lastSeen, candidate.lastSeen)
        mergedInto[candidate.id] = slots[slot]!.id
        release(other)
        groups[key]?.removeAll { $0 == other }
    }

    /// Makes a template's place a `<*>` that matches any token, printed with the punctuation
    /// its text and `other` (the line's token or a merged template's text there) share
    /// (`WildcardShape`).
    private func generalise(_ slot: Int, at place: Int, with other: String) {
        slots[slot]!.hashes[place] = LogToken.wildcardHash
        slots[slot]!.kinds[place] = TemplateSlot.wildcard
        slots[slot]!.texts[place] = WildcardShape.merged(slots[slot]!.texts[place], other)
    }

    /// Similarity of two templates, scored as a line against a template is (either side's `<*>`
    /// against a word scores ½, equal variables are left out); 0 when both hold different plain
    /// words at a place (`WordField`: they are two events until a line makes that place a field).
    private func templateSimilarity(_ a: TemplateSlot, _ b: TemplateSlot) -> Double {
        if wordConflicts(a, b) != 0 { return 0 }
        var score = 0.0
        var counted = 0
        for i in 0..<a.hashes.count {
            let ka = a.kinds[i], kb = b.kinds[i]
            if ka == TemplateSlot.wildcard && kb == TemplateSlot.wildcard { continue }
            if ka == TemplateSlot.wildcard || kb == TemplateSlot.wildcard {
                if ka == TemplateSlot.constant || kb == TemplateSlot.constant { score += 0.5; counted += 1 }
                continue
            }
            if ka == TemplateSlot.variable, a.hashes[i] == b.hashes[i] { continue }
            counted += 1
            if a.hashes[i] == b.hashes[i] { score += 1 }
        }
        return counted == 0 ? 1 : score / Double(counted)
    }

    private func create(_ line: UnsafeBufferPointer<UInt8>, key: GroupKey) -> Int {
        if slotOfID.count >= capacity, lru.tail >= 0 {
            let victim = lru.tail
            let victimKey = slots[victim]!.key
            groups[victimKey]?.removeAll { $0 == victim }
            if groups[victimKey]?.isEmpty == true { groups[victimKey] = nil }
            release(victim)
            restamp(victimKey)
            evictions += 1
        }
        let id = nextID
        nextID += 1
        var slot = TemplateSlot(id: id, count: 1, lastSeen: tick, hashes: [], kinds: [], texts: [], key: key)
        slot.hashes.reserveCapacity(tokens.count)
        for t in tokens.tokens {
            let text = t.text(in: line)
            slot.hashes.append(t.hash)
            slot.kinds.append(TemplateSlot.kind(ofText: text))
            slot.texts.append(text)
        }
        slot.plainWords = TemplateSlot.plainWords(texts: slot.texts, kinds: slot.kinds)
        insert(slot)
        return id
    }

    // MARK: - Storage and LRU

    /// Stores a template in a free slot, in its group (groups stay in id order) and at the LRU head.
    func insert(_ slot: TemplateSlot) {
        let index: Int
        if let free = freeSlots.popLast() {
            index = free
            slots[index] = slot
        } else {
            index = slots.count
            slots.append(slot)
            lru.addSlot()
            groupStamps.append(0)
        }
        slotOfID[slot.id] = index
        groups[slot.key, default: []].append(index)
        restamp(slot.key)
        lru.pushFront(index)
    }

    /// A group changed (a member created, generalised, merged or evicted): its members get a
    /// new stamp, so the shape cache's entries for it stop being used.
    private func restamp(_ key: GroupKey) {
        lastStamp &+= 1
        guard let members = groups[key] else { return }
        for slot in members { groupStamps[slot] = lastStamp }
    }

    @inline(__always) private func touch(_ slot: Int) { lru.touch(slot) }

    /// Frees a slot (its group entry is the caller's to remove).
    private func release(_ slot: Int) {
        lru.unlink(slot)
        slotOfID[slots[slot]!.id] = nil
        slots[slot] = nil
        groupStamps[slot] = 0
        freeSlots.append(slot)
    }
}
