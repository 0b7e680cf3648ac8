import RotaCore
import RotaEvaluation
import RotaFormat
import RotaSolvers

/// Replays a chain of reschedules (`ReplayChain`) from its first instance and plan: each batch
/// is what one `rota reschedule` did, run the same way (the plan must fit the instance, the
/// events fold in as of the batch's day, `Rescheduler` replans, the validator checks), and the
/// next batch starts from what that reschedule would have written. Each step's instance and plan
/// go through their JSON form first, so a step sees exactly the bytes the next command of the
/// chain would read. With solvers that repeat their plans (every solver but a time-limited
/// search), the final plan has the chain's tasks.
package struct Replayer: Sendable {
    /// The solver of a batch whose marker names none.
    package var defaultSolver: String
    /// Makes a solver from its name (`SolverCatalog`).
    package var makeSolver: @Sendable (String) -> (any Solver)?

    package init(defaultSolver: String, makeSolver: @escaping @Sendable (String) -> (any Solver)?) {
        self.defaultSolver = defaultSolver
        self.makeSolver = makeSolver
    }

    /// The instance and plan after every batch; `step` is told after each one.
    package func replay(
        _ chain: ReplayChain, instance: Instance, plan: Plan, step: (ReplayStep) -> Void = { _ in }
    ) throws(ReplayError) -> (instance: Instance, plan: Plan) {
        var instance = instance
        var plan = plan
        for (index, batch) in chain.batches.enumerated() {
            let number = index + 1
            let fit = Validator(limit: 3).validate(plan, against: instance)
            guard fit.isFeasible else { throw .planDoesNotFit(batch: number, violations: fit.violations.map(\.message)) }
            let situation: RescheduleSituation
            do {
                situation = try EventApplier(instance: instance, plan: plan, today: batch.today).apply(batch.events)
            } catch {
                throw .events(batch: number, error)
            }
            // Overrides are hard constraints: one that cannot be honoured stops the replay, as it
            // stops `rota reschedule`, with the rule it would break.
            if !situation.instance.overrides.isEmpty {
                let placement = OverridePlacement(PlanningProblem(situation.instance))
                if !placement.isFeasible { throw .overrides(batch: number, placement.conflicts) }
            }
            let name = batch.solver ?? defaultSolver
            guard let solver = makeSolver(name) else { throw .solver(batch: number, name: name, message: "unknown solver") }
            let outcome: RescheduleOutcome
            do {
                outcome = try Rescheduler(solver: solver).replan(situation)
            } catch {
                throw .solver(batch: number, name: name, message: "\(error)")
            }
            guard outcome.outcome.validation.isFeasible else { throw .infeasible(batch: number) }
            do {
                instance = try RotaJSON.decodeInstance(RotaJSON.encode(situation.instance))
                plan = try RotaJSON.decodePlan(RotaJSON.encode(outcome.outcome.plan))
            } catch {
                throw .solver(batch: number, name: name, message: "its plan does not read back: \(error)")
            }
            step(ReplayStep(batch: number, of: chain.batches.count, today: batch.today, events: batch.events.count, solver: name, outcome: outcome))
        }
        return (instance, plan)
    }
}

/// What one replayed reschedule did, for progress lines.
package struct ReplayStep: Sendable {
    package var batch: Int
    package var of: Int
    package var today: Day
    package var events: Int
    package var solver: String
    package var outcome: RescheduleOutcome
}

/// Why a replay stopped, with the batch (1-based) where it did.
package enum ReplayError: Error, Sendable {
    /// The plan a batch starts from breaks the rules of its instance (only the first one can).
    case planDoesNotFit(batch: Int, violations: [String])
    /// The batch's events do not apply (each error has its line; the caller adds the file).
    case events(batch: Int, InputErrors)
    /// An override of the batch (or of the instance) cannot be honoured: each conflict names
    /// its line and the rule it would break.
    case overrides(batch: Int, [OverrideConflict])
    /// The solver failed or is unknown.
    case solver(batch: Int, name: String, message: String)
    /// The new plan broke a rule.
    case infeasible(batch: Int)
}
