import Rota

/// Open lines per day of the plan: a line is open from the day its order was created (or the
/// calendar's first day) until its review day (unscheduled lines stay open), counted by SLA
/// tier and by age (days since created) in `BacklogModel.ageBuckets`.
package struct BacklogModel: Sendable {
    /// Age buckets: lower bounds in days, ascending (the last is open-ended).
    package static let ageBuckets = [0, 7, 14, 28]

    package let calendar: ReportCalendar
    package let tiers: [String]
    /// `byTier[d * tiers.count + t]`: open lines of tier `t` on day offset `d`.
    package let byTier: [Int]
    /// `byAge[d * ageBuckets.count + b]`.
    package let byAge: [Int]

    package init(facts: PlanFacts, index: ReportIndex, calendar: ReportCalendar) {
        self.calendar = calendar
        tiers = index.tiers
        let days = calendar.dayCount
        let t = tiers.count
        let buckets = Self.ageBuckets
        // Difference arrays: +1 where a line opens, −1 where it closes.
        var tierDelta = [Int](repeating: 0, count: (days + 1) * max(1, t))
        var ageDelta = [Int](repeating: 0, count: (days + 1) * buckets.count)
        func clamp(_ x: Int) -> Int { min(max(0, x), days) }
        for l in index.lines.indices {
            let created = index.created[l] - calendar.first
            let open = clamp(created)
            let close = clamp(facts.review[l].map { $0.day - calendar.first } ?? days)
            guard open < close else { continue }
            tierDelta[open * t + index.lineTier[l]] += 1
            tierDelta[close * t + index.lineTier[l]] -= 1
            for (b, lower) in buckets.enumerated() {
                let upper = b + 1 < buckets.count ? buckets[b + 1] : Int.max / 4
                let from = max(open, clamp(created + lower))
                let to = min(close, clamp(created + upper))
                guard from < to else { continue }
                ageDelta[from * buckets.count + b] += 1
                ageDelta[to * buckets.count + b] -= 1
            }
        }
        var byTier = [Int](repeating: 0, count: days * max(1, t))
        var byAge = [Int](repeating: 0, count: days * buckets.count)
        for d in 0..<days {
            for k in 0..<t { byTier[d * t + k] = (d > 0 ? byTier[(d - 1) * t + k] : 0) + tierDelta[d * t + k] }
            for b in buckets.indices {
                byAge[d * buckets.count + b] = (d > 0 ? byAge[(d - 1) * buckets.count + b] : 0) + ageDelta[d * buckets.count + b]
            }
        }
        self.byTier = byTier
        self.byAge = byAge
    }

    /// The name of age bucket `b`: "0–6 days", "28+ days".
    package static func ageLabel(_ b: Int) -> String {
        let lower = ageBuckets[b]
        return b + 1 < ageBuckets.count ? "\(lower)–\(ageBuckets[b + 1] - 1) days" : "\(lower)+ days"
    }

    /// The open lines on day offset `d`, over all tiers.
    package func total(day d: Int) -> Int { (0..<tiers.count).reduce(0) { $0 + byTier[d * tiers.count + $1] } }
}
