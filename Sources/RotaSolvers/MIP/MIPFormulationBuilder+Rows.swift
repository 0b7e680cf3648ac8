extension MIPFormulationBuilder {
    typealias Term = LinearProgram.Term

    /// Adds `Σ terms ≤ room` unless the columns' upper bounds already keep it.
    mutating func addCap(_ name: String, _ terms: [Term], room: Int) {
        let most = terms.reduce(0.0) { $0 + program.columns[$1.column].upper }
        if most > Double(room) { program.addRow(name, terms, upper: Double(room)) }
    }

    /// u[c,g] ∈ [0, n_g] (continuous: integral whenever x, y, z are). A class of one group:
    /// count[c]:      Σ_{a,d} x[c,a,d] + u[c,0] = n_c   (review classes: Σ_r y[c,a,r] + u[c,0] = n_c)
    /// A class of several groups shares its review days out with z[c,g,r] ∈ ℤ, 0 ≤ z ≤ n_g
    /// (carrying the lateness w_g·max(0, r − due_g)):
    /// split[c,r]:    Σ_g z[c,g,r] = reviews of class c on day r  (Σ x with review day r,
    ///                or Σ_a y[c,a,r] when reviews are variables)
    /// count[c,g]:    Σ_r z[c,g,r] + u[c,g] = n_g
    mutating func addCountRows() {
        // Per class: what supplies its reviews, by review day.
        var supply = [[Int: [Term]]](repeating: [:], count: classes.count)
        var purchaseTerms = [[Term]](repeating: [], count: classes.count)
        for p in purchases { purchaseTerms[p.lineClass].append(Term(p.column, 1)) }
        for p in purchases where !reviewsCapped {
            supply[p.lineClass][p.reviewDay, default: []].append(Term(p.column, 1))
        }
        for y in reviews {
            if reviewsCapped || classes[y.lineClass].need != .purchase {
                supply[y.lineClass][y.day, default: []].append(Term(y.column, 1))
            }
        }
        for (c, lineClass) in classes.enumerated() {
            if lineClass.groups.count == 1 {
                let u = column("u[\(c),0]", kind: .continuous, upper: Double(lineClass.count), reviewDay: nil, lateness: 0)
                unscheduled.append([u])
                // Capped purchase classes count purchases (the backlog equates them with reviews).
                var terms: [Term] = []
                if lineClass.need == .purchase && reviewsCapped {
                    terms = purchaseTerms[c]
                } else {
                    terms = supply[c].sorted { $0.key < $1.key }.flatMap(\.value)
                }
                program.addRow("count[\(c)]", terms + [Term(u, 1)], lower: Double(lineClass.count), upper: Double(lineClass.count))
                continue
            }
            let days = supply[c].keys.sorted()
            var byDay = [Int: [Term]]()
            var groupTerms = [[Term]](repeating: [], count: lineClass.groups.count)
            for (g, group) in lineClass.groups.enumerated() {
                for r in days {
                    let z = column(
                        "z[\(c),\(g),\(r)]", kind: .integer, upper: Double(group.count), reviewDay: r,
                        lateness: group.lateness(reviewDay: r))
                    groupReviews.append(MIPFormulation.GroupReviewColumn(lineClass: c, group: g, day: r, column: z))
                    byDay[r, default: []].append(Term(z, 1))
                    groupTerms[g].append(Term(z, 1))
                }
            }
            for r in days {
                let slots = (supply[c][r] ?? []).map { Term($0.column, -$0.coefficient) }
                program.addRow("split[\(c),\(r)]", (byDay[r] ?? []) + slots, lower: 0, upper: 0)
            }
            var us: [Int] = []
            for (g, group) in lineClass.groups.enumerated() {
                let u = column("u[\(c),\(g)]", kind: .continuous, upper: Double(group.count), reviewDay: nil, lateness: 0)
                us.append(u)
                program.addRow(
                    "count[\(c),\(g)]", groupTerms[g] + [Term(u, 1)], lower: Double(group.count), upper: Double(group.count))
            }
            unscheduled.append(us)
        }
    }

    /// P[a,d] ≥ 0 continuous: the purchases of account a on day d (integral with x), bounded by
    /// the daily room, so windows, loads and overruns take one term per day:
    /// dayTotal[a,d]:    P[a,d] − Σ_c x[c,a,d] = 0,   P[a,d] ≤ dailyLimit_a − completed(a,d)
    /// itemDay[a,i,d]:   Σ_{c: item i} x[c,a,d] ≤ sameItemPerDay − completed(a,i,d)
    /// itemTotal[a,i]:   Σ_{c: item i, d} x[c,a,d] ≤ sameItemPerAccount − completed(a,i)
    /// hard[a,s]:        Σ_{s ≤ d < s+len_a} P[a,d] ≤ hard_a − completed(a, window s), every start
    ///                   s from 1 − len_a to T − 1 (history before the start included)
    mutating func addPurchaseCapRows() {
        let horizon = problem.horizon
        var byDay = [[[Int]]](repeating: [[Int]](repeating: [], count: horizon), count: problem.accountCount)
        for (k, p) in purchases.enumerated() { byDay[p.account][p.day].append(k) }
        dayTotal = [[Int?]](repeating: [Int?](repeating: nil, count: horizon), count: problem.accountCount)
        for a in 0..<problem.accountCount {
            for d in 0..<horizon where !byDay[a][d].isEmpty {
                let here = byDay[a][d].map { purchases[$0] }
                let most = here.reduce(0.0) { $0 + program.columns[$1.column].upper }
                let total = column(
                    "P[\(a),\(d)]", kind: .continuous, upper: min(most, Double(dailyRoom(a, d))), reviewDay: nil,
                    lateness: 0)
                dayTotal[a][d] = total
                dayTotals.append(MIPFormulation.DayTotalColumn(account: a, day: d, column: total))
                program.addRow(
                    "dayTotal[\(a),\(d)]", [Term(total, 1)] + here.map { Term($0.column, -1) }, lower: 0, upper: 0)
                var items: [Int: [Term]] = [:]
                for p in here { items[classes[p.lineClass].item, default: []].append(Term(p.column, 1)) }
                for (i, terms) in items.sorted(by: { $0.key < $1.key }) where terms.count > 1 {
                    addCap("itemDay[\(a),\(i),\(d)]", terms, room: itemDayRoom(a, i, d))
                }
            }
            var items: [Int: [Term]] = [:]
            for d in 0..<horizon {
                for k in byDay[a][d] {
                    items[classes[purchases[k].lineClass].item, default: []].append(Term(purchases[k].column, 1))
                }
            }
            for (i, terms) in items.sorted(by: { $0.key < $1.key }) {
                addCap("itemTotal[\(a),\(i)]", terms, room: itemTotalRoom(a, i))
            }
            guard let length = problem.windowLength(account: a), !windowRoom[a].isEmpty else { continue }
            for s in (1 - length)..<horizon {
                let terms = windowTerms(account: a, start: s, length: length)
                if !terms.isEmpty { addCap("hard[\(a),\(s)]", terms, room: windowRoom[a][s + length - 1]) }
            }
        }
    }

    /// The day totals P[a,d] of the window of account `a` from day `s`.
    func windowTerms(account a: Int, start s: Int, length: Int) -> [Term] {
        var terms: [Term] = []
        for d in max(0, s)..<min(problem.horizon, s + length) {
            if let total = dayTotal[a][d] { terms.append(Term(total, 1)) }
        }
        return terms
    }

    /// reviewCap[a,r]:   Σ_c y[c,a,r] ≤ reviewsPerDay − completed reviews(a,r)   (capped reviews only)
    mutating func addReviewCapRows() {
        guard reviewsCapped else { return }
        var byDay = [[[Term]]](
            repeating: [[Term]](repeating: [], count: problem.horizon), count: problem.accountCount)
        for y in reviews { byDay[y.account][y.day].append(Term(y.column, 1)) }
        for a in 0..<problem.accountCount {
            for r in 0..<problem.horizon where !byDay[a][r].isEmpty {
                addCap("reviewCap[\(a),\(r)]", byDay[a][r], room: reviewRoom(a, r))
            }
        }
    }

    /// Capped reviews link to purchases through a backlog b[c,a,t] ≥ 0 of purchases reviewable by
    /// day t and not yet reviewed (the cumulative form Σ_{r≤t} y ≤ Σ_{d≤t−lag} x in O(T) terms):
    /// backlog[c,a,t]:   b[c,a,t] − b[c,a,t−1] − Σ_{d+lag_c=t} x[c,a,d] + y[c,a,t] = 0,  b[c,a,T−1] = 0
    mutating func addBacklogRows() {
        guard reviewsCapped else { return }
        let horizon = problem.horizon
        let accounts = problem.accountCount
        var bought = [[MIPFormulation.PurchaseColumn]](repeating: [], count: classes.count * accounts)
        for p in purchases { bought[p.lineClass * accounts + p.account].append(p) }
        var reviewing = [[MIPFormulation.ReviewColumn]](repeating: [], count: classes.count * accounts)
        for y in reviews { reviewing[y.lineClass * accounts + y.account].append(y) }
        for (c, lineClass) in classes.enumerated() where lineClass.need == .purchase {
            for a in 0..<accounts {
                let group = bought[c * accounts + a]
                guard let firstDay = group.first?.day else { continue }
                let start = firstDay + lineClass.lag
                var arriving = [[Term]](repeating: [], count: horizon)
                for p in group { arriving[p.day + lineClass.lag].append(Term(p.column, -1)) }
                var reviewed = [Term?](repeating: nil, count: horizon)
                for y in reviewing[c * accounts + a] { reviewed[y.day] = Term(y.column, 1) }
                var previous: Int?
                for t in start..<max(start, horizon) {
                    let b = column(
                        "b[\(c),\(a),\(t)]", kind: .continuous, upper: t == horizon - 1 ? 0 : .infinity, reviewDay: nil,
                        lateness: 0)
                    var terms = [Term(b, 1)] + arriving[t]
                    if let previous { terms.append(Term(previous, -1)) }
                    if let y = reviewed[t] { terms.append(y) }
                    backlogRows.append(program.addRow("backlog[\(c),\(a),\(t)]", terms, lower: 0, upper: 0))
                    previous = b
                }
            }
        }
    }
}
