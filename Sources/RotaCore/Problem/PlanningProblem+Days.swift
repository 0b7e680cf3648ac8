extension PlanningProblem {
    /// The first day on or after `day` (and on or after 0) that account `a` may work, before the horizon.
    package func firstAvailableDay(account a: Int, onOrAfter day: Int) -> Int? {
        var d = max(0, day)
        while d < horizon {
            if available[a][d] { return d }
            d += 1
        }
        return nil
    }

    /// The lines that still need a task (a purchase and review, or a review), in line order.
    package var workLines: [Int] {
        (0..<lineCount).filter { need[$0] != .done }
    }

    /// Days late of a review on day `r` for line `l` (0 without a due date).
    package func daysLate(line l: Int, reviewDay r: Int) -> Int {
        guard let due = due[l] else { return 0 }
        return max(0, r - due)
    }

    /// The rolling window length of account `a`, when it has a usable window (`days` ≥ 1),
    /// clamped to the span of days that can hold a purchase (history and plannable days): a
    /// longer window holds nothing more, so every cap keeps its meaning and no loop over
    /// window starts runs longer than that span.
    package func windowLength(account a: Int) -> Int? {
        guard let rolling = rolling[a], rolling.days >= 1 else { return nil }
        var first = 0
        var last = max(0, horizon - 1)
        for purchase in completedPurchases where purchase.account == a {
            first = min(first, purchase.day)
            last = max(last, purchase.day)
        }
        return min(rolling.days, last - first + 1)
    }
}
