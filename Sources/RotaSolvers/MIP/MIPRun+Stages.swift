import _GLPK
import RotaCore

extension MIPRun {
    /// Runs the stages in order (models/README.md) up to `last`, stopping when a budget runs out.
    func runStages(through last: ObjectiveLevel = .softOverruns) throws {
        let stages: [(ObjectiveLevel, () throws -> Void)] = [
            (.unscheduled, solveUnscheduled), (.makespan, solveMakespan), (.weightedLateness, solveLateness),
            (.largestLoad, solveLargestLoad), (.spread, solveSpread), (.softOverruns, solveSoftOverruns),
        ]
        for (level, stage) in stages {
            if level == .softOverruns {
                // A tie-break beyond FORMAT.md's objective: the levels above are proven or not
                // already, so a limit reached here shows in this stage's outcome only.
                let proven = unproven
                if !exhausted() { try stage() }
                unproven = proven
                return
            }
            if exhausted() { return }
            try stage()
            if level == last { return }
        }
    }

    /// Lines no column can place: a floor for the lines left out.
    var staticallyLeftOut: Int {
        var placeable = Set<Int>()
        for p in formulation.purchases { placeable.insert(p.lineClass) }
        for y in formulation.reviews { placeable.insert(y.lineClass) }
        return formulation.classes.indices.reduce(0) { $0 + (placeable.contains($1) ? 0 : formulation.classes[$1].count) }
    }

    /// Stage 1: min Σ u[c], then Σ u ≤ U*. Floor: the lines no column places, and the
    /// combinatorial bound's fewest left out.
    func solveUnscheduled() throws {
        let floor = Double(max(staticallyLeftOut, self.floor?.unscheduled ?? 0))
        if level(.unscheduled) <= floor + 0.5 {
            skip(.unscheduled)
        } else {
            let outcome = try minimise(formulation.objective(.unscheduled), stage: ObjectiveLevel.unscheduled.stageName)
            record(
                .unscheduled, outcome: MIPStageOutcome(outcome.status), bound: outcome.bound.map { max(floor, $0) },
                nodes: outcome.nodes, seconds: outcome.seconds)
        }
        try cap(.unscheduled, at: level(.unscheduled).rounded())
    }

    /// Stage 2: the smallest horizon H for which a solution with Σ u ≤ U* exists, by binary
    /// search between the proven floor and the incumbent's makespan; columns beyond stay fixed.
    func solveMakespan() throws {
        var high = Int(level(.makespan))
        var low = formulation.makespanFloor
        // The combinatorial bound holds for plans leaving out exactly its fewest lines.
        if let floor, Int(level(.unscheduled).rounded()) == floor.unscheduled { low = max(low, floor.makespan) }
        let lineCount = formulation.classes.reduce(0) { $0 + $1.count }
        if Int(level(.unscheduled).rounded()) < lineCount {
            // Some review is planned: it is on the earliest review day of some column at best.
            let earliest = formulation.reviewDay.compactMap { $0 }.min() ?? 0
            low = max(low, earliest + 1)
        }
        low = min(low, high)
        var nodes = 0
        var seconds = 0.0
        var outcomeName = MIPStageOutcome.optimal
        if low >= high {
            skip(.makespan)
        } else {
            while low < high {
                if exhausted() {
                    outcomeName = MIPStageOutcome(exhaustedStatus)
                    break
                }
                let trial = (low + high) / 2
                try restrict(toHorizon: trial)
                let outcome = try minimise([], stage: ObjectiveLevel.makespan.stageName, warm: false)
                nodes += outcome.nodes
                seconds += outcome.seconds
                if outcome.foundSolution {
                    high = min(high, Int(level(.makespan)))
                } else if outcome.status == .infeasible || outcome.status == .noIntegerSolution {
                    low = trial + 1
                } else {
                    outcomeName = MIPStageOutcome(outcome.status)
                    break
                }
            }
            record(.makespan, outcome: outcomeName, bound: Double(low), nodes: nodes, seconds: seconds)
        }
        // A bound for plans leaving out no more lines than necessary: only once U* is proven.
        if let first = stages.first, first.level == .unscheduled, first.outcome.provesLevel {
            setMakespanBound(low)
        }
        try restrict(toHorizon: high)
    }

