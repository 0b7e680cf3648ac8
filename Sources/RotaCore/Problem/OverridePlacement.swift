/// The lines an override restricts (a pin or a forbidden account), placed before any solver
/// runs, through the rule ledger seeded with the completed history: the one check that every
/// override can be honoured, and the placement every solver then plans around.
///
/// Order: lines pinned to an account and a day, then to a day, then to an account, then lines
/// with forbidden accounts only, each in line order. A line keeps the earlier plan's pending
/// tasks when they honour its override and still fit; otherwise it takes the earliest purchase
/// day the override allows, and on that day the account with the earliest review (ties: the
/// first account). A pin that cannot be placed is a conflict naming the rule it would break
/// (`OverrideConflict`); a line with forbidden accounts only that finds no place is left out
/// with a reason, as any solver may leave out a line.
package struct OverridePlacement: Sendable {
    /// Per placed line: its new purchase.
    package var purchase: [Int: Placement] = [:]
    /// Per placed line: its new review.
    package var review: [Int: Placement] = [:]
    /// Lines (forbidden accounts only) with no allowed place, with the reason.
    package var leftOut: [Int: String] = [:]
    /// Overrides that cannot be honoured.
    package var conflicts: [OverrideConflict] = []

    /// Places every restricted line of `problem` (nothing without overrides).
    package init(_ problem: PlanningProblem) {
        let overrides = problem.overrides
        guard !overrides.isEmpty else { return }
        var ledger = CapacityLedger(problem: problem)
        let restricted = overrides.restrictedLines
        func rank(_ l: Int) -> Int {
            switch (overrides.pinnedAccount[l] != nil, overrides.pinnedDay[l] != nil) {
            case (true, true): 0
            case (false, true): 1
            case (true, false): 2
            case (false, false): 3
            }
        }
        let ordered = restricted.sorted { (rank($0), $0) < (rank($1), $1) }
        for l in ordered { place(line: l, problem: problem, ledger: &ledger) }
        conflicts.sort { $0.entry ?? 0 < $1.entry ?? 0 }
    }

    /// Whether every override can be honoured.
    package var isFeasible: Bool { conflicts.isEmpty }

    // MARK: - One line

    private mutating func place(line l: Int, problem: PlanningProblem, ledger: inout CapacityLedger) {
        let overrides = problem.overrides
        let start = problem.instance.start
        let lineID = problem.lines[l].id
        let entry = overrides.entries[l]?.last
        let forbidden = overrides.forbidden[l] ?? []
        let pinnedAccount = overrides.pinnedAccount[l]
        let pinnedDay = overrides.pinnedDay[l]
        let pinned = pinnedAccount != nil || pinnedDay != nil
        func conflict(_ rule: Int, _ message: String) {
            conflicts.append(OverrideConflict(rule: rule, line: lineID, entry: entry, message: message))
        }
        func account(_ a: Int) -> String { problem.accountIDs[a].rawValue }
        func day(_ d: Int) -> Day { start + d }

        switch problem.need[l] {
        case .done:
            if pinned { conflict(9, "line \(lineID) is completed already (purchase and review are history); a pin cannot move it") }
            return
        case .review(let buyer, let purchaseDay):
            if pinned {
                conflict(9, "line \(lineID) was purchased already (by \(account(buyer)) on \(day(purchaseDay))); a pin cannot move it")
            } else if forbidden.contains(buyer) {
                conflict(9, "line \(lineID) was purchased by \(account(buyer)) already (on \(day(purchaseDay))); its review must be by the same account, which the override forbids")
            }
            return
        case .purchaseAndReview:
            break
        }
        if let a = pinnedAccount, forbidden.contains(a) {
            conflict(10, "line \(lineID) is pinned to \(account(a)), which an override forbids for it")
            return
        }
        let accounts = pinnedAccount.map { [$0] } ?? (0..<problem.accountCount).filter { !forbidden.contains($0) }
        if accounts.isEmpty {
            conflict(10, "every account is forbidden for line \(lineID)")
            return
        }
        if let d = pinnedDay {
            if d < problem.firstPurchaseDay[l] {
                conflict(2, "the pinned day \(day(d)) is before line \(lineID)'s first day \(day(problem.firstPurchaseDay[l]))")
                return
            }
            if d >= problem.horizon {
                conflict(2, "the pinned day \(day(d)) is not before the horizon's end \(day(problem.horizon))")
                return
            }
        }
        // The earlier plan's tasks, when they honour the override and still fit.
        if let p = problem.pendingPurchase[l], let r = problem.pendingReview[l],
            overrides.allowsPurchase(line: l, account: p.account, day: p.day),
            ledger.purchaseViolation(line: l, account: p.account, day: p.day) == nil,
            ledger.reviewViolation(line: l, purchase: p, review: r) == nil
        {
            record(line: l, purchase: p, review: r, problem: problem, ledger: &ledger)
            return
        }
        let days = pinnedDay.map { [$0] } ?? Array(problem.firstPurchaseDay[l]..<max(problem.firstPurchaseDay[l], problem.horizon))
        var firstRefusal: (LedgerViolation, Int, Int)?
        var reviewRefusal: (Int, Int)?
        for d in days {
            var best: (review: Int, account: Int)?
            for a in accounts {
                if let refusal = ledger.purchaseViolation(line: l, account: a, day: d) {
                    if firstRefusal == nil { firstRefusal = (refusal, a, d) }
                    continue
                }
                let (from, overflow) = d.addingReportingOverflow(problem.lag[l])
                guard !overflow, let r = ledger.firstReviewDay(account: a, from: from, through: problem.horizon - 1) else {
                    if reviewRefusal == nil { reviewRefusal = (a, d) }
                    continue
                }
                if best == nil || r < best!.review { best = (r, a) }
            }
            if let best {
                record(
                    line: l, purchase: Placement(account: best.account, day: d),
                    review: Placement(account: best.account, day: best.review), problem: problem, ledger: &ledger)
                return
            }
        }
        // No place: say why, in the terms of the first refusal met.
        let forbiddenText = forbidden.sorted().map(account).joined(separator: ", ")
        guard pinned else {
            leftOut[l] = "no allowed account can take it before the horizon ends (forbidden by an override: \(forbiddenText))"
            return
        }
        let what = [pinnedAccount.map { "to \(account($0))" }, pinnedDay.map { "on \(day($0))" }].compactMap { $0 }
            .joined(separator: " ")
        if let (refusal, a, d) = firstRefusal, reviewRefusal == nil {
            conflict(refusal.rule, "line \(lineID) is pinned \(what): \(Self.words(refusal, account: account(a), day: day(d), problem: problem))")
        } else if let (a, d) = reviewRefusal {
            // Past the horizon: rule 2; else what blocks the first review day (rule 3 or 8).
            let first = d + problem.lag[l]
            conflict(
                first >= problem.horizon ? 2 : ledger.reviewViolation(account: a, day: first)?.rule ?? 2,
                "line \(lineID) is pinned \(what): a purchase by \(account(a)) on \(day(d)) leaves no day for its review (lag \(problem.lag[l])) before the horizon ends on \(day(problem.horizon))")
        } else {
            conflict(2, "line \(lineID) is pinned \(what): no day before the horizon's end \(day(problem.horizon)) takes it")
        }
    }

    private mutating func record(
        line l: Int, purchase p: Placement, review r: Placement, problem: PlanningProblem, ledger: inout CapacityLedger
    ) {
        ledger.recordPurchase(account: p.account, item: problem.lineItem[l], day: p.day)
        ledger.recordReview(account: r.account, day: r.day)
        purchase[l] = p
        review[l] = r
    }

    /// A ledger refusal in ids and dates.
    static func words(_ refusal: LedgerViolation, account: String, day: Day, problem: PlanningProblem) -> String {
        switch refusal {
        case .unavailable: "\(account) is unavailable on \(day)"
        case .dailyLimit(_, _, let limit): "\(account) is at its daily limit of \(limit) on \(day) (history and other pins included)"
        case .sameItemPerDay(_, let item, _, let limit):
            "\(account) buys \(problem.itemIDs[item]) \(limit) time(s) on \(day) already, the same-item cap per day"
        case .sameItemTotal(_, let item, let limit):
            "\(account) has bought \(problem.itemIDs[item]) \(limit) time(s) already, the same-item cap per account"
        case .rollingCap(_, _, let days, let hard):
            "\(account) would go over its hard cap of \(hard) purchases in \(days) days on \(day) (history and other pins included)"
        case .outsideHorizon: "\(day) is outside the days to plan"
        case .beforeEarliest(_, _, let earliest): "\(day) is before the line's first day \(problem.instance.start + earliest)"
        default: refusal.description
        }
    }
}

extension PlanningProblem {
    /// Whether some line has a pin or a forbidden account, so that `OverridePlacement` must
    /// check and place it before a solver plans the rest.
    package var hasOverridesToPlace: Bool {
        !overrides.isEmpty && !overrides.restrictedLines.isEmpty
    }
}
