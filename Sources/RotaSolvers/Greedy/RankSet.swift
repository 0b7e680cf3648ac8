/// A set of small non-negative integers (line ranks) as a bitset, walked in increasing order.
struct RankSet: Sendable {
    private var words: [UInt64]
    private(set) var count = 0

    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: (max(0, capacity) + 63) / 64)
    }

    var isEmpty: Bool { count == 0 }

    mutating func removeAll() {
        for i in words.indices { words[i] = 0 }
        count = 0
    }

    mutating func insert(_ r: Int) {
        let bit = UInt64(1) << UInt64(r & 63)
        if words[r >> 6] & bit == 0 {
            words[r >> 6] |= bit
            count += 1
        }
    }

    mutating func remove(_ r: Int) {
        let bit = UInt64(1) << UInt64(r & 63)
        if words[r >> 6] & bit != 0 {
            words[r >> 6] &= ~bit
            count -= 1
        }
    }

    /// The smallest member that is at least `r`.
    func next(from r: Int) -> Int? {
        var w = r >> 6
        guard r >= 0, w < words.count else { return nil }
        var word = words[w] & (~UInt64(0) << UInt64(r & 63))
        while word == 0 {
            w += 1
            guard w < words.count else { return nil }
            word = words[w]
        }
        return w << 6 + word.trailingZeroBitCount
    }
}