    /// Stage 3: min Σ lateness, then capped within 10⁻⁶ relative. Floor: the proven lateness
    /// bound (`LatenessBounds`, through `latenessFloor`) for plans leaving out at most U* lines
    /// with every review before the horizon the makespan stage fixed — exactly the plans this
    /// stage searches. An incumbent meeting it proves the level (`metBound`), before or during
    /// the search.
    func solveLateness() throws {
        guard formulation.levelRows[.weightedLateness] != nil else { return skip(.weightedLateness) }
        let constant = self.constant(.weightedLateness)
        let bound = latenessFloor?(
            restrictedHorizon ?? formulation.problem.horizon, Int(level(.unscheduled).rounded()))
        // In the model's terms: the bound counts completed reviews' lateness, the rows do not.
        let floor = bound.map { $0.value - constant }
        if level(.weightedLateness) <= 1e-9 {
            skip(.weightedLateness)
        } else if let floor, Self.meets(level(.weightedLateness), floor: floor) {
            record(.weightedLateness, outcome: .metBound, bound: floor, nodes: 0, seconds: 0)
        } else {
            let outcome = try minimise(
                formulation.objective(.weightedLateness), stage: ObjectiveLevel.weightedLateness.stageName,
                integral: false, floor: floor)
            record(
                .weightedLateness, outcome: outcome.metFloor ? .metBound : MIPStageOutcome(outcome.status),
                bound: outcome.bound, nodes: outcome.nodes, seconds: outcome.seconds)
        }
        let value = level(.weightedLateness)
        try cap(.weightedLateness, at: value + Objective.tolerance * max(1, value))
    }

    /// Stage 4: min L, then L ≤ L*. Floor: the busiest history, or an even share of the purchases.
    func solveLargestLoad() throws {
        let history = PlanningHistory(formulation.problem)
        var purchaseLines = 0
        for lineClass in formulation.classes where lineClass.need == .purchase { purchaseLines += lineClass.count }
        let leftOut = Int(level(.unscheduled).rounded())
        let accounts = max(1, formulation.problem.accountCount)
        let total = history.load.reduce(0, +) + max(0, purchaseLines - leftOut)
        let floor = Double(max(history.load.max() ?? 0, (total + accounts - 1) / accounts))
        if level(.largestLoad) <= floor + 0.5 {
            skip(.largestLoad)
        } else {
            let outcome = try minimise(
                [LinearProgram.Term(formulation.largestLoad, 1)], stage: ObjectiveLevel.largestLoad.stageName)
            record(
                .largestLoad, outcome: MIPStageOutcome(outcome.status), bound: outcome.bound, nodes: outcome.nodes,
                seconds: outcome.seconds)
        }
        try capLargestLoad(at: level(.largestLoad).rounded())
    }

    /// Stage 5: min L − M, then L − M ≤ S*. Floor: when the total of purchases T is fixed (no
    /// line left out, or no review-only class), the others share T − L*, so the idlest holds
    /// at most ⌊(T − L*)/(A − 1)⌋.
    func solveSpread() throws {
        let leftOut = Int(level(.unscheduled).rounded())
        let accounts = formulation.problem.accountCount
        var floor = 0
        if accounts >= 2, leftOut == 0 || !formulation.classes.contains(where: { $0.need != .purchase }) {
            let history = PlanningHistory(formulation.problem)
            let purchaseLines = formulation.classes.reduce(0) { $0 + ($1.need == .purchase ? $1.count : 0) }
            let total = history.load.reduce(0, +) + purchaseLines - leftOut
            let largest = Int(level(.largestLoad).rounded())
            floor = max(0, largest - (total - largest) / (accounts - 1))
        }
        if level(.spread) <= Double(floor) + 0.5 {
            skip(.spread)
        } else {
            let outcome = try minimise(formulation.objective(.spread), stage: ObjectiveLevel.spread.stageName)
            record(
                .spread, outcome: MIPStageOutcome(outcome.status), bound: outcome.bound, nodes: outcome.nodes,
                seconds: outcome.seconds)
        }
        try cap(.spread, at: level(.spread).rounded())
    }

    /// Stage 6: min Σ o[a,s].
    func solveSoftOverruns() throws {
        if formulation.levelRows[.softOverruns] == nil || level(.softOverruns) <= 0.5 {
            skip(.softOverruns)
        } else {
            makeOverrunsBinary()
            let outcome = try minimise(formulation.objective(.softOverruns), stage: ObjectiveLevel.softOverruns.stageName)
            record(
                .softOverruns, outcome: MIPStageOutcome(outcome.status), bound: outcome.bound, nodes: outcome.nodes,
                seconds: outcome.seconds)
        }
    }
}
