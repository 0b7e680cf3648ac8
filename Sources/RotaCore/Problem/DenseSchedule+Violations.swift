extension DenseSchedule {
    /// Every breach of FORMAT.md's feasibility rules by the planned (pending) tasks, with
    /// completed history counted against each cap; empty when the schedule is valid.
    ///
    /// The tasks go through a `CapacityLedger` seeded with the history, line by line: each is
    /// checked, then recorded, so a cap exceeded by k tasks is reported k times (once per task
    /// beyond it, each with the first rule it breaks) and a breach of history alone never.
    package func violations(in problem: PlanningProblem) -> [LedgerViolation] {
        var ledger = CapacityLedger(problem: problem)
        var found: [LedgerViolation] = []

        func known(_ p: Placement, line l: Int) -> Bool {
            guard p.account >= 0, p.account < problem.accountCount else {
                found.append(.unknownAccount(line: l, account: p.account))
                return false
            }
            return true
        }
        func check(review r: Placement, of bought: Placement, line l: Int) {
            guard known(r, line: l) else { return }
            if let violation = ledger.reviewViolation(line: l, purchase: bought, review: r) { found.append(violation) }
            ledger.recordReview(account: r.account, day: r.day)
        }

        for l in 0..<problem.lineCount {
            switch problem.need[l] {
            case .done:
                if purchase[l] != nil || review[l] != nil { found.append(.coverage(line: l, .plannedAlthoughCompleted)) }
            case .purchaseAndReview:
                guard let r = review[l] else {
                    if purchase[l] != nil { found.append(.coverage(line: l, .purchaseWithoutReview)) }
                    continue
                }
                guard let p = purchase[l] else {
                    found.append(.coverage(line: l, .reviewWithoutPurchase))
                    continue
                }
                if known(p, line: l) {
                    if let violation = ledger.purchaseViolation(line: l, account: p.account, day: p.day) {
                        found.append(violation)
                    }
                    if p.day >= 0, p.day < problem.horizon {
                        ledger.recordPurchase(account: p.account, item: problem.lineItem[l], day: p.day)
                    }
                }
                check(review: r, of: p, line: l)
            case .review(let account, let purchaseDay):
                if purchase[l] != nil { found.append(.coverage(line: l, .purchaseAlthoughCompleted)) }
                guard let r = review[l] else { continue }
                check(review: r, of: Placement(account: account, day: purchaseDay), line: l)
            }
        }
        return found
    }
}
