extension MIPFormulationBuilder {
    /// x[c,a,d] ∈ ℤ, 0 ≤ x ≤ min(n_c, daily room, same-item rooms, hard-window room), only for
    /// days d ≥ first_c the account works that leave a review day r ≥ d + lag_c before the horizon.
    /// Uncapped reviews: the review is on r(a,d) = the first working day ≥ d + lag_c, so in a
    /// class of one group x carries the lateness w·max(0, r − due).
    mutating func addPurchaseColumns() {
        for (c, lineClass) in classes.enumerated() where lineClass.need == .purchase {
            let first = lineClass.firstPurchaseDay
            for a in 0..<problem.accountCount {
                for d in first..<max(first, problem.horizon) where problem.available[a][d] {
                    guard let r = earliestReview(account: a, onOrAfter: d + lineClass.lag) else { continue }
                    let upper = min(
                        lineClass.count, dailyRoom(a, d), itemDayRoom(a, lineClass.item, d),
                        itemTotalRoom(a, lineClass.item), windowRoom(a, day: d))
                    guard upper > 0 else { continue }
                    let j = column(
                        "x[\(c),\(a),\(d)]", kind: .integer, upper: Double(upper), reviewDay: r,
                        lateness: reviewsCapped || lineClass.groups.count > 1 ? 0 : lineClass.groups[0].lateness(reviewDay: r))
                    purchases.append(
                        MIPFormulation.PurchaseColumn(lineClass: c, account: a, day: d, reviewDay: r, column: j))
                }
            }
        }
    }

    /// The first day ≥ `day` account `a` may review on (with room under a review cap).
    func earliestReview(account a: Int, onOrAfter day: Int) -> Int? {
        var d = day
        while let r = problem.firstAvailableDay(account: a, onOrAfter: d) {
            if reviewRoom(a, r) > 0 { return r }
            d = r + 1
        }
        return nil
    }

    /// y[c,a,r] ∈ ℤ, 0 ≤ y ≤ min(n_c, review room): reviews of class c by account a on day r.
    /// Review classes (purchase completed by a): uncapped, one column on the first working day
    /// ≥ first review day; capped, every working day from it. Purchase classes, capped only:
    /// every working day from the account's first purchase column + lag_c.
    mutating func addReviewColumns() {
        let accounts = problem.accountCount
        var firstDay = [Int?](repeating: nil, count: classes.count * accounts)
        for p in purchases where firstDay[p.lineClass * accounts + p.account] == nil {
            firstDay[p.lineClass * accounts + p.account] = p.day
        }
        for (c, lineClass) in classes.enumerated() {
            switch lineClass.need {
            case .review(let a):
                if reviewsCapped {
                    addReviewColumns(lineClass: c, account: a, from: lineClass.firstReviewDay)
                } else if let r = problem.firstAvailableDay(account: a, onOrAfter: lineClass.firstReviewDay) {
                    addReviewColumn(lineClass: c, account: a, day: r, upper: lineClass.count)
                }
            case .purchase:
                guard reviewsCapped else { continue }
                for a in 0..<accounts {
                    if let d = firstDay[c * accounts + a] {
                        addReviewColumns(lineClass: c, account: a, from: d + lineClass.lag)
                    }
                }
            }
        }
    }

    private mutating func addReviewColumns(lineClass c: Int, account a: Int, from first: Int) {
        for r in max(0, first)..<max(0, first, problem.horizon) where problem.available[a][r] {
            let upper = min(classes[c].count, reviewRoom(a, r))
            if upper > 0 { addReviewColumn(lineClass: c, account: a, day: r, upper: upper) }
        }
    }

    private mutating func addReviewColumn(lineClass c: Int, account a: Int, day r: Int, upper: Int) {
        let j = column(
            "y[\(c),\(a),\(r)]", kind: .integer, upper: Double(upper), reviewDay: r,
            lateness: classes[c].groups.count > 1 ? 0 : classes[c].groups[0].lateness(reviewDay: r))
        reviews.append(MIPFormulation.ReviewColumn(lineClass: c, account: a, day: r, column: j))
    }
}
