import Foundation
import Testing
@testable import Rota
@testable import RotaCore
@testable import RotaEvaluation
@testable import RotaSolvers
@testable import RotaOracle

/// Models and searches follow the days a plan can use, not `horizonDays`: the seed with a
/// 36,600-day horizon and no `earliest` (every plan ends within 7 days) builds what the seed
/// cut to those days builds.
@Suite struct HorizonScalingTests {
    /// instances/seed.json with `horizonDays` set and its `earliest` fields removed.
    static func seed(horizonDays: Int) throws -> Instance {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var instance = try RotaJSON.loadInstance(from: root.appendingPathComponent("instances/seed.json").path)
        instance.horizonDays = horizonDays
        for o in instance.orders.indices {
            for l in instance.orders[o].lines.indices { instance.orders[o].lines[l].earliest = nil }
        }
        return instance
    }

    static func size(_ problem: PlanningProblem) -> [Int] {
        let program = MIPFormulation(problem).program
        return [program.rows.count, program.columns.count]
    }

    @Test func greedyCutModelsTheLongSeedAsTheSeedCutToItsMakespan() throws {
        let long = PlanningProblem(try Self.seed(horizonDays: 36_600))
        let cut = try HorizonCut.greedy(long)
        #expect(cut.isCut && cut.days == 7 && cut.horizon == 36_600)
        let short = PlanningProblem(try Self.seed(horizonDays: 7))
        #expect(Self.size(cut.problem) == Self.size(short))
        // The same model whatever the horizon beyond the days that matter.
        let sixty = try HorizonCut.greedy(PlanningProblem(try Self.seed(horizonDays: 60)))
        #expect(sixty.days == 7 && Self.size(sixty.problem) == Self.size(cut.problem))
        #expect(MIPSizeEstimate(cut.problem).purchaseColumns == MIPSizeEstimate(long, horizon: 7).purchaseColumns)
    }

    @Test func makespanCutsFurtherAndNothingIsCutWithoutAProvenPlan() throws {
        let long = PlanningProblem(try Self.seed(horizonDays: 36_600))
        #expect(try HorizonCut.greedy(long, atMost: 5).days == 5)
        #expect(try HorizonCut.greedy(long, atMost: 9).days == 7)
        #expect(try HorizonCut.greedy(long, atMost: 0).days == 1)
        #expect(!HorizonCut(whole: long).isCut)
        let floor = LowerBounds.compute(long)
        let planned = ObjectiveValues(
            unscheduled: floor.unscheduled + 1, makespan: 7, weightedLateness: 0, largestLoad: 0, spread: 0,
            softOverruns: 0)
        #expect(HorizonCut(long, planned: planned, floor: floor).days == 36_600)
        #expect(HorizonCut(long, planned: nil, floor: floor).days == 36_600)
    }

    /// Cutting at greedy's makespan keeps the exhaustive optimum, level by level.
    @Test(arguments: 0..<30)
    func cutKeepsTheExhaustiveOptimum(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed) + 2_000))
        let cut = try HorizonCut.greedy(problem)
        let whole = try ExhaustiveSolver().optimum(problem).objective
        let kept = try ExhaustiveSolver().optimum(cut.problem).objective
        MIPTinyInstances.expectEveryLevel(kept, equals: whole, "seed \(seed)")
    }

    @Test func flowSearchLooksOnlyAtDaysNearTheAnswer() throws {
        var analysis = FlowBoundAnalysis(FlowDemand(PlanningProblem(try Self.seed(horizonDays: 36_600))))
        let bound = try analysis.bound()
        #expect(bound.unscheduled == 0 && bound.makespan == 7)
        // Galloping from the earliest review: no check or network beyond twice the answer.
        #expect(!analysis.search.checkedMakespans.isEmpty)
        #expect((analysis.search.checkedMakespans + analysis.search.networkMakespans).allSatisfy { $0 <= 14 })

        var short = FlowBoundAnalysis(FlowDemand(PlanningProblem(try Self.seed(horizonDays: 60))))
        #expect(try short.bound() == bound)
        #expect(short.search.checkedMakespans == analysis.search.checkedMakespans)
        #expect(short.search.networkMakespans == analysis.search.networkMakespans)
    }

    /// With a line no plan can take (sameItemPerAccount 1, 8 lines of one item, 5 accounts),
    /// the search galloped to the horizon; it now stops at greedy's makespan.
    @Test func flowSearchStopsAtGreedysMakespanWhenSomeLinesCannotRoute() throws {
        var instance = try Self.seed(horizonDays: 36_600)
        instance.rules.sameItemPerAccount = 1
        var analysis = FlowBoundAnalysis(FlowDemand(PlanningProblem(instance)))
        let bound = try analysis.bound()
        #expect(bound.unscheduled == 3 && bound.makespan == 7)
        #expect(analysis.search.limit == 7)
        // Past twice the latest earliest review, the search takes greedy's cut: nothing past 14.
        #expect(analysis.search.networkMakespans.allSatisfy { $0 <= 14 })
        let result = try FlowSolver().solve(PlanningProblem(instance), options: SolveOptions())
        #expect(result.run.status == .optimal && result.run.lowerBound == 7)
        #expect(Validator().validate(result.plan, against: instance).isFeasible)
    }

    /// The capacity check (earliest deadline first) agrees with Hall's condition over every
    /// interval of days, counted directly.
    @Test(arguments: 0..<40)
    func capacityCheckIsHallsCondition(seed: Int) throws {
        let problem = PlanningProblem(MIPTinyInstances.make(seed: UInt64(seed) + 3_000, maxLines: 10, maxDays: 9))
        let demand = FlowDemand(problem)
        let check = FlowCapacityCheck(demand)
        for makespan in 0...(problem.horizon + 1) {
            #expect(
                check.mayRouteAll(makespan: makespan) == Self.hall(demand, makespan: makespan),
                "seed \(seed), makespan \(makespan)")
        }
    }

    /// Hall's condition for routing every reachable purchase line before `makespan`, by brute force.
    static func hall(_ demand: FlowDemand, makespan: Int) -> Bool {
        let problem = demand.problem
        let days = min(makespan, problem.horizon)
        let shortest = demand.lags.first ?? 0
        var lines: [(first: Int, last: Int)] = []
        for l in demand.purchaseLines {
            let reviews = (0..<problem.accountCount).compactMap { a -> Int? in
                guard let day = demand.calendar.firstAvailable(a, from: problem.firstPurchaseDay[l]) else { return nil }
                return demand.calendar.reviewDay(a, purchasedOn: day, lag: problem.lag[l])
            }
            guard let earliest = reviews.min() else { continue }
            let last = makespan - 1 - problem.lag[l]
            if earliest >= makespan || problem.firstPurchaseDay[l] > last { return false }
            lines.append((problem.firstPurchaseDay[l], min(last, days - 1)))
        }
        guard days > 0 else { return lines.isEmpty }
        func capacity(_ d: Int) -> Int {
            (0..<problem.accountCount).reduce(0) { sum, a in
                guard demand.calendar.isAvailable(a, on: d),
                    let review = demand.calendar.reviewDay(a, purchasedOn: d, lag: shortest), review < makespan
                else { return sum }
                return sum + demand.dayRoom(a, d)
            }
        }
        for x in 0..<days {
            for y in x..<days {
                let inside = lines.count { $0.first >= x && $0.last <= y }
                if inside > (x...y).reduce(0) { $0 + capacity($1) } { return false }
            }
        }
        return true
    }
}
