import RotaCore
import RotaEvaluation

/// The closing improvement phase of `auto`: a large-neighbourhood search around a valid plan.
///
/// Each move frees a neighbourhood (`Neighbourhood`: the tasks of the last days, an account's
/// recent tasks, an item's lines, a window of purchases — always with every line reviewed on
/// the last day, and the lines left out while more are left out than the bound allows) and
/// puts its lines back with greedy's rules through the rule ledger (`Reinsertion`): most
/// constrained first, each at its earliest review before the last day, else by the last day,
/// else anywhere in the horizon. Removing tasks never breaks a cap (every rule is an upper
/// limit or a line's own), and the ledger allows each re-placed task given all the others, so
/// every plan the search holds is valid.
///
/// A move is kept when it is no worse by (lines left out, makespan, reviews on the last day,
/// then `Objective.default`'s remaining levels): fewer reviews on the last day is the step
/// towards a shorter plan the default objective cannot see. The best plan is replaced only
/// when `Objective.default` finds the new one better, so the result is never worse than the
/// start. The search stops as soon as the best plan meets `floor` (the proven bound), or when
/// its work budget (ledger probes, `Reinsertion.work`) is spent: seeded and budgeted, it
/// gives the same plan on every run and machine.
struct NeighbourhoodSearch {
    let problem: PlanningProblem
    /// The proven bound: plans leaving out `floor.unscheduled` lines end no sooner than
    /// `floor.makespan`.
    let floor: MakespanBound
    /// Ledger probes the search may spend.
    let workLimit: Int
    var seed: UInt64 = 0x5EED_0A11_7001_0010
    /// The most lines one move frees beyond the last day's.
    var maxFreed = 40

    /// What the search did.
    struct Outcome {
        var schedule: DenseSchedule
        var values: ObjectiveValues
        var moves = 0
        var kept = 0
        var improvements = 0
        var work = 0
        /// The best plan meets the floor.
        var metFloor = false
    }

    /// Improves `start` (valid, with objective values `values`); `shouldStop` is polled
    /// between moves.
    func improve(_ start: DenseSchedule, values: ObjectiveValues, shouldStop: () -> Bool = { false }) -> Outcome {
        let history = PlanningHistory(problem)
        var outcome = Outcome(schedule: start, values: values)
        outcome.metFloor = meets(values)
        guard !outcome.metFloor, problem.lineCount > 0, problem.accountCount > 0, problem.horizon > 0 else {
            return outcome
        }
        var rng = ImprovementRandom(seed: seed)
        var reinsertion = Reinsertion(problem: problem)
        var current = start
        var currentValues = values
        var currentTail = tail(of: current, makespan: values.makespan)
        var freed = [Bool](repeating: false, count: problem.lineCount)
        let kinds = Neighbourhood.allCases

        while reinsertion.work < workLimit, !shouldStop() {
            let makespan = currentValues.makespan
            // Lines reviewed on the last day; none when history alone sets the makespan.
            let lastDay = makespan - 1
            let tailLines = lines(of: current) { _, r in r.day == lastDay }
            let leftOut = currentValues.unscheduled > floor.unscheduled
            if tailLines.isEmpty && !leftOut { break }
            outcome.moves += 1

            var chosen = tailLines
            let kind = kinds[rng.below(kinds.count)]
            var extra = neighbourhood(kind, of: current, tail: tailLines, lastDay: lastDay, rng: &rng)
            // At most `maxFreed` extra lines, a random subset (partial Fisher–Yates).
            if extra.count > maxFreed {
                for i in 0..<maxFreed { extra.swapAt(i, i + rng.below(extra.count - i)) }
                extra.removeLast(extra.count - maxFreed)
            }
            chosen += extra
            if leftOut {
                chosen += (0..<problem.lineCount).filter { problem.need[$0] != .done && current.review[$0] == nil }
            }
            for l in chosen { freed[l] = true }
            chosen = (0..<problem.lineCount).filter { freed[$0] }

            // Most constrained first: the fewest days to buy on before the last day, then at random.
            let keys = chosen.map { l in (slack(line: l, last: lastDay - 1), rng.below(1 << 30)) }
            let order = chosen.indices.sorted { keys[$0] < keys[$1] }
            let latePurchase = rng.below(2) == 0
            reinsertion.keep(current, except: freed)
            var candidate = current
            for i in order {
                let l = chosen[i]
                candidate.leaveOut(line: l)
                for last in [lastDay - 1, lastDay, problem.horizon - 1] where last >= 0 {
                    if let placed = reinsertion.place(line: l, last: last, latePurchase: latePurchase) {
                        candidate.schedule(line: l, purchase: placed.purchase, review: placed.review)
                        break
                    }
                }
            }
            for l in chosen { freed[l] = false }

            let candidateValues = candidate.objectiveValues(in: problem, history: history)
            let candidateTail = tail(of: candidate, makespan: candidateValues.makespan)
            if isNoWorse(candidateValues, candidateTail, than: currentValues, currentTail) {
                outcome.kept += 1
                current = candidate
                currentValues = candidateValues
                currentTail = candidateTail
                if Objective.default.compare(candidateValues, outcome.values) == .better {
                    outcome.schedule = candidate
                    outcome.values = candidateValues
                    outcome.improvements += 1
                    if meets(candidateValues) {
                        outcome.metFloor = true
                        break
                    }
                }
            }
        }
        outcome.work = reinsertion.work
        return outcome
    }

