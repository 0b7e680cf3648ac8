import RotaCore

extension MIPFormulationBuilder {
    /// L, M ∈ ℤ, ≥ 0, and for every account a (idle ones included):
    /// largest[a]:   L − Σ_d P[a,d] ≥ completed_a
    /// smallest[a]:  M − Σ_d P[a,d] ≤ completed_a
    mutating func addBalance() {
        // Integer, as the loads are: branching on L and M settles bounds such as "the loads
        // cannot all be equal" that the relaxation misses.
        largestLoad = column("L", kind: .integer, upper: .infinity, reviewDay: nil, lateness: 0)
        smallestLoad = column("M", kind: .integer, upper: .infinity, reviewDay: nil, lateness: 0)
        var byAccount = [[Term]](repeating: [], count: problem.accountCount)
        for total in dayTotals { byAccount[total.account].append(Term(total.column, -1)) }
        for a in 0..<problem.accountCount {
            let completed = Double(history.load[a])
            program.addRow("largest[\(a)]", [Term(largestLoad, 1)] + byAccount[a], lower: completed)
            program.addRow("smallest[\(a)]", [Term(smallestLoad, 1)] + byAccount[a], upper: completed)
        }
    }

    /// o[a,s] ∈ {0,1} for each window (start s from 1 − len_a to T − 1) that history keeps within
    /// `soft` but purchases could push over it:
    /// soft[a,s]:    Σ_{s ≤ d < s+len_a} P[a,d] − (most_{a,s} − soft_a)·o[a,s] ≤ soft_a − completed(a, window s)
    /// where most_{a,s} is completed(a, window s) plus the columns' upper bounds. Windows history
    /// alone puts over `soft` are a constant.
    mutating func addSoftOverruns() {
        softOverrunConstant = DenseSchedule(lineCount: problem.lineCount).softOverruns(in: problem, history: history)
        for a in 0..<problem.accountCount {
            guard let length = problem.windowLength(account: a), let soft = problem.rolling[a]?.soft else { continue }
            for s in (1 - length)..<problem.horizon {
                let completed = history.purchases(account: a, window: s, length: length)
                guard completed <= soft else { continue }
                let terms = windowTerms(account: a, start: s, length: length)
                let most = terms.reduce(Double(completed)) { $0 + program.columns[$1.column].upper }
                guard most > Double(soft) else { continue }
                let o = column("o[\(a),\(s)]", kind: .binary, upper: 1, reviewDay: nil, lateness: 0)
                softOverruns.append(o)
                softRows.append(
                    program.addRow(
                        "soft[\(a),\(s)]", terms + [Term(o, -(most - Double(soft)))], upper: Double(soft - completed)))
            }
        }
    }

    /// Free rows holding each objective level, capped stage by stage:
    /// level[unscheduled] = Σ_{c,g} u[c,g];  level[lateness] = Σ lateness_j · (x or y)_j;
    /// level[largest-load] = L;  level[spread] = L − M;  level[soft-overruns] = Σ o[a,s].
    mutating func addLevelRows() {
        latenessConstant = (0..<problem.lineCount).reduce(0.0) { sum, l in
            guard problem.need[l] == .done, let r = history.lineReviewDay[l] else { return sum }
            return sum + problem.weight[l] * Double(problem.daysLate(line: l, reviewDay: r))
        }
        let late = lateness.enumerated().compactMap { $0.element > 0 ? Term($0.offset, $0.element) : nil }
        let levels: [(ObjectiveLevel, [Term])] = [
            (.unscheduled, unscheduled.flatMap { $0.map { Term($0, 1) } }),
            (.weightedLateness, late),
            (.largestLoad, [Term(largestLoad, 1)]),
            (.spread, [Term(largestLoad, 1), Term(smallestLoad, -1)]),
            (.softOverruns, softOverruns.map { Term($0, 1) }),
        ]
        for (level, terms) in levels where !terms.isEmpty {
            levelRows[level] = program.addRow("level[\(level.stageName)]", terms)
        }
    }
}
