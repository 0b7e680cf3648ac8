import RotaCore

/// Places the flow's proposal through the ledger: every proposed placement that breaks no
/// rule is kept as is; the others, and (for a relaxed flow) the lines the flow left out, get
/// the earliest review still open; reviews of completed purchases come first.
struct FlowRepair {
    let demand: FlowDemand
    /// Whether the flow was exact: then the lines it left out cannot fit and are not searched for.
    let exact: Bool

    func place(_ proposal: [FlowPlacement?]) -> FlowPlacementResult {
        let problem = demand.problem
        var ledger = FlowLedger(demand)
        var outcomes = [FlowOutcome](repeating: .none, count: problem.lineCount)
        var makespan = demand.historyMakespan

        for review in demand.reviewLines.sorted(by: {
            ($0.earliestReview ?? Int.max, $0.line) < ($1.earliestReview ?? Int.max, $1.line)
        }) {
            let (from, overflow) = review.purchaseDay.addingReportingOverflow(problem.lag[review.line])
            if !overflow, let day = ledger.reviewDay(review.account, from: from) {
                let placement = Placement(account: review.account, day: day)
                ledger.recordReview(placement)
                outcomes[review.line] = .scheduled(purchase: nil, review: placement)
                makespan = max(makespan, day + 1)
            } else {
                let account = problem.accountIDs[review.account]
                outcomes[review.line] = .leftOut(
                    review.earliestReview == nil
                        ? "\(account) has no available day to review its completed purchase before the horizon ends"
                        : "\(account) has no day left under its daily review cap to review its completed purchase "
                            + "before the horizon ends"
                )
            }
        }

        var proposed: [(line: Int, placement: FlowPlacement)] = []
        var unrouted: [Int] = []
        for l in demand.purchaseLines {
            if let placement = proposal[l] { proposed.append((l, placement)) } else { unrouted.append(l) }
        }
        proposed.sort {
            ($0.placement.purchase.day, $0.placement.review.day, $0.line) < (
                $1.placement.purchase.day, $1.placement.review.day, $1.line
            )
        }
        var moved: [Int] = []
        for (line, placement) in proposed {
            if ledger.allows(line, placement) {
                record(line, placement, &ledger, &outcomes, &makespan)
            } else {
                moved.append(line)
            }
        }
        let searched = exact && moved.isEmpty ? moved : moved + unrouted
        for line in searched.sorted(by: { (problem.firstPurchaseDay[$0], $0) < (problem.firstPurchaseDay[$1], $1) }) {
            if let placement = ledger.bestPlacement(line) {
                record(line, placement, &ledger, &outcomes, &makespan)
            }
        }
        var unscheduled = 0
        for l in demand.purchaseLines {
            guard case .none = outcomes[l] else { continue }
            outcomes[l] = .leftOut(reason(l, routedByFlow: proposal[l] != nil))
        }
        var lateness = 0.0
        for (l, outcome) in outcomes.enumerated() {
            switch outcome {
            case .leftOut: unscheduled += 1
            case .scheduled(_, let review):
                if let due = problem.due[l], review.day > due, problem.weight[l].isFinite {
                    lateness += problem.weight[l] * Double(review.day - due)
                }
            case .none: break
            }
        }
        return FlowPlacementResult(outcomes: outcomes, makespan: makespan, unscheduled: unscheduled, lateness: lateness)
    }

    private func record(
        _ line: Int, _ placement: FlowPlacement, _ ledger: inout FlowLedger, _ outcomes: inout [FlowOutcome],
        _ makespan: inout Int
    ) {
        ledger.recordPurchase(line, placement.purchase)
        ledger.recordReview(placement.review)
        outcomes[line] = .scheduled(purchase: placement.purchase, review: placement.review)
        makespan = max(makespan, placement.review.day + 1)
    }

    private func reason(_ line: Int, routedByFlow: Bool) -> String {
        if !demand.isReachable(line) {
            return "no account is available for the purchase and its review before the horizon ends"
        }
        if routedByFlow || !exact {
            return "no account and day are left that keep the daily, same-item, rolling-window and review caps "
                + "before the horizon ends"
        }
        return "the accounts' purchase capacity before the horizon ends is taken by other lines"
    }
}

/// What the flow plan does with each line.
enum FlowOutcome: Hashable, Sendable {
    /// Nothing to plan (both tasks completed).
    case none
    /// A new purchase (nil when completed) and its review.
    case scheduled(purchase: Placement?, review: Placement)
    case leftOut(String)
}

/// The placed plan: per line, its outcome; the plan's makespan, lines left out and weighted
/// lateness.
struct FlowPlacementResult: Sendable {
    var outcomes: [FlowOutcome]
    var makespan: Int
    var unscheduled: Int
    var lateness: Double
}
