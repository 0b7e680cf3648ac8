import _GLPK
import RotaCore
import RotaEvaluation

/// One staged solve: the GLPK model, the incumbent (always a feasible point, from the warm
/// start or "leave every line out"), the budgets left, and what each stage did.
///
/// The GLPK model is kept as its LP relaxation (all columns continuous) for the relaxations
/// and dives; integer kinds are set only around a branch and bound.
final class MIPRun {
    let formulation: MIPFormulation
    let model: LinearModel
    let options: SolveOptions
    let cuts: Bool
    let started: ContinuousClock.Instant
    /// Handed to every GLPK solve, which checks it between simplex slices and search nodes;
    /// it polls the caller's `stopRequested`.
    let stopToken: StopToken
    /// The combinatorial lower bound (`LowerBounds`), a floor for the first two stages.
    let floor: MakespanBound?
    /// The proven weighted-lateness bound for plans finishing by a makespan (first argument)
    /// and leaving out at most so many lines (second): the lateness stage's floor.
    let latenessFloor: ((Int, Int) -> LatenessBound?)?
    /// The horizon the makespan stage restricted the model to (reviews before it).
    private(set) var restrictedHorizon: Int?

    /// The incumbent's column values, canonical (loads, backlogs and overruns tight).
    private(set) var incumbent: [Double]
    private(set) var stages: [MIPReport.Stage] = []
    /// The first reason a stage was not proven optimal.
    var unproven: SolveStatus?
    private(set) var makespanBound: Int?
    private var nodesUsed = 0
    private var costColumns: [Int] = []
    /// Whether the overrun indicators are binary (the last stage) rather than continuous.
    private(set) var overrunsBinary = false
    /// Original upper bounds of the columns that carry a review day.
    private let reviewUpper: [(column: Int, day: Int, upper: Double)]

    init(
        formulation: MIPFormulation, start: [Double], options: SolveOptions, cuts: Bool,
        stopRequested: (@Sendable () -> Bool)?, started: ContinuousClock.Instant, floor: MakespanBound? = nil,
        latenessFloor: ((Int, Int) -> LatenessBound?)? = nil
    ) throws {
        self.started = started
        self.floor = floor
        self.latenessFloor = latenessFloor
        self.formulation = formulation
        self.options = options
        self.cuts = cuts
        stopToken = stopRequested.map { StopToken(polling: $0) } ?? StopToken()
        model = try formulation.program.glpkModel(named: formulation.problem.instance.name, relaxed: true)
        incumbent = start
        reviewUpper = formulation.reviewDay.enumerated().compactMap { j, day in
            day.map { (j, $0, formulation.program.columns[j].upper) }
        }
    }

    var elapsed: Double { started.secondsElapsed }

    /// Whether time, nodes or the caller's patience ran out (recording why).
    func exhausted() -> Bool {
        if unproven == .timeLimit || unproven == .nodeLimit || unproven == .interrupted { return true }
        if stopToken.isStopped {
            unproven = .interrupted
        } else if let limit = options.timeLimit, elapsed >= limit {
            unproven = .timeLimit
        } else if let limit = options.nodeLimit, nodesUsed >= limit {
            unproven = .nodeLimit
        } else {
            return false
        }
        return true
    }

    /// The budget `exhausted()` found spent, as the status of a stage it cut short.
    var exhaustedStatus: MIPStatus {
        switch unproven {
        case .nodeLimit: .nodeLimit
        case .interrupted: .interrupted
        default: .timeLimit
        }
    }

    /// The value of a level at the incumbent (0 for a level without a row).
    func level(_ level: ObjectiveLevel, at values: [Double]? = nil) -> Double {
        let values = values ?? incumbent
        switch level {
        case .makespan: return Double(makespan(of: values))
        case .largestLoad: return values[formulation.largestLoad]
        default:
            guard let row = formulation.levelRows[level] else { return 0 }
            return formulation.program.activity(of: formulation.program.rows[row], at: values)
        }
    }

    /// One past the last review day the values imply (at least the history floor).
    func makespan(of values: [Double]) -> Int {
        var last = formulation.makespanFloor
        for (j, day) in formulation.reviewDay.enumerated() where values[j] > 0.5 {
            if let day { last = max(last, day + 1) }
        }
        return last
    }

