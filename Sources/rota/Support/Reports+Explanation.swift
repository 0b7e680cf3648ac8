import Rota

extension Reports {
    /// A line's explanation for people: where it stands, each earlier day's blocker, relief.
    static func text(_ e: LineExplanation) -> String {
        var out = ["\(e.line) (order \(e.order), item \(e.item))"]
        switch e.standing {
        case .completed:
            out.append("  completed: both tasks are history")
            return out.joined(separator: "\n")
        case .unscheduled(let reason):
            out.append("  unscheduled: \(reason)")
            return out.joined(separator: "\n")
        case .planned(let p, let r):
            out.append("  purchase \(p.account) \(p.date), review \(r.account) \(r.date)")
        case .reviewPlanned(let p, let r):
            out.append("  purchase done by \(p.account) on \(p.date); review \(r.account) \(r.date)")
        }
        if e.purchaseDays.isEmpty && e.reviewDays.isEmpty {
            out.append("  nothing earlier was possible: the purchase is on its first day and the review right after the lag")
        }
        for day in e.purchaseDays {
            var text = "  purchase on \(day.date): " + (day.onAccount?.text ?? "room, but the plan put it later")
            let others = day.others.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }
            if let free = day.freeAccount {
                text += "; \(free) had room"
            } else if !others.isEmpty {
                text += "; other accounts: " + others.joined(separator: ", ")
            }
            out.append(text)
        }
        for day in e.reviewDays {
            out.append("  review on \(day.date): " + (day.onAccount?.text ?? "room, but the plan put it later"))
        }
        for relief in e.relief {
            out.append("  sooner: \(relief.change) → review on \(relief.review) (\(relief.daysSooner) day(s) sooner)")
        }
        return out.joined(separator: "\n")
    }
}
