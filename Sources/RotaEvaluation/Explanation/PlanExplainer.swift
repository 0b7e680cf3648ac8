import RotaCore

/// Explains a plan line by line (`rota explain`, and the audit log's "why"): for each day
/// before a line's purchase, the rule that ruled it out on the line's account and on the
/// others, the same for its review, and the smallest cap changes that would let it finish
/// sooner.
///
/// The rules are asked of the one rule ledger (`CapacityLedger`) holding the history and
/// every other line's tasks of the plan, so the answers are what any solver would be told.
/// Each line rebuilds that ledger once: explaining k lines of an n-task plan costs O(k·n).
package struct PlanExplainer: Sendable {
    package let problem: PlanningProblem
    package let plan: Plan
    private let schedule: DenseSchedule
    /// Lines purchasing (account × day, history included) and reviewing, and buying each item per account.
    private var purchasesOn: [Int: [Int]] = [:]
    private var reviewsOn: [Int: [Int]] = [:]
    private var itemBuys: [Int: [Int]] = [:]

    /// At most this many earlier days are listed for a task (the latest ones).
    package static let dayLimit = 120

    package init(instance: Instance, plan: Plan) {
        problem = PlanningProblem(instance)
        self.plan = plan
        schedule = DenseSchedule(plan: plan, problem: problem)
        let days = problem.horizon
        for l in 0..<problem.lineCount {
            if let p = schedule.purchase[l] {
                purchasesOn[p.account * days + p.day, default: []].append(l)
                itemBuys[p.account * problem.itemCount + problem.lineItem[l], default: []].append(l)
            }
            if let r = schedule.review[l] { reviewsOn[r.account * days + r.day, default: []].append(l) }
        }
        for h in problem.completedPurchases {
            if h.day >= 0, h.day < days { purchasesOn[h.account * days + h.day, default: []].append(h.line) }
            itemBuys[h.account * problem.itemCount + h.item, default: []].append(h.line)
        }
        for h in problem.completedReviews where h.day >= 0 && h.day < days {
            reviewsOn[h.account * days + h.day, default: []].append(h.line)
        }
    }

    /// The explanation of `line`, or nil when the instance has no such line.
    package func explain(_ line: LineID) -> LineExplanation? {
        guard let l = problem.lineIndex[line] else { return nil }
        let resolved = problem.lines[l]
        var explanation = LineExplanation(
            line: line, order: resolved.order, item: resolved.item, standing: .completed, purchaseDays: [],
            reviewDays: [], relief: [])
        let purchase: Placement
        switch problem.need[l] {
        case .done:
            return explanation
        case .review(let account, let day):
            purchase = Placement(account: account, day: day)
        case .purchaseAndReview:
            guard let p = schedule.purchase[l] else {
                explanation.standing = .unscheduled(reason: reason(l))
                return explanation
            }
            purchase = p
        }
        guard let review = schedule.review[l] else {
            explanation.standing = .unscheduled(reason: reason(l))
            return explanation
        }
        let ledger = ledgerWithout(l)
        let isNewPurchase = schedule.purchase[l] != nil
        explanation.standing =
            isNewPurchase
            ? .planned(purchase: placement(purchase), review: placement(review))
            : .reviewPlanned(purchase: placement(purchase), review: placement(review))
        if isNewPurchase {
            let first = max(problem.firstPurchaseDay[l], purchase.day - Self.dayLimit)
            for d in stride(from: first, to: purchase.day, by: 1) {
                explanation.purchaseDays.append(purchaseDay(d, line: l, planned: purchase, review: review, ledger))
            }
        }
        let firstReview = max(purchase.day + problem.lag[l], review.day - Self.dayLimit, 0)
        for d in stride(from: firstReview, to: review.day, by: 1) {
            let why = ledger.reviewViolation(account: review.account, day: d).map { self.blocker($0, line: l) }
            explanation.reviewDays.append(.init(date: date(d), onAccount: why, others: [:], freeAccount: nil))
        }
        explanation.relief = relief(line: l, purchase: purchase, review: review, explanation, ledger)
        return explanation
    }

    /// What keeps `line`'s purchase from `account` on `date` in this plan (the line's own tasks
    /// left out), or nil when the day has room; for a review-only line, its review.
    package func blocker(line: LineID, kind: TaskKind, account: AccountID, date: Day) -> LineExplanation.Blocker? {
        guard let l = problem.lineIndex[line], let a = problem.accountIndex[account] else { return nil }
        let ledger = ledgerWithout(l)
        let d = date - problem.instance.start
        if kind == .purchase, let override = overrideBlocker(line: l, account: a, day: d) { return override }
        let violation =
            kind == .purchase
            ? ledger.purchaseViolation(line: l, account: a, day: d) : ledger.reviewViolation(account: a, day: d)
        return violation.map { blocker($0, line: l) }
    }

    // MARK: - Days

    private func purchaseDay(
        _ d: Int, line l: Int, planned: Placement, review: Placement, _ ledger: CapacityLedger
    ) -> LineExplanation.EarlierDay {
        func why(_ a: Int) -> LineExplanation.Blocker? {
            if let override = overrideBlocker(line: l, account: a, day: d) { return override }
            if let violation = ledger.purchaseViolation(line: l, account: a, day: d) { return blocker(violation, line: l) }
            guard firstReview(account: a, from: d + problem.lag[l], before: review.day, ledger) == nil else { return nil }
            return .init(
                kind: .noReviewBefore,
                text: "\(problem.accountIDs[a]) has no review day from \(date(d + problem.lag[l])) to \(date(review.day - 1))",
                limit: nil, lines: [])
        }
        var others: [LineExplanation.Blocker.Kind: Int] = [:]
        var free: AccountID?
        for a in 0..<problem.accountCount where a != planned.account {
            if let blocker = why(a) {
                others[blocker.kind, default: 0] += 1
            } else if free == nil {
                free = problem.accountIDs[a]
            }
        }
        return .init(date: date(d), onAccount: why(planned.account), others: others, freeAccount: free)
    }

    /// The first day in `from ..< before` the account can review on, if any.
    private func firstReview(account a: Int, from: Int, before: Int, _ ledger: CapacityLedger) -> Int? {
        var d = max(from, 0)
        while d < before {
            if ledger.reviewViolation(account: a, day: d) == nil { return d }
            d += 1
        }
        return nil
    }

    /// Raising one cap by one on one day (or over the rolling window) frees an earlier purchase
    /// day on the line's account whose review then fits sooner; and a review cap raised on an
    /// earlier review day. Best first, at most three.
    private func relief(
        line l: Int, purchase: Placement, review: Placement, _ explanation: LineExplanation, _ ledger: CapacityLedger
    ) -> [LineExplanation.Relief] {
        var found: [LineExplanation.Relief] = []
        let raisable: Set<LineExplanation.Blocker.Kind> = [.dailyLimit, .sameItemPerDay, .sameItemTotal, .rollingCap]
        for day in explanation.purchaseDays {
            guard let blocker = day.onAccount, raisable.contains(blocker.kind), let limit = blocker.limit else { continue }
            let d = day.date - problem.instance.start
            guard let r = firstReview(account: purchase.account, from: d + problem.lag[l], before: review.day, ledger) else { continue }
            found.append(
                .init(
                    change: "\(blocker.kind.rawValue) of \(problem.accountIDs[purchase.account]) \(limit) → \(limit + 1)"
                        + (blocker.kind == .sameItemTotal ? "" : " on \(day.date)"),
                    review: date(r), daysSooner: review.day - r))
        }
        for day in explanation.reviewDays {
            guard let blocker = day.onAccount, blocker.kind == .reviewsPerDay, let limit = blocker.limit else { continue }
            found.append(
                .init(
                    change: "reviews per day of \(problem.accountIDs[review.account]) \(limit) → \(limit + 1) on \(day.date)",
                    review: day.date, daysSooner: review.day - (day.date - problem.instance.start)))
        }
        return Array(found.sorted { ($0.daysSooner, $1.change) > ($1.daysSooner, $0.change) }.prefix(3))
    }

    // MARK: - Words

    /// What an override of line `l` rules out for a purchase by account `a` on day `d` (rule 10):
    /// a pin to another account or day, or a forbidden account; nil when it allows it.
    private func overrideBlocker(line l: Int, account a: Int, day d: Int) -> LineExplanation.Blocker? {
        let overrides = problem.overrides
        guard overrides.restricts(line: l), !overrides.allowsPurchase(line: l, account: a, day: d) else { return nil }
        let codes = (overrides.entries[l] ?? []).map { problem.instance.overrides[$0].reasonCode }
        let why = codes.isEmpty ? "" : " (" + codes.joined(separator: ", ") + ")"
        let text: String
        if let forbidden = overrides.forbidden[l], forbidden.contains(a) {
            text = "an override forbids \(problem.accountIDs[a]) for the line\(why)"
        } else if let pinned = overrides.pinnedAccount[l], pinned != a {
            text = "an override pins the purchase to \(problem.accountIDs[pinned])\(why)"
        } else if let pinned = overrides.pinnedDay[l] {
            text = "an override pins the purchase to \(date(pinned))\(why)"
        } else {
            text = "an override rules it out\(why)"
        }
        return .init(kind: .override, text: text, limit: nil, lines: [])
    }

    private func blocker(_ violation: LedgerViolation, line l: Int) -> LineExplanation.Blocker {
        let days = problem.horizon
        func lines(_ ids: [Int]?) -> [LineID] { (ids ?? []).filter { $0 != l }.map { problem.lines[$0].id } }
        func listed(_ ids: [LineID]) -> String {
            ids.isEmpty ? "" : " (" + ids.prefix(8).map(\.rawValue).joined(separator: ", ") + (ids.count > 8 ? ", …" : "") + ")"
        }
        switch violation {
        case .beforeEarliest(_, _, let earliest):
            return .init(kind: .earliest, text: "before the line's first day \(date(earliest))", limit: nil, lines: [])
        case .unavailable(let a, let d):
            return .init(kind: .unavailable, text: "\(problem.accountIDs[a]) is off on \(date(d))", limit: nil, lines: [])
        case .dailyLimit(let a, let d, let limit):
            let by = lines(purchasesOn[a * days + d])
            return .init(
                kind: .dailyLimit, text: "\(problem.accountIDs[a]) at its daily limit of \(limit) on \(date(d))\(listed(by))",
                limit: limit, lines: by)
        case .sameItemPerDay(let a, let item, let d, let limit):
            let by = lines(purchasesOn[a * days + d]).filter { problem.lineIndex[$0].map { problem.lineItem[$0] == item } ?? false }
            return .init(
                kind: .sameItemPerDay,
                text: "\(problem.accountIDs[a]) bought \(problem.itemIDs[item]) \(limit) time(s) on \(date(d)) already\(listed(by))",
                limit: limit, lines: by)
        case .sameItemTotal(let a, let item, let limit):
            let by = lines(itemBuys[a * problem.itemCount + item])
            return .init(
                kind: .sameItemTotal,
                text: "\(problem.accountIDs[a]) bought \(problem.itemIDs[item]) \(limit) time(s) already\(listed(by))",
                limit: limit, lines: by)
        case .rollingCap(let a, let d, let window, let hard):
            return .init(
                kind: .rollingCap,
                text: "\(problem.accountIDs[a]) at its rolling cap of \(hard) purchases in \(window) days around \(date(d))",
                limit: hard, lines: [])
        case .reviewsPerDay(let a, let d, let limit):
            let by = lines(reviewsOn[a * days + d])
            return .init(
                kind: .reviewsPerDay, text: "\(problem.accountIDs[a]) at its limit of \(limit) reviews on \(date(d))\(listed(by))",
                limit: limit, lines: by)
        case .lag(_, _, let earliest):
            return .init(kind: .lag, text: "before the purchase plus the lag (\(date(earliest)))", limit: nil, lines: [])
        case .outsideHorizon:
            return .init(kind: .horizon, text: "outside the horizon", limit: nil, lines: [])
        default:
            return .init(kind: .horizon, text: violation.description, limit: nil, lines: [])
        }
    }

    // MARK: - Helpers

    private func ledgerWithout(_ skipped: Int) -> CapacityLedger {
        var ledger = CapacityLedger(problem: problem)
        for l in 0..<problem.lineCount where l != skipped {
            if let p = schedule.purchase[l] { ledger.recordPurchase(account: p.account, item: problem.lineItem[l], day: p.day) }
            if let r = schedule.review[l] { ledger.recordReview(account: r.account, day: r.day) }
        }
        return ledger
    }

    private func date(_ offset: Int) -> Day { problem.instance.start + offset }

    private func placement(_ p: Placement) -> LineExplanation.Placement {
        .init(account: problem.accountIDs[p.account], date: date(p.day))
    }

    private func reason(_ l: Int) -> String {
        plan.unscheduled.first { $0.line == problem.lines[l].id }?.reason ?? "not in the plan"
    }
}
