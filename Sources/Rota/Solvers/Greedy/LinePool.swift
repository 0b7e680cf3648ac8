/// The released, unplaced lines of a sweep, grouped by item and lag. Lines of one group are
/// alike for the rules (same item, same lag), so only each group's first line in priority
/// order is visible; the others wait behind it. When the visible line fails, its whole group
/// would fail that day, and is not walked line by line.
struct LinePool: Sendable {
    private var visible: RankSet
    /// Per group: its visible rank, or -1.
    private var head: [Int32]
    /// Per group: the other released ranks, as a min-heap.
    private var waiting: [[Int32]]

    init(rankCount: Int, groupCount: Int) {
        visible = RankSet(capacity: rankCount)
        head = [Int32](repeating: -1, count: groupCount)
        waiting = [[Int32]](repeating: [], count: groupCount)
    }

    var isEmpty: Bool { visible.isEmpty }

    mutating func removeAll() {
        visible.removeAll()
        for g in head.indices where head[g] >= 0 || !waiting[g].isEmpty {
            head[g] = -1
            waiting[g].removeAll(keepingCapacity: true)
        }
    }

    /// The first visible rank at or after `rank`.
    func next(from rank: Int) -> Int? { visible.next(from: rank) }

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

    /// The group's visible rank, if it has released lines.
    func first(in g: Int) -> Int? {
        head[g] >= 0 ? Int(head[g]) : nil
    }

    private mutating func push(_ rank: Int32, group g: Int) {
        waiting[g].append(rank)
        var i = waiting[g].count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard waiting[g][i] < waiting[g][parent] else { break }
            waiting[g].swapAt(i, parent)
            i = parent
        }
    }

    private mutating func pop(group g: Int) -> Int32? {
        guard let top = waiting[g].first else { return nil }
        let last = waiting[g].removeLast()
        let n = waiting[g].count
        guard n > 0 else { return top }
        waiting[g][0] = last
        var i = 0
        while true {
            let left = 2 * i + 1
            guard left < n else { break }
            var smallest = left
            if left + 1 < n, waiting[g][left + 1] < waiting[g][left] { smallest = left + 1 }
            guard waiting[g][smallest] < waiting[g][i] else { break }
            waiting[g].swapAt(i, smallest)
            i = smallest
        }
        return top
    }
}
