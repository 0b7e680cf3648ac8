import RotaCore

extension MIPFormulation {
    /// A purchase (if any) and its review, as the columns of a class provide them.
    private struct Slot {
        var purchase: Placement?
        var review: Placement
    }

    /// The schedule column values stand for. Each class's review slots come from its columns
    /// (uncapped: a purchase and its determined review day; capped: an account's k-th purchase
    /// with its k-th review); a class of one group gives them to its lines in line order, a
    /// class of several gives each group the slots its z columns name. Lines without a slot
    /// are left out.
    package func schedule(from values: [Double]) -> DenseSchedule {
        var schedule = DenseSchedule(lineCount: problem.lineCount)
        func count(_ j: Int) -> Int { j < values.count ? max(0, Int(values[j].rounded())) : 0 }
        let accounts = problem.accountCount
        var slots = [[Slot]](repeating: [], count: classes.count)
        var bought = [[Int]](repeating: [], count: classes.count * accounts)
        var reviewed = [[Int]](repeating: [], count: classes.count * accounts)
        for p in purchases {
            for _ in 0..<count(p.column) {
                if reviewsCapped {
                    bought[p.lineClass * accounts + p.account].append(p.day)
                } else {
                    slots[p.lineClass].append(
                        Slot(purchase: Placement(account: p.account, day: p.day), review: Placement(account: p.account, day: p.reviewDay)))
                }
            }
        }
        for y in reviews {
            for _ in 0..<count(y.column) {
                if classes[y.lineClass].need == .purchase {
                    reviewed[y.lineClass * accounts + y.account].append(y.day)
                } else {
                    slots[y.lineClass].append(Slot(purchase: nil, review: Placement(account: y.account, day: y.day)))
                }
            }
        }
        if reviewsCapped {
            for (c, lineClass) in classes.enumerated() where lineClass.need == .purchase {
                for a in 0..<accounts {
                    let days = bought[c * accounts + a].sorted()
                    let reviewDays = reviewed[c * accounts + a].sorted()
                    for (d, r) in zip(days, reviewDays) {
                        slots[c].append(Slot(purchase: Placement(account: a, day: d), review: Placement(account: a, day: r)))
                    }
                }
            }
        }
        // Per class and group, (review day, lines) from the z columns, in day order.
        var shares = classes.map { [[(day: Int, count: Int)]](repeating: [], count: $0.groups.count) }
        for z in groupReviews where count(z.column) > 0 {
            shares[z.lineClass][z.group].append((z.day, count(z.column)))
        }
        for (c, lineClass) in classes.enumerated() {
            if lineClass.groups.count == 1 {
                for (line, slot) in zip(lineClass.groups[0].lines, slots[c]) {
                    schedule.schedule(line: line, purchase: slot.purchase, review: slot.review)
                }
                continue
            }
            var open: [Int: [Slot]] = [:]
            for slot in slots[c] { open[slot.review.day, default: []].append(slot) }
            for (g, group) in lineClass.groups.enumerated() {
                var next = 0
                for (day, wanted) in shares[c][g] {
                    for _ in 0..<wanted where next < group.count {
                        guard var free = open[day], !free.isEmpty else { break }
                        let slot = free.removeFirst()
                        open[day] = free
                        schedule.schedule(line: group.lines[next], purchase: slot.purchase, review: slot.review)
                        next += 1
                    }
                }
            }
        }
        return schedule
    }

