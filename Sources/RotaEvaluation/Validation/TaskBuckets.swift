/// Plan-task positions grouped by a dense key (line, account…), stored flat: one array and
/// offsets, so that a million tasks do not make a million small arrays.
package struct TaskBuckets: Sendable {
    private var offsets: [Int]
    private var positions: [Int]

    /// Groups `positions` by `key` (a key in `0..<count`, or `nil` to leave a position out),
    /// keeping their order within each bucket.
    init(count: Int, positions source: [Int], key: (Int) -> Int?) {
        var sizes = [Int](repeating: 0, count: count + 1)
        var keys = [Int](repeating: -1, count: source.count)
        for (n, position) in source.enumerated() {
            guard let k = key(position), k >= 0, k < count else { continue }
            keys[n] = k
            sizes[k + 1] += 1
        }
        for k in 0..<count { sizes[k + 1] += sizes[k] }
        var next = sizes
        var flat = [Int](repeating: 0, count: sizes[count])
        for (n, position) in source.enumerated() where keys[n] >= 0 {
            flat[next[keys[n]]] = position
            next[keys[n]] += 1
        }
        offsets = sizes
        positions = flat
    }

    /// How many buckets there are.
    package var count: Int { offsets.count - 1 }

    /// The positions in bucket `key`; empty for a key out of range.
    package subscript(key: Int) -> ArraySlice<Int> {
        guard key >= 0, key < count else { return [] }
        return positions[offsets[key]..<offsets[key + 1]]
    }

    /// Sorts every bucket by `areInIncreasingOrder`.
    mutating func sortEachBucket(by areInIncreasingOrder: (Int, Int) -> Bool) {
        for key in 0..<count {
            positions[offsets[key]..<offsets[key + 1]].sort(by: areInIncreasingOrder)
        }
    }
}
