import RotaCore

/// What the staged MIP did: the schedule, its objective, and each stage's outcome.
package struct MIPReport: Sendable {
    /// How one stage ended.
    package struct Stage: Sendable, Hashable {
        package var level: ObjectiveLevel
        /// `optimal`, `skipped` (the incumbent met the level's bound), or the limit that stopped it.
        package var outcome: MIPStageOutcome
        /// The level's value after the stage (makespan in days, lateness, load...).
        package var value: Double
        /// The best bound proven for the level, when known.
        package var bound: Double?
        package var nodes: Int
        package var seconds: Double
    }

    /// Size of the model handed to GLPK.
    package struct Size: Sendable, Hashable {
        package var rows: Int
        package var columns: Int
        package var integerColumns: Int
        package var nonZeros: Int

        /// Rows, columns and non-zeros, as every solver reports a model's size.
        package var model: ModelSize { ModelSize(rows: rows, columns: columns, nonZeros: nonZeros) }
    }

    package var schedule: DenseSchedule
    package var objective: ObjectiveValues
    package var status: SolveStatus
    /// Proven lower bound on the makespan among plans leaving out no more lines.
    package var makespanBound: Int?
    package var stages: [Stage]
    package var size: Size
    /// Whether the warm start was used, and why not.
    package var warmStart: MIPWarmStart
    /// Days modelled: the problem's horizon, or the warm start's makespan when that bounds
    /// every better plan (see `MIPSolver`).
    package var horizon: Int
    package var seconds: Double
}
