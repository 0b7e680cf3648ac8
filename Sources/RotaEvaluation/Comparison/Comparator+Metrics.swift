import RotaCore

extension Comparator {
    /// Every metric of FORMAT.md in `rota score`'s order, SLA tiers by name (a tier missing from
    /// one plan counts as having no lines there: share 1).
    static func metrics(_ a: PlanMetrics, _ b: PlanMetrics) -> [MetricComparison] {
        func level(_ level: ObjectiveLevel) -> MetricComparison {
            MetricComparison(metric: .level(level), a: level.value(of: a), b: level.value(of: b))
        }
        var rows = [.unscheduled, .makespan, .weightedLateness, .lateLines].map(level)
        let tiers = Set(a.slaAdherence.map(\.tier)).union(b.slaAdherence.map(\.tier)).sorted()
        for tier in tiers {
            let shareA = a.slaAdherence.first { $0.tier == tier }?.share ?? 1
            let shareB = b.slaAdherence.first { $0.tier == tier }?.share ?? 1
            rows.append(MetricComparison(metric: .slaShare(tier: tier), a: shareA, b: shareB))
        }
        rows += [.largestLoad, .spread, .softOverruns].map(level)
        rows += [
            MetricComparison(metric: .purchases, a: Double(a.purchases), b: Double(b.purchases)),
            MetricComparison(metric: .reviews, a: Double(a.reviews), b: Double(b.reviews)),
        ]
        return rows
    }

    /// Per account, in the instance's account order (both plans are scored on one instance, so
    /// their account lists match; an account known to one side only counts zero on the other).
    static func accountLoads(_ a: PlanMetrics, _ b: PlanMetrics) -> [LoadComparison<AccountID>] {
        var inB: [AccountID: TaskCounts] = [:]
        for load in b.accountLoads where inB[load.account] == nil {
            inB[load.account] = TaskCounts(purchases: load.purchases, reviews: load.reviews)
        }
        var seen = Set<AccountID>()
        var rows: [LoadComparison<AccountID>] = []
        for load in a.accountLoads where seen.insert(load.account).inserted {
            rows.append(LoadComparison(
                key: load.account, a: TaskCounts(purchases: load.purchases, reviews: load.reviews),
                b: inB[load.account] ?? TaskCounts()))
        }
        for load in b.accountLoads where seen.insert(load.account).inserted {
            rows.append(LoadComparison(
                key: load.account, a: TaskCounts(), b: TaskCounts(purchases: load.purchases, reviews: load.reviews)))
        }
        return rows
    }

    /// Per day with work in either plan, ascending: the two sorted day lists merged.
    static func dayLoads(_ a: PlanMetrics, _ b: PlanMetrics) -> [LoadComparison<Day>] {
        var rows: [LoadComparison<Day>] = []
        rows.reserveCapacity(max(a.dayLoads.count, b.dayLoads.count))
        var i = 0
        var j = 0
        while i < a.dayLoads.count || j < b.dayLoads.count {
            let dayA = i < a.dayLoads.count ? a.dayLoads[i].day : nil
            let dayB = j < b.dayLoads.count ? b.dayLoads[j].day : nil
            let day: Day
            switch (dayA, dayB) {
            case let (x?, y?): day = min(x, y)
            case let (x?, nil): day = x
            case let (nil, y?): day = y
            case (nil, nil): return rows
            }
            var row = LoadComparison(key: day, a: TaskCounts(), b: TaskCounts())
            if dayA == day {
                row.a = TaskCounts(purchases: a.dayLoads[i].purchases, reviews: a.dayLoads[i].reviews)
                i += 1
            }
            if dayB == day {
                row.b = TaskCounts(purchases: b.dayLoads[j].purchases, reviews: b.dayLoads[j].reviews)
                j += 1
            }
            rows.append(row)
        }
        return rows
    }
}
