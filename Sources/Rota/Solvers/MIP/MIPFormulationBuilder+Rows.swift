extension MIPFormulationBuilder {
    typealias Term = LinearProgram.Term

    /// Adds `Σ terms ≤ room` unless the columns' upper bounds already keep it.
    mutating func addCap(_ name: String, _ terms: [Term], room: Int) {
        let most = terms.reduce(0.0) { $0 + program.columns[$1.column].upper }
        if most > Double(room) { program.addRow(name, terms, upper: Double(room)) }
    }

    /// u[c] ∈ [0, n_c] (continuous: integral whenever x or y is) and
    /// count[c]:  Σ_{a,d} x[c,a,d] + u[c] = n_c  (review classes: Σ_r y[c,a,r] + u[c] = n_c).
    mutating func addCountRows() {
        var terms = [[Term]](repeating: [], count: classes.count)
        for p in purchases { terms[p.lineClass].append(Term(p.column, 1)) }
        for y in reviews {
            if case .review = classes[y.lineClass].need { terms[y.lineClass].append(Term(y.column, 1)) }
        }
        for (c, lineClass) in classes.enumerated() {
            let u = column("u[\(c)]", kind: .continuous, upper: Double(lineClass.count), reviewDay: nil, lateness: 0)
            unscheduled.append(u)
            program.addRow(
                "count[\(c)]", terms[c] + [Term(u, 1)], lower: Double(lineClass.count), upper: Double(lineClass.count))
        }
    }

    /// daily[a,d]:       Σ_c x[c,a,d] ≤ dailyLimit_a − completed(a,d)
    /// itemDay[a,i,d]:   Σ_{c: item i} x[c,a,d] ≤ sameItemPerDay − completed(a,i,d)
    /// itemTotal[a,i]:   Σ_{c: item i, d} x[c,a,d] ≤ sameItemPerAccount − completed(a,i)
    /// hard[a,s]:        Σ_{s ≤ d < s+len_a} Σ_c x[c,a,d] ≤ hard_a − completed(a, window s), every
    ///                   start s from 1 − len_a to T − 1 (history before the start included)
    mutating func addPurchaseCapRows() {
        let horizon = problem.horizon
        var byDay = [[[Int]]](repeating: [[Int]](repeating: [], count: horizon), count: problem.accountCount)
        for (k, p) in purchases.enumerated() { byDay[p.account][p.day].append(k) }
        for a in 0..<problem.accountCount {
            for d in 0..<horizon where !byDay[a][d].isEmpty {
                let here = byDay[a][d].map { purchases[$0] }
                addCap("daily[\(a),\(d)]", here.map { Term($0.column, 1) }, room: dailyRoom(a, d))
                var items: [Int: [Term]] = [:]
                for p in here { items[classes[p.lineClass].item, default: []].append(Term(p.column, 1)) }
                for (i, terms) in items.sorted(by: { $0.key < $1.key }) where terms.count > 1 {
                    addCap("itemDay[\(a),\(i),\(d)]", terms, room: itemDayRoom(a, i, d))
                }
            }
            var items: [Int: [Term]] = [:]
            for d in 0..<horizon {
                for k in byDay[a][d] { items[classes[purchases[k].lineClass].item, default: []].append(Term(purchases[k].column, 1)) }
            }
            for (i, terms) in items.sorted(by: { $0.key < $1.key }) {
                addCap("itemTotal[\(a),\(i)]", terms, room: itemTotalRoom(a, i))
            }
            guard let length = problem.windowLength(account: a), !windowRoom[a].isEmpty else { continue }
            for s in (1 - length)..<horizon {
                var terms: [Term] = []
                for d in max(0, s)..<min(horizon, s + length) {
                    for k in byDay[a][d] { terms.append(Term(purchases[k].column, 1)) }
                }
                if !terms.isEmpty { addCap("hard[\(a),\(s)]", terms, room: windowRoom[a][s + length - 1]) }
            }
        }
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
                    program.addRow("backlog[\(c),\(a),\(t)]", terms, lower: 0, upper: 0)
                    previous = b
                }
            }
        }
    }
}
