import RotaCore

/// The tests' shorthand for ranking schedules the way the MIP and the oracle do
/// (`Objective.defaultThenSoftOverruns`, with its one tolerance).
extension ObjectiveValues {
    /// Strictly better at the first level where the two differ.
    func isBetter(than other: ObjectiveValues) -> Bool {
        Objective.defaultThenSoftOverruns.compare(self, other) == .better
    }

    /// Equal at every level (lateness within `Objective.tolerance`).
    func isEquivalent(to other: ObjectiveValues) -> Bool {
        Objective.defaultThenSoftOverruns.compare(self, other) == .equal
    }
}
