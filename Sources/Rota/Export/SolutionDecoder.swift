import RotaCore
import RotaSolvers

/// Turns the counts of a solution of rota's model into line placements, without trusting the
/// solver's review days to follow the Swift model's conventions: per class and account,
/// purchases (x) are paired with reviews (y or w) greedily in day order — each review takes
/// the earliest unpaired purchase at least the lag before it — or, when the solution has no
/// review column for them, each purchase gets its review on the first day the account may
/// review after the lag. A class of one group gives its placements to its lines in line
/// order; a class of several gives each group the review days its z columns name, then any
/// placements left to the lines left, most urgent first. Counts that pair with nothing are
/// dropped and said in `notes`; whether the result is valid is for the validator to say.
package struct SolutionDecoder: Sendable {
    package let problem: PlanningProblem
    package let classes: [LineClass]
    private let history: PlanningHistory

    /// A new purchase (nil when completed) and its review.
    private struct Slot {
        var purchase: Placement?
        var review: Placement
    }

    package init(problem: PlanningProblem, classes: [LineClass]) {
        self.problem = problem
        self.classes = classes
        history = PlanningHistory(problem)
    }

    /// The schedule the counts stand for, and what was dropped on the way.
    package func decode(_ counts: SolutionCounts) -> (schedule: DenseSchedule, notes: [String]) {
        var notes: [String] = []
        var schedule = DenseSchedule(lineCount: problem.lineCount)
        let accounts = problem.accountCount
        var bought = [[Int]](repeating: [], count: classes.count * accounts)
        var reviewed = [[Int]](repeating: [], count: classes.count * accounts)
        func clamp(_ e: SolutionCounts.Entry, _ letter: String) -> Int {
            let size = classes[e.lineClass].count
            if e.count > size {
                notes.append("\(letter)[\(e.lineClass),\(e.index),\(e.day)] = \(e.count) exceeds the class's \(size) lines; \(size) kept")
            }
            return min(e.count, size)
        }
        for e in counts.purchases {
            bought[e.lineClass * accounts + e.index].append(contentsOf: repeatElement(e.day, count: clamp(e, "x")))
        }
        for e in counts.reviews {
            reviewed[e.lineClass * accounts + e.index].append(contentsOf: repeatElement(e.day, count: clamp(e, "y")))
        }
        for (c, lineClass) in classes.enumerated() {
            var slots: [Slot] = []
            for a in 0..<accounts {
                let days = bought[c * accounts + a].sorted()
                let reviewDays = reviewed[c * accounts + a].sorted()
                switch lineClass.need {
                case .review:
                    slots += reviewDays.map { Slot(purchase: nil, review: Placement(account: a, day: $0)) }
                case .purchase where reviewDays.isEmpty:
                    slots += determinedReviews(class: c, account: a, purchaseDays: days, notes: &notes)
                case .purchase:
                    slots += pairs(class: c, account: a, purchaseDays: days, reviewDays: reviewDays, notes: &notes)
                }
            }
            slots.sort { ($0.review.day, $0.review.account, $0.purchase?.day ?? -1) < ($1.review.day, $1.review.account, $1.purchase?.day ?? -1) }
            let given = assign(slots, class: c, groupReviews: counts.groupReviews, into: &schedule, notes: &notes)
            if given < slots.count {
                notes.append("class \(c): \(slots.count - given) placement(s) beyond its \(lineClass.count) line(s) dropped")
            }
        }
        return (schedule, notes)
    }

    /// Purchases of class `c` by `a`, each reviewed on the first day `a` may review after the lag.
    private func determinedReviews(class c: Int, account a: Int, purchaseDays: [Int], notes: inout [String]) -> [Slot] {
        var slots: [Slot] = []
        for d in purchaseDays {
            if let r = earliestReview(account: a, onOrAfter: d + classes[c].lag) {
                slots.append(Slot(purchase: Placement(account: a, day: d), review: Placement(account: a, day: r)))
            } else {
                notes.append("x[\(c),\(a),\(d)]: no day left to review the purchase before the horizon; dropped")
            }
        }
        return slots
    }

    /// Greedy pairing in day order: each review takes the earliest unpaired purchase at least
    /// the lag before it (this pairs as many as any pairing can).
    private func pairs(class c: Int, account a: Int, purchaseDays: [Int], reviewDays: [Int], notes: inout [String])
        -> [Slot]
    {
        let lag = classes[c].lag
        var slots: [Slot] = []
        var ready: [Int] = []
        var readFrom = 0
        var next = 0
        var lonelyReviews = 0
        for r in reviewDays {
            while next < purchaseDays.count, purchaseDays[next] + lag <= r {
                ready.append(purchaseDays[next])
                next += 1
            }
            if readFrom < ready.count {
                slots.append(Slot(purchase: Placement(account: a, day: ready[readFrom]), review: Placement(account: a, day: r)))
                readFrom += 1
            } else {
                lonelyReviews += 1
            }
        }
        let lonelyPurchases = ready.count - readFrom + purchaseDays.count - next
        if lonelyPurchases > 0 {
            notes.append("class \(c), account \(a): \(lonelyPurchases) purchase(s) with no review in time; dropped")
        }
        if lonelyReviews > 0 {
            notes.append("class \(c), account \(a): \(lonelyReviews) review(s) with no purchase before them; dropped")
        }
        return slots
    }

    /// Gives class `c`'s slots to its lines; returns how many slots were used.
    private func assign(
        _ slots: [Slot], class c: Int, groupReviews: [SolutionCounts.Entry], into schedule: inout DenseSchedule,
        notes: inout [String]
    ) -> Int {
        let groups = classes[c].groups
        if groups.count == 1 {
            for (line, slot) in zip(groups[0].lines, slots) {
                schedule.schedule(line: line, purchase: slot.purchase, review: slot.review)
            }
            return min(groups[0].count, slots.count)
        }
        var open: [Int: [Slot]] = [:]
        for slot in slots { open[slot.review.day, default: []].append(slot) }
        var placed = [Int](repeating: 0, count: groups.count)
        var used = 0
        for z in groupReviews where z.lineClass == c {
            let group = groups[z.index]
            for _ in 0..<z.count {
                guard placed[z.index] < group.count, var free = open[z.day], !free.isEmpty else {
                    notes.append("z[\(c),\(z.index),\(z.day)] = \(z.count): more than the group's lines or the day's reviews; the rest is ignored")
                    break
                }
                let slot = free.removeFirst()
                open[z.day] = free
                schedule.schedule(line: group.lines[placed[z.index]], purchase: slot.purchase, review: slot.review)
                placed[z.index] += 1
                used += 1
            }
        }
        // Placements no z column claimed go to the lines still waiting, earliest due (then
        // heaviest) first.
        let left = open.keys.sorted().flatMap { open[$0] ?? [] }
        guard !left.isEmpty else { return used }
        var waiting: [(group: Int, line: Int)] = []
        for (g, group) in groups.enumerated() {
            for line in group.lines[placed[g]...] { waiting.append((g, line)) }
        }
        waiting.sort { a, b in
            let (ga, gb) = (groups[a.group], groups[b.group])
            return (ga.due ?? Int.max, -ga.weight, a.line) < (gb.due ?? Int.max, -gb.weight, b.line)
        }
        for (slot, line) in zip(left, waiting) {
            schedule.schedule(line: line.line, purchase: slot.purchase, review: slot.review)
            used += 1
        }
        return used
    }

    /// The first day ≥ `day` account `a` may review on (with room under a review cap).
    private func earliestReview(account a: Int, onOrAfter day: Int) -> Int? {
        var d = day
        while let r = problem.firstAvailableDay(account: a, onOrAfter: d) {
            if problem.reviewsPerDay - history.reviews(account: a, day: r) > 0 { return r }
            d = r + 1
        }
        return nil
    }
}