    /// What history adds to a level outside the model (completed reviews' lateness, overruns).
    func constant(_ level: ObjectiveLevel) -> Double {
        switch level {
        case .weightedLateness: return formulation.latenessConstant
        case .softOverruns: return Double(formulation.softOverrunConstant)
        default: return 0
        }
    }

    /// Records a stage that needed no solve: the incumbent already meets the level's bound.
    func skip(_ level: ObjectiveLevel) {
        let value = self.level(level) + constant(level)
        stages.append(MIPReport.Stage(level: level, outcome: .skipped, value: value, bound: value, nodes: 0, seconds: 0))
    }

    /// Records a stage's result (model bound, if any, plus the level's constant).
    func record(_ level: ObjectiveLevel, outcome: MIPStageOutcome, bound: Double?, nodes: Int, seconds: Double) {
        let extra = constant(level)
        stages.append(
            MIPReport.Stage(
                level: level, outcome: outcome, value: self.level(level) + extra, bound: bound.map { $0 + extra },
                nodes: nodes, seconds: seconds))
    }

    /// How a stage's (or a trial's) solve ended.
    struct StageOutcome {
        var status: MIPStatus
        var bound: Double?
        var foundSolution: Bool
        var nodes: Int
        var seconds: Double
        /// The incumbent reached the stage's `floor` (a proven bound), which ended the search.
        var metFloor = false
    }

    /// Whether an objective value `value` is within `Objective.tolerance` of a proven `floor`.
    static func meets(_ value: Double, floor: Double) -> Bool {
        value <= floor + Objective.tolerance * max(1, abs(floor))
    }

    /// Minimises `terms` within the budgets left: the LP relaxation and a dive first (enough
    /// when the dive meets the bound), then GLPK's branch and bound from the best point known.
    /// With `warm`, the incumbent is feasible and only replaced by something better; without,
    /// any point found becomes the incumbent. `integral`: the objective takes whole values.
    /// `floor`: a proven lower bound on the objective; the search stops as soon as the
    /// incumbent meets it (`StageOutcome.metFloor`).
    func minimise(
        _ terms: [LinearProgram.Term], stage: String, warm: Bool = true, integral: Bool = true, floor: Double? = nil
    ) throws -> StageOutcome {
        for j in costColumns { try model.setCost(0, for: LinearModel.Column(j)) }
        costColumns = terms.map(\.column)
        for term in terms { try model.setCost(term.coefficient, for: LinearModel.Column(term.column)) }
        func value(_ values: [Double]) -> Double { terms.reduce(0.0) { $0 + $1.coefficient * values[$1.column] } }
        let begun = elapsed
        let relaxation = try dive()
        if relaxation.infeasible {
            return StageOutcome(status: .infeasible, bound: nil, foundSolution: false, nodes: 0, seconds: elapsed - begun)
        }
        var found = false
        if let values = relaxation.values, !warm || value(values) < value(incumbent) - 1e-9 {
            take(values)
            found = true
        }
        if warm || found {
            options.progress?(
                SolveProgress(
                    stage: stage, incumbent: value(incumbent), bound: relaxation.bound,
                    gap: relaxation.bound.map { abs(value(incumbent) - $0) / max(1e-9, abs(value(incumbent))) },
                    nodes: nodesUsed, seconds: elapsed))
        }
        if warm || found, let floor, Self.meets(value(incumbent), floor: floor) {
            return StageOutcome(
                status: .optimal, bound: max(floor, relaxation.bound ?? floor), foundSolution: found, nodes: 0,
                seconds: elapsed - begun, metFloor: true)
        }
        if warm || found, let bound = relaxation.bound {
            let target = integral ? (bound - 1e-6).rounded(.up) : bound
            if value(incumbent) <= target + Objective.tolerance * max(1, abs(target)) {
                return StageOutcome(status: .optimal, bound: bound, foundSolution: found, nodes: 0, seconds: elapsed - begun)
            }
        }
        if exhausted() {
            return StageOutcome(
                status: exhaustedStatus, bound: relaxation.bound, foundSolution: found, nodes: 0,
                seconds: elapsed - begun)
        }
        let (outcome, metFloor) = try branchAndBound(stage: stage, warm: warm || found, floor: floor)
        found = found || outcome.hasSolution
        var bound = outcome.bestBound ?? relaxation.bound
        if metFloor, let floor { bound = max(floor, bound ?? floor) }
        return StageOutcome(
            status: metFloor ? .optimal : outcome.status, bound: bound, foundSolution: found,
            nodes: outcome.nodes, seconds: elapsed - begun, metFloor: metFloor)
    }

