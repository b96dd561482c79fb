/// The miner's slots in least-recently-used order: a doubly linked list through each slot's
/// `prev` and `next` slot (-1: none), most recent at `head`, the next to evict at `tail`.
///
/// The links live in memory the list owns, not in two `[Int]`: moving a slot to the head on
/// every line took six array uniqueness checks (one a write), about a fifth of the miner's own
/// work per line. Indices are the caller's slot numbers: `addSlot()` makes room for the next
/// one, and every slot the list is given is below that count, so each access is in bounds.
/// Only `TemplateMiner` owns one, and frees it in its `deinit` (`deallocate()`).
struct LRUList {
    struct Link {
        var prev = -1, next = -1
    }

    private(set) var head = -1, tail = -1
    private var links: UnsafeMutablePointer<Link>
    private var capacity: Int
    /// Slots the list has room for (`addSlot()` calls).
    private(set) var count = 0

    init() {
        capacity = 16
        links = .allocate(capacity: capacity)
    }

    /// Makes room for slot `count` (not yet in the list).
    mutating func addSlot() {
        if count == capacity {
            let grown = UnsafeMutablePointer<Link>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: links, count: count)
            links.deallocate()
            links = grown
            capacity *= 2
        }
        (links + count).initialize(to: Link())
        count += 1
    }

    /// Puts a slot that is not in the list at the head.
    @inline(__always)
    mutating func pushFront(_ slot: Int) {
        links[slot] = Link(prev: -1, next: head)
        if head >= 0 { links[head].prev = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    /// Takes a slot out of the list.
    @inline(__always)
    mutating func unlink(_ slot: Int) {
        let link = links[slot]
        if link.prev >= 0 { links[link.prev].next = link.next } else { head = link.next }
        if link.next >= 0 { links[link.next].prev = link.prev } else { tail = link.prev }
        links[slot] = Link()
    }

    /// Moves a slot in the list to the head (it was just used).
    @inline(__always)
    mutating func touch(_ slot: Int) {
        guard head != slot else { return }
        unlink(slot)
        pushFront(slot)
    }

    func deallocate() { links.deallocate() }
}
