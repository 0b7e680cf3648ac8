extension MIPFormulation {
    /// The schedule column values stand for: each class's lines, in line order, take the
    /// purchases of its columns (account by account, day by day); uncapped reviews go on the
    /// determined day, capped ones pair the account's k-th purchase with its k-th review; the
    /// class's remaining lines are left out.
    public func schedule(from values: [Double]) -> DenseSchedule {
        var schedule = DenseSchedule(lineCount: problem.lineCount)
        func count(_ j: Int) -> Int { j < values.count ? max(0, Int(values[j].rounded())) : 0 }
        let accounts = problem.accountCount
        var bought = [[Placement]](repeating: [], count: classes.count * accounts)
        var reviewed = [[Int]](repeating: [], count: classes.count * accounts)
        for p in purchases {
            for _ in 0..<count(p.column) { bought[p.lineClass * accounts + p.account].append(Placement(account: p.account, day: p.day)) }
        }
        for y in reviews {
            for _ in 0..<count(y.column) { reviewed[y.lineClass * accounts + y.account].append(y.day) }
        }
        let reviewDayOf = Dictionary(purchases.map { (PurchaseKey($0), $0.reviewDay) }, uniquingKeysWith: { a, _ in a })
        for (c, lineClass) in classes.enumerated() {
            var next = 0
            for a in 0..<accounts {
                let group = c * accounts + a
                switch lineClass.need {
                case .review:
                    for r in reviewed[group] where next < lineClass.count {
                        schedule.schedule(line: lineClass.lines[next], purchase: nil, review: Placement(account: a, day: r))
                        next += 1
                    }
                case .purchase:
                    let days = reviewsCapped ? reviewed[group].sorted() : []
                    for (k, p) in bought[group].enumerated() where next < lineClass.count {
                        let r: Int?
                        if reviewsCapped {
                            r = k < days.count ? days[k] : nil
                        } else {
                            r = reviewDayOf[PurchaseKey(lineClass: c, account: a, day: p.day)]
                        }
                        guard let r else { continue }
                        schedule.schedule(line: lineClass.lines[next], purchase: p, review: Placement(account: a, day: r))
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
    public func values(for schedule: DenseSchedule) -> [Double]? {
        var values = [Double](repeating: 0, count: program.columns.count)
        var classOf = [Int?](repeating: nil, count: problem.lineCount)
        for (c, lineClass) in classes.enumerated() { for l in lineClass.lines { classOf[l] = c } }
        let purchaseColumn = Dictionary(purchases.map { (PurchaseKey($0), $0.column) }, uniquingKeysWith: { a, _ in a })
        let reviewColumn = Dictionary(
            reviews.map { (PurchaseKey(lineClass: $0.lineClass, account: $0.account, day: $0.day), $0.column) },
            uniquingKeysWith: { a, _ in a })
        var reviewOnlyColumn: [Int: Int] = [:]
        for y in reviews where !reviewsCapped { reviewOnlyColumn[y.lineClass] = y.column }
        var scheduled = [Int](repeating: 0, count: classes.count)
        for l in 0..<problem.lineCount {
            guard let r = schedule.review[l] else { continue }
            guard let c = classOf[l] else { return nil }
            switch classes[c].need {
            case .review:
                let j = reviewsCapped ? reviewColumn[PurchaseKey(lineClass: c, account: r.account, day: r.day)] : reviewOnlyColumn[c]
                guard let j else { return nil }
                values[j] += 1
            case .purchase:
                guard let p = schedule.purchase[l], let j = purchaseColumn[PurchaseKey(lineClass: c, account: p.account, day: p.day)]
                else { return nil }
                values[j] += 1
                if reviewsCapped {
                    guard let k = reviewColumn[PurchaseKey(lineClass: c, account: r.account, day: r.day)] else { return nil }
                    values[k] += 1
                }
            }
            scheduled[c] += 1
        }
        for (c, lineClass) in classes.enumerated() { values[unscheduled[c]] = Double(lineClass.count - scheduled[c]) }
        fillDerived(&values)
        return values
    }

    /// Sets the backlog, load and overrun columns implied by the x and y values.
    private func fillDerived(_ values: inout [Double]) {
        var load = PlanningHistory(problem).load.map(Double.init)
        for p in purchases { load[p.account] += values[p.column] }
        values[largestLoad] = load.max() ?? 0
        values[smallestLoad] = load.min() ?? 0
        // Backlog and overrun rows have one free column each, found from the row itself.
        for row in program.rows {
            let name = row.name
            if name.hasPrefix("backlog[") {
                guard let b = row.terms.first else { continue }
                let rest = row.terms.dropFirst().reduce(0.0) { $0 + $1.coefficient * values[$1.column] }
                values[b.column] = -rest
            } else if name.hasPrefix("soft["), let o = row.terms.last {
                let total = row.terms.dropLast().reduce(0.0) { $0 + $1.coefficient * values[$1.column] }
                values[o.column] = total > row.upper + 1e-9 ? 1 : 0
            }
        }
    }
}

/// (class, account, day): finds a column from a placement.
struct PurchaseKey: Hashable {
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
