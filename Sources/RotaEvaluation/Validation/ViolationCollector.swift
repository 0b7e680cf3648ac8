import RotaCore

/// Gathers the violations the rules find: counts every one, and keeps per rule only the first
/// `limit` in report order, so that memory does not grow with the number of violations.
///
/// Keeping the first ones in report order (not the first found) makes a limited report the
/// prefix, rule by rule, of the full one, whatever order the rules find their breaches in.
package struct ViolationCollector: Sendable {
    /// At most this many violations kept per rule; `nil` keeps every one.
    package let limit: Int?
    private var buckets: [Int: Bucket] = [:]

    /// A collector keeping at most `limit` violations per rule (a negative limit keeps none),
    /// or every one for `nil`.
    package init(limit: Int?) {
        self.limit = limit.map { max($0, 0) }
    }

    /// Counts the violation, and keeps it while it is among the first `limit` of its rule.
    package mutating func append(_ violation: Violation) {
        buckets[violation.rule, default: Bucket()].add(violation, limit: limit)
    }

    /// Counts and keeps each violation as `append(_:)` does.
    package mutating func append(contentsOf violations: some Sequence<Violation>) {
        for violation in violations { append(violation) }
    }

    /// How many violations of each rule were appended.
    package var counts: [Int: Int] { buckets.mapValues(\.count) }

    /// The violations kept, sorted in report order: per rule the first `limit`.
    package var kept: [Violation] {
        buckets.keys.sorted().flatMap { rule in
            var bucket = buckets[rule]!
            bucket.trim(to: limit)
            return bucket.kept
        }
    }

    /// How many violations are held in memory now (kept ones and candidates).
    var heldCount: Int { buckets.values.reduce(0) { $0 + $1.kept.count } }

    /// One rule's violations: all counted, some kept.
    private struct Bucket: Sendable {
        var count = 0
        /// Candidates for the first `limit`: every one after a `trim`, and since then only
        /// those that come before `last`.
        var kept: [Violation] = []
        /// The last of the first `limit` violations at the latest `trim` (once `limit` were kept):
        /// a violation after it cannot be among the first `limit`.
        var last: Violation?

        mutating func add(_ violation: Violation, limit: Int?) {
            count += 1
            guard let limit else { return kept.append(violation) }
            guard limit > 0 else { return }
            if let last, !Violation.precedes(violation, last) { return }
            kept.append(violation)
            // Sorting after every `max(limit, 64)` additions costs O(log limit) comparisons per
            // violation and keeps fewer than `2 * limit + 64` in memory.
            if kept.count - limit >= max(limit, 64) { trim(to: limit) }
        }

        /// Sorts the violations kept and drops all but the first `limit`.
        mutating func trim(to limit: Int?) {
            kept.sort(by: Violation.precedes)
            guard let limit, kept.count >= limit else { return }
            kept.removeSubrange(limit...)
            last = kept.last
        }
    }
}