    /// Column values standing for `schedule` (a valid schedule gives a feasible point of the
    /// model, at least as good as the schedule); nil when a placement has no column.
    /// Uncapped reviews move to their determined day, which is never later.
    package func values(for schedule: DenseSchedule) -> [Double]? {
        var values = [Double](repeating: 0, count: program.columns.count)
        var owner = [(lineClass: Int, group: Int)?](repeating: nil, count: problem.lineCount)
        for (c, lineClass) in classes.enumerated() {
            for (g, group) in lineClass.groups.enumerated() { for l in group.lines { owner[l] = (c, g) } }
        }
        let purchaseColumn = Dictionary(purchases.map { (ColumnKey($0), $0) }, uniquingKeysWith: { a, _ in a })
        let reviewColumn = Dictionary(
            reviews.map { (ColumnKey(lineClass: $0.lineClass, account: $0.account, day: $0.day), $0) },
            uniquingKeysWith: { a, _ in a })
        var onlyReview: [Int: ReviewColumn] = [:]
        for y in reviews where classes[y.lineClass].need != .purchase { onlyReview[y.lineClass] = y }
        let groupColumn = Dictionary(
            groupReviews.map { (ColumnKey(lineClass: $0.lineClass, account: $0.group, day: $0.day), $0.column) },
            uniquingKeysWith: { a, _ in a })
        var scheduled = classes.map { [Int](repeating: 0, count: $0.groups.count) }
        for l in 0..<problem.lineCount {
            guard let r = schedule.review[l] else { continue }
            guard let (c, g) = owner[l] else { return nil }
            let modelDay: Int
            switch classes[c].need {
            case .review:
                let column = reviewsCapped ? reviewColumn[ColumnKey(lineClass: c, account: r.account, day: r.day)] : onlyReview[c]
                guard let column else { return nil }
                values[column.column] += 1
                modelDay = column.day
            case .purchase:
                guard let p = schedule.purchase[l], let x = purchaseColumn[ColumnKey(lineClass: c, account: p.account, day: p.day)]
                else { return nil }
                values[x.column] += 1
                modelDay = reviewsCapped ? r.day : x.reviewDay
                if reviewsCapped {
                    guard let y = reviewColumn[ColumnKey(lineClass: c, account: r.account, day: r.day)] else { return nil }
                    values[y.column] += 1
                }
            }
            if classes[c].groups.count > 1 {
                guard let z = groupColumn[ColumnKey(lineClass: c, account: g, day: modelDay)] else { return nil }
                values[z] += 1
            }
            scheduled[c][g] += 1
        }
        for (c, lineClass) in classes.enumerated() {
            for (g, group) in lineClass.groups.enumerated() {
                values[unscheduled[c][g]] = Double(group.count - scheduled[c][g])
            }
        }
        fillDerived(&values)
        return values
    }

    /// Sets the day total, backlog, load and overrun columns implied by the x and y values.
    private func fillDerived(_ values: inout [Double]) {
        var load = PlanningHistory(problem).load.map(Double.init)
        for p in purchases { load[p.account] += values[p.column] }
        let horizon = problem.horizon
        var perDay = [Double](repeating: 0, count: problem.accountCount * horizon)
        for p in purchases { perDay[p.account * horizon + p.day] += values[p.column] }
        for total in dayTotals { values[total.column] = perDay[total.account * horizon + total.day] }
        values[largestLoad] = load.max() ?? 0
        values[smallestLoad] = load.min() ?? 0
        // Backlog and overrun rows have one free column each, found from the row itself;
        // backlog rows come in day order, so each one's previous backlog is already set.
        for i in backlogRows {
            let row = program.rows[i]
            guard let b = row.terms.first else { continue }
            values[b.column] = -row.terms.dropFirst().reduce(0.0) { $0 + $1.coefficient * values[$1.column] }
        }
        for i in softRows {
            let row = program.rows[i]
            guard let o = row.terms.last else { continue }
            let total = row.terms.dropLast().reduce(0.0) { $0 + $1.coefficient * values[$1.column] }
            values[o.column] = total > row.upper + 1e-9 ? 1 : 0
        }
    }
}

/// (class, account or group, day): finds a column from a placement.
struct ColumnKey: Hashable {
    var lineClass: Int
    var account: Int
    var day: Int

    init(lineClass: Int, account: Int, day: Int) {
        self.lineClass = lineClass
        self.account = account
        self.day = day
    }

    init(_ p: MIPFormulation.PurchaseColumn) {
        self.init(lineClass: p.lineClass, account: p.account, day: p.day)
    }
}
