/// Groups `count` consecutive items (accounts, days) into bins of `size`, so that a chart
/// never has more than `limit` rows or columns: `size == 1` keeps every item.
package struct Binning: Hashable, Sendable {
    package var count: Int
    package var size: Int

    /// Bins of the smallest size that gives at most `limit` bins.
    package init(count: Int, limit: Int) {
        self.count = max(0, count)
        let limit = max(1, limit)
        size = max(1, (self.count + limit - 1) / limit)
    }

    package init(count: Int, size: Int) {
        self.count = max(0, count)
        self.size = max(1, size)
    }

    /// How many bins there are.
    package var bins: Int { (count + size - 1) / size }

    /// The bin of item `index`.
    package func bin(of index: Int) -> Int { index / size }

    /// The items of bin `bin`.
    package func items(in bin: Int) -> Range<Int> { (bin * size)..<min(count, (bin + 1) * size) }

    /// Whether every item has its own bin.
    package var isIdentity: Bool { size == 1 }
}
