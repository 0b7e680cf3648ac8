import RotaCore

/// What the staged MIP did: the schedule, its objective, and each stage's outcome.
public struct MIPReport: Sendable {
    /// How one stage ended.
    public struct Stage: Sendable, Hashable {
        public var level: ObjectiveLevel
        /// `optimal`, `skipped` (the incumbent met the level's bound), or the limit that stopped it.
        public var outcome: MIPStageOutcome
        /// The level's value after the stage (makespan in days, lateness, load...).
        public var value: Double
        /// The best bound proven for the level, when known.
        public var bound: Double?
        public var nodes: Int
        public var seconds: Double
    }

    /// Size of the model handed to GLPK.
    public struct Size: Sendable, Hashable {
        public var rows: Int
        public var columns: Int
        public var integerColumns: Int
        public var nonZeros: Int

        /// Rows, columns and non-zeros, as every solver reports a model's size.
        public var model: ModelSize { ModelSize(rows: rows, columns: columns, nonZeros: nonZeros) }
    }

    public var schedule: DenseSchedule
    public var objective: ObjectiveValues
    public var status: SolveStatus
    /// Proven lower bound on the makespan among plans leaving out no more lines.
    public var makespanBound: Int?
    public var stages: [Stage]
    public var size: Size
    /// Whether the warm start was used, and why not.
    public var warmStart: MIPWarmStart
    /// Days modelled: the problem's horizon, or the warm start's makespan when that bounds
    /// every better plan (see `MIPSolver`).
    public var horizon: Int
    public var seconds: Double
}
