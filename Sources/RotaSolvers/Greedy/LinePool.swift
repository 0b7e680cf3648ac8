/// The released, unplaced lines of a sweep, grouped by item and lag. Lines of one group are
/// alike for the rules (same item, same lag), so only each group's first line in priority
/// order is visible; the others wait behind it. When the visible line fails, its whole group
/// would fail that day, and is not walked line by line.
struct LinePool: Sendable {
    private var visible: RankSet
    /// Per group: its visible rank, or -1.
    private var head: [Int32]
    /// Per group: the other released ranks, as a min-heap in `waiting[start[g] ..< start[g] + count[g]]`.
    private var waiting: [Int32]
    private let start: [Int]
    private var count: [Int32]

    /// A pool for `groupSizes.count` groups of at most that many lines each.
    init(rankCount: Int, groupSizes: [Int]) {
        visible = RankSet(capacity: rankCount)
        head = [Int32](repeating: -1, count: groupSizes.count)
        var start: [Int] = []
        var total = 0
        for size in groupSizes {
            start.append(total)
            total += size
        }
        self.start = start
        waiting = [Int32](repeating: 0, count: total)
        count = [Int32](repeating: 0, count: groupSizes.count)
    }

    var isEmpty: Bool { visible.isEmpty }

    mutating func removeAll() {
        visible.removeAll()
        for g in head.indices {
            head[g] = -1
            count[g] = 0
        }
    }

    /// The first visible rank at or after `rank`.
    func next(from rank: Int) -> Int? { visible.next(from: rank) }

    /// The group's visible rank, if it has released lines.
    func first(in g: Int) -> Int? {
        head[g] >= 0 ? Int(head[g]) : nil
    }

    /// Adds a released line; it is visible when it comes first in its group.
    mutating func release(rank: Int, group g: Int) {
        let current = Int(head[g])
        if current < 0 {
            head[g] = Int32(rank)
            visible.insert(rank)
        } else if rank < current {
            visible.remove(current)
            push(Int32(current), group: g)
            head[g] = Int32(rank)
            visible.insert(rank)
        } else {
            push(Int32(rank), group: g)
        }
    }

    /// Drops the group's visible line (placed or left out); the next one becomes visible.
    mutating func advance(group g: Int) {
        let current = Int(head[g])
        guard current >= 0 else { return }
        visible.remove(current)
        if let rank = pop(group: g) {
            head[g] = rank
            visible.insert(Int(rank))
        } else {
            head[g] = -1
        }
    }

    private mutating func push(_ rank: Int32, group g: Int) {
        let base = start[g]
        var i = Int(count[g])
        count[g] += 1
        waiting[base + i] = rank
        while i > 0 {
            let parent = (i - 1) / 2
            guard waiting[base + i] < waiting[base + parent] else { break }
            waiting.swapAt(base + i, base + parent)
            i = parent
        }
    }

    private mutating func pop(group g: Int) -> Int32? {
        let n = Int(count[g]) - 1
        guard n >= 0 else { return nil }
        let base = start[g]
        let top = waiting[base]
        count[g] = Int32(n)
        guard n > 0 else { return top }
        waiting[base] = waiting[base + n]
        var i = 0
        while true {
            let left = 2 * i + 1
            guard left < n else { break }
            var smallest = left
            if left + 1 < n, waiting[base + left + 1] < waiting[base + left] { smallest = left + 1 }
            guard waiting[base + smallest] < waiting[base + i] else { break }
            waiting.swapAt(base + i, base + smallest)
            i = smallest
        }
        return top
    }
}