    /// GLPK's branch and bound on the current objective, from the incumbent when `warm`. With a
    /// `floor`, the search has its own stop token (which also obeys the caller's), raised by the
    /// progress callback when an incumbent meets the floor: that stop proves the stage, so it is
    /// not recorded as an interruption (`metFloor`).
    private func branchAndBound(stage: String, warm: Bool, floor: Double? = nil) throws -> (MIPOutcome, metFloor: Bool) {
        let before = nodesUsed
        let begun = elapsed
        let searchStop = floor == nil ? stopToken : StopToken(polling: { [stopToken] in stopToken.isStopped })
        let report = options.progress
        let progress: (@Sendable (MIPProgress) -> Void)?
        if report != nil || floor != nil {
            progress = { @Sendable (snapshot: MIPProgress) in
                if let floor, let incumbent = snapshot.incumbent,
                    incumbent <= floor + Objective.tolerance * max(1, abs(floor))
                {
                    searchStop.stop()
                }
                report?(
                    SolveProgress(
                        stage: stage, incumbent: snapshot.incumbent, bound: snapshot.bound, gap: snapshot.gap,
                        nodes: before + snapshot.nodes, seconds: begun + snapshot.seconds))
            }
        } else {
            progress = nil
        }
        let mipOptions = MIPOptions(
            timeLimit: options.timeLimit.map { max(0.001, $0 - elapsed) },
            relativeGap: options.relativeGap, nodeLimit: options.nodeLimit.map { max(1, $0 - nodesUsed) },
            warmStart: warm ? incumbent : nil, cuts: cuts, progressInterval: 0.1, progress: progress,
            stop: searchStop)
        let integers = integerColumns
        for j in integers { try model.setKind(formulation.program.columns[j].kind.glpk, for: LinearModel.Column(j)) }
        defer { for j in integers { try? model.setKind(.continuous, for: LinearModel.Column(j)) } }
        let outcome = try model.solve(mipOptions)
        nodesUsed += outcome.nodes
        if outcome.hasSolution, outcome.values.count == incumbent.count { take(outcome.values) }
        if let floor, outcome.status == .interrupted, !stopToken.isStopped, outcome.hasSolution,
            let objective = outcome.objective, Self.meets(objective, floor: floor)
        {
            return (outcome, true)
        }
        switch outcome.status {
        case .timeLimit: unproven = unproven ?? .timeLimit
        case .nodeLimit: unproven = unproven ?? .nodeLimit
        case .interrupted: unproven = unproven ?? .interrupted
        case .feasible: unproven = unproven ?? .feasible
        default: break
        }
        return (outcome, false)
    }

    /// Makes GLPK's values the incumbent, through the schedule they stand for.
    private func take(_ values: [Double]) {
        let schedule = formulation.schedule(from: values)
        incumbent = formulation.values(for: schedule) ?? values
    }

    /// Caps a level row at `value` for the stages that follow.
    func cap(_ level: ObjectiveLevel, at value: Double) throws {
        guard let row = formulation.levelRows[level] else { return }
        try model.setBounds(.atMost(value), for: LinearModel.Row(row))
    }

    /// Caps the largest load column.
    func capLargestLoad(at value: Double) throws {
        try model.setBounds(lower: 0, upper: value, for: LinearModel.Column(formulation.largestLoad))
    }

    /// Fixes every column whose review (or earliest possible review) is on day `horizon` or later to 0.
    func restrict(toHorizon horizon: Int) throws {
        restrictedHorizon = horizon
        for entry in reviewUpper {
            try model.setBounds(lower: 0, upper: entry.day >= horizon ? 0 : entry.upper, for: LinearModel.Column(entry.column))
        }
    }

    /// Counts the overrun indicators among the integer columns from now on (the last stage):
    /// before it they only matter as continuous relaxations, and branching on them is wasted.
    func makeOverrunsBinary() {
        overrunsBinary = true
    }

    /// Records the makespan bound the horizon search proved.
    func setMakespanBound(_ bound: Int) { makespanBound = bound }
}
