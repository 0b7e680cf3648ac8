import RotaCore
import RotaEvaluation
import RotaSolvers

/// One solver on one benchmark instance, measured in this process: the instance is loaded
/// (or generated), the dense problem and its lower bound built (`SolveContext`), solved, and
/// the plan finished like any other (`PlanFinisher`: scored, bounded, validated). `rota bench`
/// runs each in a process of its own (`rota bench-run`) so that the peak memory belongs to
/// that run alone.
package struct BenchRun: Sendable {
    package var suite: String
    package var instance: BenchInstance
    package var solverName: String
    package var solver: any Solver
    package var options: SolveOptions
    /// Whether this process does nothing but this run (recorded with the memory figures).
    package var isolated: Bool

    package init(
        suite: String, instance: BenchInstance, solverName: String, solver: any Solver,
        options: SolveOptions = SolveOptions(), isolated: Bool
    ) {
        self.suite = suite
        self.instance = instance
        self.solverName = solverName
        self.solver = solver
        self.options = options
        self.isolated = isolated
    }

    /// Runs it; a solver error or an unreadable instance gives a `failed` record, an instance the
    /// solver declines up front (`SolverDeclining`) a `skipped` one, never a throw.
    package func run() -> BenchRecord {
        let limits = options.settings
        let loaded: Instance
        do {
            loaded = try instance.load()
        } catch {
            var record = BenchRecord(
                suite: suite, instance: instance.label, origin: instance.origin,
                size: BenchSize(lines: 0, accounts: 0, days: 0), solver: solverName, outcome: .failed,
                isolated: isolated, limits: limits, note: error.description)
            record.peakBytes = PeakMemory.bytes
            return record
        }
        var record = BenchRecord(
            suite: suite, instance: instance.label, origin: instance.origin, size: BenchSize(loaded),
            solver: solverName, outcome: .solved, isolated: isolated, limits: limits)
        record.loadedBytes = PeakMemory.bytes

        let clock = ContinuousClock()
        let problem = PlanningProblem(loaded)
        var started = clock.now
        let context = SolveContext(problem, options: options)
        record.boundSeconds = Self.seconds(clock.now - started)

        started = clock.now
        let result: SolveResult
        do {
            result = try solver.solve(in: context)
        } catch let declined as any SolverDeclining where declined.declineReason != nil {
            // Declined before any work, like a size cap (e.g. the MIP's own limit on its model).
            record.outcome = .skipped
            record.note = declined.declineReason
            record.peakBytes = PeakMemory.bytes
            return record
        } catch {
            record.outcome = .failed
            record.note = "solver error: \(error)"
            record.peakBytes = PeakMemory.bytes
            return record
        }
        record.seconds = Self.seconds(clock.now - started)

        started = clock.now
        let outcome = PlanFinisher.finish(result, in: context)
        let metrics = outcome.metrics
        let validation = outcome.validation
        let bound = outcome.bound
        record.checkSeconds = Self.seconds(clock.now - started)
        record.peakBytes = PeakMemory.bytes

        record.status = result.run.status.rawValue
        record.feasible = validation.isFeasible
        record.violations = validation.violations.count
        record.unscheduled = metrics.unscheduled
        record.makespan = metrics.makespan
        record.boundUnscheduled = bound.unscheduled
        record.lowerBound = bound.makespan
        if metrics.unscheduled == bound.unscheduled {
            // The finisher raised the run's bound to the combinatorial one and set its gap.
            record.lowerBound = outcome.run.lowerBound
            record.gap = outcome.run.gap
        }
        record.weightedLateness = metrics.weightedLateness
        record.largestLoad = metrics.largestLoad
        record.spread = metrics.spread
        record.softOverruns = metrics.softOverruns
        record.model = result.model
        return record
    }

    static func seconds(_ duration: Duration) -> Double {
        (duration.seconds * 1e6).rounded() / 1e6
    }
}
