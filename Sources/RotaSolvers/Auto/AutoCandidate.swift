import RotaCore

/// One of `auto`'s plans in dense form, with its objective values and how to write it out as
/// a `Plan` (each solver with its own reasons for the lines it leaves out): plans are compared
/// and handed on densely, and only the one returned becomes a `Plan`.
struct AutoCandidate {
    var schedule: DenseSchedule
    /// `schedule.objectiveValues(in:)`.
    var values: ObjectiveValues
    /// The `Plan` of `schedule`, with a run record.
    var plan: (SolverRun) -> Plan

    init(_ schedule: DenseSchedule, values: ObjectiveValues, plan: @escaping (SolverRun) -> Plan) {
        self.schedule = schedule
        self.values = values
        self.plan = plan
    }
}
