import Rota

/// Purchases and reviews per account and calendar day of one plan (completed ones included,
/// missed ones not), with the rolling-window counts FORMAT.md's rules 7 and soft overruns use.
package struct CapacityModel: Sendable {
    /// A rolling window over its soft cap (a soft overrun, as the score counts them).
    package struct Overrun: Hashable, Sendable {
        package var account: AccountID
        package var start: Day
        package var days: Int
        package var purchases: Int
        package var soft: Int
    }

    package let calendar: ReportCalendar
    package let accounts: [Account]
    /// `purchases[a * dayCount + d]`.
    package let purchases: [Int]
    package let reviews: [Int]
    /// Per account, prefix sums of `purchases` (dayCount + 1 entries).
    private let prefix: [[Int]]

    package init(facts: PlanFacts, index: ReportIndex, calendar: ReportCalendar) {
        self.calendar = calendar
        accounts = index.accounts
        let days = calendar.dayCount
        var purchases = [Int](repeating: 0, count: accounts.count * days)
        var reviews = [Int](repeating: 0, count: accounts.count * days)
        for l in index.lines.indices {
            if let p = facts.purchase[l] { purchases[p.account * days + min(max(0, p.day - calendar.first), days - 1)] += 1 }
            if let r = facts.review[l] { reviews[r.account * days + min(max(0, r.day - calendar.first), days - 1)] += 1 }
        }
        self.purchases = purchases
        self.reviews = reviews
        prefix = accounts.indices.map { a in
            var sums = [0]
            sums.reserveCapacity(days + 1)
            for d in 0..<days { sums.append(sums[d] + purchases[a * days + d]) }
            return sums
        }
    }

    /// Purchases of account `a` on the days `from..<to` (offsets from the calendar's first day, clamped).
    package func purchases(account a: Int, from: Int, to: Int) -> Int {
        let lo = min(max(0, from), calendar.dayCount)
        let hi = min(max(0, to), calendar.dayCount)
        return hi > lo ? prefix[a][hi] - prefix[a][lo] : 0
    }

    /// Purchases of account `a` in the rolling window ending on day offset `d`.
    package func windowEnding(account a: Int, day d: Int, days w: Int) -> Int {
        purchases(account: a, from: d - w + 1, to: d + 1)
    }

    /// Every window over its account's soft cap, by account then start day (at most `limit`),
    /// and how many there are in all.
    package func softOverruns(limit: Int) -> (listed: [Overrun], total: Int) {
        var listed: [Overrun] = []
        var total = 0
        for (a, account) in accounts.enumerated() {
            guard let rolling = account.rolling, let soft = rolling.soft, rolling.days > 0 else { continue }
            let w = min(rolling.days, calendar.dayCount + rolling.days)
            for start in (1 - w)..<calendar.dayCount {
                let count = purchases(account: a, from: start, to: start + w)
                guard count > soft else { continue }
                total += 1
                if listed.count < limit {
                    listed.append(.init(account: account.id, start: calendar.day(start), days: rolling.days, purchases: count, soft: soft))
                }
            }
        }
        return (listed, total)
    }
}
