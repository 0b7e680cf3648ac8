/// The K-th of N disjoint slices of a sweep's runs (`--shard K/N`, K from 0): run `i` belongs
/// to shard `i mod N`, so every shard gets a share of every vector and the shards together
/// are the whole sweep. `0/1` is the whole sweep.
package struct SweepShard: Hashable, Sendable, CustomStringConvertible {
    package var index: Int
    package var count: Int

    package static let whole = SweepShard(index: 0, count: 1)

    package init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 0 ≤ K < N; nil otherwise.
    package init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 0, k < n else { return nil }
        self.init(index: k, count: n)
    }

    package var description: String { "\(index)/\(count)" }

    func contains(_ run: Int) -> Bool { run % count == index }

    /// This shard's runs of a sweep of `total` runs, in increasing order.
    func runs(of total: Int) -> [Int] { Array(stride(from: index, to: total, by: count)) }
}

/// How runs are numbered: run `v × instances + i` tries vector `v` on instance `i`
/// (vectors in grid order, instances by file name).
struct SweepLayout: Hashable, Sendable {
    var vectors: Int
    var instances: Int

    var runs: Int { vectors * instances }

    func vector(of run: Int) -> Int { run / instances }
    func instance(of run: Int) -> Int { run % instances }
}
