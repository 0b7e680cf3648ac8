/// What one solver may spend on one benchmark instance: a time limit handed to the solver,
/// and a size cap above which the run is skipped (recorded as such) so the suite finishes.
package struct SolverBudget: Hashable, Sendable {
    /// Seconds passed as `SolveOptions.timeLimit`; `nil` for none.
    package var timeLimit: Double?
    /// Instances with more lines are skipped; `nil` for no cap.
    package var maxLines: Int?

    package init(timeLimit: Double? = nil, maxLines: Int? = nil) {
        self.timeLimit = timeLimit
        self.maxLines = maxLines
    }

    /// Whether an instance of `lines` lines is within the cap.
    package func admits(lines: Int) -> Bool { maxLines.map { lines <= $0 } ?? true }

    /// Seconds after which the run's process is stopped: twice the time limit plus half a
    /// minute (building, bounding and validating are outside the solver's limit), or `fallback`.
    package func deadline(fallback: Double) -> Double {
        timeLimit.map { $0 * 2 + 30 } ?? fallback
    }
}