    /// The plan meets the proven bound: no plan leaves out fewer lines, nor, leaving out as
    /// many, ends sooner.
    private func meets(_ values: ObjectiveValues) -> Bool {
        values.unscheduled <= floor.unscheduled && values.makespan <= floor.makespan
    }

    /// The search's order: lines left out, makespan, reviews on the last day, then the rest of
    /// `Objective.default` (lateness, largest load, spread).
    private func isNoWorse(_ a: ObjectiveValues, _ aTail: Int, than b: ObjectiveValues, _ bTail: Int) -> Bool {
        switch Objective.lexicographic([.unscheduled, .makespan]).compare(a, b) {
        case .better: return true
        case .worse: return false
        case .equal: break
        }
        if aTail != bTail { return aTail < bTail }
        return Objective.default.compare(a, b) != .worse
    }

    /// Planned reviews on the plan's last day (`makespan - 1`).
    private func tail(of schedule: DenseSchedule, makespan: Int) -> Int {
        var count = 0
        for case let r? in schedule.review where r.day == makespan - 1 { count += 1 }
        return count
    }

    /// The planned lines whose purchase (nil when completed) and review pass `test`.
    private func lines(of schedule: DenseSchedule, where test: (Placement?, Placement) -> Bool) -> [Int] {
        var found: [Int] = []
        for l in 0..<problem.lineCount {
            if let r = schedule.review[l], test(schedule.purchase[l], r) { found.append(l) }
        }
        return found
    }

    /// The lines of a neighbourhood of `kind` (the last day's lines aside).
    private func neighbourhood(
        _ kind: Neighbourhood, of schedule: DenseSchedule, tail: [Int], lastDay: Int, rng: inout ImprovementRandom
    ) -> [Int] {
        switch kind {
        case .lastDays:
            let from = lastDay - 1 - rng.below(2)
            return lines(of: schedule) { _, r in r.day >= from && r.day < lastDay }
        case .account:
            guard !tail.isEmpty, let a = schedule.review[tail[rng.below(tail.count)]]?.account else { return [] }
            let from = lastDay - 3 - rng.below(12)
            return lines(of: schedule) { p, r in r.account == a && r.day < lastDay && (r.day >= from || (p?.day ?? -1) >= from) }
        case .item:
            guard !tail.isEmpty else { return [] }
            let item = problem.lineItem[tail[rng.below(tail.count)]]
            return lines(of: schedule) { _, r in r.day < lastDay } .filter { problem.lineItem[$0] == item }
        case .window:
            let width = 2 + rng.below(4)
            let from = rng.below(max(1, lastDay))
            return lines(of: schedule) { p, r in
                guard let p, r.day < lastDay else { return false }
                return p.day >= from && p.day < from + width
            }
        }
    }

    /// Days line `l` can be bought on with its review by `last`: a line with fewer goes first.
    private func slack(line l: Int, last: Int) -> Int {
        switch problem.need[l] {
        case .purchaseAndReview: return last - problem.lag[l] - problem.firstPurchaseDay[l]
        case .review, .done: return Int.min
        }
    }
}
