import Rota

/// "Why this day" in a few lines for a tooltip: the latest earlier days and what ruled each
/// out, then the first change that would let the line finish sooner (`PlanExplainer`).
package enum ExplanationSummary {
    /// At most this many earlier purchase days and review days are named.
    static let daysShown = 3

    package static func text(_ e: LineExplanation) -> String {
        var out: [String] = []
        switch e.standing {
        case .completed:
            return "both tasks are history"
        case .unscheduled(let reason):
            return "unscheduled: \(reason)"
        case .planned, .reviewPlanned:
            break
        }
        if e.purchaseDays.isEmpty && e.reviewDays.isEmpty {
            out.append("nothing earlier was possible: the purchase is on its first day and the review right after the lag")
        }
        for day in e.purchaseDays.suffix(daysShown).reversed() {
            var text = "purchase \(day.date.iso): " + (day.onAccount?.text ?? "room, but the plan put it later")
            if let free = day.freeAccount { text += "; \(free) had room" }
            out.append(text)
        }
        if e.purchaseDays.count > daysShown { out.append("… \(e.purchaseDays.count - daysShown) earlier purchase days") }
        for day in e.reviewDays.suffix(daysShown).reversed() {
            out.append("review \(day.date.iso): " + (day.onAccount?.text ?? "room, but the plan put it later"))
        }
        if let relief = e.relief.first {
            out.append("sooner: \(relief.change) → review \(relief.review.iso) (\(relief.daysSooner) day(s) sooner)")
        }
        return out.joined(separator: "\n")
    }
}
